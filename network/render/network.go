package render

import (
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/illicitnet/illicit/network"
)

// Highlight marks actors and links drawn with emphasis, listed in the legend.
type Highlight struct {
	// Name is the legend text: "convergence node", "chokepoint", "money trail".
	Name string
	// Actors are actor IDs, each drawn with a thick ring in Color around it.
	Actors []string
	// Links are link IDs of the network drawn, each drawn again on top of
	// the other links, thicker and in Color.
	Links []network.LinkID
	// Color is a CSS colour "#rrggbb" (or "#rgb"); "" or anything else picks
	// one from a fixed palette by the highlight's position.
	Color string
}

// NetworkOptions tune Network. The zero value draws every actor and link
// of the network at 960 × 720.
type NetworkOptions struct {
	// Title and Subtitle are written at the top; Title is also the SVG's
	// <title>.
	Title, Subtitle string
	// Width and Height are the picture's size in pixels (SVG user units);
	// zero means 960 × 720. The height grows when the legend needs more room.
	Width, Height float64
	// Seed seeds the layout: the same seed gives the same bytes.
	Seed int64
	// Links selects the links drawn: nil means every link; otherwise only
	// these (unknown IDs and self-links are skipped).
	Links []network.LinkID
	// Actors are actors drawn even without a drawn link. When Links and
	// Actors are both nil every actor is drawn; otherwise the actors drawn
	// are the ends of the drawn links plus Actors (unknown IDs are skipped).
	Actors []string
	// Size gives each actor a value for its node size: area proportional
	// to the value, between a minimum and a maximum radius; missing,
	// negative or non-finite values count as 0. nil means the actor's degree
	// in the drawn links.
	Size map[string]float64
	// SizeLabel is the legend text for size ("size: nexus betweenness");
	// "" means "size: degree" when Size is nil and no text otherwise.
	SizeLabel string
	// Highlights are drawn with emphasis and listed in the legend, in order.
	Highlights []Highlight
	// MaxActors bounds the actors drawn (0 means 300): when more would be
	// drawn, the MaxActors largest by size (ties by actor order) are kept
	// with the links among them, and the subtitle says "showing N of M
	// actors".
	MaxActors int
	// MaxLabels bounds the actors labelled (0 means 60): highlighted actors
	// first, then the largest, each only where its label overlaps no other
	// label or node.
	MaxLabels int
}

// drawn actor.
type nodeInfo struct {
	actor  network.Actor
	size   float64
	r      float64
	x, y   float64
	shape  Shape
	rings  []string // highlight colours, in highlight order
	prio   bool     // highlighted
	labelW float64
}

