package flow

import (
	"fmt"
	"math"
	"strings"
)

// FlowResult is a maximum flow and a minimum cut.
type FlowResult struct {
	// Value is the value of the maximum flow: the total flow leaving the
	// sources (net of flow returning to them), equal to CutCapacity.
	Value float64
	// Flow is the flow on every arc, indexed like Graph.Arcs; it respects
	// the capacities and is conserved at every node that is neither a
	// source nor a sink.
	Flow []float64
	// SourceSide lists, in increasing order, the nodes reachable from the
	// sources in the residual network of the flow: the source side of the
	// minimum cut that is smallest (by inclusion) of all minimum cuts. For
	// MaxFlowNodes, a node is on the source side when its out-copy v_out
	// is reachable.
	SourceSide []int
	// CutArcs lists, in increasing order, the arcs of positive capacity
	// that leave the source side for the sink side; they are saturated.
	// For MaxFlowNodes these are the arcs u→v of positive capacity with
	// u_out reachable and v_in not.
	CutArcs []int
	// CutNodes (MaxFlowNodes only; always empty for MaxFlow) lists, in
	// increasing order, the nodes of positive capacity v with v_in
	// reachable and v_out not: the saturated nodes the cut passes through.
	CutNodes []int
	// CutCapacity is the total capacity of CutArcs and CutNodes; it equals
	// Value (up to floating-point rounding for non-integer capacities).
	CutCapacity float64
}

// MaxFlow computes a maximum flow from the sources to the sinks of g (a
// super source and a super sink joined to them by arcs of infinite
// capacity) with highest-label push–relabel, and the minimum cut it
// certifies.
// Arcs of infinite capacity are allowed and never cut; if a source reaches
// a sink through such arcs only, the flow is infinite and MaxFlow returns
// an error wrapping ErrInfiniteFlow that names the arcs. Sources and sinks
// must be non-empty and disjoint; duplicates are ignored.
//
// Push–relabel (Goldberg & Tarjan 1988), highest label first, with global
// relabelling and the gap heuristic (Cherkassky & Goldberg 1997): a
// maximum preflow, then the excess that cannot reach a sink is returned to
// the sources, giving a flow; the source side is then found by one
// breadth-first search of the final residual network (so it does not
// depend on which maximum flow the algorithm finds). Time O(V²√E),
// V = N+2, E = len(Arcs) + |sources| + |sinks|; memory O(V+E).
func MaxFlow(g Graph, sources, sinks []int) (FlowResult, error) {
	src, snk, _, err := checkInput(g, sources, sinks)
	if err != nil {
		return FlowResult{}, err
	}
	n := g.N
	s, t := n, n+1
	var l edgeList
	for _, a := range g.Arcs {
		l.add(a.From, a.To, a.Capacity)
	}
	for _, v := range src {
		l.add(s, v, math.Inf(1))
	}
	for _, v := range snk {
		l.add(v, t, math.Inf(1))
	}
	nw := l.build(n + 2)
	if p := nw.infinitePath(s, t); p != nil {
		return FlowResult{}, infiniteError(g, p, func(e int32) (arc, node int) {
			if int(e/2) < len(g.Arcs) {
				return int(e / 2), -1
			}
			return -1, -1
		})
	}
	r := FlowResult{Value: nw.maxFlowPushRelabel(s, t), Flow: make([]float64, len(g.Arcs))}
	for i := range g.Arcs {
		r.Flow[i] = nw.res[2*i+1]
	}
	side := make([]bool, n+2)
	nw.reachable(s, side)
	for v := 0; v < n; v++ {
		if side[v] {
			r.SourceSide = append(r.SourceSide, v)
		}
	}
	for i, a := range g.Arcs {
		if side[a.From] && !side[a.To] && a.Capacity > 0 {
			r.CutArcs = append(r.CutArcs, i)
			r.CutCapacity += a.Capacity
		}
	}
	return r, nil
}

