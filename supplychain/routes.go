package supplychain

import (
	"math"
	"slices"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/supplychain/internal/flow"
)

// Route is a path of route links from a source to a market.
type Route struct {
	// Actors are the actors (places) from the source to the market.
	Actors []string
	// Links are the route links taken, in order.
	Links []network.LinkID
	// Modes are the links' modes, in order.
	Modes []string
	// Cost is the sum of the links' costs.
	Cost float64
}

// Routes returns the k cheapest loopless routes from any source to any
// market (Yen 1971, "Finding the k shortest loopless paths in a network",
// Management Science 17(11)), by total cost, ties broken by fewer links,
// then by the route links' order; k ≤ 0 means 1. Capacities do not
// matter. Fewer than k routes are returned if fewer exist; none if the
// markets cannot be reached. A route visits one source, at its start, and
// one market, at its end.
func (rn *RouteNetwork) Routes(sources, markets []string, k int) ([]Route, error) {
	src, mkt, err := rn.terminals(sources, markets)
	if err != nil {
		return nil, err
	}
	k = max(k, 1)
	// A super source and sink, so that Yen's single pair covers them all.
	g := flow.Graph{N: rn.g.N + 2, Arcs: slices.Clone(rn.g.Arcs)}
	s, t := rn.g.N, rn.g.N+1
	for _, v := range src {
		g.Arcs = append(g.Arcs, flow.Arc{From: s, To: v, Capacity: math.Inf(1)})
	}
	for _, v := range mkt {
		g.Arcs = append(g.Arcs, flow.Arc{From: v, To: t, Capacity: math.Inf(1)})
	}
	// Routes may not run through another source or market.
	isTerminal := make([]bool, rn.g.N)
	for _, v := range slices.Concat(src, mkt) {
		isTerminal[v] = true
	}
	var out []Route
	for want := k; ; want *= 2 {
		paths, err := flow.KCheapest(g, s, t, want)
		if err != nil {
			return nil, errorf("routes: %v", err)
		}
		out = out[:0]
		for _, p := range paths {
			inner := p.Nodes[1 : len(p.Nodes)-1]
			if slices.ContainsFunc(inner[1:len(inner)-1], func(v int) bool { return isTerminal[v] }) {
				continue
			}
			out = append(out, rn.route(p.Arcs[1:len(p.Arcs)-1], inner))
			if len(out) == k {
				return out, nil
			}
		}
		if len(paths) < want {
			return out, nil
		}
	}
}

// route labels a path of arcs of rn.g.
func (rn *RouteNetwork) route(arcs, nodes []int) Route {
	r := Route{}
	for _, v := range nodes {
		r.Actors = append(r.Actors, rn.s.ActorID(v))
	}
	for _, a := range arcs {
		r.Links = append(r.Links, rn.links[a])
		r.Modes = append(r.Modes, rn.modes[a])
		r.Cost += rn.g.Arcs[a].Cost
	}
	return r
}

// Chokepoints are the places and route links whose loss alone cuts part
// of the routes from the sources to the markets.
type Chokepoints struct {
	// Actors are the articulation points of the undirected network of the
	// actors on some route from a source to a market, in actor order.
	Actors []string
	// Links are its bridges, in increasing order.
	Links []network.LinkID
}

// Chokepoints returns the articulation points and bridges of the routes
// from the sources to the markets: the actors on some directed walk from
// a source to a market, and the route links among them read as undirected
// (two routes in opposite directions between two places are not a bridge).
// Removing an articulation point disconnects part of that network, and so
// does removing a bridge (Hopcroft & Tarjan 1973).
func (rn *RouteNetwork) Chokepoints(sources, markets []string) (Chokepoints, error) {
	var c Chokepoints
	src, mkt, err := rn.terminals(sources, markets)
	if err != nil {
		return c, err
	}
	res, err := flow.Articulation(rn.g, src, mkt)
	if err != nil {
		return c, errorf("chokepoints: %v", err)
	}
	for _, v := range res.Points {
		c.Actors = append(c.Actors, rn.s.ActorID(v))
	}
	for _, a := range res.Bridges {
		c.Links = append(c.Links, rn.links[a])
	}
	slices.Sort(c.Links)
	c.Links = slices.Compact(c.Links)
	return c, nil
}

// FlowOptions choose the version of MaxFlow.
type FlowOptions struct {
	// Places cuts actors rather than links: each actor other than the
	// sources and markets can carry at most its "capacity" attribute
	// (default 1, so the cut counts the places to close) and the route
	// links are uncuttable.
	Places bool
}

// Cut is a maximum flow and a minimum cut between sources and markets.
type Cut struct {
	// Value is the maximum flow, the volume the routes can carry from the
	// sources to the markets; it equals Capacity, the capacity of the
	// minimum cut (Ford & Fulkerson 1956).
	Value, Capacity float64
	// Links are the cut's route links (edge version), Actors its actors
	// (places version), in increasing and actor order.
	Links  []network.LinkID
	Actors []string
	// SourceSide are the actors on the sources' side of the cut: those
	// still reachable from a source once the maximum flow is sent.
	SourceSide []string
	// Flow is the flow each route link carries (both directions of a
	// mutual link added), by link, for the links that carry any.
	Flow map[network.LinkID]float64
}

