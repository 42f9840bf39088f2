package netio

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/internal/codec"
)

// The column names of the native CSV files, in the order WriteCSV writes them.
var (
	csvActorColumns = []string{"id", "name", "kind", "sectors", "aliases", "attributes"}
	csvLinkColumns  = []string{"from", "to", "element", "type", "mutual", "weight",
		"commodity", "mode", "channel", "start", "end", "source", "grade", "attributes"}
	csvInfoColumns = []string{"name", "description", "attributes"}
)

// ReadCSV reads a network from the native CSV format: an actors file and a
// links file. actorsFile and linksFile name the inputs in error messages.
// links may be nil for a network without links; actors may not.
//
// Both files are comma-separated CSV as defined by RFC 4180 and read by
// encoding/csv: fields may be quoted with '"' (a quoted field may hold commas,
// quotes written twice and line breaks), every record must have as many
// fields as the header, and blank lines are skipped. The input must be valid
// UTF-8; a leading byte-order mark is ignored. The first record of each file
// is a header naming the columns, in any order; column names are matched
// ignoring case and surrounding space.
//
// The actors file has the columns
//
//	id,name,kind,sectors,aliases,attributes
//
// of which only id is required. Each row is one actor, added in file order:
//
//   - id: the actor ID, non-empty, without leading or trailing space, unique.
//   - name: the display name, taken as written.
//   - kind: a kind name as read by network.ParseKind ("cartel",
//     "money_launderer", …); empty is unknown.
//   - sectors: extra sector names (network.ParseSector), separated by ";",
//     or a JSON array of strings such as ["criminal","licit"].
//   - aliases: the aliases, separated by ";" (each trimmed of surrounding
//     space), or a JSON array of strings when an alias contains ";", is
//     empty, has surrounding space or the first one starts with "[".
//   - attributes: a JSON object of typed attributes, as in the native JSON
//     format of network.ReadJSON ({"founded":1964,"size":3.0,"active":true}):
//     values are strings, booleans or numbers (null, arrays and nested
//     objects are errors), and a number with a fraction or exponent is a
//     float64, any other an int64. Empty means none.
//
// The links file has the columns
//
//	from,to,element,type,mutual,weight,commodity,mode,channel,start,end,source,grade,attributes
//
// of which only from and to are required. Each row is one link, added in
// file order (so the link on the n-th data row gets LinkID n-1):
//
//   - from, to: actor IDs from the actors file; a link to an unknown actor
//     is an error (dangling). They may be equal (a self-link).
//   - element: network.ParseElement ("materiel", "manpower", "money",
//     "mechanism"); empty is association.
//   - type, commodity, mode, channel, source: text, taken as written.
//   - mutual: true/false, 1/0 or yes/no in any case; empty is false.
//   - weight: a finite, non-negative number; empty is 1.
//   - start, end: dates "YYYY", "YYYY-MM" or "YYYY-MM-DD" (network.ParseDate);
//     empty is open. end may not lie before start.
//   - grade: an intelligence grade, "B2", "B2/3" or "1AP" (network.ParseGrade);
//     empty is ungraded.
//   - attributes: a JSON object, as for actors.
//
// Any other column of either file is an extra attribute column: its trimmed
// name is the attribute key and each non-empty cell a value, typed by its
// text: "true" or "false" (any case) is a bool, a decimal number is an int64
// if it has no fraction or exponent and fits in one and a float64 otherwise,
// and anything else (including a number too large for a float64) is a
// string. A number with a leading zero ("007", "-01") stays a string, since
// it is usually a code. An empty or all-space cell leaves the attribute out.
// A key given both in an extra column and in the attributes JSON is an error.
//
// Every error is a *network.ParseError naming the file, the line (and column
// where known) and the record: actor "id" (actor n, counting data rows
// from 0, if the id is empty) or link n (its LinkID). ReadCSV never panics
// on bad input.
func ReadCSV(actors io.Reader, actorsFile string, links io.Reader, linksFile string) (*network.Network, error) {
	if actors == nil {
		return nil, &network.ParseError{File: actorsFile, Err: errors.New("no actors input")}
	}
	n := network.New("")
	if err := readCSVActors(n, actors, actorsFile); err != nil {
		return nil, err
	}
	if links != nil {
		if err := readCSVLinks(n, links, linksFile); err != nil {
			return nil, err
		}
	}
	return n, nil
}

