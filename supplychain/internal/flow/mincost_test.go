package flow

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var mcInf = math.Inf(1)

// mcArc is a shorthand for test arcs.
func mcArc(from, to int, capacity, cost float64) Arc {
	return Arc{From: from, To: to, Capacity: capacity, Cost: cost}
}

// mcTestMaxFlow is an independent maximum flow (Edmonds–Karp: BFS
// augmenting paths) from the super source to the super sink of the
// MinCostFlow construction: an arc of capacity supply[s] into every
// source s and of capacity −supply[t] out of every market t.
func mcTestMaxFlow(g Graph, supply []float64) float64 {
	n := g.N + 2
	s, t := g.N, g.N+1
	type edge struct {
		to  int
		res float64
	}
	var edges []edge
	adj := make([][]int, n)
	add := func(u, v int, c float64) {
		adj[u] = append(adj[u], len(edges))
		edges = append(edges, edge{v, c})
		adj[v] = append(adj[v], len(edges))
		edges = append(edges, edge{u, 0})
	}
	for _, a := range g.Arcs {
		add(a.From, a.To, a.Capacity)
	}
	for v, x := range supply {
		if x > 0 {
			add(s, v, x)
		} else if x < 0 {
			add(v, t, -x)
		}
	}
	total := 0.0
	for {
		pred := make([]int, n)
		for i := range pred {
			pred[i] = -1
		}
		queue := []int{s}
		pred[s] = -2
		for len(queue) > 0 && pred[t] == -1 {
			u := queue[0]
			queue = queue[1:]
			for _, e := range adj[u] {
				if v := edges[e].to; edges[e].res > 0 && pred[v] == -1 {
					pred[v] = e
					queue = append(queue, v)
				}
			}
		}
		if pred[t] == -1 {
			return total
		}
		b := mcInf
		for v := t; v != s; v = edges[pred[v]^1].to {
			b = min(b, edges[pred[v]].res)
		}
		for v := t; v != s; v = edges[pred[v]^1].to {
			edges[pred[v]].res -= b
			edges[pred[v]^1].res += b
		}
		total += b
	}
}

// mcTestNegativeCycle reports whether the residual network of the flow in
// r (with the super source and sink) has a cycle of negative cost, by
// Bellman–Ford from a virtual root; a flow of a given value has least cost
// if and only if there is none. Cycles of cost below −tol count.
func mcTestNegativeCycle(g Graph, supply []float64, r MinCostResult, tol float64) bool {
	n := g.N + 2
	s, t := g.N, g.N+1
	type edge struct {
		u, v int
		c    float64
	}
	var edges []edge
	// residual capacities below tol (relative) are rounding errors
	add := func(u, v int, capacity, flow, cost float64) {
		if math.IsInf(capacity, 1) || flow < capacity-tol*max(1, capacity) {
			edges = append(edges, edge{u, v, cost})
		}
		if flow > tol*max(1, flow) {
			edges = append(edges, edge{v, u, -cost})
		}
	}
	for i, a := range g.Arcs {
		add(a.From, a.To, a.Capacity, r.Flow[i], a.Cost)
	}
	for v, x := range supply {
		if x > 0 {
			add(s, v, x, r.Net[v], 0)
		} else if x < 0 {
			add(v, t, -x, -r.Net[v], 0)
		}
	}
	d := make([]float64, n)
	for range n {
		changed := false
		for _, e := range edges {
			if d[e.u]+e.c < d[e.v]-tol {
				d[e.v] = d[e.u] + e.c
				changed = true
			}
		}
		if !changed {
			return false
		}
	}
	return true
}

