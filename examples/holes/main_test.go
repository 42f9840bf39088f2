package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/examples/internal/reproduce"
)

func TestRunReproducesBorgatti(t *testing.T) {
	var out bytes.Buffer
	require.Equal(t, 0, run(&out, nil), out.String())
	text := out.String()
	for _, want := range []string{
		"G      effective size (Borgatti's graph)            4.666667  4.67",
		"A      effective size (Borgatti's graph)            2.500000  2.50",
		"C      effective size (Borgatti's graph)            1         1",
		"G      constraint (Borgatti's graph)                0.400270  0.400",
		"A      constraint (Borgatti's graph)                0.595486  0.595",
		"C      constraint (Borgatti's graph)                1         1",
		"G      effective size (Borgatti's n - 2t/n)         4.666667  4.666667",
		"all 60 values match",
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
	old := testFigures
	t.Cleanup(func() { testFigures = old })
	testFigures = append([]testFigure(nil), old...)
	testFigures[3] = testFigure{"borgatti", "G", "constraint", "0.410", 3} // G's constraint is 0.400
	var out bytes.Buffer
	assert.Equal(t, 1, run(&out, nil))
	assert.Contains(t, out.String(), "MISMATCH: 1 of 60")
	assert.Regexp(t, `G\s+constraint \(Borgatti's graph\)\s+0\.400270\s+0\.410\s+\S+\s+MISMATCH`, out.String())
}

func TestRunBadData(t *testing.T) {
	var out bytes.Buffer
	assert.Equal(t, 2, run(&out, []string{"-data", filepath.Join(t.TempDir(), "none")}))
}
