#!/usr/bin/env python3
"""Compare measure.CoreNumber, measure.Components and measure.PageRank with
python-igraph's coreness, connected_components and pagerank on a
Barabási–Albert graph.

Run from the repository root with:

    python3 examples/bench/compare_general.py [--n 100000] [--m 5] [--repeat 3]

It writes networkx.barabasi_albert_graph(n, m, seed=1) to a temporary edge
list "u,v", times igraph (median of --repeat runs of each call; igraph is a
C library, PageRank by its default PRPACK solver) and times ours with

    ILLICIT_BENCH_GRAPH=FILE go test -run '^$' \\
        -bench '^Benchmark(CoreNumber|Components|PageRank)$/file' -count 3 ./network/measure/

(median of the --repeat runs of go test's ns/op). PageRank is timed at
tolerance 1e-6 per node (NetworkX's default) and 1e-10 (about PRPACK's
accuracy). Needs networkx; python-igraph (Debian: python3-igraph) may live
in another interpreter, such as /usr/bin/python3, which then times igraph in
a subprocess. It also checks that igraph's coreness equals NetworkX's
core_number on the graph, and prints the largest difference between
igraph's PageRank and NetworkX's.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Times igraph on the edge list argv[1] (argv[3] nodes), median of argv[2]
# runs, in a Python that has igraph.
IGRAPH_SNIPPET = r"""
import json, statistics, sys, time, igraph
edges = [tuple(map(int, l.split(","))) for l in open(sys.argv[1]) if l.strip()]
g = igraph.Graph(n=int(sys.argv[3]), edges=edges)
res = {"version": igraph.__version__}
for name, f in [("coreness", g.coreness), ("components", g.connected_components),
                ("pagerank", lambda: g.pagerank(damping=0.85))]:
    times = []
    for _ in range(int(sys.argv[2])):
        t0 = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t0)
    res[name] = statistics.median(times)
    if name != "components":
        res[name + "_values"] = list(out)
    else:
        res["components_count"] = len(out)
print(json.dumps(res))
"""


def igraph_python():
    """A Python interpreter that can import igraph, or None."""
    for py in [sys.executable, "/usr/bin/python3"]:
        if subprocess.run([py, "-c", "import igraph"], capture_output=True).returncode == 0:
            return py
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100000)
    ap.add_argument("--m", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    g = nx.barabasi_albert_graph(args.n, args.m, seed=1)
    ours, ig = {}, None
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "ba.csv")
        with open(path, "w") as f:
            for u, v in g.edges():
                f.write("%d,%d\n" % (u, v))

        env = dict(os.environ, ILLICIT_BENCH_GRAPH=path)
        cmd = ["go", "test", "-run", "^$", "-bench", "^Benchmark(CoreNumber|Components|PageRank)$/file",
               "-count", str(args.repeat), "./network/measure/"]
        out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit("go test failed:\n" + out.stdout + out.stderr)
        for m in re.finditer(r"Benchmark(\w+)/file(?:/tol=(\S+?))?(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", out.stdout):
            key = m.group(1) + ("" if m.group(2) is None else " tol=" + m.group(2))
            ours.setdefault(key, []).append(float(m.group(3)) / 1e9)
        if not ours:
            sys.exit("cannot parse benchmark output:\n" + out.stdout)

        py = igraph_python()
        if py is not None:
            out = subprocess.run([py, "-c", IGRAPH_SNIPPET, path, str(args.repeat), str(args.n)],
                                 capture_output=True, text=True, check=True)
            ig = json.loads(out.stdout)
        else:
            print("python-igraph not found (apt-get install python3-igraph): skipping it", file=sys.stderr)

    print("networkx.barabasi_albert_graph(%d, %d, seed=1): %d edges" % (args.n, args.m, g.number_of_edges()))
    rows = [("core number", "CoreNumber", "coreness"), ("components", "Components", "components"),
            ("PageRank", "PageRank tol=1e-06", "pagerank"), ("PageRank", "PageRank tol=1e-10", "pagerank")]
    print("%-12s %-22s %14s %14s %8s" % ("measure", "ours (Go)", "ours (ms)", "igraph (ms)", "ratio"))
    for label, key, igkey in rows:
        t = statistics.median(ours[key]) if key in ours else float("nan")
        it = ig[igkey] if ig else float("nan")
        print("%-12s %-22s %14.2f %14.2f %8.2f" % (label, key, t * 1e3, it * 1e3, t / it))
    if ig:
        print("igraph %s; ratio = ours / igraph (median of %d runs each)" % (ig["version"], args.repeat))
        core = nx.core_number(g)
        same = all(core[v] == ig["coreness_values"][v] for v in range(args.n))
        print("igraph coreness == networkx core_number: %s" % same)
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        pr = _pagerank_python(g, alpha=0.85, tol=1e-10, max_iter=1000)
        print("max |igraph pagerank - networkx _pagerank_python(tol=1e-10)|: %.3g"
              % max(abs(pr[v] - ig["pagerank_values"][v]) for v in range(args.n)))


if __name__ == "__main__":
    main()
