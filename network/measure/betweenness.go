package measure

import "math"

// Betweenness returns the shortest-path betweenness centrality of every
// node (Freeman 1977), computed exactly with Brandes' (2001) algorithm:
//
//	c_B(v) = Σ_{s ≠ v ≠ t} σ(s, t | v) / σ(s, t)
//
// where σ(s, t) is the number of shortest s–t paths and σ(s, t | v) the
// number of those passing through v. Pairs with no path add nothing, and
// the endpoints of a path do not count as on it. On an undirected graph
// each unordered pair {s, t} is counted once (the ordered-pair sum is
// halved).
//
// If g is weighted, edge weights are lengths (NetworkX's weight='weight')
// and shortest paths are found with Dijkstra's algorithm; equal path
// lengths are compared exactly, so with integer weights every tied
// shortest path is counted. Weights should be positive: shortest paths
// through zero-weight edges are not counted reliably. Otherwise paths are
// counted in hops (breadth-first search).
//
// With normalized set, values are divided by the number of pairs that can
// have v in between: (n−1)(n−2)/2 for undirected graphs and (n−1)(n−2) for
// directed ones. Graphs of two nodes or fewer are not rescaled. The result
// equals NetworkX's betweenness_centrality(G, normalized=normalized,
// weight='weight' if weighted else None, endpoints=False) to rounding.
//
// It takes O(nm) time, O(nm + n² log n) if weighted, and runs on
// Options.Workers goroutines (GOMAXPROCS by default); the result does not
// depend on the number of workers.
//
// References: L. C. Freeman (1977), "A set of measures of centrality based
// on betweenness", Sociometry 40(1): 35–41; U. Brandes (2001), "A faster
// algorithm for betweenness centrality", J. Math. Sociol. 25(2): 163–177.
func Betweenness(g *Graph, normalized bool, opts ...Options) []float64 {
	n := g.Len()
	b := brandes(g, false, workersOf(opts))
	// NetworkX's _rescale with endpoints=False: N = n−1 possible targets.
	N := float64(n - 1)
	if n-1 < 2 {
		return b
	}
	var scale float64
	switch {
	case normalized:
		scale = 1 / (N * (N - 1))
	case !g.directed:
		scale = N / (N * 2)
	default:
		scale = 1
	}
	if scale != 1 {
		for i := range b {
			b[i] *= scale
		}
	}
	return b
}

// EdgeScore is a value attached to the edge From → To, From and To being
// node indices of the Graph. Measures return edge scores in increasing
// (From, To) order; an undirected edge appears once, with From < To.
type EdgeScore struct {
	From, To int
	Value    float64
}

// EdgeBetweenness returns the shortest-path betweenness centrality of every
// edge (Girvan & Newman 2002; Brandes 2008), computed exactly with
// Brandes' algorithm:
//
//	c_B(e) = Σ_{s ≠ t} σ(s, t | e) / σ(s, t)
//
// where σ(s, t) is the number of shortest s–t paths and σ(s, t | e) the
// number of those using edge e. On an undirected graph each unordered pair
// {s, t} is counted once. Shortest paths are counted in hops, or, if g is
// weighted, by total edge length as in Betweenness.
//
// With normalized set, values are divided by the number of pairs n(n−1)/2
// for undirected graphs and n(n−1) for directed ones; graphs of fewer than
// two nodes are not rescaled. The result holds one EdgeScore per edge
// (arc, if directed), ordered by (From, To), with From < To for undirected
// edges, and equals NetworkX's edge_betweenness_centrality(G,
// normalized=normalized, weight='weight' if weighted else None) to
// rounding. Complexity and Options are as for Betweenness.
//
// References: U. Brandes (2008), "On variants of shortest-path betweenness
// centrality and their generic computation", Social Networks 30(2):
// 136–145; M. Girvan & M. E. J. Newman (2002), "Community structure in
// social and biological networks", PNAS 99(12): 7821–7826.
func EdgeBetweenness(g *Graph, normalized bool, opts ...Options) []EdgeScore {
	n := g.Len()
	arc := brandes(g, true, workersOf(opts)) // indexed by out-adjacency position
	// NetworkX's _rescale with endpoints=True: N = n possible targets.
	N := float64(n)
	scale := 1.0
	if n >= 2 {
		switch {
		case normalized:
			scale = 1 / (N * (N - 1))
		case !g.directed:
			scale = N / (N * 2)
		}
	}
	if g.directed {
		out := make([]EdgeScore, 0, len(g.outAdj))
		for u := 0; u < n; u++ {
			for k := g.outStart[u]; k < g.outStart[u+1]; k++ {
				out = append(out, EdgeScore{u, int(g.outAdj[k]), arc[k] * scale})
			}
		}
		return out
	}
	// An undirected edge {u, v} is stored at two positions: sum them. For
	// each v, its neighbours u < v are met in increasing u order below, so a
	// cursor into v's list finds the position of u in O(1).
	cursor := make([]int32, n)
	copy(cursor, g.outStart[:n])
	out := make([]EdgeScore, 0, len(g.outAdj)/2)
	for u := 0; u < n; u++ {
		for k := g.outStart[u]; k < g.outStart[u+1]; k++ {
			v := g.outAdj[k]
			if int(v) < u {
				continue
			}
			back := cursor[v]
			cursor[v]++
			out = append(out, EdgeScore{u, int(v), (arc[k] + arc[back]) * scale})
		}
	}
	return out
}

