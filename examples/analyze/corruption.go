package main

import (
	"io"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/nexus"
)

const corruptionHelp = `usage: analyze corruption -in FILE [flags]

Lists the corruption nodes (see nexus.CorruptionNodes): the state-sector
actors (by kind or sector tag) with a link kept by the scope, in either
direction and of any element, to a member of set A or set B (by default
the criminal and the terrorist sector), ordered by the number of such
links, descending, ties in input order (-top N: the first N). CSV
columns:
  id, name   the state actor
  a          IDs of its counterparts in set A, ';'-joined, input order
  b          IDs of its counterparts in set B, likewise
  links      the links joining them, as from>to:element:type, ';'-joined
With -json: a JSON array of objects with the same keys (a and b arrays,
links an array of {"id", "from", "to", "element", "type"}). Both sets
empty (untyped data) is an error that says how to type the actors; no
state actor, or none tied to the sets, gives an empty table and a
warning saying why.
`

func corruptionCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("corruption", corruptionHelp, stderr, true, 0, "corruption nodes listed")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	nodes, err := nexus.CorruptionNodes(s)
	if err != nil {
		return err
	}
	if len(nodes) == 0 {
		warnf(stderr, "corruption", "no corruption node: %s", stateHint(s.Network()))
	}
	n, nm := s.Network(), names{s.Network()}
	t := newTable("id", "name", "a", "b", "links")
	for _, c := range nodes[:out.limit(len(nodes))] {
		t.add(c.Actor, nm.of(c.Actor), c.A, c.B, linkRefs{n, c.Links})
	}
	return t.write(stdout, out.json)
}

// stateHint says why no state actor was found, or that none is tied to
// the sets.
func stateHint(n *network.Network) string {
	if len(n.ActorsInSector(network.State)) == 0 {
		return "no actor is in the state sector; give officials a state kind (corrupt_official, state_security, …) or the sector tag state (-kind-map, or the kind and sectors columns of a node table)"
	}
	return "no state actor has a link to a member of set A or set B"
}

const trianglesHelp = `usage: analyze triangles -in FILE [flags]

Lists the iron triangles (see nexus.IronTriangles): three actors of the
state, licit and criminal sectors (by kind or sector tag), pairwise
joined by links the scope keeps, ordered by the input order of the state,
then the licit, then the criminal actor (-top N: the first N). CSV
columns: state, state_name, licit, licit_name, criminal, criminal_name,
and the links of each pair as from>to:element:type, ';'-joined:
state_licit, state_criminal, licit_criminal. With -json: a JSON array of
objects with the same keys (links as arrays of objects).
`

func trianglesCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("triangles", trianglesHelp, stderr, false, 0, "triangles listed")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	tri, err := nexus.IronTriangles(s)
	if err != nil {
		return err
	}
	n, nm := s.Network(), names{s.Network()}
	if len(tri) == 0 {
		missing := []string{}
		for _, sec := range []network.Sector{network.State, network.Licit, network.Criminal} {
			if len(n.ActorsInSector(sec)) == 0 {
				missing = append(missing, sec.String())
			}
		}
		if len(missing) > 0 {
			warnf(stderr, "triangles", "no iron triangle: no actor in the sector(s) %s; give actors kinds or sector tags (-kind-map, or the kind and sectors columns of a node table)", strings.Join(missing, ", "))
		} else {
			warnf(stderr, "triangles", "no iron triangle: no state, licit and criminal actors are pairwise linked")
		}
	}
	t := newTable("state", "state_name", "licit", "licit_name", "criminal", "criminal_name",
		"state_licit", "state_criminal", "licit_criminal")
	for _, x := range tri[:out.limit(len(tri))] {
		t.add(x.State, nm.of(x.State), x.Licit, nm.of(x.Licit), x.Criminal, nm.of(x.Criminal),
			linkRefs{n, x.StateLicit}, linkRefs{n, x.StateCriminal}, linkRefs{n, x.LicitCriminal})
	}
	return t.write(stdout, out.json)
}

