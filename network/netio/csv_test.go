package netio

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
)

// fullNetwork builds a network that uses every field of Actor and Link and
// every attribute value type.
func fullNetwork(t testing.TB) *network.Network {
	t.Helper()
	n := network.New("")
	require.NoError(t, n.SetInfo("Tri-border area", "open-source \"scenario\",\nsecond line",
		network.Attributes{"compiled": int64(2008), "version": 3.0, "draft": true, "by": "analyst"}))
	actors := []network.Actor{
		{ID: "farc", Name: "FARC", Kind: network.Insurgency, Sectors: []network.Sector{network.Criminal},
			Aliases: []string{"Fuerzas Armadas Revolucionarias de Colombia", "a;b", `El "Mono", Jojoy`},
			Attributes: network.Attributes{"country": "CO", "founded": int64(1964), "size": 3.0,
				"active": true, "ratio": 0.25, "debt": int64(-5), "big": 1e300, "note": " padded "}},
		{ID: "medellín", Name: "Cártel de Medellín", Kind: network.Cartel,
			Aliases: []string{"Los Extraditables", "Cartel of Medellin"}},
		{ID: "hawaladar-1", Kind: network.Hawala, Sectors: []network.Sector{network.Licit, network.Criminal},
			Aliases: []string{"[first", "second"}},
		{ID: "unknown one", Sectors: []network.Sector{network.Terrorist},
			Aliases: []string{" leading space", ""}},
		{ID: "cde", Name: "Ciudad del Este\nParaguay", Kind: network.City,
			Attributes: network.Attributes{"population": int64(300000), "port": false}},
		{ID: "#7", Name: " =starts with space", Kind: network.Port},
		{ID: "北京", Name: "Пекин 🚢", Kind: network.StateSponsor, Aliases: []string{"Běijīng", "北平"}},
	}
	for _, a := range actors {
		require.NoError(t, n.AddActor(a))
	}
	links := []network.Link{
		{From: "farc", To: "medellín", Element: network.Materiel, Type: "supplies", Weight: 2.5,
			Commodity: "cocaine", Mode: "sea", Start: network.Date{Year: 2005}, End: network.Date{Year: 2008, Month: 6},
			Source: "State Dept 2008", Grade: network.MustParseGrade("B2"),
			Attributes: network.Attributes{"volume_t": 1.5, "currency": "USD", "seized": false, "count": int64(3), "whole": 3.0}},
		{From: "medellín", To: "hawaladar-1", Element: network.Money, Type: "funds", Mutual: true, Weight: 0,
			Channel: "hawala", Start: network.Date{Year: 2001, Month: 9, Day: 11}, End: network.Date{Year: 2001, Month: 9, Day: 30},
			Grade: network.MustParseGrade("B2/3")},
		{From: "hawaladar-1", To: "hawaladar-1", Element: network.Manpower, Weight: 1e-9,
			Grade: network.MustParseGrade("1AP"), Source: "self\nlink"},
		{From: "unknown one", To: "北京", Element: network.Mechanism, Type: "communicates_with", Mode: "cyber",
			Weight: 1e6, Grade: network.MustParseGrade("2C")},
		{From: "farc", To: "medellín", Mutual: true, Weight: 1},
		{From: "北京", To: "#7", Type: `says "hi", ok`, Weight: 0.1, Commodity: "arms", Channel: "crypto",
			End: network.Date{Year: 1999}, Grade: network.MustParseGrade("F6")},
	}
	for _, l := range links {
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	return n
}

func TestCSVRoundTrip(t *testing.T) {
	n := fullNetwork(t)
	var actors, links bytes.Buffer
	require.NoError(t, WriteCSV(n, &actors, &links))
	assert.True(t, strings.HasPrefix(actors.String(), "id,name,kind,sectors,aliases,attributes\n"))
	assert.True(t, strings.HasPrefix(links.String(),
		"from,to,element,type,mutual,weight,commodity,mode,channel,start,end,source,grade,attributes\n"))

	m, err := ReadCSV(bytes.NewReader(actors.Bytes()), "actors.csv", bytes.NewReader(links.Bytes()), "links.csv", network.Limits{})
	require.NoError(t, err)
	assert.Equal(t, n.Actors(), m.Actors())
	assert.Equal(t, n.Links(), m.Links())

	// Spot checks on the values themselves, not only on equality.
	farc, ok := m.Actor("farc")
	require.True(t, ok)
	assert.IsType(t, float64(0), farc.Attributes["size"])
	assert.Equal(t, 3.0, farc.Attributes["size"])
	assert.Equal(t, int64(1964), farc.Attributes["founded"])
	assert.Equal(t, []string{"Fuerzas Armadas Revolucionarias de Colombia", "a;b", `El "Mono", Jojoy`}, farc.Aliases)
	hw, _ := m.Actor("hawaladar-1")
	assert.Equal(t, []string{"[first", "second"}, hw.Aliases)
	assert.Equal(t, []network.Sector{network.Licit, network.Criminal}, hw.Sectors)
	ls := m.Links()
	require.Len(t, ls, 6)
	assert.Equal(t, network.LinkID(5), ls[5].ID)
	assert.Equal(t, 0.0, ls[1].Weight)
	assert.Equal(t, "B2/3", ls[1].Grade.String())
	assert.Equal(t, network.UK3x5x2, ls[2].Grade.System)
	assert.Equal(t, "2001-09-11", ls[1].Start.String())
	assert.Equal(t, "2008-06", ls[0].End.String())
	assert.Equal(t, 3.0, ls[0].Attributes["whole"])
	assert.Equal(t, "hawaladar-1", ls[2].To)

	// A second write gives the same bytes.
	var actors2, links2 bytes.Buffer
	require.NoError(t, WriteCSV(m, &actors2, &links2))
	assert.Equal(t, actors.String(), actors2.String())
	assert.Equal(t, links.String(), links2.String())
}

func TestCSVDirRoundTrip(t *testing.T) {
	n := fullNetwork(t)
	dir := filepath.Join(t.TempDir(), "sub", "net")
	require.NoError(t, WriteCSVDir(n, dir))
	for _, f := range []string{"actors.csv", "links.csv", "network.csv"} {
		assert.FileExists(t, filepath.Join(dir, f))
	}
	m, err := ReadCSVDir(dir, network.Limits{})
	require.NoError(t, err)
	assert.Equal(t, n.Name, m.Name)
	assert.Equal(t, n.Description, m.Description)
	assert.Equal(t, n.Attributes, m.Attributes)
	assert.Equal(t, 3.0, m.Attributes["version"])
	assert.Equal(t, n.Actors(), m.Actors())
	assert.Equal(t, n.Links(), m.Links())

	// network.csv is optional.
	require.NoError(t, os.Remove(filepath.Join(dir, "network.csv")))
	m, err = ReadCSVDir(dir, network.Limits{})
	require.NoError(t, err)
	assert.Equal(t, "", m.Name)
	assert.Nil(t, m.Attributes)
	assert.Equal(t, n.Actors(), m.Actors())

	// An empty network round-trips too.
	empty := network.New("empty")
	dir2 := t.TempDir()
	require.NoError(t, WriteCSVDir(empty, dir2))
	m, err = ReadCSVDir(dir2, network.Limits{})
	require.NoError(t, err)
	assert.Equal(t, "empty", m.Name)
	assert.Equal(t, 0, m.NumActors())
	assert.Equal(t, 0, m.NumLinks())
}

func TestReadCSVColumns(t *testing.T) {
	// Columns in another order, upper case, extra columns, optional columns left out.
	actors := "Kind, ID ,country,founded,score,member,code,blank\n" +
		"cartel,c1,MX,1980,2.0,TRUE,007,\n" +
		",p1,,,-1.5e3,false,x y,  \n"
	links := "to,from,weight,mutual,amount,layer\n" +
		"c1,p1,,yes,12,call\n" +
		"p1,c1,3,1,,meet\n" +
		"p1,p1,0.5,,1.25,\n"
	n, err := ReadCSV(strings.NewReader(actors), "a.csv", strings.NewReader(links), "l.csv", network.Limits{})
	require.NoError(t, err)
	as := n.Actors()
	require.Len(t, as, 2)
	assert.Equal(t, network.Actor{ID: "c1", Kind: network.Cartel, Attributes: network.Attributes{
		"country": "MX", "founded": int64(1980), "score": 2.0, "member": true, "code": "007"}}, as[0])
	assert.Equal(t, network.Actor{ID: "p1", Attributes: network.Attributes{
		"score": -1500.0, "member": false, "code": "x y"}}, as[1])
	ls := n.Links()
	require.Len(t, ls, 3)
	assert.Equal(t, network.Link{ID: 0, From: "p1", To: "c1", Mutual: true, Weight: 1,
		Attributes: network.Attributes{"amount": int64(12), "layer": "call"}}, ls[0])
	assert.Equal(t, network.Link{ID: 1, From: "c1", To: "p1", Mutual: true, Weight: 3,
		Attributes: network.Attributes{"layer": "meet"}}, ls[1])
	assert.Equal(t, network.Link{ID: 2, From: "p1", To: "p1", Weight: 0.5,
		Attributes: network.Attributes{"amount": 1.25}}, ls[2])

	// Without a links input the network has no links.
	n, err = ReadCSV(strings.NewReader("id\na\n"), "a.csv", nil, "", network.Limits{})
	require.NoError(t, err)
	assert.Equal(t, 1, n.NumActors())
	assert.Equal(t, 0, n.NumLinks())

	// A byte-order mark and CRLF line ends are accepted.
	n, err = ReadCSV(strings.NewReader("\ufeffid,name\r\na,A\r\n"), "a.csv",
		strings.NewReader("from,to\r\na,a\r\n"), "l.csv", network.Limits{})
	require.NoError(t, err)
	a, ok := n.Actor("a")
	require.True(t, ok)
	assert.Equal(t, "A", a.Name)
	assert.Equal(t, 1, n.NumLinks())
}

func TestCSVValue(t *testing.T) {
	tests := []struct {
		cell string
		want any // nil: absent
	}{
		{"", nil},
		{"   ", nil},
		{"true", true},
		{"FALSE", false},
		{"42", int64(42)},
		{"+7", int64(7)},
		{"-3", int64(-3)},
		{"0", int64(0)},
		{"3.0", 3.0},
		{"0.5", 0.5},
		{".5", 0.5},
		{"1e3", 1000.0},
		{"99999999999999999999", 1e20},
		{"007", "007"},
		{"-01", "-01"},
		{"1e999", "1e999"},
		{"NaN", "NaN"},
		{"Inf", "Inf"},
		{"0x10", "0x10"},
		{"1_000", "1_000"},
		{"1;2;3", "1;2;3"},
		{" spaced ", " spaced "},
		{"yes", "yes"},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			v, ok := csvValue(tt.cell)
			if tt.want == nil {
				assert.False(t, ok)
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.want, v)
		})
	}
}

