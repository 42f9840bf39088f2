package main

import (
	"io"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
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

CSV output: one row per step (-top N: the first N rows), columns:
  step                    number of removals so far (0: intact network)
  removed, removed_name   ID and name of the actor removed at this step
                          ("" at 0)
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

var disruptColumns = []string{"step", "removed", "removed_name", "remaining", "largest", "components", "fragmentation",
	"distance_fragmentation", "efficiency", "connected_pairs", "new_ties"}

// ties are the new ties of a recovery step: "a-b", ";"-joined, in CSV and
// [a, b] pairs in JSON.
type ties [][2]string

func (t ties) csv() string {
	parts := make([]string, len(t))
	for i, p := range t {
		parts[i] = p[0] + "-" + p[1]
	}
	return strings.Join(parts, ";")
}

func (t ties) json() any {
	if t == nil {
		return [][2]string{}
	}
	return [][2]string(t)
}

func disruptCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("disrupt", disruptHelp, stderr, true, 0, "rows (steps) listed")
	strategy := fs.String("strategy", "degree", "`strategy`: degree, betweenness, nexus_betweenness, key_player or random")
	sequential := fs.Bool("sequential", false, "re-rank the remaining actors after each removal")
	steps := fs.Int("steps", 0, "`number` of removals (0: every actor)")
	seed := fs.Uint64("seed", 1, "`seed` of -strategy random, of the key player restarts and of -recovery")
	recovery := fs.Float64("recovery", 0, "`probability` in [0, 1] of each new tie of the recovery rule (0: no recovery)")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	sf.ignored(stderr, "disrupt", "disruption is simulated on the undirected, unweighted graph", "directed", "weights", "weighted", "aggregate")
	strat, err := nexus.ParseDisruptStrategy(*strategy)
	if err != nil {
		return usagef("-strategy: %v", err)
	}
	if *steps < 0 {
		return usagef("-steps must not be negative, got %d", *steps)
	}
	if !(*recovery >= 0 && *recovery <= 1) {
		return usagef("-recovery must be in [0, 1], got %v", *recovery)
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
		warnf(stderr, "disrupt", "connected_pairs is 0 throughout: %v", strings.TrimPrefix(err.Error(), "nexus: "))
	}
	nm := names{s.Network()}
	t := newTable(disruptColumns...)
	for _, st := range res[:out.limit(len(res))] {
		t.add(st.Step, st.Actor, nm.of(st.Actor), st.Remaining, st.Largest, st.Components, st.Fragmentation,
			st.DistanceFragmentation, st.Efficiency, st.ConnectedPairs, ties(st.NewTies))
	}
	return t.write(stdout, out.json)
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
kind,id,name,other,other_name,before,after,increase,links, holding three
kinds of rows in this order:
  new_link    a new cross-sector tie (actors of different sectors among
              criminal, terrorist, facilitator and state joined later but
              not earlier), in the later network's order: id and other
              are the two actors (name and other_name their names), links
              the later network's links joining them as
              from>to:element:type, ';'-joined; before, after and
              increase empty
  new_broker  an actor whose nexus betweenness is positive later and zero
              (or absent) earlier, by decreasing value: id, and after
              its later value; other, before, increase and links empty
  rise        one of the -top largest rises of nexus betweenness, by
              decreasing increase: id, before, after (an actor absent
              earlier counts as 0) and increase = after − before;
              other and links empty
-top N lists the N largest rises (default 10; 0: every rise). Numbers
have 10 significant digits. With -json, one object:
  {"new_links": [{"from", "from_name", "to", "to_name",
                  "links": [{"id", "from", "to", "element", "type"}]}, ...],
   "new_brokers": [{"id", "name", "value"}, ...],
   "rises": [{"id", "name", "before", "after", "increase"}, ...]}
`

var warnColumns = []string{"kind", "id", "name", "other", "other_name", "before", "after", "increase", "links"}

type crossLinkJSON struct {
	From     string `json:"from"`
	FromName string `json:"from_name"`
	To       string `json:"to"`
	ToName   string `json:"to_name"`
	Links    any    `json:"links"`
}

type brokerJSON struct {
	ID    string     `json:"id"`
	Name  string     `json:"name"`
	Value jsonNumber `json:"value"`
}

type riseJSON struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Before   jsonNumber `json:"before"`
	After    jsonNumber `json:"after"`
	Increase jsonNumber `json:"increase"`
}

type warningJSON struct {
	NewLinks   []crossLinkJSON `json:"new_links"`
	NewBrokers []brokerJSON    `json:"new_brokers"`
	Rises      []riseJSON      `json:"rises"`
}

func warnCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("warn", warnHelp, stderr, true, 10, "largest rises listed")
	in2 := fs.String("in2", "", "`file` of the later snapshot (read like -in, with -format, -kind-map and -project); without it, -in is split into two time windows")
	nodes2 := fs.String("nodes2", "", "node table `file` of an edge-list -in2 (default: none; -nodes is for -in)")
	var dates [4]string
	for i, name := range []string{"from1", "to1", "from2", "to2"} {
		fs.StringVar(&dates[i], name, "", "`date` YYYY[-MM[-DD]] bounding the "+[]string{"earlier", "earlier", "later", "later"}[i]+" window (empty: open end)")
	}
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	var ds [4]network.Date
	for i, name := range []string{"from1", "to1", "from2", "to2"} {
		d, err := parseDateFlag("-"+name, dates[i])
		if err != nil {
			return usagef("%v", err)
		}
		ds[i] = d
	}
	windows := dates[0] != "" || dates[1] != "" || dates[2] != "" || dates[3] != ""
	switch {
	case *in2 != "" && windows:
		return usagef("-in2 cannot be combined with -from1, -to1, -from2 or -to2")
	case *in2 == "" && !windows:
		return usagef("give the later snapshot: -in2 FILE, or two time windows -from1 … -to2")
	case windows && (sf.from != "" || sf.to != "" || sf.at != ""):
		return usagef("-from, -to and -at cannot be combined with the windows -from1 … -to2")
	}
	opts := nexus.WarnOptions{Top: out.top}
	if out.top == 0 {
		opts.Top = -1 // every rise
	}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	var w nexus.Warning
	later := s
	if *in2 != "" {
		ln, err := in.loadFile(*in2, *nodes2, s.Options().View)
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
	ln := later.Network()
	nm := names{ln}
	if out.json {
		js := warningJSON{NewLinks: []crossLinkJSON{}, NewBrokers: []brokerJSON{}, Rises: []riseJSON{}}
		for _, l := range w.NewLinks {
			js.NewLinks = append(js.NewLinks, crossLinkJSON{From: l.Actors[0], FromName: nm.of(l.Actors[0]),
				To: l.Actors[1], ToName: nm.of(l.Actors[1]), Links: linkRefs{ln, l.Links}.json()})
		}
		for _, b := range w.NewBrokers {
			js.NewBrokers = append(js.NewBrokers, brokerJSON{ID: b.Actor, Name: nm.of(b.Actor), Value: jsonNumber(b.Value)})
		}
		for _, r := range w.Rises {
			js.Rises = append(js.Rises, riseJSON{ID: r.Actor, Name: nm.of(r.Actor), Before: jsonNumber(r.Before),
				After: jsonNumber(r.After), Increase: jsonNumber(r.Increase)})
		}
		return encodeJSON(stdout, js)
	}
	t := newTable(warnColumns...)
	for _, l := range w.NewLinks {
		t.add("new_link", l.Actors[0], nm.of(l.Actors[0]), l.Actors[1], nm.of(l.Actors[1]), nil, nil, nil, linkRefs{ln, l.Links})
	}
	for _, b := range w.NewBrokers {
		t.add("new_broker", b.Actor, nm.of(b.Actor), "", "", nil, b.Value, nil, "")
	}
	for _, r := range w.Rises {
		t.add("rise", r.Actor, nm.of(r.Actor), "", "", r.Before, r.After, r.Increase, "")
	}
	return t.write(stdout, false)
}
