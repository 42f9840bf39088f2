package main

import (
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/supplychain"
)

const chainHelp = `usage: analyze chain -in FILE [-commodity NAME] [flags]

Prints the supply chain of a commodity (see supplychain.NewChain): the
actors and places its materiel links touch and the actors of the
manpower, money and mechanism links around them, with each actor's roles
— source, transit, market, controller, enabler, funder, protector — and
the links that give each role. -commodity matches the links' commodity
without regard to case (default: every materiel link).

CSV output: one row per chain actor in input order (-top N: the first N):
id, name, flow (true if it handles the commodity itself), roles
(';'-joined), then one column per role holding the links that give it,
as from>to:element:type, ';'-joined. With -json: a JSON array of objects
{"id", "name", "flow", "roles": [{"role", "links": [...]}]}.
`

func chainCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("chain", chainHelp, stderr, false, 0, "actors listed")
	commodity := fs.String("commodity", "", "the `commodity` the chain moves (default: every materiel link)")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	s, c, err := chainScope(sf, in, *commodity)
	if err != nil {
		return err
	}
	n, nm := s.Network(), names{s.Network()}
	actors := c.Actors[:out.limit(len(c.Actors))]
	if out.json {
		type roleJSON struct {
			Role  string `json:"role"`
			Links any    `json:"links"`
		}
		type actorJSON struct {
			ID    string     `json:"id"`
			Name  string     `json:"name"`
			Flow  bool       `json:"flow"`
			Roles []roleJSON `json:"roles"`
		}
		js := []actorJSON{}
		for _, a := range actors {
			aj := actorJSON{ID: a.ID, Name: nm.of(a.ID), Flow: a.Flow, Roles: []roleJSON{}}
			for _, r := range a.Roles {
				aj.Roles = append(aj.Roles, roleJSON{r.Role.String(), linkRefs{n, r.Links}.json()})
			}
			js = append(js, aj)
		}
		return encodeJSON(stdout, js)
	}
	cols := []string{"id", "name", "flow", "roles"}
	for _, r := range supplychain.Roles() {
		cols = append(cols, r.String())
	}
	t := newTable(cols...)
	for _, a := range actors {
		var roles []string
		row := []any{a.ID, nm.of(a.ID), a.Flow, nil}
		for _, r := range supplychain.Roles() {
			if a.Has(r) {
				roles = append(roles, r.String())
				row = append(row, linkRefs{n, a.RoleLinks(r)})
			} else {
				row = append(row, "")
			}
		}
		row[3] = roles
		t.add(row...)
	}
	return t.write(stdout, false)
}

// chainScope builds the scope of the flags and the chain of a commodity.
func chainScope(sf *scopeFlags, in *input, commodity string) (*analysis.Scope, *supplychain.Chain, error) {
	s, err := sf.scope(in)
	if err != nil {
		return nil, nil, err
	}
	c, err := supplychain.NewChain(s, supplychain.ChainOptions{Commodity: commodity})
	return s, c, err
}

const auditHelp = `usage: analyze audit -in FILE [-commodity NAME] [-md] [flags]

Answers, for the supply chain of a commodity, each question of the four
critical elements (Figure 2 of Realuyo 2013; see supplychain.Audit):
what is moving, where from and to, what resources are accessed; who is
moving it, who controls, who enables (and protects); who funds, how
revenue is generated, where the money goes; which modes and technologies
carry it and how the chain is organised. Every answer lists the links
that justify it, or says "unknown — no links of this kind".

Output: with -md, a Markdown report; with -json, the structured result;
otherwise CSV, one row per answer item: question, element, item (an
actor ID or a value), name, quantity, links (from>to:element:type,
';'-joined); an unknown answer is one row with item "unknown".
`

func auditCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("audit", auditHelp, stderr, false, 0, "rows listed")
	commodity := fs.String("commodity", "", "the `commodity` of the chain (default: every materiel link)")
	md := fs.Bool("md", false, "print a Markdown report")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	s, c, err := chainScope(sf, in, *commodity)
	if err != nil {
		return err
	}
	res, err := supplychain.Audit(s, c)
	if err != nil {
		return err
	}
	n, nm := s.Network(), names{s.Network()}
	switch {
	case *md:
		return res.Markdown(stdout, n)
	case out.json:
		return encodeJSON(stdout, res)
	}
	t := newTable("question", "element", "item", "name", "quantity", "links")
	for _, a := range res.Answers {
		if a.Unknown {
			t.add(a.Question.String(), a.Element.String(), "unknown", "", nil, "")
			continue
		}
		for _, it := range a.Items {
			item, name := it.Value, ""
			if it.Actor != "" {
				item, name = it.Actor, nm.of(it.Actor)
			}
			var q any
			if a.Quantity != "" {
				q = it.Quantity
			}
			t.add(a.Question.String(), a.Element.String(), item, name, q, linkRefs{n, it.Links})
		}
	}
	t.rows = t.rows[:out.limit(len(t.rows))]
	return t.write(stdout, false)
}

const profileHelp = `usage: analyze profile -in FILE [flags]

Prints the four-element profile of every actor (see
supplychain.Profiles): for materiel, manpower, money, mechanism and
association, the number of links into and out of the actor and their
summed weights (money also the summed "amount" attribute), and
all_four, true for the actors active in all four critical elements.
A mutual link counts both ways.

CSV output: one row per actor in input order (-top N: the N with the
most links): id, name, all_four, then for each element E: E_in, E_out,
E_weight_in, E_weight_out, and money_amount_in, money_amount_out. With
-json: a JSON array of objects with the same keys.
`

func profileCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("profile", profileHelp, stderr, false, 0, "actors listed, by number of links")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	ps := supplychain.Profiles(s)
	cols := []string{"id", "name", "all_four"}
	for _, e := range network.Elements() {
		cols = append(cols, e.String()+"_in", e.String()+"_out", e.String()+"_weight_in", e.String()+"_weight_out")
	}
	cols = append(cols, "money_amount_in", "money_amount_out")
	totals := make([]float64, s.Len())
	byID := map[string]supplychain.Profile{}
	for _, p := range ps {
		byID[p.Actor] = p
		i, _ := s.Index(p.Actor)
		for _, e := range p.Elements {
			totals[i] += float64(e.In.Links + e.Out.Links)
		}
	}
	nm := names{s.Network()}
	t := newTable(cols...)
	for _, i := range out.order(s, totals) {
		p := byID[s.ActorID(i)]
		row := []any{p.Actor, nm.of(p.Actor), p.AllFour}
		for _, e := range network.Elements() {
			f := p.Of(e)
			row = append(row, f.In.Links, f.Out.Links, f.In.Weight, f.Out.Weight)
		}
		m := p.Of(network.Money)
		row = append(row, m.In.Amount, m.Out.Amount)
		t.add(row...)
	}
	return t.write(stdout, out.json)
}

const trailsHelp = `usage: analyze trails -in FILE [-a X] [-b Y] [-max-hops N] [flags]

Follows the money (see supplychain.Trails): every simple directed path
of at most -max-hops money links from set -a to set -b (actor IDs,
sectors or kinds; default from criminal to terrorist actors), in time
order where the links are dated, ranked by hops, then bottleneck amount
(the "amount" attribute, else the weight), then mean grade confidence.
With -gateways, lists instead the actors where the trails reach set B:
the last actor before the payee. With -patterns, lists instead the
laundering patterns on the money links (fan-in, fan-out, cycle,
scatter-gather, gather-scatter, layering through fronts; see
supplychain.Laundering).

CSV output (-top N: the first N rows):
  trails:   rank, hops, actors (IDs, ';'-joined), names, links
            (from>to:element:type), bottleneck, confidence, channels,
            start, end, fronts
  gateways: id, name, sources, targets, trails, links
  patterns: kind, central, actors, amount, start, end, links
With -json, arrays of objects with the same keys (lists as arrays).
`

func trailsCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("trails", trailsHelp, stderr, true, 0, "rows listed")
	maxHops := fs.Int("max-hops", 4, "most money links on a trail")
	gateways := fs.Bool("gateways", false, "list the gateways where the trails reach set B")
	patterns := fs.Bool("patterns", false, "list the laundering patterns instead of trails")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	if *maxHops < 1 {
		return usagef("-max-hops must be at least 1, got %d", *maxHops)
	}
	sf.a, sf.b = idSelector(sf.a), idSelector(sf.b)
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	n, nm := s.Network(), names{s.Network()}
	if *patterns {
		ps, truncated, err := supplychain.Laundering(s, supplychain.LaunderingOptions{})
		if err != nil {
			return err
		}
		if truncated {
			warnf(stderr, "trails", "more cycles or layering chains than the search bound; the list is incomplete")
		}
		t := newTable("kind", "central", "actors", "amount", "start", "end", "links")
		for _, p := range ps[:out.limit(len(ps))] {
			t.add(p.Kind.String(), p.Central, p.Actors, p.Amount, p.Start.String(), p.End.String(), linkRefs{n, p.Links})
		}
		return t.write(stdout, out.json)
	}
	res, err := supplychain.Trails(s, supplychain.TrailOptions{MaxHops: *maxHops})
	if err != nil {
		return err
	}
	if res.Truncated {
		warnf(stderr, "trails", "%d trails found, the best %d listed", res.Found, len(res.Trails))
	}
	if *gateways {
		t := newTable("id", "name", "sources", "targets", "trails", "links")
		for _, g := range res.Gateways[:out.limit(len(res.Gateways))] {
			t.add(g.Actor, nm.of(g.Actor), g.Sources, g.Targets, g.Trails, linkRefs{n, g.Links})
		}
		return t.write(stdout, out.json)
	}
	if len(res.Trails) == 0 {
		warnf(stderr, "trails", "no money trail from set A to set B within %d hops", *maxHops)
	}
	t := newTable("rank", "hops", "actors", "names", "links", "bottleneck", "confidence", "channels", "start", "end", "fronts")
	for i, tr := range res.Trails[:out.limit(len(res.Trails))] {
		t.add(i+1, len(tr.Links), tr.Actors, nm.list(tr.Actors), linkRefs{n, tr.Links}, tr.Bottleneck, tr.Confidence,
			tr.Channels, tr.Start.String(), tr.End.String(), tr.Fronts)
	}
	return t.write(stdout, out.json)
}

// idSelector reads the bare names of a set flag that are neither sectors
// nor kinds as actor IDs (id:NAME), so that -a farc names an actor.
func idSelector(flag string) string {
	var items []string
	for _, item := range splitList(flag) {
		if !strings.Contains(item, ":") {
			if _, err := analysis.ParseSelector(item); err != nil {
				item = "id:" + item
			}
		}
		items = append(items, item)
	}
	return strings.Join(items, ",")
}

const displaceHelp = `usage: analyze displace -in FILE -sources ID=SUPPLY,... -markets ID=DEMAND,... -remove ID,... [flags]

Routes the supply of the sources to the demand of the markets at minimum
cost over the route network — the mechanism links the scope keeps, a
link's cost its "cost" attribute (default 1) and its capacity its
"capacity" attribute (default its weight), a mutual link both ways (see
supplychain.Displace) — then closes the -remove actors (places), makes
the routes into the -raise actors dearer, and routes again: where does
the traffic go? (the balloon effect).

CSV output: one table with a kind column, header
kind,id,name,before,after,change: three "total" rows (delivered,
undelivered, cost), then one "actor" row per actor carrying flow before
or after (the larger of its inflow and outflow), in input order, then
one "link" row per route link carrying flow (id: the link as
from>to:element:type). With -json, one object {"before", "after",
"cost_increase", "actors", "links"}.
`

func displaceCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("displace", displaceHelp, stderr, false, 0, "actor and link rows listed")
	sources := fs.String("sources", "", "`ID=supply` pairs of the sources, comma-separated")
	markets := fs.String("markets", "", "`ID=demand` pairs of the markets, comma-separated")
	remove := fs.String("remove", "", "actor `IDs` (places) interdicted, comma-separated")
	raise := fs.String("raise", "", "`ID=cost` pairs: routes into these actors cost this much more (checkpoints), comma-separated")
	modes := fs.String("modes", "", "keep only routes of these `modes`, comma-separated (default: all)")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	supply, err := parseAmounts("-sources", *sources)
	if err != nil {
		return err
	}
	demand, err := parseAmounts("-markets", *markets)
	if err != nil {
		return err
	}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	rn, err := supplychain.NewRouteNetwork(s, supplychain.RouteOptions{Modes: splitList(*modes)})
	if err != nil {
		return err
	}
	var raised map[string]float64
	if *raise != "" {
		if raised, err = parseAmounts("-raise", *raise); err != nil {
			return err
		}
	}
	res, err := rn.Displace(supplychain.DisplaceOptions{Supply: supply, Demand: demand, Remove: splitList(*remove), RaiseCost: raised})
	if err != nil {
		return err
	}
	n, nm := s.Network(), names{s.Network()}
	if out.json {
		type flowJSON struct {
			ID     string     `json:"id"`
			Name   string     `json:"name,omitempty"`
			Links  any        `json:"links,omitempty"`
			Before jsonNumber `json:"before"`
			After  jsonNumber `json:"after"`
			Change jsonNumber `json:"change"`
		}
		js := map[string]any{"before": res.Before, "after": res.After, "cost_increase": jsonNumber(res.CostIncrease)}
		actors, links := []flowJSON{}, []flowJSON{}
		for _, a := range res.Actors[:out.limit(len(res.Actors))] {
			actors = append(actors, flowJSON{ID: a.Actor, Name: nm.of(a.Actor), Before: jsonNumber(a.Before), After: jsonNumber(a.After), Change: jsonNumber(a.Change)})
		}
		for _, l := range res.Links[:out.limit(len(res.Links))] {
			links = append(links, flowJSON{ID: strconv.Itoa(int(l.Link)), Links: linkRefs{n, []network.LinkID{l.Link}}.json(),
				Before: jsonNumber(l.Before), After: jsonNumber(l.After), Change: jsonNumber(l.Change)})
		}
		js["actors"], js["links"] = actors, links
		return encodeJSON(stdout, js)
	}
	t := newTable("kind", "id", "name", "before", "after", "change")
	t.add("total", "delivered", "", res.Before.Delivered, res.After.Delivered, res.After.Delivered-res.Before.Delivered)
	t.add("total", "undelivered", "", res.Before.Undelivered, res.After.Undelivered, res.After.Undelivered-res.Before.Undelivered)
	t.add("total", "cost", "", res.Before.Cost, res.After.Cost, res.CostIncrease)
	for _, a := range res.Actors[:out.limit(len(res.Actors))] {
		t.add("actor", a.Actor, nm.of(a.Actor), a.Before, a.After, a.Change)
	}
	for _, l := range res.Links[:out.limit(len(res.Links))] {
		t.add("link", linkRefs{n, []network.LinkID{l.Link}}.csv(), "", l.Before, l.After, l.Change)
	}
	return t.write(stdout, false)
}

