package robust

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// MaxValues bounds Runs × actors in MonteCarlo: every run's score of every
// actor is kept until the end, for the exact percentiles, at 8 bytes each
// (2²⁷ values: 1 GiB).
const MaxValues = 1 << 27

// MonteCarloOptions configure MonteCarlo.
type MonteCarloOptions struct {
	// Runs is the number R of sampled networks (at least 1).
	Runs int
	// Seed seeds the sampling: run r draws its links from the PCG
	// generator rand.NewPCG(Seed, r), so the same seed gives the same
	// result whatever Workers is.
	Seed uint64
	// Workers is the number of goroutines the runs are spread over; 0
	// means GOMAXPROCS. Results do not depend on it.
	Workers int
	// K is the size of the top group whose membership is estimated (at
	// least 1).
	K int
	// Keep, if not nil, gives the probability that a link is kept,
	// instead of its grade's confidence (network.Grade.Confidence, which
	// is network.UngradedConfidence for an ungraded link). It must return
	// a number in [0, 1]. Use it, for instance, to give ungraded links of a
	// published dataset another probability than that of an F6 report.
	Keep func(network.Link) float64
}

// ActorStats is one actor's distribution over the runs of MonteCarlo.
type ActorStats struct {
	// Actor is the actor's ID.
	Actor string
	// Full is the actor's score on the scope with all its links, and
	// FullRank its 1-based rank there (analysis.Scores.Rank: ties in actor
	// order).
	Full     float64
	FullRank int
	// Mean is the mean score over the runs, SD the sample standard
	// deviation (divisor R − 1; 0 for one run) and SE = SD/√R the standard
	// error of the mean.
	Mean, SD, SE float64
	// Low and High are the 5th and 95th percentiles of the runs' scores
	// (see Percentile): a 90 % interval.
	Low, High float64
	// PFirst is the share of runs in which the actor is first, a run with
	// t actors tied first counting 1/t for each; PTop the share of runs in
	// which it is in the top k (ties at the k-th place all in). See the
	// package documentation, "Who is first".
	PFirst, PTop float64
}

// TauStats summarises Kendall's τ-b between each run's scores and the full
// scope's.
type TauStats struct {
	// Mean and SD are the mean and sample standard deviation over the runs
	// where τ-b is defined; Low and High its 5th and 95th percentiles.
	Mean, SD, Low, High float64
	// Undefined counts the runs where τ-b is undefined (all scores equal,
	// in the run or in the full scope), left out of the figures above; they
	// are NaN if every run is.
	Undefined int
}

// MonteCarloResult is the outcome of MonteCarlo.
type MonteCarloResult struct {
	// Measure is the measure's name; Runs, Seed and K the options used.
	Measure string
	Runs    int
	Seed    uint64
	K       int
	// Links is the number of links sampled (the scope's links between two
	// distinct actors) and ExpectedLinks the expected number kept, Σ p.
	Links         int
	ExpectedLinks float64
	// Full is the ranking on the scope with all its links; FullFirst its
	// first actors and FullTop its top k (in actor order; see the package
	// documentation).
	Full      analysis.Scores
	FullFirst []string
	FullTop   []string
	// Actors holds every actor's statistics, in actor order.
	Actors []ActorStats
	// Tau is the rank stability: Kendall's τ-b between each run and Full.
	Tau TauStats
	// PFullFirst is the share of runs whose first actors are exactly
	// FullFirst.
	PFullFirst float64
}

// Actor returns an actor's statistics, and false if the result has none.
func (r MonteCarloResult) Actor(id string) (ActorStats, bool) {
	i := slices.IndexFunc(r.Actors, func(a ActorStats) bool { return a.Actor == id })
	if i < 0 {
		return ActorStats{}, false
	}
	return r.Actors[i], true
}

// Ranked returns the actors' statistics by decreasing PFirst, then
// decreasing PTop, then decreasing Mean, ties in actor order.
func (r MonteCarloResult) Ranked() []ActorStats {
	out := slices.Clone(r.Actors)
	slices.SortStableFunc(out, func(a, b ActorStats) int {
		if c := cmp.Compare(b.PFirst, a.PFirst); c != 0 {
			return c
		}
		if c := cmp.Compare(b.PTop, a.PTop); c != 0 {
			return c
		}
		return cmp.Compare(b.Mean, a.Mean)
	})
	return out
}

