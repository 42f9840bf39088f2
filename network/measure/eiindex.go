package measure

import (
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
)

// EIResult holds Krackhardt and Stern's E–I index of a graph for a
// partition of its nodes,
//
//	E–I = (E − I) / (E + I),
//
// where E is the weight of the external ties (between nodes of different
// groups) and I that of the internal ties (within a group). Tie weights are
// the Graph's edge weights, 1 per tie for a graph built unweighted, so that
// E and I are then numbers of ties. The index runs from −1 (all ties
// internal: closed groups) to +1 (all ties external); it is NaN where
// E + I = 0.
//
// Reference: D. Krackhardt and R. N. Stern (1988), "Informal networks and
// organizational crises: an experimental simulation", Social Psychology
// Quarterly 51(2):123–140; UCINET's E-I Index.
type EIResult struct {
	// Group is the group index of each node: groups are numbered 0, 1, …
	// in order of first appearance in the partition.
	Group []int
	// GroupSize is the number of nodes of each group.
	GroupSize []int

	// External and Internal are E and I for the whole network, each tie
	// (undirected edge or arc) counted once; Index is its E–I.
	External, Internal, Index float64
	// GroupExternal and GroupInternal are, for each group, the weight of
	// its ties to other groups (one end inside) and among its members
	// (both ends inside); GroupIndex is the group's E–I.
	GroupExternal, GroupInternal, GroupIndex []float64
	// NodeExternal and NodeInternal are, for each node, the weight of its
	// ties to nodes of other groups and of its own group; NodeIndex is the
	// node's E–I. For a directed graph a node's ties are its in- and
	// out-arcs, each arc counted once.
	NodeExternal, NodeInternal, NodeIndex []float64
}

func eiRatio(e, i float64) float64 {
	if e+i == 0 {
		return math.NaN()
	}
	return (e - i) / (e + i)
}

// groupIndices numbers the labels 0, 1, … in order of first appearance and
// returns each node's group index and the group sizes.
func groupIndices[T comparable](groups []T) ([]int, []int) {
	idx := make([]int, len(groups))
	var sizes []int
	seen := make(map[T]int)
	for i, l := range groups {
		k, ok := seen[l]
		if !ok {
			k = len(seen)
			seen[l] = k
			sizes = append(sizes, 0)
		}
		idx[i] = k
		sizes[k]++
	}
	return idx, sizes
}

// EIIndex returns the E–I index of g for a partition of its nodes
// (groups[i] is node i's group label, of any comparable type), for the
// whole network, for each group and for each node; see EIResult.
func EIIndex[T comparable](g *Graph, groups []T) (*EIResult, error) {
	n := g.Len()
	if len(groups) != n {
		return nil, fmt.Errorf("measure: %d group labels for %d nodes", len(groups), n)
	}
	r := &EIResult{}
	r.Group, r.GroupSize = groupIndices(groups)
	k := len(r.GroupSize)
	r.GroupExternal, r.GroupInternal, r.GroupIndex = make([]float64, k), make([]float64, k), make([]float64, k)
	r.NodeExternal, r.NodeInternal, r.NodeIndex = make([]float64, n), make([]float64, n), make([]float64, n)
	for u := 0; u < n; u++ {
		adj, w := g.Out(u)
		for j, v := range adj {
			if !g.Directed() && int(v) < u {
				continue // each undirected edge once
			}
			gu, gv := r.Group[u], r.Group[v]
			if gu == gv {
				r.Internal += w[j]
				r.GroupInternal[gu] += w[j]
				r.NodeInternal[u] += w[j]
				r.NodeInternal[v] += w[j]
			} else {
				r.External += w[j]
				r.GroupExternal[gu] += w[j]
				r.GroupExternal[gv] += w[j]
				r.NodeExternal[u] += w[j]
				r.NodeExternal[v] += w[j]
			}
		}
	}
	r.Index = eiRatio(r.External, r.Internal)
	for c := range r.GroupIndex {
		r.GroupIndex[c] = eiRatio(r.GroupExternal[c], r.GroupInternal[c])
	}
	for i := range r.NodeIndex {
		r.NodeIndex[i] = eiRatio(r.NodeExternal[i], r.NodeInternal[i])
	}
	return r, nil
}