// WriteCSV writes the network's actors and links in the native CSV format
// read by ReadCSV: actors in actor order to actors, links in link order to
// links, every field in its own column (all columns always written, in the
// order of the headers shown at ReadCSV) and the attributes as a JSON object
// with sorted keys. Weights are written in the shortest form that reads back
// exactly. The network's name, description and attributes are not written
// here; WriteCSVDir writes them to network.csv.
//
// Reading the output back with ReadCSV gives actors and links deeply equal
// to the network's, provided no text field written outside a JSON cell
// contains a carriage return followed by a line feed (encoding/csv reads
// "\r\n" inside a quoted field as "\n").
func WriteCSV(n *network.Network, actors, links io.Writer) error {
	if n == nil {
		return errors.New("netio: WriteCSV of a nil network")
	}
	aw := csv.NewWriter(actors)
	if err := aw.Write(csvActorColumns); err != nil {
		return err
	}
	for _, a := range n.Actors() {
		sectors := make([]string, len(a.Sectors))
		for i, s := range a.Sectors {
			sectors[i] = s.String()
		}
		kind := ""
		if a.Kind != network.KindUnknown {
			kind = a.Kind.String()
		}
		attrs, err := csvAttributesCell(a.Attributes)
		if err != nil {
			return fmt.Errorf("actor %q: %v", a.ID, err)
		}
		rec := []string{a.ID, a.Name, kind, csvJoinList(sectors), csvJoinList(a.Aliases), attrs}
		if err := aw.Write(rec); err != nil {
			return err
		}
	}
	aw.Flush()
	if err := aw.Error(); err != nil {
		return err
	}

	lw := csv.NewWriter(links)
	if err := lw.Write(csvLinkColumns); err != nil {
		return err
	}
	for i, l := range n.Links() {
		attrs, err := csvAttributesCell(l.Attributes)
		if err != nil {
			return fmt.Errorf("link %d: %v", i, err)
		}
		rec := []string{l.From, l.To, l.Element.String(), l.Type, strconv.FormatBool(l.Mutual),
			strconv.FormatFloat(l.Weight, 'g', -1, 64), l.Commodity, l.Mode, l.Channel,
			l.Start.String(), l.End.String(), l.Source, l.Grade.String(), attrs}
		if err := lw.Write(rec); err != nil {
			return err
		}
	}
	lw.Flush()
	return lw.Error()
}

// ReadCSVDir reads a network written by WriteCSVDir: dir/actors.csv and
// dir/links.csv in the format of ReadCSV, and, if present, dir/network.csv,
// which has the header
//
//	name,description,attributes
//
// (columns in any order, each optional, no others) and exactly one data row:
// the network's name, its description and its attributes as a JSON object.
// Errors are *network.ParseError values naming the file at fault by its path.
func ReadCSVDir(dir string) (*network.Network, error) {
	actorsPath := filepath.Join(dir, "actors.csv")
	linksPath := filepath.Join(dir, "links.csv")
	infoPath := filepath.Join(dir, "network.csv")
	af, err := os.Open(actorsPath)
	if err != nil {
		return nil, csvOpenError(actorsPath, err)
	}
	defer af.Close()
	lf, err := os.Open(linksPath)
	if err != nil {
		return nil, csvOpenError(linksPath, err)
	}
	defer lf.Close()
	n, err := ReadCSV(af, actorsPath, lf, linksPath)
	if err != nil {
		return nil, err
	}
	nf, err := os.Open(infoPath)
	if errors.Is(err, fs.ErrNotExist) {
		return n, nil
	}
	if err != nil {
		return nil, csvOpenError(infoPath, err)
	}
	defer nf.Close()
	if err := readCSVInfo(n, nf, infoPath); err != nil {
		return nil, err
	}
	return n, nil
}

