package report

import (
	"cmp"
	"slices"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/nexus/robust"
)

// The bounds of the robustness stage: Monte Carlo runs, and the sizes
// above which its two analyses are left out (each run, and each link of
// the criticality, recomputes nexus betweenness).
const (
	robustRuns        = 200
	robustMaxActors   = 3000
	robustMaxCritical = 1500
)

// robustness runs the Monte Carlo and the criticality of the
// nexus-betweenness ranking at organisation level.
func (b *builder) robustness() error {
	if !b.setsOK || b.r.Scope.Links == 0 {
		return nil
	}
	s := b.org
	graded, links := 0, 0
	for l := range b.n.LinksSeq() {
		if s.Keeps(l) && l.From != l.To {
			links++
			if !l.Grade.IsZero() {
				graded++
			}
		}
	}
	switch {
	case graded == 0:
		b.note("Robustness: no link is graded, so the grades say nothing about how sure the ranking is.")
		return nil
	case s.Len() > robustMaxActors:
		b.note("Robustness: %d actors at organisation level; the Monte Carlo over the grades is left out above %d (analyze robust runs it).", s.Len(), robustMaxActors)
		return nil
	}
	k := min(5, s.Len())
	// The full scope's nexus betweenness is the rankings' (b.nexusBC):
	// not computed again.
	full := robust.NexusBetweenness()
	m := robust.Measure{Name: full.Name, Rank: func(x *analysis.Scope) (analysis.Scores, error) {
		if x == s {
			return *b.nexusBC, nil
		}
		return full.Rank(x)
	}}
	mc, err := robust.MonteCarlo(s, m, robust.MonteCarloOptions{Runs: robustRuns, Seed: b.opts.Seed, K: k})
	if err != nil {
		return err
	}
	rb := &Robustness{Measure: mc.Measure, Runs: mc.Runs, Seed: mc.Seed, K: k, PFullFirst: mc.PFullFirst, Actors: []RobustActor{}}
	if mc.Tau.Undefined < mc.Runs {
		tau := mc.Tau.Mean
		rb.TauMean = &tau
	}
	for _, a := range mc.Actors {
		if a.PFirst == 0 && !slices.Contains(mc.FullTop, a.Actor) {
			continue
		}
		r := b.ref(a.Actor)
		rb.Actors = append(rb.Actors, RobustActor{ID: r.ID, Name: r.Name, Full: a.Full, FullRank: a.FullRank, Mean: a.Mean,
			Low: a.Low, High: a.High, PFirst: a.PFirst, PTop: a.PTop})
	}
	slices.SortStableFunc(rb.Actors, func(x, y RobustActor) int {
		if c := cmp.Compare(y.PFirst, x.PFirst); c != 0 {
			return c
		}
		return cmp.Compare(x.FullRank, y.FullRank)
	})
	if links <= robustMaxCritical {
		cr, err := robust.Criticality(s, m, robust.CriticalityOptions{K: k})
		if err != nil {
			return err
		}
		rb.Critical = []CriticalLink{}
		for _, c := range cr.Links {
			rb.Critical = append(rb.Critical, CriticalLink{Link: b.cite([]network.LinkID{c.Link.ID})[0], ChangesFirst: c.ChangesFirst,
				First: b.refs(c.First), Dropped: b.refs(c.Dropped), Entered: b.refs(c.Entered)})
		}
	} else {
		b.note("Robustness: %d links; the criticality of each link is left out above %d (analyze robust runs it).", links, robustMaxCritical)
	}
	b.r.Robustness = rb
	return nil
}
