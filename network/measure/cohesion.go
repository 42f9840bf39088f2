package measure

import "slices"

// CoreNumber returns the core number of every node: the largest k such
// that the node belongs to the k-core, the maximal subgraph in which every
// node has degree at least k (Seidman 1983, "Network structure and minimum
// degree", Social Networks 5:269–287). It uses the O(n + m) bucket
// algorithm of Batagelj & Zaveršnik (2003), "An O(m) algorithm for cores
// decomposition of networks", arXiv:cs/0310049.
//
// For a directed graph the degree is the in-degree plus the out-degree and
// each arc counts as one edge, so a reciprocated pair u⇄v counts twice
// for both ends: this is NetworkX's core_number(G) on a DiGraph, which
// equals core_number on the undirected multigraph of the arcs. Weights are
// ignored. The result equals NetworkX's core_number(G).
func CoreNumber(g *Graph) []int {
	n := g.Len()
	deg := make([]int32, n)
	var maxDeg int32
	for v := range deg {
		d := int32(g.OutDegree(v))
		if g.directed {
			d += int32(g.InDegree(v))
		}
		deg[v] = d
		maxDeg = max(maxDeg, d)
	}
	// bin[d] is the position in vert of the first node of current degree d.
	bin := make([]int32, maxDeg+2)
	for _, d := range deg {
		bin[d+1]++
	}
	for d := int32(1); d <= maxDeg+1; d++ {
		bin[d] += bin[d-1]
	}
	pos := make([]int32, n)
	vert := make([]int32, n)
	fill := slices.Clone(bin)
	for v, d := range deg {
		pos[v] = fill[d]
		vert[pos[v]] = int32(v)
		fill[d]++
	}
	// Process nodes by increasing current degree; for an undirected graph
	// the neighbours are the out-list, for a directed one the out- and
	// in-lists (a reciprocated pair appears in both).
	outStart, outAdj := g.outStart, g.outAdj
	inStart, inAdj := g.inStart, g.inAdj
	for i := 0; i < n; i++ {
		v := vert[i]
		dv := deg[v]
		for pass := 0; pass < 2; pass++ {
			var adj []int32
			if pass == 0 {
				adj = outAdj[outStart[v]:outStart[v+1]]
			} else if g.directed {
				adj = inAdj[inStart[v]:inStart[v+1]]
			}
			for _, u := range adj {
				if du := deg[u]; du > dv {
					// Move u to the front of its bin, then shrink the bin.
					pu, pw := pos[u], bin[du]
					if w := vert[pw]; w != u {
						pos[u], pos[w] = pw, pu
						vert[pu], vert[pw] = w, u
					}
					bin[du]++
					deg[u] = du - 1
				}
			}
		}
	}
	core := make([]int, n)
	for v, d := range deg {
		core[v] = int(d)
	}
	return core
}

// Components returns the connected components of an undirected graph, or
// the weakly connected components of a directed one (arc directions
// ignored). Each component lists its nodes in increasing index order, and
// components are ordered by their smallest node. As sets they equal
// NetworkX's connected_components(G) (weakly_connected_components for a
// DiGraph). It runs in O(n + m) without recursion.
func Components(g *Graph) [][]int {
	n := g.Len()
	label := make([]int32, n)
	for i := range label {
		label[i] = -1
	}
	var sizes []int
	queue := make([]int32, 0, 64)
	for s := 0; s < n; s++ {
		if label[s] >= 0 {
			continue
		}
		c := int32(len(sizes))
		label[s] = c
		queue = append(queue[:0], int32(s))
		for h := 0; h < len(queue); h++ {
			v := int(queue[h])
			out, _ := g.Out(v)
			for _, u := range out {
				if label[u] < 0 {
					label[u] = c
					queue = append(queue, u)
				}
			}
			if g.directed {
				in, _ := g.In(v)
				for _, u := range in {
					if label[u] < 0 {
						label[u] = c
						queue = append(queue, u)
					}
				}
			}
		}
		sizes = append(sizes, len(queue))
	}
	return groupByLabel(label, sizes)
}

