package netio

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/illicitnet/illicit/network"
)

// ReadPajek reads a one-mode network in Pajek's .net format. The file name
// is used in error messages only.
//
// Supported sections, with keywords in any case:
//
//	*Network name            the network's name (optional)
//	*Vertices n              then lines `k "label" [x y z] [more]`
//	*Arcs [:r ["name"]]      lines `i j [weight] [more]`: directed links
//	*Edges [:r ["name"]]     the same, as Mutual links
//	*Arcslist [:r ["name"]]  lines `i j k …`: directed links i→j, i→k, …
//	*Edgeslist [:r ["name"]] the same, as Mutual links
//	*Matrix [:r ["name"]]    n lines of n values: a directed link per nonzero cell
//
// Lines starting with % are comments; blank lines are ignored. Fields are
// separated by spaces or tabs; labels with spaces are double-quoted.
//
// Mapping: vertex k becomes the actor with ID "k" (k = 1..n), Name its
// label (empty for a vertex that has no line or no label) and KindUnknown.
// Coordinates and other vertex fields are ignored. Each arc, edge or
// nonzero matrix cell becomes a link with Element Association, Weight the
// third number of the line (1 if there is none; in a list section always
// 1; the cell value in a matrix) and Type the relation name given after the
// section keyword (`*Arcs :2 "trusts"`; the relation number, "2", when only
// the number is given; "" when neither is). Links keep file
// order. Anything after the weight (colours, labels: `c Blue`) is ignored.
//
// Not supported: two-mode networks (*Vertices n m), per-line relation
// numbers (`2: 1 5`), time intervals, other sections (*Partition, *Vector,
// Pajek project files) and negative weights (link weights are
// non-negative).
//
// Limits. The input is read within lim.Bytes() bytes (default 512 MiB) and
// may hold at most lim.Records() records (default 5,000,000; see
// network.Limits): the n vertices *Vertices declares plus every link (an
// arc or edge line, an entry of a list line, a nonzero matrix cell). A
// vertex count above the record limit is rejected at its line, a link
// past it at the link's line, and so is a line with more fields than the
// record limit; these errors wrap network.ErrTooLarge and say how to raise
// the limit (Limits.MaxBytes or Limits.MaxRecords).
//
// Declared vertices. Vertices need no line of their own (`*Vertices 5`
// alone is five unnamed vertices), so *Vertices n is taken at its word up
// to 100,000 vertices; a larger n must be backed by at least n bytes of
// input after the *Vertices line (a vertex line or a mention per vertex),
// else it is an error naming n and the size of the rest of the input.
// Nothing is allocated for the declared vertices before the count is
// checked: the vertex names (some 17 bytes a vertex) are allocated at the
// first vertex line, if any, and the network's actors are made at the end.
//
// Errors are *network.ParseError values naming the file, the line and,
// where it helps, the column and the record at fault.
func ReadPajek(r io.Reader, file string, lim network.Limits) (*network.Network, error) {
	data, err := txtReadAll(r, file, lim)
	if err != nil {
		return nil, err
	}
	if err := txtCheckUTF8(data, file); err != nil {
		return nil, err
	}
	p := &pajekParser{file: file, lim: lim, n: -1}
	return p.parse(txtNormalize(data))
}

// pajekTrusted is the largest vertex count ReadPajek takes at its word (see
// ReadPajek). It is a variable only so that tests can lower it.
var pajekTrusted = 100_000

type pajekSection int

const (
	pajekNone pajekSection = iota
	pajekVertices
	pajekArcs
	pajekEdges
	pajekArcsList
	pajekEdgesList
	pajekMatrix
)

type pajekLink struct {
	from, to int // 0-based vertex indices
	w        float64
	mutual   bool
	typ      string
	line     int
}

type pajekParser struct {
	file string
	lim  network.Limits
	name string
	n    int // -1 before *Vertices

	names   []string // vertex names, made at the first vertex line
	listed  []bool   // whether a vertex has had its line
	links   []pajekLink
	records int // records counted so far (see ReadPajek)
	rest    int // bytes of input after the current line

	section     pajekSection
	sectionName string // keyword as written, for errors
	sectionLine int
	relation    string // relation name of the current section
	rows        int    // rows read in a *Matrix section
}

func (p *pajekParser) errf(line, col int, record, format string, args ...any) *network.ParseError {
	return &network.ParseError{File: p.file, Line: line, Column: col, Record: record, Err: fmt.Errorf(format, args...)}
}

func (p *pajekParser) parse(text string) (*network.Network, error) {
	blank := true
	lines := txtLineReader{text: text}
	for {
		line, _, li, ok := lines.next()
		if !ok {
			break
		}
		num := li + 1
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "%") {
			continue
		}
		blank = false
		p.rest = len(text) - lines.off
		fields, col, err := txtFields(line, "", "", txtAdd(p.lim.Records(), 2))
		if errors.Is(err, errTxtFields) {
			return nil, txtFieldsError(p.lim, p.file, num, col)
		}
		if err != nil {
			return nil, p.errf(num, col, "", "%v", err)
		}
		if strings.HasPrefix(trimmed, "*") {
			if err := p.endSection(num); err != nil {
				return nil, err
			}
			if err := p.startSection(line, fields, num); err != nil {
				return nil, err
			}
			continue
		}
		if err := p.dataLine(fields, num); err != nil {
			return nil, err
		}
	}
	last := txtLastLine(text)
	if blank {
		return nil, p.errf(1, 0, "", "empty file (want *Vertices n)")
	}
	if err := p.endSection(last); err != nil {
		return nil, err
	}
	if p.n < 0 {
		return nil, p.errf(last, 0, "", "missing *Vertices section")
	}
	return p.build()
}

