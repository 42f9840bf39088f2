package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

func TestScopeFlags(t *testing.T) {
	f := scopeFlags{elements: "money, mechanism", types: "phase1,phase2", from: "2001", to: "2002-06",
		minGrade: "B2", weighted: true, a: "cartel,id:x", b: "terrorist", directed: true}
	o, err := f.options()
	require.NoError(t, err)
	assert.True(t, o.Directed)
	assert.Equal(t, []network.Element{network.Money, network.Mechanism}, o.View.Elements)
	assert.Equal(t, []string{"phase1", "phase2"}, o.View.Types)
	assert.Equal(t, network.Date{Year: 2001}, o.View.From)
	assert.Equal(t, network.Date{Year: 2002, Month: 6}, o.View.To)
	assert.Equal(t, "B2", o.View.MinGrade.String())
	assert.Equal(t, analysis.StrengthWeights, o.Weights)
	assert.Equal(t, network.Sum, o.View.Aggregation, "weighted defaults to summed links")
	assert.Equal(t, "kind:cartel,id:x", o.A.String())
	assert.Equal(t, "sector:terrorist", o.B.String())

	o, err = (&scopeFlags{weights: "length", aggregate: "max"}).options()
	require.NoError(t, err)
	assert.Equal(t, analysis.LengthWeights, o.Weights)
	assert.Equal(t, network.Max, o.View.Aggregation)

	for _, tc := range []struct {
		f    scopeFlags
		want string
	}{
		{scopeFlags{elements: "phase1"}, "a dataset's layer names are link types: use -types"},
		{scopeFlags{from: "2001-13"}, "-from:"},
		{scopeFlags{at: "2001"}, "-at: want a day YYYY-MM-DD"},
		{scopeFlags{at: "2001-01-01", from: "2000"}, "At cannot be combined"},
		{scopeFlags{minGrade: "Z9"}, "-min-grade:"},
		{scopeFlags{weights: "inverse"}, "-weights: unknown weighting"},
		{scopeFlags{weights: "length", weighted: true}, "-weighted means -weights strength"},
		{scopeFlags{aggregate: "mean"}, "-aggregate: unknown aggregation"},
		{scopeFlags{a: "banker"}, "-a: selector"},
		{scopeFlags{to: "2000", from: "2001"}, "view window"},
	} {
		_, err := tc.f.options()
		assert.ErrorContains(t, err, tc.want)
	}
}

// Untyped published data: the nexus analyses fail and say how to type the
// actors; the analyses that need no sets work on the same flags.
func TestScopeUntypedData(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"nexus", "-in", krebsEdges, "-nodes", krebsNodes}, &out, &errOut)
	assert.Equal(t, 1, code)
	assert.Empty(t, out.String())
	// Errors are printed as "analyze CMD: message", without the library's
	// "nexus: " prefix.
	assert.True(t, strings.HasPrefix(errOut.String(), "analyze nexus: "), errOut.String())
	assert.NotContains(t, errOut.String(), "analyze nexus: nexus: ")
	assert.Contains(t, errOut.String(), "set A (default: sector:criminal) is empty")
	assert.Contains(t, errOut.String(), "kind and sectors columns")

	out.Reset()
	errOut.Reset()
	code = run([]string{"disrupt", "-in", krebsEdges, "-nodes", krebsNodes, "-strategy", "nexus_betweenness"}, &out, &errOut)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut.String(), "analyze disrupt: disruption by nexus betweenness: set A")

	out.Reset()
	errOut.Reset()
	code = run([]string{"disrupt", "-in", krebsEdges, "-nodes", krebsNodes, "-steps", "1"}, &out, &errOut)
	assert.Equal(t, 0, code, errOut.String())
	assert.Contains(t, errOut.String(), "warning: connected_pairs is 0 throughout")
	assert.Len(t, readCSV(t, out.Bytes()), 3)

	// A layer of CAVIAR through -types: phase 1 alone has 15 actors with ties.
	out.Reset()
	code = run([]string{"measures", "-in", caviarEdges, "-nodes", caviarNodes, "-one-way", "-directed", "-types", "phase1",
		"-measures", "degree"}, &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	rows := readCSV(t, out.Bytes())
	require.Equal(t, []string{"id", "name", "degree"}, rows[0])
	tied := 0
	for _, r := range records(t, rows) {
		if r["degree"] != "0" {
			tied++
		}
	}
	assert.Equal(t, 15, tied)
}

// -sectors keeps the actors of the sectors given: the organisation level
// of the scenario without its places.
func TestSectorsFlag(t *testing.T) {
	in := filepath.Join("..", "..", "testdata", "scenarios", "western-hemisphere.json")
	code, out, errOut := runCmd("summary", "-in", in, "-json", "-sectors", "criminal,terrorist,facilitator,state,licit")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, `"actors": 43`)
	code, _, errOut = runCmd("summary", "-in", in, "-sectors", "place,crim")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `-sectors: unknown sector "crim"`)
}
