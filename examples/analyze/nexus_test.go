package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/netio"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bridgeFile writes to a temporary JSON file a cartel cluster c1…c4 and a
// terrorist cell t1…t4 (all pairs tied within each), joined through a
// hawala operator h (c1 → h money, h → t1 money and mechanism) and by a
// long direct tie c4 – t4 of weight 10. With link weights as lengths the
// direct tie lies on no shortest path (c4 – c1 – h – t1 – t4 is 1 + 1 + 2
// + 1 = 5, h – t1 carrying two links), so h lies on all 16 shortest
// cartel–cell paths, c1 and t1 on 12 each. Only h has a name, "Hawaladar".
func bridgeFile(t *testing.T) string {
	t.Helper()
	n := network.New("bridge")
	for _, id := range []string{"c1", "c2", "c3", "c4"} {
		require.NoError(t, n.AddActor(network.Actor{ID: id, Kind: network.Cartel}))
	}
	for _, id := range []string{"t1", "t2", "t3", "t4"} {
		require.NoError(t, n.AddActor(network.Actor{ID: id, Kind: network.Operative}))
	}
	require.NoError(t, n.AddActor(network.Actor{ID: "h", Name: "Hawaladar", Kind: network.Hawala}))
	var links []network.Link
	for _, group := range [][]string{{"c1", "c2", "c3", "c4"}, {"t1", "t2", "t3", "t4"}} {
		for i := range group {
			for j := i + 1; j < len(group); j++ {
				links = append(links, network.Link{From: group[i], To: group[j], Type: "meets", Mutual: true, Weight: 1})
			}
		}
	}
	links = append(links,
		network.Link{From: "c1", To: "h", Element: network.Money, Type: "pays", Weight: 1},
		network.Link{From: "h", To: "t1", Element: network.Money, Type: "funds", Weight: 1},
		network.Link{From: "h", To: "t1", Element: network.Mechanism, Type: "communicates_with", Weight: 1},
		network.Link{From: "c4", To: "t4", Type: "phone_call", Weight: 10},
	)
	for _, l := range links {
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	path := filepath.Join(t.TempDir(), "bridge.json")
	require.NoError(t, netio.Save(n, path, ""))
	return path
}

func runOK(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	return out.Bytes()
}

func TestNexusBridge(t *testing.T) {
	path := bridgeFile(t)
	rows := readCSV(t, runOK(t, "nexus", "-in", path, "-weights", "length"))
	require.Len(t, rows, 4)
	assert.Equal(t, convergenceColumns, rows[0])
	recs := records(t, rows)
	// The hawala ranks first: NB' = 16/16 = 1, Blau = 1 − (½² + ½²) = ½,
	// money and mechanism = 2/4, not hybrid: score ¼(1 + ½ + ½ + 0) = ½.
	hawala := map[string]string{"id": "h", "name": "Hawaladar", "score": "0.5", "nexus_betweenness": "16",
		"betweenness_norm": "1", "blau": "0.5", "multiplexity": "0.5", "elements": "money;mechanism",
		"hybrid": "false", "neighbours_a": "c1", "neighbours_b": "t1"}
	assert.Equal(t, hawala, recs[0])
	// The direct tie makes c4 and t4 convergence nodes too, lower down.
	assert.ElementsMatch(t, []string{"c4", "t4"}, []string{recs[1]["id"], recs[2]["id"]})
	for _, r := range recs[1:] {
		assert.Equal(t, "", r["name"], r["id"])
		assert.Equal(t, "0", r["nexus_betweenness"], r["id"]) // on no shortest path
		assert.NotEmpty(t, r["neighbours_a"], r["id"])
		assert.NotEmpty(t, r["neighbours_b"], r["id"])
	}

	// JSON: same content, arrays and booleans typed.
	var nodes []map[string]any
	require.NoError(t, json.Unmarshal(runOK(t, "nexus", "-in", path, "-weights", "length", "-json"), &nodes))
	require.Len(t, nodes, 3)
	assert.Equal(t, map[string]any{
		"id": "h", "name": "Hawaladar", "score": 0.5, "nexus_betweenness": 16.0, "betweenness_norm": 1.0, "blau": 0.5,
		"multiplexity": 0.5, "elements": []any{"money", "mechanism"}, "hybrid": false,
		"neighbours_a": []any{"c1"}, "neighbours_b": []any{"t1"},
	}, nodes[0])

	// Sets swapped: the same nodes, the hawala still first.
	rows = readCSV(t, runOK(t, "nexus", "-in", path, "-weights", "length", "-a", "Terrorist", "-b", "criminal"))
	require.Len(t, rows, 4)
	hawala["neighbours_a"], hawala["neighbours_b"] = "t1", "c1"
	assert.Equal(t, hawala, records(t, rows)[0])
}

func TestNexusBetweennessMode(t *testing.T) {
	path := bridgeFile(t)
	rows := readCSV(t, runOK(t, "nexus", "-in", path, "-weights", "length", "-betweenness"))
	assert.Equal(t, []string{"id", "name", "nexus_betweenness"}, rows[0])
	want := []map[string]string{
		{"id": "c1", "name": "", "nexus_betweenness": "12"},
		{"id": "c2", "name": "", "nexus_betweenness": "0"},
		{"id": "c3", "name": "", "nexus_betweenness": "0"},
		{"id": "c4", "name": "", "nexus_betweenness": "0"},
		{"id": "t1", "name": "", "nexus_betweenness": "12"},
		{"id": "t2", "name": "", "nexus_betweenness": "0"},
		{"id": "t3", "name": "", "nexus_betweenness": "0"},
		{"id": "t4", "name": "", "nexus_betweenness": "0"},
		{"id": "h", "name": "Hawaladar", "nexus_betweenness": "16"},
	}
	assert.Equal(t, want, records(t, rows))

	var scores []map[string]any
	require.NoError(t, json.Unmarshal(runOK(t, "nexus", "-in", path, "-weights", "length", "-betweenness", "-json"), &scores))
	require.Len(t, scores, 9)
	assert.Equal(t, map[string]any{"id": "h", "name": "Hawaladar", "nexus_betweenness": 16.0}, scores[8])

	// Only the money and mechanism layers: the cluster ties and the direct
	// tie go, so only the pair (c1, t1) is joined, through h.
	rows = readCSV(t, runOK(t, "nexus", "-in", path, "-betweenness", "-elements", "money, mechanism"))
	require.Len(t, rows, 10)
	assert.Equal(t, []string{"id", "name", "nexus_betweenness"}, rows[0])
	for _, r := range records(t, rows) {
		want := "0"
		if r["id"] == "h" {
			want = "1"
		}
		assert.Equal(t, want, r["nexus_betweenness"], r["id"])
	}
	rows = readCSV(t, runOK(t, "nexus", "-in", path, "-elements", "money,mechanism"))
	require.Len(t, rows, 2)
	assert.Equal(t, convergenceColumns, rows[0])
	assert.Equal(t, map[string]string{"id": "h", "name": "Hawaladar", "score": "0.5", "nexus_betweenness": "1",
		"betweenness_norm": "1", "blau": "0.5", "multiplexity": "0.5", "elements": "money;mechanism",
		"hybrid": "false", "neighbours_a": "c1", "neighbours_b": "t1"}, records(t, rows)[0])
}

// The KPP-Neg k = 3 set of CAVIAR and its F, as found and cross-checked
// with networkx in package nexus (TestKeyPlayersCaviar).
func TestKeyPlayersCaviar(t *testing.T) {
	// CAVIAR's rows are one-way links (-one-way), analysed along their
	// directions (-directed), which key players ignore.
	args := []string{"keyplayers", "-in", caviarEdges, "-nodes", caviarNodes, "-one-way", "-directed", "-k", "3"}
	rows := readCSV(t, runOK(t, args...))
	require.Len(t, rows, 4)
	assert.Equal(t, []string{"id", "name", "contribution", "objective", "before", "after"}, rows[0])
	wantIDs := []string{"1", "12", "87"}
	wantNames := []string{"N1 (Daniel Serero)", "N12", "N87"}
	// F({1,12,87}) minus F of the set without each member.
	wantContrib := []float64{0.5981308411214954 - 0.3523710626514365,
		0.5981308411214954 - 0.4529248875043268, 0.5981308411214954 - 0.5065766701280721}
	for i, r := range records(t, rows) {
		assert.Equal(t, wantIDs[i], r["id"])
		assert.Equal(t, wantNames[i], r["name"])
		assert.InDelta(t, wantContrib[i], parseFloat(t, r["contribution"]), 1e-9, r["id"])
		assert.Equal(t, "fragmentation", r["objective"])
		assert.InDelta(t, 0.08907422852376978, parseFloat(t, r["before"]), 1e-9)
		assert.InDelta(t, 0.5981308411214954, parseFloat(t, r["after"]), 1e-9)
	}

	var res struct {
		Objective   string
		K           int
		Before      float64
		After       float64
		Evaluations int
		Set         []struct {
			ID           string
			Name         string
			Contribution float64
		}
	}
	require.NoError(t, json.Unmarshal(runOK(t, append(args, "-json", "-restarts", "2", "-seed", "7")...), &res))
	assert.Equal(t, "fragmentation", res.Objective)
	assert.Equal(t, 3, res.K)
	assert.InDelta(t, 0.08907422852376978, res.Before, 1e-9)
	assert.InDelta(t, 0.5981308411214954, res.After, 1e-9)
	assert.Positive(t, res.Evaluations)
	require.Len(t, res.Set, 3)
	for i, m := range res.Set {
		assert.Equal(t, wantIDs[i], m.ID)
		assert.Equal(t, wantNames[i], m.Name)
		assert.InDelta(t, wantContrib[i], m.Contribution, 1e-9)
	}

	// Candidates restrict the set; KPP-Pos with one step.
	rows = readCSV(t, runOK(t, "keyplayers", "-in", caviarEdges, "-nodes", caviarNodes, "-k", "1", "-candidates", "12, 87"))
	require.Len(t, rows, 2)
	assert.Equal(t, "12", records(t, rows)[0]["id"])
	rows = readCSV(t, runOK(t, "keyplayers", "-in", caviarEdges, "-nodes", caviarNodes, "-k", "2", "-objective", "reach", "-m", "2"))
	require.Len(t, rows, 3)
	r := records(t, rows)[0]
	assert.Equal(t, "reach", r["objective"])
	assert.InDelta(t, 0, parseFloat(t, r["before"]), 0)
	assert.Greater(t, parseFloat(t, r["after"]), 0.5)
}

func parseFloat(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err)
	return v
}

