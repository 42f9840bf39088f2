package netio_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/netio"
)

// gmlTestdata is the GraphML fixture directory.
var gmlTestdata = filepath.Join("..", "..", "testdata", "graphml")

// gmlFullNetwork returns a network that uses every field of Actor and Link,
// every attribute value type, parallel links, a self-link, zero weight,
// mutual and directed links, and characters XML must escape.
func gmlFullNetwork(t testing.TB) *network.Network {
	t.Helper()
	n := network.New("")
	require.NoError(t, n.SetInfo("Tri-border área", "open-source\nscenario, \"quoted\" & <tagged>\r\n",
		network.Attributes{"compiled": int64(2008), "verified": true, "scale": 3.0, "region": "South America", "ratio": 0.25}))
	actors := []network.Actor{
		{ID: "farc", Name: "FARC", Aliases: []string{"Fuerzas Armadas Revolucionarias de Colombia", "FARC-EP"},
			Kind: network.Insurgency, Sectors: []network.Sector{network.Criminal},
			Attributes: network.Attributes{"country": "CO", "founded": int64(1964), "strength": 3.0, "designated": true}},
		{ID: "cartel", Name: "Cártel del Norte", Aliases: []string{"a;b", "[bracket"}, Kind: network.Cartel,
			Attributes: network.Attributes{"country": "MX", "founded": "1990s", "size": int64(-12)}},
		{ID: "hawala", Kind: network.Hawala, Sectors: []network.Sector{network.Criminal, network.Terrorist},
			Aliases: []string{"[x"}},
		{ID: "bank", Name: "Banco 北京 ✓", Kind: network.FinancialInstitution,
			Attributes: network.Attributes{"score": 0.5, "note": "  padded\ttab  ", "empty": "", "big": int64(math.MinInt64)}},
		{ID: "port", Kind: network.Port, Attributes: network.Attributes{"founded": 1.5e300, "tiny": 5e-324, "neg": -0.0}},
		{ID: "lonely one"},
		{ID: "тест&<>\"'", Name: "line1\nline2\r", Aliases: []string{" spaced ", "ctl\x01", "nonchar\uffff"}},
	}
	for _, a := range actors {
		require.NoError(t, n.AddActor(a))
	}
	links := []network.Link{
		{From: "farc", To: "cartel", Element: network.Materiel, Type: "supplies", Weight: 2.5,
			Commodity: "cocaine", Mode: "sea", Start: network.Date{Year: 2001}, End: network.Date{Year: 2001, Month: 9},
			Source: "State Dept 2008", Grade: network.MustParseGrade("B2"),
			Attributes: network.Attributes{"volume_t": 1.5, "verified": true, "shipments": int64(3), "note": "x"}},
		{From: "farc", To: "cartel", Element: network.Manpower, Weight: 0, Grade: network.MustParseGrade("B2/3"),
			Start: network.Date{Year: 2001, Month: 9, Day: 11}},
		{From: "cartel", To: "hawala", Element: network.Money, Mutual: true, Weight: 1e-7,
			Channel: "hawala network", Grade: network.MustParseGrade("1AP"),
			Attributes: network.Attributes{"amount": 3.0, "verified": "yes"}},
		{From: "hawala", To: "hawala", Element: network.Mechanism, Weight: 1, Mode: "courier"},
		{From: "bank", To: "farc", Mutual: true, Weight: 123456789.125, Grade: network.MustParseGrade("2B")},
		{From: "port", To: "тест&<>\"'", Element: network.Mechanism, Weight: 1, End: network.Date{Year: 2005},
			Type: "ships via", Attributes: network.Attributes{"amount": int64(7)}},
	}
	for _, l := range links {
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	return n
}

// gmlAllMutual returns a copy of n with every link made mutual.
func gmlAllMutual(t testing.TB, n *network.Network) *network.Network {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, n.WriteJSON(&b))
	m, err := network.ReadJSON(&b, "copy", network.Limits{})
	require.NoError(t, err)
	for _, l := range m.Links() {
		l.Mutual = true
		require.NoError(t, m.UpdateLink(l.ID, l))
	}
	return m
}

// gmlRequireEqual checks that two networks are deeply equal.
func gmlRequireEqual(t testing.TB, want, got *network.Network) {
	t.Helper()
	require.Equal(t, want.Name, got.Name)
	require.Equal(t, want.Description, got.Description)
	require.Equal(t, want.Attributes, got.Attributes)
	require.Equal(t, want.Actors(), got.Actors())
	require.Equal(t, want.Links(), got.Links())
}

