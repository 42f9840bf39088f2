package netio_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/graph/encoding"
	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/formats/cytoscapejs"
	dotfmt "gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/gexf12"
	"gonum.org/v1/gonum/graph/multi"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/netio"
)

// The export round trips: each network of exportCases is written in each
// export format, read back with gonum's reader for the format (and, for
// GEXF, with NetworkX's read_gexf through testdata/read_gexf.py), and
// compared with what the format's writer documents it keeps of the
// network: the same node IDs in network order, labels (the actors'
// names, or IDs), the same edges as a multiset of endpoints with their
// attributes (parallel links kept), and every field and free attribute
// with the same value.
//
// What does not come back, by design: DOT has no types, so attribute
// values are text (1964, 3.0, true); Cytoscape.js is JSON, so integers
// come back as floats; GEXF and DOT write the actor's label and not
// whether it has a name (an actor named after its ID looks unnamed); GEXF
// dates are days (a link starting in 2001 starts on 2001-01-01 and one
// ending in 2003-06 ends on 2003-06-30), and DOT and Cytoscape.js write
// them at their own precision.

// exportCase is a network the round-trip tests export.
type exportCase struct {
	name string
	n    *network.Network
}

// exportCases are the small test network (directed and mutual links,
// parallel links, a self-tie, dates with open ends, every attribute type),
// it with every link mutual (an undirected graph), the bundled scenario
// testdata/scenarios/western-hemisphere.json (59 actors, 157 links, dated,
// graded and sourced, 4 of them mutual) and the published 9/11 hijackers
// network, testdata/krebs-911 (an undirected edge list with a node table,
// no dates).
func exportCases(t *testing.T) []exportCase {
	t.Helper()
	data := filepath.Join("..", "..", "testdata")
	f, err := os.Open(filepath.Join(data, "scenarios", "western-hemisphere.json"))
	require.NoError(t, err)
	defer f.Close()
	wh, err := network.ReadJSON(f, "western-hemisphere.json", network.Limits{})
	require.NoError(t, err)
	require.Len(t, wh.Actors(), 59)
	require.Len(t, wh.Links(), 157)
	krebs, err := netio.Load(filepath.Join(data, "krebs-911", "edges.csv"),
		netio.LoadOptions{Nodes: filepath.Join(data, "krebs-911", "nodes.csv")})
	require.NoError(t, err)
	require.NotEmpty(t, krebs.Links())
	return []exportCase{
		{"small", exportNetwork(t)},
		{"all mutual", mutualNetwork(t)},
		{"western-hemisphere", wh},
		{"krebs-911", krebs},
	}
}

// exportMeasures are made-up measures for GEXF: every actor's number of
// links, and a fraction for every other actor (so that some have no value).
func exportMeasures(n *network.Network) netio.ExportOptions {
	degree, share := map[string]float64{}, map[string]float64{}
	for i, a := range n.Actors() {
		degree[a.ID] = 0
		if i%2 == 0 {
			share[a.ID] = 1 / float64(i+3)
		}
	}
	for _, l := range n.Links() {
		degree[l.From]++
		degree[l.To]++
	}
	return netio.ExportOptions{Measures: map[string]map[string]float64{"degree": degree, "share": share}}
}

// exportedGraph is what a reader finds in an export, or what it should.
type exportedGraph struct {
	Directed bool
	Mode     string // GEXF's graph mode; "" for the others
	Nodes    []exportedNode
	Edges    []exportedEdge
}

type exportedNode struct {
	ID, Label string
	Attrs     map[string]any
}

type exportedEdge struct {
	From, To string
	Attrs    map[string]any
}

// roundTrips are the export formats with gonum's reader for each, and what
// the writer keeps of a network.
var roundTrips = []struct {
	format netio.Format
	write  func(io.Writer, *network.Network, netio.ExportOptions) error
	read   func(*testing.T, []byte) exportedGraph
	want   func(*network.Network, netio.ExportOptions) exportedGraph
}{
	{netio.GEXF, netio.WriteGEXF, readGEXF, wantGEXF},
	{netio.DOT, func(w io.Writer, n *network.Network, _ netio.ExportOptions) error { return netio.WriteDOT(w, n) },
		readDOT, wantDOT},
	{netio.CytoscapeJS, func(w io.Writer, n *network.Network, _ netio.ExportOptions) error {
		return netio.WriteCytoscapeJS(w, n)
	}, readCytoscapeJS, wantCytoscapeJS},
}

