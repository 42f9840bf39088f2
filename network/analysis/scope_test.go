package analysis_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/measure"
)

// build makes a network of the actors (ID, kind) and undirected links
// (from, to, weight, grade; "" for ungraded).
func build(t testing.TB, actors [][2]string, links [][4]string) *network.Network {
	t.Helper()
	n := network.New("test")
	for _, a := range actors {
		k, err := network.ParseKind(a[1])
		require.NoError(t, err)
		require.NoError(t, n.AddActor(network.Actor{ID: a[0], Kind: k}))
	}
	for _, l := range links {
		var w float64
		require.NoError(t, json.Unmarshal([]byte(l[2]), &w))
		link := network.Link{From: l[0], To: l[1], Mutual: true, Weight: w}
		if l[3] != "" {
			link.Grade = network.MustParseGrade(l[3])
		}
		_, err := n.AddLink(link)
		require.NoError(t, err)
	}
	return n
}

// Two brokers between one cartel and one cell: x's links are graded A1,
// y's E5. With grade-discounted strength x's path is shorter, so x gets
// all the betweenness; in hops they tie.
func TestGradeDiscountedStrengthShortensWellGradedTies(t *testing.T) {
	n := build(t, [][2]string{{"cartel", "cartel"}, {"x", "smuggler"}, {"y", "smuggler"}, {"cell", "cell"}},
		[][4]string{{"cartel", "x", "1", "A1"}, {"x", "cell", "1", "A1"}, {"cartel", "y", "1", "E5"}, {"y", "cell", "1", "E5"}})
	for _, tc := range []struct {
		name   string
		opts   analysis.ScopeOptions
		x, y   float64
		length float64 // length of the cartel–y tie
	}{
		{"hops", analysis.ScopeOptions{}, 0.5, 0.5, 1},
		{"discounted strength", analysis.ScopeOptions{View: network.ViewOptions{Aggregation: network.DiscountedSum},
			Weights: analysis.StrengthWeights}, 1, 0, 25},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := analysis.NewScope(n, tc.opts)
			require.NoError(t, err)
			b := analysis.Betweenness(s, false)
			x, _ := b.Value("x")
			y, _ := b.Value("y")
			assert.InDelta(t, tc.x, x, 1e-12)
			assert.InDelta(t, tc.y, y, 1e-12)
			ci, _ := s.Index("cartel")
			yi, _ := s.Index("y")
			w, ok := s.LengthGraph().Weight(ci, yi)
			require.True(t, ok)
			assert.InDelta(t, tc.length, w, 1e-9)
		})
	}
}

// Three parallel links make a pair closer than one link does, under Count
// and under Sum strength: the path through m3 (three links per tie) is
// shorter than the path through m1.
func TestParallelLinksBringActorsCloser(t *testing.T) {
	links := [][4]string{{"s", "m1", "1", ""}, {"m1", "t", "1", ""}}
	for range 3 {
		links = append(links, [4]string{"s", "m3", "1", ""}, [4]string{"m3", "t", "1", ""})
	}
	n := build(t, [][2]string{{"s", "unknown"}, {"m1", "unknown"}, {"m3", "unknown"}, {"t", "unknown"}}, links)
	for _, agg := range []network.Aggregation{network.Count, network.Sum} {
		t.Run(agg.String(), func(t *testing.T) {
			s, err := analysis.NewScope(n, analysis.ScopeOptions{View: network.ViewOptions{Aggregation: agg},
				Weights: analysis.StrengthWeights})
			require.NoError(t, err)
			b := analysis.Betweenness(s, false)
			m1, _ := b.Value("m1")
			m3, _ := b.Value("m3")
			assert.Equal(t, 0.0, m1)
			assert.Equal(t, 1.0, m3)
			h := analysis.Harmonic(s)
			hs, _ := h.Value("s")
			// s reaches m3 at 1/3, t at 2/3, m1 at 1.
			assert.InDelta(t, 3+1.5+1, hs, 1e-12)
		})
	}
}

