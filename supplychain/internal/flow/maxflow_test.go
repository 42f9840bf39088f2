package flow

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkFlow asserts that r.Flow respects the capacities, is conserved at
// inner nodes (and, with nodeCap, within node capacities) and has value
// r.Value.
func checkFlow(t *testing.T, g Graph, nodeCap []float64, sources, sinks []int, r FlowResult) {
	t.Helper()
	require.Len(t, r.Flow, len(g.Arcs))
	isSrc, isSnk := roles(g.N, sources, sinks)
	net := make([]float64, g.N) // out − in
	in := make([]float64, g.N)
	for i, a := range g.Arcs {
		f := r.Flow[i]
		assert.GreaterOrEqual(t, f, 0.0, "arc %d", i)
		assert.LessOrEqual(t, f, a.Capacity, "arc %d", i)
		net[a.From] += f
		net[a.To] -= f
		in[a.To] += f
	}
	value := 0.0
	for v := 0; v < g.N; v++ {
		switch {
		case isSrc[v]:
			value += net[v]
		case isSnk[v]:
		default:
			assert.Equal(t, 0.0, net[v], "conservation at node %d", v)
			if nodeCap != nil {
				assert.LessOrEqual(t, in[v], nodeCap[v], "node %d over capacity", v)
			}
		}
	}
	assert.Equal(t, r.Value, value, "flow value")
}

func TestMaxFlowRandomEqualsBruteForceCut(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	finite := 0
	for trial := range 300 {
		inst := randomInstance(rng, 4, 8, 3, 0.1)
		g := inst.g
		want := bruteMinCut(g, inst.sources, inst.sinks, nil, nil)
		r, err := MaxFlow(g, inst.sources, inst.sinks)
		if math.IsInf(want, 1) {
			require.ErrorIs(t, err, ErrInfiniteFlow, "trial %d", trial)
			continue
		}
		finite++
		require.NoError(t, err, "trial %d", trial)
		assert.Equal(t, want, r.Value, "trial %d: value", trial)
		assert.Equal(t, r.Value, r.CutCapacity, "trial %d: cut capacity", trial)
		checkFlow(t, g, nil, inst.sources, inst.sinks, r)
		// The source side is what the residual network reaches.
		side := reachableFrom(g, inst.sources, func(i int, a Arc) bool { return r.Flow[i] < a.Capacity })
		// Reverse residual arcs: flow on a→b lets b reach a.
		for changed := true; changed; {
			changed = false
			for i, a := range g.Arcs {
				if side[a.To] && !side[a.From] && r.Flow[i] > 0 {
					side[a.From] = true
					changed = true
				}
				if side[a.From] && !side[a.To] && r.Flow[i] < a.Capacity {
					side[a.To] = true
					changed = true
				}
			}
		}
		var wantSide, wantCut []int
		for v, in := range side {
			if in {
				wantSide = append(wantSide, v)
			}
		}
		for i, a := range g.Arcs {
			if side[a.From] && !side[a.To] && a.Capacity > 0 {
				wantCut = append(wantCut, i)
			}
		}
		assert.Equal(t, wantSide, r.SourceSide, "trial %d", trial)
		assert.Equal(t, wantCut, r.CutArcs, "trial %d", trial)
		assert.Empty(t, r.CutNodes)
		_, isSnk := roles(g.N, inst.sources, inst.sinks)
		for _, v := range r.SourceSide {
			assert.False(t, isSnk[v], "trial %d: sink %d on the source side", trial, v)
		}
	}
	assert.Greater(t, finite, 200)
}

func TestMaxFlowNodesRandomEqualsBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	finite := [2]int{}
	for trial := range 200 {
		inst := randomInstance(rng, 4, 7, 3, 0.1)
		// Half the trials cut nodes only: every arc infinite.
		if trial%2 == 1 {
			for i := range inst.g.Arcs {
				inst.g.Arcs[i].Capacity = math.Inf(1)
			}
		}
		g := inst.g
		want := bruteNodeCut(g, inst.nodeCap, inst.sources, inst.sinks)
		r, err := MaxFlowNodes(g, inst.nodeCap, inst.sources, inst.sinks)
		if math.IsInf(want, 1) {
			require.ErrorIs(t, err, ErrInfiniteFlow, "trial %d", trial)
			continue
		}
		finite[trial%2]++
		require.NoError(t, err, "trial %d", trial)
		assert.Equal(t, want, r.Value, "trial %d: value", trial)
		checkFlow(t, g, inst.nodeCap, inst.sources, inst.sinks, r)
		// The reported cut separates the sources from the sinks and costs
		// the value.
		c := 0.0
		gone := make([]bool, g.N)
		for _, v := range r.CutNodes {
			gone[v] = true
			c += inst.nodeCap[v]
		}
		cutArc := make([]bool, len(g.Arcs))
		for _, i := range r.CutArcs {
			cutArc[i] = true
			c += g.Arcs[i].Capacity
		}
		assert.Equal(t, r.Value, c, "trial %d: cut capacity", trial)
		assert.Equal(t, r.Value, r.CutCapacity, "trial %d", trial)
		reach := reachableFrom(g, inst.sources, func(i int, a Arc) bool {
			return !cutArc[i] && a.Capacity > 0 && !gone[a.To] && (inst.nodeCap[a.To] > 0 || hasInt(inst.sinks, a.To))
		})
		for _, s := range inst.sinks {
			assert.False(t, reach[s], "trial %d: sink %d still reached", trial, s)
		}
	}
	assert.Greater(t, finite[0], 80, "mixed cuts")
	assert.Greater(t, finite[1], 30, "node-only cuts")
}

func hasInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func TestMaxFlowCases(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name     string
		g        Graph
		src, snk []int
		value    float64
		cut      []int
		side     []int
	}{
		{
			name: "two routes",
			g:    Graph{N: 4, Arcs: []Arc{{0, 1, 3, 0}, {0, 2, 2, 0}, {1, 3, 2, 0}, {2, 3, 3, 0}, {1, 2, 1, 0}}},
			src:  []int{0}, snk: []int{3},
			value: 5, cut: []int{0, 1}, side: []int{0},
		},
		{
			name: "infinite arc never cut",
			g:    Graph{N: 3, Arcs: []Arc{{0, 1, inf, 0}, {1, 2, 4, 0}}},
			src:  []int{0}, snk: []int{2},
			value: 4, cut: []int{1}, side: []int{0, 1},
		},
		{
			name: "multiple sources and sinks, duplicates ignored",
			g:    Graph{N: 4, Arcs: []Arc{{0, 2, 1, 0}, {1, 2, 1, 0}, {2, 3, 5, 0}}},
			src:  []int{1, 0, 1}, snk: []int{3, 3},
			value: 2, cut: []int{0, 1}, side: []int{0, 1},
		},
		{
			name: "no route",
			g:    Graph{N: 3, Arcs: []Arc{{1, 0, 1, 0}}},
			src:  []int{0}, snk: []int{2},
			value: 0, cut: nil, side: []int{0},
		},
		{
			name: "zero-capacity arc not listed",
			g:    Graph{N: 2, Arcs: []Arc{{0, 1, 0, 0}, {0, 1, 2, 0}}},
			src:  []int{0}, snk: []int{1},
			value: 2, cut: []int{1}, side: []int{0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := MaxFlow(tt.g, tt.src, tt.snk)
			require.NoError(t, err)
			assert.Equal(t, tt.value, r.Value)
			assert.Equal(t, tt.cut, r.CutArcs)
			assert.Equal(t, tt.side, r.SourceSide)
			assert.Equal(t, tt.value, r.CutCapacity)
		})
	}
}

