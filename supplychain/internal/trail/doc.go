// Package trail follows the money: it finds the trails along which money
// moves from one set of actors to another, the actors where proceeds of
// crime reach terrorists, and the laundering patterns (typologies) among
// the transfers. It is the index-level core of package supplychain, on
// plain data: actors are the indexes 0 … n−1, per-actor sets are []bool
// given by the caller, and the money links are a slice of Transfer. It
// uses package network for Date only.
//
// # Time
//
// A transfer happened on some day within its bounds [lo, hi]: lo is
// Start.First() and hi End.Last(), an unset Start leaving lo open (−∞) and
// an unset End leaving hi open (+∞), as a network link's Interval. So a
// transfer dated "2001" may fall on any day of 2001 and one dated
// "2001-05" on any day of May 2001; partial dates are compared by their
// first and last days and never excluded on a guess.
//
// A sequence of transfers is time-ordered when days d_1 ≤ d_2 ≤ … ≤ d_k
// can be chosen, each within its transfer's bounds: money received on a
// day can be passed on that day or later. That holds exactly when no
// transfer must end before an earlier one in the sequence starts
// (lo_i ≤ hi_j for all i < j); checking only consecutive transfers would
// not do (a transfer on day 5, an undated one, then one on day 3).
// Transfer "2001-05" then "2001" is ordered (the second may fall in June);
// "2001-05" then "2001-03" is not. An undated transfer is unconstrained
// itself but does not reset the clock for the transfers after it.
//
// # Trails
//
// A trail from the set from to the set to is a directed path of 1 to
// MaxHops (default 4) transfers that
//   - starts at an actor in from and ends at an actor in to;
//   - is simple: no actor twice (so a mutual link, given as two transfers,
//     is never used both ways);
//   - has no intermediate actor in to: it ends where the money first
//     reaches the target set (its source may be in both sets);
//   - is time-ordered, as above.
//
// Parallel transfers between the same actors make distinct trails;
// self-transfers are ignored. Trails are ranked by hops (fewer first),
// bottleneck — the smallest Amount on the trail — (larger first), mean
// Grade (higher first), the transfers' Links compared lexicographically,
// and last their input positions, so the order is total. Every trail is
// enumerated (the count is Result.Found), the best Max (default 1000) are
// kept, and Result.Truncated says whether some were left out.
//
// Gateways are the actors where proceeds of crime reach terrorist actors:
// on a trail from a criminal to a terrorist actor, the actor before the
// target — its last non-terrorist actor, since no intermediate actor is a
// target — unless that actor is itself terrorist (a hybrid source paying a
// terrorist directly).
//
// # Laundering patterns
//
// The patterns are five of the AML typologies of IBM's AMLSim simulator
// (fan_in, fan_out, cycle, scatter_gather, gather_scatter; its bipartite,
// stack and random typologies are not sought), which are also among the
// laundering patterns of the AMLworld generator of Altman et al. (2023),
// plus a layering chain through front companies and charities (the
// layering stage of laundering; on the abuse of charities, FATF 2014).
// AMLSim generates them; here they are detected, with the rules below
// for partial dates and overlapping occurrences. Self-transfers are
// ignored; m is
// PatternOptions.Min (default 3); "distinct" counts actors, not transfers,
// and every transfer of a counted actor belongs to the pattern.
//
//   - fan_in: transfers into one hub from ≥ m distinct senders that can all
//     fall within Window days (default 30: max lo − min hi ≤ Window − 1;
//     NoWindow for no limit). Each inclusion-maximal such set is reported
//     once per hub, so overlapping windows give one pattern per maximal
//     set, never its subsets.
//   - fan_out: the same for transfers out of one hub to ≥ m distinct
//     receivers.
//   - cycle: a directed simple cycle of 3 to MaxCycle (default 6)
//     transfers, round-tripping money: kept when some rotation of it is
//     time-ordered; its origins (Central) are the actors where such
//     rotations start. Each cycle is reported once, its actors listed from
//     its smallest actor; a cycle over mutual links also runs the other way,
//     a different directed cycle.
//   - scatter_gather: an origin sends to ≥ m distinct intermediaries that
//     send to one destination; every intermediary in it has a transfer from
//     the origin and one to the destination, and some day splits the
//     pattern, every scatter on or before it and every gather on or after
//     (AMLSim schedules scatters before gathers). One pattern per maximal
//     set per origin and destination.
//   - gather_scatter: ≥ m distinct senders pay one hub that pays ≥ m
//     distinct receivers, the outgoing after the incoming: some day splits
//     them, every incoming transfer on or before it and every outgoing on
//     or after. A sender may also be a receiver. One pattern per maximal
//     set per hub.
//   - layering: a time-ordered simple path of 3 to MaxChain (default 6)
//     transfers whose intermediate actors are all flagged Front (its ends
//     may be any actors). Only maximal chains are reported — none that a
//     transfer at either end could extend within MaxChain — so no chain
//     and its sub-chains both.
//
// Patterns come by kind (in the order above), then central actors, then
// transfers, then actors, each compared lexicographically. Cycles and
// layering chains can be exponentially many: the search stops after Max
// (default 10000) of each and says so in PatternResult.Truncated.
//
// # References
//
//   - Altman, E., Blanuša, J., von Niederhäusern, L., Egressy, B., Anghel,
//     A. and Atasu, K. (2023). Realistic Synthetic Financial Transactions
//     for Anti-Money Laundering Models. NeurIPS 2023 Datasets and
//     Benchmarks; arXiv:2306.16424.
//   - IBM AMLSim, a multi-agent simulator of money-laundering transactions
//     (Suzumura, T. and Kanezashi, H.): https://github.com/IBM/AMLSim, its
//     AML typologies in scripts/transaction_graph_generator.py and the wiki
//     page "Transaction Model: Alert Model".
//   - FATF (2014). Risk of Terrorist Abuse in Non-Profit Organisations.
//     Paris: Financial Action Task Force.
//   - Holme, P. and Saramäki, J. (2012). Temporal networks. Physics
//     Reports 519(3), 97–125 (time-respecting paths).
//   - Tarjan, R. E. (1972). Depth-first search and linear graph
//     algorithms. SIAM Journal on Computing 1(2), 146–160.
//   - Tiernan, J. C. (1970). An efficient search algorithm to find the
//     elementary circuits of a graph. Communications of the ACM 13(12),
//     722–726.
package trail
