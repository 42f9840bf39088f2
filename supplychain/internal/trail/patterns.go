package trail

import (
	"fmt"
	"slices"

	"github.com/illicitnet/illicit/network"
)

// Kind is a laundering pattern (typology).
type Kind uint8

// The pattern kinds, in the order Patterns reports them.
const (
	FanIn         Kind = iota // many senders to one hub within a window
	FanOut                    // one hub to many receivers within a window
	Cycle                     // money round-tripping along a directed cycle
	ScatterGather             // one origin through many intermediaries to one destination
	GatherScatter             // many senders into one hub, then out to many receivers
	Layering                  // a chain of transfers through front companies or charities

	numKinds
)

var kindNames = [numKinds]string{
	FanIn:         "fan_in",
	FanOut:        "fan_out",
	Cycle:         "cycle",
	ScatterGather: "scatter_gather",
	GatherScatter: "gather_scatter",
	Layering:      "layering",
}

// Kinds lists every kind in order.
func Kinds() []Kind {
	return []Kind{FanIn, FanOut, Cycle, ScatterGather, GatherScatter, Layering}
}

// String returns the kind's snake_case name ("fan_in", "cycle", …).
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MarshalText implements encoding.TextMarshaler with the kind's name.
func (k Kind) MarshalText() ([]byte, error) {
	if k >= numKinds {
		return nil, errorf("invalid pattern kind %d", uint8(k))
	}
	return []byte(kindNames[k]), nil
}

// Defaults of PatternOptions.
const (
	DefaultMin         = 3     // senders, receivers or intermediaries
	DefaultWindow      = 30    // days, for fan-in and fan-out
	DefaultMaxCycle    = 6     // transfers on a cycle
	DefaultMaxChain    = 6     // transfers on a layering chain
	DefaultMaxPatterns = 10000 // cycles, and layering chains, each
)

// NoWindow as PatternOptions.Window puts no time limit on fan-in and
// fan-out.
const NoWindow = -1

// PatternOptions set the thresholds of Patterns.
type PatternOptions struct {
	// Min is the least number of distinct senders of a fan-in, receivers
	// of a fan-out, intermediaries of a scatter–gather, and senders and
	// receivers of a gather–scatter; 0 means DefaultMin, otherwise at
	// least 2.
	Min int
	// Window is the time, in days, within which the transfers of a fan-in
	// or a fan-out must be able to fall; 0 means DefaultWindow and a
	// negative value (NoWindow) no limit.
	Window int
	// MaxCycle is the longest cycle sought, in transfers; 0 means
	// DefaultMaxCycle, otherwise at least 3.
	MaxCycle int
	// MaxChain is the longest layering chain sought, in transfers; 0 means
	// DefaultMaxChain, otherwise at least 3.
	MaxChain int
	// Front flags the front companies and charities a layering chain runs
	// through: nil (no layering is sought) or one flag per actor.
	Front []bool
	// Max is the most cycles, and the most layering chains, reported; 0
	// means DefaultMaxPatterns. The search stops at the first one beyond
	// it and sets PatternResult.Truncated.
	Max int
}

// Pattern is one occurrence of a laundering pattern.
type Pattern struct {
	// Kind is the pattern.
	Kind Kind
	// Central are the actors the pattern turns on: the hub of a fan-in,
	// fan-out or gather–scatter; the origin and the destination of a
	// scatter–gather or a layering chain, in that order; the actors a cycle
	// can start from in time order (its origins), ascending.
	Central []int
	// Actors are the actors involved: in path order for a cycle (from its
	// smallest actor) and a layering chain, ascending otherwise.
	Actors []int
	// Transfers are the Links of the pattern's transfers, ascending.
	Transfers []int
	// Amount is the sum of the transfers' amounts.
	Amount float64
	// Start and End are the earliest Start and the latest End of the
	// transfers, as in Trail.
	Start, End network.Date
}

// PatternResult is the outcome of Patterns.
type PatternResult struct {
	// Patterns are the patterns found, by Kind, then Central, then
	// Transfers, then Actors (each compared lexicographically), then the
	// transfers' input positions.
	Patterns []Pattern
	// Truncated reports that more than PatternOptions.Max cycles, or
	// layering chains, exist and the search stopped.
	Truncated bool
}

