package flow

import (
	"fmt"
	"math"
)

// MinCostResult is a maximum flow of minimum cost from the sources of a
// commodity to its markets (see MinCostFlow).
type MinCostResult struct {
	// Flow is the flow on every arc, indexed like Graph.Arcs. It is within
	// the capacities and conserved at every transit node (supply 0), exactly
	// for integer data and up to rounding otherwise; self-loops and arcs of
	// capacity 0 carry none.
	Flow []float64
	// Inflow[v] and Outflow[v] are the total flow on the arcs into and out
	// of node v. Flow may pass through a source or a market on its way to
	// another market, so these are not the amounts shipped: see Net.
	Inflow, Outflow []float64
	// Net[v] is Outflow[v] − Inflow[v]: for a source (supply[v] > 0) the
	// part of its supply it sends out, 0 ≤ Net[v] ≤ supply[v]; for a
	// market (supply[v] < 0) minus the part of its demand that is met,
	// supply[v] ≤ Net[v] ≤ 0; 0 at a transit node. It is read off the
	// arcs joining v to the super source or super sink, so it is exact and
	// not the difference of two rounded sums.
	Net []float64
	// Delivered is the total flow reaching the markets: the value of a
	// maximum flow from the sources to the markets. No other flow from the
	// supplies to the demands delivers more.
	Delivered float64
	// Undelivered is the total supply that is not delivered, the sum of
	// the positive supplies minus Delivered; Unmet is the total demand that
	// is not met, the sum of the demands (−supply[v] for the markets) minus
	// Delivered. At least one of them is 0 unless capacities (or missing
	// routes) limit the flow.
	Undelivered, Unmet float64
	// Cost is Σ Flow[i]·Arcs[i].Cost: the least cost of any flow that
	// delivers Delivered.
	Cost float64
	// Augmentations is the number of augmenting paths the algorithm used
	// (one per shortest-path computation).
	Augmentations int
}

// MinCostFlow routes as much of a commodity as possible from its sources
// to its markets, at the least total cost. supply has one entry per node:
// supply[v] > 0 is the supply of a source, supply[v] < 0 the demand of a
// market (−supply[v] units), 0 a transit node. Supply and demand need not
// balance, and capacities may keep some of either from being routed: the
// result is a maximum flow from the sources to the markets that never
// takes more than its supply from a source nor gives more than its demand
// to a market, and among all such maximum flows one of least cost. This is
// NetworkX's max_flow_min_cost on g with a super source joined to every
// source s by an arc of capacity supply[s] and every market t joined to a
// super sink by an arc of capacity −supply[t], both of cost 0; Delivered
// and Cost are the flow value and cost_of_flow. Flow may pass through
// sources and markets, as in that construction. If there is no source or
// no market, the flow is zero.
//
// Arc capacities may be +Inf (the supplies still bound the flow, so it is
// always finite); costs are finite and ≥ 0 (Graph.Validate). supply must
// have length g.N and finite entries, with finite totals; otherwise the
// error wraps ErrInvalidArgument. An invalid g gives Validate's error,
// wrapping ErrInvalidGraph. g and supply are not modified.
//
// Algorithm: successive shortest paths with Johnson potentials (Ahuja,
// Magnanti & Orlin 1993, Network Flows, §9.7): the flow is augmented along
// a cheapest super-source → super-sink path of the residual network,
// found by Dijkstra's algorithm on the reduced costs c(u,v) + π(u) − π(v),
// which the potentials π keep ≥ 0 (they start at 0, as all costs are
// ≥ 0), until no path is left. Each augmentation keeps the flow of least
// cost for its value, and the last one is a maximum flow. Dijkstra stops
// when it settles the super sink; the potentials of the nodes it did not
// settle rise by that distance, which keeps every reduced cost ≥ 0.
//
// Ties are broken deterministically, so the flow (not only its value and
// cost) is reproducible: Dijkstra settles nodes in order of (distance,
// node index), scans the residual arcs out of a node in order of the arc
// they copy (forward copies of the arcs leaving it and reverse copies of
// those entering it, by arc index; its super arc last), and keeps the
// first arc that gives a node its distance. Among equally cheap paths and
// parallel arcs of equal cost the lowest indices therefore win.
//
// Time O(F·(V+E)·log V) and memory O(V+E), with V = N+2, E = len(Arcs) +
// the number of sources and markets, and F the number of augmentations.
// With integer capacities and supplies every augmentation moves at least
// one unit, so F ≤ min(total supply, total demand), and the flow is
// integral and exactly conserved; F is not polynomially bounded in
// general (the algorithm is pseudo-polynomial). With non-integer data
// every augmentation saturates a residual arc and the algorithm still
// terminates, but the results are exact only up to floating-point
// rounding (reduced costs that rounding makes negative are taken as 0).
func MinCostFlow(g Graph, supply []float64) (MinCostResult, error) {
	if err := g.Validate(); err != nil {
		return MinCostResult{}, err
	}
	if len(supply) != g.N {
		return MinCostResult{}, fmt.Errorf("%w: supply has %d entries for %d nodes", ErrInvalidArgument, len(supply), g.N)
	}
	var totalSupply, totalDemand float64
	for v, x := range supply {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return MinCostResult{}, fmt.Errorf("%w: supply of node %d is %v", ErrInvalidArgument, v, x)
		}
		if x > 0 {
			totalSupply += x
		} else {
			totalDemand -= x
		}
	}
	if math.IsInf(totalSupply, 0) || math.IsInf(totalDemand, 0) {
		return MinCostResult{}, fmt.Errorf("%w: total supply %v or total demand %v is not finite", ErrInvalidArgument, totalSupply, totalDemand)
	}

	nw := newMinCostNetwork(g, supply)
	aug := nw.run()

	m := len(g.Arcs)
	res := MinCostResult{
		Flow:          make([]float64, m),
		Inflow:        make([]float64, g.N),
		Outflow:       make([]float64, g.N),
		Net:           make([]float64, g.N),
		Augmentations: aug,
	}
	for i, a := range g.Arcs {
		// The reverse residual is the flow; with non-integer data the
		// augmentations may sum to a rounding error above the capacity.
		f := min(nw.res[2*i+1], a.Capacity)
		res.Flow[i] = f
		if f != 0 {
			res.Outflow[a.From] += f
			res.Inflow[a.To] += f
			res.Cost += f * a.Cost
		}
	}
	for k, v := range nw.superNode {
		f := min(nw.res[nw.superEdge[k]+1], math.Abs(supply[v]))
		if supply[v] > 0 {
			res.Net[v] = f
		} else {
			res.Net[v] = -f
			res.Delivered += f
		}
	}
	res.Undelivered = totalSupply - res.Delivered
	res.Unmet = totalDemand - res.Delivered
	return res, nil
}

