package network_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
)

func TestSubnetworkAndTouched(t *testing.T) {
	n := network.New("phases")
	require.NoError(t, n.SetInfo("phases", "two phases", network.Attributes{"period": "1994"}))
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		require.NoError(t, n.AddActor(network.Actor{ID: id, Kind: network.Gang}))
	}
	for _, l := range []network.Link{
		{From: "a", To: "b", Type: "phase1"},
		{From: "b", To: "c", Type: "phase2"},
		{From: "a", To: "c", Type: "phase2"},
		{From: "d", To: "d", Type: "phase1"}, // a self-link touches no tie
		{From: "c", To: "e", Type: "phase2"},
	} {
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	p1, err := n.Touched(network.ViewOptions{Types: []string{"phase1"}})
	require.NoError(t, err)
	var ids []string
	for _, a := range p1.Actors() {
		ids = append(ids, a.ID)
	}
	assert.Equal(t, []string{"a", "b"}, ids)
	assert.Equal(t, 1, p1.NumLinks(), "every link among the touched actors")
	assert.Equal(t, "two phases", p1.Description)
	assert.Equal(t, "1994", p1.Attributes["period"])

	p2, err := n.Touched(network.ViewOptions{Types: []string{"phase2"}})
	require.NoError(t, err)
	assert.Equal(t, 4, p2.NumActors())
	assert.Equal(t, 4, p2.NumLinks(), "a–b of phase 1 is among them too")

	sub, err := n.Subnetwork(func(a network.Actor) bool { return a.ID != "c" }, func(l network.Link) bool { return l.Type == "phase1" })
	require.NoError(t, err)
	assert.Equal(t, 4, sub.NumActors())
	assert.Equal(t, 2, sub.NumLinks())
	all, err := n.Subnetwork(nil, nil)
	require.NoError(t, err)
	assert.Equal(t, n.Links(), all.Links())
}
