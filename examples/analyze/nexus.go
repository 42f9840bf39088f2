package main

import (
	"cmp"
	"io"
	"slices"

	"github.com/illicitnet/illicit/network/measure"
	"github.com/illicitnet/illicit/nexus"
)

const nexusHelp = `usage: analyze nexus -in FILE [flags]

Finds the convergence nodes between two sectors (by default criminal and
terrorist; see nexus.Convergence): the actors whose ties reach both set A
(actors in sector -a) and set B (actors in sector -b), or hybrids in both
sets with a neighbour in either. One row per such actor, ranked by
decreasing score (ties in input order; -top N: the first N). CSV columns:
  id, name           the actor's ID and name
  score              convergence score: ¼·betweenness_norm + ¼·blau +
                     ¼·multiplexity + ¼·hybrid, in [0, 1]
  nexus_betweenness  raw nexus betweenness: Σ over ordered pairs (a in A,
                     b in B) of the share of shortest a–b paths through
                     the actor (Brandes 2001, restricted to A and B)
  betweenness_norm   nexus_betweenness / its maximum over all actors
                     (0 if that maximum is 0)
  blau               Blau (1977) index of the neighbours' sectors
  multiplexity       share of the four critical elements (materiel,
                     manpower, money, mechanism) among the actor's links
  elements           those elements, ';'-joined
  hybrid             true if the actor is in two sectors or more
  neighbours_a       IDs of its neighbours in set A, ';'-joined, in
                     input order
  neighbours_b       IDs of its neighbours in set B, likewise
Numbers have 10 significant digits. With -json: a JSON array of objects
with the same keys (elements and neighbours as arrays, hybrid a boolean).

With -betweenness, prints instead the nexus betweenness of every actor of
the view, in input order (-top N: the N highest): CSV columns
id,name,nexus_betweenness (or a JSON array of objects with those keys).

Paths follow link directions with -directed (neighbours are still
counted in both directions). With -weighted (-weights strength), parallel
links' weights are summed into a strength w and a tie's length is 1/w, so
stronger and better-graded ties are shorter (Dijkstra); otherwise paths are
counted in hops. Without typed actors (kinds or sector tags) the command
fails and says how to give them.
`

func nexusCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("nexus", nexusHelp, stderr, true, 0, "rows listed")
	betweenness := fs.Bool("betweenness", false, "print id,name,nexus_betweenness for every actor, in input order, instead of the convergence nodes")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	nm := names{s.Network()}
	if *betweenness {
		res, err := nexus.Betweenness(s)
		if err != nil {
			return err
		}
		scores := res.All()
		if out.top > 0 {
			scores = res.Top(out.top)
		}
		t := newTable("id", "name", "nexus_betweenness")
		for _, sc := range scores {
			t.add(sc.Actor, nm.of(sc.Actor), sc.Value)
		}
		return t.write(stdout, out.json)
	}
	nodes, err := nexus.Convergence(s, nexus.ConvergenceOptions{})
	if err != nil {
		return err
	}
	if len(nodes) == 0 {
		warnf(stderr, "nexus", "no convergence node: no actor is tied to both set A and set B (%v and %v)", selectorText(sf.a, "criminal"), selectorText(sf.b, "terrorist"))
	}
	t := newTable(convergenceColumns...)
	for _, c := range nodes[:out.limit(len(nodes))] {
		t.add(c.Actor, nm.of(c.Actor), c.Score, c.NexusBetweenness, c.Betweenness, c.Blau, c.Multiplexity,
			elementNames(c.Elements), c.Hybrid, c.NeighboursA, c.NeighboursB)
	}
	return t.write(stdout, out.json)
}

// selectorText is a set flag's value, or its default.
func selectorText(flag, def string) string {
	if flag == "" {
		return "sector:" + def
	}
	return flag
}

var convergenceColumns = []string{"id", "name", "score", "nexus_betweenness", "betweenness_norm", "blau",
	"multiplexity", "elements", "hybrid", "neighbours_a", "neighbours_b"}

