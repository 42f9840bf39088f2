package supplychain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
)

// flows makes the five ElementFlows of a profile: in and out tallies for
// association, materiel, manpower, money and mechanism.
func flows(ts ...Tally) []ElementFlow {
	out := make([]ElementFlow, 5)
	for i, e := range network.Elements() {
		out[i] = ElementFlow{Element: e, In: ts[2*i], Out: ts[2*i+1]}
	}
	return out
}

func tally(links int, weight, amount float64) Tally {
	return Tally{Links: links, Weight: weight, Amount: amount}
}

var none Tally

func TestProfilesCocaine(t *testing.T) {
	n := loadCocaine(t)
	ps := Profiles(scopeOf(t, n, network.ViewOptions{}))
	require.Len(t, ps, 21)
	byID := map[string]Profile{}
	for i, p := range ps {
		assert.Equal(t, n.Actors()[i].ID, p.Actor, "actor order")
		byID[p.Actor] = p
	}
	// Hand-computed from cocaine-chain.json (README "Profiles"). Order of
	// tallies: association in, out; materiel in, out; manpower in, out;
	// money in, out; mechanism in, out.
	for _, tc := range []struct {
		id   string
		want []ElementFlow
		all  bool
	}{
		{"cartel", flows(none, none, tally(1, 100, 0), tally(2, 100, 0), tally(5, 5, 0), tally(2, 3, 0),
			tally(2, 2, 110), tally(3, 3, 41), none, tally(4, 4, 0)), true},
		{"farc", flows(none, none, tally(1, 1, 0), none, tally(1, 1, 0), tally(2, 2, 0),
			tally(2, 2, 8), none, none, tally(1, 1, 0)), true},
		{"smuggler", flows(none, none, tally(1, 40, 0), tally(1, 40, 0), tally(2, 3, 0), none,
			tally(1, 1, 8), tally(1, 1, 0.5), none, tally(1, 1, 0)), true},
		{"growers", flows(none, none, none, tally(1, 100, 0), tally(1, 1, 0), none,
			none, tally(1, 1, 5), none, tally(1, 1, 0)), true},
		{"launderer", flows(none, none, none, none, none, tally(1, 1, 0),
			tally(1, 1, 30), tally(1, 1, 25), none, none), false},
		{"colombia", flows(none, none, none, none, none, none, none, none, tally(3, 3, 0), tally(2, 2, 0)), false},
		// The arms link's "amount" is a count of weapons, not money: 0.
		{"vz-official", flows(none, none, none, tally(1, 1, 0), none, none, none, none, none, none), false},
		{"boss", flows(none, none, none, none, none, tally(2, 2, 0), none, none, none, none), false},
	} {
		t.Run(tc.id, func(t *testing.T) {
			p := byID[tc.id]
			assert.Equal(t, tc.want, p.Elements)
			assert.Equal(t, tc.all, p.AllFour)
		})
	}
	var all []string
	for _, p := range ps {
		if p.AllFour {
			all = append(all, p.Actor)
		}
	}
	assert.Equal(t, []string{"growers", "farc", "cartel", "smuggler"}, all)

	c := byID["cartel"]
	assert.Equal(t, ElementFlow{Element: network.Money, In: tally(2, 2, 110), Out: tally(3, 3, 41)}, c.Of(network.Money))
	assert.Equal(t, ElementFlow{Element: network.Element(9)}, c.Of(network.Element(9)))
	assert.Equal(t, network.CriticalElements(), c.Active())
	assert.Equal(t, []network.Element{network.Mechanism}, byID["colombia"].Active())
}

func TestProfilesRules(t *testing.T) {
	pay := mutual(money("a", "b", "pays", 4))
	odd := money("a", "b", "pays", 0)
	odd.Attributes = network.Attributes{"amount": "a lot"}
	odd.Weight = 2.5
	n := build(t, []network.Actor{act("a", network.Gang), act("b", network.Gang), act("c", network.Gang)},
		[]network.Link{
			pay,                          // 0: mutual: in and out for both
			odd,                          // 1: a non-numeric amount adds 0
			money("a", "a", "pays", 100), // 2: self-link, ignored
			lk("c", "a", network.Association, "meets"),           // 3
			mat("a", "c", "cocaine"),                             // 4
			lk("a", "c", network.Manpower, "leads"),              // 5
			lk("a", "c", network.Mechanism, "communicates_with"), // 6
		})
	ps := Profiles(scopeOf(t, n, network.ViewOptions{}))
	require.Len(t, ps, 3)
	assert.Equal(t, flows(tally(1, 1, 0), none, none, tally(1, 1, 0), none, tally(1, 1, 0),
		tally(1, 1, 4), tally(2, 3.5, 4), none, tally(1, 1, 0)), ps[0].Elements)
	assert.True(t, ps[0].AllFour)
	assert.Equal(t, flows(none, none, none, none, none, none, tally(2, 3.5, 4), tally(1, 1, 4), none, none), ps[1].Elements)
	assert.False(t, ps[1].AllFour)
	assert.Equal(t, flows(none, tally(1, 1, 0), tally(1, 1, 0), none, tally(1, 1, 0), none, none, none, tally(1, 1, 0), none), ps[2].Elements)
	assert.False(t, ps[2].AllFour, "association does not count")

	// The scope's view: without money links, a is no longer in all four.
	ps = Profiles(scopeOf(t, n, network.ViewOptions{Elements: []network.Element{network.Materiel, network.Manpower, network.Mechanism}}))
	assert.False(t, ps[0].AllFour)
	assert.Equal(t, none, ps[0].Of(network.Money).In)
	// Sectors restrict the actors.
	n2 := build(t, []network.Actor{act("a", network.Gang), act("p", network.Port)}, []network.Link{lk("a", "p", network.Mechanism, "located_at")})
	ps = Profiles(scopeOf(t, n2, network.ViewOptions{Sectors: []network.Sector{network.Criminal}}))
	require.Len(t, ps, 1)
	assert.Equal(t, "a", ps[0].Actor)
	assert.Empty(t, ps[0].Active())
	assert.Nil(t, Profiles(nil))
}