// csvErrorCase is a bad native CSV input and the error it must give.
type csvErrorCase struct {
	name    string
	actors  string
	links   string
	file    string // file named in the error
	line    int    // 0: no line
	keyword string
}

const okActors = "id,name\na,A\nb,B\n"

var csvErrorCases = []csvErrorCase{
	{name: "empty actors", actors: "", links: "from,to\n", file: "actors.csv", keyword: "empty"},
	{name: "blank actors", actors: " \n\n", links: "from,to\n", file: "actors.csv", keyword: "empty"},
	{name: "empty links", actors: okActors, links: "\n", file: "links.csv", keyword: "empty"},
	{name: "invalid UTF-8", actors: "id,name\na,A\nb,\xffB\n", links: "from,to\n", file: "actors.csv", line: 3, keyword: "invalid UTF-8"},
	{name: "invalid UTF-8 links", actors: okActors, links: "from,to\na,b\n\n\xc3\n", file: "links.csv", line: 4, keyword: "invalid UTF-8"},
	{name: "missing id", actors: "name,kind\nA,cartel\n", links: "from,to\n", file: "actors.csv", line: 1, keyword: `missing required column "id"`},
	{name: "missing to", actors: okActors, links: "from,weight\na,1\n", file: "links.csv", line: 1, keyword: `missing required column "to"`},
	{name: "duplicate column", actors: "id,name,Name\na,A,B\n", links: "from,to\n", file: "actors.csv", line: 1, keyword: "given twice"},
	{name: "empty column name", actors: "id,,kind\na,x,\n", links: "from,to\n", file: "actors.csv", line: 1, keyword: "empty name"},
	{name: "too few fields", actors: "id,name\na,A\nb\n", links: "from,to\n", file: "actors.csv", line: 3, keyword: "wrong number of fields"},
	{name: "too many fields", actors: okActors, links: "from,to\na,b\na,b,c\n", file: "links.csv", line: 3, keyword: "wrong number of fields"},
	{name: "bare quote", actors: "id,name\na,A\"x\n", links: "from,to\n", file: "actors.csv", line: 2, keyword: "bad CSV"},
	{name: "unterminated quote", actors: "id,name\na,\"A\nb,B\n", links: "from,to\n", file: "actors.csv", line: 2, keyword: "bad CSV"},
	{name: "unknown kind", actors: "id,kind\na,cartel\nb,spaceship\n", links: "from,to\n", file: "actors.csv", line: 3, keyword: "unknown kind"},
	{name: "unknown sector", actors: "id,sectors\na,criminal;pirate\n", links: "from,to\n", file: "actors.csv", line: 2, keyword: "unknown sector"},
	{name: "repeated sector", actors: "id,sectors\na,criminal;criminal\n", links: "from,to\n", file: "actors.csv", line: 2, keyword: "twice"},
	{name: "bad aliases list", actors: "id,aliases\na,\"[1,2]\"\n", links: "from,to\n", file: "actors.csv", line: 2, keyword: "aliases"},
	{name: "empty id", actors: "id,name\na,A\n,B\n", links: "from,to\n", file: "actors.csv", line: 3, keyword: "empty"},
	{name: "id with space", actors: "id,name\n\" a\",A\n", links: "from,to\n", file: "actors.csv", line: 2, keyword: "leading or trailing space"},
	{name: "duplicate actor", actors: "id,name\na,\"multi\nline\"\nb,B\na,C\n", links: "from,to\n", file: "actors.csv", line: 5, keyword: "duplicate actor id"},
	{name: "bad actor attributes JSON", actors: "id,attributes\na,\"{\"\"x\"\":\"\n", links: "from,to\n", file: "actors.csv", line: 2, keyword: "attributes JSON"},
	{name: "attributes not an object", actors: "id,attributes\na,[1]\n", links: "from,to\n", file: "actors.csv", line: 2, keyword: "attributes JSON"},
	{name: "attributes trailing data", actors: "id,attributes\na,{} x\n", links: "from,to\n", file: "actors.csv", line: 2, keyword: "attributes JSON"},
	{name: "nested attribute", actors: "id,attributes\na,\"{\"\"x\"\":[1]}\"\n", links: "from,to\n", file: "actors.csv", line: 2, keyword: "attributes JSON"},
	{name: "reserved attribute key", actors: okActors, links: "from,to,attributes\na,b,\"{\"\"weight\"\":2}\"\n", file: "links.csv", line: 2, keyword: "field name"},
	{name: "attribute twice", actors: "id,attributes,size\na,\"{\"\"size\"\":1}\",2\n", links: "from,to\n", file: "actors.csv", line: 2, keyword: "given both"},
	{name: "unknown element", actors: okActors, links: "from,to,element\na,b,money\nb,a,weapons\n", file: "links.csv", line: 3, keyword: "unknown element"},
	{name: "bad grade", actors: okActors, links: "from,to,grade\na,b,Z9\n", file: "links.csv", line: 2, keyword: "bad grade"},
	{name: "bad 5x5x5 grade", actors: okActors, links: "from,to,grade\na,b,B2/9\n", file: "links.csv", line: 2, keyword: "bad grade"},
	{name: "NaN weight", actors: okActors, links: "from,to,weight\na,b,1\na,b,NaN\n", file: "links.csv", line: 3, keyword: "NaN"},
	{name: "negative weight", actors: okActors, links: "from,to,weight\na,b,-2\n", file: "links.csv", line: 2, keyword: "negative"},
	{name: "non-numeric weight", actors: okActors, links: "from,to,weight\na,b,heavy\n", file: "links.csv", line: 2, keyword: "not a number"},
	{name: "infinite weight", actors: okActors, links: "from,to,weight\na,b,1e999\n", file: "links.csv", line: 2, keyword: "not finite"},
	{name: "bad mutual", actors: okActors, links: "from,to,mutual\na,b,maybe\n", file: "links.csv", line: 2, keyword: "mutual"},
	{name: "bad date", actors: okActors, links: "from,to,start\na,b,2001-13\n", file: "links.csv", line: 2, keyword: "bad date"},
	{name: "bad end date", actors: okActors, links: "from,to,end\na,b,01/02/2003\n", file: "links.csv", line: 2, keyword: "bad date"},
	{name: "end before start", actors: okActors, links: "from,to,start,end\na,b,2005,2004-12-31\n", file: "links.csv", line: 2, keyword: "before start"},
	{name: "dangling from", actors: okActors, links: "from,to\na,b\nc,a\n", file: "links.csv", line: 3, keyword: "dangling"},
	{name: "dangling to", actors: okActors, links: "from,to\n\na,zz\n", file: "links.csv", line: 3, keyword: "dangling"},
	{name: "empty from", actors: okActors, links: "from,to\n,a\n", file: "links.csv", line: 2, keyword: "empty"},
	{name: "bad link attributes JSON", actors: okActors, links: "from,to,attributes\na,b,{\n", file: "links.csv", line: 2, keyword: "attributes JSON"},
	{name: "bad attribute number", actors: okActors, links: "from,to,attributes\na,b,\"{\"\"x\"\":1e999}\"\n", file: "links.csv", line: 2, keyword: "bad number"},
}

