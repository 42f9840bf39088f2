package supplychain

import (
	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// Tally sums the links of one element in one direction.
type Tally struct {
	// Links is the number of links.
	Links int
	// Weight is the sum of their weights (Link.Weight).
	Weight float64
	// Amount is the sum of their amounts: the "amount" attribute of money
	// links when it is a number; other elements, and money links without a
	// numeric amount, add 0.
	Amount float64
}

// ElementFlow is an actor's activity in one element: the links it sends
// (Out, as From end) and receives (In, as To end).
type ElementFlow struct {
	// Element is the element.
	Element network.Element
	// In and Out tally the links into and out of the actor.
	In, Out Tally
}

// Active reports whether the actor has a link of the element in either
// direction.
func (f ElementFlow) Active() bool { return f.In.Links > 0 || f.Out.Links > 0 }

// Profile is the four-element profile of one actor: which elements its
// links carry, in and out.
type Profile struct {
	// Actor is the actor's ID.
	Actor string
	// Elements holds one ElementFlow per element, in network.Elements()
	// order: association, materiel, manpower, money, mechanism.
	Elements []ElementFlow
	// AllFour reports that the actor is active (in either direction) in
	// all four critical elements: materiel, manpower, money and mechanism.
	AllFour bool
}

// Of returns the actor's flow in element e (the zero ElementFlow, with
// Element e, for an invalid element).
func (p Profile) Of(e network.Element) ElementFlow {
	for _, f := range p.Elements {
		if f.Element == e {
			return f
		}
	}
	return ElementFlow{Element: e}
}

// Active returns the elements in which the actor has links, in
// network.Elements() order.
func (p Profile) Active() []network.Element {
	var out []network.Element
	for _, f := range p.Elements {
		if f.Active() {
			out = append(out, f.Element)
		}
	}
	return out
}

// Profiles returns the four-element profile of every actor of the scope,
// in actor order, from the links the scope keeps (Scope.Keeps). A link
// counts Out for its From end and In for its To end; a Mutual link counts
// both In and Out for both ends (its one link adds 1 to each of the four
// tallies). Self-links are left out, as in views. Association links are
// tallied too, under network.Association, but do not count towards
// AllFour. The scope's direction, weighting and sets are not used.
//
// This is the four-element profile of the supply-chain analysis: which
// of the critical elements of Realuyo (2013, Figure 2) — materiel,
// manpower, money, mechanisms — an actor's links carry.
func Profiles(s *analysis.Scope) []Profile {
	if s == nil {
		return nil
	}
	elements := network.Elements()
	slot := map[network.Element]int{}
	for i, e := range elements {
		slot[e] = i
	}
	out := make([]Profile, s.Len())
	for i := range out {
		out[i] = Profile{Actor: s.ActorID(i), Elements: make([]ElementFlow, len(elements))}
		for j, e := range elements {
			out[i].Elements[j].Element = e
		}
	}
	add := func(t *Tally, l network.Link) {
		t.Links++
		t.Weight += l.Weight
		if l.Element == network.Money {
			t.Amount += amount(l)
		}
	}
	for l := range s.Network().LinksSeq() {
		if l.From == l.To || !s.Keeps(l) {
			continue
		}
		f, _ := s.Index(l.From)
		t, _ := s.Index(l.To)
		e := slot[l.Element]
		add(&out[f].Elements[e].Out, l)
		add(&out[t].Elements[e].In, l)
		if l.Mutual {
			add(&out[f].Elements[e].In, l)
			add(&out[t].Elements[e].Out, l)
		}
	}
	for i := range out {
		all := true
		for _, e := range network.CriticalElements() {
			if !out[i].Elements[slot[e]].Active() {
				all = false
			}
		}
		out[i].AllFour = all
	}
	return out
}