func TestExportRoundTrip(t *testing.T) {
	for _, c := range exportCases(t) {
		opts := exportMeasures(c.n)
		for _, rt := range roundTrips {
			t.Run(c.name+"/"+string(rt.format), func(t *testing.T) {
				var b bytes.Buffer
				require.NoError(t, rt.write(&b, c.n, opts))
				assertSameExport(t, rt.want(c.n, opts), rt.read(t, b.Bytes()))
			})
		}
	}
}

// assertSameExport compares what a reader found with what it should find.
func assertSameExport(t *testing.T, want, got exportedGraph) {
	t.Helper()
	assert.Equal(t, want.Directed, got.Directed, "directed")
	assert.Equal(t, want.Mode, got.Mode, "mode")
	ids := func(g exportedGraph) (out []string) {
		for _, nd := range g.Nodes {
			out = append(out, nd.ID)
		}
		return out
	}
	if !assert.Equal(t, ids(want), ids(got), "node IDs, in network order") {
		return
	}
	failures := 0
	for i := range want.Nodes {
		if !assert.Equal(t, want.Nodes[i], got.Nodes[i], "node %q: label and attributes", want.Nodes[i].ID) {
			if failures++; failures == 3 {
				return
			}
		}
	}
	require.Len(t, got.Edges, len(want.Edges), "edges")
	// Edges as multisets: sorted by endpoints and then by everything else;
	// an undirected edge has its endpoints in either order.
	sortEdges := func(g exportedGraph) (ends []string, edges []exportedEdge) {
		edges = slices.Clone(g.Edges)
		for i, e := range edges {
			if !g.Directed && e.From > e.To {
				edges[i].From, edges[i].To = e.To, e.From
			}
		}
		slices.SortStableFunc(edges, func(a, b exportedEdge) int {
			return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
		})
		for _, e := range edges {
			ends = append(ends, e.From+">"+e.To)
		}
		return ends, edges
	}
	wantEnds, wantEdges := sortEdges(want)
	gotEnds, gotEdges := sortEdges(got)
	if !assert.Equal(t, wantEnds, gotEnds, "edge endpoints, parallel edges kept") {
		return
	}
	for i := range wantEdges {
		if !assert.Equal(t, wantEdges[i], gotEdges[i], "edge %s: attributes", wantEnds[i]) {
			if failures++; failures == 3 {
				return
			}
		}
	}
}

// put sets m[k] = v unless v is empty.
func put(m map[string]any, k, v string) {
	if v != "" {
		m[k] = v
	}
}

// sectorList is an actor's sectors, kind's first, ";"-separated.
func sectorList(a network.Actor) string {
	var s []string
	for _, x := range a.AllSectors() {
		s = append(s, x.String())
	}
	return strings.Join(s, ";")
}

func anyMutual(n *network.Network) bool {
	for _, l := range n.Links() {
		if l.Mutual {
			return true
		}
	}
	return false
}

func allLinksMutual(n *network.Network) bool {
	links := n.Links()
	for _, l := range links {
		if !l.Mutual {
			return false
		}
	}
	return len(links) > 0
}

func dynamic(n *network.Network) bool {
	for _, l := range n.Links() {
		if !l.Start.IsZero() || !l.End.IsZero() {
			return true
		}
	}
	return false
}

// GEXF.

