package report

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/measure"
	"github.com/illicitnet/illicit/nexus"
)

// builder holds the state of one Build.
type builder struct {
	r    *Report
	s    *analysis.Scope // the scope given
	org  *analysis.Scope // the organisation-level scope (no places)
	n    *network.Network
	opts Options
	p    *progress
	// setsOK reports that sets A and B of org are both non-empty.
	setsOK bool
	cited  map[network.LinkID]bool
	// nexusBC is the nexus betweenness of org (nil without sets).
	nexusBC *analysis.Scores
	// routeIDs are the route links of the scope (supplychain.RouteNetwork)
	// and routeActors the actors they join.
	routeIDs    []network.LinkID
	routeActors []string
}

// Build analyses the scope and returns the report. It fails only if the
// organisation-level scope cannot be built or an analysis fails on valid
// input; a stage that does not apply to the data leaves a note instead.
func Build(s *analysis.Scope, opts Options) (*Report, error) {
	if s == nil {
		return nil, errors.New("report: nil scope")
	}
	if opts.Top < 0 || opts.KeyPlayers < 0 || opts.DisruptSteps < 0 || opts.MaxCommodities < 0 {
		return nil, errors.New("report: Top, KeyPlayers, DisruptSteps and MaxCommodities must not be negative")
	}
	if opts.Top == 0 {
		opts.Top = 10
	}
	if opts.KeyPlayers == 0 {
		opts.KeyPlayers = 3
	}
	if opts.DisruptSteps == 0 {
		opts.DisruptSteps = 20
	}
	if opts.MaxCommodities == 0 {
		opts.MaxCommodities = 6
	}
	n := s.Network()
	b := &builder{s: s, n: n, opts: opts, p: newProgress(opts.Progress), cited: map[network.LinkID]bool{}}
	b.r = &Report{Title: opts.Title, Description: n.Description, top: opts.Top}
	if b.r.Title == "" {
		name := n.Name
		if name == "" {
			name = "an illicit network"
		}
		b.r.Title = "Threat assessment: " + name
	}
	org, err := organisation(s)
	if err != nil {
		return nil, err
	}
	b.org = org
	if _, _, err := org.Sets(); err == nil {
		b.setsOK = true
	}
	stages := []struct {
		name string
		run  func() error
	}{
		{"network", b.network},
		{"top actors", b.rankings},
		{"convergence and brokers", b.convergence},
		{"corruption and continuum", b.corruption},
		{"key players", b.keyPlayers},
		{"disruption curves", b.disruption},
		{"supply chains and routes", b.chains},
		{"money trails", b.money},
		{"early warning", b.warning},
		{"robustness to the grades", b.robustness},
	}
	for _, st := range stages {
		if err := st.run(); err != nil {
			return nil, fmt.Errorf("report: %s: %w", st.name, err)
		}
		b.p.done(st.name)
	}
	b.r.Definitions = definitions()
	b.findings()
	b.evidence()
	if !opts.NoPictures {
		if err := b.pictures(); err != nil {
			return nil, fmt.Errorf("report: pictures: %w", err)
		}
		b.p.done("pictures")
	}
	b.r.Notes, b.r.Pictures = nonNil(b.r.Notes), nonNil(b.r.Pictures)
	return b.r, nil
}

// organisation returns the scope without the place sector if the scope has
// places; the scope itself otherwise.
func organisation(s *analysis.Scope) (*analysis.Scope, error) {
	places := false
	for i := range s.Len() {
		if s.Actor(i).InSector(network.Place) {
			places = true
			break
		}
	}
	if !places {
		return s, nil
	}
	v := s.Options().View
	var keep []network.Sector
	for _, sec := range network.Sectors() {
		if sec == network.Place || sec == network.NoSector {
			continue
		}
		if v.Sectors == nil || slices.Contains(v.Sectors, sec) {
			keep = append(keep, sec)
		}
	}
	v.Sectors = keep
	return s.WithView(v)
}

// note records why a section is empty.
func (b *builder) note(format string, args ...any) {
	b.r.Notes = append(b.r.Notes, fmt.Sprintf(format, args...))
}

// ref names an actor.
func (b *builder) ref(id string) ActorRef {
	a, _ := b.n.Actor(id)
	return ActorRef{ID: id, Name: a.Label()}
}

