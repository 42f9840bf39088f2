"""Reference values for supplychain/internal/flow (maxflow.go, paths.go,
structure.go), computed with the installed NetworkX.

Regenerate (from the repository root) with:

    python3 testdata/reference/flow_reference.py

It draws 20 random networks (random.Random(seed), seeds 1..20; integer
capacities 0..9 and costs 0..9, 1-3 sources, 1-3 sinks, integer node
capacities 0..9; the odd seeds have parallel arcs) and writes
testdata/reference/flow_reference.json:

    {"networkx": VERSION, "instances": [{...}, ...]}

Each instance has n, arcs ([from, to, capacity, cost], in arc order),
sources, sinks, node_cap, and:
  - max_flow, min_cut: maximum_flow_value and minimum_cut_value from a
    super source "S" (arcs S -> source without a capacity, i.e. infinite) to
    a super sink "T", on a DiGraph whose parallel arcs are merged by adding
    their capacities;
  - source_side: the nodes reachable from S in the residual network of the
    maximum flow (edmonds_karp), sorted: the smallest source side of a
    minimum cut, the same for every maximum flow;
  - node_max_flow: maximum_flow_value on the node-split DiGraph (v_in ->
    v_out of capacity node_cap[v], infinite for sources and sinks; arc
    u -> v becomes u_out -> v_in with its capacity);
  - cheapest: the least multi_source_dijkstra(weight="cost") distance from
    the sources to a sink, null if none (parallel arcs: the cheapest one);
  - k_cheapest (even seeds, no parallel arcs): {s, t, costs}, the costs of
    the first 12 paths of shortest_simple_paths(G, s, t, weight="cost") for
    s = sources[0], t = sinks[0];
  - walk_nodes: the nodes reachable from a source and reaching a sink;
    articulation_points and bridges of the MultiGraph on walk_nodes with an
    edge per arc (self-loops left out), sorted, bridges as [u, v], u < v.
"""
import itertools
import json
import os
import random

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))


def instance(seed):
    rng = random.Random(seed)
    n = rng.randint(6, 40)
    m = rng.randint(n, 3 * n)
    parallel = seed % 2 == 1
    arcs, pairs = [], set()
    while len(arcs) < m:
        u, v = rng.randrange(n), rng.randrange(n)
        if u == v and not parallel:
            continue
        if (u, v) in pairs and not parallel:
            continue
        pairs.add((u, v))
        arcs.append([u, v, rng.randint(0, 9), rng.randint(0, 9)])
    nodes = list(range(n))
    rng.shuffle(nodes)
    ns, nt = rng.randint(1, 3), rng.randint(1, 3)
    return {
        "seed": seed,
        "n": n,
        "arcs": arcs,
        "sources": sorted(nodes[:ns]),
        "sinks": sorted(nodes[ns:ns + nt]),
        "node_cap": [rng.randint(0, 9) for _ in range(n)],
        "parallel": parallel,
    }


def flow_graph(inst):
    g = nx.DiGraph()
    g.add_nodes_from(range(inst["n"]))
    for u, v, c, _ in inst["arcs"]:
        if g.has_edge(u, v):
            g[u][v]["capacity"] += c
        else:
            g.add_edge(u, v, capacity=c)
    for s in inst["sources"]:
        g.add_edge("S", s)
    for t in inst["sinks"]:
        g.add_edge(t, "T")
    return g


def node_split_graph(inst):
    n = inst["n"]
    terminals = set(inst["sources"]) | set(inst["sinks"])
    g = nx.DiGraph()
    for v in range(n):
        if v in terminals:
            g.add_edge(("in", v), ("out", v))
        else:
            g.add_edge(("in", v), ("out", v), capacity=inst["node_cap"][v])
    for u, v, c, _ in inst["arcs"]:
        if u == v:
            continue
        a, b = ("out", u), ("in", v)
        if g.has_edge(a, b):
            g[a][b]["capacity"] += c
        else:
            g.add_edge(a, b, capacity=c)
    for s in inst["sources"]:
        g.add_edge("S", ("in", s))
    for t in inst["sinks"]:
        g.add_edge(("out", t), "T")
    return g


def cost_graph(inst):
    g = nx.DiGraph()
    g.add_nodes_from(range(inst["n"]))
    for u, v, _, w in inst["arcs"]:
        if u == v:
            continue
        if not g.has_edge(u, v) or g[u][v]["cost"] > w:
            g.add_edge(u, v, cost=w)
    return g


def reference(inst):
    g = flow_graph(inst)
    out = dict(inst)
    out["max_flow"] = nx.maximum_flow_value(g, "S", "T")
    out["min_cut"] = nx.minimum_cut_value(g, "S", "T")
    r = nx.algorithms.flow.edmonds_karp(g, "S", "T")
    seen, stack = {"S"}, ["S"]
    while stack:
        u = stack.pop()
        for v, attr in r[u].items():
            if attr["capacity"] - attr["flow"] > 0 and v not in seen:
                seen.add(v)
                stack.append(v)
    out["source_side"] = sorted(v for v in seen if v != "S")
    out["node_max_flow"] = nx.maximum_flow_value(node_split_graph(inst), "S", "T")

    c = cost_graph(inst)
    dist = nx.multi_source_dijkstra_path_length(c, set(inst["sources"]), weight="cost")
    reached = [dist[t] for t in inst["sinks"] if t in dist]
    out["cheapest"] = min(reached) if reached else None
    if not inst["parallel"]:
        s, t = inst["sources"][0], inst["sinks"][0]
        costs = []
        try:
            for p in itertools.islice(nx.shortest_simple_paths(c, s, t, weight="cost"), 12):
                costs.append(sum(c[a][b]["cost"] for a, b in zip(p, p[1:])))
        except nx.NetworkXNoPath:
            pass
        out["k_cheapest"] = {"s": s, "t": t, "costs": costs}

    full = nx.MultiDiGraph()
    full.add_nodes_from(range(inst["n"]))
    full.add_edges_from((u, v) for u, v, _, _ in inst["arcs"])
    fwd = set(inst["sources"]).union(*(nx.descendants(full, s) for s in inst["sources"]))
    bwd = set(inst["sinks"]).union(*(nx.ancestors(full, t) for t in inst["sinks"]))
    walk = sorted(fwd & bwd)
    h = nx.MultiGraph()
    h.add_nodes_from(walk)
    keep = set(walk)
    h.add_edges_from((u, v) for u, v, _, _ in inst["arcs"] if u != v and u in keep and v in keep)
    out["walk_nodes"] = walk
    out["articulation_points"] = sorted(nx.articulation_points(h))
    out["bridges"] = sorted(sorted(e) for e in nx.bridges(h))
    return out


def main():
    data = {"networkx": nx.__version__, "instances": [reference(instance(seed)) for seed in range(1, 21)]}
    with open(os.path.join(HERE, "flow_reference.json"), "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