// mcCheckFlow checks that r is a feasible flow for g and supply and that
// its totals agree with its flows: capacities, conservation at transit
// nodes, supplies and demands respected, Inflow/Outflow/Net/Delivered/
// Undelivered/Unmet/Cost consistent. tol is 0 for integer data.
func mcCheckFlow(t *testing.T, g Graph, supply []float64, r MinCostResult, tol float64) {
	t.Helper()
	require.Len(t, r.Flow, len(g.Arcs))
	require.Len(t, r.Inflow, g.N)
	require.Len(t, r.Outflow, g.N)
	require.Len(t, r.Net, g.N)
	in := make([]float64, g.N)
	out := make([]float64, g.N)
	cost := 0.0
	for i, a := range g.Arcs {
		f := r.Flow[i]
		assert.GreaterOrEqual(t, f, 0.0, "arc %d flow", i)
		assert.LessOrEqual(t, f, a.Capacity+tol, "arc %d flow above capacity", i)
		if a.From == a.To {
			assert.Zero(t, f, "self-loop %d carries flow", i)
		}
		out[a.From] += f
		in[a.To] += f
		cost += f * a.Cost
	}
	var delivered, sent, totalS, totalD float64
	for v, x := range supply {
		assert.InDelta(t, in[v], r.Inflow[v], tol, "Inflow[%d]", v)
		assert.InDelta(t, out[v], r.Outflow[v], tol, "Outflow[%d]", v)
		net := out[v] - in[v]
		assert.InDelta(t, net, r.Net[v], tol, "Net[%d] vs Outflow − Inflow", v)
		switch {
		case x == 0:
			assert.InDelta(t, 0, net, tol, "conservation at transit node %d", v)
			assert.Zero(t, r.Net[v], "Net of transit node %d", v)
		case x > 0:
			totalS += x
			sent += r.Net[v]
			assert.GreaterOrEqual(t, r.Net[v], 0.0, "source %d", v)
			assert.LessOrEqual(t, r.Net[v], x, "source %d sends more than its supply", v)
		default:
			totalD -= x
			delivered -= r.Net[v]
			assert.LessOrEqual(t, r.Net[v], 0.0, "market %d", v)
			assert.GreaterOrEqual(t, r.Net[v], x, "market %d receives more than its demand", v)
		}
	}
	assert.InDelta(t, delivered, r.Delivered, tol, "Delivered vs markets")
	assert.InDelta(t, sent, r.Delivered, tol, "Delivered vs sources")
	assert.InDelta(t, totalS-r.Delivered, r.Undelivered, tol, "Undelivered")
	assert.InDelta(t, totalD-r.Delivered, r.Unmet, tol, "Unmet")
	assert.GreaterOrEqual(t, r.Undelivered, -tol)
	assert.GreaterOrEqual(t, r.Unmet, -tol)
	assert.InDelta(t, cost, r.Cost, tol*(1+math.Abs(cost)), "Cost vs Σ flow·cost")
}

// mcCheckOptimal checks r completely: feasible, Delivered equal to an
// independent maximum flow, and no negative residual cycle.
func mcCheckOptimal(t *testing.T, g Graph, supply []float64, r MinCostResult, tol float64) {
	t.Helper()
	mcCheckFlow(t, g, supply, r, tol)
	assert.InDelta(t, mcTestMaxFlow(g, supply), r.Delivered, tol*(1+r.Delivered), "Delivered vs Edmonds–Karp")
	assert.False(t, mcTestNegativeCycle(g, supply, r, tol), "negative residual cycle: the flow is not of least cost")
}