// Network writes an SVG picture of n to w: a force-directed layout (see
// Layout), nodes coloured by sector and shaped by kind, links coloured and
// dashed by element with arrowheads on directed links, parallel links as
// slight curves, labels placed without overlap, highlights, a legend in a
// right-hand panel, and the title and subtitle on top. An empty selection
// gives a picture saying "nothing to draw". The output depends only on n,
// opts and the seed.
func Network(w io.Writer, n *network.Network, opts NetworkOptions) error {
	W, H := dims(opts.Width, opts.Height, 960, 720)
	if n == nil {
		return emptySVG(w, W, H, opts.Title, opts.Subtitle)
	}
	maxActors := opts.MaxActors
	if maxActors <= 0 {
		maxActors = 300
	}
	maxLabels := opts.MaxLabels
	if maxLabels <= 0 {
		maxLabels = 60
	}

	// Links and actors selected.
	var links []network.Link
	if opts.Links == nil {
		links = n.Links()
	} else {
		seen := make(map[network.LinkID]bool, len(opts.Links))
		for _, id := range opts.Links {
			if seen[id] {
				continue
			}
			seen[id] = true
			if l, ok := n.Link(id); ok {
				links = append(links, l)
			}
		}
		sort.Slice(links, func(i, j int) bool { return links[i].ID < links[j].ID })
	}
	k := 0
	for _, l := range links {
		if l.From != l.To {
			links[k] = l
			k++
		}
	}
	links = links[:k]

	var chosen []int // actor indexes
	if opts.Links == nil && opts.Actors == nil {
		for i := 0; i < n.NumActors(); i++ {
			chosen = append(chosen, i)
		}
	} else {
		in := make(map[int]bool)
		add := func(id string) {
			if i, ok := n.Index(id); ok && !in[i] {
				in[i] = true
				chosen = append(chosen, i)
			}
		}
		for _, l := range links {
			add(l.From)
			add(l.To)
		}
		for _, id := range opts.Actors {
			add(id)
		}
		sort.Ints(chosen)
	}
	all := n.Actors()

	// Size values.
	sizeOf := make(map[string]float64, len(chosen))
	if opts.Size == nil {
		for _, l := range links {
			sizeOf[l.From]++
			sizeOf[l.To]++
		}
	} else {
		for _, i := range chosen {
			v := opts.Size[all[i].ID]
			if !finite(v) || v < 0 {
				v = 0
			}
			sizeOf[all[i].ID] = v
		}
	}

	subtitle := opts.Subtitle
	total := len(chosen)
	if total > maxActors {
		order := append([]int(nil), chosen...)
		sort.SliceStable(order, func(a, b int) bool {
			return sizeOf[all[order[a]].ID] > sizeOf[all[order[b]].ID]
		})
		order = order[:maxActors]
		sort.Ints(order)
		chosen = order
		note := "showing " + strconv.Itoa(maxActors) + " of " + strconv.Itoa(total) + " actors"
		if subtitle != "" {
			subtitle += " · " + note
		} else {
			subtitle = note
		}
	}
	if len(chosen) == 0 {
		return emptySVG(w, W, H, opts.Title, subtitle)
	}
	pos := make(map[string]int, len(chosen))
	nodes := make([]nodeInfo, len(chosen))
	for j, i := range chosen {
		a := all[i]
		pos[a.ID] = j
		nodes[j] = nodeInfo{actor: a, size: sizeOf[a.ID], shape: ShapeOf(a.Kind)}
	}
	k = 0
	for _, l := range links {
		_, okA := pos[l.From]
		_, okB := pos[l.To]
		if okA && okB {
			links[k] = l
			k++
		}
	}
	links = links[:k]

	// Highlights.
	type hl struct {
		Highlight
		color   string
		links   []network.Link
		nActors int
	}
	drawnLink := make(map[network.LinkID]int, len(links))
	for i, l := range links {
		drawnLink[l.ID] = i
	}
	hls := make([]hl, len(opts.Highlights))
	for i, h := range opts.Highlights {
		c := strings.ToLower(h.Color)
		if !validColor(c) {
			c = pick(highlightPalette, i)
		}
		hls[i] = hl{Highlight: h, color: c}
		seenA := make(map[string]bool)
		for _, id := range h.Actors {
			if j, ok := pos[id]; ok && !seenA[id] {
				seenA[id] = true
				nodes[j].rings = append(nodes[j].rings, c)
				nodes[j].prio = true
				hls[i].nActors++
			}
		}
		seenL := make(map[network.LinkID]bool)
		for _, id := range h.Links {
			if li, ok := drawnLink[id]; ok && !seenL[id] {
				seenL[id] = true
				hls[i].links = append(hls[i].links, links[li])
			}
		}
		sort.Slice(hls[i].links, func(a, b int) bool { return hls[i].links[a].ID < hls[i].links[b].ID })
	}

	// Legend, measured first: it fixes the plot area.
	sizeLabel := opts.SizeLabel
	if sizeLabel == "" && opts.Size == nil {
		sizeLabel = "size: degree"
	}
	lhs := make([]legendHL, len(hls))
	for i, h := range hls {
		lhs[i] = legendHL{name: h.Name, color: h.color, ring: h.nActors > 0, line: len(h.links) > 0}
	}
	leg := buildLegend(nodes, links, lhs, sizeLabel)
	legW := leg.width()
	var d svgDoc
	headerH := 12.0
	if opts.Title != "" {
		headerH += 20
	}
	if subtitle != "" {
		headerH += 19
	}
	headerH += 12
	if need := headerH + leg.height() + 16; need > H {
		H = need
	}
	d.open(W, H, opts.Title)
	d.header(opts.Title, subtitle, W)
	plot := rect{X: 12, Y: headerH, W: W - legW - 24, H: H - headerH - 12}
	if plot.W < 100 {
		plot.W = 100
	}

	// Radii: area ∝ size between rmin and rmax.
	rmax := 0.33 * math.Sqrt(plot.W*plot.H/float64(len(nodes)))
	rmax = math.Max(7, math.Min(22, rmax))
	rmin := math.Max(3, rmax/3.5)
	var vmax float64
	for _, nd := range nodes {
		vmax = math.Max(vmax, nd.size)
	}
	for i := range nodes {
		r := rmin
		if vmax > 0 {
			r = math.Max(rmin, rmax*math.Sqrt(nodes[i].size/vmax))
		}
		nodes[i].r = r
	}

	// Layout, fitted into the plot area.
	var edges [][2]int
	for _, l := range links {
		edges = append(edges, [2]int{pos[l.From], pos[l.To]})
	}
	edges = simpleEdges(edges)
	margin := rmax + 4
	inner := rect{plot.X + margin, plot.Y + margin, plot.W - 2*margin, plot.H - 2*margin}
	pts := layoutGraph(len(nodes), edges, opts.Seed, inner.W/inner.H)
	fit(pts, nodes, inner)
	separate(nodes, inner)

	// Links.
	d.raw("<defs>\n")
	markers := map[string]bool{}
	var markerList []string
	addMarker := func(color string, size float64) string {
		id := "illicit-arrow-" + num(size) + "-" + strings.TrimPrefix(color, "#")
		if !markers[id] {
			markers[id] = true
			markerList = append(markerList, `<marker id="`+id+`" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="`+num(size)+
				`" markerHeight="`+num(size)+`" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0L10,5L0,10z" fill="`+color+`"/></marker>`)
		}
		return id
	}
	geoms := linkGeometry(links, nodes, pos)
	wmin, wmax := math.Inf(1), math.Inf(-1)
	for _, l := range links {
		wmin, wmax = math.Min(wmin, l.Weight), math.Max(wmax, l.Weight)
	}
	widthOf := func(l network.Link) float64 {
		if !(wmax > wmin) || !finite(wmax) {
			return 1.4
		}
		return 0.8 + 2.6*math.Sqrt(math.Max(0, l.Weight)/wmax)
	}
	var body strings.Builder
	opacity := "0.8"
	if len(links) > 200 {
		opacity = "0.55"
	}
	body.WriteString(`<g class="links" fill="none" stroke-opacity="` + opacity + `">` + "\n")
	for i, l := range links {
		st := elementStyles(l.Element)
		body.WriteString(`<path class="link" d="` + geoms[i] + `" stroke="` + st.Color + `" stroke-width="` + num2(widthOf(l)) + `"`)
		if st.Dash != "" {
			body.WriteString(` stroke-dasharray="` + st.Dash + `"`)
		}
		if !l.Mutual {
			body.WriteString(` marker-end="url(#` + addMarker(st.Color, 7) + `)"`)
		}
		body.WriteString("><title>" + esc(linkTitle(l, nodes, pos)) + "</title></path>\n")
	}
	body.WriteString("</g>\n")
	for _, h := range hls {
		if len(h.links) == 0 {
			continue
		}
		body.WriteString(`<g class="highlight-links" fill="none" stroke="` + h.color + `" stroke-linecap="round">` + "\n")
		for _, l := range h.links {
			body.WriteString(`<path class="highlight-link" d="` + geoms[drawnLink[l.ID]] + `" stroke-width="` + num2(widthOf(l)+2.6) + `"`)
			if !l.Mutual {
				body.WriteString(` marker-end="url(#` + addMarker(h.color, 11) + `)"`)
			}
			body.WriteString("><title>" + esc(h.Name+": "+linkTitle(l, nodes, pos)) + "</title></path>\n")
		}
		body.WriteString("</g>\n")
	}
	for _, m := range markerList {
		d.raw(m + "\n")
	}
	d.raw("</defs>\n")
	d.raw(body.String())

	// Nodes.
	d.raw(`<g class="actors">` + "\n")
	for _, nd := range nodes {
		d.raw(`<g class="actor"><title>` + esc(actorTitle(nd.actor, nd.size, sizeLabel)) + "</title>")
		for ri, c := range nd.rings {
			d.raw(`<circle cx="` + num(nd.x) + `" cy="` + num(nd.y) + `" r="` + num(ringRadius(nd, ri)) +
				`" fill="none" stroke="` + c + `" stroke-width="3"/>`)
		}
		d.raw(nodeShape(nd.actor, nd.shape, nd.x, nd.y, nd.r))
		d.raw("</g>\n")
	}
	d.raw("</g>\n")

	// Labels.
	fs := 11.0
	if len(nodes) > 120 {
		fs = 9.5
	}
	order := make([]int, len(nodes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		na, nb := nodes[order[a]], nodes[order[b]]
		if na.prio != nb.prio {
			return na.prio
		}
		return na.size > nb.size
	})
	obstacles := make([]rect, len(nodes))
	for i, nd := range nodes {
		e := extent(nd)
		obstacles[i] = rect{nd.x - e, nd.y - e, 2 * e, 2 * e}
	}
	// The highlighted and the five largest actors must be labelled.
	bySize := append([]int(nil), order...)
	sort.SliceStable(bySize, func(a, b int) bool { return nodes[bySize[a]].size > nodes[bySize[b]].size })
	must := make(map[int]bool)
	for k, i := range bySize {
		if k < mustLabelTop && nodes[i].size > 0 {
			must[i] = true
		}
	}
	reqs := make([]labelReq, len(order))
	texts := make([]string, len(order))
	for j, i := range order {
		nd := nodes[i]
		texts[j] = truncate(nd.actor.Label(), 30)
		reqs[j] = labelReq{X: nd.x, Y: nd.y, R: extent(nd), W: textWidth(texts[j], fs) + 2, H: fs * 1.2, Must: nd.prio || must[i]}
	}
	placed := placeLabels(reqs, obstacles, plot, maxLabels)
	var leaders []string
	for _, p := range placed {
		if !p.Leader {
			continue
		}
		sx, sy, tx, ty := leaderOf(reqs[p.Req], p.Box)
		leaders = append(leaders, `<line x1="`+num(sx)+`" y1="`+num(sy)+`" x2="`+num(tx)+`" y2="`+num(ty)+`"/>`)
	}
	if len(leaders) > 0 {
		d.raw(`<g class="label-leaders" stroke="#444444" stroke-width="0.8">` + "\n")
		for _, l := range leaders {
			d.raw(l + "\n")
		}
		d.raw("</g>\n")
	}
	d.raw(`<g class="labels" font-size="` + num(fs) + `" fill="#222222" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">` + "\n")
	for _, p := range placed {
		d.raw(`<text x="` + num(p.Box.X+1) + `" y="` + num(p.Box.Y+fs*0.93) + `">` + esc(texts[p.Req]) + "</text>\n")
	}
	d.raw("</g>\n")

	// Legend.
	leg.draw(&d, W-legW-4, headerH)
	d.close()
	_, err := w.Write(d.b.Bytes())
	return err
}

