package trail

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ofKind returns the patterns of one kind.
func ofKind(ps []Pattern, k Kind) []Pattern {
	var out []Pattern
	for _, p := range ps {
		if p.Kind == k {
			out = append(out, p)
		}
	}
	return out
}

// patterns runs Patterns, failing the test on error.
func patterns(t *testing.T, n int, ts []Transfer, opts PatternOptions) PatternResult {
	t.Helper()
	res, err := Patterns(n, ts, opts)
	require.NoError(t, err)
	return res
}

// brief is a pattern without its amount and span, for comparisons.
type brief struct {
	Central, Actors, Transfers []int
}

func briefs(ps []Pattern) []brief {
	var out []brief
	for _, p := range ps {
		out = append(out, brief{p.Central, p.Actors, p.Transfers})
	}
	return out
}

func TestKindString(t *testing.T) {
	var names []string
	for _, k := range Kinds() {
		names = append(names, k.String())
		b, err := k.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, k.String(), string(b))
	}
	assert.Equal(t, "fan_in fan_out cycle scatter_gather gather_scatter layering", strings.Join(names, " "))
	assert.Equal(t, "Kind(9)", Kind(9).String())
	_, err := Kind(9).MarshalText()
	assert.Error(t, err)
}

// TestPatternsConstructed: each pattern is found on its constructed
// instance, with its parts, and not on a near miss.
func TestPatternsConstructed(t *testing.T) {
	type want struct {
		kind Kind
		got  []brief
	}
	for _, c := range []struct {
		name  string
		n     int
		ts    func(t *testing.T) []Transfer
		opts  PatternOptions
		kind  Kind
		want  []brief
		extra func(t *testing.T, ps []Pattern)
	}{
		{
			name: "fan-in", n: 5, kind: FanIn,
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 1, 0, 10, "2001-03-01"), on(t, 2, 0, 11, "2001-03-10"),
					on(t, 3, 0, 12, "2001-03-20"), on(t, 3, 0, 13, "2001-03-21")}
			},
			want: []brief{{[]int{0}, []int{0, 1, 2, 3}, []int{10, 11, 12, 13}}},
			extra: func(t *testing.T, ps []Pattern) {
				p := ofKind(ps, FanIn)[0]
				assert.Equal(t, 4.0, p.Amount)
				assert.Equal(t, "2001-03-01", p.Start.String())
				assert.Equal(t, "2001-03-21", p.End.String())
			},
		},
		{
			name: "fan-in one sender short", n: 5, kind: FanIn,
			ts: func(t *testing.T) []Transfer { // sender 2 pays twice: two distinct senders
				return []Transfer{on(t, 1, 0, 10, "2001-03-01"), on(t, 2, 0, 11, "2001-03-10"),
					on(t, 2, 0, 12, "2001-03-20"), on(t, 0, 0, 13, "2001-03-20")}
			},
		},
		{
			name: "fan-in outside the window", n: 5, kind: FanIn,
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 1, 0, 10, "2001-03-01"), on(t, 2, 0, 11, "2001-03-10"),
					on(t, 3, 0, 12, "2001-03-31")}
			},
		},
		{
			name: "fan-in month-dated within the window", n: 5, kind: FanIn,
			ts: func(t *testing.T) []Transfer { // March may be its last days
				return []Transfer{on(t, 1, 0, 10, "2001-03"), on(t, 2, 0, 11, "2001-04-20"),
					on(t, 3, 0, 12, "2001-04-01")}
			},
			want: []brief{{[]int{0}, []int{0, 1, 2, 3}, []int{10, 11, 12}}},
		},
		{
			name: "fan-in two windows, maximal sets once", n: 6, kind: FanIn,
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 1, 0, 1, "2001-01-01"), on(t, 2, 0, 2, "2001-01-02"),
					on(t, 3, 0, 3, "2001-01-03"), on(t, 3, 0, 4, "2001-02-01"),
					on(t, 4, 0, 5, "2001-02-02"), on(t, 5, 0, 6, "2001-02-03"), on(t, 4, 0, 7, "")}
			},
			opts: PatternOptions{Window: 10},
			want: []brief{
				{[]int{0}, []int{0, 1, 2, 3, 4}, []int{1, 2, 3, 7}},
				{[]int{0}, []int{0, 3, 4, 5}, []int{4, 5, 6, 7}},
			},
		},
		{
			name: "fan-in without a window", n: 6, kind: FanIn,
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 1, 0, 1, "1990"), on(t, 2, 0, 2, "2001-01-02"), on(t, 3, 0, 3, "2020")}
			},
			opts: PatternOptions{Window: NoWindow},
			want: []brief{{[]int{0}, []int{0, 1, 2, 3}, []int{1, 2, 3}}},
		},
		{
			name: "fan-out", n: 5, kind: FanOut,
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 0, 1, 10, "2001-03-01"), on(t, 0, 2, 11, "2001-03-10"),
					on(t, 0, 3, 12, "2001-03-20")}
			},
			want: []brief{{[]int{0}, []int{0, 1, 2, 3}, []int{10, 11, 12}}},
		},
		{
			name: "fan-out one receiver short", n: 5, kind: FanOut,
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 0, 1, 10, "2001-03-01"), on(t, 0, 2, 11, "2001-03-10")}
			},
		},
		{
			name: "cycle", n: 4, kind: Cycle,
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 2, 0, 5, "2001-03"), on(t, 0, 1, 3, "2001-01"), on(t, 1, 2, 4, "2001-02"),
					on(t, 1, 0, 6, "2001-04")} // a 2-cycle 0 ⇄ 1 is no cycle
			},
			want: []brief{{[]int{0}, []int{0, 1, 2}, []int{3, 4, 5}}},
		},
		{
			name: "cycle from a later origin", n: 4, kind: Cycle,
			ts: func(t *testing.T) []Transfer { // time order from 1: 1 → 2 → 0 → 1
				return []Transfer{on(t, 0, 1, 3, "2001-03"), on(t, 1, 2, 4, "2001-01"), on(t, 2, 0, 5, "2001-02")}
			},
			want: []brief{{[]int{1}, []int{0, 1, 2}, []int{3, 4, 5}}},
		},
		{
			name: "cycle broken time order", n: 4, kind: Cycle,
			ts: func(t *testing.T) []Transfer { // no rotation is ordered
				return []Transfer{on(t, 0, 1, 3, "2001-01"), on(t, 1, 2, 4, "2001-03"), on(t, 2, 0, 5, "2001-02")}
			},
		},
		{
			name: "cycle missing an edge", n: 4, kind: Cycle,
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 0, 1, 3, "2001-01"), on(t, 1, 2, 4, "2001-02"), on(t, 0, 2, 5, "2001-03")}
			},
		},
		{
			name: "cycle over mutual links runs both ways", n: 3, kind: Cycle,
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 0, 1, 0, ""), on(t, 1, 0, 0, ""), on(t, 1, 2, 1, ""), on(t, 2, 1, 1, ""),
					on(t, 2, 0, 2, ""), on(t, 0, 2, 2, "")}
			},
			want: []brief{
				{[]int{0, 1, 2}, []int{0, 1, 2}, []int{0, 1, 2}},
				{[]int{0, 1, 2}, []int{0, 2, 1}, []int{0, 1, 2}},
			},
		},
		{
			name: "cycle too long", n: 8, kind: Cycle, opts: PatternOptions{MaxCycle: 3},
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 0, 1, 0, ""), on(t, 1, 2, 1, ""), on(t, 2, 3, 2, ""), on(t, 3, 0, 3, "")}
			},
		},
		{
			name: "scatter-gather", n: 6, kind: ScatterGather,
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 0, 1, 1, "2001-01"), on(t, 0, 2, 2, "2001-01"), on(t, 0, 3, 3, "2001-01"),
					on(t, 1, 4, 4, "2001-02"), on(t, 2, 4, 5, "2001-02"), on(t, 3, 4, 6, "2001-02"),
					on(t, 0, 5, 7, "2001-01")} // 5 forwards nothing
			},
			want: []brief{{[]int{0, 4}, []int{0, 1, 2, 3, 4}, []int{1, 2, 3, 4, 5, 6}}},
		},
		{
			name: "scatter-gather one intermediary short", n: 6, kind: ScatterGather,
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 0, 1, 1, "2001-01"), on(t, 0, 2, 2, "2001-01"), on(t, 0, 3, 3, "2001-01"),
					on(t, 1, 4, 4, "2001-02"), on(t, 2, 4, 5, "2001-02"), on(t, 3, 5, 6, "2001-02")}
			},
		},
		{
			name: "scatter-gather gather before scatter", n: 6, kind: ScatterGather,
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 0, 1, 1, "2001-01"), on(t, 0, 2, 2, "2001-01"), on(t, 0, 3, 3, "2001-01"),
					on(t, 1, 4, 4, "2001-02"), on(t, 2, 4, 5, "2001-02"), on(t, 3, 4, 6, "2000-12")}
			},
		},
		{
			name: "scatter-gather interleaved, no split", n: 6, kind: ScatterGather,
			ts: func(t *testing.T) []Transfer { // each intermediary in order, but no day splits all
				return []Transfer{on(t, 0, 1, 1, "2001-01"), on(t, 1, 4, 4, "2001-02"),
					on(t, 0, 2, 2, "2001-03"), on(t, 2, 4, 5, "2001-04"),
					on(t, 0, 3, 3, "2001-05"), on(t, 3, 4, 6, "2001-06")}
			},
		},
		{
			name: "gather-scatter", n: 8, kind: GatherScatter,
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 1, 0, 1, "2001-01"), on(t, 2, 0, 2, "2001-01"), on(t, 3, 0, 3, "2001-01"),
					on(t, 0, 4, 4, "2001-02"), on(t, 0, 5, 5, "2001-02"), on(t, 0, 6, 6, "2001-02"),
					on(t, 0, 7, 7, "2000-06")} // paid out before: not part of it
			},
			want: []brief{{[]int{0}, []int{0, 1, 2, 3, 4, 5, 6}, []int{1, 2, 3, 4, 5, 6}}},
		},
		{
			name: "gather-scatter outgoing before incoming", n: 8, kind: GatherScatter,
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 1, 0, 1, "2001-03"), on(t, 2, 0, 2, "2001-03"), on(t, 3, 0, 3, "2001-03"),
					on(t, 0, 4, 4, "2001-02"), on(t, 0, 5, 5, "2001-02"), on(t, 0, 6, 6, "2001-02")}
			},
		},
		{
			name: "gather-scatter one sender short", n: 8, kind: GatherScatter,
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 1, 0, 1, "2001-01"), on(t, 2, 0, 2, "2001-01"),
					on(t, 0, 4, 4, "2001-02"), on(t, 0, 5, 5, "2001-02"), on(t, 0, 6, 6, "2001-02")}
			},
		},
		{
			name: "layering", n: 10, kind: Layering, opts: PatternOptions{Front: flags(10, 1, 2, 3)},
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 0, 1, 0, "2001-01"), on(t, 1, 2, 1, "2001-02"), on(t, 2, 3, 2, "2001-02"),
					on(t, 3, 9, 3, "2001-05"), on(t, 3, 0, 4, "2001-06")} // back to 0: a chain from 1, not 0's
			},
			want: []brief{
				{[]int{0, 9}, []int{0, 1, 2, 3, 9}, []int{0, 1, 2, 3}},
				{[]int{1, 0}, []int{1, 2, 3, 0}, []int{1, 2, 4}},
			},
		},
		{
			name: "layering non-front intermediary", n: 10, kind: Layering, opts: PatternOptions{Front: flags(10, 1, 3)},
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 0, 1, 0, "2001-01"), on(t, 1, 7, 1, "2001-02"), on(t, 7, 3, 2, "2001-03"),
					on(t, 3, 9, 3, "2001-04")}
			},
		},
		{
			name: "layering broken time order", n: 10, kind: Layering, opts: PatternOptions{Front: flags(10, 1, 2)},
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 0, 1, 0, "2001-03"), on(t, 1, 2, 1, "2001-02"), on(t, 2, 9, 2, "2001-04")}
			},
		},
		{
			name: "layering windows of a long chain", n: 10, kind: Layering,
			opts: PatternOptions{Front: flags(10, 1, 2, 3, 4), MaxChain: 3},
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 0, 1, 0, ""), on(t, 1, 2, 1, ""), on(t, 2, 3, 2, ""), on(t, 3, 4, 3, ""),
					on(t, 4, 9, 4, "")}
			},
			want: []brief{
				{[]int{0, 3}, []int{0, 1, 2, 3}, []int{0, 1, 2}},
				{[]int{1, 4}, []int{1, 2, 3, 4}, []int{1, 2, 3}},
				{[]int{2, 9}, []int{2, 3, 4, 9}, []int{2, 3, 4}},
			},
		},
		{
			name: "no layering without fronts", n: 10, kind: Layering,
			ts: func(t *testing.T) []Transfer {
				return []Transfer{on(t, 0, 1, 0, ""), on(t, 1, 2, 1, ""), on(t, 2, 3, 2, "")}
			},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := patterns(t, c.n, c.ts(t), c.opts)
			assert.Equal(t, c.want, briefs(ofKind(res.Patterns, c.kind)))
			assert.False(t, res.Truncated)
			if c.extra != nil {
				c.extra(t, res.Patterns)
			}
		})
	}
}

