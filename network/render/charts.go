package render

import (
	"io"
	"math"
	"strconv"
	"strings"
)

// Series is one line of a LineChart: the points (X[i], Y[i]). A series with
// X and Y of different lengths uses the shorter; a nil X means 0, 1, 2, ….
// Points with a NaN or infinite coordinate are skipped, breaking the line.
type Series struct {
	Name string
	X, Y []float64
}

// LineChart is a chart of one or more series as lines with markers.
type LineChart struct {
	// Title and Subtitle are written at the top; XLabel and YLabel name
	// the axes.
	Title, Subtitle, XLabel, YLabel string
	// Width and Height are the picture's size in pixels; zero means 720 × 420.
	Width, Height float64
	// Series are drawn one line each, coloured from Palette in order, with
	// a legend when any series has a name.
	Series []Series
	// YMin and YMax fix the y axis; both 0 means from the data, including 0
	// when the data are non-negative.
	YMin, YMax float64
}

// Bar is one bar of a BarChart.
type Bar struct {
	// Label names the bar (an actor's name); long labels are cut with "…".
	Label string
	// Value is the bar's length; a NaN or infinite value draws no bar and
	// prints "n/a".
	Value float64
	// Highlight draws the bar in the accent colour.
	Highlight bool
}

// BarChart is a horizontal bar chart.
type BarChart struct {
	// Title and Subtitle are written at the top; XLabel names the value axis.
	Title, Subtitle, XLabel string
	// Width is the picture's width in pixels (zero means 720); the height
	// follows from the number of bars.
	Width float64
	// Bars are drawn top to bottom in the order given, each with its value
	// printed at its end. Negative values extend left of zero.
	Bars []Bar
}

// Bar colours.
const (
	barColor    = "#56b4e9"
	accentColor = "#d55e00"
	gridColor   = "#e5e5e5"
	axisColor   = "#555555"
)

// niceTicks returns round tick values covering [lo, hi], about n of them,
// and the step (Heckbert 1990, "Nice numbers for graph labels", Graphics
// Gems). The returned range is widened to whole steps.
func niceTicks(lo, hi float64, n int) (ticks []float64, step float64) {
	if !finite(lo) || !finite(hi) {
		lo, hi = 0, 1
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	if hi == lo {
		if lo == 0 {
			hi = 1
		} else {
			d := math.Abs(lo) * 0.1
			lo, hi = lo-d, hi+d
		}
	}
	if n < 2 {
		n = 2
	}
	step = niceNum((hi-lo)/float64(n-1), true)
	if step <= 0 || !finite(step) {
		return []float64{lo, hi}, hi - lo
	}
	start := math.Floor(lo/step) * step
	end := math.Ceil(hi/step) * step
	for i := 0; ; i++ {
		v := start + float64(i)*step
		if v > end+step/2 || i > 1000 {
			break
		}
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		ticks = append(ticks, v)
	}
	return ticks, step
}

func niceNum(x float64, round bool) float64 {
	if x <= 0 {
		return 0
	}
	e := math.Floor(math.Log10(x))
	f := x / math.Pow(10, e)
	var nf float64
	switch {
	case round && f < 1.5, !round && f <= 1:
		nf = 1
	case round && f < 3, !round && f <= 2:
		nf = 2
	case round && f < 7, !round && f <= 5:
		nf = 5
	default:
		nf = 10
	}
	return nf * math.Pow(10, e)
}

// fmtTick formats a tick value with as many decimals as the step needs,
// large values compacted with k, M or G.
func fmtTick(v, step float64) string {
	av := math.Abs(step)
	for _, u := range []struct {
		div float64
		suf string
	}{{1e9, "G"}, {1e6, "M"}, {1e3, "k"}} {
		if av >= u.div/10 && math.Abs(v) >= u.div || av >= u.div {
			return fmtDec(v/u.div, step/u.div) + u.suf
		}
	}
	return fmtDec(v, step)
}

func fmtDec(v, step float64) string {
	dec := 0
	if s := math.Abs(step); s > 0 && s < 1 {
		dec = int(math.Ceil(-math.Log10(s) - 1e-9))
		if dec > 6 {
			dec = 6
		}
	}
	s := strconv.FormatFloat(v, 'f', dec, 64)
	if s == "-0" || strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-")
	}
	return s
}

