package trail

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
)

// bruteTrail is a trail found by brute force.
type bruteTrail struct {
	path, links, seq []int
	bottleneck, mean float64
}

// bruteTrails enumerates every simple path of at most maxHops transfers
// and keeps those that start in from, end in to, have no intermediate
// actor in to and are time-ordered pair by pair; it sorts them by the
// documented ranking.
func bruteTrails(ts []Transfer, from, to []bool, maxHops int) []bruteTrail {
	var out []bruteTrail
	bruteWalks(ts, maxHops, func(seq []int) {
		path := []int{ts[seq[0]].From}
		for _, k := range seq {
			path = append(path, ts[k].To)
		}
		if !from[path[0]] || !to[path[len(path)-1]] {
			return
		}
		for _, v := range path[1 : len(path)-1] {
			if to[v] {
				return
			}
		}
		if !bruteOrdered(ts, seq) {
			return
		}
		b := bruteTrail{path: path, seq: slices.Clone(seq), bottleneck: math.Inf(1)}
		sum := 0.0
		for _, k := range seq {
			b.links = append(b.links, ts[k].Link)
			b.bottleneck = math.Min(b.bottleneck, ts[k].Amount)
			sum += ts[k].Grade
		}
		b.mean = sum / float64(len(seq))
		out = append(out, b)
	})
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case len(a.seq) != len(b.seq):
			return len(a.seq) < len(b.seq)
		case a.bottleneck != b.bottleneck:
			return a.bottleneck > b.bottleneck
		case a.mean != b.mean:
			return a.mean > b.mean
		case slices.Compare(a.links, b.links) != 0:
			return slices.Compare(a.links, b.links) < 0
		}
		return slices.Compare(a.seq, b.seq) < 0
	})
	return out
}

// assertTrailValid checks a returned trail against its definition
// directly: a directed simple path over transfers of ts with the reported
// Links, from a source to a target with no target inside, within maxHops,
// time-ordered, with the reported bottleneck, channels, span and crosses.
func assertTrailValid(t *testing.T, ts []Transfer, from, to, front []bool, maxHops int, tr Trail) {
	t.Helper()
	require.Equal(t, tr.Hops, len(tr.Transfers))
	require.Equal(t, tr.Hops+1, len(tr.Path))
	require.LessOrEqual(t, tr.Hops, maxHops)
	require.GreaterOrEqual(t, tr.Hops, 1)
	assert.True(t, from[tr.Path[0]], "source %d not in from", tr.Path[0])
	assert.True(t, to[tr.Path[tr.Hops]], "target %d not in to", tr.Path[tr.Hops])
	seen := map[int]bool{}
	for i, v := range tr.Path {
		assert.False(t, seen[v], "actor %d repeated on %v", v, tr.Path)
		seen[v] = true
		if i > 0 && i < tr.Hops {
			assert.False(t, to[v], "intermediate target %d on %v", v, tr.Path)
		}
	}
	// Find the transfers: the one of each hop with that Link and ends.
	var seq []int
	for i, l := range tr.Transfers {
		k := slices.IndexFunc(ts, func(x Transfer) bool {
			return x.Link == l && x.From == tr.Path[i] && x.To == tr.Path[i+1]
		})
		require.GreaterOrEqual(t, k, 0, "no transfer %d from %d to %d", l, tr.Path[i], tr.Path[i+1])
		seq = append(seq, k)
	}
	assert.True(t, bruteOrdered(ts, seq), "trail %v not time-ordered", tr.Path)
	bottleneck, sum := math.Inf(1), 0.0
	var channels []string
	var crosses []int
	for _, k := range seq {
		bottleneck = math.Min(bottleneck, ts[k].Amount)
		sum += ts[k].Grade
		if c := ts[k].Channel; c != "" && !slices.Contains(channels, c) {
			channels = append(channels, c)
		}
	}
	for _, v := range tr.Path[1:tr.Hops] {
		if front != nil && front[v] {
			crosses = append(crosses, v)
		}
	}
	assert.Equal(t, bottleneck, tr.Bottleneck)
	assert.InDelta(t, sum/float64(tr.Hops), tr.Confidence, 1e-12)
	assert.Equal(t, channels, tr.Channels)
	assert.Equal(t, crosses, tr.Crosses)
	// The span: no hop starts before Start or ends after End, and some hop
	// gives each.
	var starts, ends []network.Date
	for _, k := range seq {
		if !ts[k].Start.IsZero() {
			starts = append(starts, ts[k].Start)
		}
		if !ts[k].End.IsZero() {
			ends = append(ends, ts[k].End)
		}
	}
	if len(starts) == 0 {
		assert.True(t, tr.Start.IsZero())
	} else {
		assert.Contains(t, starts, tr.Start)
		for _, s := range starts {
			assert.False(t, s.First().Before(tr.Start.First()))
		}
	}
	if len(ends) == 0 {
		assert.True(t, tr.End.IsZero())
	} else {
		assert.Contains(t, ends, tr.End)
		for _, e := range ends {
			assert.False(t, e.Last().After(tr.End.Last()))
		}
	}
}

