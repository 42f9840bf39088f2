"""Reference values of Kendall's tau-b for nexus/robust (KendallTau).

Pure Python, no SciPy: tau-b by its definition over all pairs,

    tau_b = (n_c - n_d) / sqrt((n0 - n1) * (n0 - n2)),

n0 = n(n-1)/2, n1 pairs tied in x, n2 pairs tied in y (pairs tied in both
count in both), None where the denominator is 0. The vectors include ties
in x, in y and in both, constant vectors and the orderings of Kendall
(1945). Run from the repository root:

    python3 testdata/robust/kendall.py > testdata/robust/kendall.json
"""
import json
import math
import random


def tau_b(x, y):
    n = len(x)
    nc = nd = n1 = n2 = 0
    for i in range(n):
        for j in range(i + 1, n):
            dx = (x[i] > x[j]) - (x[i] < x[j])
            dy = (y[i] > y[j]) - (y[i] < y[j])
            if dx == 0:
                n1 += 1
            if dy == 0:
                n2 += 1
            if dx * dy > 0:
                nc += 1
            elif dx * dy < 0:
                nd += 1
    n0 = n * (n - 1) // 2
    if n0 - n1 == 0 or n0 - n2 == 0:
        return None
    return (nc - nd) / math.sqrt((n0 - n1) * (n0 - n2))


cases = [
    ("identical", [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]),
    ("reversed", [1, 2, 3, 4, 5], [5, 4, 3, 2, 1]),
    ("one swap", [1, 2, 3, 4], [1, 3, 2, 4]),
    ("ties in x", [1, 1, 2, 3], [1, 2, 3, 4]),
    ("ties in both", [1, 1, 2, 2, 3], [1, 2, 1, 2, 3]),
    ("joint ties", [0, 0, 0, 1, 2, 2], [0, 0, 1, 1, 2, 2]),
    ("betweenness-like zeros", [0, 0, 0, 0, 3.5, 1, 0, 12], [0, 0, 1, 0, 2, 1, 0, 9]),
    ("constant x", [2, 2, 2], [1, 2, 3]),
    ("two", [1, 2], [2, 1]),
]
rng = random.Random(20240611)
for k in range(6):
    n = rng.randint(5, 40)
    levels = rng.randint(2, 8)
    x = [rng.randint(0, levels) * 0.5 for _ in range(n)]
    y = [rng.randint(0, levels) * 0.25 for _ in range(n)]
    cases.append((f"random {k}", x, y))

rows = [json.dumps({"name": n, "x": x, "y": y, "tau_b": tau_b(x, y)}) for n, x, y in cases]
print("[\n" + ",\n".join(rows) + "\n]")