// patternOptions are PatternOptions with the defaults resolved.
type patternOptions struct {
	min, window, maxCycle, maxChain, max int
	front                                []bool
}

func (o PatternOptions) resolve(n int) (patternOptions, error) {
	r := patternOptions{min: o.Min, window: o.Window, maxCycle: o.MaxCycle, maxChain: o.MaxChain,
		max: o.Max, front: o.Front}
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&r.min, DefaultMin)
	def(&r.window, DefaultWindow)
	def(&r.maxCycle, DefaultMaxCycle)
	def(&r.maxChain, DefaultMaxChain)
	def(&r.max, DefaultMaxPatterns)
	switch {
	case r.min < 2:
		return r, errorf("PatternOptions.Min %d is below 2", o.Min)
	case r.window > maxWindow:
		return r, errorf("PatternOptions.Window %d is over %d days", o.Window, maxWindow)
	case r.maxCycle < 3:
		return r, errorf("PatternOptions.MaxCycle %d is below 3", o.MaxCycle)
	case r.maxChain < 3:
		return r, errorf("PatternOptions.MaxChain %d is below 3", o.MaxChain)
	case r.max < 0:
		return r, errorf("negative PatternOptions.Max %d", o.Max)
	}
	if r.window < 0 {
		r.window = NoWindow
	}
	return r, checkFlags("PatternOptions.Front", o.Front, n, true)
}

// Patterns finds the laundering patterns among the transfers ts of n
// actors; see the package documentation for the definitions. It fails on
// invalid transfers (as Trails does) and options out of range.
func Patterns(n int, ts []Transfer, opts PatternOptions) (PatternResult, error) {
	g, err := newGraph(n, ts)
	if err != nil {
		return PatternResult{}, err
	}
	o, err := opts.resolve(n)
	if err != nil {
		return PatternResult{}, err
	}
	var ps []found
	ps = append(ps, g.fans(o, FanIn)...)
	ps = append(ps, g.fans(o, FanOut)...)
	cycles, cut := g.cycles(o)
	ps = append(ps, cycles...)
	ps = append(ps, g.scatterGathers(o)...)
	ps = append(ps, g.gatherScatters(o)...)
	if o.front != nil {
		chains, cutChains := g.layering(o)
		ps = append(ps, chains...)
		cut = cut || cutChains
	}
	slices.SortFunc(ps, func(a, b found) int {
		if a.Kind != b.Kind {
			return int(a.Kind) - int(b.Kind)
		}
		for _, c := range []int{compareInts(a.Central, b.Central), compareInts(a.Transfers, b.Transfers),
			compareInts(a.Actors, b.Actors), compareInts(a.seq, b.seq)} {
			if c != 0 {
				return c
			}
		}
		return 0
	})
	res := PatternResult{Patterns: make([]Pattern, len(ps)), Truncated: cut}
	for i, p := range ps {
		res.Patterns[i] = p.Pattern
	}
	return res, nil
}

// found is a pattern with the input positions of its transfers,
// ascending: the last key of the order.
type found struct {
	Pattern
	seq []int
}

// pattern builds a pattern of kind from the transfers at positions seq;
// actors nil means the transfers' actors, ascending.
func (g *graph) pattern(kind Kind, central, actors, seq []int) found {
	seq = slices.Clone(seq)
	slices.Sort(seq)
	if actors == nil {
		for _, k := range seq {
			actors = append(actors, g.ts[k].From, g.ts[k].To)
		}
		slices.Sort(actors)
		actors = slices.Compact(actors)
	}
	p := found{Pattern: Pattern{Kind: kind, Central: central, Actors: actors, Transfers: g.links(seq)}, seq: seq}
	slices.Sort(p.Transfers)
	for _, k := range seq {
		p.Amount += g.ts[k].Amount
	}
	p.Start, p.End = g.span(seq)
	return p
}

// distinct counts the distinct actors side(k) over the transfers ks.
func (g *graph) distinct(ks []int, side func(Transfer) int) int {
	seen := map[int]bool{}
	for _, k := range ks {
		seen[side(g.ts[k])] = true
	}
	return len(seen)
}