func (b *builder) refs(ids []string) []ActorRef {
	out := make([]ActorRef, 0, len(ids))
	for _, id := range ids {
		out = append(out, b.ref(id))
	}
	return out
}

// cite records links as evidence and returns them sorted, each once.
func (b *builder) cite(ids ...[]network.LinkID) []network.LinkID {
	out := []network.LinkID{}
	for _, l := range ids {
		out = append(out, l...)
	}
	slices.Sort(out)
	out = slices.Compact(out)
	for _, id := range out {
		b.cited[id] = true
	}
	return out
}

// between returns the IDs of the links the scope keeps between a and the
// actors of others.
func between(s *analysis.Scope, a string, others []string) []network.LinkID {
	i, ok := s.Index(a)
	if !ok {
		return nil
	}
	var out []network.LinkID
	for _, o := range others {
		if j, ok := s.Index(o); ok {
			out = append(out, s.LinksBetween(i, j)...)
		}
	}
	return out
}

// counted turns counts into a list by decreasing count, ties by key.
func counted(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for k, c := range m {
		out = append(out, Count{k, c})
	}
	slices.SortFunc(out, func(x, y Count) int {
		if c := cmp.Compare(y.Count, x.Count); c != 0 {
			return c
		}
		return strings.Compare(x.Key, y.Key)
	})
	return out
}

func (b *builder) network() error {
	s, n := b.s, b.n
	o := s.Options()
	sc := &b.r.Scope
	sc.Directed = o.Directed
	sc.Weights = o.Weights.String()
	for _, e := range o.View.Elements {
		sc.Elements = append(sc.Elements, e.String())
	}
	sc.Types = o.View.Types
	if !o.View.From.IsZero() || !o.View.To.IsZero() {
		sc.Window = o.View.From.String() + " – " + o.View.To.String()
	} else if !o.View.At.IsZero() {
		sc.Window = o.View.At.Format("2006-01-02")
	}
	if !o.View.MinGrade.IsZero() {
		sc.MinGrade = o.View.MinGrade.String()
	}
	sc.Actors, sc.Organisation = s.Len(), b.org.Len()
	sc.A, sc.B = selectorText(o.A, "criminal sector"), selectorText(o.B, "terrorist sector")
	sc.SizeA, sc.SizeB = len(b.org.A()), len(b.org.B())

	ni := &b.r.Network
	ni.Name = n.Name
	sectors, kinds, elements, grades, commodities, sources := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for i := range s.Len() {
		a := s.Actor(i)
		ni.Actors++
		secs := a.AllSectors()
		if len(secs) == 0 {
			sectors["none"]++
		}
		for _, sec := range secs {
			sectors[sec.String()]++
		}
		kinds[a.Kind.String()]++
		if a.Hybrid() {
			ni.Hybrids = append(ni.Hybrids, b.ref(a.ID))
		}
	}
	var first, last network.Date
	for l := range n.LinksSeq() {
		if !s.Keeps(l) {
			continue
		}
		ni.Links++
		elements[l.Element.String()]++
		if l.Grade.IsZero() {
			ni.Ungraded++
		} else {
			grades[l.Grade.String()]++
		}
		if c := strings.ToLower(strings.TrimSpace(l.Commodity)); c != "" {
			commodities[c]++
		}
		src := strings.TrimSpace(l.Source)
		if src == "" {
			src = "(none)"
		}
		sources[src]++
		if !l.Start.IsZero() || !l.End.IsZero() {
			ni.Dated++
		}
		for _, d := range []network.Date{l.Start, l.End} {
			if d.IsZero() {
				continue
			}
			if first.IsZero() || d.First().Before(first.First()) {
				first = d
			}
			if last.IsZero() || d.Last().After(last.Last()) {
				last = d
			}
		}
	}
	sc.Links = ni.Links
	if !first.IsZero() {
		ni.First, ni.Last = first.String(), last.String()
	}
	ni.Sectors, ni.Kinds, ni.Elements = counted(sectors), counted(kinds), counted(elements)
	ni.Grades, ni.Commodities, ni.Sources = counted(grades), counted(commodities), counted(sources)
	ni.Components, ni.Largest = components(s)
	if ni.Links == 0 {
		b.note("The scope keeps no link: every analysis below is empty.")
	}
	return nil
}

