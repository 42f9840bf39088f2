"""Reference values for the general measures of network/measure
(degree.go, spectral.go, cohesion.go, clustering.go).

Regenerate (from the repository root) with:

    python3 testdata/reference/general.py

Uses NetworkX 3.6.1 (pure Python, no NumPy/SciPy) on every graph of
refcommon.all_graphs() and writes testdata/reference/general.json: graph
name -> measure -> value, per-node lists in the node order of
refcommon.all_graphs(). Weighted graphs use weight="weight" wherever the
measure takes a weight, the others weight=None. Floats are written at full
precision (repr).

Measures:
- degree, in_degree, out_degree: degree_centrality, in_/out_degree_centrality
  (the in/out ones for directed graphs only).
- strength, in_strength, out_strength: G.degree(weight="weight") (and
  G.in_degree/out_degree) -- weighted graphs only.
- eigenvector: eigenvector_centrality(G, max_iter=10000, tol=1e-12, weight);
  null when NetworkX raises PowerIterationFailedConvergence.
- eigenvector_lcc: the same on the largest (weakly) connected component,
  for undirected graphs with more than one component; null outside it.
- pagerank: _pagerank_python(G, alpha=0.85, tol=1e-12, max_iter=1000,
  weight="weight") (edges without a weight attribute weigh 1).
- pagerank_personalized (krebs-911 and dir_er_50 only): the same with
  personalization {i: i % 3} (stored as "personalization").
- katz: katz_centrality(G, alpha=katz_alpha, beta=1, tol=1e-12,
  max_iter=10000, normalized=True, weight), katz_alpha = 0.05, or
  0.5 / (largest weighted in-degree) when that is smaller (so that
  alpha < 1/lambda_max).
- core_number: core_number(G).
- components: connected_components (weakly_connected_components for
  directed graphs), each sorted, ordered by smallest member.
- scc: strongly_connected_components (directed graphs only), same order.
- articulation_points, bridges: on G.to_undirected() for directed graphs;
  sorted (bridges as sorted [u, v] pairs with u < v).
- clustering: clustering(G) (weight=None; Fagiolo's directed definition for
  directed graphs), and average_clustering(G).
- clustering_weighted (weighted graphs only): clustering(G, weight="weight").
  NetworkX's weighted triangle code calls numpy.cbrt(list).sum(), and NumPy
  is not installed here, so a minimal stand-in module (math.cbrt and a plain
  sum) is put in sys.modules["numpy"] for that call only.
"""
import math
import os
import sys
import types

import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

import refcommon


def sorted_parts(parts):
    return sorted((sorted(p) for p in parts), key=lambda p: p[0])


def vec(G, d):
    return [d[v] for v in range(G.number_of_nodes())]


class _CbrtArray(list):
    def sum(self):
        return float(sum(self))


def clustering_weighted(G):
    """clustering(G, weight="weight") with a stand-in for numpy.cbrt."""
    fake = types.ModuleType("numpy")
    fake.cbrt = lambda xs: _CbrtArray(math.cbrt(x) for x in xs)
    saved = sys.modules.get("numpy")
    sys.modules["numpy"] = fake
    try:
        return nx.clustering(G, weight="weight")
    finally:
        if saved is None:
            del sys.modules["numpy"]
        else:
            sys.modules["numpy"] = saved


def main():
    out = {}
    for name, G, ids, weighted in refcommon.all_graphs():
        n = G.number_of_nodes()
        w = "weight" if weighted else None
        r = {"ids": ids, "directed": G.is_directed(), "weighted": weighted}
        r["degree"] = vec(G, nx.degree_centrality(G))
        if G.is_directed():
            r["in_degree"] = vec(G, nx.in_degree_centrality(G))
            r["out_degree"] = vec(G, nx.out_degree_centrality(G))
        if weighted:
            r["strength"] = vec(G, dict(G.degree(weight="weight")))
            if G.is_directed():
                r["in_strength"] = vec(G, dict(G.in_degree(weight="weight")))
                r["out_strength"] = vec(G, dict(G.out_degree(weight="weight")))
        try:
            r["eigenvector"] = vec(G, nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12, weight=w))
        except nx.PowerIterationFailedConvergence:
            r["eigenvector"] = None
        if not G.is_directed() and nx.number_connected_components(G) > 1:
            lcc = max(nx.connected_components(G), key=len)
            ev = nx.eigenvector_centrality(G.subgraph(lcc), max_iter=10000, tol=1e-12, weight=w)
            r["eigenvector_lcc"] = [ev.get(v) for v in range(n)]
        r["pagerank"] = vec(G, _pagerank_python(G, alpha=0.85, tol=1e-12, max_iter=1000, weight="weight"))
        if name in ("krebs-911", "dir_er_50"):
            pers = {i: i % 3 for i in range(n)}
            r["personalization"] = vec(G, pers)
            r["pagerank_personalized"] = vec(
                G, _pagerank_python(G, alpha=0.85, personalization=pers, tol=1e-12, max_iter=1000, weight="weight"))
        maxin = max(d for _, d in (G.in_degree(weight=w) if G.is_directed() else G.degree(weight=w)))
        alpha = 0.05 if 0.05 * maxin < 0.5 else 0.5 / maxin
        r["katz_alpha"] = alpha
        r["katz"] = vec(G, nx.katz_centrality(G, alpha=alpha, beta=1.0, max_iter=10000, tol=1e-12,
                                              normalized=True, weight=w))
        r["core_number"] = vec(G, nx.core_number(G))
        if G.is_directed():
            r["components"] = sorted_parts(nx.weakly_connected_components(G))
            r["scc"] = sorted_parts(nx.strongly_connected_components(G))
        else:
            r["components"] = sorted_parts(nx.connected_components(G))
        U = G.to_undirected() if G.is_directed() else G
        r["articulation_points"] = sorted(nx.articulation_points(U))
        r["bridges"] = sorted(sorted(e) for e in nx.bridges(U))
        r["clustering"] = vec(G, nx.clustering(G))
        r["average_clustering"] = nx.average_clustering(G)
        if weighted:
            r["clustering_weighted"] = vec(G, clustering_weighted(G))
        out[name] = r
    refcommon.dump(os.path.join(refcommon.HERE, "general.json"), out)


if __name__ == "__main__":
    main()
