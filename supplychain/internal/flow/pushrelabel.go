package flow

import "math"

// pushRelabel is the working state of the highest-label push–relabel
// algorithm (Goldberg & Tarjan 1988) with global relabelling and the gap
// heuristic (Cherkassky & Goldberg 1997) on a network. The residual edges
// are laid out again by position so that the out-edges of node v are the
// positions first[v]:first[v+1] (the order of network.adj), with their
// head, reverse position and residual capacity side by side.
//
// It runs in two phases. The first computes a maximum preflow towards t:
// the edges out of s are saturated, then active nodes (positive excess,
// label below n) are discharged highest label first, pushing along
// admissible edges (label one lower) and relabelling when none is left.
// Every so often the labels are made exact distances to t by a backward
// breadth-first search (global relabelling), and when no node is left on
// some label the nodes above it are lifted to n at once (gap heuristic):
// they cannot reach t. The second phase returns the excess left at nodes
// that cannot reach t to s by the same discharging, now towards s; the
// nodes that reach t are never touched again, so the flow into t — the
// maximum flow value — is kept. Time O(V²√E) for each phase; memory
// O(V+E). All choices follow node and edge order, so every run gives the
// same flow.
type pushRelabel struct {
	n     int32
	first []int32   // out-edges of v are the positions first[v]:first[v+1]
	to    []int32   // head of the edge at each position
	rev   []int32   // position of the reverse edge
	res   []float64 // residual capacity at each position
	pos   []int32   // position of each edge of the network
	d     []int32   // distance labels (n: cannot reach the target)
	ex    []float64 // excess
	cur   []int32   // current edge position
	aHead []int32   // per label: stack of active nodes
	aNext []int32
	bHead []int32 // per label: doubly linked list of the nodes labelled so
	bNext []int32
	bPrev []int32
	aMax  int32 // no active node has a higher label
	dMax  int32 // no node in a list has a higher label
	queue []int32
	work  int
}

// maxFlowPushRelabel computes a maximum flow from s to t from a zero flow
// with push–relabel and returns its value; afterwards res holds the
// residual capacities as maxFlow leaves them (the flow on forward edge e
// is res[e^1]). Infinite capacities are replaced, while the algorithm
// runs, by a finite bound larger than every finite cut (twice the sum of
// the finite capacities, plus one; for an edge out of s, at most what its
// head can send on), which changes no maximum flow as no cut of finite
// capacity uses them; res is then recomputed from the original
// capacities. If that bound overflows, it falls back to Dinic's maxFlow.
// The caller must first make sure infinitePath(s, t) is nil.
func (nw *network) maxFlowPushRelabel(s, t int) float64 {
	bound := 0.0
	for e := 0; e < len(nw.cap); e += 2 {
		if c := nw.cap[e]; c > 0 && !math.IsInf(c, 1) {
			bound += c
		}
	}
	bound = 2*bound + 1
	if math.IsInf(bound, 1) {
		return nw.maxFlow(s, t)
	}
	pr := newPushRelabel(nw, s, bound)
	pr.run(int32(t), int32(s), true)
	pr.run(int32(s), int32(t), false)
	for e := 0; e < len(nw.to); e += 2 {
		f := pr.res[pr.pos[e+1]] // the reverse edge starts empty
		nw.res[e] = nw.cap[e] - f
		nw.res[e+1] = nw.cap[e+1] + f
	}
	return pr.ex[t]
}

// newPushRelabel lays out the residual network of nw with a zero flow,
// infinite capacities replaced by bound (or, out of s, by the total
// capacity out of the head if smaller).
func newPushRelabel(nw *network, s int, bound float64) *pushRelabel {
	n, m := nw.n, len(nw.to)
	pr := &pushRelabel{
		n:     int32(n),
		first: nw.head,
		to:    make([]int32, m),
		rev:   make([]int32, m),
		res:   make([]float64, m),
		pos:   make([]int32, m),
		d:     make([]int32, n),
		ex:    make([]float64, n),
		cur:   make([]int32, n),
		aHead: make([]int32, n+1),
		aNext: make([]int32, n),
		bHead: make([]int32, n+1),
		bNext: make([]int32, n),
		bPrev: make([]int32, n),
		queue: make([]int32, 0, n),
	}
	capOf := func(e int32) float64 {
		if c := nw.cap[e]; !math.IsInf(c, 1) {
			return c
		}
		return bound
	}
	for i, e := range nw.adj {
		pr.pos[e] = int32(i)
	}
	for i, e := range nw.adj {
		pr.to[i] = nw.to[e]
		pr.rev[i] = pr.pos[e^1]
		pr.res[i] = capOf(e)
	}
	for i := pr.first[s]; i < pr.first[s+1]; i++ {
		e := nw.adj[i]
		if !math.IsInf(nw.cap[e], 1) {
			continue
		}
		v := nw.to[e]
		out := 0.0
		for _, f := range nw.adj[nw.head[v]:nw.head[v+1]] {
			out += capOf(f)
		}
		pr.res[i] = min(bound, out)
	}
	return pr
}

