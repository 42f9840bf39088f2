package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/examples/internal/reproduce"
)

func TestRunFollowsSerero(t *testing.T) {
	var out bytes.Buffer
	require.Equal(t, 0, run(&out, nil), out.String())
	text := out.String()
	for _, want := range []string{
		"1      15      18    0.857      0.907           1 of 15  N1 0.907", // phase 1: Serero the hub
		"9      34      44    0.303      0.249           3 of 34  N3 0.576", // phase 9: N3 overtakes him
		"11     41      50    0.175      0.526           2 of 41  N41 0.554",
		"N1 (Daniel Serero)  betweenness, phase 2        0.942688",
		"all 124 values match",
	} {
		assert.Contains(t, text, want)
	}
	assert.NotContains(t, text, "MISMATCH")
}

func TestRunWithDataFlag(t *testing.T) {
	dir, err := reproduce.DataDir("")
	require.NoError(t, err)
	var out bytes.Buffer
	assert.Equal(t, 0, run(&out, []string{"-data", dir}))
}

func TestRunCatchesWrongFigure(t *testing.T) {
	old := loadReference
	t.Cleanup(func() { loadReference = old })
	loadReference = func(dir string) (map[string]phaseRef, error) {
		ref, err := old(dir)
		if err == nil {
			ref["phase9"].Betweenness["1"] = 0.9 // as if Serero still dominated
		}
		return ref, err
	}
	var out bytes.Buffer
	assert.Equal(t, 1, run(&out, nil))
	// The value and the rank of phase 9 are both wrong now.
	assert.Contains(t, out.String(), "MISMATCH: 2 of 124")
	assert.Regexp(t, `betweenness, phase 9\s+0\.249\d+\s+0\.900000\s+\S+\s+MISMATCH`, out.String())
	assert.Regexp(t, `betweenness rank, phase 9\s+3\s+1\s+\S+\s+MISMATCH`, out.String())
}

func TestRunBadData(t *testing.T) {
	var out bytes.Buffer
	assert.Equal(t, 2, run(&out, []string{"-data", filepath.Join(t.TempDir(), "none")}))
}
