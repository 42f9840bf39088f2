"""NetworkX reference values for examples/florentine (Padgett & Ansell 1993,
the Medici's brokerage in the Florentine marriage network).

Regenerate (from the repository root) with:

    python3 testdata/reference/florentine_medici.py

It writes testdata/reference/florentine_medici.json. Standard library and
networkx only (made with networkx 3.6.1 on Python 3.11, pure-Python code
paths; no SciPy, so constraint and effective_size take their pure-Python
loops); the output is deterministic (graphs relabelled to integer nodes in
name order before measuring, sorted keys, floats in repr form).

Graphs, keyed by family name:

  networkx15  nx.florentine_families_graph(): the 20 marriage ties among 15
              families (Pucci, who has no marriage tie, is not a node);
  marriage16  the rows of testdata/florentine/edges.csv with layer
              "marriage" on all 16 families of nodes.csv (Pucci an isolate).

"edges" lists networkx15's edges as sorted name pairs, so that the Go program
can check that the shipped marriage layer is the same graph. Per family:
degree_centrality, betweenness_centrality normalized and not
("betweenness_raw", the pair-dependency sum), closeness_centrality
(wf_improved=True; on marriage16 Pucci's is 0), constraint and
effective_size (unweighted; NaN, written null, for the isolate).
"""
import csv
import json
import math
import os

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(os.path.dirname(HERE), "florentine")


def measures(g):
    # Integer nodes (in name order): string hashing varies from run to run and
    # would change the order, and so the last bits, of NetworkX's sums.
    g = nx.convert_node_labels_to_integers(g, ordering="sorted", label_attribute="name")
    name = nx.get_node_attributes(g, "name")
    rec = {"n": g.number_of_nodes(), "m": g.number_of_edges()}
    for key, d in (("degree", nx.degree_centrality(g)),
                   ("betweenness", nx.betweenness_centrality(g, normalized=True)),
                   ("betweenness_raw", nx.betweenness_centrality(g, normalized=False)),
                   ("closeness", nx.closeness_centrality(g, wf_improved=True)),
                   ("constraint", nx.constraint(g)),
                   ("effective_size", nx.effective_size(g))):
        rec[key] = {name[v]: (None if isinstance(x, float) and math.isnan(x) else x) for v, x in d.items()}
    return rec


def main():
    g15 = nx.florentine_families_graph()
    with open(os.path.join(DATA, "nodes.csv")) as f:
        names = {r["id"]: r["label"] for r in csv.DictReader(f)}
    g16 = nx.Graph()
    g16.add_nodes_from(sorted(names.values()))
    with open(os.path.join(DATA, "edges.csv")) as f:
        for r in csv.DictReader(f):
            if r["layer"] == "marriage":
                g16.add_edge(names[r["source"]], names[r["target"]])
    rec15 = measures(g15)
    rec15["edges"] = sorted(sorted(e) for e in g15.edges())
    out = {
        "networkx": nx.__version__,
        "notes": __doc__[__doc__.index("Graphs,"):].strip(),
        "networkx15": rec15,
        "marriage16": measures(g16),
    }
    with open(os.path.join(HERE, "florentine_medici.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
