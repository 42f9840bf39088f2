package fuse

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/illicitnet/illicit/network"
)

// Winkler (1990) and the record-linkage literature's standard pairs.
func TestJaroWinkler(t *testing.T) {
	for _, tc := range []struct {
		a, b     string
		jaro, jw float64
	}{
		{"MARTHA", "MARHTA", 0.944, 0.961},
		{"DWAYNE", "DUANE", 0.822, 0.840},
		{"DIXON", "DICKSONX", 0.767, 0.813},
		{"JONES", "JOHNSON", 0.790, 0.832},
		// Three matched characters out of order: t = 3/2 (implementations
		// that round t down give 0.958).
		{"ABCVWXYZ", "CABVWXYZ", 0.9375, 0.9375},
		{"SHACKLEFORD", "SHACKELFORD", 0.970, 0.982},
		{"", "", 1, 1},
		{"A", "", 0, 0},
		{"ABC", "XYZ", 0, 0},
		{"Mohamed", "Mohamed", 1, 1},
	} {
		assert.InDelta(t, tc.jaro, Jaro(tc.a, tc.b), 0.0005, "jaro %s/%s", tc.a, tc.b)
		assert.InDelta(t, tc.jw, JaroWinkler(tc.a, tc.b), 0.0005, "jw %s/%s", tc.a, tc.b)
		assert.InDelta(t, JaroWinkler(tc.a, tc.b), JaroWinkler(tc.b, tc.a), 1e-12, "symmetric")
	}
}

func TestTokenSet(t *testing.T) {
	assert.Equal(t, 1.0, TokenSet([]string{"atta", "muhammad"}, []string{"muhammad", "atta"}))
	// One extra token: 1 one way, (1 + 1 + best(amir))/3 the other.
	s := TokenSet([]string{"muhammad", "atta"}, []string{"muhammad", "amir", "atta"})
	amir := max(JaroWinkler("amir", "muhammad"), JaroWinkler("amir", "atta"))
	assert.InDelta(t, (1+(2+amir)/3)/2, s, 1e-12)
	assert.Equal(t, 0.0, TokenSet(nil, []string{"x"}))
	assert.Equal(t, 1.0, TokenSet(nil, nil))
}

func TestNormalize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Mohamed Atta", []string{"muhammad", "atta"}},
		{"ATTA, Mohammed", []string{"muhammad", "atta"}},
		{"Muhammad  ATTA.", []string{"muhammad", "atta"}},
		{"Khalid Al-Mihdhar", []string{"khalid", "mihdhar"}},
		{"Nawaf Alhazmi", []string{"nawaf", "hazmi"}},
		{"Nawaf al-Hazmi", []string{"nawaf", "hazmi"}},
		{"Abou Qatada", []string{"abu", "qatada"}},
		{"Usama bin Laden", []string{"usama", "bin", "laden"}},
		{"Osama Ibn Ladin", []string{"usama", "bin", "ladin"}},
		{"Abdelaziz Benyaich", []string{"abd", "aziz", "benyaich"}},
		{"Abd al-Aziz", []string{"abd", "aziz"}},
		{"Abdul Aziz", []string{"abd", "aziz"}},
		{"José Emilio Suárez", []string{"jose", "emilio", "suarez"}},
		{"Dimitris Koufóntinas", []string{"dimitris", "koufontinas"}},
		{"Abu Bakar Ba'asyir", []string{"abu", "bakar", "baasyir"}},
		{"Youssef Hussein", []string{"yusuf", "husayn"}},
		{"Jana_Nagyová", []string{"jana", "nagyova"}},
		{"Łukasz Żółć", []string{"lukasz", "zolc"}},
		{"Umar1", []string{"umar1"}},
		{"al", []string{"al"}},
		{"", nil},
	} {
		assert.Equal(t, tc.want, Normalize(tc.in), tc.in)
	}
}

func TestNameSimilarityDigits(t *testing.T) {
	a, b := newName("Umar1", false), newName("Umar2", false)
	assert.Equal(t, 0.0, nameSimilarity(&a, &b))
	c := newName("Umar", false)
	assert.Greater(t, nameSimilarity(&a, &c), 0.9)
}

// Names of punctuation alone say nothing: they never match, and the
// token score takes empty tokens without failing.
func TestEmptyNames(t *testing.T) {
	assert.Equal(t, 0.0, TokenSet([]string{""}, []string{"x"}))
	assert.NotPanics(t, func() { TokenSet([]string{"", "a"}, []string{"a", ""}) })
	a, b := newName("---", false), newName("?", false)
	assert.Equal(t, 0.0, nameSimilarity(&a, &b))
	m := DefaultModel()
	ra := rec{actor: network.Actor{ID: "a1", Name: "?"}, names: []name{a}, idKey: "a1", fields: make([]string, len(m.Attributes))}
	rb := rec{actor: network.Actor{ID: "b8", Name: "---"}, names: []name{b}, idKey: "b8", fields: make([]string, len(m.Attributes))}
	_, nm, fields := m.compare(&ra, &rb)
	assert.Empty(t, nm.Band, "no name compared")
	for _, f := range fields {
		assert.NotEqual(t, "name", f.Field)
	}
}

// American Soundex, with the examples of the US National Archives' rules.
func TestSoundex(t *testing.T) {
	for _, tc := range [][2]string{
		{"robert", "R163"}, {"rupert", "R163"}, {"rubin", "R150"}, {"ashcraft", "A261"}, {"ashcroft", "A261"},
		{"tymczak", "T522"}, {"pfister", "P236"}, {"honeyman", "H555"}, {"didu", "D300"}, {"diddi", "D300"},
		{"lee", "L000"}, {"Gutierrez", "G362"}, {"", ""}, {"123", ""}, {"ab-c", "A120"},
	} {
		assert.Equal(t, tc[1], Soundex(tc[0]), tc[0])
	}
}
