package fuse

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/illicitnet/illicit/network"
)

// ReportColumns are the columns of WriteCSV.
var ReportColumns = []string{"source1", "id1", "name1", "source2", "id2", "name2", "weight", "outcome",
	"name_similarity", "name_band", "names_compared", "alias_match", "fields", "note"}

func fieldsText(fs []Field) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = fmt.Sprintf("%s:%s:%+.2f", f.Field, f.Outcome, f.Weight)
	}
	return strings.Join(parts, "; ")
}

func row(d Decision) []string {
	return []string{d.A.Source, d.A.ID, d.A.Name, d.B.Source, d.B.ID, d.B.Name,
		strconv.FormatFloat(d.Weight, 'f', 2, 64), d.Outcome.String(),
		strconv.FormatFloat(d.Name.Similarity, 'f', 3, 64), d.Name.Band,
		d.Name.A + " ~ " + d.Name.B, strconv.FormatBool(d.Name.Alias), fieldsText(d.Fields), d.Note}
}

// WriteCSV writes the decisions as CSV with the header ReportColumns:
// the two records, the weight (2 decimals), the outcome, the name
// similarity, band and the names compared, whether an alias matched,
// the fields as field:outcome:weight joined by "; ", and the note.
func WriteCSV(w io.Writer, ds []Decision) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ReportColumns); err != nil {
		return err
	}
	for _, d := range ds {
		if err := cw.Write(row(d)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes the decisions as a JSON array of Decision objects,
// one per line.
func WriteJSON(w io.Writer, ds []Decision) error {
	if _, err := io.WriteString(w, "["); err != nil {
		return err
	}
	for i, d := range ds {
		b, err := json.Marshal(d)
		if err != nil {
			return err
		}
		sep := ",\n"
		if i == 0 {
			sep = "\n"
		}
		if _, err := io.WriteString(w, sep+string(b)); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "\n]\n")
	return err
}

var mdEscaper = strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ", "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;")

// WriteMarkdown writes the decisions as a Markdown document: counts by
// outcome, then a table of the decisions (merges, must-links, reviews,
// then the others, each in decision order).
func WriteMarkdown(w io.Writer, ds []Decision) error {
	var counts [CannotLinked + 1]int
	for _, d := range ds {
		counts[d.Outcome]++
	}
	var b strings.Builder
	b.WriteString("# Merge report\n\n")
	fmt.Fprintf(&b, "%d pairs compared: %d merge, %d review, %d distinct, %d must-link, %d cannot-link.\n\n",
		len(ds), counts[Merge], counts[Review], counts[Distinct], counts[MustLinked], counts[CannotLinked])
	b.WriteString("| record 1 | record 2 | weight | outcome | names compared | fields | note |\n")
	b.WriteString("|---|---|---:|---|---|---|---|\n")
	for _, o := range []Outcome{Merge, MustLinked, Review, CannotLinked, Distinct} {
		for _, d := range ds {
			if d.Outcome != o {
				continue
			}
			cells := []string{
				d.A.Source + ":" + d.A.ID + " " + d.A.Name, d.B.Source + ":" + d.B.ID + " " + d.B.Name,
				strconv.FormatFloat(d.Weight, 'f', 2, 64), d.Outcome.String(),
				fmt.Sprintf("%s ~ %s (%.3f, %s)", d.Name.A, d.Name.B, d.Name.Similarity, d.Name.Band),
				fieldsText(d.Fields), d.Note,
			}
			b.WriteString("|")
			for _, c := range cells {
				b.WriteString(" " + mdEscaper.Replace(c) + " |")
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Corroboration is a group of links of a network that report the same
// relation: the same ends (for a mutual link, in either order), element,
// type and mutuality. Links counts them, Sources are their distinct
// sources (SourceKey, else the link's Source) in link order, and Grades
// the grade of each link in link order ("" when ungraded).
type Corroboration struct {
	From, To string
	Element  network.Element
	Type     string
	Mutual   bool
	Links    int
	Sources  []string
	Grades   []string
}

// Corroborations groups the links of n by relation, in order of each
// group's first link: a relation reported by k sources is k links of a
// fused network, never one averaged link, and this counts them.
func Corroborations(n *network.Network) []Corroboration {
	type key struct {
		from, to string
		el       network.Element
		typ      string
		mutual   bool
	}
	index := map[key]int{}
	var out []Corroboration
	for l := range n.LinksSeq() {
		k := key{l.From, l.To, l.Element, l.Type, l.Mutual}
		if l.Mutual && k.to < k.from {
			k.from, k.to = k.to, k.from
		}
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			out = append(out, Corroboration{From: k.from, To: k.to, Element: k.el, Type: k.typ, Mutual: k.mutual})
		}
		c := &out[i]
		c.Links++
		src := l.Source
		if s, ok := l.Attributes[SourceKey].(string); ok {
			src = s
		}
		found := false
		for _, s := range c.Sources {
			found = found || s == src
		}
		if !found {
			c.Sources = append(c.Sources, src)
		}
		c.Grades = append(c.Grades, l.Grade.String())
	}
	return out
}
