package network

import (
	"fmt"
	"math"
	"sort"
	"unicode/utf8"
)

// Attributes are the free, typed attributes of an actor, a link or a network
// (country, founded, size, volume, currency, …). Values are string, bool,
// int64 or float64; Network normalises other Go integer and float types to
// int64 and float64 when an actor or link is added. Floats must be finite.
// Keys are non-empty and must not repeat a field name of the record
// (see ReservedActorKeys and ReservedLinkKeys), so every file format can
// hold fields and attributes side by side without loss.
type Attributes map[string]any

// ReservedActorKeys are the actor field names, which attribute keys may not use.
var ReservedActorKeys = []string{"id", "name", "kind", "sectors", "aliases", "attributes"}

// ReservedLinkKeys are the link field names, which attribute keys may not use.
var ReservedLinkKeys = []string{"from", "to", "element", "type", "mutual", "weight",
	"commodity", "mode", "channel", "start", "end", "source", "grade", "attributes"}

// ReservedNetworkKeys are the network field names, which network attribute
// keys may not use.
var ReservedNetworkKeys = []string{"name", "description", "actors", "links", "attributes"}

// Keys returns the attribute keys in sorted order.
func (a Attributes) Keys() []string {
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// normalized returns a copy of a with every value converted to its canonical
// type, or an error naming the first bad key (in key order).
func (a Attributes) normalized(reserved []string) (Attributes, error) {
	if len(a) == 0 {
		return nil, nil
	}
	out := make(Attributes, len(a))
	for _, k := range a.Keys() {
		if k == "" {
			return nil, fmt.Errorf("attribute with empty key")
		}
		if !utf8.ValidString(k) {
			return nil, fmt.Errorf("attribute key %q is not valid UTF-8", k)
		}
		for _, r := range reserved {
			if k == r {
				return nil, fmt.Errorf("attribute key %q is a field name", k)
			}
		}
		v, err := NormalizeValue(a[k])
		if err != nil {
			return nil, fmt.Errorf("attribute %q: %v", k, err)
		}
		out[k] = v
	}
	return out, nil
}

// NormalizeValue converts an attribute value to its canonical type: string,
// bool, int64 or float64. It fails for other types, for integers that do not
// fit in int64, for NaN and infinite floats and for invalid UTF-8.
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
