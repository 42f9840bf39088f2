package flow

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dinicReference runs Dinic's algorithm on the network MaxFlow builds and
// returns the value and the residual reachability from the super source.
func dinicReference(g Graph, sources, sinks []int) (float64, []bool) {
	n := g.N
	var l edgeList
	for _, a := range g.Arcs {
		l.add(a.From, a.To, a.Capacity)
	}
	for _, v := range sources {
		l.add(n, v, math.Inf(1))
	}
	for _, v := range sinks {
		l.add(v, n+1, math.Inf(1))
	}
	nw := l.build(n + 2)
	value := nw.maxFlow(n, n+1)
	side := make([]bool, n+2)
	nw.reachable(n, side)
	return value, side[:n]
}

// TestMaxFlowPushRelabelEqualsDinic compares MaxFlow with Dinic's
// algorithm on medium random and route-like networks, some arcs infinite.
func TestMaxFlowPushRelabelEqualsDinic(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	finite := 0
	for trial := range 60 {
		var g Graph
		var src, snk []int
		if trial%3 == 0 {
			g, src, snk = routeNetwork(200+rng.IntN(800), 3, 1+rng.IntN(5), uint64(trial))
		} else {
			inst := randomInstance(rng, 20, 200, 4, 0.05*float64(trial%2))
			g, src, snk = inst.g, inst.sources, inst.sinks
		}
		if trial%4 == 1 {
			for i := range g.Arcs {
				if rng.IntN(8) == 0 {
					g.Arcs[i].Capacity = math.Inf(1)
				}
			}
		}
		r, err := MaxFlow(g, src, snk)
		if err != nil {
			require.ErrorIs(t, err, ErrInfiniteFlow, "trial %d", trial)
			continue
		}
		finite++
		value, side := dinicReference(g, src, snk)
		assert.Equal(t, value, r.Value, "trial %d", trial)
		assert.Equal(t, value, r.CutCapacity, "trial %d", trial)
		checkFlow(t, g, nil, src, snk, r)
		var wantSide []int
		for v, in := range side {
			if in {
				wantSide = append(wantSide, v)
			}
		}
		assert.Equal(t, wantSide, r.SourceSide, "trial %d", trial)
		again, err := MaxFlow(g, src, snk)
		require.NoError(t, err)
		assert.Equal(t, r, again, "trial %d: deterministic", trial)
	}
	assert.Greater(t, finite, 40)
}