// groupByLabel lists the nodes of each label, in increasing node order,
// sharing one backing array.
func groupByLabel(label []int32, sizes []int) [][]int {
	all := make([]int, len(label))
	comps := make([][]int, len(sizes))
	off := 0
	for c, s := range sizes {
		comps[c] = all[off : off : off+s]
		off += s
	}
	for v, c := range label {
		comps[c] = append(comps[c], v)
	}
	return comps
}

// StronglyConnectedComponents returns the strongly connected components of
// a directed graph: the maximal sets of nodes that can all reach each other
// along arcs. It uses Tarjan's (1972) algorithm ("Depth-first search and
// linear graph algorithms", SIAM J. Comput. 1(2):146–160) with an explicit
// stack, so deep graphs cannot overflow the goroutine stack. Each component
// lists its nodes in increasing index order, and components are ordered by
// their smallest node. As sets they equal NetworkX's
// strongly_connected_components(G). On an undirected graph they are the
// connected components.
func StronglyConnectedComponents(g *Graph) [][]int {
	n := g.Len()
	const unvisited = -1
	index := make([]int32, n)
	low := make([]int32, n)
	onStack := make([]bool, n)
	label := make([]int32, n)
	for i := range index {
		index[i] = unvisited
	}
	type frame struct{ v, k, end int32 }
	var calls []frame
	var stack []int32
	var sizes []int
	next := int32(0)
	visit := func(v int32) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		calls = append(calls, frame{v, g.outStart[v], g.outStart[v+1]})
	}
	for s := 0; s < n; s++ {
		if index[s] != unvisited {
			continue
		}
		visit(int32(s))
		for len(calls) > 0 {
			f := &calls[len(calls)-1]
			v := f.v
			if f.k < f.end {
				w := g.outAdj[f.k]
				f.k++
				if index[w] == unvisited {
					visit(w)
				} else if onStack[w] {
					low[v] = min(low[v], index[w])
				}
				continue
			}
			calls = calls[:len(calls)-1]
			if low[v] == index[v] {
				c := int32(len(sizes))
				size := 0
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					label[w] = c
					size++
					if w == v {
						break
					}
				}
				sizes = append(sizes, size)
			}
			if len(calls) > 0 {
				u := calls[len(calls)-1].v
				low[u] = min(low[u], low[v])
			}
		}
	}
	// Renumber components by their smallest node.
	order := make([]int32, len(sizes))
	for i := range order {
		order[i] = -1
	}
	newSizes := make([]int, 0, len(sizes))
	next = 0
	for v, c := range label {
		if order[c] < 0 {
			order[c] = next
			next++
			newSizes = append(newSizes, sizes[c])
		}
		label[v] = order[c]
	}
	return groupByLabel(label, newSizes)
}

// lowpoints is the outcome of lowpointDFS: a depth-first forest of the
// undirected graph with every node's discovery time disc, low point low
// (the smallest discovery time reachable from its subtree by tree edges
// down and at most one back edge), tree parent (−1 for a root) and subtree
// size. order lists the visited nodes in discovery order; each root starts
// a run of order that holds its component (size[root] nodes).
type lowpoints struct {
	disc, low, parent, size []int32
	order                   []int32
}

