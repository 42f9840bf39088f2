package flow

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// components counts the connected components of the undirected multigraph
// on the nodes in keep with an edge per arc i (not skip) between kept nodes.
func components(g Graph, keep []bool, skip int) int {
	parent := make([]int, g.N)
	for v := range parent {
		parent[v] = v
	}
	var find func(int) int
	find = func(v int) int {
		if parent[v] != v {
			parent[v] = find(parent[v])
		}
		return parent[v]
	}
	c := 0
	for v := range keep {
		if keep[v] {
			c++
		}
	}
	for i, a := range g.Arcs {
		if i == skip || !keep[a.From] || !keep[a.To] {
			continue
		}
		if x, y := find(a.From), find(a.To); x != y {
			parent[x] = y
			c--
		}
	}
	return c
}

func TestArticulationRandomEqualsBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	points, bridges := 0, 0
	for trial := range 300 {
		inst := randomInstance(rng, 4, 10, 2, 0)
		g := inst.g
		got, err := Articulation(g, inst.sources, inst.sinks)
		require.NoError(t, err)
		all := func(int, Arc) bool { return true }
		fwd := reachableFrom(g, inst.sources, all)
		rev := Graph{N: g.N}
		for _, a := range g.Arcs {
			rev.Arcs = append(rev.Arcs, Arc{From: a.To, To: a.From})
		}
		bwd := reachableFrom(rev, inst.sinks, all)
		keep := make([]bool, g.N)
		var nodes, wantPoints, wantBridges []int
		for v := range keep {
			keep[v] = fwd[v] && bwd[v]
			if keep[v] {
				nodes = append(nodes, v)
			}
		}
		base := components(g, keep, -1)
		for _, v := range nodes {
			keep[v] = false
			if components(g, keep, -1) > base {
				wantPoints = append(wantPoints, v)
			}
			keep[v] = true
		}
		for i, a := range g.Arcs {
			if a.From != a.To && keep[a.From] && keep[a.To] && components(g, keep, i) > base {
				wantBridges = append(wantBridges, i)
			}
		}
		assert.Equal(t, nodes, got.Nodes, "trial %d", trial)
		assert.Equal(t, wantPoints, got.Points, "trial %d", trial)
		assert.Equal(t, wantBridges, got.Bridges, "trial %d", trial)
		points += len(wantPoints)
		bridges += len(wantBridges)
	}
	assert.Greater(t, points, 100)
	assert.Greater(t, bridges, 100)
}

func TestArticulationCases(t *testing.T) {
	// 0 → 1 → 2 → 3 with a detour 1 → 4 → 2 and a dead end 2 → 5, a
	// parallel pair 3 ⇄ 6 → 7 (sink).
	g := Graph{N: 8, Arcs: []Arc{
		{0, 1, 1, 1}, {1, 2, 1, 1}, {2, 3, 1, 1}, {1, 4, 1, 1}, {4, 2, 1, 1},
		{2, 5, 1, 1}, {3, 6, 1, 1}, {6, 3, 1, 1}, {6, 7, 1, 1},
	}}
	r, err := Articulation(g, []int{0}, []int{7})
	require.NoError(t, err)
	assert.Equal(t, []int{0, 1, 2, 3, 4, 6, 7}, r.Nodes)
	assert.Equal(t, []int{1, 2, 3, 6}, r.Points)
	assert.Equal(t, []int{0, 2, 8}, r.Bridges)
}
