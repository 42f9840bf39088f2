package netio

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/gonum/graph/formats/gexf12"

	"github.com/illicitnet/illicit/network"
)

// gexfDate is the layout of GEXF's timeformat="date".
const gexfDate = "2006-01-02"

// WriteGEXF writes the network as a GEXF 1.2 document for Gephi, built
// from gonum's gexf12 types and encoded by encoding/xml. NetworkX's
// read_gexf loads it too.
//
// Nodes. Each actor is a <node> in network order, with the actor ID as id
// and the name (or the ID, if the actor has none) as label. Node
// attributes (<attributes class="node">) are declared, with ids "0", "1",
// … in this order, for the fields some actor uses: kind, sector (the
// primary sector), sectors (every sector, kind's first) and aliases, all
// strings, lists ";"-separated as in CSV; then one per (name, type) of
// the actors' free attributes, by name, typed boolean, long, double or
// string; then one double per measure of opts.Measures, by measure name.
//
// Edges. Each link is an <edge> in network order, with the link ID as id,
// its From and To as source and target, its Type as label and its Weight
// as weight, always written: a GEXF reader takes a missing weight as 1, so
// a zero weight is written as weight="0" (gexf12.Edge would omit it).
// A network whose links are all Mutual is an undirected graph
// (defaultedgetype="undirected"); any other is directed, with Mutual links
// of type "mutual", GEXF's edge type for a tie that goes both ways (read by
// NetworkX as a pair of directed edges, and by Gephi as a tie both ways).
// GEXF types each edge (gexf12.Edge.Type), but a directed graph with
// type="undirected" edges is not an option: NetworkX refuses an undirected
// edge in a directed graph. Edge attributes are declared for
// element (on every edge), mutual (boolean, on every edge, if any link is
// Mutual), type, commodity, mode, channel, source and grade (strings, on
// the edges that have them), then one per (name, type) of the links' free
// attributes, by name.
//
// Dynamics. If any link has a Start or End date, the graph is
// mode="dynamic" with timeformat="date", and each edge has start (the
// first day of Start) and end (the last day of End); an open side is
// omitted, so the edge is active from always or for ever on that side.
// Otherwise the graph is static.
//
// The network's name and description go into the <meta> description.
// Characters that XML 1.0 cannot represent are written as U+FFFD by
// encoding/xml. The output depends only on the network and opts.
func WriteGEXF(w io.Writer, n *network.Network, opts ExportOptions) error {
	measures, err := opts.checkMeasures(n)
	if err != nil {
		return err
	}
	actors, links := n.Actors(), n.Links()

	// Node attribute columns.
	nodeCols := &gexfColumns{}
	var hasKind, hasSectors, hasAliases bool
	nodeAttrs := make([]network.Attributes, len(actors))
	for i, a := range actors {
		hasKind = hasKind || a.Kind != network.KindUnknown
		hasSectors = hasSectors || len(a.AllSectors()) > 0
		hasAliases = hasAliases || len(a.Aliases) > 0
		nodeAttrs[i] = a.Attributes
	}
	colKind := nodeCols.field("kind", "string", hasKind)
	colSector := nodeCols.field("sector", "string", hasSectors)
	colSectors := nodeCols.field("sectors", "string", hasSectors)
	colAliases := nodeCols.field("aliases", "string", hasAliases)
	nodeAttrCols := nodeCols.attrs(nodeAttrs)
	measureCols := make([]string, len(measures))
	for i, m := range measures {
		measureCols[i] = nodeCols.field(m, "double", true)
	}

	// Edge attribute columns.
	edgeCols := &gexfColumns{}
	var has [8]bool // element, mutual, type, commodity, mode, channel, source, grade
	dynamic := false
	edgeAttrs := make([]network.Attributes, len(links))
	for i, l := range links {
		for j, nz := range [8]bool{true, l.Mutual, l.Type != "", l.Commodity != "", l.Mode != "",
			l.Channel != "", l.Source != "", !l.Grade.IsZero()} {
			has[j] = has[j] || nz
		}
		dynamic = dynamic || !l.Start.IsZero() || !l.End.IsZero()
		edgeAttrs[i] = l.Attributes
	}
	var edgeFieldCols [8]string
	for j, name := range [8]string{"element", "mutual", "type", "commodity", "mode", "channel", "source", "grade"} {
		typ := "string"
		if name == "mutual" {
			typ = "boolean"
		}
		edgeFieldCols[j] = edgeCols.field(name, typ, has[j])
	}
	edgeAttrCols := edgeCols.attrs(edgeAttrs)

	undirected := allMutual(links)
	g := gexf12.Graph{DefaultEdgeType: "directed", Mode: "static"}
	if undirected {
		g.DefaultEdgeType = "undirected"
	}
	if dynamic {
		g.Mode, g.TimeFormat = "dynamic", "date"
	}
	if len(nodeCols.cols) > 0 {
		g.Attributes = append(g.Attributes, gexf12.Attributes{Class: "node", Mode: "static", Attributes: nodeCols.cols})
	}
	if len(edgeCols.cols) > 0 {
		g.Attributes = append(g.Attributes, gexf12.Attributes{Class: "edge", Mode: "static", Attributes: edgeCols.cols})
	}

	g.Nodes.Count = len(actors)
	g.Nodes.Nodes = make([]gexf12.Node, len(actors))
	for i, a := range actors {
		var vals []gexf12.AttValue
		add := func(col, v string) {
			if col != "" && v != "" {
				vals = append(vals, gexf12.AttValue{For: col, Value: v})
			}
		}
		if a.Kind != network.KindUnknown {
			add(colKind, a.Kind.String())
		}
		if s := a.Sector(); s != network.NoSector {
			add(colSector, s.String())
		}
		add(colSectors, joinList(sectorNames(a)))
		add(colAliases, joinList(a.Aliases))
		vals = append(vals, nodeAttrCols.values(a.Attributes)...)
		for j, m := range measures {
			if v, ok := opts.Measures[m][a.ID]; ok {
				add(measureCols[j], gexfDouble(v))
			}
		}
		g.Nodes.Nodes[i] = gexf12.Node{ID: a.ID, Label: a.Label(), AttValues: attValues(vals)}
	}

	edges := gexfEdges{Count: len(links), Edges: make([]gexfEdge, len(links))}
	for i, l := range links {
		e := gexf12.Edge{
			ID:     strconv.Itoa(int(l.ID)),
			Source: l.From,
			Target: l.To,
			Label:  l.Type,
			Type:   "directed",
		}
		switch {
		case undirected:
			e.Type = "undirected"
		case l.Mutual:
			e.Type = "mutual"
		}
		if !l.Start.IsZero() {
			e.Start = l.Start.First().Format(gexfDate)
		}
		if !l.End.IsZero() {
			e.End = l.End.Last().Format(gexfDate)
		}
		var vals []gexf12.AttValue
		for j, v := range [8]string{l.Element.String(), strconv.FormatBool(l.Mutual), l.Type, l.Commodity,
			l.Mode, l.Channel, l.Source, l.Grade.String()} {
			if edgeFieldCols[j] != "" && v != "" {
				vals = append(vals, gexf12.AttValue{For: edgeFieldCols[j], Value: v})
			}
		}
		vals = append(vals, edgeAttrCols.values(l.Attributes)...)
		e.AttValues = attValues(vals)
		edges.Edges[i] = gexfEdge{Edge: e, Weight: strconv.FormatFloat(l.Weight, 'g', -1, 64)}
	}

	doc := gexfContent{
		Content: gexf12.Content{
			Version: "1.2",
			Meta:    &gexf12.Meta{Creator: "github.com/illicitnet/illicit", Description: gexfDescription(n)},
		},
		Graph: gexfGraph{Graph: g, Edges: edges},
	}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		return fmt.Errorf("gexf: %v", err)
	}
	buf := make([]byte, 0, len(xml.Header)+len(out)+1)
	buf = append(append(append(buf, xml.Header...), out...), '\n')
	_, err = w.Write(buf)
	return err
}

