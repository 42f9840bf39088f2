package main

import (
	"flag"
	"io"

	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/measure"
)

const communitiesHelp = `usage: analyze communities -in FILE [flags]

Finds communities by the Louvain method (Blondel et al. 2008; see
analysis.Communities) on the undirected graph of the links the scope
keeps (tie weight 1, or the strength w with -weighted, or 1/w with
-weights length), maximising modularity at -resolution. With -multiplex
element or -multiplex type, one layer per element or link type (a
dataset's layers or phases) and multiplex Louvain (Mucha et al. 2010).
Deterministic for a -seed. Communities are numbered from 0 in the order
of their first actor.

CSV output: one row per actor in input order (-top N: the first N):
  id, name     the actor
  community    its community number
  size         the number of actors of its community
  modularity   the modularity Q of the whole partition (the weighted mean
               of the layers' modularities if multiplex)
With -json, one object: {"resolution", "multiplex", "modularity",
"layers": [{"name", "ties", "strength", "modularity"}],
"communities": [[ids]], "actors": [{"id", "name", "community"}]}.
`

type layerJSON struct {
	Name       string     `json:"name"`
	Ties       int        `json:"ties"`
	Strength   jsonNumber `json:"strength"`
	Modularity jsonNumber `json:"modularity"`
}

type communityActorJSON struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Community int    `json:"community"`
}

type communitiesJSON struct {
	Resolution  jsonNumber           `json:"resolution"`
	Multiplex   string               `json:"multiplex"`
	Modularity  jsonNumber           `json:"modularity"`
	Layers      []layerJSON          `json:"layers"`
	Communities [][]string           `json:"communities"`
	Actors      []communityActorJSON `json:"actors"`
}

func communitiesCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("communities", communitiesHelp, stderr, false, 0, "actors listed")
	resolution := fs.Float64("resolution", 1, "modularity `resolution` γ (above 1: smaller communities)")
	seed := fs.Uint64("seed", 1, "`seed` of the order in which Louvain visits the actors")
	multiplex := fs.String("multiplex", "none", "`layers`: none, element (one layer per element) or type (one layer per link type)")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	sf.ignored(stderr, "communities", "communities are found on the undirected graph", "directed")
	mb, err := analysis.ParseMultiplexBy(*multiplex)
	if err != nil {
		return usagef("-multiplex: %v", err)
	}
	if !(*resolution >= 0) {
		return usagef("-resolution must not be negative, got %v", *resolution)
	}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	res, err := analysis.Communities(s, analysis.CommunityOptions{Resolution: *resolution, Seed: *seed, Multiplex: mb})
	if err != nil {
		return err
	}
	q := res.Modularity
	if mb != analysis.NoMultiplex {
		q = res.MultiplexModularity
	}
	nm := names{s.Network()}
	if out.json {
		js := communitiesJSON{Resolution: jsonNumber(res.Resolution), Multiplex: mb.String(), Modularity: jsonNumber(q),
			Layers: []layerJSON{}, Communities: res.Communities, Actors: []communityActorJSON{}}
		for _, l := range res.Layers {
			js.Layers = append(js.Layers, layerJSON{l.Name, l.Ties, jsonNumber(l.Strength), jsonNumber(l.Modularity)})
		}
		for i, id := range res.Actors[:out.limit(len(res.Actors))] {
			js.Actors = append(js.Actors, communityActorJSON{id, nm.of(id), res.Membership[i]})
		}
		return encodeJSON(stdout, js)
	}
	t := newTable("id", "name", "community", "size", "modularity")
	for i, id := range res.Actors[:out.limit(len(res.Actors))] {
		c := res.Membership[i]
		t.add(id, nm.of(id), c, len(res.Communities[c]), q)
	}
	return t.write(stdout, false)
}

