package measure

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

// Tolerance for the power iterations (tol 1e-12 per node, as in
// general.py). They repeat NetworkX's iterations step for step, in the same
// summation order, and stop at the same step: on every reference graph the
// largest difference found was 2.2e-16 (eigenvector), 2.8e-17 (PageRank)
// and 5.6e-17 (Katz). 1e-9 leaves room for other platforms' rounding.
const iterTol = 1e-9

// inducedSubgraph returns the subgraph of g on nodes (increasing), with node
// k of the result being nodes[k].
func inducedSubgraph(t testing.TB, g *Graph, nodes []int) *Graph {
	t.Helper()
	idx := make(map[int]int, len(nodes))
	for k, v := range nodes {
		idx[v] = k
	}
	var from, to []int
	var w []float64
	for _, u := range nodes {
		adj, ws := g.Out(u)
		for k, v := range adj {
			if j, ok := idx[int(v)]; ok {
				from, to, w = append(from, idx[u]), append(to, j), append(w, ws[k])
			}
		}
	}
	if !g.Weighted() {
		w = nil
	}
	s, err := FromEdges(len(nodes), g.Directed(), from, to, w)
	require.NoError(t, err)
	return s
}

// largestComponent returns the nodes of the largest (weakly) connected
// component, the first one in Components order among equals.
func largestComponent(g *Graph) []int {
	var best []int
	for _, c := range Components(g) {
		if len(c) > len(best) {
			best = c
		}
	}
	return best
}

func TestEigenvectorReference(t *testing.T) {
	ref := loadGeneral(t)
	for _, name := range allGraphs() {
		t.Run(name, func(t *testing.T) {
			r := ref[name]
			g := loadGraph(t, name)
			opt := EigenvectorOptions{MaxIter: 10000, Tol: 1e-12, Weighted: r.Weighted}
			got, err := Eigenvector(g, opt)
			if r.Eigenvector == nil {
				assert.ErrorIs(t, err, ErrNotConverged)
			} else {
				require.NoError(t, err)
				assertClose(t, r.Eigenvector, got, iterTol, "eigenvector")
			}
			if r.EigenvectorLCC != nil {
				lcc := largestComponent(g)
				got, err := Eigenvector(inducedSubgraph(t, g, lcc), opt)
				require.NoError(t, err)
				want := make([]float64, len(lcc))
				for k, v := range lcc {
					require.NotNil(t, r.EigenvectorLCC[v])
					want[k] = *r.EigenvectorLCC[v]
				}
				assertClose(t, want, got, iterTol, "eigenvector on the largest component")
			}
		})
	}
}

func TestEigenvectorPublished(t *testing.T) {
	// The reference table published with the datasets: eigenvector_lcc, to 4 decimals.
	for _, c := range []struct {
		dataset, id string
		want        float64
	}{
		{"krebs-911", "14", 0.4116}, // Mohamed Atta
		{"krebs-911", "16", 0.3988}, // Marwan Al-Shehhi
		{"caviar-undirected", "1", 0.5065},
		{"florentine", "Medici", 0.4303},
		{"florentine", "Strozzi", 0.3560},
	} {
		g, ids := loadDataset(t, c.dataset)
		lcc := largestComponent(g)
		ev, err := Eigenvector(inducedSubgraph(t, g, lcc), EigenvectorOptions{MaxIter: 100000, Tol: 1e-12})
		require.NoError(t, err)
		k := slices.Index(lcc, slices.Index(ids, c.id))
		require.GreaterOrEqual(t, k, 0, c.id)
		assert.InDelta(t, c.want, ev[k], 1e-4, "%s %s", c.dataset, c.id)
	}
}

func TestEigenvectorErrors(t *testing.T) {
	// A directed path is acyclic: NetworkX fails to converge in 10000
	// iterations (checked with networkx 3.6.1), and so do we.
	dag, err := FromEdges(3, true, []int{0, 1}, []int{1, 2}, nil)
	require.NoError(t, err)
	_, err = Eigenvector(dag, EigenvectorOptions{MaxIter: 10000, Tol: 1e-12})
	assert.ErrorIs(t, err, ErrNotConverged)
	empty, err := FromEdges(0, false, nil, nil, nil)
	require.NoError(t, err)
	_, err = Eigenvector(empty, EigenvectorOptions{})
	assert.Error(t, err)
}

func TestPageRankReference(t *testing.T) {
	ref := loadGeneral(t)
	for _, name := range allGraphs() {
		t.Run(name, func(t *testing.T) {
			r := ref[name]
			g := loadGraph(t, name)
			opt := PageRankOptions{Alpha: 0.85, MaxIter: 1000, Tol: 1e-12, Weighted: r.Weighted}
			got, err := PageRank(g, opt)
			require.NoError(t, err)
			assertClose(t, r.PageRank, got, iterTol, "pagerank")
			if r.Personalization != nil {
				opt.Personalization = r.Personalization
				got, err := PageRank(g, opt)
				require.NoError(t, err)
				assertClose(t, r.PageRankPersonalized, got, iterTol, "personalised pagerank")
			}
		})
	}
}

