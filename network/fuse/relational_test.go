package fuse

import (
	"testing"

	"github.com/illicitnet/illicit/network"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// relationalSources: two sources report "Utwah" / "Urwah" (a weak name
// match, review on its own) with the same two contacts, whose records
// match by name.
func relationalSources(t *testing.T) []Source {
	s1 := net(t, "1", []network.Actor{
		{ID: "a", Name: "Utwah", Kind: network.Operative},
		{ID: "n1", Name: "Noordin Mohammed Top"},
		{ID: "n2", Name: "Azahari Husin"},
	}, network.Link{From: "a", To: "n1", Mutual: true}, network.Link{From: "n2", To: "a", Mutual: true})
	s2 := net(t, "2", []network.Actor{
		{ID: "m1", Name: "Noordin Muhammad Top"},
		{ID: "b", Name: "Urwah", Kind: network.Operative},
		{ID: "m2", Name: "Azhari Husin"},
	}, network.Link{From: "b", To: "m1", Mutual: true}, network.Link{From: "b", To: "m2", Mutual: true})
	return []Source{{"s1", s1}, {"s2", s2}}
}

func decisionOf(res Result, a, b string) Decision {
	for _, d := range res.Decisions {
		if d.A.ID == a && d.B.ID == b {
			return d
		}
	}
	return Decision{}
}

// Two shared contacts raise a weak name match (review) to a merge, and
// the report says so.
func TestRelationalMerge(t *testing.T) {
	m := DefaultModel()
	m.Neighbours = NeighbourLevels{}
	off, err := Fuse(relationalSources(t), Options{Model: &m})
	require.NoError(t, err)
	d := decisionOf(off, "a", "b")
	require.Equal(t, Review, d.Outcome, "on the records alone: %s", fieldsText(d.Fields))
	assert.Less(t, d.Weight, DefaultMergeAt)
	assert.NotEqual(t, clusterOf(off, "s1", "a"), clusterOf(off, "s2", "b"))
	assert.Zero(t, off.Stats.Rounds)

	res, err := Fuse(relationalSources(t), Options{})
	require.NoError(t, err)
	assert.Equal(t, clusterOf(res, "s1", "a"), clusterOf(res, "s2", "b"))
	assert.Len(t, res.Clusters, 3)
	d = decisionOf(res, "a", "b")
	assert.Equal(t, Merge, d.Outcome)
	require.NotEmpty(t, d.Fields)
	nf := d.Fields[len(d.Fields)-1]
	assert.Equal(t, Field{Field: "neighbours", Outcome: "strong", Values: "Noordin Mohammed Top; Azahari Husin (of 2 | 2, overlap 1.00)",
		Weight: DefaultModel().Neighbours.Strong.Agree()}, nf)
	assert.InDelta(t, decisionOf(off, "a", "b").Weight+nf.Weight, d.Weight, 1e-9)
	// The contacts' own pairs, merged in the first clustering, get no
	// relational evidence.
	for _, d := range res.Decisions {
		if d.A.ID != "a" {
			assert.NotContains(t, fieldsText(d.Fields), "neighbours", "%s ~ %s", d.A, d.B)
		}
	}
	assert.Equal(t, 2, res.Stats.Rounds, "one round changes the clusters, the second confirms them")
	assert.Equal(t, 1, res.Stats.Relational)
	// Deterministic whatever the workers.
	res1, err := Fuse(relationalSources(t), Options{Workers: 1})
	require.NoError(t, err)
	assert.Equal(t, res.Decisions, res1.Decisions)
	assert.Equal(t, res.Clusters, res1.Clusters)
}

// Shared contacts never bridge a cannot-link, nor a strong non-match.
func TestRelationalCannotLink(t *testing.T) {
	res, err := Fuse(relationalSources(t), Options{Overrides: []Override{{Kind: CannotLink, A: Ref{"s1", "a"}, B: Ref{"s2", "b"}, Origin: "analyst"}}})
	require.NoError(t, err)
	assert.NotEqual(t, clusterOf(res, "s1", "a"), clusterOf(res, "s2", "b"))
	d := decisionOf(res, "a", "b")
	assert.Equal(t, CannotLinked, d.Outcome)
	assert.Equal(t, "override analyst", d.Note)
	assert.NotContains(t, fieldsText(d.Fields), "neighbours")
	assert.Equal(t, clusterOf(res, "s1", "n1"), clusterOf(res, "s2", "m1"), "the contacts still merge")

	// A strong non-match (below cannot-at) gets no relational evidence.
	srcs := relationalSources(t)
	b, _ := srcs[1].Network.Actor("b")
	b.Kind = network.Cartel
	b.Attributes = network.Attributes{"dob": "1971-01-02", "nationality": "IT"}
	a, _ := srcs[0].Network.Actor("a")
	a.Attributes = network.Attributes{"dob": "1958-04-15", "nationality": "ID"}
	srcs[0].Network = net(t, "1", []network.Actor{a, {ID: "n1", Name: "Noordin Mohammed Top"}, {ID: "n2", Name: "Azahari Husin"}},
		network.Link{From: "a", To: "n1", Mutual: true}, network.Link{From: "n2", To: "a", Mutual: true})
	srcs[1].Network = net(t, "2", []network.Actor{{ID: "m1", Name: "Noordin Muhammad Top"}, b, {ID: "m2", Name: "Azhari Husin"}},
		network.Link{From: "b", To: "m1", Mutual: true}, network.Link{From: "b", To: "m2", Mutual: true})
	res, err = Fuse(srcs, Options{})
	require.NoError(t, err)
	d = decisionOf(res, "a", "b")
	require.Less(t, d.Weight, DefaultCannotAt)
	assert.Equal(t, Distinct, d.Outcome)
	assert.NotContains(t, fieldsText(d.Fields), "neighbours")
	assert.NotEqual(t, clusterOf(res, "s1", "a"), clusterOf(res, "s2", "b"))
}

func TestRelationalModelValidate(t *testing.T) {
	m := DefaultModel()
	require.NoError(t, m.Validate())
	m.Neighbours.MinOverlap = 0
	assert.ErrorContains(t, m.Validate(), "MinOverlap")
	m = DefaultModel()
	m.Neighbours.Weak = Level{0.5, 0}
	assert.ErrorContains(t, m.Validate(), "neighbours weak")
	m.Neighbours = NeighbourLevels{}
	assert.NoError(t, m.Validate(), "the zero value switches it off")
}
