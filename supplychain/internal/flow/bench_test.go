package flow

import (
	"fmt"
	"testing"
)

// BenchmarkMaxFlow runs MaxFlow on route-like networks (routeNetwork: ~3
// arcs per node to nodes up to 20 ahead, a tenth backwards, capacities
// 1..10) with 10 sources at one end and 10 sinks at the other.
func BenchmarkMaxFlow(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		g, src, snk := routeNetwork(n, 3, 10, 1)
		b.Run(fmt.Sprintf("n=%d/arcs=%d", n, len(g.Arcs)), func(b *testing.B) {
			for b.Loop() {
				if _, err := MaxFlow(g, src, snk); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMaxFlowNodes is BenchmarkMaxFlow with node capacities 1..10.
func BenchmarkMaxFlowNodes(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		g, src, snk := routeNetwork(n, 3, 10, 1)
		nodeCap := make([]float64, n)
		for v := range nodeCap {
			nodeCap[v] = float64(1 + v%10)
		}
		b.Run(fmt.Sprintf("n=%d/arcs=%d", n, len(g.Arcs)), func(b *testing.B) {
			for b.Loop() {
				if _, err := MaxFlowNodes(g, nodeCap, src, snk); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkKCheapest finds the 10 cheapest paths from the first to the
// last node of route networks.
func BenchmarkKCheapest(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		g, _, _ := routeNetwork(n, 3, 1, 2)
		b.Run(fmt.Sprintf("n=%d/k=10", n), func(b *testing.B) {
			for b.Loop() {
				p, err := KCheapest(g, 0, n-1, 10)
				if err != nil || len(p) != 10 {
					b.Fatal(err, len(p))
				}
			}
		})
	}
}

// BenchmarkCheapestPath is one CheapestPath on the MaxFlow networks.
func BenchmarkCheapestPath(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		g, src, snk := routeNetwork(n, 3, 10, 1)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := CheapestPath(g, src, snk); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkInterdict solves budgets 0..3 exactly on route networks of 300
// nodes (~870 arcs), capacities 1 (many ties: the hard case) or 1..10.
func BenchmarkInterdict(b *testing.B) {
	for _, unit := range []bool{false, true} {
		g, src, snk := routeNetwork(300, 3, 3, 1)
		if unit {
			for i := range g.Arcs {
				g.Arcs[i].Capacity = 1
			}
		}
		for _, target := range []Target{TargetArcs, TargetNodes} {
			name := fmt.Sprintf("unit=%v/%s", unit, target)
			b.Run("flow/"+name, func(b *testing.B) {
				for b.Loop() {
					r, err := InterdictFlow(g, src, snk, 3, InterdictOptions{Target: target})
					if err != nil || !r.Exact {
						b.Fatal(err, r.Method)
					}
				}
			})
			if !unit {
				b.Run("path/"+target.String(), func(b *testing.B) {
					for b.Loop() {
						r, err := InterdictPath(g, src, snk, 3, InterdictOptions{Target: target})
						if err != nil || !r.Exact {
							b.Fatal(err, r.Method)
						}
					}
				})
			}
		}
	}
}
