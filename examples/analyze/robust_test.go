package main

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/netio"
)

const (
	westernHemisphere = "../../testdata/scenarios/western-hemisphere.json"
	florentineEdges   = "../../testdata/florentine/edges.csv"
	florentineNodes   = "../../testdata/florentine/nodes.csv"
)

func number(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err, s)
	return v
}

// On the graded Western Hemisphere scenario the critical node of the nexus,
// the Colombian DTOs (nexus betweenness 58.5), stays first in most runs,
// ahead of Colombia.
func TestRobustMonteCarloScenario(t *testing.T) {
	args := []string{"robust", "-in", westernHemisphere, "-runs", "200", "-seed", "3", "-top", "3"}
	out := runOK(t, append(args, "-workers", "1")...)
	assert.Equal(t, string(out), string(runOK(t, append(args, "-workers", "4")...)), "results do not depend on -workers")
	rows := readCSV(t, out)
	assert.Equal(t, []string{"id", "name", "full", "full_rank", "mean", "sd", "se", "p05", "p95", "p_first", "p_top",
		"runs", "tau_mean", "tau_p05", "tau_p95"}, rows[0])
	recs := records(t, rows)
	require.Len(t, recs, 3)
	top := recs[0]
	assert.Equal(t, "colombian-dto", top["id"])
	assert.Equal(t, "Colombian drug trafficking organisations", top["name"])
	assert.Equal(t, "58.5", top["full"])
	assert.Equal(t, "1", top["full_rank"])
	assert.Equal(t, "200", top["runs"])
	p := number(t, top["p_first"])
	assert.Greater(t, p, 0.6) // 0.74 over 1,000 runs of seed 1
	assert.Less(t, p, 0.9)
	assert.Equal(t, "colombia", recs[1]["id"])
	// Links are dropped, so the mean falls below the full network's value,
	// and the interval holds the mean.
	mean := number(t, top["mean"])
	assert.Less(t, mean, 58.5)
	assert.LessOrEqual(t, number(t, top["p05"]), mean)
	assert.GreaterOrEqual(t, number(t, top["p95"]), mean)
	tau := number(t, top["tau_mean"])
	assert.Greater(t, tau, 0.3)
	assert.Less(t, tau, 0.7)
	for _, r := range recs {
		assert.Equal(t, top["tau_mean"], r["tau_mean"])
	}

	// JSON: the same figures, with the summary.
	var js map[string]struct {
		Measure    string                      `json:"measure"`
		Runs       int                         `json:"runs"`
		Links      int                         `json:"links"`
		PFullFirst float64                     `json:"p_full_first"`
		FullFirst  []struct{ ID, Name string } `json:"full_first"`
		Tau        struct{ Mean float64 }      `json:"tau"`
		Actors     []map[string]any            `json:"actors"`
	}
	require.NoError(t, json.Unmarshal(runOK(t, append(args, "-json")...), &js))
	mc := js["montecarlo"]
	assert.Equal(t, "nexus betweenness", mc.Measure)
	assert.Equal(t, 200, mc.Runs)
	assert.Equal(t, 157, mc.Links)
	require.Len(t, mc.FullFirst, 1)
	assert.Equal(t, "colombian-dto", mc.FullFirst[0].ID)
	// Runs where the Colombian DTOs tie first count for P(first) but not
	// as the full network's first actors.
	assert.LessOrEqual(t, mc.PFullFirst, p)
	assert.Greater(t, mc.PFullFirst, p-0.05)
	assert.InDelta(t, tau, mc.Tau.Mean, 1e-9)
	require.Len(t, mc.Actors, 3)
	assert.Equal(t, "colombian-dto", mc.Actors[0]["id"])
	assert.Equal(t, p, mc.Actors[0]["p_first"])
}

