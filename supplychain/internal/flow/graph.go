package flow

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Arc is a directed arc of a Graph. Capacity bounds the flow it carries
// (math.Inf(1) means unlimited: such an arc is never part of a minimum cut);
// Cost is what one unit of the commodity pays to use it, summed along a
// path by the shortest-path functions. Capacity and Cost must be ≥ 0; Cost
// must also be finite.
type Arc struct {
	From, To int     // tail and head, nodes of the graph
	Capacity float64 // ≥ 0, +Inf for unlimited
	Cost     float64 // finite, ≥ 0
}

// Graph is a directed multigraph on the nodes 0..N-1. Arcs are identified
// by their index in Arcs; parallel arcs and self-loops are allowed (a
// self-loop never carries flow and never lies on a path). An undirected
// link is represented by two arcs, one in each direction.
type Graph struct {
	N    int   // number of nodes, ≥ 0
	Arcs []Arc // the arcs; arc i is Arcs[i]
}

// Errors returned by the functions of this package, wrapped with details
// (use errors.Is).
var (
	// ErrInvalidGraph reports a graph that fails Graph.Validate.
	ErrInvalidGraph = errors.New("flow: invalid graph")
	// ErrInvalidTerminals reports empty, out-of-range or overlapping
	// sources and sinks.
	ErrInvalidTerminals = errors.New("flow: invalid sources or sinks")
	// ErrInvalidArgument reports any other bad argument (a negative
	// budget, node capacities of the wrong length, …).
	ErrInvalidArgument = errors.New("flow: invalid argument")
	// ErrInfiniteFlow reports a maximum flow that is infinite because a
	// source reaches a sink through arcs (and, for MaxFlowNodes, nodes)
	// of infinite capacity only.
	ErrInfiniteFlow = errors.New("flow: maximum flow is infinite")
)

// Validate reports whether g is well formed: N ≥ 0, every arc's endpoints
// in [0, N), every capacity ≥ 0 and not NaN (+Inf allowed), every cost
// finite and ≥ 0. The error wraps ErrInvalidGraph and names the first bad
// arc by index.
func (g Graph) Validate() error {
	if g.N < 0 {
		return fmt.Errorf("%w: N = %d is negative", ErrInvalidGraph, g.N)
	}
	// The residual network of MaxFlowNodes has 2N+2 nodes and
	// 2(len(Arcs)+2N) edges, indexed by int32.
	if int64(len(g.Arcs))+2*int64(g.N)+2 > math.MaxInt32/2 {
		return fmt.Errorf("%w: %d nodes and %d arcs are too many", ErrInvalidGraph, g.N, len(g.Arcs))
	}
	for i, a := range g.Arcs {
		switch {
		case a.From < 0 || a.From >= g.N:
			return fmt.Errorf("%w: arc %d: tail %d is not a node (N = %d)", ErrInvalidGraph, i, a.From, g.N)
		case a.To < 0 || a.To >= g.N:
			return fmt.Errorf("%w: arc %d: head %d is not a node (N = %d)", ErrInvalidGraph, i, a.To, g.N)
		case math.IsNaN(a.Capacity):
			return fmt.Errorf("%w: arc %d (%d→%d): capacity is NaN", ErrInvalidGraph, i, a.From, a.To)
		case a.Capacity < 0:
			return fmt.Errorf("%w: arc %d (%d→%d): capacity %v is negative", ErrInvalidGraph, i, a.From, a.To, a.Capacity)
		case math.IsNaN(a.Cost) || math.IsInf(a.Cost, 0):
			return fmt.Errorf("%w: arc %d (%d→%d): cost %v is not finite", ErrInvalidGraph, i, a.From, a.To, a.Cost)
		case a.Cost < 0:
			return fmt.Errorf("%w: arc %d (%d→%d): cost %v is negative", ErrInvalidGraph, i, a.From, a.To, a.Cost)
		}
	}
	return nil
}

// terminals validates the sources and sinks of g and returns them sorted
// without duplicates, with a mask of the terminal nodes.
func terminals(g Graph, sources, sinks []int) (src, snk []int, isTerminal []bool, err error) {
	if len(sources) == 0 {
		return nil, nil, nil, fmt.Errorf("%w: no sources", ErrInvalidTerminals)
	}
	if len(sinks) == 0 {
		return nil, nil, nil, fmt.Errorf("%w: no sinks", ErrInvalidTerminals)
	}
	role := make([]int8, g.N) // 1 source, 2 sink
	src = make([]int, 0, len(sources))
	for _, s := range sources {
		if s < 0 || s >= g.N {
			return nil, nil, nil, fmt.Errorf("%w: source %d is not a node (N = %d)", ErrInvalidTerminals, s, g.N)
		}
		if role[s] == 0 {
			role[s] = 1
			src = append(src, s)
		}
	}
	snk = make([]int, 0, len(sinks))
	for _, t := range sinks {
		if t < 0 || t >= g.N {
			return nil, nil, nil, fmt.Errorf("%w: sink %d is not a node (N = %d)", ErrInvalidTerminals, t, g.N)
		}
		switch role[t] {
		case 1:
			return nil, nil, nil, fmt.Errorf("%w: node %d is both a source and a sink", ErrInvalidTerminals, t)
		case 0:
			role[t] = 2
			snk = append(snk, t)
		}
	}
	slices.Sort(src)
	slices.Sort(snk)
	isTerminal = make([]bool, g.N)
	for v, r := range role {
		isTerminal[v] = r != 0
	}
	return src, snk, isTerminal, nil
}

// checkInput validates g and its terminals in one call.
func checkInput(g Graph, sources, sinks []int) (src, snk []int, isTerminal []bool, err error) {
	if err := g.Validate(); err != nil {
		return nil, nil, nil, err
	}
	return terminals(g, sources, sinks)
}
