package network

import (
	"fmt"
	"strings"
)

// ParseError reports a problem in a network file: which file, where in it,
// which record, and what was wrong. Every reader in this module returns
// its errors as *ParseError.
type ParseError struct {
	File   string // file name as given to the reader; may be empty
	Line   int    // 1-based line, or 0 if unknown
	Column int    // 1-based column, or 0 if unknown
	Record string // the record at fault, e.g. `actor "farc"` or `link 12`; may be empty
	Err    error  // what was wrong
}

// Error formats the error as "file:line:column: record: message", leaving
// out the parts that are unknown.
func (e *ParseError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
	}
	if e.Line > 0 {
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		fmt.Fprintf(&b, "%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	if e.Record != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(e.Record)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }
