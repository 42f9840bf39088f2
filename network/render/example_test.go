package render_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/render"
)

// Draw a small network with a highlighted convergence node.
func ExampleNetwork() {
	n := network.New("example")
	for _, a := range []network.Actor{
		{ID: "farc", Name: "FARC", Kind: network.Insurgency, Sectors: []network.Sector{network.Criminal}},
		{ID: "cartel", Name: "Cartel", Kind: network.Cartel},
		{ID: "hawala", Name: "Hawala", Kind: network.Hawala},
		{ID: "port", Name: "Port", Kind: network.Port},
	} {
		if err := n.AddActor(a); err != nil {
			log.Fatal(err)
		}
	}
	for _, l := range []network.Link{
		{From: "farc", To: "cartel", Element: network.Materiel, Type: "supplies", Weight: 1},
		{From: "cartel", To: "hawala", Element: network.Money, Type: "pays", Weight: 1},
		{From: "cartel", To: "port", Element: network.Mechanism, Mutual: true, Weight: 1},
	} {
		if _, err := n.AddLink(l); err != nil {
			log.Fatal(err)
		}
	}
	var b bytes.Buffer
	err := render.Network(&b, n, render.NetworkOptions{
		Title:      "Example",
		Highlights: []render.Highlight{{Name: "convergence node", Actors: []string{"farc"}}},
	})
	if err != nil {
		log.Fatal(err)
	}
	svg := b.String()
	fmt.Println(strings.HasPrefix(svg, `<svg xmlns="http://www.w3.org/2000/svg"`))
	fmt.Println(strings.Count(svg, `<g class="actor">`), "actors")
	fmt.Println(strings.Count(svg, `<g class="legend-sector"`), "sectors in the legend")
	// Output:
	// true
	// 4 actors
	// 4 sectors in the legend
}
