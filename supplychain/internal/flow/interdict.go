package flow

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Target says what an interdiction removes.
type Target int

const (
	// TargetArcs removes arcs.
	TargetArcs Target = iota
	// TargetNodes removes nodes other than the sources and sinks, with all
	// their arcs.
	TargetNodes
)

// String returns "arcs" or "nodes".
func (t Target) String() string {
	switch t {
	case TargetArcs:
		return "arcs"
	case TargetNodes:
		return "nodes"
	}
	return fmt.Sprintf("Target(%d)", int(t))
}

// Defaults of InterdictOptions.
const (
	// DefaultMaxExactK is the largest budget solved exactly by default.
	DefaultMaxExactK = 3
	// DefaultMaxEvaluations caps the default number of objective
	// evaluations (maximum flows or shortest paths) allowed per budget, for
	// the exact search and again for the heuristic. The default is
	// 10⁸/(N+len(Arcs)) clamped to [1 000, DefaultMaxEvaluations], so that
	// larger networks get fewer: 83 000 evaluations (a few seconds at most)
	// on 300 nodes and 900 arcs, 2 500 on 10⁴ nodes and 3·10⁴ arcs.
	DefaultMaxEvaluations = 200_000
)

// Methods reported in Interdiction.Method.
const (
	// MethodExact: branch and bound (see InterdictFlow and InterdictPath),
	// completed; also budget 0, and the budgets after an exact one that
	// reached the best possible value (no flow, or no path) or whose
	// search tree ended before its depth limit without pruning (no larger
	// set does better: there is nothing left to remove that matters).
	MethodExact = "exact"
	// MethodGreedySwap: the heuristic, run because the budget exceeds
	// MaxExactK or an exact search before it ran out of evaluations.
	MethodGreedySwap = "greedy-swap"
	// MethodBudgetGreedySwap: the exact search for this budget ran out of
	// evaluations; the heuristic improved on its best set.
	MethodBudgetGreedySwap = "budget-exceeded+greedy-swap"
)

// InterdictOptions configures InterdictFlow and InterdictPath. The zero
// value removes arcs with the default limits.
type InterdictOptions struct {
	// Target is what may be removed: arcs (default) or nodes.
	Target Target
	// Protected lists arcs (or, for TargetNodes, nodes) that may not be
	// removed. Sources and sinks are never removed.
	Protected []int
	// MaxExactK is the largest budget solved exactly; 0 means
	// DefaultMaxExactK and a negative value disables the exact search.
	MaxExactK int
	// MaxEvaluations bounds the objective evaluations per budget, for the
	// exact search and for the heuristic each; 0 means the default (see
	// DefaultMaxEvaluations). The bound counts evaluations, not time, so
	// results never depend on the machine.
	MaxEvaluations int
}

// Interdiction is the answer for one budget.
type Interdiction struct {
	// K is the budget: at most K arcs or nodes removed.
	K int
	// Removed lists the removed arcs or nodes in increasing order.
	Removed []int
	// Value is the objective once Removed are gone: the maximum flow
	// (InterdictFlow; +Inf if still infinite) or the cost of the cheapest
	// source→sink path (InterdictPath; +Inf if none is left).
	Value float64
	// Exact reports that Value is optimal and Removed is the first optimal
	// set in shortlex order (fewest elements, then lexicographically
	// smallest).
	Exact bool
	// Method is MethodExact, MethodGreedySwap or MethodBudgetGreedySwap.
	Method string
	// Evaluations counts the maximum flows or shortest paths computed for
	// this budget (0 when the answer of the budget before carries over).
	Evaluations int
}

// InterdictionResult is the answer for the requested budget k, with the
// trade-off curve of every budget 0..k.
type InterdictionResult struct {
	Interdiction                // the answer for budget k; equal to Curve[k]
	Target       Target         // what was removed
	Curve        []Interdiction // Curve[j] answers budget j, j = 0..k
}