// parseAmounts reads ID=amount pairs.
func parseAmounts(flag, text string) (map[string]float64, error) {
	if strings.TrimSpace(text) == "" {
		return nil, usagef("%s is required: ID=amount pairs, comma-separated", flag)
	}
	out := map[string]float64{}
	for _, item := range splitList(text) {
		id, v, ok := strings.Cut(item, "=")
		id = strings.TrimSpace(id)
		x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if !ok || id == "" || err != nil || !(x > 0) || math.IsInf(x, 0) {
			return nil, usagef("%s: %q: want ID=amount with a positive amount, e.g. colombia=60", flag, item)
		}
		if _, dup := out[id]; dup {
			return nil, usagef("%s: %s given twice", flag, id)
		}
		out[id] = x
	}
	return out, nil
}

const routesHelp = `usage: analyze routes -in FILE -sources IDS -markets IDS [-k N] [-modes LIST] [flags]

Prints the -k cheapest loopless routes from any of -sources to any of
-markets (actor IDs, comma-separated) over the route network — the
mechanism links the scope keeps, a link's cost its "cost" attribute
(default 1), a mutual link both ways; see supplychain.Routes — by total
cost, ties by fewer links. -modes keeps only routes of those modes (land,
air, sea, cyber). With -chokepoints, prints instead the articulation
points and bridges of the source→market routes.

CSV output: rank, cost, hops, actors (IDs, ';'-joined), names, modes,
links (from>to:element:type). With -chokepoints: kind (actor or link),
id, name. With -json: arrays of objects with the same keys.
`

func routesCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("routes", routesHelp, stderr, false, 0, "rows listed")
	sources := fs.String("sources", "", "source actor `IDs`, comma-separated")
	markets := fs.String("markets", "", "market actor `IDs`, comma-separated")
	k := fs.Int("k", 3, "`number` of cheapest routes")
	modes := fs.String("modes", "", "keep only routes of these `modes`, comma-separated (default: all)")
	chokepoints := fs.Bool("chokepoints", false, "print the chokepoints (articulation points and bridges) instead")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	rn, src, mkt, err := routeSetup(sf, in, *sources, *markets, *modes)
	if err != nil {
		return err
	}
	if *k < 1 {
		return usagef("-k must be at least 1, got %d", *k)
	}
	n, nm := rn.Scope().Network(), names{rn.Scope().Network()}
	if *chokepoints {
		c, err := rn.Chokepoints(src, mkt)
		if err != nil {
			return err
		}
		t := newTable("kind", "id", "name")
		for _, a := range c.Actors {
			t.add("actor", a, nm.of(a))
		}
		for _, l := range c.Links {
			t.add("link", linkRefs{n, []network.LinkID{l}}.csv(), "")
		}
		t.rows = t.rows[:out.limit(len(t.rows))]
		return t.write(stdout, out.json)
	}
	routes, err := rn.Routes(src, mkt, *k)
	if err != nil {
		return err
	}
	if len(routes) == 0 {
		warnf(stderr, "routes", "no route from the sources to the markets")
	}
	t := newTable("rank", "cost", "hops", "actors", "names", "modes", "links")
	for i, r := range routes[:out.limit(len(routes))] {
		t.add(i+1, r.Cost, len(r.Links), r.Actors, nm.list(r.Actors), r.Modes, linkRefs{n, r.Links})
	}
	return t.write(stdout, out.json)
}

// routeSetup builds the scope and route network of a routes or interdict
// command and checks its sources and markets.
func routeSetup(sf *scopeFlags, in *input, sources, markets, modes string) (*supplychain.RouteNetwork, []string, []string, error) {
	src, mkt := splitList(sources), splitList(markets)
	if len(src) == 0 || len(mkt) == 0 {
		return nil, nil, nil, usagef("-sources and -markets are required: actor IDs, comma-separated")
	}
	s, err := sf.scope(in)
	if err != nil {
		return nil, nil, nil, err
	}
	rn, err := supplychain.NewRouteNetwork(s, supplychain.RouteOptions{Modes: splitList(modes)})
	return rn, src, mkt, err
}

