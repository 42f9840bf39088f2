package fuse

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/illicitnet/illicit/network"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func net(t testing.TB, name string, actors []network.Actor, links ...network.Link) *network.Network {
	t.Helper()
	n := network.New(name)
	for _, a := range actors {
		require.NoError(t, n.AddActor(a))
	}
	for _, l := range links {
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	return n
}

// The example: three agencies, one man spelt three ways.
func attaSources(t testing.TB) []Source {
	fbi := net(t, "fbi", []network.Actor{
		{ID: "atta-1", Name: "Mohamed Atta", Kind: network.Operative, Attributes: network.Attributes{"dob": "1968-09-01", "nationality": "EG"}},
		{ID: "alshehhi", Name: "Marwan Al-Shehhi", Kind: network.Operative},
		{ID: "jarrah", Name: "Ziad Jarrah"},
	}, network.Link{From: "atta-1", To: "alshehhi", Mutual: true, Type: "roommate", Grade: network.MustParseGrade("A1"), Weight: 1},
		network.Link{From: "atta-1", To: "jarrah", Mutual: true, Type: "meeting", Grade: network.MustParseGrade("B2"), Weight: 1})
	cia := net(t, "cia", []network.Actor{
		{ID: "M.ATTA", Name: "ATTA, Mohammed", Aliases: []string{"Mohamed el-Amir Awad el-Sayed Atta"}, Kind: network.Operative, Attributes: network.Attributes{"date_of_birth": "1968-09-01", "nationality": "SA"}},
		{ID: "SHEHHI", Name: "Marwan al Shehhi", Kind: network.TravelFacilitator},
	}, network.Link{From: "M.ATTA", To: "SHEHHI", Mutual: true, Type: "roommate", Grade: network.MustParseGrade("E5"), Weight: 1})
	mi6 := net(t, "mi6", []network.Actor{
		{ID: "p17", Name: "Muhammad Atta", Attributes: network.Attributes{"dob": "1968"}},
		{ID: "p18", Name: "Zaid Jarrah", Attributes: network.Attributes{"dob": "1975-05-11"}},
		{ID: "p19", Name: "Ramzi bin al-Shibh"},
	}, network.Link{From: "p17", To: "p19", Mutual: true, Type: "call", Source: "intercept 12", Weight: 1})
	return []Source{{"fbi", fbi}, {"cia", cia}, {"mi6", mi6}}
}

func clusterOf(res Result, src, id string) string {
	for _, c := range res.Clusters {
		for _, r := range c.Records {
			if r.Source == src && r.ID == id {
				return c.ID
			}
		}
	}
	return ""
}

func TestFuseAtta(t *testing.T) {
	res, err := Fuse(attaSources(t), Options{})
	require.NoError(t, err)
	atta := clusterOf(res, "fbi", "atta-1")
	assert.Equal(t, "atta-1", atta)
	assert.Equal(t, atta, clusterOf(res, "cia", "M.ATTA"))
	assert.Equal(t, atta, clusterOf(res, "mi6", "p17"))
	assert.Equal(t, "alshehhi", clusterOf(res, "cia", "SHEHHI"))
	a, ok := res.Network.Actor(atta)
	require.True(t, ok)
	assert.Equal(t, "Mohamed Atta", a.Name, "most common name, ties to the first source")
	assert.Equal(t, []string{"ATTA, Mohammed", "Mohamed el-Amir Awad el-Sayed Atta", "Muhammad Atta"}, a.Aliases)
	assert.Equal(t, "EG", a.Attributes["nationality"], "the first source's value is kept")
	recs, err := Records(a)
	require.NoError(t, err)
	assert.Equal(t, []Record{{"fbi", "atta-1", "Mohamed Atta"}, {"cia", "M.ATTA", "ATTA, Mohammed"}, {"mi6", "p17", "Muhammad Atta"}}, recs)
	// Contradictions: Al-Shehhi's kind, Atta's nationality.
	var fields []string
	for _, c := range res.Contradictions {
		fields = append(fields, c.Actor+"."+c.Field)
	}
	assert.Contains(t, fields, "atta-1.nationality")
	assert.Contains(t, fields, "alshehhi.kind")
	cs, err := ActorContradictions(a)
	require.NoError(t, err)
	require.NotEmpty(t, cs)
	assert.Equal(t, "nationality", cs[0].Field)
	assert.Equal(t, "EG", cs[0].Kept)
	assert.Equal(t, []RecordedValue{{Record{"fbi", "atta-1", "Mohamed Atta"}, "EG"}, {Record{"cia", "M.ATTA", "ATTA, Mohammed"}, "SA"}}, cs[0].Values)
	// Links: four, each with its source and grade, ends mapped.
	links := res.Network.Links()
	require.Len(t, links, 4)
	assert.Equal(t, "fbi", links[0].Source)
	assert.Equal(t, "A1", links[0].Grade.String())
	assert.Equal(t, "cia", links[2].Attributes[SourceKey])
	assert.Equal(t, "E5", links[2].Grade.String())
	assert.Equal(t, "intercept 12", links[3].Source, "a link's own source is kept")
	assert.Equal(t, "mi6", links[3].Attributes[SourceKey])
	// The roommate tie is corroborated by two sources, kept as two links.
	cor := Corroborations(res.Network)
	require.Equal(t, "roommate", cor[0].Type)
	assert.Equal(t, 2, cor[0].Links)
	assert.Equal(t, []string{"fbi", "cia"}, cor[0].Sources)
	assert.Equal(t, []string{"A1", "E5"}, cor[0].Grades)
}

