package netio

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
)

// txtLink is the part of a link the DL and Pajek tests compare.
type txtLink struct {
	From, To string
	Weight   float64
	Mutual   bool
	Type     string
}

func txtLinksOf(n *network.Network) []txtLink {
	var out []txtLink
	for _, l := range n.Links() {
		out = append(out, txtLink{l.From, l.To, l.Weight, l.Mutual, l.Type})
	}
	return out
}

func txtIDsOf(n *network.Network) []string {
	var out []string
	for _, a := range n.Actors() {
		out = append(out, a.ID)
	}
	return out
}

func txtNamesOf(n *network.Network) []string {
	var out []string
	for _, a := range n.Actors() {
		out = append(out, a.Name)
	}
	return out
}

// txtCheckNetwork checks what every network read from a file must satisfy.
func txtCheckNetwork(t testing.TB, n *network.Network) {
	t.Helper()
	for _, a := range n.Actors() {
		require.Equal(t, network.KindUnknown, a.Kind, "actor %q", a.ID)
	}
	for _, l := range n.Links() {
		require.True(t, n.HasActor(l.From), "link from %q: no such actor", l.From)
		require.True(t, n.HasActor(l.To), "link to %q: no such actor", l.To)
		require.Equal(t, network.Association, l.Element)
		require.GreaterOrEqual(t, l.Weight, 0.0)
	}
}

func dlFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "dl", name))
	require.NoError(t, err)
	return string(b)
}

func seq(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strconv.Itoa(i + 1)
	}
	return out
}

