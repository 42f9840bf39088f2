package nexus

import (
	"slices"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// CorruptionNode is a state-sector actor with at least one link to a
// member of set A or set B (by default criminal- and terrorist-sector
// actors): a point where, in the words of the US Department of State
// (Luna 2008), "corruption eases criminal transactions".
type CorruptionNode struct {
	// Actor is the ID of the state-sector actor.
	Actor string
	// A and B are the IDs of the members of set A and of set B it is
	// linked to, in actor order. A counterpart in both sets (a hybrid) is
	// listed in both.
	A, B []string
	// Links are the IDs of the links joining the actor to those
	// counterparts (any direction), in increasing order: the evidence.
	Links []network.LinkID
}

// CorruptionNodes returns the corruption nodes of the scope: every
// state-sector actor (by kind or by tag) with at least one link kept by
// the scope, in either direction and of any element, to a different actor
// in set A or set B (by default the criminal and the terrorist sector).
// The scope's view can restrict the elements, link types, time window,
// minimum grade, or the actors examined; direction and weights are
// irrelevant. Self-links are ignored.
//
// The result is ordered by number of evidence links, descending, then by
// actor order. It fails if both A and B are empty; one empty set (a purely
// criminal network) is fine.
//
// Reference: D. M. Luna (2008), "Narco-trafficking: what is the nexus with
// the war on terror?", remarks for the US Department of State, Bureau of
// International Narcotics and Law Enforcement Affairs, Miami, 8 October
// 2008.
func CorruptionNodes(s *analysis.Scope) ([]CorruptionNode, error) {
	if _, _, err := s.Sets(); err != nil && len(s.A())+len(s.B()) == 0 {
		return nil, errorf("corruption nodes: %w", err)
	}
	var out []CorruptionNode
	for u := range s.Len() {
		if !s.Actor(u).InSector(network.State) {
			continue
		}
		c := CorruptionNode{Actor: s.ActorID(u)}
		for _, w := range s.Neighbours(u) {
			a, b := s.InA(w), s.InB(w)
			if !a && !b {
				continue
			}
			if a {
				c.A = append(c.A, s.ActorID(w))
			}
			if b {
				c.B = append(c.B, s.ActorID(w))
			}
			c.Links = append(c.Links, s.LinksBetween(u, w)...)
		}
		if len(c.Links) == 0 {
			continue
		}
		slices.Sort(c.Links)
		out = append(out, c)
	}
	// Stable sort keeps actor order among ties.
	slices.SortStableFunc(out, func(x, y CorruptionNode) int { return len(y.Links) - len(x.Links) })
	return out, nil
}

// IronTriangle is a triangle of a state-sector actor, a licit-sector actor
// and a criminal-sector actor, all three pairwise linked: the "corrupt
// business leaders, corrupt government officials, and organized
// criminals" who "work together" (Luna 2008, US Department of State).
type IronTriangle struct {
	// State, Licit and Criminal are the IDs of the actors filling the three
	// roles; they are three distinct actors.
	State, Licit, Criminal string
	// StateLicit, StateCriminal and LicitCriminal are the IDs of the links
	// joining each pair (any direction), in increasing order.
	StateLicit, StateCriminal, LicitCriminal []network.LinkID
}

// IronTriangles returns every iron triangle of the scope (Luna 2008; see
// CorruptionNodes): each role assignment (s, l, c) of three distinct actors
// such that s is in the state sector, l in the licit sector and c in the
// criminal sector (by kind or by tag), and each of the three pairs is
// joined by at least one link kept by the scope, in either direction and
// of any element. The roles are fixed sectors: the scope's sets A and B
// are not used, its view is.
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
// The result is ordered by the actor order of the state actor, then of the
// licit actor, then of the criminal actor. It never fails; the error is
// for the signature shared with the other analyses.
func IronTriangles(s *analysis.Scope) ([]IronTriangle, error) {
	in := func(u int, sec network.Sector) bool { return s.Actor(u).InSector(sec) }
	var out []IronTriangle
	for st := range s.Len() {
		if !in(st, network.State) {
			continue
		}
		nb := s.Neighbours(st)
		for _, l := range nb {
			if !in(l, network.Licit) {
				continue
			}
			for _, c := range nb {
				if c == l || !in(c, network.Criminal) {
					continue
				}
				lc := s.LinksBetween(l, c)
				if len(lc) == 0 {
					continue
				}
				out = append(out, IronTriangle{
					State: s.ActorID(st), Licit: s.ActorID(l), Criminal: s.ActorID(c),
					StateLicit: s.LinksBetween(st, l), StateCriminal: s.LinksBetween(st, c), LicitCriminal: lc,
				})
			}
		}
	}
	return out, nil
}