// WriteCSVDir writes the network to dir/actors.csv and dir/links.csv (as
// WriteCSV) and its name, description and attributes to dir/network.csv (as
// read by ReadCSVDir), creating dir if needed and replacing existing files.
func WriteCSVDir(n *network.Network, dir string) error {
	if n == nil {
		return errors.New("netio: WriteCSVDir of a nil network")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var actors, links, info bytes.Buffer
	if err := WriteCSV(n, &actors, &links); err != nil {
		return err
	}
	attrs, err := csvAttributesCell(n.Attributes)
	if err != nil {
		return fmt.Errorf("network: %v", err)
	}
	iw := csv.NewWriter(&info)
	iw.Write(csvInfoColumns)
	iw.Write([]string{n.Name, n.Description, attrs})
	iw.Flush()
	if err := iw.Error(); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{"actors.csv", actors.Bytes()}, {"links.csv", links.Bytes()}, {"network.csv", info.Bytes()}} {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func csvOpenError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &network.ParseError{File: path, Err: err}
}

// csvJoinList is joinList, but also uses the JSON form when an item holds a
// carriage return, which encoding/csv would not read back unchanged.
func csvJoinList(items []string) string {
	for _, s := range items {
		if strings.ContainsRune(s, '\r') {
			b, _ := json.Marshal(items)
			return string(b)
		}
	}
	return joinList(items)
}

func csvAttributesCell(a network.Attributes) (string, error) {
	if len(a) == 0 {
		return "", nil
	}
	b, err := codec.MarshalAttributes(a)
	return string(b), err
}

// --- reading -------------------------------------------------------------

// csvRecord is one record of a CSV file with where it was found.
type csvRecord struct {
	fields []string
	line   int   // 1-based line where the record starts
	cols   []int // 1-based byte column where each field starts
}

// csvFile is a whole CSV file, read into records.
type csvFile struct {
	name    string
	records []csvRecord
}

// csvOptions controls readCSVFile.
type csvOptions struct {
	edgeList bool // skip '#' comment lines; use tabs if the first line has a tab and no comma
}

// readCSVFile reads all records of a CSV file, checking that it is not empty,
// is valid UTF-8 and is well-formed CSV with the same number of fields in
// every record.
func readCSVFile(r io.Reader, file string, opts csvOptions) (*csvFile, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &network.ParseError{File: file, Err: err}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &network.ParseError{File: file, Err: errors.New("empty file: want a header row")}
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		line, col := codec.LineCol(data, int64(off))
		return nil, &network.ParseError{File: file, Line: line, Column: col, Err: errors.New("invalid UTF-8")}
	}
	cr := csv.NewReader(bytes.NewReader(data))
	if opts.edgeList {
		cr.Comment = '#'
		if first := csvFirstLine(data); strings.Contains(first, "\t") && !strings.Contains(first, ",") {
			cr.Comma = '\t'
		}
	}
	f := &csvFile{name: file}
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				if errors.Is(pe.Err, csv.ErrFieldCount) {
					want := 0
					if len(f.records) > 0 {
						want = len(f.records[0].fields)
					}
					return nil, &network.ParseError{File: file, Line: pe.StartLine, Err: fmt.Errorf(
						"wrong number of fields: %d, want %d as in the first record", len(fields), want)}
				}
				if pe.Line != pe.StartLine {
					// An unclosed quote: name the record where it opened.
					return nil, &network.ParseError{File: file, Line: pe.StartLine,
						Err: fmt.Errorf("bad CSV in the record starting here: %v (at line %d, column %d)", pe.Err, pe.Line, pe.Column)}
				}
				return nil, &network.ParseError{File: file, Line: pe.Line, Column: pe.Column,
					Err: fmt.Errorf("bad CSV: %v", pe.Err)}
			}
			return nil, &network.ParseError{File: file, Err: err}
		}
		rec := csvRecord{fields: fields, cols: make([]int, len(fields))}
		for i := range fields {
			line, col := cr.FieldPos(i)
			if i == 0 {
				rec.line = line
			}
			rec.cols[i] = col
		}
		f.records = append(f.records, rec)
	}
	if len(f.records) == 0 {
		return nil, &network.ParseError{File: file, Err: errors.New("empty file: no records, only blank or comment lines")}
	}
	return f, nil
}

