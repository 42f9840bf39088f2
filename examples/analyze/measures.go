package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/illicitnet/illicit/network"
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

The graph is the network's undirected view (or directed with -directed),
all links, parallel links merged. Definitions equal NetworkX's:
  degree          degree_centrality: deg/(n-1) (in+out if directed);
                  raw degree with -normalized=false; weighted: strength
  betweenness     betweenness_centrality (Brandes 2001), endpoints excluded,
                  normalised by 2/((n-1)(n-2)) (undirected) or 1/((n-1)(n-2));
                  raw with -normalized=false; weighted: weights are lengths
  closeness       closeness_centrality, wf_improved=True (incoming distance
                  if directed); weighted: weights are lengths
  harmonic        harmonic_centrality: sum of 1/d; weighted: lengths
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
With -weighted, edge weights are the sum of the merged links' weights.

Flags:
`

func measuresCmd(args []string, stdout, stderr io.Writer) error {
	fs, in := newCommand("measures", measuresHelp, stderr)
	list := fs.String("measures", strings.Join(measureNames, ","), "comma-separated `list` of measures")
	weighted := fs.Bool("weighted", false, "use link weights (summed over parallel links)")
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
	n, err := in.load()
	if err != nil {
		return err
	}
	g, ids, err := measure.FromNetwork(n, network.ViewOptions{Aggregation: network.Sum}, in.directed, *weighted)
	if err != nil {
		return err
	}
	cols := make([][]float64, len(names))
	for i, name := range names {
		if cols[i], err = compute(g, name, *weighted, *normalized); err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
	}
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
func compute(g *measure.Graph, name string, weighted, normalized bool) ([]float64, error) {
	switch name {
	case "degree":
		switch {
		case weighted:
			return measure.Strength(g, measure.Both), nil
		case normalized:
			return measure.Degree(g), nil
		}
		out := make([]float64, g.Len())
		for i := range out {
			out[i] = float64(g.OutDegree(i))
			if g.Directed() {
				out[i] += float64(g.InDegree(i))
			}
		}
		return out, nil
	case "betweenness":
		return measure.Betweenness(g, normalized), nil
	case "closeness":
		return measure.Closeness(g, true), nil
	case "harmonic":
		return measure.Harmonic(g), nil
	case "eigenvector":
		return measure.Eigenvector(g, measure.EigenvectorOptions{Weighted: weighted})
	case "pagerank":
		return measure.PageRank(g, measure.PageRankOptions{Weighted: weighted})
	case "katz":
		return measure.Katz(g, measure.KatzOptions{Weighted: weighted, Unnormalized: !normalized})
	case "core":
		core := measure.CoreNumber(g)
		out := make([]float64, len(core))
		for i, c := range core {
			out[i] = float64(c)
		}
		return out, nil
	case "clustering":
		if weighted {
			return measure.WeightedClustering(g), nil
		}
		return measure.Clustering(g), nil
	case "constraint":
		return measure.Constraint(g), nil
	case "effective_size":
		return measure.EffectiveSize(g), nil
	case "efficiency":
		return measure.Efficiency(g), nil
	case "hierarchy":
		return measure.Hierarchy(g), nil
	}
	return nil, fmt.Errorf("unknown measure")
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
