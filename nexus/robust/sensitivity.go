package robust

import (
	"fmt"
	"slices"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// Level is one grade threshold of the Admiralty (NATO 6×6) system: the
// grades that share one confidence (network.Grade.Confidence).
type Level struct {
	// Confidence is the grades' confidence, Grade.Confidence.
	Confidence float64
	// Grades are the Admiralty grades of that confidence, in A1 … F6 order
	// (letters first), e.g. B1 and A2 at 0.8.
	Grades []network.Grade
}

// Levels returns the distinct confidence levels of the 36 Admiralty grades
// A1 … F6, from the lowest (E5, 0.04) to the highest (A1, 1). There are
// 18. Confidences that differ by less than 1e-9 (rounding: D4 is 0.4 × 0.4,
// E2 0.2 × 0.8) are one level, whose Confidence is the smallest of them, so
// that a threshold at it keeps every grade of the level. Grades of the UK
// 5×5×5 and 3×5×2 systems and ungraded links (network.UngradedConfidence,
// the level of F6) fall on these levels too, since every system scores
// reliability and credibility from the same values.
func Levels() []Level {
	var grades []network.Grade
	for _, s := range "ABCDEF" {
		for _, c := range "123456" {
			grades = append(grades, network.MustParseGrade(string(s)+string(c)))
		}
	}
	byConf := slices.Clone(grades)
	slices.SortStableFunc(byConf, func(a, b network.Grade) int {
		switch {
		case a.Confidence() < b.Confidence():
			return -1
		case a.Confidence() > b.Confidence():
			return 1
		}
		return 0
	})
	var out []Level
	for _, g := range byConf {
		c := g.Confidence()
		if k := len(out) - 1; k >= 0 && c-out[k].Confidence < 1e-9 {
			out[k].Grades = append(out[k].Grades, g)
			continue
		}
		out = append(out, Level{Confidence: c, Grades: []network.Grade{g}})
	}
	for i := range out {
		slices.SortFunc(out[i].Grades, func(a, b network.Grade) int {
			return slices.Index(grades, a) - slices.Index(grades, b)
		})
	}
	return out
}

// threshold returns the grade of the level whose confidence is the lowest,
// the MinGrade that keeps the whole level.
func (l Level) threshold() network.Grade {
	g := l.Grades[0]
	for _, h := range l.Grades[1:] {
		if h.Confidence() < g.Confidence() {
			g = h
		}
	}
	return g
}

// SensitivityOptions configure Sensitivity.
type SensitivityOptions struct {
	// K is the size of the top group listed at each level (at least 1).
	K int
	// Workers is the number of goroutines the levels are spread over; 0
	// means GOMAXPROCS. Results do not depend on it.
	Workers int
}

// Threshold is the ranking at one grade threshold.
type Threshold struct {
	Level
	// MinGrade is the threshold applied: the grade of the level whose
	// confidence is Confidence (or, if stricter, the scope's own
	// MinGrade).
	MinGrade network.Grade
	// Links is the number of the scope's links kept at this threshold
	// (links between two distinct actors; see Sensitivity) and Dropped the
	// number left out.
	Links, Dropped int
	// Scores is the ranking at this threshold.
	Scores analysis.Scores
	// First are the first actors and Top the top k (in actor order; see
	// the package documentation); TopRanked lists the top k by rank.
	First, Top []string
	TopRanked  []analysis.Score
	// SameFirst reports whether First equals the full scope's.
	SameFirst bool
	// Tau is Kendall's τ-b between these scores and the full scope's (NaN
	// if undefined).
	Tau float64
}

// SensitivityResult is the outcome of Sensitivity.
type SensitivityResult struct {
	// Measure is the measure's name and K the size of the top group.
	Measure string
	K       int
	// Links is the number of the scope's links between distinct actors.
	Links int
	// Full is the ranking on the scope with all its links, FullFirst its
	// first actors and FullTop its top k.
	Full      analysis.Scores
	FullFirst []string
	FullTop   []string
	// Thresholds are the rankings from the loosest level to the strictest
	// (A1), one per Admiralty confidence level at or above the scope's
	// own MinGrade.
	Thresholds []Threshold
	// ChangesAt is the index in Thresholds of the loosest threshold at
	// which the first actors differ from FullFirst — the grade of evidence
	// at which the conclusion changes: it holds at every threshold below
	// it — or −1 if they never differ.
	ChangesAt int
}

// Sensitivity recomputes the measure as links below each grade threshold
// are dropped: for every Admiralty confidence level (Levels) from the
// loosest to A1, on the scope whose minimum grade is that level
// (network.ViewOptions.MinGrade: links whose Grade.Confidence is at least
// the level's, ungraded links counting as network.UngradedConfidence, the
// level of F6), it ranks the actors and lists the links kept, the first
// actors and the top k, and finds the loosest threshold at which the
// first actors change. Levels below the scope's own MinGrade are left out
// (the scope already drops those links).
//
// It fails if m has no Rank function, K is below 1, the scope has no
// actor, or the measure fails.
func Sensitivity(s *analysis.Scope, m Measure, opts SensitivityOptions) (SensitivityResult, error) {
	if err := m.check(); err != nil {
		return SensitivityResult{}, err
	}
	if opts.K < 1 {
		return SensitivityResult{}, errorf("sensitivity: k (the size of the top group) must be at least 1, got %d", opts.K)
	}
	e, err := newEvidence(s)
	if err != nil {
		return SensitivityResult{}, err
	}
	full, err := m.values(s)
	if err != nil {
		return SensitivityResult{}, err
	}
	fr := rankOf(full, opts.K)
	res := SensitivityResult{Measure: m.Name, K: opts.K, Links: len(e.links), Full: s.Scores(full),
		FullFirst: ids(s, fr.first), FullTop: ids(s, members(fr.topK)), ChangesAt: -1}
	own := s.Options().View.MinGrade
	ownConf := 0.0
	if !own.IsZero() {
		ownConf = own.Confidence()
	}
	for _, l := range Levels() {
		if l.Confidence < ownConf-1e-9 {
			continue
		}
		t := Threshold{Level: l, MinGrade: l.threshold()}
		if t.MinGrade.Confidence() < ownConf {
			t.MinGrade = own
		}
		res.Thresholds = append(res.Thresholds, t)
	}
	err = parallel(len(res.Thresholds), opts.Workers, func(i int) error {
		t := &res.Thresholds[i]
		min := t.MinGrade.Confidence()
		sub, err := e.scope(func(j int) bool { return e.links[j].Grade.Confidence() >= min })
		if err != nil {
			return errorf("sensitivity at %s: %w", t.MinGrade, err)
		}
		v, err := m.values(sub)
		if err != nil {
			return fmt.Errorf("sensitivity at %s: %w", t.MinGrade, err)
		}
		for _, l := range e.links {
			if l.Grade.Confidence() >= min {
				t.Links++
			}
		}
		t.Dropped = len(e.links) - t.Links
		t.Scores = s.Scores(v)
		r := rankOf(v, opts.K)
		t.First, t.Top = ids(s, r.first), ids(s, members(r.topK))
		t.TopRanked = topRanked(t.Scores, r.topK, s)
		t.SameFirst = slices.Equal(t.First, res.FullFirst)
		t.Tau = KendallTau(v, full)
		return nil
	})
	if err != nil {
		return SensitivityResult{}, err
	}
	for i, t := range res.Thresholds {
		if !t.SameFirst {
			res.ChangesAt = i
			break
		}
	}
	return res, nil
}

// topRanked returns the members of the top k by rank (Scores.Ranked).
func topRanked(sc analysis.Scores, topK []bool, s *analysis.Scope) []analysis.Score {
	var out []analysis.Score
	for _, x := range sc.Ranked() {
		if i, ok := s.Index(x.Actor); ok && topK[i] {
			out = append(out, x)
		}
	}
	return out
}
