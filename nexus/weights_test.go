package nexus_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/nexus"
)

// Two brokers join the same cartel and cell, one by links graded A1, the
// other by links graded E5. Under grade-discounted strength the A1 broker
// is on the shorter path and gets all the nexus betweenness; in hops the
// two tie.
func TestNexusBetweennessPrefersWellGradedBroker(t *testing.T) {
	n := network.New("grades")
	for _, a := range []network.Actor{{ID: "cartel", Kind: network.Cartel}, {ID: "a1", Kind: network.Smuggler},
		{ID: "e5", Kind: network.Smuggler}, {ID: "cell", Kind: network.Cell}} {
		require.NoError(t, n.AddActor(a))
	}
	for _, l := range []struct{ from, to, grade string }{
		{"cartel", "a1", "A1"}, {"a1", "cell", "A1"}, {"cartel", "e5", "E5"}, {"e5", "cell", "E5"},
	} {
		_, err := n.AddLink(network.Link{From: l.from, To: l.to, Element: network.Materiel, Weight: 1,
			Grade: network.MustParseGrade(l.grade)})
		require.NoError(t, err)
	}
	for _, tc := range []struct {
		name   string
		opts   analysis.ScopeOptions
		a1, e5 float64
	}{
		{"hops", analysis.ScopeOptions{}, 0.5, 0.5},
		{"hops directed", analysis.ScopeOptions{Directed: true}, 0.5, 0.5},
		{"discounted strength", analysis.ScopeOptions{View: network.ViewOptions{Aggregation: network.DiscountedSum},
			Weights: analysis.StrengthWeights}, 1, 0},
		{"discounted strength directed", analysis.ScopeOptions{View: network.ViewOptions{Aggregation: network.DiscountedSum},
			Weights: analysis.StrengthWeights, Directed: true}, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := analysis.NewScope(n, tc.opts)
			require.NoError(t, err)
			nb, err := nexus.Betweenness(s)
			require.NoError(t, err)
			a1, _ := nb.Value("a1")
			e5, _ := nb.Value("e5")
			assert.InDelta(t, tc.a1, a1, 1e-12)
			assert.InDelta(t, tc.e5, e5, 1e-12)
			b := analysis.Betweenness(s, false)
			a1, _ = b.Value("a1")
			e5, _ = b.Value("e5")
			if tc.a1 == tc.e5 {
				assert.Equal(t, a1, e5)
			} else {
				assert.Greater(t, a1, e5)
			}
		})
	}
}