func TestReadCSVErrors(t *testing.T) {
	for _, tt := range csvErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			n, err := ReadCSV(strings.NewReader(tt.actors), "actors.csv", strings.NewReader(tt.links), "links.csv", network.Limits{})
			require.Error(t, err)
			assert.Nil(t, n)
			assertParseError(t, err, tt.file, tt.line, tt.keyword)
		})
	}
}

func TestReadCSVErrorRecord(t *testing.T) {
	tests := []struct {
		name, actors, links string
		record              string
		column              int
	}{
		{"actor", "id,kind\na,cartel\nb,spaceship\n", "from,to\n", `actor "b"`, 3},
		{"link", okActors, "from,to,weight\na,b,1\nb,a,-1\n", "link 1", 5},
		{"dangling", okActors, "from,to\na,b\na,b\nb,c\n", "link 2", 3},
		{"empty id", "id\na\n\"\"\n", "from,to\n", "actor 1", 1},
		{"empty to", okActors, "from,to\na,\n", "link 0", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV(strings.NewReader(tt.actors), "actors.csv", strings.NewReader(tt.links), "links.csv", network.Limits{})
			var pe *network.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.record, pe.Record)
			assert.Equal(t, tt.column, pe.Column)
			assert.Contains(t, err.Error(), tt.record)
		})
	}
}