// fmtValue formats a bar value: up to 3 significant decimals, no exponent
// for ordinary magnitudes.
func fmtValue(v float64) string {
	if !finite(v) {
		return "n/a"
	}
	av := math.Abs(v)
	switch {
	case av == 0:
		return "0"
	case av >= 1e6 || av < 1e-4:
		return strconv.FormatFloat(v, 'g', 3, 64)
	case av >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case av >= 10:
		return trimZeros(strconv.FormatFloat(v, 'f', 1, 64))
	case av >= 1:
		return trimZeros(strconv.FormatFloat(v, 'f', 2, 64))
	}
	return trimZeros(strconv.FormatFloat(v, 'f', 3+int(-math.Floor(math.Log10(av)))-1, 64))
}

func trimZeros(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Lines writes an SVG line chart: axes with round ticks, gridlines, axis
// labels, one line with markers per series and a legend. A chart with no
// finite point says "nothing to draw".
func Lines(w io.Writer, c LineChart) error {
	W, H := dims(c.Width, c.Height, 720, 420)
	series := make([][][]pt, len(c.Series)) // series → segments → points
	xmin, xmax, ymin, ymax := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	count := 0
	for si, s := range c.Series {
		m := len(s.Y)
		if s.X != nil && len(s.X) < m {
			m = len(s.X)
		}
		var seg []pt
		for i := 0; i < m; i++ {
			x := float64(i)
			if s.X != nil {
				x = s.X[i]
			}
			y := s.Y[i]
			if !finite(x) || !finite(y) {
				if len(seg) > 0 {
					series[si] = append(series[si], seg)
					seg = nil
				}
				continue
			}
			seg = append(seg, pt{x, y})
			xmin, xmax = math.Min(xmin, x), math.Max(xmax, x)
			ymin, ymax = math.Min(ymin, y), math.Max(ymax, y)
			count++
		}
		if len(seg) > 0 {
			series[si] = append(series[si], seg)
		}
	}
	if count == 0 {
		return emptySVG(w, W, H, c.Title, c.Subtitle)
	}
	fixedY := (c.YMin != 0 || c.YMax != 0) && finite(c.YMin) && finite(c.YMax) && c.YMax > c.YMin
	if fixedY {
		ymin, ymax = c.YMin, c.YMax
	} else if ymin >= 0 {
		ymin = 0
	}
	if xmin == xmax {
		xmin, xmax = xmin-1, xmax+1
	}
	xt, xstep := niceTicks(xmin, xmax, 7)
	// Integer x data (years, steps) keep whole ticks.
	if xstep < 1 && allIntegers(series) {
		xt, xstep = integerTicks(xmin, xmax)
	}
	xt = clipTicks(xt, xmin, xmax)
	yt, ystep := niceTicks(ymin, ymax, 6)
	if fixedY {
		yt = clipTicks(yt, c.YMin, c.YMax)
	} else {
		ymin, ymax = yt[0], yt[len(yt)-1]
	}

	var d svgDoc
	d.open(W, H, c.Title)
	top := d.header(c.Title, c.Subtitle, W)
	// Legend width from the names.
	named := false
	legW := 0.0
	for _, s := range c.Series {
		if s.Name != "" {
			named = true
		}
		legW = math.Max(legW, textWidth(truncate(s.Name, 28), 11.5)+34)
	}
	if !named {
		legW = 0
	}
	maxYLabel := 0.0
	for _, v := range yt {
		maxYLabel = math.Max(maxYLabel, textWidth(fmtTick(v, ystep), 11))
	}
	left := 16 + maxYLabel + 8
	if c.YLabel != "" {
		left += 18
	}
	bottom := 34.0
	if c.XLabel != "" {
		bottom += 18
	}
	plot := rect{X: left, Y: top + 6, W: W - left - 20 - legW, H: H - top - 6 - bottom}
	if plot.W < 60 {
		plot.W = 60
	}
	if plot.H < 40 {
		plot.H = 40
	}
	sx := func(x float64) float64 {
		if xmax == xmin {
			return plot.X + plot.W/2
		}
		return plot.X + (x-xmin)/(xmax-xmin)*plot.W
	}
	sy := func(y float64) float64 { return plot.Y + plot.H - (y-ymin)/(ymax-ymin)*plot.H }

	// Grid, ticks, axes.
	d.raw(`<g class="grid" font-size="11" fill="#444444">` + "\n")
	for _, v := range yt {
		y := sy(v)
		d.line(plot.X, y, plot.X+plot.W, y, gridColor, 1, "")
		d.text(plot.X-6, y+3.8, 11, "end", "", "", fmtTick(v, ystep))
	}
	for _, v := range xt {
		x := sx(v)
		d.line(x, plot.Y, x, plot.Y+plot.H, gridColor, 1, "")
		d.line(x, plot.Y+plot.H, x, plot.Y+plot.H+4, axisColor, 1, "")
		d.text(x, plot.Y+plot.H+16, 11, "middle", "", "", fmtTick(v, xstep))
	}
	d.raw("</g>\n")
	d.line(plot.X, plot.Y+plot.H, plot.X+plot.W, plot.Y+plot.H, axisColor, 1, "")
	d.line(plot.X, plot.Y, plot.X, plot.Y+plot.H, axisColor, 1, "")
	if c.XLabel != "" {
		d.text(plot.X+plot.W/2, plot.Y+plot.H+34, 12, "middle", "#222222", "", c.XLabel)
	}
	if c.YLabel != "" {
		x, y := 18.0, plot.Y+plot.H/2
		d.text(x, y, 12, "middle", "#222222", ` transform="rotate(-90 `+num(x)+` `+num(y)+`)"`, c.YLabel)
	}

	// Lines, clipped to the plot when the y range is fixed.
	clip := ""
	if fixedY {
		d.raw(`<defs><clipPath id="illicit-plot-` + num(plot.X) + `-` + num(plot.Y) + `-` + num(plot.W) + `-` + num(plot.H) + `"><rect x="` + num(plot.X-4) + `" y="` + num(plot.Y-4) + `" width="` + num(plot.W+8) + `" height="` + num(plot.H+8) + `"/></clipPath></defs>` + "\n")
		clip = ` clip-path="url(#illicit-plot-` + num(plot.X) + `-` + num(plot.Y) + `-` + num(plot.W) + `-` + num(plot.H) + `)"`
	}
	for si, segs := range series {
		col := pick(Palette, si)
		d.raw(`<g class="series"` + clip + ` stroke="` + col + `" fill="` + col + `">` + "\n")
		if c.Series[si].Name != "" {
			d.raw("<title>" + esc(c.Series[si].Name) + "</title>")
		}
		for _, seg := range segs {
			if len(seg) > 1 {
				var b strings.Builder
				for i, p := range seg {
					if i > 0 {
						b.WriteByte(' ')
					}
					b.WriteString(num(sx(p.x)) + "," + num(sy(p.y)))
				}
				d.raw(`<polyline points="` + b.String() + `" fill="none" stroke-width="2" stroke-linejoin="round"/>` + "\n")
			}
			for _, p := range seg {
				d.raw(marker(si, sx(p.x), sy(p.y)) + "\n")
			}
		}
		d.raw("</g>\n")
	}

	// Legend.
	if named {
		lx := plot.X + plot.W + 14
		ly := plot.Y + 4
		d.raw(`<g class="legend" font-size="11.5">` + "\n")
		for si, s := range c.Series {
			col := pick(Palette, si)
			y := ly + float64(si)*18 + 9
			d.raw(`<g class="legend-series" stroke="` + col + `" fill="` + col + `">`)
			d.line(lx, y, lx+22, y, col, 2, "")
			d.raw(marker(si, lx+11, y))
			d.raw(`<text x="` + num(lx+28) + `" y="` + num(y+4) + `" fill="#222222" stroke="none">` + esc(truncate(s.Name, 28)) + "</text></g>\n")
		}
		d.raw("</g>\n")
	}
	d.close()
	_, err := w.Write(d.b.Bytes())
	return err
}

// marker draws series i's point marker: circle, square, triangle, diamond, …
// in turn, so that series stay apart without colour.
func marker(i int, x, y float64) string {
	s := []Shape{Circle, Square, Triangle, Diamond, Hexagon}[i%5]
	return shapePath(s, x, y, 3.2, ` stroke="#ffffff" stroke-width="0.8"`)
}

func clipTicks(t []float64, lo, hi float64) []float64 {
	var out []float64
	eps := (hi - lo) * 1e-9
	for _, v := range t {
		if v >= lo-eps && v <= hi+eps {
			out = append(out, v)
		}
	}
	if len(out) == 0 {
		out = []float64{lo, hi}
	}
	return out
}

// pt is a data point of a line chart.
type pt struct{ x, y float64 }

func allIntegers(series [][][]pt) bool {
	for _, segs := range series {
		for _, seg := range segs {
			for _, p := range seg {
				if p.x != math.Trunc(p.x) {
					return false
				}
			}
		}
	}
	return true
}

func integerTicks(lo, hi float64) ([]float64, float64) {
	var t []float64
	for v := math.Floor(lo); v <= math.Ceil(hi); v++ {
		t = append(t, v)
	}
	if len(t) < 2 {
		t = append(t, t[len(t)-1]+1)
	}
	return t, 1
}

// Bars writes an SVG horizontal bar chart: bars top to bottom in order,
// labels on the left, values at the bar ends, a value axis with round ticks
// and gridlines. A chart with no bars says "nothing to draw".
func Bars(w io.Writer, c BarChart) error {
	W, _ := dims(c.Width, 1, 720, 1)
	const barH, rowH, fs = 16.0, 22.0, 11.5
	if len(c.Bars) == 0 {
		return emptySVG(w, W, 160, c.Title, c.Subtitle)
	}
	lo, hi := 0.0, 0.0
	maxLabel, maxVal := 0.0, 0.0
	maxRunes := int(W * 0.38 / (charWidth * fs))
	labels := make([]string, len(c.Bars))
	for i, b := range c.Bars {
		labels[i] = truncate(b.Label, maxRunes)
		maxLabel = math.Max(maxLabel, textWidth(labels[i], fs))
		maxVal = math.Max(maxVal, textWidth(fmtValue(b.Value), fs))
		if finite(b.Value) {
			lo, hi = math.Min(lo, b.Value), math.Max(hi, b.Value)
		}
	}
	ticks, step := niceTicks(lo, hi, 6)
	lo, hi = ticks[0], ticks[len(ticks)-1]

	var d svgDoc
	headerH := 12.0
	if c.Title != "" {
		headerH += 20
	}
	if c.Subtitle != "" {
		headerH += 19
	}
	headerH += 12
	bottom := 30.0
	if c.XLabel != "" {
		bottom += 18
	}
	H := headerH + 6 + float64(len(c.Bars))*rowH + bottom
	d.open(W, H, c.Title)
	d.header(c.Title, c.Subtitle, W)
	left := 16 + maxLabel + 8
	negRoom := 0.0
	if lo < 0 {
		negRoom = maxVal + 6
	}
	plot := rect{X: left + negRoom, Y: headerH + 6, W: W - left - negRoom - 16 - maxVal - 6, H: float64(len(c.Bars)) * rowH}
	if plot.W < 60 {
		plot.W = 60
	}
	sx := func(v float64) float64 { return plot.X + (v-lo)/(hi-lo)*plot.W }

	d.raw(`<g class="grid" font-size="11" fill="#444444">` + "\n")
	for _, v := range ticks {
		x := sx(v)
		d.line(x, plot.Y, x, plot.Y+plot.H, gridColor, 1, "")
		d.text(x, plot.Y+plot.H+15, 11, "middle", "", "", fmtTick(v, step))
	}
	d.raw("</g>\n")
	d.line(plot.X, plot.Y+plot.H, plot.X+plot.W, plot.Y+plot.H, axisColor, 1, "")
	if c.XLabel != "" {
		d.text(plot.X+plot.W/2, plot.Y+plot.H+32, 12, "middle", "#222222", "", c.XLabel)
	}
	zero := sx(0)
	d.raw(`<g class="bars" font-size="` + num(fs) + `">` + "\n")
	for i, b := range c.Bars {
		y := plot.Y + float64(i)*rowH + (rowH-barH)/2
		col := barColor
		class := "bar"
		if b.Highlight {
			col, class = accentColor, "bar highlight"
		}
		d.raw(`<g class="` + class + `"><title>` + esc(b.Label+": "+fmtValue(b.Value)) + "</title>")
		d.text(left-8, y+barH/2+4, fs, "end", "#222222", "", labels[i])
		val := fmtValue(b.Value)
		if finite(b.Value) {
			x0, x1 := zero, sx(b.Value)
			if x1 < x0 {
				x0, x1 = x1, x0
			}
			d.rect(x0, y, x1-x0, barH, col, "")
			if b.Value < 0 {
				d.text(x0-4, y+barH/2+4, fs, "end", "#333333", "", val)
			} else {
				d.text(x1+4, y+barH/2+4, fs, "", "#333333", "", val)
			}
		} else {
			d.text(zero+4, y+barH/2+4, fs, "", "#777777", "", val)
		}
		d.raw("</g>\n")
	}
	d.raw("</g>\n")
	d.line(zero, plot.Y, zero, plot.Y+plot.H, axisColor, 1, "")
	d.close()
	_, err := w.Write(d.b.Bytes())
	return err
}