// selectorText describes a set.
func selectorText(sel analysis.Selector, def string) string {
	if sel.IsZero() {
		return def
	}
	return sel.String()
}

// components returns the number of connected components of the scope and
// the size of the largest (links as two-way ties).
func components(s *analysis.Scope) (count, largest int) {
	comps := measure.Components(s.StrengthGraph())
	for _, c := range comps {
		largest = max(largest, len(c))
	}
	return len(comps), largest
}

// ranked turns the top of scores into Ranked entries, dropping zeros.
func (b *builder) ranked(sc analysis.Scores, k int) []Ranked {
	out := []Ranked{}
	for _, x := range sc.Top(k) {
		if x.Value == 0 || math.IsNaN(x.Value) {
			continue
		}
		r := b.ref(x.Actor)
		out = append(out, Ranked{ID: r.ID, Name: r.Name, Value: x.Value})
	}
	return out
}

func (b *builder) rankings() error {
	s, k := b.org, b.org.Len() // every non-zero score; the tables show the top
	b.r.Rankings = append(b.r.Rankings,
		Ranking{"degree", "share of the other actors an actor is tied to (Freeman 1979)", b.ranked(analysis.Degree(s), k)},
		Ranking{"betweenness", "share of the shortest paths between other actors that pass through an actor, normalised by (n−1)(n−2)/2 (Freeman 1977; Brandes 2001)", b.ranked(analysis.Betweenness(s, true), k)},
		Ranking{"closeness", "inverse mean distance to the actors an actor reaches, scaled by the share it reaches (Wasserman & Faust 1994)", b.ranked(analysis.Closeness(s, true), k)},
	)
	if !b.setsOK {
		b.note("Set A (%s) or set B (%s) has no actor at organisation level: no nexus betweenness, convergence nodes, brokers, continuum or money trails. Type the actors (kinds or sectors) to get them.", b.r.Scope.A, b.r.Scope.B)
		return nil
	}
	nb, err := nexus.Betweenness(s)
	if err != nil {
		return err
	}
	b.nexusBC = &nb
	b.r.Rankings = append(b.r.Rankings, Ranking{"nexus betweenness", "the share of shortest paths from set A to set B that pass through an actor, summed over the pairs (Everett & Borgatti 1999's group-restricted betweenness)", b.ranked(nb, k)})
	return nil
}

