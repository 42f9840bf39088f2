package measure

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"
)

func TestCohesionReference(t *testing.T) {
	ref := loadGeneral(t)
	for _, name := range allGraphs() {
		t.Run(name, func(t *testing.T) {
			r := ref[name]
			g := loadGraph(t, name)
			assert.Equal(t, r.CoreNumber, CoreNumber(g), "core number")
			assert.Equal(t, r.Components, Components(g), "components")
			if r.Directed {
				assert.Equal(t, r.SCC, StronglyConnectedComponents(g), "strongly connected components")
			} else {
				assert.Equal(t, r.Components, StronglyConnectedComponents(g), "SCC of an undirected graph")
			}
			assert.Equal(t, nonNil(r.ArticulationPoints), nonNil(ArticulationPoints(g)), "articulation points")
			assert.Equal(t, nonNil(r.Bridges), nonNil(Bridges(g)), "bridges")
		})
	}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// sortedPartition sorts gonum's components the way ours are.
func sortedPartition(parts [][]graph.Node) [][]int {
	out := make([][]int, len(parts))
	for k, p := range parts {
		for _, n := range p {
			out[k] = append(out[k], int(n.ID()))
		}
		slices.Sort(out[k])
	}
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
}

func TestComponentsGonum(t *testing.T) {
	for _, name := range []string{"disconnected_70", "krebs-911", "caviar", "dir_ba_200"} {
		g := loadGraph(t, name)
		if g.Directed() {
			dg := simple.NewDirectedGraph()
			for u := 0; u < g.Len(); u++ {
				dg.AddNode(simple.Node(u))
			}
			for u := 0; u < g.Len(); u++ {
				adj, _ := g.Out(u)
				for _, v := range adj {
					dg.SetEdge(simple.Edge{F: simple.Node(u), T: simple.Node(v)})
				}
			}
			assert.Equal(t, sortedPartition(topo.TarjanSCC(dg)), StronglyConnectedComponents(g), name)
			continue
		}
		ug := simple.NewUndirectedGraph()
		for u := 0; u < g.Len(); u++ {
			ug.AddNode(simple.Node(u))
		}
		for u := 0; u < g.Len(); u++ {
			adj, _ := g.Out(u)
			for _, v := range adj {
				ug.SetEdge(simple.Edge{F: simple.Node(u), T: simple.Node(v)})
			}
		}
		assert.Equal(t, sortedPartition(topo.ConnectedComponents(ug)), Components(g), name)
	}
}

func TestCohesionSmall(t *testing.T) {
	// Two triangles 0-1-2 and 3-4-5 joined by the bridge 2–3, a pendant
	// 6 on 5, and an isolate 7.
	g, err := FromEdges(8, false, []int{0, 1, 2, 3, 4, 5, 2, 5}, []int{1, 2, 0, 4, 5, 3, 3, 6}, nil)
	require.NoError(t, err)
	assert.Equal(t, []int{2, 2, 2, 2, 2, 2, 1, 0}, CoreNumber(g))
	assert.Equal(t, [][]int{{0, 1, 2, 3, 4, 5, 6}, {7}}, Components(g))
	assert.Equal(t, []int{2, 3, 5}, ArticulationPoints(g))
	assert.Equal(t, [][2]int{{2, 3}, {5, 6}}, Bridges(g))

	// Directed: a 3-cycle 0→1→2→0 feeding 3, and 3⇄4. Core numbers count
	// a reciprocated pair twice (NetworkX).
	d, err := FromEdges(5, true, []int{0, 1, 2, 2, 3, 4}, []int{1, 2, 0, 3, 4, 3}, nil)
	require.NoError(t, err)
	assert.Equal(t, [][]int{{0, 1, 2}, {3, 4}}, StronglyConnectedComponents(d))
	assert.Equal(t, [][]int{{0, 1, 2, 3, 4}}, Components(d))
	assert.Equal(t, []int{2, 2, 2, 2, 2}, CoreNumber(d))
	assert.Equal(t, []int{2, 3}, ArticulationPoints(d))
	assert.Equal(t, [][2]int{{2, 3}, {3, 4}}, Bridges(d))

	empty, err := FromEdges(0, true, nil, nil, nil)
	require.NoError(t, err)
	assert.Empty(t, CoreNumber(empty))
	assert.Empty(t, Components(empty))
	assert.Empty(t, StronglyConnectedComponents(empty))
	assert.Empty(t, ArticulationPoints(empty))
	assert.Empty(t, Bridges(empty))
}

func TestCohesionDeepPath(t *testing.T) {
	// A 200 000-node path would overflow a recursive search's stack budget
	// in many languages; every search here is iterative.
	const n = 200000
	from, to := make([]int, n-1), make([]int, n-1)
	for i := range from {
		from[i], to[i] = i, i+1
	}
	d, err := FromEdges(n, true, from, to, nil)
	require.NoError(t, err)
	scc := StronglyConnectedComponents(d)
	assert.Len(t, scc, n)
	assert.Equal(t, []int{n - 1}, scc[n-1])
	// Close the cycle: one component.
	d, err = FromEdges(n, true, append(from, n-1), append(to, 0), nil)
	require.NoError(t, err)
	assert.Len(t, StronglyConnectedComponents(d), 1)

	u, err := FromEdges(n, false, from, to, nil)
	require.NoError(t, err)
	assert.Len(t, Components(u), 1)
	assert.Len(t, ArticulationPoints(u), n-2)
	assert.Len(t, Bridges(u), n-1)
	core := CoreNumber(u)
	assert.Equal(t, 1, slices.Max(core))
	assert.Equal(t, 1, slices.Min(core))
}
