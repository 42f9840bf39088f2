// Package network is the typed, multilayer model of an illicit network:
// actors (cartels, gangs, cells, facilitators, corrupt officials, licit
// businesses, counter-network bodies, places) and the links between them,
// typed by the four critical elements of illicit supply chains — materiel,
// manpower, money and mechanisms — with provenance, time and intelligence
// grading on every link.
//
// # Actors
//
// An Actor has a stable string ID, a name, aliases, a Kind and free typed
// Attributes. Its primary Sector follows from the kind:
//
//	criminal     cartel, gang, mafia, criminal_group, pirates, criminal
//	terrorist    terrorist_group, insurgency, cell, operative
//	facilitator  smuggler, money_launderer, hawala, cash_courier, document_forger,
//	             travel_facilitator, arms_broker, cyber_provider
//	state        corrupt_official, state_security, state_sponsor
//	licit        business, front_company, financial_institution, charity, professional
//	counter      agency, task_force
//	place        country, region, city, port, border_crossing
//
// Kind unknown (sector none) is for untyped published data. Extra sector
// tags (Actor.Sectors) give an unknown actor its sector, or make an actor a
// hybrid: FARC is an insurgency tagged criminal. Hybrids are first-class,
// not errors (see Actor.Hybrid).
//
// # Links
//
// A Link runs From → To; a symmetric relation is stored once with Mutual
// set. Its Element is one of Materiel (what moves), Manpower (who moves,
// controls and enables it), Money (who funds, pays, launders), Mechanism
// (routes, conveyance, infrastructure, communication) or Association, for a
// tie whose function is unknown, as in most published datasets. Type names
// the relation within the element ("supplies", "funds", "member_of"). A link
// carries a non-negative Weight, a Commodity, Mode and Channel, an active
// time (Start, End as Dates of year, month or day precision), its Source
// and an intelligence Grade. Any number of links may join a pair.
//
// # Grades
//
// Grade holds a grade of the Admiralty / NATO 6x6 system ("B2"), the UK
// 5x5x5 system ("B2/3") or the UK 3x5x2 system ("1AP"). Grade.Confidence
// maps all three to a common confidence in [0, 1]: source reliability ×
// information credibility, each scored 1, 0.8, 0.6, 0.4 (or 0.5), 0.2 from
// best to worst, with "cannot be judged" and "untested" at 0.5. Ungraded
// links count as UngradedConfidence = 0.25, the confidence of F6.
//
// # Views
//
// Algorithms run on views: DirectedView and UndirectedView project the
// network onto a gonum graph (graph.WeightedDirected, graph.WeightedUndirected)
// keeping chosen elements, link types, sectors and kinds, a time window or
// instant and a minimum grade, and merging parallel links into one weight
// by an Aggregation (Count, Sum, Max, or DiscountedSum, which weighs each
// link by its grade's confidence). Node IDs in a view are dense, 0 … Len()-1,
// in actor insertion order, so any gonum algorithm gives reproducible
// results that View.ActorID maps back to actors. Self-links are left out of
// views.
//
// # Files
//
// The native JSON format (ReadJSON, Network.WriteJSON) keeps everything.
// Package netio reads native CSV, edge lists, GraphML, UCINET DL and Pajek,
// and writes native CSV and GraphML, both lossless. All readers report
// errors as *ParseError with file, line and record.
package network
