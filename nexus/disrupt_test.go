package nexus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/measure"
)

// disruptNet builds a network of actors "a00", "a01", … with the given
// kinds and undirected (Mutual) links.
func disruptNet(t testing.TB, kinds []network.Kind, edges [][2]int) *network.Network {
	t.Helper()
	n := network.New("disrupt")
	for i, k := range kinds {
		require.NoError(t, n.AddActor(network.Actor{ID: fmt.Sprintf("a%02d", i), Kind: k}))
	}
	for _, e := range edges {
		_, err := n.AddLink(network.Link{From: fmt.Sprintf("a%02d", e[0]), To: fmt.Sprintf("a%02d", e[1]),
			Type: "tie", Mutual: true, Weight: 1})
		require.NoError(t, err)
	}
	return n
}

func randomDisruptNet(t testing.TB, rng *rand.Rand, size int, p float64) *network.Network {
	kinds := []network.Kind{network.Cartel, network.Cell, network.Hawala, network.Business}
	ks := make([]network.Kind, size)
	for i := range ks {
		ks[i] = kinds[rng.IntN(len(kinds))]
	}
	var edges [][2]int
	for u := 0; u < size; u++ {
		for v := u + 1; v < size; v++ {
			if rng.Float64() < p {
				edges = append(edges, [2]int{u, v})
			}
		}
	}
	return disruptNet(t, ks, edges)
}

// copyNet rebuilds n actor by actor and link by link.
func copyNet(t testing.TB, n *network.Network) *network.Network {
	c := network.New("copy")
	for _, a := range n.Actors() {
		require.NoError(t, c.AddActor(a))
	}
	for _, l := range n.Links() {
		_, err := c.AddLink(l)
		require.NoError(t, err)
	}
	return c
}

// directState recomputes every metric of a step from scratch on net.
func directState(t testing.TB, net *network.Network) DisruptStep {
	s := scopeOf(t, net, analysis.ScopeOptions{})
	g, ids := s.LengthGraph(), s.ActorIDs()
	st := DisruptStep{Remaining: len(ids)}
	comps := measure.Components(g)
	st.Components = len(comps)
	comp := make([]int, len(ids))
	for c, nodes := range comps {
		st.Largest = max(st.Largest, len(nodes))
		for _, v := range nodes {
			comp[v] = c
		}
	}
	st.Fragmentation = measure.Fragmentation(g, nil)
	st.DistanceFragmentation = measure.DistanceFragmentation(g, nil)
	// Efficiency by Floyd–Warshall, independent of the BFS in Disrupt.
	m := len(ids)
	const inf = math.MaxInt32
	d := make([][]int, m)
	for i := range d {
		d[i] = make([]int, m)
		for j := range d[i] {
			if i != j {
				d[i][j] = inf
			}
		}
		adj, _ := g.Out(i)
		for _, w := range adj {
			d[i][w] = 1
		}
	}
	for k := range m {
		for i := range m {
			for j := range m {
				if d[i][k] < inf && d[k][j] < inf && d[i][k]+d[k][j] < d[i][j] {
					d[i][j] = d[i][k] + d[k][j]
				}
			}
		}
	}
	var sum float64
	for i := range m {
		for j := range m {
			if i != j && d[i][j] < inf {
				sum += 1 / float64(d[i][j])
			}
		}
	}
	if m >= 2 {
		st.Efficiency = sum / float64(m*(m-1))
	}
	for i, a := range ids {
		for j, b := range ids {
			x, _ := net.Actor(a)
			y, _ := net.Actor(b)
			if i != j && comp[i] == comp[j] && x.InSector(network.Criminal) && y.InSector(network.Terrorist) {
				st.ConnectedPairs++
			}
		}
	}
	return st
}