// brandes returns the raw Brandes sums over ordered pairs: per node, or,
// with edges set, per out-adjacency position (arc).
func brandes(g *Graph, edges bool, workers int) []float64 {
	n := g.Len()
	if !edges {
		// Node betweenness is the set-restricted dependency with every node
		// a source and a target of weight 1.
		ones := make([]float64, n)
		for i := range ones {
			ones[i] = 1
		}
		return setBrandes(g, nil, ones, workers)
	}
	newScratch := func() *pathScratch { return newPathScratch(n, len(g.outAdj), g.weighted, true) }
	if g.weighted {
		return sumOverSources(n, len(g.outAdj), workers, newScratch, func(sc *pathScratch, acc []float64, s int) {
			sc.edgeBrandesDijkstra(g, acc, int32(s))
		})
	}
	return sumOverSources(n, len(g.outAdj), workers, newScratch, func(sc *pathScratch, acc []float64, s int) {
		sc.edgeBrandesBFS(g, acc, int32(s))
	})
}

// pathScratch is the per-worker scratch space of the shortest-path
// measures. Between sources every dist entry is back to "unreached" (−1 or
// +Inf) and every pos entry to −1; the other slices hold garbage.
type pathScratch struct {
	order []int32   // BFS queue / Dijkstra settling order (Brandes' stack S)
	dist  []int32   // hop distance from the source, −1 if unreached
	wdist []float64 // weighted distance from the source, +Inf if unreached
	sigma []float64 // number of shortest paths from the source
	coeff []float64 // (1 + δ(w)) / σ(w), Brandes' dependency per path
	heap  []int32   // binary min-heap of nodes keyed by wdist
	pos   []int32   // position in heap, −1 if not in it
	// Arcs of the shortest-path DAG (BFS betweenness): those leaving the
	// node at BFS position i are succ[succStart[i]:succStart[i+1]], as
	// target nodes, or as arc positions when computing edge betweenness.
	succ      []int32
	succStart []int32
}

// newPathScratch allocates scratch for a graph of n nodes and arcs arcs:
// hop or weighted distances, and path counts and the DAG arcs of the
// breadth-first search if paths is set.
func newPathScratch(n, arcs int, weighted, paths bool) *pathScratch {
	sc := &pathScratch{order: make([]int32, n)}
	if weighted {
		sc.wdist = make([]float64, n)
		for i := range sc.wdist {
			sc.wdist[i] = math.Inf(1)
		}
		sc.heap = make([]int32, 0, n)
		sc.pos = make([]int32, n)
		for i := range sc.pos {
			sc.pos[i] = -1
		}
	} else {
		sc.dist = make([]int32, n)
		for i := range sc.dist {
			sc.dist[i] = -1
		}
	}
	if paths && !weighted {
		sc.succ = make([]int32, arcs+1)
		sc.succStart = make([]int32, n+1)
	}
	if paths {
		sc.sigma = make([]float64, n)
		sc.coeff = make([]float64, n)
	}
	return sc
}

