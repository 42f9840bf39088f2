// Package measure computes social-network measures on graphs: the
// centralities (degree, betweenness, closeness, harmonic, eigenvector,
// PageRank, Katz), cohesion (k-cores, components, articulation points,
// bridges, clustering), Burt's structural holes, Gould–Fernandez brokerage,
// the Krackhardt–Stern E–I index and Louvain communities.
//
// Every measure is defined, normalised and referenced in its doc comment,
// and equals NetworkX's value (or R sna's, for brokerage) on the same graph
// with the same options: the tests compare against reference values in
// testdata/reference, produced by the scripts stored next to them.
//
// Measures run on Graph, a compact adjacency form (compressed sparse rows of
// int32) built from any gonum graph with New, including the views of
// package network. Heavy measures split their work across GOMAXPROCS
// workers in a fixed partition whose partial results are summed in a fixed
// order, so results are bitwise identical whatever the number of cores.
// Results are dense slices indexed by node index (Graph.ID maps an index
// back to the gonum node ID; for a network view, index i is actor i of the
// view).
package measure
