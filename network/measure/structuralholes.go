package measure

import (
	"math"
	"slices"
)

// Burt's structural-hole measures (Burt 1992, Structural Holes: The Social
// Structure of Competition, Harvard University Press, ch. 2) describe the
// ego network of each node: its contacts N(i) (neighbours; in- and
// out-neighbours together for directed graphs) and the ties among them.
// They are built on the mutual weight of a pair, a_ij + a_ji (the weights
// of the arcs i→j and j→i, 0 where an arc is missing; 2·w_ij for an
// undirected edge), and on the proportional tie strength
//
//	p_ij = (a_ij + a_ji) / Σ_k (a_ik + a_ki),
//
// NetworkX's normalized_mutual_weight. Edge weights are the Graph's (1 for
// a graph built unweighted), so the same functions give the unweighted and
// weighted measures. Each measure is NaN for an isolate and for a node
// whose ties all weigh 0.
//
// Directed sinks (in-arcs only) have contacts and get values, as in
// NetworkX's whole-graph SciPy code path; NetworkX's pure-Python fallback,
// used when SciPy is missing, returns NaN for every node without an
// out-neighbour instead (it tests G[v], the successors).

// holesEgo holds, for every node, its contacts (the sorted union of in-
// and out-neighbours) and the mutual weights to them, in CSR form, with
// the sum and the maximum of each node's mutual weights.
type holesEgo struct {
	start []int32
	adj   []int32
	mw    []float64
	sum   []float64
	max   []float64
}

func newHolesEgo(g *Graph) *holesEgo {
	n := g.Len()
	e := &holesEgo{start: make([]int32, n+1), sum: make([]float64, n), max: make([]float64, n)}
	for i := 0; i < n; i++ {
		oa, ow := g.Out(i)
		ia, iw := g.In(i)
		a, b := 0, 0
		for a < len(oa) || b < len(ia) {
			var v int32
			var w float64
			switch {
			case b == len(ia) || (a < len(oa) && oa[a] < ia[b]):
				v, w = oa[a], ow[a]
				a++
			case a == len(oa) || ia[b] < oa[a]:
				v, w = ia[b], iw[b]
				b++
			default: // same neighbour both ways
				v, w = oa[a], ow[a]+iw[b]
				a++
				b++
			}
			e.adj = append(e.adj, v)
			e.mw = append(e.mw, w)
			e.sum[i] += w
			e.max[i] = math.Max(e.max[i], w)
		}
		e.start[i+1] = int32(len(e.adj))
	}
	return e
}

func (e *holesEgo) contacts(i int) ([]int32, []float64) {
	s, t := e.start[i], e.start[i+1]
	return e.adj[s:t:t], e.mw[s:t:t]
}

// mutual returns the mutual weight of i and j (0 if they are not tied).
func (e *holesEgo) mutual(i int, j int32) float64 {
	adj, mw := e.contacts(i)
	if k, ok := slices.BinarySearch(adj, j); ok {
		return mw[k]
	}
	return 0
}

// p returns the proportional tie strength p_ij.
func (e *holesEgo) p(i int, j int32) float64 {
	if e.sum[i] == 0 {
		return 0
	}
	return e.mutual(i, j) / e.sum[i]
}

// contributions writes the dyadic constraints c_ij of i's contacts j into
// c (resized) and returns it.
func (e *holesEgo) contributions(i int, c []float64) []float64 {
	adj, mw := e.contacts(i)
	c = c[:0]
	for _, j := range adj {
		indirect := 0.0
		for k, q := range adj {
			if q != j {
				indirect += mw[k] / e.sum[i] * e.p(int(q), j)
			}
		}
		d := e.mutual(i, j)/e.sum[i] + indirect
		c = append(c, d*d)
	}
	return c
}

// EffectiveSize returns Burt's effective size of every node's ego network:
// the number of contacts minus their redundancy,
//
//	e_i = Σ_{j∈N(i)} (1 − Σ_{q∈N(i), q≠j} p_iq m_jq),
//
// where p_iq = (a_iq + a_qi) / Σ_k (a_ik + a_ki) is i's proportional tie
// strength to q (a_xy the weight of the arc x→y, 0 if there is none; for
// an undirected graph a_xy = a_yx = w_xy), and m_jq = (a_jq + a_qj) /
// max_k (a_jk + a_kj) is j's mutual weight with q relative to j's
// strongest tie. N(i) is the set of i's contacts: neighbours, in- and
// out-neighbours together for directed graphs. Edge weights are the
// Graph's (1 per tie for a graph built unweighted). For an unweighted undirected graph this equals
// Borgatti's (1997) simplification n − 2t/n, with n contacts and t ties
// among them. It equals NetworkX's effective_size(G, weight=...) (Burt
// 1992, p. 52; Borgatti 1997, "Structural holes: unpacking Burt's
// redundancy measures", Connections 20(1):35–38). NaN for isolates and
// for nodes whose ties all weigh 0. A directed sink (in-arcs only) gets a
// value, as in NetworkX's SciPy code path (its pure-Python fallback gives
// NaN to nodes without out-neighbours).
func EffectiveSize(g *Graph) []float64 {
	e := newHolesEgo(g)
	out := make([]float64, g.Len())
	for i := range out {
		adj, mw := e.contacts(i)
		if len(adj) == 0 || e.sum[i] == 0 {
			out[i] = math.NaN()
			continue
		}
		s := 0.0
		for _, j := range adj {
			r := 0.0
			if e.max[j] > 0 {
				for k, q := range adj {
					if q != j {
						r += mw[k] / e.sum[i] * (e.mutual(int(j), q) / e.max[j])
					}
				}
			}
			s += 1 - r
		}
		out[i] = s
	}
	return out
}

