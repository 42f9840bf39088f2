package supplychain

import (
	"fmt"

	"github.com/illicitnet/illicit/network"
)

// errorf formats an error of this package: "supplychain: " and the message.
func errorf(format string, args ...any) error {
	return fmt.Errorf("supplychain: "+format, args...)
}

// number returns the numeric value of an attribute, and false if it is
// absent or not a number.
func number(a network.Attributes, key string) (float64, bool) {
	switch v := a[key].(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}
