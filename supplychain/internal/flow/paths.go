package flow

import (
	"fmt"
	"math"
	"slices"
)

// Path is a directed path: Arcs are arc indexes in order, Nodes the
// len(Arcs)+1 nodes they visit. Cost is the sum of the arc costs, added from
// the last arc to the first (so equal sums compare equal however they were
// reached); it is +Inf for "no path" (Arcs and Nodes nil).
type Path struct {
	Arcs  []int   // arc indexes, first to last
	Nodes []int   // the nodes visited, len(Arcs)+1 of them
	Cost  float64 // total cost, +Inf if there is no path
}

// Paths are ordered by (Cost, number of arcs, source node, arc indexes
// lexicographically); this order breaks every tie of CheapestPath and
// KCheapest. comparePaths implements it for paths from a common source.
func comparePaths(a, b Path) int {
	switch {
	case a.Cost < b.Cost:
		return -1
	case a.Cost > b.Cost:
		return 1
	case len(a.Arcs) != len(b.Arcs):
		return len(a.Arcs) - len(b.Arcs)
	}
	return slices.Compare(a.Arcs, b.Arcs)
}

// CheapestPath returns the cheapest path by Cost from any source to any
// sink, ignoring capacities. Ties are broken by fewest arcs, then smallest
// source index, then the lexicographically smallest sequence of arc
// indexes; the path therefore visits exactly one source (its first node)
// and one sink (its last). Without any path the result has Cost +Inf and
// no arcs, and the error is nil.
//
// Dijkstra's algorithm runs backwards from the sinks on the labels (cost,
// arcs) and a greedy walk from the chosen source follows, among the arcs
// that keep both labels tight, the one of smallest index: time
// O((N + len(Arcs)) log N), memory O(N + len(Arcs)).
func CheapestPath(g Graph, sources, sinks []int) (Path, error) {
	src, snk, _, err := checkInput(g, sources, sinks)
	if err != nil {
		return Path{}, err
	}
	pf := newPathFinder(g)
	return pf.cheapest(src, snk), nil
}

