package nexus

import (
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/measure"
	"github.com/illicitnet/illicit/network/netio"
)

func kpGraph(t testing.TB, n int, directed bool, edges ...[2]int) *measure.Graph {
	t.Helper()
	var from, to []int
	for _, e := range edges {
		from, to = append(from, e[0]), append(to, e[1])
	}
	g, err := measure.FromEdges(n, directed, from, to, nil)
	require.NoError(t, err)
	return g
}

// kpRandomGraph is a seeded G(n, p) graph.
func kpRandomGraph(t testing.TB, rng *rand.Rand, n int, p float64) *measure.Graph {
	var edges [][2]int
	for u := 0; u < n; u++ {
		for v := u + 1; v < n; v++ {
			if rng.Float64() < p {
				edges = append(edges, [2]int{u, v})
			}
		}
	}
	return kpGraph(t, n, false, edges...)
}

func TestKeyPlayerMeasuresHand(t *testing.T) {
	const tol = 1e-12
	// Path 0-1-2-3-4.
	path := kpGraph(t, 5, false, [2]int{0, 1}, [2]int{1, 2}, [2]int{2, 3}, [2]int{3, 4})
	assert.InDelta(t, 0, Fragmentation(path, nil), tol)
	// Without 2: {0,1}, {3,4}: pairs 2+2 = 4 of 4·3 = 12 → F = 2/3.
	assert.InDelta(t, 2.0/3, Fragmentation(path, []int{2}), tol)
	// Unordered pairs at distance 1,2,3,4: 4,3,2,1 → Σ1/d = 4 + 3/2 + 2/3 + 1/4
	// = 77/12; ordered 77/6 over 20 → DF = 1 − 77/120 = 43/120.
	assert.InDelta(t, 43.0/120, DistanceFragmentation(path, nil), tol)
	// Without 2: two pairs at distance 1 → ordered Σ = 4 over 12 → DF = 2/3.
	assert.InDelta(t, 2.0/3, DistanceFragmentation(path, []int{2}), tol)
	// Repeats and out-of-range indices are ignored.
	assert.InDelta(t, 2.0/3, Fragmentation(path, []int{2, 2, -1, 9}), tol)

	// Star: centre 0, leaves 1..4.
	star := kpGraph(t, 5, false, [2]int{0, 1}, [2]int{0, 2}, [2]int{0, 3}, [2]int{0, 4})
	// Without the centre: four isolates → F = 1, DF = 1.
	assert.InDelta(t, 1, Fragmentation(star, []int{0}), tol)
	assert.InDelta(t, 1, DistanceFragmentation(star, []int{0}), tol)
	// 4 pairs at d=1, 6 at d=2: Σ1/d = 7, ordered 14 of 20 → DF = 0.3.
	assert.InDelta(t, 0.3, DistanceFragmentation(star, nil), tol)
	assert.InDelta(t, 1, Reach(star, []int{0}, 1), tol)
	assert.InDelta(t, 0.25, Reach(star, []int{1}, 1), tol) // only the centre
	assert.InDelta(t, 1, Reach(star, []int{1}, 2), tol)
	assert.InDelta(t, 1, Reach(star, []int{1}, -1), tol)
	assert.InDelta(t, 0, Reach(star, []int{1}, 0), tol)
	// From leaf 1: centre at 1, three leaves at 2 → (1 + 3/2)/4 = 0.625.
	assert.InDelta(t, 0.625, DistanceReach(star, []int{1}), tol)
	assert.InDelta(t, 0, Reach(star, nil, 1), tol)

	// Two triangles 0-1-2 and 3-4-5 joined by the bridge 2-3.
	tri := kpGraph(t, 6, false, [2]int{0, 1}, [2]int{1, 2}, [2]int{0, 2},
		[2]int{3, 4}, [2]int{4, 5}, [2]int{3, 5}, [2]int{2, 3})
	assert.InDelta(t, 0, Fragmentation(tri, nil), tol)
	// Without 2: {0,1}, {3,4,5}: 2 + 6 = 8 of 5·4 = 20 → F = 0.6.
	assert.InDelta(t, 0.6, Fragmentation(tri, []int{2}), tol)
	// Without 2 and 3: {0,1}, {4,5}: 4 of 12 → F = 2/3.
	assert.InDelta(t, 2.0/3, Fragmentation(tri, []int{2, 3}), tol)
	// 7 pairs at d=1, 4 at d=2, 4 at d=3: Σ1/d = 31/3, ordered 62/3 of 30
	// → DF = 1 − 62/90 = 14/45.
	assert.InDelta(t, 14.0/45, DistanceFragmentation(tri, nil), tol)
	// Without 2: {0,1} one pair, {3,4,5} three pairs, all at d=1: ordered
	// Σ = 8 of 20 → DF = 0.6 (equal to F: all distances are 1).
	assert.InDelta(t, 0.6, DistanceFragmentation(tri, []int{2}), tol)

	// A directed graph is read as undirected.
	dpath := kpGraph(t, 5, true, [2]int{0, 1}, [2]int{2, 1}, [2]int{2, 3}, [2]int{4, 3})
	assert.InDelta(t, 2.0/3, Fragmentation(dpath, []int{2}), tol)
	assert.InDelta(t, 43.0/120, DistanceFragmentation(dpath, nil), tol)

	// Fewer than two nodes left.
	assert.InDelta(t, 1, Fragmentation(path, []int{0, 1, 2, 3}), tol)
}

