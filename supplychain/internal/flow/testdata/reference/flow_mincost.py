"""Reference values for MinCostFlow (supplychain/internal/flow/mincost.go),
computed with the installed NetworkX.

Regenerate (from the repository root) with:

    python3 supplychain/internal/flow/testdata/reference/flow_mincost.py

It writes flow_mincost.json next to this script: {"networkx": VERSION,
"instances": [...]}, one entry per seeded random instance:
  - name, seed, n: the instance; nodes are 0..n-1
  - arcs: [[from, to, capacity, cost], ...] in arc order; capacity null
    means unlimited (+Inf; the arc has no "capacity" attribute in NetworkX)
  - supply: per node, > 0 a source's supply, < 0 a market's demand
  - value, cost: the maximum flow value and its minimum cost, i.e.
    max_flow_min_cost and cost_of_flow on the network with a super source
    (an arc to every source s of capacity supply[s], cost 0) and a super
    sink (an arc from every market t of capacity -supply[t], cost 0)
  - interdictions: [{"arc": k, "value": ..., "cost": ...}, ...]: the same
    for the instance without arc k (the others keep their order); k is the
    arc carrying most flow in NetworkX's solution (lowest index on ties),
    then a seeded random arc
Parallel arcs and self-loops, which a DiGraph cannot hold, are subdivided:
the arc u->v becomes u->m->v through a node m of its own, both halves with
the arc's capacity, the first with its cost and the second with cost 0.
Only the flow value and the cost are compared: optimal flows need not be
unique. All data are integers, so the values are exact. The output depends
only on the seeds (random.Random) and the NetworkX version.
"""
import json
import os
import random

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE, SINK = "S", "T"

# (name, kind) for seeds 1..len(KINDS); the kind shapes the instance.
KINDS = [
    "balanced",
    "excess_supply",
    "excess_demand",
    "blocked",
    "unlimited",
    "parallel",
    "disconnected",
    "zero_cost",
    "dense",
    "single",
]
ROUNDS = 3  # 3 x 10 = 30 instances


def make_instance(rng, kind):
    n = rng.randint(5, 12)
    density = 4.0 if kind == "dense" else 2.0
    m = int(n * density)
    arcs = []
    seen = set()
    while len(arcs) < m:
        u, v = rng.randrange(n), rng.randrange(n)
        if kind != "parallel" and (u == v or (u, v) in seen):
            continue
        seen.add((u, v))
        cap = rng.randint(0, 9) if kind != "blocked" else rng.randint(0, 3)
        if kind == "unlimited" and rng.random() < 0.3:
            cap = None
        cost = 0 if kind == "zero_cost" else rng.randint(0, 9)
        arcs.append([u, v, cap, cost])
    if kind == "parallel":
        for _ in range(3):  # make sure there are some parallel arcs
            u, v, _, _ = arcs[rng.randrange(len(arcs))]
            arcs.append([u, v, rng.randint(1, 9), rng.randint(0, 9)])
        u = rng.randrange(n)
        arcs.append([u, u, rng.randint(1, 9), 0])
    nodes = list(range(n))
    rng.shuffle(nodes)
    if kind == "single":
        ns, nt = 1, 1
    else:
        ns, nt = rng.randint(1, 3), rng.randint(1, 3)
    sources, sinks = nodes[:ns], nodes[ns:ns + nt]
    supply = [0] * n
    for s in sources:
        supply[s] = rng.randint(1, 12)
    for t in sinks:
        supply[t] = -rng.randint(1, 12)
    total_s = sum(x for x in supply if x > 0)
    total_d = -sum(x for x in supply if x < 0)
    if kind == "balanced":
        if total_s > total_d:
            supply[sinks[0]] -= total_s - total_d
        else:
            supply[sources[0]] += total_d - total_s
    if kind == "excess_supply" and total_s <= total_d:
        supply[sources[0]] += total_d - total_s + rng.randint(1, 10)
    if kind == "excess_demand" and total_d <= total_s:
        supply[sinks[0]] -= total_s - total_d + rng.randint(1, 10)
    # a route from every source to a random market, through up to three
    # random nodes, so that most instances carry some flow
    for s in sources:
        path = [s] + rng.sample(nodes, rng.randint(0, 3)) + [rng.choice(sinks)]
        for u, v in zip(path, path[1:]):
            if u != v and (u, v) not in seen:
                seen.add((u, v))
                arcs.append([u, v, rng.randint(1, 9), rng.randint(0, 9)])
    if kind == "disconnected":
        # cut every arc into the first sink
        arcs = [a for a in arcs if a[1] != sinks[0]]
    return n, arcs, supply


def solve(n, arcs, supply):
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    g.add_nodes_from([SOURCE, SINK])
    mid = {}  # arc index -> subdivision node
    for i, (u, v, cap, cost) in enumerate(arcs):
        attrs = {"weight": cost}
        if cap is not None:
            attrs["capacity"] = cap
        if u == v or g.has_edge(u, v):
            w = ("m", i)
            mid[i] = w
            g.add_edge(u, w, **attrs)
            half = dict(attrs, weight=0)
            g.add_edge(w, v, **half)
        else:
            g.add_edge(u, v, **attrs)
    for v, x in enumerate(supply):
        if x > 0:
            g.add_edge(SOURCE, v, capacity=x, weight=0)
        elif x < 0:
            g.add_edge(v, SINK, capacity=-x, weight=0)
    fd = nx.max_flow_min_cost(g, SOURCE, SINK)
    value = sum(fd[SOURCE].values())
    cost = nx.cost_of_flow(g, fd)
    flows = []
    for i, (u, v, _, _) in enumerate(arcs):
        flows.append(fd[u][mid[i]] if i in mid else fd[u][v])
    return value, cost, flows


def main():
    out = []
    seed = 0
    for _ in range(ROUNDS):
        for kind in KINDS:
            seed += 1
            rng = random.Random(seed)
            n, arcs, supply = make_instance(rng, kind)
            value, cost, flows = solve(n, arcs, supply)
            inter = []
            if arcs:
                best = max(range(len(arcs)), key=lambda i: (flows[i], -i))
                picks = [best, rng.randrange(len(arcs))]
                for k in picks:
                    rest = arcs[:k] + arcs[k + 1:]
                    rv, rc, _ = solve(n, rest, supply)
                    inter.append({"arc": k, "value": rv, "cost": rc})
            out.append({
                "name": "%s_%d" % (kind, seed),
                "seed": seed,
                "n": n,
                "arcs": arcs,
                "supply": supply,
                "value": value,
                "cost": cost,
                "interdictions": inter,
            })
    path = os.path.join(HERE, "flow_mincost.json")
    with open(path, "w") as f:
        json.dump({"networkx": nx.__version__, "instances": out}, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
