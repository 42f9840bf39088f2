package netio

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
)

// datasetDir is where the shipped datasets live, relative to this package.
var datasetDir = filepath.Join("..", "..", "testdata")

// loadDataset reads testdata/<name>/edges.csv with its nodes.csv.
func loadDataset(t testing.TB, name string, opts EdgeListOptions) *network.Network {
	t.Helper()
	edges, err := os.Open(filepath.Join(datasetDir, name, "edges.csv"))
	require.NoError(t, err)
	defer edges.Close()
	nodes, err := os.Open(filepath.Join(datasetDir, name, "nodes.csv"))
	require.NoError(t, err)
	defer nodes.Close()
	n, err := ReadEdgeList(edges, edges.Name(), nodes, nodes.Name(), opts)
	require.NoError(t, err)
	return n
}

// distinctPairs counts the distinct actor pairs joined by links, leaving out
// self-links; directed says whether a->b and b->a are different pairs.
func distinctPairs(links []network.Link, directed bool) int {
	seen := map[[2]string]bool{}
	for _, l := range links {
		if l.From == l.To {
			continue
		}
		p := [2]string{l.From, l.To}
		if !directed && p[0] > p[1] {
			p[0], p[1] = p[1], p[0]
		}
		seen[p] = true
	}
	return len(seen)
}

func TestReadEdgeListKrebs911(t *testing.T) {
	n := loadDataset(t, "krebs-911", EdgeListOptions{Source: "Krebs 2002"})
	// testdata/README: 68 nodes, 158 undirected edges; edges.csv has 191 rows.
	assert.Equal(t, 68, n.NumActors())
	assert.Equal(t, 191, n.NumLinks())
	links := n.Links()
	assert.Equal(t, 158, distinctPairs(links, false))
	for _, l := range links {
		assert.True(t, l.Mutual)
		assert.Equal(t, network.Association, l.Element)
		assert.Equal(t, "Krebs 2002", l.Source)
		assert.Equal(t, 1.0, l.Weight)
	}
	assert.Equal(t, network.Link{ID: 0, From: "1", To: "2", Mutual: true, Weight: 1, Source: "Krebs 2002",
		Attributes: network.Attributes{"strength": int64(5), "level": int64(1)}}, links[0])

	actors := n.Actors()
	assert.Equal(t, "1", actors[0].ID)
	assert.Equal(t, "Hani Hanjour", actors[0].Name)
	atta, ok := n.Actor("14")
	require.True(t, ok)
	assert.Equal(t, network.Actor{ID: "14", Name: "Mohamed Atta", Attributes: network.Attributes{
		"flight": "11_WTC North", "hijacker": true, "in_krebs62": true}}, atta)
	// Atta's degree centrality in the 68-node graph is 0.3284 = 22/67.
	assert.Len(t, n.Neighbours("14"), 22)
	lotfi, _ := n.Actor("5")
	assert.Equal(t, network.Attributes{"hijacker": false, "in_krebs62": true}, lotfi.Attributes)

	hijackers, main := 0, 0
	for _, a := range actors {
		if a.Attributes["hijacker"] == true {
			hijackers++
		}
		if a.Attributes["in_krebs62"] == true {
			main++
		}
	}
	assert.Equal(t, 19, hijackers)
	assert.Equal(t, 62, main)
}