// directF is F from the components found by measure.Components on the
// induced subgraph.
func directF(t *testing.T, g *measure.Graph, removed []int) float64 {
	rm, _ := kpMask(g.Len(), removed)
	var from, to []int
	idx := map[int]int{}
	for v := 0; v < g.Len(); v++ {
		if !rm[v] {
			idx[v] = len(idx)
		}
	}
	for u := 0; u < g.Len(); u++ {
		adj, _ := g.Out(u)
		for _, v := range adj {
			if !rm[u] && !rm[v] {
				from, to = append(from, idx[u]), append(to, idx[int(v)])
			}
		}
	}
	sub, err := measure.FromEdges(len(idx), false, from, to, nil)
	require.NoError(t, err)
	n := float64(len(idx))
	var pairs float64
	for _, c := range measure.Components(sub) {
		s := float64(len(c))
		pairs += s * (s - 1)
	}
	return 1 - pairs/(n*(n-1))
}

func TestRemovalPairsMatchesDirect(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for trial := 0; trial < 40; trial++ {
		n := 5 + rng.IntN(20)
		g := kpRandomGraph(t, rng, n, 0.05+0.3*rng.Float64())
		var removed []int
		for v := 0; v < n; v++ {
			if rng.Float64() < 0.15 {
				removed = append(removed, v)
			}
		}
		mask, k := kpMask(n, removed)
		got := kpRemovalPairs(g, mask)
		for v := 0; v < n; v++ {
			if mask[v] {
				continue
			}
			with := append(slices.Clone(removed), v)
			if n-k-1 >= 2 {
				assert.InDelta(t, directF(t, g, with), kpFrag(got[v], n-k-1), 1e-12, "trial %d v %d", trial, v)
			}
			assert.InDelta(t, Fragmentation(g, with), kpFrag(got[v], n-k-1), 1e-12, "trial %d v %d", trial, v)
		}
	}
}

func kpCombinations(n, k int, f func([]int)) {
	set := make([]int, k)
	var rec func(start, i int)
	rec = func(start, i int) {
		if i == k {
			f(set)
			return
		}
		for v := start; v < n; v++ {
			set[i] = v
			rec(v+1, i+1)
		}
	}
	rec(0, 0)
}

