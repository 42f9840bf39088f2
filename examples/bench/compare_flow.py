"""Time the route analyses of package supplychain against python-igraph and NetworkX.

Run from the repository root:

    python3 examples/bench/compare_flow.py -n 10000
    python3 examples/bench/compare_flow.py -n 100000 --no-networkx

It writes a seeded route-like network (a grid of n places, arcs east and
south with integer capacities 1..10 and costs 1..5, plus one random local
shortcut per place) to a CSV file "from,to,capacity,cost", and times on
that same file, sources the first 10 places and markets the last 10:
  - this library: `go build ./examples/bench`, then the binary with
    -routes FILE -flow maxflow|kcheapest|mincost (median of --repeat
    in-process runs; kcheapest is k = 10 routes from place 0 to the last);
  - python-igraph (C), run with /usr/bin/python3 (Debian's python3-igraph)
    if it imports: Graph.maxflow_value with a super source and sink;
  - NetworkX: maximum_flow_value (preflow push), the first 10 of
    shortest_simple_paths, and max_flow_min_cost, one run each, unless
    --no-networkx.
It prints a table of seconds and checks that the values agree.
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

IGRAPH_PY = "/usr/bin/python3"


def write_routes(path, n, seed):
    side = int(n ** 0.5)
    n = side * side
    rng = random.Random(seed)
    arcs = []
    for r in range(side):
        for c in range(side):
            u = r * side + c
            if c + 1 < side:
                arcs.append((u, u + 1))
            if r + 1 < side:
                arcs.append((u, u + side))
            v = min(n - 1, u + rng.randrange(2, 2 * side))
            if v not in (u, u + 1, u + side):
                arcs.append((u, v))
    with open(path, "w") as f:
        f.write("from,to,capacity,cost\n")
        for u, v in arcs:
            f.write(f"{u},{v},{rng.randint(1, 10)},{rng.randint(1, 5)}\n")
    return n, len(arcs)


IGRAPH_SCRIPT = r"""
import sys, time, statistics, igraph
path, n, s, repeat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
edges, cap = [], []
with open(path) as f:
    next(f)
    for line in f:
        u, v, c, w = line.split(",")
        edges.append((int(u), int(v))); cap.append(float(c))
S, T = n, n + 1
for i in range(s):
    edges.append((S, i)); cap.append(1e18)
    edges.append((n - 1 - i, T)); cap.append(1e18)
g = igraph.Graph(n=n + 2, edges=edges, directed=True)
times = []
for _ in range(repeat):
    t = time.perf_counter(); v = g.maxflow_value(S, T, capacity=cap); times.append(time.perf_counter() - t)
print(v, statistics.median(times))
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-networkx", action="store_true")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "routes.csv")
    n, m = write_routes(path, args.n, args.seed)
    binary = os.path.join(tmp, "bench")
    subprocess.run(["go", "build", "-o", binary, "./examples/bench"], check=True)
    rows = []
    ours = {}
    for which in ["maxflow", "kcheapest", "mincost"]:
        out = subprocess.run([binary, "-routes", path, "-flow", which, "-repeat", str(args.repeat)],
                             check=True, capture_output=True, text=True).stdout
        fields = dict(kv.split("=") for kv in out.split())
        ours[which] = (float(fields["value"]), float(fields["median_s"]))
    ig = None
    if shutil.which(IGRAPH_PY):
        r = subprocess.run([IGRAPH_PY, "-c", IGRAPH_SCRIPT, path, str(n), "10", str(args.repeat)],
                           capture_output=True, text=True)
        if r.returncode == 0:
            v, t = r.stdout.split()
            ig = (float(v), float(t))
    nx_times = {}
    if not args.no_networkx:
        import networkx as nx
        G = nx.DiGraph()
        with open(path) as f:
            next(f)
            for line in f:
                u, v, c, w = line.split(",")
                u, v = int(u), int(v)
                G.add_edge(u, v, capacity=int(c), weight=int(w))  # no parallel arcs in the file
        for i in range(10):
            G.add_edge("S", i, capacity=10 ** 9, weight=0)
            G.add_edge(n - 1 - i, "T", capacity=10 ** 9, weight=0)
        t = time.perf_counter(); v = nx.maximum_flow_value(G, "S", "T"); nx_times["maxflow"] = (v, time.perf_counter() - t)
        t = time.perf_counter()
        paths = []
        for p in nx.shortest_simple_paths(G, 0, n - 1, weight="weight"):
            paths.append(p)
            if len(paths) == 10:
                break
        cost = sum(G[a][b]["weight"] for a, b in zip(paths[-1], paths[-1][1:]))
        nx_times["kcheapest"] = (cost, time.perf_counter() - t)
        H = G.copy()
        for i in range(10):
            H.add_edge("S", i, capacity=100, weight=0)
            H.add_edge(n - 1 - i, "T", capacity=100, weight=0)
        t = time.perf_counter(); fl = nx.max_flow_min_cost(H, "S", "T"); c = nx.cost_of_flow(H, fl)
        nx_times["mincost"] = (c, time.perf_counter() - t)
    print(f"route network: n={n} arcs={m} (sources 0..9, markets the last 10)")
    print(f"{'analysis':10} {'ours s':>10} {'igraph s':>10} {'networkx s':>11}  values (ours / igraph / networkx)")
    for which in ["maxflow", "kcheapest", "mincost"]:
        igs = f"{ig[1]:10.4f}" if (ig and which == "maxflow") else f"{'-':>10}"
        nxs = f"{nx_times[which][1]:11.4f}" if which in nx_times else f"{'-':>11}"
        vals = [str(ours[which][0])]
        vals.append(str(ig[0]) if (ig and which == "maxflow") else "-")
        vals.append(str(nx_times[which][0]) if which in nx_times else "-")
        print(f"{which:10} {ours[which][1]:10.4f} {igs} {nxs}  {' / '.join(vals)}")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    sys.exit(main())
