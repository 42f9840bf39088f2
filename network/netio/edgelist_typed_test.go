package netio

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
)

// readEdges reads an edge list (and node table, if not nil) from strings.
func readEdges(t *testing.T, edges string, nodes *string, opts EdgeListOptions) (*network.Network, error) {
	t.Helper()
	var nr io.Reader
	if nodes != nil {
		nr = strings.NewReader(*nodes)
	}
	return ReadEdgeList(strings.NewReader(edges), "edges.csv", nr, "nodes.csv", opts)
}

func TestReadEdgeListTypedColumns(t *testing.T) {
	tests := []struct {
		name   string
		edges  string
		nodes  *string
		opts   EdgeListOptions
		actors []network.Actor // nil: not checked
		links  []network.Link
	}{
		{
			name: "every link column",
			edges: "source,target,weight,layer,element,start,end,grade,commodity,mode,channel,mutual,provenance,attributes,note\n" +
				"farc,cartel,2.5,supply,materiel,2005,2008-06,B2,cocaine,sea,,false,State Dept 2008,\"{\"\"volume_t\"\":1.5}\",seized\n" +
				"cartel,hawala,,,Money,2001-09-11,2001-09-30,b2/3,,,hawala,yes,,,\n" +
				"hawala,hawala,0,,,,,1AP,,,,,,,007\n",
			opts:   EdgeListOptions{Directed: true, Source: "default source"},
			actors: []network.Actor{{ID: "farc"}, {ID: "cartel"}, {ID: "hawala"}},
			links: []network.Link{
				{ID: 0, From: "farc", To: "cartel", Element: network.Materiel, Type: "supply", Weight: 2.5,
					Commodity: "cocaine", Mode: "sea", Start: network.Date{Year: 2005}, End: network.Date{Year: 2008, Month: 6},
					Source: "State Dept 2008", Grade: network.MustParseGrade("B2"),
					Attributes: network.Attributes{"volume_t": 1.5, "note": "seized"}},
				{ID: 1, From: "cartel", To: "hawala", Element: network.Money, Mutual: true, Weight: 1, Channel: "hawala",
					Start: network.Date{Year: 2001, Month: 9, Day: 11}, End: network.Date{Year: 2001, Month: 9, Day: 30},
					Source: "default source", Grade: network.MustParseGrade("B2/3")},
				{ID: 2, From: "hawala", To: "hawala", Weight: 0, Source: "default source", Grade: network.MustParseGrade("1AP"),
					Attributes: network.Attributes{"note": "007"}},
			},
		},
		{
			name:   "from,to header: a header, with source as the provenance",
			edges:  "From,To,weight,source,type\na,b,2,Krebs 2002,kin\nb,c,,,\n",
			actors: []network.Actor{{ID: "a"}, {ID: "b"}, {ID: "c"}},
			links: []network.Link{
				{ID: 0, From: "a", To: "b", Mutual: true, Weight: 2, Source: "Krebs 2002", Type: "kin"},
				{ID: 1, From: "b", To: "c", Mutual: true, Weight: 1},
			},
		},
		{
			name:   "type column with other values is the link type",
			edges:  "source,target,type\na,b,Directed\nb,c,\nc,a,kin\nb,a,undirected\n",
			opts:   EdgeListOptions{Directed: true},
			actors: []network.Actor{{ID: "a"}, {ID: "b"}, {ID: "c"}},
			links: []network.Link{
				{ID: 0, From: "a", To: "b", Type: "Directed", Weight: 1},
				{ID: 1, From: "b", To: "c", Weight: 1},
				{ID: 2, From: "c", To: "a", Type: "kin", Weight: 1},
				{ID: 3, From: "b", To: "a", Type: "undirected", Weight: 1},
			},
		},
		{
			name: "Gephi edges export",
			edges: "Source,Target,Type,Id,Label,timeset,Weight\n" +
				"a,b,Undirected,0,,,1.5\n" +
				"b,c,Directed,1,ally,,2.0\n" +
				"c,a,UNDIRECTED,2,,,\n",
			opts:   EdgeListOptions{Directed: true},
			actors: []network.Actor{{ID: "a"}, {ID: "b"}, {ID: "c"}},
			links: []network.Link{
				{ID: 0, From: "a", To: "b", Mutual: true, Weight: 1.5, Attributes: network.Attributes{"id": int64(0)}},
				{ID: 1, From: "b", To: "c", Mutual: false, Weight: 2, Attributes: network.Attributes{"id": int64(1), "label": "ally"}},
				{ID: 2, From: "c", To: "a", Mutual: true, Weight: 1, Attributes: network.Attributes{"id": int64(2)}},
			},
		},
		{
			name:  "Gephi direction against the Directed option, with a layer and a mutual column",
			edges: "Source,Target,Type,layer,mutual\na,b,directed,kin,\nb,c,,work,\nc,a,Undirected,,true\na,c,Directed,,false\n",
			links: []network.Link{
				{ID: 0, From: "a", To: "b", Type: "kin", Weight: 1},
				{ID: 1, From: "b", To: "c", Type: "work", Mutual: true, Weight: 1},
				{ID: 2, From: "c", To: "a", Mutual: true, Weight: 1},
				{ID: 3, From: "a", To: "c", Weight: 1},
			},
		},
		{
			name: "Gephi nodes and edges export",
			edges: "Source,Target,Type,Id,Label,timeset,Weight\n" +
				"1,2,Undirected,0,,,3\n",
			nodes: ptr("Id,Label,timeset,Modularity Class\n1,Ana,,0\n2,Ben,,1\n"),
			actors: []network.Actor{
				{ID: "1", Name: "Ana", Attributes: network.Attributes{"Modularity Class": int64(0)}},
				{ID: "2", Name: "Ben", Attributes: network.Attributes{"Modularity Class": int64(1)}},
			},
			links: []network.Link{{ID: 0, From: "1", To: "2", Mutual: true, Weight: 3, Attributes: network.Attributes{"id": int64(0)}}},
		},
		{
			name:  "weight column strength (krebs-911 layout)",
			edges: "source,target,strength,level\n1,2,5,1\n2,3,,2\n",
			opts:  EdgeListOptions{WeightColumn: " Strength "},
			links: []network.Link{
				{ID: 0, From: "1", To: "2", Mutual: true, Weight: 5, Attributes: network.Attributes{"level": int64(1)}},
				{ID: 1, From: "2", To: "3", Mutual: true, Weight: 1, Attributes: network.Attributes{"level": int64(2)}},
			},
		},
		{
			name:  "weight column named weight explicitly",
			edges: "source,target,Weight\n1,2,4\n",
			opts:  EdgeListOptions{WeightColumn: "weight"},
			links: []network.Link{{ID: 0, From: "1", To: "2", Mutual: true, Weight: 4}},
		},
		{
			name:  "node table with kinds, sectors, aliases and attributes",
			edges: "a,b\n",
			nodes: ptr("id,name,kind,sectors,aliases,attributes,founded\n" +
				"a,FARC,insurgency,criminal,\"Fuerzas Armadas; FARC-EP \",\"{\"\"country\"\":\"\"CO\"\"}\",1964\n" +
				"b,,,\"[\"\"licit\"\",\"\"Criminal\"\"]\",\"[\"\"a;b\"\",\"\" c\"\"]\",,\n"),
			actors: []network.Actor{
				{ID: "a", Name: "FARC", Kind: network.Insurgency, Sectors: []network.Sector{network.Criminal},
					Aliases: []string{"Fuerzas Armadas", "FARC-EP"}, Attributes: network.Attributes{"country": "CO", "founded": int64(1964)}},
				{ID: "b", Sectors: []network.Sector{network.Licit, network.Criminal}, Aliases: []string{"a;b", " c"}},
			},
			links: []network.Link{{ID: 0, From: "a", To: "b", Mutual: true, Weight: 1}},
		},
		{
			name:  "node table type column is an attribute (mafia-infinito layout)",
			edges: "source,target,layer,weight\n1,2,attendance,1\n",
			nodes: ptr("id,label,type\n1,ALBANESE Giuseppe Domenico,person\n2,ALVIANO Umberto,person\n"),
			actors: []network.Actor{
				{ID: "1", Name: "ALBANESE Giuseppe Domenico", Attributes: network.Attributes{"type": "person"}},
				{ID: "2", Name: "ALVIANO Umberto", Attributes: network.Attributes{"type": "person"}},
			},
			links: []network.Link{{ID: 0, From: "1", To: "2", Type: "attendance", Mutual: true, Weight: 1}},
		},
		{
			name:  "madrid-jjatt layout: layer, weight and attribute columns",
			edges: "source,target,layer,weight,tie_year,tie_extinguish\n318,3100,1999,3,1999,2001-2\n318,3100,2000_1,3,1999,2001-2\n",
			links: []network.Link{
				{ID: 0, From: "318", To: "3100", Type: "1999", Mutual: true, Weight: 3,
					Attributes: network.Attributes{"tie_year": int64(1999), "tie_extinguish": "2001-2"}},
				{ID: 1, From: "318", To: "3100", Type: "2000_1", Mutual: true, Weight: 3,
					Attributes: network.Attributes{"tie_year": int64(1999), "tie_extinguish": "2001-2"}},
			},
		},
		{
			name:   "first row with an actor named like a column is data",
			edges:  "weight,Alice\nAlice,Bob\n",
			actors: []network.Actor{{ID: "weight"}, {ID: "Alice"}, {ID: "Bob"}},
			links: []network.Link{
				{ID: 0, From: "weight", To: "Alice", Mutual: true, Weight: 1},
				{ID: 1, From: "Alice", To: "Bob", Mutual: true, Weight: 1},
			},
		},
		{
			name:   "endpoint names that are not node-table actors make a header",
			edges:  "source,target\nfrom,to\n",
			nodes:  ptr("id\nfrom\nto\n"),
			actors: []network.Actor{{ID: "from"}, {ID: "to"}},
			links:  []network.Link{{ID: 0, From: "from", To: "to", Mutual: true, Weight: 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := readEdges(t, tt.edges, tt.nodes, tt.opts)
			require.NoError(t, err)
			if tt.actors != nil {
				assert.Equal(t, tt.actors, n.Actors())
			}
			assert.Equal(t, tt.links, n.Links())
		})
	}
}

// TestReadEdgeListReadsNativeLinks reads the links.csv and actors.csv that
// WriteCSV writes as an edge list and its node table: with from,to
// endpoints every column of the native format is a field there too.
func TestReadEdgeListReadsNativeLinks(t *testing.T) {
	n := network.New("")
	for _, a := range []network.Actor{
		{ID: "farc", Name: "FARC", Kind: network.Insurgency, Sectors: []network.Sector{network.Criminal},
			Aliases: []string{"a;b", "FARC-EP"}, Attributes: network.Attributes{"founded": int64(1964), "size": 3.0}},
		{ID: "medellín", Name: "Cártel de Medellín", Kind: network.Cartel},
		{ID: "hawaladar-1", Kind: network.Hawala, Sectors: []network.Sector{network.Licit}},
	} {
		require.NoError(t, n.AddActor(a))
	}
	for _, l := range []network.Link{
		{From: "farc", To: "medellín", Element: network.Materiel, Type: "supplies", Weight: 2.5,
			Commodity: "cocaine", Mode: "sea", Start: network.Date{Year: 2005}, End: network.Date{Year: 2008, Month: 6},
			Source: "State Dept 2008", Grade: network.MustParseGrade("B2"),
			Attributes: network.Attributes{"volume_t": 1.5, "currency": "USD"}},
		{From: "medellín", To: "hawaladar-1", Element: network.Money, Type: "directed", Mutual: true, Weight: 0,
			Channel: "hawala", Grade: network.MustParseGrade("B2/3")},
		{From: "hawaladar-1", To: "hawaladar-1", Element: network.Manpower, Weight: 1e-9},
	} {
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	var actors, links bytes.Buffer
	require.NoError(t, WriteCSV(n, &actors, &links))
	for _, directed := range []bool{false, true} {
		m, err := ReadEdgeList(bytes.NewReader(links.Bytes()), "links.csv", bytes.NewReader(actors.Bytes()), "actors.csv",
			EdgeListOptions{Directed: directed})
		require.NoError(t, err)
		assert.Equal(t, n.Actors(), m.Actors())
		assert.Equal(t, n.Links(), m.Links())
	}
}

func TestReadEdgeListHeaderErrors(t *testing.T) {
	tests := []struct {
		name     string
		edges    string
		nodes    *string
		opts     EdgeListOptions
		file     string
		line     int
		column   int
		record   string
		keywords []string
	}{
		{name: "header that is also a link of the node table", edges: "source,target\na,b\n", nodes: ptr("id\nsource\ntarget\na\nb\n"),
			file: "edges.csv", line: 1, record: "header",
			keywords: []string{"could be a header", `"source" is an actor of the node table nodes.csv`, "from,to above it"}},
		{name: "from,to also a link of the node table", edges: "a,from,to\nx,y,z\n", nodes: ptr("id\na\n"),
			file: "edges.csv", line: 1, record: "header", keywords: []string{`"a" is an actor`, "source,target above it"}},
		{name: "header without endpoints", edges: "weight,layer,Type\n1,x,y\n", file: "edges.csv", line: 1, record: "header",
			keywords: []string{"header (weight,layer,Type)", "names no endpoint columns", "want source,target or from,to"}},
		{name: "header with half an endpoint pair", edges: "# c\nSource,weight\na,1\n", file: "edges.csv", line: 2, record: "header",
			keywords: []string{"names source but not target"}},
		{name: "mixed endpoint pairs", edges: "from,target\na,b\n", file: "edges.csv", line: 1, record: "header",
			keywords: []string{"but not", "want source,target or from,to"}},
		{name: "node table as the edges file", edges: "id,label\n1,A\n", file: "edges.csv", line: 1, record: "header",
			keywords: []string{"names no endpoint columns"}},
		{name: "both endpoint pairs", edges: "from,to,source,target\na,b,c,d\n", file: "edges.csv", line: 1, column: 9, record: "header",
			keywords: []string{"both source,target and from,to"}},
		{name: "from with source,target", edges: "source,target,from\na,b,c\n", file: "edges.csv", line: 1, column: 15, record: "header",
			keywords: []string{`column "from" is a link field name`}},
		{name: "layer and type", edges: "source,target,layer,type\na,b,kin,Directed\nb,c,kin,family\n", file: "edges.csv", line: 3, column: 9,
			record: "link 1", keywords: []string{`type column holds "family"`, "layer column"}},
		{name: "layer and type given twice", edges: "source,target,layer,Layer\na,b,c,d\n", file: "edges.csv", line: 1, column: 21,
			record: "header", keywords: []string{`"layer" given twice`}},
		{name: "source and provenance", edges: "from,to,source,provenance\na,b,c,d\n", file: "edges.csv", line: 1, column: 16,
			record: "header", keywords: []string{`"source" and "provenance" both give the provenance`}},
		{name: "mutual contradicts Gephi type", edges: "Source,Target,Type,mutual\na,b,Undirected,true\nb,c,Directed,yes\n",
			file: "edges.csv", line: 3, column: 14, record: "link 1", keywords: []string{"mutual is true but the type column says Directed"}},
		{name: "weight column missing", edges: "source,target,level\na,b,1\n", opts: EdgeListOptions{WeightColumn: "strength"},
			file: "edges.csv", line: 1, record: "header", keywords: []string{`no weight column "strength"`, "source,target,level"}},
		{name: "weight column without header", edges: "a,b,1\n", opts: EdgeListOptions{WeightColumn: "strength"},
			file: "edges.csv", line: 1, keywords: []string{"needs a header row", "(a,b,1) is data"}},
		{name: "weight column beside weight", edges: "source,target,strength,weight\na,b,5,1\n", opts: EdgeListOptions{WeightColumn: "strength"},
			file: "edges.csv", line: 1, column: 24, record: "header", keywords: []string{"weight is a link field name"}},
		{name: "weight column names a field", edges: "source,target,layer\na,b,c\n", opts: EdgeListOptions{WeightColumn: "Layer"},
			file: "edges.csv", keywords: []string{`weight column "Layer"`, "another link field"}},
		{name: "bad weight in named column", edges: "source,target,strength\na,b,high\n", opts: EdgeListOptions{WeightColumn: "strength"},
			file: "edges.csv", line: 2, column: 5, record: "link 0", keywords: []string{`bad weight "high"`}},
		{name: "bad element", edges: "from,to,element\na,b,weapons\n", file: "edges.csv", line: 2, column: 5, record: "link 0",
			keywords: []string{"unknown element"}},
		{name: "bad date", edges: "from,to,start\na,b,2001-13\n", file: "edges.csv", line: 2, column: 5, record: "link 0",
			keywords: []string{"start: bad date"}},
		{name: "end before start", edges: "from,to,start,end\na,b,2005,2004\n", file: "edges.csv", line: 2, record: "link 0",
			keywords: []string{"before start"}},
		{name: "bad grade", edges: "source,target,grade\na,b,Z9\n", file: "edges.csv", line: 2, column: 5, record: "link 0",
			keywords: []string{"bad grade"}},
		{name: "bad mutual", edges: "source,target,mutual\na,b,maybe\n", file: "edges.csv", line: 2, column: 5, record: "link 0",
			keywords: []string{"bad mutual"}},
		{name: "bad attributes JSON", edges: "source,target,attributes\na,b,{\n", file: "edges.csv", line: 2, column: 5, record: "link 0",
			keywords: []string{"attributes JSON"}},
		{name: "unknown sector", edges: "a,b\n", nodes: ptr("id,sectors\na,criminal\nb,pirate\n"), file: "nodes.csv", line: 3, column: 3,
			record: `actor "b"`, keywords: []string{"sectors: unknown sector"}},
		{name: "bad aliases", edges: "a,b\n", nodes: ptr("id,aliases\na,\"[\"\"x\"\"\"\n"), file: "nodes.csv", line: 2, column: 3,
			record: `actor "a"`, keywords: []string{"aliases: bad list"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := readEdges(t, tt.edges, tt.nodes, tt.opts)
			require.Error(t, err)
			assert.Nil(t, n)
			assertParseError(t, err, tt.file, tt.line, tt.keywords[0])
			for _, k := range tt.keywords[1:] {
				assert.Contains(t, err.Error(), k)
			}
			var pe *network.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.column, pe.Column, "column: %v", err)
			assert.Equal(t, tt.record, pe.Record, "record: %v", err)
		})
	}
}

// TestReadEdgeListChunking reads inputs one byte at a time and in one
// piece: the streaming reader must not depend on how its input arrives,
// including a byte-order mark, multi-byte runes and invalid UTF-8 cut
// across reads, and a long comment before a tab-separated header.
func TestReadEdgeListChunking(t *testing.T) {
	long := strings.Repeat("# "+strings.Repeat("é", 100)+"\n", 700) // > 64 KiB of comments
	tests := []struct {
		name, edges string
		err         string
	}{
		{name: "BOM and runes", edges: "\ufeffsource,target,note\nÄ,北京,🚢\n北京,Ä,naïve\n"},
		{name: "tabs after a long comment", edges: long + "source\ttarget\nx\ty,z\n"},
		{name: "invalid UTF-8 after a long comment", edges: long + "a,b\nc,\xe2\x82\n", err: "edges.csv:702:3: invalid UTF-8"},
		{name: "cut rune at the end", edges: "a,b\nc,d\xe2\x82", err: "edges.csv:2:4: invalid UTF-8"},
		{name: "bare quote before invalid UTF-8", edges: "a,b\nc\",d\n\xff\n", err: "edges.csv:2:2: bad CSV"},
		{name: "invalid UTF-8 in a quoted field", edges: "a,b\n\"c\n\xff\",d\n", err: "edges.csv:3:1: invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			whole, err := ReadEdgeList(strings.NewReader(tt.edges), "edges.csv", nil, "", EdgeListOptions{})
			bytewise, err2 := ReadEdgeList(&oneByteReader{s: tt.edges}, "edges.csv", nil, "", EdgeListOptions{})
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				require.Error(t, err2)
				assert.Equal(t, err.Error(), err2.Error())
				return
			}
			require.NoError(t, err)
			require.NoError(t, err2)
			assert.Positive(t, whole.NumLinks())
			assert.Equal(t, whole.Actors(), bytewise.Actors())
			assert.Equal(t, whole.Links(), bytewise.Links())
		})
	}
	n, err := ReadEdgeList(strings.NewReader(long+"source\ttarget\nx\ty,z\n"), "edges.csv", nil, "", EdgeListOptions{})
	require.NoError(t, err)
	assert.Equal(t, []network.Link{{ID: 0, From: "x", To: "y,z", Mutual: true, Weight: 1}}, n.Links())
}

// oneByteReader returns its string one byte per Read, with io.EOF only
// after the last byte, as a slow pipe might.
type oneByteReader struct {
	s string
	i int
}

func (r *oneByteReader) Read(p []byte) (int, error) {
	if r.i >= len(r.s) {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = r.s[r.i]
	r.i++
	return 1, nil
}
