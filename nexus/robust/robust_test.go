package robust

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/nexus"
)

// spec is a link of a test network: its ends and its grade.
type spec struct{ from, to, grade string }

// build returns a network of the actors (ID → kind) in the order given
// and the links, each an association tie with source "report-i" (i its
// index).
func build(t testing.TB, actors [][2]string, links []spec) *network.Network {
	t.Helper()
	n := network.New("test")
	for _, a := range actors {
		k, err := network.ParseKind(a[1])
		require.NoError(t, err)
		require.NoError(t, n.AddActor(network.Actor{ID: a[0], Kind: k}))
	}
	for i, l := range links {
		_, err := n.AddLink(network.Link{From: l.from, To: l.to, Type: "tie", Weight: 1,
			Source: "report-" + string(rune('a'+i)), Grade: network.MustParseGrade(l.grade)})
		require.NoError(t, err)
	}
	return n
}

// brokerNetwork is the acceptance network: cartels c1…c4 all tied to a
// broker x (A1), which reaches the terrorist hub t1 by one E5 report; t1
// is tied to t2, t3, t4 (A1). An alternative broker y joins c1 and t2 by
// A1 links. On the full network x lies on 15 of the 16 cartel–terrorist
// shortest paths (all but c1–y–t2) and y on 1; without the E5 link every
// path runs through y (16) and x keeps 12.
func brokerNetwork(t testing.TB) *network.Network {
	return build(t,
		[][2]string{{"c1", "cartel"}, {"c2", "cartel"}, {"c3", "cartel"}, {"c4", "cartel"}, {"x", "smuggler"},
			{"t1", "cell"}, {"t2", "cell"}, {"t3", "cell"}, {"t4", "cell"}, {"y", "arms_broker"}},
		[]spec{{"c1", "x", "A1"}, {"c2", "x", "A1"}, {"c3", "x", "A1"}, {"c4", "x", "A1"},
			{"x", "t1", "E5"},
			{"t1", "t2", "A1"}, {"t1", "t3", "A1"}, {"t1", "t4", "A1"},
			{"c1", "y", "A1"}, {"y", "t2", "A1"}})
}

func TestBrokerRestsOnOneE5Link(t *testing.T) {
	s := scopeOf(t, brokerNetwork(t), analysis.ScopeOptions{})
	m := NexusBetweenness()
	full, err := m.Rank(s)
	require.NoError(t, err)
	assert.Equal(t, []analysis.Score{{Actor: "x", Value: 15}, {Actor: "t1", Value: 11}}, full.Top(2))

	crit, err := Criticality(s, m, CriticalityOptions{K: 2})
	require.NoError(t, err)
	assert.Equal(t, 10, crit.Tested)
	assert.Equal(t, []string{"x"}, crit.FullFirst)
	assert.Equal(t, []string{"x", "t1"}, crit.FullTop)
	require.NotEmpty(t, crit.Links)
	first := crit.Links[0]
	assert.Equal(t, "x", first.Link.From)
	assert.Equal(t, "t1", first.Link.To)
	assert.Equal(t, "E5", first.Link.Grade.String())
	assert.Equal(t, "report-e", first.Link.Source)
	assert.True(t, first.ChangesFirst)
	assert.Equal(t, []string{"y"}, first.First)
	assert.Equal(t, 12.0, first.TopScore)
	assert.Equal(t, 3.0, first.Drop)
	for _, c := range crit.Links[1:] {
		// Only the E5 link changes who is first.
		assert.False(t, c.ChangesFirst, "%v", c.Link)
	}

	mc, err := MonteCarlo(s, m, MonteCarloOptions{Runs: 2000, Seed: 7, K: 2})
	require.NoError(t, err)
	x, _ := mc.Actor("x")
	y, _ := mc.Actor("y")
	assert.Less(t, x.PFirst, y.PFirst)
	// Only the E5 link is uncertain: x is first exactly when it is kept.
	assert.InDelta(t, 0.04, x.PFirst, 4*math.Sqrt(0.04*0.96/2000))
	assert.InDelta(t, 1-x.PFirst, y.PFirst, 1e-12)
	assert.Equal(t, x.PFirst, mc.PFullFirst)
	assert.Equal(t, 10, mc.Links)
	assert.InDelta(t, 9.04, mc.ExpectedLinks, 1e-12)
	assert.Equal(t, 15.0, x.Full)
	assert.Equal(t, 1, x.FullRank)
	assert.Equal(t, 12.0, x.Low)  // 5th percentile: without the link
	assert.Equal(t, 12.0, x.High) // kept in 4 % of runs only, below the 95th
	assert.Equal(t, "y", mc.Ranked()[0].Actor)

	sens, err := Sensitivity(s, m, SensitivityOptions{K: 2})
	require.NoError(t, err)
	require.Len(t, sens.Thresholds, 18)
	assert.Equal(t, 1, sens.ChangesAt)
	assert.Equal(t, "D5", sens.Thresholds[1].MinGrade.String()) // D5 and E4: 0.08
	assert.Equal(t, 10, sens.Thresholds[0].Links)
	assert.Equal(t, []string{"x"}, sens.Thresholds[0].First)
	assert.Equal(t, 9, sens.Thresholds[1].Links)
	assert.Equal(t, 1, sens.Thresholds[1].Dropped)
	assert.Equal(t, []string{"y"}, sens.Thresholds[1].First)
	assert.Equal(t, []analysis.Score{{Actor: "y", Value: 16}, {Actor: "c1", Value: 12}, {Actor: "x", Value: 12}, {Actor: "t2", Value: 12}},
		sens.Thresholds[1].TopRanked)
	last := sens.Thresholds[17]
	assert.Equal(t, "A1", last.MinGrade.String())
	assert.Equal(t, []string{"y"}, last.First)
	assert.InDelta(t, 1, sens.Thresholds[0].Tau, 1e-12)
}

