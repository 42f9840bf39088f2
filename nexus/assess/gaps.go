package assess

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/nexus"
	"github.com/illicitnet/illicit/supplychain"
)

// DefaultExposureTypes are the link types that count as illicit flows
// at a place for ExposedPlace.
var DefaultExposureTypes = []string{"located_at", "operates_in", "transports_via"}

// GapOptions configure Gaps.
type GapOptions struct {
	// Coverage configures the coverage (see Coverage).
	Coverage CoverageOptions
	// Top is how many actors ranked first by nexus betweenness (with a
	// positive value) are critical points; 0 means 3, negative none.
	Top int
	// KeyPlayers is the size of the set of key players (KPP-Neg
	// fragmentation, Borgatti 2006) that are critical points; 0 means 1,
	// negative none.
	KeyPlayers int
	// Seed seeds the key player search.
	Seed uint64
	// Sources and Markets, when both are given, add the chokepoints of the
	// routes from the sources to the markets and the places of a minimum
	// cut (supplychain.RouteNetwork Chokepoints and MaxFlow, places
	// version).
	Sources, Markets []string
	// MoneyHops bounds the money trails whose gateways are critical
	// points (supplychain.Trails); 0 means 4.
	MoneyHops int
	// Exposure are the link types counted for exposed places; nil means
	// DefaultExposureTypes.
	Exposure []string
}

// The reasons a critical point can have, in the order Reasons lists them
// (the nexus betweenness reason carries the rank: "nexus betweenness rank 1").
const (
	ReasonConvergence = "convergence node"
	ReasonKeyPlayer   = "key player"
	ReasonChokepoint  = "route chokepoint"
	ReasonMinCut      = "minimum cut"
	ReasonGateway     = "money gateway"
)

// CriticalPoint is an actor of the illicit network that matters to it.
type CriticalPoint struct {
	// Actor is its ID.
	Actor string
	// Reasons say why it matters, in the order: "nexus betweenness rank
	// R", "convergence node", "key player", "route chokepoint", "minimum
	// cut", "money gateway".
	Reasons []string
	// NexusBetweenness is its nexus betweenness in the illicit network.
	NexusBetweenness float64
	// CoveredBy are the counter bodies covering it, in actor order; empty
	// for a gap.
	CoveredBy []string
}

// ExposedPlace is a place with illicit flows that no body covers.
type ExposedPlace struct {
	// Place is its ID.
	Place string
	// Links are the links of an exposure type between it and actors
	// outside the counter sector, increasing.
	Links []network.LinkID
}

// GapResult is the outcome of Gaps.
type GapResult struct {
	// Coverage is the coverage the gaps are measured against.
	Coverage CoverageResult
	// Critical are every critical point, covered or not, ranked.
	Critical []CriticalPoint
	// Gaps are the critical points no body covers, ranked.
	Gaps []CriticalPoint
	// Exposed are the uncovered places with at least one exposure link,
	// by decreasing number of links, ties in actor order.
	Exposed []ExposedPlace
}

// GapIDs returns the IDs of the gaps, in rank order.
func (r GapResult) GapIDs() []string {
	out := make([]string, len(r.Gaps))
	for i, g := range r.Gaps {
		out[i] = g.Actor
	}
	return out
}

// Illicit returns the scope without its counter-sector actors and their
// links, with the same options: the illicit network whose critical points
// Gaps seeks, so that the bodies' own links do not make them brokers of
// it.
func Illicit(s *analysis.Scope) (*analysis.Scope, error) {
	n := s.Network()
	out := network.New(n.Name)
	keep := map[string]bool{}
	for i := range s.Len() {
		a := s.Actor(i)
		if IsCounter(a) {
			continue
		}
		if err := out.AddActor(a); err != nil {
			return nil, errorf("illicit network: %v", err)
		}
		keep[a.ID] = true
	}
	for l := range n.LinksSeq() {
		if keep[l.From] && keep[l.To] && s.Keeps(l) {
			if _, err := out.AddLink(l); err != nil {
				return nil, errorf("illicit network: %v", err)
			}
		}
	}
	is, err := analysis.NewScope(out, s.Options())
	if err != nil {
		return nil, errorf("illicit network: %w", err)
	}
	return is, nil
}

