package measure

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// genBACohesion returns a seeded Barabási–Albert graph (Barabási & Albert
// 1999): m initial isolated nodes, then each new node attaches to m
// distinct existing nodes drawn with probability proportional to degree
// (the repeated-nodes scheme of NetworkX's barabasi_albert_graph, with Go's
// PCG instead of Python's generator, so the graphs differ).
func genBACohesion(n, m int, seed uint64) *Graph {
	rng := rand.New(rand.NewPCG(seed, 0x636f686573696f6e))
	var from, to, repeated []int
	targets := make([]int, m)
	for i := range targets {
		targets[i] = i
	}
	chosen := make(map[int]bool, m)
	for v := m; v < n; v++ {
		for _, u := range targets {
			from, to = append(from, v), append(to, u)
			repeated = append(repeated, v, u)
		}
		clear(chosen)
		targets = targets[:0]
		for len(targets) < m {
			u := repeated[rng.IntN(len(repeated))]
			if !chosen[u] {
				chosen[u] = true
				targets = append(targets, u)
			}
		}
	}
	g, err := FromEdges(n, false, from, to, nil)
	if err != nil {
		panic(err)
	}
	return g
}

// loadCohesionEdgeCSV reads an undirected, unweighted edge list "u,v" of
// integer node indices; lines that do not parse (a header) are skipped.
func loadCohesionEdgeCSV(path string) (*Graph, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var from, to []int
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(strings.TrimSpace(sc.Text()), ",")
		if len(fields) < 2 {
			continue
		}
		u, err1 := strconv.Atoi(strings.TrimSpace(fields[0]))
		v, err2 := strconv.Atoi(strings.TrimSpace(fields[1]))
		if err1 != nil || err2 != nil {
			continue
		}
		from, to = append(from, u), append(to, v)
		n = max(n, u+1, v+1)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return FromEdges(n, false, from, to, nil)
}

var (
	cohesionBenchOnce  sync.Once
	cohesionBenchGraph *Graph
	cohesionBenchName  string
	cohesionBenchErr   error
)

// cohesionBench returns the benchmark graph: the edge-list CSV named by
// ILLICIT_BENCH_GRAPH (see examples/bench/compare_general.py), or else a
// seeded BA graph of 10⁵ nodes, m = 5.
func cohesionBench(b *testing.B) *Graph {
	cohesionBenchOnce.Do(func() {
		if path := os.Getenv("ILLICIT_BENCH_GRAPH"); path != "" {
			cohesionBenchName = "file"
			cohesionBenchGraph, cohesionBenchErr = loadCohesionEdgeCSV(path)
			return
		}
		cohesionBenchName = "BA1e5"
		cohesionBenchGraph = genBACohesion(100000, 5, 1)
	})
	if cohesionBenchErr != nil {
		b.Fatal(cohesionBenchErr)
	}
	return cohesionBenchGraph
}

// BenchmarkCoreNumber times CoreNumber on the benchmark graph.
func BenchmarkCoreNumber(b *testing.B) {
	g := cohesionBench(b)
	b.Run(fmt.Sprintf("%s/n=%d", cohesionBenchName, g.Len()), func(b *testing.B) {
		for b.Loop() {
			CoreNumber(g)
		}
	})
}

// BenchmarkComponents times Components on the benchmark graph.
func BenchmarkComponents(b *testing.B) {
	g := cohesionBench(b)
	b.Run(fmt.Sprintf("%s/n=%d", cohesionBenchName, g.Len()), func(b *testing.B) {
		for b.Loop() {
			Components(g)
		}
	})
}

// BenchmarkStronglyConnectedComponents times StronglyConnectedComponents
// on the benchmark graph (undirected, so one depth-first search).
func BenchmarkStronglyConnectedComponents(b *testing.B) {
	g := cohesionBench(b)
	b.Run(fmt.Sprintf("%s/n=%d", cohesionBenchName, g.Len()), func(b *testing.B) {
		for b.Loop() {
			StronglyConnectedComponents(g)
		}
	})
}

// BenchmarkPageRank times PageRank (alpha 0.85) on the benchmark graph at
// NetworkX's default tolerance (1e-6 per node) and at 1e-10, about the
// accuracy of igraph's PRPACK solver.
func BenchmarkPageRank(b *testing.B) {
	g := cohesionBench(b)
	for _, tol := range []float64{1e-6, 1e-10} {
		b.Run(fmt.Sprintf("%s/n=%d/tol=%g", cohesionBenchName, g.Len(), tol), func(b *testing.B) {
			for b.Loop() {
				if _, err := PageRank(g, PageRankOptions{Tol: tol, MaxIter: 1000}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkClustering times Clustering on the benchmark graph.
func BenchmarkClustering(b *testing.B) {
	g := cohesionBench(b)
	b.Run(fmt.Sprintf("%s/n=%d", cohesionBenchName, g.Len()), func(b *testing.B) {
		for b.Loop() {
			Clustering(g)
		}
	})
}
