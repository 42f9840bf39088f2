// Command caviar follows Daniel Serero (N1), the principal trafficker of the
// CAVIAR drug-importation network, and the other main participants through
// the 11 phases of the investigation, as studied in
//
//	Morselli, C. (2009). Inside Criminal Networks. New York: Springer
//	(CAVIAR data: appendix, pp. 173–186).
//	Morselli, C. & Petit, K. (2007). Law-enforcement disruption of a drug
//	importation network. Global Crime 8(2): 109–130.
//
// CAVIAR (Montreal police and RCMP, 1994–96) seized eleven drug consignments
// without arresting anyone until the end, and the wiretap warrants split the
// investigation into 11 phases of about two months. Morselli and Petit
// describe Serero as the hub of the early phases, whose position erodes as
// the seizures go on while other participants (N3, his lieutenant; N12, the
// coordinator of the cocaine importations; N87, a financial investor: roles
// after Morselli, as summarised with the data on V. Batagelj's Pajek datasets
// page "The Caviar Network") take over the brokerage. The program shows that
// trajectory: Serero ranks first by betweenness in phases 1–8 and 10, his
// betweenness falls from 0.83–0.94 (phases 1–5) to 0.25–0.53 (phases 9–11)
// and his degree from 0.86 to 0.18; N3 overtakes him in phase 9, N41 in
// phase 11, where N12 has the most ties.
//
// Published figures: none. The per-phase degree and betweenness values of
// the book and the article could not be found in the sources available
// here, so every value is compared with NetworkX 3.6.1, written by the
// committed script testdata/reference/caviar_phases.py into
// testdata/reference/caviar_phases.json (match within 1e-9).
//
// What is computed, with the library's public API (netio.Load,
// analysis.NewScope, analysis.Degree, Betweenness, Closeness): phase p is the
// rows of testdata/caviar/edges.csv of type "phase<p>" — each row the
// wiretapped calls from one participant to another, read as one-way links —
// among the participants that appear in the phase (15 to 42 of the 110), as
// an undirected, unweighted graph (calls in either direction make one tie;
// the call counts are ignored), with degree/(n−1), betweenness divided by
// (n−1)(n−2)/2 and closeness with the Wasserman–Faust correction (phases 7,
// 10 and 11 are disconnected). Keeping all 110 participants in every phase
// (the command line's -types without -drop-isolates) would shrink every
// normalised value.
//
// Usage, from the repository root:
//
//	go run ./examples/caviar [-data testdata]
//
// It prints the trajectory (per phase: actors, ties, Serero's degree and
// betweenness, his rank by betweenness and the most between participant),
// then one row per value — actor, measure, ours, the NetworkX figure, |diff|,
// ok, source — and a final line "all N values match" or "MISMATCH: k of N".
// Exit status 0 if all match, 1 on a mismatch, 2 if the data cannot be read.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/illicitnet/illicit/examples/internal/reproduce"
	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/netio"
)

func main() { os.Exit(run(os.Stdout, os.Args[1:])) }

const phases = 11

// tracked are the participants followed, by ID, with Morselli's
// description where he gives one.
var tracked = []struct{ id, role string }{
	{"1", "principal trafficker, coordinator of the hashish importations"},
	{"3", "Serero's lieutenant"},
	{"12", "coordinator of the cocaine importations"},
	{"87", "financial investor"},
	{"76", ""},
	{"41", ""},
}

// phaseRef is one phase of caviar_phases.json.
type phaseRef struct {
	N, M, Components int
	Degree           map[string]float64
	Betweenness      map[string]float64
	Closeness        map[string]float64
}

// loadReference reads the phases of caviar_phases.json; tests replace it
// to check that a wrong figure is caught.
var loadReference = func(dir string) (map[string]phaseRef, error) {
	var ref struct{ Phases map[string]phaseRef }
	err := reproduce.ReadJSON(filepath.Join(dir, "reference", "caviar_phases.json"), &ref)
	return ref.Phases, err
}

func run(stdout io.Writer, args []string) int {
	return reproduce.Run("caviar", "testdata `folder` holding caviar/ and reference/ (default: the repository's testdata)", stdout, os.Stderr, args, compare)
}

// phaseResult holds one phase's scope and measures.
type phaseResult struct {
	name          string
	scope         *analysis.Scope
	deg, btw, clo analysis.Scores
}

// column is one measure compared: our scores and NetworkX's values.
type column struct {
	measure string
	ours    analysis.Scores
	want    map[string]float64
}

