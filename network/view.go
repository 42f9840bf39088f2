package network

import (
	"fmt"
	"github.com/illicitnet/illicit/network/internal/codec"
	"math"
	"slices"
	"strings"
	"time"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
)

// Aggregation says how the links that join one pair of actors in a view
// become the single weight of the view's edge between them.
type Aggregation uint8

// The aggregation rules. For the links l₁…l_k kept between a pair:
const (
	// Count: w = k, the number of links (the zero value).
	Count Aggregation = iota
	// Sum: w = Σ weight(lᵢ).
	Sum
	// Max: w = max weight(lᵢ).
	Max
	// DiscountedSum: w = Σ weight(lᵢ) × confidence(lᵢ), where confidence is
	// Grade.Confidence (UngradedConfidence for ungraded links), so poorly
	// graded reports count for less.
	DiscountedSum
)

var aggregationNames = [...]string{Count: "count", Sum: "sum", Max: "max", DiscountedSum: "discounted_sum"}

// String returns "count", "sum", "max" or "discounted_sum".
func (a Aggregation) String() string {
	if int(a) < len(aggregationNames) {
		return aggregationNames[a]
	}
	return fmt.Sprintf("Aggregation(%d)", uint8(a))
}

// ParseAggregation returns the aggregation named name ("count", "sum",
// "max" or "discounted_sum"; case and surrounding space are ignored).
func ParseAggregation(name string) (Aggregation, error) {
	for i, s := range aggregationNames {
		if strings.EqualFold(strings.TrimSpace(name), s) {
			return Aggregation(i), nil
		}
	}
	return Count, fmt.Errorf("unknown aggregation %q (want %s)", name, strings.Join(aggregationNames[:], ", "))
}

