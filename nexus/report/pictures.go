package report

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/render"
)

// Highlight colours, the same in every picture.
const (
	colourConvergence = "#d7191c"
	colourKeyPlayer   = "#7b3294"
	colourChokepoint  = "#e66101"
	colourCut         = "#000000"
	colourRoute       = "#1a9641"
	colourTrail       = "#0571b0"
)

// pictures draws the report's pictures.
func (b *builder) pictures() error {
	seed := int64(b.opts.Seed)
	n := b.n
	add := func(file, title, caption string, draw func(*bytes.Buffer) error) error {
		var buf bytes.Buffer
		if err := draw(&buf); err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		b.r.Pictures = append(b.r.Pictures, Picture{File: file, Title: title, Caption: caption, svg: buf.Bytes()})
		return nil
	}
	top := b.opts.Top
	conv := b.convergenceIDs(top)
	var keys []string
	for _, k := range b.r.KeyPlayers {
		keys = append(keys, k.ID)
	}
	var places []string
	for _, c := range b.r.Chokepoints {
		if c.Kind == "place" && !slices.Contains(places, c.ID) {
			places = append(places, c.ID)
		}
	}
	// The whole network.
	var all []network.LinkID
	for l := range n.LinksSeq() {
		if b.s.Keeps(l) {
			all = append(all, l.ID)
		}
	}
	err := add("network.svg", "The network", "Every actor and link of the scope; colour is the sector, shape the kind, line style the critical element, size the degree.",
		func(w *bytes.Buffer) error {
			return render.Network(w, n, render.NetworkOptions{Title: b.r.Title, Subtitle: fmt.Sprintf("%d actors, %d links", b.r.Network.Actors, b.r.Network.Links),
				Seed: seed, Links: all, Actors: b.s.ActorIDs(), SizeLabel: "size: degree",
				Highlights: []render.Highlight{
					{Name: "convergence node", Actors: conv, Color: colourConvergence},
					{Name: "key player", Actors: keys, Color: colourKeyPlayer},
					{Name: "route chokepoint", Actors: places, Color: colourChokepoint},
				}})
		})
	if err != nil {
		return err
	}
	// The nexus neighbourhood.
	if len(conv) > 0 && b.nexusBC != nil {
		set := slices.Clone(conv)
		for _, c := range b.r.Convergence[:min(top, len(b.r.Convergence))] {
			for _, r := range slices.Concat(c.NeighboursA, c.NeighboursB) {
				if !slices.Contains(set, r.ID) {
					set = append(set, r.ID)
				}
			}
		}
		links := b.linksAmong(set)
		size := map[string]float64{}
		for _, id := range set {
			v, _ := b.nexusBC.Value(id)
			size[id] = v
		}
		err := add("nexus.svg", "Where crime and terror meet", "The top convergence nodes (ringed) with their neighbours in set A and set B and the links among them; size is nexus betweenness.",
			func(w *bytes.Buffer) error {
				return render.Network(w, n, render.NetworkOptions{Title: "The nexus neighbourhood", Subtitle: fmt.Sprintf("%d convergence nodes and their neighbours in %s and %s", len(conv), b.r.Scope.A, b.r.Scope.B),
					Seed: seed, Links: links, Actors: set, Size: size, SizeLabel: "size: nexus betweenness",
					Highlights: []render.Highlight{{Name: "convergence node", Actors: conv, Color: colourConvergence}}})
			})
		if err != nil {
			return err
		}
	}
	// Each commodity chain with its routes and cut.
	for _, ch := range b.r.Chains {
		if len(ch.Routes) == 0 {
			continue
		}
		links, cheapest := b.routeIDs, ch.Routes[0].Links
		var cut []network.LinkID
		if ch.MaxFlow != nil {
			cut = ch.MaxFlow.Cut
		}
		var cps []string
		for _, a := range ch.ChokepointActors {
			cps = append(cps, a.ID)
		}
		var ends []string
		for _, a := range slices.Concat(ch.Sources, ch.Markets) {
			ends = append(ends, a.ID)
		}
		title := "The " + ch.Commodity + " routes"
		err := add("chain-"+ch.slug+".svg", title, fmt.Sprintf("The route network between the places of the %s chain's sources and markets (ringed); the cheapest route, the route chokepoints and the minimum cut (maximum flow %s).", ch.Commodity, num(flowValue(ch))),
			func(w *bytes.Buffer) error {
				return render.Network(w, n, render.NetworkOptions{Title: title, Subtitle: fmt.Sprintf("%d sources, %d markets, %d routes shown", len(ch.Sources), len(ch.Markets), len(ch.Routes)),
					Seed: seed, Links: links, Actors: ends,
					Highlights: []render.Highlight{
						{Name: "source or market place", Actors: ends, Color: colourRoute},
						{Name: "cheapest route", Links: cheapest, Color: colourRoute},
						{Name: "chokepoint", Actors: cps, Links: ch.ChokepointLinks, Color: colourChokepoint},
						{Name: "minimum cut", Links: cut, Color: colourCut},
					}})
			})
		if err != nil {
			return err
		}
	}
	// The money layer.
	var money []network.LinkID
	for l := range n.LinksSeq() {
		if l.Element == network.Money && b.org.Keeps(l) {
			money = append(money, l.ID)
		}
	}
	if len(money) > 0 {
		var gws []string
		for _, g := range b.r.MoneyConvergence {
			gws = append(gws, g.ID)
		}
		var trails []network.LinkID
		for _, t := range b.r.MoneyTrails[:min(5, len(b.r.MoneyTrails))] {
			trails = append(trails, t.Evidence...)
		}
		err := add("money.svg", "The money layer", "Money links only, from payer to payee; the money-convergence points where criminal money reaches terrorists (ringed) and the five best money trails.",
			func(w *bytes.Buffer) error {
				return render.Network(w, n, render.NetworkOptions{Title: "The money layer", Subtitle: fmt.Sprintf("%d money links", len(money)),
					Seed: seed, Links: money, SizeLabel: "size: degree in the money layer",
					Highlights: []render.Highlight{
						{Name: "money convergence", Actors: gws, Color: colourConvergence},
						{Name: "money trail", Links: trails, Color: colourTrail},
					}})
			})
		if err != nil {
			return err
		}
	}
	// Disruption curves.
	if len(b.r.Disruption) > 0 {
		var conn, eff []render.Series
		for _, c := range b.r.Disruption {
			sc, se := render.Series{Name: c.Strategy}, render.Series{Name: c.Strategy}
			for _, st := range c.Steps {
				sc.X, sc.Y = append(sc.X, float64(st.Step)), append(sc.Y, st.Connected)
				se.X, se.Y = append(se.X, float64(st.Step)), append(se.Y, st.Efficiency)
			}
			conn, eff = append(conn, sc), append(eff, se)
		}
		measure := b.r.Disruption[0].Measure
		if err := add("disruption-connected.svg", "Disruption: what stays connected", "For each strategy, the "+measure+" as actors are removed.",
			func(w *bytes.Buffer) error {
				return render.Lines(w, render.LineChart{Title: "Disruption: " + measure, XLabel: "actors removed", YLabel: measure, Series: conn, YMin: 0, YMax: 1})
			}); err != nil {
			return err
		}
		if err := add("disruption-efficiency.svg", "Disruption: efficiency", "For each strategy, the global efficiency of the remaining network as actors are removed.",
			func(w *bytes.Buffer) error {
				return render.Lines(w, render.LineChart{Title: "Disruption: global efficiency", XLabel: "actors removed", YLabel: "global efficiency", Series: eff})
			}); err != nil {
			return err
		}
	}
	// The ranking.
	var bars []render.Bar
	title, measure := "", ""
	if len(b.r.Convergence) > 0 {
		title, measure = "Convergence nodes by score", "convergence score"
		for _, c := range b.r.Convergence[:min(top, len(b.r.Convergence))] {
			bars = append(bars, render.Bar{Label: c.Name, Value: c.Score, Highlight: c.Hybrid})
		}
	} else {
		for _, r := range b.r.Rankings {
			if r.Measure == "betweenness" && len(r.Top) > 0 {
				title, measure = "Top actors by betweenness", "betweenness (normalised)"
				for _, x := range r.Top[:min(top, len(r.Top))] {
					bars = append(bars, render.Bar{Label: x.Name, Value: x.Value})
				}
			}
		}
	}
	if len(bars) > 0 {
		sub := ""
		if len(b.r.Convergence) > 0 {
			sub = "highlighted: hybrid actors"
		}
		if err := add("ranking.svg", title, "The top actors by "+measure+".",
			func(w *bytes.Buffer) error {
				return render.Bars(w, render.BarChart{Title: title, Subtitle: sub, XLabel: measure, Bars: bars})
			}); err != nil {
			return err
		}
	}
	return nil
}

func flowValue(ch Chain) float64 {
	if ch.MaxFlow == nil {
		return 0
	}
	return ch.MaxFlow.Value
}

// convergenceIDs returns the IDs of the top k convergence nodes.
func (b *builder) convergenceIDs(k int) []string {
	var out []string
	for _, c := range b.r.Convergence[:min(k, len(b.r.Convergence))] {
		out = append(out, c.ID)
	}
	return out
}

// linksAmong returns the links the organisation-level scope keeps among
// a set of actors.
func (b *builder) linksAmong(ids []string) []network.LinkID {
	var out []network.LinkID
	for l := range b.n.LinksSeq() {
		if b.org.Keeps(l) && l.From != l.To && slices.Contains(ids, l.From) && slices.Contains(ids, l.To) {
			out = append(out, l.ID)
		}
	}
	return out
}

// safeFile turns a commodity into a file name part.
func safeFile(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		out = "commodity"
	}
	return out
}
