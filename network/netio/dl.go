package netio

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/internal/codec"
)

// txtMaxNodes caps the number of actors a DL or Pajek header may declare
// (n=…, *Vertices …). Declared actors exist even when the file never
// mentions them, so without a cap a 20-byte file could ask for billions.
// It is a variable only so that the fuzz tests can lower it.
var txtMaxNodes = 1_000_000

// ReadDL reads a one-mode network in UCINET's DL format. The file name is
// used in error messages only.
//
// Supported header keywords, in any order and any case, separated by
// spaces, commas or newlines, with or without spaces around "=":
//
//	dl                       must be the first word
//	n=5                      number of actors (required; nr=5 nc=5 also accepted)
//	nm=2                     number of matrices (default 1)
//	format=fullmatrix        or fm (the default), edgelist1 (el1, edgelist), nodelist1 (nl1, nodelist)
//	labels: a, b, "c d"      actor labels, separated by commas, spaces, "=" or
//	                         newlines, optionally double-quoted; also
//	                         "row labels:" and "column labels:", which must agree
//	labels embedded          labels are in the data (see below)
//	matrix labels: x, y      names of the matrices (also "level labels:")
//	diagonal=absent          fullmatrix rows lack the diagonal cell
//	data:                    the data follow
//
// Data formats:
//
//   - fullmatrix: one matrix row per line, n values (n-1 with diagonal
//     absent), separated by spaces or commas; nm matrices follow one another,
//     optionally separated by a line holding just "!". With labels embedded,
//     each matrix starts with a line of the n column labels (optional after
//     the first matrix) and every row starts with its row label; rows may
//     come in any order.
//   - edgelist1: lines "i j [value]"; a missing value is 1.
//   - nodelist1: lines "ego alter alter …", each alter a tie of value 1.
//
// In edgelist1 and nodelist1, i, j, ego and alter are actor numbers 1..n,
// or labels with labels embedded (then, without a labels: list, actors are
// created in order of first appearance, at most n of them, and actors that
// never appear cannot exist as they have no label). Matrices are separated
// by a line holding just "!".
//
// Mapping: each actor gets its label as ID (or "1".."n" without labels),
// an empty Name and KindUnknown, in label order. Each nonzero value becomes
// a link with Element Association, Weight the value and Type the matrix
// label (without matrix labels: the matrix number "1", "2", … when there
// are several matrices, "" when there is one). A fullmatrix matrix that is symmetric
// gives one Mutual link per nonzero pair i<=j, in row order; any other
// matrix gives one directed link row → column per nonzero cell, in row
// order. Edgelist1 and nodelist1 entries are always directed links, in file
// order, one per entry (a pair listed twice gives two links); entries with
// value 0 give no link. A missing value "." counts as 0 (no tie).
//
// Not supported: two-mode data (nr ≠ nc, row and column labels that differ),
// the lowerhalf, upperhalf, blockmatrix, edgelist2, nodelist2 and edgearray
// formats, external data files, fullmatrix rows wrapped over several lines,
// and negative values (link weights are non-negative). Labels are kept as
// written (UCINET upper-cases them) and must be unique. At most 1,000,000
// actors may be declared.
//
// Errors are *network.ParseError values naming the file, the line and,
// where it helps, the column and the record at fault.
func ReadDL(r io.Reader, file string, lim network.Limits) (*network.Network, error) {
	data, err := lim.ReadAll(r, file)
	if err != nil {
		return nil, err
	}
	if err := txtCheckUTF8(data, file); err != nil {
		return nil, err
	}
	p := &dlParser{file: file, lines: txtLines(data), n: -1, nr: -1, nc: -1, nm: -1}
	return p.parse()
}

// dlFormat is a DL data format.
type dlFormat int

const (
	dlFullMatrix dlFormat = iota
	dlEdgeList1
	dlNodeList1
)

// dlToken is a header token.
type dlToken struct {
	txtField
	line int // 1-based
}

// dlCell is a nonzero value: a link to be.
type dlCell struct {
	from, to int // actor indices
	w        float64
	matrix   int
	line     int
	mutual   bool
}