// dlGood are inputs ReadDL accepts; file is a fixture under testdata/dl,
// used when input is empty.
var dlGood = []struct {
	name, file, input string
	ids               []string
	links             []txtLink
}{
	{
		name: "fullmatrix with quoted labels, symmetric",
		file: "cell_fullmatrix.dl",
		ids:  []string{"Ana Ruiz", "Boris Kane", "Chen", "Dara", "Eli"},
		links: []txtLink{
			{"Ana Ruiz", "Boris Kane", 3, true, ""},
			{"Ana Ruiz", "Chen", 1, true, ""},
			{"Boris Kane", "Dara", 2, true, ""},
			{"Dara", "Eli", 1, true, ""},
		},
	},
	{
		name: "fullmatrix with labels embedded, directed",
		file: "command_embedded.dl",
		ids:  []string{"boss", "lt1", "lt2", "runner"},
		links: []txtLink{
			{"boss", "lt1", 1, false, ""},
			{"boss", "lt2", 1, false, ""},
			{"lt1", "runner", 1, false, ""},
			{"lt2", "runner", 1, false, ""},
		},
	},
	{
		name: "two matrices with matrix labels",
		file: "two_layers.dl",
		ids:  []string{"alpha", "bravo", "charlie", "delta"},
		links: []txtLink{
			{"alpha", "bravo", 1, true, "phone"},
			{"alpha", "charlie", 1, true, "phone"},
			{"bravo", "delta", 1, true, "phone"},
			{"alpha", "charlie", 5000, false, "money"},
			{"charlie", "bravo", 1200, false, "money"},
		},
	},
	{
		name: "edgelist1 with labels and weights",
		file: "route_edgelist1.dl",
		ids:  []string{"kingpin", "broker", "pilot", "dock worker", "accountant"},
		links: []txtLink{
			{"kingpin", "broker", 1, false, ""},
			{"broker", "pilot", 2, false, ""},
			{"broker", "dock worker", 1, false, ""},
			{"accountant", "kingpin", 0.5, false, ""},
		},
	},
	{
		name: "nodelist1 with labels",
		file: "hawala_nodelist1.dl",
		ids:  []string{"hawaladar_A", "hawaladar_B", "client1", "client2", "client3"},
		links: []txtLink{
			{"client1", "hawaladar_A", 1, false, ""},
			{"client2", "hawaladar_A", 1, false, ""},
			{"client3", "hawaladar_B", 1, false, ""},
			{"hawaladar_A", "hawaladar_B", 1, false, ""},
		},
	},
	{
		name:  "no labels, no format, upper case",
		input: "DL N = 3\nDATA:\n0 1 0\n0 0 2.5\n0 0 0\n",
		ids:   seq(3),
		links: []txtLink{{"1", "2", 1, false, ""}, {"2", "3", 2.5, false, ""}},
	},
	{
		name:  "symmetric with a self-tie, CRLF, commas",
		input: "dl\r\nn=3\r\nformat=fm\r\ndata:\r\n2,1,0\r\n1,0,0\r\n0,0,0\r\n",
		ids:   seq(3),
		links: []txtLink{{"1", "1", 2, true, ""}, {"1", "2", 1, true, ""}},
	},
	{
		name:  "all zero matrix",
		input: "dl n=2 data:\n0 0\n0 0\n",
		ids:   seq(2),
	},
	{
		name:  "diagonal absent",
		input: "dl n=3 diagonal = absent\nlabels: a b c\ndata:\n1 0\n0 4\n1 0\n",
		ids:   []string{"a", "b", "c"},
		links: []txtLink{{"a", "b", 1, false, ""}, {"b", "c", 4, false, ""}, {"c", "a", 1, false, ""}},
	},
	{
		name:  "missing values are no tie",
		input: "dl n=2\ndata:\n. 1\n. .\n",
		ids:   seq(2),
		links: []txtLink{{"1", "2", 1, false, ""}},
	},
	{
		name: "embedded rows in any order, quoted labels, two matrices",
		input: `dl n=3 nm=2 labels embedded:
matrix labels: "met with", funds
data:
"Mohamed Atta" "Ziad Jarrah" Hanjour
Hanjour 0 1 0
"Mohamed Atta" 0 1 1
"Ziad Jarrah" 1 0 1
"Mohamed Atta" "Ziad Jarrah" Hanjour
"Mohamed Atta" 0 0 7
"Ziad Jarrah" 0 0 0
Hanjour 0 0 0
`,
		ids: []string{"Mohamed Atta", "Ziad Jarrah", "Hanjour"},
		links: []txtLink{
			{"Mohamed Atta", "Ziad Jarrah", 1, false, "met with"},
			{"Mohamed Atta", "Hanjour", 1, false, "met with"},
			{"Ziad Jarrah", "Mohamed Atta", 1, false, "met with"},
			{"Ziad Jarrah", "Hanjour", 1, false, "met with"},
			{"Hanjour", "Ziad Jarrah", 1, false, "met with"},
			{"Mohamed Atta", "Hanjour", 7, false, "funds"},
		},
	},
	{
		name:  "embedded second matrix without its label row, ! separator",
		input: "dl n=2 nm=2 labels embedded data:\nx y\nx 0 1\ny 1 0\n!\nx 0 0\ny 3 0\n",
		ids:   []string{"x", "y"},
		links: []txtLink{{"x", "y", 1, true, "1"}, {"y", "x", 3, false, "2"}}, // unnamed matrices are numbered
	},
	{
		name:  "row and column labels, identical",
		input: "dl nr=2, nc=2\nrow labels: p q\ncolumn labels: p q\ndata:\n0 1\n0 0\n",
		ids:   []string{"p", "q"},
		links: []txtLink{{"p", "q", 1, false, ""}},
	},
	{
		name: "edgelist1 embedded, two matrices, zero and missing values dropped",
		input: `DL n=4 nm=2 format=el1
labels embedded
matrix labels: calls, visits
data:
cortez diaz 3
diaz cortez
diaz "El Flaco" 0
diaz "El Flaco" .
!
"El Flaco" cortez 2
`,
		ids: []string{"cortez", "diaz", "El Flaco"},
		links: []txtLink{
			{"cortez", "diaz", 3, false, "calls"},
			{"diaz", "cortez", 1, false, "calls"},
			{"El Flaco", "cortez", 2, false, "visits"},
		},
	},
	{
		name:  "edgelist1 numbers, data on the data: line, repeated pair",
		input: "dl n=3 format=edgelist1 data: 1 2\n1 2 2\n3 3\n",
		ids:   seq(3),
		links: []txtLink{{"1", "2", 1, false, ""}, {"1", "2", 2, false, ""}, {"3", "3", 1, false, ""}},
	},
	{
		name:  "edgelist1 embedded with a labels list",
		input: "dl n=3 format=edgelist1 labels: a b c labels embedded data:\nc a\n",
		ids:   []string{"a", "b", "c"},
		links: []txtLink{{"c", "a", 1, false, ""}},
	},
	{
		name:  "nodelist1 numbers, ego alone",
		input: "dl n=4 format=nodelist1\ndata:\n1 2 3 4\n2\n4 1\n",
		ids:   seq(4),
		links: []txtLink{{"1", "2", 1, false, ""}, {"1", "3", 1, false, ""}, {"1", "4", 1, false, ""}, {"4", "1", 1, false, ""}},
	},
	{
		name:  "nodelist1 embedded, fewer labels than n",
		input: "dl n=5 format=nl1 labels embedded data:\nhub s1 s2\ns2 hub\n",
		ids:   []string{"hub", "s1", "s2"},
		links: []txtLink{{"hub", "s1", 1, false, ""}, {"hub", "s2", 1, false, ""}, {"s2", "hub", 1, false, ""}},
	},
	{
		name:  "labels trimmed of Unicode spaces",
		input: "dl n=2 labels: a\u00a0 \u2003b data:\n0 1\n0 0\n",
		ids:   []string{"a", "b"},
		links: []txtLink{{"a", "b", 1, false, ""}},
	},
	{
		name:  "byte order mark, labels over several lines with = separators",
		input: "\uFEFFdl n=3\nlabels:\na=b\nc\ndata:\n0 1 0\n1 0 0\n0 0 0\n",
		ids:   []string{"a", "b", "c"},
		links: []txtLink{{"a", "b", 1, true, ""}},
	},
}

