package nexus

import (
	"slices"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/measure"
)

// Broker is an actor's cross-sector brokerage: the Gould–Fernandez (1989)
// roles it plays on two-paths from set A actors to set B actors.
type Broker struct {
	// Actor is the actor's ID; Sector its primary sector (Actor.Sector).
	Actor  string
	Sector network.Sector
	// Liaison counts open two-paths a→v→c with a in A, c in B and v in
	// neither.
	Liaison int
	// Representative counts open two-paths a→v→c with a in A, c in B and
	// v in A only: v carries A's contact to B.
	Representative int
	// Gatekeeper counts open two-paths a→v→c with a in A, c in B and v in
	// B only: v lets A's contact into B.
	Gatekeeper int
	// Hybrid counts open two-paths a→v→c with a in A, c in B and v in
	// both sets (a hybrid such as an insurgency tagged criminal): v is
	// itself where the two sets meet.
	Hybrid int
	// Total is Liaison + Representative + Gatekeeper + Hybrid.
	Total int
	// Overall are the actor's Gould–Fernandez counts over every pair of
	// primary sectors, indexed by measure.BrokerageRole (measure.Brokerage's
	// Raw with the primary-sector partition), for context.
	Overall [measure.NumBrokerageRoles]int
}

// CrossSectorBrokerage reports who brokers from set A to set B of the
// scope (by default criminal → terrorist) in the Gould–Fernandez (1989)
// sense.
//
// A node v brokers the open two-path a→v→c when a→v and v→c are arcs of
// the scope, a, v and c are distinct and there is no arc a→c, as in
// measure.Brokerage. Of those, only the paths from a member a of A to a
// member c of B count, classified by v's membership: liaison (v in
// neither set), representative (v in A only), gatekeeper (v in B only) or
// hybrid (v in both). On a directed scope a Mutual link is an arc each
// way, and paths from B to A are counted by a scope with the sets
// swapped; on an undirected scope every tie is an arc each way. The
// Gould–Fernandez coordinator and itinerant roles do not join the two
// sets and are left out of Total; measure.Brokerage's counts over all
// primary sectors are given in Overall. Edge weights are ignored.
//
// Every actor of the scope is reported, ranked by Total descending, ties
// in actor order. It fails if A or B is empty, or if they hold the same
// actors.
//
// Reference: R. V. Gould and R. M. Fernandez (1989), "Structures of
// mediation: a formal approach to brokerage in transaction networks",
// Sociological Methodology 19:89–126.
func CrossSectorBrokerage(s *analysis.Scope) ([]Broker, error) {
	inA, inB, err := s.Sets()
	if err != nil {
		return nil, errorf("cross-sector brokerage: %w", err)
	}
	if slices.Equal(inA, inB) {
		return nil, errorf("cross-sector brokerage: sets A and B hold the same actors; choose two different sets")
	}
	g := s.StrengthGraph()
	sec := make([]network.Sector, s.Len())
	for i := range sec {
		sec[i] = s.Actor(i).Sector()
	}
	br, err := measure.Brokerage(g, sec)
	if err != nil {
		return nil, errorf("cross-sector brokerage: %w", err)
	}
	out := make([]Broker, s.Len())
	for v := range out {
		b := Broker{Actor: s.ActorID(v), Sector: sec[v], Overall: br.Raw[v]}
		in, _ := g.In(v)
		outs, _ := g.Out(v)
		for _, a := range in {
			if !inA[a] {
				continue
			}
			for _, c := range outs {
				if c == a || !inB[c] {
					continue
				}
				if _, closed := g.Weight(int(a), int(c)); closed {
					continue
				}
				switch {
				case inA[v] && inB[v]:
					b.Hybrid++
				case inA[v]:
					b.Representative++
				case inB[v]:
					b.Gatekeeper++
				default:
					b.Liaison++
				}
			}
		}
		b.Total = b.Liaison + b.Representative + b.Gatekeeper + b.Hybrid
		out[v] = b
	}
	slices.SortStableFunc(out, func(x, y Broker) int { return y.Total - x.Total })
	return out, nil
}
