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
	"slices"
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
// Each file is read as a stream, one record at a time, within lim: more
// than lim.Bytes() bytes or more than lim.Records() data rows (records
// after the header) in either file is a *network.ParseError, naming the
// file and the line reached, that wraps network.ErrTooLarge. The zero
// Limits are the defaults, network.DefaultMaxBytes (512 MiB) and
// network.DefaultMaxRecords (5 million) per file.
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
// ReadEdgeList types its columns by the same rules.
//
// Every error is a *network.ParseError naming the file, the line (and column
// where known) and the record: actor "id" (actor n, counting data rows
// from 0, if the id is empty) or link n (its LinkID). ReadCSV never panics
// on bad input.
func ReadCSV(actors io.Reader, actorsFile string, links io.Reader, linksFile string, lim network.Limits) (*network.Network, error) {
	if actors == nil {
		return nil, &network.ParseError{File: actorsFile, Err: errors.New("no actors input")}
	}
	n := network.New("")
	if err := readCSVActors(n, actors, actorsFile, lim); err != nil {
		return nil, err
	}
	if links != nil {
		if err := readCSVLinks(n, links, linksFile, lim); err != nil {
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
// Each file is read within lim, as by ReadCSV. Errors are
// *network.ParseError values naming the file at fault by its path.
func ReadCSVDir(dir string, lim network.Limits) (*network.Network, error) {
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
	n, err := ReadCSV(af, actorsPath, lf, linksPath, lim)
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
	if err := readCSVInfo(n, nf, infoPath, lim); err != nil {
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
//
// The tabular readers (ReadCSV, ReadEdgeList and their node and info
// tables) stream their input: a csvSource checks the bytes as they arrive
// (byte limit, byte-order mark, UTF-8), an encoding/csv Reader with
// ReuseRecord splits them into records, and the readers turn each record
// into an actor or a link before they read the next one.

// csvChunk is how much a csvSource reads from its input at a time.
const csvChunk = 64 << 10

var utf8BOM = []byte("\xef\xbb\xbf")

// csvSource is the byte stream under a CSV reader: the input, within its
// byte limit, with a leading byte-order mark dropped and checked to be valid
// UTF-8 as it streams. It keeps the line and column of the bytes it has
// checked, so that an invalid byte, the byte limit or a read error is
// reported where it happened, after every byte before it has been read.
type csvSource struct {
	in   io.Reader
	file string
	// buf[off:end] are checked bytes not yet read; buf[end:n] the start of
	// a rune that the last read of the input cut off.
	buf         []byte
	off, end, n int
	err         error // returned once buf[off:end] is read; sticky
	errLine     int   // the line of err
	started     bool  // the byte-order mark has been looked for
	line, col   int   // position of the byte after the checked ones
	allSpace    bool  // every checked byte is white space
	empties     int   // reads in a row that returned nothing
}

func newCSVSource(in io.Reader, file string) *csvSource {
	return &csvSource{in: in, file: file, buf: make([]byte, csvChunk), line: 1, col: 1, allSpace: true}
}

// Read implements io.Reader.
func (s *csvSource) Read(p []byte) (int, error) {
	for s.off == s.end {
		if s.err != nil {
			return 0, s.err
		}
		s.fill()
	}
	k := copy(p, s.buf[s.off:s.end])
	s.off += k
	return k, nil
}

// fill reads once from the input and checks what it can of it.
func (s *csvSource) fill() {
	if s.off > 0 {
		s.n = copy(s.buf, s.buf[s.off:s.n])
		s.end -= s.off
		s.off = 0
	}
	if s.n == len(s.buf) { // only when reading ahead
		s.buf = append(s.buf, make([]byte, len(s.buf))...)
	}
	k, err := s.in.Read(s.buf[s.n:])
	s.n += k
	if k == 0 && err == nil {
		if s.empties++; s.empties >= 100 {
			err = io.ErrNoProgress
		}
	} else {
		s.empties = 0
	}
	if !s.started {
		if s.n < len(utf8BOM) && err == nil {
			return
		}
		s.started = true
		if bytes.HasPrefix(s.buf[:s.n], utf8BOM) {
			s.n = copy(s.buf, s.buf[len(utf8BOM):s.n])
		}
	}
	end := s.n
	if err == nil {
		end = s.end + csvFullRunes(s.buf[s.end:s.n])
	}
	chunk := s.buf[s.end:end]
	good := csvValidPrefix(chunk)
	s.advance(chunk[:good])
	s.end += good
	switch {
	case good < len(chunk):
		s.fail(&network.ParseError{File: s.file, Line: s.line, Column: s.col, Err: errors.New("invalid UTF-8")})
	case err == io.EOF:
		s.err = io.EOF
	case err != nil:
		var pe *network.ParseError
		if errors.As(err, &pe) && errors.Is(err, network.ErrTooLarge) {
			// The byte limit: say on which line it was reached.
			s.fail(&network.ParseError{File: pe.File, Line: s.line, Err: pe.Err})
		} else {
			s.fail(&network.ParseError{File: s.file, Err: err})
		}
	}
}

func (s *csvSource) fail(err error) {
	s.err, s.errLine = err, s.line
}

// advance moves the position past checked bytes.
func (s *csvSource) advance(b []byte) {
	if s.allSpace && len(bytes.TrimSpace(b)) > 0 {
		s.allSpace = false
	}
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		s.line += bytes.Count(b, []byte{'\n'})
		s.col = len(b) - i
	} else {
		s.col += len(b)
	}
}

// csvFullRunes returns the length of the longest prefix of b that does not
// end in the first bytes of a multi-byte rune.
func csvFullRunes(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if utf8.FullRune(b[i:]) {
				return len(b)
			}
			return i
		}
	}
	return len(b)
}

// csvValidPrefix returns the length of the longest valid UTF-8 prefix of b.
func csvValidPrefix(b []byte) int {
	if utf8.Valid(b) {
		return len(b)
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// firstLine returns the first line that is neither blank nor a '#'
// comment, reading ahead as far as needed; the bytes stay to be read.
func (s *csvSource) firstLine() string {
	from := 0 // offset from s.off of the first line not yet looked at
	for {
		data := s.buf[s.off+from : s.end]
		for {
			i := bytes.IndexByte(data, '\n')
			if i < 0 {
				break
			}
			line := data[:i]
			if len(bytes.TrimSpace(line)) > 0 && line[0] != '#' {
				return string(line)
			}
			data = data[i+1:]
			from += i + 1
		}
		if s.err != nil {
			if len(bytes.TrimSpace(data)) > 0 && data[0] != '#' {
				return string(data)
			}
			return ""
		}
		s.fill()
	}
}

// spaceAhead reports whether the rest of the input, like everything before
// it, is white space, reading ahead as far as needed.
func (s *csvSource) spaceAhead() bool {
	for s.allSpace {
		if s.err != nil {
			return s.err == io.EOF
		}
		s.fill()
	}
	return false
}

// csvRecord is one record of a CSV file with where it was found.
type csvRecord struct {
	fields []string
	line   int   // 1-based line where the record starts
	cols   []int // 1-based byte column where each field starts
}

// csvReader streams the records of one CSV input. The record that next
// returns is valid until the following call: its slices are reused.
type csvReader struct {
	name    string
	src     *csvSource
	cr      *csv.Reader
	trim    bool // trim the space around every field
	rec     csvRecord
	width   int // fields in the first record; -1 before it
	rows    int // data rows counted by row
	lim     network.Limits
	size    int64 // size of the input if known, or -1
	strings map[string]string
}

// newCSVReader returns a reader of r within lim. An edge list (or its node
// table) has '#' comment lines, is tab-separated if its first line that is
// not blank or a comment holds a tab and no comma, and has the space around
// its fields trimmed.
func newCSVReader(r io.Reader, file string, lim network.Limits, edgeList bool) *csvReader {
	size := csvSizeOf(r)
	src := newCSVSource(lim.Reader(r, file), file)
	cr := csv.NewReader(src)
	cr.ReuseRecord = true
	if edgeList {
		cr.Comment = '#'
		if first := src.firstLine(); strings.Contains(first, "\t") && !strings.Contains(first, ",") {
			cr.Comma = '\t'
		}
	}
	return &csvReader{name: file, src: src, cr: cr, trim: edgeList, width: -1, lim: lim,
		size: size, strings: map[string]string{}}
}

// csvSizeOf returns the size of the input behind r if r tells it (a
// regular file or an in-memory reader), or -1.
func csvSizeOf(r io.Reader) int64 {
	switch v := r.(type) {
	case interface{ Len() int }:
		return int64(v.Len())
	case interface{ Stat() (fs.FileInfo, error) }:
		if st, err := v.Stat(); err == nil && st.Mode().IsRegular() {
			return st.Size()
		}
	}
	return -1
}

// next returns the next record, io.EOF after the last one, or a
// *network.ParseError.
func (c *csvReader) next() (csvRecord, error) {
	fields, err := c.cr.Read()
	if err != nil {
		return csvRecord{}, c.readError(fields, err)
	}
	if c.width < 0 {
		c.width = len(fields)
	}
	c.rec.fields = fields
	c.rec.cols = c.rec.cols[:0]
	for i := range fields {
		line, col := c.cr.FieldPos(i)
		if i == 0 {
			c.rec.line = line
		}
		c.rec.cols = append(c.rec.cols, col)
		if c.trim {
			fields[i] = strings.TrimSpace(fields[i])
		}
	}
	return c.rec, nil
}

// readError turns an error of the CSV reader into a *network.ParseError.
// The source's own error (invalid UTF-8, the byte limit, a read error) wins
// over a CSV error on the same line or later, which it may have caused by
// cutting the input short.
func (c *csvReader) readError(fields []string, err error) error {
	if err == io.EOF {
		return io.EOF
	}
	srcErr := c.src.err
	if srcErr == io.EOF {
		srcErr = nil
	}
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		if srcErr != nil {
			return srcErr
		}
		return &network.ParseError{File: c.name, Err: err}
	}
	if srcErr != nil && c.src.errLine <= pe.StartLine {
		return srcErr
	}
	if errors.Is(pe.Err, csv.ErrFieldCount) {
		return &network.ParseError{File: c.name, Line: pe.StartLine, Err: fmt.Errorf(
			"wrong number of fields: %d, want %d as in the first record", len(fields), c.width)}
	}
	if pe.Line != pe.StartLine {
		// An unclosed quote: name the record where it opened.
		return &network.ParseError{File: c.name, Line: pe.StartLine,
			Err: fmt.Errorf("bad CSV in the record starting here: %v (at line %d, column %d)", pe.Err, pe.Line, pe.Column)}
	}
	return &network.ParseError{File: c.name, Line: pe.Line, Column: pe.Column, Err: fmt.Errorf("bad CSV: %v", pe.Err)}
}

// first returns the first record; a file without one is an error.
func (c *csvReader) first() (csvRecord, error) {
	rec, err := c.next()
	if err == io.EOF {
		if c.src.allSpace {
			return rec, c.emptyError()
		}
		return rec, &network.ParseError{File: c.name, Err: errors.New("empty file: no records, only blank or comment lines")}
	}
	if err != nil {
		return rec, err
	}
	blank := true
	for _, f := range rec.fields {
		if strings.TrimSpace(f) != "" {
			blank = false
			break
		}
	}
	if blank {
		if c.src.spaceAhead() {
			return csvRecord{}, c.emptyError()
		}
		if c.src.allSpace { // nothing but space up to a read error or the byte limit
			return csvRecord{}, c.src.err
		}
	}
	return rec, nil
}

func (c *csvReader) emptyError() error {
	return &network.ParseError{File: c.name, Err: errors.New("empty file: want a header row")}
}

// row counts a data row against the record limit.
func (c *csvReader) row(rec csvRecord) error {
	if c.rows++; c.rows > c.lim.Records() {
		return c.lim.LimitError(c.name, rec.line, fmt.Sprintf(
			"more than %d data rows; raise the record limit (Limits.MaxRecords) if the input is meant to be this large",
			c.lim.Records()))
	}
	return nil
}

// csvGrowAt is the data row after which a reader that knows the size of its
// input reserves room for the records it expects from the rest.
const csvGrowAt = 4096

// expected returns how many more data rows the input likely holds, judging
// by the size of the rows read so far, or 0 if its size is unknown. The
// estimate is a little high rather than low: room reserved and never used
// is address space only, while too little means moving everything read.
func (c *csvReader) expected() int {
	used := c.cr.InputOffset()
	if c.size <= 0 || c.rows == 0 || used <= 0 || used >= c.size {
		return 0
	}
	est := float64(c.size-used) / float64(used) * float64(c.rows) * 1.05
	if room := float64(c.lim.Records() - c.rows); est > room {
		est = room
	}
	return int(est) + 1
}

// intern returns s, sharing the copy of an equal string returned before:
// cells repeat (a layer name, an actor ID), and a field of a record is a
// slice of the whole line. A bounded number of strings is kept.
func (c *csvReader) intern(s string) string {
	if s == "" {
		return ""
	}
	if t, ok := c.strings[s]; ok {
		return t
	}
	t := strings.Clone(s)
	if len(c.strings) < 1<<16 {
		c.strings[t] = t
	}
	return t
}

// csvWho names the record at fault in an error: a link, an actor, or
// a label such as "header" (empty for none). It is formatted only when an
// error needs it.
type csvWho struct {
	label string
	actor bool
	link  bool
	id    string
	row   int
}

func linkWho(row int) csvWho             { return csvWho{link: true, row: row} }
func actorWho(id string, row int) csvWho { return csvWho{actor: true, id: id, row: row} }
func labelWho(label string) csvWho       { return csvWho{label: label} }

// String names the record for error messages.
func (w csvWho) String() string {
	switch {
	case w.link:
		return fmt.Sprintf("link %d", w.row)
	case w.actor:
		return csvActorRecord(w.id, w.row)
	}
	return w.label
}

// fail returns a ParseError at field i of rec (i < 0: the record as a whole).
func (c *csvReader) fail(rec csvRecord, i int, who csvWho, err error) error {
	pe := &network.ParseError{File: c.name, Line: rec.line, Record: who.String(), Err: err}
	if i >= 0 && i < len(rec.cols) {
		pe.Column = rec.cols[i]
	}
	return pe
}

func (c *csvReader) failf(rec csvRecord, i int, who csvWho, format string, args ...any) error {
	return c.fail(rec, i, who, fmt.Errorf(format, args...))
}

// csvColumns is a parsed header row.
type csvColumns struct {
	index map[string]int // standard column name -> field index
	extra []int          // field indexes of the attribute columns
	names []string       // trimmed column names, by field index
	keys  []string       // attribute key of each attribute column, by field index
}

// col returns the field index of a standard column, or -1.
func (c *csvColumns) col(name string) int {
	if i, ok := c.index[name]; ok {
		return i
	}
	return -1
}

// header parses a header row: standard names (matched ignoring case and
// space), required ones, forbidden ones (field names that may not be used
// as extra attribute columns). If extras is false, other columns are errors.
func (c *csvReader) header(rec csvRecord, standard, required, forbidden []string, extras bool) (*csvColumns, error) {
	h := &csvColumns{index: map[string]int{}, names: make([]string, len(rec.fields)), keys: make([]string, len(rec.fields))}
	who := labelWho("header")
	seen := map[string]bool{}
	for i, raw := range rec.fields {
		name := strings.TrimSpace(raw)
		key := strings.ToLower(name)
		h.names[i] = name
		if name == "" {
			return nil, c.failf(rec, i, who, "column %d has an empty name", i+1)
		}
		switch {
		case slices.Contains(standard, key):
			if _, dup := h.index[key]; dup {
				return nil, c.failf(rec, i, who, "column %q given twice", key)
			}
			h.index[key] = i
		case slices.Contains(forbidden, key):
			return nil, c.failf(rec, i, who, "column %q is a field name that this format does not read; rename it", name)
		case !extras:
			return nil, c.failf(rec, i, who, "unknown column %q (want %s)", name, strings.Join(standard, ", "))
		default:
			if seen[name] {
				return nil, c.failf(rec, i, who, "column %q given twice", name)
			}
			seen[name] = true
			h.extra = append(h.extra, i)
			h.keys[i] = name
		}
	}
	for _, r := range required {
		if _, ok := h.index[r]; !ok {
			return nil, c.failf(rec, -1, who, "missing required column %q (header has %s)", r, strings.Join(h.names, ","))
		}
	}
	return h, nil
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

// attributes returns the attributes of rec: those of its JSON attributes
// column (field attrCol; -1 for none) and the typed values of its extra
// columns. scratch, if not nil, is cleared and used when the record has no
// JSON attributes: the network copies what it is given.
func (c *csvReader) attributes(rec csvRecord, h *csvColumns, attrCol int, who csvWho, scratch network.Attributes) (network.Attributes, error) {
	attrs := scratch
	clear(attrs)
	if i := attrCol; i >= 0 && strings.TrimSpace(rec.fields[i]) != "" {
		cell := rec.fields[i]
		if !json.Valid([]byte(cell)) {
			return nil, c.failf(rec, i, who, "bad attributes JSON %q: want a JSON object", csvShort(cell))
		}
		var err error
		if attrs, err = codec.UnmarshalAttributes([]byte(cell)); err != nil {
			return nil, c.failf(rec, i, who, "bad attributes JSON: %v", csvStrip(err, "attributes: "))
		}
	}
	for _, i := range h.extra {
		v, ok := csvValue(rec.fields[i])
		if !ok {
			continue
		}
		key := h.keys[i]
		if _, dup := attrs[key]; dup {
			return nil, c.failf(rec, i, who, "attribute %q given both in the attributes column and in its own column", key)
		}
		if s, ok := v.(string); ok {
			v = c.intern(s)
		}
		if attrs == nil {
			attrs = network.Attributes{}
		}
		attrs[key] = v
	}
	if len(attrs) == 0 {
		return nil, nil
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

// --- actors --------------------------------------------------------------

// actorColumns are the field indexes of the actor fields in a header; -1
// for a column that is not there.
type actorColumns struct {
	*csvColumns
	id, name, kind, sectors, aliases, attributes int
}

// actorReader reads the actors of a native actors file or a node table.
type actorReader struct {
	c     *csvReader
	n     *network.Network
	cols  actorColumns
	lines []int32 // line of each actor, by actor index, for duplicate ids
	attrs network.Attributes
}

// add reads the actor on rec, the data row numbered row (from 0), and adds
// it to the network.
func (r *actorReader) add(rec csvRecord, row int) error {
	c, ac := r.c, &r.cols
	if err := c.row(rec); err != nil {
		return err
	}
	id := rec.fields[ac.id]
	who := actorWho(id, row)
	if id == "" {
		return c.failf(rec, ac.id, who, "empty id")
	}
	if i, dup := r.n.Index(id); dup {
		return c.failf(rec, ac.id, who, "duplicate actor id %q (first on line %d)", id, r.lines[i])
	}
	a := network.Actor{ID: strings.Clone(id)}
	if i := ac.name; i >= 0 {
		a.Name = strings.Clone(rec.fields[i])
	}
	var err error
	if i := ac.kind; i >= 0 {
		if a.Kind, err = network.ParseKind(rec.fields[i]); err != nil {
			return c.fail(rec, i, who, err)
		}
	}
	if i := ac.sectors; i >= 0 {
		if a.Sectors, err = csvSectors(rec.fields[i]); err != nil {
			return c.failf(rec, i, who, "sectors: %v", err)
		}
	}
	if i := ac.aliases; i >= 0 {
		if a.Aliases, err = splitList(rec.fields[i]); err != nil {
			return c.failf(rec, i, who, "aliases: %v", err)
		}
		for k, s := range a.Aliases {
			a.Aliases[k] = strings.Clone(s)
		}
	}
	if r.attrs == nil {
		r.attrs = network.Attributes{}
	}
	if a.Attributes, err = c.attributes(rec, ac.csvColumns, ac.attributes, who, r.attrs); err != nil {
		return err
	}
	if err := r.n.AddActor(a); err != nil {
		return c.fail(rec, -1, who, csvStrip(err, fmt.Sprintf("actor %q: ", id)))
	}
	r.lines = append(r.lines, int32(min(rec.line, math.MaxInt32)))
	return nil
}

// readActors reads the data rows of an actors file or node table.
func (r *actorReader) readAll() error {
	for row := 0; ; row++ {
		rec, err := r.c.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := r.add(rec, row); err != nil {
			return err
		}
		if row+1 == csvGrowAt {
			r.n.Grow(r.c.expected(), 0)
		}
	}
}

func readCSVActors(n *network.Network, r io.Reader, file string, lim network.Limits) error {
	c := newCSVReader(r, file, lim, false)
	rec, err := c.first()
	if err != nil {
		return err
	}
	h, err := c.header(rec, csvActorColumns, []string{"id"}, nil, true)
	if err != nil {
		return err
	}
	ar := &actorReader{c: c, n: n, cols: actorColumns{csvColumns: h, id: h.col("id"), name: h.col("name"),
		kind: h.col("kind"), sectors: h.col("sectors"), aliases: h.col("aliases"), attributes: h.col("attributes")}}
	return ar.readAll()
}

// --- links ---------------------------------------------------------------

// linkColumns are the field indexes of the link fields in a header; -1 for
// a column that is not there.
type linkColumns struct {
	*csvColumns
	from, to         int
	fromName, toName string // what the two ends are called in messages
	weight, typ      int    // typ: the column of Link.Type
	element, mutual  int
	commodity, mode  int
	channel, source  int
	start, end       int
	grade            int
	attributes       int
}

// noLinkColumns returns linkColumns with no column at all.
func noLinkColumns(h *csvColumns) linkColumns {
	return linkColumns{csvColumns: h, from: -1, to: -1, weight: -1, typ: -1, element: -1, mutual: -1,
		commodity: -1, mode: -1, channel: -1, source: -1, start: -1, end: -1, grade: -1, attributes: -1}
}

// link reads the fields of the link on rec other than its ends. Every
// empty cell leaves the field of def as it is. scratch is as for
// csvReader.attributes.
func (c *csvReader) link(rec csvRecord, lc *linkColumns, who csvWho, def network.Link, scratch network.Attributes) (network.Link, error) {
	l := def
	f := rec.fields
	given := func(i int) bool { return i >= 0 && strings.TrimSpace(f[i]) != "" }
	var err error
	if i := lc.element; given(i) {
		if l.Element, err = network.ParseElement(f[i]); err != nil {
			return l, c.fail(rec, i, who, err)
		}
	}
	if i := lc.mutual; given(i) {
		if l.Mutual, err = csvMutual(f[i]); err != nil {
			return l, c.fail(rec, i, who, err)
		}
	}
	if i := lc.weight; given(i) {
		if l.Weight, err = csvWeight(f[i]); err != nil {
			return l, c.fail(rec, i, who, err)
		}
	}
	text := func(i int, def string) string {
		if i >= 0 && f[i] != "" {
			return c.intern(f[i])
		}
		return def
	}
	l.Type, l.Commodity, l.Mode = text(lc.typ, l.Type), text(lc.commodity, l.Commodity), text(lc.mode, l.Mode)
	l.Channel, l.Source = text(lc.channel, l.Channel), text(lc.source, l.Source)
	if i := lc.start; given(i) {
		if l.Start, err = network.ParseDate(f[i]); err != nil {
			return l, c.failf(rec, i, who, "start: %v", err)
		}
	}
	if i := lc.end; given(i) {
		if l.End, err = network.ParseDate(f[i]); err != nil {
			return l, c.failf(rec, i, who, "end: %v", err)
		}
	}
	if i := lc.grade; given(i) {
		if l.Grade, err = network.ParseGrade(f[i]); err != nil {
			return l, c.fail(rec, i, who, err)
		}
	}
	if l.Attributes, err = c.attributes(rec, lc.csvColumns, lc.attributes, who, scratch); err != nil {
		return l, err
	}
	return l, nil
}

// addLink adds l, read from rec, to n.
func (c *csvReader) addLink(n *network.Network, rec csvRecord, who csvWho, l network.Link) error {
	if _, err := n.AddLink(l); err != nil {
		return c.fail(rec, -1, who, csvStrip(err, fmt.Sprintf("link %q -> %q: ", l.From, l.To)))
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

func readCSVLinks(n *network.Network, r io.Reader, file string, lim network.Limits) error {
	c := newCSVReader(r, file, lim, false)
	rec, err := c.first()
	if err != nil {
		return err
	}
	h, err := c.header(rec, csvLinkColumns, []string{"from", "to"}, nil, true)
	if err != nil {
		return err
	}
	lc := noLinkColumns(h)
	lc.from, lc.to, lc.fromName, lc.toName = h.col("from"), h.col("to"), "from", "to"
	lc.weight, lc.typ, lc.element, lc.mutual = h.col("weight"), h.col("type"), h.col("element"), h.col("mutual")
	lc.commodity, lc.mode, lc.channel, lc.source = h.col("commodity"), h.col("mode"), h.col("channel"), h.col("source")
	lc.start, lc.end, lc.grade, lc.attributes = h.col("start"), h.col("end"), h.col("grade"), h.col("attributes")
	scratch := network.Attributes{}
	for row := 0; ; row++ {
		rec, err := c.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := c.row(rec); err != nil {
			return err
		}
		who := linkWho(row)
		l, err := c.link(rec, &lc, who, network.Link{Weight: 1}, scratch)
		if err != nil {
			return err
		}
		for _, end := range [...]struct {
			name string
			col  int
			to   *string
		}{{"from", lc.from, &l.From}, {"to", lc.to, &l.To}} {
			id := rec.fields[end.col]
			a, ok := n.Actor(id)
			switch {
			case id == "":
				return c.failf(rec, end.col, who, "empty %s id", end.name)
			case !ok:
				return c.failf(rec, end.col, who, "dangling link: %s: no actor with id %q", end.name, id)
			}
			*end.to = a.ID // the actor's own copy of the ID
		}
		if err := c.addLink(n, rec, who, l); err != nil {
			return err
		}
		if row+1 == csvGrowAt {
			n.Grow(0, c.expected())
		}
	}
}

// readCSVInfo reads network.csv and sets the network's name, description
// and attributes.
func readCSVInfo(n *network.Network, r io.Reader, file string, lim network.Limits) error {
	c := newCSVReader(r, file, lim, false)
	rec, err := c.first()
	if err != nil {
		return err
	}
	h, err := c.header(rec, csvInfoColumns, nil, nil, false)
	if err != nil {
		return err
	}
	headerLine := rec.line
	rec, err = c.next()
	if err == io.EOF {
		return c.failf(csvRecord{line: headerLine}, -1, csvWho{}, "no data row after the header: want one row with the network's name, description and attributes")
	}
	if err != nil {
		return err
	}
	data := csvRecord{fields: slices.Clone(rec.fields), line: rec.line, cols: slices.Clone(rec.cols)}
	switch rec, err := c.next(); {
	case err == nil:
		return c.failf(rec, -1, csvWho{}, "more than one data row: want exactly one")
	case err != io.EOF:
		return err
	}
	who := labelWho("network")
	attrs, err := c.attributes(data, h, h.col("attributes"), who, nil)
	if err != nil {
		return err
	}
	cell := func(name string) string {
		if i := h.col(name); i >= 0 {
			return data.fields[i]
		}
		return ""
	}
	if err := n.SetInfo(cell("name"), cell("description"), attrs); err != nil {
		return c.fail(data, -1, who, csvStrip(err, "network: "))
	}
	return nil
}
