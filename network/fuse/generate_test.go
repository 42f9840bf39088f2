package fuse

// The generator of the fusion benchmarks in testdata/fusion (see its
// README). go test ./network/fuse -run TestBenchmarkFiles -generate
// writes the files; without -generate the test checks that the
// committed files are what the generator makes.

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/netio"
	"github.com/stretchr/testify/require"
)

var generateFlag = flag.Bool("generate", false, "write the fusion benchmarks to testdata/fusion")

const fusionDir = "../../testdata/fusion"

// benchDataset is a published dataset whose actors become true actors.
type benchDataset struct {
	dir, prefix string
	project     string // key=value of a two-mode dataset's projection
	kind        func(a network.Actor) network.Kind
	countries   []string
}

// benchSpec is one benchmark: datasets, seed and source names.
type benchSpec struct {
	name     string
	seed     uint64
	datasets []benchDataset
	sources  []string
	grades   [][]string // per source, the grades drawn from ("" ungraded)
	docs     []string   // per source, a Source text some links carry ("" none)
}

func constKind(k network.Kind) func(network.Actor) network.Kind {
	return func(network.Actor) network.Kind { return k }
}

var benchSpecs = []benchSpec{
	{
		name: "bench1", seed: 20011,
		datasets: []benchDataset{
			{dir: "krebs-911", prefix: "krebs", countries: []string{"SA", "SA", "SA", "AE", "EG", "LB", "DZ", "FR", "DE", "MA", "TN", "YE"},
				kind: func(a network.Actor) network.Kind {
					if a.Attributes["hijacker"] == true {
						return network.Operative
					}
					return network.TravelFacilitator
				}},
			{dir: "noordin-top", prefix: "noordin", countries: []string{"ID", "ID", "ID", "ID", "MY", "PH"}, kind: constKind(network.Operative)},
			{dir: "mafia-infinito", prefix: "infinito", project: "type=person", countries: []string{"IT"}, kind: constKind(network.IndividualCriminal)},
		},
		sources: []string{"fbi", "europol", "interpol"},
		grades:  [][]string{{"A1", "B2", "B2", "C3"}, {"B3", "E5", "", "D4", "B2"}, {"", "", "F6", "A2", "C2"}},
		docs:    []string{"", "europol analysis file", ""},
	},
	{
		name: "bench2", seed: 77,
		datasets: []benchDataset{
			{dir: "madrid-rodriguez", prefix: "madrid", countries: []string{"MA", "MA", "ES", "SY", "DZ", "TN"}, kind: constKind(network.Operative)},
			{dir: "rhodes-n17", prefix: "n17", countries: []string{"GR"}, kind: constKind(network.Operative)},
			{dir: "koschade-ji", prefix: "ji", countries: []string{"ID"}, kind: constKind(network.Operative)},
			{dir: "czech-corruption", prefix: "czech", countries: []string{"CZ"}, kind: constKind(network.CorruptOfficial)},
		},
		sources: []string{"police", "intelligence", "press"},
		grades:  [][]string{{"A2", "B2", "B1"}, {"B3", "C3", "E5", "F6"}, {"", "", "D4"}},
		docs:    []string{"", "", "newspaper archive"},
	},
}

// benchFiles are a benchmark's files by name.
type benchFiles map[string][]byte