// wantGEXF is what WriteGEXF keeps: node attributes by column title, typed
// by the column type, with the measures; edges with their GEXF id, label,
// weight, type and start and end ("@…") and their attributes by title.
func wantGEXF(n *network.Network, opts netio.ExportOptions) exportedGraph {
	g := exportedGraph{Directed: !allLinksMutual(n), Mode: "static"}
	if dynamic(n) {
		g.Mode = "dynamic"
	}
	for _, a := range n.Actors() {
		m := map[string]any{}
		if a.Kind != network.KindUnknown {
			m["kind"] = a.Kind.String()
		}
		if s := a.Sector(); s != network.NoSector {
			m["sector"] = s.String()
		}
		put(m, "sectors", sectorList(a))
		put(m, "aliases", strings.Join(a.Aliases, ";"))
		for k, v := range a.Attributes {
			m[k] = v
		}
		for name, values := range opts.Measures {
			if v, ok := values[a.ID]; ok {
				m[name] = v
			}
		}
		g.Nodes = append(g.Nodes, exportedNode{ID: a.ID, Label: a.Label(), Attrs: m})
	}
	mutual := anyMutual(n)
	for _, l := range n.Links() {
		m := map[string]any{"@id": strconv.Itoa(int(l.ID)), "@label": l.Type, "@weight": l.Weight,
			"element": l.Element.String()}
		switch {
		case !g.Directed:
			m["@type"] = "undirected"
		case l.Mutual:
			m["@type"] = "mutual"
		default:
			m["@type"] = "directed"
		}
		if !l.Start.IsZero() {
			m["@start"] = l.Start.First().Format("2006-01-02")
		}
		if !l.End.IsZero() {
			m["@end"] = l.End.Last().Format("2006-01-02")
		}
		if mutual {
			m["mutual"] = l.Mutual
		}
		for _, f := range [...]struct{ k, v string }{{"type", l.Type}, {"commodity", l.Commodity}, {"mode", l.Mode},
			{"channel", l.Channel}, {"source", l.Source}, {"grade", l.Grade.String()}} {
			put(m, f.k, f.v)
		}
		for k, v := range l.Attributes {
			m[k] = v
		}
		g.Edges = append(g.Edges, exportedEdge{From: l.From, To: l.To, Attrs: m})
	}
	return g
}

// readGEXF reads a GEXF document with gonum's gexf12 types.
func readGEXF(t *testing.T, data []byte) exportedGraph {
	t.Helper()
	var doc gexf12.Content
	require.NoError(t, xml.Unmarshal(data, &doc))
	gr := doc.Graph
	require.Contains(t, []string{"directed", "undirected"}, gr.DefaultEdgeType)
	g := exportedGraph{Directed: gr.DefaultEdgeType == "directed", Mode: gr.Mode}
	if gr.Mode == "dynamic" {
		assert.Equal(t, "date", gr.TimeFormat)
	} else {
		assert.Empty(t, gr.TimeFormat)
	}
	cols := map[string]map[string]gexf12.Attribute{}
	for _, a := range gr.Attributes {
		require.NotContains(t, cols, a.Class)
		assert.Equal(t, "static", a.Mode)
		cols[a.Class] = map[string]gexf12.Attribute{}
		for _, c := range a.Attributes {
			require.NotContains(t, cols[a.Class], c.ID, "column ids are unique")
			cols[a.Class][c.ID] = c
		}
	}
	values := func(class string, av *gexf12.AttValues) map[string]any {
		m := map[string]any{}
		if av == nil {
			return m
		}
		for _, v := range av.AttValues {
			c, ok := cols[class][v.For]
			require.True(t, ok, "no %s column %q", class, v.For)
			require.NotContains(t, m, c.Title, "one value per title")
			var x any
			var err error
			switch c.Type {
			case "boolean":
				x, err = strconv.ParseBool(v.Value)
			case "long":
				x, err = strconv.ParseInt(v.Value, 10, 64)
			case "double":
				x, err = strconv.ParseFloat(v.Value, 64)
			case "string":
				x = v.Value
			default:
				t.Fatalf("column %q: type %q", c.Title, c.Type)
			}
			require.NoError(t, err, "%s %s=%q", c.Type, c.Title, v.Value)
			m[c.Title] = x
		}
		return m
	}
	assert.Equal(t, len(gr.Nodes.Nodes), gr.Nodes.Count, "nodes count")
	for _, nd := range gr.Nodes.Nodes {
		g.Nodes = append(g.Nodes, exportedNode{ID: nd.ID, Label: nd.Label, Attrs: values("node", nd.AttValues)})
	}
	assert.Equal(t, len(gr.Edges.Edges), gr.Edges.Count, "edges count")
	for _, e := range gr.Edges.Edges {
		m := values("edge", e.AttValues)
		m["@id"], m["@label"], m["@weight"], m["@type"] = e.ID, e.Label, e.Weight, e.Type
		if e.Start != "" {
			m["@start"] = e.Start
		}
		if e.End != "" {
			m["@end"] = e.End
		}
		g.Edges = append(g.Edges, exportedEdge{From: e.Source, To: e.Target, Attrs: m})
	}
	return g
}

// DOT.

// attrText is an attribute value as DOT writes it.
func attrText(v any) string {
	switch x := v.(type) {
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		s := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
		return s
	}
	return v.(string)
}

// wantDOT is what WriteDOT keeps: labels, the fields and the free
// attributes ("attr.<key>") as text, with the weight as a number and
// dir=none on mutual links of a digraph.
func wantDOT(n *network.Network, _ netio.ExportOptions) exportedGraph {
	g := exportedGraph{Directed: !allLinksMutual(n)}
	for _, a := range n.Actors() {
		m := map[string]any{"label": a.Label()}
		if a.Kind != network.KindUnknown {
			m["kind"] = a.Kind.String()
		}
		put(m, "sectors", sectorList(a))
		put(m, "aliases", strings.Join(a.Aliases, ";"))
		for k, v := range a.Attributes {
			m["attr."+k] = attrText(v)
		}
		g.Nodes = append(g.Nodes, exportedNode{ID: a.ID, Label: a.Label(), Attrs: m})
	}
	for _, l := range n.Links() {
		label := l.Element.String()
		if l.Type != "" {
			label += ":" + l.Type
		}
		m := map[string]any{"label": label, "element": l.Element.String(), "weight": l.Weight}
		if l.Mutual && g.Directed {
			m["dir"] = "none"
		}
		for _, f := range [...]struct{ k, v string }{{"type", l.Type}, {"commodity", l.Commodity}, {"mode", l.Mode},
			{"channel", l.Channel}, {"start", l.Start.String()}, {"end", l.End.String()},
			{"grade", l.Grade.String()}, {"source", l.Source}} {
			put(m, f.k, f.v)
		}
		for k, v := range l.Attributes {
			m["attr."+k] = attrText(v)
		}
		g.Edges = append(g.Edges, exportedEdge{From: l.From, To: l.To, Attrs: m})
	}
	return g
}

// readDOT reads a DOT graph with gonum: its parser tells a digraph from a
// graph, and dot.UnmarshalMulti builds the matching multigraph.
func readDOT(t *testing.T, data []byte) exportedGraph {
	t.Helper()
	file, err := dotfmt.ParseBytes(data)
	require.NoError(t, err)
	require.Len(t, file.Graphs, 1)
	directed := file.Graphs[0].Directed
	var mb encoding.MultiBuilder = multi.NewUndirectedGraph()
	if directed {
		mb = multi.NewDirectedGraph()
	}
	dg := &dotGraph{MultiBuilder: mb}
	require.NoError(t, dot.UnmarshalMulti(data, dg))
	g := exportedGraph{Directed: directed}
	for _, nd := range dg.nodes {
		m := map[string]any{}
		for _, a := range nd.attrs {
			require.NotContains(t, m, a.Key)
			m[a.Key] = a.Value
		}
		label, _ := m["label"].(string)
		g.Nodes = append(g.Nodes, exportedNode{ID: nd.dotID, Label: label, Attrs: m})
	}
	for _, l := range dg.lines {
		m := map[string]any{}
		for _, a := range l.attrs {
			require.NotContains(t, m, a.Key)
			m[a.Key] = a.Value
		}
		if w, ok := m["weight"]; ok {
			m["weight"], err = strconv.ParseFloat(w.(string), 64)
			require.NoError(t, err)
		}
		g.Edges = append(g.Edges, exportedEdge{From: l.From().(*dotTestNode).dotID, To: l.To().(*dotTestNode).dotID, Attrs: m})
	}
	return g
}

// Cytoscape.js.

// jsonValue is v as encoding/json reads it back into an any.
func jsonValue(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		panic(err)
	}
	return out
}

