package fuse

import (
	"fmt"
	"strings"

	"github.com/illicitnet/illicit/network"
)

// The attribute keys that Fuse writes on fused actors and links.
const (
	// RecordsKey holds an actor's source records (see Records).
	RecordsKey = "fuse.records"
	// ContradictionsKey holds the values on which an actor's source
	// records disagree (see ActorContradictions).
	ContradictionsKey = "fuse.contradictions"
	// SourceKey holds the name of the source a link came from.
	SourceKey = "fuse.source"
)

// Record is one source record of a fused actor: the source's name, the
// actor's ID and name in that source.
type Record struct {
	Source string `json:"source"`
	ID     string `json:"id"`
	Name   string `json:"name"`
}

// String returns source:id.
func (r Record) String() string { return r.Source + ":" + r.ID }

// escaper escapes the separators of the encoded lists.
var escaper = strings.NewReplacer(`\`, `\\`, `|`, `\|`, `:`, `\:`)

// encodeList writes entries of fields as f1:f2:…|f1:f2:…, each field
// with '\', '|' and ':' escaped by a backslash.
func encodeList(entries [][]string) string {
	var b strings.Builder
	for i, e := range entries {
		if i > 0 {
			b.WriteByte('|')
		}
		for j, f := range e {
			if j > 0 {
				b.WriteByte(':')
			}
			escaper.WriteString(&b, f)
		}
	}
	return b.String()
}

// decodeList reads what encodeList wrote; every entry must have n fields.
func decodeList(s string, n int) ([][]string, error) {
	if s == "" {
		return nil, nil
	}
	var out [][]string
	var entry []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			if i+1 == len(s) {
				return nil, fmt.Errorf("dangling backslash at the end")
			}
			i++
			if d := s[i]; d != '\\' && d != '|' && d != ':' {
				return nil, fmt.Errorf("unknown escape \\%c", d)
			}
			b.WriteByte(s[i])
		case ':':
			entry = append(entry, b.String())
			b.Reset()
		case '|':
			entry = append(entry, b.String())
			b.Reset()
			if len(entry) != n {
				return nil, fmt.Errorf("entry %d has %d fields, want %d", len(out)+1, len(entry), n)
			}
			out = append(out, entry)
			entry = nil
		default:
			b.WriteByte(c)
		}
	}
	entry = append(entry, b.String())
	if len(entry) != n {
		return nil, fmt.Errorf("entry %d has %d fields, want %d", len(out)+1, len(entry), n)
	}
	return append(out, entry), nil
}

// EncodeRecords returns the text Fuse stores under RecordsKey:
// source:id:name entries joined by '|', with '\', '|' and ':' in a field
// escaped by a backslash, e.g. `fbi:atta-1:Mohamed Atta|cia:M.ATTA:Mohammed Atta`.
func EncodeRecords(rs []Record) string {
	entries := make([][]string, len(rs))
	for i, r := range rs {
		entries[i] = []string{r.Source, r.ID, r.Name}
	}
	return encodeList(entries)
}

// DecodeRecords reads what EncodeRecords wrote.
func DecodeRecords(s string) ([]Record, error) {
	entries, err := decodeList(s, 3)
	if err != nil {
		return nil, fmt.Errorf("fuse: %s: %v", RecordsKey, err)
	}
	out := make([]Record, len(entries))
	for i, e := range entries {
		out[i] = Record{Source: e[0], ID: e[1], Name: e[2]}
		if out[i].Source == "" || out[i].ID == "" {
			return nil, fmt.Errorf("fuse: %s: entry %d has an empty source or id", RecordsKey, i+1)
		}
	}
	return out, nil
}

// Records returns the source records of a fused actor, read from its
// RecordsKey attribute, or nil if it has none (an actor that was not
// fused). It fails if the attribute is not text in the format of
// EncodeRecords.
func Records(a network.Actor) ([]Record, error) {
	v, ok := a.Attributes[RecordsKey]
	if !ok {
		return nil, nil
	}
	s, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("fuse: actor %q: %s is a %T, not text", a.ID, RecordsKey, v)
	}
	rs, err := DecodeRecords(s)
	if err != nil {
		return nil, fmt.Errorf("actor %q: %w", a.ID, err)
	}
	return rs, nil
}

// Contradiction is a field on which the source records of one fused
// actor disagree: the kind, the sectors or an attribute (Field is
// "kind", "sectors" or the attribute key), each record's value in
// source order, and the value the fused actor kept (that of the first
// record in source order that has one).
type Contradiction struct {
	Actor  string          `json:"actor"`
	Field  string          `json:"field"`
	Values []RecordedValue `json:"values"`
	Kept   string          `json:"kept"`
}

// RecordedValue is one source record's value of a contradicted field.
type RecordedValue struct {
	Record Record `json:"record"`
	Value  string `json:"value"`
}

// encodeContradictions writes field:source:id:value entries (each record
// value of each contradiction, kept value first).
func encodeContradictions(cs []Contradiction) string {
	var entries [][]string
	for _, c := range cs {
		for _, v := range c.Values {
			entries = append(entries, []string{c.Field, v.Record.Source, v.Record.ID, v.Value})
		}
	}
	return encodeList(entries)
}

// ActorContradictions returns the contradictions of a fused actor, read
// from its ContradictionsKey attribute: entries field:source:id:value
// joined by '|', escaped as in EncodeRecords, the values of one field in
// source order, the kept value first. Record names are filled in from
// the actor's records.
func ActorContradictions(a network.Actor) ([]Contradiction, error) {
	v, ok := a.Attributes[ContradictionsKey]
	if !ok {
		return nil, nil
	}
	s, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("fuse: actor %q: %s is a %T, not text", a.ID, ContradictionsKey, v)
	}
	entries, err := decodeList(s, 4)
	if err != nil {
		return nil, fmt.Errorf("fuse: actor %q: %s: %v", a.ID, ContradictionsKey, err)
	}
	recs, err := Records(a)
	if err != nil {
		return nil, err
	}
	names := map[Record]string{}
	for _, r := range recs {
		names[Record{Source: r.Source, ID: r.ID}] = r.Name
	}
	var out []Contradiction
	for _, e := range entries {
		r := Record{Source: e[1], ID: e[2]}
		r.Name = names[r]
		if len(out) == 0 || out[len(out)-1].Field != e[0] {
			out = append(out, Contradiction{Actor: a.ID, Field: e[0], Kept: e[3]})
		}
		c := &out[len(out)-1]
		c.Values = append(c.Values, RecordedValue{Record: r, Value: e[3]})
	}
	return out, nil
}
