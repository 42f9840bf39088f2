// Package supplychain analyses an illicit network as a supply chain with
// the four critical elements of Realuyo (2013): materiel (what is moving,
// where from, where to, what resources are accessed), manpower (who is
// moving it, who controls, who enables), money (who is funding, how
// revenue is generated, where the money is going) and mechanisms (the
// modes of conveyance — land, air, sea, cyberspace —, the technology, and
// how the chain is organised). These are the questions of Figure 2 of
// that paper, and each analysis here answers some of them from the links
// of a network. NetworkX, igraph or Neo4j have the flow and cut algorithms
// but no notion of commodity, route, mode or money channel; analysts' tools
// (ORA, UCINET, i2) have no supply-chain model. This package has both.
//
// Every analysis takes an analysis.Scope, so that it can be restricted to
// a time window, a minimum grade, some link types or some sectors, and
// every result names actors by ID and cites the links it rests on by
// network.LinkID.
//
//   - Chains: the sub-network that moves a commodity — its materiel links,
//     the actors and places they touch, the mechanism links (routes with
//     mode, cost and capacity) and the money and manpower links of those
//     actors — and each actor's roles in it (source, transit, market,
//     controller, enabler, funder, protector), each with its links.
//   - Audit: every Figure-2 question answered for a chain, with the links
//     that justify each answer, "unknown" where the data is silent, and a
//     Markdown rendering.
//   - Profiles: the four elements each actor's links carry, in and out.
//   - Routes (RouteNetwork): the k cheapest loopless routes from sources to
//     markets (Yen 1971), restricted by mode; chokepoints (articulation
//     points and bridges); the maximum flow and minimum cut, of links or of
//     places; budgeted interdiction of the flow (Wood 1993) or of the
//     cheapest route (Israeli & Wood 2002) with its trade-off curve, exact
//     up to three removals; displacement — min-cost routing of supply to
//     demand before and after an interdiction (the balloon effect).
//   - Money (Trails, Laundering): time-ordered money trails from set A to
//     set B, the gateways where proceeds of crime reach terrorist actors,
//     and the laundering typologies of IBM's AMLSim (fan-in, fan-out,
//     cycle, scatter–gather, gather–scatter, layering through fronts).
//
// A route network is read from the mechanism links the scope keeps: a
// link's cost is its "cost" attribute (default 1) and its capacity its
// "capacity" attribute (default its weight); a mutual link is a route both
// ways (located_at, operates_in and communicates_with links are not
// routes). A place's capacity, when places are cut, is its "capacity"
// attribute (default 1, so that a cut counts places). Money trails read a
// link's amount from its "amount" attribute (default its weight), its
// date from its start and end, its confidence from its grade.
//
// The algorithms run on an index-level core — maximum flow by
// highest-label push–relabel (Goldberg & Tarjan 1988), interdiction by
// branch and bound over Dinic's maximum flows (1970), min-cost flow by
// successive shortest paths, Yen's k cheapest paths, trail and pattern
// search — checked against brute-force enumeration on random small
// networks and against NetworkX on generated instances; every result is
// deterministic, ties broken by actor and link order.
//
// Reference: C. B. Realuyo (2013), "Collaborating to combat illicit
// networks through interagency and international efforts", in M.
// Miklaucic and J. Brewer (eds.), Convergence: Illicit Networks and
// National Security in the Age of Globalization, Washington, DC: National
// Defense University Press.
package supplychain
