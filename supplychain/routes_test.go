package supplychain

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// The displacement network's links, by ID (testdata/supplychain/README.md):
// 0 col→mex, 1 mex→usa, 2 col→gua, 3 gua→mex, 4 gua→usa, 5 col→hon,
// 6 hon→gua, 7 col→ven, 8 ven→car, 9 car→usa.
func displacementRoutes(t *testing.T) *RouteNetwork {
	t.Helper()
	rn, err := NewRouteNetwork(loadScope(t, "../testdata/supplychain/displacement.json", analysis.ScopeOptions{}), RouteOptions{})
	require.NoError(t, err)
	return rn
}

var colombiaUSA = [2][]string{{"colombia"}, {"usa"}}

func TestRoutes(t *testing.T) {
	rn := displacementRoutes(t)
	routes, err := rn.Routes(colombiaUSA[0], colombiaUSA[1], 4)
	require.NoError(t, err)
	require.Len(t, routes, 4)
	assert.Equal(t, Route{Actors: []string{"colombia", "mexico", "usa"}, Links: []network.LinkID{0, 1}, Modes: []string{"air", "land"}, Cost: 3}, routes[0])
	assert.Equal(t, []string{"colombia", "guatemala", "mexico", "usa"}, routes[1].Actors)
	assert.Equal(t, 5.0, routes[1].Cost)
	assert.Equal(t, 6.0, routes[2].Cost)
	assert.Equal(t, []network.LinkID{5, 6, 3, 1}, routes[2].Links)
	// Two routes of cost 7: fewer links first.
	assert.Equal(t, []string{"colombia", "guatemala", "usa"}, routes[3].Actors)

	assert.Equal(t, []network.LinkID{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, rn.Links())
	sea, err := NewRouteNetwork(rn.Scope(), RouteOptions{Modes: []string{"SEA"}})
	require.NoError(t, err)
	assert.Equal(t, 3, sea.NumRoutes())
	assert.Equal(t, []network.LinkID{2, 8, 9}, sea.Links())
	assert.Equal(t, []string{"colombia", "venezuela", "guatemala", "caribbean", "usa"}, sea.Actors(), "in actor order")
	none, err := sea.Routes(colombiaUSA[0], colombiaUSA[1], 1)
	require.NoError(t, err)
	assert.Empty(t, none, "no all-sea route from Colombia")
	_, err = NewRouteNetwork(rn.Scope(), RouteOptions{Modes: []string{"rail"}})
	assert.ErrorContains(t, err, `no route link of mode rail; the routes' modes are "air", "land", "sea"`)
	_, err = rn.Routes([]string{"usa"}, []string{"usa"}, 1)
	assert.ErrorContains(t, err, `"usa" is both a source and a market`)
}

func TestMaxFlowAndCut(t *testing.T) {
	rn := displacementRoutes(t)
	c, err := rn.MaxFlow(colombiaUSA[0], colombiaUSA[1], FlowOptions{})
	require.NoError(t, err)
	// Hand computation: 60 via Mexico, 20 + 30 via Guatemala, 20 via the
	// Caribbean; the cut nearest Colombia closes its three saturated exits
	// and the Caribbean's last leg.
	assert.Equal(t, 130.0, c.Value)
	assert.Equal(t, 130.0, c.Capacity)
	assert.Equal(t, []network.LinkID{0, 2, 5, 9}, c.Links)
	assert.Equal(t, []string{"colombia", "venezuela", "caribbean"}, c.SourceSide)
	assert.Equal(t, 60.0, c.Flow[1])
	assert.Equal(t, 50.0, c.Flow[4])

	p, err := rn.MaxFlow(colombiaUSA[0], colombiaUSA[1], FlowOptions{Places: true})
	require.NoError(t, err)
	assert.Equal(t, 3.0, p.Value, "three places close every route: Mexico, Guatemala and the Venezuela corridor")
	assert.Len(t, p.Actors, 3)
	assert.Contains(t, p.Actors, "mexico")
	assert.Contains(t, p.Actors, "guatemala")
}

func TestInterdict(t *testing.T) {
	rn := displacementRoutes(t)
	curve, err := rn.Interdict(colombiaUSA[0], colombiaUSA[1], InterdictOptions{K: 3})
	require.NoError(t, err)
	require.Len(t, curve, 4)
	want := []struct {
		links []network.LinkID
		value float64
	}{
		{nil, 130},
		{[]network.LinkID{0}, 70}, // ties with closing Mexico → US; the smaller arc index wins
		{[]network.LinkID{1, 4}, 20},
		{[]network.LinkID{1, 4, 7}, 0}, // any link of the Caribbean corridor; the smallest index
	}
	for k, w := range want {
		assert.Equal(t, k, curve[k].K)
		assert.Equal(t, w.links, curve[k].Links, "k = %d", k)
		assert.Equal(t, w.value, curve[k].Value, "k = %d", k)
		assert.True(t, curve[k].Exact)
		assert.Equal(t, "exact", curve[k].Method)
	}

	route, err := rn.Interdict(colombiaUSA[0], colombiaUSA[1], InterdictOptions{K: 1, Objective: InterdictRoute})
	require.NoError(t, err)
	assert.Equal(t, 3.0, route[0].Value)
	assert.Equal(t, []network.LinkID{1}, route[1].Links, "closing Mexico → US raises the cheapest route from 3 to 7")
	assert.Equal(t, 7.0, route[1].Value)

	places, err := rn.Interdict(colombiaUSA[0], colombiaUSA[1], InterdictOptions{K: 3, Objective: InterdictRoute, Places: true})
	require.NoError(t, err)
	assert.True(t, math.IsInf(places[3].Value, 1), "three places cut Colombia off: %+v", places[3])
}

// A chain of places with one bypass: the middle place and the link out of
// it are chokepoints.
func TestChokepoints(t *testing.T) {
	n := network.New("")
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		require.NoError(t, n.AddActor(network.Actor{ID: id, Kind: network.City}))
	}
	for _, l := range [][2]string{{"a", "b"}, {"b", "c"}, {"a", "c"}, {"c", "d"}, {"d", "e"}} {
		_, err := n.AddLink(network.Link{From: l[0], To: l[1], Element: network.Mechanism, Type: "transports_via", Weight: 1})
		require.NoError(t, err)
	}
	s, err := analysis.NewScope(n, analysis.ScopeOptions{})
	require.NoError(t, err)
	rn, err := NewRouteNetwork(s, RouteOptions{})
	require.NoError(t, err)
	c, err := rn.Chokepoints([]string{"a"}, []string{"e"})
	require.NoError(t, err)
	assert.Equal(t, []string{"c", "d"}, c.Actors)
	assert.Equal(t, []network.LinkID{3, 4}, c.Links)
}

func TestRouteNetworkErrors(t *testing.T) {
	n := network.New("")
	require.NoError(t, n.AddActor(network.Actor{ID: "a"}))
	require.NoError(t, n.AddActor(network.Actor{ID: "b"}))
	_, err := n.AddLink(network.Link{From: "a", To: "b", Element: network.Mechanism, Weight: 1, Attributes: network.Attributes{"cost": -2.0}})
	require.NoError(t, err)
	s, err := analysis.NewScope(n, analysis.ScopeOptions{})
	require.NoError(t, err)
	_, err = NewRouteNetwork(s, RouteOptions{})
	assert.ErrorContains(t, err, "link 0 (a -> b): cost -2 must be a finite, non-negative number")

	m := network.New("")
	require.NoError(t, m.AddActor(network.Actor{ID: "a"}))
	s, err = analysis.NewScope(m, analysis.ScopeOptions{})
	require.NoError(t, err)
	_, err = NewRouteNetwork(s, RouteOptions{})
	assert.ErrorContains(t, err, "the scope keeps no mechanism link")
}
