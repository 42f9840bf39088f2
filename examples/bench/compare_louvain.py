#!/usr/bin/env python3
"""Compare measure.Louvain with python-igraph's community_multilevel and
NetworkX's louvain_communities on a Barabási–Albert graph.

Run from the repository root with:

    python3 examples/bench/compare_louvain.py [--n 10000] [--m 5] [--repeat 10]

It writes networkx.barabasi_albert_graph(n, m, seed=1) to a temporary edge
list "u,v"; times igraph's community_multilevel() (a C library, not seeded:
the fastest of --repeat runs, with the mean modularity over them) and
NetworkX's louvain_communities(seed=1) (once; pure Python); and times ours
with

    ILLICIT_BENCH_GRAPH=FILE go test -run '^$' -bench 'BenchmarkLouvain/file' -benchtime 3x ./network/measure/

which reports ns/op, the modularity Q reached with seed 1 and the mean Q
over seeds 1-10. The modularity of igraph's and NetworkX's partitions is
NetworkX's community.modularity. Louvain's modularity varies by about ±0.015
with the node order on such a graph, so compare the means. Needs networkx;
python-igraph (Debian: python3-igraph) may live in another interpreter, such
as /usr/bin/python3, which then times igraph in a subprocess.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import networkx as nx

# Times igraph's community_multilevel on the edge list argv[1], best of
# argv[2] runs, in a Python that has igraph (when this one has not).
IGRAPH_SNIPPET = r"""
import json, sys, time, igraph
edges = [tuple(map(int, l.split(","))) for l in open(sys.argv[1]) if l.strip()]
g = igraph.Graph(n=int(sys.argv[3]), edges=edges)
best, part, qs = None, None, []
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter()
    p = g.community_multilevel()
    dt = time.perf_counter() - t0
    qs.append(p.modularity)
    if best is None or dt < best:
        best, part = dt, p
print(json.dumps({"version": igraph.__version__, "time": best, "membership": part.membership,
                  "mean_q": sum(qs) / len(qs)}))
"""


def igraph_python():
    """A Python interpreter that can import igraph, or None."""
    for py in [sys.executable, "/usr/bin/python3"]:
        if subprocess.run([py, "-c", "import igraph"], capture_output=True).returncode == 0:
            return py
    return None

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def modularity(g, membership):
    groups = {}
    for v, c in enumerate(membership):
        groups.setdefault(c, set()).add(v)
    return nx.community.modularity(g, list(groups.values()))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--m", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=10, help="igraph runs (it is not seeded)")
    ap.add_argument("--skip-networkx", action="store_true")
    args = ap.parse_args()

    g = nx.barabasi_albert_graph(args.n, args.m, seed=1)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "ba.csv")
        with open(path, "w") as f:
            for u, v in g.edges():
                f.write("%d,%d\n" % (u, v))

        env = dict(os.environ, ILLICIT_BENCH_GRAPH=path)
        cmd = ["go", "test", "-run", "^$", "-bench", "BenchmarkLouvain/file", "-benchtime", "3x", "-count", "1",
               "./network/measure/"]
        out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit("go test failed:\n" + out.stdout + out.stderr)
        line = next((l for l in out.stdout.splitlines() if l.startswith("BenchmarkLouvain/file")), None)
        if line is None:
            sys.exit("cannot parse benchmark output:\n" + out.stdout)
        metrics = {unit: float(v) for v, unit in re.findall(r"([\d.e+-]+) ([A-Za-z/]+)", line)}
        rows.append(("illicit measure.Louvain (Go), seed 1", metrics["ns/op"] / 1e9, metrics["Q"],
                     int(metrics["communities"]), "%.4f (seeds 1-10)" % metrics["meanQ"]))

        py = igraph_python()
        if py is not None:
            out = subprocess.run([py, "-c", IGRAPH_SNIPPET, path, str(args.repeat), str(args.n)],
                                 capture_output=True, text=True, check=True)
            res = json.loads(out.stdout)
            rows.append(("igraph %s community_multilevel (C), fastest of %d" % (res["version"], args.repeat),
                         res["time"], modularity(g, res["membership"]), max(res["membership"]) + 1,
                         "%.4f (%d runs)" % (res["mean_q"], args.repeat)))
        else:
            print("python-igraph not found (apt-get install python3-igraph): skipping it", file=sys.stderr)

    if not args.skip_networkx:
        t0 = time.perf_counter()
        parts = nx.community.louvain_communities(g, seed=1)
        dt = time.perf_counter() - t0
        rows.append(("networkx %s louvain_communities (Python), seed 1" % nx.__version__, dt,
                     nx.community.modularity(g, parts), len(parts), ""))

    print("Louvain on networkx.barabasi_albert_graph(%d, %d, seed=1): %d edges" % (args.n, args.m, g.number_of_edges()))
    print("%-56s %9s %7s %12s  %s" % ("implementation", "time (s)", "Q", "communities", "mean Q"))
    for name, t, q, k, mean in rows:
        print("%-56s %9.4f %7.4f %12d  %s" % (name, t, q, k, mean))
    if len(rows) > 1 and rows[1][0].startswith("igraph"):
        ours, ig_row = rows[0], rows[1]
        mean = lambda row: float(row[4].split()[0])
        print("time ratio ours/igraph: %.2f; Q difference ours-igraph: %+.4f (single runs), %+.4f (means)"
              % (ours[1] / ig_row[1], ours[2] - ig_row[2], mean(ours) - mean(ig_row)))


if __name__ == "__main__":
    main()