func assertStepsEqual(t *testing.T, want, got DisruptStep, msg string) {
	t.Helper()
	assert.Equal(t, want.Step, got.Step, msg)
	assert.Equal(t, want.Actor, got.Actor, msg)
	assert.Equal(t, want.Remaining, got.Remaining, msg)
	assert.Equal(t, want.Largest, got.Largest, msg)
	assert.Equal(t, want.Components, got.Components, msg)
	assert.Equal(t, want.ConnectedPairs, got.ConnectedPairs, msg)
	assert.InDelta(t, want.Fragmentation, got.Fragmentation, 1e-12, msg)
	assert.InDelta(t, want.DistanceFragmentation, got.DistanceFragmentation, 1e-12, msg)
	assert.InDelta(t, want.Efficiency, got.Efficiency, 1e-12, msg)
}

// staticOrder ranks the actors of net once by the strategy's score,
// independently of Disrupt's code path (ties in actor order, by
// Scores.Ranked).
func staticOrder(t testing.TB, net *network.Network, s DisruptStrategy) []string {
	sc := scopeOf(t, net, analysis.ScopeOptions{})
	g := sc.LengthGraph()
	var scores analysis.Scores
	switch s {
	case ByDegree:
		scores = sc.Scores(measure.Degree(g))
	case ByBetweenness:
		scores = sc.Scores(measure.Betweenness(g, true))
	case ByNexusBetweenness:
		if _, _, err := sc.Sets(); err != nil {
			// A set has no member left: no A→B path, every score 0.
			scores = sc.Scores(make([]float64, sc.Len()))
			break
		}
		r, err := Betweenness(sc)
		require.NoError(t, err)
		scores = r
	}
	var out []string
	for _, x := range scores.Ranked() {
		out = append(out, x.Actor)
	}
	return out
}

// missingSet returns "A" if net has no criminal actor, "B" if it has no
// terrorist actor, and "" if it has both (the default sets).
func missingSet(t testing.TB, net *network.Network) string {
	s := scopeOf(t, net, analysis.ScopeOptions{})
	switch {
	case len(s.A()) == 0:
		return "A"
	case len(s.B()) == 0:
		return "B"
	}
	return ""
}

// TestDisruptStaticMatchesRecomputation removes actors in a static order
// and checks every step against a from-scratch recomputation on a copy of
// the network from which the same actors were removed with RemoveActor.
func TestDisruptStaticMatchesRecomputation(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := range 12 {
		net := randomDisruptNet(t, rng, 6+rng.IntN(10), 0.15+0.3*rng.Float64())
		for _, s := range []DisruptStrategy{ByDegree, ByBetweenness, ByNexusBetweenness, ByKeyPlayer, ByRandom} {
			steps, err := Disrupt(scopeOf(t, net, analysis.ScopeOptions{}), DisruptOptions{Strategy: s, Seed: uint64(trial), Steps: 5})
			if set := missingSet(t, net); s == ByNexusBetweenness && set != "" {
				// By design ByNexusBetweenness now fails on an empty set.
				assertEmptySetError(t, err, set)
				continue
			}
			require.NoError(t, err)
			require.Len(t, steps, 6)
			if s <= ByNexusBetweenness {
				want := staticOrder(t, net, s)
				for i := 1; i < len(steps); i++ {
					assert.Equal(t, want[i-1], steps[i].Actor, "trial %d %v step %d", trial, s, i)
				}
			}
			cp := copyNet(t, net)
			for i, st := range steps {
				if i > 0 {
					require.NoError(t, cp.RemoveActor(st.Actor))
				}
				want := directState(t, cp)
				want.Step, want.Actor = i, st.Actor
				assertStepsEqual(t, want, st, fmt.Sprintf("trial %d %v step %d", trial, s, i))
			}
		}
	}
}

