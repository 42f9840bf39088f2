// Package nexus finds where crime and terror meet in an illicit network:
// the actors that broker between criminal and terrorist sectors, the
// corrupt officials and iron triangles that ease their transactions, the
// stage a pair of groups has reached on the crime–terror continuum, the key
// players whose removal would most fragment the network, what happens as
// actors are removed, and what changed between two snapshots.
//
// # One scope
//
// Every analysis takes an *analysis.Scope (package network/analysis),
// built once from a network: the view (elements, link types, sectors,
// kinds, time window, minimum grade, aggregation of parallel links), the
// direction, the meaning of weights (strengths turned into lengths 1/w for
// paths, or lengths as given) and the two actor sets A and B, by default
// the criminal and the terrorist sector. An analysis that needs A and B
// fails, saying how to fix it, when one is empty — as on published data
// whose actors have no kind — rather than answer nothing.
//
// Results are labelled by actor ID (names are at
// Scope.Network().Actor(id)); a field naming one actor is Actor, several
// Actors. Lists come ranked by their documented score with ties in actor
// order (the network's order), or in actor order.
//
// Every score is explainable: results carry their parts and, where it
// matters, the links that produced them. Definitions use the domain model
// of package network (sectors, kinds, the four elements; hybrids count in
// every sector they carry).
//
// # Analyses
//
//   - Betweenness: nexus betweenness, Σ over pairs (a ∈ A, b ∈ B, a ≠ v ≠ b)
//     of σ_ab(v)/σ_ab, the share of shortest a→b paths through v — Brandes'
//     (2001) algorithm restricted to sources in A and targets in B
//     (measure.SetBetweenness).
//   - Convergence: actors whose ties reach both sets, ranked by a weighted
//     sum of normalised nexus betweenness, the Blau (1977) index of the
//     sectors of their neighbours, multiplexity over the four critical
//     elements and hybrid status; each result lists its parts and its
//     neighbours in A and B.
//   - CrossSectorBrokerage: Gould & Fernandez (1989) liaison,
//     representative and gatekeeper roles on two-paths from A to B.
//   - CorruptionNodes and IronTriangles: state actors tied to members of A
//     or B, and state–licit–criminal triangles (Luna 2008, US Department
//     of State), with their links as evidence.
//   - Continuum: the stage of a pair of groups on Makarenko's (2004)
//     crime–terror continuum — alliance, operational motivations,
//     convergence, black hole — by ordered, documented rules; the result
//     names the rules that fired and their links.
//   - KeyPlayers: Borgatti's (2006) KPP-Neg and KPP-Pos sets
//     (measure.KeyPlayers), labelled by actor.
//   - Disrupt: removal of actors step by step by degree, betweenness, nexus
//     betweenness, key player or at random, ranked once or after every
//     removal, reporting components, F, DF, global efficiency (Latora &
//     Marchiori 2001) and the A→B pairs still connected; an optional
//     recovery rule after Duijn, Kashirin & Sloot (2014).
//   - Warn: new cross-sector links, new brokers and rising nexus
//     betweenness between two snapshots or two time windows.
package nexus
