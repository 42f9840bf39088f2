package netio

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/illicitnet/illicit/network"
)

// EdgeListOptions says how ReadEdgeList turns the rows of an edge list into
// links. The zero value reads an undirected association network: each row
// becomes one Mutual link with Element network.Association and no Source.
type EdgeListOptions struct {
	// Directed says whether each row is a tie from its source to its target.
	// If false, the data are undirected and each row is stored as one
	// Mutual link (From = source, To = target).
	Directed bool
	// Element is the element given to every link; the zero value is
	// network.Association, right for published data whose ties have no
	// known supply-chain function.
	Element network.Element
	// Source is the provenance stored in Link.Source of every link, such
	// as a citation of the dataset; may be empty.
	Source string
}

// ReadEdgeList reads a network from an edge list, the form most published
// covert-network datasets ship in, with an optional node table. edgesFile
// and nodesFile name the inputs in error messages; nodes may be nil.
//
// Both files are CSV as read by encoding/csv (RFC 4180 quoting, the same
// number of fields in every record) in valid UTF-8, except that lines
// starting with '#' are comments and are skipped, as are blank lines, and
// that a file whose first non-blank, non-comment line holds a tab and no
// comma is read as tab-separated. No other separator is recognised. Every
// cell is trimmed of surrounding space.
//
// The edges file has one link per row, in file order. If its first row has
// columns named source and target (in any case, in any position), it is a
// header and
//
//   - source, target: the actor IDs at the two ends;
//   - weight: Link.Weight, a finite non-negative number (empty: 1);
//   - layer: Link.Type, such as a phase or relation name;
//   - any other column: a link attribute named by the column, typed as the
//     extra columns of ReadCSV are ("true"/"false" a bool, a decimal number an
//     int64 or float64, anything else a string; an empty cell leaves it out).
//     A column named like another field of network.Link (from, to, type,
//     element, …) is an error.
//
// Otherwise there is no header and the columns are positional:
// source,target[,weight][,layer] (two to four fields per row).
//
// Each link gets Element, Source and (if not Directed) Mutual from opts.
// Self-links (source = target) are kept.
//
// The node table, if given, must have a header with an id column; label (or
// name, but not both) is the actor's name, kind is its kind as read by
// network.ParseKind, and any other column is an actor attribute typed as
// above (columns named aliases, sectors or attributes are errors). Actors
// are added in node-table order, and an edge whose source or target is not
// in the table is an error (dangling). Without a node table, each actor is
// created, with KindUnknown and no name, when it first appears in the edges
// file, in order of first appearance (source before target).
//
// Every error is a *network.ParseError naming the file, the line (and column
// where known) and the record: actor "id" (actor n, counting data rows
// from 0, if the id is empty) or link n (its LinkID, counting data rows
// from 0). ReadEdgeList never panics on bad input.
func ReadEdgeList(edges io.Reader, edgesFile string, nodes io.Reader, nodesFile string, opts EdgeListOptions) (*network.Network, error) {
	if !opts.Element.Valid() {
		return nil, &network.ParseError{File: edgesFile, Err: fmt.Errorf("invalid element %d in the options", uint8(opts.Element))}
	}
	if !utf8.ValidString(opts.Source) {
		return nil, &network.ParseError{File: edgesFile, Err: errors.New("source in the options is not valid UTF-8")}
	}
	if edges == nil {
		return nil, &network.ParseError{File: edgesFile, Err: errors.New("no edges input")}
	}
	n := network.New("")
	if nodes != nil {
		if err := readNodeTable(n, nodes, nodesFile); err != nil {
			return nil, err
		}
	}
	f, err := readCSVFile(edges, edgesFile, csvOptions{edgeList: true})
	if err != nil {
		return nil, err
	}
	for _, rec := range f.records {
		for i := range rec.fields {
			rec.fields[i] = strings.TrimSpace(rec.fields[i])
		}
	}

	// Column layout: from a header, or positional.
	src, tgt, weight, layer := 0, 1, -1, -1
	var c csvColumns
	rows := f.records
	if edgeListHasHeader(rows[0]) {
		reserved := network.ReservedLinkKeys()
		forbidden := make([]string, 0, len(reserved))
		for _, k := range reserved {
			if k != "weight" {
				forbidden = append(forbidden, k)
			}
		}
		c, err = f.header(rows[0], []string{"source", "target", "weight", "layer"}, nil, forbidden, true)
		if err != nil {
			return nil, err
		}
		src, tgt, weight, layer = c.col("source"), c.col("target"), c.col("weight"), c.col("layer")
		rows = rows[1:]
	} else {
		switch k := len(rows[0].fields); {
		case k < 2:
			return nil, f.failf(rows[0], -1, "", "%d field(s): want source,target[,weight][,layer] or a header naming source and target columns", k)
		case k > 4:
			return nil, f.failf(rows[0], -1, "", "%d fields: want source,target[,weight][,layer] or a header naming source and target columns", k)
		case k >= 3:
			weight = 2
			if k == 4 {
				layer = 3
			}
		}
	}

	known := nodes != nil
	for row, rec := range rows {
		record := fmt.Sprintf("link %d", row)
		l := network.Link{From: rec.fields[src], To: rec.fields[tgt], Element: opts.Element,
			Mutual: !opts.Directed, Weight: 1, Source: opts.Source}
		for _, end := range []struct {
			name string
			col  int
		}{{"source", src}, {"target", tgt}} {
			id := rec.fields[end.col]
			switch {
			case id == "":
				return nil, f.failf(rec, end.col, record, "empty %s id", end.name)
			case n.HasActor(id):
			case known:
				return nil, f.failf(rec, end.col, record, "dangling link: %s %q is not in the node table %s", end.name, id, nodesFile)
			default:
				if err := n.AddActor(network.Actor{ID: id}); err != nil {
					return nil, f.fail(rec, end.col, record, err)
				}
			}
		}
		if weight >= 0 {
			if l.Weight, err = csvWeight(rec.fields[weight]); err != nil {
				return nil, f.fail(rec, weight, record, err)
			}
		}
		if layer >= 0 {
			l.Type = rec.fields[layer]
		}
		if l.Attributes, err = f.addExtras(rec, c, record, nil); err != nil {
			return nil, err
		}
		if _, err := n.AddLink(l); err != nil {
			return nil, f.fail(rec, -1, record, csvStrip(err, fmt.Sprintf("link %q -> %q: ", l.From, l.To)))
		}
	}
	return n, nil
}