func TestMinCostFlowCases(t *testing.T) {
	tests := []struct {
		name   string
		g      Graph
		supply []float64
		// expected results; Flow nil means not checked
		delivered, undelivered, unmet, cost float64
		flow                                []float64
	}{
		{
			name:   "path, supply exceeds demand",
			g:      Graph{N: 3, Arcs: []Arc{mcArc(0, 1, 10, 2), mcArc(1, 2, 10, 3)}},
			supply: []float64{5, 0, -3},
			// 3 units at 5 each
			delivered: 3, undelivered: 2, unmet: 0, cost: 15,
			flow: []float64{3, 3},
		},
		{
			name:      "path, demand exceeds supply",
			g:         Graph{N: 3, Arcs: []Arc{mcArc(0, 1, 10, 2), mcArc(1, 2, 10, 3)}},
			supply:    []float64{4, 0, -9},
			delivered: 4, undelivered: 0, unmet: 5, cost: 20,
			flow: []float64{4, 4},
		},
		{
			name:      "capacity blocks",
			g:         Graph{N: 3, Arcs: []Arc{mcArc(0, 1, 10, 1), mcArc(1, 2, 2, 1)}},
			supply:    []float64{5, 0, -5},
			delivered: 2, undelivered: 3, unmet: 3, cost: 4,
			flow: []float64{2, 2},
		},
		{
			name: "cheap route first, then the dear one",
			// 0→1→3 costs 2 (capacity 1), 0→2→3 costs 20 (capacity 5)
			g: Graph{N: 4, Arcs: []Arc{
				mcArc(0, 1, 1, 1), mcArc(0, 2, 5, 10), mcArc(1, 3, 5, 1), mcArc(2, 3, 5, 10),
			}},
			supply:    []float64{3, 0, 0, -3},
			delivered: 3, cost: 2 + 2*20,
			flow: []float64{1, 2, 1, 2},
		},
		{
			name: "maximum flow before cost: the cheap path is undone",
			// s=0, a=1, b=2, t=3. The cheapest path 0→1→2→3 (cost 3) blocks
			// both others; the maximum flow 2 needs 0→1→3 and 0→2→3 (6
			// each), found by cancelling 1→2 along its reverse.
			g: Graph{N: 4, Arcs: []Arc{
				mcArc(0, 1, 1, 1), mcArc(1, 2, 1, 1), mcArc(2, 3, 1, 1),
				mcArc(0, 2, 1, 5), mcArc(1, 3, 1, 5),
			}},
			supply:    []float64{2, 0, 0, -2},
			delivered: 2, cost: 12,
			flow: []float64{1, 0, 1, 1, 1},
		},
		{
			name: "parallel arcs: the cheaper, then by arc index",
			g: Graph{N: 2, Arcs: []Arc{
				mcArc(0, 1, 2, 3), mcArc(0, 1, 2, 1), mcArc(0, 1, 2, 3),
			}},
			supply:    []float64{5, -5},
			delivered: 5, cost: 2*1 + 2*3 + 1*3,
			flow: []float64{2, 2, 1},
		},
		{
			name: "equal paths: ties by node index",
			// 0→1→3 and 0→2→3 both cost 2; one unit takes the path through
			// node 1, the lower index.
			g: Graph{N: 4, Arcs: []Arc{
				mcArc(0, 2, 1, 1), mcArc(0, 1, 1, 1), mcArc(2, 3, 1, 1), mcArc(1, 3, 1, 1),
			}},
			supply:    []float64{1, 0, 0, -1},
			delivered: 1, cost: 2,
			flow: []float64{0, 1, 0, 1},
		},
		{
			name:      "unlimited capacities: the supply bounds",
			g:         Graph{N: 3, Arcs: []Arc{mcArc(0, 1, mcInf, 1), mcArc(1, 2, mcInf, 0)}},
			supply:    []float64{7, 0, -100},
			delivered: 7, unmet: 93, cost: 7,
			flow: []float64{7, 7},
		},
		{
			name:      "unlimited capacities: the demand bounds",
			g:         Graph{N: 3, Arcs: []Arc{mcArc(0, 1, mcInf, 1), mcArc(1, 2, mcInf, 0)}},
			supply:    []float64{100, 0, -7},
			delivered: 7, undelivered: 93, cost: 7,
			flow: []float64{7, 7},
		},
		{
			name: "flow passes through a market",
			g:    Graph{N: 3, Arcs: []Arc{mcArc(0, 1, 4, 1), mcArc(1, 2, 4, 1)}},
			// market 1 keeps 1, market 2 gets 3 through it
			supply:    []float64{4, -1, -3},
			delivered: 4, cost: 4 + 3,
			flow: []float64{4, 3},
		},
		{
			name:      "flow passes through a source",
			g:         Graph{N: 3, Arcs: []Arc{mcArc(0, 1, 5, 1), mcArc(1, 2, 5, 1)}},
			supply:    []float64{2, 3, -5},
			delivered: 5, cost: 2*2 + 3,
			flow: []float64{2, 5},
		},
		{
			name: "self-loop and zero capacity carry nothing",
			g: Graph{N: 2, Arcs: []Arc{
				mcArc(0, 0, 5, 0), mcArc(0, 1, 0, 0), mcArc(0, 1, 3, 2), mcArc(1, 1, mcInf, 0),
			}},
			supply:    []float64{2, -2},
			delivered: 2, cost: 4,
			flow: []float64{0, 0, 2, 0},
		},
		{
			name:      "market unreachable",
			g:         Graph{N: 3, Arcs: []Arc{mcArc(0, 1, 5, 1), mcArc(2, 1, 5, 1)}},
			supply:    []float64{3, 0, -2},
			delivered: 0, undelivered: 3, unmet: 2, cost: 0,
			flow: []float64{0, 0},
		},
		{
			name:        "no market",
			g:           Graph{N: 2, Arcs: []Arc{mcArc(0, 1, 5, 1)}},
			supply:      []float64{3, 0},
			undelivered: 3,
			flow:        []float64{0},
		},
		{
			name:   "no source",
			g:      Graph{N: 2, Arcs: []Arc{mcArc(0, 1, 5, 1)}},
			supply: []float64{0, -3},
			unmet:  3,
			flow:   []float64{0},
		},
		{
			name:   "empty graph",
			g:      Graph{},
			supply: nil,
			flow:   []float64{},
		},
		{
			name: "two sources, two markets: each to the nearer",
			// 0→2 and 1→3 cost 1, the crossings cost 10
			g: Graph{N: 4, Arcs: []Arc{
				mcArc(0, 2, 5, 1), mcArc(0, 3, 5, 10), mcArc(1, 2, 5, 10), mcArc(1, 3, 5, 1),
			}},
			supply:    []float64{3, 4, -4, -3},
			delivered: 7, cost: 3*1 + 3*1 + 1*10,
			flow: []float64{3, 0, 1, 3},
		},
		{
			name:      "non-integer data",
			g:         Graph{N: 3, Arcs: []Arc{mcArc(0, 1, 1.5, 0.25), mcArc(0, 2, 2.5, 0.5), mcArc(1, 2, 0.75, 0.125)}},
			supply:    []float64{3.5, 0, -3},
			delivered: 0.75 + 2.25, undelivered: 0.5, cost: 0.75*0.375 + 2.25*0.5,
			flow: []float64{0.75, 2.25, 0.75},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arcs := slices.Clone(tc.g.Arcs)
			supply := slices.Clone(tc.supply)
			r, err := MinCostFlow(tc.g, tc.supply)
			require.NoError(t, err)
			assert.Equal(t, tc.delivered, r.Delivered, "Delivered")
			assert.Equal(t, tc.undelivered, r.Undelivered, "Undelivered")
			assert.Equal(t, tc.unmet, r.Unmet, "Unmet")
			assert.Equal(t, tc.cost, r.Cost, "Cost")
			if tc.flow != nil {
				assert.Equal(t, tc.flow, r.Flow, "Flow")
			}
			mcCheckOptimal(t, tc.g, tc.supply, r, 0)
			assert.Equal(t, arcs, tc.g.Arcs, "arcs modified")
			assert.Equal(t, supply, tc.supply, "supply modified")
		})
	}
}