// TestDisruptSequentialMatchesRecomputation re-ranks after each removal:
// the removed actor must be the top-ranked one of the remaining network,
// recomputed from scratch.
func TestDisruptSequentialMatchesRecomputation(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for trial := range 8 {
		net := randomDisruptNet(t, rng, 6+rng.IntN(8), 0.3)
		for _, s := range []DisruptStrategy{ByDegree, ByBetweenness, ByNexusBetweenness} {
			steps, err := Disrupt(scopeOf(t, net, analysis.ScopeOptions{}), DisruptOptions{Strategy: s, Sequential: true})
			if set := missingSet(t, net); s == ByNexusBetweenness && set != "" {
				// By design ByNexusBetweenness now fails on an empty set.
				assertEmptySetError(t, err, set)
				continue
			}
			require.NoError(t, err)
			require.Len(t, steps, net.NumActors()+1)
			cp := copyNet(t, net)
			for i, st := range steps {
				if i > 0 {
					assert.Equal(t, staticOrder(t, cp, s)[0], st.Actor, "trial %d %v step %d", trial, s, i)
					require.NoError(t, cp.RemoveActor(st.Actor))
				}
				want := directState(t, cp)
				want.Step, want.Actor = i, st.Actor
				assertStepsEqual(t, want, st, fmt.Sprintf("trial %d %v step %d", trial, s, i))
			}
			last := steps[len(steps)-1]
			assert.Equal(t, 0, last.Remaining)
			assert.Equal(t, 0, last.Largest)
			assert.Equal(t, 1.0, last.Fragmentation)
		}
	}
}

func TestDisruptKeyPlayer(t *testing.T) {
	// Two triangles joined by a bridge node 6: 0-1-2, 3-4-5, 2-6-3.
	net := disruptNet(t, make([]network.Kind, 7),
		[][2]int{{0, 1}, {1, 2}, {0, 2}, {3, 4}, {4, 5}, {3, 5}, {2, 6}, {6, 3}})
	s := scopeOf(t, net, analysis.ScopeOptions{})
	kp, err := KeyPlayers(s, KeyPlayerOptions{K: 2, Objective: measure.FragmentNeg})
	require.NoError(t, err)
	static, err := Disrupt(s, DisruptOptions{Strategy: ByKeyPlayer, Steps: 2})
	require.NoError(t, err)
	got := []string{static[1].Actor, static[2].Actor}
	assert.ElementsMatch(t, kp.Actors, got)
	assert.InDelta(t, kp.After, static[2].Fragmentation, 1e-12)

	seq, err := Disrupt(s, DisruptOptions{Strategy: ByKeyPlayer, Sequential: true, Steps: 1})
	require.NoError(t, err)
	one, err := KeyPlayers(s, KeyPlayerOptions{K: 1, Objective: measure.FragmentNeg})
	require.NoError(t, err)
	assert.Equal(t, one.Actors[0], seq[1].Actor)
	assert.Equal(t, "a06", seq[1].Actor) // the bridge
	assert.Equal(t, 3, seq[1].Largest)
}

func TestDisruptRandomReproducible(t *testing.T) {
	net := randomDisruptNet(t, rand.New(rand.NewPCG(1, 2)), 20, 0.2)
	s := scopeOf(t, net, analysis.ScopeOptions{})
	for _, seq := range []bool{false, true} {
		order := func(seed uint64) []string {
			steps, err := Disrupt(s, DisruptOptions{Strategy: ByRandom, Sequential: seq, Seed: seed})
			require.NoError(t, err)
			var out []string
			for _, s := range steps[1:] {
				out = append(out, s.Actor)
			}
			return out
		}
		a, b, c := order(42), order(42), order(43)
		assert.Equal(t, a, b, "sequential %v", seq)
		assert.NotEqual(t, a, c, "sequential %v", seq)
		assert.ElementsMatch(t, a, c, "sequential %v", seq)
		assert.Len(t, a, 20)
	}
}

