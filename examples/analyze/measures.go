package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/measure"
)

// measureNames lists the measures of the measures command, in output order
// when -measures is not given.
var measureNames = []string{"degree", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
	"katz", "core", "clustering", "constraint", "effective_size", "efficiency", "hierarchy"}

const measuresHelp = `usage: analyze measures -in FILE [flags]

Prints one row per actor, in input order, with the chosen measures:
CSV (header id,<measure>...; values with 10 significant digits; NaN where a measure is
undefined, e.g. constraint of an isolate) or, with -json, a JSON array of
objects (NaN as null).

The graph is the network's undirected view (or directed with -directed) of
the links the scope flags keep, parallel links merged. Unweighted,
definitions equal NetworkX's:
  degree          degree_centrality: deg/(n-1) (in+out if directed);
                  raw degree with -normalized=false; weighted: strength
  betweenness     betweenness_centrality (Brandes 2001), endpoints excluded,
                  normalised by 2/((n-1)(n-2)) (undirected) or 1/((n-1)(n-2));
                  raw with -normalized=false
  closeness       closeness_centrality, wf_improved=True (incoming distance
                  if directed)
  harmonic        harmonic_centrality: sum of 1/d
  eigenvector     eigenvector_centrality (max_iter 100, tol 1e-6)
  pagerank        pagerank, alpha 0.85, tol 1e-6, max_iter 100
  katz            katz_centrality, alpha 0.1, beta 1, unit norm
                  (-normalized=false: unnormalised)
  core            core_number (Batagelj & Zaversnik 2003)
  clustering      clustering (Fagiolo 2007 if directed; weighted: Onnela)
  constraint      Burt's constraint (NetworkX constraint)
  effective_size  Burt's effective size (NetworkX effective_size)
  efficiency      effective size / number of contacts
  hierarchy       Burt's hierarchy (1992, p. 71)
With -weighted (-weights strength), an edge's weight is the sum of its
links' weights, a strength: degree becomes strength, eigenvector, pagerank,
katz, clustering and Burt's measures use it as it is, and betweenness,
closeness and harmonic use the length 1/w (Opsahl et al. 2010), so
stronger ties are shorter. With -weights length the weight is a length as
given and strength measures use 1/w.
`

func measuresCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf := newAnalysis("measures", measuresHelp, stderr, false)
	list := fs.String("measures", strings.Join(measureNames, ","), "comma-separated `list` of measures")
	normalized := fs.Bool("normalized", true, "normalise degree, betweenness and katz as NetworkX does")
	asJSON := jsonFlag(fs)
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	var names []string
	for _, name := range strings.Split(*list, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		if !contains(measureNames, name) {
			return fmt.Errorf("unknown measure %q (want some of %s)", name, strings.Join(measureNames, ","))
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		return fmt.Errorf("-measures is empty")
	}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	cols := make([][]float64, len(names))
	for i, name := range names {
		sc, err := compute(s, name, *normalized)
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		cols[i] = sc.Values()
	}
	ids := s.ActorIDs()
	if *asJSON {
		return writeJSON(stdout, ids, names, cols)
	}
	return writeCSV(stdout, ids, names, cols)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// compute runs one measure with the command's documented options.
func compute(s *analysis.Scope, name string, normalized bool) (analysis.Scores, error) {
	switch name {
	case "degree":
		if normalized && s.Weights() == analysis.Unweighted {
			return analysis.Degree(s), nil
		}
		return analysis.Strength(s, measure.Both), nil // unweighted, strength is the raw degree
	case "betweenness":
		return analysis.Betweenness(s, normalized), nil
	case "closeness":
		return analysis.Closeness(s, true), nil
	case "harmonic":
		return analysis.Harmonic(s), nil
	case "eigenvector":
		return analysis.Eigenvector(s, measure.EigenvectorOptions{})
	case "pagerank":
		return analysis.PageRank(s, measure.PageRankOptions{})
	case "katz":
		return analysis.Katz(s, measure.KatzOptions{Unnormalized: !normalized})
	case "core":
		return analysis.CoreNumber(s), nil
	case "clustering":
		return analysis.Clustering(s), nil
	case "constraint":
		return analysis.Constraint(s), nil
	case "effective_size":
		return analysis.EffectiveSize(s), nil
	case "efficiency":
		return analysis.BurtEfficiency(s), nil
	case "hierarchy":
		return analysis.Hierarchy(s), nil
	}
	return analysis.Scores{}, fmt.Errorf("unknown measure")
}

func formatValue(v float64) string {
	return strconv.FormatFloat(v, 'g', 10, 64)
}

func writeCSV(w io.Writer, ids, names []string, cols [][]float64) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(append([]string{"id"}, names...)); err != nil {
		return err
	}
	row := make([]string, len(names)+1)
	for i, id := range ids {
		row[0] = id
		for j := range names {
			row[j+1] = formatValue(cols[j][i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeJSON(w io.Writer, ids, names []string, cols [][]float64) error {
	var b strings.Builder
	b.WriteString("[\n")
	for i, id := range ids {
		idb, _ := json.Marshal(id)
		fmt.Fprintf(&b, "  {\"id\": %s", idb)
		for j, name := range names {
			v := cols[j][i]
			val := "null"
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				val = formatValue(v)
			}
			fmt.Fprintf(&b, ", %q: %s", name, val)
		}
		b.WriteString("}")
		if i < len(ids)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]\n")
	_, err := io.WriteString(w, b.String())
	return err
}
