"""Fixture for the `analyze measures` test: a GraphML file written by NetworkX
and NetworkX's own values for every measure the command prints.

Regenerate (from the repository root) with:

    python3 testdata/reference/analyze_karate.py

It writes testdata/reference/karate_networkx.graphml (Zachary's karate club,
nx.karate_club_graph(), written with nx.write_graphml) and
testdata/reference/karate_expected.csv with one row per node in file order:
id, then degree (degree_centrality), betweenness (normalized), closeness,
harmonic, eigenvector, pagerank (_pagerank_python, NetworkX defaults), katz
(defaults: alpha 0.1, beta 1), core (core_number), clustering, constraint,
effective_size, efficiency (effective size / degree, which NetworkX lacks) and
hierarchy (Burt 1992, from nx.local_constraint, which NetworkX lacks), all
unweighted, undirected, with NetworkX's default options, printed with repr().
"""
import csv
import math
import os

import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

HERE = os.path.dirname(os.path.abspath(__file__))


def hierarchy(g, v):
    nbrs = set(g[v])
    n = len(nbrs)
    if n == 0:
        return float("nan")
    if n == 1:
        return 0.0
    c = {j: nx.local_constraint(g, v, j) for j in nbrs}
    total = sum(c.values())
    mean = total / n
    s = 0.0
    for j in nbrs:
        r = c[j] / mean
        if r > 0:
            s += r * math.log(r)
    return s / (n * math.log(n))


def main():
    g = nx.karate_club_graph()
    for u, v in g.edges():
        del g[u][v]["weight"]  # keep the fixture unweighted
    path = os.path.join(HERE, "karate_networkx.graphml")
    nx.write_graphml(g, path)
    g = nx.read_graphml(path)  # as the file says, with string ids
    nodes = list(g.nodes())
    es = nx.effective_size(g)
    cols = {
        "degree": nx.degree_centrality(g),
        "betweenness": nx.betweenness_centrality(g),
        "closeness": nx.closeness_centrality(g),
        "harmonic": nx.harmonic_centrality(g),
        "eigenvector": nx.eigenvector_centrality(g),
        "pagerank": _pagerank_python(g),
        "katz": nx.katz_centrality(g),
        "core": nx.core_number(g),
        "clustering": nx.clustering(g),
        "constraint": nx.constraint(g),
        "effective_size": es,
        "efficiency": {v: es[v] / g.degree(v) for v in nodes},
        "hierarchy": {v: hierarchy(g, v) for v in nodes},
    }
    with open(os.path.join(HERE, "karate_expected.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id"] + list(cols))
        for v in nodes:
            w.writerow([v] + [repr(float(cols[c][v])) for c in cols])


if __name__ == "__main__":
    main()
