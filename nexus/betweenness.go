package nexus

import (
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/measure"
)

// Betweenness returns the nexus betweenness of every actor of the scope:
// for the scope's sets A (by default the criminal-sector actors) and B (by
// default the terrorist-sector actors),
//
//	NB(v) = Σ_{a ∈ A, b ∈ B, a ≠ b, a ≠ v ≠ b} σ(a, b | v) / σ(a, b)
//
// where σ(a, b) is the number of shortest paths from a to b and
// σ(a, b | v) the number of those through v. Paths follow link directions
// if the scope is directed. Their lengths are the scope's lengths: hops if
// Unweighted, 1/w for a strength w (so a tie of grade-discounted strength
// graded A1 is shorter than one graded E5, and parallel links bring a pair
// closer), or the weights as given with LengthWeights.
//
// The sum runs over ordered pairs (a, b) and is not halved or normalised:
// on an undirected scope a pair of hybrids x, y in both A and B counts as
// (x, y) and as (y, x), and the value is exactly twice NetworkX's
// betweenness_centrality_subset(G, sources=A, targets=B, normalized=False),
// which halves undirected sums; on a directed scope the two are equal. The
// critical node of the nexus is the actor ranked first (Scores.Ranked).
//
// It is computed exactly with Brandes' (2001) algorithm restricted to
// sources in A and targets in B (measure.SetBetweenness), in parallel. It
// fails, saying how to fix it, if A or B is empty.
//
// Reference: U. Brandes (2001), "A faster algorithm for betweenness
// centrality", J. Math. Sociol. 25(2): 163–177.
func Betweenness(s *analysis.Scope) (analysis.Scores, error) {
	a, b, err := s.Sets()
	if err != nil {
		return analysis.Scores{}, errorf("betweenness: %w", err)
	}
	return s.Scores(measure.SetBetweenness(s.LengthGraph(), a, b, s.Workers())), nil
}
