// Command florentine reproduces the Medici's brokerage in the marriage
// network of the Florentine families studied in
//
//	Padgett, J. F. & Ansell, C. K. (1993). Robust action and the rise of the
//	Medici, 1400–1434. American Journal of Sociology 98(6): 1259–1319.
//
// on the 16-family subset of Padgett's data distributed by Breiger &
// Pattison (1986, Social Networks 8(3): 215–256) and shipped in
// testdata/florentine (the rows of edges.csv of type "marriage"). Padgett and
// Ansell argue that the Medici rose by brokering between families that were
// not tied to one another; their high betweenness and low Burt constraint
// in the marriage network is the textbook illustration.
//
// Published figure: the Medici's normalised betweenness 0.522, the value
// quoted for these data in the textbooks (Wasserman, S. & Faust, K. (1994),
// Social Network Analysis, Cambridge University Press; Jackson, M. O. (2008),
// Social and Economic Networks, Princeton University Press); the printed
// pages could not be consulted here, so the figure is taken as quoted. It is
// the value on the 15 families with a marriage tie: the Pucci, who have none,
// left out, as in NetworkX's nx.florentine_families_graph(). Keeping the
// Pucci as an isolate (16 families) gives 0.452 instead; the raw betweenness,
// 47.5 shortest-path shares, is the same in both.
//
// Every other value is compared with NetworkX 3.6.1, written by the committed
// script testdata/reference/florentine_medici.py into
// testdata/reference/florentine_medici.json: the betweenness of all 15
// families, the Medici's degree, closeness, raw betweenness, Burt's
// constraint and effective size, and the 16-family values. The program also
// checks that the shipped marriage layer is NetworkX's graph, edge for edge.
//
// Everything is computed with the library's public API (netio.Load,
// analysis.NewScope with View.Types = marriage, analysis.Degree,
// Betweenness, Closeness, Constraint, EffectiveSize), undirected and
// unweighted.
//
// Usage, from the repository root:
//
//	go run ./examples/florentine [-data testdata]
//
// It prints one row per value — actor, measure, ours, the published (or
// NetworkX) figure, |diff|, ok, source — and a final line "all N values
// match" or "MISMATCH: k of N". A published figure matches within its
// rounding (half a unit of its last printed digit), a NetworkX value within
// 1e-9. Exit status 0 if all match, 1 on a mismatch, 2 if the data cannot be
// read.
package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"

	"github.com/illicitnet/illicit/examples/internal/reproduce"
	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/netio"
)

func main() { os.Exit(run(os.Stdout, os.Args[1:])) }

const (
	textbooks = "Wasserman & Faust 1994; Jackson 2008"
	nx15      = "NetworkX 3.6.1, 15 families"
	nx16      = "NetworkX 3.6.1, 16 families"
)

// mediciBetweenness is the published figure; tests replace it to check that
// a wrong figure is caught.
var mediciBetweenness = reproduce.Published("Medici", "betweenness", "0.522", textbooks)

// nxGraph is one graph of florentine_medici.json, keyed by family name
// (NaN values are null and decode as 0; none is used).
type nxGraph struct {
	N, M           int
	Edges          [][2]string
	Degree         map[string]float64
	Betweenness    map[string]float64
	BetweennessRaw map[string]float64 `json:"betweenness_raw"`
	Closeness      map[string]float64
	Constraint     map[string]float64
	EffectiveSize  map[string]float64 `json:"effective_size"`
}

func run(stdout io.Writer, args []string) int {
	return reproduce.Run("florentine", "testdata `folder` holding florentine/ and reference/ (default: the repository's testdata)", stdout, os.Stderr, args, compare)
}