func TestReadEdgeListCaviar(t *testing.T) {
	n := loadDataset(t, "caviar", EdgeListOptions{Directed: true})
	// testdata/README: 110 nodes, 214 undirected edges, 303 arcs; 650 rows.
	assert.Equal(t, 110, n.NumActors())
	assert.Equal(t, 650, n.NumLinks())
	links := n.Links()
	assert.Equal(t, 303, distinctPairs(links, true))
	assert.Equal(t, 214, distinctPairs(links, false))

	// Per-phase arcs and total weight, as in the README's phase table.
	wantArcs := []int{26, 35, 68, 65, 50, 68, 63, 75, 60, 68, 72}
	wantWeight := []float64{59, 120, 282, 456, 162, 668, 379, 335, 317, 478, 355}
	arcs := map[string]int{}
	weight := map[string]float64{}
	for _, l := range links {
		assert.False(t, l.Mutual)
		assert.Nil(t, l.Attributes)
		arcs[l.Type]++
		weight[l.Type] += l.Weight
	}
	assert.Len(t, arcs, 11)
	for i := range wantArcs {
		phase := fmt.Sprintf("phase%d", i+1)
		assert.Equal(t, wantArcs[i], arcs[phase], phase)
		assert.Equal(t, wantWeight[i], weight[phase], phase)
	}
	assert.Equal(t, network.Link{ID: 0, From: "1", To: "2", Type: "phase1", Weight: 2}, links[0])

	serero, ok := n.Actor("1")
	require.True(t, ok)
	assert.Equal(t, network.Actor{ID: "1", Name: "N1 (Daniel Serero)", Attributes: network.Attributes{
		"first_phase": int64(1), "phases_present": "1;2;3;4;5;6;7;8;9;10;11"}}, serero)
	assert.Equal(t, "110", n.Actors()[109].ID)
}

