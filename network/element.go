package network

import (
	"fmt"
	"github.com/illicitnet/illicit/network/internal/codec"
	"strings"
)

// Element is the function a link serves in an illicit supply chain: one of the
// four critical elements (materiel, manpower, money, mechanisms) of Realuyo
// (2013), "Collaborating to combat illicit networks through interagency and
// international efforts", in Miklaucic and Brewer (eds.), Convergence:
// Illicit Networks and National Security in the Age of Globalization (NDU
// Press), or Association for a tie whose function is unknown, as in most
// published covert-network datasets (meetings, calls, co-offending).
type Element uint8

// The link elements. Association is the zero value.
const (
	Association Element = iota // a tie of unknown function
	Materiel                   // what moves: drugs, arms, people, goods, documents, data
	Manpower                   // who moves it, controls, staffs or enables the chain
	Money                      // who funds, pays, launders, taxes, bribes
	Mechanism                  // how it moves: routes, conveyance, infrastructure, communication

	numElements
)

var elementNames = [numElements]string{
	Association: "association",
	Materiel:    "materiel",
	Manpower:    "manpower",
	Money:       "money",
	Mechanism:   "mechanism",
}

// Elements lists every element in declaration order, Association first.
func Elements() []Element {
	return []Element{Association, Materiel, Manpower, Money, Mechanism}
}

// CriticalElements lists the four critical elements of a supply chain:
// Materiel, Manpower, Money and Mechanism.
func CriticalElements() []Element {
	return []Element{Materiel, Manpower, Money, Mechanism}
}

// String returns the element's name ("money", "association", …).
func (e Element) String() string {
	if e < numElements {
		return elementNames[e]
	}
	return fmt.Sprintf("Element(%d)", uint8(e))
}

// Valid reports whether e is a defined element.
func (e Element) Valid() bool { return e < numElements }

// ParseElement parses an element name. Matching ignores case and surrounding
// space; "mechanisms" is accepted for Mechanism and the empty string is
// Association.
func ParseElement(name string) (Element, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	switch key {
	case "":
		return Association, nil
	case "mechanisms":
		return Mechanism, nil
	}
	for e, n := range elementNames {
		if n == key {
			return Element(e), nil
		}
	}
	return Association, fmt.Errorf("unknown element %q (want one of %s)", name, strings.Join(elementNames[:], ", "))
}

// MarshalText implements encoding.TextMarshaler.
func (e Element) MarshalText() ([]byte, error) {
	return codec.MarshalText(e.String(), e.Valid(), "invalid element %d", uint8(e))
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (e *Element) UnmarshalText(b []byte) error { return codec.UnmarshalText(e, b, ParseElement) }