// Criticality lists the reports the conclusion rests on, with their
// sources and grades as the network has them.
func TestRobustCriticalityScenario(t *testing.T) {
	n, err := netio.Load(westernHemisphere, netio.LoadOptions{})
	require.NoError(t, err)
	rows := readCSV(t, runOK(t, "robust", "-in", westernHemisphere, "-analysis", "criticality"))
	assert.Equal(t, []string{"rank", "link", "link_id", "source", "grade", "changes_first", "first", "first_names",
		"dropped", "entered", "top_score", "drop"}, rows[0])
	recs := records(t, rows)
	require.Len(t, recs, 4)
	first := recs[0]
	assert.Equal(t, map[string]string{"rank": "1", "link": "colombian-dto>wa-network:manpower:allied_with", "link_id": "47",
		"source": "Kemp & Shaw 2014 (IPI), From the Margins to the Mainstream", "grade": "C3", "changes_first": "false",
		"first": "colombian-dto", "first_names": "Colombian drug trafficking organisations", "dropped": "wa-network",
		"entered": "ve-traffickers", "top_score": "55", "drop": "3.5"}, first)
	for i, r := range recs {
		assert.Equal(t, strconv.Itoa(i+1), r["rank"])
		id, err := strconv.Atoi(r["link_id"])
		require.NoError(t, err)
		l, ok := n.Link(network.LinkID(id))
		require.True(t, ok)
		assert.Equal(t, l.Source, r["source"])
		assert.Equal(t, l.Grade.String(), r["grade"])
		assert.Equal(t, l.From+">"+l.To+":"+l.Element.String()+":"+l.Type, r["link"])
		// No single report unseats the Colombian DTOs; each drops an
		// actor from the top 3.
		assert.Equal(t, "false", r["changes_first"])
		assert.NotEmpty(t, r["dropped"])
		if i > 0 {
			assert.GreaterOrEqual(t, number(t, recs[i-1]["drop"]), number(t, r["drop"]))
		}
	}
	// -k 1: only a change of the first actor counts, and none does.
	var errOut bytes.Buffer
	var out bytes.Buffer
	require.Equal(t, 0, run([]string{"robust", "-in", westernHemisphere, "-analysis", "criticality", "-k", "1"}, &out, &errOut))
	assert.Len(t, readCSV(t, out.Bytes()), 1)
	assert.Contains(t, errOut.String(), "no single link's removal changes the first actors [colombian-dto] or the top 1")
}

// Sensitivity: the Colombian DTOs stay first until the links below A4
// (confidence 0.4) are dropped; Colombia is then first.
func TestRobustSensitivityScenario(t *testing.T) {
	recs := records(t, readCSV(t, runOK(t, "robust", "-in", westernHemisphere, "-analysis", "sensitivity")))
	require.Len(t, recs, 18)
	assert.Equal(t, "E5", recs[0]["min_grade"])
	assert.Equal(t, "157", recs[0]["links"])
	assert.Equal(t, "0", recs[0]["dropped"])
	assert.Equal(t, "colombian-dto", recs[0]["first"])
	assert.Equal(t, "colombian-dto;tba-smugglers;wa-network", recs[0]["top"])
	assert.Equal(t, "1", recs[0]["tau"])
	changes := 0
	for i, r := range recs {
		if r["changes_here"] == "true" {
			changes++
			assert.Equal(t, 11, i)
			assert.Equal(t, "A4", r["min_grade"])
			assert.Equal(t, "A4;B6;D1;F2", r["grades"])
			assert.Equal(t, "70", r["links"])
			assert.Equal(t, "colombia", r["first"])
			assert.Equal(t, "Colombia", r["first_names"])
		}
		assert.Equal(t, strconv.FormatBool(i < 11), r["same_first"], r["min_grade"])
	}
	assert.Equal(t, 1, changes)
	assert.Equal(t, "A1", recs[17]["min_grade"])
	assert.Equal(t, "5", recs[17]["links"])
}

// All three analyses in one JSON object.
func TestRobustAllJSON(t *testing.T) {
	var js map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(runOK(t, "robust", "-in", westernHemisphere, "-analysis", "all", "-runs", "20",
		"-measure", "betweenness", "-json", "-top", "2"), &js))
	assert.Len(t, js, 3)
	var sens struct {
		Measure    string  `json:"measure"`
		ChangesAt  *string `json:"changes_at"`
		Thresholds []struct {
			MinGrade string `json:"min_grade"`
			Top      []struct {
				ID    string
				Name  string
				Value float64
			}
		}
	}
	require.NoError(t, json.Unmarshal(js["sensitivity"], &sens))
	assert.Equal(t, "betweenness", sens.Measure)
	require.Len(t, sens.Thresholds, 18)
	assert.Equal(t, "colombian-dto", sens.Thresholds[0].Top[0].ID)
	assert.Equal(t, "Colombian drug trafficking organisations", sens.Thresholds[0].Top[0].Name)
	var crit struct {
		Tested int `json:"tested"`
		Links  []struct {
			Link struct {
				ID       int
				From, To string
			}
			Source, Grade string
		}
	}
	require.NoError(t, json.Unmarshal(js["criticality"], &crit))
	assert.Equal(t, 157, crit.Tested)
	assert.LessOrEqual(t, len(crit.Links), 2)
	for _, l := range crit.Links {
		assert.NotEmpty(t, l.Source)
		assert.NotEmpty(t, l.Grade)
	}
}

