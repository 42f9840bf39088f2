package trail

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The brute-force pattern finders enumerate subsets of transfers (or
// sequences, for cycles and chains), check each definition literally —
// windows and split days by scanning every day — and keep the maximal
// sets.

// bruteRange returns the days to scan for windows of w days and split
// days: from before the first finite bound to after the last, which is
// enough since every day outside it meets the same transfers as its end.
func bruteRange(ts []Transfer, ks []int, w int) (from, to int64, any bool) {
	from, to = bruteInf, bruteNegInf
	for _, k := range ks {
		lo, hi := bruteDays(ts[k])
		for _, d := range []int64{lo, hi} {
			if d > bruteNegInf && d < bruteInf {
				from, to, any = min(from, d), max(to, d), true
			}
		}
	}
	return from - int64(w) - 1, to + 1, any
}

// members returns the positions picked by mask from ks.
func members(ks []int, mask int) []int {
	var out []int
	for i, k := range ks {
		if mask&(1<<i) != 0 {
			out = append(out, k)
		}
	}
	return out
}

// bruteFound is a pattern found by brute force: its brief and amount.
type bruteFound struct {
	brief
	amount float64
}

// makeBrute builds a brute-force pattern from its positions, with actors
// ascending unless given.
func makeBrute(ts []Transfer, central, actors, seq []int) bruteFound {
	b := bruteFound{brief: brief{Central: central, Actors: actors}}
	set := map[int]bool{}
	for _, k := range seq {
		b.Transfers = append(b.Transfers, ts[k].Link)
		b.amount += ts[k].Amount
		set[ts[k].From], set[ts[k].To] = true, true
	}
	slices.Sort(b.Transfers)
	if actors == nil {
		for a := range set {
			b.Actors = append(b.Actors, a)
		}
		slices.Sort(b.Actors)
	}
	return b
}

func countDistinct(ts []Transfer, ks []int, side func(Transfer) int) int {
	seen := map[int]bool{}
	for _, k := range ks {
		seen[side(ts[k])] = true
	}
	return len(seen)
}

// bruteFans: for every hub, the subsets of its legs that fit a window
// (some day a with every leg meeting [a, a+w−1]), maximal among those
// that fit, with at least min distinct counterparts.
func bruteFans(ts []Transfer, n int, kind Kind, minCount, w int) []bruteFound {
	var out []bruteFound
	for h := 0; h < n; h++ {
		var legs []int
		side := sender
		for k, t := range ts {
			if t.From == t.To {
				continue
			}
			if (kind == FanIn && t.To == h) || (kind == FanOut && t.From == h) {
				legs = append(legs, k)
			}
		}
		if kind == FanOut {
			side = receiver
		}
		from, to, any := bruteRange(ts, legs, max(w, 0))
		fits := func(set []int) bool {
			if w == NoWindow || !any {
				return true
			}
			for a := from; a <= to; a++ {
				ok := true
				for _, k := range set {
					lo, hi := bruteDays(ts[k])
					if lo > a+int64(w)-1 || hi < a {
						ok = false
						break
					}
				}
				if ok {
					return true
				}
			}
			return false
		}
		out = append(out, maximalMasks(ts, legs, fits, func(set []int) bool {
			return countDistinct(ts, set, side) >= minCount
		}, func(set []int) bruteFound { return makeBrute(ts, []int{h}, nil, set) })...)
	}
	return out
}

// maximalMasks returns the sets of legs that are valid and qualify, with
// no valid strict superset.
func maximalMasks(ts []Transfer, legs []int, valid, qualifies func([]int) bool, build func([]int) bruteFound) []bruteFound {
	full := 1<<len(legs) - 1
	ok := make([]bool, full+1)
	for mask := 1; mask <= full; mask++ {
		ok[mask] = valid(members(legs, mask))
	}
	var out []bruteFound
	for mask := 1; mask <= full; mask++ {
		if !ok[mask] || !qualifies(members(legs, mask)) {
			continue
		}
		maximal := true
		for sup := (mask + 1) | mask; sup <= full; sup = (sup + 1) | mask {
			if ok[sup] {
				maximal = false
				break
			}
		}
		if maximal {
			out = append(out, build(members(legs, mask)))
		}
	}
	return out
}

// split reports whether some day τ has every transfer of before able to
// fall on or before it and every one of after on or after it, scanning
// the days.
func split(ts []Transfer, before, after []int) bool {
	from, to, any := bruteRange(ts, append(slices.Clone(before), after...), 0)
	if !any {
		return true
	}
	for tau := from; tau <= to; tau++ {
		ok := true
		for _, k := range before {
			if lo, _ := bruteDays(ts[k]); lo > tau {
				ok = false
			}
		}
		for _, k := range after {
			if _, hi := bruteDays(ts[k]); hi < tau {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// bruteGatherScatters: for every hub, the maximal sets of incoming and
// outgoing legs with a split day, at least min senders and receivers.
func bruteGatherScatters(ts []Transfer, n, minCount int) []bruteFound {
	var out []bruteFound
	for h := 0; h < n; h++ {
		var legs []int
		for k, t := range ts {
			if t.From != t.To && (t.To == h || t.From == h) {
				legs = append(legs, k)
			}
		}
		parts := func(set []int) (in, outs []int) {
			for _, k := range set {
				if ts[k].To == h {
					in = append(in, k)
				} else {
					outs = append(outs, k)
				}
			}
			return in, outs
		}
		out = append(out, maximalMasks(ts, legs, func(set []int) bool {
			in, outs := parts(set)
			return split(ts, in, outs)
		}, func(set []int) bool {
			in, outs := parts(set)
			return countDistinct(ts, in, sender) >= minCount && countDistinct(ts, outs, receiver) >= minCount
		}, func(set []int) bruteFound { return makeBrute(ts, []int{h}, nil, set) })...)
	}
	return out
}

// bruteScatterGathers: for every origin and destination, the maximal sets
// of scatter and gather legs in which every intermediary has both, with a
// split day and at least min intermediaries.
func bruteScatterGathers(ts []Transfer, n, minCount int) []bruteFound {
	var out []bruteFound
	for o := 0; o < n; o++ {
		for d := 0; d < n; d++ {
			if o == d {
				continue
			}
			var legs []int
			for k, t := range ts {
				if t.From == t.To {
					continue
				}
				if (t.From == o && t.To != d) || (t.To == d && t.From != o) {
					legs = append(legs, k)
				}
			}
			parts := func(set []int) (scat, gath []int, mids int, complete bool) {
				has := map[int][2]bool{}
				for _, k := range set {
					t := ts[k]
					if t.From == o {
						scat = append(scat, k)
						h := has[t.To]
						h[0] = true
						has[t.To] = h
					} else {
						gath = append(gath, k)
						h := has[t.From]
						h[1] = true
						has[t.From] = h
					}
				}
				for _, h := range has {
					if !h[0] || !h[1] {
						return scat, gath, 0, false
					}
				}
				return scat, gath, len(has), true
			}
			if len(legs) > 14 {
				panic("too many legs for brute force")
			}
			out = append(out, maximalMasks(ts, legs, func(set []int) bool {
				scat, gath, _, complete := parts(set)
				return complete && split(ts, scat, gath)
			}, func(set []int) bool {
				_, _, mids, _ := parts(set)
				return mids >= minCount
			}, func(set []int) bruteFound { return makeBrute(ts, []int{o, d}, nil, set) })...)
		}
	}
	return out
}

// bruteCycles: every closed simple walk of 3 to maxLen transfers, taken
// from its smallest actor, kept when some rotation is time-ordered.
func bruteCycles(ts []Transfer, maxLen int) []bruteFound {
	var out []bruteFound
	bruteWalks(ts, maxLen-1, func(seq []int) {
		if len(seq) < 2 {
			return
		}
		path := []int{ts[seq[0]].From}
		for _, k := range seq {
			path = append(path, ts[k].To)
		}
		if slices.Min(path) != path[0] {
			return
		}
		for k, t := range ts {
			if t.From != path[len(path)-1] || t.To != path[0] {
				continue
			}
			cyc := append(slices.Clone(seq), k)
			var origins []int
			for r := range cyc {
				if bruteOrdered(ts, append(slices.Clone(cyc[r:]), cyc[:r]...)) {
					origins = append(origins, ts[cyc[r]].From)
				}
			}
			if origins != nil {
				slices.Sort(origins)
				out = append(out, makeBrute(ts, origins, slices.Clone(path), cyc))
			}
		}
	})
	return out
}

// bruteLayering: every time-ordered simple path of 3 to maxLen transfers
// with front intermediate actors that is no contiguous part of a longer
// one.
func bruteLayering(ts []Transfer, front []bool, maxLen int) []bruteFound {
	type chain struct{ seq, path []int }
	var valid []chain
	bruteWalks(ts, maxLen, func(seq []int) {
		if len(seq) < 3 || !bruteOrdered(ts, seq) {
			return
		}
		path := []int{ts[seq[0]].From}
		for _, k := range seq {
			path = append(path, ts[k].To)
		}
		for _, v := range path[1 : len(path)-1] {
			if !front[v] {
				return
			}
		}
		valid = append(valid, chain{slices.Clone(seq), path})
	})
	var out []bruteFound
	for _, c := range valid {
		maximal := true
		for _, d := range valid {
			if len(d.seq) <= len(c.seq) {
				continue
			}
			for i := 0; i+len(c.seq) <= len(d.seq); i++ {
				if slices.Equal(d.seq[i:i+len(c.seq)], c.seq) {
					maximal = false
				}
			}
		}
		if maximal {
			out = append(out, makeBrute(ts, []int{c.path[0], c.path[len(c.path)-1]}, c.path, c.seq))
		}
	}
	return out
}

// sortBrute orders brute-force patterns as Patterns does within a kind.
func sortBrute(bs []bruteFound) {
	slices.SortFunc(bs, func(a, b bruteFound) int {
		if c := slices.Compare(a.Central, b.Central); c != 0 {
			return c
		}
		if c := slices.Compare(a.Transfers, b.Transfers); c != 0 {
			return c
		}
		return slices.Compare(a.Actors, b.Actors)
	})
}

// TestPatternsBruteForce: on random seeded instances every kind of pattern
// agrees with its brute-force finder, in order.
func TestPatternsBruteForce(t *testing.T) {
	counts := map[Kind]int{}
	for seed := uint64(1); seed <= 150; seed++ {
		r := rand.New(rand.NewPCG(seed, 3))
		n := 4 + r.IntN(3)
		ts := randomTransfers(r, n, 6+r.IntN(7))
		if seed%2 == 0 { // plant a scatter–gather (or a near miss) among the noise
			perm := r.Perm(n)
			for _, mid := range perm[2:min(n, 4+r.IntN(2))] {
				for _, ends := range [][2]int{{perm[0], mid}, {mid, perm[1]}} {
					d := datePool[r.IntN(len(datePool))]
					ts = append(ts, on(t, ends[0], ends[1], 100+len(ts), d))
				}
			}
		}
		opts := PatternOptions{
			Min:      2 + r.IntN(2),
			Window:   []int{1, 20, 45, NoWindow}[r.IntN(4)],
			MaxCycle: 3 + r.IntN(3),
			MaxChain: 3 + r.IntN(2),
			Front:    randomFlags(r, n, 0.6),
		}
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			res, err := Patterns(n, ts, opts)
			require.NoError(t, err)
			require.False(t, res.Truncated)
			want := map[Kind][]bruteFound{
				FanIn:         bruteFans(ts, n, FanIn, opts.Min, opts.Window),
				FanOut:        bruteFans(ts, n, FanOut, opts.Min, opts.Window),
				Cycle:         bruteCycles(ts, opts.MaxCycle),
				ScatterGather: bruteScatterGathers(ts, n, opts.Min),
				GatherScatter: bruteGatherScatters(ts, n, opts.Min),
				Layering:      bruteLayering(ts, opts.Front, opts.MaxChain),
			}
			for _, k := range Kinds() {
				sortBrute(want[k])
				got := ofKind(res.Patterns, k)
				var wantBriefs []brief
				var wantAmounts, gotAmounts []float64
				for _, b := range want[k] {
					wantBriefs = append(wantBriefs, b.brief)
					wantAmounts = append(wantAmounts, b.amount)
				}
				for _, p := range got {
					gotAmounts = append(gotAmounts, p.Amount)
				}
				assert.Equal(t, wantBriefs, briefs(got), "%v", k)
				assert.Equal(t, wantAmounts, gotAmounts, "%v amounts", k)
				counts[k] += len(got)
			}
		})
	}
	for _, k := range Kinds() {
		assert.Greater(t, counts[k], 20, "the random instances should hold %v patterns", k)
	}
	t.Logf("patterns found: %v", counts)
}
