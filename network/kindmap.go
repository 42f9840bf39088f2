package network

import (
	"fmt"
	"slices"
	"strings"
)

func kindNameList() string {
	var names []string
	for _, k := range Kinds() {
		names = append(names, k.String())
	}
	return strings.Join(names, ", ")
}

// KindRule types every actor whose attribute Key has the text value Value
// (Attributes.Text): it gives the actor the kind Kind or, when Sector is
// set instead, tags it with that sector (Actor.Sectors), for data that
// says what side an actor is on but not what kind of actor it is (a
// "facilitator" of a terrorist cell).
type KindRule struct {
	Key, Value string
	Kind       Kind
	Sector     Sector
}

// String returns the rule as ParseKindMap reads it: key:value=kind (or
// =sector).
func (r KindRule) String() string { return r.Key + ":" + r.Value + "=" + r.target() }

func (r KindRule) target() string {
	if r.Sector != NoSector {
		return r.Sector.String()
	}
	return r.Kind.String()
}

// ParseKindMap reads kind rules written as comma-separated
// attribute:value=kind pairs, such as
//
//	hijacker:true=operative,hijacker:false=facilitator
//
// Space around each part is trimmed; newlines count as commas, and a line
// starting with '#' is a comment, so a file holding one rule per line
// reads the same. The kind is read by ParseKind. The attribute name is
// everything before the first ':' and the kind everything after the last
// '='; the value lies between and may be empty. The target is a kind
// name (ParseKind) or, if it names no kind, a sector name (ParseSector:
// facilitator, licit, …), which tags the actor with that sector.
func ParseKindMap(text string) ([]KindRule, error) {
	var rules []KindRule
	for lineNo, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for _, item := range strings.Split(line, ",") {
			item = strings.TrimSpace(item)
			if item == "" {
				continue
			}
			colon, eq := strings.Index(item, ":"), strings.LastIndex(item, "=")
			if colon <= 0 || eq < colon {
				return nil, fmt.Errorf("kind map line %d: %q: want attribute:value=kind, e.g. hijacker:true=operative", lineNo+1, item)
			}
			r := KindRule{Key: strings.TrimSpace(item[:colon]), Value: strings.TrimSpace(item[colon+1 : eq])}
			target := strings.TrimSpace(item[eq+1:])
			k, err := ParseKind(target)
			if err != nil {
				sec, serr := ParseSector(target)
				if serr != nil {
					return nil, fmt.Errorf("kind map line %d: %q: %q is neither a kind (%s) nor a sector (%s)",
						lineNo+1, item, target, kindNameList(), strings.Join(sectorNames[1:], ", "))
				}
				r.Sector = sec
			}
			r.Kind = k
			rules = append(rules, r)
		}
	}
	if len(rules) == 0 {
		return nil, fmt.Errorf("kind map is empty: want attribute:value=kind pairs, e.g. hijacker:true=operative")
	}
	return rules, nil
}

// MapKinds types every actor that a rule matches — a kind rule replaces
// the kind it had, a sector rule adds the sector tag unless the actor is
// already in that sector — and returns how many actors each rule matched
// (in rule order). An actor matched by two rules with different targets
// is an error naming both, and so is a rule that matches no actor, since
// that is nearly always a misspelt attribute or value (the error lists
// the values the attribute takes).
func MapKinds(n *Network, rules []KindRule) ([]int, error) {
	counts := make([]int, len(rules))
	for i, a := range n.actors {
		first := -1
		for j, r := range rules {
			v, ok := a.Attributes.Text(r.Key)
			if !ok || v != r.Value {
				continue
			}
			if first >= 0 && (rules[first].Kind != r.Kind || rules[first].Sector != r.Sector) {
				return nil, fmt.Errorf("kind map: actor %q matches both %s and %s", a.ID, rules[first], r)
			}
			if first < 0 {
				first = j
			}
			counts[j]++
		}
		if first < 0 {
			continue
		}
		if r := rules[first]; r.Sector == NoSector {
			n.actors[i].Kind = r.Kind
		} else if !a.InSector(r.Sector) {
			n.actors[i].Sectors = append(slices.Clone(a.Sectors), r.Sector)
		}
	}
	for j, c := range counts {
		if c == 0 {
			r := rules[j]
			return nil, fmt.Errorf("kind map: rule %s matches no actor%s", r, attributeHint(n, r.Key))
		}
	}
	return counts, nil
}
