package supplychain

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// Role is what an actor does in a supply chain: it moves the commodity
// (source, transit, market) or serves those who do (controller, enabler,
// funder, protector). NewChain documents the rule of each role. An actor
// may hold several roles (a cartel is a transit and a controller; a
// hybrid insurgency a market and a protector) or none (a place on a route,
// a member with no other tie).
type Role uint8

// The roles, in the order results list them.
const (
	// RoleSource sends the commodity and receives none of it in the chain.
	RoleSource Role = iota
	// RoleTransit receives the commodity and sends it on.
	RoleTransit
	// RoleMarket receives the commodity and sends none of it on.
	RoleMarket
	// RoleController leads, commands or employs a chain actor, or is the
	// group a flow actor belongs to.
	RoleController
	// RoleEnabler serves the chain: a service, a conveyance, infrastructure
	// or communication, or a facilitator or licit business working for it.
	RoleEnabler
	// RoleFunder puts money into the flow from outside it.
	RoleFunder
	// RoleProtector protects a chain actor, or takes bribes, taxes or
	// extortion from a flow actor.
	RoleProtector
)

var roleNames = []string{"source", "transit", "market", "controller", "enabler", "funder", "protector"}

// Roles lists every role in declaration order.
func Roles() []Role {
	return []Role{RoleSource, RoleTransit, RoleMarket, RoleController, RoleEnabler, RoleFunder, RoleProtector}
}

// String returns "source", "transit", "market", "controller", "enabler",
// "funder" or "protector".
func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return fmt.Sprintf("Role(%d)", uint8(r))
}

// ParseRole returns the role named name (String's names; case and
// surrounding space are ignored).
func ParseRole(name string) (Role, error) {
	for i, s := range roleNames {
		if strings.EqualFold(strings.TrimSpace(name), s) {
			return Role(i), nil
		}
	}
	return 0, fmt.Errorf("unknown role %q (want %s)", name, strings.Join(roleNames, ", "))
}