const interdictHelp = `usage: analyze interdict -in FILE -sources IDS -markets IDS [-k N] [-objective flow|route] [flags]

Finds where to cut the routes from -sources to -markets (see
supplychain.Interdict and supplychain.MaxFlow). A route link's capacity
is its "capacity" attribute (default: its weight) and its cost its
"cost" attribute (default 1); with -nodes-only, places are cut instead
of links, each place's capacity its "capacity" attribute (default 1).

With -k 0: the maximum flow and a minimum cut (Ford–Fulkerson; the cut
nearest the sources). CSV columns value, capacity, cut (links as
from>to:element:type, or actor IDs), cut_names, source_side.

With -k N: for each budget k = 0 … N the best set of at most k links (or
places) to remove, exact up to k = 3 (branch and bound) and a greedy
swap search beyond, minimising the remaining maximum flow (-objective
flow, Wood 1993) or maximising the cheapest route's cost (-objective
route, Israeli & Wood 2002; +Inf, null in JSON, when cut off): the trade-off curve. CSV
columns k, value, removed, removed_names, exact, method. With -json:
arrays of objects with the same keys.
`

func interdictCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("interdict", interdictHelp, stderr, false, 0, "rows listed")
	sources := fs.String("sources", "", "source actor `IDs`, comma-separated")
	markets := fs.String("markets", "", "market actor `IDs`, comma-separated")
	k := fs.Int("k", 0, "`budget`: the most links or places removed (0: maximum flow and minimum cut)")
	objective := fs.String("objective", "flow", "`objective`: flow (minimise the remaining flow) or route (maximise the cheapest route's cost)")
	nodesOnly := fs.Bool("nodes-only", false, "cut places (actors other than sources and markets), not links")
	linksOnly := fs.Bool("links-only", false, "cut route links (the default)")
	modes := fs.String("modes", "", "keep only routes of these `modes`, comma-separated (default: all)")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	var obj supplychain.InterdictObjective
	switch *objective {
	case "flow":
	case "route":
		obj = supplychain.InterdictRoute
	default:
		return usagef("-objective: want flow or route, got %q", *objective)
	}
	switch {
	case *nodesOnly && *linksOnly:
		return usagef("-nodes-only and -links-only exclude each other")
	case *k < 0:
		return usagef("-k must not be negative, got %d", *k)
	case *k == 0 && obj == supplychain.InterdictRoute:
		return usagef("-objective route needs a budget -k of at least 1")
	}
	rn, src, mkt, err := routeSetup(sf, in, *sources, *markets, *modes)
	if err != nil {
		return err
	}
	n, nm := rn.Scope().Network(), names{rn.Scope().Network()}
	if *k == 0 {
		c, err := rn.MaxFlow(src, mkt, supplychain.FlowOptions{Places: *nodesOnly})
		if err != nil {
			return err
		}
		var cut any = linkRefs{n, c.Links}
		var cutNames []string
		if *nodesOnly {
			cut, cutNames = c.Actors, nm.list(c.Actors)
		}
		t := newTable("value", "capacity", "cut", "cut_names", "source_side")
		t.add(c.Value, c.Capacity, cut, cutNames, c.SourceSide)
		return t.write(stdout, out.json)
	}
	curve, err := rn.Interdict(src, mkt, supplychain.InterdictOptions{K: *k, Objective: obj, Places: *nodesOnly})
	if err != nil {
		return err
	}
	t := newTable("k", "value", "removed", "removed_names", "exact", "method")
	for _, st := range curve[:out.limit(len(curve))] {
		var removed any = linkRefs{n, st.Links}
		var removedNames []string
		if *nodesOnly {
			removed, removedNames = st.Actors, nm.list(st.Actors)
		}
		t.add(st.K, st.Value, removed, removedNames, st.Exact, st.Method)
	}
	return t.write(stdout, out.json)
}
