package network

import (
	"bytes"
	"encoding/json"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fullNetwork uses every field of Actor and Link and every attribute type.
func fullNetwork(t testing.TB) *Network {
	t.Helper()
	n := New("")
	require.NoError(t, n.SetInfo("Tri-border \"TBA\" scenario", "built from open-source statements; not intelligence",
		Attributes{"compiled": int64(2008), "region": "Triple Frontera", "scale": 0.5, "draft": true}))
	require.NoError(t, n.AddActor(Actor{ID: "farc", Name: "FARC", Kind: Insurgency, Sectors: []Sector{Criminal, Facilitator},
		Aliases:    []string{"Fuerzas Armadas Revolucionarias de Colombia", "FARC-EP; the guerrilla", "[bracketed]", " padded "},
		Attributes: Attributes{"country": "CO", "founded": int64(1964), "size": 3.0, "designated": true, "ratio": 1e-7}}))
	require.NoError(t, n.AddActor(Actor{ID: "Hizballah – Bekaa", Name: "حزب الله", Kind: TerroristGroup}))
	require.NoError(t, n.AddActor(Actor{ID: "x"}))
	require.NoError(t, n.AddActor(Actor{ID: "anon", Sectors: []Sector{Terrorist}}))
	for _, l := range []Link{
		{From: "farc", To: "Hizballah – Bekaa", Element: Materiel, Type: "supplies", Weight: 2.5, Commodity: "cocaine",
			Mode: "sea", Start: Date{Year: 2005}, End: Date{Year: 2008, Month: 6}, Source: "State Dept 2008", Grade: MustParseGrade("B2"),
			Attributes: Attributes{"volume_t": 1.5, "shipments": int64(3), "confirmed": false, "route": "Atlantic"}},
		{From: "Hizballah – Bekaa", To: "farc", Element: Money, Type: "pays", Mutual: true, Weight: 0, Channel: "in_kind",
			Start: Date{Year: 2006, Month: 2, Day: 28}, End: Date{Year: 2006, Month: 3, Day: 1}, Grade: MustParseGrade("B2/3")},
		{From: "farc", To: "farc", Element: Manpower, Type: "member_of", Weight: 1, Grade: MustParseGrade("1AP")},
		{From: "x", To: "anon", Element: Mechanism, Type: "communicates_with", Weight: 1e-300, Mode: "cyber", Grade: MustParseGrade("2C")},
		{From: "x", To: "anon", Weight: 123456789.125},
	} {
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	return n
}

func requireSameNetwork(t *testing.T, want, got *Network) {
	t.Helper()
	assert.Equal(t, want.Name, got.Name)
	assert.Equal(t, want.Description, got.Description)
	assert.Equal(t, want.Attributes, got.Attributes)
	assert.Equal(t, want.Actors(), got.Actors())
	assert.Equal(t, want.Links(), got.Links())
}

func TestJSONRoundTrip(t *testing.T) {
	n := fullNetwork(t)
	var buf bytes.Buffer
	require.NoError(t, n.WriteJSON(&buf))
	first := buf.String()
	back, err := ReadJSON(strings.NewReader(first), "full.json", Limits{})
	require.NoError(t, err)
	requireSameNetwork(t, n, back)
	a, _ := back.Actor("farc")
	assert.IsType(t, float64(0), a.Attributes["size"], "3.0 must stay a float")
	assert.IsType(t, int64(0), a.Attributes["founded"])

	// Writing again gives the same bytes.
	buf.Reset()
	require.NoError(t, back.WriteJSON(&buf))
	assert.Equal(t, first, buf.String())

	// encoding/json entry points agree.
	b, err := json.Marshal(n)
	require.NoError(t, err)
	var via Network
	require.NoError(t, json.Unmarshal(b, &via))
	requireSameNetwork(t, n, &via)
}

func TestJSONDefaults(t *testing.T) {
	n, err := ReadJSON(strings.NewReader(`{"actors":[{"id":"a"},{"id":"b","kind":"Cartel"}],"links":[{"from":"a","to":"b"}]}`), "min.json", Limits{})
	require.NoError(t, err)
	l := n.Links()[0]
	assert.Equal(t, 1.0, l.Weight)
	assert.Equal(t, Association, l.Element)
	b, _ := n.Actor("b")
	assert.Equal(t, Cartel, b.Kind)
}

func TestJSONErrors(t *testing.T) {
	valid := `{
  "actors": [
    {"id": "a", "kind": "cartel"},
    {"id": "b"}
  ],
  "links": [
    {"from": "a", "to": "b"}
  ]
}`
	tests := []struct {
		name  string
		input string
		want  []string // substrings of the error
	}{
		{"empty file", "", []string{"f.json", "empty input"}},
		{"whitespace only", " \n ", []string{"f.json", "empty input"}},
		{"truncated", valid[:60], []string{"f.json:", "truncated"}},
		{"syntax", strings.Replace(valid, `"b"}`, `"b",}`, 1), []string{"f.json:4:", "invalid character"}},
		{"not an object", `[1, 2]`, []string{"f.json:1:1", "want a JSON object"}},
		{"unknown top key", `{"nodes": []}`, []string{"f.json:1:2", `unknown key "nodes"`}},
		{"unknown actor key", strings.Replace(valid, `{"id": "b"}`, `{"id": "b", "knd": "gang"}`, 1), []string{"f.json:4:5", "actors[1]", `"knd"`}},
		{"unknown kind", strings.Replace(valid, `"cartel"`, `"narco"`, 1), []string{"f.json:3:5", "actors[0]", `unknown kind "narco"`}},
		{"unknown sector", strings.Replace(valid, `{"id": "b"}`, `{"id": "b", "sectors": ["mafia"]}`, 1), []string{"f.json:4:5", `unknown sector "mafia"`}},
		{"duplicate actor", strings.Replace(valid, `"id": "b"`, `"id": "a"`, 1), []string{"f.json:4:5", "actors[1]", `duplicate actor id "a"`}},
		{"missing id", strings.Replace(valid, `{"id": "b"}`, `{"name": "b"}`, 1), []string{"f.json:4:5", `missing "id"`}},
		{"dangling link", strings.Replace(valid, `"to": "b"`, `"to": "c"`, 1), []string{"f.json:7:5", "links[0]", "dangling", `"c"`}},
		{"negative weight", strings.Replace(valid, `"to": "b"`, `"to": "b", "weight": -2`, 1), []string{"f.json:7:5", "links[0]", "negative"}},
		{"NaN weight", strings.Replace(valid, `"to": "b"`, `"to": "b", "weight": NaN`, 1), []string{"f.json:7:", "invalid character 'N'"}},
		{"string weight", strings.Replace(valid, `"to": "b"`, `"to": "b", "weight": "heavy"`, 1), []string{"f.json:7:5", "links[0]", `bad weight "heavy": want a number`}},
		{"huge weight", strings.Replace(valid, `"to": "b"`, `"to": "b", "weight": 1e999`, 1), []string{"f.json:7:5", "bad weight"}},
		{"bad grade", strings.Replace(valid, `"to": "b"`, `"to": "b", "grade": "G7"`, 1), []string{"f.json:7:5", `bad grade "G7"`}},
		{"end before start", strings.Replace(valid, `"to": "b"`, `"to": "b", "start": "2009-03", "end": "2009-02-28"`, 1), []string{"f.json:7:5", "end 2009-02-28 is before start 2009-03"}},
		{"bad date", strings.Replace(valid, `"to": "b"`, `"to": "b", "start": "09/2009"`, 1), []string{"f.json:7:5", `bad date "09/2009"`}},
		{"unknown element", strings.Replace(valid, `"to": "b"`, `"to": "b", "element": "weapons"`, 1), []string{"f.json:7:5", `unknown element "weapons"`}},
		{"nested attribute", strings.Replace(valid, `{"id": "b"}`, `{"id": "b", "attributes": {"x": [1]}}`, 1), []string{"f.json:4:5", `attribute "x"`, "an array"}},
		{"reserved attribute", strings.Replace(valid, `{"id": "b"}`, `{"id": "b", "attributes": {"kind": "x"}}`, 1), []string{"f.json:4:5", "field name"}},
		{"invalid UTF-8", strings.Replace(valid, `"b"}`, "\"b\xff\"}", 1), []string{"f.json:4:14", "invalid UTF-8"}},
		{"trailing data", valid + " {}", []string{"f.json:9:3", "after the network object"}},
		{"duplicate key", `{"actors": [], "actors": []}`, []string{"f.json:1:16", `key "actors" given twice`}},
		{"actors not array", `{"actors": {}}`, []string{"f.json:1:12", "array of actors"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadJSON(strings.NewReader(tt.input), "f.json", Limits{})
			require.Error(t, err)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func FuzzReadJSON(f *testing.F) {
	var buf bytes.Buffer
	require.NoError(f, fullNetwork(f).WriteJSON(&buf))
	f.Add(buf.String())
	buf.Reset()
	require.NoError(f, tbaNetwork(f).WriteJSON(&buf))
	f.Add(buf.String())
	f.Add(`{"actors":[{"id":"a"}],"links":[{"from":"a","to":"a","weight":0}]}`)
	f.Add(`{"name":"x","attributes":{"a":1.5e3,"b":-0}}`)
	f.Add(`{"actors":[{"id":"a"},{"id":"b"},{"id":"c"}],"links":[{"from":"a","to":"b"},{"from":"b","to":"c"},{"from":"c","to":"a"}]}`)
	f.Add(`{"actors":[` + strings.Repeat(`{"id":"x"},`, 40))
	f.Add(strings.Repeat("[", 200))
	f.Fuzz(func(t *testing.T, s string) {
		// Within small limits: no panic, little memory, a located error
		// that is a limit error or the error without limits, and the same
		// network as without limits.
		small := Limits{MaxBytes: 1 << 12, MaxRecords: 5}
		var sn *Network
		var serr error
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		sn, serr = ReadJSON(strings.NewReader(s), "fuzz.json", small)
		runtime.ReadMemStats(&after)
		if d := after.TotalAlloc - before.TotalAlloc; d > 64<<20 {
			t.Fatalf("allocated %d MB for one input", d>>20)
		}
		n, err := ReadJSON(strings.NewReader(s), "fuzz.json", Limits{})
		switch {
		case serr == nil:
			require.NoError(t, err, "reads within small limits")
			requireSameNetwork(t, sn, n)
			require.LessOrEqual(t, sn.NumActors()+sn.NumLinks(), small.MaxRecords)
		case errors.Is(serr, ErrTooLarge):
			var pe *ParseError
			require.ErrorAs(t, serr, &pe)
			require.Equal(t, "fuzz.json", pe.File)
			require.Positive(t, pe.Line, "%v", serr)
			require.Contains(t, serr.Error(), "Limits.Max")
		default:
			require.Error(t, err)
			require.Equal(t, serr.Error(), err.Error(), "limits only add errors")
		}

		if err != nil {
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			return
		}
		var out bytes.Buffer
		require.NoError(t, n.WriteJSON(&out))
		back, err := ReadJSON(&out, "again.json", Limits{})
		require.NoError(t, err)
		requireSameNetwork(t, n, back)
	})
}
