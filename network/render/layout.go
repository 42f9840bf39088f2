package render

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/illicitnet/illicit/network"
)

// Point is a position in the plane.
type Point struct{ X, Y float64 }

// pcgStream is the fixed PCG stream constant paired with the caller's seed.
const pcgStream = 0x9e3779b97f4a7c15

// Layout returns positions in [0,1]² for the given actors (IDs of n) joined
// by the given links of n, computed by the force-directed placement of
// Fruchterman and Reingold (1991) on each connected component, the components
// then packed side by side (see the package documentation). Links whose ends
// are not both among actors, self-links and unknown IDs are ignored; each
// pair of actors attracts once however many links join it. The result is
// deterministic: the same arguments and seed give the same positions. The
// drawing keeps its aspect ratio, so along one axis the positions may not
// span the whole of [0,1].
func Layout(n *network.Network, actors []string, links []network.LinkID, seed int64) map[string]Point {
	ids, edges := layoutInput(n, actors, links)
	pts := layoutGraph(len(ids), edges, seed, 1)
	out := make(map[string]Point, len(ids))
	for i, id := range ids {
		out[id] = pts[i]
	}
	return out
}

// layoutInput resolves actor IDs (deduplicated, in the order given, unknown
// ones dropped) and the undirected simple edges among them.
func layoutInput(n *network.Network, actors []string, links []network.LinkID) ([]string, [][2]int) {
	idx := make(map[string]int, len(actors))
	var ids []string
	for _, id := range actors {
		if _, dup := idx[id]; dup || n == nil || !n.HasActor(id) {
			continue
		}
		idx[id] = len(ids)
		ids = append(ids, id)
	}
	var edges [][2]int
	for _, lid := range links {
		l, ok := n.Link(lid)
		if !ok {
			continue
		}
		a, okA := idx[l.From]
		b, okB := idx[l.To]
		if okA && okB && a != b {
			edges = append(edges, [2]int{a, b})
		}
	}
	return ids, simpleEdges(edges)
}

// simpleEdges returns the distinct unordered pairs of edges, self-loops
// removed, sorted.
func simpleEdges(edges [][2]int) [][2]int {
	out := make([][2]int, 0, len(edges))
	for _, e := range edges {
		a, b := e[0], e[1]
		if a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		out = append(out, [2]int{a, b})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i][0] != out[j][0] {
			return out[i][0] < out[j][0]
		}
		return out[i][1] < out[j][1]
	})
	k := 0
	for i, e := range out {
		if i == 0 || e != out[k-1] {
			out[k] = e
			k++
		}
	}
	return out[:k]
}

// layoutGraph lays out nodes 0…n-1 joined by the simple undirected edges and
// returns positions in [0,1]², fitted into a box of the given aspect ratio
// (width / height) scaled to the unit square along its longer side.
func layoutGraph(n int, edges [][2]int, seed int64, aspect float64) []Point {
	pts := make([]Point, n)
	if n == 0 {
		return pts
	}
	if !(aspect > 0) || !finite(aspect) {
		aspect = 1
	}
	adj := make([][]int, n)
	for _, e := range edges {
		adj[e[0]] = append(adj[e[0]], e[1])
		adj[e[1]] = append(adj[e[1]], e[0])
	}
	comps := components(n, adj)
	rng := rand.New(rand.NewPCG(uint64(seed), pcgStream))

	boxes := make([]box, len(comps))
	for ci, comp := range comps {
		local := frComponent(comp, adj, rng)
		boxes[ci] = box{nodes: comp, pos: local}
	}
	pack(boxes, aspect)

	// Normalise into [0,1]² keeping the aspect ratio: the packed drawing is
	// centred in a (aspect × 1) box scaled so its longer side is 1.
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, b := range boxes {
		for i := range b.nodes {
			p := Point{b.pos[i].X + b.dx, b.pos[i].Y + b.dy}
			minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
			minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
		}
	}
	w, h := maxX-minX, maxY-minY
	// target frame aspect×1 in layout units, then scaled to the unit square
	fw, fh := aspect, 1.0
	if aspect > 1 {
		fw, fh = 1, 1/aspect
	}
	s := math.Inf(1)
	if w > 0 {
		s = fw / w
	}
	if h > 0 {
		s = math.Min(s, fh/h)
	}
	if math.IsInf(s, 1) {
		s = 1
	}
	// centre in the unit square
	ox := (1 - w*s) / 2
	oy := (1 - h*s) / 2
	for _, b := range boxes {
		for i, v := range b.nodes {
			p := Point{b.pos[i].X + b.dx, b.pos[i].Y + b.dy}
			pts[v] = Point{ox + (p.X-minX)*s, oy + (p.Y-minY)*s}
		}
	}
	return pts
}

