package netio

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/illicitnet/illicit/network"
)

// EdgeListOptions says how ReadEdgeList turns the rows of an edge list into
// links. The zero value reads an undirected association network: each row
// becomes one Mutual link with Element network.Association, weight 1 unless
// a weight column says otherwise, and no Source; each file is read within
// the default limits.
type EdgeListOptions struct {
	// Directed says whether each row is a tie from its source to its target.
	// If false, the data are undirected and each row is stored as one
	// Mutual link (From = source, To = target). A mutual column, or a
	// Gephi type column (see ReadEdgeList), decides row by row instead.
	Directed bool
	// Element is the element given to every link without an element cell;
	// the zero value is network.Association, right for published data whose
	// ties have no known supply-chain function.
	Element network.Element
	// Source is the provenance stored in Link.Source of every link without
	// a provenance cell, such as a citation of the dataset; may be empty.
	Source string
	// WeightColumn names the column that holds Link.Weight, matched
	// ignoring case and surrounding space, such as "strength" for a file
	// whose header is source,target,strength. Empty means "weight", and a
	// file without a weight column then gives every link weight 1; a column
	// named here must be in the header. It may not name a column that
	// gives another link field (source, layer, type, …).
	WeightColumn string
	// Limits bound the bytes and data rows read from the edges file and,
	// separately, from the node table (the zero value: network.DefaultMaxBytes
	// and network.DefaultMaxRecords).
	Limits network.Limits
}

// The column names an edges file header may use for link fields, beyond
// the endpoints (source,target or from,to), weight and provenance.
var edgeFieldColumns = []string{"layer", "type", "element", "mutual", "commodity", "mode", "channel",
	"start", "end", "grade", "attributes"}

// edgeGephiColumns are columns of Gephi's edge export that become
// attributes under their lower-case name.
var edgeGephiColumns = []string{"id", "label", "timeset"}

// nodeTableColumns are the columns of a node table that are actor fields.
var nodeTableColumns = []string{"id", "label", "name", "kind", "sectors", "aliases", "attributes"}