// TestKeyPlayersExhaustive compares the heuristic with exhaustive search
// over all k-subsets. Greedy plus best-improvement swaps alone may stop at
// a local optimum; the test reports how often, requires the misses to stay
// below 20% of runs, and requires kpTestRestarts seeded restarts to close
// them all. (Last run: F missed 18 of 108, reach 7 of 108, largest
// shortfall 0.60; none with 20 restarts.)
func TestKeyPlayersExhaustive(t *testing.T) {
	rng := rand.New(rand.NewPCG(2006, 1))
	type tally struct{ runs, misses, restartMisses int }
	stats := map[KeyPlayerObjective]*tally{FragmentNeg: {}, ReachPos: {}}
	worst := 0.0
	for trial := 0; trial < 36; trial++ {
		n := 6 + rng.IntN(11) // 6..16
		g := kpRandomGraph(t, rng, n, 0.1+0.25*rng.Float64())
		for _, obj := range []KeyPlayerObjective{FragmentNeg, ReachPos} {
			for k := 1; k <= 3; k++ {
				best := math.Inf(-1)
				kpCombinations(n, k, func(s []int) {
					var v float64
					if obj == FragmentNeg {
						v = Fragmentation(g, s)
					} else {
						v = Reach(g, s, 1)
					}
					best = max(best, v)
				})
				res, err := KeyPlayers(g, KeyPlayerOptions{K: k, Objective: obj, M: 1})
				require.NoError(t, err)
				require.Len(t, res.Set, k)
				// The reported score is that of the reported set.
				if obj == FragmentNeg {
					assert.InDelta(t, Fragmentation(g, res.Set), res.After, 1e-12)
				} else {
					assert.InDelta(t, Reach(g, res.Set, 1), res.After, 1e-12)
				}
				st := stats[obj]
				st.runs++
				if res.After < best-1e-9 {
					st.misses++
					worst = max(worst, best-res.After)
				}
				if k == 1 {
					assert.InDelta(t, best, res.After, 1e-9, "k=1 greedy is exhaustive")
				}
				res2, err := KeyPlayers(g, KeyPlayerOptions{K: k, Objective: obj, M: 1, Seed: uint64(trial), Restarts: kpTestRestarts})
				require.NoError(t, err)
				assert.GreaterOrEqual(t, res2.After, res.After-1e-12)
				if res2.After < best-1e-9 {
					st.restartMisses++
				}
			}
		}
	}
	for obj, st := range stats {
		t.Logf("%v: greedy+swap missed the exhaustive optimum in %d of %d runs; with %d seeded restarts in %d", obj, st.misses, st.runs, kpTestRestarts, st.restartMisses)
		// Stated tolerance: greedy + swaps alone may miss in up to 20% of runs.
		assert.LessOrEqual(t, st.misses*5, st.runs, "%v: more than 20%% misses", obj)
		assert.Zero(t, st.restartMisses, "%v: misses left after restarts", obj)
	}
	t.Logf("largest shortfall of greedy+swap below the optimum: %.4f", worst)
}

func TestKeyPlayersDeterministicAndCandidates(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	g := kpRandomGraph(t, rng, 40, 0.08)
	for _, obj := range []KeyPlayerObjective{FragmentNeg, DistanceFragmentNeg, ReachPos, DistanceReachPos} {
		opts := KeyPlayerOptions{K: 3, Objective: obj, M: 2, Seed: 42, Restarts: 3}
		a, err := KeyPlayers(g, opts)
		require.NoError(t, err)
		b, err := KeyPlayers(g, opts)
		require.NoError(t, err)
		assert.Equal(t, a, b, "%v", obj)
		assert.True(t, slices.IsSorted(a.Set))
		assert.GreaterOrEqual(t, a.After, a.Before)

		// Contributions: After minus the score without that member.
		for i := range a.Set {
			rest := slices.Delete(slices.Clone(a.Set), i, i+1)
			var v float64
			switch obj {
			case FragmentNeg:
				v = Fragmentation(g, rest)
			case DistanceFragmentNeg:
				v = DistanceFragmentation(g, rest)
			case ReachPos:
				v = Reach(g, rest, 2)
			default:
				v = DistanceReach(g, rest)
			}
			assert.InDelta(t, a.After-v, a.Contribution[i], 1e-12)
		}

		cands := []int{1, 3, 5, 7, 9, 11, 13, 15, 3}
		opts.Candidates = cands
		c, err := KeyPlayers(g, opts)
		require.NoError(t, err)
		for _, v := range c.Set {
			assert.Contains(t, cands, v)
		}
		assert.LessOrEqual(t, c.After, a.After+1e-12)
	}
	_, err := KeyPlayers(g, KeyPlayerOptions{K: 3, Candidates: []int{1, 2}})
	assert.Error(t, err)
	_, err = KeyPlayers(g, KeyPlayerOptions{K: 1, Candidates: []int{40}})
	assert.Error(t, err)
	_, err = KeyPlayers(g, KeyPlayerOptions{K: 0})
	assert.Error(t, err)
	_, err = KeyPlayers(g, KeyPlayerOptions{K: 1, Objective: 9})
	assert.Error(t, err)
}

