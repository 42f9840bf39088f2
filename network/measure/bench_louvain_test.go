package measure

import "testing"

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
	for _, bg := range benchGraphs(b, 1000, 10000) {
		b.Run(bg.name, func(b *testing.B) {
			run(b, bg.g)
			if bg.name != "file" {
				return
			}
			var sum float64
			for seed := uint64(1); seed <= 10; seed++ {
				c, err := Louvain(bg.g, LouvainOptions{Seed: seed})
				if err != nil {
					b.Fatal(err)
				}
				sum += c.Q
			}
			b.ReportMetric(sum/10, "meanQ")
		})
	}
}

// BenchmarkMultiplexLouvain times MultiplexLouvain on four seeded BA layers
// (m = 2) of 10⁴ nodes.
func BenchmarkMultiplexLouvain(b *testing.B) {
	layers := make([]*Graph, 4)
	for l := range layers {
		layers[l] = barabasiAlbert(10000, 2, uint64(l+1))
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