// TestTrailsBruteForce: on random seeded instances with mixed-precision
// and open dates, mutual links, self-transfers and parallel transfers,
// Trails returns exactly the brute-force trails in the brute-force order,
// each valid by its definition; a small Max keeps the first of them.
func TestTrailsBruteForce(t *testing.T) {
	total := 0
	for seed := uint64(1); seed <= 100; seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		n := 4 + r.IntN(5)
		ts := randomTransfers(r, n, 8+r.IntN(18))
		from, to, front := randomFlags(r, n, 0.4), randomFlags(r, n, 0.35), randomFlags(r, n, 0.4)
		maxHops := 1 + r.IntN(5)
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			want := bruteTrails(ts, from, to, maxHops)
			res, err := Trails(n, ts, from, to, Options{MaxHops: maxHops, Max: 100000, Front: front})
			require.NoError(t, err)
			require.Equal(t, len(want), res.Found)
			require.False(t, res.Truncated)
			require.Len(t, res.Trails, len(want))
			for i, tr := range res.Trails {
				assert.Equal(t, want[i].path, tr.Path, "trail %d", i)
				assert.Equal(t, want[i].links, tr.Transfers, "trail %d", i)
				assertTrailValid(t, ts, from, to, front, maxHops, tr)
			}
			total += len(want)

			if len(want) > 1 {
				max := 1 + r.IntN(len(want)-1)
				cut, err := Trails(n, ts, from, to, Options{MaxHops: maxHops, Max: max, Front: front})
				require.NoError(t, err)
				assert.True(t, cut.Truncated)
				assert.Equal(t, len(want), cut.Found)
				assert.Equal(t, res.Trails[:max], cut.Trails)
			}
		})
	}
	assert.Greater(t, total, 300, "the random instances should hold many trails")
}

// follow builds the constructed network of the trail tests. Actors: 0
// cartel, 1 gang, 2 front company, 3 hawala, 4 charity, 5 cell, 6
// operative, 7 broker, 8 a hybrid narco-insurgency (criminal and
// terrorist), 9 a bystander.
func follow(t *testing.T) (n int, ts []Transfer, criminal, terrorist, front []bool) {
	ts = []Transfer{
		tx(t, 0, 2, 0, 100, 0.8, "2001-01", "2001-01", "formal_banking"),
		tx(t, 2, 3, 1, 80, 0.8, "2001", "2001", "hawala"), // year only: may follow January
		tx(t, 3, 5, 2, 50, 0.8, "2001-03", "2001-03", "hawala"),
		tx(t, 0, 4, 3, 200, 0.8, "2001-01", "2001-01", "formal_banking"),
		tx(t, 4, 5, 4, 60, 0.8, "2001-06", "2001-06", "formal_banking"),
		tx(t, 1, 3, 5, 30, 0.8, "2001-04", "2001-04", "bulk_cash"), // after 3 → 5: no trail 1 → 3 → 5
		tx(t, 5, 6, 7, 10, 0.8, "", "", ""),                        // the money is already with terrorists
		tx(t, 2, 6, 8, 40, 0.8, "2000", "2000", "crypto"),          // before 0 → 2: no trail 0 → 2 → 6
		tx(t, 1, 6, 9, 5, 1, "", "", "crypto"),
		tx(t, 0, 7, 10, 60, 0.5, "", "", ""),
		tx(t, 7, 6, 11, 70, 0.5, "", "", "hawala"),
		tx(t, 1, 7, 12, 60, 0.5, "", "", ""),
		tx(t, 8, 5, 13, 1, 1, "", "", ""),
		tx(t, 9, 9, 14, 1, 1, "", "", ""), // a self-transfer, ignored
	}
	return 10, ts, flags(10, 0, 1, 8), flags(10, 5, 6, 8), flags(10, 2, 4)
}

