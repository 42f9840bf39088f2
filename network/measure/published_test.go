package measure

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRhodesN17Published checks the 17 November network (Rhodes & Jones
// 2009; testdata/rhodes-n17) against the NetworkX table of the datasets'
// documentation (4 decimals): degree, betweenness, closeness, eigenvector.
func TestRhodesN17Published(t *testing.T) {
	g, ids := loadDataset(t, "rhodes-n17")
	idx := map[string]int{}
	for i, id := range ids {
		idx[id] = i
	}
	const serifis, savas, giotopoulos = "14", "16", "1"
	eig, err := Eigenvector(g, EigenvectorOptions{MaxIter: 100000, Tol: 1e-12})
	require.NoError(t, err)
	for _, tt := range []struct {
		name  string
		value []float64
		actor string
		want  float64
	}{
		{"degree", Degree(g), serifis, 0.6667},
		{"betweenness", Betweenness(g, true), savas, 0.3483},
		{"closeness", Closeness(g, true), giotopoulos, 0.6562},
		{"eigenvector", eig, serifis, 0.3963},
	} {
		assert.InDelta(t, tt.want, tt.value[idx[tt.actor]], 5e-5, tt.name)
	}
}
