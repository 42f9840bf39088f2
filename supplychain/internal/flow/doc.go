// Package flow is the index-level core of the supply-chain analyses: flows,
// cuts, routes and their interdiction on a directed multigraph whose nodes
// are the integers 0..N-1 and whose arcs carry a capacity and a cost.
// Package supplychain builds its actor-labelled API on it; this package
// knows nothing of actors, links or scopes.
//
// # Model
//
// A Graph is N nodes and a list of Arcs, each identified by its index.
// Capacities are ≥ 0 and may be +Inf (unlimited: never part of a minimum
// cut); costs are finite and ≥ 0. Parallel arcs and self-loops are allowed;
// an undirected route is two arcs. Sources and sinks are node lists that
// must be non-empty and disjoint (duplicates are ignored). Invalid input
// gives an error wrapping ErrInvalidGraph, ErrInvalidTerminals or
// ErrInvalidArgument that names the offending arc, node or value.
//
// # Analyses
//
//   - MaxFlow: a maximum flow from the sources to the sinks (through a
//     super source and super sink) and the minimum cut it certifies (Ford
//     & Fulkerson 1956): the source side is the set of nodes reachable in
//     the residual network, the smallest source side of all minimum cuts
//     (Picard & Queyranne 1980); its cut arcs total the flow value. An
//     infinite maximum flow is an error (ErrInfiniteFlow).
//   - MaxFlowNodes: the same with node capacities, by splitting every node
//     v into v_in → v_out; sources and sinks are unlimited, arcs keep their
//     capacities, and the cut reports nodes and arcs (give every arc an
//     infinite capacity to cut nodes only).
//   - Articulation: articulation points and bridges of the undirected
//     multigraph underlying the arcs among the nodes that lie on a directed
//     walk from a source to a sink.
//   - CheapestPath and KCheapest: the cheapest source→sink path by cost,
//     and the k cheapest loopless s→t paths (Yen 1971, Lawler 1972).
//   - InterdictFlow and InterdictPath: the at most k arcs or nodes whose
//     removal minimises the maximum flow (Wood 1993) or maximises the cost
//     of the cheapest path (Israeli & Wood 2002), with the trade-off curve
//     of every budget 0..k.
//
// # Algorithms and cost
//
// With V nodes and E arcs:
//
//	MaxFlow, MaxFlowNodes   push–relabel, highest label     O(V²√E)
//	                        (Goldberg & Tarjan 1988)
//	Articulation            Hopcroft & Tarjan (1973),       O(V+E)
//	                        Tarjan (1974), iterative
//	CheapestPath            Dijkstra (1959), binary heap    O((V+E) log V)
//	KCheapest               Yen (1971) with Lawler (1972)   O(k·L·(V+E) log V)
//	InterdictFlow           branch and bound, exact ≤ 3     exponential in k
//	InterdictPath           branch and bound, exact ≤ 3     O(L^k) shortest paths
//
// (L: arcs on the longest path met.) As a guide (benchmarks of this
// package on one core of a current server): MaxFlow takes about 8 ms on a
// route-like network of 10⁴ nodes and 3·10⁴ arcs and 60 ms on 10⁵ nodes
// and 3·10⁵ arcs; KCheapest with k = 10 about
// 0.1 s on 10⁴ nodes with paths of about 1 000 arcs; the exact budgets
// 0..3 of InterdictFlow on 300 nodes and 870 arcs take 25 ms to 0.75 s
// (unit capacities, with many ties, are the slow case) and those of
// InterdictPath about 0.15 s.
//
// # Interdiction: exact and heuristic
//
// Both problems are NP-hard (Wood 1993; Israeli & Wood 2002). Budgets up
// to InterdictOptions.MaxExactK (default 3) are solved exactly by branch
// and bound on a rule that every optimal set must obey unless
// the empty set is optimal: it removes an element carrying flow in the
// current maximum flow (InterdictFlow), or an element of the current
// cheapest path (InterdictPath; Israeli & Wood 2002). Branch i removes the
// i-th candidate and keeps candidates 1..i−1, so every set is met at most
// once; InterdictFlow bounds a branch by the flow minus the largest flows
// on the arcs (nodes) it may still remove. Each budget may spend
// MaxEvaluations maximum flows or shortest paths (by default 10⁸/(N+E),
// between 1 000 and 200 000); when
// they run out, or for larger budgets, a greedy and one-exchange local
// search takes over, and the answer says so: Exact is false and Method is
// MethodGreedySwap or MethodBudgetGreedySwap. A budget after an exact one
// stays exact when nothing more can help (no flow or no path left, or a
// search tree that ended before the budget did).
//
// # Determinism and ties
//
// Every result is a function of the input alone: nodes and arcs are
// scanned in index order and no map order is observable. Ties are broken
// as follows.
//
//   - Flows: push–relabel (and Dinic's searches, for interdiction)
//     follow nodes and arcs in index order; the cut is the one of the
//     smallest source side, unique whatever the flow.
//   - Paths are ordered by cost, then number of arcs, then source node
//     (CheapestPath), then the sequence of arc indexes lexicographically.
//     CheapestPath returns the first path in this order, KCheapest the
//     first k. Costs are summed from the last arc to the first.
//   - Interdiction sets are ordered by value, then shortlex (fewer
//     elements first, then the lexicographically smallest sorted list of
//     indexes); an exact answer is the first optimal set in that order.
//
// Values are float64. For integer capacities and costs (or any whose sums
// are exact in floating point) all values, cuts and ties are exact; for
// others, equalities are floating-point equalities and a flow may miss
// conservation by rounding.
//
// # References
//
//   - B. V. Cherkassky and A. V. Goldberg (1997), "On implementing the
//     push–relabel method for the maximum flow problem", Algorithmica
//     19(4):390–410.
//   - E. A. Dinic (1970), "Algorithm for solution of a problem of maximum
//     flow in a network with power estimation", Soviet Mathematics Doklady
//     11:1277–1280.
//   - E. W. Dijkstra (1959), "A note on two problems in connexion with
//     graphs", Numerische Mathematik 1:269–271.
//   - L. R. Ford and D. R. Fulkerson (1956), "Maximal flow through a
//     network", Canadian Journal of Mathematics 8:399–404.
//   - S. Fortune, J. Hopcroft and J. Wyllie (1980), "The directed subgraph
//     homeomorphism problem", Theoretical Computer Science 10(2):111–121.
//   - A. V. Goldberg and R. E. Tarjan (1988), "A new approach to the
//     maximum-flow problem", Journal of the ACM 35(4):921–940.
//   - J. Hopcroft and R. Tarjan (1973), "Algorithm 447: efficient
//     algorithms for graph manipulation", Communications of the ACM
//     16(6):372–378.
//   - E. Israeli and R. K. Wood (2002), "Shortest-path network
//     interdiction", Networks 40(2):97–111.
//   - E. L. Lawler (1972), "A procedure for computing the K best solutions
//     to discrete optimization problems and its application to the
//     shortest path problem", Management Science 18(7):401–405.
//   - J.-C. Picard and M. Queyranne (1980), "On the structure of all
//     minimum cuts in a network and applications", Mathematical
//     Programming Study 13:8–16.
//   - R. E. Tarjan (1974), "A note on finding the bridges of a graph",
//     Information Processing Letters 2(6):160–161.
//   - R. K. Wood (1993), "Deterministic network interdiction", Mathematical
//     and Computer Modelling 17(2):1–18.
//   - J. Y. Yen (1971), "Finding the k shortest loopless paths in a
//     network", Management Science 17(11):712–716.
package flow
