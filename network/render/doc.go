// Package render draws illicit networks and the charts of their analysis
// as standalone SVG, with the standard library alone: no external tools, no
// fonts, scripts or other resources. Every picture is deterministic: the
// same input (and layout seed) gives the same bytes, so pictures can be
// committed and compared. A picture is valid XML with xmlns, width, height
// and viewBox, so it opens by itself and also works inlined in HTML; text
// uses the generic font family sans-serif, widths being estimated at 0.6 em
// a rune. IDs inside a picture (arrowhead markers, clip paths) are derived
// from what they draw, so several pictures inlined in one page do not clash.
//
// # Network pictures
//
// Network draws a network (or a selection of its links and actors):
//
//   - Fill colour is the actor's primary sector, in the colour-blind-safe
//     Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"); see
//     SectorColor. A hybrid actor (more than one sector, Actor.Hybrid) keeps
//     its primary fill and gets a thick outline in its second sector's
//     colour; all its sectors are in its tooltip.
//   - Shape is the actor's kind, grouped (see ShapeOf): circles for groups
//     and bodies (cartels, gangs, cells, insurgencies, state services,
//     agencies), triangles for individuals (criminals, operatives, officials,
//     professionals), diamonds for facilitators, hexagons for businesses and
//     institutions, squares for places; an actor of unknown kind is a plain
//     circle too (grey unless it has a sector), listed as "kind unknown".
//   - Size: node area is proportional to a value (NetworkOptions.Size, by
//     default the degree in the drawn links), between a minimum and a
//     maximum radius that depend on the number of actors drawn.
//   - Links are coloured and dashed by element (see ElementStyle): materiel
//     solid brown, manpower dashed purple, money dash-dot green, mechanism
//     dotted blue, association solid grey. Directed (non-mutual) links end in
//     an arrowhead at their target. Several links between one pair are drawn
//     as a fan of slight curves, so none hides another; a pair's links are
//     never merged. When weights vary, the stroke width grows with the square
//     root of the weight. Self-links are not drawn.
//   - Highlights draw a ring in their colour around their actors and their
//     links again on top, thicker, in their colour; each is listed in the
//     legend by name.
//   - Labels (Actor.Label, cut at 30 runes) are placed greedily in priority
//     order, highlighted actors first and then by size: each tries twelve
//     positions around its node, close and then a little further out (slid
//     back into the drawing area for a node at its edge), and is skipped if
//     every one would overlap a node or a label already placed, or leave the
//     drawing area, so labels never pile up; at most NetworkOptions.MaxLabels
//     are placed. Highlighted actors and the five largest are always
//     labelled when there is room within three node radii and 80 pixels: a
//     crowded one gets a position further out, with a thin leader line to
//     its node, or else takes the place of lower-priority labels. Links
//     never block a label.
//   - The legend, in a panel on the right that nodes never cover, lists only
//     the sectors, shapes and elements present, the hybrid outline and
//     arrowheads when they occur, the highlights and the meaning of size.
//   - Each actor is an SVG group with a <title> (name, ID, kind, sectors,
//     size) that browsers show as a tooltip; links have one too.
//
// # Layout
//
// Layout (and Network) place actors by the force-directed algorithm of
// Fruchterman and Reingold (1991), "Graph drawing by force-directed
// placement", Software: Practice and Experience 21(11):1129–1164: pairwise
// repulsion k²/d, attraction d²/k along links (each joined pair once, however
// many links join it), and a displacement limit (the temperature) that cools
// linearly over 300 iterations; a weak pull to the centroid keeps loosely
// attached parts close. It starts from a random placement drawn from
// math/rand/v2's PCG seeded with the seed, so it is deterministic. Each
// connected component is laid out on its own and the components are then
// packed in rows, largest first, so that disconnected parts sit side by side
// instead of flying apart. Repulsion is computed exactly, in O(n²) per
// iteration: 300 actors take a few tens of milliseconds. Network then removes
// the remaining node overlaps in pixel space. gonum's layout.EadesR2 was not
// used because it has no cooling and lets components drift apart.
//
// # Charts
//
// Lines draws series as lines with markers (a different marker shape per
// series, so series stay apart without colour), Bars horizontal bars with
// their values; both have axes with round ticks (Heckbert 1990, "Nice
// numbers for graph labels", Graphics Gems), gridlines and labels. Colours
// come from Palette.
//
// Empty inputs (no actor, no finite point, no bar) give a valid picture
// saying "nothing to draw"; NaN and infinite values are skipped, never a
// panic.
package render
