package network

import (
	"fmt"
	"iter"
	"math"
	"unicode/utf8"
)

// Network is a typed, multilayer illicit network: actors and the links
// between them, in insertion order. Every method that adds or changes an
// actor or link validates it and returns an error rather than store an
// invalid record, so a Network is always consistent: IDs are unique, every
// link joins two actors of the network, weights are finite and
// non-negative, grades and dates are well formed.
//
// A Network is not safe for concurrent mutation; concurrent reads are safe.
// AddActor, AddLink, UpdateActor and the lookups by ID (HasActor, Actor,
// Index, Link) cost O(1) apart from validating the record, and so does
// UpdateLink when the link keeps its ends; RemoveActor, RemoveLink and an
// UpdateLink that moves a link to other actors rebuild the indexes and cost
// O(actors + links). Besides the records themselves, a network keeps 8 bytes
// of index per link, and a map entry per link more once a link has been
// removed.
// LinksOf and LinksFrom cost O(degree) of the actor, LinksBetween O(degree)
// of the less connected of the two;
// Neighbours, Successors and Predecessors O(degree + actors); Actors, Links
// and the filters ActorsOfKind, ActorsInSector and LinksOfElement scan the
// whole network.
type Network struct {
	// Name and Description describe the network as a whole.
	Name, Description string
	// Attributes are free, typed attributes of the network (source, period, …).
	Attributes Attributes

	actors []Actor
	pos    map[string]int // actor ID -> index in actors
	links  []Link
	// linkPos maps link IDs to indices in links. It is nil while every
	// link's ID is its index and nextID is len(links), as they are until a
	// link is removed, which saves a map entry per link; see linkIndex.
	linkPos map[LinkID]int
	nextID  LinkID
	out     [][]int32 // actor index -> indices in links of links leaving it
	in      [][]int32 // actor index -> indices in links of links entering it
}

// maxLinks is the most links a network holds: link indices are int32.
const maxLinks = math.MaxInt32

// New returns an empty network with the given name.
func New(name string) *Network {
	return &Network{Name: name, pos: map[string]int{}}
}

func (n *Network) init() {
	if n.pos == nil {
		n.pos = map[string]int{}
	}
}

// Grow makes room for at least actors more actors and links more links, so
// that adding that many does not move the network's storage; readers call
// it when they can tell the size of a network before they have read it.
// Counts of 0 or less grow nothing. Grow changes nothing else.
func (n *Network) Grow(actors, links int) {
	n.init()
	if actors > 0 {
		if len(n.actors) == 0 && len(n.pos) == 0 {
			n.pos = make(map[string]int, actors)
		}
		n.actors = grow(n.actors, actors)
		n.out = grow(n.out, actors)
		n.in = grow(n.in, actors)
	}
	if links > 0 {
		n.links = grow(n.links, min(links, maxLinks-len(n.links)))
	}
}

// grow returns s with room for k more elements. Unlike slices.Grow it does
// not clear the new room itself, so that memory the allocator gets fresh
// from the system is not touched before it is used.
func grow[S ~[]E, E any](s S, k int) S {
	if k <= cap(s)-len(s) {
		return s
	}
	t := make(S, len(s), len(s)+k)
	copy(t, s)
	return t
}

// linkIndex returns the index in n.links of the link with the ID.
func (n *Network) linkIndex(id LinkID) (int, bool) {
	if n.linkPos == nil {
		if id < 0 || int(id) >= len(n.links) {
			return 0, false
		}
		return int(id), true
	}
	j, ok := n.linkPos[id]
	return j, ok
}

// NumActors returns the number of actors.
func (n *Network) NumActors() int { return len(n.actors) }

// NumLinks returns the number of links.
func (n *Network) NumLinks() int { return len(n.links) }

