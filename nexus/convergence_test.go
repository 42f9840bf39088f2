package nexus_test

import (
	"testing"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/nexus"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConvergenceBridge(t *testing.T) {
	n := nbBridgeNetwork(t)
	s := nbScope(t, n, analysis.ScopeOptions{})
	got, err := nexus.Convergence(s, nexus.ConvergenceOptions{})
	require.NoError(t, err)
	// Only the hawala has neighbours in both sectors: c1 (criminal) and t1
	// (terrorist). NB' = 16/16 = 1; Blau = 1 − (½² + ½²) = ½; it carries
	// money and mechanism: 2/4; not hybrid. Score = ¼(1 + ½ + ½ + 0) = ½.
	require.Len(t, got, 1)
	assert.Equal(t, nexus.ConvergenceNode{
		Actor: "h", Score: 0.5, NexusBetweenness: 16, Betweenness: 1, Blau: 0.5,
		Elements:     []network.Element{network.Money, network.Mechanism},
		Multiplexity: 0.5, NeighboursA: []string{"c1"}, NeighboursB: []string{"t1"},
	}, got[0])

	// Custom weights: betweenness only.
	got, err = nexus.Convergence(s, nexus.ConvergenceOptions{Weights: nexus.Weights{Betweenness: 1}})
	require.NoError(t, err)
	assert.Equal(t, 1.0, got[0].Score)
	_, err = nexus.Convergence(s, nexus.ConvergenceOptions{Weights: nexus.Weights{Blau: -1}})
	assert.Error(t, err)
	// An unknown actor in a set is rejected by the scope.
	_, err = analysis.NewScope(n, analysis.ScopeOptions{B: analysis.ByID("nobody")})
	assert.Error(t, err)
}

func TestConvergenceBridgeDirectTie(t *testing.T) {
	// A long direct tie c4 – t4 (length 10 with weights summed as lengths)
	// makes c4 and t4 convergence nodes too, but lies on no shortest path:
	// c4 – c1 – h – t1 – t4 has length 1 + 1 + 2 + 1 = 5 (h – t1 carries
	// two links). The hawala keeps all 16 paths and ranks first.
	n := nbBridgeNetwork(t)
	_, err := n.AddLink(network.Link{From: "c4", To: "t4", Type: "phone_call", Weight: 10})
	require.NoError(t, err)
	opts := analysis.ScopeOptions{Weights: analysis.LengthWeights, View: network.ViewOptions{Aggregation: network.Sum}}
	nb, s := nbBetweenness(t, n, opts)
	assert.Equal(t, analysis.Score{Actor: "h", Value: 16}, nb.Ranked()[0])
	got, err := nexus.Convergence(s, nexus.ConvergenceOptions{})
	require.NoError(t, err)
	require.Len(t, got, 3)
	assert.Equal(t, "h", got[0].Actor)
	assert.ElementsMatch(t, []string{"c4", "t4"}, []string{got[1].Actor, got[2].Actor})
	for _, c := range got {
		assert.NotEmpty(t, c.NeighboursA, c.Actor)
		assert.NotEmpty(t, c.NeighboursB, c.Actor)
	}
}

func TestConvergenceHybrid(t *testing.T) {
	n := nbHybridNetwork(t)
	got, err := nexus.Convergence(nbScope(t, n, analysis.ScopeOptions{}), nexus.ConvergenceOptions{})
	require.NoError(t, err)
	// By hand (nexus betweenness farc 4, t1 3, others 0; max 4):
	//   farc: NB' 1; neighbours c1, c2 (criminal), t1 (terrorist): Blau
	//         1 − (4/9 + 1/9) = 4/9; materiel, manpower, money: 3/4;
	//         hybrid. Score ¼(1 + 4/9 + 3/4 + 1) = 115/144.
	//   t1:   NB' 3/4; neighbours farc (½ terrorist, ½ criminal) and t2
	//         (terrorist): p = (¾, ¼), Blau 3/8; manpower: 1/4.
	//         Score ¼(3/4 + 3/8 + 1/4) = 11/32.
	//   c1:   NB' 0; neighbours c2 (criminal), farc: p = (¾, ¼), Blau
	//         3/8; materiel: 1/4. Score ¼(3/8 + 1/4) = 5/32.
	//   c2:   the same as c1 with money: 5/32; after c1 in actor order.
	//   t2 has no neighbour in A and is not hybrid: left out.
	require.Len(t, got, 4)
	want := []struct {
		id                    string
		score, nb, blau, mult float64
		hybrid                bool
		nbrA, nbrB            []string
	}{
		{"farc", 115.0 / 144, 1, 4.0 / 9, 0.75, true, []string{"c1", "c2"}, []string{"t1"}},
		{"t1", 11.0 / 32, 0.75, 3.0 / 8, 0.25, false, []string{"farc"}, []string{"farc", "t2"}},
		{"c1", 5.0 / 32, 0, 3.0 / 8, 0.25, false, []string{"c2", "farc"}, []string{"farc"}},
		{"c2", 5.0 / 32, 0, 3.0 / 8, 0.25, false, []string{"c1", "farc"}, []string{"farc"}},
	}
	for i, w := range want {
		g := got[i]
		assert.Equal(t, w.id, g.Actor)
		assert.InDelta(t, w.score, g.Score, 1e-12, w.id)
		assert.InDelta(t, w.nb, g.Betweenness, 1e-12, w.id)
		assert.InDelta(t, w.blau, g.Blau, 1e-12, w.id)
		assert.Equal(t, w.mult, g.Multiplexity, w.id)
		assert.Equal(t, w.hybrid, g.Hybrid, w.id)
		assert.Equal(t, w.nbrA, g.NeighboursA, w.id)
		assert.Equal(t, w.nbrB, g.NeighboursB, w.id)
	}
	assert.Equal(t, []network.Element{network.Materiel, network.Manpower, network.Money}, got[0].Elements)

	// A lone hybrid tied only to a cartel qualifies, and so does the cartel,
	// whose one neighbour is in both A and B.
	n2 := nbBuild(t, []network.Actor{
		{ID: "farc", Kind: network.Insurgency, Sectors: []network.Sector{network.Criminal}},
		{ID: "c", Kind: network.Cartel},
	}, []network.Link{{From: "farc", To: "c", Element: network.Materiel, Type: "supplies"}})
	got, err = nexus.Convergence(nbScope(t, n2, analysis.ScopeOptions{}), nexus.ConvergenceOptions{})
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, "farc", got[0].Actor)
	assert.Zero(t, got[0].Blau)
	assert.Equal(t, 0.25*(0.25+1), got[0].Score)
	assert.Equal(t, "c", got[1].Actor)
	assert.Equal(t, 0.5, got[1].Blau) // farc: ½ terrorist, ½ criminal
	assert.Equal(t, 0.25*(0.5+0.25), got[1].Score)
}

