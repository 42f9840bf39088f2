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

// dlTrusted is the largest declared size ReadDL takes at the header's
// word: a header that declares more actors (list formats without labels)
// or more matrix rows (fullmatrix) must come with data that could hold
// them. Up to it a wrong header is found as the data are read.
const dlTrusted = 10_000

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
// written (UCINET upper-cases them) and must be unique.
//
// Limits. The input is read within lim.Bytes() bytes (default 512 MiB) and
// may hold at most lim.Records() records (default 5,000,000; see
// network.Limits). The records are the n actors and nm matrices the header
// declares, every non-blank data line (matrix row, edge, node list, column
// labels or "!") and every link beyond the first that one line makes (a
// matrix row with 5 nonzero cells counts 5, an edge line 1). A header that
// declares more (n, nr, nc or nm above the limit, or a fullmatrix whose
// nm·n rows would pass it) is rejected before any data are read, and so is
// a line with more fields than the record limit, or a header of more than
// 6 × lim.Records() + 64 words. These errors wrap network.ErrTooLarge and
// say how to raise the limit (Limits.MaxBytes or Limits.MaxRecords).
//
// Declared sizes. Nothing is allocated for a declared size before it is
// checked against what the data could hold. Up to 10,000 declared actors
// (or fullmatrix rows) are taken at the header's word, and a header that
// lies about them is caught as the data are read ("want 5 rows, found
// 2"). Beyond that, a fullmatrix of nm·n rows of w values (w = n, or n-1
// with diagonal absent) needs at least 2·nm·n·w-1 bytes of data (a
// one-character value and a separator per cell), and edgelist1 or
// nodelist1 data without labels, whose actors 1..n exist even when no line
// mentions them, need at least 2n-1 bytes (a number and a separator per
// actor); a header asking for more than its data can hold (such as the
// 38-byte "dl n=1000000 format=edgelist1 data:") is an error naming the
// declared size and the size of the data. Labels given in the header or
// embedded in the data are counted as they are read.
//
// Errors are *network.ParseError values naming the file, the line and,
// where it helps, the column and the record at fault.
func ReadDL(r io.Reader, file string, lim network.Limits) (*network.Network, error) {
	data, err := txtReadAll(r, file, lim)
	if err != nil {
		return nil, err
	}
	if err := txtCheckUTF8(data, file); err != nil {
		return nil, err
	}
	p := &dlParser{file: file, lim: lim, text: txtNormalize(data), n: -1, nr: -1, nc: -1, nm: -1}
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
	file string
	lim  network.Limits
	text string // the input, line ends normalised (see txtNormalize)

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

	// Where the data start: byte offset in text, 0-based line index and
	// byte offset in that line.
	dataStart, dataLi, dataOff int

	actors []string       // actor IDs, in order; nil means "1".."n"
	pos    map[string]int // label -> index in actors
	cells  []dlCell       // links to be, in order

	records  int // records counted so far (see ReadDL)
	lastLine int // number of the last line, for errors at the end of the file
}

func (p *dlParser) errf(line, col int, record, format string, args ...any) *network.ParseError {
	return &network.ParseError{File: p.file, Line: line, Column: col, Record: record, Err: fmt.Errorf(format, args...)}
}

// count adds k records, failing once they pass the record limit.
func (p *dlParser) count(k, line int) error {
	p.records = txtAdd(p.records, k)
	if p.records > p.lim.Records() {
		return txtRecordError(p.lim, p.file, line, "actors, matrices, data lines and links")
	}
	return nil
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
	p.lastLine = txtLastLine(p.text)
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
	maxToks := txtAdd(txtMul(6, p.lim.Records()), 64)
	lines := txtLineReader{text: p.text}
	for {
		line, start, li, ok := lines.next()
		if !ok {
			break
		}
		fields, col, err := txtFields(line, ",", "=:", txtAdd(maxToks-len(p.toks), 3))
		if errors.Is(err, errTxtFields) {
			return txtLimitError(p.lim, p.file, li+1, col, "header", fmt.Sprintf(
				"more than %d words in the header (6 per record allowed); raise the record limit (Limits.MaxRecords) if the input is meant to be this large", maxToks))
		}
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
				p.dataStart = start + p.dataOff
				return nil
			}
			if len(p.toks) >= maxToks {
				return txtLimitError(p.lim, p.file, li+1, f.col, "header", fmt.Sprintf(
					"more than %d words in the header (6 per record allowed); raise the record limit (Limits.MaxRecords) if the input is meant to be this large", maxToks))
			}
			p.toks = append(p.toks, dlToken{txtField: f, line: li + 1})
		}
	}
	if first {
		return p.errf(1, 0, "", "empty file (want a DL header starting with \"dl\")")
	}
	return p.errf(txtLastLine(p.text), 0, "header", `missing "data:" (the header must end with "data:" before the data)`)
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

