package trail

import (
	"container/heap"
	"math"
	"slices"
	"sort"

	"github.com/illicitnet/illicit/network"
)

// Defaults of Options.
const (
	DefaultMaxHops = 4    // transfers on a trail
	DefaultMax     = 1000 // trails returned
)

// Options bound and annotate the search for money trails.
type Options struct {
	// MaxHops is the largest number of transfers on a trail; 0 means
	// DefaultMaxHops. The search enumerates every trail up to this length,
	// so its cost grows with the number of paths of MaxHops transfers.
	MaxHops int
	// Max is the largest number of trails returned, the best ranked; 0
	// means DefaultMax. Trails beyond it are counted in Result.Found.
	// Gateways ignores it.
	Max int
	// Front optionally flags actors (front companies, charities, or any set
	// the caller wants to see crossed); Trail.Crosses lists the flagged
	// intermediate actors of each trail. Nil, or one flag per actor.
	Front []bool
}

// Trail is a time-ordered simple directed path of money transfers from an
// actor of the source set to an actor of the target set.
type Trail struct {
	// Path lists the actors from the source to the target: Hops+1 distinct
	// actors.
	Path []int
	// Transfers lists the Link of each hop, Transfers[i] from Path[i] to
	// Path[i+1].
	Transfers []int
	// Hops is the number of transfers.
	Hops int
	// Bottleneck is the smallest Amount along the trail: the most that can
	// have gone all the way.
	Bottleneck float64
	// Confidence is the mean Grade of the transfers.
	Confidence float64
	// Channels lists the channels used, in order of first use, each once;
	// unknown ("") channels are left out.
	Channels []string
	// Start is the earliest Start of the transfers (by Date.First) and End
	// the latest End (by Date.Last), the less precise date on a tie; a side
	// is unset when no transfer gives it.
	Start, End network.Date
	// Crosses lists the intermediate actors (neither source nor target)
	// flagged in Options.Front, in path order; nil when none.
	Crosses []int
}

// Result is the outcome of Trails.
type Result struct {
	// Trails are the best ranked trails, at most Options.Max of them.
	Trails []Trail
	// Found is the number of trails within Options.MaxHops.
	Found int
	// Truncated reports that Found > len(Trails).
	Truncated bool
}

// Trails returns the money trails from any actor flagged in from to any
// actor flagged in to (one flag per actor each) over the transfers ts
// among n actors; see the package documentation for the definition and
// the ranking. It fails on invalid input: n negative, flags of the wrong
// length, a transfer naming an actor outside [0, n), a negative, NaN or
// infinite Amount, a Grade outside [0, 1], an invalid date or an End
// before its Start, a negative MaxHops or Max.
func Trails(n int, ts []Transfer, from, to []bool, opts Options) (Result, error) {
	g, hops, max, err := prepare(n, ts, from, to, opts)
	if err != nil {
		return Result{}, err
	}
	tc := &trailCollector{max: max, front: opts.Front}
	g.walk(from, to, hops, tc.visit)
	return tc.result(), nil
}

// TrailsAndGateways returns what Trails and Gateways return, with from the
// criminal and to the terrorist flags, from one walk of the trails.
func TrailsAndGateways(n int, ts []Transfer, from, to []bool, opts Options) (Result, []Gateway, error) {
	g, hops, max, err := prepare(n, ts, from, to, opts)
	if err != nil {
		return Result{}, nil, err
	}
	tc := &trailCollector{max: max, front: opts.Front}
	gc := &gatewayCollector{g: g, terrorist: to, by: map[int]*gatewayAgg{}}
	g.walk(from, to, hops, func(w *walker) {
		tc.visit(w)
		gc.visit(w)
	})
	return tc.result(), gc.result(), nil
}

// trailCollector keeps the best ranked trails of a walk.
type trailCollector struct {
	best       trailHeap
	found, max int
	front      []bool
}

func (c *trailCollector) visit(w *walker) {
	c.found++
	if c.best.Len() < c.max {
		heap.Push(&c.best, w.candidate(c.front))
		return
	}
	if w.better(c.best[0]) {
		c.best[0] = w.candidate(c.front)
		heap.Fix(&c.best, 0)
	}
}

func (c *trailCollector) result() Result {
	cands := []*candidate(c.best)
	sort.Slice(cands, func(i, j int) bool { return cands[i].less(cands[j]) })
	res := Result{Trails: make([]Trail, len(cands)), Found: c.found, Truncated: c.found > len(cands)}
	for i, cd := range cands {
		res.Trails[i] = cd.Trail
	}
	return res
}

