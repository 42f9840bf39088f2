package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/illicitnet/illicit/network"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func render(t testing.TB, n *network.Network, opts NetworkOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, Network(&b, n, opts))
	return b.Bytes()
}

func TestSVGIsXML(t *testing.T) {
	small := smallNetwork(t)
	empty := network.New("empty")
	weird := network.New("weird")
	require.NoError(t, weird.AddActor(network.Actor{ID: `a&b<c>"d'`, Name: "Ümlaut & <Ärger> \"quoted\" ünïcödé 東京 \x01"}))
	require.NoError(t, weird.AddActor(network.Actor{ID: "z", Name: "]]> --> <!-- &amp;"}))
	_, err := weird.AddLink(network.Link{From: `a&b<c>"d'`, To: "z", Type: `<&">`, Source: "S&P <500>", Weight: 1})
	require.NoError(t, err)

	cases := []struct {
		name string
		draw func(w io.Writer) error
	}{
		{"small", func(w io.Writer) error {
			return Network(w, small, NetworkOptions{Title: "A & B <c>", Subtitle: `"quoted" ñ`})
		}},
		{"small highlights", func(w io.Writer) error {
			return Network(w, small, NetworkOptions{Highlights: []Highlight{{Name: "x & <y>", Actors: []string{"farc", "nope"}, Links: []network.LinkID{0, 99}, Color: `"><script>`}}})
		}},
		{"weird names", func(w io.Writer) error { return Network(w, weird, NetworkOptions{Title: "東京 & <x>"}) }},
		{"western hemisphere", func(w io.Writer) error { return Network(w, westernHemisphere(t), NetworkOptions{}) }},
		{"krebs", func(w io.Writer) error { return Network(w, edgeListNetwork(t, "krebs-911"), NetworkOptions{}) }},
		{"empty network", func(w io.Writer) error { return Network(w, empty, NetworkOptions{Title: "none"}) }},
		{"nil network", func(w io.Writer) error { return Network(w, nil, NetworkOptions{}) }},
		{"no links selected", func(w io.Writer) error { return Network(w, small, NetworkOptions{Links: []network.LinkID{}}) }},
		{"lines", func(w io.Writer) error {
			return Lines(w, LineChart{Title: "a & b", XLabel: "<x>", YLabel: `"y"`, Series: []Series{{Name: "s & t", X: []float64{1, 2, 3}, Y: []float64{1, 4, 2}}}})
		}},
		{"lines single point", func(w io.Writer) error {
			return Lines(w, LineChart{Series: []Series{{Name: "one", X: []float64{2010}, Y: []float64{3}}}})
		}},
		{"lines all zero", func(w io.Writer) error { return Lines(w, LineChart{Series: []Series{{Y: []float64{0, 0, 0}}}}) }},
		{"lines NaN Inf", func(w io.Writer) error {
			return Lines(w, LineChart{Series: []Series{{Name: "bad", X: []float64{1, math.NaN(), 3, 4}, Y: []float64{math.Inf(1), 2, 3}}}})
		}},
		{"lines fixed range", func(w io.Writer) error {
			return Lines(w, LineChart{YMin: -1, YMax: 1, Series: []Series{{Name: "a", Y: []float64{-3, 0, 3}}, {Name: "b", Y: []float64{0.5}}}})
		}},
		{"lines empty", func(w io.Writer) error { return Lines(w, LineChart{Title: "nothing"}) }},
		{"lines only NaN", func(w io.Writer) error { return Lines(w, LineChart{Series: []Series{{Y: []float64{math.NaN()}}}}) }},
		{"bars", func(w io.Writer) error {
			return Bars(w, BarChart{Title: "b", Bars: []Bar{{Label: "A & <B>", Value: 3}, {Label: strings.Repeat("long ", 40), Value: 0, Highlight: true}}})
		}},
		{"bars negative", func(w io.Writer) error {
			return Bars(w, BarChart{Bars: []Bar{{Label: "n", Value: -2}, {Label: "p", Value: 1}, {Label: "nan", Value: math.NaN()}}})
		}},
		{"bars all zero", func(w io.Writer) error { return Bars(w, BarChart{Bars: []Bar{{Label: "z", Value: 0}}}) }},
		{"bars empty", func(w io.Writer) error { return Bars(w, BarChart{}) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, c.draw(&b))
			s := b.String()
			require.True(t, strings.HasPrefix(s, `<svg xmlns="http://www.w3.org/2000/svg" width="`), s[:min(80, len(s))])
			assert.Contains(t, s, `viewBox="0 0 `)
			assert.NotContains(t, s, "NaN")
			assert.NotContains(t, s, "Inf")
			assert.NotContains(t, s, "<script")
			parseXML(t, b.Bytes())
		})
	}
}

