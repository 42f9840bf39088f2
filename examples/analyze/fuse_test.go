package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/fuse"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const fusionBench = "../../testdata/fusion/bench1"

func benchInputs() []string {
	return []string{"fbi=" + fusionBench + "/fbi.json", "europol=" + fusionBench + "/europol.json", "interpol=" + fusionBench + "/interpol.json"}
}

func readFused(t *testing.T, path string) *network.Network {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	n, err := network.ReadJSON(f, path, network.Limits{})
	require.NoError(t, err)
	return n
}

// The benchmark fuses from the command line: every record and link is
// in the fused network, the report lists every decision, and the
// summary is on standard error.
func TestFuseCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "fused.json")
	for _, ext := range []string{".csv", ".json", ".md"} {
		report := filepath.Join(dir, "merges"+ext)
		var so, se bytes.Buffer
		args := append([]string{"fuse", "-out", out, "-report", report}, benchInputs()...)
		require.Equal(t, 0, run(args, &so, &se), se.String())
		assert.Contains(t, se.String(), "3 sources, 956 actors in, 363 actors out")
		b, err := os.ReadFile(report)
		require.NoError(t, err)
		switch ext {
		case ".csv":
			rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			require.NoError(t, err)
			assert.Equal(t, fuse.ReportColumns, rows[0])
			assert.Len(t, rows, 15001)
		case ".json":
			assert.True(t, strings.HasPrefix(string(b), "[\n{\"a\":"))
		case ".md":
			assert.Contains(t, string(b), "15000 pairs compared")
		}
	}
	n := readFused(t, out)
	assert.Equal(t, 363, n.NumActors())
	records := 0
	for _, a := range n.Actors() {
		rs, err := fuse.Records(a)
		require.NoError(t, err)
		records += len(rs)
	}
	assert.Equal(t, 956, records, "every input actor is a source record")
	links := 0
	for _, name := range []string{"fbi", "europol", "interpol"} {
		links += readFused(t, filepath.Join(fusionBench, name+".json")).NumLinks()
	}
	assert.Equal(t, links, n.NumLinks(), "every input link is kept")
	// Deterministic: a second run writes the same bytes.
	out2 := filepath.Join(dir, "fused2.json")
	runOK(t, append([]string{"fuse", "-out", out2}, benchInputs()...)...)
	b1, _ := os.ReadFile(out)
	b2, _ := os.ReadFile(out2)
	assert.Equal(t, string(b1), string(b2))
}

// Edge lists with node tables (NAME=EDGES:NODES), input flags applying
// to every input, -in as one more input, overrides and the report on
// standard output.
func TestFuseEdgeListsAndOverrides(t *testing.T) {
	dir := t.TempDir()
	ovr := filepath.Join(dir, "o.csv")
	require.NoError(t, os.WriteFile(ovr, []byte("kind,source1,id1,source2,id2\ncannot,krebs,1,copy,1\nmust,krebs,2,copy,3\n"), 0o644))
	out := filepath.Join(dir, "f.json")
	var so, se bytes.Buffer
	code := run([]string{"fuse", "-out", out, "-report", "-", "-overrides", ovr,
		"-kind-map", "hijacker:true=operative,hijacker:false=facilitator",
		"-in", "krebs=" + krebsEdges + ":" + krebsNodes, "copy=" + krebsEdges + ":" + krebsNodes}, &so, &se)
	require.Equal(t, 0, code, se.String())
	n := readFused(t, out)
	// Each actor merges with its copy but: 1 and its copy are
	// cannot-linked (two actors); 2 is must-linked to the copy's 3, so
	// neither 3 nor the copy's 2 may join that cluster (one record per
	// source): 65 pairs + 2 + 1 + 1 + 1.
	assert.Equal(t, 70, n.NumActors())
	a, ok := n.Actor("1")
	require.True(t, ok)
	assert.Equal(t, network.Operative, a.Kind, "-kind-map applies to every input")
	assert.Equal(t, 2*191, n.NumLinks())
	rows, err := csv.NewReader(&so).ReadAll()
	require.NoError(t, err)
	var outcomes []string
	for _, r := range rows[1:] {
		if r[0] == "krebs" && r[3] == "copy" && (r[1] == "1" && r[4] == "1" || r[1] == "2" && r[4] == "3") {
			outcomes = append(outcomes, r[7])
		}
	}
	assert.Equal(t, []string{"cannot-link", "must-link"}, outcomes)
}

func TestFuseErrorsCLI(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "f.json")
	bad := filepath.Join(dir, "bad.csv")
	require.NoError(t, os.WriteFile(bad, []byte("must,fbi,F01000,europol,nobody\n"), 0o644))
	badKind := filepath.Join(dir, "badkind.csv")
	require.NoError(t, os.WriteFile(badKind, []byte("kind,source1,id1,source2,id2\nperhaps,a,b,c,d\n"), 0o644))
	in := benchInputs()
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{append([]string{"fuse"}, in...), 2, "-out is required"},
		{[]string{"fuse", "-out", out}, 2, "no inputs: give each network as NAME=FILE"},
		{[]string{"fuse", "-out", out, fusionBench + "/fbi.json"}, 2, "want NAME=FILE"},
		{[]string{"fuse", "-out", out, "=" + fusionBench + "/fbi.json"}, 2, "want NAME=FILE"},
		{[]string{"fuse", "-out", out, in[0], in[0]}, 2, `two inputs are named "fbi"`},
		{append([]string{"fuse", "-out", out, "-merge-at", "1", "-review-at", "3"}, in...), 2, "thresholds out of order"},
		{append([]string{"fuse", "-out", out, "-cannot-at", "2"}, in...), 2, "thresholds out of order"},
		{append([]string{"fuse", "-out", filepath.Join(dir, "f.gexf")}, in...), 2, "fuse writes native JSON"},
		{append([]string{"fuse", "-out", out, "-report", filepath.Join(dir, "r.xlsx")}, in...), 2, "want a .csv, .json or .md file"},
		{append([]string{"fuse", "-out", out, "-nodes", krebsNodes}, in...), 2, "-nodes is not used by fuse"},
		{append([]string{"fuse", "-out", out, "-bogus"}, in...), 2, "flag provided but not defined"},
		{append([]string{"fuse", "-out", out, "-overrides", bad}, in...), 1, `bad.csv:1: must-link names no actor: source "europol" has no actor "nobody"`},
		{append([]string{"fuse", "-out", out, "-overrides", badKind}, in...), 1, `badkind.csv:2: override: kind "perhaps"`},
		{append([]string{"fuse", "-out", out, "-overrides", filepath.Join(dir, "none.csv")}, in...), 1, "-overrides: open"},
		{[]string{"fuse", "-out", out, "x=" + filepath.Join(dir, "missing.json")}, 1, "input x:"},
		{[]string{"fuse", "-out", out, "x=-"}, 2, "give its format with -format"},
	} {
		code, _, errOut := runCmd(tc.args...)
		assert.Equal(t, tc.code, code, "%v: %s", tc.args, errOut)
		assert.Contains(t, errOut, tc.msg, "%v", tc.args)
	}
	// Flags may follow the inputs.
	code, _, errOut := runCmd(append(append([]string{"fuse"}, in...), "-out", out)...)
	assert.Equal(t, 0, code, errOut)
}
