package nexus

import "fmt"

// errorf formats an error of package nexus: "nexus: " and the message.
func errorf(format string, args ...any) error {
	return fmt.Errorf("nexus: "+format, args...)
}
