#!/usr/bin/env python3
"""Write the Padgett Florentine families marriage network as a UCINET DL file.

Source: Padgett & Ansell (1993), as normalized in the shared datasets folder
(see the "florentine" section of its README.md): nodes.csv (id,label,...) and
edges.csv (source,target,layer). Only the "marriage" layer is kept. The
output is a 16 x 16 symmetric 0/1 "fullmatrix" with a "labels:" list, in the
id order of nodes.csv; the Pucci family has no marriage ties and stays as an
isolate (networkx's florentine_families_graph() drops it).

Regenerate from the repository root with:

    python3 testdata/dl/make_florentine_dl.py testdata/florentine \
        > testdata/dl/florentine_marriage.dl

Only the Python standard library is needed.
"""

import csv
import os
import sys


def main(folder):
    with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
        nodes = [(row["id"], row["label"]) for row in csv.DictReader(f)]
    index = {node_id: i for i, (node_id, _) in enumerate(nodes)}
    n = len(nodes)
    matrix = [[0] * n for _ in range(n)]
    with open(os.path.join(folder, "edges.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["layer"] != "marriage":
                continue
            i, j = index[row["source"]], index[row["target"]]
            matrix[i][j] = matrix[j][i] = 1

    out = sys.stdout
    out.write("DL N=%d FORMAT=FULLMATRIX\n" % n)
    out.write("LABELS:\n")
    out.write(",".join(label for _, label in nodes) + "\n")
    out.write("DATA:\n")
    for row in matrix:
        out.write(" ".join(str(v) for v in row) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_florentine_dl.py DATASET_FOLDER > florentine_marriage.dl")
    main(sys.argv[1])
