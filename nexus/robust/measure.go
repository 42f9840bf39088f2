package robust

import (
	"fmt"
	"math"

	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/nexus"
)

// Measure is an actor ranking: a name and a function from a scope to one
// score per actor of the scope. Higher scores rank first. The analyses of
// this package call Rank on many scopes that differ from the given one
// only in the links they keep (the same actors, in the same order, the
// same options), possibly from several goroutines at once, so Rank must be
// safe for concurrent use and deterministic.
type Measure struct {
	// Name names the ranking in results and errors ("betweenness",
	// "nexus betweenness", …).
	Name string
	// Rank scores every actor of the scope. An actor it gives no score
	// counts as NaN, which ranks nowhere.
	Rank func(*analysis.Scope) (analysis.Scores, error)
}

// Betweenness ranks by normalised shortest-path betweenness
// (analysis.Betweenness with normalized set: NetworkX's
// betweenness_centrality).
func Betweenness() Measure {
	return Measure{Name: "betweenness", Rank: func(s *analysis.Scope) (analysis.Scores, error) {
		return analysis.Betweenness(s, true), nil
	}}
}

// NexusBetweenness ranks by nexus betweenness between the scope's sets A
// and B (nexus.Betweenness: raw, not normalised). It fails if A or B is
// empty.
func NexusBetweenness() Measure {
	return Measure{Name: "nexus betweenness", Rank: nexus.Betweenness}
}

// Convergence ranks by the convergence score of nexus.Convergence with
// the options given; an actor that is not a convergence node scores 0.
func Convergence(opts nexus.ConvergenceOptions) Measure {
	return Measure{Name: "convergence", Rank: func(s *analysis.Scope) (analysis.Scores, error) {
		nodes, err := nexus.Convergence(s, opts)
		if err != nil {
			return analysis.Scores{}, err
		}
		values := make([]float64, s.Len())
		for _, c := range nodes {
			i, _ := s.Index(c.Actor)
			values[i] = c.Score
		}
		return s.Scores(values), nil
	}}
}

// KeyPlayers ranks by membership of the key-player set of nexus.KeyPlayers
// with the options given (opts.K players, opts.Seed fixed, so that every
// scope is searched alike): 1 for a member, 0 for any other actor. With
// it, P(first) splits equally among the K members of a run, and the
// probability of being in the top k, for k ≥ opts.K, is the probability of
// being a key player.
func KeyPlayers(opts nexus.KeyPlayerOptions) Measure {
	return Measure{Name: fmt.Sprintf("keyplayers(k=%d)", opts.K), Rank: func(s *analysis.Scope) (analysis.Scores, error) {
		set, err := nexus.KeyPlayers(s, opts)
		if err != nil {
			return analysis.Scores{}, err
		}
		values := make([]float64, s.Len())
		for _, id := range set.Actors {
			i, _ := s.Index(id)
			values[i] = 1
		}
		return s.Scores(values), nil
	}}
}

// check reports whether m can be used.
func (m Measure) check() error {
	if m.Rank == nil {
		return errorf("the measure %q has no Rank function: use Betweenness, NexusBetweenness, Convergence, KeyPlayers or give one", m.Name)
	}
	return nil
}

// values runs the measure on s and returns its scores in the scope's
// actor order (NaN for an actor it does not score).
func (m Measure) values(s *analysis.Scope) ([]float64, error) {
	sc, err := m.Rank(s)
	if err != nil {
		return nil, errorf("ranking by %s: %w", m.Name, err)
	}
	out := make([]float64, s.Len())
	if sc.Len() == s.Len() {
		same := true
		for i := range out {
			a := sc.At(i)
			if a.Actor != s.ActorID(i) {
				same = false
				break
			}
			out[i] = a.Value
		}
		if same {
			return out, nil
		}
	}
	for i := range out {
		v, ok := sc.Value(s.ActorID(i))
		if !ok {
			v = math.NaN()
		}
		out[i] = v
	}
	return out, nil
}

// errorf formats an error of package robust.
func errorf(format string, args ...any) error {
	return fmt.Errorf("robust: "+format, args...)
}
