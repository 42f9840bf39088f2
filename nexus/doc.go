// Package nexus finds where crime and terror meet in an illicit network:
// the actors that broker between criminal and terrorist sectors, the
// corrupt officials and iron triangles that ease their transactions, the
// stage a pair of groups has reached on the crime–terror continuum, and the
// key players whose removal would most fragment the network.
//
// Every score is explainable: results carry their parts and, where it
// matters, the links or paths that produced them. Definitions follow the
// domain model of the network package (sectors, kinds, the four elements)
// and cite their sources: Brandes (2001) for betweenness, Borgatti (2006)
// for key players, Makarenko (2004) for the continuum, Gould & Fernandez
// (1989) for brokerage roles.
package nexus
