"""Reference values for the group analyses of network/analysis (groups.go).

Regenerate (from the repository root) with:

    python3 testdata/reference/groups_reference.py

Made with NetworkX 3.6.1. Reads the shipped datasets testdata/rhodes-n17,
testdata/krebs-911 and testdata/caviar (nodes.csv, edges.csv) and a toy
directed graph defined below, and writes groups_reference.json beside this
script. Actors are numbered in nodes.csv row order, as the Go tests read
the files (netio.ReadEdgeList); every edges.csv row is one link.

A case's graph is built as the Go view builds it, with self-links dropped:

  - "directed": arcs from source to target (caviar only; the datasets read
    undirected have every link both ways), else one undirected tie per pair;
  - "weights": "unweighted" (weight 1 per tie), "count" (the number of links
    joining the pair, in either direction if undirected) or "sum" (the sum
    of their weights).

A case's partition is the nodes.csv column "key" as text, actors with an
empty cell taking the label "missing" (null: every actor has a value).

Sections of the JSON:

  modularity  nx.community.modularity(G, partition, weight="weight",
              resolution=r) of the partition on the undirected graph, with
              its number of ties and total weight m; "layer" (if set)
              restricts the links to those of that layer (edges.csv column
              "layer", the link type);
  louvain     the modularity of nx.community.louvain_communities(G,
              weight="weight", resolution=r, seed=s) and its number of
              communities;
  ei          the Krackhardt-Stern E-I index (E - I) / (E + I) computed by
              hand: E and I are the summed weights of ties between and
              within groups, each undirected tie or arc once; per group
              (ties with one or both ends inside) and per actor (its ties;
              in- and out-arcs if directed); NaN (written null) if E + I = 0;
  brokerage   Gould-Fernandez role counts by enumeration of every two-path
              a -> v -> c (a, v, c distinct, no arc a -> c; an undirected
              tie is two arcs), columns coordinator, itinerant,
              representative, gatekeeper, liaison, total;
  toy         the toy graph of the brokerage case "toy": actors with their
              "team" attribute and links (from, to, mutual).
"""
import csv
import json
import math
import os
from collections import defaultdict

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)  # testdata/

RESOLUTIONS = [1.0, 0.5, 2.0]
SEEDS = [1, 2, 3]

# Toy directed graph for brokerage: 10 actors in three teams, with one-way
# arcs, reciprocated pairs (a Mutual link, and two opposite links), closed
# triads (whose two-paths are not brokered) and every role present.
TOY_ACTORS = [("a1", "red"), ("a2", "red"), ("a3", "red"), ("b1", "blue"), ("b2", "blue"),
              ("b3", "blue"), ("b4", "blue"), ("c1", "green"), ("c2", "green"), ("c3", "green")]
TOY_LINKS = [("a1", "a2", False), ("a2", "a3", False), ("a1", "a3", False),  # closed: a1->a2->a3
             ("a3", "b1", False), ("b1", "b2", True), ("b2", "b3", False), ("b3", "b1", False),
             ("b2", "c1", False), ("c1", "c2", False), ("c2", "c3", False), ("c3", "a1", False),
             ("a2", "b4", False), ("b4", "a2", False), ("b4", "c2", False), ("c2", "b4", False),
             ("c1", "a3", False), ("b3", "a2", False), ("a3", "c3", False), ("c3", "b2", False)]


def read_dataset(folder):
    with open(os.path.join(ROOT, folder, "nodes.csv")) as f:
        nodes = list(csv.DictReader(f))
    with open(os.path.join(ROOT, folder, "edges.csv")) as f:
        edges = list(csv.DictReader(f))
    return nodes, edges


def links_of(folder):
    """(ids, attribute rows, links as (u, v, weight, layer)) with u, v indices."""
    nodes, edges = read_dataset(folder)
    ids = [r["id"] for r in nodes]
    index = {a: i for i, a in enumerate(ids)}
    links = []
    for r in edges:
        w = float(r["weight"]) if r.get("weight", "") != "" else 1.0
        links.append((index[r["source"]], index[r["target"]], w, r.get("layer", "")))
    return ids, nodes, links


def build(n, links, directed, weights, layer=None):
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(range(n))
    acc = defaultdict(float)
    for u, v, w, lay in links:
        if u == v or (layer is not None and lay != layer):
            continue
        key = (u, v) if directed else (min(u, v), max(u, v))
        acc[key] += {"unweighted": 0.0, "count": 1.0, "sum": w}[weights]
    for (u, v), w in acc.items():
        g.add_edge(u, v, weight=1.0 if weights == "unweighted" else w)
    return g


def labels(nodes, key, missing):
    out = []
    for r in nodes:
        v = r[key]
        if v == "":
            if missing is None:
                raise ValueError("%s: actor %s has no %s" % (key, r["id"], key))
            v = missing
        out.append(v)
    return out


def partition(lab):
    """Groups as sets of node indices, in order of first appearance."""
    order, members = [], {}
    for i, l in enumerate(lab):
        if l not in members:
            order.append(l)
            members[l] = set()
        members[l].add(i)
    return order, [members[l] for l in order]


def num(x):
    return None if math.isnan(x) else x


def ei_ratio(e, i):
    return float("nan") if e + i == 0 else (e - i) / (e + i)


