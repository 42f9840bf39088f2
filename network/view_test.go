package network

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/topo"
)

// pairs lists a view's edges as "from-to" actor ID strings with weights.
func pairs(v *View) map[string]float64 {
	out := map[string]float64{}
	for _, e := range v.Edges() {
		out[e.F.ActorID()+"-"+e.T.ActorID()] = e.W
	}
	return out
}

func TestUndirectedViewAggregation(t *testing.T) {
	n := tbaNetwork(t)
	tests := []struct {
		agg  Aggregation
		want float64 // weight of the farc–cartel edge (links 0, 1, 8)
	}{
		{Count, 3},
		{Sum, 3 + 2 + 7},
		{Max, 7},
		{DiscountedSum, 3*0.64 + 2*0.36 + 7*UngradedConfidence},
	}
	for _, tt := range tests {
		t.Run(tt.agg.String(), func(t *testing.T) {
			g, err := n.UndirectedView(ViewOptions{Aggregation: tt.agg})
			require.NoError(t, err)
			assert.Equal(t, 7, g.Len())
			assert.Equal(t, 7, g.NumEdges())
			assert.Equal(t, 10, g.NumLinks())
			assert.Equal(t, 1, g.SelfLinks())
			w, ok := g.Weight(0, 1)
			require.True(t, ok)
			assert.InDelta(t, tt.want, w, 1e-12)
			w2, _ := g.Weight(1, 0)
			assert.Equal(t, w, w2)
			e := g.EdgeBetween(1, 0).(Edge)
			assert.Equal(t, []LinkID{0, 1, 8}, e.Links())
			assert.Equal(t, "cartel", e.F.ActorID())
		})
	}
}

func TestDirectedView(t *testing.T) {
	n := tbaNetwork(t)
	g, err := n.DirectedView(ViewOptions{Aggregation: Sum})
	require.NoError(t, err)
	assert.Equal(t, map[string]float64{
		"farc-cartel": 10, "cartel-farc": 2, "cartel-hawala": 1, "cartel-official": 1,
		"cartel-port": 1, "hawala-cell": 4, "official-cartel": 1, "front-cartel": 5,
		"front-official": 1, "port-cartel": 1,
	}, pairs(g.View))
	cartel, _ := g.NodeID("cartel")
	front, _ := g.NodeID("front")
	assert.True(t, g.HasEdgeFromTo(front, cartel))
	assert.False(t, g.HasEdgeFromTo(cartel, front))
	assert.True(t, g.HasEdgeBetween(cartel, front))
	assert.Nil(t, g.Edge(cartel, front))
	assert.Equal(t, []string{"farc", "hawala", "official", "port"}, nodeActors(g.View, g.From(cartel)))
	assert.Equal(t, []string{"farc", "official", "front", "port"}, nodeActors(g.View, g.To(cartel)))
	assert.Equal(t, graph.Empty, g.From(99))
	assert.Nil(t, g.Node(-1))
	w, ok := g.Weight(front, front)
	assert.True(t, ok)
	assert.Zero(t, w)
	_, ok = g.Weight(cartel, front)
	assert.False(t, ok)
}

func nodeActors(v *View, it graph.Nodes) []string {
	var out []string
	for it.Next() {
		out = append(out, v.ActorID(it.Node().ID()))
	}
	return out
}

