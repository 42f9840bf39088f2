package measure

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClosenessReference(t *testing.T) {
	ref := loadPathsRef(t)
	for _, name := range pathsGraphs() {
		t.Run(name, func(t *testing.T) {
			g := loadGraph(t, name)
			r, ok := ref[name]
			require.True(t, ok, "no reference for %s", name)
			assertClose(t, r.Closeness, Closeness(g, true), 1e-9, "closeness")
			assertClose(t, r.ClosenessNoWF, Closeness(g, false), 1e-9, "closeness, wf_improved=False")
			assertClose(t, r.Harmonic, Harmonic(g), 1e-9, "harmonic")
			if !g.Weighted() {
				// Integer distance sums: the same floating-point operations
				// as NetworkX, so bitwise equal.
				assert.Equal(t, r.Closeness, Closeness(g, true), "closeness, exact")
				assert.Equal(t, r.ClosenessNoWF, Closeness(g, false), "closeness, wf_improved=False, exact")
			}
		})
	}
}

func TestClosenessSmall(t *testing.T) {
	// Directed path 0→1→2 plus an isolate 3: closeness uses incoming
	// distances, so 0 (reached by nobody) scores 0 and 2 scores highest.
	g, err := FromEdges(4, true, []int{0, 1}, []int{1, 2}, nil)
	require.NoError(t, err)
	assert.Equal(t, []float64{0, 1, 2.0 / 3, 0}, Closeness(g, false))
	assert.Equal(t, []float64{0, 1.0 / 3, 2.0 / 3 * 2 / 3, 0}, Closeness(g, true))
	assert.Equal(t, []float64{0, 1, 1.5, 0}, Harmonic(g))
	// Weighted: 0→1 of length 2, 1→2 of length 0.5.
	w, err := FromEdges(3, true, []int{0, 1}, []int{1, 2}, []float64{2, 0.5})
	require.NoError(t, err)
	assert.Equal(t, []float64{0, 0.5, 2 / 3.0}, Closeness(w, false))
	h := Harmonic(w)
	assert.InDelta(t, 2+1/2.5, h[2], 1e-15)
	assert.Equal(t, 0.0, Closeness(w, true)[0])
	assert.False(t, math.IsNaN(Closeness(w, true)[0]))
}

func TestClosenessDeepPath(t *testing.T) {
	// A path of 1500 nodes: every search level is tiny, which must not cost
	// n per level. Node i has distance sum i(i+1)/2 + (n−1−i)(n−i)/2.
	const n = 1500
	from, to := make([]int, n-1), make([]int, n-1)
	for i := range from {
		from[i], to[i] = i, i+1
	}
	g, err := FromEdges(n, false, from, to, nil)
	require.NoError(t, err)
	c, h := Closeness(g, true), Harmonic(g)
	for _, i := range []int{0, 1, 63, 64, 750, n - 1} {
		sum := float64(i*(i+1)/2 + (n-1-i)*(n-i)/2)
		assert.Equal(t, float64(n-1)/sum, c[i], "node %d", i)
		want := 0.0
		for d := 1; d <= i; d++ {
			want += 1 / float64(d)
		}
		for d := 1; d <= n-1-i; d++ {
			want += 1 / float64(d)
		}
		assert.InDelta(t, want, h[i], 1e-9, "harmonic, node %d", i)
	}
	b := Betweenness(g, false)
	assert.Equal(t, float64(750*(n-1-750)), b[750])
}