// AddActor adds an actor. It fails if the ID is empty or already used, or if
// a field or attribute is invalid.
func (n *Network) AddActor(a Actor) error {
	n.init()
	a, err := a.normalized()
	if err != nil {
		return err
	}
	if _, dup := n.pos[a.ID]; dup {
		return fmt.Errorf("duplicate actor id %q", a.ID)
	}
	if k := len(n.actors); k == cap(n.actors) && k >= 256 {
		// Double, rather than grow by the quarter append would: a network
		// read from a file adds its actors one by one, and three slices
		// grow with them.
		n.Grow(k, 0)
	}
	n.pos[a.ID] = len(n.actors)
	n.actors = append(n.actors, a)
	n.out = append(n.out, nil)
	n.in = append(n.in, nil)
	return nil
}

// UpdateActor replaces the actor with the same ID, keeping its position and
// its links.
func (n *Network) UpdateActor(a Actor) error {
	i, ok := n.pos[a.ID]
	if !ok {
		return fmt.Errorf("no actor with id %q", a.ID)
	}
	a, err := a.normalized()
	if err != nil {
		return err
	}
	n.actors[i] = a
	return nil
}

// RemoveActor removes an actor and every link that touches it. The other
// actors and links keep their order.
func (n *Network) RemoveActor(id string) error {
	i, ok := n.pos[id]
	if !ok {
		return fmt.Errorf("no actor with id %q", id)
	}
	n.actors = append(n.actors[:i], n.actors[i+1:]...)
	kept := n.links[:0]
	for _, l := range n.links {
		if l.From != id && l.To != id {
			kept = append(kept, l)
		}
	}
	n.links = kept
	n.reindex()
	return nil
}

// reindex rebuilds every index from the actor and link slices.
func (n *Network) reindex() {
	n.pos = make(map[string]int, len(n.actors))
	for i, a := range n.actors {
		n.pos[a.ID] = i
	}
	dense := n.nextID == LinkID(len(n.links))
	for j, l := range n.links {
		if l.ID != LinkID(j) {
			dense = false
			break
		}
	}
	n.linkPos = nil
	if !dense {
		n.linkPos = make(map[LinkID]int, len(n.links))
	}
	n.out = make([][]int32, len(n.actors))
	n.in = make([][]int32, len(n.actors))
	for j, l := range n.links {
		if !dense {
			n.linkPos[l.ID] = j
		}
		f, t := n.pos[l.From], n.pos[l.To]
		n.out[f] = append(n.out[f], int32(j))
		n.in[t] = append(n.in[t], int32(j))
	}
}

// HasActor reports whether an actor with the ID exists.
func (n *Network) HasActor(id string) bool {
	_, ok := n.pos[id]
	return ok
}

// Actor returns the actor with the ID. The returned value shares its slices
// and map with the network: treat them as read-only and use UpdateActor to
// change an actor.
func (n *Network) Actor(id string) (Actor, bool) {
	i, ok := n.pos[id]
	if !ok {
		return Actor{}, false
	}
	return n.actors[i], true
}

// Index returns the position of the actor in insertion order (0-based), the
// node ID it has in a view that keeps every actor.
func (n *Network) Index(id string) (int, bool) {
	i, ok := n.pos[id]
	return i, ok
}

// Actors returns all actors in insertion order.
func (n *Network) Actors() []Actor {
	return append([]Actor(nil), n.actors...)
}

// ActorsOfKind returns the actors of kind k in insertion order.
func (n *Network) ActorsOfKind(k Kind) []Actor {
	var out []Actor
	for _, a := range n.actors {
		if a.Kind == k {
			out = append(out, a)
		}
	}
	return out
}

// ActorsInSector returns the actors that belong to sector s (by kind or by
// an extra tag), in insertion order.
func (n *Network) ActorsInSector(s Sector) []Actor {
	var out []Actor
	for _, a := range n.actors {
		if a.InSector(s) {
			out = append(out, a)
		}
	}
	return out
}

// AddLink adds a link and returns its ID. It fails if an end is not an
// actor of the network (a dangling link), a field or attribute is invalid,
// or the network already holds 2³¹-1 links. The ID field of l is ignored.
func (n *Network) AddLink(l Link) (LinkID, error) {
	n.init()
	l, err := n.checkLink(l)
	if err != nil {
		return 0, err
	}
	j := len(n.links)
	if j >= maxLinks {
		return 0, fmt.Errorf("link %q -> %q: the network already holds the most links it can (%d)", l.From, l.To, maxLinks)
	}
	l.ID = n.nextID
	n.nextID++
	n.links = append(n.links, l)
	if n.linkPos != nil {
		n.linkPos[l.ID] = j
	}
	f, t := n.pos[l.From], n.pos[l.To]
	n.out[f] = append(n.out[f], int32(j))
	n.in[t] = append(n.in[t], int32(j))
	return l.ID, nil
}

