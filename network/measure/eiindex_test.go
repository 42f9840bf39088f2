package measure

import (
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEIIndexUndirected(t *testing.T) {
	// Group A = {0, 1, 2} (a triangle), B = {3, 4} (one edge), and the
	// bridge 2–3: E = 1, I = 4.
	g, err := FromEdges(5, false, []int{0, 1, 0, 3, 2}, []int{1, 2, 2, 4, 3}, nil)
	require.NoError(t, err)
	r, err := EIIndex(g, []string{"A", "A", "A", "B", "B"})
	require.NoError(t, err)
	assert.Equal(t, 1.0, r.External)
	assert.Equal(t, 4.0, r.Internal)
	assert.InDelta(t, -0.6, r.Index, 1e-15)
	assert.Equal(t, []int{0, 0, 0, 1, 1}, r.Group)
	assert.Equal(t, []int{3, 2}, r.GroupSize)
	assert.Equal(t, []float64{1, 1}, r.GroupExternal)
	assert.Equal(t, []float64{3, 1}, r.GroupInternal)
	assert.InDeltaSlice(t, []float64{-0.5, 0}, r.GroupIndex, 1e-15)
	assert.Equal(t, []float64{0, 0, 1, 1, 0}, r.NodeExternal)
	assert.Equal(t, []float64{2, 2, 2, 1, 1}, r.NodeInternal)
	assert.InDeltaSlice(t, []float64{-1, -1, -1.0 / 3, 0, -1}, r.NodeIndex, 1e-15)

	_, err = EIIndex(g, []int{1, 2})
	assert.Error(t, err)
}

func TestEIIndexDirectedWeighted(t *testing.T) {
	// A = {0, 1}, B = {2}; arcs 0→1, 1→0 (internal), 0→2, 2→0, 2→1
	// (external): E = 3, I = 2.
	g, err := FromEdges(3, true, []int{0, 1, 0, 2, 2}, []int{1, 0, 2, 0, 1}, nil)
	require.NoError(t, err)
	r, err := EIIndex(g, []int{5, 5, 7})
	require.NoError(t, err)
	assert.InDelta(t, 0.2, r.Index, 1e-15)
	assert.InDeltaSlice(t, []float64{0.2, 1}, r.GroupIndex, 1e-15)
	assert.InDeltaSlice(t, []float64{0, -1.0 / 3, 1}, r.NodeIndex, 1e-15)

	// Weighted: 0–1 weighs 3 (internal), 1–2 weighs 1 (external); node 3
	// is an isolate (NaN).
	w, err := FromEdges(4, false, []int{0, 1}, []int{1, 2}, []float64{3, 1})
	require.NoError(t, err)
	r, err = EIIndex(w, []string{"x", "x", "y", "y"})
	require.NoError(t, err)
	assert.InDelta(t, -0.5, r.Index, 1e-15)
	assert.InDelta(t, 0.5, r.GroupIndex[0]*-1, 1e-15) // E 1, I 3
	assert.InDelta(t, 1.0, r.GroupIndex[1], 1e-15)    // E 1, I 0
	assert.True(t, math.IsNaN(r.NodeIndex[3]))
}

// cliques returns k disjoint cliques of s nodes and the partition into
// them.
func cliques(t *testing.T, k, s int) (*Graph, []int) {
	var from, to, groups []int
	for c := 0; c < k; c++ {
		for i := 0; i < s; i++ {
			groups = append(groups, c)
			for j := i + 1; j < s; j++ {
				from, to = append(from, c*s+i), append(to, c*s+j)
			}
		}
	}
	g, err := FromEdges(k*s, false, from, to, nil)
	require.NoError(t, err)
	return g, groups
}

func TestEIPermutationTest(t *testing.T) {
	g, groups := cliques(t, 4, 5)
	r, err := EIPermutationTest(g, groups, 2000, 42)
	require.NoError(t, err)
	assert.Equal(t, -1.0, r.Observed)
	assert.Equal(t, 2000, r.Permutations)
	assert.Less(t, r.PLess, 0.001, "perfect segregation is rare under relabelling")
	assert.Equal(t, 1.0, r.PGreater)
	assert.GreaterOrEqual(t, r.Min, -1.0)
	assert.LessOrEqual(t, r.Max, 1.0)
	assert.Less(t, r.Min, r.Mean)
	assert.Less(t, r.Mean, r.Max)
	// Under relabelling a tie is internal with probability
	// Σ n_k(n_k−1) / (n(n−1)) = 4·20/380, so E[E–I] = 1 − 2·80/380.
	assert.InDelta(t, 1-2*80.0/380, r.Mean, 0.01)
	assert.Greater(t, r.SD, 0.0)

	// Deterministic for a seed, and the seed matters.
	again, err := EIPermutationTest(g, groups, 2000, 42)
	require.NoError(t, err)
	assert.Equal(t, r, again)
	// Golden values for seed 42: they change only if the shuffle does.
	assert.InDelta(t, 0.578325, r.Mean, 1e-12)
	assert.Equal(t, 0.05, r.Min)
	assert.Equal(t, 0.8, r.Max)
	assert.Equal(t, 0.0, r.PLess)
	other, err := EIPermutationTest(g, groups, 2000, 43)
	require.NoError(t, err)
	assert.NotEqual(t, r.Mean, other.Mean)

	// Groups that cut across the cliques: every tie is external.
	cross := make([]int, len(groups))
	for i := range cross {
		cross[i] = i % 5 // each clique holds one member of each group
	}
	r, err = EIPermutationTest(g, cross, 1000, 1)
	require.NoError(t, err)
	assert.Equal(t, 1.0, r.Observed)
	assert.Equal(t, 1.0, r.PLess)
	assert.Less(t, r.PGreater, 0.01)

	// On a real network: krebs-911 hijackers by flight.
	k, ids := loadDataset(t, "krebs-911")
	flight := krebsFlights(t, ids)
	r, err = EIPermutationTest(k, flight, 1000, 7)
	require.NoError(t, err)
	obs, err := EIIndex(k, flight)
	require.NoError(t, err)
	assert.Equal(t, obs.Index, r.Observed)
	// 158 distinct pairs, 72 across flights (the 49 non-hijackers, with
	// an empty flight, form one group) and 86 within, counted
	// independently from the CSV files with a few lines of Python.
	assert.Equal(t, 72.0, obs.External)
	assert.Equal(t, 86.0, obs.Internal)
	assert.InDelta(t, -14.0/158, obs.Index, 1e-15)
	assert.InDelta(t, 1.0, r.PGreater+r.PLess, 0.2)

	_, err = EIPermutationTest(g, groups, 0, 1)
	assert.Error(t, err)
	empty, _ := FromEdges(3, false, nil, nil, nil)
	r, err = EIPermutationTest(empty, []int{0, 0, 1}, 10, 1)
	require.NoError(t, err)
	assert.True(t, math.IsNaN(r.Observed) && math.IsNaN(r.PLess))
}

// krebsFlights reads the `flight` column of testdata/krebs-911/nodes.csv
// for the actors ids ("" for the non-hijackers).
func krebsFlights(t *testing.T, ids []string) []string {
	f, err := os.Open(refDir + "/../krebs-911/nodes.csv")
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	flight := make(map[string]string)
	for _, row := range rows[1:] {
		flight[row[0]] = row[2]
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		l, ok := flight[id]
		require.True(t, ok, id)
		out[i] = l
	}
	return out
}

func TestEIBounded(t *testing.T) {
	src := rand.NewPCG(1, 2)
	counts := make([]int, 3)
	for i := 0; i < 30000; i++ {
		counts[eiBounded(src, 3)]++
	}
	for _, c := range counts {
		assert.InDelta(t, 10000, c, 400)
	}
}

// ExampleEIIndex computes the E–I index of two triangles joined by one
// edge, split into the two triangles.
func ExampleEIIndex() {
	g, _ := FromEdges(6, false,
		[]int{0, 1, 0, 3, 4, 3, 2},
		[]int{1, 2, 2, 4, 5, 5, 3}, nil)
	r, _ := EIIndex(g, []string{"a", "a", "a", "b", "b", "b"})
	fmt.Printf("E=%v I=%v E-I=%.3f\n", r.External, r.Internal, r.Index)
	fmt.Printf("group a: %.3f, node 2: %.3f\n", r.GroupIndex[0], r.NodeIndex[2])
	// Output:
	// E=1 I=6 E-I=-0.714
	// group a: -0.500, node 2: -0.333
}
