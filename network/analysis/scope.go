package analysis

import (
	"errors"
	"fmt"
	"github.com/illicitnet/illicit/network/internal/codec"
	"math"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/measure"
)

// Weighting says what the weight of a view's edge means to the measures.
type Weighting uint8

// The weightings. See the package documentation.
const (
	// Unweighted: every edge has strength 1 and length 1; paths are
	// counted in hops. The zero value.
	Unweighted Weighting = iota
	// StrengthWeights: the weight w is a strength (bigger = closer), as
	// views aggregate it; path measures use the length 1/w.
	StrengthWeights
	// LengthWeights: the weight w is a length or cost as given (bigger =
	// farther), for route costs; strength measures use 1/w.
	LengthWeights
)

var weightingNames = [...]string{Unweighted: "unweighted", StrengthWeights: "strength", LengthWeights: "length"}

// String returns "unweighted", "strength" or "length".
func (w Weighting) String() string {
	if int(w) < len(weightingNames) {
		return weightingNames[w]
	}
	return fmt.Sprintf("Weighting(%d)", uint8(w))
}

// ParseWeighting returns the weighting named name ("unweighted",
// "strength" or "length"; case and surrounding space are ignored).
func ParseWeighting(name string) (Weighting, error) {
	for i, s := range weightingNames {
		if strings.EqualFold(strings.TrimSpace(name), s) {
			return Weighting(i), nil
		}
	}
	return Unweighted, fmt.Errorf("unknown weighting %q (want %s)", name, strings.Join(weightingNames[:], ", "))
}

