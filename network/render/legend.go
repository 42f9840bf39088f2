package render

import (
	"math"
	"strings"

	"github.com/illicitnet/illicit/network"
)

// legendHL is a highlight as the legend shows it.
type legendHL struct {
	name, color string
	ring, line  bool
}

// legendItem is one row of the legend: a symbol and its text. class and key
// are written as attributes so that tests and style sheets can find rows.
type legendItem struct {
	class, key, text string
	symbol           func(x, y float64) string // centred on (x, y), 24 wide
}

type legendSection struct {
	title string
	items []legendItem
}

type legend struct{ sections []legendSection }

const (
	legendFont = 11.5
	legendRow  = 18.0
	legendHead = 20.0
	legendPad  = 10.0
	legendText = 34.0 // text offset from the panel's left edge
	legendMaxW = 250.0
)

// buildLegend lists what the picture shows: only the sectors (as fill or as
// a hybrid's outline), shapes and elements present, then the highlights and
// the size meaning.
func buildLegend(nodes []nodeInfo, links []network.Link, hls []legendHL, sizeLabel string) legend {
	var lg legend
	// Sectors: in network.Sectors order, "no sector" last.
	present := map[network.Sector]bool{}
	hybrid := false
	shapes := make([]bool, numShapes)
	for _, nd := range nodes {
		present[nd.actor.Sector()] = true
		if secs := nd.actor.AllSectors(); len(secs) > 1 {
			hybrid = true
			present[secs[1]] = true // the outline colour
		}
		shapes[nd.shape] = true
	}
	var sec legendSection
	sec.title = "Sector (fill)"
	for _, s := range append(network.Sectors(), network.NoSector) {
		if !present[s] {
			continue
		}
		c := SectorColor(s)
		sec.items = append(sec.items, legendItem{class: "legend-sector", key: s.String(), text: sectorName(s),
			symbol: func(x, y float64) string {
				return shapePath(Circle, x, y, 6, ` fill="`+c+`" stroke="#333333" stroke-width="0.8"`)
			}})
	}
	if hybrid {
		sec.items = append(sec.items, legendItem{class: "legend-hybrid", key: "hybrid", text: "hybrid: outline = 2nd sector",
			symbol: func(x, y float64) string {
				return shapePath(Circle, x, y, 6, ` fill="#bbbbbb" stroke="#333333" stroke-width="3"`)
			}})
	}
	lg.sections = append(lg.sections, sec)

	var shp legendSection
	shp.title = "Kind (shape)"
	for s := Shape(0); s < numShapes; s++ {
		if !shapes[s] {
			continue
		}
		s := s
		shp.items = append(shp.items, legendItem{class: "legend-shape", key: shapeKey(s), text: s.String(),
			symbol: func(x, y float64) string {
				return shapePath(s, x, y, 5.5, ` fill="#bbbbbb" stroke="#333333" stroke-width="0.8"`)
			}})
	}
	lg.sections = append(lg.sections, shp)

	if len(links) > 0 {
		elems := map[network.Element]bool{}
		directed := false
		for _, l := range links {
			elems[l.Element] = true
			if !l.Mutual {
				directed = true
			}
		}
		var el legendSection
		el.title = "Link (element)"
		for _, e := range append(network.CriticalElements(), network.Association) {
			if !elems[e] {
				continue
			}
			st := elementStyles(e)
			el.items = append(el.items, legendItem{class: "legend-element", key: e.String(), text: e.String(),
				symbol: func(x, y float64) string {
					return lineSymbol(x, y, st.Color, st.Dash, 2, "")
				}})
		}
		if directed {
			el.items = append(el.items, legendItem{class: "legend-directed", key: "directed", text: "directed (arrow at target)",
				symbol: func(x, y float64) string {
					return lineSymbol(x, y, "#555555", "", 1.4, "#555555")
				}})
		}
		lg.sections = append(lg.sections, el)
	}

	var hs legendSection
	hs.title = "Highlight"
	for _, h := range hls {
		if !h.ring && !h.line {
			continue
		}
		h := h
		hs.items = append(hs.items, legendItem{class: "legend-highlight", key: h.name, text: h.name,
			symbol: func(x, y float64) string {
				var out string
				if h.line {
					out += lineSymbol(x, y, h.color, "", 4, "")
				}
				if h.ring {
					out += `<circle cx="` + num(x) + `" cy="` + num(y) + `" r="4" fill="#bbbbbb" stroke="#333333" stroke-width="0.8"/>` +
						`<circle cx="` + num(x) + `" cy="` + num(y) + `" r="7.5" fill="none" stroke="` + h.color + `" stroke-width="3"/>`
				}
				return out
			}})
	}
	if len(hs.items) > 0 {
		lg.sections = append(lg.sections, hs)
	}

	if sizeLabel != "" {
		lg.sections = append(lg.sections, legendSection{title: "Size (area)", items: []legendItem{{
			class: "legend-size", key: "size", text: strings.TrimPrefix(sizeLabel, "size: "),
			symbol: func(x, y float64) string {
				return `<circle cx="` + num(x-5) + `" cy="` + num(y+2) + `" r="3" fill="#bbbbbb" stroke="#333333" stroke-width="0.8"/>` +
					`<circle cx="` + num(x+4) + `" cy="` + num(y) + `" r="6" fill="#bbbbbb" stroke="#333333" stroke-width="0.8"/>`
			}}}})
	}
	return lg
}

