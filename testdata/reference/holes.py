"""Reference values for Burt's structural-hole measures (network/measure/structuralholes.go).

Regenerate (from the repository root) with:

    python3 testdata/reference/holes.py

Writes testdata/reference/holes.json: graph name -> {"effective_size",
"efficiency", "constraint", "hierarchy", "sinks"}, per-node lists in the node
order of refcommon.all_graphs(); NaN is written as null. Weighted graphs use
weight="weight", the others weight=None.

- effective_size and constraint are NetworkX 3.6.1's effective_size(G,
  weight=...) and constraint(G, weight=...). Without SciPy (as here) NetworkX
  takes its pure-Python path, which marks every node without an out-neighbour
  NaN (it tests G[v], the successors); its SciPy path, and the Go code, give
  directed sinks (nodes with in-arcs only) a value. For those nodes (listed
  in "sinks") the value is NetworkX's own per-node formula: the sum of
  local_constraint over all_neighbors, and the sum of redundancies with
  normalized_mutual_weight, exactly as in the pure-Python loop.
- efficiency = effective size / number of distinct neighbours (in + out).
- hierarchy (not in NetworkX) is Burt's H = sum_j r_j ln r_j / (N ln N),
  r_j = c_ij / (C / N), from NetworkX's local_constraint values c_ij; 0 when
  N = 1; NaN for isolates.
"""
import math
import os

import networkx as nx
from networkx.algorithms.structuralholes import local_constraint, normalized_mutual_weight as nmw

import refcommon


def es_formula(G, v, weight):
    nbrs = set(nx.all_neighbors(G, v))
    return sum(1 - sum(nmw(G, v, w, weight=weight) * nmw(G, u, w, norm=max, weight=weight) for w in nbrs)
               for u in nbrs)


def main():
    out = {}
    for name, G, ids, weighted in refcommon.all_graphs():
        weight = "weight" if weighted else None
        es = nx.effective_size(G, weight=weight)
        con = nx.constraint(G, weight=weight)
        sinks = []
        rec = {"effective_size": [], "efficiency": [], "constraint": [], "hierarchy": []}
        for v in range(G.number_of_nodes()):
            nbrs = set(nx.all_neighbors(G, v)) - {v}
            e, c = es[v], con[v]
            if nbrs and math.isnan(c):
                sinks.append(v)
                e = es_formula(G, v, weight)
                c = sum(local_constraint(G, v, n, weight) for n in nbrs)
            if not nbrs:
                h = float("nan")
            elif len(nbrs) == 1:
                h = 0.0
            else:
                cij = [local_constraint(G, v, n, weight) for n in sorted(nbrs)]
                C, N = sum(cij), len(cij)
                h = sum((x / (C / N)) * math.log(x / (C / N)) for x in cij if x > 0) / (N * math.log(N))
            rec["effective_size"].append(e)
            rec["efficiency"].append(e / len(nbrs) if nbrs else float("nan"))
            rec["constraint"].append(c)
            rec["hierarchy"].append(h)
        for k, vals in rec.items():
            rec[k] = [None if math.isnan(x) else x for x in vals]
        rec["sinks"] = sinks
        out[name] = rec
    refcommon.dump(os.path.join(refcommon.HERE, "holes.json"), out)


if __name__ == "__main__":
    main()