func TestReadDL(t *testing.T) {
	for _, tc := range dlGood {
		t.Run(tc.name, func(t *testing.T) {
			input := tc.input
			if tc.file != "" {
				input = dlFixture(t, tc.file)
			}
			n, err := ReadDL(strings.NewReader(input), "test.dl", network.Limits{})
			require.NoError(t, err)
			txtCheckNetwork(t, n)
			assert.Equal(t, "", n.Name)
			assert.Equal(t, tc.ids, txtIDsOf(n))
			for _, name := range txtNamesOf(n) {
				assert.Empty(t, name)
			}
			assert.Equal(t, tc.links, txtLinksOf(n))
		})
	}
}

// TestReadDLFlorentine reads the Padgett Florentine marriage network,
// converted from the shared dataset by testdata/dl/make_florentine_dl.py.
// The expected figures are those of the dataset's README (16 families, 20
// marriage ties, Pucci isolated, Medici degree 0.4 × 15 = 6) and were
// checked with networkx 3.6.1 on edges.csv.
func TestReadDLFlorentine(t *testing.T) {
	n, err := ReadDL(strings.NewReader(dlFixture(t, "florentine_marriage.dl")), "florentine_marriage.dl", network.Limits{})
	require.NoError(t, err)
	txtCheckNetwork(t, n)
	require.Equal(t, 16, n.NumActors())
	require.Equal(t, 20, n.NumLinks())
	for _, l := range n.Links() {
		assert.True(t, l.Mutual, "%s-%s", l.From, l.To)
		assert.Equal(t, 1.0, l.Weight)
		assert.Equal(t, "", l.Type)
	}
	assert.Equal(t, []string{"Acciaiuoli", "Albizzi", "Barbadori", "Bischeri", "Castellani", "Ginori",
		"Guadagni", "Lamberteschi", "Medici", "Pazzi", "Peruzzi", "Pucci", "Ridolfi", "Salviati",
		"Strozzi", "Tornabuoni"}, txtIDsOf(n))
	assert.Equal(t, []string{"Acciaiuoli", "Albizzi", "Barbadori", "Ridolfi", "Salviati", "Tornabuoni"},
		n.Neighbours("Medici"))
	degree := map[string]int{"Acciaiuoli": 1, "Albizzi": 3, "Barbadori": 2, "Bischeri": 3,
		"Castellani": 3, "Ginori": 1, "Guadagni": 4, "Lamberteschi": 1, "Medici": 6, "Pazzi": 1,
		"Peruzzi": 3, "Pucci": 0, "Ridolfi": 3, "Salviati": 2, "Strozzi": 4, "Tornabuoni": 3}
	sum := 0
	for id, d := range degree {
		assert.Len(t, n.Neighbours(id), d, id)
		sum += d
	}
	assert.Equal(t, 2*20, sum)
	// Density 20 / (16·15/2) = 1/6, as in the README.
	assert.InDelta(t, 1.0/6, float64(n.NumLinks())/(16*15/2), 1e-12)
}

