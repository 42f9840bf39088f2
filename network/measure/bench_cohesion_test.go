package measure

import (
	"fmt"
	"testing"
)

// Benchmarks of the cohesion and spectral measures on seeded BA graphs of
// 10³, 10⁴ and 10⁵ nodes (m = 5), or on the file named by
// ILLICIT_BENCH_GRAPH (see examples/bench/compare_general.py):
//
//	go test -run '^$' -bench 'CoreNumber|Components|PageRank|Clustering' ./network/measure/

var cohesionSizes = []int{1000, 10000, 100000}

// BenchmarkCoreNumber times CoreNumber.
func BenchmarkCoreNumber(b *testing.B) {
	for _, bg := range benchGraphs(b, cohesionSizes...) {
		b.Run(bg.name, func(b *testing.B) {
			for b.Loop() {
				CoreNumber(bg.g)
			}
		})
	}
}

// BenchmarkComponents times Components.
func BenchmarkComponents(b *testing.B) {
	for _, bg := range benchGraphs(b, cohesionSizes...) {
		b.Run(bg.name, func(b *testing.B) {
			for b.Loop() {
				Components(bg.g)
			}
		})
	}
}

// BenchmarkStronglyConnectedComponents times StronglyConnectedComponents
// (undirected graphs, so one depth-first search).
func BenchmarkStronglyConnectedComponents(b *testing.B) {
	for _, bg := range benchGraphs(b, cohesionSizes...) {
		b.Run(bg.name, func(b *testing.B) {
			for b.Loop() {
				StronglyConnectedComponents(bg.g)
			}
		})
	}
}

// BenchmarkPageRank times PageRank (alpha 0.85) at NetworkX's default
// tolerance (1e-6 per node) and at 1e-10, about the accuracy of igraph's
// PRPACK solver.
func BenchmarkPageRank(b *testing.B) {
	for _, bg := range benchGraphs(b, cohesionSizes...) {
		for _, tol := range []float64{1e-6, 1e-10} {
			b.Run(fmt.Sprintf("%s/tol=%g", bg.name, tol), func(b *testing.B) {
				for b.Loop() {
					if _, err := PageRank(bg.g, PageRankOptions{Tol: tol, MaxIter: 1000}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkClustering times Clustering.
func BenchmarkClustering(b *testing.B) {
	for _, bg := range benchGraphs(b, cohesionSizes...) {
		b.Run(bg.name, func(b *testing.B) {
			for b.Loop() {
				Clustering(bg.g)
			}
		})
	}
}