// TestPatternsOrder: patterns come by kind, then central actors, then
// transfers.
func TestPatternsOrder(t *testing.T) {
	ts := []Transfer{
		// A gather–scatter at 0, which is also a fan-in and a fan-out.
		on(t, 1, 0, 1, "2001-01"), on(t, 2, 0, 2, "2001-01"), on(t, 3, 0, 3, "2001-01"),
		on(t, 0, 4, 4, "2001-02"), on(t, 0, 5, 5, "2001-02"), on(t, 0, 6, 6, "2001-02"),
		// A cycle 4 → 5 → 6 → 4, and 6 → 5 → 4 → 6 the other way.
		on(t, 4, 5, 7, ""), on(t, 5, 6, 8, ""), on(t, 6, 4, 9, ""),
		on(t, 6, 5, 10, ""), on(t, 5, 4, 11, ""), on(t, 4, 6, 12, ""),
	}
	res := patterns(t, 7, ts, PatternOptions{})
	var got []string
	for _, p := range res.Patterns {
		got = append(got, fmt.Sprintf("%v %v %v", p.Kind, p.Central, p.Transfers))
	}
	assert.Equal(t, []string{
		"fan_in [0] [1 2 3]",
		"fan_in [4] [4 9 11]",
		"fan_in [5] [5 7 10]",
		"fan_in [6] [6 8 12]",
		"fan_out [0] [4 5 6]",
		"cycle [4 5 6] [7 8 9]",
		"cycle [4 5 6] [10 11 12]",
		"gather_scatter [0] [1 2 3 4 5 6]",
	}, got)
	assert.True(t, slices.IsSortedFunc(res.Patterns, func(a, b Pattern) int { return int(a.Kind) - int(b.Kind) }))
}

