package assess_test

import (
	"math"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/nexus/assess"
)

// table1 is Table 1 of Realuyo (2013), row by row, in the column order
// political will, institutions, mechanisms, resources, measures of success.
var table1 = []struct {
	id, name string
	words    [5]string
}{
	{"us-toc-strategy", "U.S. Counter—Transnational Organized Crime", [5]string{"Yes", "Yes", "Yes", "Yes", "Some"}},
	{"unodc", "United Nations Office on Drugs and Crime", [5]string{"Yes", "Yes", "Yes", "Yes", "Unclear"}},
	{"oas", "Organization of American States", [5]string{"Yes", "Yes", "Some", "Some", "Unclear"}},
	{"carsi", "Central America Regional Security Initiative", [5]string{"Yes", "Yes", "Limited", "Insufficient", "Unclear"}},
	{"jiatf-south", "Joint Interagency Task Force—South", [5]string{"Yes", "Yes", "Yes", "Yes", "Yes"}},
}

func TestTable1(t *testing.T) {
	f, err := os.Open("../../testdata/counter/table1.json")
	require.NoError(t, err)
	defer f.Close()
	n, err := network.ReadJSON(f, "table1.json", network.Limits{})
	require.NoError(t, err)
	bodies, err := assess.Bodies(n)
	require.NoError(t, err)
	require.Len(t, bodies, len(table1))
	for i, row := range table1 {
		b := bodies[i]
		assert.Equal(t, row.id, b.ID)
		assert.Equal(t, row.name, b.Name)
		for e, want := range row.words {
			assert.Equal(t, want, b.Ratings[e].String(), "%s %s", row.id, assess.Element(e))
			assert.Contains(t, b.Sources[e], "Table 1")
		}
	}
	// Numeric mapping: Unclear carries no value, so CARSI's mean is over
	// its four rated elements: (4+4+2+1)/4.
	mean, ev := bodies[3].Score()
	assert.Equal(t, 2.75, mean)
	assert.Equal(t, 4, ev)
	assert.Equal(t, []assess.Element{assess.Mechanisms, assess.Resources}, bodies[3].WeakElements())
	mean, ev = bodies[4].Score()
	assert.Equal(t, 4.0, mean)
	assert.Equal(t, 5, ev)
}

func TestRatingScale(t *testing.T) {
	for _, tc := range []struct {
		word  string
		want  assess.Rating
		value float64
	}{
		{"Yes", assess.Yes, 4}, {"some", assess.Some, 3}, {" Limited ", assess.Limited, 2},
		{"INSUFFICIENT", assess.Insufficient, 1}, {"Unclear", assess.Unclear, math.NaN()},
	} {
		r, err := assess.ParseRating(tc.word)
		require.NoError(t, err, tc.word)
		assert.Equal(t, tc.want, r)
		if math.IsNaN(tc.value) {
			assert.True(t, math.IsNaN(r.Value()))
			assert.False(t, r.Evidence())
		} else {
			assert.Equal(t, tc.value, r.Value())
		}
	}
	for _, bad := range []string{"", "No", "Partly", "4"} {
		_, err := assess.ParseRating(bad)
		assert.ErrorContains(t, err, "want one of Yes, Some, Limited, Insufficient, Unclear", bad)
	}
}

