package supplychain

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
)

// The roles of every actor of the cocaine chain (testdata/supplychain,
// README "Roles"), in actor order.
var cocaineActors = []ChainActor{
	{ID: "colombia"},
	{ID: "venezuela", Flow: true, Roles: roles(RoleTransit, ids(1, 4))},
	{ID: "guatemala", Flow: true, Roles: roles(RoleTransit, ids(3, 6))},
	{ID: "bissau", Flow: true, Roles: roles(RoleTransit, ids(4, 5))},
	{ID: "spain"},
	{ID: "usa", Flow: true, Roles: roles(RoleMarket, ids(6))},
	{ID: "airstrip"},
	{ID: "growers", Flow: true, Roles: roles(RoleSource, ids(0))},
	{ID: "farc", Roles: roles(RoleProtector, ids(11, 16))},
	{ID: "cartel", Flow: true, Roles: roles(RoleTransit, ids(0, 1, 2), RoleController, ids(10))},
	{ID: "boss", Roles: roles(RoleController, ids(8))},
	{ID: "smuggler", Flow: true, Roles: roles(RoleTransit, ids(2, 3))},
	{ID: "ms13", Roles: roles(RoleProtector, ids(12))},
	{ID: "customs", Roles: roles(RoleProtector, ids(17))},
	{ID: "distributors", Flow: true, Roles: roles(RoleMarket, ids(5))},
	{ID: "launderer", Roles: roles(RoleEnabler, ids(14, 21))},
	{ID: "front", Roles: roles(RoleEnabler, ids(15))},
	{ID: "financier", Roles: roles(RoleFunder, ids(18))},
	{ID: "shipping", Roles: roles(RoleEnabler, ids(36))},
	{ID: "cryptophone", Roles: roles(RoleEnabler, ids(35))},
}

func TestChainCocaine(t *testing.T) {
	n := loadCocaine(t)
	_, c := chainOf(t, n, "cocaine")
	assert.Equal(t, "cocaine", c.Commodity)
	assert.Equal(t, []string{"cocaine"}, c.Commodities)
	assert.Equal(t, cocaineActors, c.Actors)
	assert.Equal(t, ids(0, 1, 2, 3, 4, 5, 6), c.Materiel)
	assert.Equal(t, ids(8, 9, 10, 11, 12, 13, 14, 15), c.Manpower)
	assert.Equal(t, ids(16, 17, 18, 19, 20, 21, 23), c.Money, "22 (launderer → front) has no end in the flow")
	assert.Equal(t, ids(24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36), c.Mechanism, "37 (farc → colombia) has no end in the flow")
	assert.Equal(t, []string{"venezuela", "guatemala", "bissau", "usa", "growers", "cartel", "smuggler", "distributors"}, c.FlowActors())
	assert.Len(t, c.Links(), 35)
	assert.False(t, c.Has("vz-official"), "the arms link is not part of the cocaine chain")
	assert.Equal(t, n, c.Network())

	for _, want := range cocaineActors {
		got, ok := c.Actor(want.ID)
		require.True(t, ok, want.ID)
		assert.Equal(t, want, got)
		for _, r := range Roles() {
			assert.Equal(t, want.RoleLinks(r), got.RoleLinks(r), "%s %s", want.ID, r)
		}
	}
	_, ok := c.Actor("nobody")
	assert.False(t, ok)

	byRole := map[Role][]string{
		RoleSource:     {"growers"},
		RoleTransit:    {"venezuela", "guatemala", "bissau", "cartel", "smuggler"},
		RoleMarket:     {"usa", "distributors"},
		RoleController: {"cartel", "boss"},
		RoleEnabler:    {"launderer", "front", "shipping", "cryptophone"},
		RoleFunder:     {"financier"},
		RoleProtector:  {"farc", "ms13", "customs"},
	}
	for _, r := range Roles() {
		assert.Equal(t, byRole[r], c.WithRole(r), r.String())
	}
	l, ok := c.Link(21)
	require.True(t, ok)
	assert.Equal(t, "launders_for", l.Type)
	_, ok = c.Link(22)
	assert.False(t, ok)
}