func TestEmptySaysNothingToDraw(t *testing.T) {
	for name, draw := range map[string]func(io.Writer) error{
		"network": func(w io.Writer) error { return Network(w, network.New("e"), NetworkOptions{}) },
		"lines":   func(w io.Writer) error { return Lines(w, LineChart{}) },
		"bars":    func(w io.Writer) error { return Bars(w, BarChart{}) },
	} {
		var b bytes.Buffer
		require.NoError(t, draw(&b), name)
		assert.Contains(t, b.String(), "nothing to draw", name)
	}
}

func TestDeterministic(t *testing.T) {
	wh := westernHemisphere(t)
	a := render(t, wh, NetworkOptions{Seed: 7})
	b := render(t, wh, NetworkOptions{Seed: 7})
	assert.Equal(t, a, b, "same seed, same bytes")
	c := render(t, wh, NetworkOptions{Seed: 8})
	assert.NotEqual(t, a, c, "different seeds, different layouts")

	l1 := Layout(wh, actorIDs(wh), nil, 3)
	l2 := Layout(wh, actorIDs(wh), nil, 3)
	assert.Equal(t, l1, l2)
}

func actorIDs(n *network.Network) []string {
	var ids []string
	for _, a := range n.Actors() {
		ids = append(ids, a.ID)
	}
	return ids
}

func linkIDs(n *network.Network) []network.LinkID {
	var ids []network.LinkID
	for _, l := range n.Links() {
		ids = append(ids, l.ID)
	}
	return ids
}

func TestLayoutInUnitSquare(t *testing.T) {
	for _, n := range []*network.Network{smallNetwork(t), westernHemisphere(t), randomNetwork(t, 300)} {
		pts := Layout(n, actorIDs(n), linkIDs(n), 1)
		require.Len(t, pts, n.NumActors())
		for id, p := range pts {
			assert.True(t, p.X >= 0 && p.X <= 1 && p.Y >= 0 && p.Y <= 1, "%s at %v", id, p)
		}
	}
	assert.Empty(t, Layout(network.New("e"), nil, nil, 1))
	one := Layout(smallNetwork(t), []string{"farc", "missing", "farc"}, nil, 1)
	assert.Len(t, one, 1)
}

// Components are packed side by side: no component drifts far from the rest.
func TestLayoutPacksComponents(t *testing.T) {
	n := network.New("islands")
	for i := 0; i < 30; i++ {
		require.NoError(t, n.AddActor(network.Actor{ID: string(rune('A' + i))}))
	}
	for i := 0; i < 30; i += 3 { // ten triangles
		for _, e := range [][2]int{{0, 1}, {1, 2}, {2, 0}} {
			_, err := n.AddLink(network.Link{From: string(rune('A' + i + e[0])), To: string(rune('A' + i + e[1])), Weight: 1})
			require.NoError(t, err)
		}
	}
	pts := Layout(n, actorIDs(n), linkIDs(n), 1)
	// Within a triangle the nodes are close; the drawing uses the square.
	for i := 0; i < 30; i += 3 {
		a, b := pts[string(rune('A'+i))], pts[string(rune('A'+i+1))]
		d := math.Hypot(a.X-b.X, a.Y-b.Y)
		assert.Less(t, d, 0.3, "triangle %d edge length %v", i/3, d)
		assert.Greater(t, d, 0.02)
	}
}