func gmlRead(t testing.TB, doc, file string) (*network.Network, error) {
	t.Helper()
	return netio.ReadGraphML(strings.NewReader(doc), file, network.Limits{})
}

func TestGraphMLRoundTrip(t *testing.T) {
	full := gmlFullNetwork(t)
	empty := network.New("")
	actorsOnly := network.New("only actors")
	require.NoError(t, actorsOnly.AddActor(network.Actor{ID: "x", Attributes: network.Attributes{"n": int64(1)}}))
	require.NoError(t, actorsOnly.AddActor(network.Actor{ID: "y", Attributes: network.Attributes{"n": 1.0}}))
	tests := []struct {
		name         string
		n            *network.Network
		edgedefault  string
		mutualKey    bool
		wantContains []string
	}{
		{"every field", full, "directed", true, []string{
			`attr.name="founded" attr.type="long"`, `attr.name="founded" attr.type="double"`,
			`attr.name="founded" attr.type="string"`, `attr.name="mutual" attr.type="boolean"`,
			`attr.name="weight" attr.type="double"`, `<data key="d5">3.0</data>`,
			`ctl\u0001`, `nonchar\uffff`}},
		{"all mutual", gmlAllMutual(t, full), "undirected", false, nil},
		{"empty", empty, "directed", false, nil},
		{"actors only", actorsOnly, "directed", false, []string{`<data key="d2">1.0</data>`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, netio.WriteGraphML(&b, tt.n))
			out := b.String()
			assert.Contains(t, out, `<graph edgedefault="`+tt.edgedefault+`">`)
			assert.Equal(t, tt.mutualKey, strings.Contains(out, `attr.name="mutual"`))
			assert.NotContains(t, out, `directed="false"`)
			for _, s := range tt.wantContains {
				assert.Contains(t, out, s)
			}
			got, err := netio.ReadGraphML(&b, "round.graphml", network.Limits{})
			require.NoError(t, err)
			gmlRequireEqual(t, tt.n, got)

			// Deterministic: writing again gives the same bytes.
			var b2 bytes.Buffer
			require.NoError(t, netio.WriteGraphML(&b2, got))
			assert.Equal(t, out, b2.String())
		})
	}
}

func TestGraphMLRoundTripValues(t *testing.T) {
	// The float 3.0 stays a float64, the int 3 an int64, and the weight
	// keeps its exact value.
	n := gmlFullNetwork(t)
	var b bytes.Buffer
	require.NoError(t, netio.WriteGraphML(&b, n))
	got, err := netio.ReadGraphML(&b, "v.graphml", network.Limits{})
	require.NoError(t, err)
	farc, ok := got.Actor("farc")
	require.True(t, ok)
	assert.IsType(t, float64(0), farc.Attributes["strength"])
	assert.Equal(t, 3.0, farc.Attributes["strength"])
	assert.Equal(t, int64(1964), farc.Attributes["founded"])
	cartel, _ := got.Actor("cartel")
	assert.Equal(t, "1990s", cartel.Attributes["founded"])
	assert.Equal(t, []string{"a;b", "[bracket"}, cartel.Aliases)
	odd, _ := got.Actor("тест&<>\"'")
	assert.Equal(t, []string{" spaced ", "ctl\x01", "nonchar\uffff"}, odd.Aliases)
	assert.Equal(t, "line1\nline2\r", odd.Name)
	links := got.Links()
	require.Len(t, links, 6)
	assert.Equal(t, 0.0, links[1].Weight)
	assert.Equal(t, "B2/3", links[1].Grade.String())
	assert.Equal(t, "1AP", links[2].Grade.String())
	assert.True(t, links[2].Mutual)
	assert.False(t, links[0].Mutual)
	assert.Equal(t, "hawala", links[3].From)
	assert.Equal(t, "hawala", links[3].To)
	assert.Equal(t, network.Date{Year: 2001, Month: 9, Day: 11}, links[1].Start)
	assert.Equal(t, int64(2008), got.Attributes["compiled"])
	assert.Equal(t, 3.0, got.Attributes["scale"])
}