// ReadEdgeList reads a network from an edge list, the form most published
// covert-network datasets ship in (edges.csv with an optional nodes.csv),
// as do Gephi's CSV exports. edgesFile and nodesFile name the inputs in
// error messages; nodes may be nil.
//
// # Files
//
// Both files are CSV as read by encoding/csv (RFC 4180 quoting, the same
// number of fields in every record) in valid UTF-8, except that lines
// starting with '#' are comments and are skipped, as are blank lines, and
// that a file whose first non-blank, non-comment line holds a tab and no
// comma is read as tab-separated. No other separator is recognised. A
// leading byte-order mark is ignored and every cell is trimmed of
// surrounding space. Column names are matched ignoring case.
//
// # Header or not
//
// The first row of the edges file is a header if it names a pair of
// endpoint columns, source and target or from and to, and, when a node
// table is given, neither of its first two cells is an actor ID of that
// table. If it names an endpoint pair and its first or second cell is also
// an actor of the node table, it could be either, and ReadEdgeList fails,
// saying how to tell: rename the actor, or put a header above the row. A
// first row that names no endpoint pair is data, unless every one of its
// cells is a column name of the list below (weight, layer, type, …): that
// is a header without endpoint columns, and an error.
//
// Without a header the columns are positional:
// source,target[,weight][,layer] (two to four fields per row).
//
// # Edge columns
//
// In a header, these columns are link fields; an empty cell leaves the
// field at its default:
//
//   - source, target, or from, to: the actor IDs at the two ends (From,
//     To). A header naming both pairs is an error.
//   - weight, or the column named by opts.WeightColumn: Link.Weight, a
//     finite non-negative number; default 1.
//   - layer or type: Link.Type, text, such as a phase or relation name.
//     Both at once are an error, except for Gephi's type column (below).
//   - element: network.ParseElement ("materiel", "manpower", "money",
//     "mechanism", "association"); default opts.Element.
//   - mutual: true/false, 1/0 or yes/no in any case, setting Link.Mutual
//     for the row; default !opts.Directed.
//   - commodity, mode, channel: text.
//   - start, end: dates "YYYY", "YYYY-MM" or "YYYY-MM-DD" (network.ParseDate);
//     end may not lie before start.
//   - grade: an intelligence grade such as "B2", "B2/3" or "1AP"
//     (network.ParseGrade).
//   - provenance: Link.Source, text; default opts.Source. In a file whose
//     endpoints are from,to, a column named source is the provenance too,
//     as in the native CSV of ReadCSV (both at once are an error); with
//     source,target endpoints, from and to are errors.
//   - attributes: a JSON object of typed attributes, as in ReadCSV.
//
// Any other column is a link attribute named by the column as written,
// typed as the extra columns of ReadCSV are ("true"/"false" a bool, a
// decimal number an int64 or float64, a number with a leading zero or
// anything else a string; an empty cell leaves it out). Gephi's Id, Label
// and timeset columns become the attributes id, label and timeset. When
// opts.WeightColumn names another column, a column named weight is an
// error, since weight is a link field and cannot be an attribute name.
//
// # Gephi
//
// Gephi's edge export has the columns Source,Target,Type,Id,Label,timeset,
// Weight (any subset, any order), where Type says Directed or Undirected.
// So a type column is read by its values: if every non-empty cell of it
// is "directed" or "undirected" (in any case), it gives each row's
// direction, undirected being Mutual and directed not, whatever
// opts.Directed says, and the links get no Type from it; a layer column
// may then give the Type. If any cell holds something else, the column is
// Link.Type for every row. A row with both a mutual cell and a direction
// must have them agree.
//
// # Links and actors
//
// Each row becomes one link, in file order (the n-th data row, counting
// from 0, gets LinkID n). Self-links (source = target) are kept.
//
// The node table, if given, must have a header with an id column; label
// or name (not both) is the actor's name, kind its kind as read by
// network.ParseKind, sectors its extra sectors (network.ParseSector) and
// aliases its aliases, each a list separated by ";" or a JSON array of
// strings as in ReadCSV, attributes a JSON object of attributes, and any
// other column an actor attribute named by the column as written and typed
// as above. Gephi's node export (Id,Label,…) reads as is. Actors are added
// in node-table order, and an edge whose source or target is not in the
// table is an error (dangling). Without a node table, each actor is
// created, with KindUnknown and no name, when it first appears in the
// edges file, in order of first appearance (source before target).
//
// # Limits and errors
//
// Both files are read as streams, row by row, within opts.Limits: more
// than Limits.Bytes() bytes or Limits.Records() data rows in either file
// is an error that wraps network.ErrTooLarge and names the file and the
// line reached. Every error is a *network.ParseError naming the file, the
// line (and column where known) and the record: actor "id" (actor n,
// counting data rows from 0, if the id is empty), link n (its LinkID) or
// header. ReadEdgeList never panics on bad input.
func ReadEdgeList(edges io.Reader, edgesFile string, nodes io.Reader, nodesFile string, opts EdgeListOptions) (*network.Network, error) {
	if !opts.Element.Valid() {
		return nil, &network.ParseError{File: edgesFile, Err: fmt.Errorf("invalid element %d in the options", uint8(opts.Element))}
	}
	if !utf8.ValidString(opts.Source) {
		return nil, &network.ParseError{File: edgesFile, Err: errors.New("source in the options is not valid UTF-8")}
	}
	weightKey, err := edgeWeightKey(opts.WeightColumn)
	if err != nil {
		return nil, &network.ParseError{File: edgesFile, Err: err}
	}
	if edges == nil {
		return nil, &network.ParseError{File: edgesFile, Err: errors.New("no edges input")}
	}
	n := network.New("")
	if nodes != nil {
		if err := readNodeTable(n, nodes, nodesFile, opts.Limits); err != nil {
			return nil, err
		}
	}
	c := newCSVReader(edges, edgesFile, opts.Limits, true)
	rec, err := c.first()
	if err != nil {
		return nil, err
	}
	e := &edgeReader{c: c, n: n, known: nodes != nil, nodesFile: nodesFile, dir: -1, attrs: network.Attributes{},
		def: network.Link{Element: opts.Element, Mutual: !opts.Directed, Weight: 1, Source: opts.Source}}
	header, err := e.columns(rec, weightKey, strings.TrimSpace(opts.WeightColumn) != "")
	if err != nil {
		return nil, err
	}
	if !header {
		if err := e.add(rec); err != nil {
			return nil, err
		}
	}
	for {
		rec, err := c.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if err := e.add(rec); err != nil {
			return nil, err
		}
	}
	if e.dir >= 0 && !e.gephi.decided && e.gephi.conflict != nil {
		return nil, e.gephi.conflict
	}
	return n, nil
}

