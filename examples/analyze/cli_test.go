package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runCmd runs the command and returns its exit status, stdout and stderr.
func runCmd(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// dataset is a published dataset of testdata/ with the flags that read it
// as its README row says.
type dataset struct {
	name  string
	flags []string // reading flags beyond -in and -nodes
	rows  int      // actors after reading (and projecting)
}

// datasets lists every published dataset in testdata/ (see
// testdata/README.md for what each is and why these flags).
var datasets = []dataset{
	{"caviar", []string{"-one-way", "-directed"}, 110},
	{"cocaine-spain", nil, 145},
	{"czech-corruption", []string{"-weighted"}, 16},
	{"drugnet", []string{"-one-way", "-directed"}, 293},
	{"florentine", nil, 16},
	{"italian-gangs", nil, 67},
	{"koschade-ji", []string{"-weighted"}, 17},
	{"krebs-911", []string{"-weight-column", "strength", "-weighted"}, 68},
	{"london-gang", []string{"-weight-column", "tie_value", "-weighted"}, 54},
	{"madrid-jjatt", nil, 54},
	{"madrid-rodriguez", nil, 70},
	{"mafia-infinito", []string{"-project", "type=person"}, 156},
	{"mafia-montagna", []string{"-weighted"}, 155},
	{"mafia-oversize", nil, 89},
	{"montreal-gangs", nil, 35},
	{"morselli-ciel", []string{"-one-way", "-directed", "-weighted"}, 25},
	{"morselli-siren", nil, 44},
	{"morselli-togo", nil, 33},
	{"natarajan-cocaine", []string{"-one-way", "-directed"}, 28},
	{"natarajan-heroin", []string{"-one-way", "-directed"}, 38},
	{"noordin-top", nil, 139},
	{"rhodes-n17", nil, 22},
}

func datasetArgs(cmd string, d dataset, extra ...string) []string {
	dir := filepath.Join("..", "..", "testdata", d.name)
	return slices.Concat([]string{cmd, "-in", filepath.Join(dir, "edges.csv"), "-nodes", filepath.Join(dir, "nodes.csv")}, extra)
}

// Every dataset in testdata/ gets a full table from measures with the
// default list, read plainly and with its README flags: one row per actor,
// every column present, a measure that cannot be computed empty with one
// warning line naming it, and exit status 0.
func TestMeasuresEveryDataset(t *testing.T) {
	entries, err := os.ReadDir("../../testdata")
	require.NoError(t, err)
	var onDisk []string
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join("../../testdata", e.Name(), "edges.csv")); err == nil {
			onDisk = append(onDisk, e.Name())
		}
	}
	var listed []string
	for _, d := range datasets {
		listed = append(listed, d.name)
	}
	assert.Equal(t, onDisk, listed, "every dataset of testdata/ is tested")
	for _, d := range datasets {
		for _, flags := range [][]string{nil, d.flags} {
			if flags == nil && slices.Contains(d.flags, "-project") {
				continue // two-mode: the plain run is the warned one below
			}
			t.Run(fmt.Sprintf("%s %s", d.name, strings.Join(flags, " ")), func(t *testing.T) {
				code, out, errOut := runCmd(datasetArgs("measures", d, flags...)...)
				require.Equal(t, 0, code, errOut)
				rows := readCSV(t, []byte(out))
				require.Len(t, rows, d.rows+1)
				assert.Equal(t, append([]string{"id", "name"}, measureNames...), rows[0])
				empty := map[string]bool{}
				for j, col := range rows[0] {
					if rows[1][j] == "" && col != "name" {
						empty[col] = true
					}
				}
				for _, r := range rows[1:] {
					for j, col := range rows[0] {
						if col != "name" {
							assert.Equal(t, empty[col], r[j] == "", "%s of %s", col, r[0])
						}
					}
				}
				warnings := strings.Count(errOut, "warning: ")
				assert.Equal(t, len(empty), warnings, errOut)
				for col := range empty {
					assert.Contains(t, errOut, "warning: "+col+": not computed: ")
				}
			})
		}
	}
}

// The two-mode mafia-infinito data read as one-mode draws a warning that
// suggests the projection.
func TestTwoModeWarning(t *testing.T) {
	d := datasets[slices.IndexFunc(datasets, func(d dataset) bool { return d.name == "mafia-infinito" })]
	code, out, errOut := runCmd(datasetArgs("measures", d, "-measures", "degree")...)
	require.Equal(t, 0, code, errOut)
	assert.Len(t, readCSV(t, []byte(out)), 204)
	assert.Contains(t, errOut, "this looks like a two-mode network analysed as one-mode; analyse its projection with -project type=person (or type=event)")
}

