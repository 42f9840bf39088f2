package measure

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/graph"
)

// Graph is a compact, read-only form of a graph for the measures in this
// package: nodes are re-indexed 0 … Len()-1 in increasing gonum node ID
// order, and adjacency is stored as compressed sparse rows of int32
// indices with float64 weights. For a view of a network.Network, whose node
// IDs are already dense, index i is node ID i and actor i of the view.
//
// Self-loops are dropped. A Graph is safe for concurrent use.
type Graph struct {
	directed bool
	weighted bool
	ids      []int64
	index    map[int64]int32
	outStart []int32
	outAdj   []int32
	outW     []float64
	inStart  []int32 // equal to the out slices for undirected graphs
	inAdj    []int32
	inW      []float64
}

// New converts a gonum graph. It is directed if g implements
// graph.Directed. With weighted set, edge weights come from
// graph.Weighted's Weight (g must implement it); otherwise every edge
// weighs 1. Neighbour lists are sorted by index, so results do not depend
// on the order in which g lists nodes. New fails on weights that are NaN,
// infinite or negative, and on graphs of 2³¹ nodes or more.
func New(g graph.Graph, weighted bool) (*Graph, error) {
	nodes := graph.NodesOf(g.Nodes())
	if len(nodes) >= math.MaxInt32 {
		return nil, fmt.Errorf("measure: graph too large (%d nodes)", len(nodes))
	}
	ids := make([]int64, len(nodes))
	for i, n := range nodes {
		ids[i] = n.ID()
	}
	slices.Sort(ids)
	index := make(map[int64]int32, len(ids))
	for i, id := range ids {
		index[id] = int32(i)
	}
	var wg graph.Weighted
	if weighted {
		var ok bool
		if wg, ok = g.(graph.Weighted); !ok {
			return nil, fmt.Errorf("measure: weighted measures need a graph.Weighted")
		}
	}
	_, directed := g.(graph.Directed)
	c := &Graph{directed: directed, weighted: weighted, ids: ids, index: index}
	type entry struct {
		v int32
		w float64
	}
	var row []entry
	c.outStart = make([]int32, len(ids)+1)
	for i, id := range ids {
		row = row[:0]
		it := g.From(id)
		for it.Next() {
			vid := it.Node().ID()
			if vid == id {
				continue
			}
			w := 1.0
			if weighted {
				w, _ = wg.Weight(id, vid)
				if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
					return nil, fmt.Errorf("measure: edge %d→%d has weight %v; weights must be finite and non-negative", id, vid, w)
				}
			}
			row = append(row, entry{index[vid], w})
		}
		slices.SortFunc(row, func(a, b entry) int { return int(a.v - b.v) })
		for _, e := range row {
			c.outAdj = append(c.outAdj, e.v)
			c.outW = append(c.outW, e.w)
		}
		c.outStart[i+1] = int32(len(c.outAdj))
	}
	if directed {
		c.inStart, c.inAdj, c.inW = transpose(len(ids), c.outStart, c.outAdj, c.outW)
	} else {
		c.inStart, c.inAdj, c.inW = c.outStart, c.outAdj, c.outW
	}
	return c, nil
}

// FromEdges builds a Graph on nodes 0 … n-1 from edge lists (from[k],
// to[k], weight w[k]; w may be nil for weight 1). Undirected edges may be
// given in either or both directions; repeated edges are merged, keeping
// the last weight. It is meant for tests and generated graphs.
func FromEdges(n int, directed bool, from, to []int, w []float64) (*Graph, error) {
	if len(from) != len(to) || (w != nil && len(w) != len(from)) {
		return nil, fmt.Errorf("measure: edge lists of different lengths")
	}
	type arc struct {
		u, v int32
		w    float64
	}
	arcs := make([]arc, 0, 2*len(from))
	for k := range from {
		u, v := from[k], to[k]
		if u < 0 || u >= n || v < 0 || v >= n {
			return nil, fmt.Errorf("measure: edge %d (%d, %d) out of range 0..%d", k, u, v, n-1)
		}
		if u == v {
			continue
		}
		wk := 1.0
		if w != nil {
			wk = w[k]
			if math.IsNaN(wk) || math.IsInf(wk, 0) || wk < 0 {
				return nil, fmt.Errorf("measure: edge %d has weight %v", k, wk)
			}
		}
		arcs = append(arcs, arc{int32(u), int32(v), wk})
		if !directed {
			arcs = append(arcs, arc{int32(v), int32(u), wk})
		}
	}
	slices.SortStableFunc(arcs, func(a, b arc) int {
		if a.u != b.u {
			return int(a.u - b.u)
		}
		return int(a.v - b.v)
	})
	c := &Graph{directed: directed, weighted: w != nil, ids: make([]int64, n), index: make(map[int64]int32, n)}
	for i := range c.ids {
		c.ids[i] = int64(i)
		c.index[int64(i)] = int32(i)
	}
	c.outStart = make([]int32, n+1)
	for k := 0; k < len(arcs); k++ {
		if k+1 < len(arcs) && arcs[k+1].u == arcs[k].u && arcs[k+1].v == arcs[k].v {
			continue // keep the last of a run of repeats
		}
		c.outAdj = append(c.outAdj, arcs[k].v)
		c.outW = append(c.outW, arcs[k].w)
		c.outStart[arcs[k].u+1]++
	}
	for i := 0; i < n; i++ {
		c.outStart[i+1] += c.outStart[i]
	}
	if directed {
		c.inStart, c.inAdj, c.inW = transpose(n, c.outStart, c.outAdj, c.outW)
	} else {
		c.inStart, c.inAdj, c.inW = c.outStart, c.outAdj, c.outW
	}
	return c, nil
}

