package fuse

import (
	"fmt"
	"slices"
	"strings"
)

// relational adds the neighbour evidence (Model.Neighbours) to the
// compared pairs that the first clustering left in two clusters, with a
// weight of at least CannotAt and no override, and clusters again; it
// repeats, the evidence taken from the clusters before each round,
// until the clusters do not change or RelationalRounds rounds.
func (f *fusion) relational(ovr map[pairKey]Override) error {
	if !f.model.Neighbours.On() || len(f.decisions) == 0 {
		return nil
	}
	var elig []int
	for k := range f.decisions {
		p := f.pairs[k]
		i, j := unPair(p)
		if _, ok := ovr[p]; ok || f.decisions[k].Weight < f.opts.CannotAt || f.find(i) == f.find(j) {
			continue
		}
		elig = append(elig, k)
	}
	if len(elig) == 0 {
		return nil
	}
	f.buildNeighbours()
	base := make([]float64, len(elig))
	nf := make([]int, len(elig))
	for x, k := range elig {
		base[x], nf[x] = f.decisions[k].Weight, len(f.decisions[k].Fields)
	}
	added := make([]bool, len(elig))
	prev := f.roots()
	for round := 1; round <= RelationalRounds; round++ {
		nc := f.neighbourClusters(prev)
		f.parallel(len(elig), func(x int) {
			k := elig[x]
			d := &f.decisions[k]
			i, j := unPair(f.pairs[k])
			d.Weight, d.Fields, added[x] = base[x], d.Fields[:nf[x]], false
			if fl, ok := f.neighbourField(i, j, prev, nc); ok {
				d.Weight += fl.Weight
				d.Fields = append(d.Fields, fl)
				added[x] = true
			}
		})
		f.stats.Relational = 0
		for x, k := range elig {
			f.weights[f.pairs[k]] = f.decisions[k].Weight
			if added[x] {
				f.stats.Relational++
			}
		}
		if err := f.cluster(ovr); err != nil {
			return err
		}
		f.stats.Rounds = round
		cur := f.roots()
		if slices.Equal(cur, prev) {
			break
		}
		prev = cur
	}
	return nil
}

// buildNeighbours sets f.nbrs: for every record, the other records of
// its source joined to it by any link, in record order.
func (f *fusion) buildNeighbours() {
	f.nbrs = make([][]int32, len(f.recs))
	for _, s := range f.sources {
		for l := range s.Network.LinksSeq() {
			a, b := f.byRef[Ref{s.Name, l.From}], f.byRef[Ref{s.Name, l.To}]
			if a == b {
				continue
			}
			f.nbrs[a] = append(f.nbrs[a], int32(b))
			f.nbrs[b] = append(f.nbrs[b], int32(a))
		}
	}
	for i, ns := range f.nbrs {
		slices.Sort(ns)
		f.nbrs[i] = slices.Compact(ns)
	}
}

// roots returns the cluster (its root record) of every record.
func (f *fusion) roots() []int32 {
	out := make([]int32, len(f.recs))
	for i := range out {
		out[i] = int32(f.find(i))
	}
	return out
}

// neighbourClusters returns, for every record, the sorted clusters of
// its neighbours.
func (f *fusion) neighbourClusters(root []int32) [][]int32 {
	out := make([][]int32, len(f.nbrs))
	for i, ns := range f.nbrs {
		if len(ns) == 0 {
			continue
		}
		cs := make([]int32, len(ns))
		for k, n := range ns {
			cs[k] = root[n]
		}
		slices.Sort(cs)
		out[i] = slices.Compact(cs)
	}
	return out
}

// neighbourField compares the neighbour clusters of records i and j,
// their own two clusters left out: two or more shared, one shared, or
// none while both have two or more; otherwise it is not compared.
func (f *fusion) neighbourField(i, j int, root []int32, nc [][]int32) (Field, bool) {
	ci, cj := root[i], root[j]
	own := func(c int32) bool { return c == ci || c == cj }
	a, b := nc[i], nc[j]
	var shared []int32
	na, nb := 0, 0
	for x, y := 0, 0; x < len(a) || y < len(b); {
		switch {
		case y == len(b) || x < len(a) && a[x] < b[y]:
			if !own(a[x]) {
				na++
			}
			x++
		case x == len(a) || b[y] < a[x]:
			if !own(b[y]) {
				nb++
			}
			y++
		default:
			if !own(a[x]) {
				na++
				nb++
				shared = append(shared, a[x])
			}
			x++
			y++
		}
	}
	nl := &f.model.Neighbours
	var l Level
	var outcome string
	overlap := 0.0
	if len(shared) > 0 {
		overlap = float64(len(shared)) / float64(na+nb-len(shared))
	}
	switch {
	case len(shared) >= 2 && overlap >= nl.MinOverlap:
		l, outcome = nl.Strong, "strong"
	case len(shared) == 1 && overlap >= nl.MinOverlap:
		l, outcome = nl.Weak, "weak"
	case len(shared) > 0:
		l, outcome = nl.Diluted, "diluted"
	case na >= 2 && nb >= 2:
		l, outcome = nl.None, "none shared"
	default:
		return Field{}, false
	}
	// The values: the shared contacts (as record i's source names them)
	// and the numbers of neighbour clusters of each side.
	var names []string
	for _, c := range shared {
		for _, n := range f.nbrs[i] {
			if root[n] == c {
				names = append(names, f.recs[n].names[0].raw)
				break
			}
		}
	}
	v := fmt.Sprintf("%d | %d, overlap %.2f", na, nb, overlap)
	if len(names) > 5 {
		names = append(names[:5], "…")
	}
	if len(names) > 0 {
		v = strings.Join(names, "; ") + " (of " + v + ")"
	}
	return Field{Field: "neighbours", Outcome: outcome, Values: v, Weight: l.Agree()}, true
}
