package main

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readReport reads the report.json of a report directory.
func readReport(t *testing.T, dir string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "report.json"))
	require.NoError(t, err)
	var js map[string]any
	require.NoError(t, json.Unmarshal(b, &js))
	return js
}

// The main job with no arguments but the directory: the bundled scenario,
// progress on stderr, every output written.
func TestReportBundledScenario(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "report")
	code, out, errOut := runCmd("report", "-out", dir)
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, out)
	for _, stage := range []string{"network", "convergence and brokers", "supply chains and routes", "money trails", "early warning", "pictures"} {
		assert.Regexp(t, `report: `+stage+` +\d+\.\d\ds \(total \d+\.\d\ds\)`, errOut)
	}
	assert.Contains(t, errOut, "Western Hemisphere")
	for _, f := range []string{"index.html", "report.md", "report.json", "network.svg", "nexus.svg", "chain-cocaine.svg", "money.svg",
		"disruption-connected.svg", "disruption-efficiency.svg", "ranking.svg"} {
		assert.FileExists(t, filepath.Join(dir, f))
	}
	js := readReport(t, dir)
	for _, key := range []string{"convergence", "key_players", "chokepoints", "money_convergence"} {
		arr, ok := js[key].([]any)
		require.True(t, ok, key)
		require.NotEmpty(t, arr, key)
		for _, x := range arr {
			assert.NotEmpty(t, x.(map[string]any)["id"], key)
		}
	}
	first := js["convergence"].([]any)[0].(map[string]any)
	assert.Equal(t, "colombian-dto", first["id"])

	// -q prints nothing; -json prints the report; the bytes do not change.
	dir2 := filepath.Join(t.TempDir(), "again")
	code, out, errOut = runCmd("report", "-out", dir2, "-q", "-json")
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, errOut)
	b, err := os.ReadFile(filepath.Join(dir, "report.json"))
	require.NoError(t, err)
	assert.Equal(t, string(b), out)
	for _, f := range []string{"index.html", "report.md", "network.svg"} {
		x, err := os.ReadFile(filepath.Join(dir, f))
		require.NoError(t, err)
		y, err := os.ReadFile(filepath.Join(dir2, f))
		require.NoError(t, err)
		assert.Equal(t, x, y, "%s differs between runs", f)
	}
}

// Every dataset of testdata/ gets a report, with its README flags, and so
// do the scenarios and the other bundled networks.
func TestReportEveryDataset(t *testing.T) {
	if testing.Short() {
		t.Skip("reports on every dataset")
	}
	for _, d := range datasets {
		t.Run(d.name, func(t *testing.T) {
			dir := t.TempDir()
			code, _, errOut := runCmd(datasetArgs("report", d, append([]string{"-out", dir, "-q"}, d.flags...)...)...)
			require.Equal(t, 0, code, errOut)
			js := readReport(t, dir)
			assert.Equal(t, float64(d.rows), js["network"].(map[string]any)["actors"])
			xmlWellFormed(t, filepath.Join(dir, "index.html"))
		})
	}
	for _, f := range []string{"scenarios/western-hemisphere.json", "scenarios/western-hemisphere-years.json", "scenarios/displacement.json",
		"supplychain/cocaine-chain.json", "supplychain/displacement.json", "counter/table1.json", "fusion/bench1/true.json"} {
		t.Run(f, func(t *testing.T) {
			dir := t.TempDir()
			code, _, errOut := runCmd("report", "-in", filepath.Join("..", "..", "testdata", f), "-out", dir, "-q")
			require.Equal(t, 0, code, errOut)
			xmlWellFormed(t, filepath.Join(dir, "index.html"))
		})
	}
}

// The early-warning windows can be given, or a later snapshot.
func TestReportWarning(t *testing.T) {
	years := filepath.Join("..", "..", "testdata", "scenarios", "western-hemisphere-years.json")
	dir := t.TempDir()
	code, _, errOut := runCmd("report", "-in", years, "-out", dir, "-q", "-from1", "2006", "-to1", "2008", "-from2", "2010", "-to2", "2012")
	require.Equal(t, 0, code, errOut)
	ew := readReport(t, dir)["early_warning"].(map[string]any)
	assert.Equal(t, "2006 – 2008", ew["earlier"])
	assert.Equal(t, "zetas", ew["new_brokers"].([]any)[0].(map[string]any)["id"])
	assert.Len(t, ew["new_links"], 5)

	code, _, errOut = runCmd("report", "-in", years, "-in2", years, "-out", t.TempDir(), "-q")
	require.Equal(t, 0, code, errOut)
}

func TestReportUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-nodes", "x.csv"}, "-nodes and -format describe -in"},
		{[]string{"-key-players", "0"}, "-key-players must be at least 1"},
		{[]string{"-steps", "0"}, "-steps must be at least 1"},
		{[]string{"-top", "-1"}, "-top must not be negative"},
		{[]string{"-from1", "2006", "-in2", "x.json"}, "-in2 cannot be combined"},
		{[]string{"-from1", "20x6"}, "-from1"},
	} {
		code, _, errOut := runCmd(append([]string{"report", "-out", t.TempDir()}, tt.args...)...)
		assert.Equal(t, 2, code, strings.Join(tt.args, " "))
		assert.Contains(t, errOut, tt.want)
	}
}

// xmlWellFormed checks that a file parses as XML to its end.
func xmlWellFormed(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	d := xml.NewDecoder(f)
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		require.NoError(t, err, "%s is not well-formed", path)
	}
}
