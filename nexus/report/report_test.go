package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/nexus/report"
)

func loadScenario(t testing.TB, name string) *network.Network {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "scenarios", name))
	require.NoError(t, err)
	defer f.Close()
	n, err := network.ReadJSON(f, name, network.Limits{})
	require.NoError(t, err)
	return n
}

func build(t testing.TB, n *network.Network, opts report.Options) *report.Report {
	t.Helper()
	s, err := analysis.NewScope(n, analysis.ScopeOptions{})
	require.NoError(t, err)
	r, err := report.Build(s, opts)
	require.NoError(t, err)
	return r
}

// outputs returns every file the report writes, by name.
func outputs(t testing.TB, r *report.Report) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, r.Write(dir))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	out := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		out[e.Name()] = b
	}
	return out
}

// ids returns the id fields of a JSON array of objects.
func ids(t *testing.T, js map[string]any, key string) []string {
	t.Helper()
	arr, ok := js[key].([]any)
	require.True(t, ok, "%s is an array", key)
	var out []string
	for _, x := range arr {
		obj, ok := x.(map[string]any)
		require.True(t, ok, "%s holds objects", key)
		id, ok := obj["id"].(string)
		require.True(t, ok, "%s: every object has an id", key)
		out = append(out, id)
	}
	return out
}

// The report on the bundled scenario names what the scenario was built to
// contain (testdata/scenarios/README.md), read back from report.json.
func TestScenarioFindings(t *testing.T) {
	r := build(t, loadScenario(t, "western-hemisphere.json"), report.Options{})
	var buf bytes.Buffer
	require.NoError(t, r.WriteJSON(&buf))
	var js map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &js))

	assert.Equal(t, []string{"colombian-dto", "farc", "tba-smugglers", "wa-network", "coca-growers", "ve-officials", "tba-hawala", "co-officials"},
		ids(t, js, "convergence"), "the designed convergence nodes, in rank order")
	assert.Equal(t, []string{"coca-growers", "colombian-dto", "wa-network", "tba-hawala", "charity"}, ids(t, js, "money_convergence"),
		"the designed money gateways, in actor order")
	chokepoints := ids(t, js, "chokepoints")
	for _, id := range []string{"venezuela", "guinea-bissau", "guatemala", "mexico", "us-mx-border", "guinea-bissau>spain:mechanism:transports_via"} {
		assert.Contains(t, chokepoints, id)
	}
	var topics []string
	for _, f := range r.Findings {
		topics = append(topics, f.Topic)
	}
	for _, topic := range []string{"convergence", "brokers", "corruption", "continuum", "key players", "supply chain", "money", "early warning", "robustness"} {
		assert.Contains(t, topics, topic)
	}
	kp := ids(t, js, "key_players")
	assert.Len(t, kp, 3)
	assert.Contains(t, kp, "colombian-dto", "the critical node of the nexus is a key player")

	// The cocaine chain: sources' and markets' places, routes, cut.
	var cocaine report.Chain
	for _, c := range r.Chains {
		if c.Commodity == "cocaine" {
			cocaine = c
		}
	}
	require.NotEmpty(t, cocaine.Routes)
	assert.Equal(t, []report.ActorRef{{ID: "colombia", Name: "Colombia"}, {ID: "peru", Name: "Peru"}}, cocaine.Sources)
	assert.Equal(t, []string{"spain", "usa"}, []string{cocaine.Markets[0].ID, cocaine.Markets[1].ID})
	require.NotNil(t, cocaine.MaxFlow)
	assert.Positive(t, cocaine.MaxFlow.Value)
	require.NotEmpty(t, cocaine.Interdiction)
	assert.Equal(t, cocaine.MaxFlow.Value, cocaine.Interdiction[0].Flow, "k = 0 is the maximum flow")
	assert.Len(t, cocaine.Audit, 14, "the fourteen questions")

	// How sure: the critical node stays first in most samples of the
	// links by their grades.
	require.NotNil(t, r.Robustness)
	require.NotEmpty(t, r.Robustness.Actors)
	assert.Equal(t, "colombian-dto", r.Robustness.Actors[0].ID)
	assert.Greater(t, r.Robustness.Actors[0].PFirst, 0.5)
	assert.NotNil(t, r.Robustness.Critical)

	// Corruption and iron triangles as designed.
	var corrupt []string
	for _, c := range r.Corruption {
		corrupt = append(corrupt, c.ID)
	}
	assert.Equal(t, []string{"ve-officials", "co-officials", "gt-customs", "hn-police", "mx-police", "gw-military", "py-customs"}, corrupt)
	require.Len(t, r.IronTriangles, 3)

	// Early warning between the halves of 2005–2012: the designed changes.
	require.NotNil(t, r.EarlyWarning)
	assert.Equal(t, "2005 – 2008", r.EarlyWarning.Earlier)
	assert.Equal(t, "2009 – 2012", r.EarlyWarning.Later)
	var pairs [][2]string
	for _, l := range r.EarlyWarning.NewLinks {
		pairs = append(pairs, [2]string{l.Actors[0].ID, l.Actors[1].ID})
	}
	assert.Equal(t, [][2]string{{"aqim", "wa-network"}, {"colombian-dto", "hn-police"}, {"gulf-cartel", "gt-customs"},
		{"mexican-dto", "air-smuggler"}, {"mexican-dto", "hn-police"}}, pairs)
	require.Len(t, r.EarlyWarning.NewBrokers, 1)
	assert.Equal(t, "zetas", r.EarlyWarning.NewBrokers[0].ID)
	assert.Equal(t, "wa-network", r.EarlyWarning.Rises[0].ID)

	// Every cited link is in the evidence table with its source and grade,
	// and every finding's evidence is cited.
	cited := map[network.LinkID]report.Evidence{}
	for _, l := range r.Links {
		cited[l.ID] = l
		assert.NotEmpty(t, l.Source)
		assert.NotEmpty(t, l.Grade)
		assert.NotEmpty(t, l.Statement)
	}
	for _, c := range r.Convergence {
		require.NotEmpty(t, c.Evidence, c.ID)
		for _, id := range c.Evidence {
			assert.Contains(t, cited, id)
		}
	}
	// Gateway tba-hawala rests on its hawala payments to Hizballah and Hamas.
	for _, g := range r.MoneyConvergence {
		if g.ID == "tba-hawala" {
			assert.Equal(t, []network.LinkID{90, 91}, g.Evidence)
		}
	}
}