func TestWriteGraphMLKeys(t *testing.T) {
	n := network.New("")
	require.NoError(t, n.AddActor(network.Actor{ID: "a"}))
	require.NoError(t, n.AddActor(network.Actor{ID: "b", Kind: network.Gang}))
	_, err := n.AddLink(network.Link{From: "a", To: "b", Weight: 1})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, netio.WriteGraphML(&b, n))
	out := b.String()
	// Only fields some record uses get a key; weight always does.
	assert.Equal(t, 2, strings.Count(out, "<key "))
	assert.Contains(t, out, `<key id="d0" for="node" attr.name="kind" attr.type="string"/>`)
	assert.Contains(t, out, `<key id="d1" for="edge" attr.name="weight" attr.type="double"/>`)
	assert.Contains(t, out, `<node id="a"/>`)
	assert.Contains(t, out, `<data key="d1">1</data>`)
	assert.NotContains(t, out, `attr.name="name"`)
	assert.NotContains(t, out, `attr.name="mutual"`)
}

func TestWriteGraphMLErrors(t *testing.T) {
	tests := []struct {
		name string
		make func(*network.Network)
		want string
	}{
		{"control char in name", func(n *network.Network) {
			require.NoError(t, n.AddActor(network.Actor{ID: "a", Name: "bell\a"}))
		}, `actor "a": name holds a character that XML 1.0 cannot represent`},
		{"control char in id", func(n *network.Network) {
			require.NoError(t, n.AddActor(network.Actor{ID: "a\x00"}))
		}, `id holds a character`},
		{"nonchar in attribute", func(n *network.Network) {
			require.NoError(t, n.AddActor(network.Actor{ID: "a", Attributes: network.Attributes{"k": "\ufffe"}}))
		}, `attribute "k" holds a character`},
		{"control char in attribute name", func(n *network.Network) {
			require.NoError(t, n.AddActor(network.Actor{ID: "a", Attributes: network.Attributes{"k\x02": "v"}}))
		}, `attribute name "k\x02" holds a character`},
		{"control char in link type", func(n *network.Network) {
			require.NoError(t, n.AddActor(network.Actor{ID: "a"}))
			_, err := n.AddLink(network.Link{From: "a", To: "a", Type: "t\x1b"})
			require.NoError(t, err)
		}, `link 0 "a" -> "a": type holds a character`},
		{"NaN network attribute", func(n *network.Network) {
			n.Attributes = network.Attributes{"x": math.NaN()}
		}, `not a finite number`},
		{"reserved network attribute", func(n *network.Network) {
			n.Attributes = network.Attributes{"name": "x"}
		}, `is a field name`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := network.New("")
			tt.make(n)
			var b bytes.Buffer
			err := netio.WriteGraphML(&b, n)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Zero(t, b.Len(), "nothing is written on error")
		})
	}
}

func TestReadGraphMLFeatures(t *testing.T) {
	f, err := os.Open(filepath.Join(gmlTestdata, "features.graphml"))
	require.NoError(t, err)
	defer f.Close()
	got, err := netio.ReadGraphML(f, "features.graphml", network.Limits{})
	require.NoError(t, err)

	want := network.New("")
	require.NoError(t, want.SetInfo("Features", "Uses <CDATA> & comments too", network.Attributes{"year": int64(2008)}))
	for _, a := range []network.Actor{
		{ID: "a", Name: "Alpha", Kind: network.Cartel, Sectors: []network.Sector{network.Terrorist, network.Licit},
			Attributes: network.Attributes{"size": int64(12), "rank": int64(-2), "score": 3.0, "flag": true, "country": "CO"}},
		{ID: "b", Attributes: network.Attributes{"country": "VE", "note": "second", "flag": false}},
		{ID: "c", Attributes: network.Attributes{"country": "CO", "flag": false}},
	} {
		require.NoError(t, want.AddActor(a))
	}
	for _, l := range []network.Link{
		{From: "a", To: "b", Weight: 3, Grade: network.MustParseGrade("B2"), Element: network.Money,
			Attributes: network.Attributes{"note": "first"}},
		{From: "b", To: "a", Weight: 2.5, Element: network.Manpower, Mutual: true},
		{From: "a", To: "c", Weight: 1, Element: network.Materiel, Mutual: true},
		{From: "c", To: "c", Weight: 1, Element: network.Money},
	} {
		_, err := want.AddLink(l)
		require.NoError(t, err)
	}
	gmlRequireEqual(t, want, got)
}

