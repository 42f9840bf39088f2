# Reference values for Gould-Fernandez brokerage (network/measure/brokerage.go).
#
# Regenerate (from the repository root) with:
#
#     Rscript testdata/reference/brokerage.R
#
# Needs R with the sna package (Debian: r-base-core, r-cran-sna; made with
# R 4.2.2 and sna 2.7-1). Writes testdata/reference/brokerage.json: case name
# -> {"graph", "directed", "n", "groups" (the partition, one label per node,
# as strings), "raw_nli", "exp_nli", "sd_nli", "z_nli" (node x role matrices,
# rows = nodes in the Go loaders' order, columns w_I w_O b_IO b_OI b_O t),
# "raw_gli", "exp_gli", "sd_gli", "z_gli" (the 6 global values)}, all the
# output of sna::brokerage(g, cl) on the 0/1 adjacency matrix. Numbers are
# written as strings with 17 significant digits ("NaN", "Inf" and "-Inf"
# included), so that no JSON package is needed here and no value is lost.
#
# Cases:
#   krebs-911-flight   testdata/krebs-911, undirected (symmetric matrix, i.e.
#                      every edge as two arcs), partition nodes.csv `flight`
#                      (the empty label of the 49 non-hijackers is a group);
#   rhodes-n17-faction testdata/rhodes-n17, undirected, partition nodes.csv
#                      `Faction` (the empty label of 9 people is a group);
#   caviar-phase       testdata/caviar, directed union of the 11 phases,
#                      partition nodes.csv `first_phase` (blank for 3 isolates
#                      is a group);
#   dir_er_50-random   reference graph dir_er_50, partition of 4 groups drawn
#                      with set.seed(20261122); sample(1:4, n, replace = TRUE);
#   dir_ba_200-random  reference graph dir_ba_200, 5 groups labelled g1..g5,
#                      drawn after the previous draw from the same seed;
#   er_60-small-groups reference graph er_60 (undirected), node 0 alone in
#                      group "solo", nodes 1-2 in group "pair", the others
#                      in groups "a", "b", "c" drawn next from the same seed:
#                      the roles that a group of 1 or 2 cannot play have
#                      sd 0 and z NaN or Inf.

suppressMessages(library(sna))

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
root <- dirname(here) # testdata/

num <- function(x) paste0('"', sprintf("%.17g", as.double(x)), '"')
vec <- function(x) paste0("[", paste(num(x), collapse = ","), "]")
mat <- function(m) paste0("[", paste(apply(m, 1, vec), collapse = ",\n  "), "]")
strs <- function(x) paste0("[", paste0('"', x, '"', collapse = ","), "]")

edge_list_matrix <- function(folder, directed) {
  nodes <- read.csv(file.path(root, folder, "nodes.csv"), colClasses = "character")
  edges <- read.csv(file.path(root, folder, "edges.csv"), colClasses = "character")
  n <- nrow(nodes)
  g <- matrix(0, n, n)
  s <- match(edges$source, nodes$id)
  t <- match(edges$target, nodes$id)
  g[cbind(s, t)] <- 1
  if (!directed) g[cbind(t, s)] <- 1
  diag(g) <- 0
  list(g = g, nodes = nodes)
}

generated_matrix <- function(name) {
  txt <- paste(readLines(file.path(here, "graphs", paste0(name, ".json"))), collapse = "")
  n <- as.integer(sub('.*"n": *([0-9]+).*', "\\1", txt))
  directed <- grepl('"directed": *true', txt)
  e <- sub('.*"edges": *\\[(.*)\\]\\].*', "\\1", txt)
  nums <- as.numeric(regmatches(e, gregexpr("[0-9.]+", e))[[1]])
  m <- matrix(nums, ncol = 3, byrow = TRUE)
  g <- matrix(0, n, n)
  g[cbind(m[, 1] + 1, m[, 2] + 1)] <- 1
  if (!directed) g[cbind(m[, 2] + 1, m[, 1] + 1)] <- 1
  diag(g) <- 0
  list(g = g, directed = directed)
}

record <- function(name, graph, directed, g, cl) {
  b <- brokerage(g, cl)
  paste0('"', name, '": {\n "graph": "', graph, '",\n "directed": ', tolower(directed),
         ',\n "n": ', nrow(g), ',\n "groups": ', strs(cl),
         ',\n "raw_nli": ', mat(b$raw.nli), ',\n "exp_nli": ', mat(b$exp.nli),
         ',\n "sd_nli": ', mat(b$sd.nli), ',\n "z_nli": ', mat(b$z.nli),
         ',\n "raw_gli": ', vec(b$raw.gli), ',\n "exp_gli": ', vec(b$exp.gli),
         ',\n "sd_gli": ', vec(b$sd.gli), ',\n "z_gli": ', vec(b$z.gli), "\n}")
}

out <- character()
k <- edge_list_matrix("krebs-911", FALSE)
out <- c(out, record("krebs-911-flight", "krebs-911", FALSE, k$g, k$nodes$flight))
r <- edge_list_matrix("rhodes-n17", FALSE)
out <- c(out, record("rhodes-n17-faction", "rhodes-n17", FALSE, r$g, r$nodes$Faction))
cv <- edge_list_matrix("caviar", TRUE)
out <- c(out, record("caviar-phase", "caviar", TRUE, cv$g, cv$nodes$first_phase))
set.seed(20261122)
d <- generated_matrix("dir_er_50")
out <- c(out, record("dir_er_50-random", "dir_er_50", TRUE, d$g,
                     as.character(sample(1:4, nrow(d$g), replace = TRUE))))
d <- generated_matrix("dir_ba_200")
out <- c(out, record("dir_ba_200-random", "dir_ba_200", TRUE, d$g,
                     paste0("g", sample(1:5, nrow(d$g), replace = TRUE))))
d <- generated_matrix("er_60")
out <- c(out, record("er_60-small-groups", "er_60", FALSE, d$g,
                     c("solo", "pair", "pair", sample(c("a", "b", "c"), nrow(d$g) - 3, replace = TRUE))))
writeLines(c("{", paste(out, collapse = ",\n"), "}"), file.path(here, "brokerage.json"))
