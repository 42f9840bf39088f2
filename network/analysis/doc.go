// Package analysis says what to analyse in a network — one Scope for every
// analysis of the library — and gives the general measures of package
// measure as results labelled by actor.
//
// # The scope
//
// A Scope is built once from a network and ScopeOptions, and every
// analysis of packages analysis, nexus and supplychain takes it:
//
//   - the view: which actors and links (elements, link types such as a
//     dataset's layers, sectors, kinds, a time window or instant, a
//     minimum grade) and how parallel links merge into one weight
//     (network.ViewOptions);
//   - the direction: along link directions (Mutual links both ways), or
//     every link a two-way tie;
//   - the weighting: what an edge's weight means (below);
//   - the actor sets A and B of the analyses that measure something
//     between two groups (nexus betweenness, brokerage, disruption of
//     crime–terror paths, …), each chosen by one Selector: by sector, by
//     kind or by explicit actor IDs. By default A is the criminal sector
//     and B the terrorist sector.
//
// NewScope validates all of it and builds, once, the view, the compact
// graphs of package measure, the set memberships and the actor labels. It
// lives in package analysis, below nexus and supplychain, so that both
// share it without importing each other.
//
// # What a weight means
//
// A view's edge weight is a strength: the aggregation of the links
// between a pair (their number, summed or largest weight, or the
// grade-discounted sum) — bigger means closer. Measures of strength
// (degree strength, eigenvector, PageRank, Katz, weighted clustering,
// Burt's measures) read it as it is. Measures of paths (betweenness,
// closeness, harmonic centrality, nexus betweenness, the distance-weighted
// key player measures and, later, routes) need a length — bigger means
// farther — and turn a strength w into the length 1/w, as Opsahl,
// Agneessens & Skvoretz (2010), UCINET and ORA do. So three parallel links
// make a pair closer, not farther, and a well-graded tie is shorter than a
// poorly graded one under grade-discounted strength.
//
// Weighting chooses between three readings: Unweighted (every edge has
// strength and length 1, paths are counted in hops: the default),
// StrengthWeights (the weight is a strength; length = 1/w), and
// LengthWeights (the weight is a length as given, such as a route cost;
// strength = 1/w). With either of the last two, a weight that is zero, negative, NaN or
// infinite is an error naming the pair and its links, and so are weights
// whose sum over the graph overflows a float64 (a path length could then
// overflow).
//
// # Labelled results
//
// Actor-level results are Scores: one value per actor of the scope, in
// the network's actor order, with look-up by actor ID, ranking and top-k;
// ties rank by actor order. Actor names are reachable from the network
// (Scope.Network().Actor(id)).
//
// Reference: T. Opsahl, F. Agneessens & J. Skvoretz (2010), "Node
// centrality in weighted networks: generalizing degree and shortest
// paths", Social Networks 32(3): 245–251.
//
// # Groups and communities
//
// Groups partition a scope's actors by an attribute, by kind or sector
// (GroupsFromAttribute), by labels given (NewGroups) or into the Louvain
// communities of Communities (Blondel et al. 2008; by element or link type
// with measure.MultiplexLouvain, after Mucha et al. 2010). Modularity,
// Brokerage (Gould & Fernandez 1989, with R sna's expected values and
// z-scores) and EIIndex (Krackhardt & Stern 1988, with a permutation test)
// measure a partition, labelled by actor and by group; see each function
// for its definition, weights and reference.
package analysis
