package network

import (
	"fmt"
	"slices"
	"strings"
)

// Project returns the one-mode projection of a two-mode (affiliation)
// network, such as persons × meetings: the actors whose attribute key has
// the text value (Attributes.Text) are kept, in actor order, and two of
// them are tied when they share a neighbour, an actor of the other mode.
// The tie's weight is the number of shared neighbours, as NetworkX's
// bipartite.weighted_projected_graph; link directions are ignored. Each
// tie is one Mutual association link from the earlier to the later actor
// in actor order, the links ordered by their first and then second actor,
// with the attribute "shared" listing the shared neighbours' IDs,
// ";"-joined in actor order. The other fields of the original links
// (elements, types, dates, grades, sources) do not carry over to the
// projected ties.
//
// The projection is defined only for a two-mode network by that
// attribute: it is an error if no actor or every actor is kept, or if a
// link joins two kept actors or two actors of the other mode (the error
// names the link). Self-links are ignored. The result keeps the network's
// name, description and attributes.
func Project(n *Network, key, value string) (*Network, error) {
	kept := make([]bool, n.NumActors())
	count := 0
	for i, a := range n.actors {
		if v, ok := a.Attributes.Text(key); ok && v == value {
			kept[i] = true
			count++
		}
	}
	switch {
	case count == 0:
		return nil, fmt.Errorf("projection on %s=%s: no actor has attribute %q equal to %q%s", key, value, key, value, attributeHint(n, key))
	case count == n.NumActors():
		return nil, fmt.Errorf("projection on %s=%s: every actor has it, so there is no other mode to project through", key, value)
	}
	// shared[u] maps each kept actor v > u to the shared neighbours.
	events := make([][]int, n.NumActors()) // other-mode actor -> kept neighbours, sorted, unique
	for _, l := range n.links {
		f, t := n.pos[l.From], n.pos[l.To]
		if f == t {
			continue
		}
		if kept[f] == kept[t] {
			mode := "kept"
			if !kept[f] {
				mode = "other-mode"
			}
			return nil, fmt.Errorf("projection on %s=%s: link %d (%q -> %q) joins two %s actors; the network is not two-mode by %q", key, value, l.ID, l.From, l.To, mode, key)
		}
		p, e := f, t
		if !kept[p] {
			p, e = t, f
		}
		events[e] = append(events[e], p)
	}
	type pair struct{ u, v int }
	shared := map[pair][]int{}
	for e, ps := range events {
		slices.Sort(ps)
		ps = slices.Compact(ps)
		for i, u := range ps {
			for _, v := range ps[i+1:] {
				shared[pair{u, v}] = append(shared[pair{u, v}], e)
			}
		}
	}
	pairs := make([]pair, 0, len(shared))
	for p := range shared {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		if a.u != b.u {
			return a.u - b.u
		}
		return a.v - b.v
	})
	out := New(n.Name)
	out.Description, out.Attributes = n.Description, n.Attributes
	for i, a := range n.actors {
		if kept[i] {
			if err := out.AddActor(a); err != nil {
				return nil, err
			}
		}
	}
	for _, p := range pairs {
		es := shared[p]
		ids := make([]string, len(es))
		for i, e := range es {
			ids[i] = n.actors[e].ID
		}
		l := Link{From: n.actors[p.u].ID, To: n.actors[p.v].ID, Mutual: true, Weight: float64(len(es)),
			Attributes: Attributes{"shared": strings.Join(ids, ";")}}
		if _, err := out.AddLink(l); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// attributeHint lists the values an attribute takes, or the attribute keys
// the actors have, for an error message.
func attributeHint(n *Network, key string) string {
	values := map[string]bool{}
	keys := map[string]bool{}
	for _, a := range n.actors {
		if v, ok := a.Attributes.Text(key); ok {
			values[v] = true
		}
		for k := range a.Attributes {
			keys[k] = true
		}
	}
	if len(values) > 0 {
		return fmt.Sprintf(" (its values: %s)", sortedJoin(values, 10))
	}
	if len(keys) == 0 {
		return "; the actors have no attributes"
	}
	return fmt.Sprintf("; no actor has attribute %q (attributes: %s)", key, sortedJoin(keys, 10))
}

func sortedJoin(set map[string]bool, max int) string {
	list := make([]string, 0, len(set))
	for k := range set {
		list = append(list, k)
	}
	slices.Sort(list)
	if len(list) > max {
		return strings.Join(list[:max], ", ") + fmt.Sprintf(", … (%d in all)", len(list))
	}
	return strings.Join(list, ", ")
}

// TwoMode reports whether the network looks like a two-mode (affiliation)
// network analysed as one-mode: an actor attribute with exactly two
// values, held by every actor, such that every link (self-links aside)
// joins actors of different values. It returns the first such attribute
// in sorted key order and its two values in order of first appearance,
// for a message suggesting Project. A network without links is never
// two-mode.
func TwoMode(n *Network) (key string, values [2]string, ok bool) {
	if n.NumLinks() == 0 || n.NumActors() == 0 {
		return "", values, false
	}
	keys := n.actors[0].Attributes.Keys()
	for _, k := range keys {
		var vals []string
		text := make([]string, n.NumActors())
		good := true
		for i, a := range n.actors {
			v, has := a.Attributes.Text(k)
			if !has {
				good = false
				break
			}
			text[i] = v
			if !slices.Contains(vals, v) {
				if vals = append(vals, v); len(vals) > 2 {
					good = false
					break
				}
			}
		}
		if !good || len(vals) != 2 {
			continue
		}
		links := 0
		for _, l := range n.links {
			f, t := n.pos[l.From], n.pos[l.To]
			if f == t {
				continue
			}
			if text[f] == text[t] {
				good = false
				break
			}
			links++
		}
		if good && links > 0 {
			return k, [2]string{vals[0], vals[1]}, true
		}
	}
	return "", values, false
}