type dlParser struct {
	file  string
	lines []string

	toks []dlToken // header tokens, before "data:"
	i    int       // next header token

	n, nr, nc, nm int // -1 if not given
	dlLine        int // line of the "dl" keyword
	format        dlFormat
	embedded      bool
	diagAbsent    bool

	labels, rowLabels, colLabels, matrixLabels []string
	hasLabels, hasRow, hasCol, hasMatrix       bool
	labelsLine, rowLine, colLine, matrixLine   int
	dataLi, dataOff                            int // where the data start

	actors []string       // actor IDs, in order; nil means "1".."n"
	pos    map[string]int // label -> index in actors
	cells  []dlCell       // links to be, in order

	lastLine int // number of the last line, for errors at the end of the file
}

func (p *dlParser) errf(line, col int, record, format string, args ...any) *network.ParseError {
	return &network.ParseError{File: p.file, Line: line, Column: col, Record: record, Err: fmt.Errorf(format, args...)}
}

func (p *dlParser) parse() (*network.Network, error) {
	if err := p.tokenizeHeader(); err != nil {
		return nil, err
	}
	if err := p.parseHeader(); err != nil {
		return nil, err
	}
	if err := p.checkHeader(); err != nil {
		return nil, err
	}
	var err error
	switch p.format {
	case dlFullMatrix:
		err = p.readFullMatrix()
	default:
		err = p.readLists()
	}
	if err != nil {
		return nil, err
	}
	return p.build()
}

// tokenizeHeader splits the header into tokens up to "data:" and records
// where the data start.
func (p *dlParser) tokenizeHeader() error {
	first := true
	for li, line := range p.lines {
		fields, col, err := txtFields(line, ",", "=:")
		if err != nil {
			return p.errf(li+1, col, "header", "%v", err)
		}
		for k, f := range fields {
			if first {
				first = false
				if f.quoted || !strings.EqualFold(f.text, "dl") {
					return p.errf(li+1, f.col, "header", `missing "dl" header: file starts with %q`, txtShort(f.text))
				}
				p.dlLine = li + 1
				continue
			}
			if !f.quoted && strings.EqualFold(f.text, "data") && k+1 < len(fields) && fields[k+1].text == ":" && !fields[k+1].quoted {
				p.dataLi, p.dataOff = li, fields[k+1].end
				return nil
			}
			p.toks = append(p.toks, dlToken{txtField: f, line: li + 1})
		}
	}
	if first {
		return p.errf(1, 0, "", "empty file (want a DL header starting with \"dl\")")
	}
	return p.errf(txtLastLine(p.lines), 0, "header", `missing "data:" (the header must end with "data:" before the data)`)
}

func (p *dlParser) peek(k int) (dlToken, bool) {
	if p.i+k < len(p.toks) {
		return p.toks[p.i+k], true
	}
	return dlToken{}, false
}

// isKey reports whether the token k ahead is the unquoted word w (any case).
func (p *dlParser) isKey(k int, w string) bool {
	t, ok := p.peek(k)
	return ok && !t.quoted && strings.EqualFold(t.text, w)
}

// keywordAt reports whether a header keyword starts at the token k ahead;
// it ends a label list.
func (p *dlParser) keywordAt(k int) bool {
	t, ok := p.peek(k)
	if !ok || t.quoted {
		return false
	}
	switch strings.ToLower(t.text) {
	case "n", "nr", "nc", "nm", "format", "diagonal":
		return p.isKey(k+1, "=")
	case "labels":
		return p.isKey(k+1, ":") || p.isKey(k+1, "embedded")
	case "row", "column", "col", "matrix", "level":
		return p.isKey(k+1, "labels")
	}
	return false
}

// value reads the value of a "key = value" item; the "=" is optional.
func (p *dlParser) value(key dlToken) (dlToken, error) {
	if p.isKey(0, "=") {
		p.i++
	}
	t, ok := p.peek(0)
	if !ok || (!t.quoted && (t.text == "=" || t.text == ":")) || p.keywordAt(0) {
		return dlToken{}, p.errf(key.line, key.col, "header", "%s: missing value", strings.ToLower(key.text))
	}
	p.i++
	return t, nil
}