func TestLayoutSpeed300(t *testing.T) {
	n := randomNetwork(t, 300)
	start := time.Now()
	Layout(n, actorIDs(n), linkIDs(n), 1)
	el := time.Since(start)
	t.Logf("layout of 300 actors: %v", el)
	if !raceEnabled {
		assert.Less(t, el, time.Second)
	}
}

func BenchmarkLayout300(b *testing.B) {
	n := randomNetwork(b, 300)
	ids, links := actorIDs(n), linkIDs(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Layout(n, ids, links, 1)
	}
}

func BenchmarkNetwork300(b *testing.B) {
	n := randomNetwork(b, 300)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = Network(io.Discard, n, NetworkOptions{})
	}
}

func TestPlaceLabelsNoOverlap(t *testing.T) {
	bounds := rect{0, 0, 400, 300}
	var reqs []labelReq
	var obstacles []rect
	// a dense cluster of nodes with long labels: most cannot be placed
	for i := 0; i < 120; i++ {
		x := 50 + float64((i*37)%300)
		y := 40 + float64((i*53)%220)
		reqs = append(reqs, labelReq{X: x, Y: y, R: 5, W: 40 + float64(i%5)*15, H: 13})
		obstacles = append(obstacles, rect{x - 5, y - 5, 10, 10})
	}
	placed := placeLabels(reqs, obstacles, bounds, 1000)
	require.NotEmpty(t, placed)
	assert.Less(t, len(placed), len(reqs), "a crowded area cannot label everything")
	for i, p := range placed {
		assert.True(t, p.Box.inside(bounds))
		for j := i + 1; j < len(placed); j++ {
			assert.False(t, p.Box.overlaps(placed[j].Box), "labels %d and %d overlap", p.Req, placed[j].Req)
		}
		for k, o := range obstacles {
			assert.False(t, p.Box.overlaps(o), "label %d covers node %d", p.Req, k)
		}
	}
	assert.Len(t, placeLabels(reqs, obstacles, bounds, 5), 5, "max bounds the count")
	assert.Equal(t, 0, placed[0].Req, "first request has priority")
}

// labelBoxes reads the label texts of a network picture back as boxes.
func labelBoxes(t *testing.T, svg []byte, fs float64) []rect {
	var boxes []rect
	dec := xml.NewDecoder(bytes.NewReader(svg))
	inLabels := false
	var x, y float64
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
			if inLabels && e.Name.Local == "text" {
				x, y = atof(attr(e, "x")), atof(attr(e, "y"))
			}
		case xml.CharData:
			if inLabels && x != 0 {
				boxes = append(boxes, rect{x, y - fs*0.93, textWidth(string(e), fs), fs * 1.2})
				x = 0
			}
		case xml.EndElement:
			if e.Name.Local == "g" {
				inLabels = false
			}
		}
	}
	return boxes
}

func TestNetworkLabelsDoNotOverlap(t *testing.T) {
	for _, n := range []*network.Network{westernHemisphere(t), edgeListNetwork(t, "krebs-911")} {
		svg := render(t, n, NetworkOptions{MaxLabels: 1000})
		boxes := labelBoxes(t, svg, 11)
		require.NotEmpty(t, boxes)
		for i := range boxes {
			for j := i + 1; j < len(boxes); j++ {
				assert.False(t, boxes[i].overlaps(boxes[j]), "%v %v", boxes[i], boxes[j])
			}
		}
	}
	svg := render(t, westernHemisphere(t), NetworkOptions{MaxLabels: 5})
	assert.Len(t, labelBoxes(t, svg, 11), 5)
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func atof(s string) float64 {
	var v float64
	_, _ = fmtSscan(s, &v)
	return v
}

// legendKeys returns the data-key values of the legend rows of a class.
func legendKeys(t *testing.T, svg []byte, class string) []string {
	var keys []string
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		if e, ok := tok.(xml.StartElement); ok && attr(e, "class") == class {
			keys = append(keys, attr(e, "data-key"))
		}
	}
	return keys
}