// Two runs give the same bytes in every file.
func TestDeterministic(t *testing.T) {
	n := loadScenario(t, "western-hemisphere.json")
	a := outputs(t, build(t, n, report.Options{Seed: 7}))
	b := outputs(t, build(t, loadScenario(t, "western-hemisphere.json"), report.Options{Seed: 7}))
	require.Equal(t, len(a), len(b))
	for name, x := range a {
		assert.True(t, bytes.Equal(x, b[name]), "%s differs between runs", name)
	}
	for _, f := range []string{"index.html", "report.md", "report.json", "network.svg", "nexus.svg", "money.svg", "chain-cocaine.svg",
		"disruption-connected.svg", "disruption-efficiency.svg", "ranking.svg"} {
		assert.Contains(t, a, f)
	}
}

// xmlWellFormed decodes a document to its end with the strict decoder.
func xmlWellFormed(t *testing.T, name string, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		require.NoError(t, err, "%s is not well-formed", name)
	}
}

var (
	urlAttr = regexp.MustCompile(`(?i)\b(?:href|src|xlink:href|action|poster|data)\s*=\s*"([^"]*)"`)
	cssURL  = regexp.MustCompile(`(?i)url\(\s*['"]?[^#'"\s]|@import`) // url(#marker) is internal
)