// edgeListHasHeader reports whether the first record of an edges file is a
// header: it has columns named source and target.
func edgeListHasHeader(rec csvRecord) bool {
	var s, t bool
	for _, name := range rec.fields {
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "source":
			s = true
		case "target":
			t = true
		}
	}
	return s && t
}

// readNodeTable reads the node table of an edge list into n.
func readNodeTable(n *network.Network, r io.Reader, file string) error {
	f, err := readCSVFile(r, file, csvOptions{edgeList: true})
	if err != nil {
		return err
	}
	for _, rec := range f.records {
		for i := range rec.fields {
			rec.fields[i] = strings.TrimSpace(rec.fields[i])
		}
	}
	c, err := f.header(f.records[0], []string{"id", "label", "name", "kind"}, []string{"id"},
		[]string{"aliases", "sectors", "attributes"}, true)
	if err != nil {
		return err
	}
	name := c.col("label")
	if other := c.col("name"); other >= 0 {
		if name >= 0 {
			return f.failf(f.records[0], other, "header", "both label and name columns: give the actor's name in one")
		}
		name = other
	}
	firstLine := map[string]int{}
	for row, rec := range f.records[1:] {
		id := c.cell(rec, "id")
		record := csvActorRecord(id, row)
		if id == "" {
			return f.failf(rec, c.col("id"), record, "empty id")
		}
		if line, dup := firstLine[id]; dup {
			return f.failf(rec, c.col("id"), record, "duplicate actor id %q (first on line %d)", id, line)
		}
		a := network.Actor{ID: id}
		if name >= 0 {
			a.Name = rec.fields[name]
		}
		if i := c.col("kind"); i >= 0 {
			if a.Kind, err = network.ParseKind(rec.fields[i]); err != nil {
				return f.fail(rec, i, record, err)
			}
		}
		if a.Attributes, err = f.addExtras(rec, c, record, nil); err != nil {
			return err
		}
		if err := n.AddActor(a); err != nil {
			return f.fail(rec, -1, record, csvStrip(err, fmt.Sprintf("actor %q: ", id)))
		}
		firstLine[id] = rec.line
	}
	return nil
}
