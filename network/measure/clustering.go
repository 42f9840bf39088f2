package measure

import "math"

// Clustering returns the local clustering coefficient of every node,
// unweighted (edge weights are ignored).
//
// Undirected graph (Watts & Strogatz 1998, "Collective dynamics of
// 'small-world' networks", Nature 393:440–442): the share of pairs of a
// node's neighbours that are adjacent, c_v = 2T_v / (d_v(d_v − 1)), with
// T_v the number of triangles through v and d_v its degree; 0 when
// d_v < 2.
//
// Directed graph (Fagiolo 2007, "Clustering in complex directed
// networks", Phys. Rev. E 76:026107): the share of directed triangles
// through v among those possible,
//
//	c_v = T_v / (2 (d_v^tot (d_v^tot − 1) − 2 d_v^↔)),
//
// where d_v^tot is the in-degree plus the out-degree, d_v^↔ the number of
// reciprocated pairs at v, and T_v = ½ Σ_{j,k} (a_vj + a_jv)(a_jk + a_kj)
// (a_vk + a_kv) counts every triangle of arcs through v, whatever their
// directions; 0 when T_v = 0.
//
// Both equal NetworkX's clustering(G) (weight=None). See
// WeightedClustering for the weighted forms.
func Clustering(g *Graph) []float64 {
	n := g.Len()
	c := make([]float64, n)
	if n == 0 {
		return c
	}
	if !g.directed {
		mark := make([]int32, n)
		for i := range mark {
			mark[i] = -1
		}
		for v := 0; v < n; v++ {
			nb, _ := g.Out(v)
			d := len(nb)
			if d < 2 {
				continue
			}
			for _, u := range nb {
				mark[u] = int32(v)
			}
			t := 0 // twice the number of triangles
			for _, u := range nb {
				nu, _ := g.Out(int(u))
				for _, w := range nu {
					if mark[w] == int32(v) {
						t++
					}
				}
			}
			if t > 0 {
				c[v] = float64(t) / float64(d*(d-1))
			}
		}
		return c
	}
	// Directed: m[k] = (k is a predecessor of v) + (k is a successor of v).
	m := make([]int8, n)
	for v := 0; v < n; v++ {
		in, _ := g.In(v)
		out, _ := g.Out(v)
		for _, k := range in {
			m[k]++
		}
		recip := 0
		for _, k := range out {
			if m[k] > 0 {
				recip++
			}
			m[k]++
		}
		t := 0
		count := func(js []int32) {
			for _, j := range js {
				jin, _ := g.In(int(j))
				jout, _ := g.Out(int(j))
				for _, k := range jin {
					t += int(m[k])
				}
				for _, k := range jout {
					t += int(m[k])
				}
			}
		}
		count(in)
		count(out)
		if t > 0 {
			dt := len(in) + len(out)
			c[v] = float64(t) / float64((dt*(dt-1)-2*recip)*2)
		}
		for _, k := range in {
			m[k] = 0
		}
		for _, k := range out {
			m[k] = 0
		}
	}
	return c
}

// AverageClustering returns the mean of Clustering over all nodes, zeros
// included (Watts & Strogatz 1998); NaN for the empty graph. It equals
// NetworkX's average_clustering(G), which raises on the empty graph.
func AverageClustering(g *Graph) float64 {
	c := Clustering(g)
	var s float64
	for _, x := range c {
		s += x
	}
	return s / float64(len(c))
}

// WeightedClustering returns the weighted local clustering coefficient of
// every node, NetworkX's clustering(G, weight="weight"): each triangle
// counts the geometric mean of its edge weights, the weights first divided
// by the largest weight in the graph (Onnela, Saramäki, Kertész & Kaski
// 2005, "Intensity and coherence of motifs in weighted complex networks",
// Phys. Rev. E 71:065103). Undirected:
//
//	c_v = 1/(d_v(d_v − 1)) Σ_{u,w} (ŵ_vu ŵ_uw ŵ_wv)^{1/3},
//
// over ordered pairs of neighbours u, w of v that are adjacent. Directed
// (Fagiolo 2007), with the same denominator as Clustering: the sum of
// (ŵ ŵ ŵ)^{1/3} over every triangle of arcs through v, whatever their
// directions, divided by 2 (d_v^tot (d_v^tot − 1) − 2 d_v^↔). On a graph
// built unweighted it equals Clustering.
func WeightedClustering(g *Graph) []float64 {
	n := g.Len()
	c := make([]float64, n)
	if n == 0 {
		return c
	}
	maxW := 0.0
	for _, w := range g.outW {
		maxW = max(maxW, w)
	}
	if maxW == 0 {
		maxW = 1
	}
	if !g.directed {
		// wv[k] is ŵ_vk for the neighbours k of the current node v, else -1.
		wv := make([]float64, n)
		for i := range wv {
			wv[i] = -1
		}
		for v := 0; v < n; v++ {
			nb, nw := g.Out(v)
			d := len(nb)
			if d < 2 {
				continue
			}
			for k, u := range nb {
				wv[u] = nw[k] / maxW
			}
			var t float64
			for k, u := range nb {
				wvu := nw[k] / maxW
				nu, uw := g.Out(int(u))
				for l, w := range nu {
					if x := wv[w]; x >= 0 {
						t += math.Cbrt(wvu * (uw[l] / maxW) * x)
					}
				}
			}
			if t != 0 {
				c[v] = t / float64(d*(d-1))
			}
			for _, u := range nb {
				wv[u] = -1
			}
		}
		return c
	}
	// Directed: pw[k] = ŵ_kv if k is a predecessor of v, sw[k] = ŵ_vk if
	// k is a successor; -1 otherwise.
	pw := make([]float64, n)
	sw := make([]float64, n)
	for i := range pw {
		pw[i], sw[i] = -1, -1
	}
	for v := 0; v < n; v++ {
		in, inw := g.In(v)
		out, outw := g.Out(v)
		for k, u := range in {
			pw[u] = inw[k] / maxW
		}
		recip := 0
		for k, u := range out {
			if pw[u] >= 0 {
				recip++
			}
			sw[u] = outw[k] / maxW
		}
		var t float64
		// a is the weight of the arc between v and j.
		count := func(j int32, a float64) {
			jin, jinw := g.In(int(j))
			for l, k := range jin { // arc k→j
				b := jinw[l] / maxW
				if x := pw[k]; x >= 0 {
					t += math.Cbrt(a * x * b)
				}
				if x := sw[k]; x >= 0 {
					t += math.Cbrt(a * x * b)
				}
			}
			jout, joutw := g.Out(int(j))
			for l, k := range jout { // arc j→k
				b := joutw[l] / maxW
				if x := pw[k]; x >= 0 {
					t += math.Cbrt(a * x * b)
				}
				if x := sw[k]; x >= 0 {
					t += math.Cbrt(a * x * b)
				}
			}
		}
		for k, j := range in {
			count(j, inw[k]/maxW)
		}
		for k, j := range out {
			count(j, outw[k]/maxW)
		}
		if t != 0 {
			dt := len(in) + len(out)
			c[v] = t / float64((dt*(dt-1)-2*recip)*2)
		}
		for _, u := range in {
			pw[u] = -1
		}
		for _, u := range out {
			sw[u] = -1
		}
	}
	return c
}
