package fuse

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network"
)

// Level holds the Fellegi–Sunter probabilities of one comparison outcome:
// M, the probability of the outcome for a pair of records of the same
// actor, and U, for a pair of different actors. The outcome adds
// log2(M/U) to a pair's weight; a field with two outcomes (agree or
// disagree) adds log2((1−M)/(1−U)) on disagreement.
type Level struct {
	M, U float64
}

// Agree returns log2(M/U), the weight of agreement.
func (l Level) Agree() float64 { return math.Log2(l.M / l.U) }

// Disagree returns log2((1−M)/(1−U)), the weight of disagreement.
func (l Level) Disagree() float64 { return math.Log2((1 - l.M) / (1 - l.U)) }

func (l Level) validate(what string) error {
	if !(l.M > 0 && l.M < 1 && l.U > 0 && l.U < 1) {
		return fmt.Errorf("fuse: model %s: m and u must lie strictly between 0 and 1, got m=%g u=%g", what, l.M, l.U)
	}
	return nil
}

// Band is one band of the name comparison: names whose similarity is at
// least At (1: equal normalised names) fall in it, with the probabilities
// of its Level.
type Band struct {
	Name string
	At   float64
	Level
}

// AttributeField is an actor attribute compared when both records have
// it: the first key of Keys that each record holds (the keys are
// synonyms, compared case-insensitively), the values compared as
// lower-case text with spaces collapsed. Agreement adds Level.Agree(),
// disagreement Level.Disagree(). For a Date field, a value of lower
// precision that contains the other ("1968" and "1968-09-01") is a
// coarse agreement, adding log2(M/CoarseU), and two full dates with the
// same month and day in different years ("1965-03-02", "1953-03-02": a
// wrong year, a common keying error) a partial agreement, adding
// log2(Partial.M/Partial.U); a zero Partial leaves such dates disagreeing.
type AttributeField struct {
	Name string
	Keys []string
	Level
	Date    bool
	CoarseU float64
	Partial Level
}

// Model holds the m and u probabilities of every compared field. The
// weight of a pair is the sum of the weights of its fields; a field that
// one record lacks adds nothing.
type Model struct {
	// Name are the bands of the name similarity, highest first: the best
	// similarity over every pair of names (main name and aliases) falls in
	// the first band whose At it reaches, else in NameElse.
	Name     []Band
	NameElse Level
	// Phonetic, if not zero, is used instead of NameElse when two main
	// names fall below every band but sound alike: the same number of
	// tokens with the same Soundex codes ("Didu", "Diddi": D300), the
	// spelling of a name heard rather than read.
	Phonetic Level
	// Alias are the bands used instead of Name when the pair of names
	// involves an alias on either side: aliases (kunyas such as "Abu
	// Muhammad", nicknames, initials) are shared by more people than
	// full names, so the same similarity is weaker evidence. The pair of
	// names with the largest weight counts. They must have the At values
	// of Name.
	Alias []Band
	// ID compares the actor IDs (case-insensitively): agreement adds
	// ID.Agree(), disagreement ID.Disagree(). Both are small by default:
	// agencies have their own ID schemes, and published datasets number
	// their actors 1, 2, 3 …, so equal IDs are weak evidence.
	ID Level
	// Kind compares the kinds when both records have a known kind.
	Kind Level
	// Sector compares the sector sets (Actor.AllSectors) when the kinds
	// were not compared and both records have sectors: they agree when
	// they share a sector.
	Sector Level
	// Attributes are the attribute fields compared where both records
	// have them.
	Attributes []AttributeField
	// Other compares every other attribute key that both records hold,
	// key by key; M = 0 leaves them out of the weight.
	Other Level
	// Neighbours is the relational evidence (see NeighbourLevels and the
	// package documentation): the contacts two records share. The zero
	// value switches it off.
	Neighbours NeighbourLevels
}

