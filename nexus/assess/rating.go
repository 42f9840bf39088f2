package assess

import (
	"fmt"
	"math"
	"strings"

	"github.com/illicitnet/illicit/network"
)

// Element is one of the five critical elements of an effective
// collaborative model against illicit networks (Realuyo 2013, Table 1).
type Element uint8

// The five elements, in the column order of Table 1.
const (
	PoliticalWill Element = iota // political will (commitment)
	Institutions                 // institutions
	Mechanisms                   // mechanisms to assess threats and deliver countermeasures
	Resources                    // financial and human resources
	Measures                     // measures of effectiveness ("Measures of Success" in Table 1)

	numElements
)

// NumElements is the number of elements, five.
const NumElements = int(numElements)

var elementKeys = [numElements]string{
	PoliticalWill: "political_will",
	Institutions:  "institutions",
	Mechanisms:    "mechanisms",
	Resources:     "resources",
	Measures:      "measures_of_effectiveness",
}

// Elements lists the five elements in the column order of Table 1.
func Elements() []Element {
	return []Element{PoliticalWill, Institutions, Mechanisms, Resources, Measures}
}

// String returns the element's attribute key: "political_will",
// "institutions", "mechanisms", "resources" or "measures_of_effectiveness".
func (e Element) String() string {
	if e < numElements {
		return elementKeys[e]
	}
	return fmt.Sprintf("Element(%d)", uint8(e))
}

// SourceKey returns the attribute key of the element's own source,
// "<element>_source" (e.g. "resources_source").
func (e Element) SourceKey() string { return e.String() + "_source" }

// RatingSourceKey is the actor attribute giving the source of all of a
// body's ratings; an element's own "<element>_source" overrides it.
const RatingSourceKey = "rating_source"

// Rating is a body's rating on one element, on the ordinal scale of
// Table 1. The zero value, NotRated, means the data give no rating.
type Rating uint8

// The scale, from no rating to the best rating.
const (
	NotRated     Rating = iota // no rating attribute
	Unclear                    // "Unclear": no evidence either way
	Insufficient               // "Insufficient"
	Limited                    // "Limited"
	Some                       // "Some"
	Yes                        // "Yes"

	numRatings
)

var ratingWords = [numRatings]string{NotRated: "", Unclear: "Unclear", Insufficient: "Insufficient",
	Limited: "Limited", Some: "Some", Yes: "Yes"}

// Scale lists the rating words of the paper, best first.
func Scale() []Rating { return []Rating{Yes, Some, Limited, Insufficient, Unclear} }

// String returns the paper's word ("Yes", "Some", "Limited",
// "Insufficient", "Unclear"), or "" for NotRated.
func (r Rating) String() string {
	if r < numRatings {
		return ratingWords[r]
	}
	return fmt.Sprintf("Rating(%d)", uint8(r))
}

// Value returns the numeric mapping of the rating: Yes 4, Some 3,
// Limited 2, Insufficient 1. Unclear and NotRated are NaN: Unclear says
// that there is no evidence, not that the element is weak, so it must not
// count as a low value.
func (r Rating) Value() float64 {
	switch r {
	case Yes:
		return 4
	case Some:
		return 3
	case Limited:
		return 2
	case Insufficient:
		return 1
	}
	return math.NaN()
}

// Weak reports whether the rating is Limited or Insufficient.
func (r Rating) Weak() bool { return r == Limited || r == Insufficient }

// Evidence reports whether the rating says something: rated, not Unclear.
func (r Rating) Evidence() bool { return r >= Insufficient && r < numRatings }

// allowed is the list of words for error messages.
func allowed() string {
	words := make([]string, 0, 5)
	for _, r := range Scale() {
		words = append(words, r.String())
	}
	return strings.Join(words, ", ")
}

// ParseRating parses a rating word of the scale. Matching ignores case and
// surrounding space; anything else, the empty string included, is an
// error listing the allowed words.
func ParseRating(word string) (Rating, error) {
	w := strings.TrimSpace(word)
	for r := Unclear; r < numRatings; r++ {
		if strings.EqualFold(w, ratingWords[r]) {
			return r, nil
		}
	}
	return NotRated, fmt.Errorf("rating %q is not on the scale (want one of %s)", word, allowed())
}