// csvFirstLine returns the first line of data that is neither blank nor a
// '#' comment.
func csvFirstLine(data []byte) string {
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(bytes.TrimSpace(line)) == 0 || line[0] == '#' {
			continue
		}
		return string(line)
	}
	return ""
}

// fail returns a ParseError at field i of rec (i < 0: the record as a whole).
func (f *csvFile) fail(rec csvRecord, i int, record string, err error) error {
	pe := &network.ParseError{File: f.name, Line: rec.line, Record: record, Err: err}
	if i >= 0 && i < len(rec.cols) {
		pe.Column = rec.cols[i]
	}
	return pe
}

func (f *csvFile) failf(rec csvRecord, i int, record string, format string, args ...any) error {
	return f.fail(rec, i, record, fmt.Errorf(format, args...))
}

// csvColumns is a parsed header row.
type csvColumns struct {
	index map[string]int // standard column name -> field index
	extra []int          // field indexes of the other columns
	names []string       // trimmed column names, by field index
}

// col returns the field index of a standard column, or -1.
func (c csvColumns) col(name string) int {
	if i, ok := c.index[name]; ok {
		return i
	}
	return -1
}

// cell returns the field of a standard column, or "" if there is no such column.
func (c csvColumns) cell(rec csvRecord, name string) string {
	if i, ok := c.index[name]; ok {
		return rec.fields[i]
	}
	return ""
}

// header parses a header row: standard names (matched ignoring case and
// space), required ones, forbidden ones (field names that may not be used
// as extra attribute columns). If extras is false, other columns are errors.
func (f *csvFile) header(rec csvRecord, standard, required, forbidden []string, extras bool) (csvColumns, error) {
	c := csvColumns{index: map[string]int{}, names: make([]string, len(rec.fields))}
	seen := map[string]bool{}
	for i, raw := range rec.fields {
		name := strings.TrimSpace(raw)
		key := strings.ToLower(name)
		c.names[i] = name
		if name == "" {
			return c, f.failf(rec, i, "header", "column %d has an empty name", i+1)
		}
		switch {
		case csvContains(standard, key):
			if _, dup := c.index[key]; dup {
				return c, f.failf(rec, i, "header", "column %q given twice", key)
			}
			c.index[key] = i
		case csvContains(forbidden, key):
			return c, f.failf(rec, i, "header", "column %q is a field name that this format does not read; rename it", name)
		case !extras:
			return c, f.failf(rec, i, "header", "unknown column %q (want %s)", name, strings.Join(standard, ", "))
		default:
			if seen[name] {
				return c, f.failf(rec, i, "header", "column %q given twice", name)
			}
			seen[name] = true
			c.extra = append(c.extra, i)
		}
	}
	for _, r := range required {
		if _, ok := c.index[r]; !ok {
			return c, f.failf(rec, -1, "header", "missing required column %q (header has %s)", r, strings.Join(c.names, ","))
		}
	}
	return c, nil
}

func csvContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// csvNumber matches the decimal numbers that extra columns type as numbers.
var csvNumber = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

// csvLeadingZero matches numbers such as 007 that stay strings.
var csvLeadingZero = regexp.MustCompile(`^[+-]?0[0-9]`)

// csvValue types the text of an extra-column cell: bool, int64, float64 or
// string; ok is false for an empty or all-space cell.
func csvValue(cell string) (v any, ok bool) {
	s := strings.TrimSpace(cell)
	switch {
	case s == "":
		return nil, false
	case strings.EqualFold(s, "true"):
		return true, true
	case strings.EqualFold(s, "false"):
		return false, true
	case csvNumber.MatchString(s) && !csvLeadingZero.MatchString(s):
		if x, err := codec.ParseNumber(s); err == nil {
			return x, true
		}
	}
	return cell, true
}

// addExtras adds the typed values of the extra columns of rec to attrs.
func (f *csvFile) addExtras(rec csvRecord, c csvColumns, record string, attrs network.Attributes) (network.Attributes, error) {
	for _, i := range c.extra {
		v, ok := csvValue(rec.fields[i])
		if !ok {
			continue
		}
		key := c.names[i]
		if _, dup := attrs[key]; dup {
			return nil, f.failf(rec, i, record, "attribute %q given both in the attributes column and in its own column", key)
		}
		if attrs == nil {
			attrs = network.Attributes{}
		}
		attrs[key] = v
	}
	return attrs, nil
}

