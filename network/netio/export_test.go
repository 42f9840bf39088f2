package netio_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/formats/cytoscapejs"
	"gonum.org/v1/gonum/graph/formats/gexf12"
	"gonum.org/v1/gonum/graph/multi"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/netio"
)

// exportNetwork is a small typed network with directed and mutual links,
// parallel links, a self-tie, dates, grades, attributes of every type (one
// with two types) and an actor whose ID is an edge ID of Cytoscape.js.
func exportNetwork(t testing.TB) *network.Network {
	t.Helper()
	n := network.New("Tri-border")
	n.Description = "a test network"
	for _, a := range []network.Actor{
		{ID: "farc", Name: "FARC", Kind: network.Insurgency, Sectors: []network.Sector{network.Criminal},
			Aliases: []string{"FARC-EP", "Fuerzas"}, Attributes: network.Attributes{
				"founded": int64(1964), "strength": 3.0, "country": "CO", "active": true}},
		{ID: "cartel", Kind: network.Cartel, Attributes: network.Attributes{"founded": "1990s"}},
		{ID: "hawala", Name: "Say \"hi\"\n<b>", Kind: network.Hawala},
		{ID: "e0"},
	} {
		require.NoError(t, n.AddActor(a))
	}
	for _, l := range []network.Link{
		{From: "farc", To: "cartel", Element: network.Materiel, Type: "supplies", Weight: 2.5,
			Grade: network.MustParseGrade("B2"), Start: network.Date{Year: 2001}, End: network.Date{Year: 2003, Month: 6},
			Commodity: "cocaine", Mode: "sea"},
		{From: "cartel", To: "farc", Mutual: true, Type: "allied", Weight: 1},
		{From: "farc", To: "cartel", Element: network.Money, Type: "funds", Weight: 0, Channel: "hawala",
			Source: "UN report", Start: network.Date{Year: 2002, Month: 2, Day: 3},
			Attributes: network.Attributes{"amount": int64(5000), "currency": "USD"}},
		{From: "hawala", To: "hawala", Element: network.Money, Weight: 1, End: network.Date{Year: 2004, Month: 2}},
		{From: "hawala", To: "e0", Weight: 4},
	} {
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	return n
}

// mutualNetwork is exportNetwork with every link mutual.
func mutualNetwork(t testing.TB) *network.Network {
	t.Helper()
	n := exportNetwork(t)
	for _, l := range n.Links() {
		l.Mutual = true
		require.NoError(t, n.UpdateLink(l.ID, l))
	}
	return n
}

func writeGEXF(t testing.TB, n *network.Network, opts netio.ExportOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, netio.WriteGEXF(&b, n, opts))
	return b.Bytes()
}

// gexfValues returns the attribute values of a node or edge by column title.
func gexfValues(cols []gexf12.Attribute, av *gexf12.AttValues) map[string]string {
	title := map[string]string{}
	for _, c := range cols {
		title[c.ID] = c.Title + ":" + c.Type
	}
	out := map[string]string{}
	if av != nil {
		for _, v := range av.AttValues {
			out[title[v.For]] = v.Value
		}
	}
	return out
}