// NeighbourLevels are the outcomes of the relational comparison of a
// pair of records. Let A and B be the sets of clusters (fused actors of
// the current clustering) holding a neighbour of each record in its own
// source, the two records' own clusters left out, S = A ∩ B the shared
// ones and J = |S| / |A ∪ B| their Jaccard overlap (Bhattacharya &
// Getoor 2007). Each outcome adds log2(M/U); a pair in none of them
// (no shared cluster and fewer than two on a side) adds nothing. The
// zero value switches the relational evidence off.
type NeighbourLevels struct {
	// MinOverlap is the Jaccard overlap from which shared contacts are
	// strong or weak evidence, in (0, 1].
	MinOverlap float64
	// Strong: at least two shared clusters, J ≥ MinOverlap.
	Strong Level
	// Weak: one shared cluster, J ≥ MinOverlap (the records have one or
	// two contacts each, and share one).
	Weak Level
	// Diluted: shared clusters, J < MinOverlap: contacts shared by many
	// in a dense group (namesakes of one clan share them), next to no
	// evidence.
	Diluted Level
	// None: no shared cluster while both records have at least two.
	None Level
}

// On reports whether the relational evidence is switched on (any
// probability non-zero).
func (n NeighbourLevels) On() bool { return n != NeighbourLevels{} }

// DefaultModel returns the default probabilities (the weights in bits
// follow each):
//
//	name  exact (equal normalised names)  m 0.50  u 0.0005  +9.97
//	      similarity ≥ 0.92               m 0.35  u 0.003   +6.87
//	      similarity ≥ 0.85               m 0.10  u 0.02    +2.32
//	      below                           m 0.05  u 0.9765  −4.29
//	alias exact (an alias on either side) m 0.30  u 0.002   +7.23
//	      similarity ≥ 0.92               m 0.20  u 0.006   +5.06
//	      similarity ≥ 0.85               m 0.10  u 0.02    +2.32
//	      phonetic (below 0.85, same Soundex codes) m 0.04 u 0.004 +3.32
//	id            agree / disagree        m 0.10  u 0.01    +3.32 / −0.13
//	kind          agree / disagree        m 0.90  u 0.15    +2.58 / −3.09
//	sector        agree / disagree        m 0.95  u 0.35    +1.44 / −3.70
//	date of birth agree / disagree        m 0.95  u 0.002   +8.89 / −4.32
//	              (coarse: same year)              u 0.03    +4.99
//	              (partial: month and day, another year) m 0.05 u 0.0027 +4.21
//	place of birth                        m 0.90  u 0.01    +6.49 / −3.31
//	nationality                           m 0.90  u 0.10    +3.17 / −3.17
//	country                               m 0.85  u 0.15    +2.50 / −2.50
//	gender                                m 0.98  u 0.50    +0.97 / −4.64
//	other shared attribute keys           m 0.80  u 0.30    +1.42 / −1.81
//	neighbours    strong (≥ 2 shared, J ≥ 0.4) m 0.24 u 0.0085 +4.82
//	              weak (1 shared, J ≥ 0.4)     m 0.05 u 0.002 +4.64
//	              diluted (shared, J < 0.4)    m 0.50 u 0.50   0.00
//	              none shared (both ≥ 2)       m 0.10 u 0.40  −2.00
//
// The name u are rough shares of pairs of different actors, among pairs
// that share a blocking key, that reach each band; the m, the shares of
// the same actor's records, allow for typos, transliterations the table
// does not know and missing aliases. They were set on the first fusion
// benchmark (testdata/fusion/bench1) and not changed for the second.
// The neighbour levels (NeighbourLevels; J is the Jaccard overlap of
// the neighbour clusters) were estimated on the same benchmark after the
// first clustering: of the pairs of one true actor, 24 % are strong, 5 %
// weak, 52 % diluted, 4 % none shared; of the other compared pairs (not
// merged, weight ≥ cannot-at), 0.85 %, 0.1 %, 27 % and 43 %. The u of
// strong is the observed share and that of weak about twice it, so that
// two shared contacts weigh more than one (+4.82 against +4.64 bits),
// and the none m
// is raised from 0.04 to 0.10, since pairs of one dense group (namesakes
// of one clan) share contacts and names alike, against the independence
// the weight assumes; diluted gets no weight: among the pairs of the
// review band it is as common for matches as for non-matches.
// The date-of-birth keys are date_of_birth, dob, birth_date, birthdate
// and born; place of birth: place_of_birth, birthplace, pob;
// nationality: nationality, citizenship; country: country; gender:
// gender, sex.
func DefaultModel() Model {
	return Model{
		Name: []Band{
			{"exact", 1, Level{0.50, 0.0005}},
			{"sim>=0.92", 0.92, Level{0.35, 0.003}},
			{"sim>=0.85", 0.85, Level{0.10, 0.02}},
		},
		NameElse: Level{0.05, 0.9765},
		Phonetic: Level{0.04, 0.004},
		Alias: []Band{
			{"alias exact", 1, Level{0.30, 0.002}},
			{"alias sim>=0.92", 0.92, Level{0.20, 0.006}},
			{"alias sim>=0.85", 0.85, Level{0.10, 0.02}},
		},
		ID:     Level{0.10, 0.01},
		Kind:   Level{0.90, 0.15},
		Sector: Level{0.95, 0.35},
		Attributes: []AttributeField{
			{Name: "date_of_birth", Keys: []string{"date_of_birth", "dob", "birth_date", "birthdate", "born"}, Level: Level{0.95, 0.002}, Date: true, CoarseU: 0.03, Partial: Level{0.05, 0.0027}},
			{Name: "place_of_birth", Keys: []string{"place_of_birth", "birthplace", "pob"}, Level: Level{0.90, 0.01}},
			{Name: "nationality", Keys: []string{"nationality", "citizenship"}, Level: Level{0.90, 0.10}},
			{Name: "country", Keys: []string{"country"}, Level: Level{0.85, 0.15}},
			{Name: "gender", Keys: []string{"gender", "sex"}, Level: Level{0.98, 0.50}},
		},
		Other:      Level{0.80, 0.30},
		Neighbours: NeighbourLevels{MinOverlap: 0.4, Strong: Level{0.24, 0.0085}, Weak: Level{0.05, 0.002}, Diluted: Level{0.5, 0.5}, None: Level{0.10, 0.40}},
	}
}