func compare(w io.Writer, data string) (*reproduce.Table, error) {
	dir, err := reproduce.DataDir(data)
	if err != nil {
		return nil, err
	}
	ref, err := loadReference(dir)
	if err != nil {
		return nil, err
	}
	n, err := netio.Load(filepath.Join(dir, "caviar", "edges.csv"), netio.LoadOptions{
		Nodes:    filepath.Join(dir, "caviar", "nodes.csv"),
		Directed: true, // each row: calls from source to target
	})
	if err != nil {
		return nil, err
	}
	var res []phaseResult
	for p := 1; p <= phases; p++ {
		name := fmt.Sprintf("phase%d", p)
		view := network.ViewOptions{Types: []string{name}}
		sub, err := n.Touched(view)
		if err != nil {
			return nil, err
		}
		// Undirected (every call a two-way tie) and unweighted: the defaults.
		s, err := analysis.NewScope(sub, analysis.ScopeOptions{View: view})
		if err != nil {
			return nil, err
		}
		res = append(res, phaseResult{name: name, scope: s,
			deg: analysis.Degree(s), btw: analysis.Betweenness(s, true), clo: analysis.Closeness(s, true)})
	}
	trajectory(w, n, res)

	t := &reproduce.Table{}
	source := "NetworkX 3.6.1"
	for _, a := range tracked {
		for p, r := range res {
			pr, ok := ref[r.name]
			if !ok {
				return nil, fmt.Errorf("caviar_phases.json has no %s", r.name)
			}
			if _, in := r.scope.Index(a.id); !in {
				continue // absent from the phase
			}
			label := a.id
			if actor, ok := n.Actor(a.id); ok {
				label = actor.Label()
			}
			cols := []column{{"degree", r.deg, pr.Degree}, {"betweenness", r.btw, pr.Betweenness}}
			if a.id == "1" {
				cols = append(cols, column{"closeness", r.clo, pr.Closeness})
			}
			for _, c := range cols {
				want, ok := c.want[a.id]
				if !ok {
					return nil, fmt.Errorf("caviar_phases.json: %s has no %s for N%s", r.name, c.measure, a.id)
				}
				v, _ := c.ours.Value(a.id)
				t.Add(reproduce.Reference(label, fmt.Sprintf("%s, phase %d", c.measure, p+1), want, source), v)
			}
		}
	}
	// Serero's rank by betweenness, ours against NetworkX's values.
	for p, r := range res {
		want := float64(rankOf(ref[r.name].Betweenness, "1"))
		f := reproduce.Figure{Actor: "N1 (Daniel Serero)", Measure: fmt.Sprintf("betweenness rank, phase %d", p+1),
			Text: fmt.Sprintf("%.0f", want), Value: want, Tol: 0, Source: source}
		t.Add(f, float64(rankOf(scoreMap(r.btw), "1")))
	}
	return t, nil
}

// trajectory prints Serero's position phase by phase.
func trajectory(w io.Writer, n *network.Network, res []phaseResult) {
	fmt.Fprintln(w, "CAVIAR (Morselli 2009): Daniel Serero (N1) across the 11 phases")
	fmt.Fprintln(w, "undirected, unweighted graph of each phase's participants; degree/(n-1), betweenness/((n-1)(n-2)/2)")
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "phase\tactors\tties\tN1 degree\tN1 betweenness\tN1 rank\tmost between\tmost ties")
	for p, r := range res {
		d, _ := r.deg.Value("1")
		b, _ := r.btw.Value("1")
		topB, topD := r.btw.Top(1)[0], r.deg.Top(1)[0]
		fmt.Fprintf(tw, "%d\t%d\t%d\t%.3f\t%.3f\t%d of %d\tN%s %.3f\tN%s %.3f\n", p+1, r.scope.Len(), r.scope.View().NumEdges(),
			d, b, rankOf(scoreMap(r.btw), "1"), r.scope.Len(), topB.Actor, topB.Value, topD.Actor, topD.Value)
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, a := range tracked {
		if a.role != "" {
			name := ""
			if actor, ok := n.Actor(a.id); ok {
				name = actor.Name
			}
			fmt.Fprintf(w, "%s: %s\n", name, a.role)
		}
	}
	fmt.Fprintln(w)
}

// rankOf is 1 + the number of actors with a strictly larger value.
func rankOf(values map[string]float64, id string) int {
	rank := 1
	for _, v := range values {
		if v > values[id] {
			rank++
		}
	}
	return rank
}

func scoreMap(s analysis.Scores) map[string]float64 {
	m := map[string]float64{}
	for _, sc := range s.All() {
		m[sc.Actor] = sc.Value
	}
	return m
}