func (p *dlParser) parseHeader() error {
	for p.i < len(p.toks) {
		t := p.toks[p.i]
		key := strings.ToLower(t.text)
		if t.quoted {
			key = ""
		}
		p.i++
		switch key {
		case "n", "nr", "nc", "nm":
			v, err := p.value(t)
			if err != nil {
				return err
			}
			k, err := strconv.Atoi(v.text)
			switch {
			case err != nil && errors.Is(err, strconv.ErrRange) && !strings.HasPrefix(v.text, "-"):
				return p.errf(v.line, v.col, "header", "%s too large: %s (max %d)", key, txtShort(v.text), txtMaxNodes)
			case err != nil || k < 1:
				return p.errf(v.line, v.col, "header", "invalid %s %q (want a positive integer)", key, txtShort(v.text))
			case k > txtMaxNodes:
				return p.errf(v.line, v.col, "header", "%s too large: %d (max %d)", key, k, txtMaxNodes)
			}
			switch key {
			case "n":
				p.n = k
			case "nr":
				p.nr = k
			case "nc":
				p.nc = k
			case "nm":
				p.nm = k
			}
		case "format":
			v, err := p.value(t)
			if err != nil {
				return err
			}
			switch strings.ToLower(v.text) {
			case "fullmatrix", "fm", "full":
				p.format = dlFullMatrix
			case "edgelist1", "el1", "edgelist":
				p.format = dlEdgeList1
			case "nodelist1", "nl1", "nodelist":
				p.format = dlNodeList1
			case "lowerhalf", "lh", "upperhalf", "uh", "edgelist2", "el2", "nodelist2", "nl2",
				"nodelist1b", "nl1b", "blockmatrix", "bm", "edgearray", "ea", "linkedlist":
				return p.errf(v.line, v.col, "header", "format %q not supported (want fullmatrix, edgelist1 or nodelist1)", v.text)
			default:
				return p.errf(v.line, v.col, "header", "unknown format %q (want fullmatrix, edgelist1 or nodelist1)", txtShort(v.text))
			}
		case "diagonal":
			v, err := p.value(t)
			if err != nil {
				return err
			}
			switch strings.ToLower(v.text) {
			case "absent":
				p.diagAbsent = true
			case "present":
				p.diagAbsent = false
			default:
				return p.errf(v.line, v.col, "header", "invalid diagonal %q (want absent or present)", txtShort(v.text))
			}
		case "labels":
			if p.isKey(0, "embedded") {
				p.i++
				if p.isKey(0, ":") {
					p.i++
				}
				p.embedded = true
				continue
			}
			if p.hasLabels {
				return p.errf(t.line, t.col, "header", "labels given twice")
			}
			p.hasLabels, p.labelsLine = true, t.line
			var err error
			if p.labels, err = p.labelList(); err != nil {
				return err
			}
		case "row", "column", "col", "matrix", "level":
			if !p.isKey(0, "labels") {
				return p.errf(t.line, t.col, "header", "unknown keyword %q (want %s labels:)", txtShort(t.text), key)
			}
			p.i++
			if p.isKey(0, "embedded") {
				return p.errf(t.line, t.col, "header", "%s labels embedded not supported (use labels embedded)", key)
			}
			var dst *[]string
			var has *bool
			var line *int
			switch key {
			case "row":
				dst, has, line = &p.rowLabels, &p.hasRow, &p.rowLine
			case "column", "col":
				dst, has, line = &p.colLabels, &p.hasCol, &p.colLine
			default:
				dst, has, line = &p.matrixLabels, &p.hasMatrix, &p.matrixLine
			}
			if *has {
				return p.errf(t.line, t.col, "header", "%s labels given twice", key)
			}
			*has, *line = true, t.line
			var err error
			if *dst, err = p.labelList(); err != nil {
				return err
			}
		default:
			return p.errf(t.line, t.col, "header", "unknown keyword %q", txtShort(t.text))
		}
	}
	return nil
}

// labelList reads labels after "labels", up to the next keyword.
func (p *dlParser) labelList() ([]string, error) {
	if p.isKey(0, ":") {
		p.i++
	}
	var out []string
	for p.i < len(p.toks) && !p.keywordAt(0) {
		t := p.toks[p.i]
		p.i++
		if !t.quoted && (t.text == "=" || t.text == ":") {
			continue
		}
		if t.text == "" {
			return nil, p.errf(t.line, t.col, "labels", "empty label")
		}
		out = append(out, t.text)
	}
	return out, nil
}