// Krebs' 9/11 network typed from its hijacker attribute in one command: the
// hijackers operatives (terrorist sector), the others facilitators.
func TestKrebsTyped(t *testing.T) {
	d := datasets[slices.IndexFunc(datasets, func(d dataset) bool { return d.name == "krebs-911" })]
	typed := []string{"-kind-map", "hijacker:true=operative,hijacker:false=facilitator", "-a", "facilitator", "-b", "terrorist"}
	code, out, errOut := runCmd(datasetArgs("nexus", d, typed...)...)
	require.Equal(t, 0, code, errOut)
	rows := readCSV(t, []byte(out))
	require.Greater(t, len(rows), 1, "convergence nodes found")
	assert.Equal(t, convergenceColumns, rows[0])

	// Without the typing the same command fails and says how to type.
	code, out, errOut = runCmd(datasetArgs("nexus", d)...)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "is empty")
	assert.Contains(t, errOut, "give the actors kinds or sector tags")
	assert.Contains(t, errOut, "on the command line: -kind-map attribute:value=kind")
}

// -h of every subcommand lists the shared flags in one order: input, scope,
// output, then the command's own.
func TestHelpFlagOrder(t *testing.T) {
	shared := slices.Concat(inputFlagNames, scopeFlagNames, outputFlagNames)
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			code, _, help := runCmd(c.name, "-h")
			require.Equal(t, 0, code)
			var order []string
			for _, line := range strings.Split(help, "\n") {
				if strings.HasPrefix(line, "  -") {
					name, _, _ := strings.Cut(strings.TrimPrefix(line, "  -"), " ")
					order = append(order, name)
				}
			}
			var got []string
			for _, name := range order {
				if slices.Contains(shared, name) {
					got = append(got, name)
				}
			}
			var want []string
			for _, name := range shared {
				if slices.Contains(order, name) {
					want = append(want, name)
				}
			}
			assert.Equal(t, want, got, "shared flags in the shared order")
			assert.Subset(t, order, inputFlagNames, "every command reads input the same way")
			if c.name != "convert" && c.name != "fuse" {
				assert.Subset(t, order, slices.Concat(scopeFlagNames[:11], outputFlagNames), "every analysing command has the scope and output flags")
			}
			// The command's own flags come after the shared ones.
			last := slices.IndexFunc(order, func(n string) bool { return !slices.Contains(shared, n) })
			if last >= 0 {
				for _, n := range order[last:] {
					assert.NotContains(t, shared, n)
				}
			}
		})
	}
}

// One usage-error status (2) and one runtime-error status (1).
func TestExitStatus(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"measures"}, 2, "-in is required"},
		{[]string{"measures", "-in", krebsEdges, "-top", "-2"}, 2, "-top must not be negative"},
		{[]string{"measures", "-in", krebsEdges, "-measures", "fame"}, 2, `unknown measure "fame"`},
		{[]string{"measures", "-in", krebsEdges, "-elements", "classmates"}, 2, "use -types"},
		{[]string{"measures", "-in", krebsEdges, "-bogus"}, 2, "flag provided but not defined"},
		{[]string{"keyplayers", "-in", krebsEdges, "-k", "0"}, 2, "-k must be at least 1"},
		{[]string{"disrupt", "-in", krebsEdges, "-strategy", "luck"}, 2, "-strategy"},
		{[]string{"warn", "-in", krebsEdges}, 2, "give the later snapshot"},
		{[]string{"convert", "-in", krebsEdges, "-out", "x.xlsx"}, 2, "convert writes json (.json), csv (a directory), graphml (.graphml), gexf"},
		{[]string{"measures", "-in", "no/such/file.csv"}, 1, "no/such/file.csv"},
		{[]string{"keyplayers", "-in", krebsEdges, "-nodes", krebsNodes, "-candidates", "nobody"}, 1, "nobody"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
	} {
		code, _, errOut := runCmd(tc.args...)
		assert.Equal(t, tc.code, code, "%v: %s", tc.args, errOut)
		assert.Contains(t, errOut, tc.msg, tc.args)
		assert.NotContains(t, errOut, "nexus: ", tc.args)
	}
}

// summary -top 2 lists the two largest components only.
func TestSummaryTopComponents(t *testing.T) {
	code, out, errOut := runCmd("summary", "-in", krebsEdges, "-nodes", krebsNodes, "-top", "2")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "  components   3, largest [62 4] …\n")
	assert.Contains(t, out, "  top 2 by degree (id, name, degree)\n    14       Mohamed Atta")
}

// -in - reads standard input in the format -format gives.
func TestStdin(t *testing.T) {
	data, err := os.ReadFile(krebsEdges)
	require.NoError(t, err)
	stdin = bytes.NewReader(data)
	defer func() { stdin = os.Stdin }()
	code, out, errOut := runCmd("measures", "-in", "-", "-format", "edgelist", "-measures", "degree", "-top", "1", "-json")
	require.Equal(t, 0, code, errOut)
	var rows []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rows))
	require.Len(t, rows, 1)
	assert.Equal(t, "14", rows[0]["id"], "Mohamed Atta has the highest degree (Krebs 2002)")
	assert.InDelta(t, 22.0/67, rows[0]["degree"], 1e-9)

	code, _, errOut = runCmd("measures", "-in", "-")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "give its format with -format")
}

// writeFile writes a temporary file and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