func TestChainCommodityMatching(t *testing.T) {
	n := loadCocaine(t)
	_, c := chainOf(t, n, "  CoCaine ")
	assert.Equal(t, "cocaine", c.Commodity)
	assert.Equal(t, cocaineActors, c.Actors)

	// Every commodity: the arms link joins, the official is a source and
	// the FARC a market as well as a protector; its operates_in link joins.
	_, all := chainOf(t, n, "")
	assert.Equal(t, "", all.Commodity)
	assert.Equal(t, []string{"arms", "cocaine"}, all.Commodities)
	assert.Equal(t, ids(0, 1, 2, 3, 4, 5, 6, 7), all.Materiel)
	assert.Equal(t, ids(24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37), all.Mechanism)
	farc, _ := all.Actor("farc")
	assert.Equal(t, ChainActor{ID: "farc", Flow: true, Roles: roles(RoleMarket, ids(7), RoleProtector, ids(11, 16))}, farc)
	vz, _ := all.Actor("vz-official")
	assert.Equal(t, ChainActor{ID: "vz-official", Flow: true, Roles: roles(RoleSource, ids(7))}, vz)
	assert.Equal(t, []string{"growers", "vz-official"}, all.WithRole(RoleSource))
	assert.Equal(t, []string{"usa", "farc", "distributors"}, all.WithRole(RoleMarket))
}

func TestChainScopeRestrictions(t *testing.T) {
	n := loadCocaine(t)
	for _, tc := range []struct {
		name    string
		view    network.ViewOptions
		changed map[string]*ChainActor // nil: not in the chain
	}{
		{
			// The West Africa branch (links 4, 5, 20, 25, 26: 2005–2009)
			// ends before the window: Venezuela becomes a market and the
			// Bissau port, the distributors and Spain leave the chain.
			name: "window 2010-2013",
			view: network.ViewOptions{From: mustDate(t, "2010"), To: mustDate(t, "2013")},
			changed: map[string]*ChainActor{
				"venezuela":    {ID: "venezuela", Flow: true, Roles: roles(RoleMarket, ids(1))},
				"bissau":       nil,
				"spain":        nil,
				"distributors": nil,
			},
		},
		{
			// C3 (confidence 0.36) drops link 12 (C4) and link 18 (D4):
			// MS-13 and the financier leave the chain.
			name:    "min grade C3",
			view:    network.ViewOptions{MinGrade: network.MustParseGrade("C3")},
			changed: map[string]*ChainActor{"ms13": nil, "financier": nil},
		},
		{
			// Without money links the customs official is in the chain
			// only by its location, with no role; the FARC protects by
			// its protects link alone; the launderer enables by its
			// service link.
			name: "no money",
			view: network.ViewOptions{Elements: []network.Element{network.Materiel, network.Manpower, network.Mechanism}},
			changed: map[string]*ChainActor{
				"customs":   {ID: "customs"},
				"farc":      {ID: "farc", Roles: roles(RoleProtector, ids(11))},
				"launderer": {ID: "launderer", Roles: roles(RoleEnabler, ids(14))},
				"financier": nil,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := scopeOf(t, n, tc.view)
			c, err := NewChain(s, ChainOptions{Commodity: "cocaine"})
			require.NoError(t, err)
			var want []ChainActor
			for _, a := range cocaineActors {
				ch, changed := tc.changed[a.ID]
				switch {
				case !changed:
					want = append(want, a)
				case ch != nil:
					want = append(want, *ch)
				}
			}
			assert.Equal(t, want, c.Actors)
		})
	}
}

func mustDate(t *testing.T, s string) network.Date {
	t.Helper()
	d, err := network.ParseDate(s)
	require.NoError(t, err)
	return d
}

