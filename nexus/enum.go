package nexus

import (
	"fmt"
	"strings"
)

// The enumerations of the package (ContinuumStage, DisruptStrategy) name
// their values with one table of snake_case names, shared by String,
// Parse…, MarshalText and UnmarshalText.

func enumString[T ~int | ~uint8](names []string, typ string, v T) string {
	if v >= 0 && int(v) < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, int(v))
}

func parseEnum[T ~int | ~uint8](names []string, what, name string) (T, error) {
	for i, s := range names {
		if strings.EqualFold(strings.TrimSpace(name), s) {
			return T(i), nil
		}
	}
	return 0, fmt.Errorf("unknown %s %q (want %s)", what, name, strings.Join(names, ", "))
}

func marshalEnum[T ~int | ~uint8](names []string, what string, v T) ([]byte, error) {
	if v < 0 || int(v) >= len(names) {
		return nil, fmt.Errorf("invalid %s %d", what, int(v))
	}
	return []byte(names[v]), nil
}

func unmarshalEnum[T ~int | ~uint8](names []string, what string, v *T, b []byte) error {
	x, err := parseEnum[T](names, what, string(b))
	if err != nil {
		return err
	}
	*v = x
	return nil
}
