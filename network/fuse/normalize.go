package fuse

import (
	"slices"
	"strings"
	"unicode"
)

// fold maps the lower-case Latin letters with diacritics of Latin-1
// Supplement, Latin Extended-A and the Romanian comma letters to ASCII.
var fold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae", 'ç': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i",
	'ð': "d", 'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'þ': "th", 'ß': "ss",
	'ā': "a", 'ă': "a", 'ą': "a", 'ć': "c", 'ĉ': "c", 'ċ': "c", 'č': "c", 'ď': "d",
	'đ': "d", 'ē': "e", 'ĕ': "e", 'ė': "e", 'ę': "e", 'ě': "e", 'ĝ': "g", 'ğ': "g",
	'ġ': "g", 'ģ': "g", 'ĥ': "h", 'ħ': "h", 'ĩ': "i", 'ī': "i", 'ĭ': "i", 'į': "i",
	'ı': "i", 'ĳ': "ij", 'ĵ': "j", 'ķ': "k", 'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ŀ': "l",
	'ł': "l", 'ń': "n", 'ņ': "n", 'ň': "n", 'ŉ': "n", 'ŋ': "ng", 'ō': "o", 'ŏ': "o",
	'ő': "o", 'œ': "oe", 'ŕ': "r", 'ŗ': "r", 'ř': "r", 'ś': "s", 'ŝ': "s", 'ş': "s",
	'š': "s", 'ţ': "t", 'ť': "t", 'ŧ': "t", 'ũ': "u", 'ū': "u", 'ŭ': "u", 'ů': "u",
	'ű': "u", 'ų': "u", 'ŵ': "w", 'ŷ': "y", 'ź': "z", 'ż': "z", 'ž': "z", 'ș': "s",
	'ț': "t", 'ǎ': "a", 'ǐ': "i", 'ǒ': "o", 'ǔ': "u",
}

// Variants lists the transliteration variants that Normalize replaces by
// one canonical token, canonical form first. The forms are folded,
// lower-case tokens; Arabic names dominate, as in the field's data.
var Variants = [][]string{
	{"muhammad", "mohamed", "mohammed", "muhammed", "mohammad", "mohamad", "muhamad", "muhamed", "mohamud", "mohammod", "mahomed", "mohd", "mohamid", "mouhamed"},
	{"ahmad", "ahmed", "achmad", "ahmet", "ahmat"},
	{"abu", "abou", "abo"},
	{"abd", "abdul", "abdel", "abdal", "abdoul", "abdoel", "abdil"},
	{"bin", "ben", "ibn"},
	{"usama", "osama", "usamah", "osamah"},
	{"yusuf", "yousef", "youssef", "yusef", "yousuf", "yousif", "youssouf", "jusuf", "yussuf"},
	{"husayn", "hussein", "husein", "hussain", "husain", "hossein", "hussien"},
	{"hasan", "hassan", "hassen"},
	{"umar", "omar", "omer"},
	{"uthman", "othman", "osman", "usman", "otman", "utman"},
	{"khalid", "khaled"},
	{"said", "saeed", "sayed", "sayid", "saied", "saiid", "sayeed"},
	{"mustafa", "mustapha", "mostafa", "moustafa", "mustofa", "mostapha"},
	{"ibrahim", "ebrahim", "ibraheem", "ibrahiem"},
	{"jamal", "gamal", "djamal", "jamel"},
	{"yasin", "yassin", "yaseen", "yassine"},
	{"zubayda", "zubeida", "zubaidah", "zubaydah", "zubaida"},
	{"ali", "aly", "alee"},
	{"abdallah", "abdullah", "abdulla", "abdalla"},
	{"nasir", "nasser", "naser", "nassir"},
	{"walid", "waleed"},
	{"hamid", "hameed"},
	{"rashid", "rachid", "rasheed"},
	{"hamza", "hamzah"},
	{"fayez", "faiz", "fayiz"},
	{"ziyad", "ziad", "zeyad"},
}

// Particles are the name particles (Arabic article forms) that Normalize
// drops as tokens of their own ("al-Hazmi" → "hazmi").
var Particles = []string{"al", "el", "ul", "as", "ash", "ad", "ar", "az", "an"}

// GluedParticles are the article forms that Normalize strips from the
// start of a longer token ("Alhazmi" → "hazmi"): a token starting with one
// of them loses it when at least minGluedRest letters remain.
var GluedParticles = []string{"al", "el"}

const minGluedRest = 4

// abdPrefixes split a glued "Abd al-" name ("Abdelaziz" → "abd aziz"),
// longest first.
var abdPrefixes = []string{"abdoul", "abdoel", "abdul", "abdel", "abdal", "abdil"}

var variantOf = func() map[string]string {
	m := map[string]string{}
	for _, v := range Variants {
		for _, form := range v {
			m[form] = v[0]
		}
	}
	return m
}()