func TestViewFilters(t *testing.T) {
	n := tbaNetwork(t)
	tests := []struct {
		name   string
		opts   ViewOptions
		actors []string
		edges  map[string]float64 // undirected, Count
	}{
		{"money layer", ViewOptions{Elements: []Element{Money}},
			[]string{"farc", "cartel", "hawala", "cell", "official", "front", "port"},
			map[string]float64{"farc-cartel": 1, "cartel-hawala": 1, "hawala-cell": 1, "cartel-front": 1, "official-front": 1}},
		{"materiel and mechanism", ViewOptions{Elements: []Element{Materiel, Mechanism}},
			[]string{"farc", "cartel", "hawala", "cell", "official", "front", "port"},
			map[string]float64{"farc-cartel": 2, "cartel-port": 1}},
		{"type", ViewOptions{Types: []string{"pays", "bribes"}},
			[]string{"farc", "cartel", "hawala", "cell", "official", "front", "port"},
			map[string]float64{"farc-cartel": 1, "cartel-hawala": 1, "official-front": 1}},
		{"crime and terror sectors", ViewOptions{Sectors: []Sector{Criminal, Terrorist}},
			[]string{"farc", "cartel", "cell"},
			map[string]float64{"farc-cartel": 3}},
		{"kinds", ViewOptions{Kinds: []Kind{Cartel, CorruptOfficial, FrontCompany}},
			[]string{"cartel", "official", "front"},
			map[string]float64{"cartel-official": 1, "cartel-front": 1, "official-front": 1}},
		{"sector and kind", ViewOptions{Sectors: []Sector{Criminal}, Kinds: []Kind{Cartel, Cell}},
			[]string{"cartel"}, map[string]float64{}},
		{"window 2009", ViewOptions{From: Date{Year: 2009}, To: Date{Year: 2009}},
			[]string{"farc", "cartel", "hawala", "cell", "official", "front", "port"},
			map[string]float64{"farc-cartel": 2, "cartel-hawala": 1, "hawala-cell": 1, "cartel-official": 1,
				"cartel-front": 1, "official-front": 1, "cartel-port": 1}},
		{"window open start", ViewOptions{To: Date{Year: 2005, Month: 12}},
			[]string{"farc", "cartel", "hawala", "cell", "official", "front", "port"},
			map[string]float64{"farc-cartel": 1, "cartel-official": 1, "cartel-front": 1, "official-front": 1, "cartel-port": 1}},
		{"instant 2007", ViewOptions{At: time.Date(2007, 1, 1, 12, 0, 0, 0, time.UTC)},
			[]string{"farc", "cartel", "hawala", "cell", "official", "front", "port"},
			map[string]float64{"farc-cartel": 2, "cartel-official": 1, "cartel-front": 1, "official-front": 1, "cartel-port": 1}},
		{"instant on last day", ViewOptions{At: time.Date(2010, 12, 31, 0, 0, 0, 0, time.UTC), Elements: []Element{Money}},
			[]string{"farc", "cartel", "hawala", "cell", "official", "front", "port"},
			map[string]float64{"farc-cartel": 1, "cartel-hawala": 1, "hawala-cell": 1, "cartel-front": 1, "official-front": 1}},
		{"instant after end", ViewOptions{At: time.Date(2011, 1, 1, 0, 0, 0, 0, time.UTC), Elements: []Element{Money}},
			[]string{"farc", "cartel", "hawala", "cell", "official", "front", "port"},
			map[string]float64{"farc-cartel": 1, "cartel-hawala": 1, "cartel-front": 1, "official-front": 1}},
		{"min grade B2", ViewOptions{MinGrade: MustParseGrade("B2")},
			[]string{"farc", "cartel", "hawala", "cell", "official", "front", "port"},
			map[string]float64{"farc-cartel": 1, "hawala-cell": 1}},
		{"min grade 3x5x2 2C (0.3)", ViewOptions{MinGrade: MustParseGrade("2C")},
			[]string{"farc", "cartel", "hawala", "cell", "official", "front", "port"},
			map[string]float64{"farc-cartel": 2, "hawala-cell": 1}},
		{"min grade F6 keeps ungraded", ViewOptions{MinGrade: MustParseGrade("F6")},
			[]string{"farc", "cartel", "hawala", "cell", "official", "front", "port"},
			map[string]float64{"farc-cartel": 3, "cartel-hawala": 1, "hawala-cell": 1, "cartel-front": 1, "official-front": 1, "cartel-port": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := n.UndirectedView(tt.opts)
			require.NoError(t, err)
			assert.Equal(t, tt.actors, g.ActorIDs())
			assert.Equal(t, tt.edges, pairs(g.View))
			for i, id := range tt.actors {
				got, ok := g.NodeID(id)
				require.True(t, ok)
				assert.Equal(t, int64(i), got)
			}
		})
	}
}

func TestViewOptionErrors(t *testing.T) {
	n := tbaNetwork(t)
	for name, opts := range map[string]ViewOptions{
		"window reversed": {From: Date{Year: 2010}, To: Date{Year: 2009}},
		"at and from":     {From: Date{Year: 2009}, At: time.Now()},
		"bad grade":       {MinGrade: Grade{System: UK3x5x2, Source: '9'}},
		"bad date":        {From: Date{Year: 2009, Month: 13}},
		"bad aggregation": {Aggregation: 9},
		"bad element":     {Elements: []Element{42}},
	} {
		_, err := n.UndirectedView(opts)
		assert.Error(t, err, name)
		_, err = n.DirectedView(opts)
		assert.Error(t, err, name)
	}
}

func TestGonumOnViews(t *testing.T) {
	n := tbaNetwork(t)
	all, err := n.UndirectedView(ViewOptions{})
	require.NoError(t, err)
	assert.Len(t, topo.ConnectedComponents(all), 1)

	money, err := n.UndirectedView(ViewOptions{Elements: []Element{Money}})
	require.NoError(t, err)
	cc := topo.ConnectedComponents(money)
	require.Len(t, cc, 2)
	sizes := []int{len(cc[0]), len(cc[1])}
	assert.ElementsMatch(t, []int{6, 1}, sizes)

	// Weighted shortest paths follow the money: front → cartel → hawala → cell.
	dg, err := n.DirectedView(ViewOptions{Elements: []Element{Money}, Aggregation: Sum})
	require.NoError(t, err)
	front, _ := dg.NodeID("front")
	cell, _ := dg.NodeID("cell")
	sp := path.DijkstraFrom(dg.Node(front), dg)
	route, weight := sp.To(cell)
	var ids []string
	for _, nd := range route {
		ids = append(ids, dg.ActorID(nd.ID()))
	}
	assert.Equal(t, []string{"front", "cartel", "hawala", "cell"}, ids)
	assert.Equal(t, 5.0+1+4, weight)

	// Money alone flows one way (no cycles): every actor is its own strong
	// component. All elements together close the loops cartel ⇄ farc (drugs
	// one way, cash the other), cartel ⇄ official and cartel ⇄ port.
	assert.Len(t, topo.TarjanSCC(dg), 7)
	full, err := n.DirectedView(ViewOptions{})
	require.NoError(t, err)
	var biggest []string
	for _, c := range topo.TarjanSCC(full) {
		if len(c) > 1 {
			for _, nd := range c {
				biggest = append(biggest, full.ActorID(nd.ID()))
			}
		}
	}
	assert.ElementsMatch(t, []string{"farc", "cartel", "official", "port"}, biggest)
}
