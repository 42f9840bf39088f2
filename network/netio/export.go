package netio

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network"
)

// The export formats: written for the tools researchers visualise and
// analyse networks with, but not read back. Unlike JSON, CSV and GraphML
// they do not keep every field with its type (see WriteGEXF, WriteDOT and
// WriteCytoscapeJS for what each keeps), so they are not among Formats,
// which lists the formats Load reads.
const (
	GEXF        Format = "gexf" // GEXF 1.2 for Gephi (WriteGEXF)
	DOT         Format = "dot"  // Graphviz DOT (WriteDOT)
	CytoscapeJS Format = "cyjs" // Cytoscape.js JSON (WriteCytoscapeJS)
)

// ExportFormats lists the export-only formats in a fixed order.
func ExportFormats() []Format { return []Format{GEXF, DOT, CytoscapeJS} }

// ExportOptions tune the exports.
type ExportOptions struct {
	// Measures are computed actor measures (degree, betweenness, …) to
	// write beside the actors' own attributes: measure name → actor ID →
	// value. WriteGEXF writes each measure as a node attribute of type
	// double, in measure-name order; an actor missing from a measure has
	// no value for it. A measure with an empty name, or a value for an
	// actor the network does not hold, is an error.
	Measures map[string]map[string]float64
}

// ExportFormatOf picks an export format from a path's extension,
// case-insensitively: .gexf is GEXF, .dot or .gv DOT, .cyjs Cytoscape.js.
// Any other extension is an error.
func ExportFormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".gexf":
		return GEXF, nil
	case ".dot", ".gv":
		return DOT, nil
	case ".cyjs":
		return CytoscapeJS, nil
	}
	return "", fmt.Errorf("%s: cannot tell the export format from the file name; give it explicitly (one of %s)", path, exportFormatList())
}

func exportFormatList() string {
	var names []string
	for _, f := range ExportFormats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

// Export writes a network to a file in an export format: GEXF, DOT or
// Cytoscape.js. An empty format means ExportFormatOf(path). opts.Measures
// go to GEXF only. Nothing is written if there is an error.
func Export(n *network.Network, path string, f Format, opts ExportOptions) error {
	if f == "" {
		var err error
		if f, err = ExportFormatOf(path); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	var err error
	switch f {
	case GEXF:
		err = WriteGEXF(&buf, n, opts)
	case DOT:
		err = WriteDOT(&buf, n)
	case CytoscapeJS:
		err = WriteCytoscapeJS(&buf, n)
	default:
		return fmt.Errorf("%s: %q is not an export format (want one of %s)", path, string(f), exportFormatList())
	}
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// checkMeasures validates opts.Measures against the network and returns
// the measure names in sorted order.
func (o ExportOptions) checkMeasures(n *network.Network) ([]string, error) {
	names := make([]string, 0, len(o.Measures))
	for name := range o.Measures {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if name == "" {
			return nil, fmt.Errorf("measure with an empty name")
		}
		ids := make([]string, 0, len(o.Measures[name]))
		for id := range o.Measures[name] {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			if !n.HasActor(id) {
				return nil, fmt.Errorf("measure %q: no actor %q in the network", name, id)
			}
		}
	}
	return names, nil
}

// linkLabel is the label DOT and Cytoscape.js give a link: its element and
// its type, "money:funds", or the element alone if the link has no type.
func linkLabel(l network.Link) string {
	if l.Type == "" {
		return l.Element.String()
	}
	return l.Element.String() + ":" + l.Type
}

// sectorNames returns the names of the actor's sectors (kind's sector
// first, then the extra tags).
func sectorNames(a network.Actor) []string {
	all := a.AllSectors()
	if len(all) == 0 {
		return nil
	}
	out := make([]string, len(all))
	for i, s := range all {
		out[i] = s.String()
	}
	return out
}

// allMutual reports whether the network has links and every one is Mutual.
func allMutual(links []network.Link) bool {
	if len(links) == 0 {
		return false
	}
	for _, l := range links {
		if !l.Mutual {
			return false
		}
	}
	return true
}