// TestDisruptStar checks a hand-computed star: criminal centre a00 with
// four leaves, two of them terrorist.
func TestDisruptStar(t *testing.T) {
	net := disruptNet(t,
		[]network.Kind{network.Cartel, network.Cell, network.Cell, network.Gang, network.Hawala},
		[][2]int{{0, 1}, {0, 2}, {0, 3}, {0, 4}})
	steps, err := Disrupt(scopeOf(t, net, analysis.ScopeOptions{}), DisruptOptions{Strategy: ByDegree, Steps: 1})
	require.NoError(t, err)
	require.Len(t, steps, 2)
	s0, s1 := steps[0], steps[1]
	assert.Equal(t, DisruptStep{Step: 0, Remaining: 5, Largest: 5, Components: 1,
		Fragmentation: 0, DistanceFragmentation: s0.DistanceFragmentation, Efficiency: s0.Efficiency,
		ConnectedPairs: 4}, s0) // criminals a00, a03 × terrorists a01, a02
	// Distances: 4 leaf–centre pairs at 1, 6 leaf–leaf pairs at 2, both
	// ways: E = (8·1 + 12·½)/20 = 0.7.
	assert.InDelta(t, 0.7, s0.Efficiency, 1e-12)
	assert.InDelta(t, 0.3, s0.DistanceFragmentation, 1e-12)
	assert.Equal(t, DisruptStep{Step: 1, Actor: "a00", Remaining: 4, Largest: 1, Components: 4,
		Fragmentation: 1, DistanceFragmentation: 1, Efficiency: 0, ConnectedPairs: 0}, s1)
}

func TestDisruptPath(t *testing.T) {
	// Path a00 - a01 - a02 - a03 - a04; betweenness removes the middle.
	net := disruptNet(t, make([]network.Kind, 5), [][2]int{{0, 1}, {1, 2}, {2, 3}, {3, 4}})
	steps, err := Disrupt(scopeOf(t, net, analysis.ScopeOptions{}), DisruptOptions{Strategy: ByBetweenness, Sequential: true, Steps: 2})
	require.NoError(t, err)
	assert.Equal(t, "a02", steps[1].Actor)
	assert.Equal(t, 2, steps[1].Largest)
	// Two pairs left of 4·3 = 12 ordered pairs connected: F = 1 − 4/12.
	assert.InDelta(t, 2.0/3, steps[1].Fragmentation, 1e-12)
	// Then every betweenness is 0: the tie goes to the first actor in
	// actor order, a00.
	assert.Equal(t, "a00", steps[2].Actor)
}

// TestDisruptTiesActorOrder: rank ties go to the first actor in actor
// (insertion) order, not to the smallest ID.
func TestDisruptTiesActorOrder(t *testing.T) {
	n := network.New("ties")
	for _, id := range []string{"z", "y", "x", "w"} {
		require.NoError(t, n.AddActor(network.Actor{ID: id}))
	}
	for _, e := range [][2]string{{"z", "y"}, {"x", "w"}} {
		_, err := n.AddLink(network.Link{From: e[0], To: e[1], Type: "tie", Mutual: true, Weight: 1})
		require.NoError(t, err)
	}
	s := scopeOf(t, n, analysis.ScopeOptions{})
	for _, strategy := range []DisruptStrategy{ByDegree, ByBetweenness} {
		for _, seq := range []bool{false, true} {
			steps, err := Disrupt(s, DisruptOptions{Strategy: strategy, Sequential: seq, Steps: 1})
			require.NoError(t, err)
			assert.Equal(t, "z", steps[1].Actor, "%v sequential %v", strategy, seq)
		}
	}
	// The recovery hub too: the star centre c's leaves all have degree 0
	// once c is gone, and rewire to the first leaf in actor order.
	star := network.New("star")
	for _, id := range []string{"c", "q", "p", "r"} {
		require.NoError(t, star.AddActor(network.Actor{ID: id}))
	}
	for _, leaf := range []string{"q", "p", "r"} {
		_, err := star.AddLink(network.Link{From: "c", To: leaf, Type: "tie", Mutual: true, Weight: 1})
		require.NoError(t, err)
	}
	steps, err := Disrupt(scopeOf(t, star, analysis.ScopeOptions{}), DisruptOptions{Steps: 1, Recovery: 1})
	require.NoError(t, err)
	assert.Equal(t, "c", steps[1].Actor)
	assert.Equal(t, [][2]string{{"p", "q"}, {"r", "q"}}, steps[1].NewTies)
}