// TestPatternsTruncated: the search for cycles and layering chains stops
// after Max of each.
func TestPatternsTruncated(t *testing.T) {
	// A complete digraph on 5 actors, undated: many cycles and chains.
	var ts []Transfer
	for a := 0; a < 5; a++ {
		for b := 0; b < 5; b++ {
			if a != b {
				ts = append(ts, on(t, a, b, len(ts), ""))
			}
		}
	}
	all := patterns(t, 5, ts, PatternOptions{Front: flags(5, 0, 1, 2, 3, 4), MaxCycle: 5, MaxChain: 4})
	assert.False(t, all.Truncated)
	// Directed cycles of length 3, 4, 5 on K5: 20 + 30 + 24.
	assert.Len(t, ofKind(all.Patterns, Cycle), 74)
	cut := patterns(t, 5, ts, PatternOptions{Front: flags(5, 0, 1, 2, 3, 4), MaxCycle: 5, MaxChain: 4, Max: 10})
	assert.True(t, cut.Truncated)
	assert.Len(t, ofKind(cut.Patterns, Cycle), 10)
	assert.Len(t, ofKind(cut.Patterns, Layering), 10)
}

// TestPatternsErrors: options out of range and invalid transfers are
// refused.
func TestPatternsErrors(t *testing.T) {
	ok := []Transfer{on(t, 0, 1, 0, "2001")}
	for _, c := range []struct {
		name string
		n    int
		ts   []Transfer
		opts PatternOptions
		msg  string
	}{
		{"bad transfer", 1, ok, PatternOptions{}, "to: actor 1 out of range"},
		{"Min 1", 2, ok, PatternOptions{Min: 1}, "PatternOptions.Min 1 is below 2"},
		{"negative Min", 2, ok, PatternOptions{Min: -3}, "PatternOptions.Min -3"},
		{"MaxCycle 2", 2, ok, PatternOptions{MaxCycle: 2}, "PatternOptions.MaxCycle 2 is below 3"},
		{"MaxChain 1", 2, ok, PatternOptions{MaxChain: 1}, "PatternOptions.MaxChain 1 is below 3"},
		{"negative Max", 2, ok, PatternOptions{Max: -1}, "negative PatternOptions.Max"},
		{"huge Window", 2, ok, PatternOptions{Window: maxWindow + 1}, "PatternOptions.Window"},
		{"short Front", 2, ok, PatternOptions{Front: flags(1)}, "PatternOptions.Front has 1 flags for 2 actors"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Patterns(c.n, c.ts, c.opts)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.msg)
		})
	}
}