// MaxFlowNodes computes a maximum flow from the sources to the sinks of g
// when the nodes too have capacities: nodeCap[v] bounds the total flow
// through v (≥ 0, +Inf for unlimited). Sources and sinks are never limited
// (their nodeCap is ignored). The arcs keep their capacities, so the
// minimum cut may pass through both nodes and arcs; to cut nodes only,
// give every arc an infinite capacity. Node v is split into v_in → v_out
// (the arc of capacity nodeCap[v]); arc u→v becomes u_out → v_in; then
// MaxFlow's algorithm runs on the 2N+2 nodes. The flow is infinite (error
// wrapping ErrInfiniteFlow) if a source reaches a sink through nodes and
// arcs of infinite capacity only, e.g. through an arc of infinite capacity
// from a source straight to a sink.
//
// Time O(V²√E) with V = 2N+2, E = len(Arcs)+N+|sources|+|sinks|.
func MaxFlowNodes(g Graph, nodeCap []float64, sources, sinks []int) (FlowResult, error) {
	src, snk, isTerm, err := checkInput(g, sources, sinks)
	if err != nil {
		return FlowResult{}, err
	}
	if err := checkNodeCap(g, nodeCap); err != nil {
		return FlowResult{}, err
	}
	n, m := g.N, len(g.Arcs)
	s, t := 2*n, 2*n+1
	var l edgeList
	for _, a := range g.Arcs {
		l.add(n+a.From, a.To, a.Capacity) // u_out → v_in
	}
	for v := 0; v < n; v++ {
		c := nodeCap[v]
		if isTerm[v] {
			c = math.Inf(1)
		}
		l.add(v, n+v, c) // v_in → v_out
	}
	for _, v := range src {
		l.add(s, v, math.Inf(1))
	}
	for _, v := range snk {
		l.add(n+v, t, math.Inf(1))
	}
	nw := l.build(2*n + 2)
	if p := nw.infinitePath(s, t); p != nil {
		return FlowResult{}, infiniteError(g, p, func(e int32) (arc, node int) {
			switch i := int(e / 2); {
			case i < m:
				return i, -1
			case i < m+n:
				return -1, i - m
			}
			return -1, -1
		})
	}
	r := FlowResult{Value: nw.maxFlowPushRelabel(s, t), Flow: make([]float64, m)}
	for i := range g.Arcs {
		r.Flow[i] = nw.res[2*i+1]
	}
	side := make([]bool, 2*n+2)
	nw.reachable(s, side)
	for v := 0; v < n; v++ {
		switch {
		case side[n+v]:
			r.SourceSide = append(r.SourceSide, v)
		case side[v] && nodeCap[v] > 0:
			r.CutNodes = append(r.CutNodes, v)
			r.CutCapacity += nodeCap[v]
		}
	}
	for i, a := range g.Arcs {
		if side[n+a.From] && !side[a.To] && a.Capacity > 0 {
			r.CutArcs = append(r.CutArcs, i)
			r.CutCapacity += a.Capacity
		}
	}
	return r, nil
}

// checkNodeCap validates node capacities.
func checkNodeCap(g Graph, nodeCap []float64) error {
	if len(nodeCap) != g.N {
		return fmt.Errorf("%w: %d node capacities for %d nodes", ErrInvalidArgument, len(nodeCap), g.N)
	}
	for v, c := range nodeCap {
		if math.IsNaN(c) || c < 0 {
			return fmt.Errorf("%w: node %d: capacity %v is not ≥ 0", ErrInvalidArgument, v, c)
		}
	}
	return nil
}

// infiniteError describes an infinite-capacity path; which maps a residual
// edge to the arc or node it stands for (−1 for none).
func infiniteError(g Graph, p []int32, which func(int32) (arc, node int)) error {
	var parts []string
	for _, e := range p {
		switch arc, node := which(e); {
		case arc >= 0:
			a := g.Arcs[arc]
			parts = append(parts, fmt.Sprintf("arc %d (%d→%d)", arc, a.From, a.To))
		case node >= 0:
			parts = append(parts, fmt.Sprintf("node %d", node))
		}
	}
	return fmt.Errorf("%w: a source reaches a sink through infinite capacities only: %s", ErrInfiniteFlow, strings.Join(parts, ", "))
}
