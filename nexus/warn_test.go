package nexus

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// warnScenario builds the snapshot example. Earlier ties: cartel–gang,
// cartel–biz, biz–cell, cell–op, hawala–cell. Later, in addition:
// cartel–hawala (criminal–facilitator, new), cartel–official
// (criminal–state, new), biz–official (licit–state: licit is not a
// watched sector), gang–mafia (criminal–criminal), and a second
// cartel–gang link (old pair). With dated set, the new links start in 2021
// and every actor is in one network; otherwise "later" is a second
// network holding all links, and mafia exists only there. It returns the
// IDs of the cartel–hawala and cartel–official links.
func warnScenario(t *testing.T, dated bool) (before, after *network.Network, ch, co network.LinkID) {
	t.Helper()
	actors := []network.Actor{
		{ID: "cartel", Kind: network.Cartel},
		{ID: "gang", Kind: network.Gang},
		{ID: "biz", Kind: network.Business},
		{ID: "cell", Kind: network.Cell},
		{ID: "op", Kind: network.Operative},
		{ID: "hawala", Kind: network.Hawala},
		{ID: "official", Kind: network.CorruptOfficial},
		{ID: "mafia", Kind: network.Mafia},
	}
	old := [][2]string{{"cartel", "gang"}, {"cartel", "biz"}, {"biz", "cell"}, {"cell", "op"}, {"hawala", "cell"}}
	added := [][2]string{{"cartel", "hawala"}, {"cartel", "official"}, {"biz", "official"}, {"gang", "mafia"}, {"gang", "cartel"}}
	build := func(withNew, withMafia bool) *network.Network {
		n := network.New("snapshot")
		for _, a := range actors {
			if a.ID == "mafia" && !withMafia {
				continue
			}
			require.NoError(t, n.AddActor(a))
		}
		for _, e := range old {
			_, err := n.AddLink(network.Link{From: e[0], To: e[1], Type: "tie", Weight: 1})
			require.NoError(t, err)
		}
		if withNew {
			start, err := network.ParseDate("2021")
			require.NoError(t, err)
			for i, e := range added {
				l := network.Link{From: e[0], To: e[1], Type: "tie", Weight: 1}
				if dated {
					l.Start = start
				}
				id, err := n.AddLink(l)
				require.NoError(t, err)
				switch i {
				case 0:
					ch = id
				case 1:
					co = id
				}
			}
		}
		return n
	}
	if dated {
		n := build(true, true)
		return n, n, ch, co
	}
	return build(false, false), build(true, true), ch, co
}

// Nexus betweenness (criminal A = cartel, gang, mafia; terrorist B = cell,
// op), by hand. Earlier: the only routes run cartel–biz–cell–op, so biz 4
// (all four pairs), cartel 2 (gang's pairs), cell 2 (pairs to op). Later,
// cartel reaches cell by biz or hawala (½ each): biz 3, hawala 3 (six
// pairs × ½), cartel 4 (gang's and mafia's four pairs), cell 3 (three
// pairs to op), gang 2 (mafia's pairs).
func checkWarning(t *testing.T, w Warning, ch, co network.LinkID) {
	t.Helper()
	assert.Equal(t, []CrossLink{
		{Actors: [2]string{"cartel", "hawala"},
			Sectors: [2][]network.Sector{{network.Criminal}, {network.Facilitator}}, Links: []network.LinkID{ch}},
		{Actors: [2]string{"cartel", "official"},
			Sectors: [2][]network.Sector{{network.Criminal}, {network.State}}, Links: []network.LinkID{co}},
	}, w.NewLinks)
	assert.Equal(t, []analysis.Score{{Actor: "hawala", Value: 3}, {Actor: "gang", Value: 2}}, w.NewBrokers)
	require.Len(t, w.Rises, 4)
	want := []Rise{
		{Actor: "hawala", Before: 0, After: 3, Increase: 3},
		{Actor: "cartel", Before: 2, After: 4, Increase: 2},
		{Actor: "gang", Before: 0, After: 2, Increase: 2},
		{Actor: "cell", Before: 2, After: 3, Increase: 1},
	}
	for i := range want {
		assert.Equal(t, want[i].Actor, w.Rises[i].Actor)
		assert.InDelta(t, want[i].Before, w.Rises[i].Before, 1e-12)
		assert.InDelta(t, want[i].After, w.Rises[i].After, 1e-12)
		assert.InDelta(t, want[i].Increase, w.Rises[i].Increase, 1e-12)
	}
}

func TestWarnTwoNetworks(t *testing.T) {
	bn, an, ch, co := warnScenario(t, false)
	before, after := scopeOf(t, bn, analysis.ScopeOptions{}), scopeOf(t, an, analysis.ScopeOptions{})
	w, err := Warn(before, after, WarnOptions{})
	require.NoError(t, err)
	checkWarning(t, w, ch, co)

	top, err := Warn(before, after, WarnOptions{Top: 2})
	require.NoError(t, err)
	require.Len(t, top.Rises, 2)
	assert.Equal(t, "hawala", top.Rises[0].Actor)
	assert.Equal(t, "cartel", top.Rises[1].Actor)

	// Watching licit too makes biz–official cross-sector.
	lic, err := Warn(before, after, WarnOptions{Sectors: []network.Sector{network.Criminal, network.Licit, network.State}})
	require.NoError(t, err)
	var pairs [][2]string
	for _, l := range lic.NewLinks {
		pairs = append(pairs, l.Actors)
	}
	assert.Equal(t, [][2]string{{"cartel", "official"}, {"biz", "official"}}, pairs)

	// No change: nothing to report.
	same, err := Warn(after, after, WarnOptions{})
	require.NoError(t, err)
	assert.Equal(t, Warning{}, same)
}

func TestWarnWindows(t *testing.T) {
	n, _, ch, co := warnScenario(t, true)
	d := func(s string) network.Date {
		x, err := network.ParseDate(s)
		require.NoError(t, err)
		return x
	}
	w, err := WarnWindows(scopeOf(t, n, analysis.ScopeOptions{}), d("2019"), d("2019"), d("2021"), d("2021"), WarnOptions{})
	require.NoError(t, err)
	checkWarning(t, w, ch, co)
}

func TestWarnErrors(t *testing.T) {
	n := network.New("x")
	// A nil network or an invalid set is rejected by the scope.
	_, err := analysis.NewScope(nil, analysis.ScopeOptions{})
	assert.Error(t, err)
	_, err = analysis.NewScope(n, analysis.ScopeOptions{A: analysis.BySector(99)})
	assert.Error(t, err)
	s := scopeOf(t, n, analysis.ScopeOptions{})
	at := scopeOf(t, n, analysis.ScopeOptions{View: network.ViewOptions{At: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}})
	_, err = WarnWindows(at, network.Date{}, network.Date{}, network.Date{}, network.Date{}, WarnOptions{})
	assert.Error(t, err)
	_, err = Warn(s, s, WarnOptions{Sectors: []network.Sector{99}})
	assert.Error(t, err)
	// The empty network has no criminal and no terrorist: nexus
	// betweenness cannot be measured, and Warn says so.
	_, err = Warn(s, s, WarnOptions{})
	assertEmptySetError(t, err, "A")
	assert.Contains(t, err.Error(), "earlier snapshot")
}
