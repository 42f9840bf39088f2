// Package robust says how sure a ranking of actors is, given the grades of
// the reports it rests on: whether the critical node of the nexus is still
// first when the poorly graded links are dropped (Sensitivity), how often
// it is first when every link is kept with the probability its grade
// gives (MonteCarlo), and which single reports the conclusion rests on
// (Criticality).
//
// It is a sub-package of nexus, nexus/robust, because it ranks with the nexus
// measures (nexus betweenness, convergence, key players) as well as the
// general ones of package analysis, and so sits above both: neither
// analysis nor nexus needs to know about it, and any other ranking can be
// plugged in as a Measure.
//
// # Rankings
//
// A Measure is a name and a function from an *analysis.Scope to one score
// per actor (analysis.Scores); higher ranks first. Ready-made ones:
// Betweenness (analysis.Betweenness, normalised as NetworkX's
// betweenness_centrality), NexusBetweenness (nexus.Betweenness, between the
// scope's sets A and B, raw), Convergence (nexus.Convergence's score; 0
// for an actor that is not a convergence node) and KeyPlayers (1 for a
// member of the set nexus.KeyPlayers finds with its fixed seed, else 0).
//
// Every analysis recomputes the measure on scopes that keep fewer of the
// scope's links. Such a scope is built on a copy of the network holding
// every actor (so the actors, their order and the sets A and B do not
// change) and the links kept, with the scope's options: its view (elements,
// types, time, minimum grade, aggregation), direction and weighting apply
// as before, so with weighted aggregations dropping one of several parallel
// links weakens the tie rather than cutting it. The links at stake — the
// "evidence" — are the links the scope keeps between two distinct actors
// (self-links are left out of views).
//
// # Who is first
//
// In every analysis, for one set of scores (NaN and infinite values rank
// nowhere):
//
//   - if every ranked score is equal (as when no link is left), nobody is
//     first and nobody is in the top k: nothing tells the actors apart;
//   - otherwise the first actors are those with the highest score (several
//     if tied), and the top k are the actors with fewer than k actors
//     strictly above them and a score strictly above the lowest — ties at
//     the k-th place are all in, and actors at the bottom (betweenness 0)
//     never are, so the top k may hold more or fewer than k actors.
//
// # Sensitivity to grade thresholds
//
// Grade.Confidence (package network) maps a grade to reliability ×
// credibility; the 36 Admiralty grades A1 … F6 take 18 distinct values
// (Levels), from E5 (0.04) to A1 (1), and the grades of the UK systems fall
// on the same values. Sensitivity ranks the actors on the scope keeping
// the links whose confidence is at least each level in turn (as
// network.ViewOptions.MinGrade does), from the loosest to A1, listing for
// each the links kept, the first actors, the top k and Kendall's τ-b
// against the full scope; ChangesAt is the loosest level at which the first
// actors change, the grade of evidence the conclusion needs.
//
// # Monte Carlo
//
// Each link l of the evidence is kept independently with probability
//
//	p_l = Grade.Confidence(l.Grade)
//
// (or MonteCarloOptions.Keep(l)). An ungraded link counts as
// network.UngradedConfidence = 0.25, the confidence of F6 ("reliability
// cannot be judged, truth cannot be judged"): the library's rule for
// ungraded links everywhere. A published dataset, whose links are all
// ungraded, is therefore thinned to a quarter of its links in every run —
// a test of how much of its structure survives heavy loss; give Keep to
// model another rate of missing data, as Borgatti, Carley & Krackhardt
// (2006) do with random edge removal.
//
// A run r draws one number u, uniform in [0, 1), per link in link order
// from the generator rand.NewPCG(Seed, r) and keeps the link if u < p_l;
// runs are spread over Workers goroutines and combined in run order, so
// the result depends on the seed only, whatever the number of cores. For
// each actor v, with x_r(v) its score in run r of R:
//
//   - Mean = Σ_r x_r(v) / R, an unbiased estimate of the expectation over
//     all 2^m subsets S of the m links,
//     E[x(v)] = Σ_S Π_{l∈S} p_l Π_{l∉S} (1 − p_l) · x_S(v);
//     SD is the sample standard deviation (divisor R − 1) and SE = SD/√R
//     the standard error of the mean (the tests check the mean against
//     enumeration within 4·SD/√R);
//   - Low and High are the 5th and 95th percentiles of the x_r(v), by
//     linear interpolation between closest ranks (Hyndman & Fan 1996,
//     definition 7; R's and NumPy's default; see Percentile): a 90 %
//     interval of the score under the uncertainty of the evidence;
//   - PFirst is the share of runs in which v is first, a run with t actors
//     tied first counting 1/t for each (so the PFirst of all actors sum to
//     the share of runs that have a first actor); PTop is the share of runs
//     in which v is in the top k, ties all counted.
//
// Rank stability is Kendall's τ-b between each run's scores and the full
// scope's (KendallTau), summarised by its mean, standard deviation and
// 5th–95th percentiles over the runs where it is defined. Memory is
// R × actors × 8 bytes (the exact percentiles need every score; see
// MaxValues).
//
// # Evidence criticality
//
// Criticality removes each link of the evidence alone and recomputes the
// ranking. The links whose removal changes the first actors or drops an
// actor from the top k are listed with their source and grade, most
// critical first: those that change the first actors, then by the number
// of actors dropped from the top k, then by the fall in score of the
// actor first on the full scope, then in link order.
//
// # Kendall's τ-b
//
// For two score vectors over n actors, with n₀ = n(n−1)/2 pairs, n_c
// concordant and n_d discordant pairs, n₁ pairs tied in the first and n₂
// in the second,
//
//	τ_b = (n_c − n_d) / √((n₀ − n₁)(n₀ − n₂)),
//
// undefined when either vector is constant. Ties are the rule with
// betweenness (many actors at 0), hence τ-b rather than τ-a. KendallTau
// computes it in O(n log n) (Knight 1966); it is checked against the
// definition in testdata/robust/kendall.py.
//
// # Cost
//
// A run copies the network's actors and the links kept and builds its
// scope (about 2 ms for 1,000 actors and 3,000 links), then computes the
// measure on one goroutine. 1,000 runs of nexus betweenness on a generated
// network of 1,000 typed actors and 3,000 graded links take about 5 s on 2
// cores (BenchmarkMonteCarlo). Criticality costs one run per link and
// Sensitivity one per level.
//
// References: M. G. Kendall (1938), "A new measure of rank correlation",
// Biometrika 30: 81–93; M. G. Kendall (1945), "The treatment of ties in
// ranking problems", Biometrika 33: 239–251; W. R. Knight (1966), "A
// computer method for calculating Kendall's tau with ungrouped data",
// J. Am. Stat. Assoc. 61: 436–439; S. P. Borgatti, K. M. Carley & D.
// Krackhardt (2006), "On the robustness of centrality measures under
// conditions of imperfect data", Social Networks 28: 124–136; R. J.
// Hyndman & Y. Fan (1996), "Sample quantiles in statistical packages",
// Am. Stat. 50: 361–365.
package robust
