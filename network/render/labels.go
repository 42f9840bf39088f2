package render

import (
	"math"
	"slices"
)

// rect is an axis-aligned box: X, Y is the top-left corner.
type rect struct{ X, Y, W, H float64 }

func (a rect) overlaps(b rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

func (a rect) inside(b rect) bool {
	return a.X >= b.X && a.Y >= b.Y && a.X+a.W <= b.X+b.W && a.Y+a.H <= b.Y+b.H
}

// clampInto shifts a (no larger than b) to lie within b, returning the
// shifted box and how far it moved.
func (a rect) clampInto(b rect) (rect, float64) {
	x := math.Max(b.X, math.Min(a.X, b.X+b.W-a.W))
	y := math.Max(b.Y, math.Min(a.Y, b.Y+b.H-a.H))
	return rect{x, y, a.W, a.H}, math.Hypot(x-a.X, y-a.Y)
}

// dist is the distance from (x, y) to the nearest point of a.
func (a rect) dist(x, y float64) float64 {
	dx := math.Max(0, math.Max(a.X-x, x-(a.X+a.W)))
	dy := math.Max(0, math.Max(a.Y-y, y-(a.Y+a.H)))
	return math.Hypot(dx, dy)
}

// labelReq asks for a label of size W × H next to a node centred on (X, Y)
// with radius R. Requests are placed in the order given (priority order).
// A label that Must be placed (a highlighted or one of the largest actors)
// gets further-out positions and may displace labels that need not be.
type labelReq struct {
	X, Y, R float64
	W, H    float64
	Must    bool
}

// placedLabel is a placed label: the index of its request and its box.
// Leader is set when the box is away from its node, which then needs a thin
// line from the node to the label.
type placedLabel struct {
	Req    int
	Box    rect
	Leader bool
}

// nearCandidates are the twelve positions around a node, at gap pixels
// from its outline: right, left, above, below, the four diagonals and
// raised and lowered beside it.
func nearCandidates(q labelReq, gap float64) [12]rect {
	d := q.R*0.72 + gap // diagonal offset
	return [...]rect{
		{q.X + q.R + gap, q.Y - q.H/2, q.W, q.H},               // right
		{q.X - q.R - gap - q.W, q.Y - q.H/2, q.W, q.H},         // left
		{q.X - q.W/2, q.Y - q.R - gap - q.H, q.W, q.H},         // above
		{q.X - q.W/2, q.Y + q.R + gap, q.W, q.H},               // below
		{q.X + d, q.Y - d - q.H, q.W, q.H},                     // upper right
		{q.X + d, q.Y + d, q.W, q.H},                           // lower right
		{q.X - d - q.W, q.Y - d - q.H, q.W, q.H},               // upper left
		{q.X - d - q.W, q.Y + d, q.W, q.H},                     // lower left
		{q.X + q.R + gap, q.Y - q.H - q.R*0.2, q.W, q.H},       // right, raised
		{q.X + q.R + gap, q.Y + q.R*0.2, q.W, q.H},             // right, lowered
		{q.X - q.R - gap - q.W, q.Y - q.H - q.R*0.2, q.W, q.H}, // left, raised
		{q.X - q.R - gap - q.W, q.Y + q.R*0.2, q.W, q.H},       // left, lowered
	}
}

// leaderOf is the leader line of a label away from its node: from the
// node's outline to the nearest point of the label's box.
func leaderOf(q labelReq, b rect) (x1, y1, x2, y2 float64) {
	x2 = math.Max(b.X, math.Min(q.X, b.X+b.W))
	y2 = math.Max(b.Y, math.Min(q.Y, b.Y+b.H))
	x1, y1 = toward(q.X, q.Y, x2, y2, q.R)
	return
}

// segmentHits reports whether the segment from (x1, y1) to (x2, y2) passes
// through the inside of r (Liang–Barsky clipping).
func segmentHits(x1, y1, x2, y2 float64, r rect) bool {
	dx, dy := x2-x1, y2-y1
	t0, t1 := 0.0, 1.0
	for _, e := range [...][2]float64{{-dx, x1 - r.X}, {dx, r.X + r.W - x1}, {-dy, y1 - r.Y}, {dy, r.Y + r.H - y1}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q <= 0 {
				return false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
		if t0 >= t1 {
			return false
		}
	}
	return true
}

// segmentDist is the distance from (px, py) to the segment from (x1, y1)
// to (x2, y2).
func segmentDist(x1, y1, x2, y2, px, py float64) float64 {
	dx, dy := x2-x1, y2-y1
	t := 0.0
	if l2 := dx*dx + dy*dy; l2 > 0 {
		t = math.Max(0, math.Min(1, ((px-x1)*dx+(py-y1)*dy)/l2))
	}
	return math.Hypot(x1+t*dx-px, y1+t*dy-py)
}

// farReach is how far from its node's centre a label that must be placed
// may go: three node radii and 80 pixels.
func farReach(q labelReq) float64 { return 3*q.R + 80 }

// farCandidates are positions further out for a label that must be
// placed: on rings every 8 pixels from just beyond the near positions out
// to farReach, 24 directions each (starting to the right, clockwise), the
// box extending away from the node.
func farCandidates(q labelReq) []rect {
	var out []rect
	for dist := q.R + 24; dist <= farReach(q); dist += 8 {
		for k := 0; k < 24; k++ {
			a := float64(k) * math.Pi / 12
			c, s := math.Cos(a), math.Sin(a)
			px, py := q.X+dist*c, q.Y+dist*s
			b := rect{px - q.W/2, py - q.H/2, q.W, q.H}
			if c > 0.3 {
				b.X = px
			} else if c < -0.3 {
				b.X = px - q.W
			}
			if s > 0.3 {
				b.Y = py
			} else if s < -0.3 {
				b.Y = py - q.H
			}
			out = append(out, b)
		}
	}
	return out
}

// placeLabels places labels greedily in request order: for each, it tries
// the twelve positions of nearCandidates, first close to its node and then
// 8 and 16 pixels further out, and takes the first whose box lies within
// bounds and overlaps neither an obstacle (node boxes) nor a label placed
// before; failing that, the same positions slid into bounds when they stick
// out of it (a node at the edge of the drawing), as long as the label stays
// next to its node. A label with no such position is skipped. At most max
// labels are placed this way.
//
// Then each label that Must be placed and was not (its node is crowded in)
// tries, in order: positions further out (farCandidates, drawn with a
// leader line), still overlapping no node or label; then any of its near
// or far positions overlapping no node and no label of a request before
// it, the one displacing fewest labels, preferably ones that need not be
// placed (removed, then retried as above or, if they must be, in turn); last, further out with the leader line
// crossing nodes least deeply. When max labels are already placed, it takes
// the place of the last-placed label that need not be, or else goes beyond
// max. Links are
// never obstacles. No two returned boxes overlap, and the result is in
// request order.
func placeLabels(reqs []labelReq, obstacles []rect, bounds rect, max int) []placedLabel {
	nodes := newRectGrid(bounds, 48)
	for _, o := range obstacles {
		nodes.add(o)
	}
	labels := newRectGrid(bounds, 48)
	var leaders [][4]float64 // leader lines drawn so far, which labels avoid
	free := func(c rect) bool {
		if !c.inside(bounds) || nodes.hits(c) || labels.hits(c) {
			return false
		}
		for _, l := range leaders {
			if segmentHits(l[0], l[1], l[2], l[3], c) {
				return false
			}
		}
		return true
	}
	near := func(q labelReq) (rect, bool) {
		for _, gap := range [...]float64{2, 8, 16} {
			for _, c := range nearCandidates(q, gap) {
				if free(c) {
					return c, true
				}
			}
		}
		for _, gap := range [...]float64{2, 8} {
			for _, c := range nearCandidates(q, gap) {
				if c.inside(bounds) || c.W > bounds.W || c.H > bounds.H {
					continue
				}
				if s, moved := c.clampInto(bounds); moved > 0 && s.dist(q.X, q.Y) <= q.R+gap+1 && free(s) {
					return s, true
				}
			}
		}
		return rect{}, false
	}

	placed := make(map[int]placedLabel)
	var order []int // requests placed, in placing order
	for i, q := range reqs {
		if len(placed) >= max {
			break
		}
		if c, ok := near(q); ok {
			labels.add(c)
			placed[i] = placedLabel{Req: i, Box: c}
			order = append(order, i)
		}
	}

	// rebuild resets the label grid to the placed labels.
	rebuild := func() {
		labels = newRectGrid(bounds, 48)
		for _, i := range order {
			labels.add(placed[i].Box)
		}
	}
	remove := func(i int) {
		delete(placed, i)
		for k, j := range order {
			if j == i {
				order = append(order[:k:k], order[k+1:]...)
				break
			}
		}
	}
	for i, q := range reqs {
		if !q.Must {
			continue
		}
		if _, ok := placed[i]; ok {
			continue
		}
		if len(placed) >= max {
			// Make room: the last-placed label that need not be placed.
			victim := -1
			for k := len(order) - 1; k >= 0; k-- {
				if !reqs[order[k]].Must {
					victim = order[k]
					break
				}
			}
			if victim >= 0 { // else every placed label must be: exceed max
				remove(victim)
				rebuild()
			}
		}
		// crossings counts the other nodes a leader line to c crosses and
		// lists the labels it crosses.
		// depth adds up how deeply, as a fraction of their half-size, the
		// crossed nodes are crossed.
		crossings := func(c rect) (n int, hit []int, depth float64) {
			x1, y1, x2, y2 := leaderOf(q, c)
			for _, o := range obstacles {
				ox, oy := o.X+o.W/2, o.Y+o.H/2
				if d := segmentDist(x1, y1, x2, y2, ox, oy); (ox != q.X || oy != q.Y) && d < o.W/2 {
					n++
					depth += 1 - d/(o.W/2)
				}
			}
			for _, j := range order {
				if segmentHits(x1, y1, x2, y2, placed[j].Box) {
					hit = append(hit, j)
				}
			}
			return n, hit, depth
		}
		far := farCandidates(q)
		var got *placedLabel
		// 1. Further out, free, with a leader line crossing nothing.
		for _, c := range far {
			if free(c) {
				if n, hit, _ := crossings(c); n == 0 && len(hit) == 0 {
					got = &placedLabel{Req: i, Box: c, Leader: true}
					break
				}
			}
		}
		// 2. Displacing labels that come later, fewest first and those that
		// need not be placed rather than those that must (which then try
		// again in their turn): near positions, or further out with a
		// leader line crossing no node.
		var displaced []int
		if got == nil {
			best := -1
			try := func(c rect, leader bool) {
				if !c.inside(bounds) || nodes.hits(c) {
					return
				}
				var crossed []int
				if leader {
					var n int
					if n, crossed, _ = crossings(c); n > 0 {
						return
					}
				}
				var hit []int
				cost := 0
				for _, j := range order {
					if c.overlaps(placed[j].Box) || slices.Contains(crossed, j) {
						if j < i {
							return
						}
						hit = append(hit, j)
						cost++
						if reqs[j].Must {
							cost += 100
						}
					}
				}
				if best < 0 || cost < best {
					best, displaced = cost, hit
					got = &placedLabel{Req: i, Box: c, Leader: leader}
				}
			}
			for _, gap := range [...]float64{2, 8, 16} {
				for _, c := range nearCandidates(q, gap) {
					try(c, false)
				}
			}
			for _, c := range far {
				try(c, true)
			}
		}
		// 3. Further out, free, with the leader line crossing nodes least
		// deeply and fewest labels.
		if got == nil {
			best := math.Inf(1)
			for _, c := range far {
				if !free(c) {
					continue
				}
				if _, hit, depth := crossings(c); depth+float64(len(hit)) < best {
					best = depth + float64(len(hit))
					got = &placedLabel{Req: i, Box: c, Leader: true}
				}
			}
		}
		if got == nil {
			continue
		}
		for _, j := range displaced {
			remove(j)
		}
		placed[i] = *got
		order = append(order, i)
		if got.Leader {
			x1, y1, x2, y2 := leaderOf(q, got.Box)
			leaders = append(leaders, [4]float64{x1, y1, x2, y2})
		}
		rebuild()
		// The displaced labels try again, at their usual positions.
		for _, j := range displaced {
			if len(placed) >= max {
				break
			}
			if c, ok := near(reqs[j]); ok {
				labels.add(c)
				placed[j] = placedLabel{Req: j, Box: c}
				order = append(order, j)
			}
		}
	}

	out := make([]placedLabel, 0, len(placed))
	for i := range reqs {
		if p, ok := placed[i]; ok {
			out = append(out, p)
		}
	}
	return out
}

// rectGrid is a uniform grid of buckets over bounds for overlap queries.
type rectGrid struct {
	b     rect
	cell  float64
	nx    int
	ny    int
	cells [][]rect
}

func newRectGrid(b rect, cell float64) *rectGrid {
	nx := int(b.W/cell) + 1
	ny := int(b.H/cell) + 1
	if nx < 1 || nx > 4096 {
		nx = 1
	}
	if ny < 1 || ny > 4096 {
		ny = 1
	}
	return &rectGrid{b: b, cell: cell, nx: nx, ny: ny, cells: make([][]rect, nx*ny)}
}

func (g *rectGrid) span(r rect) (x0, y0, x1, y1 int) {
	cl := func(v, n int) int {
		if v < 0 {
			return 0
		}
		if v >= n {
			return n - 1
		}
		return v
	}
	x0 = cl(int((r.X-g.b.X)/g.cell), g.nx)
	x1 = cl(int((r.X+r.W-g.b.X)/g.cell), g.nx)
	y0 = cl(int((r.Y-g.b.Y)/g.cell), g.ny)
	y1 = cl(int((r.Y+r.H-g.b.Y)/g.cell), g.ny)
	return
}

func (g *rectGrid) add(r rect) {
	x0, y0, x1, y1 := g.span(r)
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			g.cells[y*g.nx+x] = append(g.cells[y*g.nx+x], r)
		}
	}
}

func (g *rectGrid) hits(r rect) bool {
	x0, y0, x1, y1 := g.span(r)
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			for _, o := range g.cells[y*g.nx+x] {
				if r.overlaps(o) {
					return true
				}
			}
		}
	}
	return false
}
