package robust

import (
	"testing"

	"github.com/illicitnet/illicit/network/analysis"
)

// BenchmarkMonteCarlo runs 1,000 Monte Carlo runs of nexus betweenness on
// a generated network of 1,000 typed actors and about 3,000 graded links:
//
//	go test -bench MonteCarlo -benchtime 1x -cpu 2 ./nexus/robust
func BenchmarkMonteCarlo(b *testing.B) {
	n := generated(b, 1000, 1)
	s := scopeOf(b, n, analysis.ScopeOptions{})
	b.ReportMetric(float64(n.NumLinks()), "links")
	b.ResetTimer()
	for b.Loop() {
		if _, err := MonteCarlo(s, NexusBetweenness(), MonteCarloOptions{Runs: 1000, Seed: 1, K: 5}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSubScope measures building one sampled scope of that network,
// the overhead of a run besides the measure.
func BenchmarkSubScope(b *testing.B) {
	n := generated(b, 1000, 1)
	s := scopeOf(b, n, analysis.ScopeOptions{})
	e, err := newEvidence(s)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := e.scope(func(i int) bool { return i%2 == 0 }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNexusBetweenness measures the measure alone on that network.
func BenchmarkNexusBetweenness(b *testing.B) {
	n := generated(b, 1000, 1)
	s := scopeOf(b, n, analysis.ScopeOptions{Workers: 1})
	m := NexusBetweenness()
	for b.Loop() {
		if _, err := m.values(s); err != nil {
			b.Fatal(err)
		}
	}
}
