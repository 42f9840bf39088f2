package supplychain

import (
	"math"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/supplychain/internal/trail"
)

// TrailOptions tune Trails.
type TrailOptions struct {
	// MaxHops bounds the transfers of a trail; 0 means 4.
	MaxHops int
	// Max is the most trails returned, the best ranked; 0 means 1000.
	Max int
}

// Trail is a money trail: a time-ordered, simple directed path of money
// links from a member of set A to a member of set B.
type Trail struct {
	// Actors are the actors from the payer to the payee.
	Actors []string
	// Links are the money links of the hops, in order.
	Links []network.LinkID
	// Bottleneck is the smallest amount along the trail: the most that can
	// have gone all the way.
	Bottleneck float64
	// Confidence is the mean grade confidence of the links
	// (network.Grade.Confidence; ungraded links count as F6).
	Confidence float64
	// Channels are the channels used, in order of first use, each once.
	Channels []string
	// Start and End are the earliest start and the latest end of the
	// links' dates (unset if no link gives one).
	Start, End network.Date
	// Fronts are the front companies and charities the trail passes
	// through, in order.
	Fronts []string
}

// Gateway is an actor through which proceeds of crime reach terrorist
// actors: the last actor before a member of set B on a trail from set A,
// when it is not itself in set B.
type Gateway struct {
	// Actor is the gateway.
	Actor string
	// Sources are the members of A whose trails pass through it, and
	// Targets the members of B it pays on them, in actor order.
	Sources, Targets []string
	// Links are its money links to the targets, in increasing order.
	Links []network.LinkID
	// Trails is the number of trails through it.
	Trails int
}

// TrailResult is the outcome of Trails.
type TrailResult struct {
	// Trails are the best ranked trails.
	Trails []Trail
	// Found is the number of trails within the hop bound, and Truncated
	// reports that Found exceeds len(Trails).
	Found     int
	Truncated bool
	// Gateways are the actors where the trails reach set B, in actor order.
	Gateways []Gateway
}

// Trails follows the money from set A to set B of the scope (by default,
// from criminal to terrorist actors): every simple directed path of at
// most MaxHops money links the scope keeps, in time order where the links
// are dated — each hop can have happened no earlier than the ones before
// it, a link being active from the first day of its start to the last day
// of its end (an unset side is open) — ending at the first member of B it
// reaches. A mutual money link counts both ways. A link's amount is its
// "amount" attribute if that is a number, else its weight.
//
// Trails are ranked by fewer hops, then larger bottleneck amount, then
// higher mean grade confidence, then by their links' IDs. The gateways are
// the actors where proceeds of crime reach terrorist actors ("how the drug
// trade and other proceeds of crime are used to finance terrorist
// actions", Luna 2008). It fails if set A or B is empty.
func Trails(s *analysis.Scope, opts TrailOptions) (TrailResult, error) {
	var res TrailResult
	a, b, err := s.Sets()
	if err != nil {
		return res, errorf("money trails: %w", err)
	}
	ts, fronts := transfers(s)
	r, gws, err := trail.TrailsAndGateways(s.Len(), ts, a, b, trail.Options{MaxHops: opts.MaxHops, Max: opts.Max, Front: fronts})
	if err != nil {
		return res, errorf("money trails: %v", err)
	}
	ids := func(xs []int) []string {
		if len(xs) == 0 {
			return nil
		}
		out := make([]string, len(xs))
		for i, x := range xs {
			out[i] = s.ActorID(x)
		}
		return out
	}
	links := func(xs []int) []network.LinkID {
		out := make([]network.LinkID, len(xs))
		for i, x := range xs {
			out[i] = network.LinkID(x)
		}
		return out
	}
	for _, t := range r.Trails {
		res.Trails = append(res.Trails, Trail{Actors: ids(t.Path), Links: links(t.Transfers), Bottleneck: t.Bottleneck,
			Confidence: t.Confidence, Channels: t.Channels, Start: t.Start, End: t.End, Fronts: ids(t.Crosses)})
	}
	res.Found, res.Truncated = r.Found, r.Truncated
	for _, g := range gws {
		res.Gateways = append(res.Gateways, Gateway{Actor: s.ActorID(g.Actor), Sources: ids(g.Sources), Targets: ids(g.Targets),
			Links: links(g.Transfers), Trails: g.Trails})
	}
	return res, nil
}