// Gateway is an actor where proceeds of crime reach terrorist actors: the
// last non-terrorist actor of a trail from a criminal to a terrorist actor.
type Gateway struct {
	// Actor is the gateway.
	Actor int
	// Sources are the criminal actors whose trails reach terrorists through
	// Actor (Actor itself when it pays terrorists directly), ascending.
	Sources []int
	// Targets are the terrorist actors Actor pays on those trails,
	// ascending.
	Targets []int
	// Transfers are the Links of Actor's final hops to Targets, ascending,
	// each once.
	Transfers []int
	// Trails is the number of trails that end through Actor.
	Trails int
}

// Gateways returns the actors where proceeds of crime reach terrorist
// actors, in actor order: for every trail (as Trails defines it, within
// opts.MaxHops, all of them whatever opts.Max) from an actor flagged
// criminal to an actor flagged terrorist, the actor before the target,
// when that actor is not itself flagged terrorist. Since a trail's
// intermediate actors are never targets, that actor is the trail's last
// non-terrorist one, and the last hop is where the money enters terrorist
// hands; it is the source itself on a one-hop trail. A trail whose source
// is also flagged terrorist (a hybrid) and pays a terrorist directly has no
// gateway. Errors are those of Trails.
func Gateways(n int, ts []Transfer, criminal, terrorist []bool, opts Options) ([]Gateway, error) {
	g, hops, _, err := prepare(n, ts, criminal, terrorist, opts)
	if err != nil {
		return nil, err
	}
	gc := &gatewayCollector{g: g, terrorist: terrorist, by: map[int]*gatewayAgg{}}
	g.walk(criminal, terrorist, hops, gc.visit)
	return gc.result(), nil
}

// gatewayCollector tallies the gateways of a walk's trails.
type gatewayCollector struct {
	g         *graph
	terrorist []bool
	by        map[int]*gatewayAgg
}

type gatewayAgg struct {
	sources, targets, links map[int]bool
	trails                  int
}

func (c *gatewayCollector) visit(w *walker) {
	k := len(w.path)
	gate := w.path[k-2]
	if c.terrorist[gate] {
		return
	}
	a := c.by[gate]
	if a == nil {
		a = &gatewayAgg{sources: map[int]bool{}, targets: map[int]bool{}, links: map[int]bool{}}
		c.by[gate] = a
	}
	a.sources[w.path[0]] = true
	a.targets[w.path[k-1]] = true
	a.links[c.g.ts[w.seq[k-2]].Link] = true
	a.trails++
}