// Gaps returns the critical points of the illicit network that no
// counter body covers. The illicit network is the scope without its
// counter actors (Illicit); its critical points are
//   - the opts.Top actors ranked first by nexus betweenness (nexus.Betweenness
//     between the scope's sets A and B), with a positive value;
//   - the convergence nodes (nexus.Convergence);
//   - a set of opts.KeyPlayers key players (nexus.KeyPlayers, KPP-Neg
//     fragmentation, seed opts.Seed);
//   - with opts.Sources and opts.Markets, the route chokepoints and the
//     places of a minimum cut from the sources to the markets;
//   - the money gateways, where proceeds of crime reach set B
//     (supplychain.Trails).
//
// Critical points are ranked by the number of reasons, decreasing, then by
// nexus betweenness, decreasing, then in actor order; Gaps are those no
// body covers (Coverage), in the same order. Exposed places are the places
// of the scope that no body covers, with their links of an exposure type
// (located_at, operates_in, transports_via) to actors outside the counter
// sector, by decreasing number of such links, ties in actor order.
//
// It fails if set A or B of the illicit network is empty, and with the
// errors of Coverage and of the analyses above.
func Gaps(s *analysis.Scope, opts GapOptions) (GapResult, error) {
	var res GapResult
	cov, err := Coverage(s, opts.Coverage)
	if err != nil {
		return res, err
	}
	res.Coverage = cov
	is, err := Illicit(s)
	if err != nil {
		return res, err
	}
	nb, err := nexus.Betweenness(is)
	if err != nil {
		return res, errorf("gaps: %w", err)
	}
	reasons := map[string][]string{}
	add := func(id, why string) {
		if !slices.Contains(reasons[id], why) {
			reasons[id] = append(reasons[id], why)
		}
	}
	top := opts.Top
	if top == 0 {
		top = 3
	}
	for r, sc := range nb.Ranked() {
		if r >= top || sc.Value <= 0 {
			break
		}
		add(sc.Actor, fmt.Sprintf("nexus betweenness rank %d", r+1))
	}
	conv, err := nexus.Convergence(is, nexus.ConvergenceOptions{})
	if err != nil {
		return res, errorf("gaps: %w", err)
	}
	for _, c := range conv {
		add(c.Actor, ReasonConvergence)
	}
	k := opts.KeyPlayers
	if k == 0 {
		k = 1
	}
	if k > 0 && is.Len() > k {
		kp, err := nexus.KeyPlayers(is, nexus.KeyPlayerOptions{K: k, Seed: opts.Seed})
		if err != nil {
			return res, errorf("gaps: %w", err)
		}
		for _, id := range kp.Actors {
			add(id, ReasonKeyPlayer)
		}
	}
	if len(opts.Sources) > 0 && len(opts.Markets) > 0 {
		rn, err := supplychain.NewRouteNetwork(is, supplychain.RouteOptions{})
		if err != nil {
			return res, errorf("gaps: %w", err)
		}
		ch, err := rn.Chokepoints(opts.Sources, opts.Markets)
		if err != nil {
			return res, errorf("gaps: %w", err)
		}
		for _, id := range ch.Actors {
			add(id, ReasonChokepoint)
		}
		cut, err := rn.MaxFlow(opts.Sources, opts.Markets, supplychain.FlowOptions{Places: true})
		if err != nil {
			return res, errorf("gaps: %w", err)
		}
		for _, id := range cut.Actors {
			add(id, ReasonMinCut)
		}
	}
	tr, err := supplychain.Trails(is, supplychain.TrailOptions{MaxHops: opts.MoneyHops})
	if err != nil {
		return res, errorf("gaps: %w", err)
	}
	for _, g := range tr.Gateways {
		add(g.Actor, ReasonGateway)
	}
	for i := range is.Len() {
		id := is.ActorID(i)
		if len(reasons[id]) == 0 {
			continue
		}
		v, _ := nb.Value(id)
		cp := CriticalPoint{Actor: id, Reasons: reasons[id], NexusBetweenness: v, CoveredBy: cov.CoveredBy(id)}
		res.Critical = append(res.Critical, cp)
	}
	slices.SortStableFunc(res.Critical, func(x, y CriticalPoint) int {
		if c := cmp.Compare(len(y.Reasons), len(x.Reasons)); c != 0 {
			return c
		}
		return cmp.Compare(y.NexusBetweenness, x.NexusBetweenness)
	})
	for _, cp := range res.Critical {
		if len(cp.CoveredBy) == 0 {
			res.Gaps = append(res.Gaps, cp)
		}
	}
	res.Exposed = exposed(s, cov, opts.Exposure)
	return res, nil
}

func exposed(s *analysis.Scope, cov CoverageResult, types []string) []ExposedPlace {
	if types == nil {
		types = DefaultExposureTypes
	}
	links := map[string][]network.LinkID{}
	n := s.Network()
	for l := range n.LinksSeq() {
		if !s.Keeps(l) || !slices.Contains(types, l.Type) || l.From == l.To {
			continue
		}
		from, _ := n.Actor(l.From)
		to, _ := n.Actor(l.To)
		if IsCounter(from) || IsCounter(to) {
			continue
		}
		for _, p := range []network.Actor{from, to} {
			if p.InSector(network.Place) && len(cov.covered[p.ID]) == 0 {
				links[p.ID] = append(links[p.ID], l.ID)
			}
		}
	}
	var out []ExposedPlace
	for i := range s.Len() {
		id := s.ActorID(i)
		if ls, ok := links[id]; ok {
			out = append(out, ExposedPlace{Place: id, Links: ls})
		}
	}
	slices.SortStableFunc(out, func(x, y ExposedPlace) int { return cmp.Compare(len(y.Links), len(x.Links)) })
	return out
}