// attributes parses the JSON attributes cell of a standard attributes column.
func (f *csvFile) attributes(rec csvRecord, c csvColumns, record string) (network.Attributes, error) {
	i := c.col("attributes")
	if i < 0 || strings.TrimSpace(rec.fields[i]) == "" {
		return nil, nil
	}
	cell := rec.fields[i]
	if !json.Valid([]byte(cell)) {
		return nil, f.failf(rec, i, record, "bad attributes JSON %q: want a JSON object", csvShort(cell))
	}
	attrs, err := codec.UnmarshalAttributes([]byte(cell))
	if err != nil {
		return nil, f.failf(rec, i, record, "bad attributes JSON: %v", csvStrip(err, "attributes: "))
	}
	return attrs, nil
}

// csvShort shortens a cell for an error message.
func csvShort(s string) string {
	if len(s) <= 40 {
		return s
	}
	cut := 40
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// csvStrip removes the prefix the network package puts before its messages
// ("actor \"x\": ", "link \"a\" -> \"b\": "), since the ParseError names the
// record itself.
func csvStrip(err error, prefix string) error {
	if msg := err.Error(); strings.HasPrefix(msg, prefix) {
		return errors.New(strings.TrimPrefix(msg, prefix))
	}
	return err
}

func csvActorRecord(id string, row int) string {
	if id == "" {
		return fmt.Sprintf("actor %d", row)
	}
	return fmt.Sprintf("actor %q", id)
}

func readCSVActors(n *network.Network, r io.Reader, file string) error {
	f, err := readCSVFile(r, file, csvOptions{})
	if err != nil {
		return err
	}
	c, err := f.header(f.records[0], csvActorColumns, []string{"id"}, nil, true)
	if err != nil {
		return err
	}
	firstLine := map[string]int{}
	for row, rec := range f.records[1:] {
		id := c.cell(rec, "id")
		record := csvActorRecord(id, row)
		if id == "" {
			return f.failf(rec, c.col("id"), record, "empty id")
		}
		a := network.Actor{ID: id, Name: c.cell(rec, "name")}
		if i := c.col("kind"); i >= 0 {
			if a.Kind, err = network.ParseKind(rec.fields[i]); err != nil {
				return f.fail(rec, i, record, err)
			}
		}
		if i := c.col("sectors"); i >= 0 {
			names, err := splitList(rec.fields[i])
			if err != nil {
				return f.failf(rec, i, record, "sectors: %v", err)
			}
			for _, s := range names {
				sec, err := network.ParseSector(s)
				if err != nil {
					return f.failf(rec, i, record, "sectors: %v", err)
				}
				a.Sectors = append(a.Sectors, sec)
			}
		}
		if i := c.col("aliases"); i >= 0 {
			if a.Aliases, err = splitList(rec.fields[i]); err != nil {
				return f.failf(rec, i, record, "aliases: %v", err)
			}
		}
		if a.Attributes, err = f.attributes(rec, c, record); err != nil {
			return err
		}
		if a.Attributes, err = f.addExtras(rec, c, record, a.Attributes); err != nil {
			return err
		}
		if line, dup := firstLine[id]; dup {
			return f.failf(rec, c.col("id"), record, "duplicate actor id %q (first on line %d)", id, line)
		}
		if err := n.AddActor(a); err != nil {
			return f.fail(rec, -1, record, csvStrip(err, fmt.Sprintf("actor %q: ", id)))
		}
		firstLine[id] = rec.line
	}
	return nil
}

// csvMutual parses a mutual cell.
func csvMutual(cell string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(cell)) {
	case "", "false", "0", "no":
		return false, nil
	case "true", "1", "yes":
		return true, nil
	}
	return false, fmt.Errorf("bad mutual value %q: want true or false", cell)
}

