package network

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/illicitnet/illicit/network/internal/codec"
)

type jsonActor struct {
	ID         *string         `json:"id"`
	Name       string          `json:"name,omitempty"`
	Kind       string          `json:"kind,omitempty"`
	Sectors    []string        `json:"sectors,omitempty"`
	Aliases    []string        `json:"aliases,omitempty"`
	Attributes json.RawMessage `json:"attributes,omitempty"`
}

type jsonLink struct {
	From       *string         `json:"from"`
	To         *string         `json:"to"`
	Element    string          `json:"element,omitempty"`
	Type       string          `json:"type,omitempty"`
	Mutual     bool            `json:"mutual,omitempty"`
	Weight     json.RawMessage `json:"weight,omitempty"`
	Commodity  string          `json:"commodity,omitempty"`
	Mode       string          `json:"mode,omitempty"`
	Channel    string          `json:"channel,omitempty"`
	Start      string          `json:"start,omitempty"`
	End        string          `json:"end,omitempty"`
	Source     string          `json:"source,omitempty"`
	Grade      string          `json:"grade,omitempty"`
	Attributes json.RawMessage `json:"attributes,omitempty"`
}

// ReadJSON reads a network in the native JSON format. file names the input
// in error messages; every error is a *ParseError giving the line and column
// and, for a bad actor or link, which one.
//
// A document of the native format is one object:
//
//	{
//	  "name": "Tri-border area",
//	  "description": "open-source scenario",
//	  "attributes": {"compiled": 2008},
//	  "actors": [
//	    {"id": "farc", "name": "FARC", "kind": "insurgency", "sectors": ["criminal"],
//	     "aliases": ["Fuerzas Armadas Revolucionarias de Colombia"],
//	     "attributes": {"country": "CO", "founded": 1964}}
//	  ],
//	  "links": [
//	    {"from": "farc", "to": "cartel", "element": "materiel", "type": "supplies",
//	     "mutual": false, "weight": 2.5, "commodity": "cocaine", "mode": "sea",
//	     "channel": "", "start": "2005", "end": "2008-06", "source": "State Dept 2008",
//	     "grade": "B2", "attributes": {"volume_t": 1.5}}
//	  ]
//	}
//
// Only "id" (actors) and "from"/"to" (links) are required. A link's ends
// must be actors of the "actors" array, which must therefore come before
// "links" (as Network.WriteJSON writes it). A missing kind is "unknown", a
// missing element "association", a missing weight 1. Unknown keys are
// errors, so that a misspelt key is caught rather than dropped, and so is a
// top-level key given twice. Attribute values are JSON strings, booleans or numbers (null,
// arrays and nested objects are errors); a number written with a fraction or
// exponent ("3.0", "1e3") is a float64, any other an int64 (or a float64 if
// it does not fit in an int64). Network.WriteJSON keeps floats recognisable
// by always giving them a fraction or exponent, and writes links in link
// order, actors in actor order and attribute keys sorted, so reading what it
// wrote and writing it again gives the same bytes.
//
// Limits. The input is read within lim.Bytes() bytes (default 512 MiB; see
// Limits), so that an endless stream fails with a *ParseError wrapping
// ErrTooLarge, at the line and column where the limit was passed, having
// used about that much memory. The records are the actors and the links:
// the first element of "actors" or "links" past lim.Records() (default
// 5,000,000) fails with a *ParseError at its line and column, wrapping
// ErrTooLarge. Both errors say how to raise the limit (Limits.MaxBytes,
// Limits.MaxRecords). JSON declares no sizes, so there is nothing else to
// check before decoding.
func ReadJSON(r io.Reader, file string, lim Limits) (*Network, error) {
	data, err := io.ReadAll(lim.Reader(r, file))
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			return nil, &ParseError{File: file, Err: err}
		}
		// The byte limit: say where it was passed.
		pe.Line, pe.Column = codec.LineCol(data, int64(len(data)))
		return nil, pe
	}
	return decodeJSON(data, file, lim)
}

// UnmarshalJSON implements json.Unmarshaler with the same rules as ReadJSON
// and the default record limit (the bytes are already in memory).
func (n *Network) UnmarshalJSON(data []byte) error {
	m, err := decodeJSON(data, "", Limits{})
	if err != nil {
		return err
	}
	*n = *m
	return nil
}