// TestTrailsConstructed: on the constructed network all and only the
// expected trails are found, in the documented order, with their parts.
func TestTrailsConstructed(t *testing.T) {
	n, ts, criminal, terrorist, front := follow(t)
	res, err := Trails(n, ts, criminal, terrorist, Options{Front: front})
	require.NoError(t, err)
	want := []Trail{
		{Path: []int{1, 6}, Transfers: []int{9}, Hops: 1, Bottleneck: 5, Confidence: 1,
			Channels: []string{"crypto"}},
		{Path: []int{8, 5}, Transfers: []int{13}, Hops: 1, Bottleneck: 1, Confidence: 1},
		{Path: []int{0, 4, 5}, Transfers: []int{3, 4}, Hops: 2, Bottleneck: 60, Confidence: 0.8,
			Channels: []string{"formal_banking"}, Start: date(t, "2001-01"), End: date(t, "2001-06"),
			Crosses: []int{4}},
		{Path: []int{0, 7, 6}, Transfers: []int{10, 11}, Hops: 2, Bottleneck: 60, Confidence: 0.5,
			Channels: []string{"hawala"}},
		{Path: []int{1, 7, 6}, Transfers: []int{12, 11}, Hops: 2, Bottleneck: 60, Confidence: 0.5,
			Channels: []string{"hawala"}},
		{Path: []int{0, 2, 3, 5}, Transfers: []int{0, 1, 2}, Hops: 3, Bottleneck: 50, Confidence: 0.8,
			Channels: []string{"formal_banking", "hawala"}, Start: date(t, "2001"), End: date(t, "2001"),
			Crosses: []int{2}},
	}
	require.Len(t, res.Trails, len(want))
	for i := range want {
		assert.Equal(t, want[i].Path, res.Trails[i].Path, "trail %d", i)
		assert.Equal(t, want[i].Transfers, res.Trails[i].Transfers, "trail %d", i)
		assert.InDelta(t, want[i].Confidence, res.Trails[i].Confidence, 1e-12, "trail %d", i)
		res.Trails[i].Confidence = want[i].Confidence
		assert.Equal(t, want[i], res.Trails[i], "trail %d", i)
	}
	assert.Equal(t, Result{Trails: res.Trails, Found: 6}, res)

	cut, err := Trails(n, ts, criminal, terrorist, Options{Front: front, Max: 2})
	require.NoError(t, err)
	assert.Equal(t, 6, cut.Found)
	assert.True(t, cut.Truncated)
	assert.Equal(t, res.Trails[:2], cut.Trails)

	short, err := Trails(n, ts, criminal, terrorist, Options{Front: front, MaxHops: 2})
	require.NoError(t, err)
	assert.Equal(t, res.Trails[:5], short.Trails)

	none, err := Trails(n, ts, flags(n, 9), terrorist, Options{})
	require.NoError(t, err)
	assert.Empty(t, none.Trails)
	assert.Zero(t, none.Found)
}