func TestLegendListsWhatIsPresent(t *testing.T) {
	small := smallNetwork(t)
	cases := []struct {
		name     string
		n        *network.Network
		opts     NetworkOptions
		sectors  []string
		shapes   []string
		elements []string
		hybrid   bool
	}{
		{"small", small, NetworkOptions{},
			[]string{"criminal", "terrorist", "facilitator", "state", "licit", "counter", "place"},
			[]string{"circle", "triangle", "diamond", "hexagon", "square", "ring"},
			[]string{"materiel", "manpower", "money", "mechanism", "association"}, true},
		{"money only", small, NetworkOptions{Links: idsOf(small.LinksOfElement(network.Money))},
			[]string{"criminal", "terrorist", "facilitator", "state", "licit"}, // farc's criminal outline
			[]string{"circle", "triangle", "diamond", "hexagon"},
			[]string{"money"}, true},
		{"two actors", small, NetworkOptions{Links: []network.LinkID{}, Actors: []string{"dea", "port"}},
			[]string{"counter", "place"}, []string{"circle", "square"}, nil, false},
		{"krebs", edgeListNetwork(t, "krebs-911"), NetworkOptions{}, []string{""}, []string{"ring"}, []string{"association"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			svg := render(t, c.n, c.opts)
			got := legendKeys(t, svg, "legend-sector")
			sort.Strings(got)
			want := append([]string(nil), c.sectors...)
			sort.Strings(want)
			assert.Equal(t, want, got)
			assert.ElementsMatch(t, c.shapes, legendKeys(t, svg, "legend-shape"))
			assert.ElementsMatch(t, c.elements, legendKeys(t, svg, "legend-element"))
			assert.Equal(t, c.hybrid, len(legendKeys(t, svg, "legend-hybrid")) == 1)
		})
	}
}

func idsOf(ls []network.Link) []network.LinkID {
	var ids []network.LinkID
	for _, l := range ls {
		ids = append(ids, l.ID)
	}
	return ids
}

func TestSelection(t *testing.T) {
	small := smallNetwork(t)
	all := render(t, small, NetworkOptions{})
	assert.Equal(t, 12, strings.Count(string(all), `<g class="actor">`), "every actor, the isolate too")
	assert.Equal(t, 13, strings.Count(string(all), `<path class="link"`), "every link but the self-link")

	money := render(t, small, NetworkOptions{Links: idsOf(small.LinksOfElement(network.Money))})
	assert.Equal(t, 7, strings.Count(string(money), `<g class="actor">`)) // farc cartel hawala cell official bank front
	extra := render(t, small, NetworkOptions{Links: idsOf(small.LinksOfElement(network.Money)), Actors: []string{"loner", "ghost"}})
	assert.Equal(t, 8, strings.Count(string(extra), `<g class="actor">`))
	onlyActors := render(t, small, NetworkOptions{Actors: []string{"loner"}})
	assert.Equal(t, 12, strings.Count(string(onlyActors), `<g class="actor">`), "nil Links: ends of every link plus Actors")
}