// mustLabelTop is how many of the largest actors are always labelled (as
// are the highlighted ones) when there is any room near them.
const mustLabelTop = 5

// extent is the half-size of the square that holds a node and its rings.
func extent(nd nodeInfo) float64 {
	e := nd.r * shapeExtent(nd.shape)
	if len(nd.rings) > 0 {
		e = math.Max(e, ringRadius(nd, len(nd.rings)-1)+1.5)
	}
	return e + 1
}

// ringRadius is the radius of the i-th highlight ring around a node, clear
// of a hybrid's outline.
func ringRadius(nd nodeInfo, i int) float64 {
	r := nd.r*shapeExtent(nd.shape) + 3.5 + 4*float64(i)
	if nd.actor.Hybrid() {
		r += hybridStroke(nd.r) / 2
	}
	return r
}

// hybridStroke is the width of a hybrid's outline at node radius r.
func hybridStroke(r float64) float64 { return math.Max(2.5, r*0.3) }

// shapeExtent is how far a shape of radius 1 reaches from its centre.
func shapeExtent(s Shape) float64 {
	switch s {
	case Diamond:
		return 1.25
	case Triangle:
		return 1.35
	case Hexagon:
		return 1.1
	case Square:
		return 1.26
	}
	return 1
}

// nodeShape draws an actor's node: filled with its primary sector colour,
// with a thick outline in its second sector's colour if it is a hybrid. An
// actor of unknown kind (Ring) is a plain circle, grey unless it has a sector.
func nodeShape(a network.Actor, s Shape, x, y, r float64) string {
	secs := a.AllSectors()
	fill := SectorColor(a.Sector())
	attrs := ` fill="` + fill + `" stroke="#333333" stroke-width="0.8"`
	if len(secs) > 1 {
		attrs = ` fill="` + fill + `" stroke="` + SectorColor(secs[1]) + `" stroke-width="` + num2(hybridStroke(r)) + `" stroke-linejoin="round"`
	}
	return shapePath(s, x, y, r, attrs)
}

