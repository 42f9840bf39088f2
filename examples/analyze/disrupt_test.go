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

func TestDisruptCaviarDegree(t *testing.T) {
	rows := readCSV(t, runOK(t, "disrupt", "-in", caviarEdges, "-nodes", caviarNodes, "-strategy", "degree", "-steps", "3"))
	require.Len(t, rows, 5)
	assert.Equal(t, disruptColumns, rows[0])
	recs := records(t, rows)
	// Step 0 is the intact network: all 110 actors of the node table,
	// nothing removed, no connected criminal–terrorist pairs (CAVIAR has
	// no sectors), no recovery.
	s0 := recs[0]
	assert.Equal(t, "0", s0["step"])
	assert.Equal(t, "", s0["removed"])
	assert.Equal(t, "", s0["removed_name"])
	assert.Equal(t, "110", s0["remaining"])
	assert.Equal(t, "0", s0["connected_pairs"])
	assert.Equal(t, "", s0["new_ties"])
	// N1 (Daniel Serero) has the highest degree and goes first.
	s1 := recs[1]
	assert.Equal(t, []string{"1", "1", "N1 (Daniel Serero)", "109"},
		[]string{s1["step"], s1["removed"], s1["removed_name"], s1["remaining"]})
	for i, r := range recs {
		assert.Equal(t, "", r["new_ties"], "row %d: no recovery, no new ties", i+1)
	}
	// Removing Serero shrinks the largest component and fragments the rest.
	assert.Less(t, atoi(t, s1["largest"]), atoi(t, s0["largest"]))
	assert.Greater(t, atof(t, s1["fragmentation"]), atof(t, s0["fragmentation"]))

	var steps []map[string]any
	require.NoError(t, json.Unmarshal(runOK(t, "disrupt", "-in", caviarEdges, "-nodes", caviarNodes, "-steps", "1", "-json"), &steps))
	require.Len(t, steps, 2)
	assert.Equal(t, "1", steps[1]["removed"])
	assert.Equal(t, "N1 (Daniel Serero)", steps[1]["removed_name"])
	assert.Equal(t, []any{}, steps[1]["new_ties"])
	assert.Equal(t, s1["efficiency"], formatValue(steps[1]["efficiency"].(float64)))
}

// With certain recovery every surviving contact of Serero not yet tied to
// the best-connected of them (N3) gets a tie to N3; the largest component
// stays almost whole.
func TestDisruptRecovery(t *testing.T) {
	rows := readCSV(t, runOK(t, "disrupt", "-in", caviarEdges, "-nodes", caviarNodes, "-steps", "1", "-recovery", "1"))
	require.Len(t, rows, 3)
	assert.Equal(t, disruptColumns, rows[0])
	s1 := records(t, rows)[1]
	assert.Equal(t, []string{"1", "1", "109", "104"}, []string{s1["step"], s1["removed"], s1["remaining"], s1["largest"]})
	ties := strings.Split(s1["new_ties"], ";")
	require.NotEmpty(t, ties)
	assert.Equal(t, "4-3", ties[0])
	for _, tie := range ties {
		assert.True(t, strings.HasSuffix(tie, "-3"), tie)
	}
}

func TestDisruptRandomReproducible(t *testing.T) {
	base := []string{"disrupt", "-in", caviarEdges, "-nodes", caviarNodes, "-strategy", "random", "-steps", "5", "-recovery", "0.5", "-sequential"}
	args := append(base[:len(base):len(base)], "-seed", "42")
	first := runOK(t, args...)
	assert.Equal(t, string(first), string(runOK(t, args...)))
	rows := readCSV(t, first)
	require.Len(t, rows, 7)
	assert.Equal(t, disruptColumns, rows[0])
	seen := map[string]bool{}
	for _, r := range records(t, rows)[1:] {
		assert.NotEmpty(t, r["removed"])
		assert.False(t, seen[r["removed"]], "actor %s removed twice", r["removed"])
		seen[r["removed"]] = true
	}
	other := runOK(t, append(base[:len(base):len(base)], "-seed", "43")...)
	assert.NotEqual(t, string(first), string(other))
}