// addLink adds a link, counting it as a record.
func (p *pajekParser) addLink(l pajekLink) error {
	p.records = txtAdd(p.records, 1)
	if p.records > p.lim.Records() {
		return txtRecordError(p.lim, p.file, l.line, "vertices and links")
	}
	p.links = append(p.links, l)
	return nil
}

// startSection handles a line starting with "*".
func (p *pajekParser) startSection(line string, fields []txtField, num int) error {
	kw := strings.ToLower(fields[0].text)
	p.sectionName, p.sectionLine, p.relation, p.rows = fields[0].text, num, "", 0
	switch kw {
	case "*network":
		rest := strings.TrimSpace(line[fields[0].end:])
		if len(fields) == 2 && fields[1].quoted {
			rest = fields[1].text
		}
		p.name = rest
		p.section = pajekNone
		return nil
	case "*vertices":
		if p.n >= 0 {
			return p.errf(num, fields[0].col, fields[0].text, "*Vertices given twice")
		}
		if len(fields) < 2 {
			return p.errf(num, 0, fields[0].text, "missing vertex count (want *Vertices n)")
		}
		n, err := strconv.Atoi(fields[1].text)
		overflow := err != nil && errors.Is(err, strconv.ErrRange) && !strings.HasPrefix(fields[1].text, "-")
		if !overflow && (err != nil || n < 0 || fields[1].quoted) {
			return p.errf(num, fields[1].col, fields[0].text, "bad vertex count %q (want a non-negative integer)", txtShort(fields[1].text))
		}
		if overflow || n > p.lim.Records() {
			return txtLimitError(p.lim, p.file, num, fields[1].col, fields[0].text, fmt.Sprintf(
				"too many vertices: %s, more than the record limit of %d; raise the record limit (Limits.MaxRecords) if the input is meant to be this large",
				txtShort(fields[1].text), p.lim.Records()))
		}
		if len(fields) > 2 {
			if _, err := strconv.Atoi(fields[2].text); err == nil {
				return p.errf(num, fields[2].col, fields[0].text, "two-mode network (*Vertices %s %s) not supported", fields[1].text, fields[2].text)
			}
			return p.errf(num, fields[2].col, fields[0].text, "unexpected %q after the vertex count", txtShort(fields[2].text))
		}
		if n > pajekTrusted && p.rest < n {
			return p.errf(num, fields[1].col, fields[0].text,
				"too many vertices: *Vertices %d, but the rest of the input holds only %s; more than %d vertices need a byte each at least (is the count right?)",
				n, txtBytes(p.rest), pajekTrusted)
		}
		p.records = txtAdd(p.records, n)
		p.n = n
		p.section = pajekVertices
		return nil
	case "*arcs", "*edges", "*arcslist", "*edgeslist", "*matrix":
		if p.n < 0 {
			return p.errf(num, fields[0].col, fields[0].text, "%s before *Vertices (missing *Vertices n)", fields[0].text)
		}
		p.section = map[string]pajekSection{"*arcs": pajekArcs, "*edges": pajekEdges,
			"*arcslist": pajekArcsList, "*edgeslist": pajekEdgesList, "*matrix": pajekMatrix}[kw]
		return p.relationName(fields, num)
	}
	return p.errf(num, fields[0].col, fields[0].text, "unsupported section %q (want *Network, *Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist or *Matrix)", txtShort(fields[0].text))
}

// relationName reads the optional ":r" and "name" after a link section
// keyword.
func (p *pajekParser) relationName(fields []txtField, num int) error {
	rest := fields[1:]
	if len(rest) > 0 && !rest[0].quoted && strings.HasPrefix(rest[0].text, ":") {
		r := strings.TrimPrefix(rest[0].text, ":")
		rest = rest[1:]
		if r == "" && len(rest) > 0 && !rest[0].quoted {
			r = rest[0].text
			rest = rest[1:]
		}
		if k, err := strconv.Atoi(r); err != nil || k < 1 {
			return p.errf(num, fields[1].col, fields[0].text, "bad relation number %q (want :1, :2, …)", txtShort(r))
		}
		p.relation = r // the number names the relation unless a name follows
	}
	switch {
	case len(rest) == 1:
		p.relation = rest[0].text
	case len(rest) > 1:
		words := make([]string, len(rest))
		for i, f := range rest {
			words[i] = f.text
		}
		p.relation = strings.Join(words, " ")
	}
	return nil
}