func actorTitle(a network.Actor, size float64, sizeLabel string) string {
	var b strings.Builder
	b.WriteString(a.Label())
	if a.Name != "" && a.Name != a.ID {
		b.WriteString(" (" + a.ID + ")")
	}
	b.WriteString("\nkind: " + a.Kind.String())
	var secs []string
	for _, s := range a.AllSectors() {
		secs = append(secs, s.String())
	}
	if len(secs) > 0 {
		b.WriteString("\nsectors: " + strings.Join(secs, ", "))
	}
	lbl := strings.TrimPrefix(sizeLabel, "size: ")
	if lbl == "" {
		lbl = "size"
	}
	b.WriteString("\n" + lbl + ": " + strconv.FormatFloat(size, 'g', 4, 64))
	return b.String()
}

func linkTitle(l network.Link, nodes []nodeInfo, pos map[string]int) string {
	arrow := " → "
	if l.Mutual {
		arrow = " — "
	}
	s := nodes[pos[l.From]].actor.Label() + arrow + nodes[pos[l.To]].actor.Label() + "\n" + l.Element.String()
	if l.Type != "" {
		s += ": " + l.Type
	}
	if l.Weight != 1 {
		s += "\nweight " + strconv.FormatFloat(l.Weight, 'g', 4, 64)
	}
	if l.Source != "" {
		s += "\nsource: " + l.Source
	}
	return s
}