// EIPermutationResult is the outcome of EIPermutationTest for the
// whole-network E–I index.
type EIPermutationResult struct {
	// Observed is the E–I index of the graph with its own partition.
	Observed float64
	// Permutations is the number of random relabellings drawn.
	Permutations int
	// Mean, SD, Min and Max summarise the E–I index over the
	// relabellings (SD with divisor Permutations).
	Mean, SD, Min, Max float64
	// PGreater is the share of relabellings whose E–I is at least the
	// observed one, P(E–I ≥ observed), and PLess the share at most it,
	// P(E–I ≤ observed), as UCINET reports them. A small PLess means the
	// groups are more closed than chance (homophily), a small PGreater
	// that they are more open.
	PGreater, PLess float64
}

// EIPermutationTest tests the whole-network E–I index of g for a
// partition against random relabellings of the nodes, as UCINET does:
// each of perms permutations shuffles the group labels over the nodes
// (keeping the group sizes, and the graph, fixed) and recomputes the
// index. The shuffles are Fisher–Yates shuffles driven by a PCG generator
// (math/rand/v2) seeded with (seed, 0) and drawn through this package's
// own bounded-integer reduction, so the result depends only on the seed.
// Ties whose E–I equals the observed value within 1e-12 count for both
// p-values. perms must be positive; if the graph has no ties, every value
// is NaN.
//
// Reference: Krackhardt and Stern (1988); UCINET's E-I Index permutation
// test (5,000 permutations by default there).
func EIPermutationTest[T comparable](g *Graph, groups []T, perms int, seed uint64) (*EIPermutationResult, error) {
	if perms <= 0 {
		return nil, fmt.Errorf("measure: %d permutations; need at least 1", perms)
	}
	obs, err := EIIndex(g, groups)
	if err != nil {
		return nil, err
	}
	// The ties, each once, and their total weight.
	var us, vs []int32
	var ws []float64
	total := 0.0
	for u := 0; u < g.Len(); u++ {
		adj, w := g.Out(u)
		for j, v := range adj {
			if !g.Directed() && int(v) < u {
				continue
			}
			us, vs, ws = append(us, int32(u)), append(vs, v), append(ws, w[j])
			total += w[j]
		}
	}
	r := &EIPermutationResult{Observed: obs.Index, Permutations: perms, Min: math.Inf(1), Max: math.Inf(-1)}
	if total == 0 {
		nan := math.NaN()
		r.Mean, r.SD, r.Min, r.Max, r.PGreater, r.PLess = nan, nan, nan, nan, nan, nan
		return r, nil
	}
	label := append([]int(nil), obs.Group...)
	rng := rand.NewPCG(seed, 0)
	const eps = 1e-12
	var sum, sumSq float64
	ge, le := 0, 0
	for p := 0; p < perms; p++ {
		for i := len(label) - 1; i > 0; i-- {
			j := eiBounded(rng, uint64(i+1))
			label[i], label[j] = label[j], label[i]
		}
		ext := 0.0
		for k := range us {
			if label[us[k]] != label[vs[k]] {
				ext += ws[k]
			}
		}
		ei := eiRatio(ext, total-ext)
		sum += ei
		sumSq += ei * ei
		r.Min = math.Min(r.Min, ei)
		r.Max = math.Max(r.Max, ei)
		if ei >= obs.Index-eps {
			ge++
		}
		if ei <= obs.Index+eps {
			le++
		}
	}
	m := float64(perms)
	r.Mean = sum / m
	r.SD = math.Sqrt(math.Max(0, sumSq/m-r.Mean*r.Mean))
	r.PGreater = float64(ge) / m
	r.PLess = float64(le) / m
	return r, nil
}

// eiBounded returns a uniform integer in [0, n) from src, by Lemire's
// multiply-and-reject method (fixed here so that permutations do not
// depend on the Go version).
func eiBounded(src *rand.PCG, n uint64) uint64 {
	hi, lo := bits.Mul64(src.Uint64(), n)
	if lo < n {
		thresh := -n % n
		for lo < thresh {
			hi, lo = bits.Mul64(src.Uint64(), n)
		}
	}
	return hi
}
