package fuse

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/illicitnet/illicit/network"
)

// OverrideKind says whether an override joins or separates two records.
type OverrideKind uint8

const (
	// MustLink puts the two records in one fused actor, whatever their
	// weight.
	MustLink OverrideKind = iota + 1
	// CannotLink keeps the two records in different fused actors, also
	// against a chain of merges through other records.
	CannotLink
)

// String returns "must" or "cannot".
func (k OverrideKind) String() string {
	switch k {
	case MustLink:
		return "must"
	case CannotLink:
		return "cannot"
	}
	return fmt.Sprintf("OverrideKind(%d)", uint8(k))
}

// Ref names an actor of a source.
type Ref struct {
	Source, ID string
}

// String returns source:id.
func (r Ref) String() string { return r.Source + ":" + r.ID }

// Override is an analyst's decision on a pair of records, obeyed
// absolutely: a must-link joins them, a cannot-link keeps them apart.
// Origin says where it came from ("overrides.csv:3"), for messages.
type Override struct {
	Kind   OverrideKind
	A, B   Ref
	Origin string
}

// MaxOverrideBytes bounds the size of an overrides file (16 MiB).
const MaxOverrideBytes = 16 << 20

// ReadOverrides reads an overrides file: CSV records
//
//	kind,source1,id1,source2,id2
//
// where kind is must or cannot (case and surrounding space ignored; also
// must-link, cannot-link). An optional first line is the header
// kind,source1,id1,source2,id2; empty lines and lines whose first field
// starts with '#' are skipped. Fields are trimmed of surrounding space.
// Errors are *network.ParseError with the file and line. An override of
// a record with itself is an error; whether each record exists is
// checked by Fuse.
func ReadOverrides(r io.Reader, file string) ([]Override, error) {
	lim := network.Limits{MaxBytes: MaxOverrideBytes}
	cr := csv.NewReader(lim.Reader(r, file))
	cr.FieldsPerRecord = -1
	cr.Comment = '#'
	cr.ReuseRecord = true
	var out []Override
	first := true
	for {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			var pe *network.ParseError
			if errors.As(err, &pe) {
				return nil, err
			}
			var ce *csv.ParseError
			if errors.As(err, &ce) {
				return nil, &network.ParseError{File: file, Line: ce.Line, Column: ce.Column, Err: ce.Err}
			}
			return nil, &network.ParseError{File: file, Err: err}
		}
		line, _ := cr.FieldPos(0)
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if first {
			first = false
			if len(fields) == 5 && strings.EqualFold(fields[0], "kind") && strings.EqualFold(fields[1], "source1") {
				continue
			}
		}
		fail := func(format string, args ...any) error {
			return &network.ParseError{File: file, Line: line, Record: "override", Err: fmt.Errorf(format, args...)}
		}
		if len(fields) == 1 && fields[0] == "" {
			continue
		}
		if len(fields) != 5 {
			return nil, fail("want 5 fields kind,source1,id1,source2,id2, got %d", len(fields))
		}
		o := Override{A: Ref{fields[1], fields[2]}, B: Ref{fields[3], fields[4]}, Origin: fmt.Sprintf("%s:%d", file, line)}
		switch strings.ToLower(fields[0]) {
		case "must", "must-link", "must_link":
			o.Kind = MustLink
		case "cannot", "cannot-link", "cannot_link":
			o.Kind = CannotLink
		default:
			return nil, fail("kind %q: want must or cannot", fields[0])
		}
		for _, f := range fields[1:] {
			if f == "" {
				return nil, fail("empty source or id")
			}
		}
		if o.A == o.B {
			return nil, fail("%s is paired with itself", o.A)
		}
		out = append(out, o)
	}
}