func TestNexusKeyPlayersErrors(t *testing.T) {
	path := bridgeFile(t)
	tests := []struct {
		args []string
		code int
		want string
	}{
		// Usage errors (a missing -in, a bad flag value) exit with status 2
		// (they exited with 1 before); analysis failures with 1.
		{[]string{"nexus"}, 2, "-in is required"},
		{[]string{"nexus", "-in", path, "-a", "narco"}, 2, `-a: selector "narco": "narco" is neither a sector nor a kind`},
		{[]string{"nexus", "-in", path, "-b", "kind:smuggler"}, 1, `set B (kind:smuggler) is empty`},
		{[]string{"nexus", "-in", path, "-b", "id:zz"}, 1, `set B: no actor "zz" in the network`},
		{[]string{"nexus", "-in", path, "-elements", "money,gold"}, 2, `-elements: unknown element "gold"`},
		{[]string{"nexus", "-in", path, "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"nexus", "-h"}, 0, "neighbours_a"},
		{[]string{"keyplayers", "-in", path, "-k", "0"}, 2, "-k must be at least 1, got 0"},
		{[]string{"keyplayers", "-in", path, "-k", "x"}, 2, `invalid value "x" for flag -k`},
		{[]string{"keyplayers", "-in", path, "-k", "10"}, 1, "key player set size K = 10 out of range; set K between 1 and the number of candidates, 9"},
		{[]string{"keyplayers", "-in", path, "-k", "2", "-candidates", "h"}, 1, "K = 2 out of range; set K between 1 and the number of candidates, 1"},
		{[]string{"keyplayers", "-in", path, "-candidates", "nobody"}, 1, `candidate "nobody" is not an actor of the scope`},
		{[]string{"keyplayers", "-in", path, "-candidates", " , "}, 2, "-candidates is empty"},
		{[]string{"keyplayers", "-in", path, "-objective", "chaos"}, 2, `-objective: unknown key player objective "chaos"; use one of fragmentation`},
		{[]string{"keyplayers", "-in", path, "-elements", "gold"}, 2, `-elements: unknown element "gold"`},
		{[]string{"keyplayers", "-h"}, 0, "contribution"},
		{nil, 2, "keyplayers"},
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
