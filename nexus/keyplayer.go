package nexus

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/measure"
)

// Key players follow Borgatti, S. P. (2006), "Identifying sets of key
// players in a social network", Computational and Mathematical
// Organization Theory 12:21–34.
//
// All four measures work on the undirected form of the graph: a directed
// graph is read through measure.Graph.Undirected (an arc either way is a
// tie), as Borgatti defines them for symmetric data. Distances are
// unweighted (numbers of steps); edge weights are ignored.

// Fragmentation returns Borgatti's (2006) fragmentation of g after the
// nodes in removed are deleted:
//
//	F = 1 − Σ_k s_k(s_k − 1) / (n(n − 1))
//
// where s_k are the sizes of the components of the remaining graph and n
// is the number of nodes remaining. F is the share of ordered pairs of
// remaining nodes that cannot reach each other: 0 for a connected graph, 1
// when no ties are left. With fewer than two nodes remaining there are no
// pairs and F is 1. Indices out of range are ignored, repeats count once.
// Directed graphs are read as undirected. Cost O(n + m).
func Fragmentation(g *measure.Graph, removed []int) float64 {
	ug := g.Undirected()
	rm, nr := kpMask(ug.Len(), removed)
	return kpFrag(kpComponentPairs(ug, rm), ug.Len()-nr)
}

// DistanceFragmentation returns Borgatti's (2006) distance-weighted
// fragmentation of g after the nodes in removed are deleted:
//
//	DF = 1 − Σ_{i≠j} (1/d_ij) / (n(n − 1))
//
// over ordered pairs of the n remaining nodes, with d_ij the number of
// steps between them in the remaining graph and 1/∞ = 0. DF is 0 for a
// complete graph, 1 when no ties are left, and grows as distances grow.
// With fewer than two nodes remaining DF is 1. Directed graphs are read as
// undirected. Cost O(n·(n + m)) (one breadth-first search per node).
func DistanceFragmentation(g *measure.Graph, removed []int) float64 {
	ug := g.Undirected()
	rm, nr := kpMask(ug.Len(), removed)
	return kpDistFrag(ug, rm, ug.Len()-nr, newKPBFS(ug.Len()))
}

// Reach returns the KPP-Pos m-reach of set in g (Borgatti 2006): the share
// of the nodes outside the set that are within m steps of at least one
// member,
//
//	R = |{j ∉ S : d(S, j) ≤ m}| / (n − |S|),
//
// where d(S, j) is the distance from the nearest member. Borgatti divides
// the count by n instead; for a set of fixed size the two differ by a
// constant factor, so they rank sets alike, and this form is 1 when every
// outsider is reached. A negative m means no step limit; m = 0 reaches
// nobody. With no nodes outside the set R is 0. Directed graphs are read as
// undirected. Cost O(n + m).
func Reach(g *measure.Graph, set []int, m int) float64 {
	ug := g.Undirected()
	in, k := kpMask(ug.Len(), set)
	return kpReach(ug, in, k, m, false, newKPBFS(ug.Len()))
}

// DistanceReach returns the KPP-Pos distance-weighted reach of set in g
// (Borgatti 2006):
//
//	DR = Σ_{j ∉ S} (1/d(S, j)) / (n − |S|),
//
// with d(S, j) the distance from the nearest member and 1/∞ = 0. It is 1
// when every outsider is adjacent to the set. Borgatti writes
// Σ_j 1/d(S, j) / n over all nodes; for a set of fixed size that is an
// affine function of this one (members add a constant), so both pick the
// same sets. With no nodes outside the set DR is 0. Directed graphs are
// read as undirected. Cost O(n + m).
func DistanceReach(g *measure.Graph, set []int) float64 {
	ug := g.Undirected()
	in, k := kpMask(ug.Len(), set)
	return kpReach(ug, in, k, -1, true, newKPBFS(ug.Len()))
}

// KeyPlayerObjective selects the key player problem and its measure.
type KeyPlayerObjective uint8