// fit maps the unit-square layout into r uniformly (keeping its aspect),
// centred.
func fit(pts []Point, nodes []nodeInfo, r rect) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	w, h := maxX-minX, maxY-minY
	s := math.Inf(1)
	if w > 0 {
		s = r.W / w
	}
	if h > 0 {
		s = math.Min(s, r.H/h)
	}
	if math.IsInf(s, 1) {
		s = 0
	}
	// Few nodes: do not blow a tiny drawing up to the whole area.
	if lim := math.Min(r.W, r.H) / 2 * math.Sqrt(float64(len(pts))) / 1.5; s*math.Max(w, h) > lim && len(pts) < 5 {
		s = lim / math.Max(w, h)
	}
	ox := r.X + (r.W-w*s)/2
	oy := r.Y + (r.H-h*s)/2
	for i, p := range pts {
		nodes[i].x = ox + (p.X-minX)*s
		nodes[i].y = oy + (p.Y-minY)*s
	}
}

// separate pushes overlapping nodes apart in pixel space, a few rounds,
// keeping them inside r.
func separate(nodes []nodeInfo, r rect) {
	n := len(nodes)
	for round := 0; round < 40; round++ {
		moved := false
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				dx, dy := nodes[j].x-nodes[i].x, nodes[j].y-nodes[i].y
				need := extent(nodes[i]) + extent(nodes[j]) + 1
				d2 := dx*dx + dy*dy
				if d2 >= need*need {
					continue
				}
				d := math.Sqrt(d2)
				if d < 1e-6 {
					a := float64(i*7+j*13) * 0.618
					dx, dy, d = math.Cos(a), math.Sin(a), 1
				}
				push := (need - d) / 2 * 0.8
				nodes[i].x -= dx / d * push
				nodes[i].y -= dy / d * push
				nodes[j].x += dx / d * push
				nodes[j].y += dy / d * push
				moved = true
			}
		}
		for i := range nodes {
			nodes[i].x = math.Max(r.X, math.Min(r.X+r.W, nodes[i].x))
			nodes[i].y = math.Max(r.Y, math.Min(r.Y+r.H, nodes[i].y))
		}
		if !moved {
			break
		}
	}
}

