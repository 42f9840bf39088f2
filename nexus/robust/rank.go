package robust

import (
	"cmp"
	"math"
	"slices"
)

// ranking is what the analyses read off one run's scores: the first
// actors and the top-k set (see the package documentation, "Who is
// first").
type ranking struct {
	first []int  // indices of the actors at the maximum, increasing; nil if none
	topK  []bool // membership of the top k
	max   float64
}

// rankOf finds the first actors and the top k of values. NaN and
// infinite values rank nowhere. When every ranked value is equal (or none
// is finite) nobody is first or in the top k: nothing tells the actors
// apart. Otherwise the first actors are those at the maximum and the top k
// those with fewer than k actors strictly above them and a value strictly
// above the minimum.
func rankOf(values []float64, k int) ranking {
	r := ranking{topK: make([]bool, len(values)), max: math.NaN()}
	var finite []float64
	for _, v := range values {
		if isFinite(v) {
			finite = append(finite, v)
		}
	}
	if len(finite) == 0 {
		return r
	}
	slices.SortFunc(finite, func(a, b float64) int { return cmp.Compare(b, a) })
	hi, lo := finite[0], finite[len(finite)-1]
	r.max = hi
	if hi == lo {
		return r
	}
	kth := finite[min(k, len(finite))-1] // the k-th largest, ties counted apart
	for i, v := range values {
		if !isFinite(v) {
			continue
		}
		if v == hi {
			r.first = append(r.first, i)
		}
		// Fewer than k above v ⇔ v ≥ the k-th largest.
		r.topK[i] = v >= kth && v > lo
	}
	return r
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// KendallTau returns Kendall's τ-b rank correlation of x and y (Kendall
// 1945), which corrects τ for ties in either ranking:
//
//	τ_b = (n_c − n_d) / √((n₀ − n₁)(n₀ − n₂))
//
// where, over the n₀ = n(n−1)/2 pairs of positions (i, j), n_c pairs are
// concordant (x and y differ in the same direction), n_d discordant
// (opposite directions), n₁ are tied in x and n₂ tied in y (pairs tied in
// both count in both). Positions where x or y is NaN or infinite are left
// out. τ_b is NaN — undefined — when fewer than two positions remain or
// either ranking is constant. It equals scipy.stats.kendalltau's default
// (variant "b"). It runs in O(n log n) time by Knight's (1966) merge sort
// method. It panics if the lengths differ.
func KendallTau(x, y []float64) float64 {
	if len(x) != len(y) {
		panic("robust: KendallTau of slices of different lengths")
	}
	type pair struct{ x, y float64 }
	ps := make([]pair, 0, len(x))
	for i := range x {
		if isFinite(x[i]) && isFinite(y[i]) {
			ps = append(ps, pair{x[i], y[i]})
		}
	}
	n := int64(len(ps))
	if n < 2 {
		return math.NaN()
	}
	slices.SortFunc(ps, func(a, b pair) int {
		if c := cmp.Compare(a.x, b.x); c != 0 {
			return c
		}
		return cmp.Compare(a.y, b.y)
	})
	n0 := n * (n - 1) / 2
	// Ties in x (n1) and in both (n3), from the runs of the sorted pairs.
	var n1, n3 int64
	for i := 0; i < len(ps); {
		j := i
		for j < len(ps) && ps[j].x == ps[i].x {
			j++
		}
		t := int64(j - i)
		n1 += t * (t - 1) / 2
		for a := i; a < j; {
			b := a
			for b < j && ps[b].y == ps[a].y {
				b++
			}
			u := int64(b - a)
			n3 += u * (u - 1) / 2
			a = b
		}
		i = j
	}
	// Sort the y's by merge sort, counting the exchanges: the pairs that
	// are discordant (strictly out of order in y while ordered in x; pairs
	// tied in x are already ordered by y and never exchanged).
	ys := make([]float64, len(ps))
	for i, p := range ps {
		ys[i] = p.y
	}
	swaps := mergeCount(ys, make([]float64, len(ys)))
	var n2 int64
	for i := 0; i < len(ys); {
		j := i
		for j < len(ys) && ys[j] == ys[i] {
			j++
		}
		t := int64(j - i)
		n2 += t * (t - 1) / 2
		i = j
	}
	if n0 == n1 || n0 == n2 {
		return math.NaN()
	}
	// n_c − n_d = (n0 − n1 − n2 + n3) − 2 n_d.
	s := float64(n0-n1-n2+n3) - 2*float64(swaps)
	return s / math.Sqrt(float64(n0-n1)) / math.Sqrt(float64(n0-n2))
}

// mergeCount sorts a in increasing order and returns the number of pairs
// i < j with a[i] > a[j] (strict inversions); buf has a's length.
func mergeCount(a, buf []float64) int64 {
	if len(a) < 2 {
		return 0
	}
	m := len(a) / 2
	c := mergeCount(a[:m], buf[:m]) + mergeCount(a[m:], buf[m:])
	i, j, k := 0, m, 0
	for i < m && j < len(a) {
		if a[j] < a[i] {
			buf[k] = a[j]
			c += int64(m - i)
			j++
		} else {
			buf[k] = a[i]
			i++
		}
		k++
	}
	k += copy(buf[k:], a[i:m])
	copy(buf[k:], a[j:])
	copy(a, buf)
	return c
}

// Percentile returns the p-quantile (0 ≤ p ≤ 1) of the sorted values, by
// linear interpolation between the closest ranks (Hyndman & Fan's 1996
// definition 7, the default of R's quantile and NumPy's percentile): with
// h = (n−1)p, it is x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), x indexed from
// 0. It is NaN for no values.
func Percentile(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	h := float64(n-1) * p
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return sorted[n-1]
	}
	if lo < 0 {
		return sorted[0]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}
