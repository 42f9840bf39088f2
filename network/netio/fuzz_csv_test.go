package netio

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/illicitnet/illicit/network"
)

// readTestdata returns a dataset file, or "" if it cannot be read.
func readTestdata(tb testing.TB, name, file string) string {
	b, err := os.ReadFile(filepath.Join(datasetDir, name, file))
	if err != nil {
		tb.Logf("seed %s/%s: %v", name, file, err)
		return ""
	}
	return string(b)
}

// datasetSeed returns the header and first maxNodes rows of a dataset's
// nodes.csv, and the header and up to maxEdges rows of its edges.csv that
// join those nodes. The shipped datasets have no quoted fields.
func datasetSeed(tb testing.TB, name string, maxNodes, maxEdges int) (edges, nodes string) {
	nodeLines := strings.SplitAfter(readTestdata(tb, name, "nodes.csv"), "\n")
	if len(nodeLines) > maxNodes+1 {
		nodeLines = nodeLines[:maxNodes+1]
	}
	ids := map[string]bool{}
	for _, line := range nodeLines[1:] {
		ids[strings.Split(line, ",")[0]] = true
	}
	edgeLines := strings.SplitAfter(readTestdata(tb, name, "edges.csv"), "\n")
	out := edgeLines[:1]
	for _, line := range edgeLines[1:] {
		if f := strings.Split(line, ","); len(f) >= 2 && ids[f[0]] && ids[f[1]] && len(out) <= maxEdges {
			out = append(out, line)
		}
	}
	return strings.Join(out, ""), strings.Join(nodeLines, "")
}

// checkReRead writes n with WriteCSV, reads it back and fails unless the
// result equals n.
func checkReRead(t *testing.T, n *network.Network) {
	t.Helper()
	var actors, links bytes.Buffer
	if err := WriteCSV(n, &actors, &links); err != nil {
		t.Fatalf("WriteCSV: %v", err)
	}
	m, err := ReadCSV(bytes.NewReader(actors.Bytes()), "actors.csv", bytes.NewReader(links.Bytes()), "links.csv")
	if err != nil {
		t.Fatalf("reading back what WriteCSV wrote: %v\nactors:\n%s\nlinks:\n%s", err, actors.String(), links.String())
	}
	if !reflect.DeepEqual(n.Actors(), m.Actors()) {
		t.Fatalf("actors changed on a CSV round trip\nfirst:  %#v\nsecond: %#v", n.Actors(), m.Actors())
	}
	if !reflect.DeepEqual(n.Links(), m.Links()) {
		t.Fatalf("links changed on a CSV round trip\nfirst:  %#v\nsecond: %#v", n.Links(), m.Links())
	}
}

// checkParseError fails unless err is a *network.ParseError naming one of files.
func checkParseError(t *testing.T, err error, files ...string) {
	t.Helper()
	var pe *network.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *network.ParseError", err, err)
	}
	for _, f := range files {
		if pe.File == f {
			return
		}
	}
	t.Fatalf("error %v names file %q, want one of %q", err, pe.File, files)
}

func FuzzReadCSV(f *testing.F) {
	var a, l bytes.Buffer
	if err := WriteCSV(fullNetwork(f), &a, &l); err != nil {
		f.Fatal(err)
	}
	f.Add(a.String(), l.String())
	f.Add(okActors, "from,to,weight,mutual,start,end,grade,element\na,b,2,yes,2001,2002-03,B2/3,money\n")
	f.Add("id,name,kind,sectors,aliases,attributes,x\na,A,cartel,criminal;licit,\"[\"\"[a\"\",\"\"b;c\"\"]\",\"{\"\"n\"\":3.0}\",007\n",
		"from,to,type,attributes,y\na,a,kin,\"{\"\"t\"\":true}\",1e5\n")
	for _, tt := range csvErrorCases {
		f.Add(tt.actors, tt.links)
	}
	f.Fuzz(func(t *testing.T, actors, links string) {
		n, err := ReadCSV(strings.NewReader(actors), "actors.csv", strings.NewReader(links), "links.csv")
		if err != nil {
			if n != nil {
				t.Fatalf("ReadCSV returned a network and an error %v", err)
			}
			checkParseError(t, err, "actors.csv", "links.csv")
			return
		}
		checkReRead(t, n)
	})
}

func FuzzReadEdgeList(f *testing.F) {
	// The datasets, cut to their first nodes and the edges among them: the
	// whole files are tested in TestReadEdgeList*, and with inputs of many
	// kilobytes the fuzzer spends its time minimising.
	for _, name := range []string{"krebs-911", "caviar"} {
		edges, nodes := datasetSeed(f, name, 6, 10)
		f.Add(edges, nodes, true, false)
		f.Add(edges, "", false, true)
	}
	f.Add("# c\n\nx , y ,2.5,calls\ny,x,,meetings\ny,y,0,calls\n", "", false, true)
	f.Add("Weight,Target,note,Source,layer,seen,conf\n3,b,\"x, y\",a,kin,true,0.5\n,a,,c,,,\n", "", false, false)
	f.Add("source\ttarget\tweight\nAl Qaeda\tJI\t2\n", "id\tlabel\nJI\tJemaah Islamiyah\nAl Qaeda\t\n", true, true)
	f.Add("source,target\n2,1\n", "id,name,kind,age,role\n1,Ana,criminal,34,\n2,Ben,,,boss\n", true, false)
	for _, tt := range edgeErrorCases {
		nodes := ""
		if tt.nodes != nil {
			nodes = *tt.nodes
		}
		f.Add(tt.edges, nodes, tt.nodes != nil, false)
	}
	f.Fuzz(func(t *testing.T, edges, nodes string, useNodes, directed bool) {
		var nr *strings.Reader
		if useNodes {
			nr = strings.NewReader(nodes)
		}
		var n *network.Network
		var err error
		if nr != nil {
			n, err = ReadEdgeList(strings.NewReader(edges), "edges.csv", nr, "nodes.csv", EdgeListOptions{Directed: directed})
		} else {
			n, err = ReadEdgeList(strings.NewReader(edges), "edges.csv", nil, "nodes.csv", EdgeListOptions{Directed: directed})
		}
		if err != nil {
			if n != nil {
				t.Fatalf("ReadEdgeList returned a network and an error %v", err)
			}
			checkParseError(t, err, "edges.csv", "nodes.csv")
			return
		}
		for _, l := range n.Links() {
			if l.Mutual == directed {
				t.Fatalf("link %d: Mutual = %v with Directed = %v", l.ID, l.Mutual, directed)
			}
		}
		checkReRead(t, n)
	})
}
