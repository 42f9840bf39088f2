// Package netio reads and writes illicit networks in the file formats that
// covert-network data ships in and that other tools understand:
//
//   - CSV: an actors.csv and a links.csv with the native field names (and an
//     optional network.csv), lossless; see ReadCSV and WriteCSV.
//   - Edge lists: edges.csv with source,target (or from,to) and typed link
//     columns, or positional source,target[,weight][,layer] rows, with an
//     optional node table (nodes.csv), the form of most published datasets
//     and of Gephi's CSV exports; see ReadEdgeList.
//   - GraphML, read and written, interoperating with NetworkX, igraph, Gephi
//     and yEd; see ReadGraphML and WriteGraphML.
//   - UCINET DL (fullmatrix, edgelist1, nodelist1; several matrices become
//     layers) and Pajek .net, read only; see ReadDL and ReadPajek.
//   - Exports for other tools, written only: GEXF for Gephi (attributes,
//     link dates as dynamics, computed measures as node attributes),
//     Graphviz DOT and Cytoscape.js JSON, through gonum's gexf12,
//     encoding/dot and cytoscapejs; see WriteGEXF, WriteDOT,
//     WriteCytoscapeJS and Export.
//
// The native JSON format lives in package network (network.ReadJSON).
// Load and Save pick a format from a file name; Load also reads standard
// input.
//
// Every reader takes network.Limits, which bound the bytes and records it
// accepts from one input, so that an endless stream or an oversized file
// fails with an error wrapping network.ErrTooLarge instead of exhausting
// memory; the zero value means the defaults (512 MiB, 5 million records).
// The tabular readers (ReadCSV, ReadCSVDir, ReadEdgeList) stream their
// input row by row and type every column on the way in, by the same rules.
//
// Every reader returns errors as *network.ParseError, naming the file, the
// line (and column where known) and the record at fault, and never panics
// on bad input. Writers keep actor order, link order and every field and
// attribute, so a network read back from CSV, GraphML or JSON equals the
// one written.
package netio
