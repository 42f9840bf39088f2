package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/netio"
)

// runCounter runs the counter command directly (it works before the
// command is registered in the table of main.go) and returns its output,
// its standard error and its error.
func runCounter(args ...string) (string, string, error) {
	var out, errOut bytes.Buffer
	err := counterCmd(args, &out, &errOut)
	return out.String(), errOut.String(), err
}

const table1File = "../../testdata/counter/table1.json"

// The ratings of the bundled dataset are Table 1 of Realuyo (2013), cell
// by cell, in CSV and in JSON.
func TestCounterTable1(t *testing.T) {
	out, _, err := runCounter("-in", table1File)
	require.NoError(t, err)
	rows := records(t, readCSV(t, []byte(out)))
	want := [][]string{
		{"us-toc-strategy", "Yes", "Yes", "Yes", "Yes", "Some"},
		{"unodc", "Yes", "Yes", "Yes", "Yes", "Unclear"},
		{"oas", "Yes", "Yes", "Some", "Some", "Unclear"},
		{"carsi", "Yes", "Yes", "Limited", "Insufficient", "Unclear"},
		{"jiatf-south", "Yes", "Yes", "Yes", "Yes", "Yes"},
	}
	elems := []string{"political_will", "institutions", "mechanisms", "resources", "measures_of_effectiveness"}
	require.Len(t, rows, len(want))
	for i, w := range want {
		assert.Equal(t, w[0], rows[i]["id"])
		for j, e := range elems {
			assert.Equal(t, w[j+1], rows[i][e], "%s %s", w[0], e)
		}
	}
	assert.Equal(t, "Central America Regional Security Initiative", rows[3]["name"])
	assert.Equal(t, "2.75", rows[3]["score"])

	out, _, err = runCounter("-in", table1File, "-json")
	require.NoError(t, err)
	var doc struct {
		Ratings []map[string]any `json:"ratings"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	require.Len(t, doc.Ratings, 5)
	for i, w := range want {
		for j, e := range elems {
			assert.Equal(t, w[j+1], doc.Ratings[i][e])
		}
	}

	out, _, err = runCounter("-in", table1File, "-md")
	require.NoError(t, err)
	assert.Contains(t, out, "| carsi | Central America Regional Security Initiative | agency | Yes | Yes | Limited | Insufficient | Unclear |")
}

// counterFile writes the network of the package example: a task force
// interdicting a smuggler, a programme in the port of a cartel, and the
// uncovered hawala that funds a terrorist group; the two bodies partner
// through a coordinating agency, the broker.
func counterFile(t *testing.T, extra ...network.Actor) string {
	t.Helper()
	n := network.New("counter")
	for _, a := range slices.Concat([]network.Actor{
		{ID: "jiatf", Name: "Task force", Kind: network.TaskForce},
		{ID: "carsi", Kind: network.Agency, Attributes: network.Attributes{"mechanisms": "Limited",
			"resources": "Insufficient", "rating_source": "Realuyo (2013), Table 1"}},
		{ID: "hub", Kind: network.Agency},
		{ID: "cartel", Kind: network.Cartel},
		{ID: "smuggler", Kind: network.Smuggler},
		{ID: "hawala", Kind: network.Hawala},
		{ID: "group", Kind: network.TerroristGroup},
		{ID: "port", Kind: network.Port},
	}, extra) {
		require.NoError(t, n.AddActor(a))
	}
	for _, l := range []network.Link{
		{From: "cartel", To: "smuggler", Element: network.Materiel, Type: "supplies"},
		{From: "smuggler", To: "group", Element: network.Materiel, Type: "supplies"},
		{From: "cartel", To: "hawala", Element: network.Money, Type: "funds"},
		{From: "hawala", To: "group", Element: network.Money, Type: "funds"},
		{From: "cartel", To: "port", Element: network.Mechanism, Type: "located_at"},
		{From: "smuggler", To: "port", Element: network.Mechanism, Type: "operates_in"},
		{From: "jiatf", To: "smuggler", Element: network.Mechanism, Type: "interdicts"},
		{From: "carsi", To: "port", Element: network.Mechanism, Type: "operates_in"},
		{From: "jiatf", To: "hub", Element: network.Manpower, Type: "partners_with", Mutual: true},
		{From: "hub", To: "carsi", Element: network.Manpower, Type: "partners_with", Mutual: true},
	} {
		l.Weight = 1
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	path := filepath.Join(t.TempDir(), "counter.json")
	require.NoError(t, netio.Save(n, path, ""))
	return path
}

func TestCounterAssessment(t *testing.T) {
	path := counterFile(t)
	out, _, err := runCounter("-in", path, "-show", "all", "-json")
	require.NoError(t, err)
	var doc map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	var gapIDs []string
	require.NoError(t, json.Unmarshal(doc["gap_ids"], &gapIDs))
	assert.Equal(t, []string{"hawala"}, gapIDs)
	var gaps []map[string]any
	require.NoError(t, json.Unmarshal(doc["gaps"], &gaps))
	require.Len(t, gaps, 1)
	assert.Equal(t, []any{"nexus betweenness rank 2", "convergence node", "money gateway"}, gaps[0]["reasons"])

	// jiatf {smuggler}, carsi {cartel, smuggler, port}: 1 of 3.
	rows := records(t, readCSV(t, mustRun(t, "-in", path, "-show", "overlap")))
	require.Len(t, rows, 1)
	assert.Equal(t, map[string]string{"a": "jiatf", "a_name": "Task force", "b": "carsi", "b_name": "", "shared": "1",
		"union": "3", "share": "0.3333333333", "shared_ids": "smuggler"}, rows[0])

	rows = records(t, readCSV(t, mustRun(t, "-in", path, "-show", "structure")))
	require.Len(t, rows, 3)
	assert.Equal(t, "true", rows[2]["broker"]) // actor order: jiatf, carsi, hub
	assert.Equal(t, "removing hub splits the counter network into 2 parts", rows[2]["effect"])
	assert.Equal(t, "false", rows[0]["broker"])

	rows = records(t, readCSV(t, mustRun(t, "-in", path, "-show", "weak")))
	assert.Equal(t, []map[string]string{{"id": "carsi", "name": "", "covered": "3",
		"weak_elements": "mechanisms;resources", "weak_ratings": "Limited;Insufficient"}}, rows)

	rows = records(t, readCSV(t, mustRun(t, "-in", path, "-show", "coverage")))
	require.Len(t, rows, 4)
	assert.Equal(t, map[string]string{"body": "carsi", "body_name": "", "id": "cartel", "name": "", "via": "port",
		"links": "carsi>port:mechanism:operates_in;cartel>port:mechanism:located_at"}, rows[1])
}

func mustRun(t *testing.T, args ...string) []byte {
	t.Helper()
	out, errOut, err := runCounter(args...)
	require.NoError(t, err, errOut)
	return []byte(out)
}

func TestCounterErrors(t *testing.T) {
	bad := counterFile(t, network.Actor{ID: "x", Kind: network.Agency,
		Attributes: network.Attributes{"resources": "Plenty", "rating_source": "s"}})
	_, _, err := runCounter("-in", bad)
	require.Error(t, err)
	assert.Equal(t, `actor "x", element resources: rating "Plenty" is not on the scale (want one of Yes, Some, Limited, Insufficient, Unclear)`, err.Error())

	stray := counterFile(t, network.Actor{ID: "y", Kind: network.Cartel,
		Attributes: network.Attributes{"political_will": "Yes", "rating_source": "s"}})
	_, _, err = runCounter("-in", stray)
	assert.ErrorContains(t, err, `actor "y" (kind cartel) has the rating attribute "political_will" but is not a counter-sector body`)

	for _, args := range [][]string{
		{"-in", table1File, "-show", "ratings,gaps"},
		{"-in", table1File, "-show", "nothing"},
		{"-in", table1File, "-json", "-md"},
		{"-in", table1File, "-steps", "0"},
		{"-in", table1File, "-sources", "a"},
	} {
		_, _, err := runCounter(args...)
		var ue *usageError
		assert.ErrorAs(t, err, &ue, "%v", args)
	}
}

// Once counter is in the command table, it runs through run like every
// other command.
func TestCounterRegistered(t *testing.T) {
	if !slices.ContainsFunc(commands, func(c command) bool { return c.name == "counter" }) {
		t.Skip("counter is not registered in main.go's command table yet")
	}
	rows := records(t, readCSV(t, runOK(t, "counter", "-in", table1File)))
	assert.Len(t, rows, 5)
}
