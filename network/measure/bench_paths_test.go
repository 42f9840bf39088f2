package measure

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// baPathsGraph returns a seeded Barabási–Albert graph on n nodes: each new node
// attaches to m distinct earlier nodes chosen with probability proportional
// to their degree (NetworkX's construction, starting from a star on m+1
// nodes), so it has about m·n edges.
func baPathsGraph(n, m int, seed uint64) *Graph {
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

// Benchmarks of the shortest-path measures on Barabási–Albert graphs with
// m = 5. Run for instance
//
//	go test -run '^$' -bench 'Betweenness|Closeness' -benchtime 3x ./network/measure/
func BenchmarkBetweenness(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		g := baPathsGraph(n, 5, 1)
		for _, w := range []int{1, 2} {
			b.Run(fmt.Sprintf("n=%d/workers=%d", n, w), func(b *testing.B) {
				for b.Loop() {
					Betweenness(g, true, Options{Workers: w})
				}
			})
		}
	}
}

func BenchmarkEdgeBetweenness(b *testing.B) {
	g := baPathsGraph(1000, 5, 1)
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("n=1000/workers=%d", w), func(b *testing.B) {
			for b.Loop() {
				EdgeBetweenness(g, true, Options{Workers: w})
			}
		})
	}
}

func BenchmarkCloseness(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		g := baPathsGraph(n, 5, 1)
		for _, w := range []int{1, 2} {
			b.Run(fmt.Sprintf("n=%d/workers=%d", n, w), func(b *testing.B) {
				for b.Loop() {
					Closeness(g, true, Options{Workers: w})
				}
			})
		}
	}
}
