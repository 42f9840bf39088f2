package measure

// Direction selects which arcs of a directed graph a measure counts. On an
// undirected graph every direction counts each edge once.
type Direction int

const (
	// Both counts in- and out-arcs (NetworkX's G.degree on a DiGraph).
	Both Direction = iota
	// Out counts out-arcs only.
	Out
	// In counts in-arcs only.
	In
)

// Degree returns the degree centrality of every node: its degree divided
// by n−1, the largest possible degree in a simple graph (Freeman 1979,
// "Centrality in social networks: conceptual clarification", Social
// Networks 1:215–239). For a directed graph the degree is the in-degree
// plus the out-degree, so values can reach 2. A graph of one node gives 1
// (and no nodes, an empty slice). It equals NetworkX's
// degree_centrality(G).
func Degree(g *Graph) []float64 { return degreeCentrality(g, Both) }

// InDegree returns the in-degree centrality of every node: in-degree /
// (n−1), NetworkX's in_degree_centrality(G). On an undirected graph it
// equals Degree.
func InDegree(g *Graph) []float64 { return degreeCentrality(g, In) }

// OutDegree returns the out-degree centrality of every node: out-degree /
// (n−1), NetworkX's out_degree_centrality(G). On an undirected graph it
// equals Degree.
func OutDegree(g *Graph) []float64 { return degreeCentrality(g, Out) }

func degreeCentrality(g *Graph, dir Direction) []float64 {
	n := g.Len()
	c := make([]float64, n)
	if n == 1 {
		c[0] = 1 // NetworkX's convention for a single node
		return c
	}
	s := 1 / float64(n-1)
	for i := range c {
		c[i] = float64(degreeOf(g, i, dir)) * s
	}
	return c
}

func degreeOf(g *Graph, i int, dir Direction) int {
	if !g.directed {
		return g.OutDegree(i)
	}
	switch dir {
	case Out:
		return g.OutDegree(i)
	case In:
		return g.InDegree(i)
	default:
		return g.OutDegree(i) + g.InDegree(i)
	}
}

// Strength returns the weighted degree of every node: the sum of the
// weights of its edges (Barrat et al. 2004, "The architecture of complex
// weighted networks", PNAS 101:3747–3752), not normalised. For a directed
// graph dir selects the out-arcs, the in-arcs or both (their sum); for an
// undirected graph dir is ignored. On a graph built unweighted every edge
// weighs 1 and Strength is the raw degree. It equals NetworkX's
// G.degree(weight="weight") (Both), G.out_degree(weight="weight") (Out)
// and G.in_degree(weight="weight") (In).
func Strength(g *Graph, dir Direction) []float64 {
	n := g.Len()
	s := make([]float64, n)
	for i := range s {
		var sum float64
		if !g.directed || dir != In {
			_, w := g.Out(i)
			for _, x := range w {
				sum += x
			}
		}
		if g.directed && dir != Out {
			_, w := g.In(i)
			for _, x := range w {
				sum += x
			}
		}
		s[i] = sum
	}
	return s
}
