package assess

import (
	"slices"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// The default link types of coverage and presence.
var (
	// DefaultCoverageTypes are the link types by which a counter body
	// reaches what it covers.
	DefaultCoverageTypes = []string{"operates_in", "monitors", "investigates", "interdicts", "funds_programme_in", "partners_with"}
	// DefaultPresenceTypes are the link types that put an actor at a place.
	DefaultPresenceTypes = []string{"located_at", "operates_in"}
)

// CoverageOptions configure Coverage.
type CoverageOptions struct {
	// Types are the coverage link types; nil means DefaultCoverageTypes.
	Types []string
	// Presence are the link types from an actor to a place that put the
	// actor at the place; nil means DefaultPresenceTypes.
	Presence []string
	// Steps is how far a body reaches through places: a place it is
	// linked to directly is at step 1, a place joined to a place at step
	// d by a link of the scope is at step d+1, and a body covers the places
	// up to step Steps and the actors present at them. 0 means 1;
	// negative is an error.
	Steps int
}

func (o CoverageOptions) withDefaults() (CoverageOptions, error) {
	if o.Types == nil {
		o.Types = DefaultCoverageTypes
	}
	if o.Presence == nil {
		o.Presence = DefaultPresenceTypes
	}
	if o.Steps < 0 {
		return o, errorf("coverage steps %d must not be negative (0 means 1)", o.Steps)
	}
	if o.Steps == 0 {
		o.Steps = 1
	}
	return o, nil
}

// Target is an actor a body covers and how.
type Target struct {
	// Actor is the covered actor's ID.
	Actor string
	// Via are the places through which the body reaches the actor, from
	// the place the body is linked to; empty if the body is linked to the
	// actor itself.
	Via []string
	// Links are the links that give the coverage: the body's coverage
	// links to the actor if it is direct (increasing), else those of the
	// chain through Via (body to place, place to place, actor to place).
	Links []network.LinkID
}

// BodyCoverage is what one counter body covers.
type BodyCoverage struct {
	// Body is the body's ID.
	Body string
	// Targets are the actors it covers, in actor order.
	Targets []Target
}

// Actors returns the IDs of the covered actors, in actor order.
func (c BodyCoverage) Actors() []string {
	out := make([]string, len(c.Targets))
	for i, t := range c.Targets {
		out[i] = t.Actor
	}
	return out
}

// CoverageResult is the coverage of every counter body of a scope.
type CoverageResult struct {
	// Bodies are the counter bodies of the scope in actor order, each with
	// its coverage (possibly empty).
	Bodies []BodyCoverage
	// Covered are the actors covered by at least one body, in actor order:
	// the coverage of the whole counter network.
	Covered []string
	// Uncovered are the actors outside the counter sector that no body
	// covers, in actor order.
	Uncovered []string
	covered   map[string][]string // actor -> bodies covering it
}

// Of returns the coverage of body id.
func (r CoverageResult) Of(id string) (BodyCoverage, bool) {
	for _, b := range r.Bodies {
		if b.Body == id {
			return b, true
		}
	}
	return BodyCoverage{}, false
}

// CoveredBy returns the bodies covering actor id, in actor order.
func (r CoverageResult) CoveredBy(id string) []string { return slices.Clone(r.covered[id]) }

// Coverage returns which actors each counter-sector body of the scope
// reaches. A coverage link is a link the scope keeps, of one of the
// coverage types, from a counter body (its From actor, or either end of a
// Mutual link) to an actor outside the counter sector, which the body then
// covers. When that actor is a place (place sector), the body also covers
// the places within opts.Steps of it (see CoverageOptions.Steps; place to
// place links of any type the scope keeps, either direction) and the
// actors outside the counter sector present at any of them: linked to the
// place by a presence link (located_at, operates_in). Links among counter
// bodies (partners_with between two agencies) are the counter network's
// own structure (see Structure), not coverage.
//
// A link of a coverage type other than operates_in whose From is not a
// counter actor (and not Mutual with one) is an error naming it, and so is
// an operates_in link from a non-counter actor to an actor that is not a
// place: coverage links go from the bodies.
func Coverage(s *analysis.Scope, opts CoverageOptions) (CoverageResult, error) {
	var res CoverageResult
	o, err := opts.withDefaults()
	if err != nil {
		return res, err
	}
	n := s.Network()
	isCounter := make([]bool, s.Len())
	isPlace := make([]bool, s.Len())
	for i := range s.Len() {
		a := s.Actor(i)
		isCounter[i], isPlace[i] = IsCounter(a), a.InSector(network.Place)
	}
	direct := make(map[int]map[int][]network.LinkID) // body -> target -> links
	type at struct {
		actor int
		link  network.LinkID
	}
	present := map[int][]at{} // place -> actors present
	placeNb := map[int][]at{} // place -> neighbouring places
	for l := range n.LinksSeq() {
		if !s.Keeps(l) {
			continue
		}
		f, _ := s.Index(l.From)
		t, _ := s.Index(l.To)
		switch {
		case slices.Contains(o.Types, l.Type) && (isCounter[f] || (l.Mutual && isCounter[t])):
			body, target := f, t
			if !isCounter[f] {
				body, target = t, f
			}
			if isCounter[target] {
				continue // among bodies: structure, not coverage
			}
			if direct[body] == nil {
				direct[body] = map[int][]network.LinkID{}
			}
			direct[body][target] = append(direct[body][target], l.ID)
			continue
		case slices.Contains(o.Types, l.Type) && !(slices.Contains(o.Presence, l.Type) && (isPlace[t] || (l.Mutual && isPlace[f]))):
			return res, errorf("link %q -> %q of coverage type %q is from %q (kind %s), which is not a counter-sector body: coverage links go from an agency, task force or other counter-sector actor to what it covers", l.From, l.To, l.Type, l.From, s.Actor(f).Kind)
		}
		if slices.Contains(o.Presence, l.Type) {
			switch {
			case isPlace[t] && !isCounter[f] && f != t:
				present[t] = append(present[t], at{f, l.ID})
			case l.Mutual && isPlace[f] && !isCounter[t] && f != t:
				present[f] = append(present[f], at{t, l.ID})
			}
		}
		if isPlace[f] && isPlace[t] && f != t {
			placeNb[f] = append(placeNb[f], at{t, l.ID})
			placeNb[t] = append(placeNb[t], at{f, l.ID})
		}
	}
	res.covered = map[string][]string{}
	for b := range s.Len() {
		if !isCounter[b] {
			continue
		}
		got := map[int]Target{}
		dl := direct[b]
		for t, links := range dl {
			got[t] = Target{Actor: s.ActorID(t), Links: links}
		}
		// Breadth-first through places, entry places in actor order.
		type step struct {
			via   []string
			links []network.LinkID
		}
		reach := map[int]step{}
		var frontier []int
		for t := range s.Len() {
			if links, ok := dl[t]; ok && isPlace[t] {
				reach[t] = step{via: []string{s.ActorID(t)}, links: links[:1]}
				frontier = append(frontier, t)
			}
		}
		var order []int
		for d := 1; d <= o.Steps && len(frontier) > 0; d++ {
			order = append(order, frontier...)
			var next []int
			for _, p := range frontier {
				for _, q := range placeNb[p] {
					if _, seen := reach[q.actor]; seen || isCounter[q.actor] {
						continue
					}
					st := reach[p]
					reach[q.actor] = step{via: append(slices.Clone(st.via), s.ActorID(q.actor)),
						links: append(slices.Clone(st.links), q.link)}
					next = append(next, q.actor)
				}
			}
			frontier = next
		}
		for _, p := range order {
			st := reach[p]
			if _, ok := got[p]; !ok {
				got[p] = Target{Actor: s.ActorID(p), Via: st.via[:len(st.via)-1], Links: st.links}
			}
			for _, x := range present[p] {
				if _, ok := got[x.actor]; !ok {
					got[x.actor] = Target{Actor: s.ActorID(x.actor), Via: st.via, Links: append(slices.Clone(st.links), x.link)}
				}
			}
		}
		bc := BodyCoverage{Body: s.ActorID(b)}
		for t := range s.Len() {
			if tg, ok := got[t]; ok {
				if len(tg.Via) == 0 {
					tg.Via = nil
				}
				bc.Targets = append(bc.Targets, tg)
				res.covered[tg.Actor] = append(res.covered[tg.Actor], bc.Body)
			}
		}
		res.Bodies = append(res.Bodies, bc)
	}
	for i := range s.Len() {
		id := s.ActorID(i)
		if _, ok := res.covered[id]; ok {
			res.Covered = append(res.Covered, id)
		} else if !isCounter[i] {
			res.Uncovered = append(res.Uncovered, id)
		}
	}
	return res, nil
}
