package nexus

import (
	"fmt"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/measure"
)

// Broker is an actor's cross-sector brokerage: the Gould–Fernandez (1989)
// roles it plays on two-paths from sector A actors to sector B actors.
type Broker struct {
	// Actor is the actor's ID; Sector its primary sector (Actor.Sector).
	Actor  string
	Sector network.Sector
	// Liaison counts open two-paths a→v→c with a in A, c in B and v in
	// neither.
	Liaison int
	// Representative counts open two-paths a→v→c with a and v in A and c
	// in B: v carries A's contact to B.
	Representative int
	// Gatekeeper counts open two-paths a→v→c with a in A and v and c in B:
	// v lets A's contact into B.
	Gatekeeper int
	// Total is Liaison + Representative + Gatekeeper.
	Total int
	// Overall are the actor's Gould–Fernandez counts over every pair of
	// sectors, indexed by measure.BrokerageRole (measure.Brokerage's Raw
	// with the primary-sector partition), for context.
	Overall [measure.NumBrokerageRoles]int
}

// CrossSectorBrokerage reports who brokers from sector A to sector B
// (e.g. criminal → terrorist) in the Gould–Fernandez (1989) sense, on the
// directed view of n built with opts (so opts can select elements, a time
// window, a minimum grade, …; edge weights are ignored).
//
// Each actor's group is its primary sector (Actor.Sector; NoSector for an
// untyped actor, a group of its own). A node v brokers the open two-path
// a→v→c when a→v and v→c are arcs, a, v and c are distinct and there is
// no arc a→c, as in measure.Brokerage. Of those, only the paths from an
// A actor a to a B actor c count, classified by v's sector: liaison (v in
// neither A nor B), representative (v in A) or gatekeeper (v in B). The
// direction matters: a Mutual link is an arc each way, and paths from B to
// A are counted by calling with the sectors swapped. The Gould–Fernandez
// coordinator and itinerant roles do not join two different sectors and
// are left out of Total; measure.Brokerage's counts over all sectors are
// given in Overall.
//
// Every actor of the view is reported, ranked by Total descending, ties
// by actor ID. It fails if a sector is invalid, if A == B, or if opts is
// invalid.
//
// Reference: R. V. Gould and R. M. Fernandez (1989), "Structures of
// mediation: a formal approach to brokerage in transaction networks",
// Sociological Methodology 19:89–126.
func CrossSectorBrokerage(n *network.Network, opts network.ViewOptions, sectorA, sectorB network.Sector) ([]Broker, error) {
	if !sectorA.Valid() || !sectorB.Valid() {
		return nil, fmt.Errorf("nexus: invalid sector %d or %d", sectorA, sectorB)
	}
	if sectorA == sectorB {
		return nil, fmt.Errorf("nexus: cross-sector brokerage needs two different sectors, got %s twice", sectorA)
	}
	g, ids, err := measure.FromNetwork(n, opts, true, false)
	if err != nil {
		return nil, err
	}
	sec := make([]network.Sector, len(ids))
	for i, id := range ids {
		a, _ := n.Actor(id)
		sec[i] = a.Sector()
	}
	br, err := measure.Brokerage(g, sec)
	if err != nil {
		return nil, err
	}
	out := make([]Broker, len(ids))
	for v := range ids {
		b := Broker{Actor: ids[v], Sector: sec[v], Overall: br.Raw[v]}
		in, _ := g.In(v)
		outs, _ := g.Out(v)
		for _, a := range in {
			if sec[a] != sectorA {
				continue
			}
			for _, c := range outs {
				if c == a || sec[c] != sectorB {
					continue
				}
				if _, closed := g.Weight(int(a), int(c)); closed {
					continue
				}
				switch sec[v] {
				case sectorA:
					b.Representative++
				case sectorB:
					b.Gatekeeper++
				default:
					b.Liaison++
				}
			}
		}
		b.Total = b.Liaison + b.Representative + b.Gatekeeper
		out[v] = b
	}
	slices.SortFunc(out, func(x, y Broker) int {
		if x.Total != y.Total {
			return y.Total - x.Total
		}
		return strings.Compare(x.Actor, y.Actor)
	})
	return out, nil
}