func TestMaxFlowNodesCases(t *testing.T) {
	inf := math.Inf(1)
	// 0 → {1, 2} → 3 → 4, arcs uncuttable: node 3 is the bottleneck.
	g := Graph{N: 5, Arcs: []Arc{{0, 1, inf, 0}, {0, 2, inf, 0}, {1, 3, inf, 0}, {2, 3, inf, 0}, {3, 4, inf, 0}}}
	r, err := MaxFlowNodes(g, []float64{0, 2, 2, 3, 0}, []int{0}, []int{4})
	require.NoError(t, err)
	assert.Equal(t, 3.0, r.Value)
	assert.Equal(t, []int{3}, r.CutNodes)
	assert.Empty(t, r.CutArcs)
	assert.Equal(t, []int{0, 1, 2}, r.SourceSide)
	// Node capacity 1 at 1 and 2: both cut.
	r, err = MaxFlowNodes(g, []float64{0, 1, 1, 3, 0}, []int{0}, []int{4})
	require.NoError(t, err)
	assert.Equal(t, 2.0, r.Value)
	assert.Equal(t, []int{1, 2}, r.CutNodes)
	assert.Equal(t, []int{0}, r.SourceSide)
	// A finite arc cheaper than the nodes is cut instead.
	g.Arcs[4].Capacity = 1
	r, err = MaxFlowNodes(g, []float64{0, 2, 2, 3, 0}, []int{0}, []int{4})
	require.NoError(t, err)
	assert.Equal(t, 1.0, r.Value)
	assert.Empty(t, r.CutNodes)
	assert.Equal(t, []int{4}, r.CutArcs)
	// Terminal capacities are ignored; a direct infinite arc is an error.
	g = Graph{N: 2, Arcs: []Arc{{0, 1, inf, 0}}}
	_, err = MaxFlowNodes(g, []float64{0, 0}, []int{0}, []int{1})
	require.ErrorIs(t, err, ErrInfiniteFlow)
	assert.Contains(t, err.Error(), "arc 0 (0→1)")
}

func TestMaxFlowErrors(t *testing.T) {
	inf := math.Inf(1)
	ok := Graph{N: 3, Arcs: []Arc{{0, 1, 1, 1}, {1, 2, 1, 1}}}
	tests := []struct {
		name     string
		g        Graph
		src, snk []int
		err      error
		msg      string
	}{
		{"negative N", Graph{N: -1}, []int{0}, []int{1}, ErrInvalidGraph, "N = -1"},
		{"tail out of range", Graph{N: 2, Arcs: []Arc{{0, 1, 1, 0}, {2, 1, 1, 0}}}, []int{0}, []int{1}, ErrInvalidGraph, "arc 1: tail 2"},
		{"head out of range", Graph{N: 2, Arcs: []Arc{{0, -1, 1, 0}}}, []int{0}, []int{1}, ErrInvalidGraph, "arc 0: head -1"},
		{"negative capacity", Graph{N: 2, Arcs: []Arc{{0, 1, -1, 0}}}, []int{0}, []int{1}, ErrInvalidGraph, "arc 0 (0→1): capacity -1 is negative"},
		{"NaN capacity", Graph{N: 2, Arcs: []Arc{{0, 1, math.NaN(), 0}}}, []int{0}, []int{1}, ErrInvalidGraph, "capacity is NaN"},
		{"infinite cost", Graph{N: 2, Arcs: []Arc{{0, 1, 1, inf}}}, []int{0}, []int{1}, ErrInvalidGraph, "cost +Inf is not finite"},
		{"negative cost", Graph{N: 2, Arcs: []Arc{{0, 1, 1, -2}}}, []int{0}, []int{1}, ErrInvalidGraph, "cost -2 is negative"},
		{"no sources", ok, nil, []int{2}, ErrInvalidTerminals, "no sources"},
		{"no sinks", ok, []int{0}, nil, ErrInvalidTerminals, "no sinks"},
		{"source out of range", ok, []int{3}, []int{2}, ErrInvalidTerminals, "source 3"},
		{"sink out of range", ok, []int{0}, []int{-1}, ErrInvalidTerminals, "sink -1"},
		{"source is sink", ok, []int{0, 1}, []int{1}, ErrInvalidTerminals, "node 1 is both"},
		{"infinite flow", Graph{N: 3, Arcs: []Arc{{0, 1, inf, 0}, {1, 2, inf, 0}}}, []int{0}, []int{2}, ErrInfiniteFlow, "arc 0 (0→1), arc 1 (1→2)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := MaxFlow(tt.g, tt.src, tt.snk)
			require.ErrorIs(t, err, tt.err)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
	_, err := MaxFlowNodes(ok, []float64{1, 1}, []int{0}, []int{2})
	require.ErrorIs(t, err, ErrInvalidArgument)
	_, err = MaxFlowNodes(ok, []float64{1, -1, 1}, []int{0}, []int{2})
	require.ErrorIs(t, err, ErrInvalidArgument)
	assert.Contains(t, err.Error(), "node 1")
}
