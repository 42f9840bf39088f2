package measure

import (
	"fmt"
	"math"
)

// BrokerageRole names one of Gould and Fernandez's (1989) brokerage roles,
// the columns of BrokerageResult's arrays. The order and the short names
// in parentheses are those of R sna::brokerage. A node v brokers the open
// two-path a→v→c (a, v, c distinct, no arc a→c), classified by the groups
// of a, v and c:
type BrokerageRole int

const (
	// Coordinator (w_I): a, v and c are in the same group.
	Coordinator BrokerageRole = iota
	// Itinerant (w_O), also called consultant: a and c are in the same
	// group, v in another.
	Itinerant
	// Representative (b_IO): a and v are in the same group, c in another;
	// v carries its group's contact out.
	Representative
	// Gatekeeper (b_OI): v and c are in the same group, a in another; v
	// lets an outsider's contact into its group.
	Gatekeeper
	// Liaison (b_O): a, v and c are in three different groups.
	Liaison
	// TotalBrokerage (t): all open two-paths through v, the sum of the five
	// roles.
	TotalBrokerage
	// NumBrokerageRoles is the number of columns: the five roles and the
	// total.
	NumBrokerageRoles = 6
)

var brokerageRoleNames = [NumBrokerageRoles]string{"coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"}

// String returns the role's name ("coordinator", …, "total").
func (r BrokerageRole) String() string {
	if r < 0 || int(r) >= NumBrokerageRoles {
		return fmt.Sprintf("BrokerageRole(%d)", int(r))
	}
	return brokerageRoleNames[r]
}

// BrokerageResult holds Gould–Fernandez brokerage scores as computed by R
// sna::brokerage (sna 2.7-1): the observed counts, and their expectations
// and standard deviations under the null model of Gould and Fernandez
// (1989), in which the group memberships and sizes are fixed and the graph
// is a Bernoulli (Erdős–Rényi) random digraph with the observed density
// d = m / (N(N−1)) (m arcs, N nodes). Every array of six is indexed by
// BrokerageRole. A z-score is (observed − expected) / sd; it is NaN or ±Inf
// where sd is 0 (for instance a role that is impossible given the group
// sizes), as in R.
type BrokerageResult struct {
	// Group is the group index of each node: groups are numbered 0, 1, …
	// in order of first appearance in the partition (sna's clid).
	Group []int
	// GroupSize is the number of nodes of each group.
	GroupSize []int
	// Density is d = m / (N(N−1)), with m the number of arcs (twice the
	// number of edges for an undirected graph).
	Density float64

	// Raw is the number of open two-paths each node brokers in each role
	// (sna's raw.nli).
	Raw [][NumBrokerageRoles]int
	// Expected, SD and Z are the node-level expectation, standard
	// deviation and z-score of each count (sna's exp.nli, sd.nli, z.nli).
	// Expected and SD depend only on the node's group: they are
	// GroupExpected and GroupSD of that group.
	Expected, SD, Z [][NumBrokerageRoles]float64
	// GroupExpected and GroupSD are the expectation and standard deviation
	// of a node's counts, per group (sna's exp.grp, sd.grp).
	GroupExpected, GroupSD [][NumBrokerageRoles]float64

	// GlobalRaw is the total of each role over all nodes (sna's raw.gli).
	GlobalRaw [NumBrokerageRoles]int
	// GlobalExpected, GlobalSD and GlobalZ are the expectation, standard
	// deviation and z-score of the totals (sna's exp.gli, sd.gli, z.gli).
	GlobalExpected, GlobalSD, GlobalZ [NumBrokerageRoles]float64
}