// Normalize returns the canonical tokens of a name, in their written
// order: letters lower-cased and folded to ASCII (a table of Latin
// letters with diacritics; combining marks dropped), apostrophes removed
// ("Ba'asyir" → "baasyir"), every other character that is not a letter or
// digit a separator, particles dropped, glued particles and "Abd al-"
// prefixes split off, and transliteration variants replaced by their
// canonical form (Variants). A name written "Surname, Given" is turned
// round to "Given Surname" (one comma only, a single-token surname
// before it). Letters of other scripts are kept as they are.
func Normalize(name string) []string {
	canon, _ := normalize(name)
	return canon
}

// normalize returns the canonical tokens and, for each, the folded token
// before the variant table replaced it.
func normalize(name string) (canon, raw []string) {
	if before, after, ok := strings.Cut(name, ","); ok && !strings.Contains(after, ",") &&
		len(strings.Fields(before)) == 1 && strings.TrimSpace(after) != "" {
		name = after + " " + before
	}
	var b strings.Builder
	var tokens []string
	flush := func() {
		if b.Len() > 0 {
			tokens = append(tokens, b.String())
			b.Reset()
		}
	}
	for _, r := range name {
		switch {
		case r == '\'' || r == '’' || r == 'ʼ' || r == '`' || r == '‘' || r == 'ʻ':
			continue
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 128 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			b.WriteRune(r)
		case r < 128 && r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			l := unicode.ToLower(r)
			if f, ok := fold[l]; ok {
				b.WriteString(f)
			} else {
				b.WriteRune(l)
			}
		case r == '\uFFFD':
			b.WriteRune(r) // a lost character stays a character
		default:
			flush()
		}
	}
	flush()
	if len(tokens) == 0 {
		return nil, nil
	}
	out := make([]string, 0, len(tokens)+1)
	for _, t := range tokens {
		if slices.Contains(Particles, t) {
			continue
		}
		for _, p := range GluedParticles {
			if strings.HasPrefix(t, p) && len(t)-len(p) >= minGluedRest {
				t = t[len(p):]
				break
			}
		}
		if _, ok := variantOf[t]; !ok {
			for _, p := range abdPrefixes {
				if rest, ok := strings.CutPrefix(t, p); ok && len(rest) >= 3 {
					out = append(out, "abd")
					raw = append(raw, p)
					t = rest
					break
				}
			}
		}
		raw = append(raw, t)
		if c, ok := variantOf[t]; ok {
			t = c
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		// A name made of particles only keeps them.
		return tokens, tokens
	}
	return out, raw
}

// name is a normalised name of a record.
type name struct {
	raw    string
	alias  bool     // an alias, not the record's main name
	tokens []string // Normalize(raw)
	sorted string   // the tokens sorted and joined by one space
	glued  []rune   // the sorted tokens joined without spaces
	toks   [][]rune // tokens as runes
	raws   [][]rune // the tokens before the variant table, as runes
	digits string   // the digits of the name, in order
	phon   string   // the tokens' Soundex codes, sorted and joined by one space ("" if a token has none)
}

func newName(raw string, alias bool) name {
	t, rt := normalize(raw)
	s := slices.Clone(t)
	slices.Sort(s)
	n := name{raw: raw, alias: alias, tokens: t, sorted: strings.Join(s, " ")}
	n.glued = []rune(strings.Join(s, ""))
	for i, tok := range t {
		n.toks = append(n.toks, []rune(tok))
		n.raws = append(n.raws, []rune(rt[i]))
	}
	for _, r := range n.sorted {
		if r >= '0' && r <= '9' {
			n.digits += string(r)
		}
	}
	codes := make([]string, 0, len(t))
	for _, tok := range t {
		c := Soundex(tok)
		if c == "" {
			codes = nil
			break
		}
		codes = append(codes, c)
	}
	slices.Sort(codes)
	n.phon = strings.Join(codes, " ")
	return n
}

// soundexCode is the digit of each letter a–z in American Soundex (0 for
// the vowels and y, which separate codes; h and w, which do not, are '-').
const soundexCode = "0123012-02245501262301-202"

// Soundex returns the American Soundex code of a word: its first letter
// and the digits of the consonants that follow (b f p v 1; c g j k q s x
// z 2; d t 3; l 4; m n 5; r 6), adjacent equal digits once, also across
// h and w, vowels separating them, padded with zeros or cut to four
// characters ("didu" and "diddi" are both D300, "robert" and "rupert"
// R163). Letters outside a–z are ignored; a word without one gives "".
// Reference: the US National Archives' Soundex system (1920s census
// indexing), as in Christen (2012), Data Matching, ch. 4.
func Soundex(word string) string {
	var out []byte
	var last byte
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c < 'a' || c > 'z' {
			continue
		}
		d := soundexCode[c-'a']
		if out == nil {
			out = append(out, c-'a'+'A')
			last = d
			continue
		}
		switch {
		case d == '-': // h, w: the codes around them count once
		case d == '0':
			last = '0'
		case d != last:
			out = append(out, d)
			last = d
		}
		if len(out) == 4 {
			break
		}
	}
	if out == nil {
		return ""
	}
	for len(out) < 4 {
		out = append(out, '0')
	}
	return string(out)
}
