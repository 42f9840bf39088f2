package netio

import (
	"io"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/multi"

	"github.com/illicitnet/illicit/network"
)

// WriteDOT writes the network as a Graphviz DOT graph, encoded by gonum's
// dot.MarshalMulti from a gonum multigraph, so that parallel links stay
// separate edges.
//
// A network whose links are all Mutual is a "graph" with "--" edges; any
// other is a "digraph", in which Mutual links carry dir=none (drawn
// without arrowheads). The graph is named after the network. Each actor
// is a node with its ID as node ID and its name (or ID) as label; each
// link an edge with the label element:type ("money:funds"; the element
// alone if the link has no type). IDs and labels are always quoted, so
// that a name such as "<b>" is text and not an HTML label; a newline in
// a name becomes Graphviz's line break \n.
//
// The other fields go beside the label as attributes that Graphviz keeps
// but does not draw, all quoted strings. A node has kind (if known),
// sectors (every sector, kind's first) and aliases (if any), lists
// ";"-separated as in CSV. An edge has element and weight, then type,
// commodity, mode, channel, start and end (dates at their own precision:
// "2001", "2001-09", "2001-09-11"), grade and source where set; weight is
// Graphviz's own edge weight, which dot reads as an integer (2.5 as 2)
// and neato as a number. The free attributes of actors and links follow
// as "attr.<key>" (so that a key such as "color" or "label" cannot
// change the drawing), their values written as in GEXF (1964, 3.0, true,
// text): DOT has no types.
//
// Nodes come in network order,
// and edges grouped by their first actor in network order, then by the
// other actor, then in link order (gonum's DOT order), so the output
// depends only on the network.
func WriteDOT(w io.Writer, n *network.Network) error {
	actors, links := n.Actors(), n.Links()
	undirected := allMutual(links)
	nodes := make(map[string]*dotNode, len(actors))
	var g interface {
		graph.Multigraph
		AddNode(graph.Node)
		SetLine(graph.Line)
	}
	if undirected {
		g = multi.NewUndirectedGraph()
	} else {
		g = multi.NewDirectedGraph()
	}
	for i, a := range actors {
		nd := &dotNode{id: int64(i), dotID: dotQuote(a.ID),
			attrs: []encoding.Attribute{{Key: "label", Value: dotQuote(a.Label())}}}
		if a.Kind != network.KindUnknown {
			nd.attrs = dotAttr(nd.attrs, "kind", a.Kind.String())
		}
		nd.attrs = dotAttr(nd.attrs, "sectors", joinList(sectorNames(a)))
		nd.attrs = dotAttr(nd.attrs, "aliases", joinList(a.Aliases))
		nd.attrs = dotFreeAttrs(nd.attrs, a.Attributes)
		nodes[a.ID] = nd
		g.AddNode(nd)
	}
	for _, l := range links {
		ln := &dotLine{from: nodes[l.From], to: nodes[l.To], id: int64(l.ID),
			attrs: []encoding.Attribute{{Key: "label", Value: dotQuote(linkLabel(l))}}}
		if l.Mutual && !undirected {
			ln.attrs = append(ln.attrs, encoding.Attribute{Key: "dir", Value: "none"})
		}
		ln.attrs = dotAttr(ln.attrs, "element", l.Element.String())
		ln.attrs = dotAttr(ln.attrs, "weight", strconv.FormatFloat(l.Weight, 'f', -1, 64))
		for _, f := range [...]struct{ key, value string }{{"type", l.Type}, {"commodity", l.Commodity},
			{"mode", l.Mode}, {"channel", l.Channel}, {"start", l.Start.String()}, {"end", l.End.String()},
			{"grade", l.Grade.String()}, {"source", l.Source}} {
			ln.attrs = dotAttr(ln.attrs, f.key, f.value)
		}
		ln.attrs = dotFreeAttrs(ln.attrs, l.Attributes)
		g.SetLine(ln)
	}
	name := ""
	if n.Name != "" {
		name = dotQuote(n.Name)
	}
	b, err := dot.MarshalMulti(g, name, "", "\t")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// dotAttr appends the attribute key=value, value quoted, unless value is
// empty.
func dotAttr(attrs []encoding.Attribute, key, value string) []encoding.Attribute {
	if value == "" {
		return attrs
	}
	return append(attrs, encoding.Attribute{Key: key, Value: dotQuote(value)})
}

// dotFreeAttrs appends the free attributes, by key, as "attr.<key>"
// (quoted, as the dot makes it a string ID rather than a bare one).
func dotFreeAttrs(attrs []encoding.Attribute, a network.Attributes) []encoding.Attribute {
	for _, k := range a.Keys() {
		text, _ := a.Text(k)
		attrs = append(attrs, encoding.Attribute{Key: dotQuote("attr." + k), Value: dotQuote(text)})
	}
	return attrs
}

// dotQuote quotes s as a DOT string: backslashes and double quotes
// escaped, newlines written as \n. The result is also a valid Go string
// literal, which gonum's encoder then writes unchanged.
func dotQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// dotNode is an actor as a gonum node with DOT ID and attributes.
type dotNode struct {
	id    int64
	dotID string
	attrs []encoding.Attribute
}

// ID implements graph.Node.
func (n *dotNode) ID() int64 { return n.id }

// DOTID implements dot.Node: the actor ID.
func (n *dotNode) DOTID() string { return n.dotID }

// Attributes implements encoding.Attributer.
func (n *dotNode) Attributes() []encoding.Attribute { return n.attrs }

// dotLine is a link as a gonum line with DOT attributes.
type dotLine struct {
	from, to *dotNode
	id       int64
	attrs    []encoding.Attribute
}

// From implements graph.Line.
func (l *dotLine) From() graph.Node { return l.from }

// To implements graph.Line.
func (l *dotLine) To() graph.Node { return l.to }

// ID implements graph.Line.
func (l *dotLine) ID() int64 { return l.id }

// Attributes implements encoding.Attributer.
func (l *dotLine) Attributes() []encoding.Attribute { return l.attrs }

// ReversedLine implements graph.Line.
func (l *dotLine) ReversedLine() graph.Line {
	return &dotLine{from: l.to, to: l.from, id: l.id, attrs: l.attrs}
}
