// Package codec holds the serialisation helpers shared by package network's
// native JSON format and the file formats of package network/netio: typed
// attribute values written as JSON objects, numbers read from and written to
// text, and byte offsets turned into line and column for error messages.
//
// It works on plain map[string]any (the underlying type of
// network.Attributes) and []byte, and does not import package network, so
// that both network and netio can use it without an import cycle. Being
// internal, it is not part of the module's public API.
package codec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// NormalizeValue converts an attribute value to its canonical type: string,
// bool, int64 or float64. It fails for other types, for integers that do not
// fit in int64, for NaN and infinite floats and for invalid UTF-8.
// network.NormalizeValue is this function.
func NormalizeValue(v any) (any, error) {
	switch x := v.(type) {
	case string:
		if !utf8.ValidString(x) {
			return nil, fmt.Errorf("string value is not valid UTF-8")
		}
		return x, nil
	case bool:
		return x, nil
	case int:
		return int64(x), nil
	case int8:
		return int64(x), nil
	case int16:
		return int64(x), nil
	case int32:
		return int64(x), nil
	case int64:
		return x, nil
	case uint:
		return uintValue(uint64(x))
	case uint8:
		return int64(x), nil
	case uint16:
		return int64(x), nil
	case uint32:
		return int64(x), nil
	case uint64:
		return uintValue(x)
	case float32:
		return finite(float64(x))
	case float64:
		return finite(x)
	}
	return nil, fmt.Errorf("unsupported value type %T (want string, bool, integer or float)", v)
}

func uintValue(x uint64) (any, error) {
	if x > math.MaxInt64 {
		return nil, fmt.Errorf("integer %d does not fit in int64", x)
	}
	return int64(x), nil
}

func finite(f float64) (any, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, fmt.Errorf("value %v is not a finite number", f)
	}
	return f, nil
}

// sortedKeys returns the keys of a in sorted order.
func sortedKeys(a map[string]any) []string {
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// UnmarshalAttributes decodes a JSON object of attributes. Strings and
// booleans keep their type; a number with a fraction or exponent becomes a
// float64, any other number an int64. null, arrays and nested objects are
// errors. A JSON null as the whole input gives a nil map and no error.
func UnmarshalAttributes(data []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw map[string]any
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("attributes: %v", err)
	}
	if raw == nil {
		return nil, nil
	}
	out := make(map[string]any, len(raw))
	for _, k := range sortedKeys(raw) {
		switch v := raw[k].(type) {
		case string, bool:
			out[k] = v
		case json.Number:
			x, err := ParseNumber(string(v))
			if err != nil {
				return nil, fmt.Errorf("attribute %q: %v", k, err)
			}
			out[k] = x
		default:
			return nil, fmt.Errorf("attribute %q: value must be a string, number or boolean, not %s", k, jsonKind(v))
		}
	}
	return out, nil
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// ParseNumber parses a number as written in JSON or text files: an int64 if
// it has no fraction, exponent or special form and fits, a float64 otherwise.
// NaN and infinities are errors.
func ParseNumber(s string) (any, error) {
	if !strings.ContainsAny(s, ".eEnNiI") {
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			return i, nil
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, fmt.Errorf("bad number %q", s)
	}
	return f, nil
}

// FormatFloat writes a float64 attribute value so that ParseNumber reads it
// back as a float64 with the same value: the shortest exact form, with ".0"
// added when it would otherwise look like an integer.
func FormatFloat(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}

// MarshalAttributes encodes attributes as a JSON object with sorted keys,
// writing floats so that UnmarshalAttributes reads them back as floats.
// Values of other types are converted by NormalizeValue first; a value it
// rejects is an error naming the key.
func MarshalAttributes(a map[string]any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range sortedKeys(a) {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		switch v := a[k].(type) {
		case float64:
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("attribute %q: value %v is not a finite number", k, v)
			}
			b.WriteString(FormatFloat(v))
		case string, bool, int64:
			vb, _ := json.Marshal(v)
			b.Write(vb)
		default:
			nv, err := NormalizeValue(v)
			if err != nil {
				return nil, fmt.Errorf("attribute %q: %v", k, err)
			}
			if f, ok := nv.(float64); ok {
				b.WriteString(FormatFloat(f))
			} else {
				vb, _ := json.Marshal(nv)
				b.Write(vb)
			}
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// LineCol converts a byte offset in data to a 1-based line and column
// (columns count bytes). An offset outside data is clamped to it.
func LineCol(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	if offset < 0 {
		offset = 0
	}
	line, col = 1, 1
	for _, c := range data[:offset] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// MarshalText returns text as the bytes of an encoding.TextMarshaler, or,
// if valid is false, the error of format and args.
func MarshalText(text string, valid bool, format string, args ...any) ([]byte, error) {
	if !valid {
		return nil, fmt.Errorf(format, args...)
	}
	return []byte(text), nil
}

// UnmarshalText sets *v to parse(string(b)), for an
// encoding.TextUnmarshaler; *v is unchanged on error.
func UnmarshalText[T any](v *T, b []byte, parse func(string) (T, error)) error {
	x, err := parse(string(b))
	if err != nil {
		return err
	}
	*v = x
	return nil
}