func TestFuseErrors(t *testing.T) {
	n := net(t, "x", []network.Actor{{ID: "a", Name: "A"}})
	for _, tc := range []struct {
		sources []Source
		opts    Options
		msg     string
	}{
		{nil, Options{}, "no sources"},
		{[]Source{{"", n}}, Options{}, "source 1 has no name"},
		{[]Source{{"  ", n}}, Options{}, "source 1 has no name"},
		{[]Source{{"s", nil}}, Options{}, `source "s" has no network`},
		{[]Source{{"s", n}, {"s", n}}, Options{}, `sources 1 and 2 have the same name "s"`},
		{[]Source{{"s", n}}, Options{MergeAt: 2, ReviewAt: 5}, "thresholds out of order"},
		{[]Source{{"s", n}}, Options{MergeAt: 5, ReviewAt: 2, CannotAt: 3}, "thresholds out of order"},
		{[]Source{{"s", n}}, Options{MergeAt: 5, ReviewAt: 2, CannotAt: 2}, "thresholds out of order"},
		{[]Source{{"s", n}}, Options{ReviewAt: 5}, "thresholds out of order"},
		{[]Source{{"s", n}}, Options{MergeAt: math.Inf(1)}, "finite"},
		{[]Source{{"s", n}, {"t", n}}, Options{Overrides: []Override{{Kind: MustLink, A: Ref{"s", "a"}, B: Ref{"t", "zz"}, Origin: "o.csv:3"}}}, `o.csv:3: must-link names no actor: source "t" has no actor "zz"`},
		{[]Source{{"s", n}, {"t", n}}, Options{Overrides: []Override{{Kind: CannotLink, A: Ref{"u", "a"}, B: Ref{"t", "a"}, Origin: "o.csv:4"}}}, `o.csv:4: cannot-link names source "u", which is not among the sources (s, t)`},
		{[]Source{{"s", n}, {"t", n}}, Options{Overrides: []Override{
			{Kind: MustLink, A: Ref{"s", "a"}, B: Ref{"t", "a"}, Origin: "o.csv:1"},
			{Kind: CannotLink, A: Ref{"t", "a"}, B: Ref{"s", "a"}, Origin: "o.csv:2"}}}, "overrides contradict"},
		{[]Source{{"s", n}}, Options{Model: &Model{}}, "no name bands"},
	} {
		_, err := Fuse(tc.sources, tc.opts)
		require.Error(t, err, tc.msg)
		assert.Contains(t, err.Error(), tc.msg)
	}
}

// Overrides are obeyed absolutely; a cannot-link is not bridged by a
// chain of merges through a third record.
func TestOverrides(t *testing.T) {
	sources := attaSources(t)
	res, err := Fuse(sources, Options{Overrides: []Override{
		{Kind: CannotLink, A: Ref{"fbi", "atta-1"}, B: Ref{"mi6", "p17"}},
		{Kind: MustLink, A: Ref{"fbi", "jarrah"}, B: Ref{"mi6", "p19"}},
	}})
	require.NoError(t, err)
	assert.NotEqual(t, clusterOf(res, "fbi", "atta-1"), clusterOf(res, "mi6", "p17"))
	// cia's Atta matches both; it joins fbi's (heavier) and the chain to
	// mi6's is refused.
	assert.Equal(t, clusterOf(res, "fbi", "atta-1"), clusterOf(res, "cia", "M.ATTA"))
	assert.Equal(t, clusterOf(res, "fbi", "jarrah"), clusterOf(res, "mi6", "p19"), "must-link, whatever the weight")
	var outcomes []string
	for _, d := range res.Decisions {
		outcomes = append(outcomes, d.A.String()+"~"+d.B.String()+"="+d.Outcome.String())
		if d.B == (Record{"mi6", "p17", "Muhammad Atta"}) && d.A.ID == "M.ATTA" {
			assert.Equal(t, Review, d.Outcome)
			assert.Contains(t, d.Note, "cannot-linked")
		}
	}
	assert.Contains(t, outcomes, "fbi:atta-1~mi6:p17=cannot-link")
	assert.Contains(t, outcomes, "fbi:jarrah~mi6:p19=must-link")
}