// transfers returns the money links the scope keeps as transfers between
// scope indexes (a mutual link both ways; the Link field is the LinkID),
// and the front-company and charity flags.
func transfers(s *analysis.Scope) ([]trail.Transfer, []bool) {
	var ts []trail.Transfer
	for l := range s.Network().LinksSeq() {
		if l.Element != network.Money || !s.Keeps(l) {
			continue
		}
		f, okf := s.Index(l.From)
		t, okt := s.Index(l.To)
		if !okf || !okt {
			continue
		}
		tr := trail.Transfer{From: f, To: t, Link: int(l.ID), Amount: trailAmount(l), Start: l.Start, End: l.End,
			Grade: l.Grade.Confidence(), Channel: l.Channel}
		ts = append(ts, tr)
		if l.Mutual {
			tr.From, tr.To = t, f
			ts = append(ts, tr)
		}
	}
	fronts := make([]bool, s.Len())
	for i := range fronts {
		k := s.Actor(i).Kind
		fronts[i] = k == network.FrontCompany || k == network.Charity
	}
	return ts, fronts
}

// trailAmount is a money link's "amount" attribute, if a finite non-negative
// number, else its weight.
func trailAmount(l network.Link) float64 {
	if v, ok := number(l.Attributes, "amount"); ok && v >= 0 && !math.IsInf(v, 0) {
		return v
	}
	return l.Weight
}

// PatternKind is a laundering typology (see Laundering).
type PatternKind = trail.Kind

// The laundering typologies.
const (
	FanIn         = trail.FanIn
	FanOut        = trail.FanOut
	Cycle         = trail.Cycle
	ScatterGather = trail.ScatterGather
	GatherScatter = trail.GatherScatter
	Layering      = trail.Layering
)

// LaunderingOptions tune Laundering; zero values are the defaults.
type LaunderingOptions struct {
	// Min is the least number of distinct counterparts of a fan-in,
	// fan-out, scatter–gather or gather–scatter (default 3).
	Min int
	// Window is the days within which a fan-in's or fan-out's transfers
	// must be able to fall (default 30; negative: no limit).
	Window int
	// MaxCycle and MaxChain bound cycles and layering chains, in
	// transfers (default 6 each).
	MaxCycle, MaxChain int
}

// Pattern is one instance of a laundering typology.
type Pattern struct {
	// Kind is the typology.
	Kind PatternKind
	// Central are the actors it turns on (the hub of a fan-in, fan-out or
	// gather–scatter; origin and destination of a scatter–gather or a
	// layering chain; the possible starts of a cycle); Actors all the
	// actors involved.
	Central, Actors []string
	// Links are its money links, in increasing order.
	Links []network.LinkID
	// Amount is the sum of their amounts; Start and End their time span.
	Amount     float64
	Start, End network.Date
}

// Laundering finds, on the money links the scope keeps, the patterns that
// anti-money-laundering work looks for, after the typologies of IBM's
// AMLSim: fan-in (at least Min distinct senders to one actor within the
// window), fan-out (one actor to at least Min receivers), cycle (a
// time-ordered directed cycle of 3 to MaxCycle transfers: round-tripping),
// scatter–gather (an origin pays at least Min intermediaries who all pay
// one destination afterwards), gather–scatter (at least Min senders into a
// hub that then pays at least Min receivers) and layering (a time-ordered
// chain of 3 to MaxChain transfers through front companies or charities
// only). Amounts and time order are read as by Trails. Patterns are
// ordered by kind, then by their actors and links; truncated reports
// that more cycles or chains than the search bound (10000 each) exist.
func Laundering(s *analysis.Scope, opts LaunderingOptions) (patterns []Pattern, truncated bool, err error) {
	ts, fronts := transfers(s)
	r, err := trail.Patterns(s.Len(), ts, trail.PatternOptions{Min: opts.Min, Window: opts.Window,
		MaxCycle: opts.MaxCycle, MaxChain: opts.MaxChain, Front: fronts})
	if err != nil {
		return nil, false, errorf("laundering patterns: %v", err)
	}
	for _, p := range r.Patterns {
		out := Pattern{Kind: p.Kind, Amount: p.Amount, Start: p.Start, End: p.End}
		for _, x := range p.Central {
			out.Central = append(out.Central, s.ActorID(x))
		}
		for _, x := range p.Actors {
			out.Actors = append(out.Actors, s.ActorID(x))
		}
		for _, x := range p.Transfers {
			out.Links = append(out.Links, network.LinkID(x))
		}
		patterns = append(patterns, out)
	}
	return patterns, r.Truncated, nil
}