// csvWeight parses a weight cell; empty is 1.
func csvWeight(cell string) (float64, error) {
	s := strings.TrimSpace(cell)
	if s == "" {
		return 1, nil
	}
	w, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil && !errors.Is(err, strconv.ErrRange):
		return 0, fmt.Errorf("bad weight %q: not a number", cell)
	case math.IsNaN(w):
		return 0, fmt.Errorf("bad weight %q: NaN", cell)
	case math.IsInf(w, 0) || err != nil:
		return 0, fmt.Errorf("bad weight %q: not finite", cell)
	case w < 0:
		return 0, fmt.Errorf("bad weight %q: negative", cell)
	}
	return w, nil
}

func readCSVLinks(n *network.Network, r io.Reader, file string) error {
	f, err := readCSVFile(r, file, csvOptions{})
	if err != nil {
		return err
	}
	c, err := f.header(f.records[0], csvLinkColumns, []string{"from", "to"}, nil, true)
	if err != nil {
		return err
	}
	for row, rec := range f.records[1:] {
		record := fmt.Sprintf("link %d", row)
		l := network.Link{
			From: c.cell(rec, "from"), To: c.cell(rec, "to"), Type: c.cell(rec, "type"),
			Commodity: c.cell(rec, "commodity"), Mode: c.cell(rec, "mode"),
			Channel: c.cell(rec, "channel"), Source: c.cell(rec, "source"),
		}
		if i := c.col("element"); i >= 0 {
			if l.Element, err = network.ParseElement(rec.fields[i]); err != nil {
				return f.fail(rec, i, record, err)
			}
		}
		if i := c.col("mutual"); i >= 0 {
			if l.Mutual, err = csvMutual(rec.fields[i]); err != nil {
				return f.fail(rec, i, record, err)
			}
		}
		l.Weight = 1
		if i := c.col("weight"); i >= 0 {
			if l.Weight, err = csvWeight(rec.fields[i]); err != nil {
				return f.fail(rec, i, record, err)
			}
		}
		if i := c.col("start"); i >= 0 {
			if l.Start, err = network.ParseDate(rec.fields[i]); err != nil {
				return f.failf(rec, i, record, "start: %v", err)
			}
		}
		if i := c.col("end"); i >= 0 {
			if l.End, err = network.ParseDate(rec.fields[i]); err != nil {
				return f.failf(rec, i, record, "end: %v", err)
			}
		}
		if i := c.col("grade"); i >= 0 {
			if l.Grade, err = network.ParseGrade(rec.fields[i]); err != nil {
				return f.fail(rec, i, record, err)
			}
		}
		if l.Attributes, err = f.attributes(rec, c, record); err != nil {
			return err
		}
		if l.Attributes, err = f.addExtras(rec, c, record, l.Attributes); err != nil {
			return err
		}
		for _, end := range []string{"from", "to"} {
			switch id := c.cell(rec, end); {
			case id == "":
				return f.failf(rec, c.col(end), record, "empty %s id", end)
			case !n.HasActor(id):
				return f.failf(rec, c.col(end), record, "dangling link: %s: no actor with id %q", end, id)
			}
		}
		if _, err := n.AddLink(l); err != nil {
			return f.fail(rec, -1, record, csvStrip(err, fmt.Sprintf("link %q -> %q: ", l.From, l.To)))
		}
	}
	return nil
}

// readCSVInfo reads network.csv and sets the network's name, description
// and attributes.
func readCSVInfo(n *network.Network, r io.Reader, file string) error {
	f, err := readCSVFile(r, file, csvOptions{})
	if err != nil {
		return err
	}
	c, err := f.header(f.records[0], csvInfoColumns, nil, nil, false)
	if err != nil {
		return err
	}
	switch len(f.records) {
	case 1:
		return f.failf(f.records[0], -1, "", "no data row after the header: want one row with the network's name, description and attributes")
	case 2:
	default:
		return f.failf(f.records[2], -1, "", "more than one data row: want exactly one")
	}
	rec := f.records[1]
	attrs, err := f.attributes(rec, c, "network")
	if err != nil {
		return err
	}
	if err := n.SetInfo(c.cell(rec, "name"), c.cell(rec, "description"), attrs); err != nil {
		return f.fail(rec, -1, "network", csvStrip(err, "network: "))
	}
	return nil
}
