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

// records returns the data rows of a CSV table from readCSV as maps from
// column name to cell, so that tests look cells up by header name, not
// by position. Every row must have one cell per header column.
func records(t *testing.T, rows [][]string) []map[string]string {
	t.Helper()
	require.NotEmpty(t, rows, "a CSV table has a header")
	header := rows[0]
	out := make([]map[string]string, 0, len(rows)-1)
	for i, r := range rows[1:] {
		require.Len(t, r, len(header), "row %d", i+1)
		rec := make(map[string]string, len(r))
		for j, c := range r {
			rec[header[j]] = c
		}
		out = append(out, rec)
	}
	return out
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
	// The output has a name column after the id (the karate club's nodes
	// have no names); the measures follow in the reference's order.
	require.Equal(t, append([]string{"id", "name"}, want[0][1:]...), got[0], "header")
	require.Len(t, got, len(want))
	gotRecs, wantRecs := records(t, got), records(t, want)
	for i, w := range wantRecs {
		g := gotRecs[i]
		assert.Equal(t, w["id"], g["id"], "row %d id", i+1)
		assert.Equal(t, "", g["name"], "row %d name", i+1)
		for _, col := range want[0][1:] {
			wv, err := strconv.ParseFloat(w[col], 64)
			require.NoError(t, err)
			gv, err := strconv.ParseFloat(g[col], 64)
			require.NoError(t, err)
			assert.InDelta(t, wv, gv, 1e-9*math.Max(1, math.Abs(wv)), "node %s %s", w["id"], col)
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
	assert.Equal(t, "", rows[0]["name"])     // the karate club's nodes have no names
	assert.Equal(t, 16.0, rows[0]["degree"]) // Mr. Hi has 16 ties
	// Raw betweenness = normalised × (n-1)(n-2)/2 = 0.4376352814 × 528.
	assert.InDelta(t, 0.43763528138528146*528, rows[0]["betweenness"], 1e-6)

	// Directed CAVIAR: N1's in-degree + out-degree centrality, 0.3486 + 0.4771.
	// The edge list's rows are one-way links (-one-way), analysed along
	// their directions (-directed).
	out.Reset()
	code = run([]string{"measures", "-in", caviarEdges, "-nodes", caviarNodes, "-one-way", "-directed", "-measures", "degree,core"}, &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	rows2 := readCSV(t, out.Bytes())
	assert.Equal(t, []string{"id", "name", "degree", "core"}, rows2[0])
	recs := records(t, rows2)
	assert.Equal(t, "1", recs[0]["id"])
	assert.Equal(t, "N1 (Daniel Serero)", recs[0]["name"])
	d, _ := strconv.ParseFloat(recs[0]["degree"], 64)
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
		// All three are usage errors: exit status 2 (it was 1 before usage
		// errors got their own status).
		assert.Equal(t, 2, code, strings.Join(tt.args, " "))
		assert.Contains(t, errOut.String(), tt.want)
	}
}
