package main

import (
	"encoding/json"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/netio"
)

const (
	rhodesEdges = "../../testdata/rhodes-n17/edges.csv"
	rhodesNodes = "../../testdata/rhodes-n17/nodes.csv"
)

// ei on 17 November's factions equals the hand computation of
// testdata/reference/groups_reference.py (actors without a faction form
// one group, as the script's empty label).
func TestEIRhodesEqualsReference(t *testing.T) {
	data, err := os.ReadFile("../../testdata/reference/groups_reference.json")
	require.NoError(t, err)
	var ref struct {
		EI []struct {
			Case, Weights      string
			Directed           bool
			External, Internal float64
			Index              float64
			Actors             []string
			ActorIndex         []*float64 `json:"actor_index"`
			ActorExternal      []float64  `json:"actor_external"`
			ActorInternal      []float64  `json:"actor_internal"`
		} `json:"ei"`
	}
	require.NoError(t, json.Unmarshal(data, &ref))
	want := ref.EI[0]
	require.Equal(t, "rhodes-n17/Faction", want.Case)
	rows := records(t, readCSV(t, runOK(t, "ei", "-in", rhodesEdges, "-nodes", rhodesNodes, "-attribute", "Faction", "-missing", "none")))
	require.Equal(t, "network", rows[0]["level"])
	assert.Equal(t, formatValue(want.External), rows[0]["external"])
	assert.Equal(t, formatValue(want.Internal), rows[0]["internal"])
	assert.Equal(t, formatValue(want.Index), rows[0]["ei"])
	actors := map[string]map[string]string{}
	for _, r := range rows {
		if r["level"] == "actor" {
			actors[r["id"]] = r
		}
	}
	require.Len(t, actors, len(want.Actors))
	assert.Equal(t, "Alexandros Giotopoulos", actors["1"]["name"])
	for i, id := range want.Actors {
		assert.Equal(t, formatValue(want.ActorExternal[i]), actors[id]["external"], id)
		assert.Equal(t, formatValue(want.ActorInternal[i]), actors[id]["internal"], id)
		if want.ActorIndex[i] != nil {
			assert.Equal(t, formatValue(*want.ActorIndex[i]), actors[id]["ei"], id)
		}
	}

	// The permutation test is reproducible for a seed and gives p-values.
	args := []string{"ei", "-in", rhodesEdges, "-nodes", rhodesNodes, "-attribute", "Faction", "-missing", "none", "-permutations", "500", "-seed", "7", "-json"}
	first := runOK(t, args...)
	assert.Equal(t, string(first), string(runOK(t, args...)))
	var js struct {
		Network     map[string]any `json:"network"`
		Permutation map[string]any `json:"permutation"`
	}
	require.NoError(t, json.Unmarshal(first, &js))
	assert.InDelta(t, want.Index, js.Network["ei"], 1e-9)
	assert.Equal(t, 500.0, js.Permutation["permutations"])
	p := js.Permutation["p_greater"].(float64)
	assert.True(t, p >= 0 && p <= 1)

	// Without -missing the actors lacking the attribute are an error that
	// says what to do.
	code, _, errOut := runCmd("ei", "-in", rhodesEdges, "-nodes", rhodesNodes, "-attribute", "Faction")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, `9 of the 22 actors of the scope have no attribute "Faction"`)
	assert.Contains(t, errOut, "-missing LABEL")
}

// brokerage on 17 November's factions equals R sna::brokerage
// (testdata/reference/brokerage.R).
func TestBrokerageRhodesEqualsSNA(t *testing.T) {
	data, err := os.ReadFile("../../testdata/reference/brokerage.json")
	require.NoError(t, err)
	var ref map[string]struct {
		RawNLI [][]string `json:"raw_nli"`
		ExpNLI [][]string `json:"exp_nli"`
		ZNLI   [][]string `json:"z_nli"`
	}
	require.NoError(t, json.Unmarshal(data, &ref))
	want := ref["rhodes-n17-faction"]
	rows := records(t, readCSV(t, runOK(t, "brokerage", "-in", rhodesEdges, "-nodes", rhodesNodes, "-attribute", "Faction", "-missing", "none")))
	require.Len(t, rows, len(want.RawNLI))
	roles := []string{"coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"}
	for i, r := range rows {
		assert.Equal(t, strconv.Itoa(i+1), r["id"])
		for j, role := range roles {
			assert.Equal(t, want.RawNLI[i][j], r[role], "%s of %s", role, r["id"])
			e := parseFloat(t, want.ExpNLI[i][j])
			assert.InDelta(t, e, parseFloat(t, r[role+"_expected"]), 1e-9*math.Max(1, e)) // 10 significant digits
			if z := want.ZNLI[i][j]; z == "NaN" || z == "NA" {
				assert.Equal(t, "NaN", r[role+"_z"])
			} else {
				zv := parseFloat(t, z)
				assert.InDelta(t, zv, parseFloat(t, r[role+"_z"]), 1e-9*math.Max(1, math.Abs(zv)), "%s z of %s", role, r["id"])
			}
		}
	}
}

// communities prints the library's partition and modularity, multiplex
// over CAVIAR's phases too.
func TestCommunitiesEqualLibrary(t *testing.T) {
	n, err := netio.Load(caviarEdges, netio.LoadOptions{Nodes: caviarNodes, Directed: true})
	require.NoError(t, err)
	s, err := analysis.NewScope(n, analysis.ScopeOptions{})
	require.NoError(t, err)
	for _, mb := range []analysis.MultiplexBy{analysis.NoMultiplex, analysis.ByLinkType} {
		want, err := analysis.Communities(s, analysis.CommunityOptions{Resolution: 1, Seed: 3, Multiplex: mb})
		require.NoError(t, err)
		q := want.Modularity
		if mb != analysis.NoMultiplex {
			q = want.MultiplexModularity
		}
		rows := records(t, readCSV(t, runOK(t, "communities", "-in", caviarEdges, "-nodes", caviarNodes, "-one-way",
			"-seed", "3", "-multiplex", mb.String())))
		require.Len(t, rows, 110)
		for i, r := range rows {
			c := want.Membership[i]
			assert.Equal(t, want.Actors[i], r["id"])
			assert.Equal(t, strconv.Itoa(c), r["community"])
			assert.Equal(t, strconv.Itoa(len(want.Communities[c])), r["size"])
			assert.Equal(t, formatValue(q), r["modularity"])
		}
		// Modularity of the partition found, recomputed independently.
		g := want.Groups()
		q1, err := analysis.Modularity(s, g, 1)
		require.NoError(t, err)
		if mb == analysis.NoMultiplex {
			assert.InDelta(t, q1, q, 1e-12)
		}
	}
}