const (
	// FragmentNeg (KPP-Neg) seeks the set whose removal maximises
	// Fragmentation.
	FragmentNeg KeyPlayerObjective = iota
	// DistanceFragmentNeg (KPP-Neg) seeks the set whose removal maximises
	// DistanceFragmentation. Each evaluation costs O(n·(n + m)): restrict
	// Candidates on graphs beyond a few hundred nodes.
	DistanceFragmentNeg
	// ReachPos (KPP-Pos) seeks the set that maximises Reach within M steps.
	ReachPos
	// DistanceReachPos (KPP-Pos) seeks the set that maximises
	// DistanceReach.
	DistanceReachPos
)

// String returns the objective's name.
func (o KeyPlayerObjective) String() string {
	switch o {
	case FragmentNeg:
		return "F"
	case DistanceFragmentNeg:
		return "DF"
	case ReachPos:
		return "reach"
	case DistanceReachPos:
		return "DR"
	}
	return fmt.Sprintf("KeyPlayerObjective(%d)", uint8(o))
}

// KeyPlayerOptions configures KeyPlayers.
type KeyPlayerOptions struct {
	// K is the size of the set sought (at least 1, at most the number of
	// candidates).
	K int
	// Objective is the measure maximised.
	Objective KeyPlayerObjective
	// M is the step limit of ReachPos: 0 means 1, negative means no limit.
	M int
	// Candidates restricts the set to these node indices; nil allows all.
	Candidates []int
	// CandidateActors restricts the set to these actors; it is used only
	// by KeyPlayersOf (in addition to Candidates, which it replaces there).
	CandidateActors []string
	// Seed seeds the random starts.
	Seed uint64
	// Restarts is the number of random starting sets tried after the
	// greedy one, each improved by swaps; the best set wins (ties keep the
	// earlier one).
	Restarts int
}

// KeyPlayerResult is the outcome of KeyPlayers.
type KeyPlayerResult struct {
	// Objective is the measure maximised.
	Objective KeyPlayerObjective
	// Set holds the key players' node indices in increasing order.
	Set []int
	// Before is the objective of the empty set (the intact network), After
	// that of Set.
	Before, After float64
	// Contribution[i] is the marginal contribution of Set[i]: After minus
	// the objective of Set without Set[i] (for KPP-Neg, how much the
	// network heals when that member is put back).
	Contribution []float64
	// Evaluations counts objective evaluations (a one-pass all-candidates
	// evaluation of F counts once).
	Evaluations int
}

// KeyPlayers finds a set of K key players in g by Borgatti's (2006)
// heuristic. Every objective is maximised: F or DF of the graph without
// the set (KPP-Neg), or reach or distance-weighted reach of the set
// (KPP-Pos); see Fragmentation, DistanceFragmentation, Reach and
// DistanceReach. Directed graphs are read as undirected.
//
// The search starts greedily, adding at each step the candidate with the
// largest objective (ties go to the lowest index), then improves the set
// by swaps: each pass evaluates every (member, non-member candidate) swap
// and makes the best one if it strictly improves the objective (ties go to
// the lowest member, then the lowest candidate), until no swap helps. With
// Restarts > 0, that many random starting sets drawn from the seeded
// generator are improved the same way, and the best set found is kept. The
// result is deterministic for a given graph, options and seed.
//
// Cost: for FragmentNeg, one pass over all candidates is O(n + m) (the
// component sizes after removing each node follow from one depth-first
// search with low-link values), so the greedy phase is O(K(n + m)) and a
// swap pass O(K(n + m)). The other objectives evaluate each candidate
// directly, in parallel: O(C(n + m)) per pass over C candidates for the
// reach measures, O(C·n(n + m)) for DF.
func KeyPlayers(g *measure.Graph, opts KeyPlayerOptions) (KeyPlayerResult, error) {
	ug := g.Undirected()
	n := ug.Len()
	if opts.Objective > DistanceReachPos {
		return KeyPlayerResult{}, fmt.Errorf("nexus: unknown key player objective %d", opts.Objective)
	}
	cands, err := kpCandidates(n, opts.Candidates)
	if err != nil {
		return KeyPlayerResult{}, err
	}
	if opts.K < 1 || opts.K > len(cands) {
		return KeyPlayerResult{}, fmt.Errorf("nexus: key player set size %d out of range 1..%d", opts.K, len(cands))
	}
	s := &kpSearch{g: ug, n: n, obj: opts.Objective, m: opts.M, cands: cands}
	if s.m == 0 {
		s.m = 1
	}
	res := KeyPlayerResult{Objective: opts.Objective}
	res.Before = s.eval(nil)

	best, bestScore := s.improve(s.greedy(opts.K))
	if opts.Restarts > 0 {
		rng := rand.New(rand.NewPCG(opts.Seed, 0x6b6579706c6179)) // "keyplay"
		for r := 0; r < opts.Restarts; r++ {
			perm := rng.Perm(len(cands))
			start := make([]int, opts.K)
			for i := range start {
				start[i] = cands[perm[i]]
			}
			set, score := s.improve(start)
			if score > bestScore+kpEps {
				best, bestScore = set, score
			}
		}
	}
	slices.Sort(best)
	res.Set = best
	res.After = bestScore
	res.Contribution = make([]float64, len(best))
	for i := range best {
		rest := slices.Delete(slices.Clone(best), i, i+1)
		res.Contribution[i] = bestScore - s.eval(rest)
	}
	res.Evaluations = s.evals
	return res, nil
}