func TestWriteGEXF(t *testing.T) {
	measures := netio.ExportOptions{Measures: map[string]map[string]float64{
		"degree":      {"farc": 3, "cartel": 3, "hawala": 2, "e0": 1},
		"betweenness": {"farc": 0.5},
	}}
	// A directed network keeps its mutual links as edges of GEXF's type
	// "mutual" (gexf12.Edge.Type types each edge), which NetworkX reads as
	// a pair of directed edges and Gephi as a tie both ways. A mixed graph
	// with type="undirected" edges is not used: NetworkX's read_gexf
	// refuses an undirected edge in a directed graph. A network whose links
	// are all mutual is an undirected graph.
	tests := []struct {
		name        string
		n           *network.Network
		opts        netio.ExportOptions
		defaultType string
		edgeTypes   []string
		mode        string
		mutual0     string
	}{
		{"mixed", exportNetwork(t), measures, "directed",
			[]string{"directed", "mutual", "directed", "directed", "directed"}, "dynamic", "false"},
		{"all mutual", mutualNetwork(t), netio.ExportOptions{}, "undirected",
			[]string{"undirected", "undirected", "undirected", "undirected", "undirected"}, "dynamic", "true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := writeGEXF(t, tt.n, tt.opts)
			assert.Equal(t, out, writeGEXF(t, tt.n, tt.opts), "deterministic")
			assert.True(t, bytes.HasPrefix(out, []byte(xml.Header)))

			var doc gexf12.Content
			require.NoError(t, xml.Unmarshal(out, &doc))
			assert.Equal(t, "1.2", doc.Version)
			assert.Equal(t, "http://www.gexf.net/1.2draft", doc.XMLName.Space)
			require.NotNil(t, doc.Meta)
			assert.Equal(t, "Tri-border: a test network", doc.Meta.Description)
			g := doc.Graph
			assert.Equal(t, tt.defaultType, g.DefaultEdgeType)
			assert.Equal(t, tt.mode, g.Mode)
			assert.Equal(t, "date", g.TimeFormat)
			var nodeCols, edgeCols []gexf12.Attribute
			for _, a := range g.Attributes {
				switch a.Class {
				case "node":
					nodeCols = a.Attributes
				case "edge":
					edgeCols = a.Attributes
				}
			}

			require.Len(t, g.Nodes.Nodes, 4)
			assert.Equal(t, 4, g.Nodes.Count)
			var ids, labels []string
			for _, nd := range g.Nodes.Nodes {
				ids = append(ids, nd.ID)
				labels = append(labels, nd.Label)
			}
			assert.Equal(t, []string{"farc", "cartel", "hawala", "e0"}, ids)
			assert.Equal(t, []string{"FARC", "cartel", "Say \"hi\"\n<b>", "e0"}, labels)
			farc := gexfValues(nodeCols, g.Nodes.Nodes[0].AttValues)
			assert.Equal(t, "insurgency", farc["kind:string"])
			assert.Equal(t, "terrorist", farc["sector:string"])
			assert.Equal(t, "terrorist;criminal", farc["sectors:string"])
			assert.Equal(t, "FARC-EP;Fuerzas", farc["aliases:string"])
			assert.Equal(t, "1964", farc["founded:long"])
			assert.Equal(t, "3.0", farc["strength:double"])
			assert.Equal(t, "CO", farc["country:string"])
			assert.Equal(t, "true", farc["active:boolean"])
			cartel := gexfValues(nodeCols, g.Nodes.Nodes[1].AttValues)
			assert.Equal(t, "1990s", cartel["founded:string"])
			assert.NotContains(t, cartel, "founded:long")
			e0Vals := gexfValues(nodeCols, g.Nodes.Nodes[3].AttValues)
			if tt.opts.Measures == nil {
				assert.Empty(t, e0Vals)
			} else {
				assert.Equal(t, map[string]string{"degree:double": "1"}, e0Vals)
			}
			if tt.opts.Measures != nil {
				assert.Equal(t, "0.5", farc["betweenness:double"])
				assert.Equal(t, "3", farc["degree:double"])
				assert.NotContains(t, cartel, "betweenness:double")
				assert.Equal(t, "3", cartel["degree:double"])
				var titles []string
				for _, c := range nodeCols {
					titles = append(titles, c.Title)
				}
				assert.Equal(t, []string{"kind", "sector", "sectors", "aliases", "active", "country",
					"founded", "founded", "strength", "betweenness", "degree"}, titles)
			}

			require.Len(t, g.Edges.Edges, 5)
			assert.Equal(t, 5, g.Edges.Count)
			// Every edge has its weight, the zero weight of the money link
			// too: a GEXF reader takes a missing weight as 1.
			assert.Equal(t, 5, bytes.Count(out, []byte(` weight="`)))
			assert.Contains(t, string(out), `source="farc" target="cartel" weight="0"`)
			var types []string
			for i, e := range g.Edges.Edges {
				types = append(types, e.Type)
				l, _ := tt.n.Link(network.LinkID(i))
				assert.Equal(t, l.From, e.Source)
				assert.Equal(t, l.To, e.Target)
				assert.Equal(t, l.Type, e.Label)
				assert.Equal(t, l.Weight, e.Weight)
			}
			assert.Equal(t, tt.edgeTypes, types)
			e0 := g.Edges.Edges[0]
			assert.Equal(t, "0", e0.ID)
			assert.Equal(t, "2001-01-01", e0.Start)
			assert.Equal(t, "2003-06-30", e0.End)
			v0 := gexfValues(edgeCols, e0.AttValues)
			assert.Equal(t, "materiel", v0["element:string"])
			assert.Equal(t, "supplies", v0["type:string"])
			assert.Equal(t, "cocaine", v0["commodity:string"])
			assert.Equal(t, "sea", v0["mode:string"])
			assert.Equal(t, "B2", v0["grade:string"])
			assert.Equal(t, tt.mutual0, v0["mutual:boolean"])
			e2 := g.Edges.Edges[2]
			assert.Equal(t, "2002-02-03", e2.Start)
			assert.Empty(t, e2.End, "an open end is omitted")
			v2 := gexfValues(edgeCols, e2.AttValues)
			assert.Equal(t, "hawala", v2["channel:string"])
			assert.Equal(t, "UN report", v2["source:string"])
			assert.Equal(t, "5000", v2["amount:long"])
			assert.Equal(t, "USD", v2["currency:string"])
			e3 := g.Edges.Edges[3]
			assert.Empty(t, e3.Start, "an open start is omitted")
			assert.Equal(t, "2004-02-29", e3.End)
			assert.Equal(t, "association", gexfValues(edgeCols, g.Edges.Edges[1].AttValues)["element:string"])
		})
	}
}

