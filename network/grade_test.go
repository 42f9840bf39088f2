package network

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseGrade(t *testing.T) {
	tests := []struct {
		in         string
		system     GradeSystem
		canonical  string
		confidence float64
	}{
		{"", Ungraded, "", UngradedConfidence},
		{"A1", Admiralty, "A1", 1},
		{"b2", Admiralty, "B2", 0.64},
		{" E5 ", Admiralty, "E5", 0.04},
		{"F6", Admiralty, "F6", 0.25},
		{"D4", Admiralty, "D4", 0.16},
		{"B2/3", UK5x5x5, "B2/3", 0.64},
		{"d5/1", UK5x5x5, "D5/1", 0.04},
		{"E4/5", UK5x5x5, "E4/5", 0.25},
		{"1AP", UK3x5x2, "1AP", 1},
		{"2cc", UK3x5x2, "2CC", 0.3},
		{"3E", UK3x5x2, "3E", 0.04},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			g, err := ParseGrade(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.system, g.System)
			assert.Equal(t, tt.canonical, g.String())
			assert.InDelta(t, tt.confidence, g.Confidence(), 1e-12)
			assert.True(t, g.Valid())
			back, err := ParseGrade(g.String())
			require.NoError(t, err)
			assert.Equal(t, g, back)
		})
	}
}

func TestParseGradeErrors(t *testing.T) {
	for _, in := range []string{"G1", "A7", "A0", "Z", "B2/6", "F2/3", "4A", "1F", "1AX", "B23", "AB", "B2/", "A1A1"} {
		t.Run(in, func(t *testing.T) {
			_, err := ParseGrade(in)
			require.Error(t, err)
			assert.Contains(t, err.Error(), in)
		})
	}
}
