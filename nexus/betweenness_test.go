package nexus_test

import (
	"testing"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
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

// nbScope returns the scope of n with opts, failing the test on error.
func nbScope(t testing.TB, n *network.Network, opts analysis.ScopeOptions) *analysis.Scope {
	t.Helper()
	s, err := analysis.NewScope(n, opts)
	require.NoError(t, err)
	return s
}

// nbBetweenness returns the nexus betweenness of the scope of n with opts.
func nbBetweenness(t testing.TB, n *network.Network, opts analysis.ScopeOptions) (analysis.Scores, *analysis.Scope) {
	t.Helper()
	s := nbScope(t, n, opts)
	r, err := nexus.Betweenness(s)
	require.NoError(t, err)
	return r, s
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

func nbValues(r analysis.Scores) map[string]float64 {
	m := map[string]float64{}
	for _, s := range r.All() {
		m[s.Actor] = s.Value
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
		r, s := nbBetweenness(t, n, analysis.ScopeOptions{Directed: directed})
		assert.Equal(t, want, nbValues(r), "directed=%v", directed)
		assert.Equal(t, []string{"c1", "c2", "c3", "c4"}, s.A())
		assert.Equal(t, []string{"t1", "t2", "t3", "t4"}, s.B())
		assert.Equal(t, []string{"c1", "c2", "c3", "c4", "t1", "t2", "t3", "t4", "h"}, r.Actors(), "actor order")
		ranked := r.Ranked()
		assert.Equal(t, analysis.Score{Actor: "h", Value: 16}, ranked[0])
		assert.Equal(t, []string{"h", "c1", "t1", "c2", "c3", "c4", "t2", "t3", "t4"}, nbIDs(ranked), "ties in actor order")
		rank, ok := r.Rank("t1")
		assert.True(t, ok)
		assert.Equal(t, 3, rank)
	}
	// Directed, terrorist → criminal: the money only flows c1 → h → t1.
	r, _ := nbBetweenness(t, n, analysis.ScopeOptions{Directed: true,
		A: analysis.BySector(network.Terrorist), B: analysis.BySector(network.Criminal)})
	for _, s := range r.All() {
		assert.Zero(t, s.Value, s.Actor)
	}
	// Undirected, the same reversed: by symmetry the same values.
	r, _ = nbBetweenness(t, n, analysis.ScopeOptions{
		A: analysis.BySector(network.Terrorist), B: analysis.BySector(network.Criminal)})
	assert.Equal(t, want, nbValues(r))
}

func nbIDs(s []analysis.Score) []string {
	ids := make([]string, len(s))
	for i, x := range s {
		ids[i] = x.Actor
	}
	return ids
}

// TestBetweennessRankTiesActorOrder: ties rank in actor (insertion) order,
// not by ID.
func TestBetweennessRankTiesActorOrder(t *testing.T) {
	// A star: criminals z and y, terrorist x, all tied to hawala w; the
	// pairs z→x and y→x run through w, so w = 2 and the rest tie at 0.
	n := nbBuild(t, []network.Actor{
		{ID: "z", Kind: network.Cartel}, {ID: "y", Kind: network.Gang},
		{ID: "x", Kind: network.Cell}, {ID: "w", Kind: network.Hawala},
	}, []network.Link{{From: "z", To: "w"}, {From: "y", To: "w"}, {From: "w", To: "x"}})
	r, _ := nbBetweenness(t, n, analysis.ScopeOptions{})
	assert.Equal(t, []analysis.Score{{Actor: "w", Value: 2}, {Actor: "z"}, {Actor: "y"}, {Actor: "x"}}, r.Ranked())
	assert.Equal(t, []analysis.Score{{Actor: "w", Value: 2}, {Actor: "z"}}, r.Top(2))
}

func TestBetweennessExplicitSetsAndView(t *testing.T) {
	n := nbBridgeNetwork(t)
	// One pair, c2 → t3, one path c2 – c1 – h – t1 – t3.
	r, s := nbBetweenness(t, n, analysis.ScopeOptions{A: analysis.ByID("c2"), B: analysis.ByID("t3")})
	assert.Equal(t, map[string]float64{"c1": 1, "c2": 0, "c3": 0, "c4": 0, "t1": 1, "t2": 0, "t3": 0, "t4": 0, "h": 1}, nbValues(r))
	assert.Equal(t, []string{"c2"}, s.A())
	assert.Equal(t, []string{"t3"}, s.B())

	// Invalid sets and networks are rejected when the scope is built.
	_, err := analysis.NewScope(n, analysis.ScopeOptions{A: analysis.ByID("nobody")})
	assert.Error(t, err)
	_, err = analysis.NewScope(nil, analysis.ScopeOptions{})
	assert.Error(t, err)
	_, err = analysis.NewScope(n, analysis.ScopeOptions{A: analysis.BySector(network.Sector(99))})
	assert.Error(t, err)

	// The money layer keeps only c1 – h – t1: one connected pair (c1, t1).
	r, _ = nbBetweenness(t, n, analysis.ScopeOptions{View: network.ViewOptions{Elements: []network.Element{network.Money}}})
	assert.Equal(t, 1.0, nbValues(r)["h"])
	assert.Equal(t, 1.0, nbSum(r))

	// A view restricted to sectors drops the hawala: nothing connects.
	r, _ = nbBetweenness(t, n, analysis.ScopeOptions{View: network.ViewOptions{Sectors: []network.Sector{network.Criminal, network.Terrorist}}})
	assert.Equal(t, 8, r.Len())
	assert.Zero(t, nbSum(r))
}

func nbSum(s analysis.Scores) float64 {
	t := 0.0
	for _, x := range s.Values() {
		t += x
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
	r, _ := nbBetweenness(t, n, analysis.ScopeOptions{})
	assert.Zero(t, nbSum(r))
	r, _ = nbBetweenness(t, n, analysis.ScopeOptions{Weights: analysis.LengthWeights,
		View: network.ViewOptions{Aggregation: network.Sum}})
	assert.Equal(t, map[string]float64{"c": 0, "t": 0, "s": 0.5, "k": 0.5}, nbValues(r))
	// As strengths the direct tie of weight 5 has length 1/5, shorter
	// than either route of length 2: nobody lies between c and t.
	r, _ = nbBetweenness(t, n, analysis.ScopeOptions{Weights: analysis.StrengthWeights,
		View: network.ViewOptions{Aggregation: network.Sum}})
	assert.Zero(t, nbSum(r))
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
	r, s := nbBetweenness(t, n, analysis.ScopeOptions{})
	assert.Equal(t, map[string]float64{"c1": 0, "c2": 0, "farc": 4, "t1": 3, "t2": 0}, nbValues(r))
	assert.Equal(t, []string{"c1", "c2", "farc"}, s.A())
	assert.Equal(t, []string{"farc", "t1", "t2"}, s.B())
	assert.Equal(t, "farc", r.Ranked()[0].Actor)
}

// nbDirectedNetwork: a cartel c pays a hawala h who funds a cell t, and
// the cell pays a launderer k who pays the cartel: c → h → t → k → c.
// Undirected, c reaches t by h or by k (½ each); directed, only c → h → t
// leads from the criminal to the terrorist.
func nbDirectedNetwork(t testing.TB) *network.Network {
	return nbBuild(t, []network.Actor{
		{ID: "c", Kind: network.Cartel}, {ID: "h", Kind: network.Hawala},
		{ID: "t", Kind: network.Cell}, {ID: "k", Kind: network.MoneyLaunderer},
	}, []network.Link{
		{From: "c", To: "h", Element: network.Money, Type: "pays"},
		{From: "h", To: "t", Element: network.Money, Type: "funds"},
		{From: "t", To: "k", Element: network.Money, Type: "pays"},
		{From: "k", To: "c", Element: network.Money, Type: "pays"},
	})
}

func TestBetweennessDirectedScope(t *testing.T) {
	n := nbDirectedNetwork(t)
	r, _ := nbBetweenness(t, n, analysis.ScopeOptions{})
	assert.Equal(t, map[string]float64{"c": 0, "h": 0.5, "t": 0, "k": 0.5}, nbValues(r))
	r, s := nbBetweenness(t, n, analysis.ScopeOptions{Directed: true})
	assert.True(t, s.Directed())
	assert.Equal(t, map[string]float64{"c": 0, "h": 1, "t": 0, "k": 0}, nbValues(r))
	// Terrorist → criminal, directed: only t → k → c.
	r, _ = nbBetweenness(t, n, analysis.ScopeOptions{Directed: true,
		A: analysis.BySector(network.Terrorist), B: analysis.BySector(network.Criminal)})
	assert.Equal(t, map[string]float64{"c": 0, "h": 0, "t": 0, "k": 1}, nbValues(r))
	// A mutual link is a path both ways.
	_, err := n.AddLink(network.Link{From: "t", To: "c", Type: "meets", Mutual: true, Weight: 1})
	require.NoError(t, err)
	r, _ = nbBetweenness(t, n, analysis.ScopeOptions{Directed: true})
	assert.Zero(t, nbSum(r))
}

// nbUntypedNetwork is published data whose actors have no kind: the
// default sets are empty.
func nbUntypedNetwork(t testing.TB) *network.Network {
	return nbBuild(t, []network.Actor{{ID: "p1"}, {ID: "p2"}, {ID: "p3"}},
		[]network.Link{{From: "p1", To: "p2"}, {From: "p2", To: "p3"}})
}

// nbAssertEmptySetError checks that err is a nexus error naming the empty
// set and how to fix it.
func nbAssertEmptySetError(t *testing.T, err error, set string) {
	t.Helper()
	require.Error(t, err)
	msg := err.Error()
	assert.Regexp(t, `^nexus: `, msg)
	assert.Contains(t, msg, "set "+set+" ")
	assert.Contains(t, msg, "is empty")
	assert.Contains(t, msg, "give the actors kinds or sector tags")
	assert.Contains(t, msg, "choose set "+set+" by sector, kind or actor IDs")
}

func TestBetweennessEmptySet(t *testing.T) {
	n := nbUntypedNetwork(t)
	// The scope builds (default sets may be empty)...
	s := nbScope(t, n, analysis.ScopeOptions{})
	assert.Empty(t, s.A())
	// ... but the analysis, which needs them, says what to do.
	_, err := nexus.Betweenness(s)
	nbAssertEmptySetError(t, err, "A")
	assert.Contains(t, err.Error(), "betweenness")

	// A set given explicitly, the other default and empty: B is named.
	s = nbScope(t, n, analysis.ScopeOptions{A: analysis.ByID("p1")})
	_, err = nexus.Betweenness(s)
	nbAssertEmptySetError(t, err, "B")

	// Both explicit: it works.
	r, _ := nbBetweenness(t, n, analysis.ScopeOptions{A: analysis.ByID("p1"), B: analysis.ByID("p3")})
	assert.Equal(t, map[string]float64{"p1": 0, "p2": 1, "p3": 0}, nbValues(r))
}
