package robust

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// CriticalityOptions configure Criticality.
type CriticalityOptions struct {
	// K is the size of the top group (at least 1).
	K int
	// Workers is the number of goroutines the links are spread over; 0
	// means GOMAXPROCS. Results do not depend on it.
	Workers int
}

// CriticalLink is a link whose removal alone changes the conclusion.
type CriticalLink struct {
	// Link is the link, with its Source and Grade: the report the
	// conclusion rests on.
	Link network.Link
	// ChangesFirst reports whether the first actors without the link
	// differ from the full scope's; First are the first actors without it.
	ChangesFirst bool
	First        []string
	// Dropped are the actors of the full scope's top k that are no longer
	// in it without the link, and Entered those that come into it (in
	// actor order).
	Dropped, Entered []string
	// TopScore is the score, without the link, of the actor ranked first on
	// the full scope (the first of FullFirst), and Drop its fall: the full
	// score minus TopScore (negative if it rises).
	TopScore, Drop float64
}

// CriticalityResult is the outcome of Criticality.
type CriticalityResult struct {
	// Measure is the measure's name and K the size of the top group.
	Measure string
	K       int
	// Full is the ranking on the scope with all its links, FullFirst its
	// first actors, FullTop its top k and FullScore the score of the first
	// of FullFirst (NaN if none).
	Full      analysis.Scores
	FullFirst []string
	FullTop   []string
	FullScore float64
	// Tested is the number of links removed in turn (the scope's links
	// between distinct actors).
	Tested int
	// Links are the critical links, most critical first (see Criticality).
	Links []CriticalLink
}

// Criticality removes every link of the scope alone and recomputes the
// measure, and returns the links whose single removal changes the first
// actors or drops an actor from the top k — "this conclusion rests on
// these reports" — each with its source and grade. They are ranked: first
// the links that change the first actors, then by the number of actors
// dropped from the top k (more first), then by the fall of the first
// actor's score (larger first), then in link order.
//
// A link is removed as a report: when several links (reports) join the
// same pair, removing one leaves the tie, weakened under weighted
// aggregations, so a corroborated tie is rarely critical. Links are
// spread over opts.Workers goroutines; the result does not depend on
// their number. It fails if m has no Rank function, K is below 1, the
// scope has no actor, or the measure fails (the error of the first link,
// in link order, whose removal it failed on).
func Criticality(s *analysis.Scope, m Measure, opts CriticalityOptions) (CriticalityResult, error) {
	if err := m.check(); err != nil {
		return CriticalityResult{}, err
	}
	if opts.K < 1 {
		return CriticalityResult{}, errorf("criticality: k (the size of the top group) must be at least 1, got %d", opts.K)
	}
	e, err := newEvidence(s)
	if err != nil {
		return CriticalityResult{}, err
	}
	full, err := m.values(s)
	if err != nil {
		return CriticalityResult{}, err
	}
	fr := rankOf(full, opts.K)
	res := CriticalityResult{Measure: m.Name, K: opts.K, Full: s.Scores(full), Tested: len(e.links),
		FullFirst: ids(s, fr.first), FullTop: ids(s, members(fr.topK)), FullScore: fr.max}
	lead := -1
	if len(fr.first) > 0 {
		lead = fr.first[0]
		res.FullScore = full[lead]
	}
	found := make([]*CriticalLink, len(e.links))
	err = parallel(len(e.links), opts.Workers, func(j int) error {
		sub, err := e.scope(func(i int) bool { return i != j })
		if err != nil {
			return errorf("criticality without link %d: %w", e.links[j].ID, err)
		}
		v, err := m.values(sub)
		if err != nil {
			return fmt.Errorf("criticality without link %d: %w", e.links[j].ID, err)
		}
		r := rankOf(v, opts.K)
		c := CriticalLink{Link: e.links[j], First: ids(s, r.first), ChangesFirst: !slices.Equal(r.first, fr.first)}
		for i := range v {
			switch {
			case fr.topK[i] && !r.topK[i]:
				c.Dropped = append(c.Dropped, s.ActorID(i))
			case !fr.topK[i] && r.topK[i]:
				c.Entered = append(c.Entered, s.ActorID(i))
			}
		}
		if !c.ChangesFirst && len(c.Dropped) == 0 {
			return nil
		}
		if lead >= 0 {
			c.TopScore = v[lead]
			c.Drop = full[lead] - v[lead]
		}
		found[j] = &c
		return nil
	})
	if err != nil {
		return CriticalityResult{}, err
	}
	for _, c := range found {
		if c != nil {
			res.Links = append(res.Links, *c)
		}
	}
	// Stable: ties stay in link order.
	slices.SortStableFunc(res.Links, func(a, b CriticalLink) int {
		if a.ChangesFirst != b.ChangesFirst {
			if a.ChangesFirst {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(len(b.Dropped), len(a.Dropped)); c != 0 {
			return c
		}
		return cmp.Compare(b.Drop, a.Drop)
	})
	return res, nil
}