func TestScopeErrors(t *testing.T) {
	untyped := build(t, [][2]string{{"a", "unknown"}, {"b", "unknown"}}, [][4]string{{"a", "b", "1", ""}})
	zero := build(t, [][2]string{{"a", "cartel"}, {"b", "cell"}}, [][4]string{{"a", "b", "0", ""}})
	huge := build(t, [][2]string{{"a", "cartel"}, {"b", "cell"}, {"c", "gang"}},
		[][4]string{{"a", "b", "1e308", ""}, {"b", "c", "1e308", ""}})
	twice := build(t, [][2]string{{"a", "cartel"}, {"b", "cell"}}, [][4]string{{"a", "b", "1e308", ""}, {"a", "b", "1e308", ""}})
	tiny := build(t, [][2]string{{"a", "cartel"}, {"b", "cell"}}, [][4]string{{"a", "b", "1e-310", ""}})
	sum := network.ViewOptions{Aggregation: network.Sum}
	for _, tc := range []struct {
		name string
		n    *network.Network
		opts analysis.ScopeOptions
		want []string
	}{
		{"zero length", zero, analysis.ScopeOptions{View: sum, Weights: analysis.StrengthWeights},
			[]string{`the tie "a"–"b" (links [0])`, "strength weight 0 under sum aggregation", "positive"}},
		{"zero given length", zero, analysis.ScopeOptions{View: sum, Weights: analysis.LengthWeights},
			[]string{`"a"–"b"`, "length weight 0"}},
		{"sum overflow", huge, analysis.ScopeOptions{View: sum, Weights: analysis.LengthWeights},
			[]string{"overflow", `"b"–"c" (links [1])`, "rescale"}},
		{"aggregation overflow", twice, analysis.ScopeOptions{View: sum, Weights: analysis.StrengthWeights},
			[]string{`"a"–"b" (links [0 1])`, "+Inf"}},
		{"inverse overflow", tiny, analysis.ScopeOptions{View: sum, Weights: analysis.StrengthWeights},
			[]string{"overflow"}},
		{"unknown actor in set", untyped, analysis.ScopeOptions{A: analysis.ByID("z")},
			[]string{`set A: no actor "z"`}},
		{"explicit set empty", untyped, analysis.ScopeOptions{B: analysis.BySector(network.Terrorist)},
			[]string{"set B (sector:terrorist) is empty", "cell", "operative", "kind and sectors columns"}},
		{"explicit set left out by view", zero, analysis.ScopeOptions{B: analysis.ByKind(network.Cell),
			View: network.ViewOptions{Kinds: []network.Kind{network.Cartel}}},
			[]string{"set B (kind:cell) is empty", "view keeps none of the 1 matching"}},
		{"bad weighting", untyped, analysis.ScopeOptions{Weights: 9}, []string{"invalid weighting 9"}},
		{"bad view", untyped, analysis.ScopeOptions{View: network.ViewOptions{Aggregation: 9}}, []string{"aggregation"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := analysis.NewScope(tc.n, tc.opts)
			require.Error(t, err)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
	_, err := analysis.NewScope(nil, analysis.ScopeOptions{})
	assert.Error(t, err)

	// Default sets that are empty are reported by Sets, not by NewScope.
	s, err := analysis.NewScope(untyped, analysis.ScopeOptions{})
	require.NoError(t, err)
	_, _, err = s.Sets()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "set A (default: sector:criminal) is empty")
	assert.ErrorIs(t, err, analysis.ErrEmptySet)
	assert.Contains(t, err.Error(), "cartel, gang")
	assert.Empty(t, s.A())
}

func TestScopeLabelsAndSets(t *testing.T) {
	n := build(t, [][2]string{{"10", "cartel"}, {"2", "smuggler"}, {"1", "cell"}, {"x", "corrupt_official"}},
		[][4]string{{"10", "2", "1", ""}, {"2", "1", "1", ""}, {"x", "2", "1", ""}})
	s, err := analysis.NewScope(n, analysis.ScopeOptions{})
	require.NoError(t, err)
	assert.Equal(t, []string{"10", "2", "1", "x"}, s.ActorIDs())
	assert.Equal(t, []string{"10"}, s.A())
	assert.Equal(t, []string{"1"}, s.B())
	assert.Equal(t, []int{0, 2, 3}, s.Neighbours(1))
	assert.Equal(t, []network.LinkID{1}, s.LinksBetween(2, 1))

	d := analysis.Degree(s)
	// Ties rank in actor order, not by ID as a string.
	top := d.Top(3)
	assert.Equal(t, []analysis.Score{{Actor: "2", Value: 1}, {Actor: "10", Value: 1.0 / 3}, {Actor: "1", Value: 1.0 / 3}}, top)
	r, ok := d.Rank("x")
	assert.True(t, ok)
	assert.Equal(t, 4, r)
	_, ok = d.Value("nobody")
	assert.False(t, ok)
	js, err := json.Marshal(d)
	require.NoError(t, err)
	assert.JSONEq(t, `[{"actor":"10","value":0.3333333333333333},{"actor":"2","value":1},{"actor":"1","value":0.3333333333333333},{"actor":"x","value":0.3333333333333333}]`, string(js))

	// Explicit sets by ID and by kind; a selector combines its parts.
	s, err = analysis.NewScope(n, analysis.ScopeOptions{A: analysis.Selector{Kinds: []network.Kind{network.Cartel}, IDs: []string{"x"}},
		B: analysis.ByID("2")})
	require.NoError(t, err)
	assert.Equal(t, []string{"10", "x"}, s.A())
	assert.Equal(t, []string{"2"}, s.B())

	// A directed scope's neighbours and links are in both directions.
	n2 := network.New("d")
	for _, id := range []string{"a", "b", "c"} {
		require.NoError(t, n2.AddActor(network.Actor{ID: id}))
	}
	for _, l := range []network.Link{{From: "a", To: "b", Weight: 1}, {From: "b", To: "a", Weight: 1}, {From: "c", To: "a", Weight: 1}} {
		_, err := n2.AddLink(l)
		require.NoError(t, err)
	}
	s, err = analysis.NewScope(n2, analysis.ScopeOptions{Directed: true})
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2}, s.Neighbours(0))
	assert.Equal(t, []network.LinkID{0, 1}, s.LinksBetween(0, 1))
	assert.Equal(t, []network.LinkID{2}, s.LinksBetween(0, 2))
	assert.True(t, s.Keeps(network.Link{From: "a", To: "c"}))
	assert.False(t, s.Keeps(network.Link{From: "a", To: "nobody"}))
}