func TestMinCostFlowErrors(t *testing.T) {
	g := Graph{N: 2, Arcs: []Arc{mcArc(0, 1, 1, 1)}}
	tests := []struct {
		name   string
		g      Graph
		supply []float64
		want   error
	}{
		{"short supply", g, []float64{1}, ErrInvalidArgument},
		{"long supply", g, []float64{1, -1, 0}, ErrInvalidArgument},
		{"nil supply", g, nil, ErrInvalidArgument},
		{"NaN supply", g, []float64{math.NaN(), -1}, ErrInvalidArgument},
		{"infinite supply", g, []float64{mcInf, -1}, ErrInvalidArgument},
		{"infinite demand", g, []float64{1, math.Inf(-1)}, ErrInvalidArgument},
		{"total supply overflows", Graph{N: 3}, []float64{math.MaxFloat64, math.MaxFloat64, -1}, ErrInvalidArgument},
		{"total demand overflows", Graph{N: 3}, []float64{1, -math.MaxFloat64, -math.MaxFloat64}, ErrInvalidArgument},
		{"bad head", Graph{N: 2, Arcs: []Arc{mcArc(0, 2, 1, 1)}}, []float64{1, -1}, ErrInvalidGraph},
		{"negative capacity", Graph{N: 2, Arcs: []Arc{mcArc(0, 1, -1, 1)}}, []float64{1, -1}, ErrInvalidGraph},
		{"negative cost", Graph{N: 2, Arcs: []Arc{mcArc(0, 1, 1, -1)}}, []float64{1, -1}, ErrInvalidGraph},
		{"infinite cost", Graph{N: 2, Arcs: []Arc{mcArc(0, 1, 1, mcInf)}}, []float64{1, -1}, ErrInvalidGraph},
		{"negative N", Graph{N: -1}, nil, ErrInvalidGraph},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := MinCostFlow(tc.g, tc.supply)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			assert.Equal(t, MinCostResult{}, r)
		})
	}
	// Unbalanced supplies and demands are allowed.
	_, err := MinCostFlow(g, []float64{1, -5})
	assert.NoError(t, err)
	_, err = MinCostFlow(g, []float64{5, -1})
	assert.NoError(t, err)
}

