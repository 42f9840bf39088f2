// Package report writes a threat assessment of an illicit network: every
// analysis of packages analysis, nexus and supplychain run on one scope,
// gathered in one Report with its evidence and pictures, and written as a
// self-contained HTML file, as Markdown and as JSON.
//
// # What a report holds
//
// Build runs, in this order, each stage reported to Options.Progress with
// its elapsed time:
//
//   - the network: actors by sector and kind, links by element, the
//     grading mix, the time span, the sources and commodities;
//   - the top actors by degree, betweenness, closeness and nexus
//     betweenness (package analysis and nexus.Betweenness);
//   - convergence nodes with the parts of their score (nexus.Convergence),
//     cross-sector brokers (nexus.CrossSectorBrokerage), corruption nodes
//     and iron triangles (nexus.CorruptionNodes, nexus.IronTriangles) and the
//     continuum stage of every pair of set A and set B (nexus.Continuum);
//   - a set of key players (KPP-Neg fragmentation, Borgatti 2006) and what
//     their removal does, and disruption curves — the share of A–B pairs
//     still connected (or, without sets, of actors in the largest component)
//     and the global efficiency against actors removed, one line per
//     strategy (nexus.Disrupt, static ranking);
//   - per commodity (the most frequent first): the supply-chain audit of
//     Realuyo (2013) (supplychain.Audit), the cheapest routes between the
//     places of its sources and of its markets, the route chokepoints, the
//     maximum flow with its minimum cut, and the interdiction trade-off
//     curve up to three links (supplychain.RouteNetwork);
//   - money trails from A to B with the gateways where criminal money
//     reaches terrorists — the money-convergence points — and the laundering
//     typologies (supplychain.Trails, supplychain.Laundering);
//   - early-warning changes between two time windows (nexus.WarnWindows):
//     new cross-sector ties, new and rising brokers;
//   - how sure the nexus-betweenness ranking is, given the grades of its
//     links (package nexus/robust): 200 Monte Carlo samples of the links,
//     each kept with its grade's confidence, with every actor's mean,
//     90 % interval, P(first) and P(top 5), and the links whose single
//     removal changes the top (up to 3000 actors and 1500 links);
//   - a "how to read this" list of the definitions with their references.
//
// The organisation-level analyses (everything but the routes, which run
// between places) use the scope without the place sector when the network
// has places, so that the located_at links of two groups to one country do
// not make the country a broker. A stage that cannot run on the data (no
// actor in set A, no materiel link, no dated link) leaves its section
// empty and says why in Report.Notes; Build fails only on an invalid
// scope.
//
// # Evidence
//
// Every finding lists the IDs of the links it rests on; Report.Links holds
// each cited link once, with its ends, element, type, source, grade and the
// statement (the "statement" attribute) it paraphrases, so that a reader
// can check a finding against its reports. The HTML links every cited ID to
// its row.
//
// # The JSON
//
// WriteJSON writes the Report as it is: each field under its JSON key (the
// field's name in snake case), each finding type carrying the result of
// the library function its documentation names, with actors as {id,
// name} and links as IDs into "links". The arrays "convergence",
// "key_players", "chokepoints" and "money_convergence" hold objects with
// an "id" field each, so that other programs can read the findings; an
// analysis that found nothing gives an empty array, never null.
//
// # Determinism
//
// Every number is computed from the data; nothing depends on map order or
// on timing, so the same network and options give the same bytes in every
// output format. Randomised steps (key-player restarts, the random
// disruption order, the layout of the pictures) draw from Options.Seed.
//
// The pictures are drawn by package network/render.
package report
