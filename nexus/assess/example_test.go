package assess_test

import (
	"fmt"
	"log"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/nexus/assess"
)

// A task force interdicts a smuggler; a regional programme, rated as
// CARSI is in Table 1 of Realuyo (2013), operates in the port where a
// cartel is located. The hawala that moves the cartel's money to a
// terrorist group is covered by neither: it is the gap (it shares the
// cartel–group paths with the smuggler, who ranks first on the tie by
// actor order, and it is the money gateway). The programme
// covers actors but is weak on mechanisms and resources.
func Example() {
	n := network.New("example")
	for _, a := range []network.Actor{
		{ID: "jiatf", Kind: network.TaskForce},
		{ID: "carsi", Kind: network.Agency, Attributes: network.Attributes{
			"political_will": "Yes", "institutions": "Yes", "mechanisms": "Limited",
			"resources": "Insufficient", "measures_of_effectiveness": "Unclear",
			"rating_source": "Realuyo (2013), Table 1"}},
		{ID: "cartel", Kind: network.Cartel},
		{ID: "smuggler", Kind: network.Smuggler},
		{ID: "hawala", Kind: network.Hawala},
		{ID: "group", Kind: network.TerroristGroup},
		{ID: "port", Kind: network.Port},
	} {
		if err := n.AddActor(a); err != nil {
			log.Fatal(err)
		}
	}
	for _, l := range []network.Link{
		{From: "cartel", To: "smuggler", Element: network.Materiel, Type: "supplies"},
		{From: "smuggler", To: "group", Element: network.Materiel, Type: "supplies"},
		{From: "cartel", To: "hawala", Element: network.Money, Type: "funds"},
		{From: "hawala", To: "group", Element: network.Money, Type: "funds"},
		{From: "cartel", To: "port", Element: network.Mechanism, Type: "located_at"},
		{From: "jiatf", To: "smuggler", Element: network.Mechanism, Type: "interdicts"},
		{From: "carsi", To: "port", Element: network.Mechanism, Type: "operates_in"},
		{From: "jiatf", To: "carsi", Element: network.Manpower, Type: "partners_with", Mutual: true},
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
	bodies, err := assess.Bodies(n)
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range bodies {
		if b.Rated() {
			fmt.Println(b.ID, b.Ratings)
		}
	}
	g, err := assess.Gaps(s, assess.GapOptions{})
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range g.Coverage.Bodies {
		fmt.Println(b.Body, "covers", b.Actors())
	}
	for _, gap := range g.Gaps {
		fmt.Println("gap:", gap.Actor, gap.Reasons)
	}
	for _, w := range assess.Weak(bodies, g.Coverage) {
		fmt.Println("weak:", w.Body, w.Elements, w.Ratings)
	}
	fmt.Println("connected:", assess.Structure(s).Connected)
	// Output:
	// carsi [Yes Yes Limited Insufficient Unclear]
	// jiatf covers [smuggler]
	// carsi covers [cartel port]
	// gap: hawala [nexus betweenness rank 2 convergence node money gateway]
	// weak: carsi [mechanisms resources] [Limited Insufficient]
	// connected: true
}
