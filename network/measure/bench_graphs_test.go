package measure

import (
	"fmt"
	"math/rand/v2"
	"os"
	"sync"
	"testing"
)

// barabasiAlbert returns a seeded Barabási–Albert graph (Barabási & Albert
// 1999): a star on nodes 0 … m, then each new node joins m distinct earlier
// nodes picked with probability proportional to their degree, so the graph
// has about m·n edges.
func barabasiAlbert(n, m int, seed uint64) *Graph {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	var from, to []int
	var repeated []int // every edge endpoint, for degree-proportional picks
	for v := 1; v <= m; v++ {
		from, to = append(from, 0), append(to, v)
		repeated = append(repeated, 0, v)
	}
	chosen := make(map[int]bool, m)
	targets := make([]int, 0, m)
	for v := m + 1; v < n; v++ {
		clear(chosen)
		targets = targets[:0]
		for len(targets) < m {
			u := repeated[rng.IntN(len(repeated))]
			if !chosen[u] {
				chosen[u] = true
				targets = append(targets, u)
			}
		}
		for _, u := range targets {
			from, to = append(from, v), append(to, u)
			repeated = append(repeated, v, u)
		}
	}
	g, err := FromEdges(n, false, from, to, nil)
	if err != nil {
		panic(err)
	}
	return g
}

// loadEdgeList reads the undirected edge list at path (see ReadEdgeList).
func loadEdgeList(path string) (*Graph, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g, err := ReadEdgeList(f, false)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}

type benchGraph struct {
	name string
	g    *Graph
}

var (
	benchOnce  sync.Once
	benchCache = map[int]*Graph{}
	benchFile  *Graph
	benchErr   error
	benchMu    sync.Mutex
)

// benchGraphs returns the graphs a benchmark runs on: the undirected edge
// list named by ILLICIT_BENCH_GRAPH if set (read by ReadEdgeList, as
// examples/bench reads its -graph file), else seeded BA graphs (m = 5) of
// the given sizes; with -short, sizes above 10⁴ are left out.
func benchGraphs(b *testing.B, sizes ...int) []benchGraph {
	b.Helper()
	if path := os.Getenv("ILLICIT_BENCH_GRAPH"); path != "" {
		benchOnce.Do(func() { benchFile, benchErr = loadEdgeList(path) })
		if benchErr != nil {
			b.Fatal(benchErr)
		}
		return []benchGraph{{"file", benchFile}}
	}
	benchMu.Lock()
	defer benchMu.Unlock()
	var out []benchGraph
	for _, n := range sizes {
		if testing.Short() && n > 10000 {
			continue
		}
		g, ok := benchCache[n]
		if !ok {
			g = barabasiAlbert(n, 5, 1)
			benchCache[n] = g
		}
		out = append(out, benchGraph{fmt.Sprintf("BA/n=%d", n), g})
	}
	return out
}
