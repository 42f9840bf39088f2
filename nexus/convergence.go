package nexus

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// Weights are the weights of the four parts of the convergence score. The
// zero value means the default: 0.25 each, so that scores lie in [0, 1].
type Weights struct {
	// Betweenness weighs normalised nexus betweenness.
	Betweenness float64
	// Blau weighs the Blau index of the neighbours' sectors.
	Blau float64
	// Multiplexity weighs the share of the four critical elements carried.
	Multiplexity float64
	// Hybrid weighs hybrid status.
	Hybrid float64
}

// ConvergenceOptions configure Convergence.
type ConvergenceOptions struct {
	// Weights of the score's parts; the zero value means 0.25 each.
	// Weights must be finite and non-negative.
	Weights Weights
}

// ConvergenceNode is an actor whose ties reach both sets, with its
// convergence score and the parts it is made of.
type ConvergenceNode struct {
	// Actor is the actor's ID.
	Actor string
	// Score is the weighted sum of the four parts below.
	Score float64
	// NexusBetweenness is the raw nexus betweenness (see Betweenness).
	NexusBetweenness float64
	// Betweenness is NexusBetweenness divided by its maximum over all
	// actors of the view (0 if that maximum is 0), in [0, 1].
	Betweenness float64
	// Blau is the Blau index of the sectors of the actor's neighbours.
	Blau float64
	// Elements are the critical elements (materiel, manpower, money,
	// mechanism) among the actor's links in the view, in that order.
	Elements []network.Element
	// Multiplexity is len(Elements)/4, in [0, 1].
	Multiplexity float64
	// Hybrid reports whether the actor belongs to two sectors or more.
	Hybrid bool
	// NeighboursA and NeighboursB are the IDs of the actor's neighbours in
	// set A and in set B, in actor order.
	NeighboursA, NeighboursB []string
}

// Convergence returns the convergence nodes of the scope: the actors whose
// ties reach both set A and set B (by default the criminal and the
// terrorist sector), ranked by a composite score.
//
// Neighbours are the actors joined to v by an edge of the scope, in either
// direction even when the scope is directed. An actor qualifies if it has
// at least one neighbour in A and one in B (a neighbour in both sets
// serves as either), or if it is itself in both A and B (a hybrid such as
// an insurgency tagged criminal) and has at least one neighbour in A or B.
//
// Its score is
//
//	score = w₁·NB' + w₂·Blau + w₃·Multiplexity' + w₄·Hybrid
//
// where
//   - NB' is the actor's nexus betweenness (Betweenness, on the same
//     scope) divided by the largest nexus betweenness in the view, or 0
//     if every value is 0;
//   - Blau = 1 − Σ_s p_s² is Blau's (1977) index of heterogeneity of the
//     sectors of the actor's neighbours: each neighbour carries a weight
//     of 1, split equally among its sectors (a neighbour in k sectors adds
//     1/k to each), and p_s is sector s's share of the total; neighbours
//     with no sector are left out. It is 0 when all neighbours share one
//     sector and at most 1 − 1/7 with the seven sectors;
//   - Multiplexity' is the number of the four critical elements (materiel,
//     manpower, money, mechanism) carried by at least one of the actor's
//     links kept by the scope, divided by 4; association links do not
//     count;
//   - Hybrid is 1 if the actor belongs to two sectors or more
//     (network.Actor.Hybrid), else 0.
//
// The weights w₁…w₄ are opts.Weights, 0.25 each by default, so scores lie
// in [0, 1] by default. Results are sorted by decreasing score, ties in
// actor order. It fails if A or B is empty.
//
// References: U. Brandes (2001), "A faster algorithm for betweenness
// centrality", J. Math. Sociol. 25(2): 163–177; P. M. Blau (1977),
// Inequality and Heterogeneity, New York: Free Press.
func Convergence(s *analysis.Scope, opts ConvergenceOptions) ([]ConvergenceNode, error) {
	w := opts.Weights
	if w == (Weights{}) {
		w = Weights{Betweenness: 0.25, Blau: 0.25, Multiplexity: 0.25, Hybrid: 0.25}
	}
	for _, x := range []float64{w.Betweenness, w.Blau, w.Multiplexity, w.Hybrid} {
		if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
			return nil, fmt.Errorf("nexus: convergence weight %v must be finite and non-negative", x)
		}
	}
	nb, err := Betweenness(s)
	if err != nil {
		return nil, err
	}
	n := s.Network()
	nn := s.Len()
	elems := make([][5]bool, nn) // indexed by network.Element
	for _, e := range s.View().Edges() {
		u, v := int(e.F.ID()), int(e.T.ID())
		for _, id := range e.Links() {
			l, ok := n.Link(id)
			if !ok || int(l.Element) >= len(elems[u]) {
				continue
			}
			elems[u][l.Element] = true
			elems[v][l.Element] = true
		}
	}
	maxNB := 0.0
	for _, x := range nb.Values() {
		maxNB = max(maxNB, x)
	}
	var out []ConvergenceNode
	for i := range nn {
		var inA, inB []string
		share := map[network.Sector]float64{}
		total := 0.0
		for _, j := range s.Neighbours(i) {
			if s.InA(j) {
				inA = append(inA, s.ActorID(j))
			}
			if s.InB(j) {
				inB = append(inB, s.ActorID(j))
			}
			ss := s.Actor(j).AllSectors()
			for _, sec := range ss {
				share[sec] += 1 / float64(len(ss))
			}
			if len(ss) > 0 {
				total++
			}
		}
		hybridAB := s.InA(i) && s.InB(i)
		if !(len(inA) > 0 && len(inB) > 0) && !(hybridAB && len(inA)+len(inB) > 0) {
			continue
		}
		value := nb.At(i).Value
		node := ConvergenceNode{Actor: s.ActorID(i), NexusBetweenness: value, NeighboursA: inA, NeighboursB: inB}
		if maxNB > 0 {
			node.Betweenness = value / maxNB
		}
		if total > 0 {
			sum := 0.0
			for _, sec := range network.Sectors() { // fixed order: reproducible sums
				p := share[sec] / total
				sum += p * p
			}
			node.Blau = 1 - sum
		}
		for _, e := range network.CriticalElements() {
			if elems[i][e] {
				node.Elements = append(node.Elements, e)
			}
		}
		node.Multiplexity = float64(len(node.Elements)) / 4
		node.Hybrid = s.Actor(i).Hybrid()
		hyb := 0.0
		if node.Hybrid {
			hyb = 1
		}
		node.Score = w.Betweenness*node.Betweenness + w.Blau*node.Blau + w.Multiplexity*node.Multiplexity + w.Hybrid*hyb
		out = append(out, node)
	}
	// Nodes were appended in actor order: a stable sort keeps it among ties.
	slices.SortStableFunc(out, func(x, y ConvergenceNode) int { return cmp.Compare(y.Score, x.Score) })
	return out, nil
}