// edgeWeightKey returns the lower-case name of the weight column.
func edgeWeightKey(name string) (string, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	switch {
	case key == "":
		return "weight", nil
	case !utf8.ValidString(name):
		return "", errors.New("weight column in the options is not valid UTF-8")
	case slices.Contains(edgeFieldColumns, key) || slices.Contains([]string{"source", "target", "from", "to", "provenance"}, key):
		return "", fmt.Errorf("weight column %q in the options names a column that gives another link field", name)
	}
	return key, nil
}

// edgeReader reads the data rows of an edges file into a network.
type edgeReader struct {
	c         *csvReader
	n         *network.Network
	known     bool // a node table gave the actors
	nodesFile string
	cols      linkColumns
	def       network.Link // the fields of a link whose cells are empty
	dir       int          // a type column, which may be Gephi's direction; -1 if none
	gephi     gephiType
	attrs     network.Attributes
	rows      int
}

// gephiType follows a type column until it is clear whether it holds
// Gephi's Directed/Undirected or the links' type.
type gephiType struct {
	decided  bool // a cell held another value: the column is Link.Type
	spelling []string
	index    map[string]uint16
	// rows holds, for each link so far, the spelling of its cell (1 +
	// index in spelling, 0 for an empty cell) << 1 | the Mutual the link
	// would have without the direction.
	rows     []uint16
	conflict error // the first mutual cell that contradicts the direction
}

// columns reads the first record of the edges file: a header, or the first
// data row (header false), in which case the columns are positional.
func (e *edgeReader) columns(rec csvRecord, weightKey string, weightNamed bool) (header bool, err error) {
	c := e.c
	keys := make([]string, len(rec.fields))
	for i, f := range rec.fields {
		keys[i] = strings.ToLower(f)
	}
	has := func(k string) bool { return slices.Contains(keys, k) }
	fromTo, sourceTarget := has("from") && has("to"), has("source") && has("target")
	if fromTo || sourceTarget {
		if e.known {
			for _, id := range rec.fields[:2] {
				if e.n.HasActor(id) {
					other := "from,to"
					if fromTo {
						other = "source,target"
					}
					return false, c.failf(rec, -1, labelWho("header"),
						"the first row could be a header, since it names endpoint columns, or a link, since %q is an actor of the node table %s; "+
							"to read it as a header, rename that actor, or to read it as a link, put a header row such as %s above it",
						id, e.nodesFile, other)
				}
			}
		}
		return true, e.header(rec, keys, weightKey, weightNamed, fromTo, sourceTarget)
	}

	// Data, unless every cell names a column.
	named := true
	for _, k := range keys {
		if !slices.Contains(edgeFieldColumns, k) && !slices.Contains(edgeGephiColumns, k) &&
			!slices.Contains([]string{"source", "target", "from", "to", "weight", "provenance", weightKey}, k) {
			named = false
			break
		}
	}
	if named {
		which := "no endpoint columns"
		for _, p := range [][2]string{{"source", "target"}, {"from", "to"}} {
			switch {
			case has(p[0]):
				which = fmt.Sprintf("%s but not %s", p[0], p[1])
			case has(p[1]):
				which = fmt.Sprintf("%s but not %s", p[1], p[0])
			}
		}
		return false, c.failf(rec, -1, labelWho("header"),
			"the first row is a header (%s) that names %s: want source,target or from,to columns",
			strings.Join(rec.fields, ","), which)
	}
	if weightNamed {
		return false, c.failf(rec, -1, csvWho{},
			"the weight column %q (WeightColumn) needs a header row, but the first row (%s) is data",
			weightKey, strings.Join(rec.fields, ","))
	}
	lc := noLinkColumns(&csvColumns{})
	lc.from, lc.to, lc.fromName, lc.toName = 0, 1, "source", "target"
	switch k := len(rec.fields); {
	case k < 2:
		return false, c.failf(rec, -1, csvWho{}, "%d field(s): want source,target[,weight][,layer] or a header naming source,target or from,to columns", k)
	case k > 4:
		return false, c.failf(rec, -1, csvWho{}, "%d fields: want source,target[,weight][,layer] or a header naming source,target or from,to columns", k)
	case k >= 3:
		lc.weight = 2
		if k == 4 {
			lc.typ = 3
		}
	}
	e.cols = lc
	return false, nil
}