def ei(g, lab):
    order, _ = partition(lab)
    gi = {l: k for k, l in enumerate(order)}
    E = I = 0.0
    ge, gin = [0.0] * len(order), [0.0] * len(order)
    ne, nin = [0.0] * g.number_of_nodes(), [0.0] * g.number_of_nodes()
    for u, v, d in g.edges(data=True):
        w = d["weight"]
        if lab[u] == lab[v]:
            I += w
            gin[gi[lab[u]]] += w
            nin[u] += w
            nin[v] += w
        else:
            E += w
            ge[gi[lab[u]]] += w
            ge[gi[lab[v]]] += w
            ne[u] += w
            ne[v] += w
    sizes = [lab.count(l) for l in order]
    return {
        "external": E, "internal": I, "index": num(ei_ratio(E, I)),
        "groups": [{"name": l, "size": sizes[k], "external": ge[k], "internal": gin[k],
                    "index": num(ei_ratio(ge[k], gin[k]))} for k, l in enumerate(order)],
        "actor_external": ne, "actor_internal": nin,
        "actor_index": [num(ei_ratio(ne[i], nin[i])) for i in range(len(ne))],
    }


def brokerage_counts(n, arcs, lab):
    out = [[0] * 6 for _ in range(n)]
    succ = defaultdict(set)
    for u, v in arcs:
        succ[u].add(v)
    for a in range(n):
        for v in succ[a]:
            for c in succ[v]:
                if c == a or c in succ[a] or v in (a, c):
                    continue
                la, lv, lc = lab[a], lab[v], lab[c]
                if la == lv == lc:
                    role = 0  # coordinator
                elif la == lc:
                    role = 1  # itinerant
                elif la == lv:
                    role = 2  # representative
                elif lv == lc:
                    role = 3  # gatekeeper
                else:
                    role = 4  # liaison
                out[v][role] += 1
                out[v][5] += 1
    return out


def arcs_of(links, directed):
    arcs = set()
    for u, v, _, _ in links:
        if u == v:
            continue
        arcs.add((u, v))
        if not directed:
            arcs.add((v, u))
    return sorted(arcs)


# Cases: (dataset, read directed, key, missing label).
PARTITIONS = [
    ("rhodes-n17", False, "Faction", ""),
    ("krebs-911", False, "hijacker", None),
    ("krebs-911", False, "flight", ""),
    ("caviar", True, "first_phase", ""),
]


def main():
    out = {"modularity": [], "louvain": [], "ei": [], "brokerage": []}
    for folder, read_directed, key, missing in PARTITIONS:
        ids, nodes, links = links_of(folder)
        n = len(ids)
        lab = labels(nodes, key, missing)
        order, parts = partition(lab)
        name = "%s/%s" % (folder, key)
        weightings = ["unweighted", "count"] + (["sum"] if folder == "caviar" else [])
        layers = sorted({l[3] for l in links}, key=lambda s: [x[3] for x in links].index(s)) if folder == "caviar" else []
        for weights in weightings:
            u = build(n, links, False, weights)
            for r in RESOLUTIONS:
                out["modularity"].append({
                    "case": name, "dataset": folder, "key": key, "missing": missing, "weights": weights,
                    "layer": None, "resolution": r, "ties": u.number_of_edges(), "m": u.size(weight="weight"),
                    "modularity": nx.community.modularity(u, parts, weight="weight", resolution=r)})
            for layer in layers:
                ul = build(n, links, False, weights, layer)
                out["modularity"].append({
                    "case": name, "dataset": folder, "key": key, "missing": missing, "weights": weights,
                    "layer": layer, "resolution": 1.0, "ties": ul.number_of_edges(), "m": ul.size(weight="weight"),
                    "modularity": nx.community.modularity(ul, parts, weight="weight", resolution=1.0)})
            if key in ("Faction", "hijacker", "first_phase"):  # one Louvain run per graph
                for r in RESOLUTIONS:
                    for s in SEEDS:
                        c = nx.community.louvain_communities(u, weight="weight", resolution=r, seed=s)
                        out["louvain"].append({
                            "dataset": folder, "weights": weights, "resolution": r, "seed": s, "communities": len(c),
                            "modularity": nx.community.modularity(u, c, weight="weight", resolution=r)})
            for directed in ([False, True] if read_directed else [False]):
                g = build(n, links, directed, weights)
                e = ei(g, lab)
                e.update({"case": name, "dataset": folder, "key": key, "missing": missing,
                          "directed": directed, "weights": weights, "actors": ids})
                out["ei"].append(e)
        for directed in ([False, True] if read_directed else [False]):
            out["brokerage"].append({
                "case": name, "dataset": folder, "key": key, "missing": missing, "directed": directed,
                "actors": ids, "raw": brokerage_counts(n, arcs_of(links, directed), lab)})
    # The toy graph.
    tid = [a for a, _ in TOY_ACTORS]
    tix = {a: i for i, a in enumerate(tid)}
    tlab = [t for _, t in TOY_ACTORS]
    arcs = set()
    for f, t, mutual in TOY_LINKS:
        arcs.add((tix[f], tix[t]))
        if mutual:
            arcs.add((tix[t], tix[f]))
    out["brokerage"].append({"case": "toy/team", "dataset": "toy", "key": "team", "missing": None, "directed": True,
                             "actors": tid, "raw": brokerage_counts(len(tid), sorted(arcs), tlab)})
    out["toy"] = {"actors": [list(a) for a in TOY_ACTORS], "links": [list(l) for l in TOY_LINKS]}
    out["note"] = ("NetworkX %s; see groups_reference.py for the definitions. Actors in nodes.csv row order; "
                   "NaN written as null." % nx.__version__)
    with open(os.path.join(HERE, "groups_reference.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True, allow_nan=False)
        f.write("\n")
    for m in out["modularity"]:
        if m["layer"] is None and m["resolution"] == 1.0:
            print("%-24s %-10s Q=%.6f" % (m["case"], m["weights"], m["modularity"]))
    for b in out["brokerage"]:
        print("%-24s directed=%-5s total brokerage %d" % (b["case"], b["directed"], sum(r[5] for r in b["raw"])))


if __name__ == "__main__":
    main()