// edgeBrandesBFS adds the edge dependencies of source s (Brandes 2001,
// 2008) into acc, per arc position k of v → w: acc[k] += σ(v)/σ(w)·(1 +
// δ_s(w)). Node betweenness uses setBrandesBFS with every target weight 1.
//
// The search runs in three passes over flat arrays, laid out to avoid
// unpredictable branches: a breadth-first search that records distances
// and, per node in BFS order, its arcs into the next level (the arcs of the
// shortest-path DAG, see bfsDAG); a pass over the DAG arcs in BFS order
// that counts shortest paths σ; and Brandes' accumulation over the DAG arcs
// in reverse BFS order, each node pulling (1 + δ(w))/σ(w) from its
// successors w.
func (sc *pathScratch) edgeBrandesBFS(g *Graph, acc []float64, s int32) {
	adj := g.outAdj
	tail := sc.bfsDAG(g.outStart, adj, s, true)
	sigma, coeff, order := sc.sigma, sc.coeff, sc.order[:tail]
	succ, succStart := sc.succ, sc.succStart[:tail+1]
	// Path counts, forwards: every DAG arc v → w has v before w.
	for _, v := range order {
		sigma[v] = 0
	}
	sigma[s] = 1
	for i, v := range order {
		sv := sigma[v]
		for _, k := range succ[succStart[i]:succStart[i+1]] {
			sigma[adj[k]] += sv
		}
	}
	// Dependencies, backwards, credited to the DAG arcs.
	for i := tail - 1; i >= 0; i-- {
		v := order[i]
		sv := sigma[v]
		sum := 0.0
		for _, k := range succ[succStart[i]:succStart[i+1]] {
			c := coeff[adj[k]]
			sum += c
			acc[k] += sv * c
		}
		coeff[v] = (1 + sv*sum) / sv
	}
	dist := sc.dist
	for _, v := range order {
		dist[v] = -1
	}
}

// bfsDAG runs a breadth-first search from s along the arcs (start, adj),
// leaving the r nodes reached in sc.order[:r] (r is returned), their
// distances in sc.dist, and the arcs v → w with dist(w) = dist(v) + 1 of
// the node v at BFS position i in sc.succ[sc.succStart[i]:sc.succStart[i+1]]:
// as arc positions if arcPos is set, else as target nodes w. Recording DAG
// arcs is branch-free (a conditional move): every arc is written to succ,
// and the count advances only for DAG arcs, so succ has one spare slot.
// The only branch left, on discovering a node, is taken once per node.
func (sc *pathScratch) bfsDAG(start, adj []int32, s int32, arcPos bool) int {
	sc.order[0] = s
	sc.dist[s] = 0
	sc.succStart[0] = 0
	if arcPos {
		return bfsDAGArcs(start, adj, sc.dist, sc.order, sc.succ, sc.succStart)
	}
	return bfsDAGNodes(start, adj, sc.dist, sc.order, sc.succ, sc.succStart)
}

// bfsDAGNodes is bfsDAG recording target nodes; it is kept apart, with few
// live variables, so that its inner loop stays in registers.
func bfsDAGNodes(start, adj, dist, order, succ, succStart []int32) int {
	head, tail, ns := 0, 1, 0
	for head < tail {
		v := uint32(order[head])
		head++
		dv := dist[v] + 1
		for _, w := range adj[start[v]:start[v+1]] {
			dw := dist[uint32(w)]
			if dw < 0 {
				dist[uint32(w)] = dv
				order[tail] = w
				tail++
				dw = dv
			}
			succ[ns] = w
			if dw == dv {
				ns++
			}
		}
		succStart[head] = int32(ns)
	}
	return tail
}

// bfsDAGArcs is bfsDAG recording arc positions.
func bfsDAGArcs(start, adj, dist, order, succ, succStart []int32) int {
	head, tail, ns := 0, 1, 0
	for head < tail {
		v := order[head]
		head++
		dv := dist[v] + 1
		for k := int(start[v]); k < int(start[v+1]); k++ {
			w := adj[k]
			dw := dist[w]
			if dw < 0 {
				dist[w] = dv
				order[tail] = w
				tail++
				dw = dv
			}
			succ[ns] = int32(k)
			if dw == dv {
				ns++
			}
		}
		succStart[head] = int32(ns)
	}
	return tail
}

