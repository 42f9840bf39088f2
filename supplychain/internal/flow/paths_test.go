package flow

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheapestPathRandomEqualsBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	found := 0
	for trial := range 300 {
		inst := randomInstance(rng, 4, 8, 3, 0)
		// Many zero costs make ties (and zero-cost cycles) common.
		for i := range inst.g.Arcs {
			if rng.IntN(3) == 0 {
				inst.g.Arcs[i].Cost = 0
			}
		}
		want := bruteCheapest(inst.g, inst.sources, inst.sinks, nil, nil)
		got, err := CheapestPath(inst.g, inst.sources, inst.sinks)
		require.NoError(t, err)
		assert.Equal(t, want, got, "trial %d", trial)
		if got.Arcs != nil {
			found++
		}
	}
	assert.Greater(t, found, 150)
}

func TestKCheapestRandomEqualsBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	many := 0
	for trial := range 200 {
		inst := randomInstance(rng, 5, 8, 4, 0)
		for i := range inst.g.Arcs {
			if rng.IntN(3) == 0 {
				inst.g.Arcs[i].Cost = 0
			}
		}
		s, tt := inst.sources[0], inst.sinks[0]
		all := simplePaths(inst.g, s, tt, nil, nil)
		slices.SortFunc(all, comparePaths)
		if len(all) > 10 {
			many++
		}
		for _, k := range []int{1, 2, 5, len(all), len(all) + 3} {
			got, err := KCheapest(inst.g, s, tt, k)
			require.NoError(t, err)
			want := all[:min(k, len(all))]
			if len(want) == 0 {
				want = nil
			}
			require.Equal(t, want, got, "trial %d, k = %d", trial, k)
		}
	}
	assert.Greater(t, many, 20, "instances with more than 10 paths")
}

func TestKCheapestCases(t *testing.T) {
	// Parallel arcs 0 and 1 give two paths of equal cost; arc order breaks
	// the tie. 0→2 direct costs 2 as well but has fewer arcs.
	g := Graph{N: 3, Arcs: []Arc{
		{0, 1, 1, 1}, {0, 1, 1, 1}, {1, 2, 1, 1}, {0, 2, 1, 2}, {2, 0, 1, 0},
	}}
	got, err := KCheapest(g, 0, 2, 10)
	require.NoError(t, err)
	require.Len(t, got, 3)
	assert.Equal(t, Path{Arcs: []int{3}, Nodes: []int{0, 2}, Cost: 2}, got[0])
	assert.Equal(t, Path{Arcs: []int{0, 2}, Nodes: []int{0, 1, 2}, Cost: 2}, got[1])
	assert.Equal(t, Path{Arcs: []int{1, 2}, Nodes: []int{0, 1, 2}, Cost: 2}, got[2])

	got, err = KCheapest(g, 2, 1, 3)
	require.NoError(t, err)
	assert.Equal(t, []Path{
		{Arcs: []int{4, 0}, Nodes: []int{2, 0, 1}, Cost: 1},
		{Arcs: []int{4, 1}, Nodes: []int{2, 0, 1}, Cost: 1},
	}, got)

	got, err = KCheapest(Graph{N: 2}, 0, 1, 3)
	require.NoError(t, err)
	assert.Nil(t, got)
	got, err = KCheapest(g, 0, 2, 0)
	require.NoError(t, err)
	assert.Nil(t, got)

	for _, bad := range []struct{ s, t, k int }{{0, 0, 1}, {-1, 2, 1}, {0, 3, 1}, {0, 2, -1}} {
		_, err := KCheapest(g, bad.s, bad.t, bad.k)
		assert.Error(t, err, "%+v", bad)
	}
	_, err = KCheapest(Graph{N: 1, Arcs: []Arc{{0, 1, 1, 1}}}, 0, 0, 1)
	assert.ErrorIs(t, err, ErrInvalidGraph)
}

func TestCheapestPathCases(t *testing.T) {
	g := Graph{N: 5, Arcs: []Arc{
		{0, 2, 1, 3}, {1, 2, 1, 1}, {2, 3, 1, 1}, {2, 4, 1, 1}, {1, 4, 1, 2},
	}}
	p, err := CheapestPath(g, []int{0, 1}, []int{3, 4})
	require.NoError(t, err)
	// 1→4 (cost 2, 1 arc) beats 1→2→3 and 1→2→4 (cost 2, 2 arcs).
	assert.Equal(t, Path{Arcs: []int{4}, Nodes: []int{1, 4}, Cost: 2}, p)
	p, err = CheapestPath(g, []int{0}, []int{3, 4})
	require.NoError(t, err)
	assert.Equal(t, Path{Arcs: []int{0, 2}, Nodes: []int{0, 2, 3}, Cost: 4}, p)
	p, err = CheapestPath(g, []int{3}, []int{0})
	require.NoError(t, err)
	assert.True(t, math.IsInf(p.Cost, 1))
	assert.Nil(t, p.Arcs)
	_, err = CheapestPath(g, []int{3}, []int{3})
	assert.ErrorIs(t, err, ErrInvalidTerminals)
}