func sender(t Transfer) int   { return t.From }
func receiver(t Transfer) int { return t.To }

// anchors returns the distinct finite last days of the transfers ks,
// ascending, then posInf: the points where a window or a split can end
// before one of them drops out.
func (g *graph) anchors(ks []int) []int64 {
	var as []int64
	for _, k := range ks {
		if g.hi[k] < posInf {
			as = append(as, g.hi[k])
		}
	}
	slices.Sort(as)
	return append(slices.Compact(as), posInf)
}

// fans finds the fan-ins (kind FanIn) or fan-outs (FanOut). For a hub h
// the legs are its non-self transfers in (out); a set of legs fits a
// window of W days when days can be chosen within their bounds all within
// W consecutive days, that is when max(lo) − min(hi) ≤ W − 1. The
// inclusion-maximal sets that fit are the sets T(a) of legs meeting the
// window [a, a+W−1] with a the last day of a leg (or beyond every finite
// one), and T(a_i) is maximal unless it lies within T(a_{i−1}), for the
// leg whose last day is a_i is in T(a_i) and in no later one. Each maximal
// set with at least min distinct counterparts is reported once.
func (g *graph) fans(o patternOptions, kind Kind) []found {
	var out []found
	for h := 0; h < g.n; h++ {
		legs, side := g.in[h], sender
		if kind == FanOut {
			legs, side = g.out[h], receiver
		}
		if g.distinct(legs, side) < o.min {
			continue
		}
		if o.window == NoWindow {
			out = append(out, g.pattern(kind, []int{h}, nil, legs))
			continue
		}
		w := int64(o.window)
		as := g.anchors(legs)
		for i, a := range as {
			var set []int
			inPrev := i > 0
			for _, k := range legs {
				if g.lo[k] <= a+w-1 && g.hi[k] >= a {
					set = append(set, k)
					if inPrev && g.lo[k] > as[i-1]+w-1 {
						inPrev = false
					}
				}
			}
			if !inPrev && g.distinct(set, side) >= o.min {
				out = append(out, g.pattern(kind, []int{h}, nil, set))
			}
		}
	}
	return out
}

// gatherScatters finds the gather–scatters. For a hub h the incoming legs
// are its non-self transfers in and the outgoing its non-self transfers
// out; a set of legs is time-ordered when a split day τ exists with every
// incoming leg able to fall on or before τ and every outgoing one on or
// after (max lo(in) ≤ min hi(out)). The maximal such sets are
// S(τ) = {in: lo ≤ τ} ∪ {out: hi ≥ τ} at τ the last day of an outgoing
// leg (or beyond every finite one), maximal unless within the previous
// S, as in fans.
func (g *graph) gatherScatters(o patternOptions) []found {
	var out []found
	for h := 0; h < g.n; h++ {
		ins, outs := g.in[h], g.out[h]
		if g.distinct(ins, sender) < o.min || g.distinct(outs, receiver) < o.min {
			continue
		}
		as := g.anchors(outs)
		for i, tau := range as {
			var in, set []int
			inPrev := i > 0
			for _, k := range ins {
				if g.lo[k] <= tau {
					in = append(in, k)
					if inPrev && g.lo[k] > as[i-1] {
						inPrev = false
					}
				}
			}
			var outSet []int
			for _, k := range outs {
				if g.hi[k] >= tau {
					outSet = append(outSet, k)
				}
			}
			if inPrev || g.distinct(in, sender) < o.min || g.distinct(outSet, receiver) < o.min {
				continue
			}
			set = append(append(set, in...), outSet...)
			out = append(out, g.pattern(GatherScatter, []int{h}, nil, set))
		}
	}
	return out
}

