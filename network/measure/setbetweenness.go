package measure

import (
	"fmt"
	"math"
)

// SetBetweenness returns, for every node v, its set betweenness: the
// betweenness of v between a set of sources A and a set of targets B (a
// restricted form of Freeman's betweenness, computed with Brandes' 2001
// algorithm run from the sources only):
//
//	c_AB(v) = Σ_{a ∈ A, b ∈ B, a ≠ b, a ≠ v ≠ b} σ(a, b | v) / σ(a, b)
//
// where σ(a, b) is the number of shortest a→b paths and σ(a, b | v) the
// number of those passing through v. sources and targets mark the members
// of A and B by node index; both must have length g.Len(), or
// SetBetweenness panics. Pairs with no path add nothing.
//
// Pairs are ordered: the sum runs over every (a, b) with a ∈ A and b ∈ B,
// on undirected graphs too, and is not halved. If A and B overlap on an
// undirected graph, a pair of nodes x, y both in A ∩ B is therefore counted
// twice, as (x, y) and as (y, x); with A = B = all nodes the result is
// exactly twice Betweenness(g, false) on an undirected graph, and equal to
// it on a directed one. Values are raw sums, not normalised.
//
// Set betweenness scores single nodes; it is not Everett and Borgatti's
// (1999) group betweenness, which scores a set of nodes taken as a whole.
//
// Paths follow arc directions if g is directed. If g is weighted, edge
// weights are lengths and shortest paths are found with Dijkstra's
// algorithm, as in Betweenness (weights should be positive). In the
// dependency accumulation only targets in B contribute:
//
//	δ_a(v) = Σ_{w : v ∈ P_a(w)} σ(a, v)/σ(a, w) · (1[w ∈ B] + δ_a(w))
//
// It takes O(|A|·m) time, O(|A|(m + n log n)) if weighted, and runs on
// Options.Workers goroutines with the same fixed chunking of sources as
// Betweenness, so the result is bitwise identical for any number of
// workers.
//
// Reference: U. Brandes (2001), "A faster algorithm for betweenness
// centrality", J. Math. Sociol. 25(2): 163–177; U. Brandes (2008), "On
// variants of shortest-path betweenness centrality and their generic
// computation", Social Networks 30(2): 136–145 (§3.5, betweenness
// restricted to sources and targets).
func SetBetweenness(g *Graph, sources, targets []bool, opts ...Options) []float64 {
	n := g.Len()
	if len(sources) != n || len(targets) != n {
		panic(fmt.Sprintf("measure: SetBetweenness: %d sources and %d targets flags for %d nodes", len(sources), len(targets), n))
	}
	inB := make([]float64, n)
	for i, t := range targets {
		if t {
			inB[i] = 1
		}
	}
	return setBrandes(g, sources, inB, workersOf(opts))
}

// setBrandes computes set betweenness: it sums the dependencies δ_s(v) over the sources s (every node if
// sources is nil), target w weighing inB[w] in δ_s(v) = Σ_w σ_sv/σ_sw ·
// (inB[w] + δ_s(w)). With inB all 1 it is Brandes' node betweenness.
func setBrandes(g *Graph, sources []bool, inB []float64, workers int) []float64 {
	n := g.Len()
	newScratch := func() *pathScratch { return newPathScratch(n, len(g.outAdj), g.weighted, true) }
	body := func(sc *pathScratch, acc []float64, s int) {
		if sources != nil && !sources[s] {
			return
		}
		if g.weighted {
			sc.setBrandesDijkstra(g, acc, int32(s), inB)
		} else {
			sc.setBrandesBFS(g, acc, int32(s), inB)
		}
	}
	return sumOverSources(n, n, workers, newScratch, body)
}

// setBrandesBFS adds the B-restricted dependencies of source s into acc
// (acc[v] += δ_s(v), v ≠ s), inB[w] being 1 for targets and 0 otherwise.
func (sc *pathScratch) setBrandesBFS(g *Graph, acc []float64, s int32, inB []float64) {
	tail := sc.bfsDAG(g.outStart, g.outAdj, s, false)
	sigma, coeff, order := sc.sigma, sc.coeff, sc.order[:tail]
	succ, succStart := sc.succ, sc.succStart[:tail+1]
	for _, v := range order {
		sigma[v] = 0
	}
	sigma[s] = 1
	for i, v := range order {
		sv := sigma[v]
		for _, w := range succ[succStart[i]:succStart[i+1]] {
			sigma[w] += sv
		}
	}
	for i := tail - 1; i > 0; i-- {
		v := order[i]
		sum := 0.0
		for _, w := range succ[succStart[i]:succStart[i+1]] {
			sum += coeff[w]
		}
		sv := sigma[v]
		delta := sv * sum
		acc[v] += delta
		coeff[v] = (inB[v] + delta) / sv
	}
	dist := sc.dist
	for _, v := range order {
		dist[v] = -1
	}
}

// setBrandesDijkstra is setBrandesBFS for weighted graphs.
func (sc *pathScratch) setBrandesDijkstra(g *Graph, acc []float64, s int32, inB []float64) {
	start, adj, wt := g.outStart, g.outAdj, g.outW
	tail := sc.dijkstra(start, adj, wt, s, true)
	dist, sigma, coeff, order := sc.wdist, sc.sigma, sc.coeff, sc.order
	for i := tail - 1; i >= 1; i-- {
		v := order[i]
		dv := dist[v]
		sv := sigma[v]
		sum := 0.0
		for k := start[v]; k < start[v+1]; k++ {
			if w := adj[k]; dv+wt[k] == dist[w] {
				sum += coeff[w]
			}
		}
		delta := sv * sum
		acc[v] += delta
		coeff[v] = (inB[v] + delta) / sv
	}
	for _, v := range order[:tail] {
		dist[v] = math.Inf(1)
	}
}