// InterdictFlow chooses at most k arcs (or nodes, see
// InterdictOptions.Target) whose removal minimises the maximum flow from
// the sources to the sinks — Wood's (1993) deterministic network
// interdiction with unit removal costs; removing an arc of infinite
// capacity is allowed unless it is Protected. Ties between equally good
// sets go to the first in shortlex order: fewest elements, then
// lexicographically smallest sorted indexes. A removed node takes its arcs
// with it; node capacities play no part (the flow is MaxFlow's).
//
// Exact method (budgets up to MaxExactK): branch and bound on the rule
// that, for a maximum flow f of the current network, the first optimal set
// is empty or removes an arc carrying flow in f — otherwise f survives the
// removal, so the empty set, which comes first, is as good (for an
// infinite flow: an arc of an infinite-capacity path). The branches remove the i-th candidate (by
// decreasing flow, then index) and keep candidates 1..i−1, so no set is
// met twice. Removing a set X lowers the flow by at most Σ_{e∈X} f(e),
// which bounds every branch; an arc of a minimum cut lowers it by exactly
// its capacity, which settles the last level without a maximum flow. For
// nodes, the candidates are the nodes carrying flow, bounded by their
// throughput. Each evaluation is a maximum flow by Dinic's algorithm; the
// search is exponential in k, about C(F, k) evaluations in the worst case
// with F the arcs (nodes) carrying flow.
//
// Heuristic (larger budgets, or when MaxEvaluations runs out): start from
// the set of the previous budget (or the exact search's best so far), add
// the best single element while that improves, then replace one element by
// the best other until no exchange improves (best single additions are
// found exactly by the same bounded search, one level deep).
func InterdictFlow(g Graph, sources, sinks []int, k int, opts InterdictOptions) (InterdictionResult, error) {
	src, snk, isTerm, err := checkInput(g, sources, sinks)
	if err != nil {
		return InterdictionResult{}, err
	}
	if err := checkInterdict(g, k, opts); err != nil {
		return InterdictionResult{}, err
	}
	p := newFlowProblem(g, src, snk, isTerm, opts.Target)
	return interdict(p, g, isTerm, k, opts, 1), nil
}

// InterdictPath chooses at most k arcs (or nodes, see
// InterdictOptions.Target) whose removal maximises the cost of the cheapest
// path from a source to a sink (+Inf once none is left): the shortest-path
// network interdiction of Israeli & Wood (2002) with unit removal costs.
// Capacities are ignored. Ties go to the first set in shortlex order, as
// for InterdictFlow.
//
// Exact method (budgets up to MaxExactK): branch and bound on Israeli and
// Wood's rule that the first optimal set is empty or removes an arc (for
// nodes: an inner node) of the current cheapest path P — otherwise P
// survives, the cost does not rise and the empty set is as good. The branches remove the i-th
// element of P and keep elements 1..i−1, so no set is met twice; the
// search evaluates at most Σ_{j≤k} L^j cheapest paths (CheapestPath), L the
// most arcs on a cheapest path met. The heuristic is InterdictFlow's.
func InterdictPath(g Graph, sources, sinks []int, k int, opts InterdictOptions) (InterdictionResult, error) {
	src, snk, isTerm, err := checkInput(g, sources, sinks)
	if err != nil {
		return InterdictionResult{}, err
	}
	if err := checkInterdict(g, k, opts); err != nil {
		return InterdictionResult{}, err
	}
	p := &pathProblem{pf: newPathFinder(g), src: src, snk: snk, target: opts.Target}
	return interdict(p, g, isTerm, k, opts, -1), nil
}

func checkInterdict(g Graph, k int, opts InterdictOptions) error {
	if k < 0 {
		return fmt.Errorf("%w: budget k = %d is negative", ErrInvalidArgument, k)
	}
	if opts.MaxEvaluations < 0 {
		return fmt.Errorf("%w: MaxEvaluations = %d is negative", ErrInvalidArgument, opts.MaxEvaluations)
	}
	size := len(g.Arcs)
	switch opts.Target {
	case TargetArcs:
	case TargetNodes:
		size = g.N
	default:
		return fmt.Errorf("%w: unknown target %d", ErrInvalidArgument, int(opts.Target))
	}
	for _, x := range opts.Protected {
		if x < 0 || x >= size {
			return fmt.Errorf("%w: protected %s %d out of range [0, %d)", ErrInvalidArgument, opts.Target, x, size)
		}
	}
	return nil
}

