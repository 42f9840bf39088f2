package network

import (
	"fmt"
	"github.com/illicitnet/illicit/network/internal/codec"
	"strings"
)

// GradeSystem is the intelligence grading scheme a Grade is written in.
type GradeSystem uint8

// The supported grading systems. Ungraded is the zero value.
const (
	// Ungraded marks a link that carries no grade.
	Ungraded GradeSystem = iota
	// Admiralty is the NATO / Admiralty 6x6 system (STANAG 2511): source
	// reliability A (completely reliable) … E (unreliable), F (cannot be
	// judged) × information credibility 1 (confirmed) … 5 (improbable),
	// 6 (cannot be judged). Written "B2".
	Admiralty
	// UK5x5x5 is the UK 5x5x5 system: source A (always reliable), B (mostly
	// reliable), C (sometimes reliable), D (unreliable), E (untested) ×
	// intelligence 1 (known to be true without reservation), 2 (known
	// personally to the source but not to the officer), 3 (not known
	// personally to the source but corroborated), 4 (cannot be judged),
	// 5 (suspected to be false) × handling code 1–5. Written "B2/3".
	UK5x5x5
	// UK3x5x2 is the UK 3x5x2 system (from about 2016): source 1 (reliable),
	// 2 (untested), 3 (not reliable) × intelligence A (known directly),
	// B (known indirectly and corroborated), C (known indirectly), D (not
	// known), E (suspected to be false) × handling P (lawful sharing
	// permitted) or C (sharing permitted with conditions). Written "1AP";
	// the handling letter may be left out ("1A").
	UK3x5x2
)

// String returns the system's name: "", "admiralty", "5x5x5" or "3x5x2".
func (s GradeSystem) String() string {
	switch s {
	case Ungraded:
		return ""
	case Admiralty:
		return "admiralty"
	case UK5x5x5:
		return "5x5x5"
	case UK3x5x2:
		return "3x5x2"
	}
	return fmt.Sprintf("GradeSystem(%d)", uint8(s))
}

// Grade is the intelligence grade of a link: how reliable its source is and
// how credible the information. The zero value is ungraded. Grades are
// comparable with ==; order them with Confidence.
type Grade struct {
	System      GradeSystem
	Source      byte // source reliability: 'A'–'F' (Admiralty), 'A'–'E' (5x5x5), '1'–'3' (3x5x2)
	Information byte // information credibility: '1'–'6' (Admiralty), '1'–'5' (5x5x5), 'A'–'E' (3x5x2)
	Handling    byte // handling code: '1'–'5' (5x5x5), 'P' or 'C' (3x5x2), 0 if absent
}

// UngradedConfidence is the confidence given to an ungraded link: that of
// Admiralty F6 (neither source nor information can be judged).
const UngradedConfidence = 0.25

// Confidence tables: each grade letter or digit maps to a probability-like
// score in [0, 1]; "cannot be judged" and "untested" map to 0.5.
var (
	admiraltySource = map[byte]float64{'A': 1, 'B': 0.8, 'C': 0.6, 'D': 0.4, 'E': 0.2, 'F': 0.5}
	admiraltyInfo   = map[byte]float64{'1': 1, '2': 0.8, '3': 0.6, '4': 0.4, '5': 0.2, '6': 0.5}
	uk5Source       = map[byte]float64{'A': 1, 'B': 0.8, 'C': 0.6, 'D': 0.2, 'E': 0.5}
	uk5Info         = map[byte]float64{'1': 1, '2': 0.8, '3': 0.6, '4': 0.5, '5': 0.2}
	uk5Handling     = map[byte]bool{'1': true, '2': true, '3': true, '4': true, '5': true}
	uk3Source       = map[byte]float64{'1': 1, '2': 0.5, '3': 0.2}
	uk3Info         = map[byte]float64{'A': 1, 'B': 0.8, 'C': 0.6, 'D': 0.5, 'E': 0.2}
	uk3Handling     = map[byte]bool{'P': true, 'C': true}
)

