"""Time exact betweenness and closeness: this library vs python-igraph and NetworkX.

Run from the repository root:

    python3 examples/bench/compare_paths.py -n 1000
    python3 examples/bench/compare_paths.py -n 10000 --no-networkx

It writes nx.barabasi_albert_graph(n, 5, seed=1) to a CSV edge list, then
times on that same file:
  - this library: `go build ./examples/bench`, then the binary with
    -measure betweenness|closeness and -workers 1 and 2 (median of --repeat
    in-process runs);
  - python-igraph (single-threaded C), run with /usr/bin/python3 (the Debian
    python3-igraph package) if it imports igraph: Graph.betweenness(directed=False)
    and Graph.closeness(), median of --repeat runs;
  - NetworkX (pure Python) betweenness_centrality and closeness_centrality,
    one run, unless --no-networkx (it takes minutes beyond n = 1000).
It prints a table of seconds and of each tool's time divided by ours with
one worker, and checks that igraph's and our values agree (igraph's
betweenness is unnormalised; its closeness is NetworkX's with
wf_improved=False, equal on a connected graph).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

IGRAPH_SNIPPET = r"""
import json, statistics, sys, time
import igraph as ig
path, repeat = sys.argv[1], int(sys.argv[2])
edges = [tuple(map(int, l.split(",")[:2])) for l in open(path) if l.strip()]
n = max(max(e) for e in edges) + 1
g = ig.Graph(n=n, edges=edges, directed=False)
out = {}
for name, f in [("betweenness", lambda: g.betweenness(directed=False)), ("closeness", lambda: g.closeness())]:
    ts = []
    for _ in range(repeat):
        t = time.perf_counter(); vals = f(); ts.append(time.perf_counter() - t)
    out[name] = {"seconds": statistics.median(ts), "values": vals[:50]}
print(json.dumps(out))
"""

def find_igraph_python():
    for py in ["/usr/bin/python3", sys.executable]:
        if shutil.which(py) and subprocess.run([py, "-c", "import igraph"], capture_output=True).returncode == 0:
            return py
    return None


def time_ours(binary, path, measure, workers, repeat):
    out = subprocess.run([binary, "-graph", path, "-measure", measure, "-workers", str(workers), "-repeat",
                          str(repeat)], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("bench failed:\n" + out.stdout + out.stderr)
    fields = dict(f.split("=", 1) for f in out.stdout.split())
    return float(fields["median_s"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1000, help="nodes of the BA graph")
    ap.add_argument("-m", type=int, default=5, help="edges per new node")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-networkx", action="store_true")
    args = ap.parse_args()

    g = nx.barabasi_albert_graph(args.n, args.m, seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "ba.csv")
        with open(path, "w") as f:
            for u, v in g.edges():
                f.write("%d,%d\n" % (u, v))
        binary = os.path.join(tmp, "bench")
        b = subprocess.run(["go", "build", "-o", binary, "./examples/bench"], cwd=ROOT, capture_output=True,
                           text=True)
        if b.returncode != 0:
            sys.exit("go build failed:\n" + b.stderr)

        rows = {}  # (measure, tool) -> seconds
        for measure in ["betweenness", "closeness"]:
            for w in [1, 2]:
                rows[(measure, "illicit, %d worker%s" % (w, "s" if w > 1 else ""))] = time_ours(
                    binary, path, measure, w, args.repeat)

        py = find_igraph_python()
        ig_vals = None
        if py:
            out = subprocess.run([py, "-c", IGRAPH_SNIPPET, path, str(args.repeat)], capture_output=True, text=True)
            if out.returncode != 0:
                sys.exit("igraph failed:\n" + out.stderr)
            ig_vals = json.loads(out.stdout)
            for measure in ["betweenness", "closeness"]:
                rows[(measure, "igraph (1 thread)")] = ig_vals[measure]["seconds"]
        else:
            print("python-igraph not found; skipping it", file=sys.stderr)

        if not args.no_networkx:
            t = time.perf_counter()
            nxb = nx.betweenness_centrality(g, normalized=False)
            rows[("betweenness", "networkx")] = time.perf_counter() - t
            t = time.perf_counter()
            nx.closeness_centrality(g)
            rows[("closeness", "networkx")] = time.perf_counter() - t
            if ig_vals:
                bad = [v for v in range(min(50, args.n)) if abs(nxb[v] - ig_vals["betweenness"]["values"][v]) >
                       1e-6 * max(1, nxb[v])]
                print("igraph vs networkx betweenness (first 50 nodes): %s" % ("agree" if not bad else
                                                                               "DIFFER at %s" % bad[:5]))

    n, m = g.number_of_nodes(), g.number_of_edges()
    print("\nBarabasi-Albert graph n=%d, m=%d edges (nx.barabasi_albert_graph(%d, %d, seed=1)); median of %d runs"
          % (n, m, args.n, args.m, args.repeat))
    print("%-12s %-24s %12s %14s" % ("measure", "tool", "seconds", "÷ illicit(1)"))
    for measure in ["betweenness", "closeness"]:
        base = rows[(measure, "illicit, 1 worker")]
        for (ms, tool), sec in rows.items():
            if ms == measure:
                print("%-12s %-24s %12.4f %14.2f" % (measure, tool, sec, sec / base))


if __name__ == "__main__":
    main()
