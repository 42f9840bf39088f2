package flow

import (
	"math"
	"math/rand/v2"
	"slices"
)

// instance is a random small network with disjoint sources and sinks.
type instance struct {
	g       Graph
	sources []int
	sinks   []int
	nodeCap []float64
}

// randomInstance draws n ∈ [minN, maxN] nodes, between n and arcFactor·n
// arcs (parallel arcs and self-loops allowed) with integer capacities 0..5
// and costs 0..5, 1–2 sources and 1–2 sinks, and integer node capacities
// 0..5. With probability infProb an arc (and a node) gets capacity +Inf.
func randomInstance(rng *rand.Rand, minN, maxN int, arcFactor float64, infProb float64) instance {
	n := minN + rng.IntN(maxN-minN+1)
	m := n + rng.IntN(int(arcFactor*float64(n))-n+1)
	g := Graph{N: n}
	for range m {
		a := Arc{From: rng.IntN(n), To: rng.IntN(n), Capacity: float64(rng.IntN(6)), Cost: float64(rng.IntN(6))}
		if rng.Float64() < infProb {
			a.Capacity = math.Inf(1)
		}
		g.Arcs = append(g.Arcs, a)
	}
	perm := rng.Perm(n)
	ns, nt := 1+rng.IntN(2), 1+rng.IntN(2)
	inst := instance{g: g, sources: perm[:ns], sinks: perm[ns : ns+nt]}
	inst.nodeCap = make([]float64, n)
	for v := range inst.nodeCap {
		inst.nodeCap[v] = float64(rng.IntN(6))
		if rng.Float64() < infProb {
			inst.nodeCap[v] = math.Inf(1)
		}
	}
	return inst
}

// roles returns masks of sources and sinks.
func roles(n int, sources, sinks []int) (isSrc, isSnk []bool) {
	isSrc, isSnk = make([]bool, n), make([]bool, n)
	for _, s := range sources {
		isSrc[s] = true
	}
	for _, t := range sinks {
		isSnk[t] = true
	}
	return isSrc, isSnk
}

// bruteMinCut enumerates every source side (all sources, no sink, any
// subset of the other nodes not in gone) and returns the least total
// capacity of the arcs leaving it, ignoring arcs with an end in gone or
// with arcGone set. +Inf if every cut is infinite.
func bruteMinCut(g Graph, sources, sinks []int, gone []bool, arcGone []bool) float64 {
	isSrc, isSnk := roles(g.N, sources, sinks)
	var free []int
	for v := 0; v < g.N; v++ {
		if !isSrc[v] && !isSnk[v] && (gone == nil || !gone[v]) {
			free = append(free, v)
		}
	}
	best := math.Inf(1)
	side := make([]bool, g.N)
	for mask := 0; mask < 1<<len(free); mask++ {
		copy(side, isSrc)
		for i, v := range free {
			if mask>>i&1 == 1 {
				side[v] = true
			}
		}
		c := 0.0
		for i, a := range g.Arcs {
			if arcGone != nil && arcGone[i] || gone != nil && (gone[a.From] || gone[a.To]) {
				continue
			}
			if side[a.From] && !side[a.To] {
				c += a.Capacity
			}
		}
		best = math.Min(best, c)
	}
	return best
}

// bruteNodeCut is the least Σ nodeCap(X) + (minimum arc cut without X)
// over the sets X of nodes that are neither sources nor sinks.
func bruteNodeCut(g Graph, nodeCap []float64, sources, sinks []int) float64 {
	isSrc, isSnk := roles(g.N, sources, sinks)
	var inner []int
	for v := 0; v < g.N; v++ {
		if !isSrc[v] && !isSnk[v] {
			inner = append(inner, v)
		}
	}
	best := math.Inf(1)
	gone := make([]bool, g.N)
	for mask := 0; mask < 1<<len(inner); mask++ {
		c := 0.0
		for i, v := range inner {
			gone[v] = mask>>i&1 == 1
			if gone[v] {
				c += nodeCap[v]
			}
		}
		best = math.Min(best, c+bruteMinCut(g, sources, sinks, gone, nil))
	}
	return best
}

// reachableFrom returns the nodes reachable from the given ones along the
// arcs that pass ok.
func reachableFrom(g Graph, from []int, ok func(i int, a Arc) bool) []bool {
	mark := make([]bool, g.N)
	stack := slices.Clone(from)
	for _, v := range from {
		mark[v] = true
	}
	for len(stack) > 0 {
		u := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for i, a := range g.Arcs {
			if a.From == u && !mark[a.To] && ok(i, a) {
				mark[a.To] = true
				stack = append(stack, a.To)
			}
		}
	}
	return mark
}

// simplePaths returns every simple path from s to t, avoiding the gone
// arcs and nodes (either may be nil), with costs added last arc first.
func simplePaths(g Graph, s, t int, arcGone, nodeGone []bool) []Path {
	var out []Path
	onPath := make([]bool, g.N)
	var arcs []int
	var rec func(u int)
	rec = func(u int) {
		if u == t {
			p := Path{Arcs: slices.Clone(arcs), Nodes: []int{s}}
			for _, a := range arcs {
				p.Nodes = append(p.Nodes, g.Arcs[a].To)
			}
			for i := len(arcs) - 1; i >= 0; i-- {
				p.Cost = g.Arcs[arcs[i]].Cost + p.Cost
			}
			out = append(out, p)
			return
		}
		onPath[u] = true
		for i, a := range g.Arcs {
			if a.From != u || onPath[a.To] || arcGone != nil && arcGone[i] || nodeGone != nil && nodeGone[a.To] {
				continue
			}
			arcs = append(arcs, i)
			rec(a.To)
			arcs = arcs[:len(arcs)-1]
		}
		onPath[u] = false
	}
	if nodeGone == nil || !nodeGone[s] {
		rec(s)
	}
	return out
}

// bruteCheapest returns the least path in the order (cost, number of
// arcs, source, arc indexes) from a source to a sink by enumerating simple
// paths; Cost +Inf if none.
func bruteCheapest(g Graph, sources, sinks []int, arcGone, nodeGone []bool) Path {
	best := Path{Cost: math.Inf(1)}
	bestSrc := -1
	better := func(p Path, s int) bool {
		switch {
		case bestSrc < 0 || p.Cost < best.Cost:
			return true
		case p.Cost > best.Cost:
			return false
		case len(p.Arcs) != len(best.Arcs):
			return len(p.Arcs) < len(best.Arcs)
		case s != bestSrc:
			return s < bestSrc
		}
		return slices.Compare(p.Arcs, best.Arcs) < 0
	}
	for _, s := range sources {
		for _, t := range sinks {
			for _, p := range simplePaths(g, s, t, arcGone, nodeGone) {
				if better(p, s) {
					best, bestSrc = p, s
				}
			}
		}
	}
	return best
}

// combinations calls f with every subset of elems of size ≤ k in shortlex
// order (elems sorted).
func combinations(elems []int, k int, f func([]int)) {
	cur := []int{}
	var rec func(start, size int)
	rec = func(start, size int) {
		if len(cur) == size {
			f(slices.Clone(cur))
			return
		}
		for i := start; i < len(elems); i++ {
			cur = append(cur, elems[i])
			rec(i+1, size)
			cur = cur[:len(cur)-1]
		}
	}
	for size := 0; size <= k && size <= len(elems); size++ {
		rec(0, size)
	}
}
