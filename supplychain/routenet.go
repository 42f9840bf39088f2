package supplychain

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/supplychain/internal/flow"
)

// RouteOptions choose the links of a route network.
type RouteOptions struct {
	// Modes keeps only the mechanism links of these modes (Link.Mode,
	// compared without regard to case); nil keeps every mode.
	Modes []string
}

// RouteNetwork is the network along which a commodity can move: the
// mechanism links the scope keeps ("transports_via", "operates_route",
// segments of a route between places), each a route arc from its From to
// its To actor, and back as well if the link is mutual. Mechanism links
// that say where an actor is or how it talks — types located_at,
// operates_in and communicates_with — are not routes. An arc's cost is
// the link's "cost" attribute (a non-negative number; default 1) and its
// capacity the "capacity" attribute (a non-negative number, or absent:
// the link's weight). Parallel links are parallel arcs. Costs add up
// along a route; capacities bound the flow of an arc.
type RouteNetwork struct {
	s     *analysis.Scope
	g     flow.Graph
	links []network.LinkID // by arc
	modes []string         // by arc
}

// NewRouteNetwork reads the route network of the scope. It fails, naming
// the link, if a cost or capacity attribute is not a number or is
// negative, NaN or infinite, and if no mechanism link is kept.
func NewRouteNetwork(s *analysis.Scope, opts RouteOptions) (*RouteNetwork, error) {
	rn := &RouteNetwork{s: s, g: flow.Graph{N: s.Len()}}
	modes := make([]string, len(opts.Modes))
	for i, m := range opts.Modes {
		modes[i] = strings.ToLower(strings.TrimSpace(m))
	}
	seen := map[string]bool{}
	n := s.Network()
	for l := range n.LinksSeq() {
		if l.Element != network.Mechanism || !s.Keeps(l) || slices.Contains(notRoutes, strings.ToLower(l.Type)) {
			continue
		}
		seen[strings.ToLower(l.Mode)] = true
		if len(modes) > 0 && !slices.Contains(modes, strings.ToLower(l.Mode)) {
			continue
		}
		from, okf := s.Index(l.From)
		to, okt := s.Index(l.To)
		if !okf || !okt {
			continue
		}
		cost, err := routeNumber(l, "cost", 1)
		if err != nil {
			return nil, err
		}
		capacity, err := routeNumber(l, "capacity", l.Weight)
		if err != nil {
			return nil, err
		}
		rn.add(from, to, capacity, cost, l)
		if l.Mutual {
			rn.add(to, from, capacity, cost, l)
		}
	}
	if len(rn.g.Arcs) == 0 {
		if len(seen) > 0 && len(modes) > 0 {
			have := make([]string, 0, len(seen))
			for m := range seen {
				have = append(have, fmt.Sprintf("%q", m))
			}
			slices.Sort(have)
			return nil, fmt.Errorf("supplychain: no route link of mode %s; the routes' modes are %s", strings.Join(opts.Modes, ", "), strings.Join(have, ", "))
		}
		return nil, fmt.Errorf("supplychain: no route: the scope keeps no mechanism link (routes are links of element mechanism, with cost and capacity attributes)")
	}
	return rn, nil
}

// notRoutes are the mechanism link types that are not routes.
var notRoutes = []string{"located_at", "operates_in", "communicates_with"}

func (rn *RouteNetwork) add(from, to int, capacity, cost float64, l network.Link) {
	rn.g.Arcs = append(rn.g.Arcs, flow.Arc{From: from, To: to, Capacity: capacity, Cost: cost})
	rn.links = append(rn.links, l.ID)
	rn.modes = append(rn.modes, l.Mode)
}

// routeNumber reads a numeric route attribute of a link, or def if absent.
func routeNumber(l network.Link, key string, def float64) (float64, error) {
	v, ok := l.Attributes[key]
	if !ok {
		return def, nil
	}
	x, isNum := number(l.Attributes, key)
	if !isNum {
		return 0, fmt.Errorf("supplychain: link %d (%s -> %s): %s %v is not a number", l.ID, l.From, l.To, key, v)
	}
	if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
		return 0, fmt.Errorf("supplychain: link %d (%s -> %s): %s %v must be a finite, non-negative number", l.ID, l.From, l.To, key, x)
	}
	return x, nil
}

// Scope returns the scope the route network was read from.
func (rn *RouteNetwork) Scope() *analysis.Scope { return rn.s }

// NumRoutes returns the number of route arcs (a mutual link counts twice).
func (rn *RouteNetwork) NumRoutes() int { return len(rn.g.Arcs) }

// Links returns the IDs of the route links, in increasing order, each once.
func (rn *RouteNetwork) Links() []network.LinkID {
	out := slices.Clone(rn.links)
	slices.Sort(out)
	return slices.Compact(out)
}

// Actors returns the IDs of the actors at the ends of route links (the
// places the routes join), in actor order.
func (rn *RouteNetwork) Actors() []string {
	on := make([]bool, rn.s.Len())
	for _, a := range rn.g.Arcs {
		on[a.From], on[a.To] = true, true
	}
	var out []string
	for i, ok := range on {
		if ok {
			out = append(out, rn.s.ActorID(i))
		}
	}
	return out
}

// indexes resolves actor IDs to scope indexes, naming a missing one.
func (rn *RouteNetwork) indexes(what string, ids []string) ([]int, error) {
	if len(ids) == 0 {
		return nil, fmt.Errorf("supplychain: no %s given", what)
	}
	out := make([]int, len(ids))
	for i, id := range ids {
		j, ok := rn.s.Index(id)
		if !ok {
			if rn.s.Network().HasActor(id) {
				return nil, fmt.Errorf("supplychain: %s %q is left out by the scope", what, id)
			}
			return nil, fmt.Errorf("supplychain: %s %q is not an actor of the network", what, id)
		}
		out[i] = j
	}
	return out, nil
}

// terminals resolves sources and markets, which must not overlap.
func (rn *RouteNetwork) terminals(sources, markets []string) ([]int, []int, error) {
	src, err := rn.indexes("source", sources)
	if err != nil {
		return nil, nil, err
	}
	mkt, err := rn.indexes("market", markets)
	if err != nil {
		return nil, nil, err
	}
	for _, s := range src {
		if slices.Contains(mkt, s) {
			return nil, nil, fmt.Errorf("supplychain: %q is both a source and a market", rn.s.ActorID(s))
		}
	}
	return src, mkt, nil
}