// MaxFlow returns the maximum flow from the sources to the markets on the
// route capacities and a minimum cut (the one with the smallest source
// side), by Dinic's algorithm (1970): in the edge version the cheapest set
// of route links to close, in the places version (FlowOptions.Places) the
// actors to close.
func (rn *RouteNetwork) MaxFlow(sources, markets []string, opts FlowOptions) (Cut, error) {
	var c Cut
	src, mkt, err := rn.terminals(sources, markets)
	if err != nil {
		return c, err
	}
	var res flow.FlowResult
	if opts.Places {
		caps, g, err := rn.placeCapacities()
		if err != nil {
			return c, err
		}
		res, err = flow.MaxFlowNodes(g, caps, src, mkt)
		if err != nil {
			return c, errorf("max flow: %v", err)
		}
	} else if res, err = flow.MaxFlow(rn.g, src, mkt); err != nil {
		return c, errorf("max flow: %v", err)
	}
	c.Value, c.Capacity = res.Value, res.CutCapacity
	for _, v := range res.SourceSide {
		c.SourceSide = append(c.SourceSide, rn.s.ActorID(v))
	}
	for _, v := range res.CutNodes {
		c.Actors = append(c.Actors, rn.s.ActorID(v))
	}
	if !opts.Places {
		for _, a := range res.CutArcs {
			c.Links = append(c.Links, rn.links[a])
		}
		slices.Sort(c.Links)
		c.Links = slices.Compact(c.Links)
	}
	c.Flow = map[network.LinkID]float64{}
	for a, f := range res.Flow {
		if f != 0 {
			c.Flow[rn.links[a]] += f
		}
	}
	return c, nil
}

// placeCapacities returns the actors' capacities (the "capacity"
// attribute, default 1) and the route graph with uncuttable arcs.
func (rn *RouteNetwork) placeCapacities() ([]float64, flow.Graph, error) {
	caps := make([]float64, rn.s.Len())
	for i := range caps {
		a := rn.s.Actor(i)
		caps[i] = 1
		if v, ok := a.Attributes["capacity"]; ok {
			x, isNum := number(a.Attributes, "capacity")
			if !isNum || math.IsNaN(x) || x < 0 {
				return nil, flow.Graph{}, errorf("actor %q: capacity %v must be a non-negative number", a.ID, v)
			}
			caps[i] = x
		}
	}
	g := flow.Graph{N: rn.g.N, Arcs: slices.Clone(rn.g.Arcs)}
	for k := range g.Arcs {
		g.Arcs[k].Capacity = math.Inf(1)
	}
	return caps, g, nil
}

// InterdictObjective is what an interdiction fights: the volume the routes
// can carry, or the cost of the cheapest route.
type InterdictObjective uint8

const (
	// InterdictFlow minimises the maximum flow that remains (Wood 1993,
	// "Deterministic network interdiction", Mathematical and Computer
	// Modelling 17(2): 1–18).
	InterdictFlow InterdictObjective = iota
	// InterdictRoute maximises the cost of the cheapest route that remains
	// (Israeli & Wood 2002, "Shortest-path network interdiction", Networks
	// 40(2): 97–111); +Inf once the markets are cut off.
	InterdictRoute
)

// String returns "flow" or "route".
func (o InterdictObjective) String() string {
	if o == InterdictRoute {
		return "route"
	}
	return "flow"
}

// InterdictOptions tune Interdict.
type InterdictOptions struct {
	// K is the budget: the most links (or places) removed.
	K int
	// Objective is InterdictFlow (the default) or InterdictRoute.
	Objective InterdictObjective
	// Places removes actors other than the sources and markets instead
	// of route links.
	Places bool
}

// InterdictStep is the best interdiction for one budget.
type InterdictStep struct {
	// K is the budget; Links or Actors what is removed (possibly fewer
	// than K, when more would not help).
	K      int
	Links  []network.LinkID
	Actors []string
	// Value is the remaining maximum flow, or the cheapest route's cost.
	Value float64
	// Exact reports that no set within the budget does better; Method is
	// "exact" or the heuristic used ("greedy-swap", or
	// "budget-exceeded+greedy-swap" when exact search ran out of its
	// evaluation budget).
	Exact  bool
	Method string
}

// Interdict finds, for each budget k = 0, 1, …, K, the set of at most k
// route links (or places) whose removal most reduces the remaining
// maximum flow, or most raises the cost of the cheapest route: the
// trade-off curve. For k ≤ 3 the search is exact — branch and bound over
// the elements carrying flow (or lying on the current cheapest route),
// since an optimal set must contain one; for larger k, or past an
// evaluation budget that scales with the network's size, a greedy search
// with one-swap improvement, and the step says so. Ties between sets go
// to the smallest set, then the one of smallest arc indexes. A mutual
// route link is two arcs that can be removed separately; Links lists each
// link once.
func (rn *RouteNetwork) Interdict(sources, markets []string, opts InterdictOptions) ([]InterdictStep, error) {
	src, mkt, err := rn.terminals(sources, markets)
	if err != nil {
		return nil, err
	}
	if opts.K < 0 {
		return nil, errorf("interdiction: budget K = %d is negative", opts.K)
	}
	fo := flow.InterdictOptions{Target: flow.TargetArcs}
	if opts.Places {
		fo.Target = flow.TargetNodes
	}
	var res flow.InterdictionResult
	if opts.Objective == InterdictRoute {
		res, err = flow.InterdictPath(rn.g, src, mkt, opts.K, fo)
	} else {
		res, err = flow.InterdictFlow(rn.g, src, mkt, opts.K, fo)
	}
	if err != nil {
		return nil, errorf("interdiction: %v", err)
	}
	var out []InterdictStep
	for _, c := range res.Curve {
		st := InterdictStep{K: c.K, Value: c.Value, Exact: c.Exact, Method: c.Method}
		for _, x := range c.Removed {
			if opts.Places {
				st.Actors = append(st.Actors, rn.s.ActorID(x))
			} else {
				st.Links = append(st.Links, rn.links[x])
			}
		}
		slices.Sort(st.Links)
		st.Links = slices.Compact(st.Links)
		out = append(out, st)
	}
	return out, nil
}
