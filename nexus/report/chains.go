package report

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/nexus"
	"github.com/illicitnet/illicit/supplychain"
)

// commodities returns the commodities analysed: those given, or the most
// frequent of the scope's materiel links (ties by name).
func (b *builder) commodities() []string {
	if b.opts.Commodities != nil {
		return b.opts.Commodities
	}
	count := map[string]int{}
	for l := range b.n.LinksSeq() {
		if l.Element == network.Materiel && b.s.Keeps(l) {
			if c := strings.ToLower(strings.TrimSpace(l.Commodity)); c != "" {
				count[c]++
			}
		}
	}
	var out []string
	for _, c := range counted(count) {
		out = append(out, c.Key)
	}
	if len(out) > b.opts.MaxCommodities {
		b.note("Supply chains: %d commodities; the %d most frequent are analysed (%s).", len(out), b.opts.MaxCommodities, strings.Join(out[:b.opts.MaxCommodities], ", "))
		out = out[:b.opts.MaxCommodities]
	}
	return out
}

func (b *builder) chains() error {
	b.r.Chains, b.r.Chokepoints = []Chain{}, []Chokepoint{}
	commodities := b.commodities()
	if len(commodities) == 0 {
		b.note("Supply chains: no materiel link names a commodity, so there is no chain to audit.")
		return nil
	}
	rn, err := supplychain.NewRouteNetwork(b.s, supplychain.RouteOptions{})
	if err != nil {
		rn = nil
		b.note("Routes: %s.", strings.TrimPrefix(err.Error(), "supplychain: "))
	} else {
		b.routeIDs, b.routeActors = rn.Links(), rn.Actors()
	}
	for _, c := range commodities {
		ch, err := b.chain(c, rn)
		if errors.Is(err, supplychain.ErrUnknownCommodity) {
			b.note("Supply chains: no materiel link carries %q.", c)
			continue
		}
		if err != nil {
			return err
		}
		ch.slug = safeFile(ch.Commodity)
		for i := 2; slices.ContainsFunc(b.r.Chains, func(c Chain) bool { return c.slug == ch.slug }); i++ {
			ch.slug = safeFile(ch.Commodity) + "-" + itoa(i)
		}
		b.r.Chains = append(b.r.Chains, ch)
	}
	return nil
}

