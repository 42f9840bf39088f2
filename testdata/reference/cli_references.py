"""NetworkX reference values for the command-line tests on bundled datasets.

Regenerate (from the repository root) with:

    python3 testdata/reference/cli_references.py

It writes testdata/reference/cli_references.json. It needs only the Python
standard library and networkx (values were made with networkx 3.6.1 on
Python 3.11, no NumPy/SciPy). The datasets are read from the testdata/
folder that holds this script's folder, so it runs from any directory.

The output is deterministic (the same bytes on every run): graphs are built
on integer nodes 0..n-1 in the row order of nodes.csv, so no result depends
on string hashing; the pure-Python code paths of NetworkX are used even if
SciPy is installed; the JSON has sorted keys; and floats are written with
Python's repr (shortest round-trip form).

Contents (see the "notes" entry of each item in the JSON):

  caviar_phase1   CAVIAR (Morselli 2009), rows of edges.csv with
                  layer == "phase1", as an undirected, simple, unweighted
                  graph (arcs symmetrized, weights ignored, self-loops
                  dropped), in two conventions:
                    all_actors     every actor of nodes.csv is a node (the
                                   actors without a phase-1 link are
                                   isolates): the command line's view of
                                   a scope keeps all actors;
                    phase1_actors  only the actors that appear in a
                                   phase-1 row.
                  Measures: degree, betweenness (normalized), closeness
                  (Wasserman-Faust scaling), harmonic, eigenvector
                  (max_iter=100, tol=1e-6), PageRank (alpha=0.85,
                  tol=1e-6, max_iter=100), core number, clustering, Burt's
                  constraint and effective size.
  mafia_infinito  Calderoni et al. (2017) persons x summits: NetworkX's
                  bipartite.weighted_projected_graph onto the persons.
  krebs_911       Krebs (2002) as the SNA4Startups edge list: parallel
                  records of a pair summed into one strength; weighted
                  degree and betweenness with distance 1/strength.
"""
import csv
import json
import math
import os
from fractions import Fraction

import networkx as nx
from networkx.algorithms import bipartite
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)  # testdata/
OUT = os.path.join(HERE, "cli_references.json")


def read_csv(folder, name):
    with open(os.path.join(ROOT, folder, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def node_table(folder):
    """Rows of nodes.csv, the list of ids in row order and id -> position."""
    rows = read_csv(folder, "nodes.csv")
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        raise ValueError(folder + "/nodes.csv: duplicate ids")
    return rows, ids, {a: i for i, a in enumerate(ids)}


def clean(x):
    """A measure value as a JSON float; NaN (undefined) becomes null."""
    x = float(x)
    return None if math.isnan(x) else x


def keyed(ids, values):
    """{node position: value} -> {id: float or null}."""
    return {ids[i]: clean(v) for i, v in values.items()}


def try_measure(fn):
    """(values, None) or (None, "ExceptionType: message")."""
    try:
        return fn(), None
    except nx.NetworkXException as e:
        return None, "%s: %s" % (type(e).__name__, e)


# ---------------------------------------------------------------- CAVIAR

def caviar_measures(g, ids):
    nodes = list(g)  # passing nodes= forces networkx's pure-Python code path
    out = {
        "degree": keyed(ids, nx.degree_centrality(g)),
        "betweenness": keyed(ids, nx.betweenness_centrality(g, normalized=True)),
        "closeness": keyed(ids, nx.closeness_centrality(g)),
        "harmonic": keyed(ids, nx.harmonic_centrality(g)),
        "core_number": keyed(ids, nx.core_number(g)),
        "clustering": keyed(ids, nx.clustering(g)),
        "constraint": keyed(ids, nx.constraint(g, nodes=nodes)),
        "effective_size": keyed(ids, nx.effective_size(g, nodes=nodes)),
    }
    errors = {}
    ev, err = try_measure(lambda: nx.eigenvector_centrality(g, max_iter=100, tol=1e-6))
    out["eigenvector"] = None if ev is None else keyed(ids, ev)
    if err:
        errors["eigenvector"] = err
    pr, err = try_measure(lambda: _pagerank_python(g, alpha=0.85, max_iter=100, tol=1e-6))
    out["pagerank"] = None if pr is None else keyed(ids, pr)
    if err:
        errors["pagerank"] = err
    return out, errors


def caviar_phase1():
    _, ids, pos = node_table("caviar")
    pairs = set()
    rows = 0
    for r in read_csv("caviar", "edges.csv"):
        if r["layer"] != "phase1":
            continue
        rows += 1
        u, v = pos[r["source"]], pos[r["target"]]
        if u != v:
            pairs.add((min(u, v), max(u, v)))
    pairs = sorted(pairs)

    result = {}
    full = nx.Graph()
    full.add_nodes_from(range(len(ids)))
    full.add_edges_from(pairs)
    present = sorted({u for p in pairs for u in p})
    sub = nx.Graph()
    sub.add_nodes_from(present)
    sub.add_edges_from(pairs)
    for key, g in (("all_actors", full), ("phase1_actors", sub)):
        measures, errors = caviar_measures(g, ids)
        result[key] = {
            "n": g.number_of_nodes(),
            "m": g.number_of_edges(),
            "isolates": nx.number_of_isolates(g),
            "components": nx.number_connected_components(g),
            "nodes": [ids[i] for i in g],
            "measures": measures,
            "errors": errors,
        }
    result["phase1_rows"] = rows
    result["notes"] = (
        "testdata/caviar/edges.csv rows with layer == phase1 (one arc per row), "
        "symmetrized into an undirected simple unweighted graph (weights ignored, "
        "self-loops dropped). all_actors: every actor of nodes.csv is a node, "
        "those without a phase-1 link isolated; phase1_actors: only the actors "
        "in phase-1 rows. Values keyed by nodes.id. networkx 3.6.1: "
        "degree_centrality; betweenness_centrality(normalized=True); "
        "closeness_centrality (wf_improved=True); harmonic_centrality (not "
        "normalized: sum of 1/d); eigenvector_centrality(max_iter=100, tol=1e-6) "
        "(null with the exception in errors if it does not converge; NetworkX "
        "iterates x <- (A + I) x from a uniform start and stops when the L1 change "
        "< n*tol, so values are that iterate, accurate to about 1e-6, and actors "
        "without a link get a tiny positive value, not 0); pagerank "
        "alpha=0.85, tol=1e-6, max_iter=100 by networkx's pure-Python power "
        "iteration (pagerank_alg._pagerank_python: uniform start, dangling "
        "nodes spread uniformly, stop when the L1 change < n*tol), so values are "
        "that iterate, not the exact fixed point; core_number; clustering; "
        "constraint and effective_size (Burt), null for isolates (NetworkX "
        "gives NaN, undefined). All values are floats."
    )
    return result


# -------------------------------------------------------- mafia-infinito

def mafia_infinito():
    rows, ids, pos = node_table("mafia-infinito")
    types = sorted({r["type"] for r in rows})
    persons = [i for i, r in enumerate(rows) if r["type"] == "person"]
    b = nx.Graph()
    for i, r in enumerate(rows):
        b.add_node(i, bipartite=0 if r["type"] == "person" else 1)
    records = 0
    for r in read_csv("mafia-infinito", "edges.csv"):
        records += 1
        u, v = pos[r["source"]], pos[r["target"]]
        if (rows[u]["type"] == "person") == (rows[v]["type"] == "person"):
            raise ValueError("mafia-infinito: edge %s-%s within one mode" % (r["source"], r["target"]))
        b.add_edge(u, v)
    p = bipartite.weighted_projected_graph(b, persons)
    edges = sorted((min(u, v), max(u, v), d["weight"]) for u, v, d in p.edges(data=True))
    return {
        "type_values": types,
        "persons": [ids[i] for i in persons],
        "person_count": len(persons),
        "event_count": len(rows) - len(persons),
        "attendance_rows": records,
        "edge_count": len(edges),
        "isolated_persons": [ids[i] for i in persons if p.degree(i) == 0],
        "max_weight": max(w for _, _, w in edges),
        "total_weight": sum(w for _, _, w in edges),
        "edges": [[ids[u], ids[v], w] for u, v, w in edges],
        "notes": (
            "testdata/mafia-infinito: two-mode graph persons x summits, node "
            "attribute type = person or event, edges person -> event (455 "
            "attendances). networkx 3.6.1 "
            "bipartite.weighted_projected_graph(B, persons) with the persons in "
            "nodes.csv order: edges [u, v, weight] with u before v in nodes.csv "
            "order, sorted by (u, v) in that order; weight = number of summits "
            "both attended. Ids are strings; weights are integers."
        ),
    }


# ------------------------------------------------------------- krebs-911

def krebs_911():
    rows, ids, pos = node_table("krebs-911")
    strength = {}
    records = {}
    exact = {}
    for r in read_csv("krebs-911", "edges.csv"):
        u, v = pos[r["source"]], pos[r["target"]]
        if u == v:
            continue
        key = (min(u, v), max(u, v))
        s = int(r["strength"])
        strength[key] = strength.get(key, 0) + s
        records[key] = records.get(key, 0) + 1
    g = nx.Graph()
    g.add_nodes_from(range(len(ids)))
    for (u, v), s in sorted(strength.items()):
        g.add_edge(u, v, weight=s, distance=1.0 / s)
        exact[(u, v)] = Fraction(1, s)
    wdeg = dict(g.degree(weight="weight"))
    btw = nx.betweenness_centrality(g, weight="distance", normalized=True)

    # Same betweenness with exact rational distances: if the float run met a
    # near-tie of path lengths that rounding broke, the two would differ.
    ge = nx.Graph()
    ge.add_nodes_from(range(len(ids)))
    for (u, v), d in exact.items():
        ge.add_edge(u, v, distance=d)
    btw_exact = nx.betweenness_centrality(ge, weight="distance", normalized=True)
    max_diff = max(abs(float(btw_exact[i]) - btw[i]) for i in g)

    return {
        "records": sum(records.values()),
        "pairs": len(strength),
        "pairs_with_parallel_records": sum(1 for c in records.values() if c > 1),
        "pair_strength": [[ids[u], ids[v], s] for (u, v), s in sorted(strength.items())],
        "strength": keyed(ids, wdeg),
        "betweenness": keyed(ids, btw),
        "betweenness_exact": keyed(ids, {i: float(x) for i, x in btw_exact.items()}),
        "betweenness_float_vs_exact_max_abs_diff": max_diff,
        "notes": (
            "testdata/krebs-911: undirected; each row of edges.csv is one tie "
            "record (source, target, strength, level). Records of the same "
            "unordered pair are combined by SUMMING their strength values (level "
            "ignored), giving one edge per pair with weight = summed strength "
            "(pair_strength: [u, v, summed strength], u before v in nodes.csv "
            "order). strength = weighted degree, the sum of the summed pair "
            "weights at a node (networkx degree(weight='weight')). betweenness = "
            "betweenness_centrality(G, weight=distance, normalized=True) with "
            "distance = 1.0/summed strength as a float64, path lengths summed "
            "from the source and compared exactly, as NetworkX and Brandes' "
            "algorithm on floats do. betweenness_exact: the same with exact "
            "rational distances (fractions.Fraction), so that paths of "
            "mathematically equal length always tie (e.g. 1/6 + 1/6 + 1/5 + 1/5 and 1/5 + 1/5 + 1/6 + 1/6, both 11/15, are 0.7333333333333334 and 0.7333333333333333 in floats). The "
            "two differ (betweenness_float_vs_exact_max_abs_diff): on these data "
            "some equal-length shortest paths do not tie in floating point, so an "
            "implementation matches betweenness only if it sums the same floats in "
            "the same order and compares exactly, and matches betweenness_exact "
            "only if it compares path lengths exactly (or with a tolerance that "
            "catches these ties). Keyed by nodes.id."
        ),
    }


# ----------------------------------------------------------------- output

def dump(obj, indent=0):
    """JSON text with sorted keys; lists of scalars on one line."""
    pad = " " * indent
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [
            "%s %s: %s" % (pad, json.dumps(k), dump(obj[k], indent + 1))
            for k in sorted(obj)
        ]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, list):
        if all(not isinstance(x, (dict, list)) for x in obj):
            return "[" + ", ".join(dump(x) for x in obj) + "]"
        items = ["%s %s" % (pad, dump(x, indent + 1)) for x in obj]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    if isinstance(obj, float):
        if math.isnan(obj) or math.isinf(obj):
            raise ValueError("non-finite float")
        return repr(obj)
    return json.dumps(obj)


def main():
    data = {
        "generator": "testdata/reference/cli_references.py",
        "networkx": nx.__version__,
        "caviar_phase1": caviar_phase1(),
        "mafia_infinito": mafia_infinito(),
        "krebs_911": krebs_911(),
    }
    text = dump(data) + "\n"
    json.loads(text)  # well-formed
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)

    c = data["caviar_phase1"]
    for key in ("all_actors", "phase1_actors"):
        g = c[key]
        top = max(g["nodes"], key=lambda a: (g["measures"]["betweenness"][a], a))
        print("caviar phase1 %-13s n=%d m=%d isolates=%d errors=%s top betweenness %s %.4f"
              % (key, g["n"], g["m"], g["isolates"], sorted(g["errors"]) or "none", top,
                 g["measures"]["betweenness"][top]))
    m = data["mafia_infinito"]
    print("mafia-infinito projection: %d persons, %d events, %d edges, max weight %d, %d isolated"
          % (m["person_count"], m["event_count"], m["edge_count"], m["max_weight"], len(m["isolated_persons"])))
    k = data["krebs_911"]
    top = max(k["betweenness"], key=lambda a: (k["betweenness"][a], a))
    print("krebs-911 strength: %d records -> %d pairs (%d with parallel records), top 1/strength betweenness %s %.4f, max |float - exact| %.1e"
          % (k["records"], k["pairs"], k["pairs_with_parallel_records"], top, k["betweenness"][top],
             k["betweenness_float_vs_exact_max_abs_diff"]))
    print("wrote", os.path.relpath(OUT, os.path.dirname(ROOT)))


if __name__ == "__main__":
    main()
