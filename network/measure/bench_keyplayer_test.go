package measure

import (
	"sync"
	"testing"
)

// Benchmarks of KeyPlayers on seeded Barabási–Albert graphs (barabasiAlbert
// of bench_graphs_test.go), with the default options unless named:
//
//	go test -run '^$' -bench KeyPlayers -benchtime 1x ./network/measure/

var (
	kpBenchMu     sync.Mutex
	kpBenchGraphs = map[[2]int]*Graph{}
)

// kpBenchGraph returns the seeded BA graph of n nodes, m links per new
// node, built once.
func kpBenchGraph(n, m int) *Graph {
	kpBenchMu.Lock()
	defer kpBenchMu.Unlock()
	g, ok := kpBenchGraphs[[2]int{n, m}]
	if !ok {
		g = barabasiAlbert(n, m, 1)
		kpBenchGraphs[[2]int{n, m}] = g
	}
	return g
}

func benchKP(b *testing.B, g *Graph, opts KeyPlayerOptions) {
	b.Helper()
	var res KeyPlayerResult
	var err error
	for b.Loop() {
		if res, err = KeyPlayers(g, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(g.NumEdges()), "edges")
	b.ReportMetric(res.After, "score")
	b.ReportMetric(float64(res.Evaluations), "evals")
}

// BenchmarkKeyPlayersF1e4 is the acceptance benchmark: KPP-Neg F, k = 5,
// default options (DefaultKeyPlayerRestarts restarts), on a 10⁴-node /
// ~5·10⁴-edge BA graph (m = 5; target: under 10 s).
func BenchmarkKeyPlayersF1e4(b *testing.B) {
	benchKP(b, kpBenchGraph(10000, 5), KeyPlayerOptions{K: 5, Objective: FragmentNeg})
}

// BenchmarkKeyPlayersF1e4NoRestarts is BenchmarkKeyPlayersF1e4 with
// greedy plus swaps only (Restarts < 0): the cost of one start.
func BenchmarkKeyPlayersF1e4NoRestarts(b *testing.B) {
	benchKP(b, kpBenchGraph(10000, 5), KeyPlayerOptions{K: 5, Objective: FragmentNeg, Restarts: -1})
}

// BenchmarkKeyPlayersF1e4Sparse is KPP-Neg F, k = 5, on a BA tree (one
// link per new node), where removals do fragment the graph and the swap
// phase has work to do.
func BenchmarkKeyPlayersF1e4Sparse(b *testing.B) {
	benchKP(b, kpBenchGraph(10000, 1), KeyPlayerOptions{K: 5, Objective: FragmentNeg})
}

// BenchmarkKeyPlayersF1e3 is KPP-Neg F, k = 5, on 10³ nodes.
func BenchmarkKeyPlayersF1e3(b *testing.B) {
	benchKP(b, kpBenchGraph(1000, 5), KeyPlayerOptions{K: 5, Objective: FragmentNeg})
}

// BenchmarkKeyPlayersReach1e3 is KPP-Pos 1-reach, k = 5, on 10³ nodes.
func BenchmarkKeyPlayersReach1e3(b *testing.B) {
	benchKP(b, kpBenchGraph(1000, 5), KeyPlayerOptions{K: 5, Objective: ReachPos})
}

// BenchmarkKeyPlayersDF1e3 is KPP-Neg DF, k = 5, on 10³ nodes with the
// candidates restricted to the 20 highest-degree nodes (DF costs O(n·m)
// per evaluation).
func BenchmarkKeyPlayersDF1e3(b *testing.B) {
	g := kpBenchGraph(1000, 5)
	benchKP(b, g, KeyPlayerOptions{K: 5, Objective: DistanceFragmentNeg, Candidates: kpTopDegree(g, 20)})
}

// kpTopDegree returns the c highest-degree nodes (ties by index).
func kpTopDegree(g *Graph, c int) []int {
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
