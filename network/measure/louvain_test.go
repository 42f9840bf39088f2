package measure

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"testing"

	"github.com/illicitnet/illicit/network"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
)

// louvainRef is testdata/reference/communities.json (see communities.py).
type louvainRef map[string]struct {
	Directed, Weighted bool
	Resolutions        map[string]struct {
		Membership []int
		Modularity float64
	}
}

func loadLouvainRef(t *testing.T) louvainRef {
	t.Helper()
	var ref louvainRef
	data, err := os.ReadFile(filepath.Join(refDir, "communities.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &ref))
	require.Len(t, ref, len(generatedGraphs)+len(datasetGraphs))
	return ref
}

// TestModularityNetworkX checks Modularity against NetworkX's
// community.modularity for NetworkX's own Louvain partition.
func TestModularityNetworkX(t *testing.T) {
	ref := loadLouvainRef(t)
	for name, r := range ref {
		g := loadGraph(t, name)
		require.Equal(t, r.Directed, g.Directed(), name)
		for key, want := range r.Resolutions {
			res, err := strconv.ParseFloat(key, 64)
			require.NoError(t, err)
			got := Modularity(g, want.Membership, res)
			assert.InDelta(t, want.Modularity, got, 1e-12, "%s γ=%s", name, key)
		}
	}
}

// TestLouvainNetworkX checks that our Louvain reaches at least NetworkX's
// modularity (less 0.01) on every reference graph.
func TestLouvainNetworkX(t *testing.T) {
	ref := loadLouvainRef(t)
	names := append(slices.Clone(generatedGraphs), datasetGraphs...)
	for _, name := range names {
		g := loadGraph(t, name)
		for _, key := range []string{"1", "0.5", "2"} {
			res, _ := strconv.ParseFloat(key, 64)
			c, err := Louvain(g, LouvainOptions{Resolution: res, Seed: 1})
			require.NoError(t, err)
			want := ref[name].Resolutions[key].Modularity
			assert.InDelta(t, Modularity(g, c.Membership, res), c.Q, 1e-12, "%s γ=%s: Q of the result", name, key)
			checkCommunities(t, g.Len(), c, name)
			// Away from γ = 1 the landscape is rougher: on ba_100 at γ = 0.5,
			// NetworkX's Q over seeds 0 … 19 ranges over 0.500 … 0.526 (most
			// often 0.5, one community), and its seed 1 happens to give the
			// best; ours with seeds 0 … 19 ranges over 0.500 … 0.529. Compare
			// the best of 10 seeds there.
			best := c.Q
			for seed := uint64(2); res != 1 && seed <= 10; seed++ {
				c, err := Louvain(g, LouvainOptions{Resolution: res, Seed: seed})
				require.NoError(t, err)
				best = max(best, c.Q)
			}
			t.Logf("%-18s γ=%-3s ours Q=%.6f (seed 1, %2d communities), best of 10 seeds %.6f; NetworkX Q=%.6f", name, key, c.Q, len(c.Groups), best, want)
			assert.GreaterOrEqual(t, best, want-0.01, "%s γ=%s", name, key)
		}
	}
}

// checkCommunities checks the invariants of a result: numbering by
// smallest member, sorted groups agreeing with Membership, last level
// equal to Membership.
func checkCommunities(t *testing.T, n int, c Communities, msg string) {
	t.Helper()
	require.Len(t, c.Membership, n, msg)
	next := 0
	for i, x := range c.Membership {
		require.LessOrEqual(t, x, next, "%s: community %d of node %d numbered out of order", msg, x, i)
		if x == next {
			next++
		}
	}
	require.Len(t, c.Groups, next, msg)
	for x, grp := range c.Groups {
		assert.True(t, slices.IsSorted(grp), msg)
		for _, i := range grp {
			assert.Equal(t, x, c.Membership[i], msg)
		}
	}
	if len(c.Levels) > 0 {
		assert.Equal(t, c.Membership, c.Levels[len(c.Levels)-1], msg)
		for k := 1; k < len(c.Levels); k++ { // each level merges the previous one's communities
			for i := range c.Levels[k] {
				for j := range c.Levels[k] {
					if c.Levels[k-1][i] == c.Levels[k-1][j] && c.Levels[k][i] != c.Levels[k][j] {
						t.Fatalf("%s: level %d splits a community of level %d", msg, k, k-1)
					}
				}
			}
		}
	}
}

// louvainRingOfCliques returns k cliques of s nodes (clique c is nodes
// c*s … c*s+s-1), node c*s joined to node ((c+1)%k)*s+1, and the
// cliques' membership.
func louvainRingOfCliques(t testing.TB, k, s int, perm []int) (*Graph, []int) {
	var from, to []int
	memb := make([]int, k*s)
	node := func(i int) int {
		if perm != nil {
			return perm[i]
		}
		return i
	}
	for c := 0; c < k; c++ {
		for a := 0; a < s; a++ {
			memb[node(c*s+a)] = c
			for b := a + 1; b < s; b++ {
				from, to = append(from, node(c*s+a)), append(to, node(c*s+b))
			}
		}
		from, to = append(from, node(c*s)), append(to, node(((c+1)%k)*s+1))
	}
	g, err := FromEdges(k*s, false, from, to, nil)
	require.NoError(t, err)
	return g, memb
}

func TestLouvainRingOfCliques(t *testing.T) {
	g, want := louvainRingOfCliques(t, 8, 5, nil)
	for seed := uint64(0); seed < 5; seed++ {
		c, err := Louvain(g, LouvainOptions{Seed: seed})
		require.NoError(t, err)
		assert.Equal(t, want, c.Membership, "seed %d", seed)
		assert.InDelta(t, Modularity(g, want, 1), c.Q, 1e-15)
		checkCommunities(t, g.Len(), c, "ring")
	}
	// Q of the cliques: 8 communities each with 10 internal edges and
	// degree sum 22, m = 88.
	assert.InDelta(t, 8*(10.0/88-math.Pow(22.0/176, 2)), Modularity(g, want, 1), 1e-15)
}

func TestLouvainDisconnected(t *testing.T) {
	// Two triangles and an isolated node: never merged.
	g, err := FromEdges(7, false, []int{0, 1, 2, 3, 4, 5}, []int{1, 2, 0, 4, 5, 3}, nil)
	require.NoError(t, err)
	c, err := Louvain(g, LouvainOptions{Seed: 3, Resolution: 0.01})
	require.NoError(t, err)
	assert.Equal(t, []int{0, 0, 0, 1, 1, 1, 2}, c.Membership)
	assert.Equal(t, [][]int{{0, 1, 2}, {3, 4, 5}, {6}}, c.Groups)

	g = loadGraph(t, "disconnected_70")
	comp := louvainComponents(g)
	for _, res := range []float64{0.1, 1, 2} {
		c, err := Louvain(g, LouvainOptions{Seed: 1, Resolution: res})
		require.NoError(t, err)
		for _, grp := range c.Groups {
			for _, i := range grp {
				require.Equal(t, comp[grp[0]], comp[i], "γ=%v: community %v spans components", res, grp)
			}
		}
	}
}

// louvainComponents labels the connected components of an undirected g.
func louvainComponents(g *Graph) []int {
	comp := make([]int, g.Len())
	for i := range comp {
		comp[i] = -1
	}
	nc := 0
	for s := range comp {
		if comp[s] >= 0 {
			continue
		}
		comp[s] = nc
		stack := []int{s}
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			adj, _ := g.Out(u)
			for _, v := range adj {
				if comp[v] < 0 {
					comp[v] = nc
					stack = append(stack, int(v))
				}
			}
		}
		nc++
	}
	return comp
}

func TestLouvainEdgeCases(t *testing.T) {
	g, err := FromEdges(4, false, nil, nil, nil)
	require.NoError(t, err)
	c, err := Louvain(g, LouvainOptions{})
	require.NoError(t, err)
	assert.Equal(t, []int{0, 1, 2, 3}, c.Membership)
	assert.Equal(t, 0.0, c.Q)
	assert.Nil(t, c.Levels)
	assert.Equal(t, 0.0, Modularity(g, []int{0, 0, 1, 1}, 1))

	g, err = FromEdges(0, false, nil, nil, nil)
	require.NoError(t, err)
	c, err = Louvain(g, LouvainOptions{})
	require.NoError(t, err)
	assert.Empty(t, c.Membership)

	_, err = Louvain(g, LouvainOptions{Resolution: -1})
	assert.ErrorContains(t, err, "resolution")
	assert.Panics(t, func() { Modularity(g, []int{1}, 1) })

	// A large threshold stops after the first level (and refinement,
	// starting from a local optimum of the original nodes, moves none).
	ba := louvainBA(t, 500, 3, 1)
	c, err = Louvain(ba, LouvainOptions{Seed: 1, NoRefinement: true})
	require.NoError(t, err)
	require.Greater(t, len(c.Levels), 1)
	c1, err := Louvain(ba, LouvainOptions{Seed: 1, Threshold: 1})
	require.NoError(t, err)
	require.Len(t, c1.Levels, 1)
	assert.Equal(t, c.Levels[0], c1.Membership)
	_, err = Louvain(ba, LouvainOptions{Threshold: math.NaN()})
	assert.ErrorContains(t, err, "threshold")

	// Arbitrary labels.
	g, _ = louvainRingOfCliques(t, 4, 4, nil)
	memb := []int{7, 7, 7, 7, -2, -2, -2, -2, 100, 100, 100, 100, 7, 7, 7, 7}
	compactMemb := []int{0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 0, 0, 0, 0}
	assert.Equal(t, Modularity(g, compactMemb, 1), Modularity(g, memb, 1))
}

// TestLouvainRefinement checks that multilevel refinement never lowers
// the modularity of the plain method (its first pass is the plain run, and
// it keeps only gains) and raises it on average on BA graphs.
func TestLouvainRefinement(t *testing.T) {
	for _, g := range []*Graph{louvainBA(t, 2000, 4, 7), louvainBA(t, 1000, 2, 3)} {
		var sumPlain, sumRefined float64
		for seed := uint64(1); seed <= 5; seed++ {
			plain, err := Louvain(g, LouvainOptions{Seed: seed, NoRefinement: true})
			require.NoError(t, err)
			refined, err := Louvain(g, LouvainOptions{Seed: seed})
			require.NoError(t, err)
			checkCommunities(t, g.Len(), plain, "plain")
			checkCommunities(t, g.Len(), refined, "refined")
			assert.InDelta(t, Modularity(g, refined.Membership, 1), refined.Q, 1e-12)
			assert.GreaterOrEqual(t, refined.Q, plain.Q-1e-12, "seed %d", seed)
			sumPlain += plain.Q
			sumRefined += refined.Q
		}
		t.Logf("n=%d: mean Q over seeds 1-5 plain %.4f, refined %.4f", g.Len(), sumPlain/5, sumRefined/5)
		assert.Greater(t, sumRefined, sumPlain)
	}
	// With refinement the ring of cliques is still found (TestLouvainRingOfCliques)
	// and a multiplex of one layer is still Louvain.
	g := louvainBA(t, 500, 3, 2)
	a, err := Louvain(g, LouvainOptions{Seed: 4})
	require.NoError(t, err)
	b, err := MultiplexLouvain([]*Graph{g}, nil, LouvainOptions{Seed: 4})
	require.NoError(t, err)
	assert.Equal(t, a.Membership, b.Membership)
	assert.Equal(t, a.Levels, b.Levels)
	assert.InDelta(t, a.Q*2*float64(g.NumEdges()), b.Q, 1e-9)
}

// TestLouvainDirected checks that a directed graph is handled as its
// undirected form.
func TestLouvainDirected(t *testing.T) {
	for _, name := range []string{"dir_er_50", "weighted_dir_40", "caviar"} {
		g := loadGraph(t, name)
		require.True(t, g.Directed())
		a, err := Louvain(g, LouvainOptions{Seed: 2})
		require.NoError(t, err)
		b, err := Louvain(g.Undirected(), LouvainOptions{Seed: 2})
		require.NoError(t, err)
		assert.Equal(t, b, a, name)
	}
}

func TestLouvainDeterministic(t *testing.T) {
	g := louvainBA(t, 2000, 4, 7)
	first, err := Louvain(g, LouvainOptions{Seed: 42})
	require.NoError(t, err)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 4, 1} {
		runtime.GOMAXPROCS(procs)
		c, err := Louvain(g, LouvainOptions{Seed: 42})
		require.NoError(t, err)
		require.Equal(t, first, c, "GOMAXPROCS=%d", procs)
	}
	differ := false
	for seed := uint64(0); seed < 5 && !differ; seed++ {
		c, err := Louvain(g, LouvainOptions{Seed: seed})
		require.NoError(t, err)
		differ = !slices.Equal(c.Membership, first.Membership)
		assert.InDelta(t, first.Q, c.Q, 0.03, "seed %d", seed)
	}
	assert.True(t, differ, "different seeds should visit nodes in different orders")
}

