package measure

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func kpGraph(t testing.TB, n int, directed bool, edges ...[2]int) *Graph {
	t.Helper()
	var from, to []int
	for _, e := range edges {
		from, to = append(from, e[0]), append(to, e[1])
	}
	g, err := FromEdges(n, directed, from, to, nil)
	require.NoError(t, err)
	return g
}

// kpRandomGraph is a seeded G(n, p) graph.
func kpRandomGraph(t testing.TB, rng *rand.Rand, n int, p float64) *Graph {
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

func TestGlobalEfficiency(t *testing.T) {
	const tol = 1e-12
	// Path 0-1-2-3-4: Σ1/d over ordered pairs 77/6 of 20 (see above).
	path := kpGraph(t, 5, false, [2]int{0, 1}, [2]int{1, 2}, [2]int{2, 3}, [2]int{3, 4})
	assert.InDelta(t, 77.0/120, GlobalEfficiency(path), tol)
	assert.InDelta(t, 1-GlobalEfficiency(path), DistanceFragmentation(path, nil), tol)
	// Complete graph K4: 1. No ties, one node, no nodes: 0.
	k4 := kpGraph(t, 4, false, [2]int{0, 1}, [2]int{0, 2}, [2]int{0, 3}, [2]int{1, 2}, [2]int{1, 3}, [2]int{2, 3})
	assert.InDelta(t, 1, GlobalEfficiency(k4), tol)
	assert.InDelta(t, 0, GlobalEfficiency(kpGraph(t, 3, false)), tol)
	assert.InDelta(t, 0, GlobalEfficiency(kpGraph(t, 1, false)), tol)
	assert.InDelta(t, 0, GlobalEfficiency(kpGraph(t, 0, false)), tol)
	// A directed path reads as the undirected one.
	dpath := kpGraph(t, 5, true, [2]int{0, 1}, [2]int{2, 1}, [2]int{2, 3}, [2]int{4, 3})
	assert.InDelta(t, 77.0/120, GlobalEfficiency(dpath), tol)
	// A graph of more than 64 nodes (several bit-parallel batches) with
	// more than one component; the number of workers does not matter.
	g := loadGenerated(t, "disconnected_70")
	e1 := GlobalEfficiency(g, Options{Workers: 1})
	assert.Equal(t, e1, GlobalEfficiency(g, Options{Workers: 4}))
	df1 := DistanceFragmentation(g, []int{0, 1, 2, 3, 4}, Options{Workers: 1})
	assert.Equal(t, df1, DistanceFragmentation(g, []int{0, 1, 2, 3, 4}, Options{Workers: 3}))
}

// TestKeyPlayerMeasuresNetworkX compares with networkx 3.6.1 on the
// reference graphs (G.to_undirected() for a DiGraph):
//
//	E  = nx.global_efficiency(U)
//	H  = U.copy(); H.remove_nodes_from([0, 1, 2, 3, 4]); n = len(H)
//	F  = 1 − Σ_C |C|(|C|−1) / (n(n−1)) over nx.connected_components(H)
//	DF = 1 − nx.global_efficiency(H)
func TestKeyPlayerMeasuresNetworkX(t *testing.T) {
	want := map[string][3]float64{
		"er_60":           {0.41366290018831886, 0.036363636363636376, 0.5984624017957336},
		"ba_100":          {0.4285757575757885, 0.0, 0.6024188129898973},
		"disconnected_70": {0.13458247066942766, 0.729326923076923, 0.8759695512820521},
		"dir_er_50":       {0.45591836734694213, 0.0444444444444444, 0.5778451178451137},
	}
	rm := []int{0, 1, 2, 3, 4}
	for name, w := range want {
		g := loadGenerated(t, name)
		assert.InDelta(t, w[0], GlobalEfficiency(g), 1e-12, "%s: efficiency", name)
		assert.InDelta(t, w[1], Fragmentation(g, rm), 1e-12, "%s: F", name)
		assert.InDelta(t, w[2], DistanceFragmentation(g, rm), 1e-12, "%s: DF", name)
	}
}

// directF is F from the components found by Components on the induced
// subgraph.
func directF(t *testing.T, g *Graph, removed []int) float64 {
	rm, _ := indexMask(g.Len(), removed)
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
	sub, err := FromEdges(len(idx), false, from, to, nil)
	require.NoError(t, err)
	n := float64(len(idx))
	var pairs float64
	for _, c := range Components(sub) {
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
		mask, k := indexMask(n, removed)
		got := removalPairs(g, mask)
		for v := 0; v < n; v++ {
			if mask[v] {
				continue
			}
			with := append(slices.Clone(removed), v)
			if n-k-1 >= 2 {
				assert.InDelta(t, directF(t, g, with), fragmentation(got[v], n-k-1), 1e-12, "trial %d v %d", trial, v)
			}
			assert.InDelta(t, Fragmentation(g, with), fragmentation(got[v], n-k-1), 1e-12, "trial %d v %d", trial, v)
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

// kpOptimum returns the exhaustive optimum of fragmentation or 1-reach over
// all k-subsets.
func kpOptimum(g *Graph, obj KeyPlayerObjective, k int) float64 {
	best := math.Inf(-1)
	kpCombinations(g.Len(), k, func(s []int) {
		if obj == FragmentNeg {
			best = max(best, Fragmentation(g, s))
		} else {
			best = max(best, Reach(g, s, 1))
		}
	})
	return best
}

// TestKeyPlayersExhaustive compares the heuristic with exhaustive search
// over all k-subsets. Greedy plus best-improvement swaps alone (Restarts
// < 0) may stop at a local optimum; the test reports how often, requires
// the misses to stay below 20% of runs, and requires kpTestRestarts seeded
// restarts to close them all. (Last run: F missed 13 of 108, reach 2 of
// 108, largest shortfall 0.15; none with 20 restarts. Before ties were
// broken by the ties touching the set: F 18, reach 7, shortfall 0.60.)
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
				best := kpOptimum(g, obj, k)
				res, err := KeyPlayers(g, KeyPlayerOptions{K: k, Objective: obj, M: 1, Restarts: -1})
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

// kpTestGraph is one graph of kpTestGraphs.
type kpTestGraph struct {
	family string
	g      *Graph
}

// kpTestGraphs returns a seeded suite of small graphs, 8–16 nodes, perFamily
// of each family: random recursive trees; sparse and dense Erdős–Rényi
// G(n, p); Watts–Strogatz small worlds (a ring lattice with 2 neighbours
// each side, each edge rewired with probability β); and 2-connected graphs
// without a cut vertex (a Hamiltonian cycle plus random chords), where no
// single removal changes F.
func kpTestGraphs(t testing.TB, seed uint64, perFamily int) []kpTestGraph {
	rng := rand.New(rand.NewPCG(seed, 2006))
	var out []kpTestGraph
	add := func(family string, n int, edges map[[2]int]bool) {
		var es [][2]int
		for e := range edges {
			es = append(es, e)
		}
		slices.SortFunc(es, func(a, b [2]int) int {
			if a[0] != b[0] {
				return a[0] - b[0]
			}
			return a[1] - b[1]
		})
		out = append(out, kpTestGraph{family, kpGraph(t, n, false, es...)})
	}
	edge := func(u, v int) [2]int { return [2]int{min(u, v), max(u, v)} }
	for range perFamily {
		n := 8 + rng.IntN(9)
		es := map[[2]int]bool{}
		for v := 1; v < n; v++ {
			es[edge(v, rng.IntN(v))] = true
		}
		add("tree", n, es)
	}
	for _, f := range []struct {
		name   string
		lo, hi float64
	}{{"sparse ER", 0.12, 0.25}, {"dense ER", 0.4, 0.7}} {
		for range perFamily {
			n := 8 + rng.IntN(9)
			p := f.lo + (f.hi-f.lo)*rng.Float64()
			es := map[[2]int]bool{}
			for u := 0; u < n; u++ {
				for v := u + 1; v < n; v++ {
					if rng.Float64() < p {
						es[edge(u, v)] = true
					}
				}
			}
			add(f.name, n, es)
		}
	}
	for range perFamily {
		n := 8 + rng.IntN(9)
		beta := 0.1 + 0.3*rng.Float64()
		es := map[[2]int]bool{}
		for u := 0; u < n; u++ {
			for j := 1; j <= 2; j++ {
				es[edge(u, (u+j)%n)] = true
			}
		}
		for u := 0; u < n; u++ {
			for j := 1; j <= 2; j++ {
				e := edge(u, (u+j)%n)
				if !es[e] || rng.Float64() >= beta {
					continue
				}
				w := rng.IntN(n)
				if w == u || es[edge(u, w)] {
					continue
				}
				delete(es, e)
				es[edge(u, w)] = true
			}
		}
		add("Watts-Strogatz", n, es)
	}
	for range perFamily {
		n := 8 + rng.IntN(9)
		perm := rng.Perm(n)
		es := map[[2]int]bool{}
		for i := range n {
			es[edge(perm[i], perm[(i+1)%n])] = true
		}
		chords := 1 + rng.IntN(n/2)
		for len(es) < n+chords {
			u, v := rng.IntN(n), rng.IntN(n)
			if u != v {
				es[edge(u, v)] = true
			}
		}
		add("2-connected", n, es)
	}
	return out
}

// TestKeyPlayersDefaultOptimal requires the default run (options K and
// Objective only) to find the exhaustive optimum in at least 99% of the
// cases: 125 seeded graphs of 8–16 nodes in five families, k = 2 and 3,
// fragmentation and reach (m = 1).
func TestKeyPlayersDefaultOptimal(t *testing.T) {
	graphs := kpTestGraphs(t, 1, 25)
	for _, tg := range graphs {
		if tg.family == "2-connected" {
			require.Empty(t, ArticulationPoints(tg.g), "a 2-connected graph has no cut vertex")
		}
	}
	cases, hits := 0, 0
	for _, obj := range []KeyPlayerObjective{FragmentNeg, ReachPos} {
		for k := 2; k <= 3; k++ {
			for i, tg := range graphs {
				best := kpOptimum(tg.g, obj, k)
				res, err := KeyPlayers(tg.g, KeyPlayerOptions{K: k, Objective: obj})
				require.NoError(t, err)
				cases++
				if res.After >= best-1e-12 {
					hits++
				} else {
					t.Logf("miss: %v k=%d graph %d (%s, n=%d): %.4f < optimum %.4f", obj, k, i, tg.family, tg.g.Len(), res.After, best)
				}
			}
		}
	}
	t.Logf("default run optimal in %d of %d cases (%.1f%%)", hits, cases, 100*float64(hits)/float64(cases))
	assert.GreaterOrEqual(t, 100*hits, 99*cases, "default run optimal in fewer than 99%% of cases")
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

func TestKeyPlayersErrors(t *testing.T) {
	g := kpGraph(t, 4, false, [2]int{0, 1}, [2]int{1, 2}, [2]int{2, 3})
	for _, tc := range []struct {
		opts KeyPlayerOptions
		want string
	}{
		{KeyPlayerOptions{K: 0}, "measure: key player set size K = 0 out of range; set K between 1 and the number of candidates, 4"},
		{KeyPlayerOptions{K: 5}, "measure: key player set size K = 5 out of range; set K between 1 and the number of candidates, 4"},
		{KeyPlayerOptions{K: 3, Candidates: []int{1, 2, 2}}, "measure: key player set size K = 3 out of range; set K between 1 and the number of candidates, 2"},
		{KeyPlayerOptions{K: 1, Candidates: []int{4}}, "measure: key player candidate 4 out of range; candidates are node indices 0..3"},
		{KeyPlayerOptions{K: 1, Candidates: []int{-1}}, "measure: key player candidate -1 out of range; candidates are node indices 0..3"},
		{KeyPlayerOptions{K: 1, Candidates: []int{}}, "measure: no key player candidates; pass nil Candidates to allow every node"},
		{KeyPlayerOptions{K: 1, Objective: 9}, "measure: unknown key player objective 9; use one of the KeyPlayerObjective constants"},
	} {
		_, err := KeyPlayers(g, tc.opts)
		assert.EqualError(t, err, tc.want, "%+v", tc.opts)
	}
}

func TestKeyPlayerObjectiveText(t *testing.T) {
	names := map[KeyPlayerObjective]string{
		FragmentNeg:         "fragmentation",
		DistanceFragmentNeg: "distance_fragmentation",
		ReachPos:            "reach",
		DistanceReachPos:    "distance_reach",
	}
	for o, name := range names {
		assert.Equal(t, name, o.String())
		text, err := o.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, name, string(text))
		for _, s := range []string{name, " " + name + "\t", strings.ToUpper(name), strings.ToUpper(name[:1]) + name[1:]} {
			p, err := ParseKeyPlayerObjective(s)
			require.NoError(t, err, s)
			assert.Equal(t, o, p, s)
		}
		var u KeyPlayerObjective
		require.NoError(t, u.UnmarshalText(text))
		assert.Equal(t, o, u)
		// In JSON, as a text value.
		js, err := json.Marshal(struct{ Objective KeyPlayerObjective }{o})
		require.NoError(t, err)
		assert.JSONEq(t, `{"Objective":"`+name+`"}`, string(js))
		var back struct{ Objective KeyPlayerObjective }
		require.NoError(t, json.Unmarshal(js, &back))
		assert.Equal(t, o, back.Objective)
	}
	bad := KeyPlayerObjective(9)
	assert.Equal(t, "KeyPlayerObjective(9)", bad.String())
	_, err := bad.MarshalText()
	assert.EqualError(t, err, "measure: cannot marshal KeyPlayerObjective(9); use one of the KeyPlayerObjective constants")
	for _, s := range []string{"", "F", "KPP-Neg", "fragmentation2", "distance-reach"} {
		_, err := ParseKeyPlayerObjective(s)
		assert.EqualError(t, err, fmt.Sprintf("measure: unknown key player objective %q; use one of fragmentation, distance_fragmentation, reach, distance_reach", s))
	}
	var u KeyPlayerObjective = ReachPos
	assert.Error(t, u.UnmarshalText([]byte("nope")))
	assert.Equal(t, ReachPos, u, "a failed UnmarshalText leaves the value")
}

// TestKeyPlayersWorkers requires the same result for any number of
// workers, for every objective, with restarts.
func TestKeyPlayersWorkers(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 11))
	g := kpRandomGraph(t, rng, 90, 0.04)
	for _, obj := range []KeyPlayerObjective{FragmentNeg, DistanceFragmentNeg, ReachPos, DistanceReachPos} {
		opts := KeyPlayerOptions{K: 3, Objective: obj, M: 2, Seed: 5, Restarts: 6, Workers: 1}
		if obj == DistanceFragmentNeg {
			opts.Restarts = 2
		}
		a, err := KeyPlayers(g, opts)
		require.NoError(t, err)
		opts.Workers = 4
		b, err := KeyPlayers(g, opts)
		require.NoError(t, err)
		assert.Equal(t, a, b, "%v", obj)
	}
}

// TestKeyPlayersRestarts checks the Restarts scheme: 0 is
// DefaultKeyPlayerRestarts, negative is none.
func TestKeyPlayersRestarts(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 12))
	g := kpRandomGraph(t, rng, 30, 0.1)
	def, err := KeyPlayers(g, KeyPlayerOptions{K: 3, Seed: 9})
	require.NoError(t, err)
	explicit, err := KeyPlayers(g, KeyPlayerOptions{K: 3, Seed: 9, Restarts: DefaultKeyPlayerRestarts})
	require.NoError(t, err)
	assert.Equal(t, explicit, def)
	none, err := KeyPlayers(g, KeyPlayerOptions{K: 3, Seed: 9, Restarts: -1})
	require.NoError(t, err)
	assert.Less(t, none.Evaluations, def.Evaluations)
	assert.LessOrEqual(t, none.After, def.After+1e-12)
	// Without restarts the seed plays no part.
	none2, err := KeyPlayers(g, KeyPlayerOptions{K: 3, Seed: 10, Restarts: -1})
	require.NoError(t, err)
	assert.Equal(t, none, none2)
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

	// A cycle of 8 has no cut vertex: every single removal leaves F = 0,
	// so the greedy gains all tie at zero. Two opposite nodes split it
	// into two paths of 3: F = 1 − 12/30 = 0.6, the optimum.
	var ring [][2]int
	for v := range 8 {
		ring = append(ring, [2]int{v, (v + 1) % 8})
	}
	res, err = KeyPlayers(kpGraph(t, 8, false, ring...), KeyPlayerOptions{K: 2})
	require.NoError(t, err)
	assert.InDelta(t, 0.6, res.After, 1e-12)
}

func TestKeyPlayersCaviar(t *testing.T) {
	g, ids := loadDataset(t, "caviar-undirected")
	res, err := KeyPlayers(g, KeyPlayerOptions{K: 3, Objective: FragmentNeg})
	require.NoError(t, err)
	actors := make([]string, len(res.Set))
	for i, v := range res.Set {
		actors[i] = ids[v]
	}
	t.Logf("CAVIAR (%d actors, %d ties): KPP-Neg k=3 set %v, F before %.6f, after %.6f, contributions %v",
		g.Len(), g.NumEdges(), actors, res.Before, res.After, res.Contribution)
	assert.InDelta(t, Fragmentation(g, res.Set), res.After, 1e-12)
	assert.InDelta(t, directF(t, g, res.Set), res.After, 1e-12)
	// Values found here; F of the set cross-checked with networkx (see below).
	assert.Equal(t, caviarKP3, actors)
	assert.InDelta(t, caviarKP3F, res.After, 1e-9)

	// Candidates restrict the set.
	res2, err := KeyPlayers(g, KeyPlayerOptions{K: 1, Candidates: []int{res.Set[2]}})
	require.NoError(t, err)
	assert.Equal(t, []int{res.Set[2]}, res2.Set)
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
