package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/nexus/assess"
)

const counterHelp = `usage: analyze counter -in FILE [-show SECTIONS] [flags]

Assesses the counter network — agencies, task forces, multilateral bodies
and programmes (kind agency or task_force, or the sector tag counter) —
against the illicit network (see package nexus/assess; Realuyo 2013,
Table 1). -show chooses the sections, comma-separated (default ratings;
"all" for every one). CSV prints one section; -json prints one object
with a key per section, -md a Markdown table per section.
  ratings    id, name, kind, the five elements in the paper's words
             (political_will, institutions, mechanisms, resources,
             measures_of_effectiveness: Yes, Some, Limited, Insufficient,
             Unclear), score (mean of Yes 4, Some 3, Limited 2,
             Insufficient 1 over the elements with evidence; Unclear has
             none), evidence (their number), sources
  coverage   body, body_name, id, name, via (places, ';'-joined), links:
             one row per body and actor it covers, through coverage links
             (operates_in, monitors, investigates, interdicts,
             funds_programme_in, partners_with) and places (-steps)
  gaps       id, name, reasons, nexus_betweenness: the critical points of
             the illicit network no body covers, ranked by the number of
             reasons, then nexus betweenness, then input order
  exposed    id, name, illicit_links, links: uncovered places with
             located_at, operates_in or transports_via links
  overlap    a, a_name, b, b_name, shared, union, share (Jaccard index
             |A∩B|/|A∪B|), shared_ids: pairs of bodies with shared targets
  groups     bodies, targets: bodies covering exactly the same actors
  weak       id, name, covered, weak_elements, weak_ratings: bodies with
             coverage and an element rated Limited or Insufficient
  structure  id, name, component, broker, parts_without, effect: the
             counter network's links among bodies; a broker's effect says
             "removing ID splits the counter network into N parts"
With -json the gaps section is also given as "gap_ids", an array of actor
IDs in rank order. Ratings come from the actors' attributes (with
rating_source or <element>_source); a word outside the scale, a rating on
a non-counter actor or a coverage link from a non-counter actor is an
error.
`

var counterSections = []string{"ratings", "coverage", "gaps", "exposed", "overlap", "groups", "weak", "structure"}

func counterCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("counter", counterHelp, stderr, true, 0, "rows of the gaps, exposed and overlap sections")
	show := fs.String("show", "ratings", "comma-separated `sections`: "+strings.Join(counterSections, ", ")+", or all")
	md := fs.Bool("md", false, "print Markdown tables instead of CSV")
	steps := fs.Int("steps", 1, "how far a body reaches through places, in `steps` (1: the places it is linked to)")
	sources := fs.String("sources", "", "comma-separated route source `IDs` (with -markets: route chokepoints and minimum cut are critical points)")
	markets := fs.String("markets", "", "comma-separated route market `IDs`")
	nexusTop := fs.Int("nexus-top", 3, "`number` of actors ranked first by nexus betweenness that are critical points (0: none)")
	keyPlayers := fs.Int("key-players", 1, "`size` of the key player set that are critical points (0: none)")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	sections := splitList(*show)
	if slices.Contains(sections, "all") {
		sections = counterSections
	}
	if len(sections) == 0 {
		return usagef("-show: give at least one section (%s, or all)", strings.Join(counterSections, ", "))
	}
	for _, sec := range sections {
		if !slices.Contains(counterSections, sec) {
			return usagef("-show: unknown section %q (want %s, or all)", sec, strings.Join(counterSections, ", "))
		}
	}
	if out.json && *md {
		return usagef("-json and -md cannot be combined")
	}
	if !out.json && !*md && len(sections) > 1 {
		return usagef("-show: CSV prints one section, got %d; give one, or -json or -md for several", len(sections))
	}
	if *steps < 1 {
		return usagef("-steps must be at least 1, got %d", *steps)
	}
	if *nexusTop < 0 || *keyPlayers < 0 {
		return usagef("-nexus-top and -key-players must not be negative")
	}
	src, mkt := splitList(*sources), splitList(*markets)
	if (len(src) == 0) != (len(mkt) == 0) {
		return usagef("-sources and -markets go together")
	}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	n, nm := s.Network(), names{s.Network()}
	bodies, err := assess.Bodies(n)
	if err != nil {
		return counterError(err)
	}
	if len(bodies) == 0 {
		warnf(stderr, "counter", "no counter-sector actor: give agencies and task forces the kind agency or task_force, or the sector tag counter")
	}
	need := func(names ...string) bool {
		return slices.ContainsFunc(sections, func(s string) bool { return slices.Contains(names, s) })
	}
	copts := assess.CoverageOptions{Steps: *steps}
	var cov assess.CoverageResult
	var gaps assess.GapResult
	if need("gaps", "exposed") {
		top, kp := *nexusTop, *keyPlayers
		if top == 0 {
			top = -1
		}
		if kp == 0 {
			kp = -1
		}
		if gaps, err = assess.Gaps(s, assess.GapOptions{Coverage: copts, Top: top, KeyPlayers: kp, Sources: src, Markets: mkt}); err != nil {
			return counterError(err)
		}
		cov = gaps.Coverage
	} else if need("coverage", "overlap", "groups", "weak") {
		if cov, err = assess.Coverage(s, copts); err != nil {
			return counterError(err)
		}
	}
	tables := map[string]*table{}
	for _, sec := range sections {
		var t *table
		switch sec {
		case "ratings":
			cols := []string{"id", "name", "kind"}
			for _, e := range assess.Elements() {
				cols = append(cols, e.String())
			}
			t = newTable(append(cols, "score", "evidence", "sources")...)
			for _, b := range bodies {
				row := []any{b.ID, b.Name, b.Kind.String()}
				var srcs []string
				for _, e := range assess.Elements() {
					row = append(row, b.Ratings[e].String())
					if src := b.Sources[e]; src != "" && !slices.Contains(srcs, src) {
						srcs = append(srcs, src)
					}
				}
				mean, ev := b.Score()
				t.add(append(row, mean, ev, srcs)...)
			}
		case "coverage":
			t = newTable("body", "body_name", "id", "name", "via", "links")
			for _, bc := range cov.Bodies {
				for _, tg := range bc.Targets {
					t.add(bc.Body, nm.of(bc.Body), tg.Actor, nm.of(tg.Actor), tg.Via, linkRefs{n, tg.Links})
				}
			}
		case "gaps":
			t = newTable("id", "name", "reasons", "nexus_betweenness")
			for _, g := range gaps.Gaps[:out.limit(len(gaps.Gaps))] {
				t.add(g.Actor, nm.of(g.Actor), g.Reasons, g.NexusBetweenness)
			}
		case "exposed":
			t = newTable("id", "name", "illicit_links", "links")
			for _, e := range gaps.Exposed[:out.limit(len(gaps.Exposed))] {
				t.add(e.Place, nm.of(e.Place), len(e.Links), linkRefs{n, e.Links})
			}
		case "overlap":
			ov := assess.Overlaps(cov)
			t = newTable("a", "a_name", "b", "b_name", "shared", "union", "share", "shared_ids")
			for _, o := range ov[:out.limit(len(ov))] {
				t.add(o.A, nm.of(o.A), o.B, nm.of(o.B), len(o.Shared), o.Union, o.Share, o.Shared)
			}
		case "groups":
			t = newTable("bodies", "targets")
			for _, d := range assess.Duplicates(cov) {
				t.add(d.Bodies, d.Targets)
			}
		case "weak":
			t = newTable("id", "name", "covered", "weak_elements", "weak_ratings")
			for _, w := range assess.Weak(bodies, cov) {
				els, rs := make([]string, len(w.Elements)), make([]string, len(w.Ratings))
				for i := range w.Elements {
					els[i], rs[i] = w.Elements[i].String(), w.Ratings[i].String()
				}
				t.add(w.Body, nm.of(w.Body), w.Covered, els, rs)
			}
		case "structure":
			st := assess.Structure(s)
			comp := map[string]int{}
			for i, c := range st.Components {
				for _, id := range c {
					comp[id] = i + 1
				}
			}
			t = newTable("id", "name", "component", "broker", "parts_without", "effect")
			for _, id := range st.Bodies {
				i := slices.IndexFunc(st.Brokers, func(b assess.Broker) bool { return b.Body == id })
				if i < 0 {
					t.add(id, nm.of(id), comp[id], false, nil, "")
					continue
				}
				parts := st.Brokers[i].Parts
				t.add(id, nm.of(id), comp[id], true, parts,
					fmt.Sprintf("removing %s splits the counter network into %d parts", id, parts))
			}
			if len(st.Bodies) > 0 && !st.Connected {
				warnf(stderr, "counter", "the counter network is not connected: %d components", len(st.Components))
			}
		}
		tables[sec] = t
	}
	switch {
	case out.json:
		var b bytes.Buffer
		b.WriteString("{")
		for i, sec := range sections {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "\n%q: ", sec)
			if err := tables[sec].writeJSON(&b); err != nil {
				return err
			}
			if sec == "gaps" {
				ids, _ := json.Marshal(nonNil(gaps.GapIDs()[:out.limit(len(gaps.Gaps))]))
				fmt.Fprintf(&b, ",\n\"gap_ids\": %s", ids)
			}
		}
		b.WriteString("\n}\n")
		var ordered bytes.Buffer
		if err := json.Indent(&ordered, b.Bytes(), "", "  "); err != nil {
			return err
		}
		_, err := stdout.Write(ordered.Bytes())
		return err
	case *md:
		for i, sec := range sections {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			if err := tables[sec].writeMarkdown(stdout, sec); err != nil {
				return err
			}
		}
		return nil
	}
	return tables[sections[0]].write(stdout, false)
}

// writeMarkdown writes the table as a Markdown table under a heading.
func (t *table) writeMarkdown(w io.Writer, title string) error {
	esc := strings.NewReplacer("|", `\|`, "\n", " ")
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n|", title)
	for _, c := range t.cols {
		b.WriteString(" " + esc.Replace(c) + " |")
	}
	b.WriteString("\n|")
	for range t.cols {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, row := range t.rows {
		b.WriteString("|")
		for _, c := range row {
			b.WriteString(" " + esc.Replace(csvCell(c)) + " |")
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// counterError drops the package prefix of the library's messages, keeping
// the error chain.
func counterError(err error) error { return prefixless{err} }

type prefixless struct{ err error }

// Error implements error.
func (e prefixless) Error() string { return strings.TrimPrefix(e.err.Error(), "assess: ") }

// Unwrap returns the wrapped error.
func (e prefixless) Unwrap() error { return e.err }
