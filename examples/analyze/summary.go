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
by degree, by ID and name. With -json, the same as one JSON object.
`

func summaryCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("summary", summaryHelp, stderr, false, 5, "top actors by degree and largest components listed")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	sf.ignored(stderr, "summary", "summary describes the undirected, unweighted graph", "directed", "weights", "weighted")
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	sm := summarize(s, out.top)
	if out.json {
		return encodeJSON(stdout, sm)
	}
	return sm.writeText(stdout)
}

// summary is what summary prints, as text or JSON.
type summary struct {
	Network        string         `json:"network"`
	Description    string         `json:"description,omitempty"`
	Actors         int            `json:"actors"`
	Links          int            `json:"links"`
	BySector       map[string]int `json:"by_sector"`
	ByKind         map[string]int `json:"by_kind"`
	Hybrids        int            `json:"hybrid_actors"`
	ByElement      map[string]int `json:"links_by_element"`
	ByType         map[string]int `json:"links_by_type"`
	Mutual         int            `json:"mutual_links"`
	Graded         int            `json:"graded_links"`
	Dated          int            `json:"dated_links"`
	SelfLinks      int            `json:"self_links"`
	Graph          graphSummary   `json:"graph"`
	topComponents  int
	scopeRestricts bool
}

// graphSummary describes the scope's undirected simple graph.
type graphSummary struct {
	Actors     int          `json:"actors"`
	Links      int          `json:"links_kept"`
	Edges      int          `json:"edges"`
	Density    jsonNumber   `json:"density"`
	Components int          `json:"components"`
	Largest    []int        `json:"largest_components"`
	TopDegree  []degreeJSON `json:"top_degree"`
}

type degreeJSON struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Degree int    `json:"degree"`
}

// summarize describes the network of the scope and the scope's graph,
// with the top actors by degree and the largest components (top 0: all).
func summarize(s *analysis.Scope, top int) summary {
	n := s.Network()
	sm := summary{Network: n.Name, Description: n.Description, Actors: n.NumActors(), Links: n.NumLinks(),
		BySector: map[string]int{}, ByKind: map[string]int{}, ByElement: map[string]int{}, ByType: map[string]int{}}
	for _, a := range n.Actors() {
		secs := a.AllSectors()
		if len(secs) == 0 {
			sm.BySector["(none)"]++
		}
		for _, sec := range secs {
			sm.BySector[sec.String()]++
		}
		sm.ByKind[a.Kind.String()]++
		if a.Hybrid() {
			sm.Hybrids++
		}
	}
	for l := range n.LinksSeq() {
		sm.ByElement[l.Element.String()]++
		if l.Type != "" {
			sm.ByType[l.Type]++
		}
		if l.Mutual {
			sm.Mutual++
		}
		if !l.Grade.IsZero() {
			sm.Graded++
		}
		if !l.Start.IsZero() || !l.End.IsZero() {
			sm.Dated++
		}
		if l.From == l.To {
			sm.SelfLinks++
		}
	}
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
	if top == 0 {
		top = max(nn, len(sizes))
	}
	sm.topComponents = len(sizes)
	sm.scopeRestricts = nn < n.NumActors() || s.View().NumLinks() < n.NumLinks()
	sm.Graph = graphSummary{Actors: nn, Links: s.View().NumLinks(), Edges: g.NumEdges(), Density: jsonNumber(density),
		Components: len(cc), Largest: sizes[:min(top, len(sizes))], TopDegree: []degreeJSON{}}
	degree := make([]float64, nn)
	for i := range degree {
		degree[i] = float64(g.OutDegree(i))
	}
	for _, d := range s.Scores(degree).Top(min(top, nn)) {
		a, _ := n.Actor(d.Actor)
		sm.Graph.TopDegree = append(sm.Graph.TopDegree, degreeJSON{ID: a.ID, Name: a.Name, Degree: int(d.Value)})
	}
	return sm
}

// writeText prints the summary as text.
func (sm summary) writeText(w io.Writer) error {
	name := sm.Network
	if name == "" {
		name = "(unnamed)"
	}
	fmt.Fprintf(w, "network      %s\n", name)
	if sm.Description != "" {
		fmt.Fprintf(w, "description  %s\n", sm.Description)
	}
	fmt.Fprintf(w, "actors       %d\n", sm.Actors)
	fmt.Fprintf(w, "links        %d\n", sm.Links)
	printCounts(w, "by sector", sm.BySector)
	printCounts(w, "by kind", sm.ByKind)
	fmt.Fprintf(w, "hybrid actors  %d\n", sm.Hybrids)
	printCounts(w, "links by element", sm.ByElement)
	if len(sm.ByType) > 0 {
		printCounts(w, "links by type", sm.ByType)
	}
	fmt.Fprintf(w, "mutual links   %d\n", sm.Mutual)
	fmt.Fprintf(w, "graded links   %d\n", sm.Graded)
	fmt.Fprintf(w, "dated links    %d\n", sm.Dated)
	fmt.Fprintf(w, "self-links     %d\n", sm.SelfLinks)
	g := sm.Graph
	what := "all links"
	if sm.scopeRestricts {
		what = fmt.Sprintf("%d actors and %d links kept by the scope", g.Actors, g.Links)
	}
	fmt.Fprintf(w, "\nundirected simple graph (%s, self-links dropped)\n", what)
	fmt.Fprintf(w, "  edges        %d\n", g.Edges)
	fmt.Fprintf(w, "  density      %.4f\n", float64(g.Density))
	if len(g.Largest) < sm.topComponents {
		fmt.Fprintf(w, "  components   %d, largest %v …\n", g.Components, g.Largest)
	} else {
		fmt.Fprintf(w, "  components   %d %v\n", g.Components, g.Largest)
	}
	if len(g.TopDegree) > 0 {
		fmt.Fprintf(w, "  top %d by degree (id, name, degree)\n", len(g.TopDegree))
		for _, d := range g.TopDegree {
			fmt.Fprintf(w, "    %-8s %-30s %d\n", d.ID, d.Name, d.Degree)
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