func TestDisruptErrors(t *testing.T) {
	net := disruptNet(t, make([]network.Kind, 2), [][2]int{{0, 1}})
	s := scopeOf(t, net, analysis.ScopeOptions{})
	// A nil network or an invalid set is rejected by the scope.
	_, err := analysis.NewScope(nil, analysis.ScopeOptions{})
	assert.Error(t, err)
	_, err = Disrupt(s, DisruptOptions{Strategy: ByRandom + 1})
	assert.Error(t, err)
	_, err = Disrupt(s, DisruptOptions{Steps: -1})
	assert.Error(t, err)
	_, err = analysis.NewScope(net, analysis.ScopeOptions{A: analysis.BySector(99)})
	assert.Error(t, err)
	empty, err := Disrupt(scopeOf(t, network.New("empty"), analysis.ScopeOptions{}), DisruptOptions{})
	require.NoError(t, err)
	assert.Equal(t, []DisruptStep{{Fragmentation: 1, DistanceFragmentation: 1}}, empty)
	assert.Equal(t, "nexus_betweenness", ByNexusBetweenness.String())
	for _, opts := range []DisruptOptions{{Strategy: ByRandom + 1}, {Steps: -1}, {Recovery: 2}} {
		_, err = Disrupt(s, opts)
		assert.Regexp(t, `^nexus: `, err.Error())
	}
}

// TestDisruptEmptySets: on untyped actors the default sets are empty.
// ByNexusBetweenness fails, naming the set and how to fix it; the other
// strategies run and report no connected A→B pair.
func TestDisruptEmptySets(t *testing.T) {
	net := disruptNet(t, make([]network.Kind, 4), [][2]int{{0, 1}, {1, 2}, {2, 3}})
	s := scopeOf(t, net, analysis.ScopeOptions{})
	for _, seq := range []bool{false, true} {
		_, err := Disrupt(s, DisruptOptions{Strategy: ByNexusBetweenness, Sequential: seq})
		assertEmptySetError(t, err, "A")
		assert.Contains(t, err.Error(), "nexus betweenness")
	}
	for _, strategy := range []DisruptStrategy{ByDegree, ByBetweenness, ByKeyPlayer, ByRandom} {
		steps, err := Disrupt(s, DisruptOptions{Strategy: strategy, Steps: 2})
		require.NoError(t, err, "%v", strategy)
		require.Len(t, steps, 3)
		for _, st := range steps {
			assert.Zero(t, st.ConnectedPairs, "%v step %d", strategy, st.Step)
		}
		assert.Equal(t, 4, steps[0].Largest)
	}
	// Sets chosen by ID: a00 → a03 along the path.
	ids := scopeOf(t, net, analysis.ScopeOptions{A: analysis.ByID("a00"), B: analysis.ByID("a03")})
	steps, err := Disrupt(ids, DisruptOptions{Strategy: ByNexusBetweenness, Steps: 1})
	require.NoError(t, err)
	assert.Equal(t, 1, steps[0].ConnectedPairs)
	assert.Equal(t, "a01", steps[1].Actor) // a01 and a02 tie at 1: actor order
	assert.Zero(t, steps[1].ConnectedPairs)
}

func TestDisruptStrategyText(t *testing.T) {
	names := []string{"degree", "betweenness", "nexus_betweenness", "key_player", "random"}
	all := []DisruptStrategy{ByDegree, ByBetweenness, ByNexusBetweenness, ByKeyPlayer, ByRandom}
	for i, name := range names {
		st := all[i]
		assert.Equal(t, name, st.String())
		b, err := st.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, name, string(b))
		var back DisruptStrategy
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, st, back)
		got, err := ParseDisruptStrategy(name)
		require.NoError(t, err)
		assert.Equal(t, st, got)
	}
	got, err := ParseDisruptStrategy(" Key_Player\t")
	require.NoError(t, err)
	assert.Equal(t, ByKeyPlayer, got)
	_, err = ParseDisruptStrategy("keyplayer")
	assert.ErrorContains(t, err, "key_player")
	st := ByRandom
	assert.Error(t, st.UnmarshalText([]byte("pagerank")))
	assert.Equal(t, ByRandom, st, "unchanged on error")
	_, err = (ByRandom + 1).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "DisruptStrategy(5)", (ByRandom + 1).String())
}