// Validate checks that every probability lies strictly between 0 and 1,
// that the name bands are given in decreasing order of At within (0, 1],
// that attribute fields have names and keys, no key in two fields, and
// that the neighbour levels, unless all zero, are all valid.
func (m *Model) Validate() error {
	if len(m.Name) == 0 {
		return errors.New("fuse: model: no name bands")
	}
	for i, b := range m.Name {
		if err := b.validate("name band " + b.Name); err != nil {
			return err
		}
		if !(b.At > 0 && b.At <= 1) || i > 0 && b.At >= m.Name[i-1].At {
			return fmt.Errorf("fuse: model: name band %q: At must lie in (0, 1] and decrease from band to band, got %g", b.Name, b.At)
		}
	}
	if len(m.Alias) != len(m.Name) {
		return errors.New("fuse: model: the alias bands must match the name bands")
	}
	for i, b := range m.Alias {
		if err := b.validate("alias band " + b.Name); err != nil {
			return err
		}
		if b.At != m.Name[i].At {
			return fmt.Errorf("fuse: model: alias band %q: At %g differs from name band %q's %g", b.Name, b.At, m.Name[i].Name, m.Name[i].At)
		}
	}
	for _, c := range []struct {
		what string
		l    Level
	}{{"name else", m.NameElse}, {"id", m.ID}, {"kind", m.Kind}, {"sector", m.Sector}} {
		if err := c.l.validate(c.what); err != nil {
			return err
		}
	}
	if m.Phonetic != (Level{}) {
		if err := m.Phonetic.validate("phonetic name"); err != nil {
			return err
		}
	}
	if m.Other.M != 0 || m.Other.U != 0 {
		if err := m.Other.validate("other attributes"); err != nil {
			return err
		}
	}
	if nl := m.Neighbours; nl.On() {
		if !(nl.MinOverlap > 0 && nl.MinOverlap <= 1) {
			return fmt.Errorf("fuse: model: neighbours: MinOverlap must lie in (0, 1], got %g", nl.MinOverlap)
		}
		for _, c := range []struct {
			what string
			l    Level
		}{{"neighbours strong", nl.Strong}, {"neighbours weak", nl.Weak}, {"neighbours diluted", nl.Diluted}, {"neighbours none", nl.None}} {
			if err := c.l.validate(c.what); err != nil {
				return err
			}
		}
	}
	seen := map[string]string{}
	for _, f := range m.Attributes {
		if f.Name == "" || len(f.Keys) == 0 {
			return errors.New("fuse: model: an attribute field needs a name and keys")
		}
		if err := f.validate("attribute " + f.Name); err != nil {
			return err
		}
		if f.Date && !(f.CoarseU > 0 && f.CoarseU < 1) {
			return fmt.Errorf("fuse: model: attribute %s: CoarseU must lie strictly between 0 and 1", f.Name)
		}
		if f.Partial != (Level{}) {
			if !f.Date {
				return fmt.Errorf("fuse: model: attribute %s: a partial level needs a date field", f.Name)
			}
			if err := f.Partial.validate("attribute " + f.Name + " partial"); err != nil {
				return err
			}
		}
		for _, k := range f.Keys {
			k = strings.ToLower(k)
			if other, ok := seen[k]; ok {
				return fmt.Errorf("fuse: model: attribute key %q in both %s and %s", k, other, f.Name)
			}
			seen[k] = f.Name
		}
	}
	return nil
}

