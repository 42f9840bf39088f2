package flow

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bruteInterdict returns, for every budget 0..k, the best value and the
// first best set in shortlex order, by enumerating every set of at most k
// allowed elements and evaluating it by brute force.
func bruteInterdict(inst instance, target Target, objective string, k int, protected []int) ([]float64, [][]int) {
	g := inst.g
	isSrc, isSnk := roles(g.N, inst.sources, inst.sinks)
	var elems []int
	size := len(g.Arcs)
	if target == TargetNodes {
		size = g.N
	}
	for x := 0; x < size; x++ {
		if slices.Contains(protected, x) || target == TargetNodes && (isSrc[x] || isSnk[x]) {
			continue
		}
		elems = append(elems, x)
	}
	values := make([]float64, k+1)
	sets := make([][]int, k+1)
	for j := range values {
		values[j] = math.NaN()
	}
	combinations(elems, k, func(set []int) {
		gone := make([]bool, size)
		for _, x := range set {
			gone[x] = true
		}
		var v float64
		var arcGone, nodeGone []bool
		if target == TargetNodes {
			nodeGone = gone
		} else {
			arcGone = gone
		}
		if objective == "flow" {
			v = bruteMinCut(g, inst.sources, inst.sinks, nodeGone, arcGone)
		} else {
			v = bruteCheapest(g, inst.sources, inst.sinks, arcGone, nodeGone).Cost
		}
		for j := len(set); j <= k; j++ {
			better := math.IsNaN(values[j]) || (objective == "flow" && v < values[j]) || (objective == "path" && v > values[j])
			if better {
				values[j], sets[j] = v, set
			}
		}
	})
	return values, sets
}

func TestInterdictRandomEqualsExhaustiveSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, objective := range []string{"flow", "path"} {
		for _, target := range []Target{TargetArcs, TargetNodes} {
			t.Run(objective+"/"+target.String(), func(t *testing.T) {
				improved, carried := 0, 0
				for trial := range 120 {
					inst := randomInstance(rng, 4, 7, 2.5, 0.08)
					if target == TargetNodes {
						inst = randomInstance(rng, 6, 8, 2.5, 0.08)
					}
					for i := range inst.g.Arcs {
						if rng.IntN(4) == 0 {
							inst.g.Arcs[i].Cost = 0
						}
					}
					var protected []int
					if trial%4 == 3 {
						protected = []int{rng.IntN(len(inst.g.Arcs))}
						if target == TargetNodes {
							protected = []int{rng.IntN(inst.g.N)}
						}
					}
					// Budgets 0..3 are exact; 4 and 5 are exact only when
					// the search proved that nothing more helps.
					const k = 5
					values, sets := bruteInterdict(inst, target, objective, k, protected)
					opts := InterdictOptions{Target: target, Protected: protected}
					var r InterdictionResult
					var err error
					if objective == "flow" {
						r, err = InterdictFlow(inst.g, inst.sources, inst.sinks, k, opts)
					} else {
						r, err = InterdictPath(inst.g, inst.sources, inst.sinks, k, opts)
					}
					require.NoError(t, err)
					require.Len(t, r.Curve, k+1)
					for j := 0; j <= k; j++ {
						c := r.Curve[j]
						msg := fmt.Sprintf("trial %d, k = %d, %+v", trial, j, inst)
						assert.Equal(t, j, c.K, msg)
						if j > 3 {
							assert.LessOrEqual(t, len(c.Removed), j, msg)
							if !c.Exact {
								assert.Equal(t, MethodGreedySwap, c.Method, msg)
								continue
							}
							carried++
						}
						assert.Equal(t, values[j], c.Value, msg)
						if len(sets[j]) == 0 {
							assert.Empty(t, c.Removed, msg)
						} else {
							assert.Equal(t, sets[j], c.Removed, msg)
						}
						assert.True(t, c.Exact, msg)
						assert.Equal(t, MethodExact, c.Method, msg)
					}
					assert.Equal(t, r.Curve[k], r.Interdiction)
					assert.Equal(t, target, r.Target)
					if values[3] != values[0] {
						improved++
					}
				}
				assert.Greater(t, improved, 25)
				assert.Greater(t, carried, 40)
			})
		}
	}
}

