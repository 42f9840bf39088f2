package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/examples/internal/reproduce"
)

func TestRunReproducesMedici(t *testing.T) {
	var out bytes.Buffer
	require.Equal(t, 0, run(&out, nil), out.String())
	text := out.String()
	for _, want := range []string{
		"16 families, 20 ties; without a marriage tie: [Pucci]",
		"ties in one graph only           0          0", // the shipped layer is NetworkX's graph
		"0.521978   0.522",                          // the Medici's published betweenness
		"betweenness [16 families]        0.452381", // with the Pucci isolate kept
		"47.500000",
		"all 28 values match",
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
	old := mediciBetweenness
	t.Cleanup(func() { mediciBetweenness = old })
	mediciBetweenness = reproduce.Published("Medici", "betweenness", "0.452", textbooks) // the 16-family value
	var out bytes.Buffer
	assert.Equal(t, 1, run(&out, nil))
	assert.Contains(t, out.String(), "MISMATCH: 1 of 28")
	assert.Regexp(t, `Medici\s+betweenness\s+0\.521978\s+0\.452\s+\S+\s+MISMATCH`, out.String())
}

func TestRunBadData(t *testing.T) {
	var out bytes.Buffer
	assert.Equal(t, 2, run(&out, []string{"-data", filepath.Join(t.TempDir(), "none")}))
}