// run discharges the active nodes towards z, x being the other terminal
// (kept at label n, never active). With init, the edges out of x are
// saturated first.
func (pr *pushRelabel) run(z, x int32, init bool) {
	if init {
		for i := pr.first[x]; i < pr.first[x+1]; i++ {
			if f := pr.res[i]; f > 0 {
				pr.res[i] = 0
				pr.res[pr.rev[i]] += f
				pr.ex[pr.to[i]] += f
				pr.ex[x] -= f
			}
		}
	}
	threshold := 6*int(pr.n) + len(pr.to)
	pr.globalRelabel(z, x)
	for pr.aMax >= 0 {
		v := pr.aHead[pr.aMax]
		if v < 0 {
			pr.aMax--
			continue
		}
		pr.aHead[pr.aMax] = pr.aNext[v]
		pr.discharge(v, z)
		if pr.work > threshold {
			pr.globalRelabel(z, x)
		}
	}
}

// globalRelabel sets every label to the residual distance to z (n if z is
// not reachable or only through x) and rebuilds the lists.
func (pr *pushRelabel) globalRelabel(z, x int32) {
	n := pr.n
	pr.work = 0
	for v := range pr.d {
		pr.d[v] = n
	}
	for l := range pr.aHead {
		pr.aHead[l] = -1
		pr.bHead[l] = -1
	}
	pr.d[z] = 0
	q := append(pr.queue[:0], z)
	for k := 0; k < len(q); k++ {
		u := q[k]
		du := pr.d[u] + 1
		for i := pr.first[u]; i < pr.first[u+1]; i++ {
			w := pr.to[i]
			if pr.d[w] == n && w != x && w != z && pr.res[pr.rev[i]] > 0 {
				pr.d[w] = du
				q = append(q, w)
			}
		}
	}
	pr.queue = q
	pr.aMax, pr.dMax = -1, 0
	// Insert in reverse order so that the lists run in BFS order.
	for k := len(q) - 1; k >= 1; k-- {
		v := q[k]
		l := pr.d[v]
		pr.cur[v] = pr.first[v]
		pr.insert(v, l)
		if pr.ex[v] > 0 {
			pr.aNext[v] = pr.aHead[l]
			pr.aHead[l] = v
			pr.aMax = max(pr.aMax, l)
		}
	}
}

// insert adds v to the list of label l.
func (pr *pushRelabel) insert(v, l int32) {
	h := pr.bHead[l]
	pr.bNext[v] = h
	pr.bPrev[v] = -1
	if h >= 0 {
		pr.bPrev[h] = v
	}
	pr.bHead[l] = v
	pr.dMax = max(pr.dMax, l)
}

// remove takes v out of the list of label l.
func (pr *pushRelabel) remove(v, l int32) {
	p, nx := pr.bPrev[v], pr.bNext[v]
	if p >= 0 {
		pr.bNext[p] = nx
	} else {
		pr.bHead[l] = nx
	}
	if nx >= 0 {
		pr.bPrev[nx] = p
	}
}

// discharge pushes the excess of the active node v along admissible edges,
// relabelling v when it has none, until v has no excess or cannot reach z.
func (pr *pushRelabel) discharge(v, z int32) {
	n := pr.n
	end := pr.first[v+1]
	ex := pr.ex[v]
	for {
		dv := pr.d[v]
		for i := pr.cur[v]; i < end; i++ {
			r := pr.res[i]
			if r <= 0 {
				continue
			}
			w := pr.to[i]
			if pr.d[w] != dv-1 {
				continue
			}
			if pr.ex[w] == 0 && w != z {
				l := pr.d[w]
				pr.aNext[w] = pr.aHead[l]
				pr.aHead[l] = w
				pr.aMax = max(pr.aMax, l)
			}
			if r > ex {
				pr.res[i] = r - ex
				pr.res[pr.rev[i]] += ex
				pr.ex[w] += ex
				pr.ex[v] = 0
				pr.cur[v] = i
				return
			}
			pr.res[i] = 0
			pr.res[pr.rev[i]] += r
			pr.ex[w] += r
			ex -= r
			if ex == 0 {
				pr.ex[v] = 0
				pr.cur[v] = i + 1
				return
			}
		}
		pr.ex[v] = ex
		// Relabel.
		pr.remove(v, dv)
		if pr.bHead[dv] < 0 {
			// Gap: nothing above dv reaches z.
			for l := dv + 1; l <= pr.dMax; l++ {
				for u := pr.bHead[l]; u >= 0; u = pr.bNext[u] {
					pr.d[u] = n
				}
				pr.bHead[l] = -1
				pr.aHead[l] = -1
			}
			pr.d[v] = n
			pr.dMax = dv - 1
			pr.aMax = min(pr.aMax, dv-1)
			return
		}
		start := pr.first[v]
		pr.work += 12 + int(end-start)
		nd, best := n, end
		for i := start; i < end; i++ {
			if pr.res[i] > 0 {
				if l := pr.d[pr.to[i]] + 1; l < nd {
					nd, best = l, i
				}
			}
		}
		if nd >= n {
			pr.d[v] = n
			return
		}
		pr.d[v] = nd
		pr.cur[v] = best
		pr.insert(v, nd)
	}
}