// uncertainNetwork has 10 actors and 14 links: 2 graded A1 (certain) and
// 12 uncertain, of mixed grades, 2 of them ungraded; typed so that nexus
// betweenness between the criminal and the terrorist actors is defined.
func uncertainNetwork(t testing.TB) *network.Network {
	return build(t,
		[][2]string{{"c1", "cartel"}, {"c2", "cartel"}, {"c3", "gang"}, {"h", "hawala"}, {"s", "smuggler"},
			{"o", "corrupt_official"}, {"t1", "cell"}, {"t2", "cell"}, {"t3", "terrorist_group"}, {"f", "front_company"}},
		[]spec{{"c1", "c2", "A1"}, {"c2", "c3", "B2"}, {"c1", "h", "C3"}, {"c3", "s", "B3"}, {"h", "t1", "E5"},
			{"s", "t1", "B2"}, {"h", "o", ""}, {"o", "t2", "D4"}, {"t1", "t2", "A1"}, {"t2", "t3", "C2"},
			{"s", "f", ""}, {"f", "t3", "F6"}, {"c1", "o", "A2"}, {"s", "h", "E3"}})
}

// exact enumerates every subset of the uncertain links of n (those with
// confidence below 1) and returns, for each actor, the expectation and
// standard deviation of its score and its probability of being first (ties
// split), and the expectation of Kendall's τ-b against the full network
// (over the subsets where it is defined, with their probability). Each
// subset's network is built afresh and measured by rank.
func exact(t testing.TB, n *network.Network, rank func(*analysis.Scope) []float64) (mean, sd, first []float64, tau float64) {
	links := n.Links()
	var uncertain []int
	for i, l := range links {
		if l.Grade.Confidence() < 1 {
			uncertain = append(uncertain, i)
		}
	}
	require.LessOrEqual(t, len(uncertain), 12)
	fullScope := scopeOf(t, n, analysis.ScopeOptions{})
	full := rank(fullScope)
	size := n.NumActors()
	mean, first = make([]float64, size), make([]float64, size)
	sq := make([]float64, size)
	var tauW float64
	for mask := 0; mask < 1<<len(uncertain); mask++ {
		keep := make([]bool, len(links))
		p := 1.0
		for i := range links {
			keep[i] = true
		}
		for b, i := range uncertain {
			c := links[i].Grade.Confidence()
			if mask&(1<<b) != 0 {
				p *= c
			} else {
				p *= 1 - c
				keep[i] = false
			}
		}
		sub := network.New("subset")
		for _, a := range n.Actors() {
			require.NoError(t, sub.AddActor(a))
		}
		for i, l := range links {
			if keep[i] {
				_, err := sub.AddLink(l)
				require.NoError(t, err)
			}
		}
		v := rank(scopeOf(t, sub, analysis.ScopeOptions{}))
		for i, x := range v {
			mean[i] += p * x
			sq[i] += p * x * x
		}
		r := rankOf(v, 1)
		for _, i := range r.first {
			first[i] += p / float64(len(r.first))
		}
		if tb := bruteTau(v, full); !math.IsNaN(tb) {
			tau += p * tb
			tauW += p
		}
	}
	sd = make([]float64, size)
	for i := range sd {
		sd[i] = math.Sqrt(max(0, sq[i]-mean[i]*mean[i]))
	}
	return mean, sd, first, tau / tauW
}