// TestWriteGEXFDynamics checks that link intervals become edge start and
// end days (the first day of Start, the last day of End, whatever their
// precision), that an open side is left out, and that the graph is
// dynamic, with timeformat="date", only if some link has a date.
func TestWriteGEXFDynamics(t *testing.T) {
	spans := []struct {
		name       string
		start, end network.Date
		want       [2]string // GEXF start and end; "" when left out
	}{
		{"years and months", network.Date{Year: 2001}, network.Date{Year: 2003, Month: 6}, [2]string{"2001-01-01", "2003-06-30"}},
		{"one month", network.Date{Year: 2000, Month: 12}, network.Date{Year: 2000, Month: 12}, [2]string{"2000-12-01", "2000-12-31"}},
		{"days", network.Date{Year: 2001, Month: 9, Day: 11}, network.Date{Year: 2001, Month: 9, Day: 11}, [2]string{"2001-09-11", "2001-09-11"}},
		{"open end", network.Date{Year: 2002, Month: 2, Day: 3}, network.Date{}, [2]string{"2002-02-03", ""}},
		{"open start, leap February", network.Date{}, network.Date{Year: 2004, Month: 2}, [2]string{"", "2004-02-29"}},
		{"undated", network.Date{}, network.Date{}, [2]string{"", ""}},
	}
	read := func(t *testing.T, n *network.Network) gexf12.Graph {
		var doc gexf12.Content
		require.NoError(t, xml.Unmarshal(writeGEXF(t, n, netio.ExportOptions{}), &doc))
		return doc.Graph
	}

	n := network.New("spans")
	for _, id := range []string{"a", "b"} {
		require.NoError(t, n.AddActor(network.Actor{ID: id}))
	}
	for _, s := range spans {
		_, err := n.AddLink(network.Link{From: "a", To: "b", Type: s.name, Weight: 1, Start: s.start, End: s.end})
		require.NoError(t, err)
	}
	g := read(t, n)
	assert.Equal(t, "dynamic", g.Mode)
	assert.Equal(t, "date", g.TimeFormat)
	require.Len(t, g.Edges.Edges, len(spans))
	for i, s := range spans {
		e := g.Edges.Edges[i]
		assert.Equal(t, s.name, e.Label)
		assert.Equal(t, s.want, [2]string{e.Start, e.End}, s.name)
		assert.Empty(t, e.StartOpen+e.EndOpen, s.name)
	}

	static := network.New("static")
	for _, id := range []string{"a", "b"} {
		require.NoError(t, static.AddActor(network.Actor{ID: id}))
	}
	_, err := static.AddLink(network.Link{From: "a", To: "b", Weight: 1})
	require.NoError(t, err)
	g = read(t, static)
	assert.Equal(t, "static", g.Mode)
	assert.Empty(t, g.TimeFormat)
	require.Len(t, g.Edges.Edges, 1)
	assert.Empty(t, g.Edges.Edges[0].Start+g.Edges.Edges[0].End)
}

