package network_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/illicitnet/illicit/network"
	"gonum.org/v1/gonum/graph/topo"
)

// A small network built from open-source statements: run a gonum algorithm
// on the money layer and map the result back to actors.
func ExampleNetwork_UndirectedView() {
	n := network.New("example")
	for _, a := range []network.Actor{
		{ID: "farc", Kind: network.Insurgency, Sectors: []network.Sector{network.Criminal}},
		{ID: "cartel", Kind: network.Cartel},
		{ID: "hawala", Kind: network.Hawala},
		{ID: "cell", Kind: network.Cell},
		{ID: "port", Kind: network.Port},
	} {
		if err := n.AddActor(a); err != nil {
			log.Fatal(err)
		}
	}
	for _, l := range []network.Link{
		{From: "farc", To: "cartel", Element: network.Materiel, Type: "supplies", Commodity: "cocaine", Weight: 1},
		{From: "cartel", To: "hawala", Element: network.Money, Type: "pays", Weight: 1},
		{From: "hawala", To: "cell", Element: network.Money, Type: "funds", Weight: 1, Grade: network.MustParseGrade("B2")},
		{From: "cartel", To: "port", Element: network.Mechanism, Type: "operates_in", Mutual: true, Weight: 1},
	} {
		if _, err := n.AddLink(l); err != nil {
			log.Fatal(err)
		}
	}
	money, err := n.UndirectedView(network.ViewOptions{Elements: []network.Element{network.Money}})
	if err != nil {
		log.Fatal(err)
	}
	for _, component := range topo.ConnectedComponents(money) {
		var ids []string
		for _, node := range component {
			ids = append(ids, money.ActorID(node.ID()))
		}
		fmt.Println(len(ids), "actors")
	}
	farc, _ := n.Actor("farc")
	fmt.Println("FARC sectors:", farc.AllSectors(), "hybrid:", farc.Hybrid())
	// Unordered output:
	// 3 actors
	// 1 actors
	// 1 actors
	// FARC sectors: [terrorist criminal] hybrid: true
}

// Reading the native JSON format; errors name the file, line and record.
func ExampleReadJSON() {
	doc := `{
  "name": "demo",
  "actors": [
    {"id": "a", "kind": "cartel"},
    {"id": "b", "kind": "cel"}
  ]
}`
	_, err := network.ReadJSON(strings.NewReader(doc), "demo.json", network.Limits{})
	fmt.Println(err)
	// Output:
	// demo.json:5:5: actors[1]: actor "b": unknown kind "cel"
}
