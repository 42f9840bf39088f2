// Command holes reproduces Burt's structural-hole measures on the example
// graph of
//
//	Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy
//	measures. Connections 20(1): 35–38.
//
// the seven actors A–G with the ties A–B, A–F, A–G, A–E, E–G, F–G, B–G, B–D,
// D–G and G–C, built here in Go with package network and measured with the
// library's public API (analysis.NewScope, analysis.EffectiveSize,
// Constraint and BurtEfficiency).
//
// Reproduced:
//
//   - the values that NetworkX's own tests hold for this graph and for the
//     other graphs of those tests (networkx/algorithms/tests/
//     test_structuralholes.py, class TestStructuralHolesNoScipy, whose
//     expected values "were originally computed using UCINET and igraph, and
//     then computed by hand"): effective size G 4.67, A 2.50, C 1 and
//     constraint G 0.400, A 0.595, C 1 on the unweighted graph; with the
//     tests' tie weights (A–B 2, A–F 3, A–G 5, A–E 2, E–G 8, F–G 3, B–G 4, B–D
//     1, D–G 3, G–C 10) effective size G 5.47, A 2.47, C 1 and constraint G
//     0.299, A 0.795, C 1; on the tests' digraph 0→1, 0→2, 1→0, 2→1 effective
//     size 1.167, 1.167, 1 and constraint 1.003, 1.003, 1.389, and with arc
//     weights 2, 2, 1, 1 effective size 1.567, 1.083, 1 and constraint 0.840,
//     1.143, 1.378. A figure matches within its rounding (half a unit of its
//     last printed digit; the integer 1 at the precision of the figures
//     beside it), which is tighter than the tests' own tolerance (1e-2 for
//     the undirected effective sizes, 1e-3 otherwise). A's weighted
//     effective size is 2.475 exactly and the tests print it 2.47: it sits
//     on the rounding boundary and matches;
//   - Borgatti's simplification of effective size for unweighted, undirected
//     data, n − 2t/n (n alters, t ties among them), for every actor, computed
//     here from the graph (match within 1e-12);
//   - NetworkX 3.6.1's full-precision effective size, constraint and
//     efficiency (effective size / number of alters) of every actor,
//     written by the committed script testdata/reference/holes_borgatti.py
//     into testdata/reference/holes_borgatti.json (match within 1e-9):
//     all actors of the unweighted graph, and of the weighted graph those
//     the tests do not cover (B, D, E, F).
//
// The weighted graphs use StrengthWeights (a tie's weight is its strength,
// as in Burt's and NetworkX's definitions) and the directed ones follow arc
// directions (ScopeOptions.Directed).
//
// Usage, from the repository root:
//
//	go run ./examples/holes [-data testdata]
//
// (-data is only needed for the NetworkX reference file.) It prints one row
// per value — actor, measure, ours, the published (or reference) figure,
// |diff|, ok, source — and a final line "all N values match" or "MISMATCH:
// k of N". Exit status 0 if all match, 1 on a mismatch, 2 if the reference
// file cannot be read.
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
)

func main() { os.Exit(run(os.Stdout, os.Args[1:])) }

// tie is a tie of an example graph with its weight in the weighted variant.
type tie struct {
	from, to string
	weight   float64
}

// borgattiTies is Borgatti's example with the weights of NetworkX's tests.
var borgattiTies = []tie{
	{"A", "B", 2}, {"A", "F", 3}, {"A", "G", 5}, {"A", "E", 2}, {"E", "G", 8},
	{"F", "G", 3}, {"B", "G", 4}, {"B", "D", 1}, {"D", "G", 3}, {"G", "C", 10},
}

// testArcs is the digraph of NetworkX's tests with its arc weights.
var testArcs = []tie{{"0", "1", 2}, {"0", "2", 2}, {"1", "0", 1}, {"2", "1", 1}}