// BurtEfficiency returns Burt's efficiency of every node's ego network: its
// effective size divided by its number of contacts (distinct neighbours,
// in- and out-neighbours together for directed graphs), between 0 and 1
// (Burt 1992, p. 52). NetworkX leaves it to the user (issue #3467). NaN
// for isolates.
//
// It is Burt's structural-hole efficiency of each ego, one value per node,
// and not the global efficiency of Latora and Marchiori (2001), the mean
// inverse shortest-path distance over all pairs of nodes (NetworkX's
// global_efficiency), nor their local efficiency, the global efficiency
// of each node's neighbourhood (NetworkX's local_efficiency).
func BurtEfficiency(g *Graph) []float64 {
	es := EffectiveSize(g)
	e := newHolesEgo(g)
	for i := range es {
		es[i] /= float64(e.start[i+1] - e.start[i]) // NaN stays NaN
	}
	return es
}

// Constraint returns Burt's aggregate constraint on every node,
//
//	c_i = Σ_{j∈N(i)} c_ij,   c_ij = (p_ij + Σ_{q∈N(i), q≠i,j} p_iq p_qj)²,
//
// with p_ij = (a_ij + a_ji) / Σ_k (a_ik + a_ki) the proportional strength
// of i's tie to j (see EffectiveSize for the notation). The dyadic
// constraint c_ij measures how much of i's network is invested in j,
// directly or through mutual contacts. c_i is 1/|N(i)| when no two
// contacts are tied (equal weights) and grows towards 1, or a little above
// it, for a single contact or a small dense clique. It equals
// NetworkX's constraint(G, weight=...) (Burt 1992, p. 55; Burt 2004,
// "Structural holes and good ideas", Am. J. Sociol. 110:349–399). NaN for
// isolates and for nodes whose ties all weigh 0; directed sinks get a value,
// as in NetworkX's SciPy code path (see EffectiveSize).
func Constraint(g *Graph) []float64 {
	e := newHolesEgo(g)
	out := make([]float64, g.Len())
	var c []float64
	for i := range out {
		if e.start[i] == e.start[i+1] || e.sum[i] == 0 {
			out[i] = math.NaN()
			continue
		}
		c = e.contributions(i, c)
		s := 0.0
		for _, x := range c {
			s += x
		}
		out[i] = s
	}
	return out
}

// DyadicConstraint returns the contacts of node i (in increasing index
// order) and the dyadic constraint c_ij that each contact j puts on i (see
// Constraint, whose value for i is the sum of these; NetworkX's
// local_constraint(G, i, j)). Both slices are empty for an isolate; the
// constraints are NaN when all of i's ties weigh 0.
func DyadicConstraint(g *Graph, i int) ([]int, []float64) {
	e := newHolesEgo(g)
	adj, _ := e.contacts(i)
	contacts := make([]int, len(adj))
	for k, j := range adj {
		contacts[k] = int(j)
	}
	if e.sum[i] == 0 {
		c := make([]float64, len(adj))
		for k := range c {
			c[k] = math.NaN()
		}
		return contacts, c
	}
	return contacts, e.contributions(i, nil)
}

// Hierarchy returns Burt's hierarchy of every node's constraint: how far
// the constraint on i is concentrated on a single contact,
//
//	H_i = Σ_{j∈N(i)} r_j ln r_j / (N ln N),   r_j = c_ij / (c_i / N),
//
// where c_ij are the dyadic constraints (see Constraint), c_i their sum
// and N = |N(i)| the number of contacts; r_j is j's constraint relative to
// the mean contact's (Burt 1992, p. 71; UCINET's "Hierarchy" in Structural
// Holes). H is 0 when the constraint is spread evenly and approaches 1
// when one contact accounts for all of it. A node with a single contact has
// H = 0 by definition here (the formula is 0/0: N ln N = 0); isolates, and
// nodes whose ties all weigh 0, get NaN. Terms with c_ij = 0 count as 0.
func Hierarchy(g *Graph) []float64 {
	e := newHolesEgo(g)
	out := make([]float64, g.Len())
	var c []float64
	for i := range out {
		nc := int(e.start[i+1] - e.start[i])
		switch {
		case nc == 0 || e.sum[i] == 0:
			out[i] = math.NaN()
			continue
		case nc == 1:
			out[i] = 0
			continue
		}
		c = e.contributions(i, c)
		total := 0.0
		for _, x := range c {
			total += x
		}
		n := float64(nc)
		h := 0.0
		for _, x := range c {
			if r := x * n / total; r > 0 {
				h += r * math.Log(r)
			}
		}
		out[i] = h / (n * math.Log(n))
	}
	return out
}
