package nexus

import (
	"testing"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/measure"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// brokNetwork is a directed network with hand-counted criminal → terrorist
// brokerage. Arcs: c2→c1 (manpower), c1→f, c1→t2, f→t1, f→t2, f→t3,
// c2→t1, t1→t2 (materiel). Open two-paths from a criminal to a terrorist:
//
//	f:  c1→f→t1, c1→f→t3 (c1→f→t2 is closed by c1→t2) — liaison 2
//	c1: c2→c1→t2                                     — representative 1
//	t1: c2→t1→t2                                     — gatekeeper 1
func brokNetwork(t testing.TB) *network.Network {
	n, _ := corrBuild(t, []network.Actor{
		{ID: "c1", Kind: network.Cartel},
		{ID: "c2", Kind: network.Gang},
		{ID: "f", Kind: network.Hawala},
		{ID: "t1", Kind: network.Cell},
		{ID: "t2", Kind: network.Cell},
		{ID: "t3", Kind: network.Operative},
	}, []corrLink{
		corrL("", "c2", "c1", network.Manpower, "works_for"),
		corrL("", "c1", "f", network.Materiel, "supplies"),
		corrL("", "c1", "t2", network.Materiel, "supplies"),
		corrL("", "f", "t1", network.Materiel, "supplies"),
		corrL("", "f", "t2", network.Materiel, "supplies"),
		corrL("", "f", "t3", network.Materiel, "supplies"),
		corrL("", "c2", "t1", network.Materiel, "supplies"),
		corrL("", "t1", "t2", network.Materiel, "supplies"),
	})
	return n
}

func TestCrossSectorBrokerageHandCounts(t *testing.T) {
	n := brokNetwork(t)
	got, err := CrossSectorBrokerage(n, network.ViewOptions{}, network.Criminal, network.Terrorist)
	require.NoError(t, err)
	type row struct {
		id          string
		l, r, g, tt int
	}
	var rows []row
	for _, b := range got {
		rows = append(rows, row{b.Actor, b.Liaison, b.Representative, b.Gatekeeper, b.Total})
	}
	assert.Equal(t, []row{
		{"f", 2, 0, 0, 2},
		{"c1", 0, 1, 0, 1},
		{"t1", 0, 0, 1, 1},
		{"c2", 0, 0, 0, 0},
		{"t2", 0, 0, 0, 0},
		{"t3", 0, 0, 0, 0},
	}, rows)
	assert.Equal(t, network.Facilitator, got[0].Sector)
	// Overall is measure.Brokerage over all sectors: f also brokers only
	// criminal → terrorist paths, all liaison.
	assert.Equal(t, 2, got[0].Overall[measure.Liaison])
	assert.Equal(t, 2, got[0].Overall[measure.TotalBrokerage])
	// c1 also brokers c2→c1→f (representative, criminal → facilitator).
	assert.Equal(t, 2, got[1].Overall[measure.Representative])
}

func TestCrossSectorBrokerageDirectionAndFilter(t *testing.T) {
	n := brokNetwork(t)
	// No arc leads from a terrorist back to a criminal.
	got, err := CrossSectorBrokerage(n, network.ViewOptions{}, network.Terrorist, network.Criminal)
	require.NoError(t, err)
	for _, b := range got {
		assert.Zero(t, b.Total, b.Actor)
	}
	// The materiel layer alone drops c2→c1, and with it c1's representative path.
	got, err = CrossSectorBrokerage(n, network.ViewOptions{Elements: []network.Element{network.Materiel}},
		network.Criminal, network.Terrorist)
	require.NoError(t, err)
	assert.Equal(t, "f", got[0].Actor)
	assert.Equal(t, "t1", got[1].Actor)
	assert.Equal(t, 1, got[1].Gatekeeper)
	assert.Zero(t, got[2].Total)
}

func TestCrossSectorBrokerageMutual(t *testing.T) {
	// A mutual chain cartel – hawala – cell brokers both ways.
	n, _ := corrBuild(t, []network.Actor{
		{ID: "cartel", Kind: network.Cartel},
		{ID: "hawala", Kind: network.Hawala},
		{ID: "cell", Kind: network.Cell},
	}, []corrLink{
		{"", network.Link{From: "cartel", To: "hawala", Element: network.Money, Type: "pays", Mutual: true}},
		{"", network.Link{From: "hawala", To: "cell", Element: network.Money, Type: "funds", Mutual: true}},
	})
	for _, ab := range [][2]network.Sector{{network.Criminal, network.Terrorist}, {network.Terrorist, network.Criminal}} {
		got, err := CrossSectorBrokerage(n, network.ViewOptions{}, ab[0], ab[1])
		require.NoError(t, err)
		assert.Equal(t, "hawala", got[0].Actor)
		assert.Equal(t, 1, got[0].Liaison)
		assert.Equal(t, 1, got[0].Total)
		assert.Zero(t, got[1].Total)
	}
}

func TestCrossSectorBrokerageErrors(t *testing.T) {
	n := brokNetwork(t)
	_, err := CrossSectorBrokerage(n, network.ViewOptions{}, network.Criminal, network.Criminal)
	assert.Error(t, err)
	_, err = CrossSectorBrokerage(n, network.ViewOptions{}, network.NoSector, network.Criminal)
	assert.Error(t, err)
	_, err = CrossSectorBrokerage(n, network.ViewOptions{Elements: []network.Element{42}}, network.Criminal, network.Terrorist)
	assert.Error(t, err)
}