func TestMonteCarloMatchesEnumeration(t *testing.T) {
	runs := 4000
	if raceEnabled {
		runs = 1500
	}
	n := uncertainNetwork(t)
	s := scopeOf(t, n, analysis.ScopeOptions{})
	for _, c := range []struct {
		m    Measure
		rank func(*analysis.Scope) []float64
	}{
		{Betweenness(), func(s *analysis.Scope) []float64 { return analysis.Betweenness(s, true).Values() }},
		{NexusBetweenness(), func(s *analysis.Scope) []float64 {
			v, err := nexus.Betweenness(s)
			require.NoError(t, err)
			return v.Values()
		}},
	} {
		mean, sd, first, tau := exact(t, n, c.rank)
		// The test means something: the first actor is uncertain.
		contested := 0
		for _, f := range first {
			if f > 0.05 && f < 0.95 {
				contested++
			}
		}
		require.GreaterOrEqual(t, contested, 2, c.m.Name)
		res, err := MonteCarlo(s, c.m, MonteCarloOptions{Runs: runs, Seed: 42, K: 3})
		require.NoError(t, err)
		R := float64(runs)
		var sumFirst float64
		for i, a := range res.Actors {
			// The sampling error of a mean of R runs is sd/√R.
			assert.InDelta(t, mean[i], a.Mean, 4*sd[i]/math.Sqrt(R)+1e-12, "%s mean of %s", c.m.Name, a.Actor)
			assert.InDelta(t, first[i], a.PFirst, 4*math.Sqrt(first[i]*(1-first[i])/R)+1e-12, "%s P(first) of %s", c.m.Name, a.Actor)
			assert.InDelta(t, sd[i], a.SD, 0.1*sd[i]+1e-12, "%s sd of %s", c.m.Name, a.Actor)
			assert.LessOrEqual(t, a.Low, a.High)
			sumFirst += a.PFirst
		}
		// Some runs may have no first actor (all scores equal).
		assert.LessOrEqual(t, sumFirst, 1+1e-9)
		// τ-b lies in [−1, 1]: its sd is at most 1.
		assert.InDelta(t, tau, res.Tau.Mean, 4/math.Sqrt(R-float64(res.Tau.Undefined)), c.m.Name)
	}
}

func TestDeterministicWhateverTheWorkers(t *testing.T) {
	n := generated(t, 60, 3)
	s := scopeOf(t, n, analysis.ScopeOptions{})
	m := NexusBetweenness()
	var mcs []MonteCarloResult
	var crits []CriticalityResult
	var sens []SensitivityResult
	for _, w := range []int{1, 2, 8} {
		mc, err := MonteCarlo(s, m, MonteCarloOptions{Runs: 40, Seed: 9, K: 3, Workers: w})
		require.NoError(t, err)
		mcs = append(mcs, mc)
		c, err := Criticality(s, m, CriticalityOptions{K: 3, Workers: w})
		require.NoError(t, err)
		crits = append(crits, c)
		se, err := Sensitivity(s, m, SensitivityOptions{K: 3, Workers: w})
		require.NoError(t, err)
		sens = append(sens, se)
	}
	// Printed, so that NaN (an undefined τ) equals NaN.
	for i := 1; i < 3; i++ {
		assert.Equal(t, fmt.Sprintf("%+v", mcs[0]), fmt.Sprintf("%+v", mcs[i]))
		assert.Equal(t, fmt.Sprintf("%+v", crits[0]), fmt.Sprintf("%+v", crits[i]))
		assert.Equal(t, fmt.Sprintf("%+v", sens[0]), fmt.Sprintf("%+v", sens[i]))
	}
	assert.NotEmpty(t, crits[0].Links)
	other, err := MonteCarlo(s, m, MonteCarloOptions{Runs: 40, Seed: 10, K: 3})
	require.NoError(t, err)
	assert.NotEqual(t, mcs[0].Actors, other.Actors)
}

