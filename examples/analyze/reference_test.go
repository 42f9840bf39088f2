package main

import (
	"encoding/json"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cliReferences are NetworkX's values for the command-line tests, made by
// testdata/reference/cli_references.py.
type cliReferences struct {
	CaviarPhase1 struct {
		AllActors    caviarGraph `json:"all_actors"`
		Phase1Actors caviarGraph `json:"phase1_actors"`
	} `json:"caviar_phase1"`
	MafiaInfinito struct {
		Edges       [][3]any `json:"edges"`
		PersonCount int      `json:"person_count"`
	} `json:"mafia_infinito"`
	Krebs911 struct {
		Strength         map[string]float64 `json:"strength"`
		Betweenness      map[string]float64 `json:"betweenness"`
		BetweennessExact map[string]float64 `json:"betweenness_exact"`
	} `json:"krebs_911"`
}

type caviarGraph struct {
	Nodes    []string                       `json:"nodes"`
	Measures map[string]map[string]*float64 `json:"measures"`
}

func loadCLIReferences(t *testing.T) cliReferences {
	t.Helper()
	data, err := os.ReadFile("../../testdata/reference/cli_references.json")
	require.NoError(t, err)
	var ref cliReferences
	require.NoError(t, json.Unmarshal(data, &ref))
	return ref
}

// measuresByID runs measures and returns each column by actor ID.
func measuresByID(t *testing.T, args ...string) map[string]map[string]string {
	t.Helper()
	rows := records(t, readCSV(t, runOK(t, args...)))
	out := map[string]map[string]string{}
	for _, r := range rows {
		out[r["id"]] = r
	}
	return out
}

// measures -types phase1 on CAVIAR equals NetworkX on the phase-1 graph:
// with -drop-isolates the subgraph of the actors of phase 1, without it
// every actor of the node table, those without a phase-1 tie isolated.
func TestMeasuresCaviarPhase1EqualNetworkX(t *testing.T) {
	refs := loadCLIReferences(t).CaviarPhase1
	for _, tc := range []struct {
		flags []string
		ref   caviarGraph
	}{
		{[]string{"-drop-isolates"}, refs.Phase1Actors},
		{nil, refs.AllActors},
	} {
		args := append([]string{"measures", "-in", caviarEdges, "-nodes", caviarNodes, "-one-way", "-types", "phase1",
			"-measures", "degree,betweenness,closeness,harmonic,eigenvector,pagerank,core,clustering,constraint,effective_size"}, tc.flags...)
		got := measuresByID(t, args...)
		require.Len(t, got, len(tc.ref.Nodes), "%v", tc.flags)
		cols := map[string]string{"core_number": "core"}
		for name, byID := range tc.ref.Measures {
			col := name
			if c, ok := cols[name]; ok {
				col = c
			}
			tol := 1e-9
			if name == "eigenvector" || name == "pagerank" {
				tol = 1e-6 // both stop at an iterate within n·1e-6 of the fixed point
			}
			require.Len(t, byID, len(tc.ref.Nodes), name)
			for id, want := range byID {
				cell := got[id][col]
				if want == nil {
					assert.Equal(t, "NaN", cell, "%s of %s is undefined", name, id)
					continue
				}
				v, err := strconv.ParseFloat(cell, 64)
				require.NoError(t, err, "%s of %s", name, id)
				assert.InDelta(t, *want, v, tol*math.Max(1, math.Abs(*want)), "%s of %s %v", name, id, tc.flags)
			}
		}
	}
}

// -project type=person on mafia-infinito equals NetworkX's
// bipartite.weighted_projected_graph onto the persons.
func TestProjectMafiaInfinitoEqualNetworkX(t *testing.T) {
	ref := loadCLIReferences(t).MafiaInfinito
	dir := "../../testdata/mafia-infinito/"
	dirOut := t.TempDir() + "/projected.json"
	runOK(t, "convert", "-in", dir+"edges.csv", "-nodes", dir+"nodes.csv", "-project", "type=person", "-out", dirOut)
	data, err := os.ReadFile(dirOut)
	require.NoError(t, err)
	var n struct {
		Actors []struct {
			ID string `json:"id"`
		} `json:"actors"`
		Links []struct {
			From   string  `json:"from"`
			To     string  `json:"to"`
			Weight float64 `json:"weight"`
		} `json:"links"`
	}
	require.NoError(t, json.Unmarshal(data, &n))
	assert.Len(t, n.Actors, ref.PersonCount)
	got := make([][3]any, len(n.Links))
	for i, l := range n.Links {
		got[i] = [3]any{l.From, l.To, l.Weight}
	}
	want := make([][3]any, len(ref.Edges))
	for i, e := range ref.Edges {
		want[i] = [3]any{e[0], e[1], e[2].(float64)}
	}
	assert.Equal(t, want, got)

	// The projection is what the analyses see: weighted degree is the
	// number of co-attendances.
	strength := measuresByID(t, "measures", "-in", dir+"edges.csv", "-nodes", dir+"nodes.csv", "-project", "type=person",
		"-weighted", "-measures", "degree")
	sum := map[string]float64{}
	for _, e := range ref.Edges {
		sum[e[0].(string)] += e[2].(float64)
		sum[e[1].(string)] += e[2].(float64)
	}
	for id, s := range sum {
		assert.Equal(t, formatValue(s), strength[id]["degree"], id)
	}
}

// Krebs' tie strengths through -weight-column strength: weighted degree and
// betweenness on lengths 1/strength equal NetworkX's.
func TestKrebsWeightColumnEqualNetworkX(t *testing.T) {
	ref := loadCLIReferences(t).Krebs911
	got := measuresByID(t, "measures", "-in", krebsEdges, "-nodes", krebsNodes, "-weight-column", "strength", "-weighted",
		"-measures", "degree,betweenness")
	require.Len(t, got, len(ref.Strength))
	for id, want := range ref.Strength {
		assert.Equal(t, formatValue(want), got[id]["degree"], "strength of %s", id)
	}
	for id, want := range ref.Betweenness {
		v, err := strconv.ParseFloat(got[id]["betweenness"], 64)
		require.NoError(t, err)
		assert.InDelta(t, want, v, 1e-9, "betweenness of %s", id)
	}
}
