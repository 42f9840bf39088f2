package netio

import (
	"bytes"
	"errors"
	"io"
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
	m, err := ReadCSV(bytes.NewReader(actors.Bytes()), "actors.csv", bytes.NewReader(links.Bytes()), "links.csv", network.Limits{})
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
	f.Add("\ufeffid,kind\r\nä,cartel\r\n", "from,to,start,end\r\nä,ä,2001,2001-02\r\n")
	f.Fuzz(func(t *testing.T, actors, links string) {
		n, err := ReadCSV(strings.NewReader(actors), "actors.csv", strings.NewReader(links), "links.csv", network.Limits{})
		// Read one byte at a time, the result must be the same.
		m, err2 := ReadCSV(&oneByteReader{s: actors}, "actors.csv", &oneByteReader{s: links}, "links.csv", network.Limits{})
		checkSameRead(t, n, err, m, err2)
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

// checkSameRead fails unless two reads of the same input, one of them in
// pieces, gave the same network or the same error.
func checkSameRead(t *testing.T, n *network.Network, err error, m *network.Network, err2 error) {
	t.Helper()
	if (err == nil) != (err2 == nil) {
		t.Fatalf("whole input: %v; one byte at a time: %v", err, err2)
	}
	if err != nil {
		if err.Error() != err2.Error() {
			t.Fatalf("whole input: %v; one byte at a time: %v", err, err2)
		}
		return
	}
	if !reflect.DeepEqual(n.Actors(), m.Actors()) || !reflect.DeepEqual(n.Links(), m.Links()) {
		t.Fatalf("reading one byte at a time changed the network\nwhole: %#v\n%#v\nbytes: %#v\n%#v", n.Actors(), n.Links(), m.Actors(), m.Links())
	}
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
	// The typed columns, Gephi's exports, the header rule.
	f.Add("source,target,weight,layer,element,start,end,grade,commodity,mode,channel,mutual,provenance,attributes,note\n"+
		"a,b,2.5,supply,materiel,2005,2008-06,B2,cocaine,sea,,false,State Dept,\"{\"\"v\"\":1.5}\",x\n"+
		"b,a,,,money,2001-09-11,,b2/3,,,hawala,yes,,,007\n", "", false, true)
	f.Add("From,To,source,type,Mutual\na,b,Krebs 2002,kin,\nb,c,,,1\n", "", false, false)
	f.Add("Source,Target,Type,Id,Label,timeset,Weight\n1,2,Undirected,0,,,1.5\n2,1,Directed,1,ally,,2\n",
		"Id,Label,timeset,Modularity Class\n1,Ana,,0\n2,Ben,,1\n", true, true)
	f.Add("source,target,type,layer,mutual\na,b,directed,kin,\nb,c,Undirected,,false\nc,a,family,,\n", "", false, false)
	f.Add("source,target\nsource,target\n", "id\nsource\ntarget\n", true, false)
	f.Add("from,to\na,b\n", "id,label,sectors,aliases,kind\na,A,criminal;licit,\"[\"\"x;y\"\"]\",cartel\nb,B,,p;q,\n", true, false)
	f.Add("weight,layer\na,b\n", "", false, false)
	f.Add("source,target,strength,level\n1,2,5,1\n", "", false, false)
	f.Add("\ufeff# c\n\nsource\ttarget\ttype\nä\t北京\tDirected\n", "", false, false)
	for _, tt := range edgeErrorCases {
		nodes := ""
		if tt.nodes != nil {
			nodes = *tt.nodes
		}
		f.Add(tt.edges, nodes, tt.nodes != nil, false)
	}
	f.Fuzz(func(t *testing.T, edges, nodes string, useNodes, directed bool) {
		// The weight column is the strength column if there is one, so
		// that WeightColumn is fuzzed too.
		opts := EdgeListOptions{Directed: directed}
		if strings.Contains(strings.ToLower(edges), "strength") {
			opts.WeightColumn = "strength"
		}
		read := func(edges, nodes io.Reader) (*network.Network, error) {
			if !useNodes {
				nodes = nil
			}
			return ReadEdgeList(edges, "edges.csv", nodes, "nodes.csv", opts)
		}
		n, err := read(strings.NewReader(edges), strings.NewReader(nodes))
		m, err2 := read(&oneByteReader{s: edges}, &oneByteReader{s: nodes})
		checkSameRead(t, n, err, m, err2)
		if err != nil {
			if n != nil {
				t.Fatalf("ReadEdgeList returned a network and an error %v", err)
			}
			checkParseError(t, err, "edges.csv", "nodes.csv")
			return
		}
		// Without a mutual or type column, Directed alone decides Mutual.
		if lower := strings.ToLower(edges); !strings.Contains(lower, "mutual") && !strings.Contains(lower, "type") {
			for _, l := range n.Links() {
				if l.Mutual == directed {
					t.Fatalf("link %d: Mutual = %v with Directed = %v", l.ID, l.Mutual, directed)
				}
			}
		}
		checkReRead(t, n)
	})
}