// KCheapest returns the k cheapest loopless paths from s to t in the order
// of CheapestPath's ties (cost, then fewest arcs, then arc indexes
// lexicographically), fewer if fewer exist. Capacities are ignored;
// parallel arcs give distinct paths.
//
// It is Yen's (1971) algorithm with Lawler's (1972) restriction of the
// spur nodes of a path to those at or after the node where it left its
// parent path. Every spur path is the least one in the order above among
// the paths from the spur node that avoid the root's nodes and the arcs
// that earlier paths with the same root take next, so the paths come out
// exactly in that order. Spur paths come from one backward Dijkstra from t
// on (cost, arcs) labels: the best arc out of the spur node followed by
// the least path to t is the answer whenever that path avoids the root;
// otherwise a Dijkstra restricted to the allowed nodes and arcs runs. Time
// O(k·L·(N+len(Arcs))·log N) in the worst case, L the number of arcs of the
// longest path returned; O(k·L²) when the shortcut applies.
//
// gonum's path.YenKShortestPaths does not fit: it identifies arcs by their
// end nodes (parallel arcs collapse into one), returns node sequences, and
// orders paths of equal cost by an unstable sort after traversals in the
// map order of gonum's graphs, so ties are not reproducible.
func KCheapest(g Graph, s, t, k int) ([]Path, error) {
	if err := g.Validate(); err != nil {
		return nil, err
	}
	switch {
	case s < 0 || s >= g.N:
		return nil, fmt.Errorf("%w: source %d is not a node (N = %d)", ErrInvalidTerminals, s, g.N)
	case t < 0 || t >= g.N:
		return nil, fmt.Errorf("%w: sink %d is not a node (N = %d)", ErrInvalidTerminals, t, g.N)
	case s == t:
		return nil, fmt.Errorf("%w: node %d is both a source and a sink", ErrInvalidTerminals, s)
	case k < 0:
		return nil, fmt.Errorf("%w: k = %d is negative", ErrInvalidArgument, k)
	case k == 0:
		return nil, nil
	}
	y := newYen(g, t)
	if !y.done[s] {
		return nil, nil
	}
	found := []Path{y.least(s)}
	devs := []int{0}
	cand := candHeap{less: candLess}
	seen := map[uint64][][]int{} // candidates so far, by arcHash
	var same []int               // found paths that share the current root
	for len(found) < k {
		prev, dev := found[len(found)-1], devs[len(devs)-1]
		same = same[:0]
		for i := range found {
			same = append(same, i)
		}
		for j := 0; j < len(prev.Arcs); j++ {
			if j >= dev {
				for _, i := range same {
					y.pf.arcOff[found[i].Arcs[j]] = true
				}
				if p, ok := y.spur(prev.Nodes[j]); ok {
					q := Path{
						Arcs:  append(slices.Clone(prev.Arcs[:j]), p.Arcs...),
						Nodes: append(slices.Clone(prev.Nodes[:j]), p.Nodes...),
						Cost:  p.Cost,
					}
					for i := j - 1; i >= 0; i-- {
						q.Cost = g.Arcs[q.Arcs[i]].Cost + q.Cost
					}
					if h := arcHash(q.Arcs); !slices.ContainsFunc(seen[h], func(x []int) bool { return slices.Equal(x, q.Arcs) }) {
						seen[h] = append(seen[h], q.Arcs)
						cand.push(candidate{q, j})
					}
				}
				for _, i := range same {
					y.pf.arcOff[found[i].Arcs[j]] = false
				}
			}
			// Extend the root by one arc.
			y.pf.nodeOff[prev.Nodes[j]] = true
			keep := same[:0]
			for _, i := range same {
				if len(found[i].Arcs) > j+1 && found[i].Arcs[j] == prev.Arcs[j] {
					keep = append(keep, i)
				}
			}
			same = keep
		}
		for _, v := range prev.Nodes {
			y.pf.nodeOff[v] = false
		}
		if cand.len() == 0 {
			break
		}
		c := cand.pop()
		found = append(found, c.p)
		devs = append(devs, c.dev)
	}
	return found, nil
}

// arcHash is the 64-bit FNV-1a hash of a sequence of arcs.
func arcHash(arcs []int) uint64 {
	h := uint64(14695981039346656037)
	for _, a := range arcs {
		for x := uint64(a); ; x >>= 8 {
			h = (h ^ (x & 0xff)) * 1099511628211
			if x < 0x100 {
				break
			}
		}
		h = (h ^ 0xff) * 1099511628211 // separator
	}
	return h
}

// yen holds the labels of every node towards t with nothing blocked, the
// least arc out of each node (next), and a pathFinder for restricted
// searches.
type yen struct {
	g    Graph
	t    int
	dist []float64
	hops []int32
	done []bool
	next []int32
	pf   *pathFinder
}

func newYen(g Graph, t int) *yen {
	pf := newPathFinder(g)
	pf.label(nil, []int{t})
	y := &yen{g: g, t: t, dist: slices.Clone(pf.dist), hops: slices.Clone(pf.hops), done: slices.Clone(pf.done), next: make([]int32, g.N), pf: pf}
	for u := range y.next {
		y.next[u] = -1
		if y.done[u] && u != t {
			y.next[u] = int32(pf.tight(u))
		}
	}
	pf.arcOff = make([]bool, len(g.Arcs))
	pf.nodeOff = make([]bool, g.N)
	return y
}

// least is the least path from u (labelled) to t with nothing blocked.
func (y *yen) least(u int) Path {
	p := Path{Nodes: []int{u}, Cost: y.dist[u]}
	for u != y.t {
		a := int(y.next[u])
		p.Arcs = append(p.Arcs, a)
		u = y.g.Arcs[a].To
		p.Nodes = append(p.Nodes, u)
	}
	return p
}

