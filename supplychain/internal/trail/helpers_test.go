package trail

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
)

// The brute-force enumerators of the tests share nothing with the code
// under test but Transfer: they read dates with their own day arithmetic,
// check time order pair by pair and enumerate sequences of transfers
// directly.

// date parses a date, failing the test on error.
func date(t testing.TB, s string) network.Date {
	t.Helper()
	d, err := network.ParseDate(s)
	require.NoError(t, err)
	return d
}

// tx is a transfer from → to of link with amount and grade, dated from
// start to end ("" for open).
func tx(t testing.TB, from, to, link int, amount, grade float64, start, end, channel string) Transfer {
	return Transfer{From: from, To: to, Link: link, Amount: amount, Grade: grade,
		Start: date(t, start), End: date(t, end), Channel: channel}
}

// on is a transfer from → to of link, amount 1 and grade 1, on the date d
// (Start = End = d; "" for undated).
func on(t testing.TB, from, to, link int, d string) Transfer {
	return tx(t, from, to, link, 1, 1, d, d, "")
}

// flags returns n flags, the given actors set.
func flags(n int, set ...int) []bool {
	f := make([]bool, n)
	for _, v := range set {
		f[v] = true
	}
	return f
}

const (
	bruteNegInf = -1 << 40
	bruteInf    = 1 << 40
)

// bruteDays returns the first and last day of a transfer as days since
// 1970-01-01 computed by calendar arithmetic, open sides ±2^40.
func bruteDays(t Transfer) (lo, hi int64) {
	lo, hi = bruteNegInf, bruteInf
	if !t.Start.IsZero() {
		m, d := int(t.Start.Month), int(t.Start.Day)
		if m == 0 {
			m = 1
		}
		if d == 0 {
			d = 1
		}
		lo = civilDay(int(t.Start.Year), m, d)
	}
	if !t.End.IsZero() {
		y, m, d := int(t.End.Year), int(t.End.Month), int(t.End.Day)
		switch {
		case m == 0:
			m, d = 12, 31
		case d == 0:
			d = monthDays(y, m)
		}
		hi = civilDay(y, m, d)
	}
	return lo, hi
}

func monthDays(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// civilDay counts days from 1970-01-01 (H. Hinnant's days_from_civil).
func civilDay(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era*146097 + doe - 719468)
}

// bruteOrdered checks time order pair by pair: no transfer may end before
// an earlier one starts.
func bruteOrdered(ts []Transfer, seq []int) bool {
	for i := range seq {
		lo, _ := bruteDays(ts[seq[i]])
		for j := i + 1; j < len(seq); j++ {
			if _, hi := bruteDays(ts[seq[j]]); hi < lo {
				return false
			}
		}
	}
	return true
}

// bruteWalks calls f with every sequence of 1 to maxLen transfers forming
// a directed walk with no repeated actor (a simple path) and no
// self-transfer, found by trying every transfer at every step.
func bruteWalks(ts []Transfer, maxLen int, f func(seq []int)) {
	var rec func(seq, actors []int)
	rec = func(seq, actors []int) {
		if len(seq) > 0 {
			f(seq)
		}
		if len(seq) == maxLen {
			return
		}
		for k, t := range ts {
			if t.From == t.To || (len(seq) > 0 && t.From != actors[len(actors)-1]) {
				continue
			}
			repeated := false
			for _, a := range actors {
				if a == t.To {
					repeated = true
				}
			}
			if repeated {
				continue
			}
			next := actors
			if len(seq) == 0 {
				next = []int{t.From}
			}
			rec(append(append([]int(nil), seq...), k), append(append([]int(nil), next...), t.To))
		}
	}
	rec(nil, nil)
}

var datePool = []string{"", "2001", "2001-02", "2001-03", "2001-03-10", "2001-03-25", "2001-04", "2001-04-02",
	"2001-06", "2001-06-15", "2002"}

// randomTransfers returns m random transfers among n actors, a fifth of
// them mutual (two transfers with one Link), with dates of mixed precision
// from datePool, small amounts and grades (to force ties) and a few
// channels.
func randomTransfers(r *rand.Rand, n, m int) []Transfer {
	var ts []Transfer
	for link := 0; link < m; link++ {
		from, to := r.IntN(n), r.IntN(n)
		if r.IntN(10) == 0 {
			to = from // a self-transfer, to be ignored
		}
		var start, end network.Date
		for {
			start, _ = network.ParseDate(datePool[r.IntN(len(datePool))])
			end = start
			if r.IntN(3) == 0 {
				end, _ = network.ParseDate(datePool[r.IntN(len(datePool))])
			}
			if (network.Interval{Start: start, End: end}).Validate() == nil {
				break
			}
		}
		t := Transfer{From: from, To: to, Link: link, Amount: float64(1 + r.IntN(3)),
			Grade: []float64{0.25, 0.5, 1}[r.IntN(3)], Start: start, End: end,
			Channel: []string{"", "hawala", "crypto", "formal_banking"}[r.IntN(4)]}
		ts = append(ts, t)
		if r.IntN(5) == 0 && from != to {
			t.From, t.To = to, from
			ts = append(ts, t)
		}
	}
	return ts
}

// randomFlags sets each of n flags with probability p.
func randomFlags(r *rand.Rand, n int, p float64) []bool {
	f := make([]bool, n)
	for i := range f {
		f[i] = r.Float64() < p
	}
	return f
}