// generateBench builds a benchmark's files.
func generateBench(spec benchSpec) (benchFiles, error) {
	rng := rand.New(rand.NewPCG(spec.seed, 0x5eed))
	truth := network.New(spec.name + " truth")
	type trueLink struct{ l network.Link }
	var links []network.Link
	var countries [][]string
	for _, ds := range spec.datasets {
		dir := filepath.Join("../../testdata", ds.dir)
		n, err := netio.Load(filepath.Join(dir, "edges.csv"), netio.LoadOptions{Nodes: filepath.Join(dir, "nodes.csv")})
		if err != nil {
			return nil, err
		}
		if ds.project != "" {
			k, v, _ := strings.Cut(ds.project, "=")
			if n, err = network.Project(n, k, v); err != nil {
				return nil, err
			}
		}
		for _, a := range n.Actors() {
			t := network.Actor{ID: ds.prefix + ":" + a.ID, Name: strings.ReplaceAll(a.Name, "_", " "), Kind: ds.kind(a),
				Attributes: network.Attributes{"dataset": ds.dir}}
			t.Attributes["date_of_birth"] = fmt.Sprintf("%04d-%02d-%02d", 1950+rng.IntN(40), 1+rng.IntN(12), 1+rng.IntN(28))
			t.Attributes["nationality"] = ds.countries[rng.IntN(len(ds.countries))]
			if err := truth.AddActor(t); err != nil {
				return nil, err
			}
			countries = append(countries, ds.countries)
		}
		for l := range n.LinksSeq() {
			l.From, l.To = ds.prefix+":"+l.From, ds.prefix+":"+l.To
			l.Attributes = nil
			links = append(links, l)
		}
	}
	actors := truth.Actors()
	givens := givenNames(actors)
	ns := len(spec.sources)
	// Membership: each true actor in each source with probability 0.65,
	// in at least one.
	member := make([][]bool, len(actors))
	for i := range actors {
		member[i] = make([]bool, ns)
		any := false
		for s := range ns {
			member[i][s] = rng.Float64() < 0.65
			any = any || member[i][s]
		}
		if !any {
			member[i][rng.IntN(ns)] = true
		}
	}
	index := map[string]int{}
	for i, a := range actors {
		index[a.ID] = i
	}
	// Links: each in each source holding both ends with probability
	// 0.6, in at least one (a source then gains the missing ends).
	inSource := make([][]bool, len(links))
	for k, l := range links {
		inSource[k] = make([]bool, ns)
		f, t := index[l.From], index[l.To]
		any := false
		for s := range ns {
			if member[f][s] && member[t][s] && rng.Float64() < 0.6 {
				inSource[k][s] = true
				any = true
			}
		}
		if !any {
			s := rng.IntN(ns)
			member[f][s], member[t][s] = true, true
			inSource[k][s] = true
		}
	}
	// Aliases every source may know.
	pool := make([][]string, len(actors))
	for i, a := range actors {
		toks := strings.Fields(a.Name)
		if rng.Float64() < 0.25 {
			pool[i] = append(pool[i], "Abu "+givens[rng.IntN(len(givens))])
		}
		if len(toks) >= 2 && rng.Float64() < 0.25 {
			pool[i] = append(pool[i], string([]rune(toks[0])[:1])+". "+toks[len(toks)-1])
		}
	}
	files := benchFiles{}
	var truthRows [][]string
	trueNet := network.New(spec.name + " truth")
	for _, a := range actors {
		a.Aliases = pool[index[a.ID]]
		if err := trueNet.AddActor(a); err != nil {
			return nil, err
		}
	}
	ids := make([][]string, ns) // source ID of each true actor
	for s, sname := range spec.sources {
		net := network.New(sname)
		if err := net.SetInfo(sname, "noisy copy of "+datasetList(spec), network.Attributes{"benchmark": spec.name}); err != nil {
			return nil, err
		}
		ids[s] = make([]string, len(actors))
		order := rng.Perm(len(actors))
		used := map[string]bool{}
		for pos, i := range order {
			if !member[i][s] {
				continue
			}
			a := actors[i]
			id := sourceID(s, pos, a.Name, rng, used)
			used[id] = true
			ids[s][i] = id
			c := network.Actor{ID: id, Name: noisyName(a.Name, rng), Attributes: network.Attributes{}}
			for _, al := range pool[i] {
				if rng.Float64() < 0.5 {
					c.Aliases = append(c.Aliases, al)
				}
			}
			if c.Name != a.Name && rng.Float64() < 0.25 {
				c.Aliases = append(c.Aliases, a.Name)
			}
			if rng.Float64() < 0.1 {
				c.Aliases = append(c.Aliases, capital(syllables(rng, 2)))
			}
			if rng.Float64() < 0.7 {
				c.Kind = a.Kind
			}
			dobKey := []string{"date_of_birth", "dob", "birth_date"}[s%3]
			if rng.Float64() < 0.5 {
				dob := a.Attributes["date_of_birth"].(string)
				switch r := rng.Float64(); {
				case r < 0.03:
					dob = fmt.Sprintf("%04d%s", 1950+rng.IntN(40), dob[4:]) // a wrong year
				case r < 0.18:
					dob = dob[:4]
				}
				c.Attributes[dobKey] = dob
			}
			if rng.Float64() < 0.5 {
				nat := a.Attributes["nationality"].(string)
				if cs := countries[i]; rng.Float64() < 0.03 && len(cs) > 1 {
					nat = cs[rng.IntN(len(cs))]
				}
				c.Attributes[[]string{"nationality", "citizenship", "nationality"}[s%3]] = nat
			}
			if err := net.AddActor(c); err != nil {
				return nil, err
			}
			truthRows = append(truthRows, []string{sname, id, a.ID})
		}
		// Links in dataset order.
		for k, l := range links {
			if !inSource[k][s] {
				continue
			}
			f, t := index[l.From], index[l.To]
			sl := l
			sl.From, sl.To = ids[s][f], ids[s][t]
			g := spec.grades[s][rng.IntN(len(spec.grades[s]))]
			sl.Grade = network.MustParseGrade(g)
			if spec.docs[s] != "" && rng.Float64() < 0.5 {
				sl.Source = spec.docs[s]
			}
			if _, err := net.AddLink(sl); err != nil {
				return nil, err
			}
			tl := l
			tl.Grade = sl.Grade
			tl.Source = sl.Source
			if tl.Source == "" {
				tl.Source = sname
			}
			tl.Attributes = network.Attributes{SourceKey: sname}
			if _, err := trueNet.AddLink(tl); err != nil {
				return nil, err
			}
		}
		var b bytes.Buffer
		if err := net.WriteJSON(&b); err != nil {
			return nil, err
		}
		files[sname+".json"] = b.Bytes()
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"source", "id", "true_id"})
	w.WriteAll(truthRows)
	files["truth.csv"] = b.Bytes()
	b = bytes.Buffer{}
	if err := trueNet.WriteJSON(&b); err != nil {
		return nil, err
	}
	files["true.json"] = b.Bytes()
	return files, nil
}

