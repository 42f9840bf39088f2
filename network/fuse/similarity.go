package fuse

// Jaro returns the Jaro similarity of a and b (Jaro 1989): with m the
// number of matching characters (equal characters no further apart than
// ⌊max(|a|,|b|)/2⌋ − 1) and t half the number of matched characters out
// of order,
//
//	jaro = (m/|a| + m/|b| + (m − t)/m) / 3,
//
// and 0 when m = 0. Two empty strings have similarity 1.
func Jaro(a, b string) float64 { return jaro([]rune(a), []rune(b)) }

// JaroWinkler returns the Jaro–Winkler similarity of a and b (Winkler
// 1990): the Jaro similarity j raised by the common prefix of length ℓ
// (at most 4) with the prefix scale p = 0.1,
//
//	jw = j + ℓ·p·(1 − j),
//
// applied, as in Winkler's comparator, only when j exceeds 0.7. The
// values of Winkler's examples: MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.840,
// DIXON/DICKSONX 0.813.
func JaroWinkler(a, b string) float64 { return jaroWinkler([]rune(a), []rune(b)) }

const (
	winklerScale     = 0.1
	winklerMaxPrefix = 4
	winklerThreshold = 0.7
)

func jaroWinkler(a, b []rune) float64 {
	j := jaro(a, b)
	if j <= winklerThreshold {
		return j
	}
	l := 0
	for l < len(a) && l < len(b) && l < winklerMaxPrefix && a[l] == b[l] {
		l++
	}
	return j + float64(l)*winklerScale*(1-j)
}

func jaro(a, b []rune) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	window := len(b)/2 - 1
	if window < 0 {
		window = 0
	}
	var small [64]bool
	var matchedB []bool
	if len(b) <= len(small) {
		matchedB = small[:len(b)]
	} else {
		matchedB = make([]bool, len(b))
	}
	var smallA [64]int32
	var order []int32 // positions in a of matched characters, in a's order
	if len(a) <= len(smallA) {
		order = smallA[:0]
	}
	m := 0
	for i, r := range a {
		lo, hi := max(0, i-window), min(len(b)-1, i+window)
		for k := lo; k <= hi; k++ {
			if !matchedB[k] && b[k] == r {
				matchedB[k] = true
				order = append(order, int32(i))
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	// Transpositions: the matched characters of a in order against those
	// of b in order.
	t, n := 0, 0
	for k, ok := range matchedB {
		if ok {
			if a[order[n]] != b[k] {
				t++
			}
			n++
		}
	}
	fm := float64(m)
	return (fm/float64(len(a)) + fm/float64(len(b)) + (fm-float64(t)/2)/fm) / 3
}

// TokenSet returns the symmetric Monge–Elkan similarity of two token
// lists with Jaro–Winkler as the inner comparator (Monge and Elkan 1996):
// the mean, over the tokens of each list, of the best Jaro–Winkler
// similarity to a token of the other list, averaged over the two
// directions. It ignores token order and tolerates a typo in a token;
// a name with an extra token scores below 1. Within a name comparison,
// two tokens score the better of their canonical forms (after the
// variant table) and their folded forms before it, so that a typo in a
// variant ("Mohamd") is not judged against the canonical form only.
// Two empty lists score 1,
// one empty list 0.
func TokenSet(a, b []string) float64 {
	ra := make([][]rune, len(a))
	for i, t := range a {
		ra[i] = []rune(t)
	}
	rb := make([][]rune, len(b))
	for i, t := range b {
		rb[i] = []rune(t)
	}
	return tokenSet(ra, rb)
}

func tokenSet(a, b [][]rune) float64 { return tokenSet2(a, a, b, b) }

// tokenSet2 is tokenSet where two tokens' similarity is the larger of
// that of the canonical tokens (a, b) and that of the raw tokens (ra,
// rb, parallel to a and b).
func tokenSet2(a, ra, b, rb [][]rune) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return (mongeElkan(a, ra, b, rb) + mongeElkan(b, rb, a, ra)) / 2
}

// sameRunes reports whether two slices are the same memory (a token and
// its raw form not distinct).
func sameRunes(a, b []rune) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func mongeElkan(a, ra, b, rb [][]rune) float64 {
	sum := 0.0
	for i, x := range a {
		best := 0.0
		for j, y := range b {
			s := jaroWinkler(x, y)
			if s < 1 && (!sameRunes(ra[i], x) || !sameRunes(rb[j], y)) {
				s = max(s, jaroWinkler(ra[i], rb[j]))
			}
			if s > best {
				best = s
				if best == 1 {
					break
				}
			}
		}
		sum += best
	}
	return sum / float64(len(a))
}

// nameSimilarity is the similarity of two normalised names: 0 when either
// has no token (a name of punctuation alone), 1 when their
// sorted tokens are equal, else TokenSet of their tokens and, when the
// names have different numbers of tokens (a name split or glued:
// "Abu Bakar", "Abubakar"), the larger of that and the Jaro–Winkler
// similarity of the sorted tokens written without spaces, if these
// differ in length by two letters at most. It is 0 when
// both names carry digits and the digits differ (numbered names such as
// "Umar1", "Umar2" are different people). The whole-string comparison
// is not used for names of equal token counts because a shared leading
// token dominates it ("giuseppe manno", "giuseppe minniti": 0.93).
func nameSimilarity(a, b *name) float64 {
	if len(a.toks) == 0 || len(b.toks) == 0 || a.digits != "" && b.digits != "" && a.digits != b.digits {
		return 0
	}
	if a.sorted == b.sorted {
		return 1
	}
	s := tokenSet2(a.toks, a.raws, b.toks, b.raws)
	if len(a.toks) != len(b.toks) && abs(len(a.glued)-len(b.glued)) <= 2 {
		if j := jaroWinkler(a.glued, b.glued); j > s {
			s = j
		}
	}
	return s
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
