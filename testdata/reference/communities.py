"""Reference Louvain partitions and modularities from NetworkX.

Regenerate (from the repository root) with:

    python3 testdata/reference/communities.py

For every
reference graph of testdata/reference (see refcommon.py) and the resolutions
1, 0.5 and 2, it stores NetworkX's louvain_communities(G, weight="weight",
resolution=r, seed=1) partition as a membership list (community of node i,
communities numbered by smallest member) and its modularity
community.modularity(G, partition, weight="weight", resolution=r), in
communities.json beside this script:

    {graph: {"directed": bool, "weighted": bool,
             "resolutions": {"1": {"membership": [...], "modularity": q}, ...}}}

Modularity is undirected: a directed graph is replaced by its undirected form
as the Go measure.Graph.Undirected builds it (each arc an edge; a
reciprocated pair keeps the weight of the arc from the lower index).
"""
import os
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import refcommon  # noqa: E402

RESOLUTIONS = [("1", 1.0), ("0.5", 0.5), ("2", 2.0)]


def undirected(g):
    """Undirected form with the lower index's arc weight winning, as Go's Graph.Undirected."""
    if not g.is_directed():
        return g
    u = nx.Graph()
    u.add_nodes_from(g.nodes())
    for a, b, d in g.edges(data=True):
        lo, hi = min(a, b), max(a, b)
        if g.has_edge(lo, hi):
            w = g[lo][hi].get("weight", 1)
        else:
            w = d.get("weight", 1)
        u.add_edge(lo, hi, weight=w)
    return u


def membership(n, parts):
    parts = sorted((sorted(p) for p in parts), key=lambda p: p[0])
    m = [0] * n
    for c, p in enumerate(parts):
        for v in p:
            m[v] = c
    return m


def main():
    out = {}
    for name, g, ids, weighted in refcommon.all_graphs():
        u = undirected(g)
        entry = {"directed": g.is_directed(), "weighted": weighted, "resolutions": {}}
        for key, r in RESOLUTIONS:
            parts = nx.community.louvain_communities(u, weight="weight", resolution=r, seed=1)
            q = nx.community.modularity(u, parts, weight="weight", resolution=r)
            entry["resolutions"][key] = {"membership": membership(u.number_of_nodes(), parts), "modularity": q}
        out[name] = entry
        print(name, ", ".join("%s: %d communities, Q=%.6f" % (k, max(v["membership"]) + 1, v["modularity"])
                              for k, v in entry["resolutions"].items()))
    refcommon.dump(os.path.join(HERE, "communities.json"), out)


if __name__ == "__main__":
    main()