// TestDisruptRecoveryStar: with p = 1 the leaves of a removed star centre
// all reconnect to the first leaf in actor order (every leaf has degree 0
// once the centre is gone), which re-forms the star.
func TestDisruptRecoveryStar(t *testing.T) {
	net := disruptNet(t,
		[]network.Kind{network.Cartel, network.Cell, network.Cell, network.Gang, network.Hawala},
		[][2]int{{0, 1}, {0, 2}, {0, 3}, {0, 4}})
	s := scopeOf(t, net, analysis.ScopeOptions{})
	steps, err := Disrupt(s, DisruptOptions{Strategy: ByDegree, Steps: 1, Recovery: 1})
	require.NoError(t, err)
	s1 := steps[1]
	assert.Equal(t, "a00", s1.Actor)
	assert.Equal(t, [][2]string{{"a02", "a01"}, {"a03", "a01"}, {"a04", "a01"}}, s1.NewTies)
	assert.Equal(t, 4, s1.Largest)
	assert.Equal(t, 0.0, s1.Fragmentation)
	assert.Equal(t, 2, s1.ConnectedPairs) // a03 → a01, a03 → a02
	// p = 0 is no recovery.
	none, err := Disrupt(s, DisruptOptions{Strategy: ByDegree, Steps: 1})
	require.NoError(t, err)
	assert.Nil(t, none[1].NewTies)
	assert.Equal(t, 1, none[1].Largest)
	for _, p := range []float64{-0.1, 1.1, math.NaN()} {
		_, err = Disrupt(s, DisruptOptions{Recovery: p})
		assert.Error(t, err, "p = %v", p)
	}
}

// TestDisruptRecoveryMatchesRecomputation replays removals and recovery
// ties on a copy of the network (RemoveActor, AddLink) and recomputes every
// step from scratch; the run is reproducible for a seed.
func TestDisruptRecoveryMatchesRecomputation(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	ties := 0
	for trial := range 8 {
		net := randomDisruptNet(t, rng, 8+rng.IntN(8), 0.3)
		for _, seq := range []bool{false, true} {
			opts := DisruptOptions{Strategy: ByBetweenness, Sequential: seq, Recovery: 0.6, Seed: uint64(trial), Steps: 6}
			sc := scopeOf(t, net, analysis.ScopeOptions{})
			steps, err := Disrupt(sc, opts)
			require.NoError(t, err)
			again, err := Disrupt(sc, opts)
			require.NoError(t, err)
			assert.Equal(t, steps, again)
			cp := copyNet(t, net)
			for i, st := range steps {
				if i > 0 {
					if seq {
						assert.Equal(t, staticOrder(t, cp, ByBetweenness)[0], st.Actor, "trial %d step %d", trial, i)
					}
					require.NoError(t, cp.RemoveActor(st.Actor))
					ties += len(st.NewTies)
					for _, tie := range st.NewTies {
						_, err := cp.AddLink(network.Link{From: tie[0], To: tie[1], Type: "recovered", Mutual: true, Weight: 1})
						require.NoError(t, err)
					}
				}
				want := directState(t, cp)
				want.Step, want.Actor = i, st.Actor
				assertStepsEqual(t, want, st, fmt.Sprintf("trial %d seq %v step %d", trial, seq, i))
			}
		}
	}
	assert.Greater(t, ties, 20, "recovery ties added")
	t.Logf("%d recovery ties replayed", ties)
}
