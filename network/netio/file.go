package netio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/illicitnet/illicit/network"
)

// Format names a file format for Load and Save.
type Format string

// The formats Load and Save know. The empty Format means "decide by the
// file name" (see FormatOf).
const (
	JSON     Format = "json"     // native JSON (network.ReadJSON)
	CSV      Format = "csv"      // native CSV: a directory with actors.csv and links.csv
	EdgeList Format = "edgelist" // edge list with an optional node table (ReadEdgeList)
	GraphML  Format = "graphml"  // GraphML
	DL       Format = "dl"       // UCINET DL
	Pajek    Format = "pajek"    // Pajek .net
)

// Formats lists every format in a fixed order.
func Formats() []Format { return []Format{JSON, CSV, EdgeList, GraphML, DL, Pajek} }

// FormatOf picks a format from a path: an existing directory is native CSV;
// otherwise the extension decides, case-insensitively: .json, .csv or .tsv
// (edge list), .graphml or .xml, .dl, .net or .paj. Any other extension is
// an error.
func FormatOf(path string) (Format, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return CSV, nil
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return JSON, nil
	case ".csv", ".tsv":
		return EdgeList, nil
	case ".graphml", ".xml":
		return GraphML, nil
	case ".dl":
		return DL, nil
	case ".net", ".paj":
		return Pajek, nil
	}
	return "", fmt.Errorf("%s: cannot tell the format from the file name; give it explicitly (one of %s)", path, formatList())
}

func formatList() string {
	var names []string
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

func (f Format) check() error {
	for _, g := range Formats() {
		if f == g {
			return nil
		}
	}
	return fmt.Errorf("unknown format %q (want one of %s)", string(f), formatList())
}

// LoadOptions tune Load.
type LoadOptions struct {
	// Format of the input; empty means FormatOf(path). Reading standard
	// input (path "-") needs it.
	Format Format
	// Nodes is the path of an optional node table for an edge list
	// (id,label,… columns, as ReadEdgeList reads them), or "-" for standard
	// input when the edge list itself comes from a file; it is an error with
	// any other format.
	Nodes string
	// Directed reads an edge list's rows as directed links rather than
	// mutual ones (EdgeListOptions.Directed); other formats ignore it.
	Directed bool
	// WeightColumn names the column of an edge list that holds the link
	// weights (EdgeListOptions.WeightColumn; empty: weight); other formats
	// ignore it.
	WeightColumn string
	// Limits bound the bytes and records read from each input, file by
	// file (the zero value: network.DefaultMaxBytes and
	// network.DefaultMaxRecords).
	Limits network.Limits
	// Stdin is what the path "-" reads; nil means os.Stdin.
	Stdin io.Reader
}

// stdinName names standard input in errors.
const stdinName = "stdin"

// Load reads a network from a file, from a directory for native CSV, or
// from standard input (opts.Stdin) for the path "-". Every format is read
// within opts.Limits. A network whose input gives it no name is named
// after the file, without its extension, or after its folder when the
// file has a generic name (edges, links, edgelist, network, graph, data:
// caviar/edges.csv is "caviar"); one read from standard input keeps the
// name the input gives it, if any.
//
// Standard input needs opts.Format, since there is no file name to tell
// it by. Native CSV, a directory of files, cannot come from standard
// input, and an edge list and its node table cannot both come from it.
func Load(path string, opts LoadOptions) (*network.Network, error) {
	n, err := load(path, opts)
	if err != nil {
		return nil, err
	}
	if n.Name == "" && path != "-" {
		n.Name = nameOf(path)
	}
	return n, nil
}

// nameOf names a network after its file, without the extension, or after
// the folder of a file with a generic name (edges.csv, links.csv,
// network.json …), as published datasets ship: caviar/edges.csv is
// "caviar".
func nameOf(path string) string {
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	switch strings.ToLower(name) {
	case "edges", "links", "edgelist", "network", "graph", "data":
		if dir := filepath.Base(filepath.Dir(filepath.Clean(path))); dir != "." && dir != string(filepath.Separator) && dir != ".." {
			return dir
		}
	}
	return name
}

func (o LoadOptions) stdin() io.Reader {
	if o.Stdin != nil {
		return o.Stdin
	}
	return os.Stdin
}

func load(path string, opts LoadOptions) (*network.Network, error) {
	f := opts.Format
	if path == "-" && f == "" {
		return nil, fmt.Errorf("reading standard input (-) needs a format: give it explicitly (one of %s)", formatList())
	}
	if f == "" {
		var err error
		if f, err = FormatOf(path); err != nil {
			return nil, err
		}
	}
	if err := f.check(); err != nil {
		return nil, err
	}
	if opts.Nodes != "" && f != EdgeList {
		return nil, fmt.Errorf("a node table (%s) goes only with an edge list, not %s", opts.Nodes, f)
	}
	if f == CSV {
		if path == "-" {
			return nil, errors.New("native CSV is a directory of files and cannot be read from standard input (-); give the directory")
		}
		return ReadCSVDir(path, opts.Limits)
	}
	if path == "-" && opts.Nodes == "-" {
		return nil, errors.New("the edge list and its node table cannot both be read from standard input (-); give one of them as a file")
	}
	r, name, closeFn, err := opts.open(path)
	if err != nil {
		return nil, err
	}
	defer closeFn()
	switch f {
	case JSON:
		return network.ReadJSON(r, name, opts.Limits)
	case GraphML:
		return ReadGraphML(r, name, opts.Limits)
	case DL:
		return ReadDL(r, name, opts.Limits)
	case Pajek:
		return ReadPajek(r, name, opts.Limits)
	}
	eo := EdgeListOptions{Directed: opts.Directed, WeightColumn: opts.WeightColumn, Limits: opts.Limits}
	if opts.Nodes == "" {
		return ReadEdgeList(r, name, nil, "", eo)
	}
	nodes, nodesName, closeNodes, err := opts.open(opts.Nodes)
	if err != nil {
		return nil, err
	}
	defer closeNodes()
	return ReadEdgeList(r, name, nodes, nodesName, eo)
}

// open opens the input at path, "-" being standard input, and returns it
// with the name to give it in errors and a function that closes it.
func (o LoadOptions) open(path string) (io.Reader, string, func(), error) {
	if path == "-" {
		return o.stdin(), stdinName, func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", nil, err
	}
	return f, path, func() { f.Close() }, nil
}

// Save writes a network to a file in a lossless format: JSON, CSV (a
// directory) or GraphML. An empty format means FormatOf(path), with a path
// that has no extension taken as a CSV directory. A path ending in .csv
// thus names an edge list, which Save does not write (it is not lossless):
// give the CSV format explicitly to write a native CSV directory there.
// Other formats are errors.
func Save(n *network.Network, path string, f Format) error {
	if f == "" {
		if filepath.Ext(path) == "" {
			f = CSV
		} else {
			var err error
			if f, err = FormatOf(path); err != nil {
				return err
			}
		}
	}
	if err := f.check(); err != nil {
		return err
	}
	switch f {
	case CSV:
		return WriteCSVDir(n, path)
	case JSON, GraphML:
	default:
		return fmt.Errorf("%s: cannot write %s; write json, csv or graphml", path, f)
	}
	var buf bytes.Buffer
	var err error
	if f == JSON {
		err = n.WriteJSON(&buf)
	} else {
		err = WriteGraphML(&buf, n)
	}
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
