package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	cocaineChain = "../../testdata/supplychain/cocaine-chain.json"
	displacement = "../../testdata/supplychain/displacement.json"
)

// The roles of the hand-built cocaine chain (testdata/supplychain/README.md).
func TestChainRoles(t *testing.T) {
	rows := records(t, readCSV(t, runOK(t, "chain", "-in", cocaineChain, "-commodity", "Cocaine")))
	roles := map[string]string{}
	for _, r := range rows {
		roles[r["id"]] = r["roles"]
	}
	assert.Equal(t, "source", roles["growers"])
	assert.Equal(t, "transit;controller", roles["cartel"])
	assert.Equal(t, "market", roles["usa"])
	assert.Equal(t, "protector", roles["customs"])
	assert.Equal(t, "funder", roles["financier"])
	assert.Equal(t, "enabler", roles["launderer"])
	for _, r := range rows {
		if r["id"] == "customs" {
			assert.Contains(t, r["protector"], ":money:bribes", "the bribe is the evidence")
		}
	}
	code, _, errOut := runCmd("chain", "-in", cocaineChain, "-commodity", "heroin")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "heroin")
	assert.Contains(t, errOut, "cocaine", "lists the commodities present")
}

func TestAuditAndProfile(t *testing.T) {
	md := string(runOK(t, "audit", "-in", cocaineChain, "-commodity", "cocaine", "-md"))
	assert.Contains(t, md, "#")
	assert.Contains(t, md, "Financier")
	rows := records(t, readCSV(t, runOK(t, "audit", "-in", cocaineChain, "-commodity", "cocaine")))
	answers := map[string][]string{}
	for _, r := range rows {
		answers[r["question"]] = append(answers[r["question"]], r["item"])
	}
	assert.Equal(t, []string{"cocaine"}, answers["what"])
	assert.Equal(t, []string{"financier"}, answers["funders"])
	// Without money links the money questions are unknown.
	rows = records(t, readCSV(t, runOK(t, "audit", "-in", cocaineChain, "-commodity", "cocaine", "-elements", "materiel,manpower,mechanism")))
	for _, r := range rows {
		if r["question"] == "funders" {
			assert.Equal(t, "unknown", r["item"])
		}
	}
	prof := records(t, readCSV(t, runOK(t, "profile", "-in", cocaineChain, "-top", "1")))
	require.Len(t, prof, 1)
	assert.Equal(t, "cartel", prof[0]["id"])
	assert.Equal(t, "true", prof[0]["all_four"])
}

func TestTrailsCommand(t *testing.T) {
	rows := records(t, readCSV(t, runOK(t, "trails", "-in", cocaineChain, "-b", "farc")))
	require.NotEmpty(t, rows)
	assert.Equal(t, "1", rows[0]["rank"])
	for _, r := range rows {
		assert.True(t, strings.HasSuffix(r["actors"], ";farc"), r["actors"])
		assert.Contains(t, r["links"], ":money:")
	}
	gw := records(t, readCSV(t, runOK(t, "trails", "-in", cocaineChain, "-gateways")))
	require.NotEmpty(t, gw)
	code, _, errOut := runCmd("trails", "-in", cocaineChain, "-max-hops", "0")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "-max-hops must be at least 1")
}

// Routes, the cut and the displacement on the bundled route network (the
// hand computations are in testdata/supplychain/README.md and the
// supplychain tests).
func TestRoutesInterdictDisplace(t *testing.T) {
	rows := records(t, readCSV(t, runOK(t, "routes", "-in", displacement, "-sources", "colombia", "-markets", "usa", "-k", "2")))
	require.Len(t, rows, 2)
	assert.Equal(t, "colombia;mexico;usa", rows[0]["actors"])
	assert.Equal(t, "3", rows[0]["cost"])

	cut := records(t, readCSV(t, runOK(t, "interdict", "-in", displacement, "-sources", "colombia", "-markets", "usa")))
	require.Len(t, cut, 1)
	assert.Equal(t, "130", cut[0]["value"])
	assert.Equal(t, "colombia;venezuela;caribbean", cut[0]["source_side"])

	var curve []map[string]any
	require.NoError(t, json.Unmarshal(runOK(t, "interdict", "-in", displacement, "-sources", "colombia", "-markets", "usa", "-k", "2", "-json"), &curve))
	require.Len(t, curve, 3)
	assert.Equal(t, []any{130.0, 70.0, 20.0}, []any{curve[0]["value"], curve[1]["value"], curve[2]["value"]})

	rows = records(t, readCSV(t, runOK(t, "displace", "-in", displacement, "-sources", "colombia=60", "-markets", "usa=100", "-remove", "mexico")))
	got := map[string][3]string{}
	for _, r := range rows {
		if r["kind"] != "link" {
			got[r["id"]] = [3]string{r["before"], r["after"], r["change"]}
		}
	}
	assert.Equal(t, [3]string{"180", "440", "260"}, got["cost"])
	assert.Equal(t, [3]string{"0", "40", "40"}, got["guatemala"])
	assert.Equal(t, [3]string{"60", "0", "-60"}, got["mexico"])

	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"displace", "-in", displacement, "-sources", "colombia", "-markets", "usa=1"}, "want ID=amount"},
		{[]string{"routes", "-in", displacement, "-markets", "usa"}, "-sources and -markets are required"},
		{[]string{"interdict", "-in", displacement, "-sources", "colombia", "-markets", "usa", "-objective", "cost"}, "want flow or route"},
	} {
		code, _, errOut := runCmd(tc.args...)
		assert.Equal(t, 2, code, tc.args)
		assert.Contains(t, errOut, tc.msg)
	}
	code, _, errOut := runCmd("routes", "-in", displacement, "-sources", "bogota", "-markets", "usa")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, `source "bogota" is not an actor of the network`)
}