// checkHeader checks the header as a whole and settles n and the labels.
func (p *dlParser) checkHeader() error {
	rec := "header"
	if p.nr >= 0 || p.nc >= 0 {
		switch {
		case p.nr < 0 || p.nc < 0:
			return p.errf(p.dlLine, 0, rec, "nr and nc must be given together (two-mode data not supported)")
		case p.nr != p.nc:
			return p.errf(p.dlLine, 0, rec, "nr=%d, nc=%d: two-mode data not supported", p.nr, p.nc)
		case p.n >= 0 && p.n != p.nr:
			return p.errf(p.dlLine, 0, rec, "n=%d but nr=nc=%d", p.n, p.nr)
		}
		p.n = p.nr
	}
	if p.n < 0 {
		return p.errf(p.dlLine, 0, rec, "missing n (the number of actors, e.g. n=5)")
	}
	if p.nm < 0 {
		p.nm = 1
	}
	if p.hasRow && p.hasCol && !equalStrings(p.rowLabels, p.colLabels) {
		return p.errf(p.colLine, 0, "column labels", "row and column labels differ: two-mode data not supported")
	}
	labels, line, what, has := p.labels, p.labelsLine, "labels", p.hasLabels
	for _, alt := range []struct {
		has    bool
		labels []string
		line   int
		what   string
	}{{p.hasRow, p.rowLabels, p.rowLine, "row labels"}, {p.hasCol, p.colLabels, p.colLine, "column labels"}} {
		if !alt.has {
			continue
		}
		if has && !equalStrings(labels, alt.labels) {
			return p.errf(alt.line, 0, alt.what, "%s differ from %s: two-mode data not supported", alt.what, what)
		}
		if !has {
			labels, line, what, has = alt.labels, alt.line, alt.what, true
		}
	}
	if has {
		if len(labels) != p.n {
			return p.errf(line, 0, what, "want %d labels (n=%d), found %d", p.n, p.n, len(labels))
		}
		if err := p.setLabels(labels, line, what); err != nil {
			return err
		}
	}
	if p.hasMatrix && len(p.matrixLabels) != p.nm {
		return p.errf(p.matrixLine, 0, "matrix labels", "want %d matrix labels (nm=%d), found %d", p.nm, p.nm, len(p.matrixLabels))
	}
	if p.diagAbsent && p.format == dlFullMatrix && p.n < 2 {
		return p.errf(p.dlLine, 0, rec, "diagonal absent needs n of at least 2")
	}
	return nil
}

// setLabels makes labels the actor IDs, checking they are unique.
func (p *dlParser) setLabels(labels []string, line int, what string) error {
	p.actors = labels
	p.pos = make(map[string]int, len(labels))
	for i, l := range labels {
		if _, dup := p.pos[l]; dup {
			return p.errf(line, 0, what, "duplicate label %q", txtShort(l))
		}
		p.pos[l] = i
	}
	return nil
}

// dlDataLine is a non-blank line of the data section.
type dlDataLine struct {
	num    int
	fields []txtField
}

// dataLines tokenizes the data section, dropping blank lines.
func (p *dlParser) dataLines() ([]dlDataLine, error) {
	var out []dlDataLine
	for li := p.dataLi; li < len(p.lines); li++ {
		line := p.lines[li]
		off := 0
		if li == p.dataLi {
			off = p.dataOff
		}
		fields, col, err := txtFields(line[off:], ",", "")
		if err != nil {
			return nil, p.errf(li+1, col+off, "data", "%v", err)
		}
		if len(fields) == 0 {
			continue
		}
		for k := range fields {
			fields[k].col += off
		}
		out = append(out, dlDataLine{num: li + 1, fields: fields})
	}
	p.lastLine = txtLastLine(p.lines)
	return out, nil
}

func isBang(l dlDataLine) bool {
	return len(l.fields) == 1 && !l.fields[0].quoted && l.fields[0].text == "!"
}

// cellValue parses a cell or edge value: a non-negative finite number, or
// "." for a missing value, which counts as 0.
func (p *dlParser) cellValue(f txtField, line int, record string) (float64, error) {
	if !f.quoted && f.text == "." {
		return 0, nil
	}
	w, err := txtWeight(f, "value")
	if err != nil {
		return 0, p.errf(line, f.col, record, "%v", err)
	}
	return w, nil
}