func TestReadGraphMLDirection(t *testing.T) {
	const head = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">` +
		`<key id="m" for="edge" attr.name="mutual" attr.type="boolean"/>`
	tests := []struct {
		name   string
		graph  string
		edge   string
		mutual bool
	}{
		{"directed", `<graph edgedefault="directed">`, `<edge source="a" target="b"/>`, false},
		{"no edgedefault is directed", `<graph>`, `<edge source="a" target="b"/>`, false},
		{"undirected", `<graph edgedefault="undirected">`, `<edge source="a" target="b"/>`, true},
		{"directed=false", `<graph edgedefault="directed">`, `<edge source="a" target="b" directed="false"/>`, true},
		{"directed=true in undirected", `<graph edgedefault="undirected">`, `<edge source="a" target="b" directed="true"/>`, false},
		{"mutual data", `<graph edgedefault="directed">`, `<edge source="a" target="b"><data key="m">true</data></edge>`, true},
		{"mutual false in undirected", `<graph edgedefault="undirected">`, `<edge source="a" target="b"><data key="m">false</data></edge>`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := gmlRead(t, head+tt.graph+`<node id="a"/><node id="b"/>`+tt.edge+`</graph></graphml>`, "d.graphml")
			require.NoError(t, err)
			require.Len(t, n.Links(), 1)
			assert.Equal(t, tt.mutual, n.Links()[0].Mutual)
		})
	}
}

func TestReadGraphMLValueTypes(t *testing.T) {
	tests := []struct {
		typ, text string
		want      any
	}{
		{"boolean", "true", true},
		{"boolean", " False ", false},
		{"boolean", "1", true},
		{"boolean", "0", false},
		{"int", "42", int64(42)},
		{"long", "-9223372036854775808", int64(math.MinInt64)},
		{"integer", "7", int64(7)},
		{"float", "3", 3.0},
		{"double", "1e-3", 0.001},
		{"double", " 2.5 ", 2.5},
		{"string", " keep  spaces ", " keep  spaces "},
		{"string", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.typ+" "+tt.text, func(t *testing.T) {
			doc := fmt.Sprintf(`<graphml><key id="k" for="node" attr.name="v" attr.type=%q/>`+
				`<graph><node id="a"><data key="k">%s</data></node></graph></graphml>`, tt.typ, tt.text)
			n, err := gmlRead(t, doc, "t.graphml")
			require.NoError(t, err)
			a, _ := n.Actor("a")
			assert.Equal(t, tt.want, a.Attributes["v"])
			assert.IsType(t, tt.want, a.Attributes["v"])
		})
	}
}

// gmlExpected is networkx_fixture.expected.json.
type gmlExpected struct {
	Directed   bool                     `json:"directed"`
	Multigraph bool                     `json:"multigraph"`
	KeyTypes   map[string]string        `json:"key_types"`
	Graph      map[string]gmlTypedValue `json:"graph"`
	Nodes      []struct {
		ID         string                   `json:"id"`
		Attributes map[string]gmlTypedValue `json:"attributes"`
	} `json:"nodes"`
	Edges []struct {
		Source     string                   `json:"source"`
		Target     string                   `json:"target"`
		Key        json.Number              `json:"key"`
		Attributes map[string]gmlTypedValue `json:"attributes"`
	} `json:"edges"`
}

// gmlTypedValue is a value as NetworkX read it, with its Python type.
type gmlTypedValue struct {
	Type  string          `json:"type"`
	Value json.RawMessage `json:"value"`
}

// goValue converts the value to the Go value ReadGraphML should give.
func (v gmlTypedValue) goValue(t *testing.T) any {
	t.Helper()
	raw := string(v.Value)
	switch v.Type {
	case "str":
		var s string
		require.NoError(t, json.Unmarshal(v.Value, &s))
		return s
	case "int":
		i, err := strconv.ParseInt(raw, 10, 64)
		require.NoError(t, err)
		return i
	case "float":
		f, err := strconv.ParseFloat(raw, 64)
		require.NoError(t, err)
		return f
	case "bool":
		b, err := strconv.ParseBool(raw)
		require.NoError(t, err)
		return b
	}
	t.Fatalf("unexpected Python type %q", v.Type)
	return nil
}