// MarshalText implements encoding.TextMarshaler.
func (w Weighting) MarshalText() ([]byte, error) {
	return codec.MarshalText(w.String(), int(w) < len(weightingNames), "invalid weighting %d", uint8(w))
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (w *Weighting) UnmarshalText(b []byte) error { return codec.UnmarshalText(w, b, ParseWeighting) }

// ScopeOptions say what to analyse. The zero value analyses every actor
// and link, undirected and unweighted, with A the criminal sector and B
// the terrorist sector.
type ScopeOptions struct {
	// View selects the actors and links and says how parallel links merge
	// into one weight (see network.ViewOptions).
	View network.ViewOptions
	// Directed follows links in their direction (Mutual links both ways);
	// otherwise every link is a two-way tie.
	Directed bool
	// Weights says what an edge's weight means; see Weighting.
	Weights Weighting
	// A and B are the two sets of the analyses that measure something
	// between two groups. The zero Selector means the criminal sector for
	// A and the terrorist sector for B. A Selector given explicitly must
	// select at least one actor of the view.
	A, B Selector
	// Workers is the number of goroutines of the heavy measures; 0 means
	// GOMAXPROCS. Results do not depend on it.
	Workers int
}

// Scope is ScopeOptions applied to a network: validated, with its view,
// compact graphs, actor labels and set memberships built once. Every
// analysis of the library takes a *Scope. A Scope is read-only and safe
// for concurrent use; it is a snapshot, unchanged by later changes to the
// network.
type Scope struct {
	net      *network.Network
	opts     ScopeOptions
	view     *network.View
	dv       network.DirectedView
	uv       network.UndirectedView
	ids      []string
	index    map[string]int
	strength *measure.Graph
	length   *measure.Graph
	inA, inB []bool
	errA     error // why A is empty, or nil
	errB     error
}

// NewScope validates opts against n and prepares the scope.
//
// It fails, saying what and where, if the view options are invalid, if a
// Selector names an unknown sector, kind or actor or selects no actor of
// the view, or — with StrengthWeights or LengthWeights — if an edge's weight is
// zero, negative, NaN or infinite, or the weights of the graph sum to more
// than the largest float64 (path lengths could overflow). Default sets
// that turn out empty are not an error here; analyses that need them fail
// with an explanation (see Sets).
func NewScope(n *network.Network, opts ScopeOptions) (*Scope, error) {
	if n == nil {
		return nil, fmt.Errorf("analysis: nil network")
	}
	if err := opts.View.Validate(); err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	if int(opts.Weights) >= len(weightingNames) {
		return nil, fmt.Errorf("analysis: invalid weighting %d", opts.Weights)
	}
	if err := opts.A.validate(n, "A"); err != nil {
		return nil, err
	}
	if err := opts.B.validate(n, "B"); err != nil {
		return nil, err
	}
	opts.A, opts.B = cloneSelector(opts.A), cloneSelector(opts.B)
	s := &Scope{net: n, opts: opts}
	var err error
	if opts.Directed {
		if s.dv, err = n.DirectedView(opts.View); err == nil {
			s.view = s.dv.View
		}
	} else {
		if s.uv, err = n.UndirectedView(opts.View); err == nil {
			s.view = s.uv.View
		}
	}
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	s.ids = s.view.ActorIDs()
	s.index = make(map[string]int, len(s.ids))
	for i, id := range s.ids {
		s.index[id] = i
	}
	if err := s.buildGraphs(); err != nil {
		return nil, err
	}
	if err := s.buildSets(); err != nil {
		return nil, err
	}
	return s, nil
}

func cloneSelector(s Selector) Selector {
	return Selector{Sectors: slices.Clone(s.Sectors), Kinds: slices.Clone(s.Kinds), IDs: slices.Clone(s.IDs)}
}

// buildGraphs checks the weights and builds the strength and length graphs.
func (s *Scope) buildGraphs() error {
	weighted := s.opts.Weights != Unweighted
	var g *measure.Graph
	var err error
	if s.opts.Directed {
		g, err = measure.New(s.dv, weighted)
	} else {
		g, err = measure.New(s.uv, weighted)
	}
	if !weighted {
		if err != nil {
			return fmt.Errorf("analysis: %w", err)
		}
		s.strength, s.length = g, g
		return nil
	}
	// Check every edge before measure.New's own check, to name the actors
	// and links.
	var sum, inv float64
	for _, e := range s.view.Edges() {
		w := e.W
		if !(w > 0) || math.IsInf(w, 0) {
			return fmt.Errorf("analysis: the tie %s (links %v) has %s weight %v under %s aggregation; with %s weights every tie needs a finite positive weight: give its links positive weights, or use unweighted analysis or the count aggregation",
				s.tie(e), e.Links(), s.opts.Weights, w, s.opts.View.Aggregation, s.opts.Weights)
		}
		sum += w
		inv += 1 / w
		if math.IsInf(sum, 0) || math.IsInf(inv, 0) {
			return fmt.Errorf("analysis: the weights sum to more than %g at the tie %s (links %v): path lengths could overflow; rescale the link weights", math.MaxFloat64, s.tie(e), e.Links())
		}
	}
	if err != nil {
		return fmt.Errorf("analysis: %w", err)
	}
	inverse, err := g.Reweighted(func(w float64) float64 { return 1 / w })
	if err != nil {
		return fmt.Errorf("analysis: %w", err)
	}
	if s.opts.Weights == StrengthWeights {
		s.strength, s.length = g, inverse
	} else {
		s.length, s.strength = g, inverse
	}
	return nil
}

// tie names the actors of a view edge.
func (s *Scope) tie(e network.Edge) string {
	sep := "–"
	if s.opts.Directed {
		sep = "→"
	}
	return fmt.Sprintf("%q%s%q", e.F.ActorID(), sep, e.T.ActorID())
}

// buildSets marks the members of A and B.
func (s *Scope) buildSets() error {
	build := func(sel Selector, def network.Sector, which string) ([]bool, error, error) {
		explicit := !sel.IsZero()
		if !explicit {
			sel = BySector(def)
		}
		in := make([]bool, len(s.ids))
		count := 0
		for i := range s.ids {
			a, _ := s.view.Actor(int64(i))
			if sel.Selects(a) {
				in[i] = true
				count++
			}
		}
		if count > 0 {
			return in, nil, nil
		}
		why := s.emptySet(sel, def, which, explicit)
		if explicit {
			return nil, nil, fmt.Errorf("analysis: %w", why)
		}
		return in, why, nil
	}
	var err error
	if s.inA, s.errA, err = build(s.opts.A, network.Criminal, "A"); err != nil {
		return err
	}
	s.inB, s.errB, err = build(s.opts.B, network.Terrorist, "B")
	return err
}

// emptySet explains why a set selects no actor and how to fix it.
func (s *Scope) emptySet(sel Selector, def network.Sector, which string, explicit bool) error {
	desc := sel.String()
	if !explicit {
		desc = "default: " + desc
	}
	inNetwork := 0
	for _, a := range s.net.Actors() {
		if sel.Selects(a) {
			inNetwork++
		}
	}
	if inNetwork > 0 {
		return fmt.Errorf("set %s (%s) %w: the view keeps none of the %d matching actors of the network; widen the view's sectors or kinds", which, desc, ErrEmptySet, inNetwork)
	}
	hint := ""
	if len(sel.Sectors) > 0 {
		var kinds []string
		for _, k := range network.Kinds() {
			if slices.Contains(sel.Sectors, k.Sector()) {
				kinds = append(kinds, k.String())
			}
		}
		hint = fmt.Sprintf(" no actor is of a kind of that sector (%s) or tagged with it;", strings.Join(kinds, ", "))
	}
	return fmt.Errorf("set %s (%s) %w:%s give the actors kinds or sector tags (Actor.Kind and Actor.Sectors; a node table's kind and sectors columns), or choose set %s by sector, kind or actor IDs",
		which, desc, ErrEmptySet, hint, which)
}

// ErrEmptySet is wrapped by the error of Sets, and of the analyses that
// need sets A and B, when a set has no member: "is empty", followed by
// why and what to do.
var ErrEmptySet = errors.New("is empty")

// Network returns the network the scope was built on.
func (s *Scope) Network() *network.Network { return s.net }

// Options returns the options the scope was built with.
func (s *Scope) Options() ScopeOptions {
	o := s.opts
	o.A, o.B = cloneSelector(o.A), cloneSelector(o.B)
	return o
}

// WithView returns a scope with the same options but the view options v
// (for instance another time window), on the same network.
func (s *Scope) WithView(v network.ViewOptions) (*Scope, error) {
	o := s.Options()
	o.View = v
	return NewScope(s.net, o)
}

// View returns the scope's view of the network.
func (s *Scope) View() *network.View { return s.view }

// Directed reports whether the scope follows link directions.
func (s *Scope) Directed() bool { return s.opts.Directed }

// Weights returns the scope's weighting.
func (s *Scope) Weights() Weighting { return s.opts.Weights }

// Workers returns the measure options carrying the scope's worker count.
func (s *Scope) Workers() measure.Options { return measure.Options{Workers: s.opts.Workers} }

// Len returns the number of actors of the scope.
func (s *Scope) Len() int { return len(s.ids) }

// ActorID returns the ID of the scope's actor i (0 ≤ i < Len(), in the
// network's actor order).
func (s *Scope) ActorID(i int) string { return s.ids[i] }

// ActorIDs returns the IDs of the scope's actors, in the network's actor
// order: index i of every graph of the scope is actor ActorIDs()[i].
func (s *Scope) ActorIDs() []string { return slices.Clone(s.ids) }

// Index returns the index of an actor in the scope, and false if the scope
// does not keep it.
func (s *Scope) Index(id string) (int, bool) {
	i, ok := s.index[id]
	return i, ok
}

// Actor returns the scope's actor i.
func (s *Scope) Actor(i int) network.Actor {
	a, _ := s.view.Actor(int64(i))
	return a
}

// StrengthGraph returns the compact graph of the scope whose weights are
// strengths (all 1 if Unweighted), for degree strength, eigenvector,
// PageRank, Katz, clustering and Burt's measures. Index i is actor i.
func (s *Scope) StrengthGraph() *measure.Graph { return s.strength }

// LengthGraph returns the compact graph of the scope whose weights are
// lengths (unweighted, counting hops, if Unweighted), for the measures of
// shortest paths. Index i is actor i.
func (s *Scope) LengthGraph() *measure.Graph { return s.length }

// Sets returns the membership of every actor of the scope in A and in B
// (indexed like ActorIDs; the slices belong to the scope). It fails, with
// what to do, if either set is empty.
func (s *Scope) Sets() (a, b []bool, err error) {
	if s.errA != nil {
		return nil, nil, s.errA
	}
	if s.errB != nil {
		return nil, nil, s.errB
	}
	return s.inA, s.inB, nil
}

// InA reports whether actor i is in set A.
func (s *Scope) InA(i int) bool { return s.inA[i] }

// InB reports whether actor i is in set B.
func (s *Scope) InB(i int) bool { return s.inB[i] }

// A returns the IDs of the members of set A, in actor order (empty if the
// default set is empty; see Sets).
func (s *Scope) A() []string { return s.members(s.inA) }

// B returns the IDs of the members of set B, in actor order.
func (s *Scope) B() []string { return s.members(s.inB) }

func (s *Scope) members(in []bool) []string {
	var out []string
	for i, ok := range in {
		if ok {
			out = append(out, s.ids[i])
		}
	}
	return out
}

// Keeps reports whether the scope keeps link l: the view's options keep
// it and both its actors are in the scope.
func (s *Scope) Keeps(l network.Link) bool {
	_, f := s.index[l.From]
	_, t := s.index[l.To]
	return f && t && s.opts.View.KeepsLink(l)
}

// Neighbours returns the indices of the actors joined to actor i by an
// edge of the scope in either direction, increasing.
func (s *Scope) Neighbours(i int) []int {
	out, _ := s.strength.Out(i)
	in, _ := s.strength.In(i)
	nb := make([]int, 0, len(out)+len(in))
	for _, v := range out {
		nb = append(nb, int(v))
	}
	if s.opts.Directed {
		for _, v := range in {
			nb = append(nb, int(v))
		}
		slices.Sort(nb)
		nb = slices.Compact(nb)
	}
	return nb
}

// LinksBetween returns the IDs of the links the scope keeps between
// actors i and j, in either direction, increasing: the evidence of their
// tie (nil if they are not joined).
func (s *Scope) LinksBetween(i, j int) []network.LinkID {
	if !s.opts.Directed {
		e, _ := s.uv.WeightedEdgeBetween(int64(i), int64(j)).(network.Edge)
		return slices.Clone(e.Links()) // increasing already: views keep link order
	}
	// A Mutual link is in both arcs: merge and drop the repeats.
	f, _ := s.dv.WeightedEdge(int64(i), int64(j)).(network.Edge)
	b, _ := s.dv.WeightedEdge(int64(j), int64(i)).(network.Edge)
	ids := append(slices.Clone(f.Links()), b.Links()...)
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Scores labels values, one per actor of the scope in actor order, with
// the scope's actor IDs. It panics if len(values) != Len(): values come
// from a measure run on one of the scope's graphs.
func (s *Scope) Scores(values []float64) Scores {
	if len(values) != len(s.ids) {
		panic(fmt.Sprintf("analysis: %d values for a scope of %d actors", len(values), len(s.ids)))
	}
	return Scores{actors: s.ids, index: s.index, values: values}
}
