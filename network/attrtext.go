package network

import (
	"strconv"

	"github.com/illicitnet/illicit/network/internal/codec"
)

// Text returns the attribute under key as text, and false if there is
// none: a string as it is, a bool as "true" or "false", an int64 in
// decimal and a float64 in the shortest form that reads back exactly
// as a float ("0.5", "2.0", "1e+21"). Selections by attribute value (kind maps, projections,
// groups) compare this text.
func (a Attributes) Text(key string) (string, bool) {
	v, ok := a[key]
	if !ok {
		return "", false
	}
	switch x := v.(type) {
	case string:
		return x, true
	case bool:
		return strconv.FormatBool(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case float64:
		return codec.FormatFloat(x), true
	}
	return "", false
}
