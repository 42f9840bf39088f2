package measure

import (
	"errors"
	"fmt"
	"math"
)

// ErrNotConverged is returned (wrapped) by the power-iteration measures
// when they do not converge within the allowed number of iterations.
var ErrNotConverged = errors.New("measure: power iteration did not converge")

// EigenvectorOptions sets the power iteration of Eigenvector. The zero
// value gives NetworkX's defaults.
type EigenvectorOptions struct {
	// MaxIter is the maximum number of iterations (0 means 100).
	MaxIter int
	// Tol is the convergence tolerance per node (0 means 1e-6): the
	// iteration stops when Σ|x − x_prev| < n·Tol.
	Tol float64
	// Weighted uses edge weights; otherwise every edge weighs 1.
	Weighted bool
}

// Eigenvector returns the eigenvector centrality of every node (Bonacich
// 1972, "Factoring and weighting approaches to status scores and clique
// identification", J. Math. Sociol. 2(1):113–120): the entries of the
// eigenvector of the adjacency matrix for its largest eigenvalue, with
// unit Euclidean norm. For a directed graph it is the left eigenvector, a
// node's score being proportional to the sum of the scores of the nodes
// with arcs to it (in-arcs).
//
// It follows NetworkX's eigenvector_centrality(G, max_iter, tol, weight)
// step for step: power iteration on A + I (which has the same
// eigenvectors, and converges on bipartite graphs) from the uniform vector
// 1/n, normalised to unit L2 norm after each step, until the L1 change is
// below n·Tol. It returns an error wrapping ErrNotConverged when that takes
// more than MaxIter steps, as NetworkX raises PowerIterationFailedConvergence
// (this happens on directed acyclic graphs, for example), and an error on
// the empty graph. On a disconnected graph the iteration may converge to a
// vector concentrated on one component; compute it on each component (see
// Components) for per-component scores.
func Eigenvector(g *Graph, opt EigenvectorOptions) ([]float64, error) {
	n := g.Len()
	if n == 0 {
		return nil, errors.New("measure: eigenvector centrality of the null graph")
	}
	maxIter, tol := opt.MaxIter, opt.Tol
	if maxIter <= 0 {
		maxIter = 100
	}
	if tol <= 0 {
		tol = 1e-6
	}
	weighted := opt.Weighted && g.weighted
	x := make([]float64, n)
	last := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	for it := 0; it < maxIter; it++ {
		x, last = last, x
		for v := 0; v < n; v++ {
			s := last[v]
			adj, w := g.In(v)
			if weighted {
				for k, u := range adj {
					s += last[u] * w[k]
				}
			} else {
				for _, u := range adj {
					s += last[u]
				}
			}
			x[v] = s
		}
		norm := hypot(x)
		if norm == 0 {
			norm = 1
		}
		var diff float64
		for v := range x {
			x[v] /= norm
			diff += math.Abs(x[v] - last[v])
		}
		if diff < float64(n)*tol {
			return x, nil
		}
	}
	return nil, fmt.Errorf("eigenvector centrality after %d iterations: %w", maxIter, ErrNotConverged)
}

// hypot returns the Euclidean norm of x, scaled to avoid overflow.
func hypot(x []float64) float64 {
	var m float64
	for _, v := range x {
		m = max(m, math.Abs(v))
	}
	if m == 0 || math.IsInf(m, 0) {
		return m
	}
	var s float64
	for _, v := range x {
		r := v / m
		s += r * r
	}
	return m * math.Sqrt(s)
}

// PageRankOptions sets PageRank. The zero value gives NetworkX's defaults.
type PageRankOptions struct {
	// Alpha is the damping factor, the probability of following a link
	// rather than jumping (0 means 0.85; it must lie in (0, 1]).
	Alpha float64
	// MaxIter is the maximum number of iterations (0 means 100).
	MaxIter int
	// Tol is the convergence tolerance per node (0 means 1e-6): the
	// iteration stops when Σ|x − x_prev| < n·Tol.
	Tol float64
	// Personalization, if not nil, gives one non-negative value per node:
	// the jump distribution, normalised to sum 1. Nil means uniform.
	Personalization []float64
	// Dangling, if not nil, gives one non-negative value per node: where
	// the walk goes from a node without out-arcs, normalised to sum 1.
	// Nil means the personalization vector.
	Dangling []float64
	// Start, if not nil, is the starting vector (one value per node,
	// normalised to sum 1). Nil means uniform.
	Start []float64
	// Weighted uses edge weights: the walk follows an arc with probability
	// proportional to its weight. Otherwise every arc weighs 1.
	Weighted bool
}