// KeyActors is the outcome of KeyPlayersOf: the key players as actor IDs,
// in the order of Set.
type KeyActors struct {
	Actors []string
	KeyPlayerResult
}

// KeyPlayersOf runs KeyPlayers on the undirected view of n selected by
// viewOpts (for example only the money layer) and returns the key players'
// actor IDs. opts.CandidateActors, if not nil, restricts the set to those
// actors (opts.Candidates is then ignored); an actor not in the view is an
// error.
func KeyPlayersOf(n *network.Network, viewOpts network.ViewOptions, opts KeyPlayerOptions) (KeyActors, error) {
	g, ids, err := measure.FromNetwork(n, viewOpts, false, false)
	if err != nil {
		return KeyActors{}, err
	}
	if opts.CandidateActors != nil {
		pos := make(map[string]int, len(ids))
		for i, id := range ids {
			pos[id] = i
		}
		opts.Candidates = make([]int, 0, len(opts.CandidateActors))
		for _, a := range opts.CandidateActors {
			i, ok := pos[a]
			if !ok {
				return KeyActors{}, fmt.Errorf("nexus: candidate actor %q is not in the view", a)
			}
			opts.Candidates = append(opts.Candidates, i)
		}
	}
	res, err := KeyPlayers(g, opts)
	if err != nil {
		return KeyActors{}, err
	}
	out := KeyActors{Actors: make([]string, len(res.Set)), KeyPlayerResult: res}
	for i, v := range res.Set {
		out.Actors[i] = ids[v]
	}
	return out, nil
}

const kpEps = 1e-12

type kpSearch struct {
	g     *measure.Graph
	n     int
	obj   KeyPlayerObjective
	m     int
	cands []int
	evals int
}

func kpCandidates(n int, c []int) ([]int, error) {
	if c == nil {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out, nil
	}
	out := slices.Clone(c)
	for _, v := range out {
		if v < 0 || v >= n {
			return nil, fmt.Errorf("nexus: candidate %d out of range 0..%d", v, n-1)
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) == 0 {
		return nil, errors.New("nexus: no key player candidates")
	}
	return out, nil
}

// eval returns the objective of set.
func (s *kpSearch) eval(set []int) float64 {
	s.evals++
	mask, k := kpMask(s.n, set)
	return s.evalMask(mask, k, newKPBFS(s.n))
}

func (s *kpSearch) evalMask(mask []bool, k int, b *kpBFS) float64 {
	switch s.obj {
	case FragmentNeg:
		return kpFrag(kpComponentPairs(s.g, mask), s.n-k)
	case DistanceFragmentNeg:
		return kpDistFrag(s.g, mask, s.n-k, b)
	case ReachPos:
		return kpReach(s.g, mask, k, s.m, false, b)
	default:
		return kpReach(s.g, mask, k, -1, true, b)
	}
}

// addAll returns, for every candidate c not in set, the objective of
// set ∪ {c} in score[c], with ok[c] set; other entries are unused.
func (s *kpSearch) addAll(set []int) (score []float64, ok []bool) {
	mask, k := kpMask(s.n, set)
	score = make([]float64, s.n)
	ok = make([]bool, s.n)
	for _, c := range s.cands {
		ok[c] = !mask[c]
	}
	if s.obj == FragmentNeg {
		s.evals++
		pairs := kpRemovalPairs(s.g, mask)
		for _, c := range s.cands {
			if ok[c] {
				score[c] = kpFrag(pairs[c], s.n-k-1)
			}
		}
		return score, ok
	}
	todo := make([]int, 0, len(s.cands))
	for _, c := range s.cands {
		if ok[c] {
			todo = append(todo, c)
		}
	}
	s.evals += len(todo)
	workers := min(runtime.GOMAXPROCS(0), len(todo))
	var wg sync.WaitGroup
	var next sync.Mutex
	pos := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := slices.Clone(mask)
			b := newKPBFS(s.n)
			for {
				next.Lock()
				i := pos
				pos++
				next.Unlock()
				if i >= len(todo) {
					return
				}
				c := todo[i]
				m[c] = true
				score[c] = s.evalMask(m, k+1, b)
				m[c] = false
			}
		}()
	}
	wg.Wait()
	return score, ok
}

