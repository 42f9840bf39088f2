package assess

import (
	"cmp"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network/analysis"
)

// Overlap is the shared coverage of two bodies.
type Overlap struct {
	// A and B are the bodies, A before B in actor order.
	A, B string
	// Shared are the actors both cover, in actor order.
	Shared []string
	// Union is the number of actors either covers.
	Union int
	// Share is the Jaccard index |A ∩ B| / |A ∪ B|, in [0, 1].
	Share float64
}

// Overlaps returns every pair of bodies that cover at least one actor in
// common, with the Jaccard index of their coverage, by decreasing share,
// ties in the actor order of A and then of B.
func Overlaps(cov CoverageResult) []Overlap {
	var out []Overlap
	for i, a := range cov.Bodies {
		in := map[string]bool{}
		for _, t := range a.Targets {
			in[t.Actor] = true
		}
		for _, b := range cov.Bodies[i+1:] {
			var shared []string
			for _, t := range b.Targets {
				if in[t.Actor] {
					shared = append(shared, t.Actor)
				}
			}
			if len(shared) == 0 {
				continue
			}
			union := len(a.Targets) + len(b.Targets) - len(shared)
			out = append(out, Overlap{A: a.Body, B: b.Body, Shared: shared, Union: union,
				Share: float64(len(shared)) / float64(union)})
		}
	}
	slices.SortStableFunc(out, func(x, y Overlap) int { return cmp.Compare(y.Share, x.Share) })
	return out
}

// Duplicate is a group of two bodies or more covering the same actors.
type Duplicate struct {
	// Bodies are the bodies, in actor order.
	Bodies []string
	// Targets are the actors covered by exactly these bodies, in actor order.
	Targets []string
}

// Duplicates groups the actors covered by two bodies or more by the set of
// bodies covering them: each group says which bodies duplicate each other
// on which actors. Groups are ordered by decreasing number of bodies, then
// by decreasing number of targets, then by their first target's actor
// order.
func Duplicates(cov CoverageResult) []Duplicate {
	var out []Duplicate
	index := map[string]int{}
	for _, id := range cov.Covered {
		bodies := cov.covered[id]
		if len(bodies) < 2 {
			continue
		}
		key := strings.Join(bodies, "\x00")
		k, ok := index[key]
		if !ok {
			k = len(out)
			index[key] = k
			out = append(out, Duplicate{Bodies: slices.Clone(bodies)})
		}
		out[k].Targets = append(out[k].Targets, id)
	}
	slices.SortStableFunc(out, func(x, y Duplicate) int {
		if c := cmp.Compare(len(y.Bodies), len(x.Bodies)); c != 0 {
			return c
		}
		return cmp.Compare(len(y.Targets), len(x.Targets))
	})
	return out
}

// WeakBody is a body that covers actors but has an element rated Limited
// or Insufficient: reach without the means to act on it.
type WeakBody struct {
	// Body is its ID.
	Body string
	// Covered is the number of actors it covers.
	Covered int
	// Elements are its elements rated Limited or Insufficient, in element
	// order, and Ratings their ratings.
	Elements []Element
	Ratings  []Rating
}

// Weak returns the bodies with coverage (at least one actor) and at least
// one element rated Limited or Insufficient, in actor order. Unclear is not
// weak: it is the absence of evidence.
func Weak(bodies []Body, cov CoverageResult) []WeakBody {
	var out []WeakBody
	for _, b := range bodies {
		c, _ := cov.Of(b.ID)
		els := b.WeakElements()
		if len(c.Targets) == 0 || len(els) == 0 {
			continue
		}
		w := WeakBody{Body: b.ID, Covered: len(c.Targets), Elements: els}
		for _, e := range els {
			w.Ratings = append(w.Ratings, b.Ratings[e])
		}
		out = append(out, w)
	}
	return out
}

// Broker is a counter body whose loss splits the counter network.
type Broker struct {
	// Body is its ID.
	Body string
	// Parts is the number of components of the counter network without it.
	Parts int
}

// StructureResult is the counter network's own structure.
type StructureResult struct {
	// Bodies are the counter bodies, in actor order.
	Bodies []string
	// Components are its connected components, each in actor order,
	// ordered by their first body.
	Components [][]string
	// Connected reports whether it has one component (and a body at least).
	Connected bool
	// Brokers are its articulation points — the bodies whose removal
	// leaves more components than there were — in actor order.
	Brokers []Broker
}

// Structure returns the structure of the counter network: the counter
// bodies of the scope and the links the scope keeps between two of them,
// of any type and either direction (partners_with, coordinates_with,
// funds, …). The brokers are its articulation points (Hopcroft & Tarjan
// 1973), found by removing each body in turn: removing one splits the
// counter network into Parts components.
func Structure(s *analysis.Scope) StructureResult {
	var res StructureResult
	idx := map[string]int{}
	for i := range s.Len() {
		if a := s.Actor(i); IsCounter(a) {
			idx[a.ID] = len(res.Bodies)
			res.Bodies = append(res.Bodies, a.ID)
		}
	}
	nb := make([][]int, len(res.Bodies))
	for l := range s.Network().LinksSeq() {
		f, okf := idx[l.From]
		t, okt := idx[l.To]
		if okf && okt && f != t && s.Keeps(l) {
			nb[f] = append(nb[f], t)
			nb[t] = append(nb[t], f)
		}
	}
	comps := components(nb, -1)
	for _, c := range comps {
		ids := make([]string, len(c))
		for i, v := range c {
			ids[i] = res.Bodies[v]
		}
		res.Components = append(res.Components, ids)
	}
	res.Connected = len(comps) == 1
	for v := range res.Bodies {
		if parts := len(components(nb, v)); parts > len(comps) {
			res.Brokers = append(res.Brokers, Broker{Body: res.Bodies[v], Parts: parts})
		}
	}
	return res
}

// components returns the components of the graph without vertex skip,
// each increasing, ordered by their least vertex.
func components(nb [][]int, skip int) [][]int {
	seen := make([]bool, len(nb))
	var out [][]int
	for v := range nb {
		if v == skip || seen[v] {
			continue
		}
		seen[v] = true
		c := []int{v}
		for q := []int{v}; len(q) > 0; q = q[1:] {
			for _, w := range nb[q[0]] {
				if w != skip && !seen[w] {
					seen[w] = true
					c = append(c, w)
					q = append(q, w)
				}
			}
		}
		slices.Sort(c)
		out = append(out, c)
	}
	return out
}