func (b *builder) convergence() error {
	b.r.Convergence, b.r.Brokers = []Convergence{}, []Broker{}
	if !b.setsOK {
		return nil
	}
	s := b.org
	nodes, err := nexus.Convergence(s, nexus.ConvergenceOptions{})
	if err != nil {
		return err
	}
	for _, c := range nodes {
		r := b.ref(c.Actor)
		a, _ := b.n.Actor(c.Actor)
		var secs, els []string
		for _, sec := range a.AllSectors() {
			secs = append(secs, sec.String())
		}
		for _, e := range c.Elements {
			els = append(els, e.String())
		}
		b.r.Convergence = append(b.r.Convergence, Convergence{
			ID: r.ID, Name: r.Name, Sectors: secs, Score: c.Score, NexusBetweenness: c.NexusBetweenness,
			Betweenness: c.Betweenness, Blau: c.Blau, Multiplexity: c.Multiplexity, Elements: nonNil(els), Hybrid: c.Hybrid,
			NeighboursA: b.refs(c.NeighboursA), NeighboursB: b.refs(c.NeighboursB),
			Evidence: b.cite(between(s, c.Actor, c.NeighboursA), between(s, c.Actor, c.NeighboursB)),
		})
	}
	if len(nodes) == 0 {
		b.note("No actor has ties to both set A and set B: no convergence node.")
	}
	if slices.Equal(s.A(), s.B()) {
		b.note("Cross-sector brokers: sets A and B hold the same actors, so no two-path runs from one to the other; choose two different sets.")
		return nil
	}
	brokers, err := nexus.CrossSectorBrokerage(s)
	if err != nil {
		return err
	}
	for _, br := range brokers {
		if br.Total == 0 {
			continue
		}
		r := b.ref(br.Actor)
		b.r.Brokers = append(b.r.Brokers, Broker{ID: r.ID, Name: r.Name, Sector: br.Sector.String(), Liaison: br.Liaison,
			Representative: br.Representative, Gatekeeper: br.Gatekeeper, Hybrid: br.Hybrid, Total: br.Total})
	}
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func (b *builder) corruption() error {
	s := b.org
	b.r.Corruption, b.r.IronTriangles, b.r.Continuum = []Corruption{}, []IronTriangle{}, []ContinuumPair{}
	if b.setsOK {
		nodes, err := nexus.CorruptionNodes(s)
		if err != nil {
			return err
		}
		for _, c := range nodes {
			r := b.ref(c.Actor)
			b.r.Corruption = append(b.r.Corruption, Corruption{ID: r.ID, Name: r.Name, A: b.refs(c.A), B: b.refs(c.B), Evidence: b.cite(c.Links)})
		}
	}
	tri, err := nexus.IronTriangles(s)
	if err != nil {
		return err
	}
	for _, t := range tri {
		b.r.IronTriangles = append(b.r.IronTriangles, IronTriangle{State: b.ref(t.State), Licit: b.ref(t.Licit), Criminal: b.ref(t.Criminal),
			Evidence: b.cite(t.StateLicit, t.StateCriminal, t.LicitCriminal)})
	}
	if !b.setsOK {
		return nil
	}
	var pairs []ContinuumPair
	var stages []nexus.ContinuumStage
	for _, pr := range b.continuumPairs() {
		res, err := nexus.Continuum(s, pr[0], pr[1], nexus.ContinuumOptions{})
		if err != nil {
			return err
		}
		if res.Stage == nexus.StageNone {
			continue
		}
		var rules []string
		var links []network.LinkID
		for _, f := range res.Fired {
			if !slices.Contains(rules, f.Name) {
				rules = append(rules, f.Name)
			}
			links = append(links, f.Links...)
		}
		pairs = append(pairs, ContinuumPair{A: b.ref(pr[0]), B: b.ref(pr[1]), Stage: res.Stage.String(), Rule: res.Rule, Rules: rules, Evidence: b.cite(links)})
		stages = append(stages, res.Stage)
	}
	idx := make([]int, len(pairs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(x, y int) int { return cmp.Compare(stages[y], stages[x]) })
	for _, i := range idx {
		b.r.Continuum = append(b.r.Continuum, pairs[i])
	}
	return nil
}

// maxContinuumPairs bounds the pairs of set A and set B placed on the
// continuum.
const maxContinuumPairs = 10000

// continuumPairs returns the pairs (a, b), a in A, b in B, a ≠ b, placed on
// the continuum, in actor order: every pair if there are at most
// maxContinuumPairs, else the pairs within two steps of each other (the
// rules on a shared facilitator, member or hybrid need no more), up to
// maxContinuumPairs, with a note.
func (b *builder) continuumPairs() [][2]string {
	s := b.org
	A, B := s.A(), s.B()
	var out [][2]string
	if len(A)*len(B) <= maxContinuumPairs {
		for _, a := range A {
			for _, c := range B {
				if a != c {
					out = append(out, [2]string{a, c})
				}
			}
		}
		return out
	}
	inB := make([]bool, s.Len())
	for _, id := range B {
		i, _ := s.Index(id)
		inB[i] = true
	}
	mark := make([]int, s.Len()) // the a (index + 1) that last reached it
	for _, a := range A {
		i, _ := s.Index(a)
		var near []int
		reach := func(j int) {
			if mark[j] != i+1 {
				mark[j] = i + 1
				if inB[j] && j != i {
					near = append(near, j)
				}
			}
		}
		for _, j := range s.Neighbours(i) {
			reach(j)
			for _, k := range s.Neighbours(j) {
				reach(k)
			}
		}
		slices.Sort(near)
		for _, j := range near {
			if len(out) == maxContinuumPairs {
				b.note("Continuum: %d × %d pairs of set A and set B; the first %d pairs within two steps of each other are placed.", len(A), len(B), maxContinuumPairs)
				return out
			}
			out = append(out, [2]string{a, s.ActorID(j)})
		}
	}
	b.note("Continuum: %d × %d pairs of set A and set B; only the %d pairs within two steps of each other are placed.", len(A), len(B), len(out))
	return out
}

func (b *builder) keyPlayers() error {
	s := b.org
	b.r.KeyPlayers = []KeyPlayer{}
	k := min(b.opts.KeyPlayers, s.Len()-1)
	if k < 1 || b.r.Scope.Links == 0 {
		b.note("Key players: the organisation-level scope is too small.")
		return nil
	}
	set, err := nexus.KeyPlayers(s, nexus.KeyPlayerOptions{K: k, Objective: measure.FragmentNeg, Seed: b.opts.Seed})
	if err != nil {
		return err
	}
	for i, id := range set.Actors {
		r := b.ref(id)
		b.r.KeyPlayers = append(b.r.KeyPlayers, KeyPlayer{ID: r.ID, Name: r.Name, Contribution: set.Contribution[i]})
	}
	eff := &b.r.KeyPlayerEffect
	eff.Objective = set.Objective.String()
	eff.FragmentationBefore, eff.FragmentationAfter = set.Before, set.After
	steps, err := nexus.Disrupt(s, nexus.DisruptOptions{Strategy: nexus.ByKeyPlayer, Steps: k, Seed: b.opts.Seed})
	if err != nil {
		return err
	}
	var removed []string
	for _, st := range steps[1:] {
		removed = append(removed, st.Actor)
	}
	if slices.Equal(inActorOrder(s, removed), set.Actors) {
		first, lastStep := steps[0], steps[len(steps)-1]
		eff.PairsBefore, eff.PairsAfter = first.ConnectedPairs, lastStep.ConnectedPairs
		eff.EfficiencyBefore, eff.EfficiencyAfter = first.Efficiency, lastStep.Efficiency
	} else {
		b.note("Key players: the disruption search found another set of the same size (%s); the pairs and efficiency after removal are not given.", strings.Join(removed, ", "))
	}
	return nil
}

// The disruption curves compute the global efficiency (all-pairs
// shortest paths, O(n·m)) at every step of every strategy. Above
// largeDisruption actors the key-player and betweenness strategies are
// left out and the curves stop at 10 removals; above hugeDisruption
// actors there are no curves.
const (
	largeDisruption = 5000
	hugeDisruption  = 50000
)

func (b *builder) disruption() error {
	s := b.org
	b.r.Disruption = []Curve{}
	if s.Len() < 2 || b.r.Scope.Links == 0 {
		return nil
	}
	if s.Len() > hugeDisruption {
		b.note("Disruption: %d actors; the curves are left out above %d (each step computes every shortest path; analyze disrupt runs them).", s.Len(), hugeDisruption)
		return nil
	}
	steps := min(b.opts.DisruptSteps, s.Len())
	strategies := []nexus.DisruptStrategy{nexus.ByDegree}
	if s.Len() <= largeDisruption {
		strategies = append(strategies, nexus.ByBetweenness)
	}
	if b.setsOK {
		strategies = append(strategies, nexus.ByNexusBetweenness)
	}
	if s.Len() <= largeDisruption {
		strategies = append(strategies, nexus.ByKeyPlayer)
	} else {
		steps = min(steps, 10)
		b.note("Disruption: %d actors; above %d the betweenness and key-player strategies are left out and the curves stop at %d removals.", s.Len(), largeDisruption, steps)
	}
	strategies = append(strategies, nexus.ByRandom)
	for _, st := range strategies {
		res, err := nexus.Disrupt(s, nexus.DisruptOptions{Strategy: st, Steps: steps, Seed: b.opts.Seed})
		if err != nil {
			return err
		}
		c := Curve{Strategy: st.String()}
		pairs := b.setsOK && res[0].ConnectedPairs > 0
		if pairs {
			c.Measure = "share of A–B pairs connected"
		} else {
			c.Measure = "share of actors in the largest component"
		}
		for _, x := range res {
			cs := CurveStep{Step: x.Step, Efficiency: x.Efficiency, Largest: x.Largest, Components: x.Components}
			if x.Actor != "" {
				r := b.ref(x.Actor)
				cs.ID, cs.Name = r.ID, r.Name
			}
			if pairs {
				cs.Connected = float64(x.ConnectedPairs) / float64(res[0].ConnectedPairs)
			} else if res[0].Largest > 0 {
				cs.Connected = float64(x.Largest) / float64(res[0].Largest)
			}
			c.Steps = append(c.Steps, cs)
		}
		b.r.Disruption = append(b.r.Disruption, c)
	}
	return nil
}