// endSection checks a finished *Matrix section.
func (p *pajekParser) endSection(num int) error {
	if p.section == pajekMatrix && p.rows != p.n {
		return p.errf(num, 0, p.sectionName, "matrix started on line %d: want %d rows, found %d", p.sectionLine, p.n, p.rows)
	}
	return nil
}

// vertex parses a vertex number 1..n.
func (p *pajekParser) vertex(f txtField, num int, record string) (int, error) {
	k, err := strconv.Atoi(f.text)
	if err != nil || f.quoted {
		return 0, p.errf(num, f.col, record, "bad vertex number %q", txtShort(f.text))
	}
	if k < 1 || k > p.n {
		return 0, p.errf(num, f.col, record, "vertex %d out of range 1..%d", k, p.n)
	}
	return k - 1, nil
}

// weight parses a link weight: finite and non-negative.
func (p *pajekParser) weight(f txtField, num int, record string) (float64, error) {
	w, err := txtWeight(f, "weight")
	if err != nil {
		return 0, p.errf(num, f.col, record, "%v", err)
	}
	return w, nil
}

// pajekLinkKeys are the Pajek arc and edge drawing keywords that may follow
// the two vertices when there is no weight.
var pajekLinkKeys = map[string]bool{"w": true, "c": true, "p": true, "s": true, "a": true, "ap": true,
	"l": true, "lp": true, "lr": true, "lphi": true, "lc": true, "la": true, "fos": true, "font": true,
	"h1": true, "h2": true, "a1": true, "a2": true, "k1": true, "k2": true}

func (p *pajekParser) dataLine(fields []txtField, num int) error {
	rec := p.sectionName
	switch p.section {
	case pajekNone:
		return p.errf(num, fields[0].col, "", "unexpected %q outside a section (want *Vertices n first)", txtShort(fields[0].text))
	case pajekVertices:
		k, err := p.vertex(fields[0], num, "vertex")
		if err != nil {
			return err
		}
		rec = fmt.Sprintf("vertex %d", k+1)
		if p.listed == nil { // the first vertex line: n is plausible by now
			p.names = make([]string, p.n)
			p.listed = make([]bool, p.n)
		}
		if p.listed[k] {
			return p.errf(num, fields[0].col, rec, "vertex %d listed twice", k+1)
		}
		p.listed[k] = true
		if len(fields) > 1 {
			p.names[k] = fields[1].text
		}
	case pajekArcs, pajekEdges:
		if len(fields) < 2 {
			return p.errf(num, 0, rec, "want 2 vertex numbers and an optional weight, found %d field(s)", len(fields))
		}
		from, err := p.vertex(fields[0], num, rec)
		if err != nil {
			return err
		}
		to, err := p.vertex(fields[1], num, rec)
		if err != nil {
			return err
		}
		w := 1.0
		if len(fields) > 2 && !(pajekLinkKeys[strings.ToLower(fields[2].text)] && !fields[2].quoted) {
			if w, err = p.weight(fields[2], num, rec); err != nil {
				return err
			}
		}
		return p.addLink(pajekLink{from: from, to: to, w: w, mutual: p.section == pajekEdges, typ: p.relation, line: num})
	case pajekArcsList, pajekEdgesList:
		from, err := p.vertex(fields[0], num, rec)
		if err != nil {
			return err
		}
		for _, f := range fields[1:] {
			to, err := p.vertex(f, num, rec)
			if err != nil {
				return err
			}
			if err := p.addLink(pajekLink{from: from, to: to, w: 1, mutual: p.section == pajekEdgesList, typ: p.relation, line: num}); err != nil {
				return err
			}
		}
	case pajekMatrix:
		if p.rows >= p.n {
			return p.errf(num, fields[0].col, rec, "matrix started on line %d: more than %d rows", p.sectionLine, p.n)
		}
		rec = fmt.Sprintf("%s row %d", p.sectionName, p.rows+1)
		if len(fields) != p.n {
			return p.errf(num, 0, rec, "want %d values, found %d", p.n, len(fields))
		}
		for c, f := range fields {
			w, err := p.weight(f, num, rec)
			if err != nil {
				return err
			}
			if w != 0 {
				if err := p.addLink(pajekLink{from: p.rows, to: c, w: w, typ: p.relation, line: num}); err != nil {
					return err
				}
			}
		}
		p.rows++
	}
	return nil
}

func (p *pajekParser) build() (*network.Network, error) {
	net := network.New(p.name)
	for k := 0; k < p.n; k++ {
		name := ""
		if p.names != nil {
			name = p.names[k]
		}
		if err := net.AddActor(network.Actor{ID: strconv.Itoa(k + 1), Name: name}); err != nil {
			return nil, p.errf(0, 0, fmt.Sprintf("vertex %d", k+1), "%v", err)
		}
	}
	for _, l := range p.links {
		_, err := net.AddLink(network.Link{From: strconv.Itoa(l.from + 1), To: strconv.Itoa(l.to + 1),
			Element: network.Association, Type: l.typ, Mutual: l.mutual, Weight: l.w})
		if err != nil {
			return nil, p.errf(l.line, 0, "link", "%v", err)
		}
	}
	return net, nil
}
