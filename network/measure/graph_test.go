package measure

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/graph/simple"
)

func TestNewFromGonum(t *testing.T) {
	g := simple.NewWeightedDirectedGraph(0, 0)
	for _, e := range []struct {
		u, v int64
		w    float64
	}{{10, 20, 2}, {20, 30, 3}, {30, 10, 1}, {10, 30, 5}} {
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(e.u), simple.Node(e.v), e.w))
	}
	c, err := New(g, true)
	require.NoError(t, err)
	assert.True(t, c.Directed())
	assert.Equal(t, 3, c.Len())
	assert.Equal(t, 4, c.NumEdges())
	assert.Equal(t, int64(20), c.ID(1))
	i, ok := c.Index(30)
	assert.True(t, ok)
	assert.Equal(t, 2, i)
	adj, w := c.Out(0)
	assert.Equal(t, []int32{1, 2}, adj)
	assert.Equal(t, []float64{2, 5}, w)
	adj, w = c.In(2)
	assert.Equal(t, []int32{0, 1}, adj)
	assert.Equal(t, []float64{5, 3}, w)
	wt, ok := c.Weight(2, 0)
	assert.True(t, ok)
	assert.Equal(t, 1.0, wt)

	u := c.Undirected()
	assert.False(t, u.Directed())
	assert.Equal(t, 3, u.NumEdges())
	wt, _ = u.Weight(2, 0)
	assert.Equal(t, 5.0, wt, "the arc from the lower index (10→30, weight 5) wins")

	_, err = New(simple.NewDirectedGraph(), true)
	assert.ErrorContains(t, err, "graph.Weighted")
	bad := simple.NewWeightedUndirectedGraph(0, 0)
	bad.SetWeightedEdge(bad.NewWeightedEdge(simple.Node(1), simple.Node(2), -1))
	_, err = New(bad, true)
	assert.ErrorContains(t, err, "weight -1")
}

func TestReferenceGraphsLoad(t *testing.T) {
	sizes := map[string][2]int{
		"er_60": {60, 145}, "ba_100": {100, 291}, "dir_er_50": {50, 131}, "weighted_er_40": {40, 123},
		"weighted_dir_40": {40, 146}, "disconnected_70": {70, 91}, "dir_ba_200": {200, 417},
		"krebs-911": {68, 158}, "caviar": {110, 303}, "caviar-undirected": {110, 214}, "florentine": {16, 20}, "rhodes-n17": {22, 66},
	}
	for name, want := range sizes {
		g := loadGraph(t, name)
		assert.Equal(t, want[0], g.Len(), name)
		assert.Equal(t, want[1], g.NumEdges(), name)
	}
}
