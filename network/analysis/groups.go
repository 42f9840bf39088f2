package analysis

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/internal/codec"
	"github.com/illicitnet/illicit/network/measure"
)

// The analyses below partition a scope's actors into groups — by an
// attribute, by kind or sector, or into Louvain communities — and measure
// the partition: its modularity, Gould–Fernandez brokerage and the
// Krackhardt–Stern E–I index, labelled by actor and by group.

// Groups is a partition of the actors of a scope: one group label per
// actor, in actor order. It is built by GroupsFromAttribute, NewGroups or
// CommunityResult.Groups, and can be used with every scope of the same
// actors (the same network and view actors, in the same order), such as
// the scopes of other time windows made by Scope.WithView. The zero value
// labels no actor. Groups are read-only: the methods return copies.
type Groups struct {
	key    string
	actors []string       // the scope's actor IDs (shared, read-only)
	index  map[string]int // the scope's actor index (shared, read-only)
	labels []string       // labels[i]: the group of actors[i]
	group  []int          // group[i]: the number of labels[i] in names
	names  []string       // the labels in order of first appearance
}

// GroupsFromAttribute partitions the scope's actors by the value of their
// attribute key, as text (network.Attributes.Text: a string as it is, a
// bool "true" or "false", an int64 in decimal, a float64 in the shortest
// form that reads back as a float, such as "0.5" or "2.0"): actors whose
// values have the same text are in the same group, so the int 2 and the
// string "2" are one group but the float 2.0 ("2.0") is another.
//
// Two pseudo-keys group by actor fields instead of attributes: "kind",
// the actor's Kind (Kind.String, "unknown" for KindUnknown), and
// "sector", its primary sector (Actor.Sector). "kind" is reserved and
// cannot be an attribute key; if an actor of the scope has an attribute
// named "sector", that attribute is used instead of the pseudo-key.
//
// Every actor of the scope must have a value. GroupsFromAttribute fails,
// listing the attribute keys the scope's actors do have, if none has the
// attribute; and, listing up to five of them, if some actors lack it (or,
// for "sector", have no sector). Give those actors a value (a node table's
// column), or label the actors with NewGroups (for instance with "" or
// "none" for the missing values, which then form a group of their own, as
// R sna does with an empty label).
func GroupsFromAttribute(s *Scope, key string) (Groups, error) {
	if key == "" {
		return Groups{}, fmt.Errorf("analysis: empty attribute key")
	}
	value := func(a network.Actor) (string, bool) { return a.Attributes.Text(key) }
	sectorField := key == "sector" && !scopeHasAttribute(s, key)
	switch {
	case key == "kind":
		value = func(a network.Actor) (string, bool) { return a.Kind.String(), true }
	case sectorField:
		value = func(a network.Actor) (string, bool) {
			sec := a.Sector()
			return sec.String(), sec != network.NoSector
		}
	}
	labels := make([]string, len(s.ids))
	var missing []string
	for i := range s.ids {
		v, ok := value(s.Actor(i))
		if !ok {
			missing = append(missing, s.ids[i])
			continue
		}
		labels[i] = v
	}
	what := "attribute " + strconv.Quote(key)
	if sectorField {
		what = "sector"
	}
	switch {
	case len(missing) == 0:
	case len(missing) == len(s.ids) && sectorField:
		return Groups{}, fmt.Errorf("analysis: no actor of the scope has a sector: give the actors kinds or sector tags (Actor.Kind and Actor.Sectors; a node table's kind and sectors columns), or group them by an attribute (%s)", scopeAttributeKeys(s))
	case len(missing) == len(s.ids):
		return Groups{}, fmt.Errorf("analysis: no actor of the scope has the %s (%s; or the pseudo-keys kind and sector)", what, scopeAttributeKeys(s))
	default:
		return Groups{}, fmt.Errorf("analysis: %d of the %d actors of the scope %s no %s: %s; give them a value, or label the actors with NewGroups (a label such as \"none\" for the missing values makes them a group of their own)",
			len(missing), len(s.ids), have(len(missing)), what, quoteSome(missing, 5))
	}
	return newGroups(s, key, labels), nil
}

