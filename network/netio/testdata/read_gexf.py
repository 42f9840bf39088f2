#!/usr/bin/env python3
"""Load a GEXF file with NetworkX and print what it read, as JSON.

The export tests of network/netio (export_roundtrip_test.go) run this
script on the files WriteGEXF writes, to check that NetworkX's own reader,
nx.read_gexf, loads them with the nodes, edges, attributes and dynamics
the network has. It needs python3 and networkx; the tests skip when
either is missing.

Usage:

    python3 read_gexf.py FILE.gexf
    python3 read_gexf.py FILE.graphml   # nx.read_graphml, for the GraphML tests

It prints one JSON object:

    nodes       number of nodes (G.number_of_nodes())
    edges       number of edges (G.number_of_edges()); a GEXF edge of
                type "mutual" in a directed graph counts twice, as NetworkX
                adds it in both directions
    directed    G.is_directed()
    multigraph  G.is_multigraph() (read_gexf keeps a multigraph only when
                the file has parallel edges)
    mode        the GEXF graph mode, "static" or "dynamic" ("" if none)
    node_data   node ID -> the node's data: label, and every attribute by
                its title, typed by its GEXF type (long and double as JSON
                numbers, boolean as true/false, string as text)
    edge_data   [source, target, data] per edge, in NetworkX's edge order:
                data holds the edge's id, label, weight, start and end as
                the file gives them, and its attributes as for nodes

Values JSON cannot hold (dates read as other types, NaN) are written as
their str().
"""

import json
import math
import sys

import networkx as nx


def plain(value):
    """Return value as JSON writes it: NaN and infinities as text."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def main(path):
    if path.endswith(".graphml"):
        G = nx.read_graphml(path)
    else:
        G = nx.read_gexf(path)
    node_data = {str(n): {k: plain(v) for k, v in d.items()} for n, d in G.nodes(data=True)}
    edge_data = [[str(u), str(v), {k: plain(x) for k, x in d.items()}] for u, v, d in G.edges(data=True)]
    json.dump({
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "directed": G.is_directed(),
        "multigraph": G.is_multigraph(),
        "mode": G.graph.get("mode", ""),
        "node_data": node_data,
        "edge_data": edge_data,
    }, sys.stdout, default=str, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: read_gexf.py FILE.gexf")
    main(sys.argv[1])
