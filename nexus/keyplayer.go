package nexus

import (
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/measure"
)

// KeyPlayerOptions configures KeyPlayers.
type KeyPlayerOptions struct {
	// K is the size of the set sought (at least 1, at most the number of
	// candidates).
	K int
	// Objective is the measure maximised (measure.KeyPlayerObjective).
	Objective measure.KeyPlayerObjective
	// M is the step limit of measure.ReachPos: 0 means 1, negative means
	// no limit.
	M int
	// Candidates restricts the set to these actors; nil allows every actor
	// of the scope. Every candidate must be in the scope.
	Candidates []string
	// Seed seeds the random restarts.
	Seed uint64
	// Restarts is the number of random restarts, as in
	// measure.KeyPlayerOptions (0: the default number).
	Restarts int
}

// KeyPlayerSet is the outcome of KeyPlayers.
type KeyPlayerSet struct {
	// Objective is the measure maximised.
	Objective measure.KeyPlayerObjective
	// Actors are the key players' IDs, in actor order.
	Actors []string
	// Contribution[i] is the marginal contribution of Actors[i]: After
	// minus the objective of the set without it (for KPP-Neg, how much the
	// network heals when that actor is put back).
	Contribution []float64
	// Before is the objective of the empty set (the intact network), After
	// that of the set.
	Before, After float64
	// Evaluations counts objective evaluations.
	Evaluations int
}

// KeyPlayers finds a set of K key players of the scope by Borgatti's
// (2006) heuristic (measure.KeyPlayers: KPP-Neg fragmentation and
// distance-weighted fragmentation, KPP-Pos reach and distance-weighted
// reach). Key players are defined on the undirected reading of the
// scope's graph (an arc either way is a tie) with distances counted in
// steps, as Borgatti defines them for binary symmetric data: the scope's
// direction and weights do not change the result. The search is
// deterministic for a scope, options and seed.
//
// Reference: S. P. Borgatti (2006), "Identifying sets of key players in a
// social network", Comput. Math. Organ. Theory 12: 21–34.
func KeyPlayers(s *analysis.Scope, opts KeyPlayerOptions) (KeyPlayerSet, error) {
	mo := measure.KeyPlayerOptions{K: opts.K, Objective: opts.Objective, M: opts.M, Seed: opts.Seed,
		Restarts: opts.Restarts, Workers: s.Workers().Workers}
	if opts.Candidates != nil {
		mo.Candidates = make([]int, 0, len(opts.Candidates))
		for _, id := range opts.Candidates {
			i, ok := s.Index(id)
			if !ok {
				return KeyPlayerSet{}, errorf("key players: candidate %q is not an actor of the scope", id)
			}
			mo.Candidates = append(mo.Candidates, i)
		}
	}
	res, err := measure.KeyPlayers(s.StrengthGraph(), mo)
	if err != nil {
		return KeyPlayerSet{}, errorf("key players: %w", err)
	}
	// measure returns the set in increasing index, which is actor order.
	out := KeyPlayerSet{Objective: res.Objective, Contribution: res.Contribution, Before: res.Before,
		After: res.After, Evaluations: res.Evaluations, Actors: make([]string, len(res.Set))}
	for i, v := range res.Set {
		out.Actors[i] = s.ActorID(v)
	}
	return out, nil
}
