package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/measure"
	"github.com/illicitnet/illicit/nexus"
)

const nexusHelp = `usage: analyze nexus -in FILE [flags]

Finds the convergence nodes between two sectors (by default criminal and
terrorist; see nexus.Convergence): the actors whose ties reach both set A
(actors in sector -a) and set B (actors in sector -b), or hybrids in both
sets with a neighbour in either. One row per such actor, ranked by
decreasing score (ties in input order). CSV columns:
  id                 actor ID
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
  neighbours_a       neighbours in set A, ';'-joined, in input order
  neighbours_b       neighbours in set B, ';'-joined, in input order
Numbers have 10 significant digits. With -json: a JSON array of objects
with the same keys (elements and neighbours as arrays, hybrid a boolean).

With -betweenness, prints instead the nexus betweenness of every actor of
the view, in input order: CSV columns id,nexus_betweenness (or a JSON
array of {"id", "nexus_betweenness"} objects).

Paths follow link directions with -directed (neighbours are still
counted in both directions). With -weighted (-weights strength), parallel
links' weights are summed into a strength w and a tie's length is 1/w, so
stronger and better-graded ties are shorter (Dijkstra); otherwise paths are
counted in hops. Without typed actors (kinds or sector tags) the command
fails and says how to give them.
`

func nexusCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf := newAnalysis("nexus", nexusHelp, stderr, true)
	betweenness := fs.Bool("betweenness", false, "print id,nexus_betweenness for every actor, in input order, instead of the convergence nodes")
	asJSON := jsonFlag(fs)
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	if *betweenness {
		res, err := nexus.Betweenness(s)
		if err != nil {
			return err
		}
		names, cols := []string{"nexus_betweenness"}, [][]float64{res.Values()}
		if *asJSON {
			return writeJSON(stdout, res.Actors(), names, cols)
		}
		return writeCSV(stdout, res.Actors(), names, cols)
	}
	nodes, err := nexus.Convergence(s, nexus.ConvergenceOptions{})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeConvergenceJSON(stdout, nodes)
	}
	return writeConvergenceCSV(stdout, nodes)
}

var convergenceColumns = []string{"id", "score", "nexus_betweenness", "betweenness_norm", "blau",
	"multiplexity", "elements", "hybrid", "neighbours_a", "neighbours_b"}

func elementNames(elems []network.Element) []string {
	out := make([]string, len(elems))
	for i, e := range elems {
		out[i] = e.String()
	}
	return out
}

func writeConvergenceCSV(w io.Writer, nodes []nexus.ConvergenceNode) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(convergenceColumns); err != nil {
		return err
	}
	for _, c := range nodes {
		row := []string{c.Actor, formatValue(c.Score), formatValue(c.NexusBetweenness), formatValue(c.Betweenness),
			formatValue(c.Blau), formatValue(c.Multiplexity), strings.Join(elementNames(c.Elements), ";"),
			strconv.FormatBool(c.Hybrid), strings.Join(c.NeighboursA, ";"), strings.Join(c.NeighboursB, ";")}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// jsonNumber is a float64 written with formatValue's 10 significant
// digits, or null if not finite.
type jsonNumber float64

// MarshalJSON implements json.Marshaler.
func (v jsonNumber) MarshalJSON() ([]byte, error) {
	f := float64(v)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return []byte(formatValue(f)), nil
}

type convergenceJSON struct {
	ID               string     `json:"id"`
	Score            jsonNumber `json:"score"`
	NexusBetweenness jsonNumber `json:"nexus_betweenness"`
	Betweenness      jsonNumber `json:"betweenness_norm"`
	Blau             jsonNumber `json:"blau"`
	Multiplexity     jsonNumber `json:"multiplexity"`
	Elements         []string   `json:"elements"`
	Hybrid           bool       `json:"hybrid"`
	NeighboursA      []string   `json:"neighbours_a"`
	NeighboursB      []string   `json:"neighbours_b"`
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func writeConvergenceJSON(w io.Writer, nodes []nexus.ConvergenceNode) error {
	out := make([]convergenceJSON, len(nodes))
	for i, c := range nodes {
		out[i] = convergenceJSON{
			ID: c.Actor, Score: jsonNumber(c.Score), NexusBetweenness: jsonNumber(c.NexusBetweenness),
			Betweenness: jsonNumber(c.Betweenness), Blau: jsonNumber(c.Blau), Multiplexity: jsonNumber(c.Multiplexity),
			Elements: elementNames(c.Elements), Hybrid: c.Hybrid,
			NeighboursA: nonNil(c.NeighboursA), NeighboursB: nonNil(c.NeighboursB),
		}
	}
	return encodeJSON(w, out)
}

func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

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

CSV output: header id,contribution,objective,before,after and one row per
member of the set, in input order:
  id            the member's actor ID
  contribution  after minus the objective of the set without this member
                (for KPP-Neg: how much the network heals if it is put back)
  objective     the objective's name, as given to -objective
  before        the objective of the empty set (the intact network)
  after         the objective of the whole set
(objective, before and after repeat on every row.) Numbers have 10
significant digits. With -json, one object:
  {"objective", "k", "before", "after", "evaluations",
   "set": [{"id", "contribution"}, ...]}
`

type keyPlayerJSON struct {
	ID           string     `json:"id"`
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
	fs, in, sf := newAnalysis("keyplayers", keyplayersHelp, stderr, false)
	k := fs.Int("k", 3, "`size` of the key player set (at least 1)")
	objective := fs.String("objective", "fragmentation", "`objective`: fragmentation, distance_fragmentation, reach or distance_reach")
	m := fs.Int("m", 1, "step limit of -objective reach (0 means 1; negative: no limit)")
	seed := fs.Uint64("seed", 1, "seed of the random restarts")
	restarts := fs.Int("restarts", 0, "number of seeded random starting sets (0: the library's default; negative: none)")
	candidates := fs.String("candidates", "", "comma-separated actor `IDs` the set is drawn from (default: all actors)")
	asJSON := jsonFlag(fs)
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	obj, err := measure.ParseKeyPlayerObjective(*objective)
	if err != nil {
		return fmt.Errorf("-objective: %v", err)
	}
	if *k < 1 {
		return fmt.Errorf("-k must be at least 1, got %d", *k)
	}
	var cands []string
	if *candidates != "" {
		if cands = splitList(*candidates); len(cands) == 0 {
			return fmt.Errorf("-candidates is empty")
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
	if *asJSON {
		out := keyPlayersJSON{Objective: obj.String(), K: *k, Before: jsonNumber(res.Before), After: jsonNumber(res.After),
			Evaluations: res.Evaluations, Set: make([]keyPlayerJSON, len(res.Actors))}
		for i, id := range res.Actors {
			out.Set[i] = keyPlayerJSON{ID: id, Contribution: jsonNumber(res.Contribution[i])}
		}
		return encodeJSON(stdout, out)
	}
	cw := csv.NewWriter(stdout)
	if err := cw.Write([]string{"id", "contribution", "objective", "before", "after"}); err != nil {
		return err
	}
	for i, id := range res.Actors {
		row := []string{id, formatValue(res.Contribution[i]), obj.String(), formatValue(res.Before), formatValue(res.After)}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
