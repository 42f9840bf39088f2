package nexus

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/measure"
)

// Options say between which actors nexus betweenness is measured and on
// which view of the network. The zero value measures criminal-sector
// sources against terrorist-sector targets on the undirected, unweighted
// view of every actor and link.
type Options struct {
	// View selects the actors and links (elements, time window, minimum
	// grade, sectors, …) and how parallel links are aggregated into
	// weights; see network.ViewOptions.
	View network.ViewOptions
	// Directed follows links in their direction (Mutual links both ways);
	// otherwise every link is a two-way tie.
	Directed bool
	// Weighted uses the view's aggregated edge weights as path lengths
	// (larger = farther), found with Dijkstra's algorithm; otherwise paths
	// are counted in hops. Weights should be positive.
	Weighted bool
	// SectorA and SectorB are the sectors of the source set A and the
	// target set B: an actor belongs to a set if the sector is among its
	// sectors (kind or tag), so a hybrid can be in both. NoSector means
	// Criminal for A and Terrorist for B.
	SectorA, SectorB network.Sector
	// SetA and SetB, if non-nil, give A or B explicitly as actor IDs and
	// override SectorA or SectorB. Every ID must name an actor of the
	// network; actors the view leaves out are dropped from the set.
	SetA, SetB []string
	// Workers is the number of goroutines; 0 means GOMAXPROCS. Results do
	// not depend on it.
	Workers int
}

// ActorScore is the value of a measure for one actor.
type ActorScore struct {
	// ID is the actor's ID.
	ID string
	// Value is the actor's score.
	Value float64
}

// BetweennessResult is the nexus betweenness of every actor of a view,
// with the sets it was measured between.
type BetweennessResult struct {
	// Scores holds one entry per actor kept by the view, in the network's
	// actor order.
	Scores []ActorScore
	// A and B are the IDs of the source and target actors used, in actor
	// order.
	A, B []string
}

// Rank returns a copy of scores sorted by decreasing value, ties broken
// by increasing actor ID.
func Rank(scores []ActorScore) []ActorScore {
	out := slices.Clone(scores)
	slices.SortStableFunc(out, func(x, y ActorScore) int {
		if c := cmp.Compare(y.Value, x.Value); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
	return out
}

// Betweenness returns the nexus betweenness of every actor: for sets A
// (by default the criminal-sector actors) and B (by default the
// terrorist-sector actors),
//
//	NB(v) = Σ_{a ∈ A, b ∈ B, a ≠ b, a ≠ v ≠ b} σ(a, b | v) / σ(a, b)
//
// where σ(a, b) is the number of shortest paths from a to b in the view
// and σ(a, b | v) the number of those through v. The sum runs over ordered
// pairs (a, b) and is not halved or normalised: on an undirected view a
// pair of hybrids x, y in both A and B counts as (x, y) and as (y, x). The
// critical node of the nexus is the actor with the highest value (see
// Rank).
//
// It is computed exactly with Brandes' (2001) algorithm restricted to
// sources in A and targets in B (measure.SetBetweenness), in parallel.
//
// Reference: U. Brandes (2001), "A faster algorithm for betweenness
// centrality", J. Math. Sociol. 25(2): 163–177.
func Betweenness(n *network.Network, opts Options) (BetweennessResult, error) {
	c, err := compute(n, opts)
	if err != nil {
		return BetweennessResult{}, err
	}
	return c.result(), nil
}

// computed is the state shared by Betweenness and Convergence.
type computed struct {
	view   *network.View
	ids    []string
	inA    []bool
	inB    []bool
	values []float64
}

func (c *computed) result() BetweennessResult {
	r := BetweennessResult{Scores: make([]ActorScore, len(c.ids))}
	for i, id := range c.ids {
		r.Scores[i] = ActorScore{ID: id, Value: c.values[i]}
		if c.inA[i] {
			r.A = append(r.A, id)
		}
		if c.inB[i] {
			r.B = append(r.B, id)
		}
	}
	return r
}

func compute(n *network.Network, opts Options) (*computed, error) {
	if n == nil {
		return nil, fmt.Errorf("nexus: nil network")
	}
	sa, sb := opts.SectorA, opts.SectorB
	if sa == network.NoSector {
		sa = network.Criminal
	}
	if sb == network.NoSector {
		sb = network.Terrorist
	}
	if !sa.Valid() || !sb.Valid() {
		return nil, fmt.Errorf("nexus: invalid sector (%d, %d)", opts.SectorA, opts.SectorB)
	}
	var view *network.View
	var g *measure.Graph
	var err error
	if opts.Directed {
		var dv network.DirectedView
		if dv, err = n.DirectedView(opts.View); err == nil {
			view = dv.View
			g, err = measure.New(dv, opts.Weighted)
		}
	} else {
		var uv network.UndirectedView
		if uv, err = n.UndirectedView(opts.View); err == nil {
			view = uv.View
			g, err = measure.New(uv, opts.Weighted)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("nexus: %w", err)
	}
	ids := view.ActorIDs()
	member := func(set []string, s network.Sector, which string) ([]bool, error) {
		out := make([]bool, len(ids))
		if set == nil {
			for i := range ids {
				a, _ := view.Actor(int64(i))
				out[i] = a.InSector(s)
			}
			return out, nil
		}
		for _, id := range set {
			if !n.HasActor(id) {
				return nil, fmt.Errorf("nexus: set %s: no actor %q", which, id)
			}
			if i, ok := view.NodeID(id); ok {
				out[i] = true
			}
		}
		return out, nil
	}
	inA, err := member(opts.SetA, sa, "A")
	if err != nil {
		return nil, err
	}
	inB, err := member(opts.SetB, sb, "B")
	if err != nil {
		return nil, err
	}
	values := measure.SetBetweenness(g, inA, inB, measure.Options{Workers: opts.Workers})
	return &computed{view: view, ids: ids, inA: inA, inB: inB, values: values}, nil
}
