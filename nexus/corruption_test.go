package nexus

import (
	"testing"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corrLink is a link of a test network, named so tests can find its ID.
type corrLink struct {
	name string
	l    network.Link
}

// corrBuild builds a network from actors and named links and returns it
// with the ID of each named link.
func corrBuild(t testing.TB, actors []network.Actor, links []corrLink) (*network.Network, map[string]network.LinkID) {
	t.Helper()
	n := network.New("test")
	for _, a := range actors {
		require.NoError(t, n.AddActor(a))
	}
	ids := map[string]network.LinkID{}
	for _, cl := range links {
		id, err := n.AddLink(cl.l)
		require.NoError(t, err)
		if cl.name != "" {
			ids[cl.name] = id
		}
	}
	return n, ids
}

func corrL(name, from, to string, e network.Element, typ string) corrLink {
	return corrLink{name, network.Link{From: from, To: to, Element: e, Type: typ, Weight: 1}}
}

// corrNetwork has exactly two iron triangles, (off1, biz, cartel) and
// (off2, front, gang), and two decoys: pol–bank–mafia missing the
// bank–mafia side, and a triangle of three criminals.
func corrNetwork(t testing.TB) (*network.Network, map[string]network.LinkID) {
	return corrBuild(t, []network.Actor{
		{ID: "off1", Kind: network.CorruptOfficial},
		{ID: "off2", Kind: network.CorruptOfficial},
		{ID: "pol", Kind: network.StateSecurity},
		{ID: "judge", Kind: network.CorruptOfficial},
		{ID: "biz", Kind: network.Business},
		{ID: "front", Kind: network.FrontCompany},
		{ID: "bank", Kind: network.FinancialInstitution},
		{ID: "cartel", Kind: network.Cartel},
		{ID: "gang", Kind: network.Gang},
		{ID: "mafia", Kind: network.Mafia},
		{ID: "cell", Kind: network.Cell},
	}, []corrLink{
		// Triangle 1.
		corrL("off1-biz", "off1", "biz", network.Association, "meets"),
		corrL("cartel-off1", "cartel", "off1", network.Money, "bribes"),
		corrL("off1-cartel", "off1", "cartel", network.Association, "communicates_with"),
		corrL("biz-cartel", "biz", "cartel", network.Money, "launders_for"),
		// Triangle 2.
		corrL("front-off2", "front", "off2", network.Money, "pays"),
		corrL("off2-gang", "off2", "gang", network.Manpower, "protects"),
		corrL("gang-front", "gang", "front", network.Manpower, "owns"),
		// Decoy: missing bank–mafia.
		corrL("pol-bank", "pol", "bank", network.Association, "meets"),
		corrL("mafia-pol", "mafia", "pol", network.Money, "bribes"),
		// Decoy: three criminals.
		corrL("cartel-gang", "cartel", "gang", network.Materiel, "supplies"),
		corrL("gang-mafia", "gang", "mafia", network.Materiel, "supplies"),
		corrL("mafia-cartel", "mafia", "cartel", network.Money, "pays"),
		// off1 also tied to a terrorist cell; judge only to a business.
		corrL("off1-cell", "off1", "cell", network.Mechanism, "issues_documents"),
		corrL("judge-biz", "judge", "biz", network.Association, "meets"),
	})
}

func TestIronTrianglesExact(t *testing.T) {
	n, id := corrNetwork(t)
	got, err := IronTriangles(viewScope(t, n, network.ViewOptions{}))
	require.NoError(t, err)
	want := []IronTriangle{
		{State: "off1", Licit: "biz", Criminal: "cartel",
			StateLicit:    []network.LinkID{id["off1-biz"]},
			StateCriminal: []network.LinkID{id["cartel-off1"], id["off1-cartel"]},
			LicitCriminal: []network.LinkID{id["biz-cartel"]}},
		{State: "off2", Licit: "front", Criminal: "gang",
			StateLicit:    []network.LinkID{id["front-off2"]},
			StateCriminal: []network.LinkID{id["off2-gang"]},
			LicitCriminal: []network.LinkID{id["gang-front"]}},
	}
	assert.Equal(t, want, got)
}

func TestIronTrianglesFilter(t *testing.T) {
	n, _ := corrNetwork(t)
	// Keeping only money links breaks every triangle.
	got, err := IronTriangles(viewScope(t, n, network.ViewOptions{Elements: []network.Element{network.Money}}))
	require.NoError(t, err)
	assert.Empty(t, got)
	// Dropping the association layer breaks triangle 1 (off1–biz) only.
	got, err = IronTriangles(viewScope(t, n, network.ViewOptions{Elements: network.CriticalElements()}))
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, "off2", got[0].State)

	// An invalid view is rejected by the scope.
	_, err = analysis.NewScope(n, analysis.ScopeOptions{View: network.ViewOptions{Elements: []network.Element{99}}})
	assert.Error(t, err)
}