// greedy builds a set of size k by adding the best candidate at each step.
func (s *kpSearch) greedy(k int) []int {
	var set []int
	for len(set) < k {
		score, ok := s.addAll(set)
		best := -1
		for _, c := range s.cands {
			if ok[c] && (best < 0 || score[c] > score[best]+kpEps) {
				best = c
			}
		}
		set = append(set, best)
	}
	return set
}

// improve makes best-improvement swaps until none strictly helps.
func (s *kpSearch) improve(set []int) ([]int, float64) {
	set = slices.Clone(set)
	slices.Sort(set)
	cur := s.eval(set)
	for {
		bestI, bestC, bestScore := -1, -1, cur
		for i := range set {
			rest := slices.Delete(slices.Clone(set), i, i+1)
			score, ok := s.addAll(rest)
			for _, c := range s.cands {
				if ok[c] && c != set[i] && score[c] > bestScore+kpEps {
					bestI, bestC, bestScore = i, c, score[c]
				}
			}
		}
		if bestI < 0 {
			return set, cur
		}
		set[bestI] = bestC
		slices.Sort(set)
		cur = bestScore
	}
}

func kpMask(n int, set []int) ([]bool, int) {
	mask := make([]bool, n)
	k := 0
	for _, v := range set {
		if v >= 0 && v < n && !mask[v] {
			mask[v] = true
			k++
		}
	}
	return mask, k
}

// kpFrag turns Σ s_k(s_k−1) over n remaining nodes into F.
func kpFrag(pairs float64, n int) float64 {
	if n < 2 {
		return 1
	}
	return 1 - pairs/(float64(n)*float64(n-1))
}

// kpComponentPairs returns Σ s_k(s_k−1) over the components of g without
// the removed nodes.
func kpComponentPairs(g *measure.Graph, removed []bool) float64 {
	n := g.Len()
	seen := slices.Clone(removed)
	queue := make([]int32, 0, 64)
	var pairs float64
	for r := 0; r < n; r++ {
		if seen[r] {
			continue
		}
		seen[r] = true
		queue = append(queue[:0], int32(r))
		for h := 0; h < len(queue); h++ {
			adj, _ := g.Out(int(queue[h]))
			for _, w := range adj {
				if !seen[w] {
					seen[w] = true
					queue = append(queue, w)
				}
			}
		}
		s := float64(len(queue))
		pairs += s * (s - 1)
	}
	return pairs
}

