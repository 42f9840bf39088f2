package measure

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClusteringReference(t *testing.T) {
	ref := loadGeneral(t)
	for _, name := range allGraphs() {
		t.Run(name, func(t *testing.T) {
			r := ref[name]
			g := loadGraph(t, name)
			assertClose(t, r.Clustering, Clustering(g), 1e-12, "clustering")
			assert.InDelta(t, r.AverageClustering, AverageClustering(g), 1e-12, "average clustering")
			if r.Weighted {
				assertClose(t, r.ClusteringWeighted, WeightedClustering(g), 1e-12, "weighted clustering")
			} else {
				assertClose(t, r.Clustering, WeightedClustering(g), 1e-12, "weighted clustering of an unweighted graph")
			}
		})
	}
}

func TestClusteringSmall(t *testing.T) {
	// Triangle 0-1-2 with a pendant 3 on 2: c2 = 1/3.
	g, err := FromEdges(4, false, []int{0, 1, 2, 2}, []int{1, 2, 0, 3}, nil)
	require.NoError(t, err)
	assert.Equal(t, []float64{1, 1, 1.0 / 3, 0}, Clustering(g))
	assert.InDelta(t, (2+1.0/3)/4, AverageClustering(g), 1e-15)

	// Directed 3-cycle: d_tot = 2, no reciprocated pair and T = 2, so
	// c = 2 / (2·(2·1 − 0)) = 0.5 for every node, as NetworkX gives.
	d, err := FromEdges(3, true, []int{0, 1, 2}, []int{1, 2, 0}, nil)
	require.NoError(t, err)
	assert.Equal(t, []float64{0.5, 0.5, 0.5}, Clustering(d))

	// Weighted triangle with weights 1, 1, 8 (max 8): every node gets
	// cbrt(1/8 · 1/8 · 1) = 1/4; the pendant edge weight does not matter.
	w, err := FromEdges(4, false, []int{0, 1, 2, 2}, []int{1, 2, 0, 3}, []float64{1, 1, 8, 2})
	require.NoError(t, err)
	assertClose(t, []float64{0.25, 0.25, 0.25 / 3, 0}, WeightedClustering(w), 1e-15, "weighted")

	empty, err := FromEdges(0, false, nil, nil, nil)
	require.NoError(t, err)
	assert.Empty(t, Clustering(empty))
	assert.Empty(t, WeightedClustering(empty))
	assert.True(t, math.IsNaN(AverageClustering(empty)))
}
