package nexus

import (
	"slices"

	"github.com/illicitnet/illicit/network"
)

// CorruptionNode is a state-sector actor with at least one link to a
// criminal- or terrorist-sector actor: a point where, in the words of the
// US State Department (2008), "corruption eases criminal transactions".
type CorruptionNode struct {
	// Actor is the ID of the state-sector actor.
	Actor string
	// Criminal and Terrorist are the IDs of the criminal-sector and
	// terrorist-sector actors it is linked to, in actor insertion order. A
	// counterpart in both sectors (a hybrid) is listed in both.
	Criminal, Terrorist []string
	// Links are the IDs of the links joining the actor to those
	// counterparts (any direction), in increasing order: the evidence.
	Links []network.LinkID
}

// CorruptionNodes returns the corruption nodes of the network (US State
// Department 2008; see DOMAIN §4): every state-sector actor (by kind or by
// tag) with at least one link, in either direction and of any element, to
// a different actor of the criminal or terrorist sector (by kind or tag).
//
// Only the actors and links that a view built with opts keeps are
// considered, so opts can restrict the elements, link types, time window,
// minimum grade, or the actors (Sectors, Kinds) examined; opts.Aggregation
// is irrelevant. Self-links are ignored.
//
// The result is ordered by number of evidence links, descending, then by
// actor insertion order. It fails only if opts is invalid.
func CorruptionNodes(n *network.Network, opts network.ViewOptions) ([]CorruptionNode, error) {
	uv, err := n.UndirectedView(opts)
	if err != nil {
		return nil, err
	}
	nb := viewNeighbours(uv)
	var out []CorruptionNode
	for u := range nb {
		a, _ := uv.Actor(int64(u))
		if !a.InSector(network.State) {
			continue
		}
		var c CorruptionNode
		for _, w := range nb[u] {
			b, _ := uv.Actor(int64(w))
			crim, terr := b.InSector(network.Criminal), b.InSector(network.Terrorist)
			if !crim && !terr {
				continue
			}
			if crim {
				c.Criminal = append(c.Criminal, b.ID)
			}
			if terr {
				c.Terrorist = append(c.Terrorist, b.ID)
			}
			c.Links = append(c.Links, edgeLinks(uv, u, w)...)
		}
		if len(c.Links) == 0 {
			continue
		}
		c.Actor = a.ID
		slices.Sort(c.Links)
		out = append(out, c)
	}
	// Stable sort keeps actor insertion order among ties.
	slices.SortStableFunc(out, func(x, y CorruptionNode) int { return len(y.Links) - len(x.Links) })
	return out, nil
}

// IronTriangle is a triangle of a state-sector actor, a licit-sector actor
// and a criminal-sector actor, all three pairwise linked: the "corrupt
// business leaders, corrupt government officials, and organized
// criminals" who "work together" (US State Department 2008).
type IronTriangle struct {
	// State, Licit and Criminal are the IDs of the actors filling the three
	// roles; they are three distinct actors.
	State, Licit, Criminal string
	// StateLicit, StateCriminal and LicitCriminal are the IDs of the links
	// joining each pair (any direction), in increasing order.
	StateLicit, StateCriminal, LicitCriminal []network.LinkID
}

// IronTriangles returns every iron triangle of the network (US State
// Department 2008; DOMAIN §4): each role assignment (s, l, c) of three
// distinct actors such that s is in the state sector, l in the licit
// sector and c in the criminal sector (by kind or by tag), and each of the
// three pairs is joined by at least one link, in either direction and of
// any element.
//
// Duplicates: a triangle is one role assignment, so three distinct actors
// with one sector each give at most one triangle. An actor in several
// sectors (a hybrid) may fill any role it belongs to, and the same three
// actors are then reported once per valid assignment of the roles to
// them. For instance, a state-owned firm tagged both state and licit, an
// official also tagged licit (a "businessman-official") and a cartel, all
// pairwise linked, give two triangles: (firm, official, cartel) and
// (official, firm, cartel). An actor never fills two roles of one
// triangle.
//
// As with CorruptionNodes, only the actors and links that a view built
// with opts keeps are considered. The result is ordered by the insertion
// order of the state actor, then of the licit actor, then of the criminal
// actor. It fails only if opts is invalid.
func IronTriangles(n *network.Network, opts network.ViewOptions) ([]IronTriangle, error) {
	uv, err := n.UndirectedView(opts)
	if err != nil {
		return nil, err
	}
	nb := viewNeighbours(uv)
	in := func(u int, s network.Sector) bool {
		a, _ := uv.Actor(int64(u))
		return a.InSector(s)
	}
	var out []IronTriangle
	for s := range nb {
		if !in(s, network.State) {
			continue
		}
		for _, l := range nb[s] {
			if !in(l, network.Licit) {
				continue
			}
			for _, c := range nb[s] {
				if c == l || !in(c, network.Criminal) || !uv.HasEdgeBetween(int64(l), int64(c)) {
					continue
				}
				out = append(out, IronTriangle{
					State:         uv.ActorID(int64(s)),
					Licit:         uv.ActorID(int64(l)),
					Criminal:      uv.ActorID(int64(c)),
					StateLicit:    edgeLinks(uv, s, l),
					StateCriminal: edgeLinks(uv, s, c),
					LicitCriminal: edgeLinks(uv, l, c),
				})
			}
		}
	}
	return out, nil
}

// viewNeighbours returns the neighbour lists of an undirected view,
// indexed by node ID, each in increasing node ID (self-links are not in
// views).
func viewNeighbours(uv network.UndirectedView) [][]int {
	nb := make([][]int, uv.Len())
	for _, e := range uv.Edges() {
		f, t := int(e.F.ID()), int(e.T.ID())
		nb[f] = append(nb[f], t)
		nb[t] = append(nb[t], f)
	}
	for i := range nb {
		slices.Sort(nb[i])
	}
	return nb
}

// edgeLinks returns a copy of the link IDs merged into the edge u–w of an
// undirected view, in increasing order (nil if there is no edge).
func edgeLinks(uv network.UndirectedView, u, w int) []network.LinkID {
	e := uv.WeightedEdgeBetween(int64(u), int64(w))
	if e == nil {
		return nil
	}
	ids := slices.Clone(e.(network.Edge).Links())
	slices.Sort(ids)
	return ids
}
