package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/measure"
)

// measureNames lists the measures of the measures command, in output order
// when -measures is not given.
var measureNames = []string{"degree", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
	"katz", "core", "clustering", "constraint", "effective_size", "efficiency", "hierarchy"}

const measuresHelp = `usage: analyze measures -in FILE [flags]

Prints one row per actor, in input order (with -top N: the N actors
ranked first by the first measure, ties in input order), with the chosen
measures: CSV (header id,name,<measure>...; values with 10 significant
digits; NaN where a measure is undefined for an actor, e.g. constraint of
an isolate) or, with -json, a JSON array of objects (NaN as null).

A measure that cannot be computed on the graph (a power iteration that
does not converge, Katz's alpha at or above 1/λmax) leaves its column
empty (null in JSON), and one warning line on standard error names the
measure, the reason and the flag that helps; the rest of the table is
printed and the exit status is 0.

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
  eigenvector     eigenvector_centrality (max_iter 100, tol 1e-6; see
                  -max-iter, -tol)
  pagerank        pagerank, alpha 0.85 (-damping), tol 1e-6, max_iter 100
  katz            katz_centrality, alpha 0.1 (-katz-alpha), beta 1
                  (-katz-beta), max_iter 1000, tol 1e-6, unit norm
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

// iterative holds the flags of the iterative measures.
type iterative struct {
	katzAlpha, katzBeta, damping, tol float64
	maxIter                           int
}

func measuresCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("measures", measuresHelp, stderr, false, 0, "actors listed, ranked by the first measure")
	list := fs.String("measures", strings.Join(measureNames, ","), "comma-separated `list` of measures")
	normalized := fs.Bool("normalized", true, "normalise degree, betweenness and katz as NetworkX does")
	var it iterative
	fs.Float64Var(&it.katzAlpha, "katz-alpha", 0.1, "Katz attenuation `alpha`; the series converges only below 1/λmax")
	fs.Float64Var(&it.katzBeta, "katz-beta", 1, "Katz exogenous weight `beta` of every actor")
	fs.Float64Var(&it.damping, "damping", 0.85, "PageRank damping `factor` in (0, 1]")
	fs.IntVar(&it.maxIter, "max-iter", 0, "iteration `limit` of eigenvector, pagerank and katz (0: NetworkX's, 100, 100 and 1000)")
	fs.Float64Var(&it.tol, "tol", 1e-6, "convergence `tolerance` per actor of eigenvector, pagerank and katz")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	var names []string
	for _, name := range splitList(*list) {
		if !slices.Contains(measureNames, name) {
			return usagef("-measures: unknown measure %q (want some of %s)", name, strings.Join(measureNames, ","))
		}
		if slices.Contains(names, name) {
			return usagef("-measures: %s given twice", name)
		}
		names = append(names, name)
	}
	switch {
	case len(names) == 0:
		return usagef("-measures is empty")
	case !(it.katzAlpha > 0) || math.IsInf(it.katzAlpha, 0):
		return usagef("-katz-alpha must be positive, got %v", it.katzAlpha)
	case !(it.katzBeta > 0) || math.IsInf(it.katzBeta, 0):
		return usagef("-katz-beta must be positive, got %v", it.katzBeta)
	case !(it.damping > 0 && it.damping <= 1):
		return usagef("-damping must be in (0, 1], got %v", it.damping)
	case !(it.tol > 0) || math.IsInf(it.tol, 0):
		return usagef("-tol must be positive, got %v", it.tol)
	case it.maxIter < 0:
		return usagef("-max-iter must not be negative, got %d", it.maxIter)
	}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	cols := make([][]float64, len(names))
	for i, name := range names {
		sc, err := compute(s, name, *normalized, it)
		if err != nil {
			warnf(stderr, "measures", "%s", remedy(s, name, err, it))
			continue
		}
		cols[i] = sc.Values()
	}
	var rankBy []float64 // the first measure computed
	if i := slices.IndexFunc(cols, func(c []float64) bool { return c != nil }); i >= 0 {
		rankBy = cols[i]
		if i > 0 && out.top > 0 {
			warnf(stderr, "measures", "-top ranks by %s, the first measure computed", names[i])
		}
	}
	order := out.order(s, rankBy)
	t := newTable(append([]string{"id", "name"}, names...)...)
	for _, i := range order {
		row := []any{s.ActorID(i), s.Actor(i).Name}
		for _, c := range cols {
			if c == nil {
				row = append(row, nil)
			} else {
				row = append(row, c[i])
			}
		}
		t.add(row...)
	}
	return t.write(stdout, out.json)
}

// compute runs one measure with the command's documented options.
func compute(s *analysis.Scope, name string, normalized bool, it iterative) (analysis.Scores, error) {
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
		return analysis.Eigenvector(s, measure.EigenvectorOptions{MaxIter: it.maxIter, Tol: it.tol})
	case "pagerank":
		return analysis.PageRank(s, measure.PageRankOptions{Alpha: it.damping, MaxIter: it.maxIter, Tol: it.tol})
	case "katz":
		return analysis.Katz(s, measure.KatzOptions{Alpha: it.katzAlpha, Beta: it.katzBeta, MaxIter: it.maxIter,
			Tol: it.tol, Unnormalized: !normalized})
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
	return analysis.Scores{}, fmt.Errorf("unknown measure %q", name)
}

// remedy explains why a measure could not be computed and what to do.
func remedy(s *analysis.Scope, name string, err error, it iterative) string {
	if !errors.Is(err, measure.ErrNotConverged) {
		return fmt.Sprintf("%s: not computed: %v", name, err)
	}
	iters := it.maxIter
	if iters == 0 {
		iters = map[string]int{"eigenvector": 100, "pagerank": 100, "katz": 1000}[name]
	}
	if name == "katz" {
		if lambda := spectralRadius(s.StrengthGraph(), s.Weights() != analysis.Unweighted); lambda > 0 && it.katzAlpha >= 1/lambda {
			return fmt.Sprintf("katz: not computed: alpha %v ≥ 1/λmax = %.4g (λmax = %.4g, the largest eigenvalue of the adjacency matrix), so the Katz series diverges; use -katz-alpha below %.4g",
				it.katzAlpha, 1/lambda, lambda, 1/lambda)
		}
	}
	return fmt.Sprintf("%s: not computed: the power iteration did not converge in %d iterations to tolerance %v per actor; raise -max-iter (e.g. -max-iter %d) or -tol",
		name, iters, it.tol, iters*100)
}

// spectralRadius estimates the largest eigenvalue λmax of the adjacency
// matrix of g (weights if weighted) by power iteration on A + I, which
// converges for any non-negative matrix (the shift makes the Perron root
// the only eigenvalue of largest modulus), and the Rayleigh-type ratio
// ‖Ax‖/‖x‖ at the end. It returns 0 for a graph without edges.
func spectralRadius(g *measure.Graph, weighted bool) float64 {
	n := g.Len()
	if n == 0 || g.NumEdges() == 0 {
		return 0
	}
	x := make([]float64, n)
	y := make([]float64, n)
	for i := range x {
		x[i] = 1 / math.Sqrt(float64(n))
	}
	mul := func(x, y []float64) {
		for v := range n {
			sum := 0.0
			nb, w := g.In(v)
			for k, u := range nb {
				if weighted {
					sum += w[k] * x[u]
				} else {
					sum += x[u]
				}
			}
			y[v] = sum
		}
	}
	lambda := 0.0
	for iter := 0; iter < 10000; iter++ {
		mul(x, y)
		norm := 0.0
		for i := range y {
			y[i] += x[i]
			norm += y[i] * y[i]
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			return 0
		}
		change := 0.0
		for i := range y {
			y[i] /= norm
			change += math.Abs(y[i] - x[i])
		}
		x, y = y, x
		next := norm - 1
		if change < 1e-12 && math.Abs(next-lambda) < 1e-12*next {
			lambda = next
			break
		}
		lambda = next
	}
	mul(x, y)
	num := 0.0
	for i := range y {
		num += y[i] * y[i]
	}
	return math.Sqrt(num)
}