// A chain of weak matches does not join two strong non-matches: b
// matches a and c, but a and c disagree on kind and date of birth.
func TestTransitiveCheck(t *testing.T) {
	s1 := net(t, "1", []network.Actor{{ID: "a", Name: "Abu Hamza", Kind: network.Operative, Attributes: network.Attributes{"dob": "1958-04-15"}}})
	s2 := net(t, "2", []network.Actor{{ID: "b", Name: "Abu Hamza", Aliases: []string{"Hamid Yasin"}}})
	s3 := net(t, "3", []network.Actor{{ID: "c", Name: "Hamid Yassin", Kind: network.Cartel, Attributes: network.Attributes{"dob": "1971-01-02"}}})
	res, err := Fuse([]Source{{"s1", s1}, {"s2", s2}, {"s3", s3}}, Options{})
	require.NoError(t, err)
	byPair := map[string]Decision{}
	for _, d := range res.Decisions {
		byPair[d.A.ID+d.B.ID] = d
	}
	require.Equal(t, Merge, byPair["ab"].Outcome)
	require.Less(t, byPair["ac"].Weight, DefaultCannotAt)
	assert.Equal(t, Review, byPair["bc"].Outcome, "b and c weigh enough to merge, but the merge is refused")
	assert.GreaterOrEqual(t, byPair["bc"].Weight, DefaultMergeAt)
	assert.Contains(t, byPair["bc"].Note, "it would join s1:a and s3:c, whose weight -11.83 is below cannot-at -6")
	assert.Equal(t, 1, res.Stats.Refused)
	assert.Equal(t, clusterOf(res, "s1", "a"), clusterOf(res, "s2", "b"))
	assert.NotEqual(t, clusterOf(res, "s1", "a"), clusterOf(res, "s3", "c"))
	// Without the check (-Inf) the chain joins all three.
	res, err = Fuse([]Source{{"s1", s1}, {"s2", s2}, {"s3", s3}}, Options{MergeAt: 5, ReviewAt: 2, CannotAt: -1e9})
	require.NoError(t, err)
	assert.Len(t, res.Clusters, 1)
	// Zero thresholds given with a non-zero one are used as given: a
	// merge at 0 bits takes every pair of non-negative weight.
	res, err = Fuse([]Source{{"s1", s1}, {"s2", s2}}, Options{MergeAt: 0, ReviewAt: 0, CannotAt: -1})
	require.NoError(t, err)
	assert.Len(t, res.Clusters, 1)
}

// Records of one source are never merged with each other unless asked.
func TestWithinSource(t *testing.T) {
	s1 := net(t, "1", []network.Actor{{ID: "a", Name: "Umar Patek"}, {ID: "b", Name: "Umar Patek"}})
	res, err := Fuse([]Source{{"s1", s1}}, Options{})
	require.NoError(t, err)
	assert.Len(t, res.Clusters, 2)
	assert.Empty(t, res.Decisions)
	res, err = Fuse([]Source{{"s1", s1}}, Options{WithinSource: true})
	require.NoError(t, err)
	assert.Len(t, res.Clusters, 1)
}

// Fused IDs are disambiguated when two clusters start with the same ID.
func TestFusedIDs(t *testing.T) {
	s1 := net(t, "1", []network.Actor{{ID: "x", Name: "Hambali"}})
	s2 := net(t, "2", []network.Actor{{ID: "x", Name: "Dulmatin"}, {ID: "y", Name: "Other"}})
	s3 := net(t, "3", []network.Actor{{ID: "x", Name: "Amrozi"}})
	res, err := Fuse([]Source{{"s1", s1}, {"s2", s2}, {"s3", s3}}, Options{})
	require.NoError(t, err)
	var ids []string
	for _, c := range res.Clusters {
		ids = append(ids, c.ID)
	}
	assert.Equal(t, []string{"x", "s2:x", "y", "s3:x"}, ids)
}