// world is an illicit network with three counter bodies, built so that
// every result below can be computed by hand.
//
// Illicit: cartels c1, c2, c3 (set A), terrorist group t1 (set B), a
// hawala h, a smuggler s, a front company f; places pA, pB (ports), pC,
// pD. c1 funds h, h funds t1 (a money trail: h is its gateway); c2 and c3
// supply s, s supplies t1; f pays h. c1 is located at pA, c2 and c3 at pB,
// s operates in pB, h is located at pC; routes pA <-> pB and pB -> pD.
//
// Nexus betweenness (A→B): s 2 (c2→t1, c3→t1), h 1 (c1→t1), the rest 0.
// Convergence nodes: h, s. The key player (k = 1, fragmentation): h, whose
// loss cuts off f and pC. Routes pA → pD: pB is the chokepoint and the
// minimum cut. So the critical points are h (4 reasons), s (2, NB 2), pB
// (2, NB 0).
//
// Counter: jiatf interdicts s and operates in pA; carsi monitors c2 and s;
// unodc operates in pA; jiatf – carsi – unodc partner (carsi the broker).
// Coverage (steps 1): jiatf {c1, s, pA}, carsi {c2, s}, unodc {c1, pA}.
func world(t testing.TB) *network.Network {
	t.Helper()
	n := network.New("world")
	carsi := network.Attributes{"political_will": "Yes", "institutions": "Yes", "mechanisms": "Limited",
		"resources": "Insufficient", "measures_of_effectiveness": "Unclear", "rating_source": "Realuyo 2013, Table 1"}
	for _, a := range []network.Actor{
		{ID: "jiatf", Kind: network.TaskForce, Attributes: network.Attributes{"political_will": "Yes", "resources": "Yes", "rating_source": "test"}},
		{ID: "carsi", Kind: network.Agency, Attributes: carsi},
		{ID: "unodc", Kind: network.Agency},
		{ID: "c1", Kind: network.Cartel},
		{ID: "c2", Kind: network.Cartel},
		{ID: "c3", Kind: network.Cartel},
		{ID: "t1", Kind: network.TerroristGroup},
		{ID: "h", Kind: network.Hawala},
		{ID: "s", Kind: network.Smuggler},
		{ID: "f", Kind: network.FrontCompany},
		{ID: "pA", Kind: network.Port},
		{ID: "pB", Kind: network.Port},
		{ID: "pC", Kind: network.Country},
		{ID: "pD", Kind: network.Country},
	} {
		require.NoError(t, n.AddActor(a))
	}
	M, Mt, Mn, Mc := network.Money, network.Materiel, network.Manpower, network.Mechanism
	for _, l := range []network.Link{
		{From: "c1", To: "h", Element: M, Type: "funds"},                               // 0
		{From: "h", To: "t1", Element: M, Type: "funds"},                               // 1
		{From: "c2", To: "s", Element: Mt, Type: "supplies"},                           // 2
		{From: "c3", To: "s", Element: Mt, Type: "supplies"},                           // 3
		{From: "s", To: "t1", Element: Mt, Type: "supplies"},                           // 4
		{From: "f", To: "h", Element: M, Type: "pays"},                                 // 5
		{From: "c1", To: "pA", Element: Mc, Type: "located_at"},                        // 6
		{From: "c2", To: "pB", Element: Mc, Type: "located_at"},                        // 7
		{From: "c3", To: "pB", Element: Mc, Type: "located_at"},                        // 8
		{From: "s", To: "pB", Element: Mc, Type: "operates_in"},                        // 9
		{From: "h", To: "pC", Element: Mc, Type: "located_at"},                         // 10
		{From: "pA", To: "pB", Element: Mc, Type: "transports_via", Mutual: true},      // 11
		{From: "pB", To: "pD", Element: Mc, Type: "transports_via"},                    // 12
		{From: "jiatf", To: "s", Element: Mc, Type: "interdicts"},                      // 13
		{From: "jiatf", To: "pA", Element: Mc, Type: "operates_in"},                    // 14
		{From: "carsi", To: "c2", Element: Mn, Type: "monitors"},                       // 15
		{From: "carsi", To: "s", Element: Mn, Type: "monitors"},                        // 16
		{From: "unodc", To: "pA", Element: Mc, Type: "operates_in"},                    // 17
		{From: "jiatf", To: "carsi", Element: Mn, Type: "partners_with", Mutual: true}, // 18
		{From: "carsi", To: "unodc", Element: Mn, Type: "partners_with", Mutual: true}, // 19
	} {
		if l.Weight == 0 {
			l.Weight = 1
		}
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	return n
}

func scope(t testing.TB, n *network.Network) *analysis.Scope {
	t.Helper()
	s, err := analysis.NewScope(n, analysis.ScopeOptions{})
	require.NoError(t, err)
	return s
}

func TestCoverage(t *testing.T) {
	s := scope(t, world(t))
	for _, tc := range []struct {
		steps   int
		want    map[string][]string
		covered []string
	}{
		{0, map[string][]string{"jiatf": {"c1", "s", "pA"}, "carsi": {"c2", "s"}, "unodc": {"c1", "pA"}},
			[]string{"c1", "c2", "s", "pA"}},
		{2, map[string][]string{"jiatf": {"c1", "c2", "c3", "s", "pA", "pB"}, "carsi": {"c2", "s"},
			"unodc": {"c1", "c2", "c3", "s", "pA", "pB"}},
			[]string{"c1", "c2", "c3", "s", "pA", "pB"}},
	} {
		cov, err := assess.Coverage(s, assess.CoverageOptions{Steps: tc.steps})
		require.NoError(t, err)
		require.Len(t, cov.Bodies, 3)
		for _, b := range cov.Bodies {
			assert.Equal(t, tc.want[b.Body], b.Actors(), "steps %d body %s", tc.steps, b.Body)
		}
		assert.Equal(t, tc.covered, cov.Covered, "steps %d", tc.steps)
	}
	cov, err := assess.Coverage(s, assess.CoverageOptions{})
	require.NoError(t, err)
	j, _ := cov.Of("jiatf")
	// c1 through pA: the body's operates_in (14) and c1's located_at (6).
	assert.Equal(t, assess.Target{Actor: "c1", Via: []string{"pA"}, Links: []network.LinkID{14, 6}}, j.Targets[0])
	assert.Equal(t, assess.Target{Actor: "s", Links: []network.LinkID{13}}, j.Targets[1])
	assert.Equal(t, []string{"jiatf", "carsi"}, cov.CoveredBy("s"))
	assert.Equal(t, []string{"c3", "t1", "h", "f", "pB", "pC", "pD"}, cov.Uncovered)

	_, err = assess.Coverage(s, assess.CoverageOptions{Steps: -1})
	assert.ErrorContains(t, err, "must not be negative")
}

func TestGaps(t *testing.T) {
	s := scope(t, world(t))
	opts := assess.GapOptions{Sources: []string{"pA"}, Markets: []string{"pD"}}
	g, err := assess.Gaps(s, opts)
	require.NoError(t, err)
	crit := map[string][]string{}
	var order []string
	for _, c := range g.Critical {
		crit[c.Actor] = c.Reasons
		order = append(order, c.Actor)
	}
	assert.Equal(t, []string{"h", "s", "pB"}, order)
	assert.Equal(t, []string{"nexus betweenness rank 2", "convergence node", "key player", "money gateway"}, crit["h"])
	assert.Equal(t, []string{"nexus betweenness rank 1", "convergence node"}, crit["s"])
	assert.Equal(t, []string{"route chokepoint", "minimum cut"}, crit["pB"])
	assert.Equal(t, []string{"jiatf", "carsi"}, g.Critical[1].CoveredBy)
	assert.Equal(t, []string{"h", "pB"}, g.GapIDs())
	assert.Equal(t, 1.0, g.Gaps[0].NexusBetweenness)

	// Exposed: pB has c2, c3 located there, s operating there and two
	// routes (5 links); pC has h (1), pD one route (1); pA is covered.
	var exposed []string
	var counts []int
	for _, e := range g.Exposed {
		exposed = append(exposed, e.Place)
		counts = append(counts, len(e.Links))
	}
	assert.Equal(t, []string{"pB", "pC", "pD"}, exposed)
	assert.Equal(t, []int{5, 1, 1}, counts)
	assert.Equal(t, []network.LinkID{7, 8, 9, 11, 12}, g.Exposed[0].Links)

	// Two steps through places: jiatf and unodc reach pB through pA.
	opts.Coverage.Steps = 2
	g, err = assess.Gaps(s, opts)
	require.NoError(t, err)
	assert.Equal(t, []string{"h"}, g.GapIDs())

	// Without sources and markets pB is no critical point.
	g, err = assess.Gaps(s, assess.GapOptions{})
	require.NoError(t, err)
	assert.Equal(t, []string{"h"}, g.GapIDs())
}

func TestOverlapWeakStructure(t *testing.T) {
	n := world(t)
	s := scope(t, n)
	cov, err := assess.Coverage(s, assess.CoverageOptions{})
	require.NoError(t, err)
	// jiatf {c1, s, pA} and unodc {c1, pA}: 2 shared of 3; jiatf and
	// carsi {c2, s}: 1 shared of 4; carsi and unodc share nothing.
	ov := assess.Overlaps(cov)
	require.Len(t, ov, 2)
	assert.Equal(t, assess.Overlap{A: "jiatf", B: "unodc", Shared: []string{"c1", "pA"}, Union: 3, Share: 2.0 / 3}, ov[0])
	assert.Equal(t, assess.Overlap{A: "jiatf", B: "carsi", Shared: []string{"s"}, Union: 4, Share: 0.25}, ov[1])

	assert.Equal(t, []assess.Duplicate{
		{Bodies: []string{"jiatf", "unodc"}, Targets: []string{"c1", "pA"}},
		{Bodies: []string{"jiatf", "carsi"}, Targets: []string{"s"}},
	}, assess.Duplicates(cov))

	bodies, err := assess.Bodies(n)
	require.NoError(t, err)
	assert.Equal(t, []assess.WeakBody{{Body: "carsi", Covered: 2,
		Elements: []assess.Element{assess.Mechanisms, assess.Resources},
		Ratings:  []assess.Rating{assess.Limited, assess.Insufficient}}}, assess.Weak(bodies, cov))

	st := assess.Structure(s)
	assert.True(t, st.Connected)
	assert.Equal(t, [][]string{{"jiatf", "carsi", "unodc"}}, st.Components)
	assert.Equal(t, []assess.Broker{{Body: "carsi", Parts: 2}}, st.Brokers)

	// Without carsi the counter network is two parts and has no broker.
	require.NoError(t, n.RemoveActor("carsi"))
	st = assess.Structure(scope(t, n))
	assert.False(t, st.Connected)
	assert.Equal(t, [][]string{{"jiatf"}, {"unodc"}}, st.Components)
	assert.Empty(t, st.Brokers)
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(n *network.Network)
		wants []string
	}{
		{"word outside the scale", func(n *network.Network) {
			a, _ := n.Actor("jiatf")
			a.Attributes["resources"] = "Plenty"
			require.NoError(t, n.UpdateActor(a))
		}, []string{`actor "jiatf"`, "element resources", `"Plenty"`, "Yes, Some, Limited, Insufficient, Unclear"}},
		{"rating without a body", func(n *network.Network) {
			a, _ := n.Actor("c1")
			a.Attributes = network.Attributes{"political_will": "Yes", "rating_source": "x"}
			require.NoError(t, n.UpdateActor(a))
		}, []string{`actor "c1"`, "political_will", "not a counter-sector body"}},
		{"rating without a source", func(n *network.Network) {
			a, _ := n.Actor("unodc")
			a.Attributes = network.Attributes{"institutions": "Yes"}
			require.NoError(t, n.UpdateActor(a))
		}, []string{`actor "unodc"`, "element institutions", "no source"}},
		{"source without a rating", func(n *network.Network) {
			a, _ := n.Actor("unodc")
			a.Attributes = network.Attributes{"institutions_source": "x"}
			require.NoError(t, n.UpdateActor(a))
		}, []string{`actor "unodc"`, `"institutions_source"`, "needs its rating"}},
		{"rating not text", func(n *network.Network) {
			a, _ := n.Actor("unodc")
			a.Attributes = network.Attributes{"institutions": int64(4), "rating_source": "x"}
			require.NoError(t, n.UpdateActor(a))
		}, []string{`actor "unodc"`, `"institutions"`, "not text"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := world(t)
			tc.edit(n)
			_, err := assess.Bodies(n)
			require.Error(t, err)
			for _, w := range tc.wants {
				assert.ErrorContains(t, err, w)
			}
		})
	}
	for _, tc := range []struct {
		name string
		link network.Link
	}{
		{"monitors from a cartel", network.Link{From: "c1", To: "t1", Type: "monitors", Weight: 1}},
		{"operates_in a non-place", network.Link{From: "c1", To: "c2", Type: "operates_in", Weight: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := world(t)
			_, err := n.AddLink(tc.link)
			require.NoError(t, err)
			_, err = assess.Coverage(scope(t, n), assess.CoverageOptions{})
			assert.ErrorContains(t, err, `link "c1" -> `)
			assert.ErrorContains(t, err, "not a counter-sector body")
			_, err = assess.Gaps(scope(t, n), assess.GapOptions{})
			assert.ErrorContains(t, err, "not a counter-sector body")
		})
	}
}