// spur returns the least path from v to t that avoids the blocked nodes
// and arcs of y.pf (and does not return to v).
func (y *yen) spur(v int) (Path, bool) {
	pf := y.pf
	best := int32(-1)
	var bd float64
	var bh int32
	for _, a := range pf.outArcs[pf.outHead[v]:pf.outHead[v+1]] {
		w := y.g.Arcs[a].To
		if !pf.arcUsable(a) || !y.done[w] {
			continue
		}
		d, h := y.g.Arcs[a].Cost+y.dist[w], y.hops[w]+1
		if best < 0 || labelBefore(d, h, bd, bh) {
			best, bd, bh = a, d, h
		}
	}
	if best < 0 {
		return Path{}, false // no allowed arc leads towards t at all
	}
	w := y.g.Arcs[best].To
	ok := true
	for u := w; u != y.t; u = y.g.Arcs[y.next[u]].To {
		if pf.nodeOff[u] || u == v {
			ok = false
			break
		}
	}
	if ok {
		rest := y.least(w)
		return Path{Arcs: append([]int{int(best)}, rest.Arcs...), Nodes: append([]int{v}, rest.Nodes...), Cost: bd}, true
	}
	p := pf.cheapest([]int{v}, []int{y.t})
	return p, p.Arcs != nil
}

// pathFinder runs the backward Dijkstra of CheapestPath on g, skipping the
// arcs and nodes marked in arcOff and nodeOff (either may be nil).
type pathFinder struct {
	g       Graph
	inHead  []int32 // arcs entering v: inArcs[inHead[v]:inHead[v+1]], by index
	inArcs  []int32
	outHead []int32 // arcs leaving v, by index
	outArcs []int32
	dist    []float64
	hops    []int32
	done    []bool
	heap    labelHeap
	touched []int32
	arcOff  []bool
	nodeOff []bool
}

func newPathFinder(g Graph) *pathFinder {
	n, m := g.N, len(g.Arcs)
	pf := &pathFinder{
		g:       g,
		inHead:  make([]int32, n+1),
		inArcs:  make([]int32, m),
		outHead: make([]int32, n+1),
		outArcs: make([]int32, m),
		dist:    make([]float64, n),
		hops:    make([]int32, n),
		done:    make([]bool, n),
		heap:    labelHeap{less: labelLess},
	}
	for _, a := range g.Arcs {
		pf.inHead[a.To+1]++
		pf.outHead[a.From+1]++
	}
	for v := 0; v < n; v++ {
		pf.inHead[v+1] += pf.inHead[v]
		pf.outHead[v+1] += pf.outHead[v]
	}
	in := slices.Clone(pf.inHead[:n])
	out := slices.Clone(pf.outHead[:n])
	for i, a := range g.Arcs {
		pf.inArcs[in[a.To]] = int32(i)
		in[a.To]++
		pf.outArcs[out[a.From]] = int32(i)
		out[a.From]++
	}
	for v := range pf.dist {
		pf.dist[v] = math.Inf(1)
		pf.hops[v] = -1
	}
	return pf
}

func (pf *pathFinder) arcUsable(a int32) bool {
	if pf.arcOff != nil && pf.arcOff[a] {
		return false
	}
	arc := pf.g.Arcs[a]
	return arc.From != arc.To && (pf.nodeOff == nil || !pf.nodeOff[arc.From] && !pf.nodeOff[arc.To])
}

// less orders the labels (d1, h1) and (d2, h2).
func labelBefore(d1 float64, h1 int32, d2 float64, h2 int32) bool {
	return d1 < d2 || d1 == d2 && h1 < h2
}

// cheapest returns the least path (in Path order) from a node of sources
// to a node of targets that avoids the blocked arcs and nodes, or a path of
// cost +Inf. sources and targets must be sorted and disjoint.
func (pf *pathFinder) cheapest(sources, targets []int) Path {
	best := pf.label(sources, targets)
	if best < 0 {
		return Path{Cost: math.Inf(1)}
	}
	return pf.walk(int(best))
}