func decodeJSON(data []byte, file string, lim Limits) (*Network, error) {
	fail := func(off int64, record string, err error) (*Network, error) {
		line, col := codec.LineCol(data, off)
		return nil, &ParseError{File: file, Line: line, Column: col, Record: record, Err: err}
	}
	records := 0
	// count counts the actor or link starting at off as a record.
	count := func(off int64, record string) error {
		if records++; records <= lim.Records() {
			return nil
		}
		line, col := codec.LineCol(data, skipSpace(data, off))
		err := lim.LimitError(file, line, fmt.Sprintf(
			"more than %d records (actors and links); raise the record limit (Limits.MaxRecords) if the input is meant to be this large",
			lim.Records()))
		if pe, ok := err.(*ParseError); ok {
			pe.Column, pe.Record = col, record
		}
		return err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &ParseError{File: file, Err: errors.New("empty input: want a JSON object")}
	}
	if !utf8.Valid(data) {
		off := int64(invalidUTF8Offset(data))
		return fail(off, "", errors.New("invalid UTF-8"))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	syntax := func(err error) (*Network, error) {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return fail(se.Offset, "", err)
		case errors.As(err, &te):
			return fail(te.Offset, "", err)
		case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
			return fail(int64(len(data)), "", errors.New("unexpected end of input (truncated JSON?)"))
		}
		return fail(dec.InputOffset(), "", err)
	}
	expect := func(want json.Delim, what string) error {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if d, ok := tok.(json.Delim); !ok || d != want {
			line, col := codec.LineCol(data, skipSpace(data, off))
			return &ParseError{File: file, Line: line, Column: col, Err: fmt.Errorf("want %s, found %v", what, tok)}
		}
		return nil
	}
	wrap := func(err error) (*Network, error) {
		var pe *ParseError
		if errors.As(err, &pe) {
			return nil, pe
		}
		return syntax(err)
	}
	if err := expect('{', "a JSON object"); err != nil {
		return wrap(err)
	}
	n := New("")
	var name, desc string
	var attrs Attributes
	seen := map[string]bool{}
	for dec.More() {
		off := skipSpace(data, dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			return wrap(err)
		}
		key, _ := tok.(string)
		if seen[key] {
			return fail(off, "", fmt.Errorf("key %q given twice", key))
		}
		seen[key] = true
		switch key {
		case "name", "description":
			var s string
			if err := dec.Decode(&s); err != nil {
				return wrap(err)
			}
			if key == "name" {
				name = s
			} else {
				desc = s
			}
		case "attributes":
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return wrap(err)
			}
			if attrs, err = codec.UnmarshalAttributes(raw); err != nil {
				return fail(off, "network attributes", err)
			}
		case "actors":
			if err := expect('[', `an array of actors after "actors"`); err != nil {
				return wrap(err)
			}
			for i := 0; dec.More(); i++ {
				off := dec.InputOffset()
				if err := count(off, fmt.Sprintf("actors[%d]", i)); err != nil {
					return nil, err
				}
				var ja jsonActor
				if err := strictDecode(dec, &ja); err != nil {
					return failRecord(data, file, dec, off, fmt.Sprintf("actors[%d]", i), err)
				}
				a, err := ja.actor()
				if err == nil {
					err = n.AddActor(a)
				}
				if err != nil {
					return fail(skipSpace(data, off), fmt.Sprintf("actors[%d]", i), err)
				}
			}
			if _, err := dec.Token(); err != nil {
				return wrap(err)
			}
		case "links":
			if err := expect('[', `an array of links after "links"`); err != nil {
				return wrap(err)
			}
			for i := 0; dec.More(); i++ {
				off := dec.InputOffset()
				if err := count(off, fmt.Sprintf("links[%d]", i)); err != nil {
					return nil, err
				}
				var jl jsonLink
				if err := strictDecode(dec, &jl); err != nil {
					return failRecord(data, file, dec, off, fmt.Sprintf("links[%d]", i), err)
				}
				l, err := jl.link()
				if err == nil {
					_, err = n.AddLink(l)
				}
				if err != nil {
					return fail(skipSpace(data, off), fmt.Sprintf("links[%d]", i), err)
				}
			}
			if _, err := dec.Token(); err != nil {
				return wrap(err)
			}
		default:
			return fail(off, "", fmt.Errorf("unknown key %q (want name, description, attributes, actors, links)", key))
		}
	}
	if _, err := dec.Token(); err != nil {
		return wrap(err)
	}
	if off := dec.InputOffset(); len(bytes.TrimSpace(data[off:])) > 0 {
		return fail(skipSpace(data, off), "", errors.New("unexpected data after the network object"))
	}
	if err := n.SetInfo(name, desc, attrs); err != nil {
		return fail(0, "", err)
	}
	return n, nil
}

// strictDecode decodes the next value into v, rejecting unknown keys.
func strictDecode(dec *json.Decoder, v any) error {
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return err
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.DisallowUnknownFields()
	d.UseNumber()
	return d.Decode(v)
}

func failRecord(data []byte, file string, dec *json.Decoder, off int64, record string, err error) (*Network, error) {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		off = se.Offset
		record = ""
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		off = int64(len(data))
		record = ""
		err = errors.New("unexpected end of input (truncated JSON?)")
	default:
		off = skipSpace(data, off)
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			err = fmt.Errorf("key %q: want %s, found JSON %s", te.Field, te.Type, te.Value)
		}
	}
	line, col := codec.LineCol(data, off)
	return nil, &ParseError{File: file, Line: line, Column: col, Record: record, Err: err}
}

func skipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) && strings.ContainsRune(" \t\r\n,:", rune(data[off])) {
		off++
	}
	return off
}