// Brokerage counts the Gould–Fernandez brokerage roles of every node for
// a partition of the nodes (groups[i] is node i's group label, of any
// comparable type: int, string, …), with the expected counts, standard
// deviations and z-scores of R sna::brokerage(g, cl); see
// BrokerageResult and BrokerageRole.
//
// A node v brokers the ordered pair (a, c) when a→v and v→c are arcs, a,
// v and c are distinct, and there is no arc a→c (whether c→a exists does
// not matter). An undirected graph counts as a directed one with every
// edge as two arcs, which is what sna does with a symmetric adjacency
// matrix: an open path a–v–c then counts twice, as a→v→c and c→v→a (so a
// coordinator or itinerant path counts 2, and a path with one endpoint in
// v's group counts once as representative and once as gatekeeper). Edge
// weights are ignored.
//
// Reference: R. V. Gould and R. M. Fernandez (1989), "Structures of
// mediation: a formal approach to brokerage in transaction networks",
// Sociological Methodology 19:89–126; C. T. Butts, sna::brokerage.
func Brokerage[T comparable](g *Graph, groups []T) (*BrokerageResult, error) {
	n := g.Len()
	if len(groups) != n {
		return nil, fmt.Errorf("measure: %d group labels for %d nodes", len(groups), n)
	}
	r := &BrokerageResult{Group: make([]int, n)}
	ids := make(map[T]int)
	for i, l := range groups {
		k, ok := ids[l]
		if !ok {
			k = len(ids)
			ids[l] = k
			r.GroupSize = append(r.GroupSize, 0)
		}
		r.Group[i] = k
		r.GroupSize[k]++
	}

	// Observed counts.
	r.Raw = make([][NumBrokerageRoles]int, n)
	for v := 0; v < n; v++ {
		in, _ := g.In(v)
		out, _ := g.Out(v)
		gv := r.Group[v]
		for _, a := range in {
			ga := r.Group[a]
			for _, c := range out {
				if c == a {
					continue
				}
				if _, closed := g.Weight(int(a), int(c)); closed {
					continue
				}
				gc := r.Group[c]
				var role BrokerageRole
				switch {
				case ga == gv && gv == gc:
					role = Coordinator
				case ga == gc:
					role = Itinerant
				case ga == gv:
					role = Representative
				case gv == gc:
					role = Gatekeeper
				default:
					role = Liaison
				}
				r.Raw[v][role]++
				r.Raw[v][TotalBrokerage]++
			}
		}
		for k := range r.GlobalRaw {
			r.GlobalRaw[k] += r.Raw[v][k]
		}
	}

	arcs := 0
	for v := 0; v < n; v++ {
		arcs += g.OutDegree(v)
	}
	N := float64(n)
	d := float64(arcs) / (N * (N - 1))
	r.Density = d
	sizes := make([]float64, len(r.GroupSize))
	for i, s := range r.GroupSize {
		sizes[i] = float64(s)
	}
	r.GroupExpected, r.GroupSD = brokerageGroupMoments(sizes, N, d)
	r.Expected = make([][NumBrokerageRoles]float64, n)
	r.SD = make([][NumBrokerageRoles]float64, n)
	r.Z = make([][NumBrokerageRoles]float64, n)
	for v := 0; v < n; v++ {
		k := r.Group[v]
		r.Expected[v], r.SD[v] = r.GroupExpected[k], r.GroupSD[k]
		for j := range r.Z[v] {
			r.Z[v][j] = (float64(r.Raw[v][j]) - r.Expected[v][j]) / r.SD[v][j]
		}
	}
	var variance [NumBrokerageRoles]float64
	r.GlobalExpected, variance = brokerageGlobalMoments(sizes, N, d)
	for j := range variance {
		r.GlobalSD[j] = math.Sqrt(variance[j])
		r.GlobalZ[j] = (float64(r.GlobalRaw[j]) - r.GlobalExpected[j]) / r.GlobalSD[j]
	}
	return r, nil
}

func choose2(x float64) float64 { return x * (x - 1) / 2 }

// brokerageGroupMoments returns the expectation and standard deviation of
// a node's role counts for each group (sna's ebr and sqrt(vbr)), with
// sna's formulas, in sna's order of operations.
func brokerageGroupMoments(n []float64, N, d float64) (exp, sd [][NumBrokerageRoles]float64) {
	exp = make([][NumBrokerageRoles]float64, len(n))
	sd = make([][NumBrokerageRoles]float64, len(n))
	p := d * d * (1 - d)              // d²(1−d)
	q := d * d * d * math.Pow(1-d, 3) // d³(1−d)³
	keep := 1 - p
	for i, ni := range n {
		var e, v [NumBrokerageRoles]float64
		e[0] = p * (ni - 1) * (ni - 2)
		v[0] = e[0]*keep + 2*(ni-1)*(ni-2)*(ni-3)*q
		var s2, s3, sumO, sumSq, s5 float64
		for j, nj := range n {
			if j == i {
				continue
			}
			s2 += nj * (nj - 1)
			s3 += nj * (nj - 1) * (nj - 2)
			sumO += nj
			sumSq += nj * nj
			s5 += nj * choose2(N-nj-ni) * q
		}
		e[1] = p * s2
		v[1] = e[1]*keep + 2*s3*q
		e[2] = p * (N - ni) * (ni - 1)
		v[2] = e[2]*keep + 2*((ni-1)*choose2(N-ni)+(N-ni)*choose2(ni-1))*q
		e[3], v[3] = e[2], v[2]
		e[4] = p * (sumO*sumO - sumSq)
		v[4] = e[4]*keep + 4*s5
		e[5] = p * (N - 1) * (N - 2)
		v[5] = e[5]*keep + 2*(N-1)*(N-2)*(N-3)*q
		exp[i] = e
		for j := range v {
			sd[i][j] = math.Sqrt(v[j])
		}
	}
	return exp, sd
}

