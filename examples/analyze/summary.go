package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/measure"
)

const summaryHelp = `usage: analyze summary -in FILE [flags]

Prints what the network holds: counts over the whole network (actors by
sector and kind, links by element and type, grading, dates), then the
graph of the links the scope flags keep, read as undirected: edges,
density, the sizes of the -top largest components and the -top actors
by degree, by name.
`

func summaryCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("summary", summaryHelp, stderr, false, 5, "top actors by degree and largest components listed")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	return summarize(stdout, s, out.top)
}

// summarize prints a plain-text overview of the network of the scope and of
// the scope's graph.
func summarize(w io.Writer, s *analysis.Scope, top int) error {
	n := s.Network()
	name := n.Name
	if name == "" {
		name = "(unnamed)"
	}
	fmt.Fprintf(w, "network      %s\n", name)
	if n.Description != "" {
		fmt.Fprintf(w, "description  %s\n", n.Description)
	}
	actors := n.Actors()
	fmt.Fprintf(w, "actors       %d\n", len(actors))
	fmt.Fprintf(w, "links        %d\n", n.NumLinks())

	sectorCount := map[string]int{}
	kindCount := map[string]int{}
	hybrids := 0
	for _, a := range actors {
		secs := a.AllSectors()
		if len(secs) == 0 {
			sectorCount["(none)"]++
		}
		for _, s := range secs {
			sectorCount[s.String()]++
		}
		kindCount[a.Kind.String()]++
		if a.Hybrid() {
			hybrids++
		}
	}
	printCounts(w, "by sector", sectorCount)
	printCounts(w, "by kind", kindCount)
	fmt.Fprintf(w, "hybrid actors  %d\n", hybrids)

	elemCount := map[string]int{}
	typeCount := map[string]int{}
	mutual, graded, timed, self := 0, 0, 0, 0
	for l := range n.LinksSeq() {
		elemCount[l.Element.String()]++
		if l.Type != "" {
			typeCount[l.Type]++
		}
		if l.Mutual {
			mutual++
		}
		if !l.Grade.IsZero() {
			graded++
		}
		if !l.Start.IsZero() || !l.End.IsZero() {
			timed++
		}
		if l.From == l.To {
			self++
		}
	}
	printCounts(w, "links by element", elemCount)
	if len(typeCount) > 0 {
		printCounts(w, "links by type", typeCount)
	}
	fmt.Fprintf(w, "mutual links   %d\n", mutual)
	fmt.Fprintf(w, "graded links   %d\n", graded)
	fmt.Fprintf(w, "dated links    %d\n", timed)
	fmt.Fprintf(w, "self-links     %d\n", self)

	g := s.StrengthGraph().Undirected()
	nn := g.Len()
	density := 0.0
	if nn > 1 {
		density = 2 * float64(g.NumEdges()) / float64(nn*(nn-1))
	}
	cc := measure.Components(g)
	sizes := make([]int, len(cc))
	for i, c := range cc {
		sizes[i] = len(c)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(sizes)))
	what := "all links"
	if nn < n.NumActors() || s.View().NumLinks() < n.NumLinks() {
		what = fmt.Sprintf("%d actors and %d links kept by the scope", nn, s.View().NumLinks())
	}
	fmt.Fprintf(w, "\nundirected simple graph (%s, self-links dropped)\n", what)
	fmt.Fprintf(w, "  edges        %d\n", g.NumEdges())
	fmt.Fprintf(w, "  density      %.4f\n", density)
	if top > 0 && len(sizes) > top {
		fmt.Fprintf(w, "  components   %d, largest %v …\n", len(cc), sizes[:top])
	} else {
		fmt.Fprintf(w, "  components   %d %v\n", len(cc), sizes)
	}

	if top == 0 {
		top = nn
	}
	top = min(top, nn)
	if top > 0 {
		degree := make([]float64, nn)
		for i := range degree {
			degree[i] = float64(g.OutDegree(i))
		}
		fmt.Fprintf(w, "  top %d by degree\n", top)
		for _, d := range s.Scores(degree).Top(top) {
			a, _ := n.Actor(d.Actor)
			fmt.Fprintf(w, "    %-30s %d\n", a.Label(), int(d.Value))
		}
	}
	return nil
}

func printCounts(w io.Writer, title string, counts map[string]int) {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, counts[k])
	}
	fmt.Fprintf(w, "%-14s %s\n", title, strings.Join(parts, ", "))
}
