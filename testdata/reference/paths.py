"""Reference values for the shortest-path measures (network/measure:
betweenness.go, closeness.go), computed with the installed NetworkX.

Regenerate (from the repository root) with:

    python3 testdata/reference/paths.py

It writes {"networkx": VERSION, "graphs": {NAME: {...}}} to
testdata/reference/paths.json, for every graph of refcommon.all_graphs():
  - betweenness, betweenness_raw: betweenness_centrality(G, normalized=True/False)
  - edge_betweenness, edge_betweenness_raw: edge_betweenness_centrality(G,
    normalized=True/False) as [[u, v, value], ...] sorted by (u, v), with
    u < v for undirected graphs
  - closeness, closeness_nowf: closeness_centrality(G, wf_improved=True/False)
  - harmonic: harmonic_centrality(G)
Weighted graphs use weight='weight' / distance='weight'. Per-node values are
lists in node order 0..n-1. Floats are written by json (repr, full precision).
"""
import os
import sys

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refcommon  # noqa: E402


def per_node(g, d):
    return [float(d[v]) for v in range(g.number_of_nodes())]


def edges(g, d):
    out = []
    for (u, v), x in d.items():
        if not g.is_directed() and u > v:
            u, v = v, u
        out.append([u, v, float(x)])
    out.sort()
    return out


def main():
    ref = {}
    for name, g, ids, weighted in refcommon.all_graphs():
        w = "weight" if weighted else None
        ref[name] = {
            "betweenness": per_node(g, nx.betweenness_centrality(g, normalized=True, weight=w)),
            "betweenness_raw": per_node(g, nx.betweenness_centrality(g, normalized=False, weight=w)),
            "edge_betweenness": edges(g, nx.edge_betweenness_centrality(g, normalized=True, weight=w)),
            "edge_betweenness_raw": edges(g, nx.edge_betweenness_centrality(g, normalized=False, weight=w)),
            "closeness": per_node(g, nx.closeness_centrality(g, distance=w, wf_improved=True)),
            "closeness_nowf": per_node(g, nx.closeness_centrality(g, distance=w, wf_improved=False)),
            "harmonic": per_node(g, nx.harmonic_centrality(g, distance=w)),
        }
    refcommon.dump(os.path.join(refcommon.HERE, "paths.json"), {"networkx": nx.__version__, "graphs": ref})


if __name__ == "__main__":
    main()
