package network

import (
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/illicitnet/illicit/network/internal/codec"
)

// Attributes are the free, typed attributes of an actor, a link or a network
// (country, founded, size, volume, currency, …). Values are string, bool,
// int64 or float64; Network normalises other Go integer and float types to
// int64 and float64 when an actor or link is added. Floats must be finite.
// Keys are non-empty and must not repeat a field name of the record
// (see ReservedActorKeys, ReservedLinkKeys and ReservedNetworkKeys), so every
// file format can hold fields and attributes side by side without loss.
type Attributes map[string]any

// The field names that attribute keys may not use. They are unexported so
// that no caller can change them; the Reserved*Keys functions return copies.
var (
	reservedActorKeys = [...]string{"id", "name", "kind", "sectors", "aliases", "attributes"}
	reservedLinkKeys  = [...]string{"from", "to", "element", "type", "mutual", "weight",
		"commodity", "mode", "channel", "start", "end", "source", "grade", "attributes"}
	reservedNetworkKeys = [...]string{"name", "description", "actors", "links", "attributes"}
)

// ReservedActorKeys returns the actor field names, which actor attribute keys
// may not use: id, name, kind, sectors, aliases and attributes. The slice is
// a fresh copy on every call; changing it changes nothing else.
func ReservedActorKeys() []string { return append([]string(nil), reservedActorKeys[:]...) }

// ReservedLinkKeys returns the link field names, which link attribute keys
// may not use: from, to, element, type, mutual, weight, commodity, mode,
// channel, start, end, source, grade and attributes. The slice is a fresh
// copy on every call; changing it changes nothing else.
func ReservedLinkKeys() []string { return append([]string(nil), reservedLinkKeys[:]...) }

// ReservedNetworkKeys returns the network field names, which network
// attribute keys may not use: name, description, actors, links and
// attributes. The slice is a fresh copy on every call; changing it changes
// nothing else.
func ReservedNetworkKeys() []string { return append([]string(nil), reservedNetworkKeys[:]...) }

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
// fit in int64, for NaN and infinite floats and for invalid UTF-8. Network
// applies it to every attribute value it is given.
func NormalizeValue(v any) (any, error) {
	return codec.NormalizeValue(v)
}