// louvainBA is a seeded Barabási–Albert graph for the tests.
func louvainBA(t testing.TB, n, m int, seed uint64) *Graph {
	t.Helper()
	g := barabasiAlbert(n, m, seed)
	require.Equal(t, n, g.Len())
	return g
}

// louvainGonum converts g's undirected form to a gonum weighted graph
// holding every node.
func louvainGonum(g *Graph) *simple.WeightedUndirectedGraph { return louvainGonumSigned(g, 1) }

// louvainGonumSigned is louvainGonum with every weight multiplied by sign:
// gonum wants the edges of a negatively weighted multiplex layer negative.
func louvainGonumSigned(g *Graph, sign float64) *simple.WeightedUndirectedGraph {
	u := g.Undirected()
	out := simple.NewWeightedUndirectedGraph(0, 0)
	for i := 0; i < u.Len(); i++ {
		out.AddNode(simple.Node(i))
	}
	for i := 0; i < u.Len(); i++ {
		adj, w := u.Out(i)
		for k, j := range adj {
			if int(j) > i {
				out.SetWeightedEdge(out.NewWeightedEdge(simple.Node(i), simple.Node(j), sign*w[k]))
			}
		}
	}
	return out
}

func louvainGonumCommunities(groups [][]int) [][]graph.Node {
	out := make([][]graph.Node, len(groups))
	for c, grp := range groups {
		for _, i := range grp {
			out[c] = append(out[c], simple.Node(i))
		}
	}
	return out
}

