package reproduce

import (
	"bytes"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPublishedRounding(t *testing.T) {
	tests := []struct {
		text  string
		ours  float64
		match bool
	}{
		{"0.361", 0.360656, true},
		{"0.361", 0.3615001, false},
		{"0.361", 0.3604999, false},
		// A value exactly on the rounding boundary: 2.475 printed 2.47
		// (NetworkX's structural-hole tests, A's weighted effective size).
		{"2.47", 2.475, true},
		{"2.47", 2.4751, false},
		{"40", 40, true},
		{"40", 40.6, false},
		{"0.5", math.NaN(), false},
	}
	for _, tt := range tests {
		c := Comparison{Published("A", "m", tt.text, "src"), tt.ours}
		assert.Equal(t, tt.match, c.OK(), "%s vs %v", tt.text, tt.ours)
	}
	assert.True(t, Comparison{Reference("A", "m", 0.1, "nx"), 0.1 + 1e-10}.OK())
	assert.False(t, Comparison{Reference("A", "m", 0.1, "nx"), 0.1 + 1e-8}.OK())
}

func TestTableWrite(t *testing.T) {
	var tb Table
	tb.Add(Published("Atta", "degree", "0.361", "Krebs 2002"), 0.360656)
	var buf bytes.Buffer
	assert.Equal(t, 0, tb.Write(&buf))
	assert.Contains(t, buf.String(), "all 1 values match")
	tb.Add(Published("Atta", "betweenness", "0.588", "Krebs 2002"), 0.5)
	buf.Reset()
	assert.Equal(t, 1, tb.Write(&buf))
	assert.Contains(t, buf.String(), "MISMATCH: 1 of 2")
}