func compare(w io.Writer, data string) (*reproduce.Table, error) {
	dir, err := reproduce.DataDir(data)
	if err != nil {
		return nil, err
	}
	var ref struct{ Networkx15, Marriage16 nxGraph }
	if err := reproduce.ReadJSON(filepath.Join(dir, "reference", "florentine_medici.json"), &ref); err != nil {
		return nil, err
	}
	n, err := netio.Load(filepath.Join(dir, "florentine", "edges.csv"),
		netio.LoadOptions{Nodes: filepath.Join(dir, "florentine", "nodes.csv")})
	if err != nil {
		return nil, err
	}
	marriage := analysis.ScopeOptions{View: network.ViewOptions{Types: []string{"marriage"}}}
	s16, err := analysis.NewScope(n, marriage) // every family; the Pucci an isolate
	if err != nil {
		return nil, err
	}
	married, err := n.Touched(marriage.View) // the 15 families with a marriage tie
	if err != nil {
		return nil, err
	}
	s15, err := analysis.NewScope(married, marriage)
	if err != nil {
		return nil, err
	}
	var left []string
	for _, a := range n.Actors() {
		if !married.HasActor(a.ID) {
			left = append(left, a.Label())
		}
	}
	fmt.Fprintf(w, "Florentine families, marriage ties (Padgett & Ansell 1993; Breiger & Pattison 1986): %d families, %d ties; without a marriage tie: %v\n",
		s16.Len(), s16.View().NumEdges(), left)
	fmt.Fprintln(w, "undirected, unweighted; degree/(n-1), betweenness/((n-1)(n-2)/2), closeness (n-1)/sum of distances")
	fmt.Fprintln(w)

	id := map[string]string{} // family name -> actor ID
	for _, a := range n.Actors() {
		id[a.Name] = a.ID
	}
	t := &reproduce.Table{}

	// The shipped marriage layer is NetworkX's graph.
	ours := map[[2]string]bool{}
	v := s15.View()
	for _, e := range v.Edges() {
		a, _ := v.Actor(e.From().ID())
		b, _ := v.Actor(e.To().ID())
		pair := [2]string{a.Name, b.Name}
		slices.Sort(pair[:])
		ours[pair] = true
	}
	diff := 0
	for _, e := range ref.Networkx15.Edges {
		if !ours[e] {
			diff++
		}
		delete(ours, e)
	}
	diff += len(ours)
	t.Add(reproduce.Figure{Actor: "(graph)", Measure: "families", Text: fmt.Sprint(ref.Networkx15.N), Value: float64(ref.Networkx15.N), Source: nx15}, float64(s15.Len()))
	t.Add(reproduce.Figure{Actor: "(graph)", Measure: "marriage ties", Text: fmt.Sprint(ref.Networkx15.M), Value: float64(ref.Networkx15.M), Source: nx15}, float64(v.NumEdges()))
	t.Add(reproduce.Figure{Actor: "(graph)", Measure: "ties in one graph only", Text: "0", Value: 0, Source: nx15}, float64(diff))

	value := func(sc analysis.Scores, family string) float64 {
		x, ok := sc.Value(id[family])
		if !ok {
			return math.NaN() // no such family: matches nothing
		}
		return x
	}
	btw15 := analysis.Betweenness(s15, true)
	t.Add(mediciBetweenness, value(btw15, mediciBetweenness.Actor))

	families := make([]string, 0, len(ref.Networkx15.Betweenness))
	for f := range ref.Networkx15.Betweenness {
		families = append(families, f)
	}
	// By NetworkX's betweenness, largest first, then by name.
	slices.SortFunc(families, func(a, b string) int {
		x, y := ref.Networkx15.Betweenness[a], ref.Networkx15.Betweenness[b]
		switch {
		case x > y:
			return -1
		case x < y:
			return 1
		}
		if a < b {
			return -1
		}
		return 1
	})
	for _, f := range families {
		t.Add(reproduce.Reference(f, "betweenness", ref.Networkx15.Betweenness[f], nx15), value(btw15, f))
	}
	m15 := []struct {
		measure string
		ours    analysis.Scores
		want    map[string]float64
	}{
		{"betweenness (raw)", analysis.Betweenness(s15, false), ref.Networkx15.BetweennessRaw},
		{"degree", analysis.Degree(s15), ref.Networkx15.Degree},
		{"closeness", analysis.Closeness(s15, true), ref.Networkx15.Closeness},
		{"constraint", analysis.Constraint(s15), ref.Networkx15.Constraint},
		{"effective size", analysis.EffectiveSize(s15), ref.Networkx15.EffectiveSize},
	}
	for _, m := range m15 {
		t.Add(reproduce.Reference("Medici", m.measure, m.want["Medici"], nx15), value(m.ours, "Medici"))
	}
	m16 := []struct {
		measure string
		ours    analysis.Scores
		want    map[string]float64
	}{
		{"betweenness", analysis.Betweenness(s16, true), ref.Marriage16.Betweenness},
		{"betweenness (raw)", analysis.Betweenness(s16, false), ref.Marriage16.BetweennessRaw},
		{"degree", analysis.Degree(s16), ref.Marriage16.Degree},
		{"closeness", analysis.Closeness(s16, true), ref.Marriage16.Closeness},
	}
	for _, m := range m16 {
		t.Add(reproduce.Reference("Medici", m.measure+" [16 families]", m.want["Medici"], nx16), value(m.ours, "Medici"))
	}
	return t, nil
}
