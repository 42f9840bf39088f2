package fuse

import (
	"fmt"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network"
)

// build makes the fused network from the clusters.
func (f *fusion) build() error {
	var roots []int
	for i := range f.recs {
		if f.find(i) == i {
			roots = append(roots, i) // the root is the cluster's first record
		}
	}
	f.ids = make([]string, len(f.recs))
	used := map[string]bool{}
	out := network.New(f.networkName())
	attrs := network.Attributes{}
	var desc []string
	for _, s := range f.sources {
		desc = append(desc, fmt.Sprintf("%s (%q, %d actors, %d links)", s.Name, s.Network.Name, s.Network.NumActors(), s.Network.NumLinks()))
		for k, v := range s.Network.Attributes {
			attrs[s.Name+"."+k] = v
		}
		if s.Network.Description != "" {
			attrs[s.Name+".description"] = s.Network.Description
		}
	}
	if err := out.SetInfo(out.Name, "fused from "+strings.Join(desc, ", "), attrs); err != nil {
		return fmt.Errorf("fuse: network attributes: %w", err)
	}
	out.Grow(len(roots), 0)
	for _, root := range roots {
		members := slices.Clone(f.members[root])
		slices.Sort(members)
		a, cl, cs := f.merge(members)
		a.ID = f.uniqueID(a.ID, members[0], used)
		used[a.ID] = true
		cl.ID = a.ID
		for i := range cs {
			cs[i].Actor = a.ID
		}
		for _, m := range members {
			f.ids[m] = a.ID
		}
		if len(cs) > 0 {
			a.Attributes[ContradictionsKey] = encodeContradictions(cs)
		}
		if err := out.AddActor(a); err != nil {
			return fmt.Errorf("fuse: fused actor %q: %w", a.ID, err)
		}
		f.clusters = append(f.clusters, cl)
		f.contra = append(f.contra, cs...)
	}
	total := 0
	for _, s := range f.sources {
		total += s.Network.NumLinks()
	}
	out.Grow(0, total)
	for si, s := range f.sources {
		for l := range s.Network.LinksSeq() {
			l.From = f.ids[f.byRef[Ref{s.Name, l.From}]]
			l.To = f.ids[f.byRef[Ref{s.Name, l.To}]]
			if l.Source == "" {
				l.Source = s.Name
			}
			if _, ok := l.Attributes[SourceKey]; !ok {
				attrs := make(network.Attributes, len(l.Attributes)+1)
				for k, v := range l.Attributes {
					attrs[k] = v
				}
				attrs[SourceKey] = f.sources[si].Name
				l.Attributes = attrs
			}
			if _, err := out.AddLink(l); err != nil {
				return fmt.Errorf("fuse: link of source %q: %w", s.Name, err)
			}
		}
	}
	f.out = out
	return nil
}

func (f *fusion) networkName() string {
	names := make([]string, len(f.sources))
	for i, s := range f.sources {
		names[i] = s.Name
	}
	return "fused: " + strings.Join(names, " + ")
}

// uniqueID returns id, or if an earlier fused actor took it
// source:id of the cluster's first record, then that with #2, #3, ….
func (f *fusion) uniqueID(id string, first int, used map[string]bool) string {
	if !used[id] {
		return id
	}
	alt := f.sources[f.recs[first].src].Name + ":" + id
	if !used[alt] {
		return alt
	}
	for k := 2; ; k++ {
		if c := fmt.Sprintf("%s#%d", alt, k); !used[c] {
			return c
		}
	}
}

