// Package fuse fuses several illicit networks — the same people and
// groups reported by different agencies, spelt differently — into one
// network, keeping where every actor and link came from.
//
// It lives in network/fuse because its product is a network.Network:
// it sits below the analyses (network/analysis, nexus, supplychain),
// which run unchanged on a fused network, and depends on package
// network only.
//
// # Records and sources
//
// Each Source is a network with a name ("fbi"). Its actors are the
// records to match. Two actors of one source are distinct by definition
// (a source does not list one person twice under two IDs); they are not
// compared, and no fused actor holds two records of one source, unless
// Options.WithinSource asks to find duplicates within sources (or a
// must-link joins them).
//
// # Normalisation
//
// Names and aliases are normalised (Normalize): lower case; Latin
// letters with diacritics folded to ASCII by a table (Latin-1
// Supplement, Latin Extended-A, ș ț), combining marks dropped;
// apostrophes removed; every other non-letter, non-digit a separator;
// "Surname, Given" turned round; the particles of Particles ("al",
// "el", …) dropped and "al"/"el" glued to a longer token stripped
// ("Alhazmi" → "hazmi"); glued "Abd al-" forms split ("Abdelaziz" →
// "abd aziz"); and the transliteration variants of Variants replaced by
// one canonical token (Mohamed/Mohammed/Muhammad/Mohammad/Mohamad →
// muhammad; Abu/Abou; Usama/Osama; Yusuf/Yousef/Youssef/Jusuf;
// Husayn/Hussein; Abdul/Abdel/Abd; Omar/Umar; Othman/Usman; …). The
// normalisation only has to be consistent, not linguistically right:
// "Alexandros" becomes "exandros" on both sides.
//
// # Similarity
//
// Two names compare by their normalised tokens. Equal sorted tokens
// score 1 (word order never matters). Otherwise the score is TokenSet,
// the symmetric Monge–Elkan mean of the best Jaro–Winkler similarity of
// each token to the other name's tokens (Monge & Elkan 1996), a token
// pair scoring the better of its canonical and its pre-variant forms;
// when the names have different token counts but nearly the same
// letters (within two), the Jaro–Winkler similarity of the sorted tokens
// written without spaces may raise it ("Abu Bakar", "Abubakar").
// Jaro–Winkler is Winkler's (1990) comparator: prefix scale 0.1, prefix
// at most 4, applied when the Jaro similarity exceeds 0.7. Names that
// both carry digits and differ in them ("Umar1", "Umar2") score 0.
// The pair of records compares every name and alias of one with every
// name and alias of the other and keeps the pair of the largest weight.
//
// # The Fellegi–Sunter weight
//
// Each compared field adds log2(m/u) on agreement and log2((1−m)/(1−u))
// on disagreement (Fellegi & Sunter 1969), where m is the probability of
// the outcome among pairs of records of one actor and u among pairs of
// different actors; the pair's weight W is the sum, in bits. A field
// that either record lacks adds nothing. The fields (Model,
// DefaultModel lists the m and u):
//
//   - name: banded by the best name similarity — exact, ≥ 0.92, ≥ 0.85,
//     below — each band with its m and u; an alias on either side uses
//     the alias bands, weaker, since aliases (kunyas, nicknames,
//     initials) are shared by more people than full names; two main
//     names below every band that have the same number of tokens with
//     the same American Soundex codes fall in the phonetic band instead
//     ("Didu", "Diddi": D300; Soundex, Christen 2012 ch. 4), a name
//     spelt as heard;
//   - id: equal IDs (case ignored), weak evidence by default;
//   - kind, when both kinds are known; else sector, when both records
//     have sectors (agreement: a shared sector);
//   - attributes: date of birth (synonym keys date_of_birth, dob,
//     birth_date, birthdate, born; a date of lower precision containing
//     the other is a coarse agreement, two full dates with the same month
//     and day in different years a partial one: a wrong year, a common
//     keying error), place of birth, nationality,
//     country, gender; and every other attribute key both records hold,
//     compared as lower-case text, with weak weights;
//   - neighbours: the contacts the two records share, added after the
//     first clustering (see Relational evidence).
//
// Decision.Fields lists each field's outcome and weight: the report says
// what drove each decision.
//
// # Thresholds and outcomes
//
// W ≥ MergeAt (default 6 bits) merges the pair; ReviewAt ≤ W < MergeAt
// (default 2) lists it for review (Result.Review) without merging;
// W < ReviewAt keeps it distinct. MergeAt ≥ ReviewAt > CannotAt is
// required ("thresholds out of order" otherwise). 6 bits is a likelihood
// ratio of 64 : 1 for a match; a full-name match at similarity ≥ 0.92
// with nothing against it reaches it, an exact name with a disagreeing
// date of birth does not (review) — unless the contacts the two
// records share add enough (see Relational evidence). The defaults were
// set on the first benchmark of testdata/fusion and left alone for the
// second.
//
// # Blocking
//
// Records are compared only when they share a blocking key (Christen
// 2012, ch. 4): the lower-case ID; per token of every name and alias,
// its first three letters and (five letters or more) its last three;
// per one-token name, its first two letters; the full date of birth.
// A key shared by more than MaxBlock records (default 500) is skipped
// as uninformative (a "stop key" such as the prefix of muhammad); a
// record all of whose keys are skipped keeps its smallest. Result.Stats
// gives the number of pairs compared against the all-against-all count.
// Override pairs are always compared.
//
// # Clustering and the transitive check
//
// Merging is clustering. Must-links are applied first (absolutely); a
// cannot-link inside the result is an error. Then the merge decisions
// are taken in decreasing order of weight (ties in record order: source
// order, then actor order): two clusters are joined unless the union
// would hold a cannot-link pair, two records of one source (without
// WithinSource), or any pair of records — compared by blocking or not,
// scored on demand — whose weight is below CannotAt (default −6 bits, a
// strong non-match). So a chain of matches a~b~c never joins a and c
// when they strongly disagree; the refused decision becomes a review
// with a Note saying which pair stopped it.
//
// # Relational evidence
//
// The same person reported by two sources tends to have the same
// contacts (collective entity resolution, Bhattacharya & Getoor 2007).
// After the first clustering, every compared pair of records in two
// clusters whose weight is at least CannotAt (not a strong non-match)
// and that no override names gets one more field, "neighbours". Let
// N(r) be the clusters holding the neighbours of record r in its own
// source network (the actors joined to it by any link, whatever its
// direction, type or grade); for the pair (a, b), with own clusters
// C(a) and C(b),
//
//	A = N(a) \ {C(a), C(b)},  B = N(b) \ {C(a), C(b)},
//	S = A ∩ B,  J = |S| / |A ∪ B|  (the Jaccard overlap),
//
// and the outcome is strong when |S| ≥ 2 and J ≥ MinOverlap (0.4),
// weak when |S| = 1 and J ≥ MinOverlap (one or two contacts each, one
// shared), diluted when |S| ≥ 1 and J < MinOverlap (contacts that many
// in a dense group share), none shared when S is empty while |A| ≥ 2
// and |B| ≥ 2, and otherwise the field is not compared; the outcome adds
// log2(m/u) of its level (Model.Neighbours; by default +4.82, +4.64, 0
// and −2.00 bits). The Field's values name the shared contacts (as a's
// source spells them) and give |A| | |B| and J, so the merge report says
// when the contacts drove a decision. Then the records are clustered
// again from scratch — must-links, then the merges by decreasing weight
// with the transitive check, as above — the evidence of each round taken
// from the clusters of the one before; the rounds stop when the clusters
// do not change, or after RelationalRounds (3). Stats.Rounds and
// Stats.Relational count the rounds and the pairs given the field. The
// blocking is unchanged: only pairs already compared get relational
// evidence, so a pair whose names share no blocking key is never joined
// by its contacts alone. Pairs merged in the first clustering keep their
// weight; a cannot-link is obeyed whatever the contacts, and so is a
// weight below CannotAt (that of the records' own fields: the relational
// evidence may push a pair below it, never lift one above it). A Model
// whose Neighbours is the zero value switches the rounds off.
//
// # The fused network
//
// One actor per cluster, in order of each cluster's first record:
//
//   - ID: the first record's ID, or source:id if an earlier fused actor
//     took it, then source:id#2, #3 …;
//   - Name: the most frequent main name, ties to the one most similar to
//     the other records' names (the medoid, which passes over one
//     source's typo), then the first; Aliases: every other name and
//     alias of every record, in record order, without repeats — no name
//     is lost;
//   - Kind: the first known kind in source order; Sectors: the extra
//     sector tags of the first record that has any. Disagreeing kinds or
//     sector sets are Contradictions, never made into a hybrid;
//   - Attributes: the union; on a conflict the first value in source
//     order is kept and the conflict listed (a date of lower precision
//     within another is no conflict);
//   - RecordsKey ("fuse.records"): the source records, source:id:name
//     joined by '|' with '\', '|' and ':' escaped by a backslash (read
//     back with Records); ContradictionsKey ("fuse.contradictions"): the
//     values of every contradicted field per record (ActorContradictions).
//     Both are scalar text, so they survive every lossless format. An
//     input actor that already carries fuse.records (a fused network
//     fused again) contributes its records, not itself.
//
// Links: every link of every source is kept as its own link, in source
// then link order, its ends mapped to the fused actors, its grade,
// weight, dates and attributes unchanged; an empty Source becomes the
// source's name, a non-empty one is kept, and the attribute SourceKey
// ("fuse.source") names the source in any case. A relation reported by
// several sources is several links — corroboration, never averaged —
// and Corroborations counts them per (ends, element, type, mutual). A
// link between two records merged into one actor becomes a self-link.
// The network's attributes are those of every source prefixed with its
// name ("fbi.period").
//
// # Determinism
//
// Records, pairs, merges and output follow source and actor order;
// pairs are scored, and given their relational evidence, in parallel
// (Options.Workers) into fixed positions.
// The same input gives the same bytes whatever the number of cores.
//
// # References
//
//   - Fellegi, I. P. & Sunter, A. B. (1969). A theory for record linkage.
//     Journal of the American Statistical Association 64(328): 1183–1210.
//   - Winkler, W. E. (1990). String comparator metrics and enhanced
//     decision rules in the Fellegi–Sunter model of record linkage.
//     Proceedings of the Section on Survey Research Methods, ASA: 354–359.
//   - Jaro, M. A. (1989). Advances in record-linkage methodology as
//     applied to matching the 1985 census of Tampa, Florida. JASA 84: 414–420.
//   - Monge, A. E. & Elkan, C. P. (1996). The field matching problem:
//     algorithms and applications. KDD-96: 267–270.
//   - Bhattacharya, I. & Getoor, L. (2007). Collective entity resolution
//     in relational data. ACM Transactions on Knowledge Discovery from
//     Data 1(1): article 5.
//   - Christen, P. (2012). Data Matching: Concepts and Techniques for
//     Record Linkage, Entity Resolution, and Duplicate Detection.
//     Springer — blocking (ch. 4), pairwise precision, recall and F1
//     (ch. 7).
package fuse