// dlBad are inputs ReadDL rejects: the error must name the file, the line
// and contain every string of want.
var dlBad = []struct {
	name, input string
	line        int
	want        []string
}{
	{"empty file", "", 1, []string{"empty file"}},
	{"blank file", "  \n\n", 1, []string{"empty file"}},
	{"missing dl", "n=3\ndata:\n", 1, []string{`missing "dl" header`}},
	{"quoted dl", `"dl" n=3`, 1, []string{`missing "dl" header`}},
	{"missing data", "dl n=2\nlabels: a b\n", 2, []string{`missing "data:"`}},
	{"missing n", "dl\nformat=fullmatrix\ndata:\n", 1, []string{"missing n"}},
	{"invalid n", "dl n=abc\ndata:\n", 1, []string{`invalid n "abc"`}},
	{"zero n", "dl\nn=0\ndata:\n", 2, []string{`invalid n "0"`}},
	{"negative n", "dl n=-4\ndata:\n", 1, []string{`invalid n "-4"`}},
	{"n without value", "dl n= format=el1 data:\n", 1, []string{"n: missing value"}},
	{"n too large", "dl n=999999999 format=edgelist1\ndata:\n", 1, []string{"n too large"}},
	{"n overflows", "dl n=99999999999999999999999 data:\n", 1, []string{"n too large"}},
	{"invalid nm", "dl n=2\nnm=x\ndata:\n", 2, []string{`invalid nm "x"`}},
	{"unknown format", "dl n=2\nformat=adjacency\ndata:\n", 2, []string{`unknown format "adjacency"`}},
	{"unsupported format", "dl n=2 format=lowerhalf data:\n", 1, []string{`format "lowerhalf" not supported`}},
	{"bad diagonal", "dl n=2 diagonal=maybe data:\n", 1, []string{`invalid diagonal "maybe"`}},
	{"unknown keyword", "dl n=2\ntitle=x\ndata:\n", 2, []string{`unknown keyword "title"`}},
	{"two-mode", "dl nr=3, nc=4\ndata:\n", 1, []string{"two-mode data not supported"}},
	{"nr alone", "dl nr=3\ndata:\n", 1, []string{"nr and nc"}},
	{"n and nr disagree", "dl n=2 nr=3 nc=3\ndata:\n", 1, []string{"n=2 but nr=nc=3"}},
	{"row and column labels differ", "dl n=2\nrow labels: a b\ncolumn labels: a c\ndata:\n", 3, []string{"two-mode"}},
	{"labels and row labels differ", "dl n=2\nlabels: a b\nrow labels: b a\ndata:\n", 3, []string{"differ", "two-mode"}},
	{"labels twice", "dl n=2 labels: a b\nlabels: c d data:\n", 2, []string{"labels given twice"}},
	{"too few labels", "dl n=3\nlabels:\na, b\ndata:\n0 0 0\n0 0 0\n0 0 0\n", 2, []string{"want 3 labels (n=3), found 2"}},
	{"too many labels", "dl n=2 labels: a b c\ndata:\n", 1, []string{"want 2 labels (n=2), found 3"}},
	{"duplicate label", "dl n=3\nlabels: a, b, a\ndata:\n", 2, []string{`duplicate label "a"`}},
	{"empty label", "dl n=2\nlabels: a, \"  \"\ndata:\n", 2, []string{"empty label"}},
	{"matrix label count", "dl n=2 nm=2\nmatrix labels: x\ndata:\n", 2, []string{"want 2 matrix labels (nm=2), found 1"}},
	{"row labels embedded", "dl n=2 row labels embedded data:\n", 1, []string{"not supported"}},
	{"unterminated quote", "dl n=2\nlabels: \"a b\ndata:\n", 2, []string{"unterminated quote"}},
	{"invalid UTF-8", "dl n=2\nlabels: a, b\xff\ndata:\n", 2, []string{"invalid UTF-8"}},
	{"too few values", "dl n=5\ndata:\n0 1 0 0 0\n1 0 0 0 0\n0 0 0 1\n0 0 1 0 0\n0 0 0 0 0\n", 5,
		[]string{"matrix 1 row 3", "want 5 values, found 4"}},
	{"too many values", "dl n=2\ndata:\n0 1 1\n0 0\n", 3, []string{"matrix 1 row 1", "want 2 values, found 3"}},
	{"diagonal absent wants n-1", "dl n=3 diagonal=absent\ndata:\n0 1\n1 0 0\n", 4, []string{"matrix 1 row 2", "want 2 values, found 3"}},
	{"too few rows", "dl n=3\ndata:\n0 1 0\n1 0 0\n", 4, []string{"matrix 1", "want 3 rows, found 2"}},
	{"too few rows in matrix 2", "dl n=2 nm=2\ndata:\n0 1\n1 0\n0 1\n", 5, []string{"matrix 2", "want 2 rows, found 1"}},
	{"too many rows", "dl n=2\ndata:\n0 1\n1 0\n1 1\n", 5, []string{"unexpected data after the last matrix"}},
	{"non-numeric value", "dl n=2\ndata:\n0 x\n0 0\n", 3, []string{"matrix 1 row 1", `bad value "x"`}},
	{"NaN value", "dl n=2\ndata:\n0 NaN\n0 0\n", 3, []string{`bad value "NaN"`}},
	{"infinite value", "dl n=2\ndata:\n0 1e999\n0 0\n", 3, []string{`bad value "1e999"`}},
	{"negative value", "dl n=2\ndata:\n0 -1\n0 0\n", 3, []string{"negative value -1"}},
	{"embedded column label count", "dl n=3 labels embedded data:\na b\na 0 0 0\n", 2, []string{"matrix 1 column labels", "want 3 labels"}},
	{"embedded duplicate column label", "dl n=2 labels embedded data:\na a\na 0 0\na 0 0\n", 2, []string{`duplicate label "a"`}},
	{"embedded labels disagree with header", "dl n=2 labels: a b labels embedded data:\na c\n", 2, []string{`embedded label "c" does not match`}},
	{"unknown embedded row label", "dl n=2 labels embedded data:\na b\na 0 1\nz 1 0\n", 4, []string{`unknown embedded label "z"`}},
	{"embedded row twice", "dl n=2 labels embedded data:\na b\na 0 1\na 1 0\n", 4, []string{`row "a" given twice`}},
	{"embedded missing column labels", "dl n=2 labels embedded data:\n", 1, []string{"missing column labels"}},
	{"edgelist node out of range", "dl n=5 format=edgelist1\ndata:\n1 2\n3 7\n", 4, []string{"node 7 out of range 1..5"}},
	{"edgelist node zero", "dl n=5 format=edgelist1\ndata:\n0 2\n", 3, []string{"node 0 out of range 1..5"}},
	{"edgelist bad node number", "dl n=5 format=edgelist1\ndata:\n1 2\nbob 2\n", 4, []string{`bad node number "bob"`}},
	{"edgelist too many fields", "dl n=5 format=edgelist1\ndata:\n1 2 3 4\n", 3, []string{"want 2 or 3 fields", "found 4"}},
	{"edgelist one field", "dl n=5 format=edgelist1\ndata:\n1\n", 3, []string{"want 2 or 3 fields", "found 1"}},
	{"edgelist bad value", "dl n=5 format=edgelist1\ndata:\n1 2 heavy\n", 3, []string{`bad value "heavy"`}},
	{"edgelist negative value", "dl n=5 format=edgelist1\ndata:\n1 2 -2\n", 3, []string{"negative value -2"}},
	{"edgelist too many matrices", "dl n=2 format=edgelist1\ndata:\n1 2\n!\n2 1\n", 4, []string{"more than 1 matrix(es)"}},
	{"edgelist unknown embedded label", "dl n=2 format=edgelist1 labels: a b\nlabels embedded\ndata:\na b\nb c\n", 5, []string{`unknown embedded label "c"`}},
	{"edgelist too many embedded labels", "dl n=2 format=edgelist1 labels embedded\ndata:\na b\nb c\n", 4, []string{`label "c": more than n=2 distinct labels`}},
	{"nodelist out of range", "dl n=3 format=nodelist1\ndata:\n1 2 3\n2 4\n", 4, []string{"node 4 out of range 1..3"}},
	{"data unterminated quote", "dl n=2 format=el1 labels embedded\ndata:\n\"a b\n", 3, []string{"unterminated quote"}},
}