// dlDeclares says what each size keyword declares, for messages.
var dlDeclares = map[string]string{"n": "actors", "nr": "rows", "nc": "columns", "nm": "matrices"}

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
			overflow := err != nil && errors.Is(err, strconv.ErrRange) && !strings.HasPrefix(v.text, "-")
			if !overflow && (err != nil || k < 1) {
				return p.errf(v.line, v.col, "header", "invalid %s %q (want a positive integer)", key, txtShort(v.text))
			}
			if overflow || k > p.lim.Records() {
				return txtLimitError(p.lim, p.file, v.line, v.col, "header", fmt.Sprintf(
					"%s too large: %s %s, more than the record limit of %d; raise the record limit (Limits.MaxRecords) if the input is meant to be this large",
					key, txtShort(v.text), dlDeclares[key], p.lim.Records()))
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
	return p.checkDeclared()
}

// checkDeclared checks the declared sizes against the record limit and
// against what the data could hold (see ReadDL), before anything is
// allocated for them.
func (p *dlParser) checkDeclared() error {
	rec := "header"
	rows := 0 // fullmatrix rows the data must hold
	if p.format == dlFullMatrix {
		rows = txtMul(p.nm, p.n)
	}
	declared := txtAdd(txtAdd(p.n, p.nm), rows)
	if declared > p.lim.Records() {
		what := fmt.Sprintf("n=%d, nm=%d: %d actors and %d matrices", p.n, p.nm, p.n, p.nm)
		if rows > 0 {
			what += fmt.Sprintf(" of %d rows", rows)
		}
		return txtLimitError(p.lim, p.file, p.dlLine, 0, rec, fmt.Sprintf(
			"%s are more than the record limit of %d; raise the record limit (Limits.MaxRecords) if the input is meant to be this large",
			what, p.lim.Records()))
	}
	if err := p.count(txtAdd(p.n, p.nm), p.dlLine); err != nil {
		return err
	}
	have := len(p.text) - p.dataStart
	switch {
	case p.format == dlFullMatrix && rows > dlTrusted:
		w := p.n
		if p.diagAbsent {
			w--
		}
		need := txtAdd(txtMul(2, txtMul(rows, w)), -1)
		if have < need {
			shape := fmt.Sprintf("n=%d: a fullmatrix of %d rows of %d values needs", p.n, rows, w)
			if p.nm > 1 {
				shape = fmt.Sprintf("n=%d, nm=%d: %d fullmatrix matrices of %d rows of %d values need", p.n, p.nm, p.nm, p.n, w)
			}
			return p.errf(p.dlLine, 0, rec, "%s at least %d bytes of data, but the data hold %s (is the header right?)",
				shape, need, txtBytes(have))
		}
	case p.format != dlFullMatrix && !p.embedded && !p.declared() && p.n > dlTrusted:
		if need := txtAdd(txtMul(2, p.n), -1); have < need {
			return p.errf(p.dlLine, 0, rec,
				"n=%d: the data hold %s, too few to mention %d actors (at least %d bytes); a header without labels may declare at most %d actors the data do not mention (is n right?)",
				p.n, txtBytes(have), p.n, need, dlTrusted)
		}
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

// dlData reads the data section one non-blank line at a time, counting
// each line as a record.
type dlData struct {
	p     *dlParser
	lines txtLineReader
	line  dlDataLine // the line peek returned, if ok
	ok    bool
}

func (p *dlParser) data() *dlData {
	return &dlData{p: p, lines: txtLineReader{text: p.text, off: p.dataStart, num: p.dataLi}}
}

// peek returns the next non-blank data line without consuming it; ok is
// false at the end of the data.
func (d *dlData) peek() (l dlDataLine, ok bool, err error) {
	if d.ok {
		return d.line, true, nil
	}
	p := d.p
	for {
		text, _, li, more := d.lines.next()
		if !more {
			return dlDataLine{}, false, nil
		}
		off := 0
		if li == p.dataLi {
			off = p.dataOff
		}
		fields, col, err := txtFields(text, ",", "", txtAdd(p.lim.Records(), 2))
		if errors.Is(err, errTxtFields) {
			return dlDataLine{}, false, txtFieldsError(p.lim, p.file, li+1, col+off)
		}
		if err != nil {
			return dlDataLine{}, false, p.errf(li+1, col+off, "data", "%v", err)
		}
		if len(fields) == 0 {
			continue
		}
		for k := range fields {
			fields[k].col += off
		}
		if err := p.count(1, li+1); err != nil {
			return dlDataLine{}, false, err
		}
		d.line, d.ok = dlDataLine{num: li + 1, fields: fields}, true
		return d.line, true, nil
	}
}

// take consumes the line peek returned.
func (d *dlData) take() { d.ok = false }

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
	d := p.data()
	n := p.n
	want := n
	if p.diagAbsent {
		want = n - 1
	}
	for m := 0; m < p.nm; m++ {
		mrec := fmt.Sprintf("matrix %d", m+1)
		for m > 0 {
			l, ok, err := d.peek()
			if err != nil {
				return err
			}
			if !ok || !isBang(l) {
				break
			}
			d.take()
		}
		var seen []bool
		if p.embedded {
			if err := p.columnLabels(d, m); err != nil {
				return err
			}
			seen = make([]bool, n) // n labels have been read
		}
		var cells []dlCell
		for r := 0; r < n; r++ {
			l, ok, err := d.peek()
			if err != nil {
				return err
			}
			if !ok || (r > 0 && isBang(l)) {
				line := p.lastLine
				if ok {
					line = l.num
				}
				return p.errf(line, 0, mrec, "want %d rows, found %d", n, r)
			}
			d.take()
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
			nonzero := 0
			for c, f := range values {
				w, err := p.cellValue(f, l.num, rrec)
				if err != nil {
					return err
				}
				if p.diagAbsent && c >= row {
					c++
				}
				if w != 0 {
					nonzero++
					cells = append(cells, dlCell{from: row, to: c, w: w, matrix: m, line: l.num})
				}
			}
			if nonzero > 1 {
				if err := p.count(nonzero-1, l.num); err != nil {
					return err
				}
			}
		}
		p.addMatrix(cells)
	}
	for {
		l, ok, err := d.peek()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if !isBang(l) {
			return p.errf(l.num, l.fields[0].col, "data",
				"unexpected data after the last matrix (want %d matrix(es) of %d rows)", p.nm, n)
		}
		d.take()
	}
}

// columnLabels reads the line of column labels that starts an embedded
// fullmatrix: required for the first matrix (where it gives the labels
// unless a labels: list did), optional after.
func (p *dlParser) columnLabels(d *dlData, m int) error {
	rec := fmt.Sprintf("matrix %d column labels", m+1)
	l, ok, err := d.peek()
	if err != nil {
		return err
	}
	if !ok {
		return p.errf(p.lastLine, 0, rec, "missing column labels (labels embedded)")
	}
	if m > 0 {
		if len(l.fields) != p.n {
			return nil
		}
		for i, f := range l.fields {
			if f.text != p.actors[i] {
				return nil
			}
		}
		d.take()
		return nil
	}
	d.take()
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
	d := p.data()
	m := 0
	for {
		l, ok, err := d.peek()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		d.take()
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
		if alters := len(l.fields) - 1; alters > 1 {
			if err := p.count(alters-1, l.num); err != nil {
				return err
			}
		}
		for _, f := range l.fields[1:] {
			alter, err := p.node(f, l.num, rec)
			if err != nil {
				return err
			}
			p.cells = append(p.cells, dlCell{from: ego, to: alter, w: 1, matrix: m, line: l.num})
		}
	}
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

// errTxtFields is returned by txtFields for a line with too many fields.
var errTxtFields = errors.New("too many fields")

// txtFields splits a line into fields separated by white space and by any
// byte of seps; each byte of singles is a field of its own. A field that
// starts with a double quote runs to the next double quote and may hold
// spaces and separators; its text is the part between the quotes. Field
// texts are trimmed of Unicode white space.
// On an unterminated quote it returns an error and the quote's column; on
// a line of more than max fields, errTxtFields and the column of the field
// past max.
func txtFields(line, seps, singles string, max int) ([]txtField, int, error) {
	var out []txtField
	for i := 0; i < len(line); {
		c := line[i]
		if len(out) >= max && !(txtSpace(c) || strings.IndexByte(seps, c) >= 0) {
			return nil, i + 1, errTxtFields
		}
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

// txtNormalize returns a text file as a string with \r\n and \r line ends
// turned into \n and a leading byte order mark dropped.
func txtNormalize(data []byte) string {
	s := strings.TrimPrefix(string(data), "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// txtLineReader returns the lines of a normalised text one at a time,
// without splitting it all at once (a file of a billion empty lines would
// otherwise cost 16 GB of string headers).
type txtLineReader struct {
	text string
	off  int // byte offset of the next line
	num  int // 0-based index of the next line
	done bool
}

// next returns the next line, its byte offset in the text and its 0-based
// index; ok is false after the last line. A text of k "\n" has k+1 lines.
func (r *txtLineReader) next() (line string, start, index int, ok bool) {
	if r.done {
		return "", 0, 0, false
	}
	start, index = r.off, r.num
	rest := r.text[r.off:]
	if j := strings.IndexByte(rest, '\n'); j >= 0 {
		line = rest[:j]
		r.off += j + 1
	} else {
		line = rest
		r.off = len(r.text)
		r.done = true
	}
	r.num++
	return line, start, index, true
}

// txtLastLine returns the number of the last line of a normalised text
// that is not blank (1 if all are), for errors at the end of a file.
func txtLastLine(text string) int {
	end := len(text)
	for end > 0 {
		start := strings.LastIndexByte(text[:end], '\n') + 1
		if start == 0 {
			return 1
		}
		if strings.TrimSpace(text[start:end]) != "" {
			return strings.Count(text[:start], "\n") + 1
		}
		end = start - 1
	}
	return 1
}

// txtAdd and txtMul add and multiply non-negative sizes, saturating at the
// largest int instead of overflowing; txtAdd also takes a small negative b.
func txtAdd(a, b int) int {
	const max = int(^uint(0) >> 1)
	if b > 0 && a > max-b {
		return max
	}
	return a + b
}

func txtMul(a, b int) int {
	const max = int(^uint(0) >> 1)
	if a != 0 && b > max/a {
		return max
	}
	return a * b
}

// txtLimitError is lim.LimitError with a column and a record.
func txtLimitError(lim network.Limits, file string, line, col int, record, what string) error {
	err := lim.LimitError(file, line, what)
	var pe *network.ParseError
	if errors.As(err, &pe) {
		pe.Column, pe.Record = col, record
	}
	return err
}

// txtFieldsError is the error of a line with more fields than the record
// limit.
func txtFieldsError(lim network.Limits, file string, line, col int) error {
	return txtLimitError(lim, file, line, col, "", fmt.Sprintf(
		"more than %d fields on one line, more than the record limit; raise the record limit (Limits.MaxRecords) if the input is meant to be this large",
		txtAdd(lim.Records(), 2)))
}

// txtRecordError is the error of an input that holds more records than
// lim allows; what says what is counted.
func txtRecordError(lim network.Limits, file string, line int, what string) error {
	return lim.LimitError(file, line, fmt.Sprintf(
		"more than %d records (%s); raise the record limit (Limits.MaxRecords) if the input is meant to be this large",
		lim.Records(), what))
}

// txtReadAll reads all of r within lim's byte limit. Past the limit it
// fails with the *network.ParseError of lim.Reader, wrapping
// network.ErrTooLarge, given the line and column where the limit was
// passed; any other read error is a *network.ParseError naming the file.
func txtReadAll(r io.Reader, file string, lim network.Limits) ([]byte, error) {
	data, err := io.ReadAll(lim.Reader(r, file))
	if err == nil {
		return data, nil
	}
	var pe *network.ParseError
	if !errors.As(err, &pe) {
		return nil, &network.ParseError{File: file, Err: err}
	}
	pe.Line, pe.Column = 1, 1 // byte columns, as elsewhere
	for i, c := range data {
		switch {
		case c == '\n' || (c == '\r' && (i+1 == len(data) || data[i+1] != '\n')):
			pe.Line, pe.Column = pe.Line+1, 1
		default:
			pe.Column++
		}
	}
	return nil, pe
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

// txtBytes says how many bytes n is: "1 byte", "5 bytes".
func txtBytes(n int) string {
	if n == 1 {
		return "1 byte"
	}
	return strconv.Itoa(n) + " bytes"
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
