"""Shared loaders for the reference-value scripts in this folder.

Graphs are numbered the way the Go tests number them:
  - generated graphs (graphs/NAME.json): nodes 0..n-1;
  - datasets: the actor order of the file the Go test loads, i.e. the row
    order of nodes.csv (edge lists) or the label order (UCINET DL).
Every loader returns (G, ids) where ids[i] is the actor ID of node i and G's
nodes are 0..n-1. Reference JSON files store per-node values as lists in that
order.
"""
import csv
import json
import os

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)  # testdata/

GENERATED = ["er_60", "ba_100", "dir_er_50", "weighted_er_40", "weighted_dir_40", "disconnected_70", "dir_ba_200"]
DATASETS = ["krebs-911", "caviar", "caviar-undirected", "florentine", "rhodes-n17"]


def load_generated(name):
    with open(os.path.join(HERE, "graphs", name + ".json")) as f:
        spec = json.load(f)
    g = nx.DiGraph() if spec["directed"] else nx.Graph()
    g.add_nodes_from(range(spec["n"]))
    for u, v, w in spec["edges"]:
        if spec["weighted"]:
            g.add_edge(u, v, weight=w)
        else:
            g.add_edge(u, v)
    return g, [str(i) for i in range(spec["n"])], spec["weighted"]


def _edge_list(folder, directed):
    with open(os.path.join(ROOT, folder, "nodes.csv")) as f:
        ids = [row["id"] for row in csv.DictReader(f)]
    index = {a: i for i, a in enumerate(ids)}
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(range(len(ids)))
    with open(os.path.join(ROOT, folder, "edges.csv")) as f:
        for row in csv.DictReader(f):
            u, v = index[row["source"]], index[row["target"]]
            if u != v:
                g.add_edge(u, v)
    return g, ids


def _florentine():
    """Parse the UCINET fullmatrix file testdata/dl/florentine_marriage.dl."""
    with open(os.path.join(ROOT, "dl", "florentine_marriage.dl")) as f:
        text = f.read()
    head, data = text.split("DATA:", 1)
    labels_part = head.split("LABELS:", 1)[1]
    ids = [x.strip().strip('"') for x in labels_part.replace("\n", ",").split(",") if x.strip()]
    rows = [r.split() for r in data.strip().splitlines() if r.strip()]
    g = nx.Graph()
    g.add_nodes_from(range(len(ids)))
    for i, r in enumerate(rows):
        for j, x in enumerate(r):
            if float(x) != 0 and i != j:
                g.add_edge(i, j)
    return g, ids


def load_dataset(name):
    """Unweighted, simple graph of a shipped dataset, as the Go tests build it."""
    if name == "krebs-911":
        return _edge_list("krebs-911", False)
    if name == "caviar":
        return _edge_list("caviar", True)
    if name == "caviar-undirected":
        return _edge_list("caviar", False)
    if name == "florentine":
        return _florentine()
    if name == "rhodes-n17":
        return _edge_list("rhodes-n17", False)
    raise KeyError(name)


def all_graphs():
    """Yield (name, G, ids, weighted) for every reference graph."""
    for name in GENERATED:
        g, ids, w = load_generated(name)
        yield name, g, ids, w
    for name in DATASETS:
        g, ids = load_dataset(name)
        yield name, g, ids, False


def dump(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=1, sort_keys=True)
        f.write("\n")
