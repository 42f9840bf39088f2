package nexus

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/illicitnet/illicit/network"
)

// WarnOptions configures Warn and WarnWindows.
type WarnOptions struct {
	// View selects the actors and links of both snapshots (see
	// network.ViewOptions). WarnWindows replaces its From and To.
	View network.ViewOptions
	// Sectors are the sectors whose meeting makes a link cross-sector;
	// nil means Criminal, Terrorist, Facilitator and State.
	Sectors []network.Sector
	// SectorA, SectorB, Directed and Weighted say how nexus betweenness
	// is measured, as in Options (default: criminal → terrorist,
	// undirected, unweighted).
	SectorA, SectorB   network.Sector
	Directed, Weighted bool
	// Top is the number of largest rises reported: 0 means 10, a negative
	// value means every actor whose nexus betweenness rose.
	Top int
}

// CrossLink is a pair of actors of different sectors joined in the later
// snapshot but not in the earlier one.
type CrossLink struct {
	// From and To are the pair's actor IDs, in the later network's actor
	// order.
	From, To string
	// FromSectors and ToSectors are the actors' sectors among
	// WarnOptions.Sectors.
	FromSectors, ToSectors []network.Sector
	// Links are the IDs of the later network's links joining the pair
	// (kept by the view), in link order: the evidence.
	Links []network.LinkID
}

// Rise is the change of an actor's nexus betweenness between snapshots.
type Rise struct {
	// ID is the actor's ID.
	ID string
	// Before and After are its nexus betweenness in the earlier and the
	// later snapshot (0 if absent from the earlier one).
	Before, After float64
	// Increase is After − Before.
	Increase float64
}

// Warning is the outcome of Warn.
type Warning struct {
	// NewLinks are the new cross-sector ties, in the later view's edge
	// order (by the pair's actor order).
	NewLinks []CrossLink
	// NewBrokers are the actors with nexus betweenness above zero in the
	// later snapshot and zero (or absent) in the earlier one, with their
	// later value, by decreasing value, ties by ID.
	NewBrokers []ActorScore
	// Rises are the actors whose nexus betweenness rose most, by
	// decreasing increase, ties by ID; only actual rises (Increase > 0)
	// are listed.
	Rises []Rise
}

// warnEps absorbs rounding in betweenness sums: values at most this are zero.
const warnEps = 1e-9

// Warn compares an earlier and a later snapshot of a network — two
// networks, or two time windows of one (see WarnWindows) — and reports
// early-warning signs of crime–terror convergence:
//
//   - new cross-sector links: pairs of actors joined in the later view but
//     not in the earlier one (no link between them kept by the view, in
//     either direction, or one of them absent), where the two actors are
//     of different sectors among WarnOptions.Sectors: there are sectors
//     s of one and t of the other, both in Sectors, with s ≠ t (so a
//     criminal–terrorist hybrid tied to a plain criminal counts; two
//     plain criminals do not);
//   - new brokers: actors whose nexus betweenness (see Betweenness) is
//     positive in the later view and zero or absent in the earlier one;
//   - the largest rises of nexus betweenness (an actor absent earlier
//     counts as 0 there).
//
// Actors are matched between the snapshots by ID. The view options apply
// to both snapshots.
func Warn(before, after *network.Network, opts WarnOptions) (Warning, error) {
	if before == nil || after == nil {
		return Warning{}, fmt.Errorf("nexus: nil network")
	}
	return warn(before, opts.View, after, opts.View, opts)
}

// WarnWindows runs Warn on two time windows of one network: the earlier
// snapshot keeps the links active in [from1, to1], the later one those
// active in [from2, to2] (see network.ViewOptions From and To; a zero date
// is an open end). Link IDs in the result are n's. opts.View.At must be
// unset.
func WarnWindows(n *network.Network, from1, to1, from2, to2 network.Date, opts WarnOptions) (Warning, error) {
	if n == nil {
		return Warning{}, fmt.Errorf("nexus: nil network")
	}
	if !opts.View.At.IsZero() {
		return Warning{}, fmt.Errorf("nexus: WarnWindows: View.At cannot be combined with time windows")
	}
	v1, v2 := opts.View, opts.View
	v1.From, v1.To = from1, to1
	v2.From, v2.To = from2, to2
	return warn(n, v1, n, v2, opts)
}

func warn(before *network.Network, bv network.ViewOptions, after *network.Network, av network.ViewOptions, opts WarnOptions) (Warning, error) {
	sectors := opts.Sectors
	if sectors == nil {
		sectors = []network.Sector{network.Criminal, network.Terrorist, network.Facilitator, network.State}
	}
	for _, s := range sectors {
		if !s.Valid() {
			return Warning{}, fmt.Errorf("nexus: invalid sector %d", s)
		}
	}
	bu, err := before.UndirectedView(bv)
	if err != nil {
		return Warning{}, fmt.Errorf("nexus: earlier snapshot: %w", err)
	}
	au, err := after.UndirectedView(av)
	if err != nil {
		return Warning{}, fmt.Errorf("nexus: later snapshot: %w", err)
	}
	bopts := Options{View: bv, Directed: opts.Directed, Weighted: opts.Weighted, SectorA: opts.SectorA, SectorB: opts.SectorB}
	aopts := bopts
	aopts.View = av
	bb, err := Betweenness(before, bopts)
	if err != nil {
		return Warning{}, fmt.Errorf("nexus: earlier snapshot: %w", err)
	}
	ab, err := Betweenness(after, aopts)
	if err != nil {
		return Warning{}, fmt.Errorf("nexus: later snapshot: %w", err)
	}

	var w Warning
	// New cross-sector links.
	type pair struct{ x, y string }
	old := make(map[pair]bool)
	for _, e := range bu.Edges() {
		x, y := e.F.ActorID(), e.T.ActorID()
		old[pair{x, y}], old[pair{y, x}] = true, true
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
	for _, e := range au.Edges() {
		x, y := e.F.ActorID(), e.T.ActorID()
		if old[pair{x, y}] {
			continue
		}
		ax, _ := au.Actor(e.F.ID())
		ay, _ := au.Actor(e.T.ID())
		sx, sy := sectorsOf(ax), sectorsOf(ay)
		cross := false
		for _, s := range sx {
			for _, t := range sy {
				cross = cross || s != t
			}
		}
		if cross {
			w.NewLinks = append(w.NewLinks, CrossLink{From: x, To: y, FromSectors: sx, ToSectors: sy,
				Links: slices.Clone(e.Links())})
		}
	}
	// New brokers and rises.
	prev := make(map[string]float64, len(bb.Scores))
	for _, s := range bb.Scores {
		prev[s.ID] = s.Value
	}
	for _, s := range ab.Scores {
		p := prev[s.ID]
		if s.Value > warnEps && p <= warnEps {
			w.NewBrokers = append(w.NewBrokers, s)
		}
		if s.Value-p > warnEps {
			w.Rises = append(w.Rises, Rise{ID: s.ID, Before: p, After: s.Value, Increase: s.Value - p})
		}
	}
	w.NewBrokers = Rank(w.NewBrokers)
	slices.SortStableFunc(w.Rises, func(x, y Rise) int {
		if c := cmp.Compare(y.Increase, x.Increase); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
	top := opts.Top
	if top == 0 {
		top = 10
	}
	if top > 0 && len(w.Rises) > top {
		w.Rises = w.Rises[:top]
	}
	return w, nil
}