// The SVGs and the HTML parse as XML; the HTML refers to nothing outside
// itself and runs no script; every evidence number links to its row.
func TestWellFormedSelfContained(t *testing.T) {
	files := outputs(t, build(t, loadScenario(t, "western-hemisphere.json"), report.Options{}))
	for name, b := range files {
		if strings.HasSuffix(name, ".svg") || name == "index.html" {
			xmlWellFormed(t, name, b)
		}
	}
	page := string(files["index.html"])
	assert.NotContains(t, strings.ToLower(page), "<script")
	assert.NotContains(t, strings.ToLower(page), "<link")
	assert.False(t, cssURL.MatchString(page), "no url() but to the page itself, no @import")
	anchors := map[string]bool{}
	for _, m := range regexp.MustCompile(`\bid="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		anchors[m[1]] = true
	}
	for _, m := range urlAttr.FindAllStringSubmatch(page, -1) {
		ref := m[1]
		require.True(t, strings.HasPrefix(ref, "#"), "external reference %q", ref)
		assert.True(t, anchors[ref[1:]], "dangling anchor %q", ref)
	}
	for _, p := range []string{"Convergence nodes", "Cross-sector brokers", "Corruption nodes and iron triangles", "crime–terror continuum",
		"Key players", "Disruption curves", "Supply chain: cocaine", "Money trails", "Early warning", "How to read this", "Evidence"} {
		assert.Contains(t, page, p)
	}
	// The Markdown holds the same sections.
	md := string(files["report.md"])
	for _, p := range []string{"## Convergence nodes", "## Supply chain: cocaine", "## How to read this", "](#link-90)", "<a id=\"link-90\"></a>"} {
		assert.Contains(t, md, p)
	}
}

// A network with no sectors, no elements and no dates gets a report whose
// crime–terror sections are empty with notes saying why.
func TestUntypedNetwork(t *testing.T) {
	n := network.New("plain")
	for _, id := range []string{"a", "b", "c", "d"} {
		require.NoError(t, n.AddActor(network.Actor{ID: id}))
	}
	for _, p := range [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}} {
		_, err := n.AddLink(network.Link{From: p[0], To: p[1], Mutual: true, Weight: 1})
		require.NoError(t, err)
	}
	r := build(t, n, report.Options{})
	assert.Empty(t, r.Convergence)
	assert.Empty(t, r.Chains)
	assert.Nil(t, r.EarlyWarning)
	assert.NotEmpty(t, r.Rankings[1].Top, "betweenness")
	assert.Equal(t, "b", r.Rankings[1].Top[0].ID)
	joined := strings.Join(r.Notes, "\n")
	assert.Contains(t, joined, "Type the actors")
	assert.Contains(t, joined, "no materiel link")
	files := outputs(t, r)
	xmlWellFormed(t, "index.html", files["index.html"])
	assert.Contains(t, files, "ranking.svg")

	var buf bytes.Buffer
	require.NoError(t, r.WriteJSON(&buf))
	for _, key := range []string{"convergence", "key_players", "chokepoints", "money_convergence", "notes", "pictures", "chains"} {
		assert.NotContains(t, buf.String(), `"`+key+`": null`, "%s is an array", key)
	}

	// An empty network.
	r = build(t, network.New("empty"), report.Options{})
	files = outputs(t, r)
	xmlWellFormed(t, "index.html", files["index.html"])
	assert.True(t, slices.ContainsFunc(r.Notes, func(s string) bool { return strings.Contains(s, "keeps no link") }))
}

func TestBadOptions(t *testing.T) {
	s, err := analysis.NewScope(network.New("x"), analysis.ScopeOptions{})
	require.NoError(t, err)
	_, err = report.Build(s, report.Options{Top: -1})
	assert.ErrorContains(t, err, "must not be negative")
	_, err = report.Build(nil, report.Options{})
	assert.Error(t, err)
}

// The README shows two pictures of the bundled scenario's report, as the
// main job draws them (seed 1, the command line's default); they are kept
// in testdata/scenarios/ and must be what the code draws. ILLICIT_UPDATE=1
// rewrites them.
func TestReadmePictures(t *testing.T) {
	r := build(t, loadScenario(t, "western-hemisphere.json"), report.Options{Seed: 1})
	for _, p := range r.Pictures {
		if p.File != "network.svg" && p.File != "nexus.svg" {
			continue
		}
		path := filepath.Join("..", "..", "testdata", "scenarios", "report-"+p.File)
		if os.Getenv("ILLICIT_UPDATE") != "" {
			require.NoError(t, os.WriteFile(path, p.SVG(), 0o644))
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.True(t, bytes.Equal(want, p.SVG()), "%s differs from the picture drawn; rerun with ILLICIT_UPDATE=1 after checking it", path)
	}
}

// awkward builds a network for TestAwkwardNetworks.
func awkward(t *testing.T, actors []network.Actor, links []network.Link) *network.Network {
	t.Helper()
	n := network.New("awkward")
	for _, a := range actors {
		require.NoError(t, n.AddActor(a))
	}
	for _, l := range links {
		if l.Weight == 0 {
			l.Weight = 1
		}
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	return n
}

// Networks on which a stage has nothing to say still give a complete
// report in every format: no error, no NaN in the JSON, well-formed HTML.
func TestAwkwardNetworks(t *testing.T) {
	b2, c3 := network.MustParseGrade("B2"), network.MustParseGrade("C3")
	tests := []struct {
		name  string
		n     *network.Network
		scope analysis.ScopeOptions
		check func(t *testing.T, r *report.Report, files map[string][]byte)
	}{
		{"sets A and B with no path between them (every nexus betweenness 0)",
			awkward(t, []network.Actor{{ID: "a", Kind: network.Cartel}, {ID: "a2", Kind: network.Cartel}, {ID: "b", Kind: network.TerroristGroup}, {ID: "b2", Kind: network.TerroristGroup}},
				[]network.Link{{From: "a", To: "a2", Mutual: true, Grade: b2}, {From: "b", To: "b2", Mutual: true, Grade: c3}}),
			analysis.ScopeOptions{},
			func(t *testing.T, r *report.Report, _ map[string][]byte) {
				require.NotNil(t, r.Robustness)
				assert.Nil(t, r.Robustness.TauMean, "τ-b is undefined in every run")
			}},
		{"sets A and B the same actors",
			awkward(t, []network.Actor{{ID: "a", Kind: network.Insurgency, Sectors: []network.Sector{network.Criminal}}, {ID: "b", Kind: network.Insurgency, Sectors: []network.Sector{network.Criminal}}},
				[]network.Link{{From: "a", To: "b", Element: network.Money, Type: "pays", Grade: b2}}),
			analysis.ScopeOptions{A: analysis.BySector(network.Terrorist), B: analysis.BySector(network.Terrorist)},
			func(t *testing.T, r *report.Report, _ map[string][]byte) {
				assert.Empty(t, r.Brokers)
				assert.True(t, slices.ContainsFunc(r.Notes, func(s string) bool { return strings.Contains(s, "sets A and B hold the same actors") }))
			}},
		{"hostile names and two commodities of one file name",
			awkward(t, []network.Actor{{ID: "a", Name: "x\\|y <script>&\"'\x01", Kind: network.Cartel}, {ID: "b", Name: "Ω\u0085", Kind: network.TerroristGroup},
				{ID: "p", Kind: network.Country}, {ID: "q", Kind: network.Country}},
				[]network.Link{{From: "a", To: "b", Element: network.Materiel, Type: "supplies", Commodity: "кокаин", Grade: b2},
					{From: "b", To: "a", Element: network.Materiel, Type: "supplies", Commodity: "оружие", Grade: c3},
					{From: "a", To: "p", Element: network.Mechanism, Type: "located_at"}, {From: "b", To: "q", Element: network.Mechanism, Type: "located_at"},
					{From: "p", To: "q", Mutual: true, Element: network.Mechanism, Type: "transports_via", Attributes: network.Attributes{"cost": 2.0}}}),
			analysis.ScopeOptions{},
			func(t *testing.T, r *report.Report, files map[string][]byte) {
				require.Len(t, r.Chains, 2)
				_, one := files["chain-commodity.svg"]
				_, two := files["chain-commodity-2.svg"]
				assert.True(t, one && two, "one picture per chain")
				md := string(files["report.md"])
				assert.Contains(t, md, `x\\\|y`)
				assert.NotContains(t, md, "\x01")
				assert.NotContains(t, string(files["index.html"]), "<script>")
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := analysis.NewScope(tt.n, tt.scope)
			require.NoError(t, err)
			r, err := report.Build(s, report.Options{})
			require.NoError(t, err)
			files := outputs(t, r)
			var js map[string]any
			require.NoError(t, json.Unmarshal(files["report.json"], &js))
			xmlWellFormed(t, "index.html", files["index.html"])
			for name, b := range files {
				if strings.HasSuffix(name, ".svg") {
					xmlWellFormed(t, name, b)
				}
			}
			tt.check(t, r, files)
		})
	}
}