// Bad and foreign inputs at the command line: a from,to header is a
// header, Gephi's CSV export is read, an endless stream and a lying DL
// header are located errors, not exhausted memory.
func TestBadInputs(t *testing.T) {
	fromTo := writeFile(t, "fromto.csv", "from,to\na,b\nb,c\n")
	code, out, errOut := runCmd("measures", "-in", fromTo, "-measures", "degree", "-normalized=false")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "id,name,degree\na,,1\nb,,2\nc,,1\n", out, "no actors named from and to")

	gephi := writeFile(t, "gephi.csv", "Source,Target,Type,Id,Label,Weight\n"+
		"a,b,Undirected,0,,2\nb,c,Directed,1,call,3\n")
	code, out, errOut = runCmd("measures", "-in", gephi, "-weighted", "-directed", "-measures", "degree")
	require.Equal(t, 0, code, errOut)
	// a–b is a two-way tie of weight 2, b→c a one-way link of weight 3:
	// strengths (in + out) a 2+2, b 2+2+3, c 3.
	assert.Equal(t, "id,name,degree\na,,4\nb,,7\nc,,3\n", out)

	stdin = endlessReader{new(int)}
	defer func() { stdin = os.Stdin }()
	for _, format := range []string{"edgelist", "json"} { // GraphML and the others: netio's limit tests
		code, _, errOut = runCmd("summary", "-in", "-", "-format", format, "-max-bytes", "1000000")
		assert.Equal(t, 1, code, format)
		assert.Contains(t, errOut, "input exceeds the reader's limits", format)
	}
	stdin = os.Stdin

	lying := writeFile(t, "lying.dl", "dl n=1000000\nformat=fullmatrix\ndata:\n0 1\n1 0\n")
	code, _, errOut = runCmd("summary", "-in", lying)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "lying.dl")
	assert.Contains(t, errOut, "1000000")
}

// endlessReader is an input that never ends: rows a,b over and over.
type endlessReader struct{ pos *int }

func (r endlessReader) Read(p []byte) (int, error) {
	const row = "a,b\n"
	for i := range p {
		p[i] = row[*r.pos%len(row)]
		*r.pos++
	}
	return len(p), nil
}

// summary -json holds what the text says, with the top actors by id and name.
func TestSummaryJSON(t *testing.T) {
	var sm struct {
		Network string `json:"network"`
		Actors  int    `json:"actors"`
		Graph   struct {
			Edges     int   `json:"edges"`
			Largest   []int `json:"largest_components"`
			TopDegree []struct {
				ID, Name string
				Degree   int
			} `json:"top_degree"`
		} `json:"graph"`
	}
	require.NoError(t, json.Unmarshal(runOK(t, "summary", "-in", krebsEdges, "-nodes", krebsNodes, "-top", "1", "-json"), &sm))
	assert.Equal(t, "krebs-911", sm.Network)
	assert.Equal(t, 68, sm.Actors)
	assert.Equal(t, 158, sm.Graph.Edges)
	assert.Equal(t, []int{62}, sm.Graph.Largest)
	require.Len(t, sm.Graph.TopDegree, 1)
	assert.Equal(t, "14", sm.Graph.TopDegree[0].ID)
	assert.Equal(t, "Mohamed Atta", sm.Graph.TopDegree[0].Name)
	assert.Equal(t, 22, sm.Graph.TopDegree[0].Degree)
}

// convert exports GEXF with measures as node attributes, DOT and
// Cytoscape.js; the GEXF carries Krebs' names and NetworkX's betweenness
// of Mohamed Atta on all 68 actors (testdata/krebs-911/reference.json).
func TestConvertExports(t *testing.T) {
	dir := t.TempDir()
	gexf := filepath.Join(dir, "krebs.gexf")
	runOK(t, "convert", "-in", krebsEdges, "-nodes", krebsNodes, "-out", gexf, "-measures", "degree,betweenness")
	data, err := os.ReadFile(gexf)
	require.NoError(t, err)
	s := string(data)
	assert.Contains(t, s, `label="Mohamed Atta"`)
	assert.Contains(t, s, `title="betweenness" type="double"`)
	assert.Contains(t, s, `value="0.4866463578`)
	for _, out := range []string{"krebs.dot", "krebs.cyjs"} {
		runOK(t, "convert", "-in", krebsEdges, "-nodes", krebsNodes, "-out", filepath.Join(dir, out))
		b, err := os.ReadFile(filepath.Join(dir, out))
		require.NoError(t, err)
		assert.Contains(t, string(b), "Mohamed Atta", out)
	}
	code, _, errOut := runCmd("convert", "-in", krebsEdges, "-out", filepath.Join(dir, "k.dot"), "-measures", "degree")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "-measures goes with a GEXF output only")
}

func TestPlainMessages(t *testing.T) {
	for _, tt := range [][2]string{
		{"nexus: set A is empty", "set A is empty"},
		{"report: convergence and brokers: nexus: set A is empty", "convergence and brokers: set A is empty"},
		{"-analysis: unknown analysis \"x\"", "-analysis: unknown analysis \"x\""},
		{"the measure: degree", "the measure: degree"},
	} {
		assert.Equal(t, tt[1], plain(tt[0]))
	}
}
