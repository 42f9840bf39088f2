// Package assess assesses the counter network — the agencies, task
// forces, multilateral bodies and programmes of the counter sector — against
// the illicit network it faces: "it takes a network to defeat a network"
// (John Arquilla, quoted by Realuyo 2013, who spells the name "Aquilla").
//
// # The model
//
// Realuyo (2013) assesses collaborative models against illicit networks on
// five critical elements — political will, institutions, mechanisms,
// resources and measures of effectiveness — and rates five bodies of the
// Western Hemisphere on them in Table 1, "Critical Elements for Effective
// Collaborative Models in the Western Hemisphere", with the words Yes,
// Some, Limited, Insufficient and Unclear (the table heads the last column
// "Measures of Success"). A Body carries one Rating per Element, read from
// the actor's attributes so that every file format can hold them:
//
//	political_will, institutions, mechanisms, resources,
//	measures_of_effectiveness       one of the words of the scale
//	rating_source                   the source of all the ratings
//	<element>_source                the source of one rating (overrides)
//
// Every rating needs a source. A rating on an actor outside the counter
// sector, a word outside the scale or a rating without a source is an
// error naming the actor, the element and the allowed words (Bodies).
//
// The numeric mapping, which the paper does not give and which is this
// package's choice, is ordinal: Yes 4, Some 3, Limited 2, Insufficient 1.
// Unclear is NaN, not 0: the paper uses it where evidence is missing — of
// UNODC and OAS it says that "they lack measures of effectiveness that
// make it difficult to determine their real countercrime impact" — which
// is not a low rating. Body.Score averages the elements rated with
// evidence; Limited and Insufficient are the weak ratings.
//
// # Coverage, gaps, duplication, structure
//
// Coverage says which actors each body reaches through links of the
// coverage types (operates_in, monitors, investigates, interdicts,
// funds_programme_in, partners_with) from the body, and through places: a
// body linked to a place covers the actors located at or operating in it
// and, with CoverageOptions.Steps above 1, in the places near it.
//
// Gaps finds the critical points of the illicit network — the scope
// without its counter actors — by the analyses of packages nexus and
// supplychain (top nexus betweenness, convergence nodes, key players,
// route chokepoints and minimum cuts, money gateways) and lists those no
// body covers, ranked by the number of reasons, then nexus betweenness,
// then actor order; and the places with illicit flows and no coverage.
//
// Overlaps gives the Jaccard index |A ∩ B| / |A ∪ B| of the coverage of
// every pair of bodies with shared targets, and Duplicates the groups of
// bodies covering the same actors ("greater donor coordination would
// ensure that all these security and development programs complement
// rather than duplicate each other", Realuyo 2013). Weak lists the bodies
// with coverage and an element rated Limited or Insufficient. Structure
// reads the counter network itself: its components, and the brokers whose
// loss splits it.
//
// Reference: C. B. Realuyo (2013), "Collaborating to combat illicit
// networks through interagency and international efforts", ch. 14 in M.
// Miklaucic and J. Brewer (eds.), Convergence: Illicit Networks and
// National Security in the Age of Globalization, Washington, DC: National
// Defense University Press, Table 1. The bundled dataset
// testdata/counter/table1.json reproduces Table 1.
package assess