func TestPageRankGonum(t *testing.T) {
	// gonum's network.PageRank spreads dangling nodes uniformly, as we do
	// without a personalization vector; it stops on the L2 change.
	g := loadGraph(t, "dir_er_50")
	dg := simple.NewDirectedGraph()
	for u := 0; u < g.Len(); u++ {
		dg.AddNode(simple.Node(u))
	}
	for u := 0; u < g.Len(); u++ {
		adj, _ := g.Out(u)
		for _, v := range adj {
			dg.SetEdge(simple.Edge{F: simple.Node(u), T: simple.Node(v)})
		}
	}
	want := network.PageRank(dg, 0.85, 1e-12)
	got, err := PageRank(g, PageRankOptions{Tol: 1e-13, MaxIter: 1000})
	require.NoError(t, err)
	for u := 0; u < g.Len(); u++ {
		assert.InDelta(t, want[int64(u)], got[u], 1e-8, "node %d", u)
	}
}

func TestPageRankOptions(t *testing.T) {
	g, err := FromEdges(3, true, []int{0, 1}, []int{1, 2}, nil)
	require.NoError(t, err)
	pr, err := PageRank(g, PageRankOptions{})
	require.NoError(t, err)
	var s float64
	for _, x := range pr {
		s += x
	}
	assert.InDelta(t, 1, s, 1e-9)
	// A dangling vector sending the walk back to node 0 only.
	pd, err := PageRank(g, PageRankOptions{Dangling: []float64{1, 0, 0}, Tol: 1e-12, MaxIter: 1000})
	require.NoError(t, err)
	assert.Greater(t, pd[0], pr[0])
	st, err := PageRank(g, PageRankOptions{Start: []float64{0, 0, 5}, Tol: 1e-12, MaxIter: 1000})
	require.NoError(t, err)
	pr2, err := PageRank(g, PageRankOptions{Tol: 1e-12, MaxIter: 1000})
	require.NoError(t, err)
	assertClose(t, pr2, st, 1e-9, "start vector does not change the fixed point")
	for _, bad := range []PageRankOptions{
		{Personalization: []float64{1}},
		{Personalization: []float64{0, 0, 0}},
		{Dangling: []float64{1, -1, 0}},
		{Start: []float64{math.NaN(), 1, 1}},
		{Alpha: 1.5},
	} {
		_, err := PageRank(g, bad)
		assert.Error(t, err, fmt.Sprint(bad))
	}
	_, err = PageRank(g, PageRankOptions{MaxIter: 1, Tol: 1e-15})
	assert.True(t, errors.Is(err, ErrNotConverged))
	empty, _ := FromEdges(0, true, nil, nil, nil)
	pe, err := PageRank(empty, PageRankOptions{})
	assert.NoError(t, err)
	assert.Empty(t, pe)
}

func TestKatzReference(t *testing.T) {
	ref := loadGeneral(t)
	for _, name := range allGraphs() {
		t.Run(name, func(t *testing.T) {
			r := ref[name]
			g := loadGraph(t, name)
			got, err := Katz(g, KatzOptions{Alpha: r.KatzAlpha, Beta: 1, MaxIter: 10000, Tol: 1e-12, Weighted: r.Weighted})
			require.NoError(t, err)
			assertClose(t, r.Katz, got, iterTol, "katz")
		})
	}
}

func TestKatzSmall(t *testing.T) {
	// Path 0–1–2, alpha 0.1, unnormalised: x1 = 0.1(x0 + x2) + 1,
	// x0 = x2 = 0.1 x1 + 1, so x1 = 1.2/0.98 and x0 = 1 + 0.12/0.98.
	g, err := FromEdges(3, false, []int{0, 1}, []int{1, 2}, nil)
	require.NoError(t, err)
	x, err := Katz(g, KatzOptions{Unnormalized: true, Tol: 1e-15})
	require.NoError(t, err)
	assertClose(t, []float64{1 + 0.12/0.98, 1.2 / 0.98, 1 + 0.12/0.98}, x, 1e-12, "katz")
	xb, err := Katz(g, KatzOptions{Unnormalized: true, Tol: 1e-15, Betas: []float64{2, 2, 2}})
	require.NoError(t, err)
	assertClose(t, []float64{2 * x[0], 2 * x[1], 2 * x[2]}, xb, 1e-12, "betas scale")
	_, err = Katz(g, KatzOptions{Betas: []float64{1}})
	assert.Error(t, err)
	_, err = Katz(g, KatzOptions{Alpha: 1}) // alpha > 1/λmax = 1/√2
	assert.ErrorIs(t, err, ErrNotConverged)
}
