package measure

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
)

// baLouvainGraph is a seeded Barabási–Albert graph on n nodes: a star on
// nodes 0 … m, then each new node joins m distinct earlier nodes drawn
// with probability proportional to their degree.
func baLouvainGraph(n, m int, seed uint64) (*Graph, error) {
	if m < 1 || n < m+1 {
		return nil, fmt.Errorf("baLouvainGraph: need 1 ≤ m < n, got n=%d m=%d", n, m)
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	var from, to, repeated []int
	for v := 1; v <= m; v++ {
		from, to = append(from, 0), append(to, v)
		repeated = append(repeated, 0, v)
	}
	targets := make([]int, 0, m)
	for v := m + 1; v < n; v++ {
		targets = targets[:0]
		for len(targets) < m {
			u := repeated[rng.IntN(len(repeated))]
			dup := false
			for _, x := range targets {
				dup = dup || x == u
			}
			if !dup {
				targets = append(targets, u)
			}
		}
		for _, u := range targets {
			from, to = append(from, v), append(to, u)
			repeated = append(repeated, v, u)
		}
	}
	return FromEdges(n, false, from, to, nil)
}

// loadLouvainEdgeCSV reads an undirected edge list "u,v[,w]" of integer
// node indices (lines that do not parse, such as a header, are skipped).
func loadLouvainEdgeCSV(path string) (*Graph, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var from, to []int
	var w []float64
	n := 0
	weighted := false
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
		x := 1.0
		if len(fields) > 2 {
			if x, err = strconv.ParseFloat(strings.TrimSpace(fields[2]), 64); err != nil {
				return nil, fmt.Errorf("%s: %v", path, err)
			}
			weighted = true
		}
		from, to, w = append(from, u), append(to, v), append(w, x)
		n = max(n, u+1, v+1)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if !weighted {
		w = nil
	}
	return FromEdges(n, false, from, to, w)
}

// BenchmarkLouvain times Louvain (seed 1) on seeded BA graphs (m = 5) of
// 10³ and 10⁴ nodes, or, when ILLICIT_BENCH_GRAPH names an edge-list CSV
// (see examples/bench/compare_louvain.py), on that graph only. It reports
// the modularity reached as the metric Q and, for the CSV graph, the mean
// modularity over seeds 1 … 10 (outside the timing) as meanQ.
func BenchmarkLouvain(b *testing.B) {
	run := func(b *testing.B, g *Graph) {
		var q float64
		var nc int
		for b.Loop() {
			c, err := Louvain(g, LouvainOptions{Seed: 1})
			if err != nil {
				b.Fatal(err)
			}
			q, nc = c.Q, len(c.Groups)
		}
		b.ReportMetric(q, "Q")
		b.ReportMetric(float64(nc), "communities")
	}
	if path := os.Getenv("ILLICIT_BENCH_GRAPH"); path != "" {
		g, err := loadLouvainEdgeCSV(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run("file", func(b *testing.B) {
			run(b, g)
			var sum float64
			for seed := uint64(1); seed <= 10; seed++ {
				c, err := Louvain(g, LouvainOptions{Seed: seed})
				if err != nil {
					b.Fatal(err)
				}
				sum += c.Q
			}
			b.ReportMetric(sum/10, "meanQ")
		})
		return
	}
	for _, n := range []int{1000, 10000} {
		g, err := baLouvainGraph(n, 5, 1)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("ba_%d", n), func(b *testing.B) { run(b, g) })
	}
}

// BenchmarkMultiplexLouvain times MultiplexLouvain on four seeded BA layers
// (m = 2) of 10⁴ nodes.
func BenchmarkMultiplexLouvain(b *testing.B) {
	layers := make([]*Graph, 4)
	for l := range layers {
		g, err := baLouvainGraph(10000, 2, uint64(l+1))
		if err != nil {
			b.Fatal(err)
		}
		layers[l] = g
	}
	var q float64
	for b.Loop() {
		c, err := MultiplexLouvain(layers, nil, LouvainOptions{Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		q = c.Q
	}
	b.ReportMetric(q, "Q")
}