// merge makes the fused actor of a cluster's records (in record order).
func (f *fusion) merge(members []int) (network.Actor, Cluster, []Contradiction) {
	first := &f.recs[members[0]]
	a := network.Actor{ID: first.actor.ID, Attributes: network.Attributes{}}
	var cl Cluster
	var cs []Contradiction
	// Name: the most frequent main name; among equally frequent ones,
	// the one most similar to the other records' main names (the
	// medoid, which passes over a typo in one source), then the earliest.
	count := map[string]int{}
	for _, m := range members {
		if n := f.recs[m].actor.Name; n != "" {
			count[n]++
		}
	}
	best, bestCount, bestSim := "", 0, -1.0
	for _, m := range members {
		r := &f.recs[m]
		n := r.actor.Name
		if n == "" || count[n] < bestCount {
			continue
		}
		sim := 0.0
		for _, o := range members {
			if or := &f.recs[o]; o != m && or.actor.Name != "" {
				sim += nameSimilarity(&r.names[0], &or.names[0])
			}
		}
		if count[n] > bestCount || sim > bestSim {
			best, bestCount, bestSim = n, count[n], sim
		}
	}
	a.Name = best
	seenAlias := map[string]bool{best: true}
	addAlias := func(s string) {
		if s != "" && !seenAlias[s] {
			seenAlias[s] = true
			a.Aliases = append(a.Aliases, s)
		}
	}
	for _, m := range members {
		r := &f.recs[m]
		addAlias(r.actor.Name)
		for _, al := range r.actor.Aliases {
			addAlias(al)
		}
		cl.Records = append(cl.Records, r.prov...)
		cs = append(cs, r.contra...)
	}
	// Kind: the first known; a different known kind is a contradiction.
	var kinds []RecordedValue
	for _, m := range members {
		if k := f.recs[m].actor.Kind; k != network.KindUnknown {
			kinds = append(kinds, RecordedValue{Record: f.record(m), Value: k.String()})
			if a.Kind == network.KindUnknown {
				a.Kind = k
			}
		}
	}
	if differ(kinds) {
		cs = append(cs, Contradiction{Field: "kind", Values: kinds, Kept: kinds[0].Value})
	}
	// Sectors: the extra tags of the first record that has any; records
	// whose sectors differ are a contradiction.
	var sectors []RecordedValue
	tagged := false
	for _, m := range members {
		r := &f.recs[m]
		if len(r.sectors) > 0 {
			sectors = append(sectors, RecordedValue{Record: f.record(m), Value: joinSectors(sortedSectors(r.sectors))})
		}
		if !tagged && len(r.actor.Sectors) > 0 {
			tagged = true
			for _, s := range r.actor.Sectors {
				if s != a.Kind.Sector() {
					a.Sectors = append(a.Sectors, s)
				}
			}
		}
	}
	if differ(sectors) {
		cs = append(cs, Contradiction{Field: "sectors", Values: sectors, Kept: joinSectors(sortedSectors(a.AllSectors()))})
	}
	// Attributes: the union; the first value kept on a conflict.
	var keys []string
	values := map[string][]RecordedValue{}
	for _, m := range members {
		r := &f.recs[m]
		for _, k := range r.actor.Attributes.Keys() {
			if k == RecordsKey || k == ContradictionsKey {
				continue
			}
			if _, ok := a.Attributes[k]; !ok {
				a.Attributes[k] = r.actor.Attributes[k]
				keys = append(keys, k)
			}
			text, _ := r.actor.Attributes.Text(k)
			values[k] = append(values[k], RecordedValue{Record: f.record(m), Value: text})
		}
	}
	for _, k := range keys {
		if differDates(values[k]) {
			cs = append(cs, Contradiction{Field: k, Values: values[k], Kept: values[k][0].Value})
		}
	}
	a.Attributes[RecordsKey] = EncodeRecords(cl.Records)
	return a, cl, cs
}

func differ(vs []RecordedValue) bool {
	for _, v := range vs[min(1, len(vs)):] {
		if v.Value != vs[0].Value {
			return true
		}
	}
	return false
}

// differDates is differ where a date that contains another ("1968",
// "1968-09-01") is no disagreement: it only gives less precision.
func differDates(vs []RecordedValue) bool {
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			a, b := vs[i].Value, vs[j].Value
			if a != b && !(coarseDate(a, b) && isDate(a) && isDate(b)) {
				return true
			}
		}
	}
	return false
}

func isDate(s string) bool {
	d, err := network.ParseDate(s)
	return err == nil && !d.IsZero()
}

func sortedSectors(s []network.Sector) []network.Sector {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