// TestModularityGonum checks Modularity and Louvain's Q against gonum's
// community.Q.
func TestModularityGonum(t *testing.T) {
	for _, name := range []string{"er_60", "weighted_er_40", "weighted_dir_40", "disconnected_70", "krebs-911"} {
		g := loadGraph(t, name)
		gg := louvainGonum(g)
		for _, res := range []float64{0.5, 1, 2} {
			c, err := Louvain(g, LouvainOptions{Seed: 5, Resolution: res})
			require.NoError(t, err)
			want := community.Q(gg, louvainGonumCommunities(c.Groups), res)
			assert.InDelta(t, want, c.Q, 1e-12, "%s γ=%v", name, res)
			assert.InDelta(t, want, Modularity(g, c.Membership, res), 1e-12, "%s γ=%v", name, res)
		}
	}
}

func TestMultiplexLouvainGonum(t *testing.T) {
	// Three layers on the same 100 nodes: a BA graph, a weighted ER graph
	// padded with isolates, and a ring of cliques.
	a := louvainBA(t, 100, 2, 3)
	er := loadGraph(t, "weighted_er_40")
	var from, to []int
	var w []float64
	for i := 0; i < er.Len(); i++ {
		adj, ws := er.Out(i)
		for k, j := range adj {
			from, to, w = append(from, i+30), append(to, int(j)+30), append(w, ws[k])
		}
	}
	b, err := FromEdges(100, false, from, to, w)
	require.NoError(t, err)
	c3, _ := louvainRingOfCliques(t, 10, 10, nil)
	layers := []*Graph{a, b, c3}
	gl, err := community.NewUndirectedLayers(louvainGonum(a), louvainGonum(b), louvainGonum(c3))
	require.NoError(t, err)
	glNeg, err := community.NewUndirectedLayers(louvainGonum(a), louvainGonumSigned(b, -1), louvainGonum(c3))
	require.NoError(t, err)

	for _, tc := range []struct {
		weights []float64
		res     []float64
	}{
		{nil, nil},
		{[]float64{1, 2, 0.5}, nil},
		{[]float64{1, 0, 3}, []float64{0.5, 1, 2}},
		{[]float64{1, -0.5, 1}, []float64{1.5}},
	} {
		opts := LouvainOptions{Seed: 9}
		switch len(tc.res) {
		case 1:
			opts.Resolution = tc.res[0]
		case 3:
			opts.LayerResolutions = tc.res
		}
		c, err := MultiplexLouvain(layers, tc.weights, opts)
		require.NoError(t, err)
		checkCommunities(t, 100, c, "multiplex")
		gml := gl
		if tc.weights != nil && tc.weights[1] < 0 {
			gml = glNeg
		}
		want := community.QMultiplex(gml, louvainGonumCommunities(c.Groups), tc.weights, tc.res)
		got, err := MultiplexModularity(layers, c.Membership, tc.weights, tc.res)
		require.NoError(t, err)
		msg := fmt.Sprintf("weights %v resolutions %v", tc.weights, tc.res)
		assertClose(t, want, got, 1e-12, msg)
		assertClose(t, want, c.LayerQ, 1e-12, msg)
		var sum float64
		for _, q := range want {
			sum += q
		}
		assert.InDelta(t, sum, c.Q, 1e-9, msg)
		// Better than every node alone and than one community.
		single, _ := MultiplexModularity(layers, make([]int, 100), tc.weights, tc.res)
		assert.Greater(t, c.Q, single[0]+single[1]+single[2], msg)
		t.Logf("%s: %d communities, Q=%.4f, layers %.4f", msg, len(c.Groups), c.Q, c.LayerQ)
	}

	// A single layer of weight 1 is Louvain's problem scaled by 2m.
	one, err := MultiplexLouvain([]*Graph{a}, nil, LouvainOptions{Seed: 4})
	require.NoError(t, err)
	single, err := Louvain(a, LouvainOptions{Seed: 4})
	require.NoError(t, err)
	assert.Equal(t, single.Membership, one.Membership)
	assert.InDelta(t, single.Q*2*float64(a.NumEdges()), one.Q, 1e-9)

	_, err = MultiplexLouvain([]*Graph{a, er}, nil, LouvainOptions{})
	assert.ErrorContains(t, err, "share their nodes")
	_, err = MultiplexLouvain(layers, []float64{1, 2}, LouvainOptions{})
	assert.ErrorContains(t, err, "3 layers")
	_, err = MultiplexLouvain(layers, nil, LouvainOptions{LayerResolutions: []float64{1}})
	assert.ErrorContains(t, err, "resolutions")
	_, err = MultiplexLouvain(nil, nil, LouvainOptions{})
	assert.ErrorContains(t, err, "no layers")
	_, err = MultiplexModularity(layers, []int{1}, nil, nil)
	assert.ErrorContains(t, err, "membership")
}

