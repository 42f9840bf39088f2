package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/netio"
	"github.com/illicitnet/illicit/nexus"
)

const disruptHelp = `usage: analyze disrupt -in FILE [flags]

Simulates the removal of actors, one at a time, from the network's
undirected, unweighted view (of the links the scope flags keep; see
nexus.Disrupt) and prints the state of the network before any removal
(step 0) and after each removal. -strategy chooses the actor removed:
  degree             the most ties
  betweenness        the highest shortest-path betweenness
  nexus_betweenness  the highest nexus betweenness between sets -a and -b
  key_player         key players (KPP-Neg fragmentation, Borgatti 2006)
  random             a random order drawn from -seed
Without -sequential the actors are ranked once on the intact network;
with it they are re-ranked after each removal. With -recovery P, after
each removal every surviving neighbour of the removed actor gets, with
probability P, a new tie to the best-connected of them (Duijn, Kashirin &
Sloot 2014); the metrics are measured after this rewiring.

CSV output: one row per step, columns:
  step                    number of removals so far (0: intact network)
  removed                 ID of the actor removed at this step ("" at 0)
  remaining               number of actors left
  largest                 size of the largest connected component
  components              number of connected components
  fragmentation           Borgatti's F: share of ordered pairs of
                          remaining actors with no path between them
  distance_fragmentation  Borgatti's DF (1 − efficiency with two actors
                          or more left)
  efficiency              global efficiency (Latora & Marchiori 2001)
                          over the remaining actors
  connected_pairs         ordered pairs (a in set -a, b in set -b, a ≠ b)
                          of remaining actors joined by a path (0, with
                          a warning, when the data has no such actors)
  new_ties                ties added by recovery at this step, as "a-b"
                          (recovering contact, then hub), ';'-joined
Numbers have 10 significant digits. With -json: a JSON array of objects
with the same keys (new_ties an array of [a, b] pairs).
`

var disruptColumns = []string{"step", "removed", "remaining", "largest", "components", "fragmentation",
	"distance_fragmentation", "efficiency", "connected_pairs", "new_ties"}

type disruptStepJSON struct {
	Step                  int         `json:"step"`
	Removed               string      `json:"removed"`
	Remaining             int         `json:"remaining"`
	Largest               int         `json:"largest"`
	Components            int         `json:"components"`
	Fragmentation         jsonNumber  `json:"fragmentation"`
	DistanceFragmentation jsonNumber  `json:"distance_fragmentation"`
	Efficiency            jsonNumber  `json:"efficiency"`
	ConnectedPairs        int         `json:"connected_pairs"`
	NewTies               [][2]string `json:"new_ties"`
}

func disruptCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf := newAnalysis("disrupt", disruptHelp, stderr, true)
	strategy := fs.String("strategy", "degree", "`strategy`: degree, betweenness, nexus_betweenness, key_player or random")
	sequential := fs.Bool("sequential", false, "re-rank the remaining actors after each removal")
	steps := fs.Int("steps", 0, "`number` of removals (0: every actor)")
	seed := fs.Uint64("seed", 1, "seed of -strategy random, of the key player restarts and of -recovery")
	recovery := fs.Float64("recovery", 0, "`probability` in [0, 1] of each new tie of the recovery rule (0: no recovery)")
	asJSON := jsonFlag(fs)
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	strat, err := nexus.ParseDisruptStrategy(*strategy)
	if err != nil {
		return fmt.Errorf("-strategy: %v", err)
	}
	if *steps < 0 {
		return fmt.Errorf("-steps must not be negative, got %d", *steps)
	}
	if !(*recovery >= 0 && *recovery <= 1) {
		return fmt.Errorf("-recovery must be in [0, 1], got %v", *recovery)
	}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	res, err := nexus.Disrupt(s, nexus.DisruptOptions{
		Strategy: strat, Sequential: *sequential, Steps: *steps, Seed: *seed, Recovery: *recovery,
	})
	if err != nil {
		return err
	}
	if _, _, err := s.Sets(); err != nil {
		fmt.Fprintf(stderr, "analyze disrupt: warning: connected_pairs is 0 throughout: %v\n", err)
	}
	if *asJSON {
		out := make([]disruptStepJSON, len(res))
		for i, s := range res {
			ties := s.NewTies
			if ties == nil {
				ties = [][2]string{}
			}
			out[i] = disruptStepJSON{Step: s.Step, Removed: s.Actor, Remaining: s.Remaining, Largest: s.Largest,
				Components: s.Components, Fragmentation: jsonNumber(s.Fragmentation),
				DistanceFragmentation: jsonNumber(s.DistanceFragmentation), Efficiency: jsonNumber(s.Efficiency),
				ConnectedPairs: s.ConnectedPairs, NewTies: ties}
		}
		return encodeJSON(stdout, out)
	}
	cw := csv.NewWriter(stdout)
	if err := cw.Write(disruptColumns); err != nil {
		return err
	}
	for _, s := range res {
		ties := make([]string, len(s.NewTies))
		for i, t := range s.NewTies {
			ties[i] = t[0] + "-" + t[1]
		}
		row := []string{strconv.Itoa(s.Step), s.Actor, strconv.Itoa(s.Remaining), strconv.Itoa(s.Largest),
			strconv.Itoa(s.Components), formatValue(s.Fragmentation), formatValue(s.DistanceFragmentation),
			formatValue(s.Efficiency), strconv.Itoa(s.ConnectedPairs), strings.Join(ties, ";")}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

const warnHelp = `usage: analyze warn -in FILE -from1 D -to1 D -from2 D -to2 D [flags]
       analyze warn -in FILE -in2 FILE2 [flags]

Reports early-warning signs of crime–terror convergence between an earlier
and a later snapshot (see nexus.Warn): with -in2, the networks of -in
(earlier) and -in2 (later); otherwise two time windows of -in, the links
active in [-from1, -to1] and in [-from2, -to2] (dates YYYY, YYYY-MM or
YYYY-MM-DD; an empty date is an open end). Actors are matched by ID.
Nexus betweenness is measured between sets -a and -b on the scope the
flags give (undirected and unweighted by default); -from and -to cannot
be combined with the windows.

CSV output: one table with a kind column, header
kind,id,other,before,after,increase,links, holding three kinds of rows
in this order:
  new_link    a new cross-sector tie (actors of different sectors among
              criminal, terrorist, facilitator and state joined later but
              not earlier), in the later network's order: id and other
              are the two actors, links the later network's links
              joining them as from>to:element:type, ';'-joined; before,
              after and increase empty
  new_broker  an actor whose nexus betweenness is positive later and zero
              (or absent) earlier, by decreasing value: id, and after
              its later value; other, before, increase and links empty
  rise        one of the -top largest rises of nexus betweenness, by
              decreasing increase: id, before, after (an actor absent
              earlier counts as 0) and increase = after − before;
              other and links empty
Numbers have 10 significant digits. With -json, one object:
  {"new_links": [{"from", "to", "links": [{"id", "from", "to", "element", "type"}]}, ...],
   "new_brokers": [{"id", "value"}, ...],
   "rises": [{"id", "before", "after", "increase"}, ...]}
`

var warnColumns = []string{"kind", "id", "other", "before", "after", "increase", "links"}

type linkJSON struct {
	ID      int    `json:"id"`
	From    string `json:"from"`
	To      string `json:"to"`
	Element string `json:"element"`
	Type    string `json:"type"`
}

type crossLinkJSON struct {
	From  string     `json:"from"`
	To    string     `json:"to"`
	Links []linkJSON `json:"links"`
}

type brokerJSON struct {
	ID    string     `json:"id"`
	Value jsonNumber `json:"value"`
}

type riseJSON struct {
	ID       string     `json:"id"`
	Before   jsonNumber `json:"before"`
	After    jsonNumber `json:"after"`
	Increase jsonNumber `json:"increase"`
}

type warningJSON struct {
	NewLinks   []crossLinkJSON `json:"new_links"`
	NewBrokers []brokerJSON    `json:"new_brokers"`
	Rises      []riseJSON      `json:"rises"`
}

// citeLinks describes links of n by their ends, element and type.
func citeLinks(n *network.Network, ids []network.LinkID) ([]linkJSON, []string) {
	js := make([]linkJSON, len(ids))
	text := make([]string, len(ids))
	for i, id := range ids {
		l, _ := n.Link(id)
		js[i] = linkJSON{ID: int(id), From: l.From, To: l.To, Element: l.Element.String(), Type: l.Type}
		text[i] = fmt.Sprintf("%s>%s:%s:%s", l.From, l.To, l.Element, l.Type)
	}
	return js, text
}

func warnCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf := newAnalysis("warn", warnHelp, stderr, true)
	in2 := fs.String("in2", "", "`file` of the later snapshot (read like -in); without it, -in is split into two time windows")
	var dates [4]string
	for i, name := range []string{"from1", "to1", "from2", "to2"} {
		fs.StringVar(&dates[i], name, "", "`date` YYYY[-MM[-DD]] bounding the "+[]string{"earlier", "earlier", "later", "later"}[i]+" window (empty: open end)")
	}
	top := fs.Int("top", 10, "number of largest rises listed (negative: every rise)")
	asJSON := jsonFlag(fs)
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	var ds [4]network.Date
	for i, name := range []string{"from1", "to1", "from2", "to2"} {
		d, err := parseDateFlag("-"+name, dates[i])
		if err != nil {
			return err
		}
		ds[i] = d
	}
	windows := dates[0] != "" || dates[1] != "" || dates[2] != "" || dates[3] != ""
	if *in2 != "" && windows {
		return fmt.Errorf("-in2 cannot be combined with -from1, -to1, -from2 or -to2")
	}
	if windows && (sf.from != "" || sf.to != "" || sf.at != "") {
		return fmt.Errorf("-from, -to and -at cannot be combined with the windows -from1 … -to2")
	}
	topN := *top
	if topN == 0 {
		topN = -1 // nexus.WarnOptions: 0 means 10; here 0 lists no rise
	}
	opts := nexus.WarnOptions{Top: topN}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	var w nexus.Warning
	later := s
	if *in2 != "" {
		ln, err := netio.Load(*in2, netio.LoadOptions{Format: netio.Format(in.format), Nodes: in.nodes, Directed: in.directed})
		if err != nil {
			return err
		}
		if later, err = analysis.NewScope(ln, s.Options()); err != nil {
			return err
		}
		if w, err = nexus.Warn(s, later, opts); err != nil {
			return err
		}
	} else if w, err = nexus.WarnWindows(s, ds[0], ds[1], ds[2], ds[3], opts); err != nil {
		return err
	}
	if *top == 0 {
		w.Rises = nil
	}
	ln := later.Network()
	if *asJSON {
		out := warningJSON{NewLinks: make([]crossLinkJSON, len(w.NewLinks)),
			NewBrokers: make([]brokerJSON, len(w.NewBrokers)), Rises: make([]riseJSON, len(w.Rises))}
		for i, l := range w.NewLinks {
			links, _ := citeLinks(ln, l.Links)
			out.NewLinks[i] = crossLinkJSON{From: l.Actors[0], To: l.Actors[1], Links: links}
		}
		for i, s := range w.NewBrokers {
			out.NewBrokers[i] = brokerJSON{ID: s.Actor, Value: jsonNumber(s.Value)}
		}
		for i, r := range w.Rises {
			out.Rises[i] = riseJSON{ID: r.Actor, Before: jsonNumber(r.Before), After: jsonNumber(r.After), Increase: jsonNumber(r.Increase)}
		}
		return encodeJSON(stdout, out)
	}
	cw := csv.NewWriter(stdout)
	if err := cw.Write(warnColumns); err != nil {
		return err
	}
	var rows [][]string
	for _, l := range w.NewLinks {
		_, text := citeLinks(ln, l.Links)
		rows = append(rows, []string{"new_link", l.Actors[0], l.Actors[1], "", "", "", strings.Join(text, ";")})
	}
	for _, s := range w.NewBrokers {
		rows = append(rows, []string{"new_broker", s.Actor, "", "", formatValue(s.Value), "", ""})
	}
	for _, r := range w.Rises {
		rows = append(rows, []string{"rise", r.Actor, "", formatValue(r.Before), formatValue(r.After), formatValue(r.Increase), ""})
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}