func transpose(n int, start, adj []int32, w []float64) ([]int32, []int32, []float64) {
	tStart := make([]int32, n+1)
	for _, v := range adj {
		tStart[v+1]++
	}
	for i := 0; i < n; i++ {
		tStart[i+1] += tStart[i]
	}
	fill := slices.Clone(tStart[:n])
	tAdj := make([]int32, len(adj))
	tW := make([]float64, len(adj))
	for u := 0; u < n; u++ { // increasing u, so in-lists come out sorted
		for k := start[u]; k < start[u+1]; k++ {
			v := adj[k]
			tAdj[fill[v]] = int32(u)
			tW[fill[v]] = w[k]
			fill[v]++
		}
	}
	return tStart, tAdj, tW
}

// Len returns the number of nodes.
func (g *Graph) Len() int { return len(g.ids) }

// Directed reports whether the graph is directed.
func (g *Graph) Directed() bool { return g.directed }

// Weighted reports whether the graph was built with edge weights.
func (g *Graph) Weighted() bool { return g.weighted }

// NumEdges returns the number of edges: arcs if directed, unordered pairs
// if undirected.
func (g *Graph) NumEdges() int {
	if g.directed {
		return len(g.outAdj)
	}
	return len(g.outAdj) / 2
}

// ID returns the gonum node ID of index i.
func (g *Graph) ID(i int) int64 { return g.ids[i] }

// Index returns the index of a gonum node ID.
func (g *Graph) Index(id int64) (int, bool) {
	i, ok := g.index[id]
	return int(i), ok
}

// Out returns the out-neighbours of node i (all neighbours if undirected),
// in increasing index order, and the weights of the edges to them. The
// slices belong to the graph: do not modify them.
func (g *Graph) Out(i int) ([]int32, []float64) {
	s, e := g.outStart[i], g.outStart[i+1]
	return g.outAdj[s:e:e], g.outW[s:e:e]
}

// In returns the in-neighbours of node i (all neighbours if undirected),
// in increasing index order, and the weights of the edges from them.
func (g *Graph) In(i int) ([]int32, []float64) {
	s, e := g.inStart[i], g.inStart[i+1]
	return g.inAdj[s:e:e], g.inW[s:e:e]
}

// OutDegree returns the number of out-neighbours of i (neighbours if undirected).
func (g *Graph) OutDegree(i int) int { return int(g.outStart[i+1] - g.outStart[i]) }

// InDegree returns the number of in-neighbours of i (neighbours if undirected).
func (g *Graph) InDegree(i int) int { return int(g.inStart[i+1] - g.inStart[i]) }

// Weight returns the weight of the edge u→v and whether it exists.
func (g *Graph) Weight(u, v int) (float64, bool) {
	adj, w := g.Out(u)
	k, ok := slices.BinarySearch(adj, int32(v))
	if !ok {
		return 0, false
	}
	return w[k], true
}

// Undirected returns the graph with every arc made an undirected edge (the
// graph itself if it is undirected). Where both u→v and v→u exist, the edge
// keeps the weight of the arc from the lower index.
func (g *Graph) Undirected() *Graph {
	if !g.directed {
		return g
	}
	var from, to []int
	var w []float64
	for u := 0; u < g.Len(); u++ {
		adj, ws := g.Out(u)
		for k, v := range adj {
			if _, back := g.Weight(int(v), u); back && int(v) < u {
				continue // the lower index's arc wins
			}
			from, to, w = append(from, u), append(to, int(v)), append(w, ws[k])
		}
	}
	c, _ := FromEdges(g.Len(), false, from, to, w)
	c.weighted = g.weighted
	c.ids, c.index = g.ids, g.index
	return c
}

// Reweighted returns a weighted copy of g with the same nodes and edges,
// each edge weight w replaced by f(w) (1 for every edge of an unweighted
// g). It shares g's adjacency, so it costs one weight per arc. It fails if
// f returns a weight that is NaN, infinite or negative, naming the edge.
// Use it to turn strengths into lengths, as f(w) = 1/w.
func (g *Graph) Reweighted(f func(w float64) float64) (*Graph, error) {
	c := *g
	c.weighted = true
	c.outW = make([]float64, len(g.outW))
	for u := 0; u < g.Len(); u++ {
		for k := g.outStart[u]; k < g.outStart[u+1]; k++ {
			w := f(g.outW[k])
			if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
				return nil, fmt.Errorf("measure: edge %d→%d: weight %v maps to %v; weights must be finite and non-negative", g.ids[u], g.ids[g.outAdj[k]], g.outW[k], w)
			}
			c.outW[k] = w
		}
	}
	if g.directed {
		c.inW = make([]float64, len(g.inW))
		for k, w := range g.inW {
			c.inW[k] = f(w)
		}
	} else {
		c.inW = c.outW
	}
	return &c, nil
}