// mcRandomGraph returns a random graph on n nodes with m arcs (parallel
// arcs and self-loops allowed), integer capacities in [0, maxCap] (+Inf
// with probability pInf) and integer costs in [0, maxCost], and random
// integer supplies in [−maxSupply, maxSupply] on about half the nodes.
func mcRandomGraph(rng *rand.Rand, n, m int, maxCap, maxCost, maxSupply int, pInf float64) (Graph, []float64) {
	g := Graph{N: n, Arcs: make([]Arc, m)}
	for i := range g.Arcs {
		c := float64(rng.Intn(maxCap + 1))
		if rng.Float64() < pInf {
			c = mcInf
		}
		g.Arcs[i] = mcArc(rng.Intn(n), rng.Intn(n), c, float64(rng.Intn(maxCost+1)))
	}
	supply := make([]float64, n)
	for v := range supply {
		if rng.Intn(2) == 0 {
			supply[v] = float64(rng.Intn(2*maxSupply+1) - maxSupply)
		}
	}
	return g, supply
}

// mcBruteForce enumerates every integer flow on the arcs of g (at most
// total supply on an arc of infinite capacity) and returns the largest
// deliverable amount and the least cost of delivering it. Integer
// optimal flows exist for integer data, so this is the optimum.
func mcBruteForce(g Graph, supply []float64) (delivered, cost float64) {
	bound := 0.0
	for _, x := range supply {
		bound += max(x, 0)
	}
	caps := make([]int, len(g.Arcs))
	for i, a := range g.Arcs {
		caps[i] = int(min(a.Capacity, bound))
	}
	f := make([]int, len(g.Arcs))
	delivered, cost = -1, 0
	net := make([]float64, g.N)
	for {
		clear(net)
		c := 0.0
		for i, a := range g.Arcs {
			net[a.From] += float64(f[i])
			net[a.To] -= float64(f[i])
			c += float64(f[i]) * a.Cost
		}
		ok, d := true, 0.0
		for v, x := range supply {
			switch {
			case x == 0:
				ok = ok && net[v] == 0
			case x > 0:
				ok = ok && net[v] >= 0 && net[v] <= x
			default:
				ok = ok && net[v] <= 0 && net[v] >= x
				d -= net[v]
			}
		}
		if ok && (d > delivered || (d == delivered && c < cost)) {
			delivered, cost = d, c
		}
		// next flow vector
		i := 0
		for i < len(f) && f[i] == caps[i] {
			f[i] = 0
			i++
		}
		if i == len(f) {
			return delivered, cost
		}
		f[i]++
	}
}

func TestMinCostFlowBruteForce(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for k := range 1500 {
		n := 2 + rng.Intn(3)
		m := 1 + rng.Intn(5)
		g, supply := mcRandomGraph(rng, n, m, 3, 4, 3, 0.1)
		r, err := MinCostFlow(g, supply)
		require.NoError(t, err)
		d, c := mcBruteForce(g, supply)
		if !assert.Equal(t, d, r.Delivered, "instance %d: Delivered", k) ||
			!assert.Equal(t, c, r.Cost, "instance %d: Cost", k) {
			t.Logf("instance %d: %+v supply %v, got flow %v", k, g, supply, r.Flow)
			continue
		}
		mcCheckOptimal(t, g, supply, r, 0)
	}
}

func TestMinCostFlowRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for k := range 300 {
		n := 2 + rng.Intn(40)
		m := rng.Intn(4 * n)
		g, supply := mcRandomGraph(rng, n, m, 10, 20, 15, 0.05)
		r, err := MinCostFlow(g, supply)
		require.NoError(t, err)
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			mcCheckOptimal(t, g, supply, r, 0)
			for i, f := range r.Flow {
				assert.Equal(t, math.Trunc(f), f, "arc %d: flow not integral", i)
			}
			// Reproducible, flows included.
			again, err := MinCostFlow(g, supply)
			require.NoError(t, err)
			assert.Equal(t, r, again)
		})
	}
}

func TestMinCostFlowNonInteger(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for k := range 100 {
		n := 2 + rng.Intn(25)
		g := Graph{N: n, Arcs: make([]Arc, rng.Intn(4*n))}
		for i := range g.Arcs {
			g.Arcs[i] = mcArc(rng.Intn(n), rng.Intn(n), 10*rng.Float64(), rng.Float64())
		}
		supply := make([]float64, n)
		for v := range supply {
			if rng.Intn(2) == 0 {
				supply[v] = 20*rng.Float64() - 10
			}
		}
		r, err := MinCostFlow(g, supply)
		require.NoError(t, err)
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			mcCheckOptimal(t, g, supply, r, 1e-9)
		})
	}
}

// TestMinCostFlowInterdictionProperty removes every arc in turn: the
// maximum flow cannot grow, and if it stays the same its least cost cannot
// fall (the feasible flows are a subset).
func TestMinCostFlowInterdictionProperty(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	for k := range 40 {
		n := 3 + rng.Intn(12)
		g, supply := mcRandomGraph(rng, n, 3*n, 6, 9, 8, 0.05)
		base, err := MinCostFlow(g, supply)
		require.NoError(t, err)
		for i := range g.Arcs {
			h := Graph{N: g.N, Arcs: slices.Delete(slices.Clone(g.Arcs), i, i+1)}
			r, err := MinCostFlow(h, supply)
			require.NoError(t, err)
			assert.LessOrEqual(t, r.Delivered, base.Delivered, "instance %d without arc %d", k, i)
			if r.Delivered == base.Delivered {
				assert.GreaterOrEqual(t, r.Cost, base.Cost, "instance %d without arc %d", k, i)
			}
			if base.Flow[i] == 0 {
				// an arc without flow changes nothing
				assert.Equal(t, base.Delivered, r.Delivered)
				assert.Equal(t, base.Cost, r.Cost)
			}
		}
	}
}

// mcRefFile is testdata/reference/flow_mincost.json, written by
// flow_mincost.py with NetworkX.
type mcRefFile struct {
	NetworkX  string `json:"networkx"`
	Instances []struct {
		Name   string        `json:"name"`
		N      int           `json:"n"`
		Arcs   [][4]*float64 `json:"arcs"` // from, to, capacity (null: +Inf), cost
		Supply []float64     `json:"supply"`
		Value  float64       `json:"value"`
		Cost   float64       `json:"cost"`
		Inter  []struct {
			Arc   int     `json:"arc"`
			Value float64 `json:"value"`
			Cost  float64 `json:"cost"`
		} `json:"interdictions"`
	} `json:"instances"`
}

func TestMinCostFlowNetworkX(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "reference", "flow_mincost.json"))
	require.NoError(t, err)
	var ref mcRefFile
	require.NoError(t, json.Unmarshal(data, &ref))
	require.GreaterOrEqual(t, len(ref.Instances), 30)
	inter := 0
	for _, in := range ref.Instances {
		t.Run(in.Name, func(t *testing.T) {
			g := Graph{N: in.N, Arcs: make([]Arc, len(in.Arcs))}
			for i, a := range in.Arcs {
				c := mcInf
				if a[2] != nil {
					c = *a[2]
				}
				g.Arcs[i] = mcArc(int(*a[0]), int(*a[1]), c, *a[3])
			}
			r, err := MinCostFlow(g, in.Supply)
			require.NoError(t, err)
			assert.Equal(t, in.Value, r.Delivered, "max flow value vs NetworkX")
			assert.Equal(t, in.Cost, r.Cost, "min cost vs NetworkX")
			mcCheckOptimal(t, g, in.Supply, r, 0)
			for _, x := range in.Inter {
				h := Graph{N: g.N, Arcs: slices.Delete(slices.Clone(g.Arcs), x.Arc, x.Arc+1)}
				r, err := MinCostFlow(h, in.Supply)
				require.NoError(t, err)
				assert.Equal(t, x.Value, r.Delivered, "without arc %d: max flow value vs NetworkX", x.Arc)
				assert.Equal(t, x.Cost, r.Cost, "without arc %d: min cost vs NetworkX", x.Arc)
				mcCheckOptimal(t, h, in.Supply, r, 0)
				inter++
			}
		})
	}
	assert.GreaterOrEqual(t, inter, 30, "interdiction pairs")
}