// MarshalText implements encoding.TextMarshaler; NotRated is "".
func (r Rating) MarshalText() ([]byte, error) {
	if r >= numRatings {
		return nil, fmt.Errorf("assess: invalid rating %d", uint8(r))
	}
	return []byte(r.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; "" is NotRated.
func (r *Rating) UnmarshalText(b []byte) error {
	if strings.TrimSpace(string(b)) == "" {
		*r = NotRated
		return nil
	}
	x, err := ParseRating(string(b))
	if err != nil {
		return err
	}
	*r = x
	return nil
}

// Body is a counter-sector actor — an agency, task force, multilateral
// body or programme — with its ratings.
type Body struct {
	// ID and Name are the actor's.
	ID, Name string
	// Kind is the actor's kind (agency, task_force, or another kind
	// tagged with the counter sector).
	Kind network.Kind
	// Ratings are the ratings by element (index by Element).
	Ratings [NumElements]Rating
	// Sources are the sources of the ratings by element: the element's
	// "<element>_source" attribute, else "rating_source"; "" if not rated.
	Sources [NumElements]string
}

// Rated reports whether the body has at least one rating.
func (b Body) Rated() bool {
	for _, r := range b.Ratings {
		if r != NotRated {
			return true
		}
	}
	return false
}

// Score returns the mean numeric value (Rating.Value) of the elements
// rated with evidence, and their number; NaN and 0 if there is none.
func (b Body) Score() (mean float64, evidence int) {
	sum := 0.0
	for _, r := range b.Ratings {
		if r.Evidence() {
			sum += r.Value()
			evidence++
		}
	}
	if evidence == 0 {
		return math.NaN(), 0
	}
	return sum / float64(evidence), evidence
}

// WeakElements returns the elements rated Limited or Insufficient, in
// element order.
func (b Body) WeakElements() []Element {
	var out []Element
	for _, e := range Elements() {
		if b.Ratings[e].Weak() {
			out = append(out, e)
		}
	}
	return out
}

// IsCounter reports whether an actor belongs to the counter sector, by
// kind (agency, task_force) or by sector tag.
func IsCounter(a network.Actor) bool { return a.InSector(network.Counter) }

// Bodies returns the counter-sector actors of the network, in actor
// order, with their ratings read from their attributes: one attribute per
// element ("political_will", "institutions", "mechanisms", "resources",
// "measures_of_effectiveness") holding a word of the scale, and the
// source in "rating_source" or in an element's own "<element>_source".
//
// It fails, naming the actor and the key, if a rating or source attribute
// is on an actor outside the counter sector (a rating without a body), if
// a rating is not a string or not a word of the scale (the message lists
// the words), if a rating has no source, or if an element's source is
// given without its rating.
func Bodies(n *network.Network) ([]Body, error) {
	if n == nil {
		return nil, errorf("nil network")
	}
	var out []Body
	for _, a := range n.Actors() {
		counter := IsCounter(a)
		if !counter {
			for _, key := range ratingKeys() {
				if _, ok := a.Attributes[key]; ok {
					return nil, errorf("actor %q (kind %s) has the rating attribute %q but is not a counter-sector body: ratings belong to agencies, task forces and other counter-sector actors (kind agency or task_force, or the sector tag counter)", a.ID, a.Kind, key)
				}
			}
			continue
		}
		b, err := readBody(a)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

// ratingKeys are every attribute key of the rating model.
func ratingKeys() []string {
	var keys []string
	for _, e := range Elements() {
		keys = append(keys, e.String())
	}
	for _, e := range Elements() {
		keys = append(keys, e.SourceKey())
	}
	return append(keys, RatingSourceKey)
}

func text(a network.Actor, key string) (string, bool, error) {
	v, ok := a.Attributes[key]
	if !ok {
		return "", false, nil
	}
	s, isString := v.(string)
	if !isString {
		return "", true, errorf("actor %q: attribute %q is %v, not text", a.ID, key, v)
	}
	return strings.TrimSpace(s), true, nil
}

func readBody(a network.Actor) (Body, error) {
	b := Body{ID: a.ID, Name: a.Name, Kind: a.Kind}
	common, _, err := text(a, RatingSourceKey)
	if err != nil {
		return b, err
	}
	for _, e := range Elements() {
		word, rated, err := text(a, e.String())
		if err != nil {
			return b, err
		}
		own, hasOwn, err := text(a, e.SourceKey())
		if err != nil {
			return b, err
		}
		if !rated {
			if hasOwn {
				return b, errorf("actor %q: %q is given but %q is not: a source needs its rating", a.ID, e.SourceKey(), e.String())
			}
			continue
		}
		r, err := ParseRating(word)
		if err != nil {
			return b, errorf("actor %q, element %s: %v", a.ID, e, err)
		}
		src := common
		if hasOwn && own != "" {
			src = own
		}
		if src == "" {
			return b, errorf("actor %q, element %s: rating %s has no source; give %q or %q", a.ID, e, r, RatingSourceKey, e.SourceKey())
		}
		b.Ratings[e], b.Sources[e] = r, src
	}
	return b, nil
}

func errorf(format string, args ...any) error {
	return fmt.Errorf("assess: "+format, args...)
}
