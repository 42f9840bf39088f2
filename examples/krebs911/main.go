// Command krebs911 reproduces the centrality figures of the 9/11 hijackers'
// network published in
//
//	Krebs, V. E. (2002). Mapping networks of terrorist cells.
//	Connections 24(3): 43–52.
//
// and the network-level figures that
//
//	Penzar, D. & Srbljinović, A. (2005). About modelling of complex
//	networks with applications to terrorist group modelling.
//	Interdisciplinary Description of Complex Systems 3(1): 27–43 (p. 34)
//
// report for the same network, with the library's public API: netio.Load,
// analysis.NewScope and the analysis measures Degree, Betweenness and
// Closeness.
//
// Reproduced: Mohamed Atta's degree 0.361, betweenness 0.588 and closeness
// 0.587, the top row of Krebs' centrality table (as quoted in the project's
// reference notes: the printed table itself could not be consulted here);
// and the mean closeness 0.35, the mean betweenness 0.032, the 40 actors
// with betweenness below 1 % and the 6 above 10 % that Penzar & Srbljinović
// give for this network (their p. 34, quoted verbatim on p. 108 of
// N. Memon's thesis "Investigative Data Mining", Aalborg University). The
// other rows of Krebs' top-five lists (Al-Shehhi, Hanjour, Ben Khemais,
// Alhazmi, Moussaoui, Bin al-Shibh) could not be checked against the paper,
// so they are compared with NetworkX 3.6.1 values written by
// testdata/reference/krebs911.py into testdata/reference/krebs911.json.
//
// Which network. The figures are those of the 62-actor main component of the
// SNA4Startups edge list (testdata/krebs-911, in_krebs62 = true; 153 ties),
// undirected and unweighted (the strength and level codes ignored, parallel
// records one tie), with the usual normalisations: degree/(n−1), betweenness
// divided by (n−1)(n−2)/2, closeness (n−1)/Σd. On all 68 actors of the file
// (three components) Atta's figures drop to 0.328, 0.487 and 0.534
// (Wasserman–Faust closeness), and on the 60-actor Manchester/UCINET version
// (not shipped here) to degree 0.254 and betweenness 0.512; neither
// reproduces Krebs. The program prints the 68-actor values too, checked
// against NetworkX, to show the difference.
//
// Usage, from the repository root:
//
//	go run ./examples/krebs911 [-data testdata]
//
// It prints one row per figure — actor, measure, our value, the published
// (or NetworkX) figure, |diff|, ok and the source — and a final line "all N
// values match" or "MISMATCH: k of N". A published figure matches within its
// rounding (half a unit of its last printed digit), a NetworkX value within
// 1e-9. Exit status 0 if all match, 1 on a mismatch, 2 if the data cannot be
// read.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/illicitnet/illicit/examples/internal/reproduce"
	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/measure"
	"github.com/illicitnet/illicit/network/netio"
)

func main() { os.Exit(run(os.Stdout, os.Args[1:])) }

const (
	krebs  = "Krebs 2002"
	penzar = "Penzar & Srbljinovic 2005, p. 34"
	nx62   = "NetworkX 3.6.1, krebs62"
	nx68   = "NetworkX 3.6.1, all 68"
)

// krebsFigures are the published per-actor figures, on the 62-actor network;
// tests replace them to check that a wrong figure is caught.
var krebsFigures = []reproduce.Figure{
	reproduce.Published("Mohamed Atta", "degree", "0.361", krebs),
	reproduce.Published("Mohamed Atta", "betweenness", "0.588", krebs),
	reproduce.Published("Mohamed Atta", "closeness", "0.587", krebs),
}

// networkFigures are Penzar & Srbljinović's network-level figures for the
// 62-actor network ("(network)" rows; the counts match exactly).
var networkFigures = []reproduce.Figure{
	reproduce.Published("(network)", "mean closeness", "0.35", penzar),
	reproduce.Published("(network)", "mean betweenness", "0.032", penzar),
	reproduce.Published("(network)", "actors with betweenness < 0.01", "40", penzar),
	reproduce.Published("(network)", "actors with betweenness > 0.10", "6", penzar),
}

// topFive are the actors of the top five of each measure of Krebs' table, in
// its order (ties in NetworkX's rank order), compared with NetworkX.
var topFive = map[string][]string{
	"degree":      {"Mohamed Atta", "Marwan Al-Shehhi", "Hani Hanjour", "Essid Sami Ben Khemais", "Nawaf Alhazmi"},
	"betweenness": {"Mohamed Atta", "Essid Sami Ben Khemais", "Zacarias Moussaoui", "Nawaf Alhazmi", "Hani Hanjour"},
	"closeness":   {"Mohamed Atta", "Marwan Al-Shehhi", "Hani Hanjour", "Nawaf Alhazmi", "Ramzi Bin al-Shibh"},
}

var measures = []string{"degree", "betweenness", "closeness"}

// nxGraph is one graph of krebs911.json.
type nxGraph struct {
	N, M                 int
	Degree               map[string]float64
	Betweenness          map[string]float64
	Closeness            map[string]float64
	MeanCloseness        float64 `json:"mean_closeness"`
	MeanBetweenness      float64 `json:"mean_betweenness"`
	BetweennessBelow1pc  int     `json:"betweenness_below_0.01"`
	BetweennessAbove10pc int     `json:"betweenness_above_0.10"`
}

