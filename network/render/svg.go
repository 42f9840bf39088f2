package render

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// fontFamily is the generic font family every text element uses, so that a
// picture needs no font file and renders alike in browsers and converters.
const fontFamily = "sans-serif"

// charWidth is the estimated advance of one rune in ems, used to size text
// boxes without font metrics.
const charWidth = 0.6

// svgDoc accumulates an SVG document in memory; the caller writes it out once.
type svgDoc struct {
	b bytes.Buffer
}

// num formats a coordinate or length with one decimal, trimming "-0.0" and ".0"
// so that identical inputs always give identical bytes.
func num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}

// esc escapes s for use in XML text and attribute values. Invalid UTF-8 and
// characters XML forbids become U+FFFD.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// textWidth estimates the width in pixels of s at the given font size.
func textWidth(s string, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * charWidth * size
}

// truncate shortens s to at most max runes, ending it with "…" when cut.
func truncate(s string, max int) string {
	if max < 1 {
		max = 1
	}
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:max-1]), " ") + "…"
}

func (d *svgDoc) raw(s string) { d.b.WriteString(s) }

// open writes the XML prologue-free root element. Width and height are in
// pixels; the viewBox matches them so the picture scales when inlined.
func (d *svgDoc) open(w, h float64, title string) {
	d.raw(`<svg xmlns="http://www.w3.org/2000/svg" width="` + num(w) + `" height="` + num(h) +
		`" viewBox="0 0 ` + num(w) + ` ` + num(h) + `" font-family="` + fontFamily + `" role="img">` + "\n")
	if title != "" {
		d.raw("<title>" + esc(title) + "</title>\n")
	}
	d.raw(`<rect x="0" y="0" width="` + num(w) + `" height="` + num(h) + `" fill="#ffffff"/>` + "\n")
}

func (d *svgDoc) close() { d.raw("</svg>\n") }

// text writes one text element. anchor is start, middle or end; extra holds
// further attributes, already escaped, with a leading space.
func (d *svgDoc) text(x, y, size float64, anchor, fill, extra, s string) {
	d.raw(`<text x="` + num(x) + `" y="` + num(y) + `" font-size="` + num(size) + `"`)
	if anchor != "" && anchor != "start" {
		d.raw(` text-anchor="` + anchor + `"`)
	}
	if fill != "" {
		d.raw(` fill="` + fill + `"`)
	}
	d.raw(extra + ">" + esc(s) + "</text>\n")
}

func (d *svgDoc) line(x1, y1, x2, y2 float64, stroke string, width float64, extra string) {
	d.raw(`<line x1="` + num(x1) + `" y1="` + num(y1) + `" x2="` + num(x2) + `" y2="` + num(y2) +
		`" stroke="` + stroke + `" stroke-width="` + num2(width) + `"` + extra + "/>\n")
}

func (d *svgDoc) rect(x, y, w, h float64, fill, extra string) {
	d.raw(`<rect x="` + num(x) + `" y="` + num(y) + `" width="` + num(w) + `" height="` + num(h) +
		`" fill="` + fill + `"` + extra + "/>\n")
}

// header writes the title and subtitle at the top left and returns the y
// below them.
func (d *svgDoc) header(title, subtitle string, width float64) float64 {
	y := 12.0
	maxRunes := int((width - 32) / (charWidth * 18))
	if title != "" {
		y += 20
		d.text(16, y, 18, "", "#111111", ` font-weight="bold"`, truncate(title, maxRunes))
	}
	if subtitle != "" {
		y += 19
		d.text(16, y, 12.5, "", "#555555", "", truncate(subtitle, int((width-32)/(charWidth*12.5))))
	}
	return y + 12
}

// emptySVG writes a picture that says there is nothing to draw.
func emptySVG(w io.Writer, width, height float64, title, subtitle string) error {
	var d svgDoc
	d.open(width, height, title)
	top := d.header(title, subtitle, width)
	d.text(width/2, math.Max(top+20, height/2), 16, "middle", "#777777", ` class="empty"`, "nothing to draw")
	d.close()
	_, err := w.Write(d.b.Bytes())
	return err
}

// num2 formats with two decimals (trimmed) for small lengths such as widths.
func num2(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "0"
	}
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" || s == "" {
		s = "0"
	}
	return s
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// dims returns w and h, or the defaults when they are not positive and finite.
func dims(w, h, dw, dh float64) (float64, float64) {
	if !(w > 0) || !finite(w) {
		w = dw
	}
	if !(h > 0) || !finite(h) {
		h = dh
	}
	return w, h
}
