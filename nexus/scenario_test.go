package nexus_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/nexus"
	"github.com/illicitnet/illicit/supplychain"
)

// The scenario files of testdata/scenarios (see its README.md for the
// designed-in results checked here).
var scenarioFiles = []string{"western-hemisphere.json", "western-hemisphere-years.json", "displacement.json"}

func loadScenario(t *testing.T, name string) *network.Network {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "scenarios", name))
	require.NoError(t, err)
	defer f.Close()
	n, err := network.ReadJSON(f, name, network.Limits{})
	require.NoError(t, err)
	return n
}

// orgView leaves the places out: the organisation-level network.
var orgView = network.ViewOptions{Sectors: []network.Sector{network.Criminal, network.Terrorist,
	network.Facilitator, network.State, network.Licit}}

func scenarioScope(t *testing.T, n *network.Network, v network.ViewOptions) *analysis.Scope {
	t.Helper()
	s, err := analysis.NewScope(n, analysis.ScopeOptions{View: v})
	require.NoError(t, err)
	return s
}

func TestScenarioFiles(t *testing.T) {
	for _, name := range scenarioFiles {
		t.Run(name, func(t *testing.T) {
			n := loadScenario(t, name)
			require.Contains(t, n.Description, "not intelligence")
			require.NotEmpty(t, n.Actors())
			require.NotEmpty(t, n.Links())
			for _, a := range n.Actors() {
				require.NotEqual(t, network.KindUnknown, a.Kind, "actor %s has no kind", a.ID)
			}
			for _, l := range n.Links() {
				require.NotEmpty(t, strings.TrimSpace(l.Source), "link %d (%s -> %s) has no source", l.ID, l.From, l.To)
				require.False(t, l.Grade.IsZero(), "link %d (%s -> %s) has no grade", l.ID, l.From, l.To)
				st, _ := l.Attributes["statement"].(string)
				require.NotEmpty(t, st, "link %d (%s -> %s) has no statement", l.ID, l.From, l.To)
			}
		})
	}
}

func TestScenarioConvergence(t *testing.T) {
	n := loadScenario(t, "western-hemisphere.json")
	cs, err := nexus.Convergence(scenarioScope(t, n, orgView), nexus.ConvergenceOptions{})
	require.NoError(t, err)
	var got []string
	for _, c := range cs {
		got = append(got, c.Actor)
	}
	require.Equal(t, []string{"colombian-dto", "farc", "tba-smugglers", "wa-network", "coca-growers",
		"ve-officials", "tba-hawala", "co-officials"}, got)
	require.True(t, cs[1].Hybrid)
	for _, c := range cs {
		if c.Actor == "tba-hawala" {
			require.Equal(t, []string{"hizballah", "hamas"}, c.NeighboursB)
		}
	}
}

func TestScenarioCorruption(t *testing.T) {
	n := loadScenario(t, "western-hemisphere.json")
	s := scenarioScope(t, n, orgView)
	cn, err := nexus.CorruptionNodes(s)
	require.NoError(t, err)
	var got []string
	for _, c := range cn {
		got = append(got, c.Actor)
	}
	require.Equal(t, []string{"ve-officials", "co-officials", "gt-customs", "hn-police", "mx-police", "gw-military", "py-customs"}, got)
	require.Equal(t, []string{"farc", "ve-traffickers"}, cn[0].A)
	require.Equal(t, []string{"farc"}, cn[0].B)

	tris, err := nexus.IronTriangles(s)
	require.NoError(t, err)
	var tg [][3]string
	for _, x := range tris {
		tg = append(tg, [3]string{x.State, x.Licit, x.Criminal})
	}
	require.Equal(t, [][3]string{{"ve-officials", "ve-front", "ve-traffickers"},
		{"gt-customs", "shipping", "colombian-dto"}, {"py-customs", "tba-front", "tba-smugglers"}}, tg)
}

func TestScenarioTrails(t *testing.T) {
	n := loadScenario(t, "western-hemisphere.json")
	res, err := supplychain.Trails(scenarioScope(t, n, network.ViewOptions{}), supplychain.TrailOptions{})
	require.NoError(t, err)
	gws := map[string]supplychain.Gateway{}
	for _, g := range res.Gateways {
		gws[g.Actor] = g
	}
	require.Len(t, gws, 5)
	require.Equal(t, []string{"hizballah", "hamas"}, gws["tba-hawala"].Targets)
	require.Equal(t, []string{"tba-smugglers"}, gws["tba-hawala"].Sources)
	require.Equal(t, []string{"hizballah"}, gws["charity"].Targets)
	require.Contains(t, gws, "wa-network")
	var hawala, charity bool
	for _, tr := range res.Trails {
		switch {
		case slices.Equal(tr.Actors, []string{"tba-smugglers", "tba-hawala", "hizballah"}):
			hawala = true
			require.Equal(t, []string{"hawala"}, tr.Channels)
		case slices.Equal(tr.Actors, []string{"tba-smugglers", "tba-front", "charity", "hizballah"}):
			charity = true
			require.Equal(t, []string{"tba-front", "charity"}, tr.Fronts)
			require.Equal(t, []string{"trade_based", "formal_banking", "bulk_cash"}, tr.Channels)
		}
	}
	require.True(t, hawala, "no hawala trail")
	require.True(t, charity, "no charity trail")
}

