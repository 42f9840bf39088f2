package nexus

import (
	"testing"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
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
	got, err := CrossSectorBrokerage(brokScope(t, n, network.ViewOptions{}, network.Criminal, network.Terrorist))
	require.NoError(t, err)
	type row struct {
		id             string
		l, r, g, h, tt int
	}
	var rows []row
	for _, b := range got {
		rows = append(rows, row{b.Actor, b.Liaison, b.Representative, b.Gatekeeper, b.Hybrid, b.Total})
	}
	assert.Equal(t, []row{
		{"f", 2, 0, 0, 0, 2},
		{"c1", 0, 1, 0, 0, 1},
		{"t1", 0, 0, 1, 0, 1},
		{"c2", 0, 0, 0, 0, 0},
		{"t2", 0, 0, 0, 0, 0},
		{"t3", 0, 0, 0, 0, 0},
	}, rows)
	assert.Equal(t, network.Facilitator, got[0].Sector)
	// Overall is measure.Brokerage over all sectors: f also brokers only
	// criminal → terrorist paths, all liaison.
	assert.Equal(t, 2, got[0].Overall[measure.Liaison])
	assert.Equal(t, 2, got[0].Overall[measure.TotalBrokerage])
	// c1 also brokers c2→c1→f (representative, criminal → facilitator).
	assert.Equal(t, 2, got[1].Overall[measure.Representative])

	// The default sets are the criminal and the terrorist sector.
	def, err := CrossSectorBrokerage(scopeOf(t, n, analysis.ScopeOptions{Directed: true}))
	require.NoError(t, err)
	assert.Equal(t, got, def)
}

func TestCrossSectorBrokerageDirectionAndFilter(t *testing.T) {
	n := brokNetwork(t)
	// No arc leads from a terrorist back to a criminal.
	got, err := CrossSectorBrokerage(brokScope(t, n, network.ViewOptions{}, network.Terrorist, network.Criminal))
	require.NoError(t, err)
	for _, b := range got {
		assert.Zero(t, b.Total, b.Actor)
	}
	// The materiel layer alone drops c2→c1, and with it c1's representative path.
	got, err = CrossSectorBrokerage(brokScope(t, n, network.ViewOptions{Elements: []network.Element{network.Materiel}},
		network.Criminal, network.Terrorist))
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
		got, err := CrossSectorBrokerage(brokScope(t, n, network.ViewOptions{}, ab[0], ab[1]))
		require.NoError(t, err)
		assert.Equal(t, "hawala", got[0].Actor)
		assert.Equal(t, 1, got[0].Liaison)
		assert.Equal(t, 1, got[0].Total)
		assert.Zero(t, got[1].Total)
	}
}

// TestCrossSectorBrokerageUndirected: on an undirected scope every tie is
// an arc each way, so the one-way arcs of brokNetwork broker both ways.
func TestCrossSectorBrokerageUndirected(t *testing.T) {
	n := brokNetwork(t)
	got, err := CrossSectorBrokerage(scopeOf(t, n, analysis.ScopeOptions{
		A: analysis.BySector(network.Terrorist), B: analysis.BySector(network.Criminal)}))
	require.NoError(t, err)
	// f: t1–f–c1 and t3–f–c1 are open, t2–f–c1 is closed by t2–c1
	// (liaison 2). c1 and c2 let t2–c1–c2 and t1–c2–c1 into the
	// criminals (gatekeeper); t1 and t2 carry t2–t1–c2 and t1–t2–c1
	// (representative).
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
		{"c1", 0, 0, 1, 1},
		{"c2", 0, 0, 1, 1},
		{"t1", 0, 1, 0, 1},
		{"t2", 0, 1, 0, 1},
		{"t3", 0, 0, 0, 0},
	}, rows)
}