// minCostNetwork is the residual network of MinCostFlow on the nodes of g
// plus a super source s = N and a super sink t = N+1. Residual edges come
// in pairs: edge e (even) is the forward copy, e+1 its reverse; edges 2i,
// 2i+1 belong to arc i and the super arcs follow.
type minCostNetwork struct {
	n         int32
	s, t      int32
	to        []int32
	cost      []float64 // cost of each residual edge (reverse: minus)
	res       []float64 // residual capacity
	head      []int32   // out-edges of v are adj[head[v]:head[v+1]]
	adj       []int32   // in increasing edge order for every node
	superNode []int     // the sources and markets, in node order
	superEdge []int32   // the forward edge joining superNode[k] to s or t

	pot  []float64 // potentials, up to a common additive constant
	dist []float64
	pred []int32 // edge by which a node was reached, -1 if none
	done []bool
	seen []int32 // nodes given a distance in the current search
	heap []mcItem
}

// mcItem is an entry of the Dijkstra heap.
type mcItem struct {
	d float64
	v int32
}

// newMinCostNetwork builds the residual network of g and supply, with no
// flow.
func newMinCostNetwork(g Graph, supply []float64) *minCostNetwork {
	n := int32(g.N) + 2
	nw := &minCostNetwork{n: n, s: n - 2, t: n - 1}
	m := len(g.Arcs)
	for v, x := range supply {
		if x != 0 {
			nw.superNode = append(nw.superNode, v)
		}
	}
	ne := 2 * (m + len(nw.superNode))
	nw.to = make([]int32, ne)
	nw.cost = make([]float64, ne)
	nw.res = make([]float64, ne)
	from := make([]int32, ne) // tail of each edge
	add := func(e int, u, v int32, c, w float64) {
		from[e], nw.to[e], nw.res[e], nw.cost[e] = u, v, c, w
		from[e+1], nw.to[e+1], nw.res[e+1], nw.cost[e+1] = v, u, 0, -w
	}
	for i, a := range g.Arcs {
		add(2*i, int32(a.From), int32(a.To), a.Capacity, a.Cost)
	}
	nw.superEdge = make([]int32, len(nw.superNode))
	for k, v := range nw.superNode {
		e := 2 * (m + k)
		nw.superEdge[k] = int32(e)
		if supply[v] > 0 {
			add(e, nw.s, int32(v), supply[v], 0)
		} else {
			add(e, int32(v), nw.t, -supply[v], 0)
		}
	}
	// Adjacency in edge order; arcs that can never carry flow (self-loops,
	// capacity 0) are left out, with their reverses.
	usable := func(e int) bool {
		f := e &^ 1
		return from[f] != nw.to[f] && nw.res[f] > 0
	}
	nw.head = make([]int32, n+1)
	for e := 0; e < ne; e++ {
		if usable(e) {
			nw.head[from[e]+1]++
		}
	}
	for v := int32(0); v < n; v++ {
		nw.head[v+1] += nw.head[v]
	}
	nw.adj = make([]int32, nw.head[n])
	fill := make([]int32, n)
	copy(fill, nw.head[:n])
	for e := 0; e < ne; e++ {
		if usable(e) {
			u := from[e]
			nw.adj[fill[u]] = int32(e)
			fill[u]++
		}
	}
	nw.pot = make([]float64, n)
	nw.dist = make([]float64, n)
	nw.pred = make([]int32, n)
	nw.done = make([]bool, n)
	for v := range nw.dist {
		nw.dist[v] = math.Inf(1)
		nw.pred[v] = -1
	}
	return nw
}

