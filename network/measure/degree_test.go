package measure

import (
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// generalRef is one graph's entry of testdata/reference/general.json
// (written by testdata/reference/general.py).
type generalRef struct {
	IDs                  []string   `json:"ids"`
	Directed             bool       `json:"directed"`
	Weighted             bool       `json:"weighted"`
	Degree               []float64  `json:"degree"`
	InDegree             []float64  `json:"in_degree"`
	OutDegree            []float64  `json:"out_degree"`
	Strength             []float64  `json:"strength"`
	InStrength           []float64  `json:"in_strength"`
	OutStrength          []float64  `json:"out_strength"`
	Eigenvector          []float64  `json:"eigenvector"`
	EigenvectorLCC       []*float64 `json:"eigenvector_lcc"`
	PageRank             []float64  `json:"pagerank"`
	Personalization      []float64  `json:"personalization"`
	PageRankPersonalized []float64  `json:"pagerank_personalized"`
	KatzAlpha            float64    `json:"katz_alpha"`
	Katz                 []float64  `json:"katz"`
	CoreNumber           []int      `json:"core_number"`
	Components           [][]int    `json:"components"`
	SCC                  [][]int    `json:"scc"`
	ArticulationPoints   []int      `json:"articulation_points"`
	Bridges              [][2]int   `json:"bridges"`
	Clustering           []float64  `json:"clustering"`
	AverageClustering    float64    `json:"average_clustering"`
	ClusteringWeighted   []float64  `json:"clustering_weighted"`
}

var (
	generalOnce sync.Once
	generalData map[string]*generalRef
)

// loadGeneral returns the reference values of general.json, read once.
func loadGeneral(t testing.TB) map[string]*generalRef {
	t.Helper()
	generalOnce.Do(func() { loadReference(t, "general.json", &generalData) })
	require.NotNil(t, generalData)
	return generalData
}

// allGraphs lists every reference graph.
func allGraphs() []string { return slices.Concat(generatedGraphs, datasetGraphs) }

// valueByID returns v at the node whose actor ID is id.
func valueByID(t *testing.T, ids []string, v []float64, id string) float64 {
	t.Helper()
	i := slices.Index(ids, id)
	require.GreaterOrEqual(t, i, 0, "actor %q", id)
	return v[i]
}

func TestDegreeReference(t *testing.T) {
	ref := loadGeneral(t)
	for _, name := range allGraphs() {
		t.Run(name, func(t *testing.T) {
			r := ref[name]
			require.NotNil(t, r)
			g := loadGraph(t, name)
			assertClose(t, r.Degree, Degree(g), 1e-12, "degree")
			if r.Directed {
				assertClose(t, r.InDegree, InDegree(g), 1e-12, "in-degree")
				assertClose(t, r.OutDegree, OutDegree(g), 1e-12, "out-degree")
			} else {
				assert.Equal(t, Degree(g), InDegree(g))
				assert.Equal(t, Degree(g), OutDegree(g))
			}
			if r.Weighted {
				assertClose(t, r.Strength, Strength(g, Both), 1e-12, "strength")
				if r.Directed {
					assertClose(t, r.InStrength, Strength(g, In), 1e-12, "in-strength")
					assertClose(t, r.OutStrength, Strength(g, Out), 1e-12, "out-strength")
				} else {
					assert.Equal(t, Strength(g, Both), Strength(g, In))
				}
			} else {
				// Unweighted: strength is the raw degree.
				for i, s := range Strength(g, Both) {
					d := g.OutDegree(i)
					if g.Directed() {
						d += g.InDegree(i)
					}
					assert.Equal(t, float64(d), s)
				}
			}
		})
	}
}

func TestDegreePublished(t *testing.T) {
	// The reference table published with the datasets (networkx 3.6.1), to 4 decimals.
	g, ids := loadDataset(t, "krebs-911")
	d := Degree(g)
	assert.InDelta(t, 0.3284, valueByID(t, ids, d, "14"), 1e-4, "Mohamed Atta")
	assert.InDelta(t, 0.2687, valueByID(t, ids, d, "16"), 1e-4, "Marwan Al-Shehhi")

	g, ids = loadDataset(t, "caviar")
	assert.InDelta(t, 0.3486, valueByID(t, ids, InDegree(g), "1"), 1e-4, "N1 in-degree")
	assert.InDelta(t, 0.4771, valueByID(t, ids, OutDegree(g), "1"), 1e-4, "N1 out-degree")
	g, ids = loadDataset(t, "caviar-undirected")
	assert.InDelta(t, 0.5229, valueByID(t, ids, Degree(g), "1"), 1e-4, "N1 degree")

	g, ids = loadDataset(t, "florentine")
	d = Degree(g)
	assert.InDelta(t, 0.4000, valueByID(t, ids, d, "Medici"), 1e-4)
	assert.InDelta(t, 0.2667, valueByID(t, ids, d, "Strozzi"), 1e-4)
	assert.InDelta(t, 0.0, valueByID(t, ids, d, "Pucci"), 1e-4)
}

func TestDegreeSmall(t *testing.T) {
	one, err := FromEdges(1, false, nil, nil, nil)
	require.NoError(t, err)
	assert.Equal(t, []float64{1}, Degree(one))
	empty, err := FromEdges(0, true, nil, nil, nil)
	require.NoError(t, err)
	assert.Empty(t, Degree(empty))
	g, err := FromEdges(3, true, []int{0, 0, 1}, []int{1, 2, 0}, []float64{2, 3, 5})
	require.NoError(t, err)
	assert.Equal(t, []float64{1.5, 1, 0.5}, Degree(g))
	assert.Equal(t, []float64{0.5, 0.5, 0.5}, InDegree(g))
	assert.Equal(t, []float64{1, 0.5, 0}, OutDegree(g))
	assert.Equal(t, []float64{5, 5, 0}, Strength(g, Out))
	assert.Equal(t, []float64{5, 2, 3}, Strength(g, In))
	assert.Equal(t, []float64{10, 7, 3}, Strength(g, Both))
}