// Field is the comparison of one field of a pair of records: which
// field, its outcome, the values compared and the weight it added.
type Field struct {
	Field   string  `json:"field"`
	Outcome string  `json:"outcome"`
	Values  string  `json:"values,omitempty"`
	Weight  float64 `json:"weight"`
}

// NameMatch is the name comparison of a pair: the best similarity over
// every pair of names, the names that gave it, its band, and whether an
// alias (rather than both main names) gave it.
type NameMatch struct {
	Similarity float64 `json:"similarity"`
	Band       string  `json:"band"`
	A          string  `json:"a"`
	B          string  `json:"b"`
	Alias      bool    `json:"alias"`
}

// rec is one input actor prepared for comparison.
type rec struct {
	src     int
	actor   network.Actor
	names   []name
	sectors []network.Sector
	attrs   map[string]string // lower-case key → normalised value
	fields  []string          // normalised value of each Model.Attributes field, "" if absent
	idKey   string
	prov    []Record // the source records it stands for
	contra  []Contradiction
}

func normValue(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// compare scores a pair of records under the model.
func (m *Model) compare(a, b *rec) (float64, NameMatch, []Field) {
	var fields []Field
	total := 0.0
	add := func(f Field) {
		total += f.Weight
		fields = append(fields, f)
	}
	// Names: the pair of names of the largest weight.
	nm, nw, found := NameMatch{}, 0.0, false
	for i := range a.names {
		for j := range b.names {
			na, nb := &a.names[i], &b.names[j]
			if len(na.toks) == 0 || len(nb.toks) == 0 {
				continue // a name of no letters or digits ("?", "---") says nothing
			}
			alias := na.alias || nb.alias
			bands := m.Name
			if alias {
				bands = m.Alias
			}
			s := nameSimilarity(na, nb)
			l, band := m.NameElse, "else"
			if !alias && m.Phonetic.M > 0 && na.phon != "" && na.phon == nb.phon && len(na.toks) == len(nb.toks) {
				l, band = m.Phonetic, "phonetic"
			}
			for _, bd := range bands {
				if s >= bd.At {
					l, band = bd.Level, bd.Name
					break
				}
			}
			w := l.Agree()
			if !found || w > nw || w == nw && s > nm.Similarity {
				found, nw = true, w
				nm = NameMatch{Similarity: s, Band: band, A: na.raw, B: nb.raw, Alias: alias}
			}
		}
	}
	if found {
		add(Field{Field: "name", Outcome: nm.Band, Values: fmt.Sprintf("%.3f", nm.Similarity), Weight: nw})
	}
	if a.idKey == b.idKey {
		add(Field{Field: "id", Outcome: "agree", Values: a.actor.ID, Weight: m.ID.Agree()})
	} else {
		add(Field{Field: "id", Outcome: "disagree", Weight: m.ID.Disagree()})
	}
	ka, kb := a.actor.Kind, b.actor.Kind
	switch {
	case ka != network.KindUnknown && kb != network.KindUnknown:
		v := ka.String() + " | " + kb.String()
		if ka == kb {
			add(Field{Field: "kind", Outcome: "agree", Values: v, Weight: m.Kind.Agree()})
		} else {
			add(Field{Field: "kind", Outcome: "disagree", Values: v, Weight: m.Kind.Disagree()})
		}
	case len(a.sectors) > 0 && len(b.sectors) > 0:
		v := joinSectors(a.sectors) + " | " + joinSectors(b.sectors)
		shared := slices.ContainsFunc(a.sectors, func(s network.Sector) bool { return slices.Contains(b.sectors, s) })
		if shared {
			add(Field{Field: "sector", Outcome: "agree", Values: v, Weight: m.Sector.Agree()})
		} else {
			add(Field{Field: "sector", Outcome: "disagree", Values: v, Weight: m.Sector.Disagree()})
		}
	}
	for i, f := range m.Attributes {
		va, vb := a.fields[i], b.fields[i]
		if va == "" || vb == "" {
			continue
		}
		v := va + " | " + vb
		switch {
		case va == vb:
			add(Field{Field: f.Name, Outcome: "agree", Values: v, Weight: f.Agree()})
		case f.Date && coarseDate(va, vb):
			add(Field{Field: f.Name, Outcome: "coarse", Values: v, Weight: math.Log2(f.M / f.CoarseU)})
		case f.Date && f.Partial.M > 0 && partialDate(va, vb):
			add(Field{Field: f.Name, Outcome: "partial", Values: v, Weight: f.Partial.Agree()})
		default:
			add(Field{Field: f.Name, Outcome: "disagree", Values: v, Weight: f.Disagree()})
		}
	}
	if m.Other.M > 0 {
		keys := make([]string, 0, len(a.attrs))
		for k := range a.attrs {
			if _, ok := b.attrs[k]; ok {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			va, vb := a.attrs[k], b.attrs[k]
			v := va + " | " + vb
			if va == vb {
				add(Field{Field: k, Outcome: "agree", Values: v, Weight: m.Other.Agree()})
			} else {
				add(Field{Field: k, Outcome: "disagree", Values: v, Weight: m.Other.Disagree()})
			}
		}
	}
	return total, nm, fields
}

// partialDate reports whether two full dates YYYY-MM-DD share their
// month and day in different years.
func partialDate(a, b string) bool {
	return len(a) == 10 && len(b) == 10 && a[4] == '-' && b[4] == '-' && a[4:] == b[4:] && a[:4] != b[:4]
}

// coarseDate reports whether one date is a prefix of the other at a
// date boundary ("1968" and "1968-09-01").
func coarseDate(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 4 && strings.HasPrefix(b, a) && b[len(a)] == '-'
}

func joinSectors(s []network.Sector) string {
	parts := make([]string, len(s))
	for i, x := range s {
		parts[i] = x.String()
	}
	return strings.Join(parts, ";")
}