func TestKeyPlayersHand(t *testing.T) {
	// Two triangles joined by a bridge: removing both bridge ends is best.
	tri := kpGraph(t, 6, false, [2]int{0, 1}, [2]int{1, 2}, [2]int{0, 2},
		[2]int{3, 4}, [2]int{4, 5}, [2]int{3, 5}, [2]int{2, 3})
	res, err := KeyPlayers(tri, KeyPlayerOptions{K: 2})
	require.NoError(t, err)
	assert.Equal(t, []int{2, 3}, res.Set)
	assert.InDelta(t, 0, res.Before, 1e-12)
	assert.InDelta(t, 2.0/3, res.After, 1e-12)
	// Putting 2 back leaves {0,1,2}, {4,5}: F = 1 − (6+2)/20 = 0.6.
	assert.InDelta(t, 2.0/3-0.6, res.Contribution[0], 1e-12)
	// KPP-Pos, m = 1: 2 and 3 together touch everyone.
	res, err = KeyPlayers(tri, KeyPlayerOptions{K: 2, Objective: ReachPos})
	require.NoError(t, err)
	assert.InDelta(t, 1, res.After, 1e-12)
}

func TestKeyPlayersCaviar(t *testing.T) {
	dir := filepath.Join("..", "testdata", "caviar")
	n, err := netio.Load(filepath.Join(dir, "edges.csv"), netio.LoadOptions{Nodes: filepath.Join(dir, "nodes.csv"), Directed: true})
	require.NoError(t, err)
	res, err := KeyPlayersOf(n, network.ViewOptions{}, KeyPlayerOptions{K: 3, Objective: FragmentNeg})
	require.NoError(t, err)
	g, ids, err := measure.FromNetwork(n, network.ViewOptions{}, false, false)
	require.NoError(t, err)
	direct := Fragmentation(g, res.Set)
	t.Logf("CAVIAR (%d actors, %d ties): KPP-Neg k=3 set %v, F before %.6f, after %.6f, contributions %v",
		g.Len(), g.NumEdges(), res.Actors, res.Before, res.After, res.Contribution)
	assert.InDelta(t, direct, res.After, 1e-12)
	assert.InDelta(t, directF(t, g, res.Set), res.After, 1e-12)
	for i, v := range res.Set {
		assert.Equal(t, ids[v], res.Actors[i])
	}
	// Values found here; F of the set cross-checked with networkx (see below).
	assert.Equal(t, caviarKP3, res.Actors)
	assert.InDelta(t, caviarKP3F, res.After, 1e-9)

	// Candidates by actor ID.
	res2, err := KeyPlayersOf(n, network.ViewOptions{}, KeyPlayerOptions{K: 1, CandidateActors: []string{res.Actors[2]}})
	require.NoError(t, err)
	assert.Equal(t, []string{res.Actors[2]}, res2.Actors)
	_, err = KeyPlayersOf(n, network.ViewOptions{}, KeyPlayerOptions{K: 1, CandidateActors: []string{"no such actor"}})
	assert.Error(t, err)
}

// CAVIAR (110 actors, 214 undirected ties, self-loops dropped): the
// KPP-Neg k = 3 set found by KeyPlayers and its F. Cross-checked with
// networkx 3.6.1 (graph from testdata/caviar/{nodes,edges}.csv, F computed
// from nx.connected_components after remove_nodes_from):
//
//	F(∅)            = 0.08907422852376978
//	F({1, 12, 87})  = 0.5981308411214954   (also the best of all 3-subsets of the 30 highest-degree actors)
//	F({12, 87})     = 0.3523710626514365   → contribution of 1  = 0.2457598
//	F({1, 87})      = 0.4529248875043268   → contribution of 12 = 0.1452060
//	F({1, 12})      = 0.5065766701280721   → contribution of 87 = 0.0915542
var (
	caviarKP3  = []string{"1", "12", "87"}
	caviarKP3F = 0.5981308411214954
)

// kpTestRestarts is the number of seeded restarts that closes every gap to
// the exhaustive optimum in TestKeyPlayersExhaustive.
const kpTestRestarts = 20
