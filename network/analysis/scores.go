package analysis

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
)

// Score is the value of a measure for one actor.
type Score struct {
	// Actor is the actor's ID.
	Actor string
	// Value is the actor's value.
	Value float64
}

// Scores holds one value per actor, in actor order (the network's order
// of the actors a scope keeps). The zero value holds no actor. Scores are
// read-only: the methods return copies.
type Scores struct {
	actors []string
	index  map[string]int
	values []float64
}

// NewScores labels values[i] with actors[i]. It fails if the lengths
// differ or an actor ID repeats. Both slices are copied.
func NewScores(actors []string, values []float64) (Scores, error) {
	if len(actors) != len(values) {
		return Scores{}, fmt.Errorf("analysis: %d actors and %d values", len(actors), len(values))
	}
	index := make(map[string]int, len(actors))
	for i, id := range actors {
		if _, dup := index[id]; dup {
			return Scores{}, fmt.Errorf("analysis: actor %q given twice", id)
		}
		index[id] = i
	}
	return Scores{actors: slices.Clone(actors), index: index, values: slices.Clone(values)}, nil
}

// Len returns the number of actors.
func (s Scores) Len() int { return len(s.actors) }

// At returns the score of the i-th actor in actor order.
func (s Scores) At(i int) Score { return Score{Actor: s.actors[i], Value: s.values[i]} }

// Value returns the value of an actor, and false if it has none.
func (s Scores) Value(actor string) (float64, bool) {
	i, ok := s.index[actor]
	if !ok {
		return 0, false
	}
	return s.values[i], true
}

// Actors returns the actor IDs, in actor order.
func (s Scores) Actors() []string { return slices.Clone(s.actors) }

// Values returns the values, in actor order.
func (s Scores) Values() []float64 { return slices.Clone(s.values) }

// All returns every score, in actor order.
func (s Scores) All() []Score {
	out := make([]Score, len(s.actors))
	for i := range out {
		out[i] = s.At(i)
	}
	return out
}

// Ranked returns every score by decreasing value; ties keep actor order,
// and NaN values (undefined) come last.
func (s Scores) Ranked() []Score {
	out := s.All()
	slices.SortStableFunc(out, func(x, y Score) int {
		xn, yn := math.IsNaN(x.Value), math.IsNaN(y.Value)
		switch {
		case xn || yn:
			if xn == yn {
				return 0
			}
			if xn {
				return 1
			}
			return -1
		}
		return cmp.Compare(y.Value, x.Value)
	})
	return out
}

// Top returns the k highest scores as Ranked orders them (all if k
// exceeds Len; none if k ≤ 0).
func (s Scores) Top(k int) []Score {
	r := s.Ranked()
	return r[:max(0, min(k, len(r)))]
}

// Rank returns the 1-based rank of an actor in Ranked's order, and false
// if it has no score.
func (s Scores) Rank(actor string) (int, bool) {
	if _, ok := s.index[actor]; !ok {
		return 0, false
	}
	for i, sc := range s.Ranked() {
		if sc.Actor == actor {
			return i + 1, true
		}
	}
	return 0, false
}

// MarshalJSON writes the scores as a JSON array of {"actor", "value"}
// objects in actor order; undefined (NaN) and infinite values are null.
func (s Scores) MarshalJSON() ([]byte, error) {
	type item struct {
		Actor string   `json:"actor"`
		Value *float64 `json:"value"`
	}
	out := make([]item, len(s.actors))
	for i, id := range s.actors {
		out[i].Actor = id
		if v := s.values[i]; !math.IsNaN(v) && !math.IsInf(v, 0) {
			out[i].Value = &v
		}
	}
	return json.Marshal(out)
}