func TestUngradedLinks(t *testing.T) {
	// A path a – b – c of ungraded links: b is first (betweenness 1) when
	// both links are kept, each with probability UngradedConfidence.
	n := build(t, [][2]string{{"a", "unknown"}, {"b", "unknown"}, {"c", "unknown"}},
		[]spec{{"a", "b", ""}, {"b", "c", ""}})
	s := scopeOf(t, n, analysis.ScopeOptions{})
	res, err := MonteCarlo(s, Betweenness(), MonteCarloOptions{Runs: 4000, Seed: 1, K: 1})
	require.NoError(t, err)
	b, _ := res.Actor("b")
	p := network.UngradedConfidence * network.UngradedConfidence
	assert.InDelta(t, p, b.PFirst, 4*math.Sqrt(p*(1-p)/4000))
	assert.InDelta(t, p, b.Mean, 4*math.Sqrt(p*(1-p)/4000))
	assert.InDelta(t, 0.5, res.ExpectedLinks, 1e-12)
	// Keep overrides the probability: every link kept.
	res, err = MonteCarlo(s, Betweenness(), MonteCarloOptions{Runs: 10, Seed: 1, K: 1,
		Keep: func(network.Link) float64 { return 1 }})
	require.NoError(t, err)
	b, _ = res.Actor("b")
	assert.Equal(t, 1.0, b.PFirst)
	assert.Equal(t, 1.0, res.PFullFirst)
	// Sensitivity: ungraded links sit at the level of F6 (0.25).
	sens, err := Sensitivity(s, Betweenness(), SensitivityOptions{K: 1})
	require.NoError(t, err)
	for _, th := range sens.Thresholds {
		if th.Confidence <= 0.25 {
			assert.Equal(t, 2, th.Links, th.MinGrade.String())
			assert.Equal(t, []string{"b"}, th.First)
		} else {
			assert.Equal(t, 0, th.Links, th.MinGrade.String())
			assert.Empty(t, th.First)
		}
	}
	// The first level above F6 is 0.3, C6 and F3.
	assert.Equal(t, "C6", sens.Thresholds[sens.ChangesAt].MinGrade.String())
}

func TestOtherMeasures(t *testing.T) {
	s := scopeOf(t, brokerNetwork(t), analysis.ScopeOptions{})
	conv, err := Convergence(nexus.ConvergenceOptions{}).Rank(s)
	require.NoError(t, err)
	x, _ := conv.Value("x")
	assert.Greater(t, x, 0.0)
	c2, _ := conv.Value("c2")
	assert.Equal(t, 0.0, c2) // no tie to a terrorist
	kp := KeyPlayers(nexus.KeyPlayerOptions{K: 2, Seed: 1})
	assert.Equal(t, "keyplayers(k=2)", kp.Name)
	sc, err := kp.Rank(s)
	require.NoError(t, err)
	total := 0.0
	for _, v := range sc.Values() {
		total += v
	}
	assert.Equal(t, 2.0, total)
	res, err := MonteCarlo(s, kp, MonteCarloOptions{Runs: 50, Seed: 1, K: 2})
	require.NoError(t, err)
	var sumTop, sumFirst float64
	for _, a := range res.Actors {
		sumTop += a.PTop
		sumFirst += a.PFirst
	}
	assert.InDelta(t, 2, sumTop, 1e-12)   // two members in every run
	assert.InDelta(t, 1, sumFirst, 1e-12) // split between them
}

func TestErrors(t *testing.T) {
	s := scopeOf(t, brokerNetwork(t), analysis.ScopeOptions{})
	empty := scopeOf(t, network.New("empty"), analysis.ScopeOptions{})
	untyped := scopeOf(t, build(t, [][2]string{{"a", "unknown"}, {"b", "unknown"}}, []spec{{"a", "b", "B2"}}), analysis.ScopeOptions{})
	m := NexusBetweenness()
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"nil measure", second(MonteCarlo(s, Measure{Name: "mine"}, MonteCarloOptions{Runs: 1, K: 1})), `the measure "mine" has no Rank function`},
		{"runs", second(MonteCarlo(s, m, MonteCarloOptions{Runs: 0, K: 1})), "the number of runs must be at least 1, got 0"},
		{"k", second(MonteCarlo(s, m, MonteCarloOptions{Runs: 1})), "k (the size of the top group) must be at least 1, got 0"},
		{"k sensitivity", second(Sensitivity(s, m, SensitivityOptions{K: -1})), "must be at least 1, got -1"},
		{"k criticality", second(Criticality(s, m, CriticalityOptions{})), "must be at least 1, got 0"},
		{"nil measure criticality", second(Criticality(s, Measure{}, CriticalityOptions{K: 1})), "has no Rank function"},
		{"empty", second(MonteCarlo(empty, m, MonteCarloOptions{Runs: 1, K: 1})), "the scope has no actor"},
		{"nil scope", second(Sensitivity(nil, m, SensitivityOptions{K: 1})), "nil scope"},
		{"keep", second(MonteCarlo(s, m, MonteCarloOptions{Runs: 1, K: 1, Keep: func(network.Link) float64 { return 2 }})), "outside [0, 1]"},
		{"too many", second(MonteCarlo(s, m, MonteCarloOptions{Runs: MaxValues, K: 1})), "use fewer runs"},
		{"empty sets", second(MonteCarlo(untyped, m, MonteCarloOptions{Runs: 1, K: 1})), "is empty"},
	} {
		require.Error(t, c.err, c.name)
		assert.Contains(t, c.err.Error(), c.want, c.name)
		assert.Contains(t, c.err.Error(), "robust: ", c.name)
	}
}

func second[T any](_ T, err error) error { return err }
