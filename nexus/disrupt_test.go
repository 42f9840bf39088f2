package nexus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
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
	g, ids, err := measure.FromNetwork(net, network.ViewOptions{}, false, false)
	require.NoError(t, err)
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
	st.Fragmentation = Fragmentation(g, nil)
	st.DistanceFragmentation = DistanceFragmentation(g, nil)
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
	assert.Equal(t, want.Removed, got.Removed, msg)
	assert.Equal(t, want.Remaining, got.Remaining, msg)
	assert.Equal(t, want.Largest, got.Largest, msg)
	assert.Equal(t, want.Components, got.Components, msg)
	assert.Equal(t, want.ConnectedPairs, got.ConnectedPairs, msg)
	assert.InDelta(t, want.Fragmentation, got.Fragmentation, 1e-12, msg)
	assert.InDelta(t, want.DistanceFragmentation, got.DistanceFragmentation, 1e-12, msg)
	assert.InDelta(t, want.Efficiency, got.Efficiency, 1e-12, msg)
}

// staticOrder ranks the actors of net once by the strategy's score,
// independently of Disrupt's code path (ties by actor ID).
func staticOrder(t testing.TB, net *network.Network, s DisruptStrategy) []string {
	g, ids, err := measure.FromNetwork(net, network.ViewOptions{}, false, false)
	require.NoError(t, err)
	var score []float64
	switch s {
	case ByDegree:
		score = measure.Degree(g)
	case ByBetweenness:
		score = measure.Betweenness(g, true)
	case ByNexusBetweenness:
		r, err := Betweenness(net, Options{})
		require.NoError(t, err)
		for _, x := range r.Scores {
			score = append(score, x.Value)
		}
	}
	scores := make([]ActorScore, len(ids))
	for i, id := range ids {
		scores[i] = ActorScore{ID: id, Value: score[i]}
	}
	var out []string
	for _, x := range Rank(scores) {
		out = append(out, x.ID)
	}
	return out
}

