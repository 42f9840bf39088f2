package trail

import (
	"fmt"
	"math"
	"sort"

	"github.com/illicitnet/illicit/network"
)

// Transfer is one directed movement of money from actor From to actor To,
// both indexes in [0, n). A mutual money link is given by the caller as two
// transfers, one each way, with the same Link.
type Transfer struct {
	// From and To are the paying and the receiving actor. A transfer with
	// From == To is accepted and ignored by every analysis.
	From, To int
	// Link is the caller's index of the link the transfer comes from. It is
	// reported in trails and patterns and orders them; it need not be unique.
	Link int
	// Amount is the sum moved: non-negative and finite (the caller picks the
	// "amount" attribute, the link weight or 1).
	Amount float64
	// Start and End bound the time of the transfer, as a network link's
	// interval: the transfer happened on some day from Start.First() to
	// End.Last(); an unset Start is open to the past, an unset End open to
	// the future. A transfer known to have happened on one date d, at
	// whatever precision, has Start = End = d.
	Start, End network.Date
	// Grade is the confidence in the report, in [0, 1]
	// (network.Grade.Confidence).
	Grade float64
	// Channel is how the money moved (formal_banking, hawala, trade_based,
	// bulk_cash, crypto, in_kind), or "" if unknown.
	Channel string
}

// errorf formats an error of package trail: "trail: " and the message.
func errorf(format string, args ...any) error {
	return fmt.Errorf("trail: "+format, args...)
}

// Day numbers: days since 1970-01-01 (negative before). An open side of an
// interval is negInf or posInf, far enough from the int64 limits that the
// window arithmetic below cannot overflow.
const (
	negInf int64 = math.MinInt64 / 4
	posInf int64 = math.MaxInt64 / 4
)

// maxWindow bounds PatternOptions.Window (about 27,000 years, longer than
// any span of valid dates), so window arithmetic stays far from posInf.
const maxWindow = 10_000_000

// dayOf returns the day number of a time at midnight UTC.
func dayOf(d network.Date, last bool) int64 {
	t := d.First()
	if last {
		t = d.Last()
	}
	return t.Unix() / 86400
}

// bounds returns the first and the last day on which the transfer can have
// happened: [Start.First(), End.Last()], open sides negInf and posInf.
func (t Transfer) bounds() (lo, hi int64) {
	lo, hi = negInf, posInf
	if !t.Start.IsZero() {
		lo = dayOf(t.Start, false)
	}
	if !t.End.IsZero() {
		hi = dayOf(t.End, true)
	}
	return lo, hi
}

// graph is the validated input: the transfers, their day bounds and the
// non-self transfers out of and into every actor, each list in (Link,
// input position) order.
type graph struct {
	n       int
	ts      []Transfer
	lo, hi  []int64
	out, in [][]int
}

// newGraph validates n and the transfers and indexes them.
func newGraph(n int, ts []Transfer) (*graph, error) {
	if n < 0 {
		return nil, errorf("negative number of actors %d", n)
	}
	g := &graph{n: n, ts: ts, lo: make([]int64, len(ts)), hi: make([]int64, len(ts)),
		out: make([][]int, n), in: make([][]int, n)}
	for i, t := range ts {
		fail := func(format string, args ...any) error {
			return errorf("transfer %d (link %d, %d -> %d): %s", i, t.Link, t.From, t.To, fmt.Sprintf(format, args...))
		}
		switch {
		case t.From < 0 || t.From >= n:
			return nil, fail("from: actor %d out of range [0, %d)", t.From, n)
		case t.To < 0 || t.To >= n:
			return nil, fail("to: actor %d out of range [0, %d)", t.To, n)
		case math.IsNaN(t.Amount) || math.IsInf(t.Amount, 0) || t.Amount < 0:
			return nil, fail("amount %v is not a non-negative finite number", t.Amount)
		case math.IsNaN(t.Grade) || t.Grade < 0 || t.Grade > 1:
			return nil, fail("grade %v is outside [0, 1]", t.Grade)
		}
		if err := (network.Interval{Start: t.Start, End: t.End}).Validate(); err != nil {
			return nil, fail("%v", err)
		}
		g.lo[i], g.hi[i] = t.bounds()
		if t.From != t.To {
			g.out[t.From] = append(g.out[t.From], i)
			g.in[t.To] = append(g.in[t.To], i)
		}
	}
	byLink := func(list []int) {
		sort.SliceStable(list, func(a, b int) bool { return ts[list[a]].Link < ts[list[b]].Link })
	}
	for v := 0; v < n; v++ {
		byLink(g.out[v])
		byLink(g.in[v])
	}
	return g, nil
}

// checkFlags checks that a per-actor flag slice has one entry per actor;
// a nil slice is accepted when optional.
func checkFlags(name string, flags []bool, n int, optional bool) error {
	if flags == nil && optional {
		return nil
	}
	if len(flags) != n {
		return errorf("%s has %d flags for %d actors", name, len(flags), n)
	}
	return nil
}

// ordered reports whether the transfers at positions seq, taken in that
// order, can be time-ordered: whether there are days d_1 ≤ d_2 ≤ … with
// each d_k within the bounds of transfer k. It is so exactly when no
// transfer must end before an earlier one in the sequence starts
// (lo_i ≤ hi_j for all i < j); the check keeps the earliest day the money
// can have reached the current actor.
func (g *graph) ordered(seq []int) bool {
	clock := negInf
	for _, k := range seq {
		var ok bool
		if clock, ok = g.advance(clock, k); !ok {
			return false
		}
	}
	return true
}

// advance moves the clock (the earliest day the money can be at the
// paying actor of transfer k) over transfer k: the transfer cannot happen
// before the clock nor before its own first day, and not at all if that is
// after its last day.
func (g *graph) advance(clock int64, k int) (int64, bool) {
	if g.lo[k] > clock {
		clock = g.lo[k]
	}
	return clock, clock <= g.hi[k]
}

// precision counts the known parts of a date: 0 unset, 1 year, 2 month,
// 3 day.
func precision(d network.Date) int {
	switch {
	case d.IsZero():
		return 0
	case d.Month == 0:
		return 1
	case d.Day == 0:
		return 2
	}
	return 3
}

// span returns the earliest Start (by Date.First) and the latest End (by
// Date.Last) of the transfers at positions ks, the less precise date on a
// tie; a side is unset when no transfer gives it.
func (g *graph) span(ks []int) (start, end network.Date) {
	for _, k := range ks {
		t := g.ts[k]
		if s := t.Start; !s.IsZero() {
			if start.IsZero() || s.First().Before(start.First()) ||
				(s.First().Equal(start.First()) && precision(s) < precision(start)) {
				start = s
			}
		}
		if e := t.End; !e.IsZero() {
			if end.IsZero() || e.Last().After(end.Last()) ||
				(e.Last().Equal(end.Last()) && precision(e) < precision(end)) {
				end = e
			}
		}
	}
	return start, end
}

// links returns the Link indexes of the transfers at positions ks, in the
// same order.
func (g *graph) links(ks []int) []int {
	out := make([]int, len(ks))
	for i, k := range ks {
		out[i] = g.ts[k].Link
	}
	return out
}

// compareInts compares two int slices lexicographically, a proper prefix
// first.
func compareInts(a, b []int) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}