func (g nxGraph) values(m string) map[string]float64 {
	return map[string]map[string]float64{"degree": g.Degree, "betweenness": g.Betweenness, "closeness": g.Closeness}[m]
}

func run(stdout io.Writer, args []string) int {
	return reproduce.Run("krebs911", "testdata `folder` holding krebs-911/ and reference/ (default: the repository's testdata)", stdout, os.Stderr, args, compare)
}

// compare computes every figure and prints the header lines; the caller
// prints the table.
func compare(w io.Writer, data string) (*reproduce.Table, error) {
	dir, err := reproduce.DataDir(data)
	if err != nil {
		return nil, err
	}
	var ref struct{ Krebs62, All68 nxGraph }
	if err := reproduce.ReadJSON(filepath.Join(dir, "reference", "krebs911.json"), &ref); err != nil {
		return nil, err
	}
	n, err := netio.Load(filepath.Join(dir, "krebs-911", "edges.csv"),
		netio.LoadOptions{Nodes: filepath.Join(dir, "krebs-911", "nodes.csv")})
	if err != nil {
		return nil, err
	}
	all, err := analysis.NewScope(n, analysis.ScopeOptions{}) // undirected, unweighted
	if err != nil {
		return nil, err
	}
	// Krebs' network is the main component of the file.
	comps := measure.Components(all.StrengthGraph())
	largest := slices.MaxFunc(comps, func(a, b []int) int { return len(a) - len(b) })
	keep := map[string]bool{}
	flagged := 0
	for _, i := range largest {
		keep[all.ActorID(i)] = true
	}
	for _, a := range n.Actors() {
		if a.Attributes["in_krebs62"] == true {
			flagged++
			if !keep[a.ID] {
				return nil, fmt.Errorf("actor %s is flagged in_krebs62 but not in the main component", a.ID)
			}
		}
	}
	if flagged != len(keep) {
		return nil, fmt.Errorf("main component has %d actors, %d are flagged in_krebs62", len(keep), flagged)
	}
	k62, err := n.Subnetwork(func(a network.Actor) bool { return keep[a.ID] }, nil)
	if err != nil {
		return nil, err
	}
	s, err := analysis.NewScope(k62, analysis.ScopeOptions{})
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(w, "Krebs (2002) 9/11 network: main component of testdata/krebs-911, %d actors, %d ties (file: %d actors, %d components)\n",
		s.Len(), s.View().NumEdges(), all.Len(), len(comps))
	fmt.Fprintln(w, "undirected, unweighted; degree/(n-1), betweenness/((n-1)(n-2)/2), closeness (n-1)/sum of distances")
	fmt.Fprintln(w)

	ids := map[string]string{} // name -> actor ID
	for _, a := range n.Actors() {
		ids[a.Name] = a.ID
	}
	compute := func(s *analysis.Scope) map[string]analysis.Scores {
		return map[string]analysis.Scores{
			"degree":      analysis.Degree(s),
			"betweenness": analysis.Betweenness(s, true),
			"closeness":   analysis.Closeness(s, true),
		}
	}
	ours := compute(s)
	value := func(sc map[string]analysis.Scores, m, name string) (float64, error) {
		v, ok := sc[m].Value(ids[name])
		if !ok {
			return 0, fmt.Errorf("no actor named %q in the scope", name)
		}
		return v, nil
	}
	t := &reproduce.Table{}
	for _, f := range krebsFigures {
		v, err := value(ours, f.Measure, f.Actor)
		if err != nil {
			return nil, err
		}
		t.Add(f, v)
	}
	btw, clo := ours["betweenness"].Values(), ours["closeness"].Values()
	below, above := 0, 0
	for _, b := range btw {
		if b < 0.01 {
			below++
		}
		if b > 0.10 {
			above++
		}
	}
	whole := map[string]float64{
		"mean closeness":                 mean(clo),
		"mean betweenness":               mean(btw),
		"actors with betweenness < 0.01": float64(below),
		"actors with betweenness > 0.10": float64(above),
	}
	for _, f := range networkFigures {
		v, ok := whole[f.Measure]
		if !ok {
			return nil, fmt.Errorf("unknown network figure %q", f.Measure)
		}
		t.Add(f, v)
	}
	// NetworkX's own network-level values, at full precision.
	t.Add(reproduce.Reference("(network)", "mean closeness", ref.Krebs62.MeanCloseness, nx62), whole["mean closeness"])
	t.Add(reproduce.Reference("(network)", "mean betweenness", ref.Krebs62.MeanBetweenness, nx62), whole["mean betweenness"])
	for _, m := range measures {
		for _, name := range topFive[m] {
			v, err := value(ours, m, name)
			if err != nil {
				return nil, err
			}
			want, ok := ref.Krebs62.values(m)[ids[name]]
			if !ok {
				return nil, fmt.Errorf("krebs911.json has no %s for %s", m, name)
			}
			t.Add(reproduce.Reference(name, m, want, nx62), v)
		}
	}
	// The whole file (68 actors, 3 components) does not give Krebs' figures.
	file := compute(all)
	for _, m := range measures {
		v, err := value(file, m, "Mohamed Atta")
		if err != nil {
			return nil, err
		}
		t.Add(reproduce.Reference("Mohamed Atta", m+" [68 actors]", ref.All68.values(m)[ids["Mohamed Atta"]], nx68), v)
	}
	return t, nil
}

func mean(x []float64) float64 {
	sum := 0.0
	for _, v := range x {
		sum += v
	}
	return sum / float64(len(x))
}