// TestConvergenceTiesActorOrder: equal scores keep actor (insertion)
// order, not ID order.
func TestConvergenceTiesActorOrder(t *testing.T) {
	// Two hawalas z and y, each tied to the cartel c and the cell x: each
	// carries half of the one pair's paths, the same Blau and elements.
	n := nbBuild(t, []network.Actor{
		{ID: "z", Kind: network.Hawala}, {ID: "y", Kind: network.Hawala},
		{ID: "c", Kind: network.Cartel}, {ID: "x", Kind: network.Cell},
	}, []network.Link{
		{From: "c", To: "z", Element: network.Money, Type: "pays"}, {From: "z", To: "x", Element: network.Money, Type: "funds"},
		{From: "c", To: "y", Element: network.Money, Type: "pays"}, {From: "y", To: "x", Element: network.Money, Type: "funds"},
	})
	got, err := nexus.Convergence(nbScope(t, n, analysis.ScopeOptions{}), nexus.ConvergenceOptions{})
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, "z", got[0].Actor)
	assert.Equal(t, "y", got[1].Actor)
	assert.Equal(t, got[0].Score, got[1].Score)
	// Neighbours are listed in actor order too.
	n2 := nbBuild(t, []network.Actor{
		{ID: "h", Kind: network.Hawala},
		{ID: "zc", Kind: network.Cartel}, {ID: "ac", Kind: network.Gang}, {ID: "t", Kind: network.Cell},
	}, []network.Link{{From: "ac", To: "h"}, {From: "zc", To: "h"}, {From: "h", To: "t"}})
	got, err = nexus.Convergence(nbScope(t, n2, analysis.ScopeOptions{}), nexus.ConvergenceOptions{})
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, []string{"zc", "ac"}, got[0].NeighboursA)
}

func TestConvergenceDirectedScope(t *testing.T) {
	// c → h → t → k → c, all money. h and k each have the cartel and the
	// cell as neighbours (either direction): Blau ½, money ¼, not hybrid.
	// Undirected, they split the one pair's paths: NB' 1 each, score
	// ¼(1 + ½ + ¼) = 7/16. Directed, only c → h → t: h keeps 7/16, k
	// drops to ¼(0 + ½ + ¼) = 3/16.
	n := nbDirectedNetwork(t)
	got, err := nexus.Convergence(nbScope(t, n, analysis.ScopeOptions{}), nexus.ConvergenceOptions{})
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, []string{"h", "k"}, []string{got[0].Actor, got[1].Actor})
	assert.Equal(t, 7.0/16, got[0].Score)
	assert.Equal(t, 7.0/16, got[1].Score)

	got, err = nexus.Convergence(nbScope(t, n, analysis.ScopeOptions{Directed: true}), nexus.ConvergenceOptions{})
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, nexus.ConvergenceNode{Actor: "h", Score: 7.0 / 16, NexusBetweenness: 1, Betweenness: 1, Blau: 0.5,
		Elements: []network.Element{network.Money}, Multiplexity: 0.25,
		NeighboursA: []string{"c"}, NeighboursB: []string{"t"}}, got[0])
	assert.Equal(t, nexus.ConvergenceNode{Actor: "k", Score: 3.0 / 16, Blau: 0.5,
		Elements: []network.Element{network.Money}, Multiplexity: 0.25,
		NeighboursA: []string{"c"}, NeighboursB: []string{"t"}}, got[1])
}

func TestConvergenceEmptySet(t *testing.T) {
	n := nbUntypedNetwork(t)
	_, err := nexus.Convergence(nbScope(t, n, analysis.ScopeOptions{}), nexus.ConvergenceOptions{})
	nbAssertEmptySetError(t, err, "A")
	_, err = nexus.Convergence(nbScope(t, n, analysis.ScopeOptions{A: analysis.ByID("p1")}), nexus.ConvergenceOptions{})
	nbAssertEmptySetError(t, err, "B")
}