// graphSpec is one example graph: its ties, and how to read them.
type graphSpec struct {
	name             string // the key of holes_borgatti.json
	title            string
	ties             []tie
	directed, weight bool
}

var graphs = []graphSpec{
	{"borgatti", "Borgatti's graph", borgattiTies, false, false},
	{"borgatti_weighted", "Borgatti's graph, weighted", borgattiTies, false, true},
	{"directed", "tests' digraph", testArcs, true, false},
	{"directed_weighted", "tests' digraph, weighted", testArcs, true, true},
}

const nxTests = "NetworkX tests"

// testFigure is a figure of NetworkX's tests: graph, actor, measure and the
// figure as printed, at the given number of decimals.
type testFigure struct {
	graph, actor, measure, text string
	decimals                    int
}

// testFigures are the expected values of NetworkX's tests; tests replace
// them to check that a wrong figure is caught.
var testFigures = []testFigure{
	{"borgatti", "G", "effective size", "4.67", 2},
	{"borgatti", "A", "effective size", "2.50", 2},
	{"borgatti", "C", "effective size", "1", 2},
	{"borgatti", "G", "constraint", "0.400", 3},
	{"borgatti", "A", "constraint", "0.595", 3},
	{"borgatti", "C", "constraint", "1", 3},
	{"borgatti_weighted", "G", "effective size", "5.47", 2},
	{"borgatti_weighted", "A", "effective size", "2.47", 2},
	{"borgatti_weighted", "C", "effective size", "1", 2},
	{"borgatti_weighted", "G", "constraint", "0.299", 3},
	{"borgatti_weighted", "A", "constraint", "0.795", 3},
	{"borgatti_weighted", "C", "constraint", "1", 3},
	{"directed", "0", "effective size", "1.167", 3},
	{"directed", "1", "effective size", "1.167", 3},
	{"directed", "2", "effective size", "1", 3},
	{"directed", "0", "constraint", "1.003", 3},
	{"directed", "1", "constraint", "1.003", 3},
	{"directed", "2", "constraint", "1.389", 3},
	{"directed_weighted", "0", "effective size", "1.567", 3},
	{"directed_weighted", "1", "effective size", "1.083", 3},
	{"directed_weighted", "2", "effective size", "1", 3},
	{"directed_weighted", "0", "constraint", "0.840", 3},
	{"directed_weighted", "1", "constraint", "1.143", 3},
	{"directed_weighted", "2", "constraint", "1.378", 3},
}

// nxValues is one graph of holes_borgatti.json.
type nxValues struct {
	EffectiveSize map[string]float64 `json:"effective_size"`
	Constraint    map[string]float64
	Efficiency    map[string]float64
}

func run(stdout io.Writer, args []string) int {
	return reproduce.Run("holes", "testdata `folder` holding reference/holes_borgatti.json (default: the repository's testdata)", stdout, os.Stderr, args, compare)
}

// measures holds our values on one graph, by measure and actor.
type measures map[string]analysis.Scores

