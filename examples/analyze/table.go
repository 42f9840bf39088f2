package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/illicitnet/illicit/network"
)

// table is a result: named columns and rows of cells, printed as CSV (a
// header, then one record per row) or as a JSON array of objects whose
// keys are the column names in column order. A cell is a string, an int,
// a bool, a float64 (10 significant digits; NaN is "NaN" in CSV and null in
// JSON), a []string (";"-joined in CSV, an array in JSON), nil (an empty
// cell, null in JSON) or a cell value.
type table struct {
	cols []string
	rows [][]any
}

// cell is a cell with its own CSV and JSON forms.
type cell interface {
	csv() string
	json() any
}

func newTable(cols ...string) *table { return &table{cols: cols} }

// add appends a row; it must have one cell per column.
func (t *table) add(cells ...any) {
	if len(cells) != len(t.cols) {
		panic(fmt.Sprintf("table: row of %d cells for %d columns", len(cells), len(t.cols)))
	}
	t.rows = append(t.rows, cells)
}

func (t *table) write(w io.Writer, asJSON bool) error {
	if asJSON {
		return t.writeJSON(w)
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(t.cols); err != nil {
		return err
	}
	rec := make([]string, len(t.cols))
	for _, row := range t.rows {
		for i, c := range row {
			rec[i] = csvCell(c)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func (t *table) writeJSON(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString("[")
	for r, row := range t.rows {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n  {")
		for i, c := range row {
			if i > 0 {
				b.WriteString(", ")
			}
			key, _ := json.Marshal(t.cols[i])
			val, err := json.Marshal(jsonCell(c))
			if err != nil {
				return err
			}
			b.Write(key)
			b.WriteString(": ")
			b.Write(val)
		}
		b.WriteString("}")
	}
	if len(t.rows) > 0 {
		b.WriteByte('\n')
	}
	b.WriteString("]\n")
	_, err := w.Write(b.Bytes())
	return err
}

func csvCell(c any) string {
	switch x := c.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return formatValue(x)
	case []string:
		return strings.Join(x, ";")
	case cell:
		return x.csv()
	}
	panic(fmt.Sprintf("table: cell of type %T", c))
}

func jsonCell(c any) any {
	switch x := c.(type) {
	case float64:
		return jsonNumber(x)
	case []string:
		if x == nil {
			return []string{}
		}
		return x
	case cell:
		return x.json()
	}
	return c
}

func formatValue(v float64) string {
	return strconv.FormatFloat(v, 'g', 10, 64)
}

// jsonNumber is a float64 written with formatValue's 10 significant
// digits, or null if not finite.
type jsonNumber float64

// MarshalJSON implements json.Marshaler.
func (v jsonNumber) MarshalJSON() ([]byte, error) {
	f := float64(v)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return []byte(formatValue(f)), nil
}

// names looks up actors' names.
type names struct{ n *network.Network }

// of returns the name of an actor ("" if it has none or is unknown).
func (nm names) of(id string) string {
	a, _ := nm.n.Actor(id)
	return a.Name
}

// list returns the names of actors, in the same order.
func (nm names) list(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = nm.of(id)
	}
	return out
}

// linkRefs cites links by their ends, element and type: in CSV as
// from>to:element:type, ";"-joined; in JSON as objects
// {"id", "from", "to", "element", "type"}.
type linkRefs struct {
	n   *network.Network
	ids []network.LinkID
}

type linkJSON struct {
	ID      int    `json:"id"`
	From    string `json:"from"`
	To      string `json:"to"`
	Element string `json:"element"`
	Type    string `json:"type"`
}

func (r linkRefs) csv() string {
	parts := make([]string, len(r.ids))
	for i, id := range r.ids {
		l, _ := r.n.Link(id)
		parts[i] = fmt.Sprintf("%s>%s:%s:%s", l.From, l.To, l.Element, l.Type)
	}
	return strings.Join(parts, ";")
}

func (r linkRefs) json() any {
	out := make([]linkJSON, len(r.ids))
	for i, id := range r.ids {
		l, _ := r.n.Link(id)
		out[i] = linkJSON{ID: int(id), From: l.From, To: l.To, Element: l.Element.String(), Type: l.Type}
	}
	return out
}

func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func elementNames(elems []network.Element) []string {
	out := make([]string, len(elems))
	for i, e := range elems {
		out[i] = e.String()
	}
	return out
}