// wantCytoscapeJS is what WriteCytoscapeJS keeps, as JSON reads it: every
// field under its own key (the link's Source as provenance), dates at
// their precision, the free attributes under attributes.
func wantCytoscapeJS(n *network.Network, _ netio.ExportOptions) exportedGraph {
	var g exportedGraph
	for _, a := range n.Actors() {
		m := map[string]any{"label": a.Label()}
		put(m, "name", a.Name)
		if a.Kind != network.KindUnknown {
			m["kind"] = a.Kind.String()
		}
		var sectors []string
		for _, s := range a.AllSectors() {
			sectors = append(sectors, s.String())
		}
		if len(sectors) > 0 {
			m["sectors"] = jsonValue(sectors)
		}
		if len(a.Aliases) > 0 {
			m["aliases"] = jsonValue(a.Aliases)
		}
		if len(a.Attributes) > 0 {
			m["attributes"] = jsonValue(map[string]any(a.Attributes))
		}
		g.Nodes = append(g.Nodes, exportedNode{ID: a.ID, Label: a.Label(), Attrs: m})
	}
	for _, l := range n.Links() {
		label := l.Element.String()
		if l.Type != "" {
			label += ":" + l.Type
		}
		m := map[string]any{"link": float64(l.ID), "label": label, "element": l.Element.String(),
			"mutual": l.Mutual, "weight": l.Weight}
		for _, f := range [...]struct{ k, v string }{{"type", l.Type}, {"commodity", l.Commodity}, {"mode", l.Mode},
			{"channel", l.Channel}, {"start", l.Start.String()}, {"end", l.End.String()},
			{"grade", l.Grade.String()}, {"provenance", l.Source}} {
			put(m, f.k, f.v)
		}
		if len(l.Attributes) > 0 {
			m["attributes"] = jsonValue(map[string]any(l.Attributes))
		}
		g.Edges = append(g.Edges, exportedEdge{From: l.From, To: l.To, Attrs: m})
	}
	return g
}

// readCytoscapeJS reads Cytoscape.js JSON into gonum's cytoscapejs types.
// Edge IDs must be unique and differ from every node ID.
func readCytoscapeJS(t *testing.T, data []byte) exportedGraph {
	t.Helper()
	var doc struct {
		Data map[string]any `json:"data"`
		cytoscapejs.GraphNodeEdge
	}
	require.NoError(t, json.Unmarshal(data, &doc))
	var g exportedGraph
	ids := map[string]bool{}
	for _, nd := range doc.Elements.Nodes {
		assert.Empty(t, nd.Data.Parent, "no compound parent")
		require.False(t, ids[nd.Data.ID], "duplicate node ID %q", nd.Data.ID)
		ids[nd.Data.ID] = true
		label, _ := nd.Data.Attributes["label"].(string)
		g.Nodes = append(g.Nodes, exportedNode{ID: nd.Data.ID, Label: label, Attrs: nd.Data.Attributes})
	}
	for _, e := range doc.Elements.Edges {
		require.False(t, ids[e.Data.ID], "edge ID %q is taken", e.Data.ID)
		ids[e.Data.ID] = true
		g.Edges = append(g.Edges, exportedEdge{From: e.Data.Source, To: e.Data.Target, Attrs: e.Data.Attributes})
	}
	return g
}

// NetworkX.

// networkxResult is what testdata/read_gexf.py prints.
type networkxResult struct {
	Nodes, Edges int
	Directed     bool
	Multigraph   bool
	Mode         string
	NodeData     map[string]map[string]any `json:"node_data"`
	EdgeData     [][3]json.RawMessage      `json:"edge_data"`
}

// edges returns the edges as exportedEdges.
func (r networkxResult) edges(t *testing.T) []exportedEdge {
	t.Helper()
	var out []exportedEdge
	for _, e := range r.EdgeData {
		var x exportedEdge
		require.NoError(t, json.Unmarshal(e[0], &x.From))
		require.NoError(t, json.Unmarshal(e[1], &x.To))
		require.NoError(t, json.Unmarshal(e[2], &x.Attrs))
		out = append(out, x)
	}
	return out
}

