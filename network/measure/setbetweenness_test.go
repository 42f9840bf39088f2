package measure

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bruteSetBetweenness enumerates every shortest a→b path for a ∈ A, b ∈ B,
// a ≠ b, and counts, per node, the share of those paths through it.
func bruteSetBetweenness(g *Graph, A, B []bool) []float64 {
	n := g.Len()
	inf := math.Inf(1)
	d := make([][]float64, n)
	for i := range d {
		d[i] = make([]float64, n)
		for j := range d[i] {
			d[i][j] = inf
		}
		d[i][i] = 0
		adj, w := g.Out(i)
		for k, v := range adj {
			d[i][v] = w[k]
		}
	}
	for k := range n {
		for i := range n {
			for j := range n {
				if d[i][k]+d[k][j] < d[i][j] {
					d[i][j] = d[i][k] + d[k][j]
				}
			}
		}
	}
	out := make([]float64, n)
	for a := range n {
		if !A[a] {
			continue
		}
		for b := range n {
			if !B[b] || a == b || math.IsInf(d[a][b], 1) {
				continue
			}
			through := make([]float64, n)
			total := 0.0
			path := []int{a}
			var walk func(u int)
			walk = func(u int) {
				if u == b {
					total++
					for _, x := range path[1 : len(path)-1] {
						through[x]++
					}
					return
				}
				adj, w := g.Out(u)
				for k, v := range adj {
					if d[a][u]+w[k]+d[v][b] == d[a][b] && d[a][u]+w[k] == d[a][v] {
						path = append(path, int(v))
						walk(int(v))
						path = path[:len(path)-1]
					}
				}
			}
			walk(a)
			for v := range n {
				out[v] += through[v] / total
			}
		}
	}
	return out
}

func randomSetGraph(t *testing.T, r *rand.Rand) (*Graph, []bool, []bool) {
	n := 1 + r.IntN(12)
	directed := r.IntN(2) == 0
	weighted := r.IntN(3) == 0
	p := 0.15 + 0.5*r.Float64()
	var from, to []int
	var w []float64
	for u := range n {
		for v := range n {
			if u == v || (!directed && v < u) || r.Float64() >= p {
				continue
			}
			from, to = append(from, u), append(to, v)
			w = append(w, float64(1+r.IntN(3)))
		}
	}
	if !weighted {
		w = nil
	}
	g, err := FromEdges(n, directed, from, to, w)
	require.NoError(t, err)
	A, B := make([]bool, n), make([]bool, n)
	for i := range n {
		A[i] = r.IntN(3) == 0
		B[i] = r.IntN(3) == 0
	}
	return g, A, B
}

func TestSetBetweennessBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(2001, 4))
	for trial := range 300 {
		g, A, B := randomSetGraph(t, r)
		want := bruteSetBetweenness(g, A, B)
		got := SetBetweenness(g, A, B, Options{Workers: 1})
		require.Len(t, got, g.Len())
		for v := range want {
			assert.InDelta(t, want[v], got[v], 1e-9, "trial %d (n=%d directed=%v weighted=%v) node %d", trial, g.Len(), g.Directed(), g.Weighted(), v)
		}
	}
}

func TestSetBetweennessAllPairs(t *testing.T) {
	r := rand.New(rand.NewPCG(77, 1))
	for trial := range 100 {
		g, _, _ := randomSetGraph(t, r)
		all := make([]bool, g.Len())
		for i := range all {
			all[i] = true
		}
		got := SetBetweenness(g, all, all)
		b := Betweenness(g, false)
		factor := 2.0 // ordered pairs, where Betweenness counts unordered ones
		if g.Directed() {
			factor = 1
		}
		for v := range b {
			assert.Equal(t, factor*b[v], got[v], "trial %d node %d", trial, v)
		}
	}
}

func TestSetBetweennessWorkers(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	for _, weighted := range []bool{false, true} {
		n := 400
		var from, to []int
		var w []float64
		for range 2000 {
			from, to = append(from, r.IntN(n)), append(to, r.IntN(n))
			w = append(w, 0.5+r.Float64())
		}
		if !weighted {
			w = nil
		}
		g, err := FromEdges(n, false, from, to, w)
		require.NoError(t, err)
		A, B := make([]bool, n), make([]bool, n)
		for i := range n {
			A[i], B[i] = r.IntN(2) == 0, r.IntN(3) == 0
		}
		ref := SetBetweenness(g, A, B, Options{Workers: 1})
		for _, k := range []int{2, 3, 8} {
			got := SetBetweenness(g, A, B, Options{Workers: k})
			for v := range ref {
				require.Equal(t, math.Float64bits(ref[v]), math.Float64bits(got[v]), "weighted=%v workers=%d node %d", weighted, k, v)
			}
		}
	}
}

func TestSetBetweennessSmall(t *testing.T) {
	// Path 0 – 1 – 2 – 3, A = {0}, B = {3}: nodes 1 and 2 each lie on the
	// one shortest path.
	g, err := FromEdges(4, false, []int{0, 1, 2}, []int{1, 2, 3}, nil)
	require.NoError(t, err)
	A := []bool{true, false, false, false}
	B := []bool{false, false, false, true}
	assert.Equal(t, []float64{0, 1, 1, 0}, SetBetweenness(g, A, B))
	// Directed the other way round, no path from 0 to 3.
	gd, err := FromEdges(4, true, []int{1, 2, 3}, []int{0, 1, 2}, nil)
	require.NoError(t, err)
	assert.Equal(t, []float64{0, 0, 0, 0}, SetBetweenness(gd, A, B))
	// Empty graph and length mismatch.
	g0, err := FromEdges(0, false, nil, nil, nil)
	require.NoError(t, err)
	assert.Empty(t, SetBetweenness(g0, nil, nil))
	assert.Panics(t, func() { SetBetweenness(g, A, B[:2]) })
}

// BenchmarkSetBetweenness runs set betweenness on BA graphs (m = 5)
// with a third of the nodes as sources and a third as targets (every third
// node from 0 and from 1).
//
//	go test -run '^$' -bench SetBetweenness -benchtime 3x ./network/measure/
func BenchmarkSetBetweenness(b *testing.B) {
	for _, bg := range benchGraphs(b, 1000, 10000) {
		n := bg.g.Len()
		A, B := make([]bool, n), make([]bool, n)
		for i := range n {
			A[i], B[i] = i%3 == 0, i%3 == 1
		}
		for _, w := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/workers=%d", bg.name, w), func(b *testing.B) {
				for b.Loop() {
					SetBetweenness(bg.g, A, B, Options{Workers: w})
				}
			})
		}
	}
}