// PageRank returns the PageRank of every node (Brin & Page 1998, "The
// anatomy of a large-scale hypertextual Web search engine", Computer
// Networks 30:107–117): the stationary distribution of a random walk that
// follows an out-arc (chosen in proportion to weight) with probability
// Alpha and otherwise jumps to a node drawn from the personalization
// vector; from a node without out-arcs (or whose out-arcs all weigh 0) it
// jumps by the dangling vector. The values sum to 1. An undirected graph is
// taken as directed both ways.
//
// It follows NetworkX's pure-Python _pagerank_python(G, alpha,
// personalization, max_iter, tol, nstart, weight, dangling) (the
// algorithm of pagerank without NumPy): power iteration from Start until the
// L1 change is below n·Tol, failing with an error wrapping ErrNotConverged
// after MaxIter steps; with the same options it stops at the same step and
// gives the same values to rounding. It returns an empty slice for the empty graph and an error for
// vectors of the wrong length, with negative entries or summing to 0.
func PageRank(g *Graph, opt PageRankOptions) ([]float64, error) {
	n := g.Len()
	if n == 0 {
		return []float64{}, nil
	}
	alpha, maxIter, tol := opt.Alpha, opt.MaxIter, opt.Tol
	if alpha == 0 {
		alpha = 0.85
	}
	if alpha < 0 || alpha > 1 || math.IsNaN(alpha) {
		return nil, fmt.Errorf("measure: PageRank damping factor %v outside (0, 1]", alpha)
	}
	if maxIter <= 0 {
		maxIter = 100
	}
	if tol <= 0 {
		tol = 1e-6
	}
	uniform := func() []float64 {
		u := make([]float64, n)
		for i := range u {
			u[i] = 1 / float64(n)
		}
		return u
	}
	p, x := uniform(), uniform()
	var err error
	if opt.Personalization != nil {
		if p, err = stochasticVector(opt.Personalization, n, "personalization"); err != nil {
			return nil, err
		}
	}
	dangling := p
	if opt.Dangling != nil {
		if dangling, err = stochasticVector(opt.Dangling, n, "dangling"); err != nil {
			return nil, err
		}
	}
	if opt.Start != nil {
		if x, err = stochasticVector(opt.Start, n, "start"); err != nil {
			return nil, err
		}
	}
	weighted := opt.Weighted && g.weighted
	// inv[u] is 1 / (out-strength of u), 0 for dangling nodes.
	inv := make([]float64, n)
	var danglingNodes []int32
	for u := 0; u < n; u++ {
		var s float64
		if weighted {
			_, w := g.Out(u)
			for _, v := range w {
				s += v
			}
		} else {
			s = float64(g.OutDegree(u))
		}
		if s > 0 {
			inv[u] = 1 / s
		} else {
			danglingNodes = append(danglingNodes, int32(u))
		}
	}
	last := make([]float64, n)
	c := make([]float64, n)
	for it := 0; it < maxIter; it++ {
		x, last = last, x
		var dsum float64
		for _, u := range danglingNodes {
			dsum += last[u]
		}
		dsum *= alpha
		for u := range c {
			c[u] = alpha * last[u] * inv[u]
		}
		var diff float64
		for v := 0; v < n; v++ {
			adj, w := g.In(v)
			var s float64
			if weighted {
				for k, u := range adj {
					s += c[u] * w[k]
				}
			} else {
				for _, u := range adj {
					s += c[u]
				}
			}
			s += dsum*dangling[v] + (1-alpha)*p[v]
			x[v] = s
			diff += math.Abs(s - last[v])
		}
		if diff < float64(n)*tol {
			return x, nil
		}
	}
	return nil, fmt.Errorf("PageRank after %d iterations: %w", maxIter, ErrNotConverged)
}