// TestGateways: on the constructed network the gateways are the last
// non-terrorist actors of the trails; the hybrid paying a cell directly is
// none.
func TestGateways(t *testing.T) {
	n, ts, criminal, terrorist, _ := follow(t)
	got, err := Gateways(n, ts, criminal, terrorist, Options{})
	require.NoError(t, err)
	assert.Equal(t, []Gateway{
		{Actor: 1, Sources: []int{1}, Targets: []int{6}, Transfers: []int{9}, Trails: 1},
		{Actor: 3, Sources: []int{0}, Targets: []int{5}, Transfers: []int{2}, Trails: 1},
		{Actor: 4, Sources: []int{0}, Targets: []int{5}, Transfers: []int{4}, Trails: 1},
		{Actor: 7, Sources: []int{0, 1}, Targets: []int{6}, Transfers: []int{11}, Trails: 2},
	}, got)

	// Max does not limit gateways; MaxHops does.
	got, err = Gateways(n, ts, criminal, terrorist, Options{Max: 1, MaxHops: 2})
	require.NoError(t, err)
	var actors []int
	for _, g := range got {
		actors = append(actors, g.Actor)
	}
	assert.Equal(t, []int{1, 4, 7}, actors)
}

// One walk gives what Trails and Gateways give.
func TestTrailsAndGateways(t *testing.T) {
	n, ts, criminal, terrorist, _ := follow(t)
	for _, opts := range []Options{{}, {Max: 1, MaxHops: 2}} {
		r, gws, err := TrailsAndGateways(n, ts, criminal, terrorist, opts)
		require.NoError(t, err)
		wantR, err := Trails(n, ts, criminal, terrorist, opts)
		require.NoError(t, err)
		wantG, err := Gateways(n, ts, criminal, terrorist, opts)
		require.NoError(t, err)
		assert.Equal(t, wantR, r)
		assert.Equal(t, wantG, gws)
	}
}

// TestGatewaysBruteForce: the gateways agree with the brute-force trails.
func TestGatewaysBruteForce(t *testing.T) {
	for seed := uint64(1); seed <= 30; seed++ {
		r := rand.New(rand.NewPCG(seed, 11))
		n := 4 + r.IntN(5)
		ts := randomTransfers(r, n, 6+r.IntN(14))
		criminal, terrorist := randomFlags(r, n, 0.35), randomFlags(r, n, 0.35)
		want := map[int]int{}
		for _, b := range bruteTrails(ts, criminal, terrorist, 3) {
			if gate := b.path[len(b.path)-2]; !terrorist[gate] {
				want[gate]++
			}
		}
		got, err := Gateways(n, ts, criminal, terrorist, Options{MaxHops: 3})
		require.NoError(t, err)
		have := map[int]int{}
		for _, g := range got {
			have[g.Actor] = g.Trails
		}
		assert.Equal(t, want, have, "seed %d", seed)
	}
}

