"""NetworkX reference values for examples/holes (Borgatti 1997, "Structural
holes: unpacking Burt's redundancy measures", Connections 20(1): 35-38).

Regenerate (from the repository root) with:

    python3 testdata/reference/holes_borgatti.py

It writes testdata/reference/holes_borgatti.json. Standard library and
networkx only (made with networkx 3.6.1 on Python 3.11; without SciPy,
constraint and effective_size take their pure-Python loops); the output is
deterministic (graphs relabelled to integer nodes in label order before
measuring, sorted keys, floats in repr form).

Graphs: the four graphs of NetworkX's own tests of these measures
(networkx/algorithms/tests/test_structuralholes.py, TestStructuralHolesNoScipy):

  borgatti           Borgatti's example, undirected: A-B, A-F, A-G, A-E, E-G,
                     F-G, B-G, B-D, D-G, G-C;
  borgatti_weighted  the same edges with the tests' weights (A-B 2, A-F 3,
                     A-G 5, A-E 2, E-G 8, F-G 3, B-G 4, B-D 1, D-G 3, G-C 10);
  directed           the tests' digraph 0->1, 0->2, 1->0, 2->1;
  directed_weighted  the same arcs weighted 0->1 2, 0->2 2, 1->0 1, 2->1 1.

Per node: effective_size, constraint and efficiency (effective size / number
of distinct neighbours, in and out), weight="weight" on the weighted graphs.
"""
import json
import os

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))

EDGES = [("A", "B"), ("A", "F"), ("A", "G"), ("A", "E"), ("E", "G"),
         ("F", "G"), ("B", "G"), ("B", "D"), ("D", "G"), ("G", "C")]
WEIGHTS = {("A", "B"): 2, ("A", "F"): 3, ("A", "G"): 5, ("A", "E"): 2, ("E", "G"): 8,
           ("F", "G"): 3, ("B", "G"): 4, ("B", "D"): 1, ("D", "G"): 3, ("G", "C"): 10}
ARCS = [(0, 1), (0, 2), (1, 0), (2, 1)]
ARC_WEIGHTS = {(0, 1): 2, (0, 2): 2, (1, 0): 1, (2, 1): 1}


def measures(g, weight):
    # Integer nodes (in label order): string hashing varies from run to run
    # and would change the order, and so the last bits, of NetworkX's sums.
    g = nx.convert_node_labels_to_integers(g, ordering="sorted", label_attribute="name")
    name = nx.get_node_attributes(g, "name")
    es = nx.effective_size(g, weight=weight)
    con = nx.constraint(g, weight=weight)
    rec = {"effective_size": {}, "constraint": {}, "efficiency": {}}
    for v in g:
        k = str(name[v])
        rec["effective_size"][k] = es[v]
        rec["constraint"][k] = con[v]
        rec["efficiency"][k] = es[v] / len(set(nx.all_neighbors(g, v)) - {v})
    return rec


def main():
    g = nx.Graph(EDGES)
    gw = nx.Graph()
    for (u, v), w in WEIGHTS.items():
        gw.add_edge(u, v, weight=w)
    d = nx.DiGraph(ARCS)
    dw = nx.DiGraph()
    for (u, v), w in ARC_WEIGHTS.items():
        dw.add_edge(u, v, weight=w)
    out = {
        "networkx": nx.__version__,
        "notes": __doc__[__doc__.index("Graphs:"):].strip(),
        "borgatti": measures(g, None),
        "borgatti_weighted": measures(gw, "weight"),
        "directed": measures(d, None),
        "directed_weighted": measures(dw, "weight"),
    }
    with open(os.path.join(HERE, "holes_borgatti.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
