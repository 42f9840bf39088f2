package network

import (
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
)

// A network holds one Link per row of an edge list, so their size bounds
// the memory of reading one (netio's peak-memory test): keep them compact.
func TestCompactSizes(t *testing.T) {
	assert.Equal(t, uintptr(4), unsafe.Sizeof(Date{}))
	assert.Equal(t, uintptr(4), unsafe.Sizeof(Grade{}))
	assert.LessOrEqual(t, unsafe.Sizeof(Link{}), uintptr(152))
}