// label runs the backward Dijkstra from targets until the labels of the
// sources are final, and returns the source of the least label (smallest
// index among equals), or −1 if none is reached. With no sources it labels
// every node that reaches a target. Labels are final where done is set.
func (pf *pathFinder) label(sources, targets []int) int32 {
	for _, v := range pf.touched {
		pf.dist[v], pf.hops[v], pf.done[v] = math.Inf(1), -1, false
	}
	pf.touched = pf.touched[:0]
	pf.heap.items = pf.heap.items[:0]
	isSource := func(v int32) bool {
		_, ok := slices.BinarySearch(sources, int(v))
		return ok
	}
	for _, t := range targets {
		if pf.nodeOff != nil && pf.nodeOff[t] {
			continue
		}
		pf.dist[t], pf.hops[t] = 0, 0
		pf.touched = append(pf.touched, int32(t))
		pf.heap.push(label{0, 0, int32(t)})
	}
	best := int32(-1)
	remaining := len(sources)
	for pf.heap.len() > 0 {
		x := pf.heap.pop()
		v := x.v
		if pf.done[v] || x.d != pf.dist[v] || x.h != pf.hops[v] {
			continue
		}
		if best >= 0 && labelBefore(pf.dist[best], pf.hops[best], x.d, x.h) {
			break // every node with a label below the best source's is final
		}
		pf.done[v] = true
		if isSource(v) {
			if best < 0 || v < best {
				best = v // same label as an earlier best: smaller index wins
			}
			if remaining--; remaining == 0 {
				break
			}
			continue // paths through another source are never least
		}
		for _, a := range pf.inArcs[pf.inHead[v]:pf.inHead[v+1]] {
			if !pf.arcUsable(a) {
				continue
			}
			u := pf.g.Arcs[a].From
			if pf.done[u] {
				continue
			}
			d, h := pf.g.Arcs[a].Cost+x.d, x.h+1
			if labelBefore(d, h, pf.dist[u], pf.hops[u]) {
				if math.IsInf(pf.dist[u], 1) {
					pf.touched = append(pf.touched, int32(u))
				}
				pf.dist[u], pf.hops[u] = d, h
				pf.heap.push(label{d, h, int32(u)})
			}
		}
	}
	return best
}

// tight returns the arc of smallest index out of u that keeps both labels
// tight, or −1; u's label must be final.
func (pf *pathFinder) tight(u int) int {
	for _, a := range pf.outArcs[pf.outHead[u]:pf.outHead[u+1]] {
		arc := pf.g.Arcs[a]
		w := arc.To
		if pf.arcUsable(a) && pf.done[w] && pf.hops[w]+1 == pf.hops[u] && arc.Cost+pf.dist[w] == pf.dist[u] {
			return int(a)
		}
	}
	return -1
}

// walk follows the tight arcs of smallest index from u (final label) to a
// target: the least path from u.
func (pf *pathFinder) walk(u int) Path {
	p := Path{Nodes: []int{u}, Cost: pf.dist[u]}
	for pf.hops[u] > 0 {
		next := pf.tight(u)
		if next < 0 {
			panic("flow: internal error: no tight arc") // unreachable
		}
		p.Arcs = append(p.Arcs, next)
		u = pf.g.Arcs[next].To
		p.Nodes = append(p.Nodes, u)
	}
	return p
}

// label is a tentative (cost, arcs) label of node v.
type label struct {
	d float64
	h int32
	v int32
}

// labelHeap is a binary min-heap of labels ordered by (d, h, v).
type labelHeap = minHeap[label]

func labelLess(a, b label) bool {
	return labelBefore(a.d, a.h, b.d, b.h) || a.d == b.d && a.h == b.h && a.v < b.v
}

// candidate is a path found by a spur at index dev of its parent.
type candidate struct {
	p   Path
	dev int
}

// candHeap is a binary min-heap of candidates in Path order.
type candHeap = minHeap[candidate]

func candLess(a, b candidate) bool { return comparePaths(a.p, b.p) < 0 }
