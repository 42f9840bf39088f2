package supplychain

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/measure"
)

// Question is one of the questions of the supply-chain audit: the
// questions that Figure 2 of Realuyo (2013) asks of each of the four
// critical elements of a supply chain — materiel, manpower, money,
// mechanisms — with protection added to manpower after Luna (2008).
type Question uint8

// The questions, in the order an audit answers them: materiel (what, from,
// to, resources), manpower (movers, controllers, enablers, protectors),
// money (funders, revenue, destination), mechanisms (modes, technology,
// organisation). Audit documents how each is answered.
const (
	QuestionWhat         Question = iota // materiel: what is being moved?
	QuestionFrom                         // materiel: where is it coming from?
	QuestionTo                           // materiel: where is it destined for?
	QuestionResources                    // materiel: what resources are accessed?
	QuestionMovers                       // manpower: who is moving it?
	QuestionControllers                  // manpower: who controls and staffs the chain?
	QuestionEnablers                     // manpower: who are the key enablers?
	QuestionProtectors                   // manpower: who protects it?
	QuestionFunders                      // money: who is funding the chain?
	QuestionRevenue                      // money: how is revenue generated?
	QuestionDestination                  // money: where is the money going?
	QuestionModes                        // mechanisms: what modes of conveyance?
	QuestionTechnology                   // mechanisms: how is technology used?
	QuestionOrganisation                 // mechanisms: how is the chain organised?
)

var questionNames = []string{"what", "from", "to", "resources", "movers", "controllers", "enablers",
	"protectors", "funders", "revenue", "destination", "modes", "technology", "organisation"}

var questionInfo = []struct {
	element network.Element
	text    string
}{
	QuestionWhat:         {network.Materiel, "What is being moved through the supply chain (people, goods, commodities, services, data)?"},
	QuestionFrom:         {network.Materiel, "Where are those materials coming from?"},
	QuestionTo:           {network.Materiel, "Where are they destined for?"},
	QuestionResources:    {network.Materiel, "What resources are accessed?"},
	QuestionMovers:       {network.Manpower, "Who is moving it?"},
	QuestionControllers:  {network.Manpower, "Who controls and staffs the supply chain?"},
	QuestionEnablers:     {network.Manpower, "Who are the key enablers of the supply chain?"},
	QuestionProtectors:   {network.Manpower, "Who protects it?"},
	QuestionFunders:      {network.Money, "Who is funding the supply chain?"},
	QuestionRevenue:      {network.Money, "How is revenue generated?"},
	QuestionDestination:  {network.Money, "Where is the money going?"},
	QuestionModes:        {network.Mechanism, "What modes of conveyance are used (land, air, sea, cyberspace)?"},
	QuestionTechnology:   {network.Mechanism, "How is technology used?"},
	QuestionOrganisation: {network.Mechanism, "How is the supply chain organised?"},
}

// Questions lists every question in declaration order.
func Questions() []Question {
	out := make([]Question, len(questionNames))
	for i := range out {
		out[i] = Question(i)
	}
	return out
}

// String returns the question's short name: "what", "from", "to",
// "resources", "movers", "controllers", "enablers", "protectors",
// "funders", "revenue", "destination", "modes", "technology" or
// "organisation".
func (q Question) String() string {
	if int(q) < len(questionNames) {
		return questionNames[q]
	}
	return fmt.Sprintf("Question(%d)", uint8(q))
}

// Element returns the critical element the question belongs to, or
// network.Association for an invalid question.
func (q Question) Element() network.Element {
	if int(q) < len(questionInfo) {
		return questionInfo[q].element
	}
	return network.Association
}

// Text returns the question as the report asks it, or "" for an invalid
// question.
func (q Question) Text() string {
	if int(q) < len(questionInfo) {
		return questionInfo[q].text
	}
	return ""
}

// ParseQuestion returns the question named name (String's names; case and
// surrounding space are ignored).
func ParseQuestion(name string) (Question, error) {
	for i, s := range questionNames {
		if strings.EqualFold(strings.TrimSpace(name), s) {
			return Question(i), nil
		}
	}
	return 0, fmt.Errorf("unknown audit question %q (want %s)", name, strings.Join(questionNames, ", "))
}