func TestReadGraphMLNetworkXFixture(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(gmlTestdata, "networkx_fixture.expected.json"))
	require.NoError(t, err)
	var exp gmlExpected
	require.NoError(t, json.Unmarshal(raw, &exp))
	require.True(t, exp.Directed)
	require.True(t, exp.Multigraph)
	// NetworkX writes Python ints as attr.type="long" (older versions and
	// numpy ints use "int"; both read as int64, see TestReadGraphMLValueTypes).
	assert.Contains(t, []string{"int", "long"}, exp.KeyTypes["node:size"])
	assert.Contains(t, []string{"int", "long"}, exp.KeyTypes["edge:calls"])

	f, err := os.Open(filepath.Join(gmlTestdata, "networkx_fixture.graphml"))
	require.NoError(t, err)
	defer f.Close()
	n, err := netio.ReadGraphML(f, "networkx_fixture.graphml", network.Limits{})
	require.NoError(t, err)

	// Graph: name is the network name, everything else an attribute.
	gattrs := network.Attributes{}
	for k, v := range exp.Graph {
		if k == "name" {
			assert.Equal(t, v.goValue(t), n.Name)
			continue
		}
		gattrs[k] = v.goValue(t)
	}
	assert.Equal(t, gattrs, n.Attributes)

	// Nodes in order, name as Actor.Name, every other value as an
	// attribute of the matching Go type.
	actors := n.Actors()
	require.Len(t, actors, len(exp.Nodes))
	for i, en := range exp.Nodes {
		a := actors[i]
		assert.Equal(t, en.ID, a.ID)
		want := network.Attributes{}
		wantName := ""
		for k, v := range en.Attributes {
			if k == "name" {
				wantName = v.goValue(t).(string)
				continue
			}
			want[k] = v.goValue(t)
			assert.IsType(t, want[k], a.Attributes[k], "node %s attribute %s", en.ID, k)
		}
		assert.Equal(t, wantName, a.Name, "node %s", en.ID)
		if len(want) == 0 {
			want = nil
		}
		assert.Equal(t, want, a.Attributes, "node %s", en.ID)
		assert.Equal(t, network.KindUnknown, a.Kind)
	}

	// Edges in file order; weight and element are fields, the rest attributes.
	links := n.Links()
	require.Len(t, links, len(exp.Edges))
	parallel := 0
	for i, ee := range exp.Edges {
		l := links[i]
		assert.Equal(t, ee.Source, l.From, "edge %d", i)
		assert.Equal(t, ee.Target, l.To, "edge %d", i)
		assert.False(t, l.Mutual)
		if ee.Key.String() != "0" {
			parallel++
		}
		want := network.Attributes{}
		wantWeight, wantElement := 1.0, network.Association
		for k, v := range ee.Attributes {
			switch k {
			case "weight":
				wantWeight = v.goValue(t).(float64)
			case "element":
				wantElement, err = network.ParseElement(v.goValue(t).(string))
				require.NoError(t, err)
			default:
				want[k] = v.goValue(t)
				assert.IsType(t, want[k], l.Attributes[k], "edge %d attribute %s", i, k)
			}
		}
		assert.Equal(t, wantWeight, l.Weight, "edge %d", i)
		assert.Equal(t, wantElement, l.Element, "edge %d", i)
		assert.Equal(t, want, l.Attributes, "edge %d", i)
	}
	assert.Equal(t, 1, parallel, "the fixture has one parallel edge")

	// Spot checks against the script, independent of the JSON.
	cartel, _ := n.Actor("cartel")
	assert.Equal(t, "Cártel del Golfo", cartel.Name)
	assert.Equal(t, 2.0, cartel.Attributes["score"])
	assert.Equal(t, false, cartel.Attributes["flag"])
	assert.Equal(t, int64(12), links[0].Attributes["calls"])
	assert.Equal(t, 3.5, links[0].Weight)
	assert.Equal(t, network.Materiel, links[0].Element)
	assert.Equal(t, "farc", links[1].From)
	assert.Equal(t, "cartel", links[1].To)
	assert.Equal(t, int64(2008), n.Attributes["year"])

	// And it survives our own round trip.
	var b bytes.Buffer
	require.NoError(t, netio.WriteGraphML(&b, n))
	back, err := netio.ReadGraphML(&b, "again.graphml", network.Limits{})
	require.NoError(t, err)
	gmlRequireEqual(t, n, back)
}