const keyplayersHelp = `usage: analyze keyplayers -in FILE -k K [flags]

Finds a set of K key players by Borgatti's (2006) heuristic (greedy start,
then best-swap improvement; -restarts adds seeded random starts; see
measure.KeyPlayers) on the network's undirected simple graph (all of
the links the scope flags keep; link direction and weights are ignored).
Every objective is maximised:
  fragmentation           KPP-Neg: fragmentation F of the graph without
                          the set (share of node pairs that cannot reach
                          each other)
  distance_fragmentation  KPP-Neg: distance-weighted fragmentation DF
                          without the set (costly: O(n·(n+m)) per
                          evaluation; use -candidates on large graphs)
  reach                   KPP-Pos: share of the other nodes within -m
                          steps of the set
  distance_reach          KPP-Pos: distance-weighted reach of the set

CSV output: header id,name,contribution,objective,before,after and one
row per member of the set, in input order (-top N: the N largest
contributions):
  id, name      the member's actor ID and name
  contribution  after minus the objective of the set without this member
                (for KPP-Neg: how much the network heals if it is put back)
  objective     the objective's name, as given to -objective
  before        the objective of the empty set (the intact network)
  after         the objective of the whole set
(objective, before and after repeat on every row.) Numbers have 10
significant digits. With -json, one object:
  {"objective", "k", "before", "after", "evaluations",
   "set": [{"id", "name", "contribution"}, ...]}
`

type keyPlayerJSON struct {
	ID           string     `json:"id"`
	Name         string     `json:"name"`
	Contribution jsonNumber `json:"contribution"`
}

type keyPlayersJSON struct {
	Objective   string          `json:"objective"`
	K           int             `json:"k"`
	Before      jsonNumber      `json:"before"`
	After       jsonNumber      `json:"after"`
	Evaluations int             `json:"evaluations"`
	Set         []keyPlayerJSON `json:"set"`
}

func keyplayersCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("keyplayers", keyplayersHelp, stderr, false, 0, "members listed, by decreasing contribution")
	k := fs.Int("k", 3, "`size` of the key player set (at least 1)")
	objective := fs.String("objective", "fragmentation", "`objective`: fragmentation, distance_fragmentation, reach or distance_reach")
	m := fs.Int("m", 1, "step `limit` of -objective reach (0 means 1; negative: no limit)")
	seed := fs.Uint64("seed", 1, "`seed` of the random restarts")
	restarts := fs.Int("restarts", 0, "`number` of seeded random starting sets (0: the library's default; negative: none)")
	candidates := fs.String("candidates", "", "comma-separated actor `IDs` the set is drawn from (default: all actors)")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	sf.ignored(stderr, "keyplayers", "key players are found on the undirected, unweighted graph", "directed", "weights", "weighted", "aggregate")
	obj, err := measure.ParseKeyPlayerObjective(*objective)
	if err != nil {
		return usagef("-objective: %v", err)
	}
	if *k < 1 {
		return usagef("-k must be at least 1, got %d", *k)
	}
	var cands []string
	if *candidates != "" {
		if cands = splitList(*candidates); len(cands) == 0 {
			return usagef("-candidates is empty")
		}
	}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	res, err := nexus.KeyPlayers(s, nexus.KeyPlayerOptions{
		K: *k, Objective: obj, M: *m, Candidates: cands, Seed: *seed, Restarts: *restarts,
	})
	if err != nil {
		return err
	}
	nm := names{s.Network()}
	order := make([]int, len(res.Actors))
	for i := range order {
		order[i] = i
	}
	if out.top > 0 {
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(res.Contribution[b], res.Contribution[a]) })
		order = order[:out.limit(len(order))]
	}
	if out.json {
		js := keyPlayersJSON{Objective: obj.String(), K: *k, Before: jsonNumber(res.Before), After: jsonNumber(res.After),
			Evaluations: res.Evaluations, Set: []keyPlayerJSON{}}
		for _, i := range order {
			id := res.Actors[i]
			js.Set = append(js.Set, keyPlayerJSON{ID: id, Name: nm.of(id), Contribution: jsonNumber(res.Contribution[i])})
		}
		return encodeJSON(stdout, js)
	}
	t := newTable("id", "name", "contribution", "objective", "before", "after")
	for _, i := range order {
		id := res.Actors[i]
		t.add(id, nm.of(id), res.Contribution[i], obj.String(), res.Before, res.After)
	}
	return t.write(stdout, false)
}