// TestCrossSectorBrokerageHybrid: membership is by set (kind or tag), not
// by primary sector. An insurgency tagged criminal is in both sets: as a
// broker it counts as Hybrid, and as a source it is a member of A.
func TestCrossSectorBrokerageHybrid(t *testing.T) {
	n, _ := corrBuild(t, []network.Actor{
		{ID: "cartel", Kind: network.Cartel},
		{ID: "farc", Kind: network.Insurgency, Sectors: []network.Sector{network.Criminal}},
		{ID: "cell", Kind: network.Cell},
		{ID: "hawala", Kind: network.Hawala},
	}, []corrLink{
		corrL("", "cartel", "farc", network.Money, "pays"),
		corrL("", "farc", "cell", network.Materiel, "supplies"),
		corrL("", "farc", "hawala", network.Money, "pays"),
		corrL("", "hawala", "cell", network.Money, "funds"),
	})
	got, err := CrossSectorBrokerage(scopeOf(t, n, analysis.ScopeOptions{Directed: true}))
	require.NoError(t, err)
	// farc: cartel→farc→cell (hybrid 1). hawala: farc→hawala→cell is
	// closed by farc→cell; nothing else reaches it from A.
	assert.Equal(t, Broker{Actor: "farc", Sector: network.Terrorist, Hybrid: 1, Total: 1, Overall: got[0].Overall}, got[0])
	for _, b := range got[1:] {
		assert.Zero(t, b.Total, b.Actor)
	}
	// Without the farc→cell arc, farc→hawala→cell opens: farc is a source
	// in A although its primary sector is terrorist.
	n2, _ := corrBuild(t, []network.Actor{
		{ID: "farc", Kind: network.Insurgency, Sectors: []network.Sector{network.Criminal}},
		{ID: "hawala", Kind: network.Hawala},
		{ID: "cell", Kind: network.Cell},
	}, []corrLink{
		corrL("", "farc", "hawala", network.Money, "pays"),
		corrL("", "hawala", "cell", network.Money, "funds"),
	})
	got, err = CrossSectorBrokerage(scopeOf(t, n2, analysis.ScopeOptions{Directed: true}))
	require.NoError(t, err)
	assert.Equal(t, "hawala", got[0].Actor)
	assert.Equal(t, 1, got[0].Liaison)
}

func TestCrossSectorBrokerageErrors(t *testing.T) {
	n := brokNetwork(t)
	// The sets may overlap (hybrids belong to both) but not coincide.
	_, err := CrossSectorBrokerage(brokScope(t, n, network.ViewOptions{}, network.Criminal, network.Criminal))
	assert.ErrorContains(t, err, "sets A and B hold the same actors")
	// Invalid sectors and views are rejected by the scope.
	_, err = analysis.NewScope(n, analysis.ScopeOptions{A: analysis.BySector(network.NoSector), B: analysis.BySector(network.Criminal)})
	assert.Error(t, err)
	_, err = analysis.NewScope(n, analysis.ScopeOptions{View: network.ViewOptions{Elements: []network.Element{42}}})
	assert.Error(t, err)
}

func TestCrossSectorBrokerageEmptySet(t *testing.T) {
	n, _ := corrBuild(t, []network.Actor{{ID: "p1"}, {ID: "p2"}, {ID: "p3"}},
		[]corrLink{corrL("", "p1", "p2", network.Association, "meets"), corrL("", "p2", "p3", network.Association, "meets")})
	_, err := CrossSectorBrokerage(scopeOf(t, n, analysis.ScopeOptions{Directed: true}))
	assertEmptySetError(t, err, "A")
	assert.Contains(t, err.Error(), "cross-sector brokerage")
	_, err = CrossSectorBrokerage(scopeOf(t, n, analysis.ScopeOptions{Directed: true, A: analysis.ByID("p1")}))
	assertEmptySetError(t, err, "B")
	// Chosen by ID, p2 brokers p1 → p3 as a liaison.
	got, err := CrossSectorBrokerage(scopeOf(t, n, analysis.ScopeOptions{Directed: true,
		A: analysis.ByID("p1"), B: analysis.ByID("p3")}))
	require.NoError(t, err)
	assert.Equal(t, "p2", got[0].Actor)
	assert.Equal(t, 1, got[0].Liaison)
}
