package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/examples/internal/reproduce"
)

func TestRunReproducesKrebs(t *testing.T) {
	var out bytes.Buffer
	require.Equal(t, 0, run(&out, nil), out.String())
	text := out.String()
	for _, want := range []string{
		"62 actors, 153 ties",
		"0.361", "0.588", "0.587", // Atta: degree, betweenness, closeness
		"0.35 ", "0.032 ", // Penzar & Srbljinović's means
		"all 27 values match",
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
	assert.Contains(t, out.String(), "all 27 values match")
}

func TestRunCatchesWrongFigure(t *testing.T) {
	old := krebsFigures
	t.Cleanup(func() { krebsFigures = old })
	krebsFigures = append([]reproduce.Figure(nil), old...)
	krebsFigures[1] = reproduce.Published("Mohamed Atta", "betweenness", "0.487", krebs) // the 68-actor value
	var out bytes.Buffer
	assert.Equal(t, 1, run(&out, nil))
	assert.Contains(t, out.String(), "MISMATCH: 1 of 27")
	assert.Regexp(t, `Mohamed Atta\s+betweenness\s+0\.587965\s+0\.487\s+\S+\s+MISMATCH`, out.String())
}

func TestRunBadData(t *testing.T) {
	var out bytes.Buffer
	assert.Equal(t, 2, run(&out, []string{"-data", filepath.Join(t.TempDir(), "none")}))
	assert.Equal(t, 2, run(&out, []string{"-bogus"}))
}

func TestDataDirFindsRepository(t *testing.T) {
	dir, err := reproduce.DataDir("")
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(dir, "krebs-911", "edges.csv"))
	assert.NoError(t, err)
}