// gmlErrorCases are inputs ReadGraphML must reject: the error must name
// the file, the line and what was wrong.
var gmlErrorCases = []struct {
	name string
	doc  string
	line int
	want string
}{
	{"empty file", "", 1, "empty input"},
	{"only space", "\n\n  ", 3, "no root element"},
	{"truncated", "<graphml>\n<graph>\n<node id=\"a\">", 3, "malformed XML: unexpected EOF"},
	{"mismatched tag", "<graphml>\n<graph>\n</node>", 3, "malformed XML"},
	{"not graphml", "<?xml version=\"1.0\"?>\n<html><body/></html>", 2, "root element is <html>, not <graphml>"},
	{"foreign namespace root", `<graphml xmlns="urn:other"><graph/></graphml>`, 1, `root element <graphml> is in namespace "urn:other"`},
	{"no graph", "<graphml>\n<key id=\"k\" attr.name=\"x\"/>\n</graphml>", 3, "no <graph> element"},
	{"text outside root", "junk<graphml/>", 1, "text outside the root element"},
	{"element after root", "<graphml><graph/></graphml>\n<graphml/>", 2, "after </graphml>"},
	{"unknown attr.type", "<graphml>\n<key id=\"k\" for=\"node\" attr.name=\"z\" attr.type=\"complex\"/>\n<graph/></graphml>", 2,
		`key "k": unknown attr.type "complex"`},
	{"unknown domain", "<graphml>\n<key id=\"k\" for=\"nodes\" attr.name=\"z\"/><graph/></graphml>", 2, `unknown key domain for="nodes"`},
	{"key without name", "<graphml>\n\n<key id=\"k\" for=\"node\"/><graph/></graphml>", 3, `key "k": key has no attr.name`},
	{"duplicate key", "<graphml>\n<key id=\"k\" attr.name=\"a\"/>\n<key id=\"k\" attr.name=\"b\"/><graph/></graphml>", 3, `duplicate key id "k"`},
	{"undeclared key", "<graphml><graph>\n<node id=\"a\">\n<data key=\"d9\">1</data></node></graph></graphml>", 3,
		`node "a": data references undeclared key "d9"`},
	{"key for other domain", "<graphml><key id=\"k\" for=\"edge\" attr.name=\"x\"/><graph>\n<node id=\"a\"><data key=\"k\">1</data></node></graph></graphml>", 2,
		`declared for="edge" and cannot be used on a node`},
	{"bad int", "<graphml><key id=\"k\" for=\"node\" attr.name=\"size\" attr.type=\"int\"/>\n<graph>\n<node id=\"a\"><data key=\"k\">abc</data></node></graph></graphml>", 3,
		`node "a": key "k" (size): bad int value "abc"`},
	{"int overflow", "<graphml><key id=\"k\" for=\"node\" attr.name=\"size\" attr.type=\"long\"/>\n<graph><node id=\"a\"><data key=\"k\">9223372036854775808</data></node></graph></graphml>", 2,
		`out of the int64 range`},
	{"bad boolean", "<graphml><key id=\"k\" for=\"node\" attr.name=\"f\" attr.type=\"boolean\"/>\n<graph><node id=\"a\"><data key=\"k\">yes</data></node></graph></graphml>", 2,
		`bad boolean value "yes"`},
	{"NaN attribute", "<graphml><key id=\"k\" for=\"node\" attr.name=\"f\" attr.type=\"double\"/>\n<graph><node id=\"a\"><data key=\"k\">NaN</data></node></graph></graphml>", 2,
		`bad double value "NaN": want a finite number`},
	{"bad default", "<graphml>\n<key id=\"k\" for=\"node\" attr.name=\"f\" attr.type=\"int\"><default>x</default></key><graph/></graphml>", 2,
		`key "k": <default> for "f": bad int value "x"`},
	{"kind declared int", "<graphml>\n<key id=\"k\" for=\"node\" attr.name=\"kind\" attr.type=\"int\"/><graph/></graphml>", 2,
		`key "k": attr.name "kind": actor field "kind" needs attr.type="string", not "int"`},
	{"kind declared int for all", "<graphml><key id=\"k\" attr.name=\"kind\" attr.type=\"int\"/><graph>\n<node id=\"a\"><data key=\"k\">1</data></node></graph></graphml>", 2,
		`node "a": key "k" (kind): actor field "kind" needs attr.type="string"`},
	{"mutual declared string", "<graphml>\n<key id=\"k\" for=\"edge\" attr.name=\"mutual\"/><graph/></graphml>", 2,
		`link field "mutual" needs attr.type="boolean"`},
	{"weight declared boolean", "<graphml>\n<key id=\"k\" for=\"edge\" attr.name=\"weight\" attr.type=\"boolean\"/><graph/></graphml>", 2,
		`link field "weight" needs a numeric attr.type`},
	{"reserved node key", "<graphml>\n<key id=\"k\" for=\"node\" attr.name=\"id\"/><graph/></graphml>", 2,
		`"id" is reserved for actors`},
	{"duplicate data", "<graphml><key id=\"k\" for=\"node\" attr.name=\"x\"/><key id=\"j\" for=\"node\" attr.name=\"x\" attr.type=\"int\"/><graph><node id=\"a\"><data key=\"k\">1</data>\n<data key=\"j\">2</data></node></graph></graphml>", 2,
		`"x" given twice`},
	{"data with elements", "<graphml><key id=\"k\" for=\"node\" attr.name=\"x\"/><graph>\n<node id=\"a\"><data key=\"k\"><b>1</b></data></node></graph></graphml>", 2,
		`contains XML elements`},
	{"duplicate node", "<graphml><graph>\n<node id=\"a\"/>\n<node id=\"a\"/></graph></graphml>", 3, `node "a": duplicate node id "a"`},
	{"node without id", "<graphml><graph>\n<node/></graph></graphml>", 2, `node 1: <node> without id`},
	{"empty node id", "<graphml><graph>\n<node id=\"\"/></graph></graphml>", 2, `actor id: empty`},
	{"dangling edge", "<graphml><graph><node id=\"a\"/>\n<edge source=\"a\" target=\"a\"/>\n<edge source=\"a\" target=\"zz\"/></graph></graphml>", 3,
		`edge 2: dangling edge "a" -> "zz": no node with id "zz"`},
	{"edge without target", "<graphml><graph>\n<edge source=\"a\"/></graph></graphml>", 2, `edge 1: <edge> without target`},
	{"bad directed", "<graphml><graph>\n<edge source=\"a\" target=\"a\" directed=\"maybe\"/></graph></graphml>", 2, `bad directed="maybe"`},
	{"bad edgedefault", "<graphml>\n<graph edgedefault=\"sideways\"/></graphml>", 2, `bad edgedefault "sideways"`},
	{"unknown kind", "<graphml><key id=\"k\" for=\"node\" attr.name=\"kind\"/><graph>\n<node id=\"a\">\n  <data key=\"k\">wizard</data></node></graph></graphml>", 3,
		`node "a": kind: unknown kind "wizard"`},
	{"unknown sector", "<graphml><key id=\"k\" for=\"node\" attr.name=\"sectors\"/><graph>\n<node id=\"a\"><data key=\"k\">criminal;elves</data></node></graph></graphml>", 2,
		`unknown sector "elves"`},
	{"bad aliases", "<graphml><key id=\"k\" for=\"node\" attr.name=\"aliases\"/><graph>\n<node id=\"a\"><data key=\"k\">[\"x\"</data></node></graph></graphml>", 2,
		`aliases: bad list`},
	{"bad grade", "<graphml><key id=\"g\" for=\"edge\" attr.name=\"grade\"/><graph><node id=\"a\"/>\n<edge source=\"a\" target=\"a\"><data key=\"g\">Z9</data></edge></graph></graphml>", 2,
		`edge 1: grade: bad grade "Z9"`},
	{"bad element", "<graphml><key id=\"g\" for=\"edge\" attr.name=\"element\"/><graph><node id=\"a\"/>\n<edge source=\"a\" target=\"a\"><data key=\"g\">gold</data></edge></graph></graphml>", 2,
		`unknown element "gold"`},
	{"bad date", "<graphml><key id=\"g\" for=\"edge\" attr.name=\"start\"/><graph><node id=\"a\"/>\n<edge source=\"a\" target=\"a\"><data key=\"g\">2001-13</data></edge></graph></graphml>", 2,
		`start: bad date "2001-13"`},
	{"end before start", "<graphml><key id=\"s\" for=\"edge\" attr.name=\"start\"/><key id=\"e\" for=\"edge\" attr.name=\"end\"/><graph><node id=\"a\"/>\n<edge source=\"a\" target=\"a\"><data key=\"s\">2005</data><data key=\"e\">2001</data></edge></graph></graphml>", 2,
		`end 2001 is before start 2005`},
	{"negative weight", "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/><graph><node id=\"a\"/>\n<edge source=\"a\" target=\"a\"><data key=\"w\">-2</data></edge></graph></graphml>", 2,
		`bad weight -2: negative`},
	{"NaN weight", "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\"/><graph><node id=\"a\"/>\n<edge source=\"a\" target=\"a\"><data key=\"w\">NaN</data></edge></graph></graphml>", 2,
		`bad weight NaN: not a finite number`},
	{"text weight", "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\"/><graph><node id=\"a\"/>\n<edge source=\"a\" target=\"a\"><data key=\"w\">heavy</data></edge></graph></graphml>", 2,
		`bad weight "heavy": not a number`},
	{"invalid UTF-8", "<graphml><graph>\n<node id=\"a\xff\"/></graph></graphml>", 2, "malformed XML: invalid UTF-8"},
	{"illegal character", "<graphml><graph>\n<node id=\"a&#1;\"/></graph></graphml>", 2, "malformed XML: illegal character code U+0001"},
	{"unsupported encoding", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><graphml/>", 1, `encoding "ISO-8859-1"`},
	{"nested graph", "<graphml><graph><node id=\"a\">\n\n<graph/></node></graph></graphml>", 3, `node "a": nested graphs are not supported`},
	{"hyperedge", "<graphml><graph>\n<hyperedge><endpoint node=\"a\"/></hyperedge></graph></graphml>", 2, "hyperedges are not supported"},
	{"two graphs", "<graphml><graph/>\n<graph/></graphml>", 2, "more than one top-level <graph> is not supported"},
	{"locator", "<graphml><graph>\n<locator href=\"x\"/></graph></graphml>", 2, "<locator>"},
}

func TestReadGraphMLErrors(t *testing.T) {
	for _, tt := range gmlErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			n, err := gmlRead(t, tt.doc, "bad.graphml")
			require.Error(t, err)
			assert.Nil(t, n)
			var pe *network.ParseError
			require.True(t, errors.As(err, &pe), "error %T is not a *ParseError", err)
			assert.Equal(t, "bad.graphml", pe.File)
			assert.Equal(t, tt.line, pe.Line, "line of %q", err.Error())
			msg := err.Error()
			assert.True(t, strings.HasPrefix(msg, fmt.Sprintf("bad.graphml:%d:", tt.line)), "%q", msg)
			assert.Contains(t, msg, tt.want)
		})
	}
}

