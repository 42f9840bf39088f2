package nexus_test

import (
	"fmt"
	"log"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/nexus"
)

// A cartel cluster (cartel, gang, mafia) reaches a terrorist cell (cell,
// operative) through a launderer, and the gang has a second, longer route
// through a smuggler and a front company. Removing by nexus betweenness,
// re-ranked after each step, first takes out the launderer; the criminal
// → terrorist pairs stay connected through the longer route, whose
// smuggler and front company then tie (each on all six pairs' paths) and
// the front company, added first, goes first: ties go to the first actor
// in actor order. With no path left every score is 0 and the tie goes to
// the first actor, the cartel.
func ExampleDisrupt() {
	n := network.New("example")
	for _, a := range []network.Actor{
		{ID: "cartel", Kind: network.Cartel},
		{ID: "gang", Kind: network.Gang},
		{ID: "mafia", Kind: network.Mafia},
		{ID: "launderer", Kind: network.MoneyLaunderer},
		{ID: "front", Kind: network.FrontCompany},
		{ID: "smuggler", Kind: network.Smuggler},
		{ID: "cell", Kind: network.Cell},
		{ID: "operative", Kind: network.Operative},
	} {
		if err := n.AddActor(a); err != nil {
			log.Fatal(err)
		}
	}
	for _, e := range [][2]string{
		{"cartel", "gang"}, {"cartel", "mafia"}, {"gang", "mafia"},
		{"cartel", "launderer"}, {"launderer", "cell"}, {"cell", "operative"},
		{"gang", "smuggler"}, {"smuggler", "front"}, {"front", "cell"},
	} {
		if _, err := n.AddLink(network.Link{From: e[0], To: e[1], Type: "tie", Mutual: true, Weight: 1}); err != nil {
			log.Fatal(err)
		}
	}
	scope, err := analysis.NewScope(n, analysis.ScopeOptions{})
	if err != nil {
		log.Fatal(err)
	}
	steps, err := nexus.Disrupt(scope, nexus.DisruptOptions{
		Strategy:   nexus.ByNexusBetweenness,
		Sequential: true,
		Steps:      3,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("step removed    largest  F     DF    E     crime→terror pairs")
	for _, s := range steps {
		fmt.Printf("%-4d %-10s %-8d %.3f %.3f %.3f %d\n", s.Step, s.Actor, s.Largest,
			s.Fragmentation, s.DistanceFragmentation, s.Efficiency, s.ConnectedPairs)
	}
	// Output:
	// step removed    largest  F     DF    E     crime→terror pairs
	// 0               8        0.000 0.399 0.601 6
	// 1    launderer  7        0.000 0.429 0.571 6
	// 2    front      4        0.533 0.600 0.400 0
	// 3    cartel     3        0.600 0.650 0.350 0
}
