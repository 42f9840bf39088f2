package report

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/illicitnet/illicit/network"
)

// The HTML and Markdown outputs are written from one list of sections, so
// that they hold the same content.

// section is a part of the written report.
type section struct {
	id, title string
	// text are paragraphs.
	text []string
	// facts are label–value pairs.
	facts [][2]string
	// pictures are the files of pictures shown.
	pictures []string
	tables   []table
	// box marks the "how to read this" box.
	box bool
	// findings are a list of sentences with their evidence.
	findings []Finding
}

// table is a table of a section.
type table struct {
	caption string
	cols    []string
	rows    [][]cell
	// more is the number of rows left out (listed in report.json).
	more int
}

// cell is a table cell: text, or evidence links, or an anchor row.
type cell struct {
	text     string
	evidence []network.LinkID
	anchor   string
}

func txt(s string) cell { return cell{text: s} }

func ev(ids []network.LinkID) cell { return cell{evidence: ids} }

// num formats a number for reading: integers as they are, others to
// three decimals below 1, two below 100, one above.
func num(v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case math.IsInf(v, 1):
		return "∞"
	case v == math.Trunc(v) && math.Abs(v) < 1e15:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case math.Abs(v) >= 100:
		return strconv.FormatFloat(v, 'f', 1, 64)
	case math.Abs(v) >= 1:
		return strconv.FormatFloat(v, 'f', 2, 64)
	default:
		return strconv.FormatFloat(v, 'f', 3, 64)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// names joins actor names.
func names(rs []ActorRef) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = r.Name
	}
	return strings.Join(s, ", ")
}

func counts(cs []Count) string {
	if len(cs) == 0 {
		return "none"
	}
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = c.Key + " " + itoa(c.Count)
	}
	return strings.Join(s, ", ")
}

// limited builds a table of at most top rows of n.
func limited(t table, n, top int, row func(i int) []cell) table {
	for i := range min(n, top) {
		t.rows = append(t.rows, row(i))
	}
	t.more = max(0, n-top)
	return t
}