func shapeKey(s Shape) string {
	return [...]string{"circle", "triangle", "diamond", "hexagon", "square", "ring"}[s]
}

func lineSymbol(x, y float64, color, dash string, width float64, arrow string) string {
	out := `<line x1="` + num(x-10) + `" y1="` + num(y) + `" x2="` + num(x+10) + `" y2="` + num(y) + `" stroke="` + color +
		`" stroke-width="` + num2(width) + `"`
	if dash != "" {
		out += ` stroke-dasharray="` + dash + `"`
	}
	out += "/>"
	if arrow != "" {
		out += `<path d="M` + num(x+11) + `,` + num(y) + `L` + num(x+4) + `,` + num(y-3.5) + `L` + num(x+4) + `,` + num(y+3.5) + `z" fill="` + arrow + `"/>`
	}
	return out
}

func (lg legend) maxRunes() int {
	avail := legendMaxW - legendText - legendPad
	return int(avail / (charWidth * legendFont))
}

// width is the panel's width: fitted to its longest text, within bounds.
func (lg legend) width() float64 {
	w := 150.0
	for _, s := range lg.sections {
		w = math.Max(w, textWidth(s.title, legendFont)+2*legendPad)
		for _, it := range s.items {
			w = math.Max(w, legendText+textWidth(truncate(it.text, lg.maxRunes()), legendFont)+legendPad)
		}
	}
	return math.Min(w, legendMaxW)
}

func (lg legend) height() float64 {
	h := legendPad
	for _, s := range lg.sections {
		h += legendHead + legendRow*float64(len(s.items)) + 6
	}
	return h + legendPad
}

// draw writes the panel with its top-left corner at (x, y).
func (lg legend) draw(d *svgDoc, x, y float64) {
	w := lg.width()
	d.raw(`<g class="legend" font-size="` + num(legendFont) + `">` + "\n")
	d.rect(x, y, w, lg.height(), "#f7f7f7", ` stroke="#dddddd"`)
	cy := y + legendPad
	for _, s := range lg.sections {
		cy += legendHead
		d.text(x+legendPad, cy-6, legendFont, "", "#333333", ` font-weight="bold"`, s.title)
		for _, it := range s.items {
			row := cy + legendRow/2
			d.raw(`<g class="` + it.class + `" data-key="` + esc(it.key) + `">`)
			d.raw(it.symbol(x+legendPad+10, row))
			d.raw(`<text x="` + num(x+legendText) + `" y="` + num(row+legendFont*0.35) + `" fill="#222222">` + esc(truncate(it.text, lg.maxRunes())) + "</text></g>\n")
			cy += legendRow
		}
		cy += 6
	}
	d.raw("</g>\n")
}