// TestDisruptStaticMatchesRecomputation removes actors in a static order
// and checks every step against a from-scratch recomputation on a copy of
// the network from which the same actors were removed with RemoveActor.
func TestDisruptStaticMatchesRecomputation(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := range 12 {
		net := randomDisruptNet(t, rng, 6+rng.IntN(10), 0.15+0.3*rng.Float64())
		for _, s := range []DisruptStrategy{ByDegree, ByBetweenness, ByNexusBetweenness, ByKeyPlayer, ByRandom} {
			steps, err := Disrupt(net, DisruptOptions{Strategy: s, Seed: uint64(trial), Steps: 5})
			require.NoError(t, err)
			require.Len(t, steps, 6)
			if s <= ByNexusBetweenness {
				want := staticOrder(t, net, s)
				for i := 1; i < len(steps); i++ {
					assert.Equal(t, want[i-1], steps[i].Removed, "trial %d %v step %d", trial, s, i)
				}
			}
			cp := copyNet(t, net)
			for i, st := range steps {
				if i > 0 {
					require.NoError(t, cp.RemoveActor(st.Removed))
				}
				want := directState(t, cp)
				want.Step, want.Removed = i, st.Removed
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
			steps, err := Disrupt(net, DisruptOptions{Strategy: s, Sequential: true})
			require.NoError(t, err)
			require.Len(t, steps, net.NumActors()+1)
			cp := copyNet(t, net)
			for i, st := range steps {
				if i > 0 {
					assert.Equal(t, staticOrder(t, cp, s)[0], st.Removed, "trial %d %v step %d", trial, s, i)
					require.NoError(t, cp.RemoveActor(st.Removed))
				}
				want := directState(t, cp)
				want.Step, want.Removed = i, st.Removed
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
	g, _, err := measure.FromNetwork(net, network.ViewOptions{}, false, false)
	require.NoError(t, err)
	kp, err := KeyPlayers(g, KeyPlayerOptions{K: 2, Objective: FragmentNeg})
	require.NoError(t, err)
	static, err := Disrupt(net, DisruptOptions{Strategy: ByKeyPlayer, Steps: 2})
	require.NoError(t, err)
	got := []string{static[1].Removed, static[2].Removed}
	var want []string
	for _, v := range kp.Set {
		want = append(want, fmt.Sprintf("a%02d", v))
	}
	assert.ElementsMatch(t, want, got)
	assert.InDelta(t, kp.After, static[2].Fragmentation, 1e-12)

	seq, err := Disrupt(net, DisruptOptions{Strategy: ByKeyPlayer, Sequential: true, Steps: 1})
	require.NoError(t, err)
	one, err := KeyPlayers(g, KeyPlayerOptions{K: 1, Objective: FragmentNeg})
	require.NoError(t, err)
	assert.Equal(t, fmt.Sprintf("a%02d", one.Set[0]), seq[1].Removed)
	assert.Equal(t, "a06", seq[1].Removed) // the bridge
	assert.Equal(t, 3, seq[1].Largest)
}

func TestDisruptRandomReproducible(t *testing.T) {
	net := randomDisruptNet(t, rand.New(rand.NewPCG(1, 2)), 20, 0.2)
	for _, seq := range []bool{false, true} {
		order := func(seed uint64) []string {
			steps, err := Disrupt(net, DisruptOptions{Strategy: ByRandom, Sequential: seq, Seed: seed})
			require.NoError(t, err)
			var out []string
			for _, s := range steps[1:] {
				out = append(out, s.Removed)
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
	steps, err := Disrupt(net, DisruptOptions{Strategy: ByDegree, Steps: 1})
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
	assert.Equal(t, DisruptStep{Step: 1, Removed: "a00", Remaining: 4, Largest: 1, Components: 4,
		Fragmentation: 1, DistanceFragmentation: 1, Efficiency: 0, ConnectedPairs: 0}, s1)
}

func TestDisruptPath(t *testing.T) {
	// Path a00 - a01 - a02 - a03 - a04; betweenness removes the middle.
	net := disruptNet(t, make([]network.Kind, 5), [][2]int{{0, 1}, {1, 2}, {2, 3}, {3, 4}})
	steps, err := Disrupt(net, DisruptOptions{Strategy: ByBetweenness, Sequential: true, Steps: 2})
	require.NoError(t, err)
	assert.Equal(t, "a02", steps[1].Removed)
	assert.Equal(t, 2, steps[1].Largest)
	// Two pairs left of 4·3 = 12 ordered pairs connected: F = 1 − 4/12.
	assert.InDelta(t, 2.0/3, steps[1].Fragmentation, 1e-12)
	// Then every betweenness is 0: the tie goes to the smallest ID, a00.
	assert.Equal(t, "a00", steps[2].Removed)
}

func TestDisruptErrors(t *testing.T) {
	net := disruptNet(t, make([]network.Kind, 2), [][2]int{{0, 1}})
	_, err := Disrupt(nil, DisruptOptions{})
	assert.Error(t, err)
	_, err = Disrupt(net, DisruptOptions{Strategy: ByRandom + 1})
	assert.Error(t, err)
	_, err = Disrupt(net, DisruptOptions{Steps: -1})
	assert.Error(t, err)
	_, err = Disrupt(net, DisruptOptions{SectorA: 99})
	assert.Error(t, err)
	empty, err := Disrupt(network.New("empty"), DisruptOptions{})
	require.NoError(t, err)
	assert.Equal(t, []DisruptStep{{Fragmentation: 1, DistanceFragmentation: 1}}, empty)
	assert.Equal(t, "nexus_betweenness", ByNexusBetweenness.String())
}

// TestDisruptRecoveryStar: with p = 1 the leaves of a removed star centre
// all reconnect to the smallest-ID leaf (every leaf has degree 0 once the
// centre is gone), which re-forms the star.
func TestDisruptRecoveryStar(t *testing.T) {
	net := disruptNet(t,
		[]network.Kind{network.Cartel, network.Cell, network.Cell, network.Gang, network.Hawala},
		[][2]int{{0, 1}, {0, 2}, {0, 3}, {0, 4}})
	steps, err := Disrupt(net, DisruptOptions{Strategy: ByDegree, Steps: 1, Recovery: 1})
	require.NoError(t, err)
	s1 := steps[1]
	assert.Equal(t, "a00", s1.Removed)
	assert.Equal(t, [][2]string{{"a02", "a01"}, {"a03", "a01"}, {"a04", "a01"}}, s1.NewTies)
	assert.Equal(t, 4, s1.Largest)
	assert.Equal(t, 0.0, s1.Fragmentation)
	assert.Equal(t, 2, s1.ConnectedPairs) // a03 → a01, a03 → a02
	// p = 0 is no recovery.
	none, err := Disrupt(net, DisruptOptions{Strategy: ByDegree, Steps: 1})
	require.NoError(t, err)
	assert.Nil(t, none[1].NewTies)
	assert.Equal(t, 1, none[1].Largest)
	for _, p := range []float64{-0.1, 1.1, math.NaN()} {
		_, err = Disrupt(net, DisruptOptions{Recovery: p})
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
			steps, err := Disrupt(net, opts)
			require.NoError(t, err)
			again, err := Disrupt(net, opts)
			require.NoError(t, err)
			assert.Equal(t, steps, again)
			cp := copyNet(t, net)
			for i, st := range steps {
				if i > 0 {
					if seq {
						assert.Equal(t, staticOrder(t, cp, ByBetweenness)[0], st.Removed, "trial %d step %d", trial, i)
					}
					require.NoError(t, cp.RemoveActor(st.Removed))
					ties += len(st.NewTies)
					for _, tie := range st.NewTies {
						_, err := cp.AddLink(network.Link{From: tie[0], To: tie[1], Type: "recovered", Mutual: true, Weight: 1})
						require.NoError(t, err)
					}
				}
				want := directState(t, cp)
				want.Step, want.Removed = i, st.Removed
				assertStepsEqual(t, want, st, fmt.Sprintf("trial %d seq %v step %d", trial, seq, i))
			}
		}
	}
	assert.Greater(t, ties, 20, "recovery ties added")
	t.Logf("%d recovery ties replayed", ties)
}