func TestReadGraphMLErrorColumn(t *testing.T) {
	_, err := gmlRead(t, "<graphml><graph>\n  <node id=\"a\"/>\n  <node id=\"a\"/></graph></graphml>", "c.graphml")
	require.Error(t, err)
	var pe *network.ParseError
	require.True(t, errors.As(err, &pe))
	assert.Equal(t, 3, pe.Line)
	assert.Equal(t, 3, pe.Column)
	assert.Equal(t, `node "a"`, pe.Record)
	assert.Equal(t, `c.graphml:3:3: node "a": duplicate node id "a"`, err.Error())
}

func ExampleWriteGraphML() {
	n := network.New("Tri-border")
	_ = n.AddActor(network.Actor{ID: "farc", Name: "FARC", Kind: network.Insurgency,
		Attributes: network.Attributes{"founded": 1964}})
	_ = n.AddActor(network.Actor{ID: "cartel", Kind: network.Cartel})
	_, _ = n.AddLink(network.Link{From: "farc", To: "cartel", Element: network.Materiel,
		Weight: 2.5, Grade: network.MustParseGrade("B2")})
	_, _ = n.AddLink(network.Link{From: "cartel", To: "farc", Mutual: true, Weight: 1})
	if err := netio.WriteGraphML(os.Stdout, n); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
	//   <key id="d0" for="graph" attr.name="name" attr.type="string"/>
	//   <key id="d1" for="node" attr.name="name" attr.type="string"/>
	//   <key id="label" for="node" attr.name="label" attr.type="string"/>
	//   <key id="d2" for="node" attr.name="kind" attr.type="string"/>
	//   <key id="d3" for="node" attr.name="founded" attr.type="long"/>
	//   <key id="d4" for="edge" attr.name="element" attr.type="string"/>
	//   <key id="d5" for="edge" attr.name="mutual" attr.type="boolean"/>
	//   <key id="d6" for="edge" attr.name="weight" attr.type="double"/>
	//   <key id="d7" for="edge" attr.name="grade" attr.type="string"/>
	//   <graph edgedefault="directed">
	//     <data key="d0">Tri-border</data>
	//     <node id="farc">
	//       <data key="d1">FARC</data>
	//       <data key="label">FARC</data>
	//       <data key="d2">insurgency</data>
	//       <data key="d3">1964</data>
	//     </node>
	//     <node id="cartel">
	//       <data key="d2">cartel</data>
	//     </node>
	//     <edge source="farc" target="cartel">
	//       <data key="d4">materiel</data>
	//       <data key="d5">false</data>
	//       <data key="d6">2.5</data>
	//       <data key="d7">B2</data>
	//     </edge>
	//     <edge source="cartel" target="farc">
	//       <data key="d5">true</data>
	//       <data key="d6">1</data>
	//     </edge>
	//   </graph>
	// </graphml>
}