func TestReadCSVNilActors(t *testing.T) {
	_, err := ReadCSV(nil, "actors.csv", strings.NewReader("from,to\n"), "links.csv", network.Limits{})
	var pe *network.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "actors.csv", pe.File)
}

func TestReadCSVDirErrors(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		file    string
		line    int
		keyword string
	}{
		{"no actors.csv", map[string]string{"links.csv": "from,to\n"}, "actors.csv", 0, "no such file"},
		{"no links.csv", map[string]string{"actors.csv": okActors}, "links.csv", 0, "no such file"},
		{"bad links", map[string]string{"actors.csv": okActors, "links.csv": "from,to\na,x\n"}, "links.csv", 2, "dangling"},
		{"empty network.csv", map[string]string{"network.csv": ""}, "network.csv", 0, "empty"},
		{"network.csv without row", map[string]string{"network.csv": "name,description\n"}, "network.csv", 1, "no data row"},
		{"network.csv two rows", map[string]string{"network.csv": "name\nx\ny\n"}, "network.csv", 3, "more than one"},
		{"network.csv unknown column", map[string]string{"network.csv": "name,owner\nx,y\n"}, "network.csv", 1, "unknown column"},
		{"network.csv bad JSON", map[string]string{"network.csv": "name,attributes\nx,{oops}\n"}, "network.csv", 2, "attributes JSON"},
		{"network.csv reserved key", map[string]string{"network.csv": "name,attributes\nx,\"{\"\"actors\"\":1}\"\n"}, "network.csv", 2, "field name"},
		{"network.csv wrong fields", map[string]string{"network.csv": "name,description\nx\n"}, "network.csv", 2, "wrong number of fields"},
		{"network.csv invalid UTF-8", map[string]string{"network.csv": "name\n\xfe\n"}, "network.csv", 2, "invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{"actors.csv": okActors, "links.csv": "from,to\na,b\n"}
			for k, v := range tt.files {
				files[k] = v
			}
			for k, v := range files {
				require.NoError(t, os.WriteFile(filepath.Join(dir, k), []byte(v), 0o644))
			}
			if strings.HasPrefix(tt.name, "no ") {
				require.NoError(t, os.Remove(filepath.Join(dir, strings.TrimPrefix(tt.name, "no "))))
			}
			n, err := ReadCSVDir(dir, network.Limits{})
			require.Error(t, err)
			assert.Nil(t, n)
			var pe *network.ParseError
			require.ErrorAs(t, err, &pe)
			path := filepath.Join(dir, tt.file)
			assert.Equal(t, path, pe.File)
			assert.Equal(t, tt.line, pe.Line, "error: %v", err)
			assert.Contains(t, err.Error(), path)
			if tt.line > 0 {
				assert.Contains(t, err.Error(), fmt.Sprintf("%s:%d", path, tt.line))
			}
			assert.Contains(t, err.Error(), tt.keyword)
		})
	}
}

