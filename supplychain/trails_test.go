package supplychain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// moneyNetwork: a cartel c pays a launderer l (2001-01), who pays a charity
// ch (2001-02), who pays the terrorist group t (2001-03); c also pays t
// directly by hawala; an earlier payment from ch to t (2000) cannot carry
// the cartel's money. Three front payments to a hub make a fan-in.
func moneyNetwork(t *testing.T) *analysis.Scope {
	t.Helper()
	n := network.New("money")
	for _, a := range []network.Actor{
		{ID: "c", Kind: network.Cartel}, {ID: "l", Kind: network.MoneyLaunderer},
		{ID: "ch", Kind: network.Charity}, {ID: "t", Kind: network.TerroristGroup},
		{ID: "x1", Kind: network.Business}, {ID: "x2", Kind: network.Business}, {ID: "x3", Kind: network.Business},
	} {
		require.NoError(t, n.AddActor(a))
	}
	d := func(s string) network.Date { v, err := network.ParseDate(s); require.NoError(t, err); return v }
	for _, l := range []network.Link{
		{From: "c", To: "l", Element: network.Money, Type: "pays", Weight: 1, Start: d("2001-01"), End: d("2001-01"),
			Attributes: network.Attributes{"amount": int64(500)}, Channel: "bulk_cash", Grade: network.MustParseGrade("B2")}, // 0
		{From: "l", To: "ch", Element: network.Money, Type: "launders_for", Weight: 1, Start: d("2001-02"), End: d("2001-02"),
			Attributes: network.Attributes{"amount": int64(300)}, Channel: "formal_banking"}, // 1
		{From: "ch", To: "t", Element: network.Money, Type: "donates_to", Weight: 1, Start: d("2001-03"), End: d("2001-03"),
			Attributes: network.Attributes{"amount": int64(200)}, Channel: "hawala"}, // 2
		{From: "c", To: "t", Element: network.Money, Type: "pays", Weight: 7, Channel: "hawala"},                       // 3
		{From: "ch", To: "t", Element: network.Money, Type: "donates_to", Weight: 1, Start: d("2000"), End: d("2000")}, // 4
		{From: "x1", To: "l", Element: network.Money, Type: "pays", Weight: 1, Start: d("2001-01-05"), End: d("2001-01-05")},
		{From: "x2", To: "l", Element: network.Money, Type: "pays", Weight: 1, Start: d("2001-01-09"), End: d("2001-01-09")},
		{From: "x3", To: "l", Element: network.Money, Type: "pays", Weight: 1, Start: d("2001-01-20"), End: d("2001-01-20")},
		{From: "c", To: "t", Element: network.Materiel, Type: "supplies", Weight: 1}, // not money
	} {
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	s, err := analysis.NewScope(n, analysis.ScopeOptions{})
	require.NoError(t, err)
	return s
}

func TestTrails(t *testing.T) {
	res, err := Trails(moneyNetwork(t), TrailOptions{})
	require.NoError(t, err)
	require.Len(t, res.Trails, 2, "the direct payment and the dated chain; the 2000 donation is too early")
	assert.Equal(t, Trail{Actors: []string{"c", "t"}, Links: []network.LinkID{3}, Bottleneck: 7,
		Confidence: network.Grade{}.Confidence(), Channels: []string{"hawala"}}, res.Trails[0])
	tr := res.Trails[1]
	assert.Equal(t, []string{"c", "l", "ch", "t"}, tr.Actors)
	assert.Equal(t, []network.LinkID{0, 1, 2}, tr.Links)
	assert.Equal(t, 200.0, tr.Bottleneck, "the smallest amount")
	assert.Equal(t, []string{"bulk_cash", "formal_banking", "hawala"}, tr.Channels)
	assert.Equal(t, []string{"ch"}, tr.Fronts, "the charity")
	assert.Equal(t, "2001-01", tr.Start.String())
	assert.Equal(t, "2001-03", tr.End.String())
	assert.InDelta(t, (network.MustParseGrade("B2").Confidence()+2*network.Grade{}.Confidence())/3, tr.Confidence, 1e-12)
	assert.Equal(t, 2, res.Found)

	require.Len(t, res.Gateways, 2)
	assert.Equal(t, Gateway{Actor: "c", Sources: []string{"c"}, Targets: []string{"t"}, Links: []network.LinkID{3}, Trails: 1}, res.Gateways[0])
	assert.Equal(t, Gateway{Actor: "ch", Sources: []string{"c"}, Targets: []string{"t"}, Links: []network.LinkID{2}, Trails: 1}, res.Gateways[1])

	one, err := Trails(moneyNetwork(t), TrailOptions{MaxHops: 2})
	require.NoError(t, err)
	assert.Len(t, one.Trails, 1, "the three-hop chain is beyond two hops")
}

func TestTrailsNeedSets(t *testing.T) {
	n := network.New("")
	require.NoError(t, n.AddActor(network.Actor{ID: "a"}))
	s, err := analysis.NewScope(n, analysis.ScopeOptions{})
	require.NoError(t, err)
	_, err = Trails(s, TrailOptions{})
	assert.ErrorIs(t, err, analysis.ErrEmptySet)
}

func TestLaundering(t *testing.T) {
	ps, truncated, err := Laundering(moneyNetwork(t), LaunderingOptions{})
	require.NoError(t, err)
	assert.False(t, truncated)
	var fanIn []Pattern
	for _, p := range ps {
		if p.Kind == FanIn {
			fanIn = append(fanIn, p)
		}
	}
	require.Len(t, fanIn, 1, "%+v", ps)
	assert.Equal(t, []string{"l"}, fanIn[0].Central)
	assert.Contains(t, fanIn[0].Links, network.LinkID(5))
	assert.Contains(t, fanIn[0].Links, network.LinkID(7))
}