func datasetList(spec benchSpec) string {
	var names []string
	for _, d := range spec.datasets {
		names = append(names, d.dir)
	}
	return strings.Join(names, ", ")
}

// givenNames are the first tokens of the true names, for kunyas.
func givenNames(actors []network.Actor) []string {
	var out []string
	for _, a := range actors {
		if f := strings.Fields(a.Name); len(f) > 1 && utf8.RuneCountInString(f[0]) > 2 {
			out = append(out, capital(strings.ToLower(f[0])))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sourceID makes a source-specific actor ID.
func sourceID(s, pos int, name string, rng *rand.Rand, used map[string]bool) string {
	for k := 0; ; k++ {
		var id string
		switch s % 3 {
		case 0:
			id = fmt.Sprintf("F%05d", 1000+pos*7+k)
		case 1:
			toks := Normalize(name)
			last := "x"
			if len(toks) > 0 {
				last = toks[len(toks)-1]
			}
			id = fmt.Sprintf("EU-%s-%d", last, 1+k)
		default:
			id = fmt.Sprintf("IP%06d", rng.IntN(1000000))
		}
		if !used[id] {
			return id
		}
	}
}

func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

var sylls = []string{"ka", "ri", "mo", "sa", "lu", "te", "na", "bo", "zi", "de", "ha", "fu", "go", "mi", "ra", "si", "to", "ya", "ke", "lo", "ba", "di", "ne", "pu", "ja", "we", "xo", "qu", "vi", "ce"}

func syllables(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(sylls[rng.IntN(len(sylls))])
	}
	return b.String()
}

// keyboard neighbours for substitution typos.
var neighbours = map[rune]string{
	'a': "qsz", 'b': "vgn", 'c': "xdv", 'd': "sfe", 'e': "wrd", 'f': "dgr", 'g': "fht", 'h': "gjy", 'i': "uok",
	'j': "hku", 'k': "jli", 'l': "kop", 'm': "nj", 'n': "bmh", 'o': "ipl", 'p': "ol", 'q': "wa", 'r': "etf",
	's': "adw", 't': "ryg", 'u': "yij", 'v': "cbf", 'w': "qes", 'x': "zsc", 'y': "tuh", 'z': "xa",
}

// noisyName returns a noisy copy of a name: transliteration variants,
// article forms, one typo, "SURNAME, Given" order, upper case, a
// diacritic, each with its probability.
func noisyName(name string, rng *rand.Rand) string {
	toks := strings.Fields(name)
	if len(toks) == 0 {
		return name
	}
	if rng.Float64() < 0.5 {
		for i, t := range toks {
			lt := strings.ToLower(t)
			for _, v := range Variants {
				if slices.Contains(v, lt) {
					toks[i] = capital(v[rng.IntN(len(v))])
					break
				}
			}
		}
	}
	if rng.Float64() < 0.4 {
		for i, t := range toks {
			lt := strings.ToLower(t)
			switch {
			case strings.HasPrefix(lt, "al-") && len(lt) > 5:
				toks[i] = []string{"Al" + lt[3:], "al-" + capital(lt[3:]), "Al " + capital(lt[3:])}[rng.IntN(3)]
			case strings.HasPrefix(lt, "al") && len(lt) > 5 && !strings.HasPrefix(lt, "ali"):
				toks[i] = []string{"al-" + capital(lt[2:]), "Al-" + capital(lt[2:]), "El-" + capital(lt[2:])}[rng.IntN(3)]
			}
		}
	}
	if rng.Float64() < 0.3 {
		var long []int
		for i, t := range toks {
			if utf8.RuneCountInString(t) >= 4 {
				long = append(long, i)
			}
		}
		if len(long) > 0 {
			i := long[rng.IntN(len(long))]
			toks[i] = typo([]rune(toks[i]), rng)
		}
	}
	if len(toks) >= 2 && rng.Float64() < 0.2 {
		last := toks[len(toks)-1]
		if rng.Float64() < 0.5 {
			last = strings.ToUpper(last)
		}
		toks = append([]string{last + ","}, toks[:len(toks)-1]...)
	}
	out := strings.Join(toks, " ")
	if rng.Float64() < 0.15 {
		out = strings.ToUpper(out)
	}
	if rng.Float64() < 0.1 {
		rs := []rune(out)
		acc := map[rune]rune{'a': 'á', 'e': 'é', 'i': 'í', 'o': 'ó', 'u': 'ü', 'A': 'Á', 'E': 'É', 'O': 'Ö'}
		var at []int
		for i, r := range rs {
			if _, ok := acc[r]; ok {
				at = append(at, i)
			}
		}
		if len(at) > 0 {
			i := at[rng.IntN(len(at))]
			rs[i] = acc[rs[i]]
			out = string(rs)
		}
	}
	return out
}

// typo makes one edit, never of the first letter: a keyboard
// neighbour, a deletion, a transposition or a doubled letter.
func typo(rs []rune, rng *rand.Rand) string {
	i := 1 + rng.IntN(len(rs)-1)
	switch rng.IntN(4) {
	case 0:
		if nb, ok := neighbours[unicode.ToLower(rs[i])]; ok {
			c := []rune(nb)[rng.IntN(len([]rune(nb)))]
			if unicode.IsUpper(rs[i]) {
				c = unicode.ToUpper(c)
			}
			rs[i] = c
		}
	case 1:
		rs = slices.Delete(rs, i, i+1)
	case 2:
		if i+1 < len(rs) {
			rs[i], rs[i+1] = rs[i+1], rs[i]
		} else {
			rs[i-1], rs[i] = rs[i], rs[i-1]
		}
	default:
		rs = slices.Insert(rs, i, rs[i])
	}
	return string(rs)
}

// The committed benchmark files are those the generator makes.
func TestBenchmarkFiles(t *testing.T) {
	for _, spec := range benchSpecs {
		files, err := generateBench(spec)
		require.NoError(t, err)
		dir := filepath.Join(fusionDir, spec.name)
		if *generateFlag {
			require.NoError(t, os.MkdirAll(dir, 0o755))
			for name, b := range files {
				require.NoError(t, os.WriteFile(filepath.Join(dir, name), b, 0o644))
			}
			continue
		}
		for name, b := range files {
			got, err := os.ReadFile(filepath.Join(dir, name))
			require.NoError(t, err, "run go test ./network/fuse -run TestBenchmarkFiles -generate")
			require.Equal(t, string(b), string(got), "%s/%s differs from the generator's output", spec.name, name)
		}
	}
}
