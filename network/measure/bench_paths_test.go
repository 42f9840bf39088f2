package measure

import (
	"fmt"
	"testing"
)

// Benchmarks of the shortest-path measures on Barabási–Albert graphs with
// m = 5. Run for instance
//
//	go test -run '^$' -bench 'Betweenness|Closeness' -benchtime 3x ./network/measure/
//
// The 10⁵-node exact-betweenness run takes minutes; -short leaves out the
// graphs above 10⁴ nodes.
func BenchmarkBetweenness(b *testing.B) {
	for _, bg := range benchGraphs(b, 1000, 10000, 100000) {
		for _, w := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/workers=%d", bg.name, w), func(b *testing.B) {
				for b.Loop() {
					Betweenness(bg.g, true, Options{Workers: w})
				}
			})
		}
	}
}

func BenchmarkEdgeBetweenness(b *testing.B) {
	for _, bg := range benchGraphs(b, 1000, 10000) {
		for _, w := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/workers=%d", bg.name, w), func(b *testing.B) {
				for b.Loop() {
					EdgeBetweenness(bg.g, true, Options{Workers: w})
				}
			})
		}
	}
}

func BenchmarkCloseness(b *testing.B) {
	for _, bg := range benchGraphs(b, 1000, 10000, 100000) {
		for _, w := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/workers=%d", bg.name, w), func(b *testing.B) {
				for b.Loop() {
					Closeness(bg.g, true, Options{Workers: w})
				}
			})
		}
	}
}