// kpRemovalPairs returns, for every node v not removed, Σ s_k(s_k−1) over
// the components of g without the removed nodes and v. One iterative
// depth-first search with low-link values finds, for each v, the child
// subtrees that removing v cuts off (low[c] ≥ disc[v]); the rest of v's
// component stays together.
func kpRemovalPairs(g *measure.Graph, removed []bool) []float64 {
	n := g.Len()
	const unseen = -1
	disc := make([]int32, n)
	low := make([]int32, n)
	parent := make([]int32, n)
	next := make([]int32, n)
	size := make([]float64, n)
	sepCnt := make([]float64, n)
	sepSum := make([]float64, n)
	for i := range disc {
		disc[i] = unseen
	}
	base := kpComponentPairs(g, removed)
	out := make([]float64, n)
	var stack, comp []int32
	t := int32(0)
	for r := 0; r < n; r++ {
		if removed[r] || disc[r] != unseen {
			continue
		}
		comp = comp[:0]
		disc[r], low[r], parent[r], size[r] = t, t, -1, 1
		t++
		stack = append(stack[:0], int32(r))
		comp = append(comp, int32(r))
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			adj, _ := g.Out(int(v))
			if int(next[v]) < len(adj) {
				w := adj[next[v]]
				next[v]++
				if removed[w] || w == parent[v] {
					continue
				}
				if disc[w] == unseen {
					disc[w], low[w], parent[w], size[w] = t, t, v, 1
					t++
					stack = append(stack, w)
					comp = append(comp, w)
				} else if disc[w] < low[v] {
					low[v] = disc[w]
				}
				continue
			}
			stack = stack[:len(stack)-1]
			if p := parent[v]; p >= 0 {
				size[p] += size[v]
				if low[v] < low[p] {
					low[p] = low[v]
				}
				if low[v] >= disc[p] {
					sepCnt[p] += size[v]
					sepSum[p] += size[v] * (size[v] - 1)
				}
			}
		}
		s := float64(len(comp))
		for _, v := range comp {
			rest := s - 1 - sepCnt[v]
			out[v] = base - s*(s-1) + sepSum[v] + rest*(rest-1)
		}
	}
	return out
}

type kpBFS struct {
	dist  []int32
	queue []int32
}

func newKPBFS(n int) *kpBFS {
	b := &kpBFS{dist: make([]int32, n), queue: make([]int32, 0, n)}
	for i := range b.dist {
		b.dist[i] = -1
	}
	return b
}

// run does a breadth-first search from sources over nodes not blocked (nil
// blocks none), up to maxD steps (negative: no limit), and calls visit for
// each node reached at distance ≥ 1. It leaves dist clean.
func (b *kpBFS) run(g *measure.Graph, sources []int32, blocked []bool, maxD int32, visit func(d int32)) {
	b.queue = b.queue[:0]
	for _, s := range sources {
		b.dist[s] = 0
		b.queue = append(b.queue, s)
	}
	for h := 0; h < len(b.queue); h++ {
		u := b.queue[h]
		du := b.dist[u]
		if maxD >= 0 && du >= maxD {
			continue
		}
		adj, _ := g.Out(int(u))
		for _, w := range adj {
			if b.dist[w] < 0 && (blocked == nil || !blocked[w]) {
				b.dist[w] = du + 1
				b.queue = append(b.queue, w)
				visit(du + 1)
			}
		}
	}
	for _, u := range b.queue {
		b.dist[u] = -1
	}
}

func kpDistFrag(g *measure.Graph, removed []bool, remaining int, b *kpBFS) float64 {
	if remaining < 2 {
		return 1
	}
	var sum float64
	visit := func(d int32) { sum += 1 / float64(d) }
	src := make([]int32, 1)
	for s := 0; s < g.Len(); s++ {
		if removed[s] {
			continue
		}
		src[0] = int32(s)
		b.run(g, src, removed, -1, visit)
	}
	r := float64(remaining)
	return 1 - sum/(r*(r-1))
}

// reach returns the (distance-weighted if weighted) reach of the set in.
func kpReach(g *measure.Graph, in []bool, k, m int, weighted bool, b *kpBFS) float64 {
	out := g.Len() - k
	if out <= 0 || k == 0 {
		return 0
	}
	src := make([]int32, 0, k)
	for v, ok := range in {
		if ok {
			src = append(src, int32(v))
		}
	}
	var sum float64
	visit := func(d int32) {
		if weighted {
			sum += 1 / float64(d)
		} else {
			sum++
		}
	}
	b.run(g, src, nil, int32(min(m, math.MaxInt32)), visit)
	return sum / float64(out)
}