func TestReadEdgeList(t *testing.T) {
	tests := []struct {
		name   string
		edges  string
		nodes  *string
		opts   EdgeListOptions
		actors []network.Actor
		links  []network.Link
	}{
		{
			name:   "positional pairs",
			edges:  "a,b\nb,c\nc,a\n",
			actors: []network.Actor{{ID: "a"}, {ID: "b"}, {ID: "c"}},
			links: []network.Link{
				{ID: 0, From: "a", To: "b", Mutual: true, Weight: 1},
				{ID: 1, From: "b", To: "c", Mutual: true, Weight: 1},
				{ID: 2, From: "c", To: "a", Mutual: true, Weight: 1},
			},
		},
		{
			name:   "positional weight and layer, comments, blank lines, spaces",
			edges:  "# a comment\n\n x , y ,2.5,calls\n# another\ny,x,,meetings\n\ny,y,0,calls\n",
			opts:   EdgeListOptions{Directed: true, Element: network.Mechanism, Source: "wiretaps"},
			actors: []network.Actor{{ID: "x"}, {ID: "y"}},
			links: []network.Link{
				{ID: 0, From: "x", To: "y", Element: network.Mechanism, Type: "calls", Weight: 2.5, Source: "wiretaps"},
				{ID: 1, From: "y", To: "x", Element: network.Mechanism, Type: "meetings", Weight: 1, Source: "wiretaps"},
				{ID: 2, From: "y", To: "y", Element: network.Mechanism, Type: "calls", Weight: 0, Source: "wiretaps"},
			},
		},
		{
			name:   "header in any order with extra columns",
			edges:  "Weight,Target,note,Source,layer,seen,conf\n3,b,\"x, y\",a,kin,true,0.5\n,a,,c,,,\n",
			opts:   EdgeListOptions{Directed: true},
			actors: []network.Actor{{ID: "a"}, {ID: "b"}, {ID: "c"}},
			links: []network.Link{
				{ID: 0, From: "a", To: "b", Type: "kin", Weight: 3,
					Attributes: network.Attributes{"note": "x, y", "seen": true, "conf": 0.5}},
				{ID: 1, From: "c", To: "a", Weight: 1},
			},
		},
		{
			name:   "tab separated",
			edges:  "source\ttarget\tweight\nAl Qaeda\tJI\t2\nJI\tAl Qaeda\t1\n",
			actors: []network.Actor{{ID: "Al Qaeda"}, {ID: "JI"}},
			links: []network.Link{
				{ID: 0, From: "Al Qaeda", To: "JI", Mutual: true, Weight: 2},
				{ID: 1, From: "JI", To: "Al Qaeda", Mutual: true, Weight: 1},
			},
		},
		{
			name:  "node table gives order, names, kinds, attributes and isolates",
			edges: "source,target\n2,1\n",
			nodes: ptr("id,name,kind,age,role\n1,Ana,criminal,34,\n2,Ben,,,boss\n3,Cy,city,,\n"),
			actors: []network.Actor{
				{ID: "1", Name: "Ana", Kind: network.IndividualCriminal, Attributes: network.Attributes{"age": int64(34)}},
				{ID: "2", Name: "Ben", Attributes: network.Attributes{"role": "boss"}},
				{ID: "3", Name: "Cy", Kind: network.City},
			},
			links: []network.Link{{ID: 0, From: "2", To: "1", Mutual: true, Weight: 1}},
		},
		{
			name:   "header only",
			edges:  "source,target\n",
			nodes:  ptr("id,label\nq,Q\n"),
			actors: []network.Actor{{ID: "q", Name: "Q"}},
		},
		{
			name:   "self-loop kept",
			edges:  "s,s\n",
			actors: []network.Actor{{ID: "s"}},
			links:  []network.Link{{ID: 0, From: "s", To: "s", Mutual: true, Weight: 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var nodes io.Reader
			if tt.nodes != nil {
				nodes = strings.NewReader(*tt.nodes)
			}
			n, err := ReadEdgeList(strings.NewReader(tt.edges), "edges.csv", nodes, "nodes.csv", tt.opts)
			require.NoError(t, err)
			assert.Equal(t, tt.actors, n.Actors())
			assert.Equal(t, tt.links, n.Links())
		})
	}
}

func ptr(s string) *string { return &s }

// edgeErrorCase is a bad edge list input and the error it must give.
type edgeErrorCase struct {
	name    string
	edges   string
	nodes   *string
	file    string // file named in the error
	line    int    // 0: no line
	keyword string
}

var edgeErrorCases = []edgeErrorCase{
	{name: "empty edges", edges: "", file: "edges.csv", keyword: "empty"},
	{name: "only comments", edges: "# nothing\n\n#more\n", file: "edges.csv", keyword: "empty"},
	{name: "invalid UTF-8", edges: "a,b\n# c\nc,d\xe2\x82\n", file: "edges.csv", line: 3, keyword: "invalid UTF-8"},
	{name: "wrong number of fields", edges: "a,b\nb,c\nc,d,1\n", file: "edges.csv", line: 3, keyword: "wrong number of fields"},
	{name: "one field", edges: "# x\na\nb\n", file: "edges.csv", line: 2, keyword: "1 field"},
	{name: "five fields", edges: "a,b,1,x,y\n", file: "edges.csv", line: 1, keyword: "5 fields"},
	{name: "bad CSV", edges: "a,b\n\"c,d\n", file: "edges.csv", line: 2, keyword: "bad CSV"},
	{name: "bare quote", edges: "a,b\nc,d\"\n", file: "edges.csv", line: 2, keyword: "bad CSV"},
	{name: "NaN weight", edges: "a,b,1\nb,c,NaN\n", file: "edges.csv", line: 2, keyword: "NaN"},
	{name: "negative weight", edges: "source,target,weight\na,b,-1\n", file: "edges.csv", line: 2, keyword: "negative"},
	{name: "non-numeric weight", edges: "a,b,strong\n", file: "edges.csv", line: 1, keyword: "not a number"},
	{name: "empty source", edges: "a,b\n,b\n", file: "edges.csv", line: 2, keyword: "empty source"},
	{name: "empty target", edges: "source,target\na, \n", file: "edges.csv", line: 2, keyword: "empty target"},
	{name: "field-name column", edges: "source,target,to\na,b,x\n", file: "edges.csv", line: 1, keyword: "field name"},
	{name: "column twice", edges: "source,target,Target\na,b,c\n", file: "edges.csv", line: 1, keyword: "given twice"},
	{name: "empty column name", edges: "source,target,\na,b,c\n", file: "edges.csv", line: 1, keyword: "empty name"},
	{name: "dangling source", edges: "source,target\na,b\n# skip\nc,b\n", nodes: ptr("id\na\nb\n"), file: "edges.csv", line: 4, keyword: "dangling"},
	{name: "dangling target", edges: "a,b\nb,zz\n", nodes: ptr("id\na\nb\n"), file: "edges.csv", line: 2, keyword: "dangling"},
	{name: "empty nodes", edges: "a,b\n", nodes: ptr(""), file: "nodes.csv", keyword: "empty"},
	{name: "nodes without id", edges: "a,b\n", nodes: ptr("label\nx\n"), file: "nodes.csv", line: 1, keyword: `missing required column "id"`},
	{name: "duplicate node", edges: "a,b\n", nodes: ptr("id,label\na,A\nb,B\na,C\n"), file: "nodes.csv", line: 4, keyword: "duplicate actor id"},
	{name: "unknown kind", edges: "a,b\n", nodes: ptr("id,kind\na,cartel\nb,robot\n"), file: "nodes.csv", line: 3, keyword: "unknown kind"},
	{name: "label and name", edges: "a,b\n", nodes: ptr("id,label,name\na,A,A\n"), file: "nodes.csv", line: 1, keyword: "both label and name"},
	{name: "nodes bad aliases", edges: "a,b\n", nodes: ptr("id,aliases\na,x\nb,\"[1,2]\"\n"), file: "nodes.csv", line: 3, keyword: "aliases"},
	{name: "empty node id", edges: "a,b\n", nodes: ptr("id,label\na,A\n ,B\n"), file: "nodes.csv", line: 3, keyword: "empty id"},
	{name: "nodes wrong fields", edges: "a,b\n", nodes: ptr("id,label\na\n"), file: "nodes.csv", line: 2, keyword: "wrong number of fields"},
	{name: "nodes invalid UTF-8", edges: "a,b\n", nodes: ptr("id\n\xc0\n"), file: "nodes.csv", line: 2, keyword: "invalid UTF-8"},
}

func TestReadEdgeListErrors(t *testing.T) {
	for _, tt := range edgeErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			var nodes io.Reader
			if tt.nodes != nil {
				nodes = strings.NewReader(*tt.nodes)
			}
			n, err := ReadEdgeList(strings.NewReader(tt.edges), "edges.csv", nodes, "nodes.csv", EdgeListOptions{})
			require.Error(t, err)
			assert.Nil(t, n)
			assertParseError(t, err, tt.file, tt.line, tt.keyword)
		})
	}
}

