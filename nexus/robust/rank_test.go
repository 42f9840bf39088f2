package robust

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bruteTau is τ-b by its definition, over all pairs.
func bruteTau(x, y []float64) float64 {
	var nc, nd, n1, n2 float64
	for i := range x {
		for j := i + 1; j < len(x); j++ {
			dx, dy := sign(x[i]-x[j]), sign(y[i]-y[j])
			if dx == 0 {
				n1++
			}
			if dy == 0 {
				n2++
			}
			switch {
			case dx*dy > 0:
				nc++
			case dx*dy < 0:
				nd++
			}
		}
	}
	n0 := float64(len(x)*(len(x)-1)) / 2
	if n0 == n1 || n0 == n2 {
		return math.NaN()
	}
	return (nc - nd) / math.Sqrt((n0-n1)*(n0-n2))
}

func sign(v float64) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

func TestKendallTauReference(t *testing.T) {
	// testdata/robust/kendall.py computes τ-b over all pairs in Python.
	b, err := os.ReadFile("../../testdata/robust/kendall.json")
	require.NoError(t, err)
	var cases []struct {
		Name string
		X, Y []float64
		TauB *float64 `json:"tau_b"`
	}
	require.NoError(t, json.Unmarshal(b, &cases))
	require.Len(t, cases, 15)
	for _, c := range cases {
		got := KendallTau(c.X, c.Y)
		if c.TauB == nil {
			assert.True(t, math.IsNaN(got), c.Name)
			continue
		}
		assert.InDelta(t, *c.TauB, got, 1e-12, c.Name)
	}
}

func TestKendallTau(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		name string
		x, y []float64
		want float64
	}{
		{"identical", []float64{1, 2, 3}, []float64{10, 20, 30}, 1},
		{"reversed", []float64{1, 2, 3}, []float64{3, 2, 1}, -1},
		// 6 pairs: 4 concordant, 1 discordant, 1 tied in x: 3/√(5·6).
		{"tie in x", []float64{1, 1, 2, 3}, []float64{1, 2, 4, 3}, 3 / math.Sqrt(30)},
		{"constant", []float64{1, 1, 1}, []float64{1, 2, 3}, nan},
		{"one value", []float64{1}, []float64{1}, nan},
		{"NaN left out", []float64{1, nan, 2, 3}, []float64{1, 5, 2, 3}, 1},
	} {
		got := KendallTau(c.x, c.y)
		if math.IsNaN(c.want) {
			assert.True(t, math.IsNaN(got), c.name)
		} else {
			assert.InDelta(t, c.want, got, 1e-15, c.name)
		}
	}
	// Against the definition on random vectors with many ties.
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		n := 2 + rng.IntN(60)
		x, y := make([]float64, n), make([]float64, n)
		for i := range n {
			x[i], y[i] = float64(rng.IntN(5)), float64(rng.IntN(1+rng.IntN(6)))
		}
		want, got := bruteTau(x, y), KendallTau(x, y)
		if math.IsNaN(want) {
			assert.True(t, math.IsNaN(got))
		} else {
			assert.InDelta(t, want, got, 1e-12)
		}
	}
}

func TestRankOf(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		name   string
		values []float64
		k      int
		first  []int
		top    []int
	}{
		{"plain", []float64{3, 1, 2, 0}, 2, []int{0}, []int{0, 2}},
		{"tie first", []float64{3, 3, 1, 0}, 1, []int{0, 1}, []int{0, 1}},
		{"tie at k", []float64{5, 2, 2, 0}, 2, []int{0}, []int{0, 1, 2}},
		{"minimum never in", []float64{4, 0, 0, 0}, 3, []int{0}, []int{0}},
		{"all equal", []float64{0, 0, 0}, 2, nil, nil},
		{"k beyond", []float64{2, 1, 0}, 10, []int{0}, []int{0, 1}},
		{"NaN ranks nowhere", []float64{nan, 1, 2}, 2, []int{2}, []int{2}},
		{"none finite", []float64{nan}, 1, nil, nil},
	} {
		r := rankOf(c.values, c.k)
		assert.Equal(t, c.first, r.first, c.name)
		assert.Equal(t, c.top, members(r.topK), c.name)
	}
}

func TestPercentile(t *testing.T) {
	x := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	for _, c := range []struct{ p, want float64 }{
		{0, 1}, {1, 10}, {0.5, 5.5}, {0.05, 1.45}, {0.95, 9.55}, {0.25, 3.25},
	} {
		assert.InDelta(t, c.want, Percentile(x, c.p), 1e-12, "p=%v", c.p)
	}
	assert.Equal(t, 7.0, Percentile([]float64{7}, 0.05))
	assert.True(t, math.IsNaN(Percentile(nil, 0.5)))
}

func TestLevels(t *testing.T) {
	ls := Levels()
	require.Len(t, ls, 18)
	assert.Equal(t, "E5", ls[0].Grades[0].String())
	assert.InDelta(t, 0.04, ls[0].Confidence, 1e-12)
	last := ls[len(ls)-1]
	assert.Equal(t, 1.0, last.Confidence)
	assert.Equal(t, "A1", last.Grades[0].String())
	total := 0
	for i, l := range ls {
		total += len(l.Grades)
		if i > 0 {
			assert.Greater(t, l.Confidence, ls[i-1].Confidence+1e-9)
		}
		for _, g := range l.Grades {
			assert.InDelta(t, l.Confidence, g.Confidence(), 1e-9)
			assert.GreaterOrEqual(t, g.Confidence(), l.Confidence)
		}
	}
	assert.Equal(t, 36, total)
	// The level of F6 holds the ungraded links' confidence.
	i := 0
	for ; ls[i].Confidence < 0.25-1e-9; i++ {
	}
	assert.InDelta(t, 0.25, ls[i].Confidence, 1e-12)
	var names []string
	for _, g := range ls[i].Grades {
		names = append(names, g.String())
	}
	assert.Equal(t, []string{"F6"}, names)
}