// evaluation is the objective of one removal set with what the search
// needs to branch on it.
type evaluation struct {
	value  float64
	branch []int     // candidates, in branching order
	weight []float64 // flow: most the value drops when the candidate goes (non-increasing); nil: no bound
	exact  []float64 // flow: value once the candidate alone goes, NaN if unknown; nil: none
}

// problem evaluates removal sets.
type problem interface {
	evaluate(removed []bool) evaluation
	size() int
}

// interdict computes the curve for budgets 0..k. sign is +1 to minimise
// the value, −1 to maximise it.
func interdict(p problem, g Graph, isTerm []bool, k int, opts InterdictOptions, sign float64) InterdictionResult {
	maxExact := opts.MaxExactK
	if maxExact == 0 {
		maxExact = DefaultMaxExactK
	}
	limit := opts.MaxEvaluations
	if limit == 0 {
		limit = min(max(100_000_000/(g.N+len(g.Arcs)+1), 1000), DefaultMaxEvaluations)
	}
	s := &searcher{p: p, sign: sign, removed: make([]bool, p.size()), banned: make([]bool, p.size())}
	for _, x := range opts.Protected {
		s.banned[x] = true
	}
	if opts.Target == TargetNodes {
		for v, t := range isTerm {
			if t {
				s.banned[v] = true
			}
		}
	}
	bound := 0.0 // best possible value
	if sign < 0 {
		bound = math.Inf(1)
	}
	res := InterdictionResult{Target: opts.Target}
	s.limit = math.MaxInt
	s.bestKey = math.Inf(1)
	s.run(nil, 0)
	res.Curve = append(res.Curve, Interdiction{K: 0, Removed: nil, Value: sign * s.bestKey, Exact: true, Method: MethodExact, Evaluations: s.evals})
	exactFailed, exhausted := false, false
	for j := 1; j <= k; j++ {
		prev := res.Curve[j-1]
		cur := Interdiction{K: j}
		if prev.Exact && (prev.Value == bound || exhausted) {
			cur.Removed, cur.Value, cur.Exact, cur.Method = slices.Clone(prev.Removed), prev.Value, true, MethodExact
			res.Curve = append(res.Curve, cur)
			continue
		}
		s.evals = 0
		s.limit = limit
		s.aborted = false
		s.bestKey, s.best = sign*prev.Value, prev.Removed
		switch {
		case maxExact > 0 && j <= maxExact && !exactFailed:
			s.complete = true
			s.run(nil, j)
			if !s.aborted {
				cur.Exact, cur.Method = true, MethodExact
				exhausted = s.complete
				break
			}
			exactFailed = true
			cur.Method = MethodBudgetGreedySwap
			s.limit = s.evals + limit
			s.aborted = false
			s.improve(j)
		default:
			cur.Method = MethodGreedySwap
			s.improve(j)
		}
		cur.Removed, cur.Value, cur.Evaluations = s.best, sign*s.bestKey, s.evals
		res.Curve = append(res.Curve, cur)
	}
	res.Interdiction = res.Curve[k]
	return res
}

// searcher is the branch and bound shared by both objectives; it
// minimises key = sign·value and keeps the first best set in shortlex
// order.
type searcher struct {
	p       problem
	sign    float64
	removed []bool // the current set, as a mask
	banned  []bool // protected, terminals, and elements kept by earlier branches
	set     []int  // the current set
	bestKey float64
	best    []int // sorted
	evals   int
	limit   int
	aborted bool
	// complete stays true while the search neither prunes nor stops at
	// the depth limit with candidates left: then no budget does better.
	complete bool
}

// shortlexLess reports whether the sorted set a precedes b.
func shortlexLess(a, b []int) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return slices.Compare(a, b) < 0
}

// sortedWith returns the current set plus x (x ≥ 0), sorted.
func (s *searcher) sortedWith(x int) []int {
	out := make([]int, 0, len(s.set)+1)
	out = append(out, s.set...)
	if x >= 0 {
		out = append(out, x)
	}
	slices.Sort(out)
	return out
}

// offer records the current set plus x (x < 0: none) with its key.
func (s *searcher) offer(key float64, x int) {
	if key > s.bestKey {
		return
	}
	set := s.sortedWith(x)
	if key < s.bestKey || shortlexLess(set, s.best) {
		s.bestKey, s.best = key, set
	}
}

