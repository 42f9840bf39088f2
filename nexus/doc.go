// Package nexus finds where crime and terror meet in an illicit network:
// the actors that broker between criminal and terrorist sectors, the
// corrupt officials and iron triangles that ease their transactions, the
// stage a pair of groups has reached on the crime–terror continuum, the key
// players whose removal would most fragment the network, what happens as
// actors are removed, and what changed between two snapshots.
//
// Every score is explainable: results carry their parts and, where it
// matters, the links that produced them. Definitions use the domain model
// of package network (sectors, kinds, the four elements; hybrids count in
// every sector they carry) and run on its views, so any analysis can be
// restricted to a layer, a time window or a minimum grade.
//
// # Measures
//
//   - Betweenness: nexus betweenness, Σ over pairs (a ∈ A, b ∈ B, a ≠ v ≠ b)
//     of σ_ab(v)/σ_ab, the share of shortest a→b paths through v — Brandes'
//     (2001) algorithm restricted to sources in A and targets in B
//     (measure.SetBetweenness). A and B default to the criminal and terrorist
//     sectors.
//   - Convergence: actors whose ties reach both sectors, ranked by a weighted
//     sum of normalised nexus betweenness, the Blau (1977) index of the
//     sectors of their neighbours, multiplexity over the four critical
//     elements and hybrid status; each result lists its parts and its
//     cross-sector neighbours.
//   - CrossSectorBrokerage: Gould & Fernandez (1989) liaison, representative
//     and gatekeeper roles on two-paths from one sector to another.
//   - CorruptionNodes and IronTriangles: state actors tied to criminal or
//     terrorist actors, and state–licit–criminal triangles (US Department of
//     State 2008), with their links as evidence.
//   - Continuum: the stage of a pair of groups on Makarenko's (2004)
//     crime–terror continuum — alliance, operational motivations,
//     convergence, black hole — by ordered, documented rules; the result
//     names the rules that fired and their links.
//   - KeyPlayers: Borgatti's (2006) KPP-Neg (fragmentation F, distance-
//     weighted fragmentation DF) and KPP-Pos (reach within m steps,
//     distance-weighted reach) sets, by greedy selection and swaps, seeded.
//   - Disrupt: removal of actors step by step by degree, betweenness, nexus
//     betweenness, key player or at random, ranked once or after every
//     removal, reporting components, F, DF, global efficiency (Latora &
//     Marchiori 2001) and the crime→terror pairs still connected; an optional
//     recovery rule after Duijn, Kashirin & Sloot (2014).
//   - Warn: new cross-sector links, new brokers and rising nexus
//     betweenness between two snapshots or two time windows.
package nexus