// warnFile writes to a temporary JSON file cartel members c1 and c2, a
// hawala operator h (facilitator) and terrorists t1 and t2, with dated
// links:
//
//	0  c1 – h   2020
//	1  h – t1   2020–2021
//	2  c2 – h   2021
//	3  c1 – h   2021
//	4  t1 – t2  2021
//
// In 2020 only c1 – h – t1 is active: h carries the one criminal →
// terrorist pair (c1, t1), nexus betweenness 1. In 2021 h carries all
// four pairs (c1 and c2 to t1 and t2): 4; t1 carries (c1, t2) and (c2,
// t2): 2, from 0. The new cross-sector tie is c2 – h (criminal –
// facilitator); t1 – t2 is within one sector and c1 – h is not new.
// Only c2 ("Carlos") and h ("Hawaladar") have names.
func warnFile(t *testing.T) string {
	t.Helper()
	n := network.New("warn")
	for _, a := range []network.Actor{{ID: "c1", Kind: network.Cartel}, {ID: "c2", Name: "Carlos", Kind: network.Cartel},
		{ID: "h", Name: "Hawaladar", Kind: network.Hawala}, {ID: "t1", Kind: network.Operative}, {ID: "t2", Kind: network.Operative}} {
		require.NoError(t, n.AddActor(a))
	}
	y2020, y2021 := network.Date{Year: 2020}, network.Date{Year: 2021}
	for _, l := range []network.Link{
		{From: "c1", To: "h", Type: "meets", Start: y2020, End: y2020},
		{From: "h", To: "t1", Type: "meets", Start: y2020, End: y2021},
		{From: "c2", To: "h", Type: "meets", Start: y2021, End: y2021},
		{From: "c1", To: "h", Type: "meets", Start: y2021, End: y2021},
		{From: "t1", To: "t2", Type: "meets", Start: y2021, End: y2021},
	} {
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	path := filepath.Join(t.TempDir(), "warn.json")
	require.NoError(t, netio.Save(n, path, ""))
	return path
}

func TestWarnWindows(t *testing.T) {
	path := warnFile(t)
	args := []string{"warn", "-in", path, "-from1", "2020", "-to1", "2020", "-from2", "2021", "-to2", "2021"}
	rows := readCSV(t, runOK(t, args...))
	assert.Equal(t, warnColumns, rows[0])
	newLink := map[string]string{"kind": "new_link", "id": "c2", "name": "Carlos", "other": "h", "other_name": "Hawaladar",
		"before": "", "after": "", "increase": "", "links": "c2>h:association:meets"}
	riseH := map[string]string{"kind": "rise", "id": "h", "name": "Hawaladar", "other": "", "other_name": "",
		"before": "1", "after": "4", "increase": "3", "links": ""}
	assert.Equal(t, []map[string]string{
		newLink,
		{"kind": "new_broker", "id": "t1", "name": "", "other": "", "other_name": "",
			"before": "", "after": "2", "increase": "", "links": ""},
		riseH,
		{"kind": "rise", "id": "t1", "name": "", "other": "", "other_name": "",
			"before": "0", "after": "2", "increase": "2", "links": ""},
	}, records(t, rows))

	rows = readCSV(t, runOK(t, append(args, "-top", "1")...))
	require.Len(t, rows, 4)
	assert.Equal(t, riseH, records(t, rows)[2])

	var w struct {
		NewLinks []struct {
			From     string
			FromName string `json:"from_name"`
			To       string
			ToName   string `json:"to_name"`
			Links    []struct {
				ID             int
				From, To, Type string
				Element        string
			}
		} `json:"new_links"`
		NewBrokers []struct {
			ID    string
			Name  string
			Value float64
		} `json:"new_brokers"`
		Rises []struct{ ID, Name string } `json:"rises"`
	}
	require.NoError(t, json.Unmarshal(runOK(t, append(args, "-json")...), &w))
	require.Len(t, w.NewLinks, 1)
	assert.Equal(t, "c2", w.NewLinks[0].From)
	assert.Equal(t, "Carlos", w.NewLinks[0].FromName)
	assert.Equal(t, "h", w.NewLinks[0].To)
	assert.Equal(t, "Hawaladar", w.NewLinks[0].ToName)
	require.Len(t, w.NewLinks[0].Links, 1)
	assert.Equal(t, 2, w.NewLinks[0].Links[0].ID)
	assert.Equal(t, "c2", w.NewLinks[0].Links[0].From)
	assert.Equal(t, "association", w.NewLinks[0].Links[0].Element)
	assert.Equal(t, "meets", w.NewLinks[0].Links[0].Type)
	require.Len(t, w.NewBrokers, 1)
	assert.Equal(t, "t1", w.NewBrokers[0].ID)
	assert.Equal(t, "", w.NewBrokers[0].Name)
	assert.Equal(t, 2.0, w.NewBrokers[0].Value)
	require.Len(t, w.Rises, 2)
	assert.Equal(t, "h", w.Rises[0].ID)
	assert.Equal(t, "Hawaladar", w.Rises[0].Name)

	// The same network against itself: nothing new.
	rows = readCSV(t, runOK(t, "warn", "-in", path, "-in2", path))
	assert.Equal(t, [][]string{warnColumns}, rows)
}

func TestDisruptWarnErrors(t *testing.T) {
	path := warnFile(t)
	// Every one is a usage error: exit status 2 (it was 1 before usage
	// errors got their own status), nothing on standard output.
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"disrupt", "-in", path, "-strategy", "pagerank"}, `-strategy: unknown disruption strategy "pagerank" (want degree, betweenness, nexus_betweenness, key_player, random)`},
		{[]string{"disrupt", "-in", path, "-recovery", "2"}, "-recovery must be in [0, 1]"},
		{[]string{"disrupt", "-in", path, "-steps", "-1"}, "-steps must not be negative"},
		{[]string{"disrupt"}, "-in is required"},
		{[]string{"warn", "-in", path, "-from1", "2020-13-01"}, "-from1: bad date"},
		{[]string{"warn", "-in", path, "-to2", "20"}, "-to2: bad date"},
		{[]string{"warn", "-in", path, "-in2", path, "-from1", "2020"}, "-in2 cannot be combined"},
		{[]string{"warn", "-in", path}, "give the later snapshot: -in2 FILE, or two time windows"},
	} {
		var out, errOut bytes.Buffer
		assert.Equal(t, 2, run(tc.args, &out, &errOut), tc.args)
		assert.Contains(t, errOut.String(), tc.msg, tc.args)
		assert.Empty(t, out.String(), tc.args)
	}
	var out, errOut bytes.Buffer
	assert.Equal(t, 0, run([]string{"warn", "-h"}, &out, &errOut))
	assert.Contains(t, errOut.String(), "kind,id,name,other,other_name,before,after,increase,links")
	assert.Equal(t, 0, run([]string{"disrupt", "-h"}, &out, &errOut))
	assert.Contains(t, errOut.String(), "distance_fragmentation")
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	v, err := strconv.Atoi(s)
	require.NoError(t, err)
	return v
}

func atof(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err)
	return v
}