func TestMaxActors(t *testing.T) {
	g := randomNetwork(t, 400)
	svg := string(render(t, g, NetworkOptions{Subtitle: "generated", MaxActors: 120}))
	assert.Equal(t, 120, strings.Count(svg, `<g class="actor">`))
	assert.Contains(t, svg, "generated · showing 120 of 400 actors")

	// by Size: the kept actors are the largest
	small := smallNetwork(t)
	size := map[string]float64{"farc": 5, "dea": 4, "port": 3, "cell": math.NaN()}
	s := string(render(t, small, NetworkOptions{Size: size, MaxActors: 3}))
	assert.Equal(t, 3, strings.Count(s, `<g class="actor">`))
	for _, name := range []string{"FARC", "DEA", "Puerto Cabello"} {
		assert.Contains(t, s, "<title>"+name)
	}
	assert.Contains(t, s, "showing 3 of 12 actors")
	assert.Equal(t, 0, strings.Count(s, `<path class="link"`), "only links among kept actors: none joins farc, dea and port")
}

func TestHighlights(t *testing.T) {
	small := smallNetwork(t)
	money := idsOf(small.LinksOfElement(network.Money))
	svg := string(render(t, small, NetworkOptions{Highlights: []Highlight{
		{Name: "convergence node", Actors: []string{"farc", "cartel"}},
		{Name: "money trail", Links: money, Color: "#123ABC"},
		{Name: "absent", Actors: []string{"ghost"}},
	}}))
	assert.ElementsMatch(t, []string{"convergence node", "money trail"}, legendKeys(t, []byte(svg), "legend-highlight"))
	assert.Equal(t, 2, strings.Count(svg, `stroke="`+highlightPalette[0]+`" stroke-width="3"/>`)-1, "two rings (and one in the legend)")
	assert.Contains(t, svg, `<g class="highlight-links" fill="none" stroke="#123abc"`)
	i := strings.Index(svg, `class="highlight-links"`)
	assert.Equal(t, len(money), strings.Count(svg[i:strings.Index(svg[i:], "</g>")+i], "<path"))
	assert.Less(t, i, strings.Index(svg, `<g class="actors">`), "highlighted links under the nodes")
	assert.Greater(t, i, strings.Index(svg, `<g class="links"`), "and over the other links")
}

func TestParallelLinksCurve(t *testing.T) {
	small := smallNetwork(t)
	svg := string(render(t, small, NetworkOptions{Links: idsOf(small.LinksBetween("farc", "cartel"))}))
	assert.Equal(t, 3, strings.Count(svg, `<path class="link"`))
	assert.Equal(t, 2, strings.Count(svg, "Q"), "outer two curve, the middle one is straight")
}

func TestNiceTicks(t *testing.T) {
	cases := []struct {
		lo, hi float64
		want   []float64
	}{
		{0, 10, []float64{0, 2, 4, 6, 8, 10}},
		{0, 0.93, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{-12.5, 3, []float64{-15, -10, -5, 0, 5}},
		{0, 0, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{2005, 2012, []float64{2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012}},
		{1000, 9000, []float64{0, 2000, 4000, 6000, 8000, 10000}},
	}
	for _, c := range cases {
		got, _ := niceTicks(c.lo, c.hi, 6)
		assert.InDeltaSlice(t, c.want, got, 1e-9, "%v..%v", c.lo, c.hi)
	}
	assert.Equal(t, "0.2", fmtTick(0.2, 0.2))
	assert.Equal(t, "20k", fmtTick(20000, 10000))
	assert.Equal(t, "1.2k", fmtTick(1200, 200))
	assert.Equal(t, "1002", fmtTick(1002, 2))
	assert.Equal(t, "1.5M", fmtTick(1.5e6, 5e5))
	assert.Equal(t, "2010", fmtTick(2010, 2))
}

func TestEscape(t *testing.T) {
	assert.Equal(t, "a &amp; &lt;b&gt; &#34;c&#34; ñ", esc(`a & <b> "c" ñ`))
	assert.Equal(t, "ab…", truncate("abcdef", 3))
	assert.Equal(t, "abc", truncate("abc", 3))
	assert.True(t, validColor("#a1B2c3"))
	assert.False(t, validColor(`#"><x`))
}
