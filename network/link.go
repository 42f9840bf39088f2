package network

import (
	"fmt"
	"math"
	"unicode/utf8"
)

// LinkID identifies a link within its Network. IDs are assigned by AddLink in
// increasing order and never reused, so they stay valid when other links are
// removed. They are not written to files: a network read back from a file
// numbers its links 0, 1, 2, … in file order.
type LinkID int

// Link is a tie between two actors. It is directed From → To; a symmetric
// relation (kinship, "allied with", a co-offending tie) is stored once with
// Mutual set. Many links may join the same pair, one per relation, time span
// or source.
type Link struct {
	// ID is assigned by Network.AddLink; it is ignored on input.
	ID LinkID
	// From and To are the actor IDs at the two ends. They may be equal (a self-tie).
	From, To string
	// Element is the supply-chain element the link serves (Association if unknown).
	Element Element
	// Mutual marks a symmetric relation; the link then counts in both directions.
	Mutual bool
	// Grade is the intelligence grade of the report; zero if ungraded.
	Grade Grade
	// Start and End bound the time the link is active; zero means open.
	Start, End Date
	// Type is the relation within the element: "supplies", "funds", "member_of",
	// "communicates_with", or a source's layer name for association ties.
	Type string
	// Weight is the link's strength or volume: non-negative and finite.
	// File readers use 1 when a file gives none.
	Weight float64
	// Commodity is what moves on a materiel link (cocaine, arms, people, …).
	Commodity string
	// Mode is the conveyance: land, air, sea, cyber.
	Mode string
	// Channel is how money moves: formal_banking, hawala, trade_based,
	// bulk_cash, crypto, in_kind.
	Channel string
	// Source is the provenance: the document, dataset or agency reporting the link.
	Source string
	// Attributes are free, typed attributes (amount, currency, volume, role, …).
	Attributes Attributes
}

// Interval returns the link's active time.
func (l Link) Interval() Interval { return Interval{Start: l.Start, End: l.End} }

// Other returns the actor at the other end of the link from id.
func (l Link) Other(id string) string {
	if l.From == id {
		return l.To
	}
	return l.From
}

// normalized validates the link's own fields (not whether its actors exist)
// and returns a copy that owns its attribute map.
func (l Link) normalized() (Link, error) {
	fail := func(format string, args ...any) (Link, error) {
		return Link{}, fmt.Errorf("link %q -> %q: %s", l.From, l.To, fmt.Sprintf(format, args...))
	}
	if err := checkID(l.From); err != nil {
		return fail("from: actor id %v", err)
	}
	if err := checkID(l.To); err != nil {
		return fail("to: actor id %v", err)
	}
	if !l.Element.Valid() {
		return fail("invalid element %d", l.Element)
	}
	if math.IsNaN(l.Weight) {
		return fail("weight is NaN")
	}
	if math.IsInf(l.Weight, 0) {
		return fail("weight is infinite")
	}
	if l.Weight < 0 {
		return fail("weight %v is negative", l.Weight)
	}
	for _, f := range [...]struct{ name, value string }{{"type", l.Type},
		{"commodity", l.Commodity}, {"mode", l.Mode}, {"channel", l.Channel}, {"source", l.Source}} {
		if !utf8.ValidString(f.value) {
			return fail("%s is not valid UTF-8", f.name)
		}
	}
	if !l.Grade.Valid() {
		return fail("invalid grade %+v", l.Grade)
	}
	if err := l.Interval().Validate(); err != nil {
		return fail("%v", err)
	}
	attrs, err := l.Attributes.normalized(reservedLinkKeys[:])
	if err != nil {
		return fail("%v", err)
	}
	out := l
	if l.Weight == 0 {
		out.Weight = 0 // turn -0 into 0
	}
	out.Attributes = attrs
	return out, nil
}
