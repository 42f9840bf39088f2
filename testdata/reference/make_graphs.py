"""Generate the small test graphs that the measure tests compare against NetworkX.

Regenerate (from the repository root) with:

    python3 testdata/reference/make_graphs.py

Each graph is written to testdata/reference/graphs/NAME.json as
{"name", "directed", "weighted", "n", "edges": [[u, v, w], ...], "generator"}
with nodes 0..n-1 (isolates included through n). The graphs come from
NetworkX's seeded generators (networkx 3.6.1, pure Python), so they are the
same on every machine. Scripts that compute reference values read these files
back with refcommon.load_generated().
"""
import json
import os
import random

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "graphs")


def weighted(g, seed, lo=1, hi=5):
    rng = random.Random(seed)
    for u, v in sorted(g.edges()):
        g[u][v]["weight"] = rng.randint(lo, hi)
    return g


def disconnected():
    parts = [nx.gnp_random_graph(30, 0.1, seed=6), nx.gnp_random_graph(25, 0.12, seed=7), nx.path_graph(5)]
    g = nx.disjoint_union_all(parts)
    g.add_nodes_from(range(g.number_of_nodes(), g.number_of_nodes() + 10))  # isolates
    return g


GRAPHS = {
    "er_60": ("gnp_random_graph(60, 0.08, seed=1)", lambda: nx.gnp_random_graph(60, 0.08, seed=1)),
    "ba_100": ("barabasi_albert_graph(100, 3, seed=2)", lambda: nx.barabasi_albert_graph(100, 3, seed=2)),
    "dir_er_50": ("gnp_random_graph(50, 0.06, seed=3, directed=True)",
                  lambda: nx.gnp_random_graph(50, 0.06, seed=3, directed=True)),
    "weighted_er_40": ("gnp_random_graph(40, 0.15, seed=4), integer weights 1-5 (random.Random(5))",
                       lambda: weighted(nx.gnp_random_graph(40, 0.15, seed=4), 5)),
    "weighted_dir_40": ("gnp_random_graph(40, 0.1, seed=8, directed=True), integer weights 1-5 (random.Random(9))",
                        lambda: weighted(nx.gnp_random_graph(40, 0.1, seed=8, directed=True), 9)),
    "disconnected_70": ("disjoint union of gnp(30, 0.1, seed=6), gnp(25, 0.12, seed=7), path_graph(5) and 10 isolates",
                        disconnected),
    "dir_ba_200": ("barabasi_albert_graph(200, 2, seed=10), each edge oriented at random (random.Random(11))",
                   lambda: oriented(nx.barabasi_albert_graph(200, 2, seed=10), 11)),
}


def oriented(g, seed):
    rng = random.Random(seed)
    d = nx.DiGraph()
    d.add_nodes_from(g.nodes())
    for u, v in sorted(g.edges()):
        if rng.random() < 0.5:
            d.add_edge(u, v)
        else:
            d.add_edge(v, u)
        if rng.random() < 0.1:  # some reciprocated ties
            d.add_edge(v, u)
    return d


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, (desc, make) in GRAPHS.items():
        g = make()
        is_weighted = any("weight" in d for _, _, d in g.edges(data=True))
        edges = [[u, v, d.get("weight", 1)] for u, v, d in sorted(g.edges(data=True))]
        spec = {"name": name, "generator": "networkx %s: %s" % (nx.__version__, desc),
                "directed": g.is_directed(), "weighted": is_weighted,
                "n": g.number_of_nodes(), "edges": edges}
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(spec, f, indent=None, separators=(",", ":"))
            f.write("\n")
        print(name, spec["n"], len(edges))


if __name__ == "__main__":
    main()
