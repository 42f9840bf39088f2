"""NetworkX reference values for examples/krebs911 (Krebs 2002, the 9/11 network).

Regenerate (from the repository root) with:

    python3 testdata/reference/krebs911.py

It writes testdata/reference/krebs911.json. Standard library and networkx only
(made with networkx 3.6.1 on Python 3.11, pure-Python code paths); the output
is deterministic (integer nodes in nodes.csv row order, sorted keys, floats in
repr form).

Graphs (undirected, simple, unweighted: the parallel records of a pair are one
edge, the strength and level codes are ignored; no self-loops occur):

  krebs62  the actors of testdata/krebs-911/nodes.csv with in_krebs62 = true
           (the 62-node main component of the SNA4Startups edge list, which is
           Krebs' network), with all their edges;
  all68    every actor of nodes.csv (68 actors in 3 components).

For each: n, m, and per actor ID (nodes.id) degree_centrality,
betweenness_centrality (normalized, 2/((n-1)(n-2))) and closeness_centrality
(wf_improved=True, which changes nothing on the connected krebs62). For
krebs62 also the network-level figures of Penzar & Srbljinovic (2005): mean
closeness, mean betweenness, and the numbers of actors with betweenness below
0.01 and above 0.10.
"""
import csv
import json
import os

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(os.path.dirname(HERE), "krebs-911")


def graph(keep):
    with open(os.path.join(DATA, "nodes.csv")) as f:
        rows = [r for r in csv.DictReader(f) if keep(r)]
    ids = [r["id"] for r in rows]
    index = {a: i for i, a in enumerate(ids)}
    g = nx.Graph()
    g.add_nodes_from(range(len(ids)))
    with open(os.path.join(DATA, "edges.csv")) as f:
        for r in csv.DictReader(f):
            if r["source"] in index and r["target"] in index and r["source"] != r["target"]:
                g.add_edge(index[r["source"]], index[r["target"]])
    return g, ids


def measures(g, ids):
    deg = nx.degree_centrality(g)
    btw = nx.betweenness_centrality(g, normalized=True)
    clo = nx.closeness_centrality(g, wf_improved=True)
    out = {"n": g.number_of_nodes(), "m": g.number_of_edges()}
    for name, d in (("degree", deg), ("betweenness", btw), ("closeness", clo)):
        out[name] = {ids[v]: d[v] for v in g}
    return out, btw, clo


def main():
    g62, ids62 = graph(lambda r: r["in_krebs62"] == "true")
    g68, ids68 = graph(lambda r: True)
    k62, btw, clo = measures(g62, ids62)
    k62["mean_closeness"] = sum(clo.values()) / len(clo)
    k62["mean_betweenness"] = sum(btw.values()) / len(btw)
    k62["betweenness_below_0.01"] = sum(1 for v in btw.values() if v < 0.01)
    k62["betweenness_above_0.10"] = sum(1 for v in btw.values() if v > 0.10)
    a68, _, _ = measures(g68, ids68)
    out = {
        "networkx": nx.__version__,
        "notes": __doc__[__doc__.index("Graphs ("):].strip(),
        "krebs62": k62,
        "all68": a68,
    }
    with open(os.path.join(HERE, "krebs911.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
