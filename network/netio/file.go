package netio

import (
	"bytes"
	"fmt"
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
	EdgeList Format = "edgelist" // source,target[,weight][,layer] edge list
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
	// Format of the input; empty means FormatOf(path).
	Format Format
	// Nodes is the path of an optional node table for an edge list
	// (id,label,… columns, as ReadEdgeList reads them); it is an error with
	// any other format.
	Nodes string
	// Directed reads an edge list's rows as directed links rather than
	// mutual ones (EdgeListOptions.Directed); other formats ignore it.
	Directed bool
	// Limits bound the bytes and records read from each input (the zero
	// value: network.DefaultMaxBytes and network.DefaultMaxRecords).
	Limits network.Limits
}

// Load reads a network from a file (or, for native CSV, a directory). A
// network whose file gives it no name is named after the file, without
// its extension.
func Load(path string, opts LoadOptions) (*network.Network, error) {
	n, err := load(path, opts)
	if err != nil {
		return nil, err
	}
	if n.Name == "" {
		n.Name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	return n, nil
}

func load(path string, opts LoadOptions) (*network.Network, error) {
	f := opts.Format
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
		return ReadCSVDir(path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	r := bytes.NewReader(data)
	switch f {
	case JSON:
		return network.ReadJSON(r, path, opts.Limits)
	case GraphML:
		return ReadGraphML(r, path, opts.Limits)
	case DL:
		return ReadDL(r, path, opts.Limits)
	case Pajek:
		return ReadPajek(r, path, opts.Limits)
	}
	eo := EdgeListOptions{Directed: opts.Directed}
	if opts.Nodes == "" {
		return ReadEdgeList(r, path, nil, "", eo)
	}
	nodes, err := os.ReadFile(opts.Nodes)
	if err != nil {
		return nil, err
	}
	return ReadEdgeList(r, path, bytes.NewReader(nodes), opts.Nodes, eo)
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