// scatterGathers finds the scatter–gathers. For an origin o and a
// destination d ≠ o, an intermediary i ∉ {o, d} has scatter legs o → i and
// gather legs i → d. A set of legs is a scatter–gather when every
// intermediary in it has both a scatter and a gather leg in it, a split
// day τ exists with every scatter able to fall on or before τ and every
// gather on or after, and it has at least min intermediaries. The maximal
// ones are among C(τ), the legs of the intermediaries complete in
// {scatter: lo ≤ τ} ∪ {gather: hi ≥ τ}, at τ the last day of a gather leg
// (or beyond every finite one); they are kept when no other C contains
// them.
func (g *graph) scatterGathers(o patternOptions) []found {
	var out []found
	for orig := 0; orig < g.n; orig++ {
		scat := map[int][]int{} // intermediary → scatter legs
		for _, k := range g.out[orig] {
			scat[g.ts[k].To] = append(scat[g.ts[k].To], k)
		}
		gath := map[int]map[int][]int{} // destination → intermediary → gather legs
		for i := range scat {
			for _, k := range g.out[i] {
				d := g.ts[k].To
				if d == orig {
					continue
				}
				if gath[d] == nil {
					gath[d] = map[int][]int{}
				}
				gath[d][i] = append(gath[d][i], k)
			}
		}
		for d, mids := range gath {
			if len(mids) < o.min {
				continue
			}
			var gathers []int
			for _, ks := range mids {
				gathers = append(gathers, ks...)
			}
			var cands [][]int
			for _, tau := range g.anchors(gathers) {
				var set []int
				count := 0
				for i, gs := range mids {
					var s, q []int
					for _, k := range scat[i] {
						if g.lo[k] <= tau {
							s = append(s, k)
						}
					}
					for _, k := range gs {
						if g.hi[k] >= tau {
							q = append(q, k)
						}
					}
					if len(s) > 0 && len(q) > 0 {
						count++
						set = append(append(set, s...), q...)
					}
				}
				if count >= o.min {
					slices.Sort(set)
					cands = append(cands, set)
				}
			}
			for _, set := range maximalSets(cands) {
				out = append(out, g.pattern(ScatterGather, []int{orig, d}, nil, set))
			}
		}
	}
	return out
}

// maximalSets returns the distinct sets (ascending int slices) that no
// other set contains.
func maximalSets(sets [][]int) [][]int {
	var out [][]int
	for i, s := range sets {
		keep := true
		for j, t := range sets {
			if i == j {
				continue
			}
			if sub := subset(s, t); sub && (len(s) < len(t) || j < i) {
				keep = false // strictly inside t, or equal to an earlier set
				break
			}
		}
		if keep {
			out = append(out, s)
		}
	}
	return out
}

// subset reports whether the ascending slice a is within the ascending
// slice b.
func subset(a, b []int) bool {
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j == len(b) || b[j] != x {
			return false
		}
		j++
	}
	return true
}

// search is the shared state of the depth-first searches for cycles and
// layering chains, which stop after max patterns.
type search struct {
	g     *graph
	path  []int
	seq   []int
	on    []bool
	out   []found
	max   int
	stop  bool
	limit int
}

// add records p, or stops the search if max patterns are already found.
func (s *search) add(p found) {
	if len(s.out) >= s.max {
		s.stop = true
		return
	}
	s.out = append(s.out, p)
}

func (s *search) push(v, k int) {
	s.path, s.seq = append(s.path, v), append(s.seq, k)
	s.on[v] = true
}

func (s *search) pop() {
	s.on[s.path[len(s.path)-1]] = false
	s.path, s.seq = s.path[:len(s.path)-1], s.seq[:len(s.seq)-1]
}

// cycles finds the time-ordered directed simple cycles of 3 to maxCycle
// transfers, each once: the search starts at every actor s and goes only
// through actors above s (Tiernan 1970), so a cycle is found from its
// smallest actor, and only through the strongly connected component of s,
// which holds all its cycles. A cycle is kept when some rotation of it is
// time-ordered; the actors where such rotations start are its origins.
func (g *graph) cycles(o patternOptions) ([]found, bool) {
	s := &search{g: g, on: make([]bool, g.n), max: o.max, limit: o.maxCycle}
	rot := make([]int, 0, o.maxCycle)
	comp := g.components()
	var extend func(start int)
	extend = func(start int) {
		v := s.path[len(s.path)-1]
		depth := len(s.seq)
		for _, k := range g.out[v] {
			if s.stop {
				return
			}
			u := g.ts[k].To
			if u == start {
				if depth+1 < 3 {
					continue
				}
				seq := append(slices.Clone(s.seq), k)
				var origins []int
				for r := range seq {
					rot = append(append(rot[:0], seq[r:]...), seq[:r]...)
					if g.ordered(rot) {
						origins = append(origins, g.ts[seq[r]].From)
					}
				}
				if origins != nil {
					slices.Sort(origins)
					s.add(g.pattern(Cycle, origins, slices.Clone(s.path), seq))
				}
				continue
			}
			if u < start || s.on[u] || depth+1 >= s.limit || comp[u] != comp[start] {
				continue
			}
			s.push(u, k)
			extend(start)
			s.pop()
		}
	}
	for start := 0; start < g.n && !s.stop; start++ {
		s.path, s.seq = append(s.path[:0], start), s.seq[:0]
		s.on[start] = true
		extend(start)
		s.on[start] = false
	}
	return s.out, s.stop
}