// txtWeight parses a field holding a link weight: an unquoted, finite,
// non-negative number. what names the value in errors ("value", "weight").
func txtWeight(f txtField, what string) (float64, error) {
	v, err := codec.ParseNumber(f.text)
	if err != nil || f.quoted {
		return 0, fmt.Errorf("bad %s %q (want a number)", what, txtShort(f.text))
	}
	var w float64
	switch x := v.(type) {
	case int64:
		w = float64(x)
	case float64:
		w = x
	}
	if w < 0 {
		return 0, fmt.Errorf("negative %s %s (link weights must be non-negative)", what, f.text)
	}
	return w, nil
}

// readFullMatrix reads nm matrices of n rows.
func (p *dlParser) readFullMatrix() error {
	lines, err := p.dataLines()
	if err != nil {
		return err
	}
	n := p.n
	want := n
	if p.diagAbsent {
		want = n - 1
	}
	k := 0 // next line
	for m := 0; m < p.nm; m++ {
		mrec := fmt.Sprintf("matrix %d", m+1)
		for m > 0 && k < len(lines) && isBang(lines[k]) {
			k++
		}
		if p.embedded {
			if err := p.columnLabels(lines, &k, m); err != nil {
				return err
			}
		}
		var seen []bool
		if p.embedded {
			seen = make([]bool, n)
		}
		var cells []dlCell
		for r := 0; r < n; r++ {
			if k >= len(lines) || (r > 0 && isBang(lines[k])) {
				line := p.lastLine
				if k < len(lines) {
					line = lines[k].num
				}
				return p.errf(line, 0, mrec, "want %d rows, found %d", n, r)
			}
			l := lines[k]
			k++
			row, values := r, l.fields
			rrec := fmt.Sprintf("%s row %d", mrec, r+1)
			if p.embedded {
				lab := l.fields[0]
				i, ok := p.pos[lab.text]
				if !ok {
					return p.errf(l.num, lab.col, rrec, "unknown embedded label %q (not among the column labels)", txtShort(lab.text))
				}
				if seen[i] {
					return p.errf(l.num, lab.col, rrec, "row %q given twice", txtShort(lab.text))
				}
				seen[i] = true
				row, values = i, l.fields[1:]
				rrec = fmt.Sprintf("%s row %q", mrec, txtShort(lab.text))
			}
			if len(values) != want {
				return p.errf(l.num, 0, rrec, "want %d values, found %d", want, len(values))
			}
			for c, f := range values {
				w, err := p.cellValue(f, l.num, rrec)
				if err != nil {
					return err
				}
				if p.diagAbsent && c >= row {
					c++
				}
				if w != 0 {
					cells = append(cells, dlCell{from: row, to: c, w: w, matrix: m, line: l.num})
				}
			}
		}
		p.addMatrix(cells)
	}
	for ; k < len(lines); k++ {
		if !isBang(lines[k]) {
			return p.errf(lines[k].num, lines[k].fields[0].col, "data",
				"unexpected data after the last matrix (want %d matrix(es) of %d rows)", p.nm, n)
		}
	}
	return nil
}

// columnLabels reads the line of column labels that starts an embedded
// fullmatrix: required for the first matrix (where it gives the labels
// unless a labels: list did), optional after.
func (p *dlParser) columnLabels(lines []dlDataLine, k *int, m int) error {
	rec := fmt.Sprintf("matrix %d column labels", m+1)
	if *k >= len(lines) {
		return p.errf(p.lastLine, 0, rec, "missing column labels (labels embedded)")
	}
	l := lines[*k]
	if m > 0 {
		if len(l.fields) != p.n {
			return nil
		}
		for i, f := range l.fields {
			if f.text != p.actors[i] {
				return nil
			}
		}
		*k++
		return nil
	}
	*k++
	if len(l.fields) != p.n {
		return p.errf(l.num, 0, rec, "want %d labels (n=%d), found %d", p.n, p.n, len(l.fields))
	}
	labels := make([]string, len(l.fields))
	for i, f := range l.fields {
		if f.text == "" {
			return p.errf(l.num, f.col, rec, "empty label")
		}
		labels[i] = f.text
	}
	if p.actors != nil {
		for i, lab := range labels {
			if lab != p.actors[i] {
				return p.errf(l.num, l.fields[i].col, rec, "embedded label %q does not match label %d %q of the header", txtShort(lab), i+1, txtShort(p.actors[i]))
			}
		}
		return nil
	}
	return p.setLabels(labels, l.num, rec)
}