func (c *gatewayCollector) result() []Gateway {
	keys := func(m map[int]bool) []int {
		out := make([]int, 0, len(m))
		for k := range m {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	out := make([]Gateway, 0, len(c.by))
	for actor, a := range c.by {
		out = append(out, Gateway{Actor: actor, Sources: keys(a.sources), Targets: keys(a.targets),
			Transfers: keys(a.links), Trails: a.trails})
	}
	slices.SortFunc(out, func(a, b Gateway) int { return a.Actor - b.Actor })
	return out
}

// prepare validates the input of Trails and Gateways and resolves the
// defaults.
func prepare(n int, ts []Transfer, from, to []bool, opts Options) (*graph, int, int, error) {
	g, err := newGraph(n, ts)
	if err != nil {
		return nil, 0, 0, err
	}
	for _, f := range []struct {
		name     string
		flags    []bool
		optional bool
	}{{"from", from, false}, {"to", to, false}, {"Options.Front", opts.Front, true}} {
		if err := checkFlags(f.name, f.flags, n, f.optional); err != nil {
			return nil, 0, 0, err
		}
	}
	hops, max := opts.MaxHops, opts.Max
	switch {
	case hops < 0:
		return nil, 0, 0, errorf("negative Options.MaxHops %d", hops)
	case max < 0:
		return nil, 0, 0, errorf("negative Options.Max %d", max)
	}
	if hops == 0 {
		hops = DefaultMaxHops
	}
	if max == 0 {
		max = DefaultMax
	}
	return g, hops, max, nil
}

// walker is the state of the depth-first search for trails: the actors
// and transfers (input positions) of the current path and which actors
// are on it.
type walker struct {
	g    *graph
	path []int
	seq  []int
	on   []bool
}

// walk calls visit once for every trail from a source in from to a target
// in to of at most maxHops transfers; the walker it gets is valid during
// the call only. Paths stop at their first target, and a path is extended
// only while a target stays within reach (by hop count, ignoring time).
func (g *graph) walk(from, to []bool, maxHops int, visit func(*walker)) {
	dist := g.distanceTo(to)
	w := &walker{g: g, on: make([]bool, g.n)}
	var extend func(clock int64)
	extend = func(clock int64) {
		v := w.path[len(w.path)-1]
		depth := len(w.seq)
		for _, k := range g.out[v] {
			u := g.ts[k].To
			if w.on[u] {
				continue
			}
			if !to[u] && (dist[u] < 0 || depth+1+dist[u] > maxHops) {
				continue
			}
			next, ok := g.advance(clock, k)
			if !ok {
				continue
			}
			w.path, w.seq = append(w.path, u), append(w.seq, k)
			w.on[u] = true
			if to[u] {
				visit(w)
			} else {
				extend(next)
			}
			w.on[u] = false
			w.path, w.seq = w.path[:len(w.path)-1], w.seq[:len(w.seq)-1]
		}
	}
	for s := 0; s < g.n; s++ {
		if !from[s] {
			continue
		}
		w.path = append(w.path[:0], s)
		w.on[s] = true
		extend(negInf)
		w.on[s] = false
	}
}

// distanceTo returns for every actor the fewest transfers to an actor in
// to through actors not in to (0 for the targets), or -1 if none.
func (g *graph) distanceTo(to []bool) []int {
	dist := make([]int, g.n)
	var queue []int
	for v := range dist {
		dist[v] = -1
		if to[v] {
			dist[v] = 0
			queue = append(queue, v)
		}
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, k := range g.in[v] {
			if u := g.ts[k].From; dist[u] < 0 {
				dist[u] = dist[v] + 1
				queue = append(queue, u)
			}
		}
	}
	return dist
}

// candidate is a materialized trail with its input positions, the last
// key of the ranking.
type candidate struct {
	Trail
	seq []int
}

// key returns the ranking values of the walker's current trail.
func (w *walker) key() (hops int, bottleneck, confidence float64) {
	bottleneck = math.Inf(1)
	sum := 0.0
	for _, k := range w.seq {
		t := w.g.ts[k]
		bottleneck = math.Min(bottleneck, t.Amount)
		sum += t.Grade
	}
	return len(w.seq), bottleneck, sum / float64(len(w.seq))
}

// candidate materializes the walker's current trail.
func (w *walker) candidate(front []bool) *candidate {
	g := w.g
	hops, bottleneck, confidence := w.key()
	c := &candidate{Trail: Trail{
		Path:       slices.Clone(w.path),
		Transfers:  g.links(w.seq),
		Hops:       hops,
		Bottleneck: bottleneck,
		Confidence: confidence,
	}, seq: slices.Clone(w.seq)}
	for _, k := range w.seq {
		if ch := g.ts[k].Channel; ch != "" && !slices.Contains(c.Channels, ch) {
			c.Channels = append(c.Channels, ch)
		}
	}
	c.Start, c.End = g.span(w.seq)
	if front != nil {
		for _, v := range w.path[1 : len(w.path)-1] {
			if front[v] {
				c.Crosses = append(c.Crosses, v)
			}
		}
	}
	return c
}

// better reports whether the walker's current trail ranks before c,
// without materializing it.
func (w *walker) better(c *candidate) bool {
	hops, bottleneck, confidence := w.key()
	if r := compareKey(hops, bottleneck, confidence, c.Hops, c.Bottleneck, c.Confidence); r != 0 {
		return r < 0
	}
	if r := compareLinks(w.g, w.seq, c.Transfers); r != 0 {
		return r < 0
	}
	return compareInts(w.seq, c.seq) < 0
}

// compareLinks compares the Links of the transfers at positions seq with
// links, lexicographically.
func compareLinks(g *graph, seq, links []int) int {
	for i := 0; i < len(seq) && i < len(links); i++ {
		if l := g.ts[seq[i]].Link; l != links[i] {
			if l < links[i] {
				return -1
			}
			return 1
		}
	}
	return len(seq) - len(links)
}

// compareKey orders trails by hops (fewer first), bottleneck (larger
// first) and confidence (higher first).
func compareKey(h1 int, b1, c1 float64, h2 int, b2, c2 float64) int {
	switch {
	case h1 != h2:
		return h1 - h2
	case b1 > b2:
		return -1
	case b1 < b2:
		return 1
	case c1 > c2:
		return -1
	case c1 < c2:
		return 1
	}
	return 0
}

// less is the full ranking: the key, then the Links, then the input
// positions.
func (c *candidate) less(d *candidate) bool {
	if r := compareKey(c.Hops, c.Bottleneck, c.Confidence, d.Hops, d.Bottleneck, d.Confidence); r != 0 {
		return r < 0
	}
	if r := compareInts(c.Transfers, d.Transfers); r != 0 {
		return r < 0
	}
	return compareInts(c.seq, d.seq) < 0
}

// trailHeap keeps the best trails found so far with the worst on top.
type trailHeap []*candidate

// Len implements heap.Interface.
func (h trailHeap) Len() int { return len(h) }

// Less implements heap.Interface: the worst trail on top.
func (h trailHeap) Less(i, j int) bool { return h[j].less(h[i]) }

// Swap implements heap.Interface.
func (h trailHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }

// Push implements heap.Interface.
func (h *trailHeap) Push(x any) { *h = append(*h, x.(*candidate)) }

// Pop implements heap.Interface.
func (h *trailHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