// TestMultiplexLouvainDominantLayer builds two layers on the same 40 nodes
// with conflicting structure: rings of 8 cliques of 5, on the cliques
// {0-4}, {5-9}, … in layer A and on the nodes with the same index mod 8
// in layer B. The heavier layer's cliques win.
func TestMultiplexLouvainDominantLayer(t *testing.T) {
	a, wantA := louvainRingOfCliques(t, 8, 5, nil)
	perm := make([]int, 40) // clique c of layer B is {c, c+8, c+16, …}
	for c := 0; c < 8; c++ {
		for j := 0; j < 5; j++ {
			perm[c*5+j] = c + 8*j
		}
	}
	b, wantB := louvainRingOfCliques(t, 8, 5, perm)
	require.Equal(t, []int{0, 1, 2, 3, 4, 5, 6, 7, 0}, wantB[:9])
	for seed := uint64(0); seed < 3; seed++ {
		c, err := MultiplexLouvain([]*Graph{a, b}, []float64{1, 0.1}, LouvainOptions{Seed: seed})
		require.NoError(t, err)
		assert.Equal(t, wantA, c.Membership, "layer A dominates")
		c, err = MultiplexLouvain([]*Graph{a, b}, []float64{0.1, 1}, LouvainOptions{Seed: seed})
		require.NoError(t, err)
		assert.Equal(t, wantB, c.Membership, "layer B dominates")
	}
}