func TestWriteGEXFMeasureErrors(t *testing.T) {
	n := exportNetwork(t)
	tests := []struct {
		name     string
		measures map[string]map[string]float64
		want     string
	}{
		{"unknown actor", map[string]map[string]float64{"degree": {"farc": 1, "nobody": 2}}, `measure "degree": no actor "nobody"`},
		{"empty name", map[string]map[string]float64{"": {"farc": 1}}, "measure with an empty name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := netio.WriteGEXF(&b, n, netio.ExportOptions{Measures: tt.measures})
			assert.ErrorContains(t, err, tt.want)
			assert.Zero(t, b.Len(), "nothing written")
		})
	}
}

// dotGraph is a gonum multigraph that keeps the DOT IDs and attributes
// dot.UnmarshalMulti gives its nodes and lines.
type dotGraph struct {
	encoding.MultiBuilder
	nodes []*dotTestNode
	lines []*dotTestLine
}

func (g *dotGraph) NewNode() graph.Node {
	n := &dotTestNode{Node: g.MultiBuilder.NewNode()}
	g.nodes = append(g.nodes, n)
	return n
}

func (g *dotGraph) NewLine(from, to graph.Node) graph.Line {
	l := &dotTestLine{Line: g.MultiBuilder.NewLine(from, to)}
	g.lines = append(g.lines, l)
	return l
}

type dotTestNode struct {
	graph.Node
	dotID string
	attrs encoding.Attributes
}

func (n *dotTestNode) SetDOTID(id string)                      { n.dotID = id }
func (n *dotTestNode) SetAttribute(a encoding.Attribute) error { return n.attrs.SetAttribute(a) }

type dotTestLine struct {
	graph.Line
	attrs encoding.Attributes
}

func (l *dotTestLine) SetAttribute(a encoding.Attribute) error { return l.attrs.SetAttribute(a) }

func attrMap(a encoding.Attributes) map[string]string {
	m := map[string]string{}
	for _, x := range a {
		m[x.Key] = x.Value
	}
	return m
}

func TestWriteDOT(t *testing.T) {
	tests := []struct {
		name    string
		n       *network.Network
		header  string
		arrow   string
		dirNone int
	}{
		{"mixed", exportNetwork(t), `digraph "Tri-border" {`, " -> ", 1},
		{"all mutual", mutualNetwork(t), `graph "Tri-border" {`, " -- ", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b, b2 bytes.Buffer
			require.NoError(t, netio.WriteDOT(&b, tt.n))
			require.NoError(t, netio.WriteDOT(&b2, tt.n))
			out := b.String()
			assert.Equal(t, out, b2.String(), "deterministic")
			assert.True(t, strings.HasPrefix(out, tt.header), out)
			assert.Contains(t, out, `"hawala"`+tt.arrow+`"hawala"`)
			assert.Contains(t, out, `label="Say \"hi\"\n<b>"`)
			assert.Equal(t, tt.dirNone, strings.Count(out, "dir=none"))
			// The fields and free attributes beside the labels (the round
			// trip in export_roundtrip_test.go checks them all).
			assert.Contains(t, out, `kind="insurgency"`)
			assert.Contains(t, out, `sectors="terrorist;criminal"`)
			assert.Contains(t, out, `"attr.founded"="1964"`)
			assert.Contains(t, out, `"attr.strength"="3.0"`)
			assert.Contains(t, out, `weight="2.5"`)
			assert.Contains(t, out, `start="2001"`)
			assert.Contains(t, out, `end="2003-06"`)
			assert.Contains(t, out, `grade="B2"`)
			assert.Contains(t, out, `source="UN report"`)

			var mb encoding.MultiBuilder = multi.NewDirectedGraph()
			if tt.arrow == " -- " {
				mb = multi.NewUndirectedGraph()
			}
			g := &dotGraph{MultiBuilder: mb}
			require.NoError(t, dot.UnmarshalMulti(b.Bytes(), g))
			labels := map[string]string{}
			for _, nd := range g.nodes {
				labels[nd.dotID] = attrMap(nd.attrs)["label"]
			}
			assert.Equal(t, map[string]string{"farc": "FARC", "cartel": "cartel",
				"hawala": "Say \"hi\"\n<b>", "e0": "e0"}, labels)
			require.Len(t, g.lines, 5, "parallel links stay separate edges")
			var edges []string
			for _, l := range g.lines {
				a := attrMap(l.attrs)
				edges = append(edges, l.From().(*dotTestNode).dotID+">"+l.To().(*dotTestNode).dotID+" "+a["label"]+" "+a["dir"])
			}
			if tt.arrow == " -> " {
				assert.ElementsMatch(t, []string{"farc>cartel materiel:supplies ", "farc>cartel money:funds ",
					"cartel>farc association:allied none", "hawala>hawala money ", "hawala>e0 association "}, edges)
			}
		})
	}
}

