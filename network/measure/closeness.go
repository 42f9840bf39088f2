package measure

import (
	"math"
	"math/bits"
)

// Closeness returns the closeness centrality of every node (Freeman 1979),
// in the form NetworkX computes it:
//
//	C(v) = (r − 1) / Σ_u d(u, v)
//
// summing over the r − 1 other nodes u that can reach v (r counts v
// itself). With wfImproved set, C(v) is further multiplied by
// (r − 1)/(n − 1), the share of the graph that reaches v (Wasserman & Faust
// 1994), so that nodes in small components do not score high; without it a
// node in a two-node component scores 1. A node that no node reaches, and
// every node of a one-node graph, scores 0.
//
// Distances are counted in hops, or, if g is weighted, as sums of edge
// weights (lengths). On a directed graph d(u, v) is the distance from u to
// v: closeness measures how near v is to those that reach it (incoming
// distance), as in NetworkX; call it on a graph with its arcs reversed for
// outgoing closeness. The result equals NetworkX's
// closeness_centrality(G, distance='weight' if weighted else None,
// wf_improved=wfImproved) to rounding (exactly, on unweighted graphs).
//
// It takes O(nm) time, O(nm + n² log n) if weighted, on Options.Workers
// goroutines (GOMAXPROCS by default); the result does not depend on the
// number of workers. On unweighted graphs 64 breadth-first searches run at
// once, one per bit of a machine word (Then et al. 2014), so that each arc
// is read once per level for 64 sources.
//
// References: L. C. Freeman (1979), "Centrality in social networks:
// conceptual clarification", Social Networks 1(3): 215–239; S. Wasserman &
// K. Faust (1994), Social Network Analysis: Methods and Applications,
// Cambridge University Press, §5.3.
func Closeness(g *Graph, wfImproved bool, opts ...Options) []float64 {
	n := g.Len()
	c := make([]float64, n)
	distanceSums(g, workersOf(opts), func(v, r int, total, _ float64) {
		if total > 0 && n > 1 {
			x := float64(r-1) / total
			if wfImproved {
				x *= float64(r-1) / float64(n-1)
			}
			c[v] = x
		}
	})
	return c
}

// Harmonic returns the harmonic centrality of every node (Marchiori &
// Latora 2000; Rochat 2009):
//
//	H(v) = Σ_{u ≠ v} 1 / d(u, v)
//
// with 1/∞ = 0 for nodes u that cannot reach v, so it is defined on
// disconnected graphs. It is not normalised (divide by n − 1 for values in
// [0, 1] on unweighted graphs). Distances are counted in hops, or, if g is
// weighted, as sums of edge weights, pairs at distance 0 being skipped. On
// a directed graph d(u, v) is the distance from u to v (incoming
// distance), as NetworkX does: its harmonic_centrality credits v with
// 1/d(u, v) for each source u. The result equals NetworkX's
// harmonic_centrality(G, distance='weight' if weighted else None) to
// rounding. Complexity and Options are as for Closeness.
//
// References: M. Marchiori & V. Latora (2000), "Harmony in the small-world",
// Physica A 285(3–4): 539–546; Y. Rochat (2009), "Closeness centrality
// extended to unconnected graphs: the harmonic centrality index", ASNA.
func Harmonic(g *Graph, opts ...Options) []float64 {
	h := make([]float64, g.Len())
	distanceSums(g, workersOf(opts), func(v, _ int, _, harm float64) {
		h[v] = harm
	})
	return h
}