// ParseGrade parses a grade written as in the systems' documentation:
// "B2" (Admiralty 6x6), "B2/3" (UK 5x5x5 with handling code 3), "1AP" or "1A"
// (UK 3x5x2). Letters may be in either case; the empty string is ungraded.
func ParseGrade(s string) (Grade, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	bad := func(why string) (Grade, error) {
		return Grade{}, fmt.Errorf("bad grade %q: %s", s, why)
	}
	switch {
	case t == "":
		return Grade{}, nil
	case len(t) == 2 && t[0] >= 'A' && t[0] <= 'Z':
		g := Grade{System: Admiralty, Source: t[0], Information: t[1]}
		if _, ok := admiraltySource[g.Source]; !ok {
			return bad("source reliability must be A-F")
		}
		if _, ok := admiraltyInfo[g.Information]; !ok {
			return bad("information credibility must be 1-6")
		}
		return g, nil
	case (len(t) == 2 || len(t) == 3) && t[0] >= '0' && t[0] <= '9':
		g := Grade{System: UK3x5x2, Source: t[0], Information: t[1]}
		if _, ok := uk3Source[g.Source]; !ok {
			return bad("3x5x2 source must be 1-3")
		}
		if _, ok := uk3Info[g.Information]; !ok {
			return bad("3x5x2 intelligence must be A-E")
		}
		if len(t) == 3 {
			g.Handling = t[2]
			if !uk3Handling[g.Handling] {
				return bad("3x5x2 handling must be P or C")
			}
		}
		return g, nil
	case len(t) == 4 && t[2] == '/':
		g := Grade{System: UK5x5x5, Source: t[0], Information: t[1], Handling: t[3]}
		if _, ok := uk5Source[g.Source]; !ok {
			return bad("5x5x5 source must be A-E")
		}
		if _, ok := uk5Info[g.Information]; !ok {
			return bad("5x5x5 intelligence must be 1-5")
		}
		if !uk5Handling[g.Handling] {
			return bad("5x5x5 handling code must be 1-5")
		}
		return g, nil
	}
	return bad(`want Admiralty "B2", UK 5x5x5 "B2/3" or UK 3x5x2 "1AP"`)
}

// MustParseGrade is like ParseGrade but panics on error. It is meant for
// grades written as constants in programs and tests, not for user input.
func MustParseGrade(s string) Grade {
	g, err := ParseGrade(s)
	if err != nil {
		panic(err)
	}
	return g
}

// String returns the grade in its canonical written form ("B2", "B2/3",
// "1AP"), or "" if ungraded.
func (g Grade) String() string {
	switch g.System {
	case Admiralty:
		return string([]byte{g.Source, g.Information})
	case UK5x5x5:
		return string([]byte{g.Source, g.Information, '/', g.Handling})
	case UK3x5x2:
		if g.Handling == 0 {
			return string([]byte{g.Source, g.Information})
		}
		return string([]byte{g.Source, g.Information, g.Handling})
	}
	return ""
}

// IsZero reports whether g is ungraded.
func (g Grade) IsZero() bool { return g.System == Ungraded }

// Valid reports whether g is ungraded or a well-formed grade of its system.
func (g Grade) Valid() bool {
	if g.System == Ungraded {
		return g == Grade{}
	}
	h, err := ParseGrade(g.String())
	return err == nil && h == g
}

// Reliability returns the source-reliability score in [0, 1]:
//
//	Admiralty  A 1, B 0.8, C 0.6, D 0.4, E 0.2, F (cannot be judged) 0.5
//	UK 5x5x5   A 1, B 0.8, C 0.6, D (unreliable) 0.2, E (untested) 0.5
//	UK 3x5x2   1 (reliable) 1, 2 (untested) 0.5, 3 (not reliable) 0.2
//
// An ungraded link scores 0.5.
func (g Grade) Reliability() float64 {
	switch g.System {
	case Admiralty:
		return admiraltySource[g.Source]
	case UK5x5x5:
		return uk5Source[g.Source]
	case UK3x5x2:
		return uk3Source[g.Source]
	}
	return 0.5
}

// Credibility returns the information-credibility score in [0, 1]:
//
//	Admiralty  1 1, 2 0.8, 3 0.6, 4 0.4, 5 0.2, 6 (cannot be judged) 0.5
//	UK 5x5x5   1 1, 2 0.8, 3 0.6, 4 (cannot be judged) 0.5, 5 0.2
//	UK 3x5x2   A 1, B 0.8, C 0.6, D (not known) 0.5, E 0.2
//
// An ungraded link scores 0.5.
func (g Grade) Credibility() float64 {
	switch g.System {
	case Admiralty:
		return admiraltyInfo[g.Information]
	case UK5x5x5:
		return uk5Info[g.Information]
	case UK3x5x2:
		return uk3Info[g.Information]
	}
	return 0.5
}

// Confidence maps the grade to a common confidence in [0, 1], the product
// Reliability × Credibility. It makes grades from different systems
// comparable: A1 and 1A score 1, B2 scores 0.64, E5 scores 0.04, and an
// ungraded link scores UngradedConfidence (0.25, as F6). The handling code
// does not affect confidence.
func (g Grade) Confidence() float64 {
	return g.Reliability() * g.Credibility()
}

// MarshalText implements encoding.TextMarshaler.
func (g Grade) MarshalText() ([]byte, error) {
	return codec.MarshalText(g.String(), g.Valid(), "invalid grade %+v", g)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (g *Grade) UnmarshalText(b []byte) error { return codec.UnmarshalText(g, b, ParseGrade) }