// objectiveOf evaluates a removal set with the package's own functions.
func objectiveOf(t *testing.T, g Graph, sources, sinks []int, target Target, objective string, set []int) float64 {
	t.Helper()
	h := Graph{N: g.N}
	for i, a := range g.Arcs {
		if target == TargetArcs && slices.Contains(set, i) || target == TargetNodes && (slices.Contains(set, a.From) || slices.Contains(set, a.To)) {
			a.Capacity, a.Cost = 0, 0
			a.To = a.From // a self-loop neither carries flow nor lies on a path
		}
		h.Arcs = append(h.Arcs, a)
	}
	if objective == "path" {
		p, err := CheapestPath(h, sources, sinks)
		require.NoError(t, err)
		return p.Cost
	}
	r, err := MaxFlow(h, sources, sinks)
	if err != nil {
		require.ErrorIs(t, err, ErrInfiniteFlow)
		return math.Inf(1)
	}
	return r.Value
}

// routeNetwork is a random route-like network: n nodes on a line, each with
// about arcsPer arcs to nodes ahead of it (a few behind), integer
// capacities 1..10 and costs 1..10; the first and last `ends` nodes are
// the sources and sinks.
func routeNetwork(n, arcsPer, ends int, seed uint64) (Graph, []int, []int) {
	rng := rand.New(rand.NewPCG(seed, 99))
	g := Graph{N: n}
	for u := 0; u < n; u++ {
		for range arcsPer {
			v := u + 1 + rng.IntN(20)
			if rng.IntN(10) == 0 {
				v = u - 1 - rng.IntN(10)
			}
			if v < 0 || v >= n {
				continue
			}
			g.Arcs = append(g.Arcs, Arc{From: u, To: v, Capacity: float64(1 + rng.IntN(10)), Cost: float64(1 + rng.IntN(10))})
		}
	}
	var src, snk []int
	for i := 0; i < ends; i++ {
		src = append(src, i)
		snk = append(snk, n-1-i)
	}
	return g, src, snk
}

func TestInterdictHeuristicAndBudget(t *testing.T) {
	g, src, snk := routeNetwork(120, 3, 3, 1)
	for i := range g.Arcs {
		g.Arcs[i].Capacity = 1 // many ties: the exact search needs hundreds of flows
	}
	for _, objective := range []string{"flow", "path"} {
		for _, target := range []Target{TargetArcs, TargetNodes} {
			t.Run(objective+"/"+target.String(), func(t *testing.T) {
				run := func(k int, opts InterdictOptions) InterdictionResult {
					opts.Target = target
					var r InterdictionResult
					var err error
					if objective == "flow" {
						r, err = InterdictFlow(g, src, snk, k, opts)
					} else {
						r, err = InterdictPath(g, src, snk, k, opts)
					}
					require.NoError(t, err)
					return r
				}
				r := run(5, InterdictOptions{})
				exact := run(3, InterdictOptions{})
				assert.Equal(t, exact.Curve, r.Curve[:4], "budgets 0..3 are exact")
				tiny := run(3, InterdictOptions{MaxEvaluations: 30})
				for j, c := range r.Curve {
					msg := fmt.Sprintf("k = %d", j)
					assert.LessOrEqual(t, len(c.Removed), j, msg)
					assert.True(t, slices.IsSorted(c.Removed), msg)
					assert.Equal(t, c.Value, objectiveOf(t, g, src, snk, target, objective, c.Removed), msg)
					if j <= 3 {
						assert.True(t, c.Exact, msg)
						assert.Equal(t, MethodExact, c.Method, msg)
					} else if !c.Exact {
						assert.Equal(t, MethodGreedySwap, c.Method, msg)
					}
					if j > 0 {
						if objective == "flow" {
							assert.LessOrEqual(t, c.Value, r.Curve[j-1].Value, msg)
						} else {
							assert.GreaterOrEqual(t, c.Value, r.Curve[j-1].Value, msg)
						}
					}
				}
				assert.False(t, r.Curve[5].Exact && r.Curve[5].Method != MethodExact)
				// With 30 evaluations the exact search gives up; the heuristic
				// still returns a feasible set no worse than the budget before.
				sawBudget := false
				for j, c := range tiny.Curve[1:] {
					assert.Equal(t, c.Value, objectiveOf(t, g, src, snk, target, objective, c.Removed))
					if c.Method == MethodBudgetGreedySwap {
						sawBudget = true
						assert.False(t, c.Exact)
					}
					if !c.Exact && c.Method != MethodBudgetGreedySwap {
						assert.Equal(t, MethodGreedySwap, c.Method, "k = %d", j+1)
					}
				}
				assert.True(t, sawBudget)
				heur := run(3, InterdictOptions{MaxExactK: -1})
				for _, c := range heur.Curve[1:] {
					assert.Equal(t, MethodGreedySwap, c.Method)
					assert.False(t, c.Exact)
					assert.Equal(t, c.Value, objectiveOf(t, g, src, snk, target, objective, c.Removed))
				}
			})
		}
	}
}