func compare(w io.Writer, data string) (*reproduce.Table, error) {
	dir, err := reproduce.DataDir(data)
	if err != nil {
		return nil, err
	}
	var file struct {
		Borgatti         nxValues
		BorgattiWeighted nxValues `json:"borgatti_weighted"`
	}
	if err := reproduce.ReadJSON(filepath.Join(dir, "reference", "holes_borgatti.json"), &file); err != nil {
		return nil, err
	}
	ref := map[string]nxValues{"borgatti": file.Borgatti, "borgatti_weighted": file.BorgattiWeighted}
	fmt.Fprintln(w, "Burt's structural holes on Borgatti's (1997) example graph and the other graphs of NetworkX's tests")
	fmt.Fprintln(w, "Borgatti's graph: A-B, A-F, A-G, A-E, E-G, F-G, B-G, B-D, D-G, G-C; tests' digraph: 0->1, 0->2, 1->0, 2->1")
	fmt.Fprintln(w)

	ours := map[string]measures{}
	scopes := map[string]*analysis.Scope{}
	for _, g := range graphs {
		s, err := scope(g)
		if err != nil {
			return nil, err
		}
		scopes[g.name] = s
		ours[g.name] = measures{
			"effective size": analysis.EffectiveSize(s),
			"constraint":     analysis.Constraint(s),
			"efficiency":     analysis.BurtEfficiency(s),
		}
	}
	title := map[string]string{}
	for _, g := range graphs {
		title[g.name] = g.title
	}
	value := func(graph, measure, actor string) float64 {
		v, ok := ours[graph][measure].Value(actor)
		if !ok {
			return math.NaN()
		}
		return v
	}

	t := &reproduce.Table{}
	for _, f := range testFigures {
		fig := reproduce.Published(f.actor, fmt.Sprintf("%s (%s)", f.measure, title[f.graph]), f.text, nxTests)
		fig.Tol = reproduce.RoundingTol(f.decimals)
		t.Add(fig, value(f.graph, f.measure, f.actor))
	}

	// Borgatti's n - 2t/n, from the unweighted graph's ties.
	s := scopes["borgatti"]
	ids := s.ActorIDs()
	slices.Sort(ids)
	for _, id := range ids {
		i, _ := s.Index(id)
		alters := s.Neighbours(i)
		in := map[int]bool{}
		for _, j := range alters {
			in[j] = true
		}
		ties := 0
		for _, j := range alters {
			for _, k := range s.Neighbours(j) {
				if in[k] && j < k {
					ties++
				}
			}
		}
		n := float64(len(alters))
		want := n - 2*float64(ties)/n
		f := reproduce.Reference(id, "effective size (Borgatti's n - 2t/n)", want, "Borgatti 1997")
		f.Tol = 1e-12
		t.Add(f, value("borgatti", "effective size", id))
	}

	// NetworkX at full precision.
	for _, c := range []struct {
		graph    string
		actors   []string
		measures []string
	}{
		{"borgatti", []string{"A", "B", "C", "D", "E", "F", "G"}, []string{"effective size", "constraint", "efficiency"}},
		{"borgatti_weighted", []string{"B", "D", "E", "F"}, []string{"effective size", "constraint"}},
	} {
		r, ok := ref[c.graph]
		if !ok {
			return nil, fmt.Errorf("holes_borgatti.json has no graph %q", c.graph)
		}
		for _, m := range c.measures {
			want := map[string]map[string]float64{"effective size": r.EffectiveSize, "constraint": r.Constraint, "efficiency": r.Efficiency}[m]
			for _, a := range c.actors {
				v, ok := want[a]
				if !ok {
					return nil, fmt.Errorf("holes_borgatti.json: %s has no %s for %s", c.graph, m, a)
				}
				t.Add(reproduce.Reference(a, fmt.Sprintf("%s (%s)", m, title[c.graph]), v, "NetworkX 3.6.1"), value(c.graph, m, a))
			}
		}
	}
	return t, nil
}

// scope builds the network of g and the scope that reads it.
func scope(g graphSpec) (*analysis.Scope, error) {
	n := network.New(g.title)
	for _, t := range g.ties {
		for _, id := range []string{t.from, t.to} {
			if !n.HasActor(id) {
				if err := n.AddActor(network.Actor{ID: id}); err != nil {
					return nil, err
				}
			}
		}
		w := 1.0
		if g.weight {
			w = t.weight
		}
		if _, err := n.AddLink(network.Link{From: t.from, To: t.to, Mutual: !g.directed, Weight: w}); err != nil {
			return nil, err
		}
	}
	opts := analysis.ScopeOptions{Directed: g.directed}
	if g.weight {
		opts.Weights = analysis.StrengthWeights
		opts.View.Aggregation = network.Sum
	}
	return analysis.NewScope(n, opts)
}
