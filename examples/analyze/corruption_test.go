package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/netio"
)

// stateFile writes a network with a cartel c, a terrorist group t, a
// corrupt customs officer o, a front company f and a smuggler s: c bribes
// o; f launders for c and pays o (an iron triangle o–f–c); c sells arms
// to t through s, and t pays c directly (an alliance: a direct money
// transaction and a shared materiel facilitator).
func stateFile(t *testing.T) string {
	t.Helper()
	n := network.New("state")
	for _, a := range []network.Actor{
		{ID: "c", Name: "Cartel", Kind: network.Cartel},
		{ID: "t", Name: "Group T", Kind: network.TerroristGroup},
		{ID: "o", Name: "Officer", Kind: network.CorruptOfficial},
		{ID: "f", Name: "Front Ltd", Kind: network.FrontCompany},
		{ID: "s", Name: "Smuggler", Kind: network.Smuggler},
	} {
		require.NoError(t, n.AddActor(a))
	}
	for _, l := range []network.Link{
		{From: "c", To: "o", Element: network.Money, Type: "bribes", Weight: 1},   // 0
		{From: "f", To: "c", Element: network.Money, Type: "launders", Weight: 1}, // 1
		{From: "f", To: "o", Element: network.Money, Type: "pays", Weight: 1},     // 2
		{From: "c", To: "s", Element: network.Materiel, Type: "sells", Weight: 1}, // 3
		{From: "s", To: "t", Element: network.Materiel, Type: "supplies", Weight: 1},
		{From: "t", To: "c", Element: network.Money, Type: "pays", Weight: 1}, // 5
	} {
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	path := filepath.Join(t.TempDir(), "state.json")
	require.NoError(t, netio.Save(n, path, ""))
	return path
}

func TestCorruptionTrianglesContinuum(t *testing.T) {
	path := stateFile(t)
	rows := records(t, readCSV(t, runOK(t, "corruption", "-in", path)))
	require.Len(t, rows, 1)
	assert.Equal(t, map[string]string{"id": "o", "name": "Officer", "a": "c", "b": "", "links": "c>o:money:bribes"}, rows[0])

	rows = records(t, readCSV(t, runOK(t, "triangles", "-in", path)))
	require.Len(t, rows, 1)
	assert.Equal(t, map[string]string{"state": "o", "state_name": "Officer", "licit": "f", "licit_name": "Front Ltd",
		"criminal": "c", "criminal_name": "Cartel", "state_licit": "f>o:money:pays", "state_criminal": "c>o:money:bribes",
		"licit_criminal": "f>c:money:launders"}, rows[0])

	// t pays c directly and both deal with the smuggler s: an alliance
	// (t is supplied, which is not trafficking by t itself).
	rows = records(t, readCSV(t, runOK(t, "continuum", "-in", path)))
	require.Len(t, rows, 1)
	r := rows[0]
	assert.Equal(t, []string{"c", "Cartel", "t", "Group T", "alliance", "direct_transaction"},
		[]string{r["a"], r["a_name"], r["b"], r["b_name"], r["stage"], r["rule"]})
	assert.Equal(t, "direct_transaction;shared_facilitator", r["rules"])
	assert.Equal(t, "c>s:materiel:sells;s>t:materiel:supplies;t>c:money:pays", r["links"], "link order")
	assert.Equal(t, "s", r["actors"])

	var js []map[string]any
	require.NoError(t, json.Unmarshal(runOK(t, "continuum", "-in", path, "-pair", "c,t", "-json"), &js))
	require.Len(t, js, 1)
	fired := js[0]["fired"].([]any)
	require.Len(t, fired, 2)
	assert.Equal(t, "shared_facilitator", fired[1].(map[string]any)["name"])
	assert.Equal(t, "alliance", fired[1].(map[string]any)["stage"])
	assert.Equal(t, []any{"s"}, fired[1].(map[string]any)["actors"])

	// Without state actors: an empty table and a warning saying how to type them.
	code, out, errOut := runCmd("corruption", "-in", bridgeFile(t))
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "id,name,a,b,links\n", out)
	assert.Contains(t, errOut, "no actor is in the state sector")
	code, _, errOut = runCmd("triangles", "-in", bridgeFile(t))
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "no iron triangle: no actor in the sector(s) state, licit;")
	code, _, errOut = runCmd("continuum", "-in", path, "-pair", "c")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "-pair: want two actor IDs")
}
