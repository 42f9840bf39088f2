package measure

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

// pathsRef is one graph's entry in testdata/reference/paths.json.
type pathsRef struct {
	Betweenness        []float64
	BetweennessRaw     []float64    `json:"betweenness_raw"`
	EdgeBetweenness    [][3]float64 `json:"edge_betweenness"`
	EdgeBetweennessRaw [][3]float64 `json:"edge_betweenness_raw"`
	Closeness          []float64
	ClosenessNoWF      []float64 `json:"closeness_nowf"`
	Harmonic           []float64
}

func loadPathsRef(t testing.TB) map[string]pathsRef {
	t.Helper()
	var ref struct{ Graphs map[string]pathsRef }
	loadReference(t, "paths.json", &ref)
	return ref.Graphs
}

func pathsGraphs() []string { return append(slices.Clone(generatedGraphs), datasetGraphs...) }

func assertEdgeScoresClose(t *testing.T, want [][3]float64, got []EdgeScore, tol float64, msg string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: want %d edges, got %d", msg, len(want), len(got))
		return
	}
	bad := 0
	for i, w := range want {
		e := got[i]
		if e.From != int(w[0]) || e.To != int(w[1]) {
			t.Fatalf("%s: edge %d: want (%v, %v), got (%d, %d)", msg, i, w[0], w[1], e.From, e.To)
		}
		if d := math.Abs(w[2] - e.Value); d > tol*math.Max(1, math.Abs(w[2])) {
			if bad < 5 {
				t.Errorf("%s: edge (%d, %d): want %.15g, got %.15g", msg, e.From, e.To, w[2], e.Value)
			}
			bad++
		}
	}
}

func TestBetweennessReference(t *testing.T) {
	ref := loadPathsRef(t)
	for _, name := range pathsGraphs() {
		t.Run(name, func(t *testing.T) {
			g := loadGraph(t, name)
			r, ok := ref[name]
			require.True(t, ok, "no reference for %s", name)
			assertClose(t, r.Betweenness, Betweenness(g, true), 1e-9, "normalized")
			assertClose(t, r.BetweennessRaw, Betweenness(g, false), 1e-9, "raw")
			assertEdgeScoresClose(t, r.EdgeBetweenness, EdgeBetweenness(g, true), 1e-9, "edge normalized")
			assertEdgeScoresClose(t, r.EdgeBetweennessRaw, EdgeBetweenness(g, false), 1e-9, "edge raw")
		})
	}
}

// pathsByActor returns the value of the actor with the given ID.
func pathsByActor(t *testing.T, ids []string, vals []float64, id string) float64 {
	t.Helper()
	i := slices.Index(ids, id)
	require.GreaterOrEqual(t, i, 0, "actor %q not found", id)
	return vals[i]
}

// TestPathsPublished checks, by actor ID, the NetworkX values quoted in
// the datasets' documentation (krebs-911: the 68-node table; CAVIAR: the
// union of phases; Florentine: 16 families with Pucci).
func TestPathsPublished(t *testing.T) {
	krebs, kid := loadDataset(t, "krebs-911")
	atta := krebsAtta(t)
	assert.InDelta(t, 0.4866, pathsByActor(t, kid, Betweenness(krebs, true), atta), 1e-4, "Atta betweenness (68 nodes)")
	assert.InDelta(t, 0.5340, pathsByActor(t, kid, Closeness(krebs, true), atta), 1e-4, "Atta closeness (68 nodes)")

	cu, cid := loadDataset(t, "caviar-undirected")
	assert.InDelta(t, 0.5235, pathsByActor(t, cid, Betweenness(cu, true), "1"), 1e-4, "CAVIAR N1 betweenness")
	assert.InDelta(t, 0.6443, pathsByActor(t, cid, Closeness(cu, true), "1"), 1e-4, "CAVIAR N1 closeness")
	assert.InDelta(t, 0.2426, pathsByActor(t, cid, Betweenness(cu, true), "12"), 1e-4, "CAVIAR N12 betweenness")
	cd, did := loadDataset(t, "caviar")
	assert.InDelta(t, 0.3758, pathsByActor(t, did, Betweenness(cd, true), "1"), 1e-4, "CAVIAR N1 directed betweenness")
	assert.InDelta(t, 0.1762, pathsByActor(t, did, Betweenness(cd, true), "12"), 1e-4, "CAVIAR N12 directed betweenness")

	fl, fid := loadDataset(t, "florentine")
	assert.InDelta(t, 0.4524, pathsByActor(t, fid, Betweenness(fl, true), "Medici"), 1e-4, "Medici betweenness (16 nodes)")
	assert.InDelta(t, 47.5, pathsByActor(t, fid, Betweenness(fl, false), "Medici"), 1e-9, "Medici raw betweenness")
	assert.InDelta(t, 0.5227, pathsByActor(t, fid, Closeness(fl, true), "Medici"), 1e-4, "Medici closeness")
	assert.InDelta(t, 0.2206, pathsByActor(t, fid, Betweenness(fl, true), "Guadagni"), 1e-4, "Guadagni betweenness")
}

// krebsAtta returns Mohamed Atta's actor ID in testdata/krebs-911/nodes.csv.
func krebsAtta(t *testing.T) string {
	t.Helper()
	f, err := os.Open(refDir + "/../krebs-911/nodes.csv")
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	for _, r := range rows[1:] {
		if r[1] == "Mohamed Atta" {
			return r[0]
		}
	}
	t.Fatal("Mohamed Atta not in nodes.csv")
	return ""
}