func (n *Network) checkLink(l Link) (Link, error) {
	l, err := l.normalized()
	if err != nil {
		return Link{}, err
	}
	for _, id := range []string{l.From, l.To} {
		if _, ok := n.pos[id]; !ok {
			return Link{}, fmt.Errorf("link %q -> %q: dangling: no actor with id %q", l.From, l.To, id)
		}
	}
	return l, nil
}

// UpdateLink replaces the link with the given ID, keeping its ID and its
// position in link order.
func (n *Network) UpdateLink(id LinkID, l Link) error {
	j, ok := n.linkIndex(id)
	if !ok {
		return fmt.Errorf("no link with id %d", id)
	}
	l, err := n.checkLink(l)
	if err != nil {
		return err
	}
	l.ID = id
	old := n.links[j]
	n.links[j] = l
	if old.From != l.From || old.To != l.To {
		n.reindex()
	}
	return nil
}

// RemoveLink removes the link with the given ID.
func (n *Network) RemoveLink(id LinkID) error {
	j, ok := n.linkIndex(id)
	if !ok {
		return fmt.Errorf("no link with id %d", id)
	}
	n.links = append(n.links[:j], n.links[j+1:]...)
	n.reindex()
	return nil
}

// Link returns the link with the given ID. As with Actor, treat its
// attribute map as read-only.
func (n *Network) Link(id LinkID) (Link, bool) {
	j, ok := n.linkIndex(id)
	if !ok {
		return Link{}, false
	}
	return n.links[j], true
}

// Links returns all links in insertion order, as a copy.
func (n *Network) Links() []Link {
	return append([]Link(nil), n.links...)
}

// LinksSeq yields the links in insertion order without copying them all,
// for a pass over a large network. The network must not change while the
// sequence is being iterated.
func (n *Network) LinksSeq() iter.Seq[Link] {
	return func(yield func(Link) bool) {
		for _, l := range n.links {
			if !yield(l) {
				return
			}
		}
	}
}

// LinksOfElement returns the links of element e in insertion order.
func (n *Network) LinksOfElement(e Element) []Link {
	var out []Link
	for _, l := range n.links {
		if l.Element == e {
			out = append(out, l)
		}
	}
	return out
}

// LinksOf returns the links that touch the actor, in insertion order.
func (n *Network) LinksOf(id string) []Link {
	i, ok := n.pos[id]
	if !ok {
		return nil
	}
	return n.pick(mergeSorted(n.out[i], n.in[i]))
}

// LinksFrom returns the links that leave the actor, in insertion order.
// Mutual links count in both directions, so a mutual link into the actor is
// included too.
func (n *Network) LinksFrom(id string) []Link {
	i, ok := n.pos[id]
	if !ok {
		return nil
	}
	var js []int32
	for _, j := range mergeSorted(n.out[i], n.in[i]) {
		if l := n.links[j]; l.From == id || l.Mutual {
			js = append(js, j)
		}
	}
	return n.pick(js)
}

// LinksBetween returns the links joining a and b in either direction, in
// insertion order.
func (n *Network) LinksBetween(a, b string) []Link {
	i, ok := n.pos[a]
	if !ok {
		return nil
	}
	// Scan the links of the less connected end.
	if k, ok := n.pos[b]; ok && len(n.out[k])+len(n.in[k]) < len(n.out[i])+len(n.in[i]) {
		i = k
	}
	var js []int32
	for _, j := range mergeSorted(n.out[i], n.in[i]) {
		if l := n.links[j]; (l.From == a && l.To == b) || (l.From == b && l.To == a) {
			js = append(js, j)
		}
	}
	return n.pick(js)
}

