package supplychain

import "fmt"

// errorf formats an error of this package: "supplychain: " and the message.
func errorf(format string, args ...any) error {
	return fmt.Errorf("supplychain: "+format, args...)
}