// TestPathsDeterministic checks that results are bitwise identical for any
// number of workers and across runs.
func TestPathsDeterministic(t *testing.T) {
	for _, name := range []string{"ba_100", "dir_ba_200", "weighted_er_40", "disconnected_70", "caviar"} {
		g := loadGraph(t, name)
		b0 := Betweenness(g, true, Options{Workers: 1})
		e0 := EdgeBetweenness(g, false, Options{Workers: 1})
		c0 := Closeness(g, true, Options{Workers: 1})
		h0 := Harmonic(g, Options{Workers: 1})
		for _, w := range []int{1, 2, 3, 7, 0} {
			for range 2 {
				assert.Equal(t, b0, Betweenness(g, true, Options{Workers: w}), "%s betweenness, %d workers", name, w)
				assert.Equal(t, e0, EdgeBetweenness(g, false, Options{Workers: w}), "%s edge betweenness, %d workers", name, w)
				assert.Equal(t, c0, Closeness(g, true, Options{Workers: w}), "%s closeness, %d workers", name, w)
				assert.Equal(t, h0, Harmonic(g, Options{Workers: w}), "%s harmonic, %d workers", name, w)
			}
		}
	}
	// A graph with more sources than chunks, so chunks hold several sources
	// and finish out of order.
	g := barabasiAlbert(1000, 3, 7)
	b0 := Betweenness(g, false, Options{Workers: 1})
	for _, w := range []int{2, 3, 7} {
		b := Betweenness(g, false, Options{Workers: w})
		for i := range b0 {
			if math.Float64bits(b[i]) != math.Float64bits(b0[i]) {
				t.Fatalf("ba 1000, %d workers: node %d: %v != %v", w, i, b[i], b0[i])
			}
		}
	}
}

// pathsToGonum converts a Graph back to a gonum graph with node IDs 0 … n-1.
func pathsToGonum(g *Graph) graph.Graph {
	if g.Directed() {
		d := simple.NewDirectedGraph()
		for i := 0; i < g.Len(); i++ {
			d.AddNode(simple.Node(i))
		}
		for u := 0; u < g.Len(); u++ {
			adj, _ := g.Out(u)
			for _, v := range adj {
				d.SetEdge(simple.Edge{F: simple.Node(u), T: simple.Node(v)})
			}
		}
		return d
	}
	ug := simple.NewUndirectedGraph()
	for i := 0; i < g.Len(); i++ {
		ug.AddNode(simple.Node(i))
	}
	for u := 0; u < g.Len(); u++ {
		adj, _ := g.Out(u)
		for _, v := range adj {
			ug.SetEdge(simple.Edge{F: simple.Node(u), T: simple.Node(v)})
		}
	}
	return ug
}

// TestBetweennessGonum cross-checks against gonum's network.Betweenness and
// EdgeBetweenness, which sum over ordered pairs and do not halve
// undirected values: gonum's = 2 × ours (raw) on undirected graphs, = ours
// on directed ones.
func TestBetweennessGonum(t *testing.T) {
	for _, name := range []string{"er_60", "ba_100", "dir_er_50", "krebs-911", "caviar"} {
		g := loadGraph(t, name)
		factor := 2.0
		if g.Directed() {
			factor = 1
		}
		gg := pathsToGonum(g)
		gb := network.Betweenness(gg)
		ours := Betweenness(g, false)
		for i, x := range ours {
			assert.InDelta(t, gb[int64(i)], factor*x, 1e-9*math.Max(1, x), "%s node %d", name, i)
		}
		ge := network.EdgeBetweenness(gg)
		for _, e := range EdgeBetweenness(g, false) {
			assert.InDelta(t, ge[[2]int64{int64(e.From), int64(e.To)}], factor*e.Value, 1e-9*math.Max(1, e.Value), "%s edge %v", name, e)
		}
	}
}

func TestBetweennessSmall(t *testing.T) {
	// Path 0–1–2–3: node 1 lies between {0,2} and {0,3}.
	p, err := FromEdges(4, false, []int{0, 1, 2}, []int{1, 2, 3}, nil)
	require.NoError(t, err)
	assert.Equal(t, []float64{0, 2, 2, 0}, Betweenness(p, false))
	assert.Equal(t, []float64{0, 2.0 / 3, 2.0 / 3, 0}, Betweenness(p, true))
	assert.Equal(t, []EdgeScore{{0, 1, 3}, {1, 2, 4}, {2, 3, 3}}, EdgeBetweenness(p, false))
	// Weighted square 0-1-2-3-0 with a long chord: two shortest 0→2 paths.
	w, err := FromEdges(4, false, []int{0, 1, 2, 3, 0}, []int{1, 2, 3, 0, 2}, []float64{1, 1, 1, 1, 5})
	require.NoError(t, err)
	assert.Equal(t, []float64{0.5, 0.5, 0.5, 0.5}, Betweenness(w, false))
	// Tiny and empty graphs.
	for n := 0; n <= 2; n++ {
		var from, to []int
		if n == 2 {
			from, to = []int{0}, []int{1}
		}
		g, err := FromEdges(n, false, from, to, nil)
		require.NoError(t, err)
		assert.Equal(t, make([]float64, n), Betweenness(g, true))
		assert.Len(t, Closeness(g, true), n)
	}
}

func ExampleBetweenness() {
	// A star: the hub 0 lies on the shortest path between every pair of
	// leaves.
	g, _ := FromEdges(4, false, []int{0, 0, 0}, []int{1, 2, 3}, nil)
	fmt.Println(Betweenness(g, false))
	fmt.Println(Betweenness(g, true))
	for _, e := range EdgeBetweenness(g, false) {
		fmt.Printf("%d–%d: %g\n", e.From, e.To, e.Value)
	}
	// Output:
	// [3 0 0 0]
	// [1 0 0 0]
	// 0–1: 3
	// 0–2: 3
	// 0–3: 3
}