// readWithNetworkX loads the file with testdata/read_gexf.py (NetworkX's
// read_gexf, or read_graphml for a .graphml file), skipping the test if
// python3 or networkx is not installed.
func readWithNetworkX(t *testing.T, path string) networkxResult {
	t.Helper()
	if err := exec.Command("python3", "-c", "import networkx").Run(); err != nil {
		t.Skip("python3 with networkx is not available")
	}
	out, err := exec.Command("python3", filepath.Join("testdata", "read_gexf.py"), path).Output()
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		t.Fatalf("read_gexf.py %s: %v\n%s", path, err, ee.Stderr)
	}
	require.NoError(t, err)
	var r networkxResult
	require.NoError(t, json.Unmarshal(out, &r), string(out))
	return r
}

// wantNetworkX is what read_gexf should make of WriteGEXF's output: the
// node data is the GEXF node attributes by title plus the label, typed
// as JSON reads them back; each edge has its id, label (if the link has
// a type), weight, start and end and its attributes. A mutual link of a
// directed graph is two edges, one each way, as NetworkX reads GEXF's
// type="mutual".
func wantNetworkX(n *network.Network, opts netio.ExportOptions) exportedGraph {
	w := wantGEXF(n, opts)
	g := exportedGraph{Directed: w.Directed, Mode: w.Mode}
	for _, nd := range w.Nodes {
		m := map[string]any{"label": nd.Label}
		for k, v := range nd.Attrs {
			m[k] = jsonValue(v)
		}
		g.Nodes = append(g.Nodes, exportedNode{ID: nd.ID, Label: nd.Label, Attrs: m})
	}
	for _, e := range w.Edges {
		m := map[string]any{}
		for k, v := range e.Attrs {
			switch k {
			case "@type":
			case "@label":
				if v != "" {
					m["label"] = v
				}
			case "@id", "@weight", "@start", "@end":
				m[k[1:]] = jsonValue(v)
			default:
				m[k] = jsonValue(v)
			}
		}
		g.Edges = append(g.Edges, exportedEdge{From: e.From, To: e.To, Attrs: m})
		if e.Attrs["@type"] == "mutual" {
			g.Edges = append(g.Edges, exportedEdge{From: e.To, To: e.From, Attrs: m})
		}
	}
	return g
}

// TestWriteGEXFNetworkX loads the GEXF of every export case with
// NetworkX's read_gexf: the node and edge counts, directedness, the
// dynamic mode, every node's label and attributes (measures included) and
// every edge's data, start and end included.
func TestWriteGEXFNetworkX(t *testing.T) {
	for _, c := range exportCases(t) {
		t.Run(c.name, func(t *testing.T) {
			opts := exportMeasures(c.n)
			path := filepath.Join(t.TempDir(), "n.gexf")
			require.NoError(t, netio.Export(c.n, path, "", opts))
			r := readWithNetworkX(t, path)
			want := wantNetworkX(c.n, opts)
			assert.Equal(t, len(c.n.Actors()), r.Nodes)
			assert.Equal(t, len(want.Edges), r.Edges, "a mutual link of a directed graph is two edges")
			got := exportedGraph{Directed: r.Directed, Mode: r.Mode, Edges: r.edges(t)}
			// read_gexf gives no node order; take the network's.
			for _, a := range c.n.Actors() {
				d, ok := r.NodeData[a.ID]
				require.True(t, ok, "node %q", a.ID)
				label, _ := d["label"].(string)
				got.Nodes = append(got.Nodes, exportedNode{ID: a.ID, Label: label, Attrs: d})
			}
			assertSameExport(t, want, got)
		})
	}
}

// TestWriteDOTGraphviz lays out the DOT of every export case with
// Graphviz's dot, if installed: it must take the file, attributes and
// all, without a warning.
func TestWriteDOTGraphviz(t *testing.T) {
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("Graphviz dot is not installed")
	}
	for _, c := range exportCases(t) {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, netio.WriteDOT(&b, c.n))
			cmd := exec.Command("dot", "-Tcanon")
			cmd.Stdin = &b
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			require.NoError(t, err, stderr.String())
			assert.Empty(t, stderr.String())
			for _, a := range c.n.Actors() {
				if a.Kind != network.KindUnknown {
					assert.Contains(t, string(out), "kind="+a.Kind.String())
					break
				}
			}
		})
	}
}