// MonteCarlo estimates how a ranking varies with the uncertainty of its
// evidence: in each of opts.Runs runs every link of the scope is kept
// independently with probability p = its grade's confidence (or
// opts.Keep), the measure is computed on the scope of the links kept, and
// the runs are summarised per actor (mean, 90 % interval, probability of
// being first and of being in the top k) and as Kendall's τ-b between each
// run's ranking and the full scope's. See the package documentation for
// the model and the definitions.
//
// Runs are spread over opts.Workers goroutines; run r uses the generator
// rand.NewPCG(opts.Seed, r), drawing one number per link in link order
// (the link is kept if the number, uniform in [0, 1), is below p), and the
// runs are combined in run order, so the result depends on the seed only.
// It fails if m has no Rank function, Runs or K is below 1, the scope has
// no actor, Runs × actors exceeds MaxValues, Keep returns a probability
// outside [0, 1], or the measure fails (on the full scope or on a run: the
// error of the lowest run that failed).
func MonteCarlo(s *analysis.Scope, m Measure, opts MonteCarloOptions) (MonteCarloResult, error) {
	if err := m.check(); err != nil {
		return MonteCarloResult{}, err
	}
	if opts.Runs < 1 {
		return MonteCarloResult{}, errorf("Monte Carlo: the number of runs must be at least 1, got %d", opts.Runs)
	}
	if opts.K < 1 {
		return MonteCarloResult{}, errorf("Monte Carlo: k (the size of the top group) must be at least 1, got %d", opts.K)
	}
	e, err := newEvidence(s)
	if err != nil {
		return MonteCarloResult{}, err
	}
	n := s.Len()
	if int64(opts.Runs)*int64(n) > MaxValues {
		return MonteCarloResult{}, errorf("Monte Carlo: %d runs of %d actors would keep %d scores, more than %d: use fewer runs", opts.Runs, n, int64(opts.Runs)*int64(n), MaxValues)
	}
	p, err := keepProbabilities(e.links, opts.Keep)
	if err != nil {
		return MonteCarloResult{}, err
	}
	full, err := m.values(s)
	if err != nil {
		return MonteCarloResult{}, err
	}
	fullRank := rankOf(full, opts.K)

	values := make([]float64, opts.Runs*n) // run r's scores at r*n …
	taus := make([]float64, opts.Runs)
	err = parallel(opts.Runs, opts.Workers, func(r int) error {
		rng := rand.New(rand.NewPCG(opts.Seed, uint64(r)))
		keep := make([]bool, len(p))
		for i, pi := range p {
			keep[i] = rng.Float64() < pi
		}
		sub, err := e.scope(func(i int) bool { return keep[i] })
		if err != nil {
			return errorf("Monte Carlo run %d: %w", r, err)
		}
		v, err := m.values(sub)
		if err != nil {
			return fmt.Errorf("Monte Carlo run %d: %w", r, err)
		}
		copy(values[r*n:(r+1)*n], v)
		taus[r] = KendallTau(v, full)
		return nil
	})
	if err != nil {
		return MonteCarloResult{}, err
	}

	res := MonteCarloResult{Measure: m.Name, Runs: opts.Runs, Seed: opts.Seed, K: opts.K, Links: len(p),
		Full: s.Scores(full), Actors: make([]ActorStats, n)}
	for _, pi := range p {
		res.ExpectedLinks += pi
	}
	res.FullFirst, res.FullTop = ids(s, fullRank.first), ids(s, members(fullRank.topK))
	first := make([]float64, n)
	top := make([]int, n)
	same := 0
	for r := range opts.Runs {
		rk := rankOf(values[r*n:(r+1)*n], opts.K)
		for _, i := range rk.first {
			first[i] += 1 / float64(len(rk.first))
		}
		for i, in := range rk.topK {
			if in {
				top[i]++
			}
		}
		if slices.Equal(rk.first, fullRank.first) {
			same++
		}
	}
	R := float64(opts.Runs)
	res.PFullFirst = float64(same) / R
	col := make([]float64, opts.Runs)
	for i := range n {
		for r := range opts.Runs {
			col[r] = values[r*n+i]
		}
		st := ActorStats{Actor: s.ActorID(i), Full: full[i], PFirst: first[i] / R, PTop: float64(top[i]) / R}
		st.FullRank, _ = res.Full.Rank(st.Actor)
		st.Mean, st.SD = meanSD(col)
		st.SE = st.SD / math.Sqrt(R)
		slices.Sort(col) // NaNs first; they come only from measures that leave actors unscored
		st.Low, st.High = Percentile(col, 0.05), Percentile(col, 0.95)
		res.Actors[i] = st
	}
	var defined []float64
	for _, t := range taus {
		if math.IsNaN(t) {
			res.Tau.Undefined++
		} else {
			defined = append(defined, t)
		}
	}
	res.Tau.Mean, res.Tau.SD = meanSD(defined)
	slices.Sort(defined)
	res.Tau.Low, res.Tau.High = Percentile(defined, 0.05), Percentile(defined, 0.95)
	return res, nil
}

// keepProbabilities returns each link's probability of being kept.
func keepProbabilities(links []network.Link, keep func(network.Link) float64) ([]float64, error) {
	p := make([]float64, len(links))
	for i, l := range links {
		if keep == nil {
			p[i] = l.Grade.Confidence()
			continue
		}
		p[i] = keep(l)
		if !(p[i] >= 0 && p[i] <= 1) {
			return nil, errorf("Monte Carlo: Keep gives the link %d (%s → %s) the probability %v, outside [0, 1]", l.ID, l.From, l.To, p[i])
		}
	}
	return p, nil
}

// meanSD returns the mean and sample standard deviation (divisor n − 1,
// 0 for one value; NaN for none), summing in order.
func meanSD(x []float64) (mean, sd float64) {
	if len(x) == 0 {
		return math.NaN(), math.NaN()
	}
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	if len(x) == 1 {
		return mean, 0
	}
	var ss float64
	for _, v := range x {
		ss += (v - mean) * (v - mean)
	}
	return mean, math.Sqrt(ss / float64(len(x)-1))
}

func members(in []bool) []int {
	var out []int
	for i, ok := range in {
		if ok {
			out = append(out, i)
		}
	}
	return out
}

func ids(s *analysis.Scope, idx []int) []string {
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = s.ActorID(j)
	}
	return out
}