// A published dataset has no grades: every link counts as F6 (0.25), the
// command says so, and -ungraded sets another probability.
func TestRobustUngradedDataset(t *testing.T) {
	args := []string{"robust", "-in", florentineEdges, "-nodes", florentineNodes, "-measure", "betweenness", "-runs", "300", "-top", "1"}
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run(args, &out, &errOut), errOut.String())
	assert.Contains(t, errOut.String(), "no link is graded: each counts as confidence 0.25 (F6)")
	recs := records(t, readCSV(t, out.Bytes()))
	require.Len(t, recs, 1)
	assert.Equal(t, "Medici", recs[0]["name"])
	assert.Equal(t, "1", recs[0]["full_rank"])
	p := number(t, recs[0]["p_first"])
	assert.Greater(t, p, 0.3) // a quarter of the ties left: often not first
	assert.Less(t, p, 0.5)
	// Every link kept: the full network in every run.
	recs = records(t, readCSV(t, runOK(t, append(args, "-ungraded", "1")...)))
	assert.Equal(t, "Medici", recs[0]["name"])
	assert.Equal(t, "1", recs[0]["p_first"])
	assert.Equal(t, recs[0]["full"], recs[0]["mean"])
	assert.Equal(t, "1", recs[0]["tau_mean"])
	// Sensitivity: all 20 marriage and business ties up to F6, none above.
	sens := records(t, readCSV(t, runOK(t, "robust", "-in", florentineEdges, "-nodes", florentineNodes, "-measure", "betweenness", "-analysis", "sensitivity")))
	for _, r := range sens {
		if number(t, r["confidence"]) <= 0.25 {
			assert.Equal(t, "Medici", r["first_names"], r["min_grade"])
			assert.Equal(t, "false", r["changes_here"])
		} else {
			assert.Equal(t, "0", r["links"], r["min_grade"])
			assert.Equal(t, "", r["first"], r["min_grade"])
		}
	}
	assert.Equal(t, "true", sens[8]["changes_here"]) // C6, the first level above F6
}

func TestRobustErrors(t *testing.T) {
	w := westernHemisphere
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"robust", "-in", w, "-analysis", "all"}, 2, "-analysis all: CSV prints one analysis; give one, or -json for all"},
		{[]string{"robust", "-in", w, "-analysis", "guess"}, 2, `-analysis "guess" is unknown (want sensitivity, montecarlo, criticality, or all)`},
		{[]string{"robust", "-in", w, "-measure", "degree"}, 2, `-measure "degree" is unknown (want nexus, betweenness, convergence, keyplayers)`},
		{[]string{"robust", "-in", w, "-runs", "0"}, 2, "-runs must be at least 1, got 0"},
		{[]string{"robust", "-in", w, "-k", "0"}, 2, "-k must be at least 1, got 0"},
		{[]string{"robust", "-in", w, "-workers", "-2"}, 2, "-workers must not be negative, got -2"},
		{[]string{"robust", "-in", w, "-ungraded", "1.5"}, 2, "-ungraded must be a probability in [0, 1], got 1.5"},
		{[]string{"robust", "-in", w, "-top", "-1"}, 2, "-top must not be negative"},
		{[]string{"robust"}, 2, "-in is required"},
		{[]string{"robust", "-in", florentineEdges, "-runs", "5"}, 1, "analyze robust: ranking by nexus betweenness: betweenness: set A (default: sector:criminal) is empty"},
		{[]string{"robust", "-in", w, "-measure", "keyplayers", "-k", "100", "-runs", "2"}, 1, "key player set size K = 100 out of range"},
		{[]string{"robust", "-h"}, 0, "changes_here"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, &out, &errOut)
			assert.Equal(t, tt.code, code, errOut.String())
			assert.Contains(t, errOut.String(), tt.want)
		})
	}
}
