package netio

import (
	"encoding/json"
	"io"
	"strconv"

	"gonum.org/v1/gonum/graph/formats/cytoscapejs"

	"github.com/illicitnet/illicit/network"
)

// cyjsDocument is a Cytoscape.js (and Cytoscape desktop .cyjs) document:
// gonum's elements with the network's own data beside them.
type cyjsDocument struct {
	Data map[string]any `json:"data,omitempty"`
	cytoscapejs.GraphNodeEdge
}

// WriteCytoscapeJS writes the network as Cytoscape.js JSON, in the
// {"data": …, "elements": {"nodes": […], "edges": […]}} form that
// cytoscape({elements: …}) takes and that Cytoscape desktop imports as
// .cyjs, built from gonum's cytoscapejs types and encoded by
// encoding/json (keys sorted, two-space indent).
//
// The top-level data holds the network's name, description and
// attributes, where set. Each actor is a node in network order whose
// data has id (the actor ID), label (the name, or the ID), name (if set),
// kind (if known), sectors (every sector, kind's first) and aliases
// (arrays, if any), and attributes, an object of the free attributes (if
// any). Each link is an edge in network order whose data has id ("e"
// and the link ID, with "_" added while that is an actor ID, since
// Cytoscape.js nodes and edges share one ID space), link (the link ID),
// source and target (From and To), label (element:type, as in DOT),
// element, mutual and weight, then type, commodity, mode, channel,
// start and end (dates at their own precision: "2001", "2001-09",
// "2001-09-11"), grade and provenance (the link's Source field, since
// "source" is the edge's first node) where set, and attributes as for
// nodes. gonum's NodeData also writes an empty "parent", which
// Cytoscape.js ignores (the node has no compound parent). Floats with an
// integral value are written without a fraction (3
// for 3.0), as JSON does not tell them apart.
func WriteCytoscapeJS(w io.Writer, n *network.Network) error {
	actors, links := n.Actors(), n.Links()
	doc := cyjsDocument{GraphNodeEdge: cytoscapejs.GraphNodeEdge{Elements: cytoscapejs.Elements{
		Nodes: make([]cytoscapejs.Node, len(actors)),
		Edges: make([]cytoscapejs.Edge, len(links)),
	}}}
	data := map[string]any{}
	if n.Name != "" {
		data["name"] = n.Name
	}
	if n.Description != "" {
		data["description"] = n.Description
	}
	if len(n.Attributes) > 0 {
		data["attributes"] = map[string]any(n.Attributes)
	}
	if len(data) > 0 {
		doc.Data = data
	}

	for i, a := range actors {
		d := map[string]any{"label": a.Label()}
		if a.Name != "" {
			d["name"] = a.Name
		}
		if a.Kind != network.KindUnknown {
			d["kind"] = a.Kind.String()
		}
		if s := sectorNames(a); len(s) > 0 {
			d["sectors"] = s
		}
		if len(a.Aliases) > 0 {
			d["aliases"] = a.Aliases
		}
		if len(a.Attributes) > 0 {
			d["attributes"] = map[string]any(a.Attributes)
		}
		doc.Elements.Nodes[i] = cytoscapejs.Node{Data: cytoscapejs.NodeData{ID: a.ID, Attributes: d}}
	}

	for i, l := range links {
		id := "e" + strconv.Itoa(int(l.ID))
		for n.HasActor(id) {
			id += "_"
		}
		d := map[string]any{
			"link":    int64(l.ID),
			"label":   linkLabel(l),
			"element": l.Element.String(),
			"mutual":  l.Mutual,
			"weight":  l.Weight,
		}
		for _, f := range [...]struct{ key, value string }{{"type", l.Type}, {"commodity", l.Commodity},
			{"mode", l.Mode}, {"channel", l.Channel}, {"start", l.Start.String()}, {"end", l.End.String()},
			{"grade", l.Grade.String()}, {"provenance", l.Source}} {
			if f.value != "" {
				d[f.key] = f.value
			}
		}
		if len(l.Attributes) > 0 {
			d["attributes"] = map[string]any(l.Attributes)
		}
		doc.Elements.Edges[i] = cytoscapejs.Edge{Data: cytoscapejs.EdgeData{ID: id, Source: l.From, Target: l.To, Attributes: d}}
	}

	b, err := json.MarshalIndent(&doc, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
