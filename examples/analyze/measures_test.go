package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	karateGraphML  = "../../testdata/reference/karate_networkx.graphml"
	karateExpected = "../../testdata/reference/karate_expected.csv"
)

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	require.NoError(t, err)
	return rows
}

// The command's output for a GraphML file written by NetworkX equals
// NetworkX's own values (testdata/reference/analyze_karate.py).
func TestMeasuresEqualNetworkX(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"measures", "-in", karateGraphML}, &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	got := readCSV(t, out.Bytes())
	data, err := os.ReadFile(karateExpected)
	require.NoError(t, err)
	want := readCSV(t, data)
	require.Equal(t, want[0], got[0], "header")
	require.Len(t, got, len(want))
	for i := 1; i < len(want); i++ {
		assert.Equal(t, want[i][0], got[i][0], "row %d id", i)
		for j := 1; j < len(want[0]); j++ {
			w, err := strconv.ParseFloat(want[i][j], 64)
			require.NoError(t, err)
			g, err := strconv.ParseFloat(got[i][j], 64)
			require.NoError(t, err)
			assert.InDelta(t, w, g, 1e-9*math.Max(1, math.Abs(w)), "node %s %s", want[i][0], want[0][j])
		}
	}
}

func TestMeasuresOptions(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"measures", "-in", karateGraphML, "-measures", "degree,betweenness", "-normalized=false", "-json"}, &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	var rows []map[string]any
	require.NoError(t, json.Unmarshal(out.Bytes(), &rows))
	require.Len(t, rows, 34)
	assert.Equal(t, "0", rows[0]["id"])
	assert.Equal(t, 16.0, rows[0]["degree"]) // Mr. Hi has 16 ties
	// Raw betweenness = normalised × (n-1)(n-2)/2 = 0.4376352814 × 528.
	assert.InDelta(t, 0.43763528138528146*528, rows[0]["betweenness"], 1e-6)

	// Directed CAVIAR: N1's in-degree + out-degree centrality, 0.3486 + 0.4771.
	out.Reset()
	code = run([]string{"measures", "-in", caviarEdges, "-nodes", caviarNodes, "-directed", "-measures", "degree,core"}, &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	rows2 := readCSV(t, out.Bytes())
	assert.Equal(t, []string{"id", "degree", "core"}, rows2[0])
	assert.Equal(t, "1", rows2[1][0])
	d, _ := strconv.ParseFloat(rows2[1][1], 64)
	assert.InDelta(t, 0.3486+0.4771, d, 2e-4)

	// Weighted CAVIAR (calls summed over the 11 phases) runs every measure.
	out.Reset()
	code = run([]string{"measures", "-in", caviarEdges, "-nodes", caviarNodes, "-weighted", "-measures",
		"degree,betweenness,closeness,harmonic,pagerank,clustering,constraint"}, &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	assert.Len(t, readCSV(t, out.Bytes()), 111)
}

func TestMeasuresErrors(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"measures", "-in", karateGraphML, "-measures", "degree,fame"}, `unknown measure "fame"`},
		{[]string{"measures", "-in", karateGraphML, "-measures", ","}, "-measures is empty"},
		{[]string{"measures"}, "-in is required"},
	} {
		var out, errOut bytes.Buffer
		code := run(tt.args, &out, &errOut)
		assert.Equal(t, 1, code, strings.Join(tt.args, " "))
		assert.Contains(t, errOut.String(), tt.want)
	}
}
