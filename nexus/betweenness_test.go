package nexus_test

import (
	"testing"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/nexus"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nbBuild returns a network of the given actors and links, failing the
// test on error.
func nbBuild(t testing.TB, actors []network.Actor, links []network.Link) *network.Network {
	t.Helper()
	n := network.New("test")
	for _, a := range actors {
		require.NoError(t, n.AddActor(a))
	}
	for _, l := range links {
		if l.Weight == 0 {
			l.Weight = 1
		}
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	return n
}

// nbBridgeNetwork is a cartel cluster c1…c4 (all pairs tied, mutual
// association links) and a terrorist cell t1…t4 (likewise), joined only
// through a hawala operator h: c1 → h (money, "pays"), h → t1 (money,
// "funds") and h → t1 (mechanism, "communicates_with").
func nbBridgeNetwork(t testing.TB) *network.Network {
	var actors []network.Actor
	for _, id := range []string{"c1", "c2", "c3", "c4"} {
		actors = append(actors, network.Actor{ID: id, Kind: network.Cartel})
	}
	for _, id := range []string{"t1", "t2", "t3", "t4"} {
		actors = append(actors, network.Actor{ID: id, Kind: network.Operative})
	}
	actors = append(actors, network.Actor{ID: "h", Kind: network.Hawala})
	var links []network.Link
	for _, group := range [][]string{{"c1", "c2", "c3", "c4"}, {"t1", "t2", "t3", "t4"}} {
		for i := range group {
			for j := i + 1; j < len(group); j++ {
				links = append(links, network.Link{From: group[i], To: group[j], Type: "meets", Mutual: true})
			}
		}
	}
	links = append(links,
		network.Link{From: "c1", To: "h", Element: network.Money, Type: "pays"},
		network.Link{From: "h", To: "t1", Element: network.Money, Type: "funds"},
		network.Link{From: "h", To: "t1", Element: network.Mechanism, Type: "communicates_with"},
	)
	return nbBuild(t, actors, links)
}

func nbValues(r nexus.BetweennessResult) map[string]float64 {
	m := map[string]float64{}
	for _, s := range r.Scores {
		m[s.ID] = s.Value
	}
	return m
}

func TestBetweennessBridge(t *testing.T) {
	n := nbBridgeNetwork(t)
	// By hand, A = {c1…c4}, B = {t1…t4}: 16 ordered pairs (a, b), each with
	// exactly one shortest path a (→ c1) → h → t1 (→ b). h lies on all 16;
	// c1 on the 3·4 = 12 pairs with a ≠ c1; t1 on the 4·3 = 12 pairs with
	// b ≠ t1; nobody else lies on any.
	want := map[string]float64{"c1": 12, "c2": 0, "c3": 0, "c4": 0, "t1": 12, "t2": 0, "t3": 0, "t4": 0, "h": 16}
	for _, directed := range []bool{false, true} {
		r, err := nexus.Betweenness(n, nexus.Options{Directed: directed})
		require.NoError(t, err)
		assert.Equal(t, want, nbValues(r), "directed=%v", directed)
		assert.Equal(t, []string{"c1", "c2", "c3", "c4"}, r.A)
		assert.Equal(t, []string{"t1", "t2", "t3", "t4"}, r.B)
		ids := make([]string, len(r.Scores))
		for i, s := range r.Scores {
			ids[i] = s.ID
		}
		assert.Equal(t, []string{"c1", "c2", "c3", "c4", "t1", "t2", "t3", "t4", "h"}, ids, "actor order")
		ranked := nexus.Rank(r.Scores)
		assert.Equal(t, nexus.ActorScore{ID: "h", Value: 16}, ranked[0])
		assert.Equal(t, []string{"h", "c1", "t1", "c2", "c3", "c4", "t2", "t3", "t4"}, nbIDs(ranked), "ties by ID")
	}
	// Directed, terrorist → criminal: the money only flows c1 → h → t1.
	r, err := nexus.Betweenness(n, nexus.Options{Directed: true, SectorA: network.Terrorist, SectorB: network.Criminal})
	require.NoError(t, err)
	for _, s := range r.Scores {
		assert.Zero(t, s.Value, s.ID)
	}
	// Undirected, the same reversed: by symmetry the same values.
	r, err = nexus.Betweenness(n, nexus.Options{SectorA: network.Terrorist, SectorB: network.Criminal})
	require.NoError(t, err)
	assert.Equal(t, want, nbValues(r))
}

func nbIDs(s []nexus.ActorScore) []string {
	ids := make([]string, len(s))
	for i, x := range s {
		ids[i] = x.ID
	}
	return ids
}

func TestBetweennessExplicitSetsAndView(t *testing.T) {
	n := nbBridgeNetwork(t)
	// One pair, c2 → t3, one path c2 – c1 – h – t1 – t3.
	r, err := nexus.Betweenness(n, nexus.Options{SetA: []string{"c2"}, SetB: []string{"t3"}})
	require.NoError(t, err)
	assert.Equal(t, map[string]float64{"c1": 1, "c2": 0, "c3": 0, "c4": 0, "t1": 1, "t2": 0, "t3": 0, "t4": 0, "h": 1}, nbValues(r))
	assert.Equal(t, []string{"c2"}, r.A)
	assert.Equal(t, []string{"t3"}, r.B)

	_, err = nexus.Betweenness(n, nexus.Options{SetA: []string{"nobody"}})
	assert.Error(t, err)
	_, err = nexus.Betweenness(nil, nexus.Options{})
	assert.Error(t, err)
	_, err = nexus.Betweenness(n, nexus.Options{SectorA: network.Sector(99)})
	assert.Error(t, err)

	// The money layer keeps only c1 – h – t1: one connected pair (c1, t1).
	r, err = nexus.Betweenness(n, nexus.Options{View: network.ViewOptions{Elements: []network.Element{network.Money}}})
	require.NoError(t, err)
	assert.Equal(t, 1.0, nbValues(r)["h"])
	assert.Equal(t, 1.0, nbSum(r.Scores))

	// A view restricted to sectors drops the hawala: nothing connects.
	r, err = nexus.Betweenness(n, nexus.Options{View: network.ViewOptions{Sectors: []network.Sector{network.Criminal, network.Terrorist}}})
	require.NoError(t, err)
	assert.Len(t, r.Scores, 8)
	assert.Zero(t, nbSum(r.Scores))
}

func nbSum(s []nexus.ActorScore) float64 {
	t := 0.0
	for _, x := range s {
		t += x.Value
	}
	return t
}

func TestBetweennessWeighted(t *testing.T) {
	// c – t directly with weight 5; c – s – t and c – k – t with weight 1
	// per link. Counting hops, the direct tie is the only shortest path;
	// with weights as lengths (Sum), the two 2-hop routes of length 2 tie.
	n := nbBuild(t, []network.Actor{
		{ID: "c", Kind: network.Cartel}, {ID: "t", Kind: network.Cell},
		{ID: "s", Kind: network.Smuggler}, {ID: "k", Kind: network.Hawala},
	}, []network.Link{
		{From: "c", To: "t", Weight: 5}, {From: "c", To: "s"}, {From: "s", To: "t"},
		{From: "c", To: "k"}, {From: "k", To: "t"},
	})
	r, err := nexus.Betweenness(n, nexus.Options{})
	require.NoError(t, err)
	assert.Zero(t, nbSum(r.Scores))
	r, err = nexus.Betweenness(n, nexus.Options{Weighted: true, View: network.ViewOptions{Aggregation: network.Sum}})
	require.NoError(t, err)
	assert.Equal(t, map[string]float64{"c": 0, "t": 0, "s": 0.5, "k": 0.5}, nbValues(r))
}

// nbHybridNetwork: FARC-like insurgency "farc" tagged criminal, tied to two
// cartels c1, c2 (which are tied to each other) and to an operative t1,
// who is tied to a second operative t2.
func nbHybridNetwork(t testing.TB) *network.Network {
	return nbBuild(t, []network.Actor{
		{ID: "c1", Kind: network.Cartel}, {ID: "c2", Kind: network.Cartel},
		{ID: "farc", Kind: network.Insurgency, Sectors: []network.Sector{network.Criminal}},
		{ID: "t1", Kind: network.Operative}, {ID: "t2", Kind: network.Operative},
	}, []network.Link{
		{From: "c1", To: "c2", Type: "meets", Mutual: true},
		{From: "farc", To: "c1", Element: network.Materiel, Type: "supplies", Commodity: "cocaine"},
		{From: "c2", To: "farc", Element: network.Money, Type: "pays"},
		{From: "farc", To: "t1", Element: network.Manpower, Type: "allied_with", Mutual: true},
		{From: "t1", To: "t2", Type: "meets", Mutual: true},
	})
}

func TestBetweennessHybrid(t *testing.T) {
	n := nbHybridNetwork(t)
	// A = {c1, c2, farc}, B = {farc, t1, t2} (farc is in both). Ordered
	// pairs and their single shortest paths:
	//   c1→farc, c2→farc, farc→t1: direct;
	//   c1→t1, c2→t1: via farc                 (farc +2)
	//   c1→t2, c2→t2: via farc and t1          (farc +2, t1 +2)
	//   farc→t2: via t1                        (t1 +1)
	// so farc = 4, t1 = 3, the others 0.
	r, err := nexus.Betweenness(n, nexus.Options{})
	require.NoError(t, err)
	assert.Equal(t, map[string]float64{"c1": 0, "c2": 0, "farc": 4, "t1": 3, "t2": 0}, nbValues(r))
	assert.Equal(t, []string{"c1", "c2", "farc"}, r.A)
	assert.Equal(t, []string{"farc", "t1", "t2"}, r.B)
	assert.Equal(t, "farc", nexus.Rank(r.Scores)[0].ID)
}