// ExampleLouvain finds the two triangles of a "barbell" graph.
func ExampleLouvain() {
	// Triangles 0-1-2 and 3-4-5 joined by the edge 2-3.
	g, err := FromEdges(6, false, []int{0, 1, 2, 3, 4, 5, 2}, []int{1, 2, 0, 4, 5, 3, 3}, nil)
	if err != nil {
		panic(err)
	}
	c, err := Louvain(g, LouvainOptions{Seed: 1})
	if err != nil {
		panic(err)
	}
	fmt.Println("membership:", c.Membership)
	fmt.Println("communities:", c.Groups)
	fmt.Printf("Q = %.4f\n", c.Q)
	// Output:
	// membership: [0 0 0 1 1 1]
	// communities: [[0 1 2] [3 4 5]]
	// Q = 0.3571
}

// TestMultiplexLouvainElementLayers builds the element layers of a network
// as MultiplexLouvain's doc comment shows: money ties split the actors
// {a0 … a3} | {a4 … a7}, manpower ties {a0, a1, a4, a5} | {a2, a3, a6, a7};
// the heavier layer wins, and the empty layers count for nothing.
func TestMultiplexLouvainElementLayers(t *testing.T) {
	n := network.New("layers")
	for i := 0; i < 8; i++ {
		require.NoError(t, n.AddActor(network.Actor{ID: fmt.Sprintf("a%d", i), Kind: network.Cell}))
	}
	clique := func(e network.Element, ids ...int) {
		for x, i := range ids {
			for _, j := range ids[x+1:] {
				_, err := n.AddLink(network.Link{From: fmt.Sprintf("a%d", i), To: fmt.Sprintf("a%d", j), Element: e, Type: "tie", Weight: 1})
				require.NoError(t, err)
			}
		}
	}
	clique(network.Money, 0, 1, 2, 3)
	clique(network.Money, 4, 5, 6, 7)
	clique(network.Money, 3, 4)
	clique(network.Manpower, 0, 1, 4, 5)
	clique(network.Manpower, 2, 3, 6, 7)
	clique(network.Manpower, 1, 2)

	var layers []*Graph
	var ids []string
	for _, e := range []network.Element{network.Materiel, network.Manpower, network.Money, network.Mechanism} {
		v, err := n.UndirectedView(network.ViewOptions{Elements: []network.Element{e}})
		require.NoError(t, err)
		g, err := New(v, true)
		require.NoError(t, err)
		layers = append(layers, g)
		if ids == nil {
			ids = v.ActorIDs()
		}
		require.Equal(t, ids, v.ActorIDs(), "every element view keeps every actor, in the same order")
	}
	group := func(c Communities) [][]string {
		var out [][]string
		for _, grp := range c.Groups {
			var names []string
			for _, i := range grp {
				names = append(names, ids[i])
			}
			out = append(out, names)
		}
		return out
	}
	c, err := MultiplexLouvain(layers, []float64{1, 1, 5, 1}, LouvainOptions{Seed: 1})
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"a0", "a1", "a2", "a3"}, {"a4", "a5", "a6", "a7"}}, group(c))
	assert.Equal(t, 0.0, c.LayerQ[0])
	assert.Equal(t, 0.0, c.LayerQ[3])
	c, err = MultiplexLouvain(layers, []float64{1, 5, 1, 1}, LouvainOptions{Seed: 1})
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"a0", "a1", "a4", "a5"}, {"a2", "a3", "a6", "a7"}}, group(c))
}