func TestInterdictCases(t *testing.T) {
	inf := math.Inf(1)
	// Two disjoint routes 0→1→3 (capacity 2) and 0→2→3 (capacity 3);
	// costs make 0→1→3 cheaper.
	g := Graph{N: 4, Arcs: []Arc{{0, 1, 2, 1}, {1, 3, 5, 1}, {0, 2, 3, 2}, {2, 3, 3, 2}}}
	r, err := InterdictFlow(g, []int{0}, []int{3}, 2, InterdictOptions{})
	require.NoError(t, err)
	assert.Equal(t, []float64{5, 2, 0}, []float64{r.Curve[0].Value, r.Curve[1].Value, r.Curve[2].Value})
	assert.Equal(t, []int{2}, r.Curve[1].Removed)
	assert.Equal(t, []int{0, 2}, r.Removed)
	r, err = InterdictPath(g, []int{0}, []int{3}, 2, InterdictOptions{})
	require.NoError(t, err)
	assert.Equal(t, []float64{2, 4, inf}, []float64{r.Curve[0].Value, r.Curve[1].Value, r.Curve[2].Value})
	assert.Equal(t, []int{0}, r.Curve[1].Removed)
	assert.Equal(t, []int{0, 2}, r.Removed)
	r, err = InterdictPath(g, []int{0}, []int{3}, 4, InterdictOptions{Target: TargetNodes, Protected: []int{2}})
	require.NoError(t, err)
	assert.Equal(t, 4.0, r.Value)
	assert.Equal(t, []int{1}, r.Removed)
	assert.True(t, r.Exact)
	// Once the sink is cut off, larger budgets keep the same set exactly.
	r, err = InterdictFlow(g, []int{0}, []int{3}, 6, InterdictOptions{MaxExactK: 1})
	require.NoError(t, err)
	for j := 2; j <= 6; j++ {
		assert.Equal(t, []int{0, 2}, r.Curve[j].Removed)
		assert.Equal(t, 0.0, r.Curve[j].Value)
	}
	assert.Equal(t, MethodGreedySwap, r.Curve[2].Method)
	assert.False(t, r.Curve[2].Exact)
	// An infinite route: removing one arc of it makes the flow finite.
	g = Graph{N: 3, Arcs: []Arc{{0, 1, inf, 0}, {1, 2, inf, 0}, {0, 2, 4, 0}}}
	r, err = InterdictFlow(g, []int{0}, []int{2}, 1, InterdictOptions{})
	require.NoError(t, err)
	assert.Equal(t, inf, r.Curve[0].Value)
	assert.Equal(t, 4.0, r.Value)
	assert.Equal(t, []int{0}, r.Removed)
	r, err = InterdictFlow(g, []int{0}, []int{2}, 1, InterdictOptions{Protected: []int{0, 1}})
	require.NoError(t, err)
	assert.Equal(t, inf, r.Value)
	assert.Empty(t, r.Removed)

	for _, bad := range []struct {
		k    int
		opts InterdictOptions
	}{
		{-1, InterdictOptions{}},
		{1, InterdictOptions{Target: 7}},
		{1, InterdictOptions{Protected: []int{3}}},
		{1, InterdictOptions{Target: TargetNodes, Protected: []int{-1}}},
		{1, InterdictOptions{MaxEvaluations: -1}},
	} {
		_, err := InterdictFlow(g, []int{0}, []int{2}, bad.k, bad.opts)
		assert.ErrorIs(t, err, ErrInvalidArgument, "%+v", bad)
		_, err = InterdictPath(g, []int{0}, []int{2}, bad.k, bad.opts)
		assert.ErrorIs(t, err, ErrInvalidArgument, "%+v", bad)
	}
	_, err = InterdictPath(g, []int{0}, []int{0}, 1, InterdictOptions{})
	assert.ErrorIs(t, err, ErrInvalidTerminals)
}