func TestIronTrianglesHybridRoles(t *testing.T) {
	// A state-owned firm (licit, tagged state), an official tagged licit,
	// and a cartel, pairwise linked: one triangle per role assignment.
	n, id := corrBuild(t, []network.Actor{
		{ID: "firm", Kind: network.Business, Sectors: []network.Sector{network.State}},
		{ID: "official", Kind: network.CorruptOfficial, Sectors: []network.Sector{network.Licit}},
		{ID: "cartel", Kind: network.Cartel},
	}, []corrLink{
		corrL("fo", "firm", "official", network.Association, "meets"),
		corrL("fc", "firm", "cartel", network.Money, "launders_for"),
		corrL("oc", "cartel", "official", network.Money, "bribes"),
	})
	got, err := IronTriangles(viewScope(t, n, network.ViewOptions{}))
	require.NoError(t, err)
	want := []IronTriangle{
		{State: "firm", Licit: "official", Criminal: "cartel",
			StateLicit: []network.LinkID{id["fo"]}, StateCriminal: []network.LinkID{id["fc"]}, LicitCriminal: []network.LinkID{id["oc"]}},
		{State: "official", Licit: "firm", Criminal: "cartel",
			StateLicit: []network.LinkID{id["fo"]}, StateCriminal: []network.LinkID{id["oc"]}, LicitCriminal: []network.LinkID{id["fc"]}},
	}
	assert.Equal(t, want, got)

	// An actor never fills two roles: a lone state+licit+criminal actor
	// linked to nothing forms no triangle, nor does a pair.
	n2, _ := corrBuild(t, []network.Actor{
		{ID: "all", Kind: network.CorruptOfficial, Sectors: []network.Sector{network.Licit, network.Criminal}},
		{ID: "cartel", Kind: network.Cartel},
	}, []corrLink{corrL("", "all", "cartel", network.Money, "bribes")})
	got, err = IronTriangles(viewScope(t, n2, network.ViewOptions{}))
	require.NoError(t, err)
	assert.Empty(t, got)
}

func TestCorruptionNodes(t *testing.T) {
	n, id := corrNetwork(t)
	got, err := CorruptionNodes(viewScope(t, n, network.ViewOptions{}))
	require.NoError(t, err)
	want := []CorruptionNode{
		{Actor: "off1", A: []string{"cartel"}, B: []string{"cell"},
			Links: []network.LinkID{id["cartel-off1"], id["off1-cartel"], id["off1-cell"]}},
		// off2 and pol tie at one link: actor order.
		{Actor: "off2", A: []string{"gang"}, Links: []network.LinkID{id["off2-gang"]}},
		{Actor: "pol", A: []string{"mafia"}, Links: []network.LinkID{id["mafia-pol"]}},
	}
	assert.Equal(t, want, got) // judge (only a business contact) is not one

	got, err = CorruptionNodes(viewScope(t, n, network.ViewOptions{Elements: []network.Element{network.Money}}))
	require.NoError(t, err)
	assert.Equal(t, []CorruptionNode{
		{Actor: "off1", A: []string{"cartel"}, Links: []network.LinkID{id["cartel-off1"]}},
		{Actor: "pol", A: []string{"mafia"}, Links: []network.LinkID{id["mafia-pol"]}},
	}, got)

	_, err = analysis.NewScope(n, analysis.ScopeOptions{View: network.ViewOptions{Elements: []network.Element{99}}})
	assert.Error(t, err)
}