// layering finds the maximal layering chains: time-ordered simple paths of
// 3 to maxChain transfers whose intermediate actors are all flagged front.
// A chain is maximal when no transfer can be added at either end (through
// a front end actor, to an actor off the chain, keeping time order and
// the length bound); a chain inside a longer one can always be so
// extended, so each maximal chain is reported and none of its sub-chains.
func (g *graph) layering(o patternOptions) ([]found, bool) {
	front := o.front
	s := &search{g: g, on: make([]bool, g.n), max: o.max, limit: o.maxChain}
	maximal := func(clock int64) bool {
		if len(s.seq) >= s.limit {
			return true
		}
		if last := s.path[len(s.path)-1]; front[last] {
			for _, k := range g.out[last] {
				if _, ok := g.advance(clock, k); ok && !s.on[g.ts[k].To] {
					return false
				}
			}
		}
		if first := s.path[0]; front[first] {
			seq := append([]int{0}, s.seq...)
			for _, k := range g.in[first] {
				if seq[0] = k; !s.on[g.ts[k].From] && g.ordered(seq) {
					return false
				}
			}
		}
		return true
	}
	var extend func(clock int64)
	extend = func(clock int64) {
		v := s.path[len(s.path)-1]
		for _, k := range g.out[v] {
			if s.stop {
				return
			}
			u := g.ts[k].To
			if s.on[u] {
				continue
			}
			next, ok := g.advance(clock, k)
			if !ok {
				continue
			}
			s.push(u, k)
			if len(s.seq) >= 3 && maximal(next) {
				s.add(g.pattern(Layering, []int{s.path[0], u}, slices.Clone(s.path), s.seq))
			}
			if front[u] && len(s.seq) < s.limit {
				extend(next)
			}
			s.pop()
		}
	}
	for start := 0; start < g.n && !s.stop; start++ {
		s.path, s.seq = append(s.path[:0], start), s.seq[:0]
		s.on[start] = true
		extend(negInf)
		s.on[start] = false
	}
	return s.out, s.stop
}

// components labels the strongly connected components of the transfer
// graph (Tarjan 1972, iteratively): comp[u] == comp[v] when u and v reach
// each other.
func (g *graph) components() []int {
	const unseen = -1
	index, low, comp := make([]int, g.n), make([]int, g.n), make([]int, g.n)
	onStack := make([]bool, g.n)
	for v := range index {
		index[v], comp[v] = unseen, unseen
	}
	var stack []int
	type frame struct{ v, next int }
	next, label := 0, 0
	for root := 0; root < g.n; root++ {
		if index[root] != unseen {
			continue
		}
		calls := []frame{{root, 0}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(calls) > 0 {
			f := &calls[len(calls)-1]
			if f.next < len(g.out[f.v]) {
				u := g.ts[g.out[f.v][f.next]].To
				f.next++
				switch {
				case index[u] == unseen:
					index[u], low[u] = next, next
					next++
					stack = append(stack, u)
					onStack[u] = true
					calls = append(calls, frame{u, 0})
				case onStack[u]:
					low[f.v] = min(low[f.v], index[u])
				}
				continue
			}
			v := f.v
			calls = calls[:len(calls)-1]
			if len(calls) > 0 {
				parent := calls[len(calls)-1].v
				low[parent] = min(low[parent], low[v])
			}
			if low[v] == index[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = label
					if w == v {
						break
					}
				}
				label++
			}
		}
	}
	return comp
}
