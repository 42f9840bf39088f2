package robust_test

import (
	"fmt"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/nexus/robust"
)

// A smuggler x brokers between four cartels and a terrorist cell's hub t1,
// but its tie to t1 rests on one report graded E5; an arms broker y joins
// cartel c1 and cell member t2 by A1 reports. x is the critical node of
// the nexus on the full network, and the analyses say how little that
// rests on.
func Example() {
	n := network.New("broker")
	for _, a := range []network.Actor{
		{ID: "c1", Kind: network.Cartel}, {ID: "c2", Kind: network.Cartel}, {ID: "c3", Kind: network.Cartel},
		{ID: "c4", Kind: network.Cartel}, {ID: "x", Kind: network.Smuggler}, {ID: "t1", Kind: network.Cell},
		{ID: "t2", Kind: network.Cell}, {ID: "t3", Kind: network.Cell}, {ID: "t4", Kind: network.Cell},
		{ID: "y", Kind: network.ArmsBroker},
	} {
		if err := n.AddActor(a); err != nil {
			panic(err)
		}
	}
	for _, l := range [][4]string{
		{"c1", "x", "A1", "police report"}, {"c2", "x", "A1", "police report"}, {"c3", "x", "A1", "police report"},
		{"c4", "x", "A1", "police report"}, {"x", "t1", "E5", "informant rumour"}, {"t1", "t2", "A1", "intercept"},
		{"t1", "t3", "A1", "intercept"}, {"t1", "t4", "A1", "intercept"}, {"c1", "y", "A1", "customs seizure"},
		{"y", "t2", "A1", "customs seizure"},
	} {
		if _, err := n.AddLink(network.Link{From: l[0], To: l[1], Grade: network.MustParseGrade(l[2]), Source: l[3]}); err != nil {
			panic(err)
		}
	}
	s, err := analysis.NewScope(n, analysis.ScopeOptions{})
	if err != nil {
		panic(err)
	}
	m := robust.NexusBetweenness()

	crit, err := robust.Criticality(s, m, robust.CriticalityOptions{K: 2})
	if err != nil {
		panic(err)
	}
	c := crit.Links[0]
	fmt.Printf("first on the full network: %v (%g)\n", crit.FullFirst, crit.FullScore)
	fmt.Printf("most critical report: %s–%s, %s, graded %s: first without it %v\n",
		c.Link.From, c.Link.To, c.Link.Source, c.Link.Grade, c.First)

	sens, err := robust.Sensitivity(s, m, robust.SensitivityOptions{K: 2})
	if err != nil {
		panic(err)
	}
	at := sens.Thresholds[sens.ChangesAt]
	fmt.Printf("first changes at minimum grade %s (confidence %.2f) to %v\n", at.MinGrade, at.Confidence, at.First)

	mc, err := robust.MonteCarlo(s, m, robust.MonteCarloOptions{Runs: 1000, Seed: 1, K: 2})
	if err != nil {
		panic(err)
	}
	for _, id := range []string{"x", "y"} {
		a, _ := mc.Actor(id)
		fmt.Printf("%s: mean %.2f, 90%% interval [%g, %g], P(first) %.3f\n", id, a.Mean, a.Low, a.High, a.PFirst)
	}
	fmt.Printf("Kendall tau-b against the full network: mean %.2f\n", mc.Tau.Mean)
	// Output:
	// first on the full network: [x] (15)
	// most critical report: x–t1, informant rumour, graded E5: first without it [y]
	// first changes at minimum grade D5 (confidence 0.08) to [y]
	// x: mean 12.13, 90% interval [12, 12], P(first) 0.045
	// y: mean 15.32, 90% interval [16, 16], P(first) 0.955
	// Kendall tau-b against the full network: mean 0.53
}