// sections lays the report out.
func (r *Report) sections() []section {
	top := r.top
	if top <= 0 {
		top = 10
	}
	pics := map[string]bool{}
	for _, p := range r.Pictures {
		pics[p.File] = true
	}
	pic := func(files ...string) []string {
		var out []string
		for _, f := range files {
			if pics[f] {
				out = append(out, f)
			}
		}
		return out
	}
	out := []section{{id: "findings", title: "Key findings", findings: r.Findings,
		text: []string{"What the analyses below find, in one sentence each; the numbers after a sentence are the links it rests on (see Evidence)."}}}

	// The network.
	ni, sc := r.Network, r.Scope
	span := "no dated link"
	if ni.First != "" {
		span = fmt.Sprintf("%s to %s (%d of %d links dated)", ni.First, ni.Last, ni.Dated, ni.Links)
	}
	direction := "links as two-way ties"
	if sc.Directed {
		direction = "along link directions"
	}
	s := section{id: "network", title: "The network", facts: [][2]string{
		{"Actors", fmt.Sprintf("%d (%d at organisation level, places left out)", ni.Actors, sc.Organisation)},
		{"Links", itoa(ni.Links)},
		{"Sectors", counts(ni.Sectors)},
		{"Kinds", counts(ni.Kinds)},
		{"Hybrids", orNone(names(ni.Hybrids))},
		{"Elements", counts(ni.Elements)},
		{"Grades", counts(ni.Grades) + fmt.Sprintf("; ungraded %d", ni.Ungraded)},
		{"Time span", span},
		{"Sources", counts(ni.Sources)},
		{"Commodities", counts(ni.Commodities)},
		{"Components", fmt.Sprintf("%d, the largest of %d actors", ni.Components, ni.Largest)},
		{"Scope", fmt.Sprintf("%s; weights %s; set A %s (%d actors), set B %s (%d actors)%s", direction, sc.Weights, sc.A, sc.SizeA, sc.B, sc.SizeB, scopeExtras(sc))},
	}, pictures: pic("network.svg")}
	if r.Description != "" {
		s.text = []string{r.Description}
	}
	out = append(out, s)

	// Top actors.
	s = section{id: "top-actors", title: "Top actors"}
	for _, rk := range r.Rankings {
		t := table{caption: rk.Measure + ": " + rk.Definition, cols: []string{"rank", "actor", "id", rk.Measure}}
		t = limited(t, len(rk.Top), top, func(i int) []cell {
			x := rk.Top[i]
			return []cell{txt(itoa(i + 1)), txt(x.Name), txt(x.ID), txt(num(x.Value))}
		})
		s.tables = append(s.tables, t)
	}
	out = append(out, s)

	// Convergence.
	s = section{id: "convergence", title: "Convergence nodes: where crime and terror meet", pictures: pic("nexus.svg", "ranking.svg"),
		text: []string{"Actors tied to both set A (" + sc.A + ") and set B (" + sc.B + "), ranked by the convergence score; the parts of the score are shown beside it."}}
	s.tables = append(s.tables, limited(table{cols: []string{"rank", "actor", "sectors", "score", "nexus betweenness", "normalised", "Blau", "multiplexity", "elements", "hybrid", "neighbours in A", "neighbours in B", "evidence"}},
		len(r.Convergence), top, func(i int) []cell {
			c := r.Convergence[i]
			return []cell{txt(itoa(i + 1)), txt(c.Name + " (" + c.ID + ")"), txt(strings.Join(c.Sectors, ", ")), txt(num(c.Score)), txt(num(c.NexusBetweenness)),
				txt(num(c.Betweenness)), txt(num(c.Blau)), txt(num(c.Multiplexity)), txt(strings.Join(c.Elements, ", ")), txt(yesNo(c.Hybrid)),
				txt(names(c.NeighboursA)), txt(names(c.NeighboursB)), ev(c.Evidence)}
		}))
	out = append(out, s)

	s = section{id: "brokers", title: "Cross-sector brokers", text: []string{"Gould–Fernandez roles on the two-paths from set A to set B."}}
	s.tables = append(s.tables, limited(table{cols: []string{"actor", "sector", "liaison", "representative", "gatekeeper", "hybrid", "total"}},
		len(r.Brokers), top, func(i int) []cell {
			x := r.Brokers[i]
			return []cell{txt(x.Name + " (" + x.ID + ")"), txt(x.Sector), txt(itoa(x.Liaison)), txt(itoa(x.Representative)), txt(itoa(x.Gatekeeper)), txt(itoa(x.Hybrid)), txt(itoa(x.Total))}
		}))
	out = append(out, s)

	s = section{id: "corruption", title: "Corruption nodes and iron triangles"}
	s.tables = append(s.tables, limited(table{caption: "Corruption nodes: state-sector actors tied to set A or set B", cols: []string{"official body", "tied to A", "tied to B", "evidence"}},
		len(r.Corruption), top, func(i int) []cell {
			x := r.Corruption[i]
			return []cell{txt(x.Name + " (" + x.ID + ")"), txt(names(x.A)), txt(names(x.B)), ev(x.Evidence)}
		}))
	s.tables = append(s.tables, limited(table{caption: "Iron triangles: state, licit and criminal actors pairwise linked", cols: []string{"state", "licit", "criminal", "evidence"}},
		len(r.IronTriangles), top, func(i int) []cell {
			x := r.IronTriangles[i]
			return []cell{txt(x.State.Name), txt(x.Licit.Name), txt(x.Criminal.Name), ev(x.Evidence)}
		}))
	out = append(out, s)

	s = section{id: "continuum", title: "The crime–terror continuum", text: []string{"Each pair of a group of set A and a group of set B that reaches a stage of Makarenko's continuum, highest stage first."}}
	s.tables = append(s.tables, limited(table{cols: []string{"A", "B", "stage", "rules that fired", "evidence"}},
		len(r.Continuum), top, func(i int) []cell {
			x := r.Continuum[i]
			return []cell{txt(x.A.Name), txt(x.B.Name), txt(x.Stage), txt(strings.Join(x.Rules, ", ")), ev(x.Evidence)}
		}))
	out = append(out, s)

	e := r.KeyPlayerEffect
	s = section{id: "key-players", title: "Key players and what their removal does"}
	if len(r.KeyPlayers) > 0 {
		s.text = []string{fmt.Sprintf("Removing these %d actors raises the fragmentation F from %s to %s; the ordered A–B pairs joined by a path fall from %d to %d and the global efficiency from %s to %s.",
			len(r.KeyPlayers), num(e.FragmentationBefore), num(e.FragmentationAfter), e.PairsBefore, e.PairsAfter, num(e.EfficiencyBefore), num(e.EfficiencyAfter))}
	}
	s.tables = append(s.tables, limited(table{cols: []string{"actor", "id", "marginal contribution to F"}}, len(r.KeyPlayers), top, func(i int) []cell {
		x := r.KeyPlayers[i]
		return []cell{txt(x.Name), txt(x.ID), txt(num(x.Contribution))}
	}))
	out = append(out, s)

	s = section{id: "disruption", title: "Disruption curves", pictures: pic("disruption-connected.svg", "disruption-efficiency.svg")}
	if len(r.Disruption) > 0 {
		s.text = []string{"Actors removed in the order of each strategy, ranked once on the intact network; \"connected\" is the " + r.Disruption[0].Measure + "."}
		cols := []string{"step"}
		for _, c := range r.Disruption {
			cols = append(cols, c.Strategy+": removed", c.Strategy+": connected", c.Strategy+": efficiency")
		}
		steps := len(r.Disruption[0].Steps)
		s.tables = append(s.tables, limited(table{cols: cols}, steps, max(top, 11), func(i int) []cell {
			row := []cell{txt(itoa(i))}
			for _, c := range r.Disruption {
				if i >= len(c.Steps) {
					row = append(row, txt(""), txt(""), txt(""))
					continue
				}
				st := c.Steps[i]
				row = append(row, txt(st.Name), txt(num(st.Connected)), txt(num(st.Efficiency)))
			}
			return row
		}))
	}
	out = append(out, s)

	// Supply chains.
	s = section{id: "chains", title: "Supply chains"}
	if len(r.Chains) == 0 {
		s.text = []string{"No commodity chain: no materiel link names a commodity."}
	}
	out = append(out, s)
	for _, ch := range r.Chains {
		cs := section{id: "chain-" + ch.slug, title: "Supply chain: " + ch.Commodity, pictures: pic("chain-" + ch.slug + ".svg")}
		if ch.Note != "" {
			cs.text = append(cs.text, "Routes: "+ch.Note+".")
		}
		roles := table{caption: "Roles", cols: []string{"role", "actors"}}
		for _, ro := range ch.Roles {
			roles.rows = append(roles.rows, []cell{txt(ro.Role), txt(names(ro.Actors))})
		}
		cs.tables = append(cs.tables, roles)
		audit := table{caption: "Audit of the four critical elements (Realuyo 2013)", cols: []string{"element", "question", "answer", "evidence"}}
		for _, a := range ch.Audit {
			var parts []string
			var links []network.LinkID
			for _, it := range a.Items {
				p := it.Value
				if it.ID != "" {
					p = it.Name
				}
				if it.Quantity != 0 {
					p += " (" + num(it.Quantity) + ")"
				}
				parts = append(parts, p)
				links = append(links, it.Evidence...)
			}
			answer := strings.Join(parts, "; ")
			if a.Unknown || answer == "" {
				answer = a.Note
			} else if a.Note != "" {
				answer += " — " + a.Note
			}
			audit.rows = append(audit.rows, []cell{txt(a.Element), txt(a.Question), txt(answer), ev(dedup(links))})
		}
		cs.tables = append(cs.tables, audit)
		if len(ch.Routes) > 0 {
			cs.facts = [][2]string{{"Source places", names(ch.Sources)}, {"Market places", names(ch.Markets)}}
			if ch.MaxFlow != nil {
				cs.facts = append(cs.facts, [2]string{"Maximum flow", num(ch.MaxFlow.Value) + " (the capacity of the minimum cut)"})
			}
			cs.facts = append(cs.facts, [2]string{"Chokepoint places", orNone(names(ch.ChokepointActors))})
			rt := table{caption: "Cheapest routes", cols: []string{"rank", "route", "modes", "cost", "evidence"}}
			for i, ro := range ch.Routes {
				rt.rows = append(rt.rows, []cell{txt(itoa(i + 1)), txt(strings.ReplaceAll(names(ro.Actors), ", ", " → ")), txt(strings.Join(ro.Modes, ", ")), txt(num(ro.Cost)), ev(ro.Links)})
			}
			cs.tables = append(cs.tables, rt)
			cut := table{caption: "Chokepoint links (bridges) and the minimum cut", cols: []string{"kind", "links"}}
			cut.rows = append(cut.rows, []cell{txt("bridges"), ev(ch.ChokepointLinks)})
			if ch.MaxFlow != nil {
				cut.rows = append(cut.rows, []cell{txt("minimum cut"), ev(ch.MaxFlow.Cut)})
			}
			cs.tables = append(cs.tables, cut)
			it := table{caption: "Interdiction trade-off: the best k route links to remove", cols: []string{"k", "remaining flow", "method", "links removed"}}
			for _, st := range ch.Interdiction {
				it.rows = append(it.rows, []cell{txt(itoa(st.K)), txt(num(st.Flow)), txt(st.Method), ev(st.Links)})
			}
			cs.tables = append(cs.tables, it)
		}
		out = append(out, cs)
	}

	s = section{id: "money", title: "Money trails and laundering", pictures: pic("money.svg")}
	s.tables = append(s.tables, limited(table{caption: "Money convergence: where money from set A reaches set B", cols: []string{"gateway", "from", "pays", "trails", "evidence"}},
		len(r.MoneyConvergence), top, func(i int) []cell {
			g := r.MoneyConvergence[i]
			return []cell{txt(g.Name + " (" + g.ID + ")"), txt(names(g.Sources)), txt(names(g.Targets)), txt(itoa(g.Trails)), ev(g.Evidence)}
		}))
	s.tables = append(s.tables, limited(table{caption: "The best money trails (by bottleneck amount)", cols: []string{"trail", "channels", "fronts", "bottleneck", "confidence", "evidence"}},
		len(r.MoneyTrails), top, func(i int) []cell {
			t := r.MoneyTrails[i]
			return []cell{txt(strings.ReplaceAll(names(t.Actors), ", ", " → ")), txt(strings.Join(t.Channels, ", ")), txt(names(t.Fronts)), txt(num(t.Bottleneck)), txt(num(t.Confidence)), ev(t.Evidence)}
		}))
	s.tables = append(s.tables, limited(table{caption: "Laundering patterns", cols: []string{"pattern", "central actors", "actors", "amount", "evidence"}},
		len(r.Laundering), top, func(i int) []cell {
			p := r.Laundering[i]
			return []cell{txt(p.Kind), txt(names(p.Central)), txt(itoa(p.Actors)), txt(num(p.Amount)), ev(p.Evidence)}
		}))
	out = append(out, s)

	s = section{id: "early-warning", title: "Early warning"}
	if w := r.EarlyWarning; w != nil {
		s.text = []string{fmt.Sprintf("The links active in %s against those active in %s.", w.Earlier, w.Later)}
		s.tables = append(s.tables, limited(table{caption: "New cross-sector ties", cols: []string{"actor", "actor", "evidence"}}, len(w.NewLinks), top, func(i int) []cell {
			l := w.NewLinks[i]
			if w.LaterLinks {
				return []cell{txt(l.Actors[0].Name), txt(l.Actors[1].Name), txt("links " + citeList(l.Evidence, func(id string) string { return id }) + " of the later snapshot")}
			}
			return []cell{txt(l.Actors[0].Name), txt(l.Actors[1].Name), ev(l.Evidence)}
		}))
		s.tables = append(s.tables, limited(table{caption: "New brokers (nexus betweenness from zero)", cols: []string{"actor", "id", "nexus betweenness"}}, len(w.NewBrokers), top, func(i int) []cell {
			x := w.NewBrokers[i]
			return []cell{txt(x.Name), txt(x.ID), txt(num(x.Value))}
		}))
		s.tables = append(s.tables, limited(table{caption: "Rising brokers", cols: []string{"actor", "id", "before", "after"}}, len(w.Rises), top, func(i int) []cell {
			x := w.Rises[i]
			return []cell{txt(x.Name), txt(x.ID), txt(num(x.Before)), txt(num(x.After))}
		}))
	} else {
		s.text = []string{"No comparison: see the notes."}
	}
	out = append(out, s)

	s = section{id: "robustness", title: "How sure: the ranking against the grades"}
	if rb := r.Robustness; rb != nil {
		tau := "undefined (every score equal)"
		if rb.TauMean != nil {
			tau = num(*rb.TauMean)
		}
		s.text = []string{fmt.Sprintf("%d samples of the organisation-level network, each link kept with the confidence of its grade (A1 always, E5 once in 25, ungraded as F6); the %s of each actor over the samples. P(first) splits a tie for first between the tied actors. The mean Kendall τ-b between a sample's ranking and the full one is %s.",
			rb.Runs, rb.Measure, tau)}
		s.tables = append(s.tables, limited(table{caption: "Who is first, and how often", cols: []string{"actor", "full value", "full rank", "mean", "90 % interval", "P(first)", fmt.Sprintf("P(top %d)", rb.K)}},
			len(rb.Actors), top, func(i int) []cell {
				a := rb.Actors[i]
				return []cell{txt(a.Name + " (" + a.ID + ")"), txt(num(a.Full)), txt(itoa(a.FullRank)), txt(num(a.Mean)), txt(num(a.Low) + " – " + num(a.High)), txt(pct(a.PFirst)), txt(pct(a.PTop))}
			}))
		if rb.Critical != nil {
			s.tables = append(s.tables, limited(table{caption: fmt.Sprintf("The reports the conclusion rests on: links whose removal alone changes the first actor or the top %d", rb.K),
				cols: []string{"link", "changes the first", "first without it", "leave the top", "enter the top"}},
				len(rb.Critical), top, func(i int) []cell {
					c := rb.Critical[i]
					return []cell{ev([]network.LinkID{c.Link}), txt(yesNo(c.ChangesFirst)), txt(names(c.First)), txt(names(c.Dropped)), txt(names(c.Entered))}
				}))
		}
	} else {
		s.text = []string{"Not computed: see the notes."}
	}
	out = append(out, s)

	if len(r.Notes) > 0 {
		out = append(out, section{id: "notes", title: "What could not be analysed", text: r.Notes})
	}

	s = section{id: "how-to-read", title: "How to read this", box: true,
		text: []string{"Every number is computed from the data. Every finding cites its evidence: the link numbers lead to the table of evidence at the end, with each link's source document and grade."}}
	d := table{cols: []string{"term", "definition", "reference"}}
	for _, x := range r.Definitions {
		d.rows = append(d.rows, []cell{txt(x.Term), txt(x.Definition), txt(x.Reference)})
	}
	s.tables = append(s.tables, d)
	out = append(out, s)

	s = section{id: "evidence", title: "Evidence: the links cited"}
	t := table{cols: []string{"link", "from", "to", "element", "type", "detail", "source", "grade", "statement"}}
	for _, l := range r.Links {
		arrow := "→"
		if l.Mutual {
			arrow = "–"
		}
		var detail []string
		for _, x := range []string{l.Commodity, l.Mode, l.Channel} {
			if x != "" {
				detail = append(detail, x)
			}
		}
		if l.Start != "" || l.End != "" {
			detail = append(detail, l.Start+"–"+l.End)
		}
		t.rows = append(t.rows, []cell{{text: itoa(int(l.ID)), anchor: "link-" + itoa(int(l.ID))}, txt(l.From.Name + " " + arrow), txt(l.To.Name), txt(l.Element), txt(l.Type),
			txt(strings.Join(detail, ", ")), txt(l.Source), txt(orNone(l.Grade)), txt(l.Statement)})
	}
	s.tables = append(s.tables, t)
	out = append(out, s)
	return out
}

// pct writes a share as a percentage.
func pct(x float64) string {
	return strconv.FormatFloat(100*x, 'f', 0, 64) + " %"
}

func scopeExtras(sc ScopeInfo) string {
	var out []string
	if len(sc.Elements) > 0 {
		out = append(out, "elements "+strings.Join(sc.Elements, ", "))
	}
	if len(sc.Types) > 0 {
		out = append(out, "types "+strings.Join(sc.Types, ", "))
	}
	if sc.Window != "" {
		out = append(out, "window "+sc.Window)
	}
	if sc.MinGrade != "" {
		out = append(out, "minimum grade "+sc.MinGrade)
	}
	if len(out) == 0 {
		return ""
	}
	return "; " + strings.Join(out, "; ")
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// dedup returns the IDs sorted, each once.
func dedup(ids []network.LinkID) []network.LinkID {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}