func TestSelectorText(t *testing.T) {
	for _, tc := range []struct {
		in, out string
	}{
		{"criminal", "sector:criminal"},
		{" cartel , terrorist ", "sector:terrorist,kind:cartel"},
		{"id:Mohamed Atta,kind:cell,sector:state", "sector:state,kind:cell,id:Mohamed Atta"},
		{"SECTOR:Licit", "sector:licit"},
		{"", ""},
	} {
		s, err := analysis.ParseSelector(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.out, s.String())
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back analysis.Selector
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s.String(), back.String())
	}
	for _, bad := range []string{"banker", "kind:banker", "sector:cartel", "id:", "group:x"} {
		_, err := analysis.ParseSelector(bad)
		assert.Error(t, err, bad)
	}
	_, err := analysis.ParseSelector("Atta")
	assert.ErrorContains(t, err, "write id:Atta")
}

func TestWeightingText(t *testing.T) {
	for _, w := range []analysis.Weighting{analysis.Unweighted, analysis.StrengthWeights, analysis.LengthWeights} {
		b, err := w.MarshalText()
		require.NoError(t, err)
		var back analysis.Weighting
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, w, back)
		p, err := analysis.ParseWeighting(" " + w.String() + " ")
		require.NoError(t, err)
		assert.Equal(t, w, p)
	}
	_, err := analysis.ParseWeighting("inverse")
	assert.ErrorContains(t, err, "unweighted, strength, length")
	_, err = analysis.Weighting(7).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "Weighting(7)", analysis.Weighting(7).String())
}

func TestScores(t *testing.T) {
	s, err := analysis.NewScores([]string{"a", "b", "c", "d"}, []float64{1, math.NaN(), 3, 1})
	require.NoError(t, err)
	assert.Equal(t, []analysis.Score{{Actor: "c", Value: 3}, {Actor: "a", Value: 1}, {Actor: "d", Value: 1}}, s.Top(3))
	assert.True(t, math.IsNaN(s.Ranked()[3].Value))
	assert.Empty(t, s.Top(-2))
	assert.Len(t, s.Top(10), 4)
	js, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `[{"actor":"a","value":1},{"actor":"b","value":null},{"actor":"c","value":3},{"actor":"d","value":1}]`, string(js))
	_, err = analysis.NewScores([]string{"a"}, nil)
	assert.Error(t, err)
	_, err = analysis.NewScores([]string{"a", "a"}, []float64{1, 2})
	assert.ErrorContains(t, err, `"a" given twice`)
}

// The actor-level measures equal the index-level ones on the scope's graphs.
func TestMeasuresMatchIndexLevel(t *testing.T) {
	n := build(t, [][2]string{{"a", "cartel"}, {"b", "cell"}, {"c", "gang"}, {"d", "hawala"}},
		[][4]string{{"a", "b", "2", ""}, {"b", "c", "1", ""}, {"c", "a", "4", ""}, {"c", "d", "1", ""}})
	s, err := analysis.NewScope(n, analysis.ScopeOptions{View: network.ViewOptions{Aggregation: network.Sum},
		Weights: analysis.StrengthWeights})
	require.NoError(t, err)
	assert.Equal(t, measure.Closeness(s.LengthGraph(), true), analysis.Closeness(s, true).Values())
	assert.Equal(t, measure.Strength(s.StrengthGraph(), measure.Both), analysis.Strength(s, measure.Both).Values())
	ev, err := analysis.Eigenvector(s, measure.EigenvectorOptions{})
	require.NoError(t, err)
	want, err := measure.Eigenvector(s.StrengthGraph(), measure.EigenvectorOptions{Weighted: true})
	require.NoError(t, err)
	assert.Equal(t, want, ev.Values())
	// Strength of a–c is 4, so its length is 1/4: a reaches c at 0.25.
	w, _ := s.LengthGraph().Weight(0, 2)
	assert.Equal(t, 0.25, w)
}
