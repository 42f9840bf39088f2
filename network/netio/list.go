package netio

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/illicitnet/illicit/network"
)

// joinList writes a list of strings (aliases, sectors) into one text cell:
// joined by ";" when that can be split back unambiguously, otherwise as a
// JSON array. splitList reads both forms.
func joinList(items []string) string {
	if len(items) == 0 {
		return ""
	}
	plain := true
	for _, s := range items {
		if s == "" || strings.Contains(s, ";") || strings.TrimSpace(s) != s {
			plain = false
			break
		}
	}
	if plain && !strings.HasPrefix(items[0], "[") {
		return strings.Join(items, ";")
	}
	b, _ := json.Marshal(items)
	return string(b)
}

// splitList reads a cell written by joinList: a JSON array of strings if the
// cell starts with "[", otherwise ";"-separated items with surrounding space
// trimmed. The empty cell is the empty list.
func splitList(cell string) ([]string, error) {
	if strings.TrimSpace(cell) == "" {
		return nil, nil
	}
	if strings.HasPrefix(strings.TrimSpace(cell), "[") {
		var items []string
		if err := json.Unmarshal([]byte(cell), &items); err != nil {
			return nil, fmt.Errorf("bad list %q: %v", cell, err)
		}
		return items, nil
	}
	parts := strings.Split(cell, ";")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts, nil
}

// csvSectors reads a sectors cell of an actors file or node table: a list
// as read by splitList of sector names as read by network.ParseSector.
func csvSectors(cell string) ([]network.Sector, error) {
	names, err := splitList(cell)
	if err != nil {
		return nil, err
	}
	var out []network.Sector
	for _, s := range names {
		sec, err := network.ParseSector(s)
		if err != nil {
			return nil, err
		}
		out = append(out, sec)
	}
	return out, nil
}
