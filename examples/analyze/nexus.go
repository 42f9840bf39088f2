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
	"github.com/illicitnet/illicit/nexus"
)

const nexusHelp = `usage: analyze nexus -in FILE [flags]

Finds the convergence nodes between two sectors (by default criminal and
terrorist; see nexus.Convergence): the actors whose ties reach both set A
(actors in sector -a) and set B (actors in sector -b), or hybrids in both
sets with a neighbour in either. One row per such actor, ranked by
decreasing score (ties by increasing ID). CSV columns:
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
  neighbours_a       neighbours in set A, ';'-joined, sorted by ID
  neighbours_b       neighbours in set B, ';'-joined, sorted by ID
Numbers have 10 significant digits. With -json: a JSON array of objects
with the same keys (elements and neighbours as arrays, hybrid a boolean).

With -betweenness, prints instead the nexus betweenness of every actor of
the view, in input order: CSV columns id,nexus_betweenness (or a JSON
array of {"id", "nexus_betweenness"} objects).

The graph is the network's undirected view (directed with -directed:
links followed in their direction, mutual links both ways; neighbours are
still counted in both directions), restricted to the -elements layers.
With -weighted, parallel links' weights are summed and used as path
lengths (Dijkstra); otherwise paths are counted in hops.

Flags:
`

func nexusCmd(args []string, stdout, stderr io.Writer) error {
	fs, in := newCommand("nexus", nexusHelp, stderr)
	sectors := sectorFlags(fs)
	weighted := fs.Bool("weighted", false, "use summed link weights as path lengths")
	elements := elementsFlag(fs)
	betweenness := fs.Bool("betweenness", false, "print id,nexus_betweenness for every actor, in input order, instead of the convergence nodes")
	asJSON := jsonFlag(fs)
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	a, b, err := sectors.parse()
	if err != nil {
		return err
	}
	elems, err := parseElements(*elements)
	if err != nil {
		return err
	}
	n, err := in.load()
	if err != nil {
		return err
	}
	opts := nexus.Options{
		View:     network.ViewOptions{Elements: elems},
		Directed: in.directed,
		Weighted: *weighted,
		SectorA:  a,
		SectorB:  b,
	}
	if *weighted {
		opts.View.Aggregation = network.Sum
	}
	if *betweenness {
		res, err := nexus.Betweenness(n, opts)
		if err != nil {
			return err
		}
		ids := make([]string, len(res.Scores))
		vals := make([]float64, len(res.Scores))
		for i, s := range res.Scores {
			ids[i], vals[i] = s.ID, s.Value
		}
		names, cols := []string{"nexus_betweenness"}, [][]float64{vals}
		if *asJSON {
			return writeJSON(stdout, ids, names, cols)
		}
		return writeCSV(stdout, ids, names, cols)
	}
	nodes, err := nexus.Convergence(n, nexus.ConvergenceOptions{Options: opts})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeConvergenceJSON(stdout, nodes)
	}
	return writeConvergenceCSV(stdout, nodes)
}

// parseSectorFlag parses a sector name given to flag name.
func parseSectorFlag(name, value string) (network.Sector, error) {
	s, err := network.ParseSector(value)
	if err != nil {
		return network.NoSector, fmt.Errorf("%s: %v", name, err)
	}
	return s, nil
}

// parseElements parses a comma-separated element list; "" means all (nil).
func parseElements(list string) ([]network.Element, error) {
	var out []network.Element
	for _, name := range strings.Split(list, ",") {
		if strings.TrimSpace(name) == "" {
			continue
		}
		e, err := network.ParseElement(name)
		if err != nil {
			return nil, fmt.Errorf("-elements: %v", err)
		}
		out = append(out, e)
	}
	return out, nil
}

// splitList splits a comma-separated list of IDs, dropping empty entries.
func splitList(list string) []string {
	var out []string
	for _, s := range strings.Split(list, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
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
		row := []string{c.ID, formatValue(c.Score), formatValue(c.NexusBetweenness), formatValue(c.Betweenness),
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
			ID: c.ID, Score: jsonNumber(c.Score), NexusBetweenness: jsonNumber(c.NexusBetweenness),
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
nexus.KeyPlayers) on the network's undirected simple graph (all links, or
the -elements layers; link direction and weights are ignored). Every
objective is maximised:
  fragment   KPP-Neg: fragmentation F of the graph without the set
             (share of node pairs that cannot reach each other)
  dfragment  KPP-Neg: distance-weighted fragmentation DF without the set
             (costly: O(n·(n+m)) per evaluation; use -candidates on
             large graphs)
  reach      KPP-Pos: share of the other nodes within -m steps of the set
  dreach     KPP-Pos: distance-weighted reach of the set

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

Flags:
`

var kpObjectives = map[string]nexus.KeyPlayerObjective{
	"fragment":  nexus.FragmentNeg,
	"dfragment": nexus.DistanceFragmentNeg,
	"reach":     nexus.ReachPos,
	"dreach":    nexus.DistanceReachPos,
}

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
	fs, in := newCommand("keyplayers", keyplayersHelp, stderr)
	k := fs.Int("k", 3, "`size` of the key player set (at least 1)")
	objective := fs.String("objective", "fragment", "`objective`: fragment, dfragment, reach or dreach")
	m := fs.Int("m", 1, "step limit of -objective reach (0 means 1; negative: no limit)")
	seed := fs.Uint64("seed", 1, "seed of the random restarts")
	restarts := fs.Int("restarts", 0, "number of seeded random starting sets tried after the greedy one")
	candidates := fs.String("candidates", "", "comma-separated actor `IDs` the set is drawn from (default: all actors)")
	elements := elementsFlag(fs)
	asJSON := jsonFlag(fs)
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	obj, ok := kpObjectives[*objective]
	if !ok {
		return fmt.Errorf("unknown -objective %q (want fragment, dfragment, reach or dreach)", *objective)
	}
	if *k < 1 {
		return fmt.Errorf("-k must be at least 1, got %d", *k)
	}
	if *restarts < 0 {
		return fmt.Errorf("-restarts must not be negative, got %d", *restarts)
	}
	elems, err := parseElements(*elements)
	if err != nil {
		return err
	}
	var cands []string
	if *candidates != "" {
		if cands = splitList(*candidates); len(cands) == 0 {
			return fmt.Errorf("-candidates is empty")
		}
	}
	n, err := in.load()
	if err != nil {
		return err
	}
	res, err := nexus.KeyPlayersOf(n, network.ViewOptions{Elements: elems}, nexus.KeyPlayerOptions{
		K: *k, Objective: obj, M: *m, CandidateActors: cands, Seed: *seed, Restarts: *restarts,
	})
	if err != nil {
		return err
	}
	if *asJSON {
		out := keyPlayersJSON{Objective: *objective, K: *k, Before: jsonNumber(res.Before), After: jsonNumber(res.After),
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
		row := []string{id, formatValue(res.Contribution[i]), *objective, formatValue(res.Before), formatValue(res.After)}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