// linkGeometry returns each link's SVG path data: a straight line between
// the node outlines, or for the links joining one pair a fan of quadratic
// curves spaced about 9 pixels apart at the middle.
func linkGeometry(links []network.Link, nodes []nodeInfo, pos map[string]int) []string {
	type pair struct{ a, b int }
	groups := map[pair][]int{}
	var keys []pair
	for i, l := range links {
		a, b := pos[l.From], pos[l.To]
		if a > b {
			a, b = b, a
		}
		p := pair{a, b}
		if _, ok := groups[p]; !ok {
			keys = append(keys, p)
		}
		groups[p] = append(groups[p], i)
	}
	out := make([]string, len(links))
	for _, p := range keys {
		g := groups[p]
		m := len(g)
		na, nb := nodes[p.a], nodes[p.b]
		dx, dy := nb.x-na.x, nb.y-na.y
		dist := math.Hypot(dx, dy)
		if dist < 1e-9 {
			dist, dx, dy = 1, 1, 0
		}
		nx, ny := -dy/dist, dx/dist
		sp := math.Min(9, dist*0.5/float64(m))
		for k, li := range g {
			l := links[li]
			from, to := nodes[pos[l.From]], nodes[pos[l.To]]
			off := (float64(k) - float64(m-1)/2) * sp
			mx, my := (na.x+nb.x)/2+nx*off*2, (na.y+nb.y)/2+ny*off*2 // control point
			sx, sy := toward(from.x, from.y, mx, my, from.r*shapeExtent(from.shape)*0.95)
			gap := 1.0
			if !l.Mutual {
				gap = 1.5
			}
			ex, ey := toward(to.x, to.y, mx, my, to.r*shapeExtent(to.shape)*0.95+gap)
			if off == 0 {
				out[li] = "M" + num(sx) + "," + num(sy) + "L" + num(ex) + "," + num(ey)
			} else {
				out[li] = "M" + num(sx) + "," + num(sy) + "Q" + num(mx) + "," + num(my) + " " + num(ex) + "," + num(ey)
			}
		}
	}
	return out
}

// toward returns the point at distance d from (x, y) in the direction of
// (tx, ty).
func toward(x, y, tx, ty, d float64) (float64, float64) {
	dx, dy := tx-x, ty-y
	l := math.Hypot(dx, dy)
	if l < 1e-9 {
		return x, y
	}
	return x + dx/l*d, y + dy/l*d
}
