package render

import (
	"math"
	"strings"

	"github.com/illicitnet/illicit/network"
)

// SectorColor returns the fill colour of a sector: the Okabe–Ito
// colour-blind-safe palette, with mid grey for NoSector.
//
//	criminal     #D55E00 vermillion
//	terrorist    #CC79A7 reddish purple
//	facilitator  #E69F00 orange
//	state        #0072B2 blue
//	licit        #009E73 bluish green
//	counter      #56B4E9 sky blue
//	place        #F0E442 yellow
//	none         #999999 grey
func SectorColor(s network.Sector) string {
	switch s {
	case network.Criminal:
		return "#d55e00"
	case network.Terrorist:
		return "#cc79a7"
	case network.Facilitator:
		return "#e69f00"
	case network.State:
		return "#0072b2"
	case network.Licit:
		return "#009e73"
	case network.Counter:
		return "#56b4e9"
	case network.Place:
		return "#f0e442"
	}
	return "#999999"
}

// sectorName is the legend text of a sector.
func sectorName(s network.Sector) string {
	if s == network.NoSector {
		return "no sector"
	}
	return s.String()
}

// Shape is the outline a node is drawn with; see ShapeOf.
type Shape uint8

// The node shapes.
const (
	Circle   Shape = iota // a group or body: cartel, gang, cell, agency, state service
	Triangle              // an individual: criminal, operative, official, professional
	Diamond               // a facilitator: smuggler, launderer, hawala, forger, broker
	Hexagon               // a business or institution: company, bank, charity
	Square                // a place: country, region, city, port, border crossing
	Ring                  // an actor of unknown kind: a plain circle, like Circle
	numShapes
)

var shapeNames = [numShapes]string{
	Circle:   "group or body",
	Triangle: "individual",
	Diamond:  "facilitator",
	Hexagon:  "business or institution",
	Square:   "place",
	Ring:     "kind unknown",
}

// String returns the legend text of the shape.
func (s Shape) String() string {
	if s < numShapes {
		return shapeNames[s]
	}
	return "shape"
}

// ShapeOf returns the node shape of an actor kind:
//
//	Circle    cartel, gang, mafia, criminal_group, pirates, terrorist_group,
//	          insurgency, cell, state_security, state_sponsor, agency, task_force
//	Triangle  criminal, operative, corrupt_official, professional
//	Diamond   smuggler, money_launderer, hawala, cash_courier, document_forger,
//	          travel_facilitator, arms_broker, cyber_provider
//	Hexagon   business, front_company, financial_institution, charity
//	Square    country, region, city, port, border_crossing
//	Ring      unknown
func ShapeOf(k network.Kind) Shape {
	switch k {
	case network.IndividualCriminal, network.Operative, network.CorruptOfficial, network.Professional:
		return Triangle
	case network.Business, network.FrontCompany, network.FinancialInstitution, network.Charity:
		return Hexagon
	case network.KindUnknown:
		return Ring
	}
	switch k.Sector() {
	case network.Facilitator:
		return Diamond
	case network.Place:
		return Square
	}
	if !k.Valid() {
		return Ring
	}
	return Circle
}

// shapePath returns the SVG element drawing shape s centred on (x, y) with
// "radius" r (the shapes have roughly equal area for equal r), with the
// attribute text attrs appended.
func shapePath(s Shape, x, y, r float64, attrs string) string {
	switch s {
	case Square:
		h := r * 0.89 // area of a circle of radius r
		return `<rect x="` + num(x-h) + `" y="` + num(y-h) + `" width="` + num(2*h) + `" height="` + num(2*h) + `"` + attrs + "/>"
	case Diamond:
		h := r * 1.25
		return polygon([][2]float64{{x, y - h}, {x + h, y}, {x, y + h}, {x - h, y}}, attrs)
	case Triangle:
		h := r * 1.35
		return polygon([][2]float64{
			{x, y - h},
			{x + h*math.Sqrt(3)/2, y + h/2},
			{x - h*math.Sqrt(3)/2, y + h/2},
		}, attrs)
	case Hexagon:
		h := r * 1.1
		pts := make([][2]float64, 6)
		for i := range pts {
			a := math.Pi / 3 * float64(i)
			pts[i] = [2]float64{x + h*math.Cos(a), y + h*math.Sin(a)}
		}
		return polygon(pts, attrs)
	}
	return `<circle cx="` + num(x) + `" cy="` + num(y) + `" r="` + num(r) + `"` + attrs + "/>"
}

func polygon(pts [][2]float64, attrs string) string {
	var b strings.Builder
	b.WriteString(`<polygon points="`)
	for i, p := range pts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(num(p[0]) + "," + num(p[1]))
	}
	b.WriteString(`"` + attrs + "/>")
	return b.String()
}

// elementStyle is how links of one element are stroked.
type elementStyle struct {
	Color string
	Dash  string // stroke-dasharray; "" for solid
}

// ElementStyle returns the stroke colour and dash pattern (an SVG
// stroke-dasharray, "" for solid) of links of element e:
//
//	materiel     #a6611a brown, solid
//	manpower     #5e3c99 purple, dashed 7 4
//	money        #1b7837 green, dash-dot 10 3 2 3
//	mechanism    #2166ac blue, dotted 2 3
//	association  #8c8c8c grey, solid
func ElementStyle(e network.Element) (color, dash string) {
	s := elementStyles(e)
	return s.Color, s.Dash
}

func elementStyles(e network.Element) elementStyle {
	switch e {
	case network.Materiel:
		return elementStyle{"#a6611a", ""}
	case network.Manpower:
		return elementStyle{"#5e3c99", "7 4"}
	case network.Money:
		return elementStyle{"#1b7837", "10 3 2 3"}
	case network.Mechanism:
		return elementStyle{"#2166ac", "2 3"}
	}
	return elementStyle{"#8c8c8c", ""}
}

// Palette is the fixed colour sequence for highlights, chart series and
// anything else coloured by position: Okabe–Ito without its yellow first,
// then black.
var Palette = []string{"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442"}

// highlightPalette colours highlights without a Color: strong colours that
// stand out against the sector fills.
var highlightPalette = []string{"#e41a1c", "#377eb8", "#984ea3", "#ff7f00", "#4daf4a", "#000000"}

// pick returns palette[i] cycling.
func pick(palette []string, i int) string { return palette[i%len(palette)] }

// validColor reports whether c is a "#rgb" or "#rrggbb" colour, the only form
// written into the picture from a caller's input.
func validColor(c string) bool {
	if len(c) != 4 && len(c) != 7 || c[0] != '#' {
		return false
	}
	for _, r := range c[1:] {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
			return false
		}
	}
	return true
}