// brokerageGlobalMoments returns the expectation and variance of the
// network totals of each role (sna's egbr and vgbr).
func brokerageGlobalMoments(n []float64, N, d float64) (e, v [NumBrokerageRoles]float64) {
	p := d * d * (1 - d)
	keep := 1 - p
	d3 := d * d * d * math.Pow(1-d, 3) // d³(1−d)³
	d4 := math.Pow(d, 4) * (1 - d) * (1 - d)
	d5 := math.Pow(d, 5) * (1 - d)

	var a0, b0 float64
	var a2, b2 float64
	var e4a, e4b float64
	for _, x := range n {
		a0 += x * (x - 1) * (x - 2)
		b0 += x * (x - 1) * (x - 2) * ((4*x-10)*d3 - 4*(x-3)*d4 + (x-3)*d5)
		a2 += x * (N - x) * (x - 1)
		b2 += x * (N - x) * (x - 1) * ((N-3)*d3 + (x-2)*d5)
		e4b += x * x * (N - 2*x)
	}
	e[0] = p * a0
	v[0] = e[0]*keep + b0

	var outer1, inner1 float64
	for _, x := range n {
		for _, y := range n {
			outer1 += x * y * (x - 1) * ((2*x+2*y-6)*d3 + (N-x-1)*d5)
			e4a += x * y * (N - x - y)
		}
		inner1 += x * x * (x - 1) * ((4*x-6)*d3 + (N-x-1)*d5)
	}
	e[1] = p * a2
	v[1] = e[1]*keep + (outer1 - inner1)

	e[2] = p * a2
	v[2] = e[2]*keep + b2
	e[3], v[3] = e[2], v[2]

	e[4] = p * (e4a - e4b)
	v[4] = e[4] * keep
	v[4] += brokerageLiaisonVarianceTerm(n, N, d3, d4, d5)

	e[5] = p * N * (N - 1) * (N - 2)
	v[5] = e[5]*keep + N*(N-1)*(N-2)*((4*N-10)*d3-4*(N-3)*d4+(N-3)*d5)
	return e, v
}

// brokerageTripleLoopMax is the largest number of groups for which the
// liaison variance term is summed over ordered triples of distinct groups
// as sna does; above it a closed form in the power sums of the group sizes
// gives the same value in linear time.
var brokerageTripleLoopMax = 64

// brokerageLiaisonVarianceTerm returns sna's sum, over ordered triples
// (i, j, k) of distinct groups, of
//
//	n_i n_j n_k ((4(N−n_j) − 2(n_i+n_k+1))d³(1−d)³ − (4(N−n_k) − 2(n_i+n_j+1))d⁴(1−d)² + (N−(n_i+n_k+1))d⁵(1−d)).
func brokerageLiaisonVarianceTerm(n []float64, N, d3, d4, d5 float64) float64 {
	s := 0.0
	if len(n) <= brokerageTripleLoopMax {
		for i, ni := range n {
			for j, nj := range n {
				for k, nk := range n {
					if i != j && j != k && i != k {
						s += ni * nj * nk * ((4*(N-nj)-2*(ni+nk+1))*d3 -
							(4*(N-nk)-2*(ni+nj+1))*d4 + (N-(ni+nk+1))*d5)
					}
				}
			}
		}
		return s
	}
	// The bracket is α + c_i n_i + c_j n_j + c_k n_k, and by symmetry
	// Σ n_i n_j n_k n_x = U for x = i, j or k, so the sum is
	// α·T + (c_i + c_j + c_k)·U with T = Σ n_i n_j n_k and U = Σ n_i² n_j n_k
	// over ordered distinct triples.
	alpha := (4*N-2)*d3 - (4*N-2)*d4 + (N-1)*d5
	c := (-2*d3 + 2*d4 - d5) + (-4*d3 + 2*d4) + (-2*d3 + 4*d4 - d5)
	var p1, p2, p3 float64
	for _, x := range n {
		p1 += x
		p2 += x * x
		p3 += x * x * x
	}
	t := p1*p1*p1 - 3*p1*p2 + 2*p3
	u := 0.0
	for _, x := range n {
		u += x * x * ((p1-x)*(p1-x) - (p2 - x*x))
	}
	return alpha*t + c*u
}
