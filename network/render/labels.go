package render

// rect is an axis-aligned box: X, Y is the top-left corner.
type rect struct{ X, Y, W, H float64 }

func (a rect) overlaps(b rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

func (a rect) inside(b rect) bool {
	return a.X >= b.X && a.Y >= b.Y && a.X+a.W <= b.X+b.W && a.Y+a.H <= b.Y+b.H
}

// labelReq asks for a label of size W × H next to a node centred on (X, Y)
// with radius R. Requests are placed in the order given (priority order).
type labelReq struct {
	X, Y, R float64
	W, H    float64
}

// placedLabel is a placed label: the index of its request and its box.
type placedLabel struct {
	Req int
	Box rect
}

// placeLabels places labels greedily in request order: for each, it tries
// positions right, left, above, below, at the four diagonals and beside its
// node, first close to it and then 8 and 16 pixels further out, and takes
// the first whose box lies within bounds and overlaps neither an obstacle
// (node boxes) nor a label placed before; a label with no such position is
// skipped. At most max labels are placed. No two returned boxes
// overlap.
func placeLabels(reqs []labelReq, obstacles []rect, bounds rect, max int) []placedLabel {
	var out []placedLabel
	grid := newRectGrid(bounds, 48)
	for _, o := range obstacles {
		grid.add(o)
	}
next:
	for i, q := range reqs {
		if len(out) >= max {
			break
		}
		for _, gap := range [...]float64{2, 8, 16} {
			d := q.R*0.72 + gap // diagonal offset
			cands := [...]rect{
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
			for _, c := range cands {
				if !c.inside(bounds) || grid.hits(c) {
					continue
				}
				grid.add(c)
				out = append(out, placedLabel{Req: i, Box: c})
				continue next
			}
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