func TestWriteCSVErrors(t *testing.T) {
	var a, l bytes.Buffer
	assert.Error(t, WriteCSV(nil, &a, &l))
	assert.Error(t, WriteCSVDir(nil, t.TempDir()))

	// A network whose exported Attributes were set to an unsupported type.
	n := network.New("x")
	n.Attributes = network.Attributes{"bad": []int{1}}
	assert.ErrorContains(t, WriteCSVDir(n, t.TempDir()), "bad")

	// A directory that cannot be created.
	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	assert.Error(t, WriteCSVDir(network.New("x"), filepath.Join(file, "sub")))
}

// TestCSVReRead checks inputs that are easy to get wrong on the way back:
// whatever ReadCSV accepts, WriteCSV must write so that it reads back equal.
func TestCSVReRead(t *testing.T) {
	tests := []struct {
		name, actors, links string
	}{
		{"alias with CRLF in JSON list", "id,aliases\na,\"[\"\"x\\r\\ny\"\",\"\"z\"\"]\"\n", "from,to\n"},
		{"alias with lone CR", "id,aliases\na,\"x\ry;z\"\n", "from,to\n"},
		{"name with lone CR", "id,name\na,\"x\ry\"\n", "from,to\n"},
		{"quoted CRLF in name", "id,name\r\na,\"x\r\ny\"\r\n", "from,to\n"},
		{"special fields", "id,name\n\\.,#x\n\"\"\"q\",=1\n", "from,to,type\n\\.,\"\"\"q\",\\.\n"},
		{"odd weights", okActors, "from,to,weight\na,b,-0\na,b,0x1p-2\na,b,1e308\na,b,5e-324\n"},
		{"odd numbers in extras", "id,x,y,z,w\na,1E400,-0.0,+3,9223372036854775808\n", "from,to\n"},
		{"sectors as JSON", "id,sectors\na,\"[\"\"Criminal\"\", \"\"licit\"\"]\"\n", "from,to\n"},
		{"empty aliases", "id,aliases\na,;\nb,[]\n", "from,to\n"},
		{"unicode escapes", "id,attributes\na,\"{\"\"\\u00e9\"\":\"\"\\ud800\"\"}\"\n", "from,to\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := ReadCSV(strings.NewReader(tt.actors), "actors.csv", strings.NewReader(tt.links), "links.csv", network.Limits{})
			require.NoError(t, err)
			checkReRead(t, n)
		})
	}
}

// assertParseError checks that err is a *network.ParseError for the file
// and line (0: no line), and that its text names both and holds keyword.
func assertParseError(t *testing.T, err error, file string, line int, keyword string) {
	t.Helper()
	var pe *network.ParseError
	require.True(t, errors.As(err, &pe), "error %v is not a *network.ParseError", err)
	assert.Equal(t, file, pe.File)
	assert.Equal(t, line, pe.Line, "error: %v", err)
	msg := err.Error()
	assert.Contains(t, msg, file)
	if line > 0 {
		assert.Contains(t, msg, fmt.Sprintf("%s:%d", file, line))
	}
	assert.Contains(t, msg, keyword)
}