// Nothing from any input is lost, the fused network round-trips through
// JSON with its records, and the run is deterministic.
func TestNothingLostRoundTrip(t *testing.T) {
	for _, spec := range benchSpecs {
		sources, _, _ := loadBench(t, spec)
		res, err := Fuse(sources, Options{Workers: 1})
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, res.Network.WriteJSON(&b))
		back, err := network.ReadJSON(bytes.NewReader(b.Bytes()), "fused.json", network.Limits{})
		require.NoError(t, err)
		// Every source record is in exactly one fused actor.
		want := map[Record]int{}
		links := map[string]int{}
		for _, s := range sources {
			for _, a := range s.Network.Actors() {
				want[Record{s.Name, a.ID, a.Name}]++
			}
			for l := range s.Network.LinksSeq() {
				links[fmt.Sprintf("%s|%s|%s|%v|%s|%g", s.Name, l.Type, l.Grade, l.Mutual, l.Element, l.Weight)]++
			}
		}
		got := map[Record]int{}
		for _, a := range back.Actors() {
			rs, err := Records(a)
			require.NoError(t, err)
			require.NotEmpty(t, rs)
			for _, r := range rs {
				got[r]++
			}
			// Every name and alias of its records is a name or alias.
			names := append([]string{a.Name}, a.Aliases...)
			for _, r := range rs {
				assert.Contains(t, names, r.Name)
			}
		}
		assert.Equal(t, want, got, "every actor is a source record of one fused actor")
		gotLinks := map[string]int{}
		for l := range back.LinksSeq() {
			gotLinks[fmt.Sprintf("%s|%s|%s|%v|%s|%g", l.Attributes[SourceKey], l.Type, l.Grade, l.Mutual, l.Element, l.Weight)]++
		}
		assert.Equal(t, links, gotLinks, "every link is kept with its source and grade")
		// Deterministic whatever the workers.
		res2, err := Fuse(sources, Options{Workers: 7})
		require.NoError(t, err)
		var b2 bytes.Buffer
		require.NoError(t, res2.Network.WriteJSON(&b2))
		assert.Equal(t, b.String(), b2.String())
		var r1, r2 bytes.Buffer
		require.NoError(t, WriteCSV(&r1, res.Decisions))
		require.NoError(t, WriteCSV(&r2, res2.Decisions))
		assert.Equal(t, r1.String(), r2.String())
		// A fused network fused again with another source keeps the
		// original records.
		again, err := Fuse([]Source{{"fused", back}, {"extra", sources[0].Network}}, Options{})
		require.NoError(t, err)
		n := 0
		for _, c := range again.Clusters {
			n += len(c.Records)
		}
		assert.Equal(t, len(want)+sources[0].Network.NumActors(), n)
	}
}

