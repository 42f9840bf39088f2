package analysis

import (
	"fmt"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/internal/codec"
)

// Selector picks a set of actors: those in any of Sectors (by kind or by
// sector tag, so a hybrid is in every sector it carries), of any of Kinds,
// or named in IDs. The zero Selector selects nothing by itself; in
// ScopeOptions it stands for the default set (see ScopeOptions.A).
type Selector struct {
	// Sectors selects the actors in any of these sectors.
	Sectors []network.Sector
	// Kinds selects the actors of any of these kinds.
	Kinds []network.Kind
	// IDs selects these actors; every ID must name an actor of the
	// network.
	IDs []string
}

// BySector returns the Selector of the actors in any of the sectors.
func BySector(sectors ...network.Sector) Selector { return Selector{Sectors: sectors} }

// ByKind returns the Selector of the actors of any of the kinds.
func ByKind(kinds ...network.Kind) Selector { return Selector{Kinds: kinds} }

// ByID returns the Selector of the named actors.
func ByID(ids ...string) Selector { return Selector{IDs: ids} }

// IsZero reports whether the Selector names no sector, kind or actor.
func (s Selector) IsZero() bool { return len(s.Sectors) == 0 && len(s.Kinds) == 0 && len(s.IDs) == 0 }

// Selects reports whether the Selector selects actor a.
func (s Selector) Selects(a network.Actor) bool {
	for _, sec := range s.Sectors {
		if a.InSector(sec) {
			return true
		}
	}
	return slices.Contains(s.Kinds, a.Kind) || slices.Contains(s.IDs, a.ID)
}

// String returns the Selector in the form ParseSelector reads:
// comma-separated items "sector:NAME", "kind:NAME" and "id:ID", in that
// order; "" for the zero Selector.
func (s Selector) String() string {
	var items []string
	for _, sec := range s.Sectors {
		items = append(items, "sector:"+sec.String())
	}
	for _, k := range s.Kinds {
		items = append(items, "kind:"+k.String())
	}
	for _, id := range s.IDs {
		items = append(items, "id:"+id)
	}
	return strings.Join(items, ",")
}

// ParseSelector reads a Selector from comma-separated items, each
// "sector:NAME", "kind:NAME", "id:ID", or a bare NAME, which is a sector
// name if there is one of that name and otherwise a kind name (so
// "criminal" is the criminal sector and "cartel" the cartel kind). Space
// around items is ignored; an actor ID cannot contain a comma here. An
// empty text gives the zero Selector.
func ParseSelector(text string) (Selector, error) {
	var s Selector
	for _, item := range strings.Split(text, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		prefix, value, found := strings.Cut(item, ":")
		if !found {
			if sec, err := network.ParseSector(item); err == nil {
				s.Sectors = append(s.Sectors, sec)
				continue
			}
			if k, err := network.ParseKind(item); err == nil {
				s.Kinds = append(s.Kinds, k)
				continue
			}
			return Selector{}, fmt.Errorf("selector %q: %q is neither a sector nor a kind; write id:%s for an actor ID", text, item, item)
		}
		value = strings.TrimSpace(value)
		switch strings.ToLower(strings.TrimSpace(prefix)) {
		case "sector":
			sec, err := network.ParseSector(value)
			if err != nil {
				return Selector{}, fmt.Errorf("selector %q: %v", text, err)
			}
			s.Sectors = append(s.Sectors, sec)
		case "kind":
			k, err := network.ParseKind(value)
			if err != nil {
				return Selector{}, fmt.Errorf("selector %q: %v", text, err)
			}
			s.Kinds = append(s.Kinds, k)
		case "id":
			if value == "" {
				return Selector{}, fmt.Errorf("selector %q: empty actor ID", text)
			}
			s.IDs = append(s.IDs, value)
		default:
			return Selector{}, fmt.Errorf("selector %q: unknown prefix %q (want sector:, kind: or id:)", text, prefix)
		}
	}
	return s, nil
}

// MarshalText implements encoding.TextMarshaler with String's form.
func (s Selector) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseSelector.
func (s *Selector) UnmarshalText(b []byte) error {
	return codec.UnmarshalText(s, b, ParseSelector)
}

// validate checks the Selector's sectors, kinds and IDs against n.
func (s Selector) validate(n *network.Network, which string) error {
	for _, sec := range s.Sectors {
		if !sec.Valid() {
			return fmt.Errorf("analysis: set %s: invalid sector %d", which, sec)
		}
	}
	for _, k := range s.Kinds {
		if !k.Valid() {
			return fmt.Errorf("analysis: set %s: invalid kind %d", which, k)
		}
	}
	for _, id := range s.IDs {
		if !n.HasActor(id) {
			return fmt.Errorf("analysis: set %s: no actor %q in the network", which, id)
		}
	}
	return nil
}
