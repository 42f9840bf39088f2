"""NetworkX reference values for examples/caviar (Morselli 2009; Morselli &
Petit 2007): centrality of every participant in each of the 11 phases of the
CAVIAR investigation.

Regenerate (from the repository root) with:

    python3 testdata/reference/caviar_phases.py

It writes testdata/reference/caviar_phases.json. Standard library and
networkx only (made with networkx 3.6.1 on Python 3.11, pure-Python code
paths); the output is deterministic (integer nodes in nodes.csv row order,
sorted keys, floats in repr form).

Graphs. Phase p is the rows of testdata/caviar/edges.csv with layer
"phase<p>" (each row a wiretapped communication count from source to target),
as an undirected, simple, unweighted graph: arcs symmetrized, the
communication counts ignored, self-loops dropped (none occur). Its nodes are
the participants that appear in a row of the phase (the phase's own actors,
which are exactly the phases_present of nodes.csv), so n changes from phase to
phase and the normalized values are those of the phase's network.

Per phase: n, m, and per participant ID (nodes.id) degree_centrality,
betweenness_centrality (normalized, 2/((n-1)(n-2))) and closeness_centrality
(wf_improved=True: some phases are disconnected).
"""
import csv
import json
import os

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(os.path.dirname(HERE), "caviar")


def main():
    with open(os.path.join(DATA, "nodes.csv")) as f:
        order = [r["id"] for r in csv.DictReader(f)]
    with open(os.path.join(DATA, "edges.csv")) as f:
        rows = list(csv.DictReader(f))
    phases = {}
    for p in range(1, 12):
        layer = "phase%d" % p
        kept = [r for r in rows if r["layer"] == layer and r["source"] != r["target"]]
        touched = {r["source"] for r in kept} | {r["target"] for r in kept}
        ids = [a for a in order if a in touched]
        index = {a: i for i, a in enumerate(ids)}
        g = nx.Graph()
        g.add_nodes_from(range(len(ids)))
        for r in kept:
            g.add_edge(index[r["source"]], index[r["target"]])
        rec = {"n": g.number_of_nodes(), "m": g.number_of_edges(),
               "components": nx.number_connected_components(g)}
        for name, d in (("degree", nx.degree_centrality(g)),
                        ("betweenness", nx.betweenness_centrality(g, normalized=True)),
                        ("closeness", nx.closeness_centrality(g, wf_improved=True))):
            rec[name] = {ids[v]: d[v] for v in g}
        phases[layer] = rec
    out = {
        "networkx": nx.__version__,
        "notes": __doc__[__doc__.index("Graphs."):].strip(),
        "phases": phases,
    }
    with open(os.path.join(HERE, "caviar_phases.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
