package netio

import (
	"io"
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
// a name becomes Graphviz's line break \n. Nodes come in network order,
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
		nodes[a.ID] = nd
		g.AddNode(nd)
	}
	for _, l := range links {
		ln := &dotLine{from: nodes[l.From], to: nodes[l.To], id: int64(l.ID),
			attrs: []encoding.Attribute{{Key: "label", Value: dotQuote(linkLabel(l))}}}
		if l.Mutual && !undirected {
			ln.attrs = append(ln.attrs, encoding.Attribute{Key: "dir", Value: "none"})
		}
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
