package measure

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStructuralHolesReference compares every structural-hole measure with
// testdata/reference/holes.json (NetworkX 3.6.1, see holes.py) on every
// reference graph, to 1e-9 relative, with NaN in the same places.
func TestStructuralHolesReference(t *testing.T) {
	var ref map[string]map[string][]*float64
	loadReference(t, "holes.json", &ref)
	for _, name := range append(append([]string{}, generatedGraphs...), datasetGraphs...) {
		t.Run(name, func(t *testing.T) {
			r, ok := ref[name]
			require.True(t, ok, "no reference for %s", name)
			g := loadGraph(t, name)
			for _, m := range []struct {
				key string
				f   func(*Graph) []float64
			}{
				{"effective_size", EffectiveSize},
				{"efficiency", BurtEfficiency},
				{"constraint", Constraint},
				{"hierarchy", Hierarchy},
			} {
				want := r[m.key]
				got := m.f(g)
				require.Len(t, got, len(want), m.key)
				var wantF, gotF []float64
				for i, w := range want {
					if w == nil {
						assert.True(t, math.IsNaN(got[i]), "%s %s node %d: want NaN, got %v", name, m.key, i, got[i])
						continue
					}
					wantF, gotF = append(wantF, *w), append(gotF, got[i])
				}
				assertClose(t, wantF, gotF, 1e-9, name+" "+m.key)
			}
		})
	}
}

func TestStructuralHolesSmall(t *testing.T) {
	// A star: the centre's contacts are not tied to one another.
	star, err := FromEdges(5, false, []int{0, 0, 0, 0}, []int{1, 2, 3, 4}, nil)
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{4, 1, 1, 1, 1}, EffectiveSize(star), 1e-12)
	assert.InDeltaSlice(t, []float64{1, 1, 1, 1, 1}, BurtEfficiency(star), 1e-12)
	assert.InDeltaSlice(t, []float64{0.25, 1, 1, 1, 1}, Constraint(star), 1e-12)
	assert.InDeltaSlice(t, []float64{0, 0, 0, 0, 0}, Hierarchy(star), 1e-12)

	// A triangle: c = 2·(1/2 + 1/4)² = 1.125; effective size 2 − 2·1/2 = 1.
	tri, err := FromEdges(3, false, []int{0, 1, 2}, []int{1, 2, 0}, nil)
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{1.125, 1.125, 1.125}, Constraint(tri), 1e-12)
	assert.InDeltaSlice(t, []float64{1, 1, 1}, EffectiveSize(tri), 1e-12)
	assert.InDeltaSlice(t, []float64{0.5, 0.5, 0.5}, BurtEfficiency(tri), 1e-12)
	contacts, c := DyadicConstraint(tri, 0)
	assert.Equal(t, []int{1, 2}, contacts)
	assert.InDeltaSlice(t, []float64{0.5625, 0.5625}, c, 1e-12)

	// Isolates are NaN; a directed sink has contacts and gets a value.
	d, err := FromEdges(4, true, []int{0, 1}, []int{1, 2}, nil)
	require.NoError(t, err)
	for _, f := range []func(*Graph) []float64{EffectiveSize, BurtEfficiency, Constraint, Hierarchy} {
		v := f(d)
		assert.True(t, math.IsNaN(v[3]))
		assert.False(t, math.IsNaN(v[2]))
	}
	assert.Equal(t, 1.0, Constraint(d)[2])

	// Ties that all weigh 0 leave p undefined: NaN.
	z, err := FromEdges(3, false, []int{0, 1}, []int{1, 2}, []float64{0, 0})
	require.NoError(t, err)
	for _, f := range []func(*Graph) []float64{EffectiveSize, BurtEfficiency, Constraint, Hierarchy} {
		for _, x := range f(z) {
			assert.True(t, math.IsNaN(x))
		}
	}
	_, zc := DyadicConstraint(z, 1)
	assert.True(t, math.IsNaN(zc[0]))

	// Hierarchy: 0 with one contact; positive when constraint is uneven
	// (node 0's contacts: 1 tied to 2, 3 alone).
	h, err := FromEdges(4, false, []int{0, 0, 0, 1}, []int{1, 2, 3, 2}, nil)
	require.NoError(t, err)
	hv := Hierarchy(h)
	assert.Greater(t, hv[0], 0.0)
	assert.Less(t, hv[0], 1.0)
	assert.Equal(t, 0.0, hv[3])
}

// ExampleConstraint shows Burt's constraint on a star with one extra tie
// between two of the leaves (the values NetworkX's constraint and
// effective_size give).
func ExampleConstraint() {
	g, _ := FromEdges(5, false, []int{0, 0, 0, 0, 1}, []int{1, 2, 3, 4, 2}, nil)
	c := Constraint(g)
	es := EffectiveSize(g)
	for i := range c {
		fmt.Printf("node %d: constraint %.4f, effective size %.2f\n", i, c[i], es[i])
	}
	// Output:
	// node 0: constraint 0.4062, effective size 3.50
	// node 1: constraint 0.9531, effective size 1.00
	// node 2: constraint 0.9531, effective size 1.00
	// node 3: constraint 1.0000, effective size 1.00
	// node 4: constraint 1.0000, effective size 1.00
}