// MarshalText implements encoding.TextMarshaler.
func (r Role) MarshalText() ([]byte, error) {
	if int(r) >= len(roleNames) {
		return nil, fmt.Errorf("invalid role %d", uint8(r))
	}
	return []byte(roleNames[r]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Role) UnmarshalText(b []byte) error {
	x, err := ParseRole(string(b))
	if err != nil {
		return err
	}
	*r = x
	return nil
}

// The link types the role rules look for. Types are compared without
// regard to case or surrounding space.
var (
	// controlTypes: manpower links whose From end controls the To end.
	controlTypes = []string{"leads", "controls", "commands", "directs", "employs"}
	// memberTypes: manpower links from a member to its group.
	memberTypes = []string{"member_of"}
	// serviceTypes: manpower links whose From end serves the To end.
	serviceTypes = []string{"enables", "provides_service_to"}
	// protectTypes: manpower links whose From end protects the To end.
	protectTypes = []string{"protects"}
	// fundingTypes: money links that fund their payee.
	fundingTypes = []string{"funds", "invests_in", "pays", "donates_to"}
	// briberyTypes, levyTypes: money links paid to a protector.
	briberyTypes = []string{"bribes"}
	levyTypes    = []string{"taxes", "extorts"}
	// locationTypes: mechanism links that place an actor, rather than
	// convey, equip or connect it.
	locationTypes = []string{"located_at", "operates_in"}
	// routeTypes: mechanism links by which an actor runs a route.
	routeTypes = []string{"operates_route"}
	// launderTypes: money links paid to a launderer.
	launderTypes = []string{"launders_for"}
	// technologyTypes: mechanism links that use technology.
	technologyTypes = []string{"communicates_with", "uses_infrastructure"}
)

// chainTypeIs reports whether the link's type is one of types (ignoring
// case and surrounding space).
func chainTypeIs(l network.Link, types []string) bool {
	t := strings.TrimSpace(l.Type)
	for _, s := range types {
		if strings.EqualFold(t, s) {
			return true
		}
	}
	return false
}

// chainKey is the normalised form of a commodity, mode, channel or type:
// trimmed and lower-case.
func chainKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// chainArcs returns the directed arcs of a link: From → To, and To → From
// as well if the link is Mutual.
func chainArcs(l network.Link) [][2]string {
	if l.Mutual {
		return [][2]string{{l.From, l.To}, {l.To, l.From}}
	}
	return [][2]string{{l.From, l.To}}
}

// ErrEmptyScope is wrapped by the error of NewChain when the scope keeps no
// actor, no link between two different actors, or no materiel link, from
// which a chain is built.
var ErrEmptyScope = errors.New("supplychain: empty scope")

// ErrUnknownCommodity is wrapped by the error of NewChain when no materiel
// link kept by the scope carries the commodity asked for. The message
// lists the commodities the scope's materiel links do carry.
var ErrUnknownCommodity = errors.New("supplychain: unknown commodity")

// ChainOptions select the commodity of a chain.
type ChainOptions struct {
	// Commodity is the commodity the chain moves, matched against
	// Link.Commodity without regard to case or surrounding space ("cocaine"
	// matches "Cocaine "). The empty string takes every materiel link,
	// whatever it carries (those with no commodity included).
	Commodity string
}

// ActorRole is one role of an actor with the links that give it.
type ActorRole struct {
	// Role is the role.
	Role Role
	// Links are the IDs of the chain links that satisfy the role's rule for
	// the actor, in increasing order: the evidence.
	Links []network.LinkID
}

// ChainActor is an actor of a chain and its roles.
type ChainActor struct {
	// ID is the actor's ID.
	ID string
	// Flow reports whether the actor is an end of one of the chain's
	// materiel links: it handles the commodity itself.
	Flow bool
	// Roles are the actor's roles in Role order, each with its links; nil
	// if it has none.
	Roles []ActorRole
}

// Has reports whether the actor holds role r.
func (a ChainActor) Has(r Role) bool {
	for _, x := range a.Roles {
		if x.Role == r {
			return true
		}
	}
	return false
}

// RoleLinks returns the links that give the actor role r, nil if it does
// not hold it.
func (a ChainActor) RoleLinks(r Role) []network.LinkID {
	for _, x := range a.Roles {
		if x.Role == r {
			return slices.Clone(x.Links)
		}
	}
	return nil
}

// Chain is the sub-network that moves one commodity (or every commodity):
// its materiel links, the actors and places they touch, and the manpower,
// money and mechanism links of those actors, with each actor's roles. See
// NewChain for the definition. A Chain is read-only.
type Chain struct {
	// Commodity is ChainOptions.Commodity, trimmed and in lower case; ""
	// for every commodity.
	Commodity string
	// Commodities are the distinct commodities of the chain's materiel
	// links (trimmed, lower case; "" for a link that names none), in
	// increasing order.
	Commodities []string
	// Actors are the chain's actors, places included, in actor order (the
	// network's order).
	Actors []ChainActor
	// Materiel, Manpower, Money and Mechanism are the IDs of the chain's
	// links of each element, in increasing order.
	Materiel, Manpower, Money, Mechanism []network.LinkID

	net   *network.Network
	index map[string]int                  // actor ID → position in Actors
	links map[network.LinkID]network.Link // every chain link
}

// NewChain builds the chain of a commodity from the links the scope keeps
// (Scope.Keeps: the view's elements, types, window, minimum grade, sectors
// and kinds). Self-links are left out, as in views; the scope's direction,
// weighting and sets A and B are not used: every link keeps its own
// direction, and a Mutual link counts in both directions in every rule
// below.
//
// Links and actors:
//
//   - The materiel links are the kept links of element Materiel whose
//     commodity matches ChainOptions.Commodity (all of them for "").
//   - The flow actors are the ends of the materiel links: the actors and
//     places that handle the commodity.
//   - The chain also takes every kept manpower, money and mechanism link
//     with at least one end a flow actor (routes and locations, payments,
//     control and protection of the flow), and the actors at their other
//     ends. Association links are not part of a chain. A link with no end
//     in the flow (a launderer paying a front company) is not in the
//     chain, though Audit follows it one hop from a launderer.
//
// Roles, for an actor u of the chain (a place can only be a source,
// transit or market):
//
//   - source: u sends the commodity (is the From end of a materiel link)
//     and receives none of it; the links are the materiel links it sends.
//   - transit: u both receives and sends the commodity; its materiel links.
//   - market: u receives the commodity and sends none of it on; the
//     materiel links it receives.
//   - controller: u is the From end of a manpower link of type leads,
//     controls, commands, directs or employs; or the To end (the group) of
//     a member_of link whose From end (the member) is a flow actor.
//   - enabler: u is not a place and (a) is the From end of a manpower link
//     of type enables or provides_service_to; or (b) is not a flow actor
//     and is an end of a mechanism link of a type other than located_at
//     and operates_in (it conveys, equips or connects the flow); or (c) is
//     not a flow actor, is in the facilitator or the licit sector (by kind
//     or tag), and has chain links other than the funding links by which
//     it is a funder — those links.
//   - funder: u is not a flow actor and is the From end (the payer) of a
//     money link of type funds, invests_in, pays or donates_to (its To end
//     is then a flow actor).
//   - protector: u is the From end of a manpower link of type protects; or
//     u is in the state sector and is the To end (the payee) of a money
//     link of type bribes whose From end is a flow actor; or u is the To
//     end (the payee) of a money link of type taxes or extorts whose From
//     end is a flow actor.
//
// Money links run in the direction the money moves, from payer to payee,
// whatever their type: a bribe from a smuggler to a customs official is
// smuggler → official; a tax the growers pay an insurgency is growers →
// insurgency; proceeds handed to a launderer are client → launderer
// (launders_for). Types are compared without regard to case.
//
// Ordering: actors in actor order, roles in Role order, links in
// increasing ID.
//
// The chain follows the four critical elements of a supply chain of
// Realuyo (2013, Figure 2; see Audit); protection, taxation and
// corruption as services to the trade follow Luna (2008, US Department of
// State), who describes terrorist groups "protecting illicit cultivation",
// "corrupting officials" and "taxing growers in exchange for protection".
//
// Errors: a nil scope; a scope that keeps no actor, no link between two
// actors or no materiel link (ErrEmptyScope); no kept materiel link
// carrying the commodity
// (ErrUnknownCommodity; the message lists the commodities present and
// says when the network has such links that the scope does not keep).
func NewChain(s *analysis.Scope, opts ChainOptions) (*Chain, error) {
	if s == nil {
		return nil, fmt.Errorf("supplychain: nil scope")
	}
	if s.Len() == 0 {
		return nil, fmt.Errorf("%w: it keeps no actor", ErrEmptyScope)
	}
	n := s.Network()
	want := chainKey(opts.Commodity)
	var kept []network.Link
	for l := range n.LinksSeq() {
		if l.From != l.To && s.Keeps(l) {
			kept = append(kept, l)
		}
	}
	if len(kept) == 0 {
		return nil, fmt.Errorf("%w: it keeps %s but no link between two of them", ErrEmptyScope, plural(s.Len(), "actor"))
	}
	c := &Chain{Commodity: want, net: n, index: map[string]int{}, links: map[network.LinkID]network.Link{}}
	present := map[string]bool{}
	flow := map[string]bool{}
	for _, l := range kept {
		if l.Element != network.Materiel {
			continue
		}
		k := chainKey(l.Commodity)
		present[k] = true
		if want != "" && k != want {
			continue
		}
		c.Materiel = append(c.Materiel, l.ID)
		c.links[l.ID] = l
		flow[l.From], flow[l.To] = true, true
		if !slices.Contains(c.Commodities, k) {
			c.Commodities = append(c.Commodities, k)
		}
	}
	if len(c.Materiel) == 0 {
		return nil, noCommodityError(n, s, want, present)
	}
	slices.Sort(c.Commodities)
	members := map[string]bool{}
	for id := range flow {
		members[id] = true
	}
	for _, l := range kept {
		if l.Element == network.Materiel || l.Element == network.Association || (!flow[l.From] && !flow[l.To]) {
			continue
		}
		switch l.Element {
		case network.Manpower:
			c.Manpower = append(c.Manpower, l.ID)
		case network.Money:
			c.Money = append(c.Money, l.ID)
		case network.Mechanism:
			c.Mechanism = append(c.Mechanism, l.ID)
		}
		c.links[l.ID] = l
		members[l.From], members[l.To] = true, true
	}
	for _, ids := range [][]network.LinkID{c.Materiel, c.Manpower, c.Money, c.Mechanism} {
		slices.Sort(ids)
	}
	for i := range s.Len() {
		id := s.ActorID(i)
		if members[id] {
			c.index[id] = len(c.Actors)
			c.Actors = append(c.Actors, ChainActor{ID: id, Flow: flow[id]})
		}
	}
	c.assignRoles(flow)
	return c, nil
}

// noCommodityError explains why no materiel link matched.
func noCommodityError(n *network.Network, s *analysis.Scope, want string, present map[string]bool) error {
	var list []string
	for k := range present {
		if k == "" {
			k = "(none given)"
		}
		list = append(list, k)
	}
	slices.Sort(list)
	if len(list) == 0 {
		return fmt.Errorf("%w: it keeps no materiel link (element materiel), from which a chain is built", ErrEmptyScope)
	}
	dropped := 0
	for l := range n.LinksSeq() {
		if l.Element == network.Materiel && chainKey(l.Commodity) == want && l.From != l.To && !s.Keeps(l) {
			dropped++
		}
	}
	extra := ""
	if dropped > 0 {
		extra = fmt.Sprintf("; the scope leaves out the network's %s carrying it (view window, minimum grade, types, sectors or kinds)", plural(dropped, "materiel link"))
	}
	return fmt.Errorf("%w %q: no materiel link kept by the scope carries it (commodities present: %s)%s",
		ErrUnknownCommodity, want, strings.Join(list, ", "), extra)
}

// assignRoles applies the role rules of NewChain.
func (c *Chain) assignRoles(flow map[string]bool) {
	n := c.net
	roles := make([][numRoles][]network.LinkID, len(c.Actors))
	actor := func(id string) network.Actor { a, _ := n.Actor(id); return a }
	isPlace := func(id string) bool { return actor(id).InSector(network.Place) }
	add := func(id string, r Role, l network.LinkID) {
		if r > RoleMarket && isPlace(id) {
			return // a place only sends or receives
		}
		if i, ok := c.index[id]; ok {
			roles[i][r] = append(roles[i][r], l)
		}
	}

	sends := map[string][]network.LinkID{}
	recv := map[string][]network.LinkID{}
	for _, id := range c.Materiel {
		for _, a := range chainArcs(c.links[id]) {
			sends[a[0]] = append(sends[a[0]], id)
			recv[a[1]] = append(recv[a[1]], id)
		}
	}
	for id := range flow {
		s, r := sends[id], recv[id]
		switch {
		case len(s) > 0 && len(r) == 0:
			for _, l := range s {
				add(id, RoleSource, l)
			}
		case len(s) > 0 && len(r) > 0:
			for _, l := range append(slices.Clone(s), r...) {
				add(id, RoleTransit, l)
			}
		case len(r) > 0:
			for _, l := range r {
				add(id, RoleMarket, l)
			}
		}
	}
	// funding[link][u] marks the links by which u is a funder, which
	// enabler rule (c) leaves out.
	funding := map[network.LinkID]map[string]bool{}
	for _, id := range c.Manpower {
		l := c.links[id]
		for _, a := range chainArcs(l) {
			u, v := a[0], a[1]
			switch {
			case chainTypeIs(l, controlTypes):
				add(u, RoleController, id)
			case chainTypeIs(l, memberTypes):
				if flow[u] {
					add(v, RoleController, id)
				}
			case chainTypeIs(l, serviceTypes):
				add(u, RoleEnabler, id)
			case chainTypeIs(l, protectTypes):
				add(u, RoleProtector, id)
			}
		}
	}
	for _, id := range c.Money {
		l := c.links[id]
		for _, a := range chainArcs(l) {
			p, r := a[0], a[1]
			switch {
			case chainTypeIs(l, fundingTypes):
				if !flow[p] {
					add(p, RoleFunder, id)
					if funding[id] == nil {
						funding[id] = map[string]bool{}
					}
					funding[id][p] = true
				}
			case chainTypeIs(l, briberyTypes):
				if flow[p] && actor(r).InSector(network.State) {
					add(r, RoleProtector, id)
				}
			case chainTypeIs(l, levyTypes):
				if flow[p] {
					add(r, RoleProtector, id)
				}
			}
		}
	}
	for _, id := range c.Mechanism {
		l := c.links[id]
		if chainTypeIs(l, locationTypes) {
			continue
		}
		for _, u := range []string{l.From, l.To} {
			if !flow[u] {
				add(u, RoleEnabler, id)
			}
		}
	}
	for id, l := range c.links {
		for _, u := range []string{l.From, l.To} {
			if flow[u] || funding[id][u] {
				continue
			}
			if a := actor(u); a.InSector(network.Facilitator) || a.InSector(network.Licit) {
				add(u, RoleEnabler, id)
			}
		}
	}
	for i := range c.Actors {
		for r := range numRoles {
			ids := roles[i][r]
			if len(ids) == 0 {
				continue
			}
			slices.Sort(ids)
			c.Actors[i].Roles = append(c.Actors[i].Roles, ActorRole{Role: Role(r), Links: slices.Compact(ids)})
		}
	}
}

// numRoles is the number of roles.
const numRoles = 7

// Actor returns the chain actor with the given ID, and false if the actor
// is not in the chain.
func (c *Chain) Actor(id string) (ChainActor, bool) {
	i, ok := c.index[id]
	if !ok {
		return ChainActor{}, false
	}
	return c.Actors[i], true
}

// Has reports whether actor id is in the chain.
func (c *Chain) Has(id string) bool {
	_, ok := c.index[id]
	return ok
}

// WithRole returns the IDs of the chain actors holding role r, in actor
// order.
func (c *Chain) WithRole(r Role) []string {
	var out []string
	for _, a := range c.Actors {
		if a.Has(r) {
			out = append(out, a.ID)
		}
	}
	return out
}

// FlowActors returns the IDs of the actors that handle the commodity (the
// ends of the materiel links), in actor order.
func (c *Chain) FlowActors() []string {
	var out []string
	for _, a := range c.Actors {
		if a.Flow {
			out = append(out, a.ID)
		}
	}
	return out
}

// Links returns the IDs of every link of the chain, of all four elements,
// in increasing order.
func (c *Chain) Links() []network.LinkID {
	out := make([]network.LinkID, 0, len(c.links))
	for id := range c.links {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// Link returns the chain link with the given ID as the chain saw it, and
// false if the link is not in the chain.
func (c *Chain) Link(id network.LinkID) (network.Link, bool) {
	l, ok := c.links[id]
	return l, ok
}

// Network returns the network the chain was built on.
func (c *Chain) Network() *network.Network { return c.net }