// TestChainRoleRules checks each rule of NewChain on small networks, with
// the cases that must not give the role.
func TestChainRoleRules(t *testing.T) {
	a, b, c := act("a", network.Cartel), act("b", network.Gang), act("c", network.Gang)
	for _, tc := range []struct {
		name   string
		actors []network.Actor
		links  []network.Link
		want   map[string][]ActorRole // every chain actor
	}{
		{
			name:   "source, transit, market",
			actors: []network.Actor{a, b, c},
			links:  []network.Link{mat("a", "b", "cocaine"), mat("b", "c", "cocaine")},
			want: map[string][]ActorRole{
				"a": roles(RoleSource, ids(0)), "b": roles(RoleTransit, ids(0, 1)), "c": roles(RoleMarket, ids(1)),
			},
		},
		{
			name:   "a mutual materiel link sends and receives",
			actors: []network.Actor{a, b},
			links:  []network.Link{mutual(mat("a", "b", "cocaine"))},
			want:   map[string][]ActorRole{"a": roles(RoleTransit, ids(0)), "b": roles(RoleTransit, ids(0))},
		},
		{
			name: "controller types, any case; recruits is not control",
			actors: []network.Actor{a, b, act("l", network.IndividualCriminal), act("m", network.IndividualCriminal),
				act("d", network.IndividualCriminal), act("k", network.IndividualCriminal), act("e", network.IndividualCriminal),
				act("r", network.IndividualCriminal)},
			links: []network.Link{mat("a", "b", "cocaine"), lk("l", "a", network.Manpower, " Leads"),
				lk("m", "a", network.Manpower, "commands"), lk("d", "a", network.Manpower, "DIRECTS"),
				lk("k", "b", network.Manpower, "controls"), lk("e", "b", network.Manpower, "employs"),
				lk("r", "b", network.Manpower, "recruits")},
			want: map[string][]ActorRole{
				"a": roles(RoleSource, ids(0)), "b": roles(RoleMarket, ids(0)),
				"l": roles(RoleController, ids(1)), "m": roles(RoleController, ids(2)), "d": roles(RoleController, ids(3)),
				"k": roles(RoleController, ids(4)), "e": roles(RoleController, ids(5)), "r": nil,
			},
		},
		{
			name:   "member_of: the group of a flow actor controls; a member outside the flow gives nothing",
			actors: []network.Actor{a, b, act("g", network.Mafia), act("m", network.IndividualCriminal)},
			links: []network.Link{mat("a", "b", "cocaine"), lk("a", "g", network.Manpower, "member_of"),
				lk("m", "a", network.Manpower, "member_of")},
			want: map[string][]ActorRole{
				"a": roles(RoleSource, ids(0)), "b": roles(RoleMarket, ids(0)),
				"g": roles(RoleController, ids(1)), "m": nil,
			},
		},
		{
			name:   "a place serves no role but source, transit or market",
			actors: []network.Actor{a, b, act("p", network.Port), act("q", network.Country)},
			links: []network.Link{mat("a", "b", "cocaine"), lk("p", "a", network.Manpower, "leads"),
				lk("q", "a", network.Manpower, "enables"), lk("a", "p", network.Mechanism, "uses_infrastructure"),
				money("q", "a", "funds", 1)},
			want: map[string][]ActorRole{
				"a": roles(RoleSource, ids(0)), "b": roles(RoleMarket, ids(0)), "p": nil, "q": nil,
			},
		},
		{
			name:   "enabler (a): enables, provides_service_to, from a flow actor too",
			actors: []network.Actor{a, b, act("s", network.IndividualCriminal), act("e", network.IndividualCriminal)},
			links: []network.Link{mat("a", "b", "cocaine"), lk("s", "a", network.Manpower, "provides_service_to"),
				lk("e", "b", network.Manpower, "Enables"), lk("a", "b", network.Manpower, "enables")},
			want: map[string][]ActorRole{
				"a": roles(RoleSource, ids(0), RoleEnabler, ids(3)), "b": roles(RoleMarket, ids(0)),
				"s": roles(RoleEnabler, ids(1)), "e": roles(RoleEnabler, ids(2)),
			},
		},
		{
			name: "enabler (b): mechanism links other than located_at and operates_in, not to places or flow actors",
			actors: []network.Actor{a, b, act("k", network.IndividualCriminal), act("h", network.IndividualCriminal),
				act("o", network.IndividualCriminal), act("w", network.IndividualCriminal), act("p", network.Port)},
			links: []network.Link{mat("a", "b", "cocaine"), lk("a", "k", network.Mechanism, "transports_via"),
				lk("h", "a", network.Mechanism, "located_at"), lk("o", "a", network.Mechanism, "Operates_In"),
				mutual(lk("w", "b", network.Mechanism, "communicates_with")), lk("a", "p", network.Mechanism, "transports_via"),
				lk("a", "b", network.Mechanism, "communicates_with")},
			want: map[string][]ActorRole{
				"a": roles(RoleSource, ids(0)), "b": roles(RoleMarket, ids(0)),
				"k": roles(RoleEnabler, ids(1)), "h": nil, "o": nil, "w": roles(RoleEnabler, ids(4)), "p": nil,
			},
		},
		{
			name: "enabler (c): facilitator and licit actors outside the flow, except by their funding links",
			actors: []network.Actor{a, b, act("f", network.FrontCompany), act("h", network.Hawala),
				act("bank", network.FinancialInstitution), act("x", network.IndividualCriminal, network.Licit),
				act("sm", network.Smuggler)},
			links: []network.Link{mat("a", "b", "cocaine"), lk("f", "a", network.Manpower, "kin"),
				money("a", "h", "pays", 2), money("bank", "a", "invests_in", 5), lk("x", "b", network.Manpower, "allied_with"),
				mat("sm", "a", "arms")},
			want: map[string][]ActorRole{
				"a": roles(RoleSource, ids(0)), "b": roles(RoleMarket, ids(0)),
				"f": roles(RoleEnabler, ids(1)), "h": roles(RoleEnabler, ids(2)),
				"bank": roles(RoleFunder, ids(3)), "x": roles(RoleEnabler, ids(4)),
			},
		},
		{
			name: "funder: a payer outside the flow; a flow actor paying is not",
			actors: []network.Actor{a, b, act("i", network.IndividualCriminal), act("j", network.Charity),
				act("k", network.StateSponsor), act("m", network.IndividualCriminal), act("t", network.TerroristGroup)},
			links: []network.Link{mat("a", "b", "cocaine"), money("i", "a", "funds", 1), money("j", "a", "donates_to", 2),
				money("k", "b", "pays", 4), mutual(money("m", "a", "invests_in", 8)), money("a", "b", "funds", 16),
				money("a", "t", "funds", 32)},
			want: map[string][]ActorRole{
				"a": roles(RoleSource, ids(0)), "b": roles(RoleMarket, ids(0)),
				"i": roles(RoleFunder, ids(1)), "j": roles(RoleFunder, ids(2)), "k": roles(RoleFunder, ids(3)),
				"m": roles(RoleFunder, ids(4)), "t": nil,
			},
		},
		{
			name: "protector: protects; bribes taken by the state; taxes and extortion paid by the flow",
			actors: []network.Actor{a, b, act("g", network.Gang), act("off", network.CorruptOfficial),
				act("crook", network.IndividualCriminal), act("ins", network.Insurgency), act("ext", network.Gang),
				act("shop", network.IndividualCriminal), act("pol", network.IndividualCriminal, network.State)},
			links: []network.Link{mat("a", "b", "cocaine"), lk("g", "b", network.Manpower, "protects"),
				money("a", "off", "bribes", 1), money("a", "crook", "bribes", 1), money("a", "ins", "Taxes", 1),
				money("b", "ext", "extorts", 1), money("shop", "a", "extorts", 1), money("b", "pol", "bribes", 1)},
			want: map[string][]ActorRole{
				"a": roles(RoleSource, ids(0)), "b": roles(RoleMarket, ids(0)),
				"g": roles(RoleProtector, ids(1)), "off": roles(RoleProtector, ids(2)), "crook": nil,
				"ins": roles(RoleProtector, ids(4)), "ext": roles(RoleProtector, ids(5)), "shop": nil,
				"pol": roles(RoleProtector, ids(7)),
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := build(t, tc.actors, tc.links)
			_, ch := chainOf(t, n, "cocaine")
			got := map[string][]ActorRole{}
			for _, ca := range ch.Actors {
				got[ca.ID] = ca.Roles
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestChainOrderAndSelfLinks(t *testing.T) {
	// Actors come in actor order whatever the link order; self-links and
	// association links are left out.
	n := build(t, []network.Actor{act("z", network.Gang), act("y", network.Cartel), act("x", network.IndividualCriminal)},
		[]network.Link{mat("y", "z", "cocaine"), mat("y", "y", "cocaine"), lk("x", "y", network.Association, "meets"),
			lk("x", "y", network.Manpower, "leads"), lk("x", "x", network.Manpower, "leads")})
	_, c := chainOf(t, n, "cocaine")
	assert.Equal(t, []ChainActor{
		{ID: "z", Flow: true, Roles: roles(RoleMarket, ids(0))},
		{ID: "y", Flow: true, Roles: roles(RoleSource, ids(0))},
		{ID: "x", Roles: roles(RoleController, ids(3))},
	}, c.Actors)
	assert.Equal(t, ids(0, 3), c.Links())
}

func TestChainErrors(t *testing.T) {
	n := loadCocaine(t)
	_, err := NewChain(nil, ChainOptions{})
	assert.EqualError(t, err, "supplychain: nil scope")

	for _, tc := range []struct {
		name      string
		net       *network.Network
		view      network.ViewOptions
		commodity string
		msg       string
		is        error
	}{
		{"no actor", n, network.ViewOptions{Sectors: []network.Sector{network.Counter}}, "",
			"supplychain: empty scope: it keeps no actor", ErrEmptyScope},
		{"no link", n, network.ViewOptions{Elements: []network.Element{network.Association}}, "",
			"supplychain: empty scope: it keeps 21 actors but no link between two of them", ErrEmptyScope},
		{"only a self-link", build(t, []network.Actor{act("a", network.Gang)}, []network.Link{mat("a", "a", "cocaine")}),
			network.ViewOptions{}, "", "supplychain: empty scope: it keeps 1 actor but no link between two of them", ErrEmptyScope},
		{"no materiel link", n, network.ViewOptions{Elements: []network.Element{network.Money}}, "cocaine",
			"supplychain: empty scope: it keeps no materiel link (element materiel), from which a chain is built", ErrEmptyScope},
		{"unknown commodity", n, network.ViewOptions{}, "heroin",
			`supplychain: unknown commodity "heroin": no materiel link kept by the scope carries it (commodities present: arms, cocaine)`,
			ErrUnknownCommodity},
		{"commodity left out by the scope", n, network.ViewOptions{MinGrade: network.MustParseGrade("B2")}, "arms",
			`supplychain: unknown commodity "arms": no materiel link kept by the scope carries it (commodities present: cocaine); ` +
				"the scope leaves out the network's 1 materiel link carrying it (view window, minimum grade, types, sectors or kinds)",
			ErrUnknownCommodity},
		{"unnamed commodity", build(t, []network.Actor{act("a", network.Gang), act("b", network.Gang)},
			[]network.Link{mat("a", "b", "")}), network.ViewOptions{}, "cocaine",
			`supplychain: unknown commodity "cocaine": no materiel link kept by the scope carries it (commodities present: (none given))`,
			ErrUnknownCommodity},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewChain(scopeOf(t, tc.net, tc.view), ChainOptions{Commodity: tc.commodity})
			require.Error(t, err)
			assert.Equal(t, tc.msg, err.Error())
			assert.True(t, errors.Is(err, tc.is))
		})
	}
}

func TestRoleText(t *testing.T) {
	for i, name := range []string{"source", "transit", "market", "controller", "enabler", "funder", "protector"} {
		r := Role(i)
		assert.Equal(t, name, r.String())
		assert.Equal(t, r, Roles()[i])
		got, err := ParseRole(" " + string(name[0]-32) + name[1:] + " ")
		require.NoError(t, err)
		assert.Equal(t, r, got)
		b, err := r.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, name, string(b))
		var back Role
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, r, back)
	}
	assert.Equal(t, "Role(7)", Role(7).String())
	_, err := ParseRole("boss")
	assert.EqualError(t, err, `unknown role "boss" (want source, transit, market, controller, enabler, funder, protector)`)
	_, err = Role(9).MarshalText()
	assert.EqualError(t, err, "invalid role 9")
	var r Role
	assert.Error(t, r.UnmarshalText([]byte("boss")))
}
