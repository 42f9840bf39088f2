package netio

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
)

func pajekFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pajek", name))
	require.NoError(t, err)
	return string(b)
}

// pajekGood are inputs ReadPajek accepts; file is a fixture under
// testdata/pajek, used when input is empty.
var pajekGood = []struct {
	name, file, input string
	netName           string
	names             []string // actor names; IDs are "1".."n"
	links             []txtLink
}{
	{
		name:    "vertices, arcs, edges, relation names",
		file:    "harbour.net",
		netName: "Harbour cell",
		names:   []string{"Ana Ruiz", "Boris Kane", "Chen", "", "Eli"},
		links: []txtLink{
			{"1", "2", 500, false, "pays"},
			{"1", "3", 250, false, "pays"},
			{"2", "1", 1, false, "reports to"},
			{"3", "1", 1, false, "reports to"},
			{"4", "5", 1, true, "kin"},
			{"2", "3", 2, true, "kin"},
		},
	},
	{
		name:  "relation number without a name",
		input: "*Vertices 2\n*Arcs :2\n1 2\n*Edges\n1 2\n",
		names: []string{"", ""},
		links: []txtLink{{"1", "2", 1, false, "2"}, {"1", "2", 1, true, ""}},
	},
	{
		name:  "no vertex lines, lower case, comments, CRLF",
		input: "% a comment\r\n*vertices 3\r\n\r\n*arcs\r\n 1   2 0.25\r\n% another\r\n3 3\r\n",
		names: []string{"", "", ""},
		links: []txtLink{{"1", "2", 0.25, false, ""}, {"3", "3", 1, false, ""}},
	},
	{
		name:    "unquoted network name, arcslist and edgeslist",
		input:   "*Network  Cali cartel  \n*Vertices 4\n1 a\n2 b\n3 c\n4 d\n*Arcslist\n1 2 3\n4\n*Edgeslist :7 alliance\n2 4 1\n",
		netName: "Cali cartel",
		names:   []string{"a", "b", "c", "d"},
		links: []txtLink{
			{"1", "2", 1, false, ""}, {"1", "3", 1, false, ""},
			{"2", "4", 1, true, "alliance"}, {"2", "1", 1, true, "alliance"},
		},
	},
	{
		name:  "matrix",
		input: "*Vertices 3\n1 \"x y\"\n*Matrix : 2 \"money flows\"\n0 2 0\n0 0 1.5\n1 0 0\n",
		names: []string{"x y", "", ""},
		links: []txtLink{
			{"1", "2", 2, false, "money flows"},
			{"2", "3", 1.5, false, "money flows"},
			{"3", "1", 1, false, "money flows"},
		},
	},
	{
		name:  "drawing keywords after the vertices, zero weight kept",
		input: "*Vertices 2\n*Edges\n1 2 c Red\n2 1 0 l \"tie\"\n",
		names: []string{"", ""},
		links: []txtLink{{"1", "2", 1, true, ""}, {"2", "1", 0, true, ""}},
	},
	{
		name:  "no vertices at all",
		input: "*Vertices 0\n",
	},
}

func TestReadPajek(t *testing.T) {
	for _, tc := range pajekGood {
		t.Run(tc.name, func(t *testing.T) {
			input := tc.input
			if tc.file != "" {
				input = pajekFixture(t, tc.file)
			}
			n, err := ReadPajek(strings.NewReader(input), "test.net", network.Limits{})
			require.NoError(t, err)
			txtCheckNetwork(t, n)
			assert.Equal(t, tc.netName, n.Name)
			var ids []string
			if len(tc.names) > 0 {
				ids = seq(len(tc.names))
			}
			assert.Equal(t, ids, txtIDsOf(n))
			assert.Equal(t, tc.names, txtNamesOf(n))
			assert.Equal(t, tc.links, txtLinksOf(n))
		})
	}
}