// MarshalText implements encoding.TextMarshaler.
func (a Aggregation) MarshalText() ([]byte, error) {
	return codec.MarshalText(a.String(), int(a) < len(aggregationNames), "invalid aggregation %d", uint8(a))
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (a *Aggregation) UnmarshalText(b []byte) error {
	return codec.UnmarshalText(a, b, ParseAggregation)
}

// ViewOptions select the actors and links of a view and say how parallel
// links are merged. The zero value keeps every actor and every link and
// weighs each edge by its number of links.
type ViewOptions struct {
	// Elements keeps only links of these elements (layers); nil keeps all.
	Elements []Element
	// Types keeps only links of these types (e.g. a dataset's layer names);
	// nil keeps all.
	Types []string
	// Sectors keeps only actors in at least one of these sectors (by kind or
	// by tag); nil keeps all.
	Sectors []Sector
	// Kinds keeps only actors of these kinds; nil keeps all. An actor must
	// pass both Sectors and Kinds.
	Kinds []Kind
	// From and To keep links active at some time in the window [From, To]
	// (each end inclusive, at its own precision; an unset end is open).
	// Links with no interval are always active.
	From, To Date
	// At keeps links active on that day (the time of day is ignored). It
	// cannot be combined with From or To.
	At time.Time
	// MinGrade keeps links whose Grade.Confidence is at least
	// MinGrade.Confidence(); ungraded links count as UngradedConfidence.
	// The zero value keeps all links.
	MinGrade Grade
	// Aggregation merges the links kept between a pair into one weight.
	Aggregation Aggregation
}

// Validate reports whether the options can build a view: a valid window
// (end not before start), At not combined with From or To, a valid minimum
// grade, and valid aggregation, elements, sectors and kinds.
func (o ViewOptions) Validate() error {
	if err := (Interval{Start: o.From, End: o.To}).Validate(); err != nil {
		return fmt.Errorf("view window: %v", err)
	}
	if !o.At.IsZero() && (!o.From.IsZero() || !o.To.IsZero()) {
		return fmt.Errorf("view: At cannot be combined with From or To")
	}
	if !o.MinGrade.Valid() {
		return fmt.Errorf("view: invalid minimum grade %+v", o.MinGrade)
	}
	if o.Aggregation > DiscountedSum {
		return fmt.Errorf("view: invalid aggregation %d", o.Aggregation)
	}
	for _, e := range o.Elements {
		if !e.Valid() {
			return fmt.Errorf("view: invalid element %d", e)
		}
	}
	for _, s := range o.Sectors {
		if !s.Valid() {
			return fmt.Errorf("view: invalid sector %d", s)
		}
	}
	for _, k := range o.Kinds {
		if !k.Valid() {
			return fmt.Errorf("view: invalid kind %d", k)
		}
	}
	return nil
}

// KeepsActor reports whether a view built with the options keeps actor a:
// a passes Kinds (if set) and Sectors (if set; by kind or by tag).
func (o ViewOptions) KeepsActor(a Actor) bool {
	if len(o.Kinds) > 0 && !slices.Contains(o.Kinds, a.Kind) {
		return false
	}
	if len(o.Sectors) > 0 {
		for _, s := range o.Sectors {
			if a.InSector(s) {
				return true
			}
		}
		return false
	}
	return true
}

// KeepsLink reports whether a view built with the options keeps link l,
// provided it keeps both of l's actors: l passes Elements, Types, the
// window From–To or the instant At, and MinGrade.
func (o ViewOptions) KeepsLink(l Link) bool {
	if len(o.Elements) > 0 && !slices.Contains(o.Elements, l.Element) {
		return false
	}
	if len(o.Types) > 0 && !slices.Contains(o.Types, l.Type) {
		return false
	}
	iv := l.Interval()
	if !o.At.IsZero() && !iv.Contains(o.At) {
		return false
	}
	if !iv.Overlaps(o.From, o.To) {
		return false
	}
	if !o.MinGrade.IsZero() && l.Grade.Confidence() < o.MinGrade.Confidence()-1e-12 {
		return false
	}
	return true
}

// Node is a node of a view: a dense ID (0 … Len()-1, in actor insertion
// order among the actors the view keeps) and the actor it stands for. It
// implements graph.Node.
type Node struct {
	id    int64
	actor string
}

// ID returns the node's dense ID in its view.
func (n Node) ID() int64 { return n.id }

// ActorID returns the ID of the actor the node stands for.
func (n Node) ActorID() string { return n.actor }

// Edge is an edge of a view: the merged links between two actors, with
// their aggregated weight. It implements graph.WeightedEdge.
type Edge struct {
	F, T  Node
	W     float64
	links []LinkID
}

// From returns the edge's from node.
func (e Edge) From() graph.Node { return e.F }

// To returns the edge's to node.
func (e Edge) To() graph.Node { return e.T }

// ReversedEdge returns the edge with its ends swapped.
func (e Edge) ReversedEdge() graph.Edge { return Edge{F: e.T, T: e.F, W: e.W, links: e.links} }

// Weight returns the aggregated weight of the edge.
func (e Edge) Weight() float64 { return e.W }

// Links returns the IDs of the network links merged into the edge, in link
// order: the evidence for the edge.
func (e Edge) Links() []LinkID { return e.links }

type edgeRec struct {
	u, v       int32
	w          float64
	start, end int32 // range in View.linkIDs
}

// View is a projection of a Network onto a graph: the actors and links that
// pass a ViewOptions filter, with parallel links merged into weighted edges.
// Node IDs are dense and follow actor insertion order, so every algorithm
// run on a view gives reproducible results that map back to actor IDs.
// Self-links are left out of views (see SelfLinks).
//
// A View is a snapshot: changing the network afterwards does not change it.
// View itself is not a gonum graph; use DirectedView or UndirectedView,
// which embed it.
type View struct {
	directed  bool
	opts      ViewOptions
	nodes     []Node
	gnodes    []graph.Node
	nodeOf    map[string]int64
	actors    []Actor
	edges     []edgeRec
	linkIDs   []LinkID
	outStart  []int32 // CSR: neighbours of u are adj[outStart[u]:outStart[u+1]]
	outAdj    []int32 // neighbour node IDs, increasing per node
	outEdge   []int32 // edge index for each outAdj entry
	inStart   []int32 // directed views only
	inAdj     []int32
	inEdge    []int32
	selfLinks int
	numLinks  int
}

// DirectedView is a View whose edges have a direction: a link From → To is
// an edge From → To, a Mutual link an edge each way. It implements
// graph.WeightedDirected.
type DirectedView struct{ *View }

// UndirectedView is a View whose edges have no direction: any link between
// two actors, whatever its direction, is part of their one edge. It
// implements graph.WeightedUndirected.
type UndirectedView struct{ *View }

var (
	_ graph.WeightedDirected   = DirectedView{}
	_ graph.WeightedUndirected = UndirectedView{}
)

// DirectedView builds a directed view of the network.
func (n *Network) DirectedView(opts ViewOptions) (DirectedView, error) {
	v, err := n.newView(opts, true)
	return DirectedView{v}, err
}

// UndirectedView builds an undirected view of the network.
func (n *Network) UndirectedView(opts ViewOptions) (UndirectedView, error) {
	v, err := n.newView(opts, false)
	return UndirectedView{v}, err
}

type arc struct {
	u, v int32
	link int32 // position in n.links, for link order
}

func (n *Network) newView(opts ViewOptions, directed bool) (*View, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	opts.Elements = slices.Clone(opts.Elements)
	opts.Types = slices.Clone(opts.Types)
	opts.Sectors = slices.Clone(opts.Sectors)
	opts.Kinds = slices.Clone(opts.Kinds)
	v := &View{directed: directed, opts: opts, nodeOf: map[string]int64{}}
	actorNode := make([]int32, len(n.actors))
	for i, a := range n.actors {
		actorNode[i] = -1
		if opts.KeepsActor(a) {
			id := int64(len(v.nodes))
			actorNode[i] = int32(id)
			v.nodes = append(v.nodes, Node{id: id, actor: a.ID})
			v.gnodes = append(v.gnodes, v.nodes[id])
			v.nodeOf[a.ID] = id
			v.actors = append(v.actors, a)
		}
	}
	if len(v.nodes) > math.MaxInt32 || len(n.links) > math.MaxInt32/2 {
		return nil, fmt.Errorf("view: network too large")
	}
	var arcs []arc
	for j, l := range n.links {
		fu, tu := actorNode[n.pos[l.From]], actorNode[n.pos[l.To]]
		if fu < 0 || tu < 0 || !opts.KeepsLink(l) {
			continue
		}
		v.numLinks++
		if fu == tu {
			v.selfLinks++
			continue
		}
		switch {
		case !directed:
			arcs = append(arcs, arc{min(fu, tu), max(fu, tu), int32(j)})
		case l.Mutual:
			arcs = append(arcs, arc{fu, tu, int32(j)}, arc{tu, fu, int32(j)})
		default:
			arcs = append(arcs, arc{fu, tu, int32(j)})
		}
	}
	slices.SortFunc(arcs, func(a, b arc) int {
		if a.u != b.u {
			return int(a.u - b.u)
		}
		if a.v != b.v {
			return int(a.v - b.v)
		}
		return int(a.link - b.link)
	})
	for k := 0; k < len(arcs); {
		e := edgeRec{u: arcs[k].u, v: arcs[k].v, start: int32(len(v.linkIDs))}
		for ; k < len(arcs) && arcs[k].u == e.u && arcs[k].v == e.v; k++ {
			l := n.links[arcs[k].link]
			v.linkIDs = append(v.linkIDs, l.ID)
			switch opts.Aggregation {
			case Count:
				e.w++
			case Sum:
				e.w += l.Weight
			case Max:
				e.w = max(e.w, l.Weight)
			case DiscountedSum:
				e.w += l.Weight * l.Grade.Confidence()
			}
		}
		e.end = int32(len(v.linkIDs))
		v.edges = append(v.edges, e)
	}
	nn := len(v.nodes)
	if directed {
		v.outStart, v.outAdj, v.outEdge = csr(nn, v.edges, false)
		v.inStart, v.inAdj, v.inEdge = csr(nn, v.edges, true)
	} else {
		v.outStart, v.outAdj, v.outEdge = csrUndirected(nn, v.edges)
	}
	return v, nil
}

// csr builds compressed adjacency from edges sorted by (u, v): by u
// (out-lists) or, with rev, by v (in-lists). Neighbour lists come out
// increasing.
func csr(n int, edges []edgeRec, rev bool) (start, adj, edge []int32) {
	start = make([]int32, n+1)
	for _, e := range edges {
		k := e.u
		if rev {
			k = e.v
		}
		start[k+1]++
	}
	for i := 0; i < n; i++ {
		start[i+1] += start[i]
	}
	fill := slices.Clone(start[:n])
	adj = make([]int32, len(edges))
	edge = make([]int32, len(edges))
	for i, e := range edges { // in (u, v) order, so in-lists fill by increasing u
		k, o := e.u, e.v
		if rev {
			k, o = e.v, e.u
		}
		adj[fill[k]] = o
		edge[fill[k]] = int32(i)
		fill[k]++
	}
	return start, adj, edge
}

// csrUndirected builds symmetric adjacency from edges with u < v, sorted.
func csrUndirected(n int, edges []edgeRec) (start, adj, edge []int32) {
	start = make([]int32, n+1)
	for _, e := range edges {
		start[e.u+1]++
		start[e.v+1]++
	}
	for i := 0; i < n; i++ {
		start[i+1] += start[i]
	}
	fill := slices.Clone(start[:n])
	adj = make([]int32, 2*len(edges))
	edge = make([]int32, 2*len(edges))
	// Lower neighbours first (edges sorted by u, so each v's list gets
	// increasing u), then higher neighbours in increasing v.
	for i, e := range edges {
		adj[fill[e.v]], edge[fill[e.v]] = e.u, int32(i)
		fill[e.v]++
	}
	for i, e := range edges {
		adj[fill[e.u]], edge[fill[e.u]] = e.v, int32(i)
		fill[e.u]++
	}
	return start, adj, edge
}

// IsDirected reports whether the view is directed.
func (v *View) IsDirected() bool { return v.directed }

// Options returns the options the view was built with.
func (v *View) Options() ViewOptions { return v.opts }

// Len returns the number of nodes.
func (v *View) Len() int { return len(v.nodes) }

// NumEdges returns the number of edges: ordered pairs in a directed view,
// unordered pairs in an undirected one.
func (v *View) NumEdges() int { return len(v.edges) }

// NumLinks returns the number of network links the view kept, self-links
// included.
func (v *View) NumLinks() int { return v.numLinks }

// SelfLinks returns the number of kept links that join an actor to itself;
// views leave them out of their edges.
func (v *View) SelfLinks() int { return v.selfLinks }

// ActorID returns the ID of the actor behind node id, or "" if there is no
// such node.
func (v *View) ActorID(id int64) string {
	if id < 0 || id >= int64(len(v.nodes)) {
		return ""
	}
	return v.nodes[id].actor
}

// Actor returns the actor behind node id.
func (v *View) Actor(id int64) (Actor, bool) {
	if id < 0 || id >= int64(len(v.nodes)) {
		return Actor{}, false
	}
	return v.actors[id], true
}

// ActorIDs returns the actor IDs of all nodes, indexed by node ID.
func (v *View) ActorIDs() []string {
	ids := make([]string, len(v.nodes))
	for i, n := range v.nodes {
		ids[i] = n.actor
	}
	return ids
}

// NodeID returns the node ID of an actor, and false if the view does not
// keep the actor.
func (v *View) NodeID(actorID string) (int64, bool) {
	id, ok := v.nodeOf[actorID]
	return id, ok
}

// Edges returns every edge, ordered by (from, to) node ID. In an
// undirected view each edge appears once, with From < To.
func (v *View) Edges() []Edge {
	out := make([]Edge, len(v.edges))
	for i := range v.edges {
		out[i] = v.edge(int32(i), false)
	}
	return out
}

func (v *View) edge(i int32, reversed bool) Edge {
	e := v.edges[i]
	f, t := e.u, e.v
	if reversed {
		f, t = t, f
	}
	return Edge{F: v.nodes[f], T: v.nodes[t], W: e.w, links: v.linkIDs[e.start:e.end:e.end]}
}

func (v *View) has(id int64) bool { return id >= 0 && id < int64(len(v.nodes)) }

// find returns the index in edges of the arc u→v in the given CSR, or -1.
func find(start, adj, edge []int32, u, w int64) int32 {
	lo, hi := int(start[u]), int(start[u+1])
	k, ok := slices.BinarySearch(adj[lo:hi], int32(w))
	if !ok {
		return -1
	}
	return edge[lo+k]
}

// node implements graph.Graph's Node.
func (v *View) node(id int64) graph.Node {
	if !v.has(id) {
		return nil
	}
	return v.nodes[id]
}

func (v *View) neighbours(start, adj []int32, id int64) graph.Nodes {
	if !v.has(id) {
		return graph.Empty
	}
	list := adj[start[id]:start[id+1]]
	if len(list) == 0 {
		return graph.Empty
	}
	ns := make([]graph.Node, len(list))
	for i, w := range list {
		ns[i] = v.nodes[w]
	}
	return iterator.NewOrderedNodes(ns)
}

// arc returns the edge u→v oriented as asked, and whether it exists.
func (v *View) arc(uid, vid int64) (Edge, bool) {
	if !v.has(uid) || !v.has(vid) {
		return Edge{}, false
	}
	i := find(v.outStart, v.outAdj, v.outEdge, uid, vid)
	if i < 0 {
		return Edge{}, false
	}
	return v.edge(i, int64(v.edges[i].u) != uid), true
}

func (v *View) weight(xid, yid int64) (float64, bool) {
	if xid == yid && v.has(xid) {
		return 0, true
	}
	e, ok := v.arc(xid, yid)
	return e.W, ok
}

// Node returns the node with the given ID, or nil.
func (g DirectedView) Node(id int64) graph.Node { return g.node(id) }

// Nodes returns all nodes in ID order.
func (g DirectedView) Nodes() graph.Nodes { return iterator.NewOrderedNodes(g.gnodes) }

// From returns the nodes reachable by an edge from id, in ID order.
func (g DirectedView) From(id int64) graph.Nodes { return g.neighbours(g.outStart, g.outAdj, id) }

// To returns the nodes with an edge to id, in ID order.
func (g DirectedView) To(id int64) graph.Nodes { return g.neighbours(g.inStart, g.inAdj, id) }

// HasEdgeBetween reports whether there is an edge between x and y in either direction.
func (g DirectedView) HasEdgeBetween(xid, yid int64) bool {
	return g.HasEdgeFromTo(xid, yid) || g.HasEdgeFromTo(yid, xid)
}

// HasEdgeFromTo reports whether there is an edge from u to v.
func (g DirectedView) HasEdgeFromTo(uid, vid int64) bool {
	_, ok := g.arc(uid, vid)
	return ok
}

// Edge returns the edge from u to v, or nil.
func (g DirectedView) Edge(uid, vid int64) graph.Edge {
	if e, ok := g.arc(uid, vid); ok {
		return e
	}
	return nil
}

// WeightedEdge returns the edge from u to v, or nil.
func (g DirectedView) WeightedEdge(uid, vid int64) graph.WeightedEdge {
	if e, ok := g.arc(uid, vid); ok {
		return e
	}
	return nil
}

// Weight returns the weight of the edge from x to y and true; 0 and true
// if x == y is a node; 0 and false if there is no such edge.
func (g DirectedView) Weight(xid, yid int64) (float64, bool) { return g.weight(xid, yid) }

// Node returns the node with the given ID, or nil.
func (g UndirectedView) Node(id int64) graph.Node { return g.node(id) }

// Nodes returns all nodes in ID order.
func (g UndirectedView) Nodes() graph.Nodes { return iterator.NewOrderedNodes(g.gnodes) }

// From returns the neighbours of id, in ID order.
func (g UndirectedView) From(id int64) graph.Nodes { return g.neighbours(g.outStart, g.outAdj, id) }

// HasEdgeBetween reports whether x and y are joined by an edge.
func (g UndirectedView) HasEdgeBetween(xid, yid int64) bool {
	_, ok := g.arc(xid, yid)
	return ok
}

// Edge returns the edge between u and v, oriented u → v, or nil.
func (g UndirectedView) Edge(uid, vid int64) graph.Edge { return g.EdgeBetween(uid, vid) }

// EdgeBetween returns the edge between x and y, oriented x → y, or nil.
func (g UndirectedView) EdgeBetween(xid, yid int64) graph.Edge {
	if e, ok := g.arc(xid, yid); ok {
		return e
	}
	return nil
}

// WeightedEdge returns the edge between u and v, oriented u → v, or nil.
func (g UndirectedView) WeightedEdge(uid, vid int64) graph.WeightedEdge {
	return g.WeightedEdgeBetween(uid, vid)
}

// WeightedEdgeBetween returns the edge between x and y, oriented x → y, or nil.
func (g UndirectedView) WeightedEdgeBetween(xid, yid int64) graph.WeightedEdge {
	if e, ok := g.arc(xid, yid); ok {
		return e
	}
	return nil
}

// Weight returns the weight of the edge between x and y and true; 0 and
// true if x == y is a node; 0 and false if there is no such edge.
func (g UndirectedView) Weight(xid, yid int64) (float64, bool) { return g.weight(xid, yid) }