// TestTrailsTimeOrder: the time rule on partial and open dates, for a
// chain 0 → 1 → … with one transfer per hop.
func TestTrailsTimeOrder(t *testing.T) {
	type hop struct{ start, end string }
	for _, c := range []struct {
		name string
		hops []hop
		want bool
	}{
		{"month then its year", []hop{{"2001-05", "2001-05"}, {"2001", "2001"}}, true},
		{"year then a month of it", []hop{{"2001", "2001"}, {"2001-03", "2001-03"}}, true},
		{"month then an earlier month", []hop{{"2001-05", "2001-05"}, {"2001-03", "2001-03"}}, false},
		{"same day", []hop{{"2001-05-10", "2001-05-10"}, {"2001-05-10", "2001-05-10"}}, true},
		{"the day before", []hop{{"2001-05-10", "2001-05-10"}, {"2001-05-09", "2001-05-09"}}, false},
		{"day within the month", []hop{{"2001-05-31", "2001-05-31"}, {"2001-05", "2001-05"}}, true},
		{"undated first", []hop{{"", ""}, {"1990", "1990"}}, true},
		{"undated second", []hop{{"2001", "2001"}, {"", ""}}, true},
		{"open end still active", []hop{{"2001-06", ""}, {"2003", "2003"}}, true},
		{"open end, later start", []hop{{"2001-06", ""}, {"2001-03", "2001-03"}}, false},
		{"open start may be early", []hop{{"", "2001-03"}, {"2001-02", "2001-02"}}, true},
		{"long interval overlaps", []hop{{"2000", "2002"}, {"2001-03", "2001-03"}}, true},
		{"undated does not reset the clock", []hop{{"2001-05", "2001-05"}, {"", ""}, {"2001-03", "2001-03"}}, false},
		{"non-adjacent hops checked", []hop{{"2001-05", "2001-05"}, {"2000", "2002"}, {"2001-03", "2001-03"}}, false},
		{"ordered chain", []hop{{"2001-01", "2001-01"}, {"2001", "2001"}, {"2001-03", "2001-03"}}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			var ts []Transfer
			for i, h := range c.hops {
				ts = append(ts, tx(t, i, i+1, i, 1, 1, h.start, h.end, ""))
			}
			n := len(c.hops) + 1
			res, err := Trails(n, ts, flags(n, 0), flags(n, n-1), Options{})
			require.NoError(t, err)
			assert.Equal(t, c.want, len(res.Trails) == 1)
		})
	}
}

// TestTrailsErrors: invalid input is refused with a message naming it.
func TestTrailsErrors(t *testing.T) {
	ok := []Transfer{on(t, 0, 1, 0, "2001")}
	two := flags(2, 0)
	for _, c := range []struct {
		name     string
		n        int
		ts       []Transfer
		from, to []bool
		opts     Options
		msg      string
	}{
		{"negative n", -1, nil, nil, nil, Options{}, "negative number of actors"},
		{"short from", 2, ok, flags(1), two, Options{}, "from has 1 flags for 2 actors"},
		{"short to", 2, ok, two, nil, Options{}, "to has 0 flags"},
		{"short front", 2, ok, two, two, Options{Front: flags(3)}, "Options.Front has 3 flags"},
		{"actor out of range", 2, []Transfer{on(t, 0, 2, 5, "")}, two, two, Options{}, "transfer 0 (link 5, 0 -> 2): to: actor 2 out of range"},
		{"negative actor", 2, []Transfer{on(t, -1, 1, 0, "")}, two, two, Options{}, "from: actor -1"},
		{"negative amount", 2, []Transfer{{From: 0, To: 1, Amount: -1}}, two, two, Options{}, "amount -1"},
		{"NaN amount", 2, []Transfer{{From: 0, To: 1, Amount: math.NaN()}}, two, two, Options{}, "amount NaN"},
		{"infinite amount", 2, []Transfer{{From: 0, To: 1, Amount: math.Inf(1)}}, two, two, Options{}, "amount +Inf"},
		{"grade above 1", 2, []Transfer{{From: 0, To: 1, Grade: 1.5}}, two, two, Options{}, "grade 1.5 is outside [0, 1]"},
		{"NaN grade", 2, []Transfer{{From: 0, To: 1, Grade: math.NaN()}}, two, two, Options{}, "grade NaN"},
		{"end before start", 2, []Transfer{tx(t, 0, 1, 0, 1, 1, "2002", "2001", "")}, two, two, Options{}, "end 2001 is before start 2002"},
		{"invalid date", 2, []Transfer{{From: 0, To: 1, Start: network.Date{Year: 2001, Month: 13}}}, two, two, Options{}, "month 13"},
		{"negative MaxHops", 2, ok, two, two, Options{MaxHops: -1}, "negative Options.MaxHops"},
		{"negative Max", 2, ok, two, two, Options{Max: -2}, "negative Options.Max"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Trails(c.n, c.ts, c.from, c.to, c.opts)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.msg)
			assert.Regexp(t, `^trail: `, err.Error())
			_, err = Gateways(c.n, c.ts, c.from, c.to, c.opts)
			require.Error(t, err)
		})
	}
}