// addMatrix adds the nonzero cells of one fullmatrix matrix in row order,
// as mutual links if the matrix is symmetric.
func (p *dlParser) addMatrix(cells []dlCell) {
	sort.Slice(cells, func(a, b int) bool {
		if cells[a].from != cells[b].from {
			return cells[a].from < cells[b].from
		}
		return cells[a].to < cells[b].to
	})
	val := make(map[[2]int]float64, len(cells))
	for _, c := range cells {
		val[[2]int{c.from, c.to}] = c.w
	}
	symmetric := true
	for _, c := range cells {
		if val[[2]int{c.to, c.from}] != c.w {
			symmetric = false
			break
		}
	}
	for _, c := range cells {
		if symmetric {
			if c.from > c.to {
				continue
			}
			c.mutual = true
		}
		p.cells = append(p.cells, c)
	}
}

// readLists reads edgelist1 or nodelist1 data.
func (p *dlParser) readLists() error {
	lines, err := p.dataLines()
	if err != nil {
		return err
	}
	m := 0
	for _, l := range lines {
		if isBang(l) {
			m++
			if m >= p.nm {
				return p.errf(l.num, l.fields[0].col, "data", "more than %d matrix(es): nm=%d", p.nm, p.nm)
			}
			continue
		}
		if p.format == dlEdgeList1 {
			rec := "edge"
			if len(l.fields) < 2 || len(l.fields) > 3 {
				return p.errf(l.num, 0, rec, "want 2 or 3 fields (from, to, value), found %d", len(l.fields))
			}
			from, err := p.node(l.fields[0], l.num, rec)
			if err != nil {
				return err
			}
			to, err := p.node(l.fields[1], l.num, rec)
			if err != nil {
				return err
			}
			w := 1.0
			if len(l.fields) == 3 {
				if w, err = p.cellValue(l.fields[2], l.num, rec); err != nil {
					return err
				}
			}
			if w != 0 {
				p.cells = append(p.cells, dlCell{from: from, to: to, w: w, matrix: m, line: l.num})
			}
			continue
		}
		rec := "node list"
		ego, err := p.node(l.fields[0], l.num, rec)
		if err != nil {
			return err
		}
		for _, f := range l.fields[1:] {
			alter, err := p.node(f, l.num, rec)
			if err != nil {
				return err
			}
			p.cells = append(p.cells, dlCell{from: ego, to: alter, w: 1, matrix: m, line: l.num})
		}
	}
	return nil
}

// node resolves an actor reference in an edge or node list: a number
// 1..n, or with labels embedded a label.
func (p *dlParser) node(f txtField, line int, record string) (int, error) {
	if !p.embedded {
		k, err := strconv.Atoi(f.text)
		if err != nil || f.quoted {
			return 0, p.errf(line, f.col, record, "bad node number %q (want 1..%d, or labels embedded)", txtShort(f.text), p.n)
		}
		if k < 1 || k > p.n {
			return 0, p.errf(line, f.col, record, "node %d out of range 1..%d", k, p.n)
		}
		return k - 1, nil
	}
	if i, ok := p.pos[f.text]; ok {
		return i, nil
	}
	switch {
	case f.text == "":
		return 0, p.errf(line, f.col, record, "empty label")
	case p.declared():
		return 0, p.errf(line, f.col, record, "unknown embedded label %q (not in the labels list)", txtShort(f.text))
	case len(p.actors) >= p.n:
		return 0, p.errf(line, f.col, record, "label %q: more than n=%d distinct labels", txtShort(f.text), p.n)
	}
	if p.pos == nil {
		p.pos = map[string]int{}
	}
	p.pos[f.text] = len(p.actors)
	p.actors = append(p.actors, f.text)
	return len(p.actors) - 1, nil
}

