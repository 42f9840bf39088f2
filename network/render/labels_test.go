package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"sort"
	"testing"

	"github.com/illicitnet/illicit/network"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// labelTexts returns the texts of the labels of a network picture.
func labelTexts(t *testing.T, svg []byte) map[string]bool {
	out := map[string]bool{}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	inLabels, inText := false, false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local == "g" && attr(e, "class") == "labels" {
				inLabels = true
			}
			inText = inLabels && e.Name.Local == "text"
		case xml.CharData:
			if inText {
				out[string(e)] = true
			}
		case xml.EndElement:
			inText = false
			if e.Name.Local == "g" {
				inLabels = false
			}
		}
	}
	return out
}

// The hub of the Western Hemisphere scenario is crowded in by its
// neighbours, yet it and every highlighted actor are labelled.
func TestImportantActorsLabelled(t *testing.T) {
	wh := westernHemisphere(t)
	hl := []Highlight{
		{Name: "convergence node", Actors: []string{"colombian-dto", "farc", "tba", "wa-network", "ve-officials", "co-officials", "py-customs", "hizballah"}},
		{Name: "key player", Actors: []string{"colombian-dto", "hizballah", "mexican-dto", "gulf-cartel"}},
		{Name: "route chokepoint", Actors: []string{"colombia", "guatemala", "mexico", "venezuela", "guinea-bissau", "usa", "us-mx-border"}},
	}
	for _, opts := range []NetworkOptions{
		{Highlights: []Highlight{{Name: "convergence node", Actors: []string{"colombian-dto"}}}},
		{Highlights: hl},
		{Highlights: hl, MaxLabels: 12},
	} {
		svg := render(t, wh, opts)
		texts := labelTexts(t, svg)
		for _, h := range opts.Highlights {
			for _, id := range h.Actors {
				a, ok := wh.Actor(id)
				require.True(t, ok, id)
				assert.True(t, texts[truncate(a.Label(), 30)], "highlighted %s is labelled (seed %d, max %d)", id, opts.Seed, opts.MaxLabels)
			}
		}
		// The five largest by degree are labelled too.
		deg := map[string]int{}
		for _, l := range wh.Links() {
			if l.From != l.To {
				deg[l.From]++
				deg[l.To]++
			}
		}
		acts := wh.Actors()
		sort.SliceStable(acts, func(i, j int) bool { return deg[acts[i].ID] > deg[acts[j].ID] })
		for _, a := range acts[:mustLabelTop] {
			assert.True(t, texts[truncate(a.Label(), 30)], "large %s is labelled", a.ID)
		}
		if opts.MaxLabels > 0 {
			assert.LessOrEqual(t, len(texts), len(labelBoxes(t, svg, 11)))
		}
		boxes := labelBoxes(t, svg, 11)
		for i := range boxes {
			for j := i + 1; j < len(boxes); j++ {
				assert.False(t, boxes[i].overlaps(boxes[j]), "%v %v", boxes[i], boxes[j])
			}
		}
	}
	a, _ := wh.Actor("colombian-dto")
	svg := render(t, wh, NetworkOptions{Highlights: []Highlight{{Name: "convergence node", Actors: []string{"colombian-dto"}}}})
	assert.True(t, labelTexts(t, svg)[truncate(a.Label(), 30)])
}

func TestPlaceLabelsMust(t *testing.T) {
	bounds := rect{0, 0, 400, 300}
	// A node ringed by nodes: its near positions are all taken.
	obstacles := []rect{{190, 140, 20, 20}}
	for dx := -1; dx <= 1; dx++ {
		for dy := -1; dy <= 1; dy++ {
			if dx != 0 || dy != 0 {
				obstacles = append(obstacles, rect{190 + float64(dx)*60 - 25, 140 + float64(dy)*40 - 15, 70, 50})
			}
		}
	}
	reqs := []labelReq{{X: 200, Y: 150, R: 10, W: 60, H: 13, Must: true}}
	placed := placeLabels(reqs, obstacles, bounds, 10)
	require.Len(t, placed, 1)
	assert.True(t, placed[0].Leader)
	for _, o := range obstacles {
		assert.False(t, placed[0].Box.overlaps(o))
	}
	assert.LessOrEqual(t, placed[0].Box.dist(200, 150), farReach(reqs[0]))
	reqs[0].Must = false
	assert.Empty(t, placeLabels(reqs, obstacles, bounds, 10), "an ordinary label is skipped")

	// The count bound gives way to a label that must be placed.
	reqs = []labelReq{
		{X: 100, Y: 100, R: 5, W: 40, H: 13},
		{X: 300, Y: 200, R: 5, W: 40, H: 13, Must: true},
	}
	placed = placeLabels(reqs, nil, bounds, 1)
	require.Len(t, placed, 1)
	assert.Equal(t, 1, placed[0].Req)
}

// A node at the left edge of the drawing gets its label above or below it,
// slid into the drawing.
func TestPlaceLabelsAtEdge(t *testing.T) {
	bounds := rect{10, 0, 400, 300}
	obstacles := []rect{{15, 145, 10, 10}, {85, 100, 40, 100}}
	placed := placeLabels([]labelReq{{X: 20, Y: 150, R: 5, W: 70, H: 13}}, obstacles, bounds, 10)
	require.Len(t, placed, 1)
	assert.True(t, placed[0].Box.inside(bounds))
	assert.False(t, placed[0].Leader)
	assert.LessOrEqual(t, placed[0].Box.dist(20, 150), 5+2+1.0)
}

func TestUnknownKindPlainCircle(t *testing.T) {
	k := edgeListNetwork(t, "krebs-911")
	for _, a := range k.Actors() {
		require.Equal(t, network.KindUnknown, a.Kind)
	}
	svg := render(t, k, NetworkOptions{})
	assert.False(t, regexp.MustCompile(`<circle[^>]*fill="#ffffff"`).Match(svg), "no white centres")
	assert.Contains(t, string(svg), `fill="#999999"`)
	assert.Equal(t, []string{shapeKey(Ring)}, legendKeys(t, svg, "legend-shape"))
}
