package nexus

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// scopeOf returns the scope of n with opts, failing the test on error.
func scopeOf(t testing.TB, n *network.Network, opts analysis.ScopeOptions) *analysis.Scope {
	t.Helper()
	s, err := analysis.NewScope(n, opts)
	require.NoError(t, err)
	return s
}

// viewScope returns the scope of n with the view options v and the
// defaults otherwise.
func viewScope(t testing.TB, n *network.Network, v network.ViewOptions) *analysis.Scope {
	t.Helper()
	return scopeOf(t, n, analysis.ScopeOptions{View: v})
}

// brokScope returns the directed scope of n from sector a to sector b, as
// the old CrossSectorBrokerage(n, v, a, b) read it.
func brokScope(t testing.TB, n *network.Network, v network.ViewOptions, a, b network.Sector) *analysis.Scope {
	t.Helper()
	return scopeOf(t, n, analysis.ScopeOptions{View: v, Directed: true, A: analysis.BySector(a), B: analysis.BySector(b)})
}

// assertEmptySetError checks that err is a nexus error naming the empty
// set and how to fix it.
func assertEmptySetError(t *testing.T, err error, set string) {
	t.Helper()
	require.Error(t, err)
	msg := err.Error()
	require.Regexp(t, `^nexus: `, msg)
	require.Contains(t, msg, "set "+set+" ")
	require.Contains(t, msg, "is empty")
	require.Contains(t, msg, "give the actors kinds or sector tags")
	require.Contains(t, msg, "choose set "+set+" by sector, kind or actor IDs")
}