const brokerageHelp = `usage: analyze brokerage -in FILE -attribute KEY [flags]

Gould and Fernandez's (1989) brokerage roles of every actor for the
groups given by an actor attribute (-attribute; or kind, or sector), as
R sna::brokerage computes them (see analysis.Brokerage): the open
two-paths a→v→c (no tie a→c) that actor v brokers, by role —
coordinator (all three in one group), itinerant (a and c in one group, v
in another), representative (v in a's group), gatekeeper (v in c's
group), liaison (three groups) — with their expected values and z-scores
under the null model of random ties at the observed density. Brokerage is
directional: use -directed on directed data (with -one-way for an edge
list); an undirected tie counts as two arcs, as in sna.

CSV output: one row per actor in input order (-top N: the N with the most
brokered two-paths, total): id, name, group, then for each role R of
coordinator, itinerant, representative, gatekeeper, liaison and total
the columns R (observed count), R_expected and R_z (NaN where the role
is impossible for the actor's group). With -json: a JSON array of objects
with the same keys (NaN as null).
`

func brokerageCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("brokerage", brokerageHelp, stderr, false, 0, "actors listed, by decreasing total brokerage")
	var gf groupFlags
	gf.register(fs)
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	if err := gf.check(); err != nil {
		return err
	}
	s, g, err := gf.scope(sf, in)
	if err != nil {
		return err
	}
	res, err := analysis.Brokerage(s, g)
	if err != nil {
		return err
	}
	cols := []string{"id", "name", "group"}
	for r := range measure.NumBrokerageRoles {
		role := measure.BrokerageRole(r).String()
		cols = append(cols, role, role+"_expected", role+"_z")
	}
	totals := make([]float64, len(res.Actors))
	for i, a := range res.Actors {
		totals[i] = float64(a.Raw[measure.NumBrokerageRoles-1])
	}
	order := out.order(s, totals)
	nm := names{s.Network()}
	t := newTable(cols...)
	for _, i := range order {
		a := res.Actors[i]
		row := []any{a.Actor, nm.of(a.Actor), a.Group}
		for r := range measure.NumBrokerageRoles {
			row = append(row, a.Raw[r], a.Expected[r], a.Z[r])
		}
		t.add(row...)
	}
	return t.write(stdout, out.json)
}

const eiHelp = `usage: analyze ei -in FILE -attribute KEY [flags]

Krackhardt and Stern's (1988) E–I index, (E − I)/(E + I), of the groups
given by an actor attribute (-attribute; or kind, or sector), where E
counts the ties between groups and I those within (weights with
-weighted): for the whole network, for each group and for each actor
(see analysis.EIIndex). -1 means all ties stay inside groups, +1 all
cross. With -permutations N, the whole-network index is tested against N
random relabellings of the actors keeping the group sizes (as UCINET),
from -seed.

CSV output: one table with a level column: level,id,name,group,size,
external,internal,ei,p_greater,p_less, holding in this order one row
"network" (id, name and group empty; size the number of actors; the
permutation p-values P(E–I ≥ observed) and P(E–I ≤ observed) if
-permutations is given), one row "group" per group (id and group the
group's name, size its number of actors) in order of first appearance,
and one row "actor" per actor in input order (-top N: the first N).
NaN where an actor or group has no tie. With -json, one object:
{"network": {...}, "groups": [...], "actors": [...], "permutation":
{"permutations", "observed", "mean", "sd", "min", "max", "p_greater",
"p_less"} or null}.
`

type eiJSON struct {
	Network     map[string]any   `json:"network"`
	Groups      []map[string]any `json:"groups"`
	Actors      []map[string]any `json:"actors"`
	Permutation map[string]any   `json:"permutation"`
}

func eiCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("ei", eiHelp, stderr, false, 0, "actor rows listed")
	var gf groupFlags
	gf.register(fs)
	perms := fs.Int("permutations", 0, "`number` of random relabellings of the permutation test (0: no test)")
	seed := fs.Uint64("seed", 1, "`seed` of the permutation test")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	switch {
	case gf.check() != nil:
		return gf.check()
	case *perms < 0:
		return usagef("-permutations must not be negative, got %d", *perms)
	}
	s, g, err := gf.scope(sf, in)
	if err != nil {
		return err
	}
	res, err := analysis.EIIndex(s, g, *perms, *seed)
	if err != nil {
		return err
	}
	var pGreater, pLess any
	var perm map[string]any
	if p := res.Permutation; p != nil {
		pGreater, pLess = p.PGreater, p.PLess
		perm = map[string]any{"permutations": p.Permutations, "observed": jsonNumber(p.Observed), "mean": jsonNumber(p.Mean),
			"sd": jsonNumber(p.SD), "min": jsonNumber(p.Min), "max": jsonNumber(p.Max),
			"p_greater": jsonNumber(p.PGreater), "p_less": jsonNumber(p.PLess)}
	}
	nm := names{s.Network()}
	actors := res.Actors[:out.limit(len(res.Actors))]
	if out.json {
		js := eiJSON{Network: map[string]any{"size": s.Len(), "external": jsonNumber(res.External),
			"internal": jsonNumber(res.Internal), "ei": jsonNumber(res.Index)},
			Groups: []map[string]any{}, Actors: []map[string]any{}, Permutation: perm}
		for _, gr := range res.Groups {
			js.Groups = append(js.Groups, map[string]any{"group": gr.Name, "size": gr.Size, "external": jsonNumber(gr.External),
				"internal": jsonNumber(gr.Internal), "ei": jsonNumber(gr.Index)})
		}
		for _, a := range actors {
			js.Actors = append(js.Actors, map[string]any{"id": a.Actor, "name": nm.of(a.Actor), "group": a.Group,
				"external": jsonNumber(a.External), "internal": jsonNumber(a.Internal), "ei": jsonNumber(a.Index)})
		}
		return encodeJSON(stdout, js)
	}
	t := newTable("level", "id", "name", "group", "size", "external", "internal", "ei", "p_greater", "p_less")
	t.add("network", "", "", "", s.Len(), res.External, res.Internal, res.Index, pGreater, pLess)
	for _, gr := range res.Groups {
		t.add("group", gr.Name, "", gr.Name, gr.Size, gr.External, gr.Internal, gr.Index, nil, nil)
	}
	for _, a := range actors {
		t.add("actor", a.Actor, nm.of(a.Actor), a.Group, 1, a.External, a.Internal, a.Index, nil, nil)
	}
	return t.write(stdout, false)
}

// groupFlags say which attribute gives the groups of brokerage and ei.
type groupFlags struct{ attr, missing string }

func (f *groupFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.attr, "attribute", "", "actor attribute `key` whose values are the groups (or kind, or sector)")
	fs.StringVar(&f.missing, "missing", "", "group `label` of the actors without the attribute (default: they are an error)")
}

func (f *groupFlags) check() error {
	if f.attr == "" {
		return usagef("-attribute is required: the actor attribute that gives the groups")
	}
	return nil
}

// scope builds the scope of the flags and the groups of the attribute.
func (f *groupFlags) scope(sf *scopeFlags, in *input) (*analysis.Scope, analysis.Groups, error) {
	s, err := sf.scope(in)
	if err != nil {
		return nil, analysis.Groups{}, err
	}
	g, err := f.groups(s)
	return s, g, err
}

// groups returns the groups of the attribute, with actors lacking it in
// the -missing group if one is given.
func (f *groupFlags) groups(s *analysis.Scope) (analysis.Groups, error) {
	g, err := analysis.GroupsFromAttribute(s, f.attr)
	if err == nil || f.missing == "" {
		return g, err
	}
	// -missing labels the actors without the attribute, provided some
	// actor has it: otherwise the name is misspelt.
	some := false
	for i := range s.Len() {
		if _, ok := s.Actor(i).Attributes.Text(f.attr); ok {
			some = true
			break
		}
	}
	if !some {
		return g, err
	}
	labels := map[string]string{}
	for i := range s.Len() {
		a := s.Actor(i)
		if v, ok := a.Attributes.Text(f.attr); ok {
			labels[a.ID] = v
		} else {
			labels[a.ID] = f.missing
		}
	}
	return analysis.NewGroups(s, labels)
}