func TestReadDLErrors(t *testing.T) {
	for _, tc := range dlBad {
		t.Run(tc.name, func(t *testing.T) {
			n, err := ReadDL(strings.NewReader(tc.input), "bad.dl", network.Limits{})
			require.Error(t, err)
			assert.Nil(t, n)
			var pe *network.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "bad.dl", pe.File)
			assert.Equal(t, tc.line, pe.Line, "line of %v", err)
			assert.Contains(t, err.Error(), fmt.Sprintf("bad.dl:%d", tc.line))
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestReadDLColumn(t *testing.T) {
	_, err := ReadDL(strings.NewReader("dl n=3\ndata:\n0 1 0\n1 0 x\n0 0 0\n"), "col.dl", network.Limits{})
	require.EqualError(t, err, `col.dl:4:5: matrix 1 row 2: bad value "x" (want a number)`)
}

func TestReadDLReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	_, err := ReadDL(iotest.ErrReader(boom), "x.dl", network.Limits{})
	var pe *network.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "x.dl", pe.File)
	assert.ErrorIs(t, err, boom)
}

func ExampleReadDL() {
	const data = `dl n=3 format=edgelist1
labels: boss, courier, buyer
data:
1 2
2 3 4.5
`
	net, err := ReadDL(strings.NewReader(data), "deal.dl", network.Limits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(net.NumActors(), "actors")
	for _, l := range net.Links() {
		fmt.Printf("%s -> %s (%g)\n", l.From, l.To, l.Weight)
	}

	_, err = ReadDL(strings.NewReader("dl n=2\ndata:\n0 1\n1\n"), "bad.dl", network.Limits{})
	fmt.Println(err)
	// Output:
	// 3 actors
	// boss -> courier (1)
	// courier -> buyer (4.5)
	// bad.dl:4: matrix 1 row 2: want 2 values, found 1
}
