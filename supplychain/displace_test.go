package supplychain

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

func loadScope(t *testing.T, path string, opts analysis.ScopeOptions) *analysis.Scope {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	n, err := network.ReadJSON(f, path, network.Limits{})
	require.NoError(t, err)
	s, err := analysis.NewScope(n, opts)
	require.NoError(t, err)
	return s
}

// The Colombia/Mexico → Central America shift of testdata/supplychain
// (see its README for the hand computation).
func TestDisplaceCentralAmerica(t *testing.T) {
	rn, err := NewRouteNetwork(loadScope(t, "../testdata/supplychain/displacement.json", analysis.ScopeOptions{}), RouteOptions{})
	require.NoError(t, err)
	res, err := rn.Displace(DisplaceOptions{Supply: map[string]float64{"colombia": 60}, Demand: map[string]float64{"usa": 100},
		Remove: []string{"mexico"}})
	require.NoError(t, err)
	assert.Equal(t, FlowState{Delivered: 60, Undelivered: 0, Cost: 180}, res.Before)
	assert.Equal(t, FlowState{Delivered: 60, Undelivered: 0, Cost: 440}, res.After)
	assert.Equal(t, 260.0, res.CostIncrease)
	through := map[string][2]float64{}
	for _, a := range res.Actors {
		through[a.Actor] = [2]float64{a.Before, a.After}
		assert.Equal(t, a.After-a.Before, a.Change)
	}
	assert.Equal(t, map[string][2]float64{
		"colombia": {60, 60}, "usa": {60, 60}, "mexico": {60, 0},
		"guatemala": {0, 40}, "honduras": {0, 20}, "venezuela": {0, 20}, "caribbean": {0, 20},
	}, through)
	total := 0.0
	for _, l := range res.Links {
		total += l.After
	}
	assert.Equal(t, 20.0*2+20*3+20*3, total, "flow on the links after: 20·2 hops + 20·3 hops + 20·3 hops")

	_, err = rn.Displace(DisplaceOptions{Supply: map[string]float64{"colombia": 60}, Demand: map[string]float64{"usa": 100}, Remove: []string{"usa"}})
	assert.ErrorContains(t, err, `"usa" is a source or market and cannot be removed`)
	_, err = rn.Displace(DisplaceOptions{Supply: map[string]float64{"colombia": -1}, Demand: map[string]float64{"usa": 1}})
	assert.ErrorContains(t, err, "must be a positive, finite amount")
	_, err = rn.Displace(DisplaceOptions{Supply: map[string]float64{"bogota": 1}, Demand: map[string]float64{"usa": 1}})
	assert.ErrorContains(t, err, `source "bogota" is not an actor of the network`)
}

// Raising the cost of entering Mexico by 5 makes the Caribbean (7) and
// Guatemala (7) cheaper than Mexico (3 + 5 = 8): 40 tonnes move there, and
// the last 20 take a route of cost 8 (Mexico, or Honduras and Guatemala).
func TestDisplaceRaiseCost(t *testing.T) {
	rn, err := NewRouteNetwork(loadScope(t, "../testdata/supplychain/displacement.json", analysis.ScopeOptions{}), RouteOptions{})
	require.NoError(t, err)
	res, err := rn.Displace(DisplaceOptions{Supply: map[string]float64{"colombia": 60}, Demand: map[string]float64{"usa": 100},
		RaiseCost: map[string]float64{"mexico": 5}})
	require.NoError(t, err)
	assert.Equal(t, 60.0, res.After.Delivered)
	assert.Equal(t, 20.0*7+20*7+20*8, res.After.Cost)
	_, err = rn.Displace(DisplaceOptions{Supply: map[string]float64{"colombia": 60}, Demand: map[string]float64{"usa": 100},
		RaiseCost: map[string]float64{"mexico": -1}})
	assert.ErrorContains(t, err, "must be a positive, finite amount")
}