// gexfContent is gexf12.Content with gexfEdges in place of gexf12.Edges:
// encoding/xml takes the shallower field of the same name, as Go does.
type gexfContent struct {
	gexf12.Content
	Graph gexfGraph `xml:"graph"`
}

// gexfGraph is gexf12.Graph with gexfEdges.
type gexfGraph struct {
	gexf12.Graph
	Edges gexfEdges `xml:"edges"`
}

// gexfEdges is gexf12.Edges with gexfEdge.
type gexfEdges struct {
	Count int        `xml:"count,attr,omitempty"`
	Edges []gexfEdge `xml:"edge,omitempty"`
}

// gexfEdge is gexf12.Edge with its weight always written: gexf12.Edge
// omits a zero weight (omitempty), which GEXF readers then take as 1.
type gexfEdge struct {
	gexf12.Edge
	Weight string `xml:"weight,attr"`
}

// gexfDescription describes the network in the GEXF <meta>: its name and
// its description, joined by ": " when it has both.
func gexfDescription(n *network.Network) string {
	switch {
	case n.Name == "":
		return n.Description
	case n.Description == "":
		return n.Name
	}
	return n.Name + ": " + n.Description
}

// gexfDouble writes a measure value: the shortest exact form, with NaN
// and the infinities spelled as Java and Python parse them.
func gexfDouble(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "Infinity"
	case math.IsInf(v, -1):
		return "-Infinity"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

func attValues(vals []gexf12.AttValue) *gexf12.AttValues {
	if len(vals) == 0 {
		return nil
	}
	return &gexf12.AttValues{AttValues: vals}
}

// gexfColumns declares the attribute columns of one class, with ids "0",
// "1", … in declaration order.
type gexfColumns struct {
	cols []gexf12.Attribute
}

// field declares a column if used and returns its id ("" if not declared).
func (c *gexfColumns) field(title, typ string, used bool) string {
	if !used {
		return ""
	}
	id := strconv.Itoa(len(c.cols))
	c.cols = append(c.cols, gexf12.Attribute{ID: id, Title: title, Type: typ})
	return id
}

// gexfAttrCols maps each (name, GEXF type) of the free attributes to its
// column id.
type gexfAttrCols map[[2]string]string

// attrs declares one column per (name, type) the attribute maps use, by
// name then type.
func (c *gexfColumns) attrs(maps []network.Attributes) gexfAttrCols {
	used := map[[2]string]bool{}
	var names []string
	for _, m := range maps {
		for k, v := range m {
			typ := gmlTypeOf(v) // GEXF and GraphML name their types alike
			if !used[[2]string{k, typ}] {
				used[[2]string{k, typ}] = true
				names = append(names, k)
			}
		}
	}
	slices.Sort(names)
	names = slices.Compact(names)
	ids := gexfAttrCols{}
	for _, name := range names {
		for _, typ := range gmlTypeOrder {
			if used[[2]string{name, typ}] {
				ids[[2]string{name, typ}] = c.field(name, typ, true)
			}
		}
	}
	return ids
}

// values returns the attribute values of one record, by key.
func (ids gexfAttrCols) values(a network.Attributes) []gexf12.AttValue {
	var out []gexf12.AttValue
	for _, k := range a.Keys() {
		text, _ := a.Text(k)
		out = append(out, gexf12.AttValue{For: ids[[2]string{k, gmlTypeOf(a[k])}], Value: text})
	}
	return out
}