// Neighbours returns the IDs of the actors joined to the actor by any link,
// in either direction, in actor insertion order and without repeats. The
// actor itself is included only if it has a self-link.
func (n *Network) Neighbours(id string) []string {
	return n.neighbours(id, true, true)
}

// Successors returns the actors the actor has links to (following Mutual
// links both ways), in actor insertion order.
func (n *Network) Successors(id string) []string {
	return n.neighbours(id, true, false)
}

// Predecessors returns the actors that have links to the actor (following
// Mutual links both ways), in actor insertion order.
func (n *Network) Predecessors(id string) []string {
	return n.neighbours(id, false, true)
}

func (n *Network) neighbours(id string, out, in bool) []string {
	i, ok := n.pos[id]
	if !ok {
		return nil
	}
	mark := map[int]bool{}
	for _, j := range n.out[i] {
		if l := n.links[j]; out || l.Mutual {
			mark[n.pos[l.To]] = true
		}
	}
	for _, j := range n.in[i] {
		if l := n.links[j]; in || l.Mutual {
			mark[n.pos[l.From]] = true
		}
	}
	var ids []string
	for k := range n.actors { // actor order, not map order
		if mark[k] {
			ids = append(ids, n.actors[k].ID)
		}
	}
	return ids
}

func (n *Network) pick(js []int32) []Link {
	out := make([]Link, len(js))
	for k, j := range js {
		out[k] = n.links[j]
	}
	return out
}

// mergeSorted merges two increasing index lists, dropping repeats (a
// self-link appears in both).
func mergeSorted(a, b []int32) []int32 {
	out := make([]int32, 0, len(a)+len(b))
	for len(a) > 0 || len(b) > 0 {
		switch {
		case len(b) == 0 || (len(a) > 0 && a[0] < b[0]):
			out, a = append(out, a[0]), a[1:]
		case len(a) == 0 || b[0] < a[0]:
			out, b = append(out, b[0]), b[1:]
		default:
			out, a, b = append(out, a[0]), a[1:], b[1:]
		}
	}
	return out
}

// SetInfo sets the network's name, description and attributes, validating
// the attributes.
func (n *Network) SetInfo(name, description string, attrs Attributes) error {
	if !utf8.ValidString(name) || !utf8.ValidString(description) {
		return fmt.Errorf("network name or description is not valid UTF-8")
	}
	a, err := attrs.normalized(reservedNetworkKeys[:])
	if err != nil {
		return fmt.Errorf("network: %v", err)
	}
	n.Name, n.Description, n.Attributes = name, description, a
	return nil
}

// Subnetwork returns a new network with the network's name, description
// and attributes, the actors keepActor accepts and the links between them
// that keepLink accepts, in the same order (a nil function accepts all).
// Link IDs are those of the copy: 0, 1, … in order.
func (n *Network) Subnetwork(keepActor func(Actor) bool, keepLink func(Link) bool) (*Network, error) {
	out := New(n.Name)
	if err := out.SetInfo(n.Name, n.Description, n.Attributes); err != nil {
		return nil, err
	}
	for _, a := range n.Actors() {
		if keepActor == nil || keepActor(a) {
			if err := out.AddActor(a); err != nil {
				return nil, err
			}
		}
	}
	for l := range n.LinksSeq() {
		if out.HasActor(l.From) && out.HasActor(l.To) && (keepLink == nil || keepLink(l)) {
			if _, err := out.AddLink(l); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// Touched returns the subnetwork of the actors that some link kept by
// view touches (both of its ends kept by the view, self-links aside), with
// every link among them: the actors present in a phase or a time window
// of a dataset, with their ties, for a view to select from again.
func (n *Network) Touched(view ViewOptions) (*Network, error) {
	touched := map[string]bool{}
	for l := range n.LinksSeq() {
		if l.From == l.To || !view.KeepsLink(l) {
			continue
		}
		from, _ := n.Actor(l.From)
		to, _ := n.Actor(l.To)
		if view.KeepsActor(from) && view.KeepsActor(to) {
			touched[l.From], touched[l.To] = true, true
		}
	}
	return n.Subnetwork(func(a Actor) bool { return touched[a.ID] }, nil)
}