func TestDeterministic(t *testing.T) {
	g, src, snk := routeNetwork(300, 3, 4, 7)
	first, err := InterdictFlow(g, src, snk, 4, InterdictOptions{})
	require.NoError(t, err)
	again, err := InterdictFlow(g, src, snk, 4, InterdictOptions{})
	require.NoError(t, err)
	assert.Equal(t, first, again)
	p1, err := KCheapest(g, 0, g.N-1, 20)
	require.NoError(t, err)
	p2, err := KCheapest(g, 0, g.N-1, 20)
	require.NoError(t, err)
	assert.Equal(t, p1, p2)
}

// TestInterdictMediumEqualsExhaustiveSearch checks budgets 1 and 2 on
// route networks of 40 nodes against every set of at most 2 arcs or nodes,
// evaluated by MaxFlow and CheapestPath (themselves checked against brute
// force above).
func TestInterdictMediumEqualsExhaustiveSearch(t *testing.T) {
	seeds := uint64(4)
	if testing.Short() {
		seeds = 2
	}
	for seed := uint64(1); seed <= seeds; seed++ {
		g, src, snk := routeNetwork(40, 3, 2, seed)
		if seed%2 == 0 {
			for i := range g.Arcs {
				g.Arcs[i].Capacity = 1
				g.Arcs[i].Cost = float64(1 + i%3)
			}
		}
		isSrc, isSnk := roles(g.N, src, snk)
		for _, objective := range []string{"flow", "path"} {
			for _, target := range []Target{TargetArcs, TargetNodes} {
				var elems []int
				if target == TargetArcs {
					for i := range g.Arcs {
						elems = append(elems, i)
					}
				} else {
					for v := 0; v < g.N; v++ {
						if !isSrc[v] && !isSnk[v] {
							elems = append(elems, v)
						}
					}
				}
				const k = 2
				values := make([]float64, k+1)
				sets := make([][]int, k+1)
				seen := make([]bool, k+1)
				combinations(elems, k, func(set []int) {
					v := objectiveOf(t, g, src, snk, target, objective, set)
					for j := len(set); j <= k; j++ {
						if !seen[j] || objective == "flow" && v < values[j] || objective == "path" && v > values[j] {
							seen[j], values[j], sets[j] = true, v, set
						}
					}
				})
				opts := InterdictOptions{Target: target}
				var r InterdictionResult
				var err error
				if objective == "flow" {
					r, err = InterdictFlow(g, src, snk, k, opts)
				} else {
					r, err = InterdictPath(g, src, snk, k, opts)
				}
				require.NoError(t, err)
				for j := 0; j <= k; j++ {
					msg := fmt.Sprintf("seed %d, %s/%s, k = %d", seed, objective, target, j)
					assert.Equal(t, values[j], r.Curve[j].Value, msg)
					if len(sets[j]) == 0 {
						assert.Empty(t, r.Curve[j].Removed, msg)
					} else {
						assert.Equal(t, sets[j], r.Curve[j].Removed, msg)
					}
					assert.True(t, r.Curve[j].Exact, msg)
				}
			}
		}
	}
}