// lowpointDFS runs the iterative depth-first low-point search of Hopcroft
// & Tarjan (1973) over the undirected graph u (u must be undirected and
// simple, as Graph.Undirected returns), skipping the nodes with removed
// set (removed may be nil). It uses an explicit stack, so deep graphs
// cannot overflow the goroutine stack, and costs O(n + m).
//
// A tree edge p→v separates v's subtree from the rest of the graph when p
// is removed iff low[v] ≥ disc[p], and is a bridge iff low[v] > disc[p].
// ArticulationPoints, Bridges and the key player fragmentation of every
// one-node removal (removalPairs) all read these values.
func lowpointDFS(u *Graph, removed []bool) *lowpoints {
	n := u.Len()
	lp := &lowpoints{
		disc:   make([]int32, n),
		low:    make([]int32, n),
		parent: make([]int32, n),
		size:   make([]int32, n),
		order:  make([]int32, 0, n),
	}
	disc, low, parent, size := lp.disc, lp.low, lp.parent, lp.size
	for i := range disc {
		disc[i] = -1
	}
	type frame struct{ v, k, end int32 }
	var calls []frame
	t := int32(0)
	enter := func(v, p int32) {
		disc[v], low[v], parent[v], size[v] = t, t, p, 1
		t++
		lp.order = append(lp.order, v)
		calls = append(calls, frame{v, u.outStart[v], u.outStart[v+1]})
	}
	for r := 0; r < n; r++ {
		if disc[r] >= 0 || (removed != nil && removed[r]) {
			continue
		}
		enter(int32(r), -1)
		for len(calls) > 0 {
			f := &calls[len(calls)-1]
			v := f.v
			if f.k < f.end {
				w := u.outAdj[f.k]
				f.k++
				if removed != nil && removed[w] {
					continue
				}
				if disc[w] < 0 {
					enter(w, v)
				} else if w != parent[v] {
					low[v] = min(low[v], disc[w])
				}
				continue
			}
			calls = calls[:len(calls)-1]
			if p := parent[v]; p >= 0 {
				low[p] = min(low[p], low[v])
				size[p] += size[v]
			}
		}
	}
	return lp
}

// biconnected returns the articulation points (as a mask) and the sorted
// bridges of the undirected simple view of g, from one low-point search.
func biconnected(g *Graph) (cut []bool, bridges [][2]int) {
	lp := lowpointDFS(g.Undirected(), nil)
	cut = make([]bool, len(lp.disc))
	rootChildren := make([]int32, len(lp.disc))
	for _, v := range lp.order {
		p := lp.parent[v]
		if p < 0 {
			continue
		}
		if lp.low[v] > lp.disc[p] {
			a, b := int(min(p, v)), int(max(p, v))
			bridges = append(bridges, [2]int{a, b})
		}
		if lp.parent[p] < 0 {
			// A root is a cut vertex iff it has two or more children.
			rootChildren[p]++
			cut[p] = cut[p] || rootChildren[p] >= 2
		} else if lp.low[v] >= lp.disc[p] {
			cut[p] = true
		}
	}
	slices.SortFunc(bridges, func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	return cut, bridges
}

// ArticulationPoints returns, in increasing order, the articulation points
// (cut vertices) of the graph: the nodes whose removal increases the number
// of connected components. A directed graph is taken as undirected. It
// uses the depth-first lowpoint method of Hopcroft & Tarjan (1973),
// "Algorithm 447: efficient algorithms for graph manipulation", CACM
// 16(6):372–378, iteratively, in O(n + m). As a set it equals NetworkX's
// articulation_points(G) (on G.to_undirected() for a DiGraph).
func ArticulationPoints(g *Graph) []int {
	cut, _ := biconnected(g)
	var pts []int
	for v, c := range cut {
		if c {
			pts = append(pts, v)
		}
	}
	return pts
}

// Bridges returns the bridges (cut edges) of the graph: the edges whose
// removal increases the number of connected components, each as a pair
// (u, v) with u < v, sorted. A directed graph is taken as undirected (a
// reciprocated pair is one edge). It uses the same iterative lowpoint
// search as ArticulationPoints (Tarjan 1974, "A note on finding the
// bridges of a graph", Inf. Process. Lett. 2(6):160–161), in O(n + m). As
// a set it equals NetworkX's bridges(G) (on G.to_undirected() for a
// DiGraph).
func Bridges(g *Graph) [][2]int {
	_, b := biconnected(g)
	return b
}