// declared reports whether the header gave the labels.
func (p *dlParser) declared() bool { return p.hasLabels || p.hasRow || p.hasCol }

// build makes the network from the actors and cells.
func (p *dlParser) build() (*network.Network, error) {
	net := network.New("")
	if p.actors == nil && !p.embedded {
		for i := 1; i <= p.n; i++ {
			if err := net.AddActor(network.Actor{ID: strconv.Itoa(i)}); err != nil {
				return nil, p.errf(p.dlLine, 0, "header", "%v", err)
			}
		}
	}
	for _, id := range p.actors {
		if err := net.AddActor(network.Actor{ID: id}); err != nil {
			return nil, p.errf(p.dlLine, 0, "labels", "%v", err)
		}
	}
	for _, c := range p.cells {
		typ := ""
		switch {
		case p.hasMatrix:
			typ = p.matrixLabels[c.matrix]
		case p.nm > 1:
			typ = strconv.Itoa(c.matrix + 1)
		}
		l := network.Link{From: p.id(c.from), To: p.id(c.to), Element: network.Association,
			Type: typ, Mutual: c.mutual, Weight: c.w}
		if _, err := net.AddLink(l); err != nil {
			return nil, p.errf(c.line, 0, "link", "%v", err)
		}
	}
	return net, nil
}

func (p *dlParser) id(i int) string {
	if p.actors == nil {
		return strconv.Itoa(i + 1)
	}
	return p.actors[i]
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// txtField is a field of a line of a text format.
type txtField struct {
	text   string
	quoted bool
	col    int // 1-based byte column where the field starts
	end    int // byte offset just past the field (and its closing quote)
}

func txtSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

// txtFields splits a line into fields separated by white space and by any
// byte of seps; each byte of singles is a field of its own. A field that
// starts with a double quote runs to the next double quote and may hold
// spaces and separators; its text is the part between the quotes. Field
// texts are trimmed of Unicode white space.
// On an unterminated quote it returns an error and the quote's column.
func txtFields(line, seps, singles string) ([]txtField, int, error) {
	var out []txtField
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case txtSpace(c) || strings.IndexByte(seps, c) >= 0:
			i++
		case strings.IndexByte(singles, c) >= 0:
			out = append(out, txtField{text: line[i : i+1], col: i + 1, end: i + 1})
			i++
		case c == '"':
			j := strings.IndexByte(line[i+1:], '"')
			if j < 0 {
				return nil, i + 1, errors.New("unterminated quote")
			}
			out = append(out, txtField{text: strings.TrimSpace(line[i+1 : i+1+j]), quoted: true, col: i + 1, end: i + j + 2})
			i += j + 2
		default:
			j := i
			for j < len(line) && !txtSpace(line[j]) && strings.IndexByte(seps, line[j]) < 0 && strings.IndexByte(singles, line[j]) < 0 {
				j++
			}
			out = append(out, txtField{text: strings.TrimSpace(line[i:j]), col: i + 1, end: j})
			i = j
		}
	}
	return out, 0, nil
}

// txtLines splits a text file into lines, accepting \n, \r\n and \r line
// ends and dropping a leading byte order mark.
func txtLines(data []byte) []string {
	s := strings.TrimPrefix(string(data), "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// txtLastLine returns the number of the last line that is not blank (1 if
// all are), for errors at the end of a file.
func txtLastLine(lines []string) int {
	for i := len(lines) - 1; i > 0; i-- {
		if strings.TrimSpace(lines[i]) != "" {
			return i + 1
		}
	}
	return 1
}

// txtCheckUTF8 returns a ParseError at the first invalid UTF-8 byte, with
// lines counted as txtLines counts them.
func txtCheckUTF8(data []byte, file string) error {
	if utf8.Valid(data) {
		return nil
	}
	line, start := 1, 0
	for off := 0; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		switch {
		case r == utf8.RuneError && size == 1:
			return &network.ParseError{File: file, Line: line, Column: off - start + 1,
				Err: errors.New("invalid UTF-8 (the file must be UTF-8 encoded)")}
		case r == '\n' || (r == '\r' && (off+1 == len(data) || data[off+1] != '\n')):
			line, start = line+1, off+1
		}
		off += size
	}
	return nil
}

// txtShort shortens s for an error message.
func txtShort(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
