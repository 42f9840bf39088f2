package network

import (
	"fmt"
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
// Index, Link) cost O(1) apart from validating the record; RemoveActor,
// RemoveLink and UpdateLink rebuild the indexes and cost O(actors + links).
// LinksOf, LinksFrom and LinksBetween cost O(degree) of the (first) actor;
// Neighbours, Successors and Predecessors O(degree + actors); Actors, Links
// and the filters ActorsOfKind, ActorsInSector and LinksOfElement scan the
// whole network.
type Network struct {
	// Name and Description describe the network as a whole.
	Name, Description string
	// Attributes are free, typed attributes of the network (source, period, …).
	Attributes Attributes

	actors  []Actor
	pos     map[string]int // actor ID -> index in actors
	links   []Link
	linkPos map[LinkID]int // link ID -> index in links
	nextID  LinkID
	out     [][]int // actor index -> indices in links of links leaving it
	in      [][]int // actor index -> indices in links of links entering it
}

// New returns an empty network with the given name.
func New(name string) *Network {
	return &Network{Name: name, pos: map[string]int{}, linkPos: map[LinkID]int{}}
}

func (n *Network) init() {
	if n.pos == nil {
		n.pos = map[string]int{}
		n.linkPos = map[LinkID]int{}
	}
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
	n.linkPos = make(map[LinkID]int, len(n.links))
	n.out = make([][]int, len(n.actors))
	n.in = make([][]int, len(n.actors))
	for j, l := range n.links {
		n.linkPos[l.ID] = j
		f, t := n.pos[l.From], n.pos[l.To]
		n.out[f] = append(n.out[f], j)
		n.in[t] = append(n.in[t], j)
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
// actor of the network (a dangling link) or a field or attribute is invalid.
// The ID field of l is ignored.
func (n *Network) AddLink(l Link) (LinkID, error) {
	n.init()
	l, err := n.checkLink(l)
	if err != nil {
		return 0, err
	}
	l.ID = n.nextID
	n.nextID++
	j := len(n.links)
	n.links = append(n.links, l)
	n.linkPos[l.ID] = j
	f, t := n.pos[l.From], n.pos[l.To]
	n.out[f] = append(n.out[f], j)
	n.in[t] = append(n.in[t], j)
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
	j, ok := n.linkPos[id]
	if !ok {
		return fmt.Errorf("no link with id %d", id)
	}
	l, err := n.checkLink(l)
	if err != nil {
		return err
	}
	l.ID = id
	n.links[j] = l
	n.reindex()
	return nil
}

// RemoveLink removes the link with the given ID.
func (n *Network) RemoveLink(id LinkID) error {
	j, ok := n.linkPos[id]
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
	j, ok := n.linkPos[id]
	if !ok {
		return Link{}, false
	}
	return n.links[j], true
}

// Links returns all links in insertion order.
func (n *Network) Links() []Link {
	return append([]Link(nil), n.links...)
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
	var js []int
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
	var js []int
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

func (n *Network) pick(js []int) []Link {
	out := make([]Link, len(js))
	for k, j := range js {
		out[k] = n.links[j]
	}
	return out
}

// mergeSorted merges two increasing index lists, dropping repeats (a
// self-link appears in both).
func mergeSorted(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
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
