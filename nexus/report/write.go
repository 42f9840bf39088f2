package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/illicitnet/illicit/network"
)

// maxCited is the most link numbers a table cell lists; the rest are
// counted ("+12 more") and listed in report.json.
const maxCited = 12

// WriteJSON writes the report as indented JSON: every finding, not only
// the top rows of the tables.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// mdEscape escapes text for a Markdown table cell or paragraph.
var mdEscape = strings.NewReplacer(`\`, `\\`, "|", `\|`, "\n", " ", "*", `\*`, "_", `\_`, "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "`", "\\`")

// md escapes text for Markdown, control characters replaced.
func md(s string) string { return mdEscape.Replace(clean(s)) }

// clean replaces the control characters other than tab and newline,
// which XML and Markdown cannot hold, by U+FFFD (as the pictures do).
func clean(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0)
}

// WriteMarkdown writes the report as Markdown (GitHub's dialect: tables,
// and anchors as HTML so that the evidence numbers link to their rows).
// The pictures are referenced by file name.
func (r *Report) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n", md(r.Title))
	bw.WriteString("Contents: ")
	for i, s := range r.sections() {
		if i > 0 {
			bw.WriteString(" · ")
		}
		fmt.Fprintf(bw, "[%s](#%s)", md(s.title), s.id)
	}
	bw.WriteString("\n\n")
	files := r.pictureTitles()
	for _, s := range r.sections() {
		fmt.Fprintf(bw, "<a id=\"%s\"></a>\n\n## %s\n\n", s.id, md(s.title))
		quote := ""
		if s.box {
			quote = "> "
		}
		for _, t := range s.text {
			fmt.Fprintf(bw, "%s%s\n\n", quote, md(t))
		}
		for _, f := range s.findings {
			fmt.Fprintf(bw, "- **%s.** %s", md(upperFirst(f.Topic)), md(f.Text))
			if len(f.Evidence) > 0 {
				bw.WriteString(" Evidence: " + citeList(f.Evidence, func(id string) string { return "[" + id + "](#link-" + id + ")" }))
			}
			bw.WriteString("\n")
		}
		if len(s.findings) > 0 {
			bw.WriteString("\n")
		}
		for _, f := range s.facts {
			fmt.Fprintf(bw, "- **%s**: %s\n", md(f[0]), md(f[1]))
		}
		if len(s.facts) > 0 {
			bw.WriteString("\n")
		}
		for _, p := range s.pictures {
			fmt.Fprintf(bw, "![%s](%s)\n\n", md(files[p]), p)
		}
		for _, t := range s.tables {
			if t.caption != "" {
				fmt.Fprintf(bw, "**%s**\n\n", md(t.caption))
			}
			if len(t.rows) == 0 {
				bw.WriteString("None found.\n\n")
				continue
			}
			bw.WriteString("|")
			for _, c := range t.cols {
				fmt.Fprintf(bw, " %s |", md(c))
			}
			bw.WriteString("\n|")
			for range t.cols {
				bw.WriteString("---|")
			}
			bw.WriteString("\n")
			for _, row := range t.rows {
				bw.WriteString("|")
				for _, c := range row {
					bw.WriteString(" ")
					switch {
					case c.anchor != "":
						fmt.Fprintf(bw, "<a id=\"%s\"></a>%s", c.anchor, md(c.text))
					case c.evidence != nil:
						bw.WriteString(citeList(c.evidence, func(id string) string { return "[" + id + "](#link-" + id + ")" }))
					default:
						bw.WriteString(md(c.text))
					}
					bw.WriteString(" |")
				}
				bw.WriteString("\n")
			}
			bw.WriteString("\n")
			if t.more > 0 {
				fmt.Fprintf(bw, "… and %d more in report.json.\n\n", t.more)
			}
		}
	}
	return bw.Flush()
}

// citeList writes link numbers, at most maxCited of them.
func citeList(ids []network.LinkID, link func(string) string) string {
	parts := make([]string, 0, min(len(ids), maxCited)+1)
	for i, id := range ids {
		if i == maxCited {
			parts = append(parts, fmt.Sprintf("+%d more", len(ids)-maxCited))
			break
		}
		parts = append(parts, link(itoa(int(id))))
	}
	return strings.Join(parts, " ")
}

func (r *Report) pictureTitles() map[string]string {
	m := map[string]string{}
	for _, p := range r.Pictures {
		m[p.File] = p.Title
	}
	return m
}

// css is the style sheet of the HTML report: plain, readable on screen
// and on paper.
const css = `
body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1b1b1b;max-width:1180px;margin:0 auto;padding:1.5em 2em;line-height:1.45}
h1{font-size:1.9em;margin:.2em 0 .1em}
h2{border-bottom:2px solid #c9c9c9;padding-bottom:.2em;margin-top:2em}
nav{font-size:.92em;background:#f4f4f4;padding:.6em .9em;border-radius:4px}
nav a{margin-right:.9em;white-space:nowrap}
.lede{color:#555}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1.2em;margin:1em 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
table{border-collapse:collapse;margin:.6em 0 1.4em;font-size:.86em;width:100%}
caption{text-align:left;font-weight:600;padding:.3em 0;font-size:1.05em}
th,td{border:1px solid #d6d6d6;padding:.25em .45em;text-align:left;vertical-align:top}
th{background:#eef1f5}
tr:nth-child(even) td{background:#fafafa}
td.ev a{margin-right:.35em}
tr:target td{background:#fff3bf}
figure{margin:1em 0;page-break-inside:avoid}
figure svg{max-width:100%;height:auto;border:1px solid #e3e3e3}
figcaption{font-size:.9em;color:#444}
.box{background:#eef6ee;border:1px solid #9cc59c;border-radius:6px;padding:.4em 1.2em 1em}
.more{font-size:.85em;color:#666}
ul.findings{background:#fff8e6;border-left:4px solid #e6a100;padding:.6em 1em .6em 2em}
ul.findings li{margin:.35em 0}
span.ev{font-size:.85em;color:#555}
span.ev a{margin-right:.3em}
.none{color:#777;font-style:italic}
@media print{nav{display:none}body{max-width:none;padding:0}h2{page-break-after:avoid}table{font-size:.75em}}
`

// WriteHTML writes the report as one self-contained HTML file: inline CSS
// and SVG, no script, no external resource.
func (r *Report) WriteHTML(w io.Writer) error {
	bw := bufio.NewWriter(w)
	e := func(s string) string { return html.EscapeString(clean(s)) }
	fmt.Fprintf(bw, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", e(r.Title), css)
	fmt.Fprintf(bw, "<h1>%s</h1>\n", e(r.Title))
	fmt.Fprintf(bw, "<p class=\"lede\">%d actors and %d links analysed. Every number below is computed from the data, and every finding cites the links it rests on.</p>\n", r.Network.Actors, r.Network.Links)
	secs := r.sections()
	bw.WriteString("<nav>")
	for _, s := range secs {
		fmt.Fprintf(bw, "<a href=\"#%s\">%s</a> ", s.id, e(s.title))
	}
	bw.WriteString("</nav>\n")
	svgs := map[string]Picture{}
	for _, p := range r.Pictures {
		svgs[p.File] = p
	}
	for _, s := range secs {
		class := ""
		if s.box {
			class = ` class="box"`
		}
		fmt.Fprintf(bw, "<section id=\"%s\"%s>\n<h2>%s</h2>\n", s.id, class, e(s.title))
		for _, t := range s.text {
			fmt.Fprintf(bw, "<p>%s</p>\n", e(t))
		}
		if len(s.findings) > 0 {
			bw.WriteString("<ul class=\"findings\">\n")
			for _, f := range s.findings {
				fmt.Fprintf(bw, "<li><b>%s.</b> %s", e(upperFirst(f.Topic)), e(f.Text))
				if len(f.Evidence) > 0 {
					fmt.Fprintf(bw, " <span class=\"ev\">Evidence: %s</span>", citeList(f.Evidence, func(id string) string { return "<a href=\"#link-" + id + "\">" + id + "</a>" }))
				}
				bw.WriteString("</li>\n")
			}
			bw.WriteString("</ul>\n")
		}
		if len(s.facts) > 0 {
			bw.WriteString("<dl class=\"facts\">\n")
			for _, f := range s.facts {
				fmt.Fprintf(bw, "<dt>%s</dt><dd>%s</dd>\n", e(f[0]), e(f[1]))
			}
			bw.WriteString("</dl>\n")
		}
		for _, f := range s.pictures {
			p := svgs[f]
			fmt.Fprintf(bw, "<figure id=\"fig-%s\">\n%s\n<figcaption><b>%s.</b> %s (<code>%s</code>)</figcaption>\n</figure>\n", e(strings.TrimSuffix(f, ".svg")), inlineSVG(p.svg), e(p.Title), e(p.Caption), e(f))
		}
		for _, t := range s.tables {
			if len(t.rows) == 0 {
				if t.caption != "" {
					fmt.Fprintf(bw, "<p><b>%s</b>: <span class=\"none\">none found.</span></p>\n", e(t.caption))
				} else {
					bw.WriteString("<p class=\"none\">None found.</p>\n")
				}
				continue
			}
			bw.WriteString("<table>\n")
			if t.caption != "" {
				fmt.Fprintf(bw, "<caption>%s</caption>\n", e(t.caption))
			}
			bw.WriteString("<thead><tr>")
			for _, c := range t.cols {
				fmt.Fprintf(bw, "<th>%s</th>", e(c))
			}
			bw.WriteString("</tr></thead>\n<tbody>\n")
			for _, row := range t.rows {
				anchor := ""
				for _, c := range row {
					if c.anchor != "" {
						anchor = fmt.Sprintf(" id=\"%s\"", c.anchor)
					}
				}
				fmt.Fprintf(bw, "<tr%s>", anchor)
				for _, c := range row {
					if c.evidence != nil {
						fmt.Fprintf(bw, "<td class=\"ev\">%s</td>", citeList(c.evidence, func(id string) string { return "<a href=\"#link-" + id + "\">" + id + "</a>" }))
						continue
					}
					fmt.Fprintf(bw, "<td>%s</td>", e(c.text))
				}
				bw.WriteString("</tr>\n")
			}
			bw.WriteString("</tbody>\n</table>\n")
			if t.more > 0 {
				fmt.Fprintf(bw, "<p class=\"more\">… and %d more in report.json.</p>\n", t.more)
			}
		}
		bw.WriteString("</section>\n")
	}
	bw.WriteString("</body>\n</html>\n")
	return bw.Flush()
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// inlineSVG returns an SVG document without its XML declaration, to be
// placed inside HTML.
func inlineSVG(svg []byte) string {
	s := bytes.TrimSpace(svg)
	if bytes.HasPrefix(s, []byte("<?xml")) {
		if i := bytes.Index(s, []byte("?>")); i >= 0 {
			s = bytes.TrimSpace(s[i+2:])
		}
	}
	return string(s)
}

// Write writes the report into dir, created if needed: index.html,
// report.md, report.json and one SVG file per picture.
func (r *Report) Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"index.html", r.WriteHTML},
		{"report.md", r.WriteMarkdown},
		{"report.json", r.WriteJSON},
	}
	for _, p := range r.Pictures {
		svg := p.svg
		files = append(files, struct {
			name  string
			write func(io.Writer) error
		}{p.File, func(w io.Writer) error { _, err := w.Write(svg); return err }})
	}
	for _, f := range files {
		var buf bytes.Buffer
		if err := f.write(&buf); err != nil {
			return fmt.Errorf("report: %s: %w", f.name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.name), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}