// components returns the connected components, each listing its nodes in
// increasing order, largest component first (ties by smallest node).
func components(n int, adj [][]int) [][]int {
	seen := make([]bool, n)
	var comps [][]int
	for s := 0; s < n; s++ {
		if seen[s] {
			continue
		}
		seen[s] = true
		comp := []int{s}
		for q := 0; q < len(comp); q++ {
			for _, v := range adj[comp[q]] {
				if !seen[v] {
					seen[v] = true
					comp = append(comp, v)
				}
			}
		}
		sort.Ints(comp)
		comps = append(comps, comp)
	}
	sort.SliceStable(comps, func(i, j int) bool { return len(comps[i]) > len(comps[j]) })
	return comps
}

// frComponent lays out one connected component by Fruchterman–Reingold with
// an ideal edge length of 1 and returns positions in the component's order.
//
// Forces: repulsion k²/d between every pair, attraction d²/k along edges, and
// a weak pull to the centroid that keeps loosely attached parts from drifting.
// Each node moves along its net force by at most the temperature, which cools
// linearly from a tenth of the expected drawing's width to a small floor
// (Fruchterman & Reingold 1991, §3). The start is a deterministic random
// placement in a square of side √n.
func frComponent(comp []int, adj [][]int, rng *rand.Rand) []Point {
	n := len(comp)
	pos := make([]Point, n)
	switch n {
	case 1:
		return pos
	case 2:
		pos[1] = Point{1, 0}
		return pos
	}
	local := make(map[int]int, n)
	for i, v := range comp {
		local[v] = i
	}
	var edges [][2]int
	for i, v := range comp {
		for _, w := range adj[v] {
			if j := local[w]; j > i {
				edges = append(edges, [2]int{i, j})
			}
		}
	}
	side := math.Sqrt(float64(n))
	for i := range pos {
		pos[i] = Point{rng.Float64() * side, rng.Float64() * side}
	}
	const k = 1.0
	iters := 300
	if n > 500 {
		iters = 150
	}
	t0 := side / 10
	if t0 < 0.5 {
		t0 = 0.5
	}
	gravity := 0.05
	disp := make([]Point, n)
	for it := 0; it < iters; it++ {
		t := t0*(1-float64(it)/float64(iters)) + 0.01
		for i := range disp {
			disp[i] = Point{}
		}
		for i := 0; i < n; i++ {
			pi := pos[i]
			for j := i + 1; j < n; j++ {
				dx, dy := pi.X-pos[j].X, pi.Y-pos[j].Y
				d2 := dx*dx + dy*dy
				if d2 < 1e-9 {
					// coincident: separate along a direction fixed by the indices
					a := float64(i*7+j*13) * 0.618
					dx, dy, d2 = math.Cos(a)*1e-3, math.Sin(a)*1e-3, 1e-6
				}
				f := k * k / d2 // (k²/d) / d, multiplied by the vector (dx, dy)
				disp[i].X += dx * f
				disp[i].Y += dy * f
				disp[j].X -= dx * f
				disp[j].Y -= dy * f
			}
		}
		for _, e := range edges {
			a, b := e[0], e[1]
			dx, dy := pos[a].X-pos[b].X, pos[a].Y-pos[b].Y
			d := math.Hypot(dx, dy)
			f := d / k // (d²/k) / d
			disp[a].X -= dx * f
			disp[a].Y -= dy * f
			disp[b].X += dx * f
			disp[b].Y += dy * f
		}
		var cx, cy float64
		for _, p := range pos {
			cx += p.X
			cy += p.Y
		}
		cx /= float64(n)
		cy /= float64(n)
		for i := range pos {
			disp[i].X -= gravity * (pos[i].X - cx)
			disp[i].Y -= gravity * (pos[i].Y - cy)
			d := math.Hypot(disp[i].X, disp[i].Y)
			if d > 0 {
				m := math.Min(d, t) / d
				pos[i].X += disp[i].X * m
				pos[i].Y += disp[i].Y * m
			}
		}
	}
	return pos
}

// box is a laid-out component and its offset after packing.
type box struct {
	nodes  []int
	pos    []Point
	dx, dy float64
}

// pack places the components (largest first) in shelves, left to right and
// top to bottom, aiming at a drawing of the given aspect ratio, with a gap
// of one ideal edge length between them.
func pack(boxes []box, aspect float64) {
	const gap = 1.2
	type dim struct{ w, h float64 }
	ds := make([]dim, len(boxes))
	var area float64
	for i := range boxes {
		b := &boxes[i]
		minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, p := range b.pos {
			minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
			minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
		}
		for j := range b.pos {
			b.pos[j].X -= minX
			b.pos[j].Y -= minY
		}
		ds[i] = dim{maxX - minX + gap, maxY - minY + gap}
		area += ds[i].w * ds[i].h
	}
	rowWidth := math.Sqrt(area * aspect)
	if rowWidth < ds[0].w {
		rowWidth = ds[0].w
	}
	var x, y, rowH float64
	for i := range boxes {
		if x > 0 && x+ds[i].w > rowWidth*1.05 {
			y += rowH
			x, rowH = 0, 0
		}
		boxes[i].dx, boxes[i].dy = x, y
		x += ds[i].w
		rowH = math.Max(rowH, ds[i].h)
	}
}