func TestCorruptionNodesRanking(t *testing.T) {
	// A later actor with more links ranks first; a hybrid counterpart is
	// listed in both sectors.
	n, _ := corrBuild(t, []network.Actor{
		{ID: "a", Kind: network.CorruptOfficial},
		{ID: "b", Kind: network.StateSponsor},
		{ID: "farc", Kind: network.Insurgency, Sectors: []network.Sector{network.Criminal}},
		{ID: "gang", Kind: network.Gang},
	}, []corrLink{
		corrL("", "a", "gang", network.Money, "bribes"),
		corrL("", "b", "farc", network.Money, "funds"),
		corrL("", "b", "farc", network.Materiel, "supplies"),
	})
	got, err := CorruptionNodes(viewScope(t, n, network.ViewOptions{}))
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, "b", got[0].Actor)
	assert.Equal(t, []string{"farc"}, got[0].A)
	assert.Equal(t, []string{"farc"}, got[0].B)
	assert.Len(t, got[0].Links, 2)
	assert.Equal(t, "a", got[1].Actor)
}

// TestCorruptionNodesOneEmptySet: a purely criminal network has no
// terrorist, and its corruption nodes are still found; with neither set
// the analysis fails, saying what to do.
func TestCorruptionNodesOneEmptySet(t *testing.T) {
	n, id := corrBuild(t, []network.Actor{
		{ID: "off", Kind: network.CorruptOfficial},
		{ID: "cartel", Kind: network.Cartel},
		{ID: "biz", Kind: network.Business},
	}, []corrLink{
		corrL("bribe", "cartel", "off", network.Money, "bribes"),
		corrL("meet", "off", "biz", network.Association, "meets"),
	})
	s := scopeOf(t, n, analysis.ScopeOptions{})
	assert.Empty(t, s.B())
	got, err := CorruptionNodes(s)
	require.NoError(t, err)
	assert.Equal(t, []CorruptionNode{{Actor: "off", A: []string{"cartel"}, Links: []network.LinkID{id["bribe"]}}}, got)

	// Only terrorists: B alone.
	n2, id2 := corrBuild(t, []network.Actor{
		{ID: "off", Kind: network.CorruptOfficial},
		{ID: "cell", Kind: network.Cell},
	}, []corrLink{corrL("docs", "off", "cell", network.Mechanism, "issues_documents")})
	got, err = CorruptionNodes(scopeOf(t, n2, analysis.ScopeOptions{}))
	require.NoError(t, err)
	assert.Equal(t, []CorruptionNode{{Actor: "off", B: []string{"cell"}, Links: []network.LinkID{id2["docs"]}}}, got)

	// Neither: untyped counterparts.
	n3, _ := corrBuild(t, []network.Actor{
		{ID: "off", Kind: network.CorruptOfficial}, {ID: "p"},
	}, []corrLink{corrL("", "p", "off", network.Money, "bribes")})
	_, err = CorruptionNodes(scopeOf(t, n3, analysis.ScopeOptions{}))
	assertEmptySetError(t, err, "A")
	assert.Contains(t, err.Error(), "corruption nodes")
	// Chosen by ID, the untyped actor is a counterpart.
	got, err = CorruptionNodes(scopeOf(t, n3, analysis.ScopeOptions{A: analysis.ByID("p")}))
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, []string{"p"}, got[0].A)
}

// TestCorruptionNodesCustomSets: the counterparts are the scope's sets,
// here facilitators and licit actors, in actor order.
func TestCorruptionNodesCustomSets(t *testing.T) {
	n, id := corrNetwork(t)
	got, err := CorruptionNodes(scopeOf(t, n, analysis.ScopeOptions{
		A: analysis.BySector(network.Licit), B: analysis.ByKind(network.Cell)}))
	require.NoError(t, err)
	assert.Equal(t, []CorruptionNode{
		{Actor: "off1", A: []string{"biz"}, B: []string{"cell"}, Links: []network.LinkID{id["off1-biz"], id["off1-cell"]}},
		{Actor: "off2", A: []string{"front"}, Links: []network.LinkID{id["front-off2"]}},
		{Actor: "pol", A: []string{"bank"}, Links: []network.LinkID{id["pol-bank"]}},
		{Actor: "judge", A: []string{"biz"}, Links: []network.LinkID{id["judge-biz"]}},
	}, got)
}

// TestIronTrianglesIgnoreSets: the roles are fixed sectors, whatever the
// scope's sets.
func TestIronTrianglesIgnoreSets(t *testing.T) {
	n, _ := corrNetwork(t)
	def, err := IronTriangles(scopeOf(t, n, analysis.ScopeOptions{}))
	require.NoError(t, err)
	other, err := IronTriangles(scopeOf(t, n, analysis.ScopeOptions{Directed: true,
		A: analysis.ByID("bank"), B: analysis.ByID("judge")}))
	require.NoError(t, err)
	assert.Equal(t, def, other)
	assert.Len(t, def, 2)
}