// header sets the columns from a header row naming an endpoint pair.
func (e *edgeReader) header(rec csvRecord, keys []string, weightKey string, weightNamed, fromTo, sourceTarget bool) error {
	c := e.c
	who := labelWho("header")
	if fromTo && sourceTarget {
		return c.failf(rec, slices.Index(keys, "source"), who,
			"both source,target and from,to columns: name the endpoints with one pair (with from,to, a source column is the provenance)")
	}
	fromKey, toKey := "source", "target"
	if fromTo {
		fromKey, toKey = "from", "to"
	}
	h := &csvColumns{index: map[string]int{}, names: slices.Clone(rec.fields), keys: make([]string, len(rec.fields))}
	seen := map[string]bool{}
	for i, name := range rec.fields {
		key := keys[i]
		if name == "" {
			return c.failf(rec, i, who, "column %d has an empty name", i+1)
		}
		field := ""
		switch {
		case key == weightKey:
			field = "weight"
		case key == "weight":
			return c.failf(rec, i, who, "column %q: the weight is in column %q (WeightColumn), and weight is a link field name, "+
				"which cannot be an attribute; rename or drop this column", name, weightKey)
		case key == fromKey:
			field = "from"
		case key == toKey:
			field = "to"
		case key == "provenance" || (fromTo && key == "source"):
			field = "provenance"
		case key == "from" || key == "to":
			return c.failf(rec, i, who, "column %q is a link field name that this header does not read: "+
				"its endpoints are the source and target columns; rename it", name)
		case slices.Contains(edgeFieldColumns, key):
			field = key
		}
		if field != "" {
			if j, dup := h.index[field]; dup {
				if keys[j] != key {
					return c.failf(rec, i, who, "columns %q and %q both give the %s", rec.fields[j], name, field)
				}
				return c.failf(rec, i, who, "column %q given twice", key)
			}
			h.index[field] = i
			continue
		}
		attr := name
		if slices.Contains(edgeGephiColumns, key) {
			attr = key
		}
		if seen[attr] {
			return c.failf(rec, i, who, "column %q given twice", name)
		}
		seen[attr] = true
		h.extra = append(h.extra, i)
		h.keys[i] = attr
	}
	if weightNamed && h.col("weight") < 0 {
		return c.failf(rec, -1, who, "no weight column %q (WeightColumn): the header has %s", weightKey, strings.Join(rec.fields, ","))
	}
	lc := noLinkColumns(h)
	lc.from, lc.to, lc.fromName, lc.toName = h.col("from"), h.col("to"), fromKey, toKey
	lc.weight, lc.typ, lc.element, lc.mutual = h.col("weight"), h.col("layer"), h.col("element"), h.col("mutual")
	lc.commodity, lc.mode, lc.channel, lc.source = h.col("commodity"), h.col("mode"), h.col("channel"), h.col("provenance")
	lc.start, lc.end, lc.grade, lc.attributes = h.col("start"), h.col("end"), h.col("grade"), h.col("attributes")
	e.cols = lc
	if e.dir = h.col("type"); e.dir >= 0 {
		e.gephi.index = map[string]uint16{}
	}
	return nil
}

// add reads the link on a data row and adds it, with any new actor.
func (e *edgeReader) add(rec csvRecord) error {
	c, lc := e.c, &e.cols
	if err := c.row(rec); err != nil {
		return err
	}
	who := linkWho(e.rows)
	from, err := e.end(rec, lc.from, lc.fromName, who)
	if err != nil {
		return err
	}
	to, err := e.end(rec, lc.to, lc.toName, who)
	if err != nil {
		return err
	}
	l, err := c.link(rec, lc, who, e.def, e.attrs)
	if err != nil {
		return err
	}
	l.From, l.To = from, to
	if e.dir >= 0 {
		if err := e.direction(rec, &l, who); err != nil {
			return err
		}
	}
	if err := c.addLink(e.n, rec, who, l); err != nil {
		return err
	}
	if e.rows++; e.rows == csvGrowAt {
		e.n.Grow(0, c.expected())
	}
	return nil
}

