package supplychain

import (
	"math"
	"slices"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/supplychain/internal/flow"
)

// DisplaceOptions describe a displacement experiment: who supplies, who
// demands, and what is interdicted.
type DisplaceOptions struct {
	// Supply gives each source's supply and Demand each market's demand
	// (positive amounts, by actor ID). An actor may not be in both.
	Supply, Demand map[string]float64
	// Remove lists the actors (places, usually) interdicted: every route
	// into or out of them is closed. Sources and markets may not be
	// removed.
	Remove []string
	// RemoveLinks lists route links closed, both ways if mutual.
	RemoveLinks []network.LinkID
	// RaiseCost raises the cost of entering actors (checkpoints, patrols):
	// every route into the actor costs this much more (a positive amount,
	// by actor ID).
	RaiseCost map[string]float64
}

// FlowState is the routing of the supply at minimum cost.
type FlowState struct {
	// Delivered is the volume that reaches the markets, Undelivered the
	// supply that does not (routes too narrow, or cut), and Cost the total
	// cost of the routing, Σ flow·cost over the route arcs.
	Delivered, Undelivered, Cost float64
}

// ActorFlow is the volume passing through an actor before and after the
// interdiction: the larger of what flows in and what flows out of it.
type ActorFlow struct {
	Actor                 string
	Before, After, Change float64
}

// LinkFlow is the volume a route link carries before and after the
// interdiction (both directions of a mutual link added).
type LinkFlow struct {
	Link                  network.LinkID
	Before, After, Change float64
}

// DisplaceResult is the outcome of Displace.
type DisplaceResult struct {
	// Before and After are the routings of the intact and the interdicted
	// route network; CostIncrease is After.Cost − Before.Cost.
	Before, After FlowState
	CostIncrease  float64
	// Actors and Links are every actor and route link that carries flow
	// before or after, in actor and link order, with the change.
	Actors []ActorFlow
	Links  []LinkFlow
}

// Displace routes the supply of the sources to the demand of the markets
// at minimum cost over the route network — the largest volume the route
// capacities allow, and among the routings of that volume the cheapest
// (min-cost flow by successive shortest paths; Ahuja, Magnanti & Orlin
// 1993, ch. 9; as NetworkX's max_flow_min_cost) — then closes the removed
// actors and links, raises the cost of entering the RaiseCost actors, and
// routes again. Traffic is not destroyed by an
// interdiction but moves to the next cheapest routes with room for it (the
// balloon effect; Dell 2015, "Trafficking networks and the Mexican drug
// war", American Economic Review 105(6)): the result says, for every
// actor and route link, the flow before and after, and the volume that
// can no longer be delivered.
//
// It fails if an actor is unknown or left out by the scope, if a supply
// or demand is not a positive finite number, if an actor both supplies and
// demands, or if a source or market is removed.
func (rn *RouteNetwork) Displace(opts DisplaceOptions) (DisplaceResult, error) {
	var res DisplaceResult
	supply := make([]float64, rn.s.Len())
	for _, side := range []struct {
		what string
		m    map[string]float64
		sign float64
	}{{"source", opts.Supply, 1}, {"market", opts.Demand, -1}} {
		if len(side.m) == 0 {
			return res, errorf("displacement: no %s given", side.what)
		}
		for id, v := range side.m {
			i, err := rn.indexes(side.what, []string{id})
			if err != nil {
				return res, err
			}
			if !(v > 0) || math.IsInf(v, 0) {
				return res, errorf("displacement: %s %q: %v must be a positive, finite amount", side.what, id, v)
			}
			if supply[i[0]] != 0 {
				return res, errorf("displacement: %q is both a source and a market", id)
			}
			supply[i[0]] = side.sign * v
		}
	}
	removed := make([]bool, rn.s.Len())
	if len(opts.Remove) > 0 {
		idx, err := rn.indexes("removed actor", opts.Remove)
		if err != nil {
			return res, err
		}
		for k, i := range idx {
			if supply[i] != 0 {
				return res, errorf("displacement: %q is a source or market and cannot be removed; lower its supply or demand instead", opts.Remove[k])
			}
			removed[i] = true
		}
	}
	for _, id := range opts.RemoveLinks {
		if !slices.Contains(rn.links, id) {
			return res, errorf("displacement: link %d is not a route link of the scope", id)
		}
	}
	raise := make([]float64, rn.s.Len())
	for id, v := range opts.RaiseCost {
		i, err := rn.indexes("actor whose cost is raised", []string{id})
		if err != nil {
			return res, err
		}
		if !(v > 0) || math.IsInf(v, 0) {
			return res, errorf("displacement: raised cost of %q: %v must be a positive, finite amount", id, v)
		}
		raise[i[0]] = v
	}
	before, err := flow.MinCostFlow(rn.g, supply)
	if err != nil {
		return res, errorf("displacement: %v", err)
	}
	cut := flow.Graph{N: rn.g.N, Arcs: slices.Clone(rn.g.Arcs)}
	for k, a := range cut.Arcs {
		if removed[a.From] || removed[a.To] || slices.Contains(opts.RemoveLinks, rn.links[k]) {
			cut.Arcs[k].Capacity = 0
		}
		cut.Arcs[k].Cost += raise[a.To]
	}
	after, err := flow.MinCostFlow(cut, supply)
	if err != nil {
		return res, errorf("displacement: %v", err)
	}
	state := func(r flow.MinCostResult) FlowState {
		return FlowState{Delivered: r.Delivered, Undelivered: r.Undelivered, Cost: r.Cost}
	}
	res.Before, res.After = state(before), state(after)
	res.CostIncrease = res.After.Cost - res.Before.Cost
	for i := range rn.s.Len() {
		b := math.Max(before.Inflow[i], before.Outflow[i])
		a := math.Max(after.Inflow[i], after.Outflow[i])
		if b != 0 || a != 0 {
			res.Actors = append(res.Actors, ActorFlow{Actor: rn.s.ActorID(i), Before: b, After: a, Change: a - b})
		}
	}
	perLink := map[network.LinkID]*LinkFlow{}
	for k, id := range rn.links {
		lf := perLink[id]
		if lf == nil {
			lf = &LinkFlow{Link: id}
			perLink[id] = lf
		}
		lf.Before += before.Flow[k]
		lf.After += after.Flow[k]
	}
	ids := make([]network.LinkID, 0, len(perLink))
	for id := range perLink {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		lf := perLink[id]
		if lf.Before != 0 || lf.After != 0 {
			lf.Change = lf.After - lf.Before
			res.Links = append(res.Links, *lf)
		}
	}
	return res, nil
}