// stochasticVector checks a per-node vector and scales it to sum 1.
func stochasticVector(v []float64, n int, what string) ([]float64, error) {
	if len(v) != n {
		return nil, fmt.Errorf("measure: %s vector has %d entries for %d nodes", what, len(v), n)
	}
	var s float64
	for i, x := range v {
		if x < 0 || math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("measure: %s vector entry %d is %v", what, i, x)
		}
		s += x
	}
	if s == 0 {
		return nil, fmt.Errorf("measure: %s vector sums to 0", what)
	}
	out := make([]float64, n)
	for i, x := range v {
		out[i] = x / s
	}
	return out, nil
}

// KatzOptions sets Katz. The zero value gives NetworkX's defaults.
type KatzOptions struct {
	// Alpha is the attenuation factor (0 means 0.1). The iteration
	// converges only if Alpha < 1/λmax, λmax the largest eigenvalue of
	// the adjacency matrix.
	Alpha float64
	// Beta is the exogenous weight of every node (0 means 1), used when
	// Betas is nil.
	Beta float64
	// Betas, if not nil, gives one exogenous weight per node.
	Betas []float64
	// MaxIter is the maximum number of iterations (0 means 1000).
	MaxIter int
	// Tol is the convergence tolerance per node (0 means 1e-6): the
	// iteration stops when Σ|x − x_prev| < n·Tol.
	Tol float64
	// Unnormalized returns the raw scores; by default they are scaled to
	// unit Euclidean norm (NetworkX's normalized=True).
	Unnormalized bool
	// Weighted uses edge weights; otherwise every edge weighs 1.
	Weighted bool
}

// Katz returns the Katz centrality of every node (Katz 1953, "A new status
// index derived from sociometric analysis", Psychometrika 18(1):39–43):
// the solution of x = α·Aᵀx + β, i.e. x_v = α Σ_{u→v} a_uv x_u + β_v, which
// counts the walks ending at v with weight α per step. For a directed graph
// it uses in-arcs, as NetworkX does.
//
// It follows NetworkX's katz_centrality(G, alpha, beta, max_iter, tol,
// normalized, weight): fixed-point iteration from x = 0 until the L1 change
// is below n·Tol, then (unless Unnormalized) scaling to unit L2 norm. It
// returns an error wrapping ErrNotConverged after MaxIter steps (which is
// what happens when α ≥ 1/λmax), an error if Betas has the wrong length,
// and an empty slice for the empty graph.
func Katz(g *Graph, opt KatzOptions) ([]float64, error) {
	n := g.Len()
	if n == 0 {
		return []float64{}, nil
	}
	alpha, beta, maxIter, tol := opt.Alpha, opt.Beta, opt.MaxIter, opt.Tol
	if alpha == 0 {
		alpha = 0.1
	}
	if beta == 0 {
		beta = 1
	}
	if maxIter <= 0 {
		maxIter = 1000
	}
	if tol <= 0 {
		tol = 1e-6
	}
	b := opt.Betas
	if b == nil {
		b = make([]float64, n)
		for i := range b {
			b[i] = beta
		}
	} else if len(b) != n {
		return nil, fmt.Errorf("measure: Katz betas has %d entries for %d nodes", len(b), n)
	}
	weighted := opt.Weighted && g.weighted
	x := make([]float64, n)
	last := make([]float64, n)
	for it := 0; it < maxIter; it++ {
		x, last = last, x
		var diff float64
		for v := 0; v < n; v++ {
			adj, w := g.In(v)
			var s float64
			if weighted {
				for k, u := range adj {
					s += last[u] * w[k]
				}
			} else {
				for _, u := range adj {
					s += last[u]
				}
			}
			x[v] = alpha*s + b[v]
			diff += math.Abs(x[v] - last[v])
		}
		if diff < float64(n)*tol {
			if !opt.Unnormalized {
				if norm := hypot(x); norm > 0 {
					for v := range x {
						x[v] /= norm
					}
				}
			}
			return x, nil
		}
	}
	return nil, fmt.Errorf("Katz centrality after %d iterations: %w", maxIter, ErrNotConverged)
}