// end returns the actor ID in field col of rec, as the network stores it,
// adding the actor if there is no node table.
func (e *edgeReader) end(rec csvRecord, col int, name string, who csvWho) (string, error) {
	id := rec.fields[col]
	if id == "" {
		return "", e.c.failf(rec, col, who, "empty %s id", name)
	}
	if a, ok := e.n.Actor(id); ok {
		return a.ID, nil
	}
	if e.known {
		return "", e.c.failf(rec, col, who, "dangling link: %s %q is not in the node table %s", name, id, e.nodesFile)
	}
	id = strings.Clone(id)
	if err := e.n.AddActor(network.Actor{ID: id}); err != nil {
		return "", e.c.fail(rec, col, who, err)
	}
	return id, nil
}

// direction applies the type column to l: Gephi's direction while every
// cell so far has been "directed" or "undirected", Link.Type otherwise.
// When the first other value shows up, the links read before it get the
// type and Mutual they would have had.
func (e *edgeReader) direction(rec csvRecord, l *network.Link, who csvWho) error {
	g := &e.gephi
	cell := rec.fields[e.dir]
	if g.decided {
		if cell != "" {
			l.Type = e.c.intern(cell)
		}
		return nil
	}
	lower := strings.ToLower(cell)
	if cell != "" && lower != "directed" && lower != "undirected" {
		if e.cols.typ >= 0 {
			return e.c.failf(rec, e.dir, who, "the type column holds %q, not Directed or Undirected, so it gives the link type, "+
				"and so does the layer column: keep one of them", cell)
		}
		for j, code := range g.rows {
			id := network.LinkID(j)
			old, _ := e.n.Link(id)
			if s := code >> 1; s > 0 {
				old.Type = g.spelling[s-1]
			}
			old.Mutual = code&1 == 1
			if err := e.n.UpdateLink(id, old); err != nil {
				return e.c.fail(rec, -1, who, err)
			}
		}
		g.decided, g.rows, g.conflict = true, nil, nil
		l.Type = e.c.intern(cell)
		return nil
	}
	code := uint16(0)
	if l.Mutual {
		code = 1
	}
	if cell != "" {
		k, ok := g.index[cell]
		if !ok {
			g.spelling = append(g.spelling, strings.Clone(cell))
			k = uint16(len(g.spelling)) // at most the 2⁸+2¹⁰ spellings of the two words
			g.index[g.spelling[k-1]] = k
		}
		code |= k << 1
		undirected := lower == "undirected"
		if m := e.cols.mutual; m >= 0 && rec.fields[m] != "" {
			if l.Mutual != undirected && g.conflict == nil {
				g.conflict = e.c.failf(rec, m, who, "mutual is %t but the type column says %s", l.Mutual, cell)
			}
		} else {
			l.Mutual = undirected
		}
	}
	g.rows = append(g.rows, code)
	return nil
}

// readNodeTable reads the node table of an edge list into n.
func readNodeTable(n *network.Network, r io.Reader, file string, lim network.Limits) error {
	c := newCSVReader(r, file, lim, true)
	rec, err := c.first()
	if err != nil {
		return err
	}
	h, err := c.header(rec, nodeTableColumns, []string{"id"}, nil, true)
	if err != nil {
		return err
	}
	name := h.col("label")
	if other := h.col("name"); other >= 0 {
		if name >= 0 {
			return c.failf(rec, other, labelWho("header"), "both label and name columns: give the actor's name in one")
		}
		name = other
	}
	ar := &actorReader{c: c, n: n, cols: actorColumns{csvColumns: h, id: h.col("id"), name: name,
		kind: h.col("kind"), sectors: h.col("sectors"), aliases: h.col("aliases"), attributes: h.col("attributes")}}
	return ar.readAll()
}