// spend counts one evaluation, or reports that the budget is exhausted.
func (s *searcher) spend() bool {
	if s.evals >= s.limit {
		s.aborted = true
		return false
	}
	s.evals++
	return true
}

// run searches the sets base ∪ Y, |Y| ≤ r, from a clean state.
func (s *searcher) run(base []int, r int) {
	s.set = append(s.set[:0], base...)
	for _, x := range base {
		s.removed[x] = true
	}
	if s.spend() {
		ev := s.p.evaluate(s.removed)
		s.offer(s.sign*ev.value, -1)
		s.branch(r, ev)
	}
	for _, x := range base {
		s.removed[x] = false
	}
	s.set = s.set[:0]
}

// branch explores the children of the current set, whose evaluation is ev,
// with r more removals allowed.
func (s *searcher) branch(r int, ev evaluation) {
	if s.aborted {
		return
	}
	if r == 0 {
		for _, c := range ev.branch {
			if !s.banned[c] && !s.removed[c] {
				s.complete = false // a larger budget would go on
				break
			}
		}
		return
	}
	key := s.sign * ev.value
	var cand []int
	var w []float64
	for i, c := range ev.branch {
		if !s.banned[c] && !s.removed[c] {
			cand = append(cand, c)
			if ev.weight != nil {
				w = append(w, ev.weight[i])
			}
		}
	}
	var exact map[int]float64
	if r == 1 && ev.exact != nil {
		exact = make(map[int]float64)
		for i, c := range ev.branch {
			if !math.IsNaN(ev.exact[i]) {
				exact[c] = ev.exact[i]
			}
		}
	}
	var kept []int
	for i, c := range cand {
		lb := math.Inf(-1)
		if w != nil && !math.IsInf(key, 1) {
			// The child and its subtree remove c and at most r−1 of
			// cand[i+1:], whose weights do not increase.
			lb = key - w[i]
			for _, x := range w[i+1 : min(i+r, len(w))] {
				lb -= x
			}
			lb = max(lb, 0)
			if lb > s.bestKey+1e-9*max(1, math.Abs(s.bestKey)) {
				s.complete = false
				break // the bounds of later candidates are no smaller
			}
		}
		size := len(s.set) + 1
		if lb >= s.bestKey && (size > len(s.best) || size == len(s.best) && !shortlexLess(s.sortedWith(c), s.best)) {
			s.complete = false // nothing in this branch beats the incumbent
		} else if v, ok := exact[c]; ok {
			s.offer(s.sign*v, c)
			if v != 0 {
				s.complete = false // the child still carries flow
			}
		} else {
			if !s.spend() {
				break
			}
			s.removed[c] = true
			s.set = append(s.set, c)
			child := s.p.evaluate(s.removed)
			s.offer(s.sign*child.value, -1)
			s.branch(r-1, child)
			s.set = s.set[:len(s.set)-1]
			s.removed[c] = false
			if s.aborted {
				break
			}
		}
		s.banned[c] = true
		kept = append(kept, c)
	}
	for _, c := range kept {
		s.banned[c] = false
	}
}

// improve runs the greedy and exchange heuristic from the incumbent, with
// at most k elements.
func (s *searcher) improve(k int) {
	for !s.aborted {
		changed := false
		// Greedy: add the best single element while that helps.
		for len(s.best) < k && !s.aborted {
			before := s.best
			s.run(before, 1)
			if slices.Equal(s.best, before) {
				break
			}
			changed = true
		}
		// Exchange: drop one element and add the best single one back.
		cur := s.best
		for i := range cur {
			if s.aborted {
				break
			}
			base := slices.Delete(slices.Clone(cur), i, i+1)
			s.run(base, 1)
			if !slices.Equal(s.best, cur) {
				changed = true
				break
			}
		}
		if !changed {
			return
		}
	}
}

// flowProblem evaluates maximum flows after removals.
type flowProblem struct {
	g      Graph
	nw     *network
	s, t   int
	isTerm []bool
	target Target
	capOf  []float64 // original capacity of each residual edge
	inS    []bool
	inT    []bool
}

