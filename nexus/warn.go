package nexus

import (
	"cmp"
	"slices"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// WarnOptions configures Warn and WarnWindows.
type WarnOptions struct {
	// Sectors are the sectors whose meeting makes a link cross-sector;
	// nil means Criminal, Terrorist, Facilitator and State.
	Sectors []network.Sector
	// Top is the number of largest rises reported: 0 means 10, a negative
	// value means every actor whose nexus betweenness rose.
	Top int
}

// CrossLink is a pair of actors of different sectors joined in the later
// snapshot but not in the earlier one.
type CrossLink struct {
	// Actors are the pair's IDs, in the later scope's actor order.
	Actors [2]string
	// Sectors are the two actors' sectors among WarnOptions.Sectors.
	Sectors [2][]network.Sector
	// Links are the IDs of the later network's links joining the pair
	// (kept by the later scope, either direction), increasing: the
	// evidence. Link IDs name links of the later scope's network, whose
	// ends, element and type are at Network().Link(id).
	Links []network.LinkID
}

// Rise is the change of an actor's nexus betweenness between snapshots.
type Rise struct {
	// Actor is the actor's ID.
	Actor string
	// Before and After are its nexus betweenness in the earlier and the
	// later snapshot (0 if absent from the earlier one).
	Before, After float64
	// Increase is After − Before.
	Increase float64
}

// Warning is the outcome of Warn.
type Warning struct {
	// NewLinks are the new cross-sector ties, in the later scope's actor
	// order of the pairs.
	NewLinks []CrossLink
	// NewBrokers are the actors with nexus betweenness above zero in the
	// later snapshot and zero (or absent) in the earlier one, with their
	// later value, by decreasing value, ties in actor order.
	NewBrokers []analysis.Score
	// Rises are the actors whose nexus betweenness rose most, by
	// decreasing increase, ties in actor order; only actual rises
	// (Increase > 0) are listed.
	Rises []Rise
}

// warnEps absorbs rounding in betweenness sums: values at most this are zero.
const warnEps = 1e-9

// Warn compares an earlier and a later snapshot — two scopes, on two
// networks or on two time windows of one (see WarnWindows) — and reports
// early-warning signs of crime–terror convergence:
//
//   - new cross-sector links: pairs of actors joined in the later scope
//     but not in the earlier one (no link between them kept by the scope,
//     in either direction, or one of them absent), where the two actors
//     are of different sectors among WarnOptions.Sectors: there are
//     sectors s of one and t of the other, both in Sectors, with s ≠ t (so
//     a criminal–terrorist hybrid tied to a plain criminal counts; two
//     plain criminals do not);
//   - new brokers: actors whose nexus betweenness (see Betweenness, on
//     each scope) is positive later and zero or absent earlier;
//   - the largest rises of nexus betweenness (an actor absent earlier
//     counts as 0 there).
//
// Actors are matched between the snapshots by ID. It fails if either
// scope's set A or B is empty.
func Warn(before, after *analysis.Scope, opts WarnOptions) (Warning, error) {
	sectors := opts.Sectors
	if sectors == nil {
		sectors = []network.Sector{network.Criminal, network.Terrorist, network.Facilitator, network.State}
	}
	for _, s := range sectors {
		if !s.Valid() {
			return Warning{}, errorf("warn: invalid sector %d", s)
		}
	}
	bb, err := Betweenness(before)
	if err != nil {
		return Warning{}, errorf("warn: earlier snapshot: %w", err)
	}
	ab, err := Betweenness(after)
	if err != nil {
		return Warning{}, errorf("warn: later snapshot: %w", err)
	}

	var w Warning
	// New cross-sector links.
	joined := func(x, y string) bool {
		i, okx := before.Index(x)
		j, oky := before.Index(y)
		return okx && oky && len(before.LinksBetween(i, j)) > 0
	}
	sectorsOf := func(a network.Actor) []network.Sector {
		var out []network.Sector
		for _, s := range a.AllSectors() {
			if slices.Contains(sectors, s) {
				out = append(out, s)
			}
		}
		return out
	}
	for u := range after.Len() {
		for _, v := range after.Neighbours(u) {
			x, y := after.ActorID(u), after.ActorID(v)
			if v < u || joined(x, y) {
				continue
			}
			sx, sy := sectorsOf(after.Actor(u)), sectorsOf(after.Actor(v))
			cross := false
			for _, s := range sx {
				for _, t := range sy {
					cross = cross || s != t
				}
			}
			if cross {
				w.NewLinks = append(w.NewLinks, CrossLink{Actors: [2]string{x, y}, Sectors: [2][]network.Sector{sx, sy},
					Links: after.LinksBetween(u, v)})
			}
		}
	}
	// New brokers and rises, in the later scope's actor order.
	for _, s := range ab.All() {
		p, _ := bb.Value(s.Actor)
		if s.Value > warnEps && p <= warnEps {
			w.NewBrokers = append(w.NewBrokers, s)
		}
		if s.Value-p > warnEps {
			w.Rises = append(w.Rises, Rise{Actor: s.Actor, Before: p, After: s.Value, Increase: s.Value - p})
		}
	}
	slices.SortStableFunc(w.NewBrokers, func(x, y analysis.Score) int { return cmp.Compare(y.Value, x.Value) })
	slices.SortStableFunc(w.Rises, func(x, y Rise) int { return cmp.Compare(y.Increase, x.Increase) })
	top := opts.Top
	if top == 0 {
		top = 10
	}
	if top > 0 && len(w.Rises) > top {
		w.Rises = w.Rises[:top]
	}
	return w, nil
}

// WarnWindows runs Warn on two time windows of the scope: the earlier
// snapshot keeps the links active in [from1, to1], the later one those
// active in [from2, to2] (see network.ViewOptions From and To; a zero date
// is an open end); every other option of the scope applies to both. The
// scope's own window is replaced, and its view must not set At.
func WarnWindows(s *analysis.Scope, from1, to1, from2, to2 network.Date, opts WarnOptions) (Warning, error) {
	v := s.Options().View
	if !v.At.IsZero() {
		return Warning{}, errorf("warn: the scope's view sets At, which cannot be combined with time windows")
	}
	v.From, v.To = from1, to1
	before, err := s.WithView(v)
	if err != nil {
		return Warning{}, errorf("warn: earlier window: %w", err)
	}
	v.From, v.To = from2, to2
	after, err := s.WithView(v)
	if err != nil {
		return Warning{}, errorf("warn: later window: %w", err)
	}
	return Warn(before, after, opts)
}