// chain analyses the supply chain of one commodity.
func (b *builder) chain(commodity string, rn *supplychain.RouteNetwork) (Chain, error) {
	s := b.s
	out := Chain{Commodity: commodity, Roles: []Role{}, Audit: []Answer{}, Sources: []ActorRef{}, Markets: []ActorRef{},
		Routes: []Route{}, ChokepointActors: []ActorRef{}, ChokepointLinks: []network.LinkID{}, Interdiction: []InterdictStep{}}
	ch, err := supplychain.NewChain(s, supplychain.ChainOptions{Commodity: commodity})
	if err != nil {
		return out, err
	}
	out.Commodity = ch.Commodity
	for _, r := range supplychain.Roles() {
		if ids := ch.WithRole(r); len(ids) > 0 {
			out.Roles = append(out.Roles, Role{Role: r.String(), Actors: b.refs(ids)})
		}
	}
	audit, err := supplychain.Audit(s, ch)
	if err != nil {
		return out, err
	}
	for _, a := range audit.Answers {
		ans := Answer{Element: a.Element.String(), Question: a.Text, Unknown: a.Unknown, Items: []AnswerItem{}, Note: a.Note}
		for _, it := range a.Items {
			item := AnswerItem{Value: it.Value, Quantity: it.Quantity, Evidence: b.cite(it.Links)}
			if it.Actor != "" {
				r := b.ref(it.Actor)
				item.ID, item.Name = r.ID, r.Name
			}
			ans.Items = append(ans.Items, item)
		}
		out.Audit = append(out.Audit, ans)
	}
	out.Evidence = b.cite(ch.Materiel)
	if rn == nil {
		out.Note = "no route links (mechanism links between places)"
		return out, nil
	}
	on := b.routeActors
	ends := func(q supplychain.Question, role supplychain.Role) []string {
		var ids []string
		add := func(id string) {
			if slices.Contains(on, id) && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		for _, id := range ch.WithRole(role) {
			add(id)
		}
		for _, it := range audit.Answer(q).Items {
			if it.Actor != "" {
				add(it.Actor)
			}
		}
		return inActorOrder(s, ids)
	}
	src := ends(supplychain.QuestionFrom, supplychain.RoleSource)
	var mkt []string
	for _, id := range ends(supplychain.QuestionTo, supplychain.RoleMarket) {
		if !slices.Contains(src, id) {
			mkt = append(mkt, id)
		}
	}
	out.Sources, out.Markets = b.refs(src), b.refs(mkt)
	if len(src) == 0 || len(mkt) == 0 {
		out.Note = "the chain's sources or markets are on no route (no place of theirs is joined by route links)"
		return out, nil
	}
	routes, err := rn.Routes(src, mkt, 3)
	if err != nil {
		return out, err
	}
	for _, r := range routes {
		out.Routes = append(out.Routes, Route{Actors: b.refs(r.Actors), Modes: nonNil(r.Modes), Cost: r.Cost, Links: b.cite(r.Links)})
	}
	if len(routes) == 0 {
		out.Note = "no route joins the sources' places to the markets' places"
		return out, nil
	}
	cp, err := rn.Chokepoints(src, mkt)
	if err != nil {
		return out, err
	}
	out.ChokepointActors = b.refs(cp.Actors)
	out.ChokepointLinks = b.cite(cp.Links)
	for _, id := range cp.Actors {
		r := b.ref(id)
		b.r.Chokepoints = append(b.r.Chokepoints, Chokepoint{ID: r.ID, Name: r.Name, Kind: "place", Commodity: out.Commodity,
			Evidence: b.cite(b.routeLinksAt(id))})
	}
	cut, err := rn.MaxFlow(src, mkt, supplychain.FlowOptions{})
	if err != nil {
		return out, err
	}
	out.MaxFlow = &Flow{Value: cut.Value, Cut: b.cite(cut.Links)}
	for _, id := range slices.Concat(cp.Links, cut.Links) {
		kind := "bridge"
		if !slices.Contains(cp.Links, id) {
			kind = "cut"
		} else if slices.Contains(cut.Links, id) {
			kind = "bridge, cut"
		}
		if slices.ContainsFunc(b.r.Chokepoints, func(c Chokepoint) bool { return c.ID == linkRef(b.n, id) && c.Commodity == out.Commodity }) {
			continue
		}
		b.r.Chokepoints = append(b.r.Chokepoints, Chokepoint{ID: linkRef(b.n, id), Name: linkTitle(b.n, id), Kind: kind, Link: &id,
			Commodity: out.Commodity, Evidence: b.cite([]network.LinkID{id})})
	}
	steps, err := rn.Interdict(src, mkt, supplychain.InterdictOptions{K: 3})
	if err != nil {
		return out, err
	}
	for _, st := range steps {
		out.Interdiction = append(out.Interdiction, InterdictStep{K: st.K, Flow: st.Value, Links: b.cite(st.Links), Exact: st.Exact, Method: st.Method})
	}
	return out, nil
}

// routeLinksAt returns the route links at an actor.
func (b *builder) routeLinksAt(id string) []network.LinkID {
	var out []network.LinkID
	for _, l := range b.routeIDs {
		link, _ := b.n.Link(l)
		if link.From == id || link.To == id {
			out = append(out, l)
		}
	}
	return out
}

// linkRef is the ID of a link finding, as the command line writes links:
// from>to:element:type.
func linkRef(n *network.Network, id network.LinkID) string {
	l, _ := n.Link(id)
	return l.From + ">" + l.To + ":" + l.Element.String() + ":" + l.Type
}

// linkTitle describes a link: "From → To (type)".
func linkTitle(n *network.Network, id network.LinkID) string {
	l, _ := n.Link(id)
	from, _ := n.Actor(l.From)
	to, _ := n.Actor(l.To)
	arrow := " → "
	if l.Mutual {
		arrow = " – "
	}
	t := from.Label() + arrow + to.Label()
	if l.Type != "" {
		t += " (" + l.Type + ")"
	}
	return t
}

func inActorOrder(s *analysis.Scope, ids []string) []string {
	slices.SortFunc(ids, func(x, y string) int {
		i, _ := s.Index(x)
		j, _ := s.Index(y)
		return i - j
	})
	return ids
}

func (b *builder) money() error {
	b.r.MoneyTrails, b.r.MoneyConvergence, b.r.Laundering = []MoneyTrail{}, []Gateway{}, []Pattern{}
	s := b.org
	money := 0
	for l := range b.n.LinksSeq() {
		if l.Element == network.Money && s.Keeps(l) {
			money++
		}
	}
	if money == 0 {
		b.note("Money: the scope keeps no money link.")
		return nil
	}
	if b.setsOK {
		res, err := supplychain.Trails(s, supplychain.TrailOptions{})
		if err != nil {
			return err
		}
		for _, t := range res.Trails {
			b.r.MoneyTrails = append(b.r.MoneyTrails, MoneyTrail{Actors: b.refs(t.Actors), Channels: nonNil(t.Channels), Fronts: b.refs(t.Fronts),
				Bottleneck: t.Bottleneck, Confidence: t.Confidence, Evidence: b.cite(t.Links)})
		}
		if res.Truncated {
			b.note("Money trails: %d trails found; the %d best ranked are kept.", res.Found, len(res.Trails))
		}
		for _, g := range res.Gateways {
			r := b.ref(g.Actor)
			b.r.MoneyConvergence = append(b.r.MoneyConvergence, Gateway{ID: r.ID, Name: r.Name, Sources: b.refs(g.Sources), Targets: b.refs(g.Targets),
				Trails: g.Trails, Evidence: b.cite(g.Links)})
		}
	}
	patterns, truncated, err := supplychain.Laundering(s, supplychain.LaunderingOptions{})
	if err != nil {
		return err
	}
	for _, p := range patterns {
		b.r.Laundering = append(b.r.Laundering, Pattern{Kind: p.Kind.String(), Central: b.refs(p.Central), Actors: len(p.Actors), Amount: p.Amount, Evidence: b.cite(p.Links)})
	}
	if truncated {
		b.note("Laundering: the pattern search stopped at its bound; more patterns may exist.")
	}
	return nil
}

// windows derives the early-warning windows from the links' years.
func windows(n *network.Network, s *analysis.Scope) (from1, to1, from2, to2 network.Date, ok bool) {
	y0, y1 := 0, 0
	for l := range n.LinksSeq() {
		if s != nil && !s.Keeps(l) {
			continue
		}
		for _, d := range []network.Date{l.Start, l.End} {
			if d.IsZero() {
				continue
			}
			y := int(d.Year)
			if y0 == 0 || y < y0 {
				y0 = y
			}
			y1 = max(y1, y)
		}
	}
	w := (y1 - y0 + 1) / 2
	if y0 == 0 || w < 1 {
		return
	}
	return network.Date{Year: int16(y0)}, network.Date{Year: int16(y0 + w - 1)}, network.Date{Year: int16(y1 - w + 1)}, network.Date{Year: int16(y1)}, true
}

func (b *builder) warning() error {
	if !b.setsOK {
		return nil
	}
	in := b.opts.Warn
	opts := nexus.WarnOptions{Top: b.opts.Top}
	var w nexus.Warning
	var ew *EarlyWarning
	later := b.org
	switch {
	case in != nil && in.Later != nil:
		ls, err := analysis.NewScope(in.Later, b.s.Options())
		if err != nil {
			return fmt.Errorf("the later snapshot: %w", err)
		}
		if later, err = organisation(ls); err != nil {
			return err
		}
		if w, err = nexus.Warn(b.org, later, opts); err != nil {
			return err
		}
		ew = &EarlyWarning{Earlier: "the network (" + b.n.Name + ")", Later: "the later snapshot (" + in.Later.Name + ")", LaterLinks: true}
	default:
		var from1, to1, from2, to2 network.Date
		if in != nil {
			from1, to1, from2, to2 = in.From1, in.To1, in.From2, in.To2
		} else {
			var ok bool
			if from1, to1, from2, to2, ok = windows(b.n, b.s); !ok {
				b.note("Early warning: the links' dates cover less than two years; no windows to compare.")
				return nil
			}
		}
		var err error
		if w, err = nexus.WarnWindows(b.org, from1, to1, from2, to2, opts); err != nil {
			return err
		}
		ew = &EarlyWarning{Earlier: window(from1, to1), Later: window(from2, to2)}
	}
	ew.NewLinks, ew.NewBrokers, ew.Rises = []NewLink{}, []Ranked{}, []Rise{}
	for _, l := range w.NewLinks {
		nl := NewLink{Actors: [2]ActorRef{b.refIn(later, l.Actors[0]), b.refIn(later, l.Actors[1])}, Evidence: l.Links}
		if !ew.LaterLinks {
			nl.Evidence = b.cite(l.Links)
		}
		ew.NewLinks = append(ew.NewLinks, nl)
	}
	for _, x := range w.NewBrokers {
		r := b.refIn(later, x.Actor)
		ew.NewBrokers = append(ew.NewBrokers, Ranked{ID: r.ID, Name: r.Name, Value: x.Value})
	}
	for _, x := range w.Rises {
		r := b.refIn(later, x.Actor)
		ew.Rises = append(ew.Rises, Rise{ID: r.ID, Name: r.Name, Before: x.Before, After: x.After})
	}
	b.r.EarlyWarning = ew
	return nil
}

// window describes a time window.
func window(from, to network.Date) string {
	f, t := "open", "open"
	if !from.IsZero() {
		f = from.String()
	}
	if !to.IsZero() {
		t = to.String()
	}
	return f + " – " + t
}

// refIn names an actor of another scope's network.
func (b *builder) refIn(s *analysis.Scope, id string) ActorRef {
	a, _ := s.Network().Actor(id)
	return ActorRef{ID: id, Name: a.Label()}
}

// evidence fills Report.Links with every cited link.
func (b *builder) evidence() {
	ids := make([]network.LinkID, 0, len(b.cited))
	for id := range b.cited {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	b.r.Links = make([]Evidence, 0, len(ids))
	for _, id := range ids {
		l, ok := b.n.Link(id)
		if !ok {
			continue
		}
		e := Evidence{ID: id, From: b.ref(l.From), To: b.ref(l.To), Mutual: l.Mutual, Element: l.Element.String(), Type: l.Type,
			Commodity: l.Commodity, Mode: l.Mode, Channel: l.Channel, Source: l.Source, Grade: l.Grade.String(), Confidence: l.Grade.Confidence()}
		if !l.Start.IsZero() {
			e.Start = l.Start.String()
		}
		if !l.End.IsZero() {
			e.End = l.End.String()
		}
		if st, ok := l.Attributes["statement"].(string); ok {
			e.Statement = st
		}
		b.r.Links = append(b.r.Links, e)
	}
}