func TestRecordsEncoding(t *testing.T) {
	rs := []Record{{"fbi", "atta-1", "Mohamed Atta"}, {"c|a:b\\", "M:ATTA|2", "x\\:|"}, {"s", "id", ""}}
	s := EncodeRecords(rs)
	assert.Equal(t, `fbi:atta-1:Mohamed Atta|c\|a\:b\\:M\:ATTA\|2:x\\\:\||s:id:`, s)
	back, err := DecodeRecords(s)
	require.NoError(t, err)
	assert.Equal(t, rs, back)
	for _, bad := range []string{"a:b", "a:b:c:d", `a:b:c\`, `a:b:\x`, ":b:c", "a:b:c|"} {
		_, err := DecodeRecords(bad)
		assert.Error(t, err, bad)
	}
	_, err = Records(network.Actor{ID: "x", Attributes: network.Attributes{RecordsKey: int64(3)}})
	assert.ErrorContains(t, err, "not text")
}

func TestReadOverrides(t *testing.T) {
	in := "kind,source1,id1,source2,id2\n# analyst 2024-03-01\nmust, fbi ,atta-1,cia,M.ATTA\n\nCANNOT,fbi,jarrah,mi6,p18\ncannot-link,\"a,b\",x,c,y\n"
	os, err := ReadOverrides(strings.NewReader(in), "o.csv")
	require.NoError(t, err)
	assert.Equal(t, []Override{
		{MustLink, Ref{"fbi", "atta-1"}, Ref{"cia", "M.ATTA"}, "o.csv:3"},
		{CannotLink, Ref{"fbi", "jarrah"}, Ref{"mi6", "p18"}, "o.csv:5"},
		{CannotLink, Ref{"a,b", "x"}, Ref{"c", "y"}, "o.csv:6"},
	}, os)
	for _, tc := range []struct{ in, msg string }{
		{"maybe,a,b,c,d\n", `o.csv:1: override: kind "maybe": want must or cannot`},
		{"must,a,b,c\n", "o.csv:1: override: want 5 fields"},
		{"must,a,b,c,d\nmust,a,,c,d\n", "o.csv:2: override: empty source or id"},
		{"must,a,b,a,b\n", "paired with itself"},
		{"must,\"a,b,c,d\n", "o.csv:1"},
	} {
		_, err := ReadOverrides(strings.NewReader(tc.in), "o.csv")
		require.Error(t, err, tc.in)
		assert.Contains(t, err.Error(), tc.msg)
	}
}

func FuzzReadOverrides(f *testing.F) {
	f.Add("kind,source1,id1,source2,id2\nmust,a,b,c,d\n")
	f.Add("cannot,\"x\"\"y\",b,c,d\n# c\n\n")
	f.Add("must,a,b,c\n")
	f.Fuzz(func(t *testing.T, in string) {
		os, err := ReadOverrides(strings.NewReader(in), "f.csv")
		if err != nil {
			assert.Contains(t, err.Error(), "f.csv")
			return
		}
		for _, o := range os {
			assert.True(t, o.Kind == MustLink || o.Kind == CannotLink)
			assert.NotEmpty(t, o.A.Source)
			assert.NotEmpty(t, o.B.ID)
			assert.NotEqual(t, o.A, o.B)
		}
	})
}

func TestReports(t *testing.T) {
	res, err := Fuse(attaSources(t), Options{})
	require.NoError(t, err)
	var c, j, m bytes.Buffer
	require.NoError(t, WriteCSV(&c, res.Decisions))
	require.NoError(t, WriteJSON(&j, res.Decisions))
	require.NoError(t, WriteMarkdown(&m, res.Decisions))
	lines := strings.Split(strings.TrimSpace(c.String()), "\n")
	assert.Equal(t, strings.Join(ReportColumns, ","), lines[0])
	assert.Len(t, lines, len(res.Decisions)+1)
	assert.Contains(t, c.String(), "fbi,atta-1,Mohamed Atta,cia,M.ATTA,\"ATTA, Mohammed\",")
	assert.Contains(t, j.String(), `"outcome":"merge"`)
	assert.Contains(t, m.String(), "# Merge report")
	assert.Contains(t, m.String(), "| fbi:atta-1 Mohamed Atta | cia:M.ATTA ATTA, Mohammed |")
}

// benchmarkSources makes three sources of n actors each: noisy copies
// of the same n generated people, with a ring and random links.
func benchmarkSources(b testing.TB, n int) []Source {
	rng := rand.New(rand.NewPCG(10000, 1))
	givens := []string{"Mohamed", "Ahmed", "Omar", "Ali", "Yusuf", "Hassan", "Ibrahim", "Khalid", "Said", "Mustafa",
		"Giuseppe", "Antonio", "Francesco", "Salvatore", "Jose", "Juan", "Carlos", "Dimitris", "Nikos", "Agus",
		"Imam", "Budi", "Joko", "Hamid", "Rachid", "Jamal", "Karim", "Nabil", "Tarek", "Walid"}
	people := make([]string, n)
	for i := range people {
		people[i] = givens[rng.IntN(len(givens))] + " " + capital(syllables(rng, 2+rng.IntN(2)))
		if rng.Float64() < 0.3 {
			people[i] = givens[rng.IntN(len(givens))] + " " + people[i]
		}
	}
	var out []Source
	for s, name := range []string{"a", "b", "c"} {
		nw := network.New(name)
		perm := rng.Perm(n)
		for _, i := range perm {
			a := network.Actor{ID: fmt.Sprintf("%s%06d", name, i*3+s), Name: noisyName(people[i], rng)}
			if rng.Float64() < 0.5 {
				a.Attributes = network.Attributes{"dob": fmt.Sprintf("%d", 1950+i%40)}
			}
			require.NoError(b, nw.AddActor(a))
		}
		for i := range n {
			_, err := nw.AddLink(network.Link{From: fmt.Sprintf("%s%06d", name, i*3+s), To: fmt.Sprintf("%s%06d", name, ((i+1)%n)*3+s), Mutual: true, Weight: 1})
			require.NoError(b, err)
		}
		out = append(out, Source{Name: name, Network: nw})
	}
	return out
}

// BenchmarkFuse10k fuses three sources of 10^4 actors each.
func BenchmarkFuse10k(b *testing.B) {
	sources := benchmarkSources(b, 10000)
	b.ResetTimer()
	var res Result
	for b.Loop() {
		var err error
		res, err = Fuse(sources, Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Stats.Compared), "comparisons")
	b.ReportMetric(float64(res.Stats.AllPairs), "all-pairs")
	b.ReportMetric(float64(res.Network.NumActors()), "fused-actors")
}
