package nexus_test

import (
	"fmt"
	"log"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/nexus"
)

// A cartel buys arms from a FARC-like insurgency (a hybrid, tagged
// criminal) and pays a hawala operator who funds a terrorist cell: who sits
// where crime and terror meet, and why. Nexus betweenness (criminal →
// terrorist, ordered pairs) is cartel 3, cell 3, farc 2, hawala 2: the
// cartel and the cell sit on every path to the operative or from the gang,
// and the two routes cartel → farc → cell and cartel → hawala → cell split
// the rest. The hybrid insurgency ranks first on its hybrid status and
// its three elements; cartel and cell tie and are listed in actor order,
// and so are the neighbours.
func ExampleConvergence() {
	n := network.New("example")
	for _, a := range []network.Actor{
		{ID: "cartel", Kind: network.Cartel},
		{ID: "farc", Kind: network.Insurgency, Sectors: []network.Sector{network.Criminal}},
		{ID: "gang", Kind: network.Gang},
		{ID: "hawala", Kind: network.Hawala},
		{ID: "cell", Kind: network.Cell},
		{ID: "operative", Kind: network.Operative},
	} {
		if err := n.AddActor(a); err != nil {
			log.Fatal(err)
		}
	}
	for _, l := range []network.Link{
		{From: "gang", To: "cartel", Element: network.Manpower, Type: "provides_service_to"},
		{From: "farc", To: "cartel", Element: network.Materiel, Type: "supplies", Commodity: "cocaine"},
		{From: "cartel", To: "farc", Element: network.Money, Type: "pays"},
		{From: "cartel", To: "hawala", Element: network.Money, Type: "pays"},
		{From: "hawala", To: "cell", Element: network.Money, Type: "funds"},
		{From: "hawala", To: "cell", Element: network.Mechanism, Type: "communicates_with"},
		{From: "farc", To: "cell", Element: network.Manpower, Type: "allied_with", Mutual: true},
		{From: "cell", To: "operative", Element: network.Manpower, Type: "member_of", Mutual: true},
	} {
		l.Weight = 1
		if _, err := n.AddLink(l); err != nil {
			log.Fatal(err)
		}
	}
	s, err := analysis.NewScope(n, analysis.ScopeOptions{})
	if err != nil {
		log.Fatal(err)
	}
	nodes, err := nexus.Convergence(s, nexus.ConvergenceOptions{})
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range nodes {
		fmt.Printf("%-7s score %.3f = ¼(NB' %.2f + Blau %.2f + mult %.2f + hybrid %v)  A%v B%v\n",
			c.Actor, c.Score, c.Betweenness, c.Blau, c.Multiplexity, c.Hybrid, c.NeighboursA, c.NeighboursB)
	}
	// Output:
	// farc    score 0.729 = ¼(NB' 0.67 + Blau 0.50 + mult 0.75 + hybrid true)  A[cartel] B[cell]
	// cartel  score 0.590 = ¼(NB' 1.00 + Blau 0.61 + mult 0.75 + hybrid false)  A[farc gang] B[farc]
	// cell    score 0.590 = ¼(NB' 1.00 + Blau 0.61 + mult 0.75 + hybrid false)  A[farc] B[farc operative]
	// hawala  score 0.417 = ¼(NB' 0.67 + Blau 0.50 + mult 0.50 + hybrid false)  A[cartel] B[cell]
}
