package nexus

import (
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// ContinuumStage is a stage of Makarenko's (2004) crime–terror continuum,
// from loose transactions between a criminal and a terrorist group to a
// state captured by a convergent group. Stages are ordered: a higher value
// is further along the continuum.
type ContinuumStage int

// The stages of the continuum (Makarenko 2004), in increasing order.
const (
	// StageNone: no rule fired.
	StageNone ContinuumStage = iota
	// StageAlliance: the groups transact (materiel or money), directly or
	// through a shared third actor.
	StageAlliance
	// StageOperational: operational motivations — a terrorist group
	// trafficks itself, or a criminal group uses terrorist-type violence.
	StageOperational
	// StageConvergence: a hybrid criminal–terrorist actor is among or
	// between them, or they share members.
	StageConvergence
	// StageBlackHole: the convergent groups reach the state — a state
	// sponsor or security service, or corruption of a state actor.
	StageBlackHole
)

var continuumStageNames = []string{"none", "alliance", "operational", "convergence", "black_hole"}

// String returns "none", "alliance", "operational", "convergence" or
// "black_hole".
func (s ContinuumStage) String() string { return enumString(continuumStageNames, "ContinuumStage", s) }

// ParseContinuumStage returns the stage named name (String's names; case
// and surrounding space are ignored).
func ParseContinuumStage(name string) (ContinuumStage, error) {
	return parseEnum[ContinuumStage](continuumStageNames, "continuum stage", name)
}

// MarshalText implements encoding.TextMarshaler.
func (s ContinuumStage) MarshalText() ([]byte, error) {
	return marshalEnum(continuumStageNames, "continuum stage", s)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *ContinuumStage) UnmarshalText(b []byte) error {
	return unmarshalEnum(continuumStageNames, "continuum stage", s, b)
}

// The names of the continuum rules, as reported in ContinuumRule.Name; see
// Continuum for their definitions.
const (
	RuleDirectTransaction    = "direct_transaction"
	RuleSharedFacilitator    = "shared_facilitator"
	RuleTerroristTrafficking = "terrorist_trafficking"
	RuleCriminalViolence     = "criminal_violence"
	RuleHybridActor          = "hybrid_actor"
	RuleSharedMember         = "shared_member"
	RuleStateSponsor         = "state_sponsor"
	RuleStateCorruption      = "state_corruption"
)

// ContinuumOptions are the link types that some rules of Continuum look
// for. Types are compared without regard to case. A nil list means its
// default; an empty non-nil list disables the rule.
type ContinuumOptions struct {
	// TraffickingTypes are the types of a Materiel link by which its From
	// actor trafficks (rule terrorist_trafficking). Default: supplies,
	// traffics, sells.
	TraffickingTypes []string
	// ViolenceTypes are the types of a link, of any element, by which its
	// From actor commits terrorist-type violence (rule criminal_violence).
	// Default: attacks, bombs, assassinates.
	ViolenceTypes []string
	// CorruptionTypes are the types of a link, of any element, that mark
	// a corrupt tie to a state actor (rule state_corruption). Default:
	// bribes, corrupts, protects.
	CorruptionTypes []string
}

// withDefaults fills the nil lists with their defaults.
func (o ContinuumOptions) withDefaults() ContinuumOptions {
	if o.TraffickingTypes == nil {
		o.TraffickingTypes = []string{"supplies", "traffics", "sells"}
	}
	if o.ViolenceTypes == nil {
		o.ViolenceTypes = []string{"attacks", "bombs", "assassinates"}
	}
	if o.CorruptionTypes == nil {
		o.CorruptionTypes = []string{"bribes", "corrupts", "protects"}
	}
	return o
}

// ContinuumRule is one rule of Continuum that fired, with its evidence.
type ContinuumRule struct {
	// Name is the rule's name (RuleDirectTransaction, …).
	Name string
	// Stage is the stage the rule indicates.
	Stage ContinuumStage
	// Actors are the actors that made the rule fire besides the pair
	// itself — the shared facilitator, the hybrid, the shared member, the
	// trafficking group, the state actor — in actor insertion order.
	Actors []string
	// Links are the IDs of the links that made it fire, in increasing
	// order (empty only for a hybrid_actor rule fired by a or b itself).
	Links []network.LinkID
}

// ContinuumResult is the continuum stage reached by a pair of groups and
// the rules that put it there.
type ContinuumResult struct {
	// A and B are the two groups, as given.
	A, B string
	// Stage is the highest stage of any rule that fired (StageNone if none).
	Stage ContinuumStage
	// Rule is the name of the first rule of the highest stage that fired
	// ("" if none).
	Rule string
	// Fired lists every rule that fired, from the highest stage down, in
	// the order of Continuum's list.
	Fired []ContinuumRule
}

// Continuum places the pair of groups a and b (actor IDs) on Makarenko's
// (2004) crime–terror continuum from the links between and around them.
// Every link the scope keeps counts (so a time window, a minimum grade or
// a set of elements restricts the evidence), in either direction unless
// stated; "a party" is a or b. The scope's sets, direction and weights are
// not used. The rules, checked from the highest stage down (all
// are evaluated; the stage is that of the highest rule that fired):
//
//  1. state_sponsor (black hole): the pair is convergent (rule 3 or 4
//     fired) and a convergent actor — a, b, or an actor that made rule 3 or
//     4 fire — has any link to a state-sector actor of kind StateSponsor or
//     StateSecurity: the state itself backs the convergent group.
//  2. state_corruption (black hole): the pair is convergent and a
//     convergent actor has a Money-element link, or a link whose type is in
//     CorruptionTypes, to any state-sector actor: the convergent group
//     buys the state. Ties of other kinds to state actors (an association,
//     a call) do not count, nor does corruption by a non-convergent pair
//     (that is a corruption node, see CorruptionNodes).
//  3. hybrid_actor (convergence): a, b, or an actor linked to both a and b
//     belongs to both the criminal and the terrorist sector (by kind or
//     tag). Evidence: the hybrid and, for a third actor, its links to a
//     and b.
//  4. shared_member (convergence): an actor other than a and b has a
//     Manpower link of type "member_of" from itself to a and another to b.
//  5. terrorist_trafficking (operational): a terrorist-sector party is the
//     From end of a Materiel link whose type is in opts.TraffickingTypes (the
//     group supplies, traffics or sells itself, to anyone; being supplied
//     does not count).
//  6. criminal_violence (operational): a criminal-sector party is the From
//     end of a link, of any element, whose type is in opts.ViolenceTypes.
//  7. direct_transaction (alliance): a Materiel or Money link joins a and b.
//  8. shared_facilitator (alliance): an actor other than a and b has a
//     Materiel or Money link to a and another to b (a transaction chain
//     through a shared facilitator, whatever its sector).
//
// Mutual links count as From-ends at both ends. Self-links are ignored.
// Actors and links are listed in actor and link order. It fails if a or b
// is not an actor of the scope, or if a == b.
//
// Reference: T. Makarenko (2004), "The crime–terror continuum: tracing the
// interplay between transnational organised crime and terrorism", Global
// Crime 6(1): 129–145.
func Continuum(s *analysis.Scope, a, b string, opts ContinuumOptions) (ContinuumResult, error) {
	res := ContinuumResult{A: a, B: b}
	if a == b {
		return res, errorf("continuum of %q with itself: give two different actors", a)
	}
	for _, id := range []string{a, b} {
		if _, ok := s.Index(id); !ok {
			if s.Network().HasActor(id) {
				return res, errorf("continuum: actor %q is left out by the scope's view (its sectors or kinds)", id)
			}
			return res, errorf("continuum: no actor %q in the network", id)
		}
	}
	opts = opts.withDefaults()
	n := s.Network()
	actA, _ := n.Actor(a)
	actB, _ := n.Actor(b)
	kept := func(ls []network.Link) []network.Link {
		return slices.DeleteFunc(ls, func(l network.Link) bool { return !s.Keeps(l) })
	}
	ev := map[string]*ContinuumRule{}
	hit := func(name string, st ContinuumStage, actors []string, links ...network.LinkID) {
		r := ev[name]
		if r == nil {
			r = &ContinuumRule{Name: name, Stage: st}
			ev[name] = r
		}
		r.Actors = append(r.Actors, actors...)
		r.Links = append(r.Links, links...)
	}
	isType := func(l network.Link, types []string) bool {
		return slices.ContainsFunc(types, func(t string) bool { return strings.EqualFold(t, l.Type) })
	}
	fromEnd := func(l network.Link, id string) bool { return l.From == id || (l.Mutual && l.To == id) }
	transaction := func(l network.Link) bool {
		return l.Element == network.Materiel || l.Element == network.Money
	}
	hybrid := func(x network.Actor) bool {
		return x.InSector(network.Criminal) && x.InSector(network.Terrorist)
	}
	party := []network.Actor{actA, actB}

	// Rules 5–7: links of the parties themselves.
	for _, l := range kept(n.LinksBetween(a, b)) {
		if transaction(l) {
			hit(RuleDirectTransaction, StageAlliance, nil, l.ID)
		}
	}
	for _, p := range party {
		for _, l := range kept(n.LinksOf(p.ID)) {
			if l.From == l.To || !fromEnd(l, p.ID) {
				continue
			}
			if p.InSector(network.Terrorist) && l.Element == network.Materiel && isType(l, opts.TraffickingTypes) {
				hit(RuleTerroristTrafficking, StageOperational, []string{p.ID}, l.ID)
			}
			if p.InSector(network.Criminal) && isType(l, opts.ViolenceTypes) {
				hit(RuleCriminalViolence, StageOperational, []string{p.ID}, l.ID)
			}
		}
	}

	// Rules 3, 4 and 8: third actors around both parties.
	for _, p := range party {
		if hybrid(p) {
			hit(RuleHybridActor, StageConvergence, []string{p.ID})
		}
	}
	// The third actors are the common neighbours of a and b, in actor
	// order: O(degree of a + degree of b), not a pass over every actor.
	ends := func(id string) map[string]bool {
		m := map[string]bool{}
		for _, l := range kept(n.LinksOf(id)) {
			m[l.Other(id)] = true
		}
		return m
	}
	endsA, endsB := ends(a), ends(b)
	var third []int
	for id := range endsA {
		if i, ok := s.Index(id); ok && endsB[id] && id != a && id != b {
			third = append(third, i)
		}
	}
	slices.Sort(third)
	for _, i := range third {
		x := s.Actor(i)
		la, lb := kept(n.LinksBetween(x.ID, a)), kept(n.LinksBetween(x.ID, b))
		if len(la) == 0 || len(lb) == 0 {
			continue
		}
		if hybrid(x) {
			hit(RuleHybridActor, StageConvergence, []string{x.ID}, linkIDs(la, nil)...)
			hit(RuleHybridActor, StageConvergence, nil, linkIDs(lb, nil)...)
		}
		member := func(l network.Link) bool {
			return l.Element == network.Manpower && strings.EqualFold(l.Type, "member_of") && fromEnd(l, x.ID)
		}
		ma, mb := linkIDs(la, member), linkIDs(lb, member)
		if len(ma) > 0 && len(mb) > 0 {
			hit(RuleSharedMember, StageConvergence, []string{x.ID}, append(ma, mb...)...)
		}
		ta, tb := linkIDs(la, transaction), linkIDs(lb, transaction)
		if len(ta) > 0 && len(tb) > 0 {
			hit(RuleSharedFacilitator, StageAlliance, []string{x.ID}, append(ta, tb...)...)
		}
	}

	// Rules 1 and 2: convergent actors reaching the state.
	if ev[RuleHybridActor] != nil || ev[RuleSharedMember] != nil {
		conv := map[string]bool{a: true, b: true}
		for _, name := range []string{RuleHybridActor, RuleSharedMember} {
			if r := ev[name]; r != nil {
				for _, id := range r.Actors {
					conv[id] = true
				}
			}
		}
		// The convergent actors, in actor order: a few, not a pass over
		// every actor of the scope.
		var convergent []int
		for id := range conv {
			if i, ok := s.Index(id); ok {
				convergent = append(convergent, i)
			}
		}
		slices.Sort(convergent)
		for _, i := range convergent {
			x := s.Actor(i)
			for _, l := range kept(n.LinksOf(x.ID)) {
				other := l.Other(x.ID)
				if other == x.ID || conv[other] {
					continue
				}
				s, _ := n.Actor(other)
				if !s.InSector(network.State) {
					continue
				}
				if s.Kind == network.StateSponsor || s.Kind == network.StateSecurity {
					hit(RuleStateSponsor, StageBlackHole, []string{s.ID}, l.ID)
				}
				if l.Element == network.Money || isType(l, opts.CorruptionTypes) {
					hit(RuleStateCorruption, StageBlackHole, []string{s.ID}, l.ID)
				}
			}
		}
	}

	order := []string{RuleStateSponsor, RuleStateCorruption, RuleHybridActor, RuleSharedMember,
		RuleTerroristTrafficking, RuleCriminalViolence, RuleDirectTransaction, RuleSharedFacilitator}
	for _, name := range order {
		r := ev[name]
		if r == nil {
			continue
		}
		r.Actors = continuumSortActors(n, r.Actors)
		slices.Sort(r.Links)
		r.Links = slices.Compact(r.Links)
		res.Fired = append(res.Fired, *r)
	}
	if len(res.Fired) > 0 {
		res.Stage, res.Rule = res.Fired[0].Stage, res.Fired[0].Name
	}
	return res, nil
}

// linkIDs returns the IDs of the links that pass keep (all if keep is nil).
func linkIDs(ls []network.Link, keep func(network.Link) bool) []network.LinkID {
	var ids []network.LinkID
	for _, l := range ls {
		if keep == nil || keep(l) {
			ids = append(ids, l.ID)
		}
	}
	return ids
}

// continuumSortActors returns the distinct IDs in actor insertion order.
func continuumSortActors(n *network.Network, ids []string) []string {
	slices.SortFunc(ids, func(x, y string) int {
		i, _ := n.Index(x)
		j, _ := n.Index(y)
		return i - j
	})
	return slices.Compact(ids)
}