// scopeHasAttribute reports whether an actor of the scope has attribute key.
func scopeHasAttribute(s *Scope, key string) bool {
	for i := range s.ids {
		if _, ok := s.Actor(i).Attributes[key]; ok {
			return true
		}
	}
	return false
}

// scopeAttributeKeys describes the attribute keys of the scope's actors.
func scopeAttributeKeys(s *Scope) string {
	var keys []string
	for i := range s.ids {
		for k := range s.Actor(i).Attributes {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	if len(keys) == 0 {
		return "its actors have no attributes"
	}
	return "its actors' attributes are " + quoteSome(keys, 20)
}

// quoteSome quotes the first k items of list, comma-separated, and says
// how many more there are.
func quoteSome(list []string, k int) string {
	q := make([]string, 0, min(k, len(list)))
	for _, x := range list[:min(k, len(list))] {
		q = append(q, strconv.Quote(x))
	}
	out := strings.Join(q, ", ")
	if len(list) > k {
		out += fmt.Sprintf(" and %d more", len(list)-k)
	}
	return out
}

// have returns "has" for one and "have" otherwise.
func have(n int) string {
	if n == 1 {
		return "has"
	}
	return "have"
}

// NewGroups partitions the scope's actors by the labels given to them:
// labels[id] is the group of the actor id. Every actor of the scope needs
// a label (the empty label is a label like any other); labels of actors of
// the network that the scope does not keep are ignored, so that one map
// serves several views. NewGroups fails, naming up to five of them, if
// actors of the scope have no label or if labels name actors that are not
// in the network.
func NewGroups(s *Scope, labels map[string]string) (Groups, error) {
	var unknown []string
	for id := range labels {
		if !s.net.HasActor(id) {
			unknown = append(unknown, id)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		return Groups{}, fmt.Errorf("analysis: group labels name actors that are not in the network: %s", quoteSome(unknown, 5))
	}
	out := make([]string, len(s.ids))
	var missing []string
	for i, id := range s.ids {
		l, ok := labels[id]
		if !ok {
			missing = append(missing, id)
		}
		out[i] = l
	}
	if len(missing) > 0 {
		return Groups{}, fmt.Errorf("analysis: %d of the %d actors of the scope %s no group label: %s", len(missing), len(s.ids), have(len(missing)), quoteSome(missing, 5))
	}
	return newGroups(s, "", out), nil
}

// newGroups numbers the labels of the scope's actors.
func newGroups(s *Scope, key string, labels []string) Groups {
	g := Groups{key: key, actors: s.ids, index: s.index, labels: labels, group: make([]int, len(labels))}
	num := make(map[string]int)
	for i, l := range labels {
		k, ok := num[l]
		if !ok {
			k = len(g.names)
			num[l] = k
			g.names = append(g.names, l)
		}
		g.group[i] = k
	}
	return g
}

// Key returns the attribute or pseudo-key the groups were made from: the
// key of GroupsFromAttribute, "community" for CommunityResult.Groups, and
// "" for NewGroups.
func (g Groups) Key() string { return g.key }

// Len returns the number of actors labelled.
func (g Groups) Len() int { return len(g.actors) }

// Actors returns the IDs of the actors, in actor order.
func (g Groups) Actors() []string { return slices.Clone(g.actors) }

// Labels returns the group label of every actor, in actor order.
func (g Groups) Labels() []string { return slices.Clone(g.labels) }

// Label returns the group of an actor, and false if the groups do not
// label it.
func (g Groups) Label(actor string) (string, bool) {
	i, ok := g.index[actor]
	if !ok || i >= len(g.labels) {
		return "", false
	}
	return g.labels[i], true
}

// Names returns the names of the groups, in order of first appearance in
// actor order. The group numbers of the results of Brokerage and EIIndex
// are indices into Names.
func (g Groups) Names() []string { return slices.Clone(g.names) }

// Members returns the IDs of the actors of the group name, in actor order
// (nil if there is no such group).
func (g Groups) Members(name string) []string {
	var out []string
	for i, l := range g.labels {
		if l == name {
			out = append(out, g.actors[i])
		}
	}
	return out
}

// check verifies that the groups label the actors of s.
func (g Groups) check(s *Scope) error {
	if !slices.Equal(g.actors, s.ids) {
		if len(g.actors) == 0 && len(s.ids) > 0 {
			return fmt.Errorf("analysis: the groups label no actor; build them with GroupsFromAttribute, NewGroups or CommunityResult.Groups")
		}
		return fmt.Errorf("analysis: the groups label other actors than the scope's (%d actors, the scope has %d); build them from a scope of the same actors", len(g.actors), len(s.ids))
	}
	return nil
}

// MultiplexBy says whether Communities treats the scope's links as one
// network or as layers of a multiplex network, and what makes a layer.
type MultiplexBy uint8

// The layerings of Communities.
const (
	// NoMultiplex: all the links of the scope form one network. The zero
	// value.
	NoMultiplex MultiplexBy = iota
	// ByElement: one layer per link element (association, materiel,
	// manpower, money, mechanism).
	ByElement
	// ByLinkType: one layer per link type (Link.Type, such as a dataset's
	// layers or phases; links with no type form the layer "").
	ByLinkType
)

var multiplexNames = [...]string{NoMultiplex: "none", ByElement: "element", ByLinkType: "type"}

// String returns "none", "element" or "type".
func (m MultiplexBy) String() string {
	if int(m) < len(multiplexNames) {
		return multiplexNames[m]
	}
	return fmt.Sprintf("MultiplexBy(%d)", uint8(m))
}

// ParseMultiplexBy returns the layering named name ("none", "element" or
// "type"; case and surrounding space are ignored, and "" is "none").
func ParseMultiplexBy(name string) (MultiplexBy, error) {
	if strings.TrimSpace(name) == "" {
		return NoMultiplex, nil
	}
	for i, s := range multiplexNames {
		if strings.EqualFold(strings.TrimSpace(name), s) {
			return MultiplexBy(i), nil
		}
	}
	return NoMultiplex, fmt.Errorf("unknown multiplex layering %q (want %s)", name, strings.Join(multiplexNames[:], ", "))
}

// MarshalText implements encoding.TextMarshaler.
func (m MultiplexBy) MarshalText() ([]byte, error) {
	return codec.MarshalText(m.String(), int(m) < len(multiplexNames), "invalid multiplex layering %d", uint8(m))
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *MultiplexBy) UnmarshalText(b []byte) error {
	return codec.UnmarshalText(m, b, ParseMultiplexBy)
}

// CommunityOptions configure Communities.
type CommunityOptions struct {
	// Resolution is γ in the modularity (Reichardt & Bornholdt 2006):
	// above 1 favours smaller communities, below 1 larger ones. Zero means
	// 1, the Newman–Girvan modularity; it must not be negative.
	Resolution float64
	// Seed seeds the random order in which the Louvain method visits the
	// actors; the same seed gives the same communities.
	Seed uint64
	// Multiplex, if not NoMultiplex, finds communities shared by the
	// layers of the scope's links, by element or by link type.
	Multiplex MultiplexBy
}

// CommunityLayer is one layer of a multiplex CommunityResult.
type CommunityLayer struct {
	// Name is the layer's element name (ByElement) or link type
	// (ByLinkType).
	Name string
	// Ties is the number of ties (undirected pairs of actors) of the layer.
	Ties int
	// Strength is the layer's total tie strength m_l: its number of ties
	// if the scope is Unweighted.
	Strength float64
	// Modularity is the modularity Q_l of the communities in the layer
	// alone (the Q of Modularity on the layer).
	Modularity float64
}

// CommunityResult is the partition of a scope's actors found by
// Communities.
type CommunityResult struct {
	// Actors are the IDs of the scope's actors, in actor order.
	Actors []string
	// Membership[i] is the community of Actors[i]. Communities are
	// numbered 0, 1, … in the order of their first actor, so the first
	// actor is in community 0.
	Membership []int
	// Communities[c] lists the IDs of the actors of community c, in actor
	// order.
	Communities [][]string
	// Resolution is the resolution γ used (1 if the options gave 0).
	Resolution float64
	// Modularity is the modularity Q of the communities on the scope's
	// network, all its links together (see Communities), at resolution γ.
	Modularity float64
	// Multiplex is the layering used.
	Multiplex MultiplexBy
	// MultiplexModularity is, for a multiplex run, the objective the
	// method maximised, normalised: Σ_l m_l Q_l / Σ_l m_l, the layers'
	// modularities averaged with weights their total strengths m_l. It is
	// 0 when Multiplex is NoMultiplex or there are no layers.
	MultiplexModularity float64
	// Layers describes the layers of a multiplex run, in element order or
	// in order of each type's first link in the network; nil otherwise.
	Layers []CommunityLayer

	index map[string]int
}

// Community returns the community of an actor, and false if the result
// has none.
func (c CommunityResult) Community(actor string) (int, bool) {
	i, ok := c.index[actor]
	if !ok || i >= len(c.Membership) {
		return 0, false
	}
	return c.Membership[i], true
}

// Groups returns the communities as Groups, with key "community" and
// labels "0", "1", … (the community numbers), for Brokerage, EIIndex and
// Modularity.
func (c CommunityResult) Groups() Groups {
	labels := make([]string, len(c.Membership))
	for i, m := range c.Membership {
		labels[i] = strconv.Itoa(m)
	}
	g := Groups{key: "community", actors: slices.Clone(c.Actors), index: c.index, labels: labels, group: slices.Clone(c.Membership)}
	for k := range c.Communities {
		g.names = append(g.names, strconv.Itoa(k))
	}
	return g
}

// Communities finds communities of the scope's actors by maximising the
// modularity with the Louvain method (Blondel, Guillaume, Lambiotte &
// Lefebvre 2008, "Fast unfolding of communities in large networks", J.
// Stat. Mech. P10008), as measure.Louvain does, multilevel refinement
// included:
//
//	Q = 1/(2m) Σ_ij [A_ij − γ k_i k_j / (2m)] δ(c_i, c_j)
//
// (Newman & Girvan 2004; resolution γ of Reichardt & Bornholdt 2006),
// where A_ij is the strength of the tie between actors i and j, k_i the
// total strength of i's ties and m the total strength of all ties. Q is
// NetworkX's community.modularity.
//
// Modularity is undirected: the network is the scope's view made
// undirected, each pair of actors joined by the aggregation of all the
// links the view keeps between them in either direction, whether or not
// the scope is directed (so a directed and an undirected scope of the
// same options find the same communities). A_ij reads the scope's
// weighting as the strength measures do: 1 per tie if Unweighted, the
// view's weight with StrengthWeights, and 1/w for a weight w that is a
// length (LengthWeights), so that a short route binds more than a long
// one.
//
// With opts.Multiplex, the links are split into layers — one per element,
// or one per link type, of the links the scope keeps between distinct
// actors — each an undirected view of the scope's options restricted to
// that element or type, weighted as above, and measure.MultiplexLouvain
// finds communities shared by all layers, maximising the multiplex
// modularity Σ_l 2m_l Q_l (gonum's community.ModularizeMultiplex, a form
// of the multislice modularity of Mucha, Richardson, Macon, Porter &
// Onnela 2010, Science 328:876, without coupling between layers), every
// layer with weight 1: a layer counts in proportion to its total strength,
// so every tie counts the same whatever its layer. The result gives each
// layer's Q_l and the normalised objective, as well as Q of the partition
// on all links together.
//
// Actors without ties stay alone in their own communities. The result
// depends only on the scope and the options. Communities fails if the
// resolution is negative or not finite, or if the network changed since
// the scope was built (its views no longer match the scope's); with
// weights, also if a layer's tie has weight 0 (under Sum aggregation, a
// layer's links of weight 0), which the scope refuses for its own ties.
func Communities(s *Scope, opts CommunityOptions) (CommunityResult, error) {
	if int(opts.Multiplex) >= len(multiplexNames) {
		return CommunityResult{}, fmt.Errorf("analysis: invalid multiplex layering %d", opts.Multiplex)
	}
	res, err := checkResolution(opts.Resolution)
	if err != nil {
		return CommunityResult{}, err
	}
	lo := measure.LouvainOptions{Resolution: res, Seed: opts.Seed}
	merged, err := communityGraph(s, s.opts.View, "")
	if err != nil {
		return CommunityResult{}, err
	}
	r := CommunityResult{Actors: slices.Clone(s.ids), Resolution: res, Multiplex: opts.Multiplex, index: s.index}
	var c measure.Communities
	var layers []*measure.Graph
	if opts.Multiplex != NoMultiplex {
		layers, r.Layers, err = communityLayers(s, opts.Multiplex)
		if err != nil {
			return CommunityResult{}, err
		}
	}
	if len(layers) > 0 {
		c, err = measure.MultiplexLouvain(layers, nil, lo)
	} else {
		c, err = measure.Louvain(merged, lo)
	}
	if err != nil {
		return CommunityResult{}, err
	}
	r.Membership = c.Membership
	r.Communities = make([][]string, len(c.Groups))
	for k, members := range c.Groups {
		r.Communities[k] = make([]string, len(members))
		for j, i := range members {
			r.Communities[k][j] = s.ids[i]
		}
	}
	r.Modularity = measure.Modularity(merged, c.Membership, res)
	if opts.Multiplex != NoMultiplex {
		var total float64
		for l, g := range layers {
			r.Layers[l].Modularity = measure.Modularity(g, c.Membership, res)
			total += r.Layers[l].Strength
		}
		if total > 0 {
			var q float64
			for _, x := range c.LayerQ {
				q += x
			}
			r.MultiplexModularity = q / (2 * total)
		}
	}
	return r, nil
}

// Modularity returns the modularity Q of the partition g of the scope's
// actors (Newman & Girvan 2004, at resolution γ of Reichardt & Bornholdt
// 2006; 0 means 1), on the undirected network Communities uses:
//
//	Q = 1/(2m) Σ_ij [A_ij − γ k_i k_j / (2m)] δ(g_i, g_j)
//
// It says how far groups such as factions or cells are communities: Q
// near 0 is no more internal strength than chance given the actors'
// total strengths, and the Q of Louvain communities is a yardstick. It
// equals NetworkX's community.modularity on the same graph. A scope
// without ties has Q = 0.
func Modularity(s *Scope, g Groups, resolution float64) (float64, error) {
	if err := g.check(s); err != nil {
		return 0, err
	}
	resolution, err := checkResolution(resolution)
	if err != nil {
		return 0, err
	}
	u, err := communityGraph(s, s.opts.View, "")
	if err != nil {
		return 0, err
	}
	return measure.Modularity(u, g.group, resolution), nil
}

// checkResolution checks a resolution γ and returns it, 1 for 0.
func checkResolution(r float64) (float64, error) {
	if r < 0 || math.IsNaN(r) || math.IsInf(r, 0) {
		return 0, fmt.Errorf("analysis: resolution %v; it must be finite and non-negative", r)
	}
	if r == 0 {
		return 1, nil
	}
	return r, nil
}

// communityGraph returns the strength graph of the undirected view of
// the scope's network with options v, weighted as the scope is; layer
// names the layer in error messages ("" for the scope's own view). For an
// undirected scope's own view it is the scope's strength graph.
func communityGraph(s *Scope, v network.ViewOptions, layer string) (*measure.Graph, error) {
	if !s.opts.Directed && layer == "" {
		return s.strength, nil
	}
	uv, err := s.net.UndirectedView(v)
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	if !slices.Equal(uv.ActorIDs(), s.ids) || (layer == "" && uv.NumLinks() != s.view.NumLinks()) {
		return nil, fmt.Errorf("analysis: the network has changed since the scope was built; build a new scope")
	}
	weighted := s.opts.Weights != Unweighted
	if weighted {
		// The scope checked its own ties; a layer's can weigh 0 (Sum of
		// links of weight 0), and is then refused as the scope refuses it.
		for _, e := range uv.Edges() {
			if !(e.W > 0) {
				return nil, fmt.Errorf("analysis: the tie %q–%q (links %v) of layer %q has %s weight %v under %s aggregation; with %s weights every tie needs a finite positive weight: give its links positive weights, or use unweighted analysis or the count aggregation",
					e.F.ActorID(), e.T.ActorID(), e.Links(), layer, s.opts.Weights, e.W, s.opts.View.Aggregation, s.opts.Weights)
			}
		}
	}
	g, err := measure.New(uv, weighted)
	if err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	if s.opts.Weights == LengthWeights {
		if g, err = g.Reweighted(func(w float64) float64 { return 1 / w }); err != nil {
			return nil, fmt.Errorf("analysis: %w", err)
		}
	}
	return g, nil
}

// communityLayers returns the strength graphs of the layers of the
// scope's links by element or by link type, and their descriptions
// (without Modularity).
func communityLayers(s *Scope, by MultiplexBy) ([]*measure.Graph, []CommunityLayer, error) {
	var elements []network.Element
	var types []string
	seenType := make(map[string]bool)
	links := 0
	for l := range s.net.LinksSeq() {
		if !s.Keeps(l) {
			continue
		}
		links++
		if l.From == l.To {
			continue // a self-link is no tie of any layer
		}
		if !slices.Contains(elements, l.Element) {
			elements = append(elements, l.Element)
		}
		if !seenType[l.Type] {
			seenType[l.Type] = true
			types = append(types, l.Type)
		}
	}
	if links != s.view.NumLinks() {
		return nil, nil, fmt.Errorf("analysis: the network has changed since the scope was built; build a new scope")
	}
	slices.Sort(elements)
	var views []network.ViewOptions
	var names []string
	if by == ByElement {
		for _, e := range elements {
			v := s.opts.View
			v.Elements = []network.Element{e}
			views, names = append(views, v), append(names, e.String())
		}
	} else {
		for _, t := range types {
			v := s.opts.View
			v.Types = []string{t}
			views, names = append(views, v), append(names, t)
		}
	}
	graphs := make([]*measure.Graph, len(views))
	desc := make([]CommunityLayer, len(views))
	for l, v := range views {
		g, err := communityGraph(s, v, names[l])
		if err != nil {
			return nil, nil, err
		}
		graphs[l] = g
		var m2 float64
		for i := 0; i < g.Len(); i++ {
			_, w := g.Out(i)
			for _, x := range w {
				m2 += x
			}
		}
		desc[l] = CommunityLayer{Name: names[l], Ties: g.NumEdges(), Strength: m2 / 2}
	}
	return graphs, desc, nil
}

// ActorBrokerage is one actor's Gould–Fernandez brokerage (see Brokerage).
// The arrays are indexed by measure.BrokerageRole: coordinator,
// itinerant, representative, gatekeeper, liaison and total.
type ActorBrokerage struct {
	// Actor is the actor's ID and Group its group.
	Actor, Group string
	// Raw is the number of open two-paths the actor brokers in each role.
	Raw [measure.NumBrokerageRoles]int
	// Expected and SD are the expectation and standard deviation of each
	// count under Gould and Fernandez's null model (they depend only on
	// the actor's group), and Z = (Raw − Expected) / SD; Z is NaN or ±Inf
	// where SD is 0, as for a role the group's size rules out.
	Expected, SD, Z [measure.NumBrokerageRoles]float64
}

// BrokerageResult holds Gould–Fernandez brokerage for a partition of a
// scope's actors, labelled by actor and group, as R sna::brokerage
// computes it (see measure.BrokerageResult, whose fields these are).
type BrokerageResult struct {
	// GroupNames are the groups, in the order of Groups.Names; the group
	// arrays below are indexed like it.
	GroupNames []string
	// GroupSize is the number of actors of each group.
	GroupSize []int
	// Density is the density of the scope's graph, d = arcs / (N(N−1)),
	// that the null model draws arcs with.
	Density float64
	// Actors holds the brokerage of every actor, in actor order.
	Actors []ActorBrokerage
	// GroupExpected and GroupSD are the expectation and standard deviation
	// of an actor's counts, per group.
	GroupExpected, GroupSD [][measure.NumBrokerageRoles]float64
	// GlobalRaw is the total of each role over all actors; GlobalExpected,
	// GlobalSD and GlobalZ are its expectation, standard deviation and
	// z-score.
	GlobalRaw                         [measure.NumBrokerageRoles]int
	GlobalExpected, GlobalSD, GlobalZ [measure.NumBrokerageRoles]float64

	index map[string]int
}

// Actor returns an actor's brokerage, and false if the result has none.
func (r BrokerageResult) Actor(id string) (ActorBrokerage, bool) {
	i, ok := r.index[id]
	if !ok || i >= len(r.Actors) {
		return ActorBrokerage{}, false
	}
	return r.Actors[i], true
}

// Counts returns every actor's count in a role (measure.TotalBrokerage
// for the total) as Scores, for ranking.
func (r BrokerageResult) Counts(role measure.BrokerageRole) Scores {
	return r.scores(func(a ActorBrokerage) float64 { return float64(a.Raw[role]) })
}

// ZScores returns every actor's z-score in a role as Scores, for ranking
// (NaN z-scores rank last).
func (r BrokerageResult) ZScores(role measure.BrokerageRole) Scores {
	return r.scores(func(a ActorBrokerage) float64 { return a.Z[role] })
}

func (r BrokerageResult) scores(f func(ActorBrokerage) float64) Scores {
	ids := make([]string, len(r.Actors))
	v := make([]float64, len(r.Actors))
	for i, a := range r.Actors {
		ids[i], v[i] = a.Actor, f(a)
	}
	return Scores{actors: ids, index: r.index, values: v}
}

// Brokerage counts the Gould–Fernandez brokerage roles of every actor of
// the scope for the partition g (R. V. Gould & R. M. Fernandez 1989,
// "Structures of mediation: a formal approach to brokerage in transaction
// networks", Sociological Methodology 19:89–126), with the expected
// counts, standard deviations and z-scores of R sna::brokerage (C. T.
// Butts), by measure.Brokerage on the scope's graph.
//
// An actor v brokers the ordered pair (a, c) when the scope has the arcs
// a→v and v→c, a, v and c are distinct and there is no arc a→c; the role
// follows from the groups of a, v and c: coordinator (all three in one
// group), itinerant or consultant (a and c in one group, v in another),
// representative (a and v in one group, c in another), gatekeeper (v and c
// in one group, a in another) and liaison (three groups). The expectations
// are those of a random digraph of the scope's density with the same group
// sizes. Tie weights are ignored.
//
// Brokerage is a measure of directed flows, so the scope should be
// directed (a Mutual link is then two arcs). An undirected scope counts
// every tie as two arcs, as sna does with a symmetric adjacency matrix:
// each open path a–v–c then counts twice, as a→v→c and c→v→a (see
// measure.Brokerage).
func Brokerage(s *Scope, g Groups) (BrokerageResult, error) {
	if err := g.check(s); err != nil {
		return BrokerageResult{}, err
	}
	b, err := measure.Brokerage(s.strength, g.group)
	if err != nil {
		return BrokerageResult{}, err
	}
	r := BrokerageResult{GroupNames: slices.Clone(g.names), GroupSize: b.GroupSize, Density: b.Density,
		Actors: make([]ActorBrokerage, len(s.ids)), GroupExpected: b.GroupExpected, GroupSD: b.GroupSD,
		GlobalRaw: b.GlobalRaw, GlobalExpected: b.GlobalExpected, GlobalSD: b.GlobalSD, GlobalZ: b.GlobalZ,
		index: s.index}
	for i, id := range s.ids {
		r.Actors[i] = ActorBrokerage{Actor: id, Group: g.labels[i], Raw: b.Raw[i], Expected: b.Expected[i], SD: b.SD[i], Z: b.Z[i]}
	}
	return r, nil
}

// GroupEI is the E–I index of one group (see EIIndex).
type GroupEI struct {
	// Name is the group's name and Size its number of actors.
	Name string
	Size int
	// External is the strength of the group's ties to other groups (one
	// end inside), Internal that of the ties among its members, and Index
	// (External − Internal) / (External + Internal), NaN if both are 0.
	External, Internal, Index float64
}

// ActorEI is the E–I index of one actor (see EIIndex).
type ActorEI struct {
	// Actor is the actor's ID and Group its group.
	Actor, Group string
	// External is the strength of the actor's ties to actors of other
	// groups, Internal that of its ties within its group, and Index
	// (External − Internal) / (External + Internal), NaN for an actor
	// without ties.
	External, Internal, Index float64
}

// EIResult holds the Krackhardt–Stern E–I index of a partition of a
// scope's actors, for the whole network, per group and per actor.
type EIResult struct {
	// External and Internal are the total strength of the ties between
	// groups and within groups, and Index is (E − I) / (E + I): −1 when
	// every tie is internal, +1 when every tie is external, NaN with no
	// ties.
	External, Internal, Index float64
	// Groups holds each group's E–I, in the order of Groups.Names.
	Groups []GroupEI
	// Actors holds each actor's E–I, in actor order.
	Actors []ActorEI
	// Permutation is the permutation test of Index (PGreater, PLess, and
	// the mean and spread of the index under random relabelling), or nil
	// if EIIndex was asked for no permutations.
	Permutation *measure.EIPermutationResult

	index map[string]int
}

// Actor returns an actor's E–I, and false if the result has none.
func (r EIResult) Actor(id string) (ActorEI, bool) {
	i, ok := r.index[id]
	if !ok || i >= len(r.Actors) {
		return ActorEI{}, false
	}
	return r.Actors[i], true
}

// Scores returns every actor's E–I index as Scores (NaN for actors
// without ties).
func (r EIResult) Scores() Scores {
	ids := make([]string, len(r.Actors))
	v := make([]float64, len(r.Actors))
	for i, a := range r.Actors {
		ids[i], v[i] = a.Actor, a.Index
	}
	return Scores{actors: ids, index: r.index, values: v}
}

// EIIndex returns the E–I index of Krackhardt and Stern (D. Krackhardt &
// R. N. Stern 1988, "Informal networks and organizational crises: an
// experimental simulation", Social Psychology Quarterly 51(2):123–140) of
// the partition g of the scope's actors,
//
//	E–I = (E − I) / (E + I),
//
// with E the strength of the ties between groups and I that within
// groups, for the whole network, for each group and for each actor, by
// measure.EIIndex. Strength is the scope's: 1 per tie if Unweighted (E and
// I are then numbers of ties), the view's weight with StrengthWeights,
// 1/w with LengthWeights. On a directed scope every arc is a tie (a
// reciprocated pair counts twice), and an actor's ties are its in- and
// out-arcs.
//
// With perms > 0 it also tests the whole-network index against perms
// random relabellings of the actors that keep the group sizes, as UCINET
// does (measure.EIPermutationTest, driven by seed: the same seed gives the
// same p-values). A small PLess says the groups are more closed than
// chance, a small PGreater that they are more open. perms must not be
// negative.
func EIIndex(s *Scope, g Groups, perms int, seed uint64) (EIResult, error) {
	if err := g.check(s); err != nil {
		return EIResult{}, err
	}
	if perms < 0 {
		return EIResult{}, fmt.Errorf("analysis: %d permutations; want 0 (no test) or more", perms)
	}
	e, err := measure.EIIndex(s.strength, g.group)
	if err != nil {
		return EIResult{}, err
	}
	r := EIResult{External: e.External, Internal: e.Internal, Index: e.Index,
		Groups: make([]GroupEI, len(e.GroupSize)), Actors: make([]ActorEI, len(s.ids)), index: s.index}
	for k := range r.Groups {
		r.Groups[k] = GroupEI{Name: g.names[k], Size: e.GroupSize[k], External: e.GroupExternal[k], Internal: e.GroupInternal[k], Index: e.GroupIndex[k]}
	}
	for i, id := range s.ids {
		r.Actors[i] = ActorEI{Actor: id, Group: g.labels[i], External: e.NodeExternal[i], Internal: e.NodeInternal[i], Index: e.NodeIndex[i]}
	}
	if perms > 0 {
		if r.Permutation, err = measure.EIPermutationTest(s.strength, g.group, perms, seed); err != nil {
			return EIResult{}, err
		}
	}
	return r, nil
}