func TestWriteCytoscapeJS(t *testing.T) {
	n := exportNetwork(t)
	var b, b2 bytes.Buffer
	require.NoError(t, netio.WriteCytoscapeJS(&b, n))
	require.NoError(t, netio.WriteCytoscapeJS(&b2, n))
	assert.Equal(t, b.String(), b2.String(), "deterministic")

	var doc struct {
		Data map[string]any `json:"data"`
		cytoscapejs.GraphNodeEdge
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &doc))
	assert.Equal(t, map[string]any{"name": "Tri-border", "description": "a test network"}, doc.Data)
	nodes, edges := doc.Elements.Nodes, doc.Elements.Edges
	require.Len(t, nodes, 4)
	require.Len(t, edges, 5)

	tests := []struct {
		name string
		got  map[string]any
		id   string
		want map[string]any
	}{
		{"farc", nodes[0].Data.Attributes, nodes[0].Data.ID, map[string]any{
			"label": "FARC", "name": "FARC", "kind": "insurgency", "sectors": []any{"terrorist", "criminal"},
			"aliases": []any{"FARC-EP", "Fuerzas"}, "attributes": map[string]any{
				"founded": 1964.0, "strength": 3.0, "country": "CO", "active": true}}},
		{"e0 actor", nodes[3].Data.Attributes, nodes[3].Data.ID, map[string]any{"label": "e0"}},
		{"materiel link", edges[0].Data.Attributes, edges[0].Data.ID, map[string]any{
			"link": 0.0, "label": "materiel:supplies", "element": "materiel", "type": "supplies",
			"mutual": false, "weight": 2.5, "start": "2001", "end": "2003-06", "grade": "B2",
			"commodity": "cocaine", "mode": "sea"}},
		{"money link", edges[2].Data.Attributes, edges[2].Data.ID, map[string]any{
			"link": 2.0, "label": "money:funds", "element": "money", "type": "funds", "mutual": false,
			"weight": 0.0, "start": "2002-02-03", "channel": "hawala", "provenance": "UN report",
			"attributes": map[string]any{"amount": 5000.0, "currency": "USD"}}},
		{"mutual link", edges[1].Data.Attributes, edges[1].Data.ID, map[string]any{
			"link": 1.0, "label": "association:allied", "element": "association", "type": "allied",
			"mutual": true, "weight": 1.0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]any{}
			for k, v := range tt.got {
				if k != "parent" { // gonum's NodeData always writes one
					got[k] = v
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
	assert.Equal(t, "farc", nodes[0].Data.ID)
	// Edge IDs do not collide with actor IDs: the actor "e0" makes the
	// first link "e0_".
	assert.Equal(t, []string{"e0_", "e1", "e2", "e3", "e4"}, []string{edges[0].Data.ID,
		edges[1].Data.ID, edges[2].Data.ID, edges[3].Data.ID, edges[4].Data.ID})
	assert.Equal(t, "farc", edges[0].Data.Source)
	assert.Equal(t, "cartel", edges[0].Data.Target)
}

func TestGraphMLLabels(t *testing.T) {
	labelled := exportNetwork(t)
	withLabelAttr := exportNetwork(t)
	a, _ := withLabelAttr.Actor("cartel")
	a.Attributes = network.Attributes{"label": "Cartel del Norte"}
	require.NoError(t, withLabelAttr.UpdateActor(a))
	tests := []struct {
		name     string
		n        *network.Network
		labelKey bool
	}{
		{"names", labelled, true},
		{"label attribute", withLabelAttr, false},
		{"no names", network.New("x"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, netio.WriteGraphML(&b, tt.n))
			out := b.String()
			assert.Equal(t, tt.labelKey, strings.Contains(out, `<key id="label" for="node" attr.name="label" attr.type="string"/>`))
			if tt.labelKey {
				assert.Contains(t, out, `<data key="label">FARC</data>`)
			}
			back, err := netio.ReadGraphML(&b, "l.graphml", network.Limits{})
			require.NoError(t, err)
			assert.Equal(t, tt.n.Name, back.Name)
			assert.Equal(t, tt.n.Actors(), back.Actors())
			assert.Equal(t, tt.n.Links(), back.Links())

			if tt.labelKey {
				path := filepath.Join(t.TempDir(), "l.graphml")
				require.NoError(t, os.WriteFile(path, []byte(out), 0o644))
				r := readWithNetworkX(t, path)
				assert.Equal(t, "FARC", r.NodeData["farc"]["label"])
				assert.Equal(t, "FARC", r.NodeData["farc"]["name"])
			}
		})
	}
}

func TestReadGraphMLLabelKey(t *testing.T) {
	const head = `<graphml><key id="label" for="node" attr.name="label" attr.type="string"/>` +
		`<key id="n" for="node" attr.name="name"/><key id="l2" for="node" attr.name="label" attr.type="long"/><graph>`
	tests := []struct {
		name      string
		node      string
		wantName  string
		wantAttrs network.Attributes
	}{
		{"label is the name", `<node id="a"><data key="label">Alpha</data></node>`, "Alpha", nil},
		{"label repeats the name", `<node id="a"><data key="n">Alpha</data><data key="label">Alpha</data></node>`, "Alpha", nil},
		{"label differs", `<node id="a"><data key="n">Alpha</data><data key="label">A.</data></node>`, "Alpha",
			network.Attributes{"label": "A."}},
		{"other key named label", `<node id="a"><data key="l2">7</data></node>`, "", network.Attributes{"label": int64(7)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := netio.ReadGraphML(strings.NewReader(head+tt.node+`</graph></graphml>`), "g.graphml", network.Limits{})
			require.NoError(t, err)
			a, ok := n.Actor("a")
			require.True(t, ok)
			assert.Equal(t, tt.wantName, a.Name)
			assert.Equal(t, tt.wantAttrs, a.Attributes)
		})
	}
}

func TestExportFormats(t *testing.T) {
	for _, tt := range []struct {
		path string
		want netio.Format
	}{
		{"a.gexf", netio.GEXF}, {"a.GEXF", netio.GEXF}, {"a.dot", netio.DOT}, {"a.gv", netio.DOT},
		{"a.cyjs", netio.CytoscapeJS},
	} {
		got, err := netio.ExportFormatOf(tt.path)
		require.NoError(t, err, tt.path)
		assert.Equal(t, tt.want, got, tt.path)
	}
	_, err := netio.ExportFormatOf("a.graphml")
	assert.ErrorContains(t, err, "cannot tell the export format")
	for _, f := range netio.ExportFormats() {
		assert.NotContains(t, netio.Formats(), f, "Formats lists the readable formats only")
	}

	n := exportNetwork(t)
	dir := t.TempDir()
	for _, name := range []string{"n.gexf", "n.gv", "n.cyjs"} {
		path := filepath.Join(dir, name)
		require.NoError(t, netio.Export(n, path, "", netio.ExportOptions{}))
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.NotEmpty(t, data, name)
	}
	assert.ErrorContains(t, netio.Export(n, filepath.Join(dir, "x.json"), netio.JSON, netio.ExportOptions{}), `"json" is not an export format`)
	bad := netio.ExportOptions{Measures: map[string]map[string]float64{"m": {"ghost": 1}}}
	path := filepath.Join(dir, "bad.gexf")
	assert.ErrorContains(t, netio.Export(n, path, "", bad), `no actor "ghost"`)
	_, err = os.Stat(path)
	assert.ErrorIs(t, err, os.ErrNotExist, "nothing written")
}