const continuumHelp = `usage: analyze continuum -in FILE [-pair A,B] [flags]

Places pairs of groups on Makarenko's (2004) crime–terror continuum (see
nexus.Continuum): none, alliance, operational, convergence, black_hole,
from the links the scope keeps between and around them. With -pair A,B,
the one pair of actor IDs; otherwise every pair of a member of set A and
a member of set B (by default criminal and terrorist actors) that
reaches a stage above none, by decreasing stage, ties in input order of
the first and then the second actor (-top N: the first N). CSV columns:
  a, a_name, b, b_name  the pair
  stage                 the highest stage reached
  rule                  the first rule of that stage that fired
  rules                 every rule that fired, from the highest stage
                        down, ';'-joined
  actors                IDs of the third actors behind the fired rules
                        (facilitators, hybrids, state actors), ';'-joined,
                        input order
  links                 the links behind the fired rules, as
                        from>to:element:type, ';'-joined, link order
With -json: a JSON array of objects with those keys, and "fired": the
rules with their stage, actors and links.
`

type firedJSON struct {
	Name   string   `json:"name"`
	Stage  string   `json:"stage"`
	Actors []string `json:"actors"`
	Links  any      `json:"links"`
}

// fired is the fired rules of a continuum result with their evidence
// (JSON only).
type fired struct {
	n     *network.Network
	rules []nexus.ContinuumRule
}

func (f fired) csv() string { return csvCell(f.names()) }

func (f fired) names() []string {
	out := make([]string, len(f.rules))
	for i, r := range f.rules {
		out[i] = r.Name
	}
	return out
}

func (f fired) json() any {
	out := make([]firedJSON, len(f.rules))
	for i, r := range f.rules {
		out[i] = firedJSON{Name: r.Name, Stage: r.Stage.String(), Actors: nonNil(r.Actors), Links: linkRefs{f.n, r.Links}.json()}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func continuumCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("continuum", continuumHelp, stderr, true, 0, "pairs listed")
	pair := fs.String("pair", "", "the two groups to place, as actor `IDs` A,B (default: every pair of set A and set B)")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	var ab []string
	if *pair != "" {
		if ab = splitList(*pair); len(ab) != 2 {
			return usagef("-pair: want two actor IDs A,B, got %q", *pair)
		}
	}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	var results []nexus.ContinuumResult
	if ab != nil {
		r, err := nexus.Continuum(s, ab[0], ab[1], nexus.ContinuumOptions{})
		if err != nil {
			return err
		}
		results = append(results, r)
	} else {
		if _, _, err := s.Sets(); err != nil {
			return err
		}
		for _, a := range s.A() {
			for _, b := range s.B() {
				if a == b {
					continue
				}
				r, err := nexus.Continuum(s, a, b, nexus.ContinuumOptions{})
				if err != nil {
					return err
				}
				if r.Stage != nexus.StageNone {
					results = append(results, r)
				}
			}
		}
		slices.SortStableFunc(results, func(x, y nexus.ContinuumResult) int { return int(y.Stage) - int(x.Stage) })
		if len(results) == 0 {
			warnf(stderr, "continuum", "no pair of set A and set B reaches a stage of the continuum: no transaction, shared facilitator, hybrid or shared member links them")
		}
	}
	n, nm := s.Network(), names{s.Network()}
	cols := []string{"a", "a_name", "b", "b_name", "stage", "rule", "rules", "actors", "links"}
	if out.json {
		cols = append(cols, "fired") // the evidence of every fired rule
	}
	t := newTable(cols...)
	for _, r := range results[:out.limit(len(results))] {
		var actors []string
		var links []network.LinkID
		for _, f := range r.Fired {
			for _, a := range f.Actors {
				if !slices.Contains(actors, a) {
					actors = append(actors, a)
				}
			}
			links = append(links, f.Links...)
		}
		slices.SortFunc(actors, func(x, y string) int {
			i, _ := n.Index(x)
			j, _ := n.Index(y)
			return i - j
		})
		slices.Sort(links)
		links = slices.Compact(links)
		f := fired{n, r.Fired}
		row := []any{r.A, nm.of(r.A), r.B, nm.of(r.B), r.Stage.String(), r.Rule, f.names(), actors, linkRefs{n, links}}
		if out.json {
			row = append(row, f)
		}
		t.add(row...)
	}
	return t.write(stdout, out.json)
}
