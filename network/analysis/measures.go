package analysis

import (
	"github.com/illicitnet/illicit/network/measure"
)

// The measures below run the index-level measures of package measure on a
// scope and label the result by actor. Measures of strength read
// StrengthGraph, measures of paths LengthGraph (see the package
// documentation); each function's definition, normalisation and reference
// are those of the measure function of the same name.

// weighted reports whether the scope's graphs carry weights.
func (s *Scope) weighted() bool { return s.opts.Weights != Unweighted }

// Degree returns degree centrality, deg(v)/(n−1) (in + out if directed),
// as measure.Degree; weights are ignored (see Strength).
func Degree(s *Scope) Scores { return s.Scores(measure.Degree(s.strength)) }

// Strength returns the sum of the strengths of each actor's ties in the
// direction dir (measure.Strength); 1 per tie if Unweighted.
func Strength(s *Scope, dir measure.Direction) Scores {
	return s.Scores(measure.Strength(s.strength, dir))
}

// Betweenness returns shortest-path betweenness (measure.Betweenness),
// normalised if normalized is set. Path lengths are the scope's lengths:
// hops if Unweighted, 1/strength with StrengthWeights, the weights as
// given with LengthWeights.
func Betweenness(s *Scope, normalized bool) Scores {
	return s.Scores(measure.Betweenness(s.length, normalized, s.Workers()))
}

// Closeness returns closeness centrality (measure.Closeness; incoming
// distance on a directed scope), with the Wasserman–Faust correction if
// wfImproved is set, on the scope's lengths.
func Closeness(s *Scope, wfImproved bool) Scores {
	return s.Scores(measure.Closeness(s.length, wfImproved, s.Workers()))
}

// Harmonic returns harmonic centrality, Σ 1/d(u, v) (measure.Harmonic), on
// the scope's lengths.
func Harmonic(s *Scope) Scores { return s.Scores(measure.Harmonic(s.length, s.Workers())) }

// Eigenvector returns eigenvector centrality (measure.Eigenvector) on the
// scope's strengths; opts.Weighted is set from the scope's weighting. It
// fails if the power iteration does not converge (measure.ErrNotConverged).
func Eigenvector(s *Scope, opts measure.EigenvectorOptions) (Scores, error) {
	opts.Weighted = s.weighted()
	return s.scoresOrError(measure.Eigenvector(s.strength, opts))
}

// PageRank returns PageRank (measure.PageRank) on the scope's strengths;
// opts.Weighted is set from the scope's weighting.
func PageRank(s *Scope, opts measure.PageRankOptions) (Scores, error) {
	opts.Weighted = s.weighted()
	return s.scoresOrError(measure.PageRank(s.strength, opts))
}

// Katz returns Katz centrality (measure.Katz) on the scope's strengths;
// opts.Weighted is set from the scope's weighting.
func Katz(s *Scope, opts measure.KatzOptions) (Scores, error) {
	opts.Weighted = s.weighted()
	return s.scoresOrError(measure.Katz(s.strength, opts))
}

func (s *Scope) scoresOrError(v []float64, err error) (Scores, error) {
	if err != nil {
		return Scores{}, err
	}
	return s.Scores(v), nil
}

// CoreNumber returns each actor's k-core number (measure.CoreNumber).
func CoreNumber(s *Scope) Scores {
	core := measure.CoreNumber(s.strength)
	v := make([]float64, len(core))
	for i, c := range core {
		v[i] = float64(c)
	}
	return s.Scores(v)
}

// Clustering returns the local clustering coefficient: measure.Clustering
// if Unweighted, measure.WeightedClustering (Onnela et al. 2005, on
// strengths) otherwise.
func Clustering(s *Scope) Scores {
	if s.weighted() {
		return s.Scores(measure.WeightedClustering(s.strength))
	}
	return s.Scores(measure.Clustering(s.strength))
}

// Constraint returns Burt's constraint (measure.Constraint) on the scope's
// strengths.
func Constraint(s *Scope) Scores { return s.Scores(measure.Constraint(s.strength)) }

// EffectiveSize returns Burt's effective size (measure.EffectiveSize) on
// the scope's strengths.
func EffectiveSize(s *Scope) Scores { return s.Scores(measure.EffectiveSize(s.strength)) }

// Hierarchy returns Burt's hierarchy (measure.Hierarchy) on the scope's
// strengths.
func Hierarchy(s *Scope) Scores { return s.Scores(measure.Hierarchy(s.strength)) }

// BurtEfficiency returns Burt's efficiency, effective size over number of
// contacts (measure.BurtEfficiency), on the scope's strengths.
func BurtEfficiency(s *Scope) Scores { return s.Scores(measure.BurtEfficiency(s.strength)) }