// pajekBad are inputs ReadPajek rejects: the error must name the file,
// the line and contain every string of want.
var pajekBad = []struct {
	name, input string
	line        int
	want        []string
}{
	{"empty file", "", 1, []string{"empty file"}},
	{"only comments", "% nothing\n\n", 1, []string{"empty file"}},
	{"missing vertices", "*Network x\n", 1, []string{"missing *Vertices"}},
	{"arcs before vertices", "*Arcs\n1 2\n", 1, []string{"before *Vertices"}},
	{"data outside a section", "1 2\n*Vertices 2\n", 1, []string{"outside a section"}},
	{"two-mode", "*Vertices 5 3\n", 1, []string{"two-mode", "not supported"}},
	{"bad vertex count", "*Vertices many\n", 1, []string{`bad vertex count "many"`}},
	{"negative vertex count", "*Vertices -1\n", 1, []string{`bad vertex count "-1"`}},
	{"missing vertex count", "*Vertices\n", 1, []string{"missing vertex count"}},
	{"too many vertices", "*Vertices 999999999\n", 1, []string{"too many vertices"}},
	{"vertex count overflows", "*Vertices 99999999999999999999999\n", 1, []string{"too many vertices"}},
	{"vertices twice", "*Vertices 2\n*Vertices 2\n", 2, []string{"*Vertices given twice"}},
	{"vertex out of range", "*Vertices 2\n1 a\n3 c\n", 3, []string{"vertex 3 out of range 1..2"}},
	{"vertex listed twice", "*Vertices 2\n1 a\n1 b\n", 3, []string{"vertex 1 listed twice"}},
	{"bad vertex number", "*Vertices 2\nx a\n", 2, []string{`bad vertex number "x"`}},
	{"arc out of range", "*Vertices 3\n*Arcs\n1 2\n2 4\n", 4, []string{"vertex 4 out of range 1..3"}},
	{"edge vertex zero", "*Vertices 3\n*Edges\n0 2\n", 3, []string{"vertex 0 out of range 1..3"}},
	{"arc with one field", "*Vertices 3\n*Arcs\n1\n", 3, []string{"want 2 vertex numbers"}},
	{"non-numeric weight", "*Vertices 3\n*Arcs\n1 2 strong\n", 3, []string{`bad weight "strong"`}},
	{"NaN weight", "*Vertices 3\n*Arcs\n1 2 NaN\n", 3, []string{`bad weight "NaN"`}},
	{"infinite weight", "*Vertices 3\n*Edges\n1 2 +Inf\n", 3, []string{`bad weight "+Inf"`}},
	{"negative weight", "*Vertices 3\n*Arcs\n1 2 -3\n", 3, []string{"negative weight -3"}},
	{"arcslist out of range", "*Vertices 3\n*Arcslist\n1 2 9\n", 3, []string{"vertex 9 out of range 1..3"}},
	{"matrix too few values", "*Vertices 3\n*Matrix\n0 1 0\n0 1\n0 0 0\n", 4, []string{"row 2", "want 3 values, found 2"}},
	{"matrix too few rows", "*Vertices 3\n*Matrix\n0 1 0\n0 0 0\n", 4, []string{"want 3 rows, found 2"}},
	{"matrix too few rows before a section", "*Vertices 2\n*Matrix\n0 1\n*Arcs\n", 4, []string{"want 2 rows, found 1"}},
	{"matrix too many rows", "*Vertices 1\n*Matrix\n0\n1\n", 4, []string{"more than 1 rows"}},
	{"matrix bad value", "*Vertices 2\n*Matrix\n0 x\n0 0\n", 3, []string{`bad weight "x"`}},
	{"unsupported section", "*Vertices 2\n*Partition p\n1\n", 2, []string{`unsupported section "*Partition"`}},
	{"bad relation number", "*Vertices 2\n*Arcs :x \"pays\"\n", 2, []string{`bad relation number "x"`}},
	{"unterminated quote", "*Vertices 2\n1 \"Ana\n", 2, []string{"unterminated quote"}},
	{"invalid UTF-8", "*Vertices 2\n1 \"Jos\xe9\"\n", 2, []string{"invalid UTF-8"}},
}

func TestReadPajekErrors(t *testing.T) {
	for _, tc := range pajekBad {
		t.Run(tc.name, func(t *testing.T) {
			n, err := ReadPajek(strings.NewReader(tc.input), "bad.net", network.Limits{})
			require.Error(t, err)
			assert.Nil(t, n)
			var pe *network.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "bad.net", pe.File)
			assert.Equal(t, tc.line, pe.Line, "line of %v", err)
			assert.Contains(t, err.Error(), fmt.Sprintf("bad.net:%d", tc.line))
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestReadPajekErrorText(t *testing.T) {
	_, err := ReadPajek(strings.NewReader("*Vertices 3\n*Arcs\n1 2 -0.5\n"), "w.net", network.Limits{})
	require.EqualError(t, err, "w.net:3:5: *Arcs: negative weight -0.5 (link weights must be non-negative)")
}