func TestReadEdgeListErrorRecord(t *testing.T) {
	_, err := ReadEdgeList(strings.NewReader("source,target,weight\na,b,1\nb,c,x\n"), "e.csv", nil, "", EdgeListOptions{})
	var pe *network.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "link 1", pe.Record)
	assert.Equal(t, 3, pe.Line)
	assert.Equal(t, 5, pe.Column)

	_, err = ReadEdgeList(strings.NewReader("a,b\n"), "e.csv", strings.NewReader("id,kind\nz,robot\n"), "n.csv", EdgeListOptions{})
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, `actor "z"`, pe.Record)
	assert.Equal(t, "n.csv", pe.File)
}

func TestReadEdgeListBadOptions(t *testing.T) {
	tests := []struct {
		name    string
		opts    EdgeListOptions
		keyword string
	}{
		{"element", EdgeListOptions{Element: network.Element(99)}, "invalid element"},
		{"source", EdgeListOptions{Source: "\xff"}, "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadEdgeList(strings.NewReader("a,b\n"), "edges.csv", nil, "", tt.opts)
			var pe *network.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "edges.csv", pe.File)
			assert.Contains(t, err.Error(), tt.keyword)
		})
	}
	_, err := ReadEdgeList(nil, "edges.csv", nil, "", EdgeListOptions{})
	assert.ErrorContains(t, err, "edges.csv")
}

func ExampleReadEdgeList() {
	edges, err := os.Open("../../testdata/krebs-911/edges.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer edges.Close()
	nodes, err := os.Open("../../testdata/krebs-911/nodes.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer nodes.Close()

	// The 9/11 hijackers network is undirected: each row becomes a mutual link.
	n, err := ReadEdgeList(edges, "edges.csv", nodes, "nodes.csv",
		EdgeListOptions{Source: "Krebs (2002), Connections 24(3)"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(n.NumActors(), "actors,", n.NumLinks(), "links")
	atta, _ := n.Actor("14")
	fmt.Println(atta.Name, "hijacker:", atta.Attributes["hijacker"], "neighbours:", len(n.Neighbours(atta.ID)))
	// Output:
	// 68 actors, 191 links
	// Mohamed Atta hijacker: true neighbours: 22
}
