package network

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Actor is a node of an illicit network: a group (cartel, cell, charity), an
// individual (operative, corrupt official, hawaladar) or a place. Its primary
// sector follows from its Kind; Sectors adds further sector tags, which make
// the actor a hybrid (FARC: an insurgency that is also criminal).
type Actor struct {
	// ID is the stable, user-given identifier: non-empty, valid UTF-8,
	// without leading or trailing space, unique within a Network.
	ID string
	// Name is the display name; may be empty.
	Name string
	// Aliases are other names the actor is known by, in source order.
	Aliases []string
	// Kind is what the actor is; KindUnknown for untyped published data.
	Kind Kind
	// Sectors are extra sector tags beyond Kind.Sector(), in the order given.
	// For KindUnknown they give the actor its sector(s).
	Sectors []Sector
	// Attributes are free, typed attributes (country, founded, size, …).
	Attributes Attributes
}

// AllSectors returns the actor's sectors: the kind's sector first (if any),
// then the extra tags, without repeats.
func (a Actor) AllSectors() []Sector {
	var out []Sector
	add := func(s Sector) {
		if s == NoSector {
			return
		}
		for _, t := range out {
			if t == s {
				return
			}
		}
		out = append(out, s)
	}
	add(a.Kind.Sector())
	for _, s := range a.Sectors {
		add(s)
	}
	return out
}

// Sector returns the actor's primary sector: the kind's sector, or for
// KindUnknown the first extra tag, or NoSector.
func (a Actor) Sector() Sector {
	if s := a.AllSectors(); len(s) > 0 {
		return s[0]
	}
	return NoSector
}

// InSector reports whether s is among the actor's sectors.
func (a Actor) InSector(s Sector) bool {
	for _, t := range a.AllSectors() {
		if t == s {
			return true
		}
	}
	return false
}

// Hybrid reports whether the actor belongs to more than one sector.
func (a Actor) Hybrid() bool { return len(a.AllSectors()) > 1 }

// Label returns the name, or the ID if the name is empty.
func (a Actor) Label() string {
	if a.Name != "" {
		return a.Name
	}
	return a.ID
}

// normalized validates the actor and returns a copy that owns its slices and
// attribute map, with attribute values in canonical types.
func (a Actor) normalized() (Actor, error) {
	if err := checkID(a.ID); err != nil {
		return Actor{}, fmt.Errorf("actor id: %v", err)
	}
	fail := func(format string, args ...any) (Actor, error) {
		return Actor{}, fmt.Errorf("actor %q: %s", a.ID, fmt.Sprintf(format, args...))
	}
	if !utf8.ValidString(a.Name) {
		return fail("name is not valid UTF-8")
	}
	if !a.Kind.Valid() {
		return fail("invalid kind %d", a.Kind)
	}
	seen := map[Sector]bool{}
	for _, s := range a.Sectors {
		if !s.Valid() {
			return fail("invalid sector %d", s)
		}
		if seen[s] {
			return fail("sector %s given twice", s)
		}
		seen[s] = true
	}
	for _, al := range a.Aliases {
		if !utf8.ValidString(al) {
			return fail("alias is not valid UTF-8")
		}
	}
	attrs, err := a.Attributes.normalized(reservedActorKeys[:])
	if err != nil {
		return fail("%v", err)
	}
	out := a
	out.Aliases = append([]string(nil), a.Aliases...)
	out.Sectors = append([]Sector(nil), a.Sectors...)
	out.Attributes = attrs
	return out, nil
}

func checkID(id string) error {
	switch {
	case id == "":
		return fmt.Errorf("empty")
	case !utf8.ValidString(id):
		return fmt.Errorf("%q is not valid UTF-8", id)
	case strings.TrimSpace(id) != id:
		return fmt.Errorf("%q has leading or trailing space", id)
	}
	return nil
}