// mcRouteNetwork is a route-like network for the benchmark: n nodes on a
// √n×√n grid, each with an arc east, an arc south and one arc to a random
// node at most 5 rows and columns away (about 3 arcs per node), integer
// capacities in [1, 20] and costs growing with length; 10 sources in the
// north-west quarter with supply 100 and 10 markets in the south-east
// quarter with demand 100.
func mcRouteNetwork(n int, seed int64) (Graph, []float64) {
	rng := rand.New(rand.NewSource(seed))
	side := int(math.Sqrt(float64(n)))
	n = side * side
	g := Graph{N: n}
	id := func(r, c int) int { return r*side + c }
	for r := range side {
		for c := range side {
			v := id(r, c)
			if c+1 < side {
				g.Arcs = append(g.Arcs, mcArc(v, id(r, c+1), float64(1+rng.Intn(20)), float64(1+rng.Intn(5))))
			}
			if r+1 < side {
				g.Arcs = append(g.Arcs, mcArc(v, id(r+1, c), float64(1+rng.Intn(20)), float64(1+rng.Intn(5))))
			}
			r2 := min(max(r+rng.Intn(11)-5, 0), side-1)
			c2 := min(max(c+rng.Intn(11)-5, 0), side-1)
			length := math.Abs(float64(r2-r)) + math.Abs(float64(c2-c))
			g.Arcs = append(g.Arcs, mcArc(v, id(r2, c2), float64(1+rng.Intn(20)), length+float64(rng.Intn(5))))
		}
	}
	supply := make([]float64, n)
	for placed := 0; placed < 10; {
		v := id(rng.Intn(side/2), rng.Intn(side/2))
		if supply[v] == 0 {
			supply[v] = 100
			placed++
		}
	}
	for placed := 0; placed < 10; {
		v := id(side/2+rng.Intn(side/2), side/2+rng.Intn(side/2))
		if supply[v] == 0 {
			supply[v] = -100
			placed++
		}
	}
	return g, supply
}

func TestMinCostFlowRouteNetwork(t *testing.T) {
	g, supply := mcRouteNetwork(2500, 5)
	r, err := MinCostFlow(g, supply)
	require.NoError(t, err)
	require.Positive(t, r.Delivered)
	mcCheckOptimal(t, g, supply, r, 0)
}

func BenchmarkMinCostFlow(b *testing.B) {
	g, supply := mcRouteNetwork(10000, 1)
	b.ResetTimer()
	var r MinCostResult
	for b.Loop() {
		var err error
		r, err = MinCostFlow(g, supply)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(r.Delivered, "delivered")
	b.ReportMetric(float64(r.Augmentations), "augmentations")
}

func ExampleMinCostFlow() {
	// Two sources (0: 5 units, 1: 3 units), one market (3: 6 units), a
	// transit node 2; the road 2→3 carries at most 4.
	g := Graph{N: 4, Arcs: []Arc{
		{From: 0, To: 2, Capacity: 10, Cost: 1},
		{From: 1, To: 2, Capacity: 10, Cost: 2},
		{From: 2, To: 3, Capacity: 4, Cost: 1},
		{From: 1, To: 3, Capacity: 1, Cost: 9},
	}}
	r, err := MinCostFlow(g, []float64{5, 3, 0, -6})
	if err != nil {
		panic(err)
	}
	fmt.Println("flow", r.Flow)
	fmt.Println("delivered", r.Delivered, "undelivered", r.Undelivered, "unmet", r.Unmet, "cost", r.Cost)
	// Output:
	// flow [4 0 4 1]
	// delivered 5 undelivered 3 unmet 1 cost 17
}