// edgeBrandesDijkstra is edgeBrandesBFS for weighted graphs: shortest paths by
// Dijkstra's algorithm, with w a successor of v when dist(v) + len(v, w)
// equals dist(w) exactly (the same floating-point sum that set dist(w)).
func (sc *pathScratch) edgeBrandesDijkstra(g *Graph, acc []float64, s int32) {
	start, adj, wt := g.outStart, g.outAdj, g.outW
	tail := sc.dijkstra(start, adj, wt, s, true)
	dist, sigma, coeff, order := sc.wdist, sc.sigma, sc.coeff, sc.order
	for i := tail - 1; i >= 0; i-- {
		v := order[i]
		dv := dist[v]
		sv := sigma[v]
		sum := 0.0
		for k := start[v]; k < start[v+1]; k++ {
			if w := adj[k]; dv+wt[k] == dist[w] {
				c := coeff[w]
				sum += c
				acc[k] += sv * c
			}
		}
		coeff[v] = (1 + sv*sum) / sv
	}
	for _, v := range order[:tail] {
		dist[v] = math.Inf(1)
	}
}

// dijkstra settles the nodes reachable from s along the arcs (start, adj,
// wt), leaving them in sc.order[:r] in settling order (r is returned) with
// their distances in sc.wdist and, if paths is set, their numbers of
// shortest paths in sc.sigma. The caller resets sc.wdist.
func (sc *pathScratch) dijkstra(start, adj []int32, wt []float64, s int32, paths bool) int {
	dist, sigma, order := sc.wdist, sc.sigma, sc.order
	dist[s] = 0
	if paths {
		sigma[s] = 1
	}
	sc.push(s)
	tail := 0
	for len(sc.heap) > 0 {
		v := sc.pop()
		order[tail] = v
		tail++
		dv := dist[v]
		for k := start[v]; k < start[v+1]; k++ {
			w := adj[k]
			d := dv + wt[k]
			switch dw := dist[w]; {
			case d < dw:
				dist[w] = d
				if paths {
					sigma[w] = sigma[v]
				}
				if math.IsInf(dw, 1) {
					sc.push(w)
				} else {
					sc.up(int(sc.pos[w]))
				}
			case d == dw && paths && sc.pos[w] >= 0:
				sigma[w] += sigma[v]
			}
		}
	}
	return tail
}

// push adds v, whose key sc.wdist[v] is set, to the heap.
func (sc *pathScratch) push(v int32) {
	sc.heap = append(sc.heap, v)
	sc.pos[v] = int32(len(sc.heap) - 1)
	sc.up(len(sc.heap) - 1)
}

// pop removes and returns the node of least distance.
func (sc *pathScratch) pop() int32 {
	h := sc.heap
	v := h[0]
	last := h[len(h)-1]
	sc.heap = h[:len(h)-1]
	sc.pos[v] = -1
	if len(sc.heap) > 0 {
		sc.heap[0] = last
		sc.pos[last] = 0
		sc.down(0)
	}
	return v
}

// up moves the heap entry at i towards the root until its parent is not
// farther.
func (sc *pathScratch) up(i int) {
	h, dist, pos := sc.heap, sc.wdist, sc.pos
	v := h[i]
	dv := dist[v]
	for i > 0 {
		p := (i - 1) / 2
		u := h[p]
		if dist[u] <= dv {
			break
		}
		h[i] = u
		pos[u] = int32(i)
		i = p
	}
	h[i] = v
	pos[v] = int32(i)
}

// down moves the heap entry at i away from the root until no child is
// nearer.
func (sc *pathScratch) down(i int) {
	h, dist, pos := sc.heap, sc.wdist, sc.pos
	n := len(h)
	v := h[i]
	dv := dist[v]
	for {
		c := 2*i + 1
		if c >= n {
			break
		}
		if r := c + 1; r < n && dist[h[r]] < dist[h[c]] {
			c = r
		}
		u := h[c]
		if dist[u] >= dv {
			break
		}
		h[i] = u
		pos[u] = int32(i)
		i = c
	}
	h[i] = v
	pos[v] = int32(i)
}