// MarshalText implements encoding.TextMarshaler.
func (q Question) MarshalText() ([]byte, error) {
	if int(q) >= len(questionNames) {
		return nil, fmt.Errorf("invalid audit question %d", uint8(q))
	}
	return []byte(questionNames[q]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (q *Question) UnmarshalText(b []byte) error {
	x, err := ParseQuestion(string(b))
	if err != nil {
		return err
	}
	*q = x
	return nil
}

// UnknownText is the note of an answer on which the data are silent.
const UnknownText = "unknown — no links of this kind"

// The structures of a chain (Organisation.Structure).
const (
	// StructureHierarchy: degree centralisation at least
	// HierarchyCentralisation and at least one controller.
	StructureHierarchy = "hierarchy"
	// StructureNetwork: any other chain.
	StructureNetwork = "network"
)

// HierarchyCentralisation is the degree centralisation from which a chain
// with a controller is called a hierarchy.
const HierarchyCentralisation = 0.5

// AuditItem is one part of an answer: an actor or a value (a commodity, a
// mode, a link type), with the links that justify it.
type AuditItem struct {
	// Actor is the ID of the actor the item names, or "" for a value item.
	Actor string
	// Value is the value the item names (a commodity, a payment type and
	// channel, a mode, a link type, a structure), or "" for an actor item.
	Value string
	// Quantity is the volume or amount the answer's Quantity names, or 0
	// when it names none.
	Quantity float64
	// Links are the IDs of the links that justify the item, in increasing
	// order.
	Links []network.LinkID
}

// AuditAnswer is the answer to one question.
type AuditAnswer struct {
	// Question is the question answered.
	Question Question
	// Element is the critical element it belongs to (Question.Element).
	Element network.Element
	// Text is the question as asked (Question.Text).
	Text string
	// Quantity names what the items' Quantity is: "volume", "amount", or
	// "" when the answer has no quantity.
	Quantity string
	// Items are the answer's parts: actor items in actor order, value items
	// in increasing order of Value, as each question documents.
	Items []AuditItem
	// Unknown reports that the chain has no link of the kind the question
	// needs: Items is empty.
	Unknown bool
	// Note is UnknownText when Unknown; for the organisation question, the
	// measures and the rule that gave the structure; "" otherwise.
	Note string
}

// Organisation is how a chain is organised: the measures of its graph.
type Organisation struct {
	// Centralisation is Freeman's (1979) degree centralisation of the
	// chain graph, in [0, 1]: 1 for a star, 0 for a graph whose actors all
	// have the same degree, and 0 for fewer than three actors.
	Centralisation float64
	// Components is the number of connected components of the chain graph.
	Components int
	// Brokers are the articulation points of the chain graph — the actors
	// whose removal disconnects part of the chain — in actor order.
	Brokers []string
	// Controllers are the chain's controllers (Chain.WithRole), in actor
	// order.
	Controllers []string
	// Structure is StructureHierarchy or StructureNetwork.
	Structure string
}

// ChainSize counts a chain's actors and links.
type ChainSize struct {
	// Actors is the number of chain actors, places included; FlowActors
	// the number of them that handle the commodity.
	Actors, FlowActors int
	// Materiel, Manpower, Money and Mechanism count the chain links of each
	// element.
	Materiel, Manpower, Money, Mechanism int
}

// AuditResult answers every question of the audit for one chain.
type AuditResult struct {
	// Commodity is the chain's commodity ("" for every commodity) and
	// Commodities the commodities its materiel links carry.
	Commodity   string
	Commodities []string
	// Size counts the chain's actors and links.
	Size ChainSize
	// Answers holds one answer per question, in Question order.
	Answers []AuditAnswer
	// Organisation holds the measures behind QuestionOrganisation.
	Organisation Organisation
}

// Answer returns the answer to question q (the zero AuditAnswer for an
// invalid question).
func (r AuditResult) Answer(q Question) AuditAnswer {
	for _, a := range r.Answers {
		if a.Question == q {
			return a
		}
	}
	return AuditAnswer{}
}

// Audit answers the questions of the supply-chain audit (Realuyo 2013,
// Figure 2; Question) for chain c, built by NewChain on the same network
// as s. The answers use the chain's links; s is used only to follow money
// one hop beyond a launderer (QuestionDestination), with the links s
// keeps. Flow actors are the chain actors that handle the commodity
// (ChainActor.Flow); a Mutual link counts in both directions; types,
// modes and channels are compared in lower case, trimmed.
//
// Quantities. The volume of a materiel link is its "volume" attribute if
// that is a number, else its "amount" attribute if that is a number, else
// its Weight. The amount of a money link is its "amount" attribute if that
// is a number, else 0. Units are the data's (the attributes carry none).
//
// Materiel:
//
//   - what: one value item per commodity of the chain (lower case; "" for
//     links naming none), with all the commodity's materiel links;
//     Quantity is the volume sent by the sources (Σ volume of its materiel
//     links whose sender is a source): what enters the chain.
//   - from: the sources (their materiel links), and the places a source is
//     located at or operates in (chain links of type located_at or
//     operates_in from the source).
//   - to: the markets (the materiel links they receive), and the places a
//     market is located at or operates in.
//   - resources: the actors and places that non-place flow actors reach
//     through mechanism links of a type other than located_at and
//     operates_in, when they are not flow actors themselves (an airstrip,
//     a shipping line, a phone network); the links.
//
// Manpower:
//
//   - movers: the non-place flow actors that send the commodity (their
//     materiel links sent), and the non-place chain actors running a
//     route (From end of a mechanism link of type operates_route).
//   - controllers, enablers, protectors: the actors holding RoleController,
//     RoleEnabler, RoleProtector, with the role's links.
//
// Money:
//
//   - funders: the actors holding RoleFunder, with the role's links;
//     Quantity is their amount.
//   - revenue: every money link of the chain (each pays a chain actor),
//     grouped by type and channel; one value item per group, "type via
//     channel" (just "type" with no channel), Quantity their amount.
//   - destination: where the proceeds go — the payees of the money links
//     paid by flow actors; and, one hop further, the payees of the money
//     links kept by s that such a payee pays when it is a launderer (kind
//     money_launderer or hawala, or paid by a launders_for link). A payee
//     reached through a launderer lists the link that paid the launderer
//     and the launderer's link onwards. Quantity is the amount of the
//     distinct links paying the item directly. Launderers are followed one
//     hop only, and only from payees of flow actors.
//
// Mechanisms:
//
//   - modes: one value item per Mode given on a chain link, with the links.
//   - technology: the chain links that use technology — mechanism links of
//     type communicates_with or uses_infrastructure, any link of mode
//     cyber, money links of channel crypto — one value item per link type
//     ("type via crypto" for a crypto payment), with the links.
//   - organisation: see Organisation. The chain graph is the simple
//     undirected graph on the chain actors with an edge for every pair
//     joined by a chain link. Centralisation is Freeman's (1979) degree
//     centralisation Σ_v (d_max − d_v) / ((n − 1)(n − 2)), with d_v the
//     number of neighbours of v and n the number of chain actors (0 if
//     n < 3); brokers are the articulation points (measure.
//     ArticulationPoints). The structure is "hierarchy" if centralisation
//     ≥ HierarchyCentralisation and the chain has a controller, else
//     "network" — between the poles of the "hierarchies to clans,
//     networks, and cells" of the US strategy (White House 2011). The
//     items: the structure as a value item (with the controllers' links
//     for a hierarchy), then each broker with its chain links.
//
// An answer with no item is Unknown, with Note UnknownText. Items list
// actors in actor order and values in increasing order; links are in
// increasing order. The result is deterministic.
//
// It fails if s or c is nil or c was built on another network.
//
// References: C. B. Realuyo (2013), "Collaborating to combat illicit
// networks through interagency and international efforts", ch. 14 in M.
// Miklaucic & J. Brewer (eds.), Convergence: Illicit Networks and National
// Security in the Age of Globalization, National Defense University Press,
// Figure 2; D. M. Luna (2008), "Narco-trafficking: what is the nexus with
// the war on terror?", US Department of State; L. C. Freeman (1979),
// "Centrality in social networks: conceptual clarification", Social
// Networks 1(3): 215–239; The White House (2011), Strategy to Combat
// Transnational Organized Crime.
func Audit(s *analysis.Scope, c *Chain) (AuditResult, error) {
	if s == nil || c == nil {
		return AuditResult{}, fmt.Errorf("supplychain: audit needs a scope and a chain")
	}
	if s.Network() != c.net {
		return AuditResult{}, fmt.Errorf("supplychain: the chain was built on another network than the scope's")
	}
	a := auditor{s: s, c: c, n: c.net, flow: map[string]bool{}}
	for _, ca := range c.Actors {
		if ca.Flow {
			a.flow[ca.ID] = true
		}
	}
	r := AuditResult{Commodity: c.Commodity, Commodities: slices.Clone(c.Commodities),
		Size: ChainSize{Actors: len(c.Actors), FlowActors: len(c.FlowActors()), Materiel: len(c.Materiel),
			Manpower: len(c.Manpower), Money: len(c.Money), Mechanism: len(c.Mechanism)}}
	org, orgItems, orgNote := a.organisation()
	r.Organisation = org
	for _, q := range Questions() {
		ans := AuditAnswer{Question: q, Element: q.Element(), Text: q.Text()}
		switch q {
		case QuestionWhat:
			ans.Quantity = "volume"
			ans.Items = a.what()
		case QuestionFrom:
			ans.Items = a.ends(RoleSource)
		case QuestionTo:
			ans.Items = a.ends(RoleMarket)
		case QuestionResources:
			ans.Items = a.resources()
		case QuestionMovers:
			ans.Items = a.movers()
		case QuestionControllers:
			ans.Items = a.role(RoleController)
		case QuestionEnablers:
			ans.Items = a.role(RoleEnabler)
		case QuestionProtectors:
			ans.Items = a.role(RoleProtector)
		case QuestionFunders:
			ans.Quantity = "amount"
			ans.Items = a.role(RoleFunder)
			for i := range ans.Items {
				ans.Items[i].Quantity = a.amounts(ans.Items[i].Links)
			}
		case QuestionRevenue:
			ans.Quantity = "amount"
			ans.Items = a.revenue()
		case QuestionDestination:
			ans.Quantity = "amount"
			ans.Items = a.destination()
		case QuestionModes:
			ans.Items = a.modes()
		case QuestionTechnology:
			ans.Items = a.technology()
		case QuestionOrganisation:
			ans.Items, ans.Note = orgItems, orgNote
		}
		if len(ans.Items) == 0 {
			ans.Items, ans.Unknown, ans.Note = nil, true, UnknownText
		}
		r.Answers = append(r.Answers, ans)
	}
	return r, nil
}

// auditor holds the state of one audit.
type auditor struct {
	s    *analysis.Scope
	c    *Chain
	n    *network.Network
	flow map[string]bool
}

func (a *auditor) actor(id string) network.Actor { x, _ := a.n.Actor(id); return x }

func (a *auditor) isPlace(id string) bool { return a.actor(id).InSector(network.Place) }

// links returns the chain's links of the given IDs.
func (a *auditor) linksOf(ids []network.LinkID) []network.Link {
	out := make([]network.Link, len(ids))
	for i, id := range ids {
		out[i] = a.c.links[id]
	}
	return out
}

// itemSet collects items by actor or value.
type itemSet struct {
	actors bool
	items  map[string]*AuditItem
}

func newItemSet(actors bool) *itemSet {
	return &itemSet{actors: actors, items: map[string]*AuditItem{}}
}

func (s *itemSet) add(key string, links ...network.LinkID) *AuditItem {
	it := s.items[key]
	if it == nil {
		it = &AuditItem{}
		if s.actors {
			it.Actor = key
		} else {
			it.Value = key
		}
		s.items[key] = it
	}
	it.Links = append(it.Links, links...)
	return it
}

// list returns the items, actor items in the network's actor order and
// value items by value, links sorted and without repeats.
func (s *itemSet) list(n *network.Network) []AuditItem {
	keys := make([]string, 0, len(s.items))
	for k := range s.items {
		keys = append(keys, k)
	}
	if s.actors {
		slices.SortFunc(keys, func(x, y string) int {
			i, _ := n.Index(x)
			j, _ := n.Index(y)
			return i - j
		})
	} else {
		slices.Sort(keys)
	}
	out := make([]AuditItem, 0, len(keys))
	for _, k := range keys {
		it := *s.items[k]
		slices.Sort(it.Links)
		it.Links = slices.Compact(it.Links)
		out = append(out, it)
	}
	return out
}

// volume returns the volume of a materiel link (see Audit).
func volume(l network.Link) float64 {
	if v, ok := number(l.Attributes, "volume"); ok {
		return v
	}
	if v, ok := number(l.Attributes, "amount"); ok {
		return v
	}
	return l.Weight
}

// amount returns the amount of a money link: its "amount" attribute, or 0.
func amount(l network.Link) float64 {
	v, _ := number(l.Attributes, "amount")
	return v
}

// amounts sums the amounts of the given links.
func (a *auditor) amounts(ids []network.LinkID) float64 {
	sum := 0.0
	for _, l := range a.linksOf(ids) {
		sum += amount(l)
	}
	return sum
}

func (a *auditor) what() []AuditItem {
	set := newItemSet(false)
	for _, l := range a.linksOf(a.c.Materiel) {
		it := set.add(chainKey(l.Commodity), l.ID)
		for _, arc := range chainArcs(l) {
			if sa, ok := a.c.Actor(arc[0]); ok && sa.Has(RoleSource) {
				it.Quantity += volume(l)
				break
			}
		}
	}
	return set.list(a.n)
}

// ends answers from (RoleSource) and to (RoleMarket).
func (a *auditor) ends(r Role) []AuditItem {
	set := newItemSet(true)
	holders := map[string]bool{}
	for _, ca := range a.c.Actors {
		if ca.Has(r) {
			holders[ca.ID] = true
			set.add(ca.ID, ca.RoleLinks(r)...)
		}
	}
	for _, l := range a.linksOf(a.c.Mechanism) {
		if !chainTypeIs(l, locationTypes) {
			continue
		}
		for _, arc := range chainArcs(l) {
			if holders[arc[0]] && a.isPlace(arc[1]) {
				set.add(arc[1], l.ID)
			}
		}
	}
	return set.list(a.n)
}

func (a *auditor) resources() []AuditItem {
	set := newItemSet(true)
	for _, l := range a.linksOf(a.c.Mechanism) {
		if chainTypeIs(l, locationTypes) {
			continue
		}
		for _, arc := range chainArcs(l) {
			if a.flow[arc[0]] && !a.isPlace(arc[0]) && !a.flow[arc[1]] {
				set.add(arc[1], l.ID)
			}
		}
	}
	return set.list(a.n)
}

func (a *auditor) movers() []AuditItem {
	set := newItemSet(true)
	for _, l := range a.linksOf(a.c.Materiel) {
		for _, arc := range chainArcs(l) {
			if !a.isPlace(arc[0]) {
				set.add(arc[0], l.ID)
			}
		}
	}
	for _, l := range a.linksOf(a.c.Mechanism) {
		if !chainTypeIs(l, routeTypes) {
			continue
		}
		for _, arc := range chainArcs(l) {
			if !a.isPlace(arc[0]) {
				set.add(arc[0], l.ID)
			}
		}
	}
	return set.list(a.n)
}

func (a *auditor) role(r Role) []AuditItem {
	var out []AuditItem
	for _, ca := range a.c.Actors {
		if ca.Has(r) {
			out = append(out, AuditItem{Actor: ca.ID, Links: ca.RoleLinks(r)})
		}
	}
	return out
}

// paymentLabel is "type via channel", or "type" with no channel.
func paymentLabel(l network.Link) string {
	t := chainKey(l.Type)
	if ch := chainKey(l.Channel); ch != "" {
		return t + " via " + ch
	}
	return t
}

func (a *auditor) revenue() []AuditItem {
	set := newItemSet(false)
	for _, l := range a.linksOf(a.c.Money) {
		set.add(paymentLabel(l), l.ID).Quantity += amount(l)
	}
	return set.list(a.n)
}

func (a *auditor) destination() []AuditItem {
	set := newItemSet(true)
	paying := map[string]map[network.LinkID]bool{}
	pay := func(to string, l network.Link, via ...network.LinkID) {
		set.add(to, slices.Concat(via, []network.LinkID{l.ID})...)
		if paying[to] == nil {
			paying[to] = map[network.LinkID]bool{}
		}
		paying[to][l.ID] = true
	}
	// launderers[u] are the links by which flow actors paid launderer u.
	launderers := map[string][]network.LinkID{}
	for _, l := range a.linksOf(a.c.Money) {
		for _, arc := range chainArcs(l) {
			p, r := arc[0], arc[1]
			if !a.flow[p] {
				continue
			}
			pay(r, l)
			if k := a.actor(r).Kind; k == network.MoneyLaunderer || k == network.Hawala || chainTypeIs(l, launderTypes) {
				launderers[r] = append(launderers[r], l.ID)
			}
		}
	}
	if len(launderers) > 0 {
		for l := range a.n.LinksSeq() {
			if l.Element != network.Money || l.From == l.To || !a.s.Keeps(l) {
				continue
			}
			for _, arc := range chainArcs(l) {
				if via, ok := launderers[arc[0]]; ok {
					pay(arc[1], l, via...)
				}
			}
		}
	}
	items := set.list(a.n)
	for i := range items {
		for id := range paying[items[i].Actor] {
			l, _ := a.n.Link(id)
			items[i].Quantity += amount(l)
		}
	}
	return items
}

func (a *auditor) modes() []AuditItem {
	set := newItemSet(false)
	for _, id := range a.c.Links() {
		if m := chainKey(a.c.links[id].Mode); m != "" {
			set.add(m, id)
		}
	}
	return set.list(a.n)
}

func (a *auditor) technology() []AuditItem {
	set := newItemSet(false)
	for _, id := range a.c.Links() {
		l := a.c.links[id]
		switch {
		case l.Element == network.Money && chainKey(l.Channel) == "crypto":
			set.add(paymentLabel(l), id)
		case chainKey(l.Mode) == "cyber" || (l.Element == network.Mechanism && chainTypeIs(l, technologyTypes)):
			set.add(chainKey(l.Type), id)
		}
	}
	return set.list(a.n)
}

// organisation measures the chain graph (see Audit).
func (a *auditor) organisation() (Organisation, []AuditItem, string) {
	c := a.c
	nn := len(c.Actors)
	var from, to []int
	touching := make([][]network.LinkID, nn)
	for _, id := range c.Links() {
		l := c.links[id]
		u, v := c.index[l.From], c.index[l.To]
		from, to = append(from, u), append(to, v)
		touching[u] = append(touching[u], id)
		touching[v] = append(touching[v], id)
	}
	g, err := measure.FromEdges(nn, false, from, to, nil)
	if err != nil { // cannot happen: every end is a chain actor
		panic(err)
	}
	org := Organisation{Components: len(measure.Components(g)), Controllers: c.WithRole(RoleController)}
	if nn >= 3 {
		dmax, sum := 0, 0
		for i := range nn {
			d := g.OutDegree(i)
			dmax = max(dmax, d)
			sum += d
		}
		org.Centralisation = float64(nn*dmax-sum) / float64((nn-1)*(nn-2))
	}
	for _, i := range measure.ArticulationPoints(g) {
		org.Brokers = append(org.Brokers, c.Actors[i].ID)
	}
	org.Structure = StructureNetwork
	if org.Centralisation >= HierarchyCentralisation && len(org.Controllers) > 0 {
		org.Structure = StructureHierarchy
	}
	head := AuditItem{Value: org.Structure}
	if org.Structure == StructureHierarchy {
		for _, id := range org.Controllers {
			ca, _ := c.Actor(id)
			head.Links = append(head.Links, ca.RoleLinks(RoleController)...)
		}
		slices.Sort(head.Links)
		head.Links = slices.Compact(head.Links)
	}
	items := []AuditItem{head}
	for _, id := range org.Brokers {
		items = append(items, AuditItem{Actor: id, Links: touching[c.index[id]]})
	}
	th := strconv.FormatFloat(HierarchyCentralisation, 'f', -1, 64)
	var why string
	switch {
	case org.Centralisation < HierarchyCentralisation:
		why = "< " + th
	case len(org.Controllers) == 0:
		why = "≥ " + th + " but no controller"
	default:
		why = "≥ " + th + " and " + plural(len(org.Controllers), "controller")
	}
	note := fmt.Sprintf("degree centralisation (Freeman 1979) %.4f %s, so a %s; %s; %s (articulation points)",
		org.Centralisation, why, org.Structure, plural(org.Components, "component"), plural(len(org.Brokers), "broker"))
	return org, items, note
}

// plural writes "1 broker" or "3 brokers".
func plural(k int, noun string) string {
	if k == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", k, noun)
}

// Markdown writes the audit as a Markdown report: a title and a summary
// of the chain, then one section per critical element and one
// sub-section per question, each item on a line (actors as "Name (id)",
// values as they are, with the quantity when the answer has one) followed
// by its links, each cited as "link ID: from → to (element:type)" (↔ for
// a Mutual link). Unknown answers read UnknownText; the organisation
// answer adds its measures and rule. The network n gives the names and
// the links; it must be the one the audit was made on. The output is
// deterministic.
func (r AuditResult) Markdown(w io.Writer, n *network.Network) error {
	if n == nil {
		return fmt.Errorf("supplychain: Markdown needs the audited network")
	}
	var b strings.Builder
	label := func(id string) string {
		if a, ok := n.Actor(id); ok && a.Name != "" && a.Name != id {
			return a.Name + " (" + id + ")"
		}
		return id
	}
	title := r.Commodity
	if title == "" {
		title = "all commodities"
	}
	fmt.Fprintf(&b, "# Supply-chain audit: %s\n\n", title)
	coms := make([]string, len(r.Commodities))
	for i, c := range r.Commodities {
		coms[i] = valueLabel(c)
	}
	fmt.Fprintf(&b, "Commodities: %s. The chain has %s (%d in the commodity flow) and %s: %d materiel, %d manpower, %d money, %d mechanism.\n",
		strings.Join(coms, ", "), plural(r.Size.Actors, "actor"), r.Size.FlowActors,
		plural(r.Size.Materiel+r.Size.Manpower+r.Size.Money+r.Size.Mechanism, "link"),
		r.Size.Materiel, r.Size.Manpower, r.Size.Money, r.Size.Mechanism)
	section := network.Element(255)
	for _, ans := range r.Answers {
		if ans.Element != section {
			section = ans.Element
			name := section.String()
			if section == network.Mechanism {
				name = "mechanisms"
			}
			fmt.Fprintf(&b, "\n## %s\n", strings.ToUpper(name[:1])+name[1:])
		}
		fmt.Fprintf(&b, "\n### %s\n\n", ans.Text)
		if ans.Unknown {
			fmt.Fprintf(&b, "%s\n", UnknownText)
			continue
		}
		if ans.Question == QuestionOrganisation {
			fmt.Fprintf(&b, "%s\n\n", capitalise(ans.Note))
		}
		for _, it := range ans.Items {
			text := valueLabel(it.Value)
			if it.Actor != "" {
				text = label(it.Actor)
			}
			if ans.Question == QuestionOrganisation && it.Actor != "" {
				text = "broker: " + text
			}
			if ans.Quantity != "" {
				text += ", " + ans.Quantity + " " + strconv.FormatFloat(it.Quantity, 'f', -1, 64)
			}
			fmt.Fprintf(&b, "- %s\n", text)
			for _, id := range it.Links {
				l, ok := n.Link(id)
				if !ok {
					return fmt.Errorf("supplychain: the network has no link %d: render the audit with the network it was made on", id)
				}
				arrow := "→"
				if l.Mutual {
					arrow = "↔"
				}
				fmt.Fprintf(&b, "  - link %d: %s %s %s (%s:%s)\n", id, l.From, arrow, l.To, l.Element, l.Type)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// valueLabel shows a value item; the empty commodity reads "unspecified".
func valueLabel(v string) string {
	if v == "" {
		return "unspecified"
	}
	return v
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
