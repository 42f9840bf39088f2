package nexus

import (
	"math/rand/v2"
	"testing"

	"github.com/illicitnet/illicit/network/measure"
)

// kpBAGraph is a seeded Barabási–Albert-like graph: each new node links to
// m distinct earlier nodes chosen with probability proportional to degree
// (n·m edges, less the few of the seed clique).
func kpBAGraph(b testing.TB, n, m int, seed uint64) *measure.Graph {
	rng := rand.New(rand.NewPCG(seed, 1))
	var from, to []int
	var ends []int // each edge end once: degree-proportional sampling
	for u := 0; u <= m; u++ {
		for v := u + 1; v <= m; v++ {
			from, to = append(from, u), append(to, v)
			ends = append(ends, u, v)
		}
	}
	for u := m + 1; u < n; u++ {
		picked := map[int]bool{}
		for len(picked) < m {
			picked[ends[rng.IntN(len(ends))]] = true
		}
		for v := 0; v < u; v++ { // fixed order for determinism
			if picked[v] {
				from, to = append(from, u), append(to, v)
				ends = append(ends, u, v)
			}
		}
	}
	g, err := measure.FromEdges(n, false, from, to, nil)
	if err != nil {
		b.Fatal(err)
	}
	return g
}

func benchKP(b *testing.B, n, m int, obj KeyPlayerObjective, cands []int) {
	g := kpBAGraph(b, n, m, 1)
	b.ResetTimer()
	var res KeyPlayerResult
	var err error
	for b.Loop() {
		if res, err = KeyPlayers(g, KeyPlayerOptions{K: 5, Objective: obj, Candidates: cands}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(g.NumEdges()), "edges")
	b.ReportMetric(res.After, "score")
}

// BenchmarkKeyPlayersF1e4 is the acceptance benchmark: KPP-Neg F, k = 5,
// on a 10^4-node / ~5·10^4-edge graph (target: under 10 s).
func BenchmarkKeyPlayersF1e4(b *testing.B) { benchKP(b, 10000, 5, FragmentNeg, nil) }

// BenchmarkKeyPlayersF1e4Sparse is KPP-Neg F, k = 5, on a sparse
// tree (one link per new node), where removals do fragment the graph and
// the swap phase has work to do.
func BenchmarkKeyPlayersF1e4Sparse(b *testing.B) { benchKP(b, 10000, 1, FragmentNeg, nil) }

// BenchmarkKeyPlayersF1e3 is KPP-Neg F, k = 5, on 10^3 nodes.
func BenchmarkKeyPlayersF1e3(b *testing.B) { benchKP(b, 1000, 5, FragmentNeg, nil) }

// BenchmarkKeyPlayersDF1e3 is KPP-Neg DF, k = 5, on 10^3 nodes with the
// candidates restricted to the 20 highest-degree nodes (DF costs
// O(n(n + m)) per evaluation).
func BenchmarkKeyPlayersDF1e3(b *testing.B) {
	g := kpBAGraph(b, 1000, 5, 1)
	benchKP(b, 1000, 5, DistanceFragmentNeg, kpTopDegree(g, 20))
}

func kpTopDegree(g *measure.Graph, c int) []int {
	idx := make([]int, g.Len())
	for i := range idx {
		idx[i] = i
	}
	// Selection by degree, ties by index.
	for i := 0; i < c; i++ {
		best := i
		for j := i + 1; j < len(idx); j++ {
			if g.OutDegree(idx[j]) > g.OutDegree(idx[best]) {
				best = j
			}
		}
		idx[i], idx[best] = idx[best], idx[i]
	}
	return idx[:c]
}