// run augments along cheapest paths until the super sink is unreachable;
// it returns the number of augmentations.
func (nw *minCostNetwork) run() int {
	aug := 0
	for nw.dijkstra() {
		// Bottleneck; finite, as the first edge is a super arc.
		b := math.Inf(1)
		for v := nw.t; v != nw.s; {
			e := nw.pred[v]
			b = min(b, nw.res[e])
			v = nw.to[e^1]
		}
		for v := nw.t; v != nw.s; {
			e := nw.pred[v]
			nw.res[e] -= b
			nw.res[e^1] += b
			v = nw.to[e^1]
		}
		aug++
	}
	return aug
}

// dijkstra computes cheapest paths from the super source on the reduced
// costs, stopping when the super sink is settled, and updates the
// potentials; it reports whether the super sink is reachable. Afterwards
// pred holds a cheapest path to the super sink.
//
// The potentials are kept up to a common constant: conceptually every
// node's potential rises by d(v) if v was settled and by D = d(t)
// otherwise, which keeps reduced costs ≥ 0 (d(v) ≤ d(u) + c̄(u,v) gives
// min(d(v),D) ≤ min(d(u),D) + c̄(u,v)) and makes those of the path 0;
// storing π(v) − (total of the D) instead, only the settled nodes change,
// by d(v) − D.
func (nw *minCostNetwork) dijkstra() bool {
	for _, v := range nw.seen {
		nw.dist[v] = math.Inf(1)
		nw.pred[v] = -1
		nw.done[v] = false
	}
	nw.seen = nw.seen[:0]
	nw.heap = nw.heap[:0]
	nw.dist[nw.s] = 0
	nw.seen = append(nw.seen, nw.s)
	nw.mcPush(mcItem{0, nw.s})
	reached := false
	for len(nw.heap) > 0 {
		it := nw.mcPop()
		u := it.v
		if nw.done[u] || it.d > nw.dist[u] {
			continue
		}
		nw.done[u] = true
		if u == nw.t {
			reached = true
			break
		}
		du, pu := it.d, nw.pot[u]
		for _, e := range nw.adj[nw.head[u]:nw.head[u+1]] {
			if nw.res[e] <= 0 {
				continue
			}
			v := nw.to[e]
			if nw.done[v] {
				continue
			}
			rc := nw.cost[e] + pu - nw.pot[v]
			if rc < 0 {
				rc = 0 // rounding
			}
			d := du + rc
			if d < nw.dist[v] {
				if math.IsInf(nw.dist[v], 1) {
					nw.seen = append(nw.seen, v)
				}
				nw.dist[v] = d
				nw.pred[v] = e
				nw.mcPush(mcItem{d, v})
			}
		}
	}
	if !reached {
		return false
	}
	D := nw.dist[nw.t]
	for _, v := range nw.seen {
		if nw.done[v] {
			nw.pot[v] += nw.dist[v] - D
		}
	}
	return true
}

// mcLess orders heap items by distance, then node index.
func mcLess(a, b mcItem) bool {
	return a.d < b.d || (a.d == b.d && a.v < b.v)
}

func (nw *minCostNetwork) mcPush(x mcItem) {
	h := append(nw.heap, x)
	i := len(h) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !mcLess(h[i], h[p]) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
	nw.heap = h
}

func (nw *minCostNetwork) mcPop() mcItem {
	h := nw.heap
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	i := 0
	for {
		l := 2*i + 1
		if l >= len(h) {
			break
		}
		c := l
		if r := l + 1; r < len(h) && mcLess(h[r], h[l]) {
			c = r
		}
		if !mcLess(h[c], h[i]) {
			break
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
	nw.heap = h
	return top
}
