package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/illicitnet/illicit/network/netio"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	krebsEdges  = "../../testdata/krebs-911/edges.csv"
	krebsNodes  = "../../testdata/krebs-911/nodes.csv"
	caviarEdges = "../../testdata/caviar/edges.csv"
	caviarNodes = "../../testdata/caviar/nodes.csv"
)

func TestSummaryKrebs(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"summary", "-in", krebsEdges, "-nodes", krebsNodes}, &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	s := out.String()
	assert.Contains(t, s, "actors       68\n")
	assert.Contains(t, s, "links        191\n")
	assert.Contains(t, s, "  edges        158\n")
	assert.Contains(t, s, "  components   3 [62 4 2]\n")
	// Krebs (2002): Mohamed Atta has the highest degree, 22 of 61 in the main component.
	assert.Regexp(t, `top 5 by degree \(id, name, degree\)\n    14 +Mohamed Atta +22\n    16 +Marwan Al-Shehhi +18\n`, s)
	assert.Contains(t, s, "network      krebs-911\n", "named after the dataset folder")
}

func TestSummaryCaviarDirected(t *testing.T) {
	// CAVIAR's rows are one-way links: reading them so is -one-way (the
	// summary's graph is read as undirected whatever -directed says).
	var out, errOut bytes.Buffer
	code := run([]string{"summary", "-in", caviarEdges, "-nodes", caviarNodes, "-one-way", "-top", "1"}, &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	s := out.String()
	assert.Contains(t, s, "actors       110\n")
	assert.Contains(t, s, "  edges        214\n")
	// -top 1 now also limits the component sizes listed to the largest one
	// (it used to list them all: 5 [105 2 1 1 1]).
	assert.Contains(t, s, "  components   5, largest [105] …\n")
	assert.Contains(t, s, "mutual links   0\n")
	assert.Contains(t, s, "N1 (Daniel Serero)")

	// With the default -top 5 every size of the five components is listed.
	out.Reset()
	code = run([]string{"summary", "-in", caviarEdges, "-nodes", caviarNodes, "-one-way"}, &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	assert.Contains(t, out.String(), "  components   5 [105 2 1 1 1]\n")
}

func TestConvertRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for _, out := range []string{"caviar.json", "caviar.graphml", "caviar-csv"} {
		t.Run(out, func(t *testing.T) {
			path := filepath.Join(dir, out)
			var stdout, stderr bytes.Buffer
			// The rows of CAVIAR's edge list are one-way links: -one-way.
			code := run([]string{"convert", "-in", caviarEdges, "-nodes", caviarNodes, "-one-way", "-out", path}, &stdout, &stderr)
			require.Equal(t, 0, code, stderr.String())
			orig, err := netio.Load(caviarEdges, netio.LoadOptions{Nodes: caviarNodes, Directed: true})
			require.NoError(t, err)
			back, err := netio.Load(path, netio.LoadOptions{})
			require.NoError(t, err)
			assert.Equal(t, orig.Actors(), back.Actors())
			assert.Equal(t, orig.Links(), back.Links())
		})
	}
}

func TestCommandErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"actors": [{"id": "a", "kind": "narco"}]}`), 0o644))
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "Commands:"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		// Usage errors (a missing -in or -out, a format convert cannot
		// write) exit with status 2; they exited with 1 before.
		{[]string{"summary"}, 2, "-in is required"},
		{[]string{"summary", "-in", bad}, 1, `bad.json:1:13: actors[0]: actor "a": unknown kind "narco"`},
		{[]string{"summary", "-in", filepath.Join(dir, "missing.json")}, 1, "no such file"},
		{[]string{"summary", "-in", "x.unknown"}, 1, "cannot tell the format"},
		// An unknown -format is an invalid flag value, a usage error.
		{[]string{"summary", "-in", krebsEdges, "-format", "xls"}, 2, `unknown format "xls"`},
		{[]string{"summary", "-bogus"}, 2, "flag provided but not defined"},
		{[]string{"summary", "-in", krebsEdges, "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"convert", "-in", krebsEdges}, 2, "-out is required"},
		// The message names what convert writes (it said "cannot write dl").
		{[]string{"convert", "-in", krebsEdges, "-out", filepath.Join(dir, "x.dl")}, 2,
			"convert writes json (.json), csv (a directory), graphml (.graphml), gexf (.gexf), dot (.dot, .gv) or cyjs (.cyjs)"},
		// GEXF is written now (TestConvertExports); a spreadsheet is not.
		{[]string{"convert", "-in", krebsEdges, "-out", filepath.Join(dir, "x.xlsx")}, 2,
			"convert writes json (.json), csv (a directory), graphml (.graphml), gexf"},
		{[]string{"summary", "-h"}, 0, "-nodes file"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, &out, &errOut)
			assert.Equal(t, tt.code, code)
			assert.Contains(t, errOut.String(), tt.want)
		})
	}
}