func invalidUTF8Offset(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

func (ja jsonActor) actor() (Actor, error) {
	if ja.ID == nil {
		return Actor{}, errors.New(`missing "id"`)
	}
	a := Actor{ID: *ja.ID, Name: ja.Name, Aliases: ja.Aliases}
	var err error
	if a.Kind, err = ParseKind(ja.Kind); err != nil {
		return Actor{}, fmt.Errorf("actor %q: %v", a.ID, err)
	}
	for _, s := range ja.Sectors {
		sec, err := ParseSector(s)
		if err != nil {
			return Actor{}, fmt.Errorf("actor %q: %v", a.ID, err)
		}
		a.Sectors = append(a.Sectors, sec)
	}
	if len(ja.Attributes) > 0 {
		if a.Attributes, err = codec.UnmarshalAttributes(ja.Attributes); err != nil {
			return Actor{}, fmt.Errorf("actor %q: %v", a.ID, err)
		}
	}
	return a, nil
}

func (jl jsonLink) link() (Link, error) {
	if jl.From == nil || jl.To == nil {
		return Link{}, errors.New(`missing "from" or "to"`)
	}
	l := Link{From: *jl.From, To: *jl.To, Type: jl.Type, Mutual: jl.Mutual, Weight: 1,
		Commodity: jl.Commodity, Mode: jl.Mode, Channel: jl.Channel, Source: jl.Source}
	fail := func(err error) (Link, error) {
		return Link{}, fmt.Errorf("link %q -> %q: %v", l.From, l.To, err)
	}
	var err error
	if l.Element, err = ParseElement(jl.Element); err != nil {
		return fail(err)
	}
	if jl.Weight != nil {
		if l.Weight, err = strconv.ParseFloat(string(jl.Weight), 64); err != nil {
			return fail(fmt.Errorf("bad weight %s: want a number", jl.Weight))
		}
	}
	if l.Start, err = ParseDate(jl.Start); err != nil {
		return fail(fmt.Errorf("start: %v", err))
	}
	if l.End, err = ParseDate(jl.End); err != nil {
		return fail(fmt.Errorf("end: %v", err))
	}
	if l.Grade, err = ParseGrade(jl.Grade); err != nil {
		return fail(err)
	}
	if len(jl.Attributes) > 0 {
		if l.Attributes, err = codec.UnmarshalAttributes(jl.Attributes); err != nil {
			return fail(err)
		}
	}
	return l, nil
}

// MarshalJSON implements json.Marshaler, writing the native JSON format.
func (n *Network) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	if err := n.WriteJSON(&b); err != nil {
		return nil, err
	}
	return bytes.TrimSpace(b.Bytes()), nil
}

// WriteJSON writes the network in the native JSON format, one actor or link
// per line, in network order.
func (n *Network) WriteJSON(w io.Writer) error {
	var b bytes.Buffer
	str := func(s string) []byte { v, _ := json.Marshal(s); return v }
	b.WriteString("{\n")
	fmt.Fprintf(&b, "  \"name\": %s,\n", str(n.Name))
	if n.Description != "" {
		fmt.Fprintf(&b, "  \"description\": %s,\n", str(n.Description))
	}
	if len(n.Attributes) > 0 {
		ab, err := codec.MarshalAttributes(n.Attributes)
		if err != nil {
			return fmt.Errorf("network: %v", err)
		}
		fmt.Fprintf(&b, "  \"attributes\": %s,\n", ab)
	}
	b.WriteString("  \"actors\": [")
	for i, a := range n.actors {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    ")
		ja := jsonActor{ID: &a.ID, Name: a.Name, Aliases: a.Aliases}
		if a.Kind != KindUnknown {
			ja.Kind = a.Kind.String()
		}
		for _, s := range a.Sectors {
			ja.Sectors = append(ja.Sectors, s.String())
		}
		if len(a.Attributes) > 0 {
			ab, err := codec.MarshalAttributes(a.Attributes)
			if err != nil {
				return fmt.Errorf("actor %q: %v", a.ID, err)
			}
			ja.Attributes = ab
		}
		if err := encodeCompact(&b, ja); err != nil {
			return err
		}
	}
	b.WriteString("\n  ],\n  \"links\": [")
	for i, l := range n.links {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    ")
		w := json.RawMessage(strconv.FormatFloat(l.Weight, 'g', -1, 64))
		jl := jsonLink{From: &l.From, To: &l.To, Element: l.Element.String(), Type: l.Type,
			Mutual: l.Mutual, Weight: w, Commodity: l.Commodity, Mode: l.Mode, Channel: l.Channel,
			Start: l.Start.String(), End: l.End.String(), Source: l.Source, Grade: l.Grade.String()}
		if len(l.Attributes) > 0 {
			ab, err := codec.MarshalAttributes(l.Attributes)
			if err != nil {
				return fmt.Errorf("link %d: %v", i, err)
			}
			jl.Attributes = ab
		}
		if err := encodeCompact(&b, jl); err != nil {
			return err
		}
	}
	b.WriteString("\n  ]\n}\n")
	_, err := w.Write(b.Bytes())
	return err
}

func encodeCompact(b *bytes.Buffer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Write(bytes.TrimRight(buf.Bytes(), "\n"))
	return nil
}
