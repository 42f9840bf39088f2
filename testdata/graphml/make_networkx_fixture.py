"""Generate the NetworkX GraphML fixture used by network/netio's GraphML tests.

Regenerate both outputs (from the repository root) with:

    python3 testdata/graphml/make_networkx_fixture.py

It needs only python3 and networkx (written with networkx 3.6.1, no numpy).
It writes, next to this script:

  networkx_fixture.graphml        a MultiDiGraph written by nx.write_graphml:
                                  8 nodes, 12 edges (one pair parallel, one
                                  self-loop), node attributes of types str
                                  (name, country), int (size), float (score,
                                  including an integral 2.0) and bool (flag),
                                  some missing on some nodes; edge attributes
                                  weight (float), element, layer (str), calls
                                  (int) and confirmed (bool); graph attributes
                                  name (str) and year (int).
  networkx_fixture.expected.json  what nx.read_graphml reads back from that
                                  file: graph attributes, nodes in order and
                                  edges in file order, each value with its
                                  Python type ("str", "int", "float", "bool"),
                                  plus the attr.type NetworkX wrote for each
                                  attribute name.

The Go test reads the .graphml with ReadGraphML and compares it with the JSON,
so the expectations are NetworkX's own view of the file, not ours.
"""

import json
import os
import xml.etree.ElementTree as ET

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPHML = os.path.join(HERE, "networkx_fixture.graphml")
EXPECTED = os.path.join(HERE, "networkx_fixture.expected.json")
NS = "{http://graphml.graphdrawing.org/xmlns}"


def build():
    g = nx.MultiDiGraph(name="Andean corridor (synthetic)", year=2008)
    g.add_node("farc", name="FARC", country="CO", size=7000, score=0.91, flag=True)
    g.add_node("cartel", name="Cártel del Golfo", country="MX", size=1200, score=2.0, flag=False)
    g.add_node("broker", name="Broker Ω", score=0.5, flag=True)
    g.add_node("bank", name="Banco Ejemplo", country="PA", size=0)
    g.add_node("port", name="Puerto Cortés", country="HN", score=-1.25)
    g.add_node("official", name="Official X", country="CO", flag=False)
    g.add_node("courier", size=-3)
    g.add_node("n8")  # no attributes at all

    edges = [
        ("farc", "cartel", dict(weight=3.5, element="materiel", layer="cocaine", calls=12, confirmed=True)),
        ("farc", "cartel", dict(weight=1.0, element="money", layer="payment", calls=2, confirmed=False)),
        ("farc", "broker", dict(weight=0.25, element="manpower", layer="contact")),
        ("cartel", "port", dict(weight=2.0, element="mechanism", layer="sea route", confirmed=True)),
        ("cartel", "bank", dict(weight=10.0, element="money", layer="laundering", calls=0)),
        ("broker", "official", dict(weight=0.75, element="money", layer="bribe", calls=5, confirmed=True)),
        ("broker", "broker", dict(weight=1.5, element="association", layer="self")),
        ("bank", "farc", dict(weight=4.0, layer="wire", calls=1)),
        ("port", "courier", dict(element="manpower", layer="handoff", confirmed=False)),
        ("official", "port", dict(weight=0.1, element="mechanism", layer="customs", calls=3)),
        ("courier", "n8", dict(weight=6.0, element="materiel", layer="delivery")),
        ("n8", "farc", dict(weight=0.0, layer="unknown", confirmed=True)),
    ]
    for u, v, d in edges:
        g.add_edge(u, v, **d)
    return g


def typed(value):
    return {"type": type(value).__name__, "value": value}


def main():
    nx.write_graphml(build(), GRAPHML)

    # NetworkX's own view of the file.
    g = nx.read_graphml(GRAPHML)
    assert isinstance(g, nx.MultiDiGraph), type(g)

    # Edges in file order, checked against nx's edge order.
    root = ET.parse(GRAPHML).getroot()
    file_edges = [(e.get("source"), e.get("target")) for e in root.iter(NS + "edge")]
    nx_edges = list(g.edges(keys=True, data=True))
    assert [(u, v) for u, v, _, _ in nx_edges] == file_edges, "edge order differs from file order"

    key_types = {}
    for k in root.iter(NS + "key"):
        key_types[k.get("for") + ":" + k.get("attr.name")] = k.get("attr.type")

    expected = {
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "key_types": key_types,
        "graph": {k: typed(v) for k, v in g.graph.items() if k not in ("node_default", "edge_default")},
        "nodes": [{"id": n, "attributes": {k: typed(v) for k, v in d.items()}} for n, d in g.nodes(data=True)],
        "edges": [
            {"source": u, "target": v, "key": k, "attributes": {a: typed(b) for a, b in d.items()}}
            for u, v, k, d in nx_edges
        ],
    }
    with open(EXPECTED, "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