func TestScenarioChain(t *testing.T) {
	n := loadScenario(t, "western-hemisphere.json")
	ch, err := supplychain.NewChain(scenarioScope(t, n, network.ViewOptions{}), supplychain.ChainOptions{Commodity: "cocaine"})
	require.NoError(t, err)
	roles := map[string][]supplychain.Role{}
	for _, a := range ch.Actors {
		for _, r := range a.Roles {
			roles[a.ID] = append(roles[a.ID], r.Role)
		}
	}
	for id, want := range map[string][]supplychain.Role{
		"coca-growers":    {supplychain.RoleSource},
		"sendero":         {supplychain.RoleSource, supplychain.RoleProtector},
		"farc":            {supplychain.RoleTransit, supplychain.RoleProtector},
		"colombian-dto":   {supplychain.RoleTransit, supplychain.RoleController},
		"ve-traffickers":  {supplychain.RoleTransit},
		"wa-network":      {supplychain.RoleTransit, supplychain.RoleEnabler},
		"es-distributors": {supplychain.RoleMarket},
		"us-distributors": {supplychain.RoleMarket},
		"gt-customs":      {supplychain.RoleProtector},
	} {
		require.Equal(t, want, roles[id], id)
	}
}

func TestScenarioEarlyWarning(t *testing.T) {
	n := loadScenario(t, "western-hemisphere-years.json")
	d := func(s string) network.Date {
		x, err := network.ParseDate(s)
		require.NoError(t, err)
		return x
	}
	w, err := nexus.WarnWindows(scenarioScope(t, n, orgView), d("2006"), d("2008"), d("2010"), d("2012"), nexus.WarnOptions{Top: -1})
	require.NoError(t, err)
	var pairs [][2]string
	for _, l := range w.NewLinks {
		pairs = append(pairs, l.Actors)
	}
	require.Equal(t, [][2]string{{"aqim", "wa-network"}, {"colombian-dto", "hn-police"}, {"gulf-cartel", "gt-customs"},
		{"mexican-dto", "air-smuggler"}, {"mexican-dto", "hn-police"}}, pairs)
	require.Len(t, w.NewBrokers, 1)
	require.Equal(t, "zetas", w.NewBrokers[0].Actor)
	require.InDelta(t, 0.5, w.NewBrokers[0].Value, 1e-9)
	require.GreaterOrEqual(t, len(w.Rises), 2)
	require.Equal(t, "wa-network", w.Rises[0].Actor)
	require.InDelta(t, 6, w.Rises[0].Before, 1e-9)
	require.InDelta(t, 17, w.Rises[0].After, 1e-9)
	require.Equal(t, "mexican-dto", w.Rises[1].Actor)
	require.InDelta(t, 6, w.Rises[1].Increase, 1e-9)
}

func TestScenarioDisplacement(t *testing.T) {
	n := loadScenario(t, "displacement.json")
	s := scenarioScope(t, n, network.ViewOptions{Types: []string{"transports_via"}})
	rn, err := supplychain.NewRouteNetwork(s, supplychain.RouteOptions{})
	require.NoError(t, err)
	require.Equal(t, 10, rn.NumRoutes())
	supply := map[string]float64{"colombia": 60}
	demand := map[string]float64{"usa": 100}

	// Interdicting the direct Colombia–Mexico routes (links 0 and 1).
	r, err := rn.Displace(supplychain.DisplaceOptions{Supply: supply, Demand: demand, RemoveLinks: []network.LinkID{0, 1}})
	require.NoError(t, err)
	require.InDelta(t, 200, r.Before.Cost, 1e-9)
	require.InDelta(t, 390, r.After.Cost, 1e-9)
	require.InDelta(t, 190, r.CostIncrease, 1e-9)
	require.InDelta(t, 60, r.After.Delivered, 1e-9)
	after := map[string]float64{}
	before := map[string]float64{}
	for _, a := range r.Actors {
		before[a.Actor], after[a.Actor] = a.Before, a.After
	}
	require.InDelta(t, 0, before["honduras"], 1e-9)
	require.InDelta(t, 0, before["guatemala"], 1e-9)
	require.InDelta(t, 30, after["honduras"], 1e-9)
	require.InDelta(t, 50, after["guatemala"], 1e-9)
	require.InDelta(t, 50, after["mexico"], 1e-9)
	require.InDelta(t, 10, after["caribbean"], 1e-9)

	// Closing Mexico altogether also closes the Central American land route.
	r, err = rn.Displace(supplychain.DisplaceOptions{Supply: supply, Demand: demand, Remove: []string{"mexico"}})
	require.NoError(t, err)
	require.InDelta(t, 20, r.After.Delivered, 1e-9)
	require.InDelta(t, 40, r.After.Undelivered, 1e-9)
	require.InDelta(t, 180, r.After.Cost, 1e-9)
}