func newFlowProblem(g Graph, src, snk []int, isTerm []bool, target Target) *flowProblem {
	n := g.N
	var l edgeList
	for _, a := range g.Arcs {
		l.add(a.From, a.To, a.Capacity)
	}
	for _, v := range src {
		l.add(n, v, math.Inf(1))
	}
	for _, v := range snk {
		l.add(v, n+1, math.Inf(1))
	}
	nw := l.build(n + 2)
	return &flowProblem{g: g, nw: nw, s: n, t: n + 1, isTerm: isTerm, target: target,
		capOf: slices.Clone(nw.cap), inS: make([]bool, n+2), inT: make([]bool, n+2)}
}

func (p *flowProblem) size() int {
	if p.target == TargetNodes {
		return p.g.N
	}
	return len(p.g.Arcs)
}

func (p *flowProblem) evaluate(removed []bool) evaluation {
	g, nw := p.g, p.nw
	for i, a := range g.Arcs {
		off := false
		if p.target == TargetNodes {
			off = removed[a.From] || removed[a.To]
		} else {
			off = removed[i]
		}
		if off {
			nw.cap[2*i] = 0
		} else {
			nw.cap[2*i] = p.capOf[2*i]
		}
	}
	m := len(g.Arcs)
	if path := nw.infinitePath(p.s, p.t); path != nil {
		ev := evaluation{value: math.Inf(1)}
		for _, e := range path {
			i := int(e / 2)
			if i >= m {
				continue
			}
			if p.target == TargetArcs {
				ev.branch = append(ev.branch, i)
			} else if v := g.Arcs[i].From; !p.isTerm[v] {
				ev.branch = append(ev.branch, v)
			}
		}
		return ev
	}
	ev := evaluation{value: nw.maxFlow(p.s, p.t)}
	if p.target == TargetArcs {
		nw.reachable(p.s, p.inS)
		nw.reaching(p.t, p.inT)
		for i, a := range g.Arcs {
			f := nw.res[2*i+1]
			if f <= 0 {
				continue
			}
			ev.branch = append(ev.branch, i)
			ev.weight = append(ev.weight, f)
			x := math.NaN()
			if p.inS[a.From] && !p.inS[a.To] || !p.inT[a.From] && p.inT[a.To] {
				x = ev.value - a.Capacity // a saturated arc of a minimum cut
			}
			ev.exact = append(ev.exact, x)
		}
	} else {
		through := make([]float64, g.N)
		for i, a := range g.Arcs {
			through[a.To] += nw.res[2*i+1]
		}
		for v, f := range through {
			if f > 0 && !p.isTerm[v] {
				ev.branch = append(ev.branch, v)
				ev.weight = append(ev.weight, f)
			}
		}
	}
	sortByWeight(&ev)
	return ev
}

// sortByWeight orders the candidates by decreasing weight, then index.
func sortByWeight(ev *evaluation) {
	idx := make([]int, len(ev.branch))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(ev.weight[b], ev.weight[a]); c != 0 {
			return c
		}
		return cmp.Compare(ev.branch[a], ev.branch[b])
	})
	branch := make([]int, len(idx))
	weight := make([]float64, len(idx))
	var exact []float64
	if ev.exact != nil {
		exact = make([]float64, len(idx))
	}
	for j, i := range idx {
		branch[j], weight[j] = ev.branch[i], ev.weight[i]
		if exact != nil {
			exact[j] = ev.exact[i]
		}
	}
	ev.branch, ev.weight, ev.exact = branch, weight, exact
}

// pathProblem evaluates cheapest paths after removals.
type pathProblem struct {
	pf       *pathFinder
	src, snk []int
	target   Target
}

func (p *pathProblem) size() int {
	if p.target == TargetNodes {
		return p.pf.g.N
	}
	return len(p.pf.g.Arcs)
}

func (p *pathProblem) evaluate(removed []bool) evaluation {
	if p.target == TargetNodes {
		p.pf.arcOff, p.pf.nodeOff = nil, removed
	} else {
		p.pf.arcOff, p.pf.nodeOff = removed, nil
	}
	path := p.pf.cheapest(p.src, p.snk)
	ev := evaluation{value: path.Cost}
	if p.target == TargetArcs {
		ev.branch = path.Arcs
	} else if len(path.Nodes) > 2 {
		ev.branch = path.Nodes[1 : len(path.Nodes)-1]
	}
	return ev
}
