package flow

// ArticulationResult holds the articulation points and bridges of the part
// of a graph that lies on source→sink routes.
type ArticulationResult struct {
	// Nodes lists, in increasing order, the nodes on some directed walk
	// from a source to a sink: reachable from a source and reaching a sink.
	Nodes []int
	// Points lists, in increasing order, the articulation points (cut
	// vertices) of H, the undirected multigraph on Nodes with one edge per
	// arc joining two distinct nodes of Nodes: the nodes whose removal
	// increases the number of connected components of H. Sources and sinks
	// are included when they qualify.
	Points []int
	// Bridges lists, in increasing order, the arcs whose edge is a bridge
	// of H: its removal increases the number of connected components. Two
	// arcs joining the same pair of nodes (in either direction) are never
	// bridges.
	Bridges []int
}

// Articulation returns the articulation points and bridges of the
// undirected multigraph underlying the arcs among the nodes that lie on a
// directed source→sink walk (see ArticulationResult). Capacities and costs
// are ignored. Walks rather than simple paths define the relevant nodes:
// whether a node lies on a simple directed path between two given nodes is
// NP-complete to decide (Fortune, Hopcroft & Wyllie 1980).
//
// Hopcroft & Tarjan's (1973) depth-first search, iterative, from the
// smallest unvisited node, arcs in index order; time and memory
// O(N + len(Arcs)).
func Articulation(g Graph, sources, sinks []int) (ArticulationResult, error) {
	src, snk, _, err := checkInput(g, sources, sinks)
	if err != nil {
		return ArticulationResult{}, err
	}
	n, m := g.N, len(g.Arcs)
	fwd := reachMask(g, src, false)
	bwd := reachMask(g, snk, true)
	in := make([]bool, n)
	var r ArticulationResult
	for v := 0; v < n; v++ {
		if fwd[v] && bwd[v] {
			in[v] = true
			r.Nodes = append(r.Nodes, v)
		}
	}
	// Incidence lists of H: edge i appears at both ends, in arc order.
	head := make([]int32, n+1)
	for _, a := range g.Arcs {
		if a.From != a.To && in[a.From] && in[a.To] {
			head[a.From+1]++
			head[a.To+1]++
		}
	}
	for v := 0; v < n; v++ {
		head[v+1] += head[v]
	}
	inc := make([]int32, head[n])
	fill := append([]int32(nil), head[:n]...)
	for i, a := range g.Arcs {
		if a.From != a.To && in[a.From] && in[a.To] {
			inc[fill[a.From]] = int32(i)
			fill[a.From]++
			inc[fill[a.To]] = int32(i)
			fill[a.To]++
		}
	}
	other := func(e int32, v int) int {
		if a := g.Arcs[e]; a.From == v {
			return a.To
		}
		return g.Arcs[e].From
	}
	disc := make([]int32, n) // 0 = unvisited, else discovery time
	low := make([]int32, n)
	parentEdge := make([]int32, n)
	next := make([]int32, n) // next incidence to scan
	isPoint := make([]bool, n)
	isBridge := make([]bool, m)
	var stack []int
	time := int32(0)
	for _, root := range r.Nodes {
		if disc[root] != 0 {
			continue
		}
		time++
		disc[root], low[root], parentEdge[root], next[root] = time, time, -1, head[root]
		rootChildren := 0
		stack = append(stack[:0], root)
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			if next[u] < head[u+1] {
				e := inc[next[u]]
				next[u]++
				if e == parentEdge[u] {
					continue
				}
				v := other(e, u)
				if disc[v] == 0 {
					time++
					disc[v], low[v], parentEdge[v], next[v] = time, time, e, head[v]
					stack = append(stack, v)
					if u == root {
						rootChildren++
					}
				} else {
					low[u] = min(low[u], disc[v])
				}
				continue
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				break
			}
			p := stack[len(stack)-1]
			low[p] = min(low[p], low[u])
			if low[u] > disc[p] {
				isBridge[parentEdge[u]] = true
			}
			if p != root && low[u] >= disc[p] {
				isPoint[p] = true
			}
		}
		if rootChildren > 1 {
			isPoint[root] = true
		}
	}
	for v := 0; v < n; v++ {
		if isPoint[v] {
			r.Points = append(r.Points, v)
		}
	}
	for i := 0; i < m; i++ {
		if isBridge[i] {
			r.Bridges = append(r.Bridges, i)
		}
	}
	return r, nil
}

// reachMask marks the nodes reachable from the given nodes along the arcs
// (backwards if reverse).
func reachMask(g Graph, from []int, reverse bool) []bool {
	head := make([]int32, g.N+1)
	for _, a := range g.Arcs {
		u := a.From
		if reverse {
			u = a.To
		}
		head[u+1]++
	}
	for v := 0; v < g.N; v++ {
		head[v+1] += head[v]
	}
	adj := make([]int32, len(g.Arcs))
	fill := append([]int32(nil), head[:g.N]...)
	for _, a := range g.Arcs {
		u, v := a.From, a.To
		if reverse {
			u, v = v, u
		}
		adj[fill[u]] = int32(v)
		fill[u]++
	}
	mark := make([]bool, g.N)
	q := make([]int, 0, len(from))
	for _, v := range from {
		if !mark[v] {
			mark[v] = true
			q = append(q, v)
		}
	}
	for i := 0; i < len(q); i++ {
		for _, v := range adj[head[q[i]]:head[q[i]+1]] {
			if !mark[v] {
				mark[v] = true
				q = append(q, int(v))
			}
		}
	}
	return mark
}