// distanceSums calls set(v, r, Σd, Σ1/d) for every node v, where the sums
// run over the r nodes u (v included) that reach v, with distances d(u, v)
// found by searching the in-arcs from v; Σ1/d skips d = 0. set is called
// concurrently, for distinct v.
func distanceSums(g *Graph, workers int, set func(v, r int, total, harm float64)) {
	n := g.Len()
	newScratch := func() *pathScratch { return newPathScratch(n, len(g.outAdj), g.weighted, false) }
	if g.weighted {
		forEachSource(n, workers, newScratch, func(sc *pathScratch, v int) {
			r := sc.dijkstra(g.inStart, g.inAdj, g.inW, int32(v), false)
			total, harm := 0.0, 0.0
			for _, u := range sc.order[:r] {
				d := sc.wdist[u]
				total += d
				if d != 0 {
					harm += 1 / d
				}
				sc.wdist[u] = math.Inf(1)
			}
			set(v, r, total, harm)
		})
		return
	}
	// Unweighted: 64 breadth-first searches at once, one per bit (below).
	batches := (n + 63) / 64
	newMS := func() *msScratch {
		return &msScratch{seen: make([]uint64, n), visit: make([]uint64, n), next: make([]uint64, n)}
	}
	forEachSource(batches, workers, newMS, func(sc *msScratch, b int) {
		lo, hi := 64*b, min(64*b+64, n)
		var r [64]int
		var total [64]int64
		var harm [64]float64
		multiBFSLevels(g.inStart, g.inAdj, int32(lo), int32(hi), sc, func(d int, count *[64]int32) {
			for j := range hi - lo {
				if c := count[j]; c > 0 {
					r[j] += int(c)
					total[j] += int64(d) * int64(c)
					harm[j] += float64(c) / float64(d)
				}
			}
		})
		for j := range hi - lo {
			set(lo+j, r[j]+1, float64(total[j]), harm[j])
		}
	})
}

// multiBFSLevels runs breadth-first searches from the sources lo … hi-1
// (at most 64) along the arcs (start, adj) together, one bit of a word per
// source (the multi-source BFS of Then et al. 2014, "The more the merrier:
// efficient multi-source graph traversal", PVLDB 8(4)): each arc is scanned
// once per level for all the searches that have a node on it. After level
// d ≥ 1 is complete, level(d, count) gets count[j], the number of nodes at
// distance d from source lo+j. sc holds scratch of one word per node (all
// zero between calls) and node lists, so that a level costs time in
// proportion to the arcs of its frontier, not to n.
func multiBFSLevels(start, adj []int32, lo, hi int32, sc *msScratch, level func(d int, count *[64]int32)) {
	seen, visit, next := sc.seen, sc.visit, sc.next
	frontier, touched, reached := sc.frontier[:0], sc.touched[:0], sc.reached[:0]
	for s := lo; s < hi; s++ {
		bit := uint64(1) << uint(s-lo)
		seen[s] = bit
		visit[s] = bit
		frontier = append(frontier, s)
		reached = append(reached, s)
	}
	n := len(seen)
	var count [64]int32
	for d := 1; len(frontier) > 0; d++ {
		// Push the frontier's bits to its neighbours. A large frontier
		// (dense level) is followed by a scan of every node; a small one
		// lists the nodes it touches, so that deep graphs do not cost
		// n per level.
		dense := len(frontier) > n/32
		touched = touched[:0]
		for _, v := range frontier {
			x := visit[v]
			visit[v] = 0
			nb := adj[start[v]:start[v+1]]
			if dense {
				for _, w := range nb {
					next[w] |= x
				}
				continue
			}
			for _, w := range nb {
				if next[w] == 0 {
					touched = append(touched, w)
				}
				next[w] |= x
			}
		}
		// Keep the bits new to each neighbour: the next frontier.
		count = [64]int32{}
		frontier = frontier[:0]
		visitNode := func(w int32) {
			x := next[w] &^ seen[w]
			next[w] = 0
			if x == 0 {
				return
			}
			if seen[w] == 0 {
				reached = append(reached, w)
			}
			seen[w] |= x
			visit[w] = x
			frontier = append(frontier, w)
			for ; x != 0; x &= x - 1 {
				count[bits.TrailingZeros64(x)]++
			}
		}
		if dense {
			for w, x := range next {
				if x != 0 {
					visitNode(int32(w))
				}
			}
		} else {
			for _, w := range touched {
				visitNode(w)
			}
		}
		if len(frontier) > 0 {
			level(d, &count)
		}
	}
	for _, w := range reached {
		seen[w] = 0
	}
	sc.frontier, sc.touched, sc.reached = frontier, touched, reached
}

// msScratch is the per-worker scratch of multiBFSLevels.
type msScratch struct {
	seen, visit, next []uint64
	frontier, touched []int32
	reached           []int32 // nodes with seen ≠ 0, to clear
}
