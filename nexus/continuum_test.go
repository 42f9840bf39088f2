package nexus

import (
	"testing"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// contActors are the actors of every continuum example: a cartel and a
// terrorist cell (the pair), and third actors that some examples link.
func contActors(extra ...network.Actor) []network.Actor {
	return append([]network.Actor{
		{ID: "cartel", Kind: network.Cartel},
		{ID: "cell", Kind: network.TerroristGroup},
		{ID: "hawala", Kind: network.Hawala},
		{ID: "dealer", Kind: network.Smuggler},
		{ID: "police", Kind: network.Agency},
		{ID: "farc", Kind: network.Insurgency, Sectors: []network.Sector{network.Criminal}},
		{ID: "op", Kind: network.IndividualCriminal},
		{ID: "regime", Kind: network.StateSponsor},
		{ID: "customs", Kind: network.CorruptOfficial},
	}, extra...)
}

// contMember makes op a member of both groups: the shared_member rule.
func contMember() []corrLink {
	return []corrLink{
		corrL("op-cartel", "op", "cartel", network.Manpower, "member_of"),
		corrL("op-cell", "op", "cell", network.Manpower, "member_of"),
	}
}

func contRun(t *testing.T, links []corrLink, extra ...network.Actor) (ContinuumResult, map[string]network.LinkID) {
	t.Helper()
	n, ids := corrBuild(t, contActors(extra...), links)
	r, err := Continuum(scopeOf(t, n, analysis.ScopeOptions{}), "cartel", "cell", ContinuumOptions{})
	require.NoError(t, err)
	return r, ids
}

func contNames(r ContinuumResult) []string {
	var s []string
	for _, f := range r.Fired {
		s = append(s, f.Name)
	}
	return s
}

func TestContinuumNone(t *testing.T) {
	r, _ := contRun(t, nil)
	assert.Equal(t, StageNone, r.Stage)
	assert.Equal(t, "", r.Rule)
	assert.Empty(t, r.Fired)
	assert.Equal(t, "none", r.Stage.String())
}

func TestContinuumEachRule(t *testing.T) {
	L := corrL
	cases := []struct {
		name    string
		links   []corrLink
		extra   []network.Actor
		stage   ContinuumStage
		rule    string
		actors  []string
		links2  []string // names of the evidence links of the rule
		nearMis []corrLink
	}{
		{
			name:   "direct_transaction",
			links:  []corrLink{L("x", "cartel", "cell", network.Materiel, "supplies")},
			stage:  StageAlliance,
			rule:   RuleDirectTransaction,
			links2: []string{"x"},
			// A mere association between them is not a transaction.
			nearMis: []corrLink{L("x", "cartel", "cell", network.Association, "meets")},
		},
		{
			name: "shared_facilitator",
			links: []corrLink{
				L("a", "cartel", "hawala", network.Money, "pays"),
				L("b", "hawala", "cell", network.Money, "funds"),
			},
			stage: StageAlliance, rule: RuleSharedFacilitator,
			actors: []string{"hawala"}, links2: []string{"a", "b"},
			nearMis: []corrLink{
				L("a", "cartel", "hawala", network.Money, "pays"),
				L("b", "hawala", "cell", network.Association, "meets"),
			},
		},
		{
			name:  "terrorist_trafficking",
			links: []corrLink{L("x", "cell", "dealer", network.Materiel, "sells")},
			stage: StageOperational, rule: RuleTerroristTrafficking,
			actors: []string{"cell"}, links2: []string{"x"},
			// Buying is not trafficking, nor is selling on a money link.
			nearMis: []corrLink{
				L("x", "dealer", "cell", network.Materiel, "sells"),
				L("y", "cell", "dealer", network.Money, "sells"),
			},
		},
		{
			name:  "criminal_violence",
			links: []corrLink{L("x", "cartel", "police", network.Association, "bombs")},
			stage: StageOperational, rule: RuleCriminalViolence,
			actors: []string{"cartel"}, links2: []string{"x"},
			// Kidnapping is not in ViolenceTypes; the cell's bombing is
			// terrorist violence by a terrorist.
			nearMis: []corrLink{
				L("x", "cartel", "police", network.Association, "kidnaps"),
				L("y", "cell", "police", network.Association, "bombs"),
			},
		},
		{
			name: "hybrid_actor",
			links: []corrLink{
				L("a", "farc", "cartel", network.Association, "meets"),
				L("b", "cell", "farc", network.Association, "meets"),
			},
			stage: StageConvergence, rule: RuleHybridActor,
			actors: []string{"farc"}, links2: []string{"a", "b"},
			// The hybrid touches only one of them.
			nearMis: []corrLink{
				L("a", "farc", "cartel", network.Association, "meets"),
				L("b", "cell", "op", network.Association, "meets"),
				L("c", "op", "cartel", network.Association, "meets"),
			},
		},
		{
			name:  "shared_member",
			links: contMember(),
			stage: StageConvergence, rule: RuleSharedMember,
			actors: []string{"op"}, links2: []string{"op-cartel", "op-cell"},
			// Membership of one, an association with the other.
			nearMis: []corrLink{
				L("a", "op", "cartel", network.Manpower, "member_of"),
				L("b", "op", "cell", network.Association, "member_of"),
			},
		},
		{
			name:  "state_sponsor",
			links: append(contMember(), L("x", "regime", "cell", network.Association, "supports")),
			stage: StageBlackHole, rule: RuleStateSponsor,
			actors: []string{"regime"}, links2: []string{"x"},
			// The same sponsor tie without convergence is no black hole.
			nearMis: []corrLink{
				L("x", "regime", "cell", network.Association, "supports"),
				L("a", "op", "cartel", network.Manpower, "member_of"),
			},
		},
		{
			name:  "state_corruption",
			links: append(contMember(), L("x", "op", "customs", network.Money, "bribes")),
			stage: StageBlackHole, rule: RuleStateCorruption,
			actors: []string{"customs"}, links2: []string{"x"},
			// A convergent pair that only talks to the official.
			nearMis: append(contMember(), L("x", "cartel", "customs", network.Association, "communicates_with")),
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, ids := contRun(t, c.links, c.extra...)
			assert.Equal(t, c.stage, r.Stage)
			assert.Equal(t, c.rule, r.Rule)
			var fired *ContinuumRule
			for i := range r.Fired {
				if r.Fired[i].Name == c.rule {
					fired = &r.Fired[i]
				}
			}
			require.NotNil(t, fired, "rule %s did not fire: %v", c.rule, contNames(r))
			assert.Equal(t, c.stage, fired.Stage)
			assert.Equal(t, c.actors, fired.Actors)
			var want []network.LinkID
			for _, name := range c.links2 {
				want = append(want, ids[name])
			}
			assert.Equal(t, want, fired.Links)

			near, _ := contRun(t, c.nearMis, c.extra...)
			assert.NotContains(t, contNames(near), c.rule, "near miss fired")
			assert.Less(t, near.Stage, c.stage)
		})
	}
}

func TestContinuumHybridParty(t *testing.T) {
	n, _ := corrBuild(t, contActors(), nil)
	r, err := Continuum(scopeOf(t, n, analysis.ScopeOptions{}), "farc", "cell", ContinuumOptions{})
	require.NoError(t, err)
	assert.Equal(t, StageConvergence, r.Stage)
	require.Len(t, r.Fired, 1)
	assert.Equal(t, ContinuumRule{Name: RuleHybridActor, Stage: StageConvergence, Actors: []string{"farc"}}, r.Fired[0])
}

func TestContinuumAllRulesOrder(t *testing.T) {
	L := corrL
	links := append(contMember(),
		L("", "regime", "cartel", network.Money, "funds"), // state_sponsor and state_corruption
		L("", "farc", "cartel", network.Association, "meets"),
		L("", "farc", "cell", network.Association, "meets"),
		L("", "cell", "dealer", network.Materiel, "traffics"),
		L("", "cartel", "police", network.Association, "assassinates"),
		L("", "cartel", "cell", network.Money, "pays"),
		L("", "cartel", "hawala", network.Materiel, "supplies"),
		L("", "hawala", "cell", network.Money, "funds"),
	)
	r, _ := contRun(t, links)
	assert.Equal(t, StageBlackHole, r.Stage)
	assert.Equal(t, RuleStateSponsor, r.Rule)
	assert.Equal(t, []string{RuleStateSponsor, RuleStateCorruption, RuleHybridActor, RuleSharedMember,
		RuleTerroristTrafficking, RuleCriminalViolence, RuleDirectTransaction, RuleSharedFacilitator}, contNames(r))
	for _, f := range r.Fired {
		assert.NotEmpty(t, f.Links, f.Name)
	}
	assert.Equal(t, "black_hole", r.Stage.String())
}

func TestContinuumErrors(t *testing.T) {
	n, _ := corrBuild(t, contActors(), nil)
	s := scopeOf(t, n, analysis.ScopeOptions{})
	_, err := Continuum(s, "cartel", "cartel", ContinuumOptions{})
	assert.Error(t, err)
	_, err = Continuum(s, "cartel", "nobody", ContinuumOptions{})
	assert.Error(t, err)
	_, err = Continuum(s, "nobody", "cell", ContinuumOptions{})
	assert.Error(t, err)
	assert.Regexp(t, `^nexus: `, err.Error())
	// An actor of the network that the scope's view leaves out.
	crim := scopeOf(t, n, analysis.ScopeOptions{View: network.ViewOptions{Sectors: []network.Sector{network.Criminal}}})
	_, err = Continuum(crim, "cartel", "cell", ContinuumOptions{})
	assert.ErrorContains(t, err, "left out by the scope's view")
	assert.Equal(t, "ContinuumStage(9)", ContinuumStage(9).String())
}

func TestContinuumEvidenceMerged(t *testing.T) {
	// Two shared members: one rule, both members in actor order, all four
	// links; a doubly-linked sponsor is listed once.
	links := append(contMember(),
		corrL("d1", "dealer", "cell", network.Manpower, "member_of"),
		corrL("d2", "dealer", "cartel", network.Manpower, "member_of"),
		corrL("r1", "regime", "op", network.Association, "supports"),
		corrL("r2", "cartel", "regime", network.Association, "meets"),
	)
	r, ids := contRun(t, links)
	require.Equal(t, []string{RuleStateSponsor, RuleSharedMember}, contNames(r))
	assert.Equal(t, []string{"regime"}, r.Fired[0].Actors)
	assert.Equal(t, []network.LinkID{ids["r1"], ids["r2"]}, r.Fired[0].Links)
	assert.Equal(t, []string{"dealer", "op"}, r.Fired[1].Actors)
	assert.Equal(t, []network.LinkID{ids["op-cartel"], ids["op-cell"], ids["d1"], ids["d2"]}, r.Fired[1].Links)
}

func TestContinuumStageText(t *testing.T) {
	names := []string{"none", "alliance", "operational", "convergence", "black_hole"}
	for i, name := range names {
		st := ContinuumStage(i)
		assert.Equal(t, name, st.String())
		b, err := st.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, name, string(b))
		var back ContinuumStage
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, st, back)
		got, err := ParseContinuumStage(name)
		require.NoError(t, err)
		assert.Equal(t, st, got)
	}
	assert.Equal(t, []ContinuumStage{StageNone, StageAlliance, StageOperational, StageConvergence, StageBlackHole},
		[]ContinuumStage{0, 1, 2, 3, 4})
	// Case and surrounding space are ignored.
	got, err := ParseContinuumStage("  Black_Hole ")
	require.NoError(t, err)
	assert.Equal(t, StageBlackHole, got)
	// Unknown names and values.
	_, err = ParseContinuumStage("blackhole")
	assert.ErrorContains(t, err, "black_hole")
	var st ContinuumStage = StageAlliance
	assert.Error(t, st.UnmarshalText([]byte("nope")))
	assert.Equal(t, StageAlliance, st, "unchanged on error")
	_, err = ContinuumStage(9).MarshalText()
	assert.Error(t, err)
	_, err = ContinuumStage(-1).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "ContinuumStage(-1)", ContinuumStage(-1).String())
}

func TestContinuumOptionsCustomTypes(t *testing.T) {
	L := corrL
	links := []corrLink{
		L("kid", "cartel", "police", network.Association, "kidnaps"),
		L("bomb", "cartel", "police", network.Association, "bombs"),
		L("smug", "cell", "dealer", network.Materiel, "smuggles"),
		L("sell", "cell", "dealer", network.Materiel, "sells"),
	}
	n, ids := corrBuild(t, contActors(), links)
	s := scopeOf(t, n, analysis.ScopeOptions{})
	find := func(r ContinuumResult, name string) *ContinuumRule {
		for i := range r.Fired {
			if r.Fired[i].Name == name {
				return &r.Fired[i]
			}
		}
		return nil
	}

	// Defaults: bombs and sells count, kidnaps and smuggles do not.
	r, err := Continuum(s, "cartel", "cell", ContinuumOptions{})
	require.NoError(t, err)
	require.NotNil(t, find(r, RuleCriminalViolence))
	assert.Equal(t, []network.LinkID{ids["bomb"]}, find(r, RuleCriminalViolence).Links)
	require.NotNil(t, find(r, RuleTerroristTrafficking))
	assert.Equal(t, []network.LinkID{ids["sell"]}, find(r, RuleTerroristTrafficking).Links)

	// Custom lists replace the defaults (compared without regard to case).
	r, err = Continuum(s, "cartel", "cell", ContinuumOptions{ViolenceTypes: []string{"KIDNAPS"}, TraffickingTypes: []string{"Smuggles"}})
	require.NoError(t, err)
	assert.Equal(t, StageOperational, r.Stage)
	require.NotNil(t, find(r, RuleCriminalViolence))
	assert.Equal(t, []network.LinkID{ids["kid"]}, find(r, RuleCriminalViolence).Links)
	require.NotNil(t, find(r, RuleTerroristTrafficking))
	assert.Equal(t, []network.LinkID{ids["smug"]}, find(r, RuleTerroristTrafficking).Links)

	// An empty non-nil list disables its rule.
	r, err = Continuum(s, "cartel", "cell", ContinuumOptions{ViolenceTypes: []string{}, TraffickingTypes: []string{}})
	require.NoError(t, err)
	assert.Equal(t, StageNone, r.Stage)
	assert.Empty(t, r.Fired)

	// CorruptionTypes: a convergent pair's "protects" tie to an official
	// (not money) is corruption by default, "shields" only when listed.
	links = append(contMember(),
		L("prot", "op", "customs", network.Association, "protects"),
		L("shield", "cartel", "customs", network.Association, "shields"))
	n, ids = corrBuild(t, contActors(), links)
	s = scopeOf(t, n, analysis.ScopeOptions{})
	r, err = Continuum(s, "cartel", "cell", ContinuumOptions{})
	require.NoError(t, err)
	require.NotNil(t, find(r, RuleStateCorruption))
	assert.Equal(t, []network.LinkID{ids["prot"]}, find(r, RuleStateCorruption).Links)
	r, err = Continuum(s, "cartel", "cell", ContinuumOptions{CorruptionTypes: []string{"shields"}})
	require.NoError(t, err)
	require.NotNil(t, find(r, RuleStateCorruption))
	assert.Equal(t, []network.LinkID{ids["shield"]}, find(r, RuleStateCorruption).Links)
	r, err = Continuum(s, "cartel", "cell", ContinuumOptions{CorruptionTypes: []string{}})
	require.NoError(t, err)
	assert.Nil(t, find(r, RuleStateCorruption))
	assert.Equal(t, StageConvergence, r.Stage)
}

func TestContinuumScopeView(t *testing.T) {
	d := func(s string) network.Date {
		x, err := network.ParseDate(s)
		require.NoError(t, err)
		return x
	}
	n, ids := corrBuild(t, contActors(), nil)
	// A 2018 arms sale and a 2022 payment between the pair.
	sale := network.Link{From: "cartel", To: "cell", Element: network.Materiel, Type: "supplies", Weight: 1,
		Start: d("2018"), End: d("2018")}
	pay := network.Link{From: "cartel", To: "cell", Element: network.Money, Type: "pays", Weight: 1,
		Start: d("2022"), End: d("2022")}
	for _, cl := range []corrLink{{"sale", sale}, {"pay", pay}} {
		id, err := n.AddLink(cl.l)
		require.NoError(t, err)
		ids[cl.name] = id
	}
	// A 2022 shared member: convergence, but only in 2022.
	for _, cl := range contMember() {
		cl.l.Start, cl.l.End = d("2022"), d("2022")
		id, err := n.AddLink(cl.l)
		require.NoError(t, err)
		ids[cl.name] = id
	}

	all, err := Continuum(scopeOf(t, n, analysis.ScopeOptions{}), "cartel", "cell", ContinuumOptions{})
	require.NoError(t, err)
	assert.Equal(t, StageConvergence, all.Stage)

	// In 2018 only the sale is kept: an alliance, with the sale as the
	// only evidence; the 2022 links fire nothing.
	in2018, err := Continuum(viewScope(t, n, network.ViewOptions{From: d("2018"), To: d("2018")}), "cartel", "cell", ContinuumOptions{})
	require.NoError(t, err)
	assert.Equal(t, StageAlliance, in2018.Stage)
	require.Equal(t, []string{RuleDirectTransaction}, contNames(in2018))
	assert.Equal(t, []network.LinkID{ids["sale"]}, in2018.Fired[0].Links)

	// In 2020 nothing between them is active.
	in2020, err := Continuum(viewScope(t, n, network.ViewOptions{From: d("2020"), To: d("2020")}), "cartel", "cell", ContinuumOptions{})
	require.NoError(t, err)
	assert.Equal(t, StageNone, in2020.Stage)
	assert.Empty(t, in2020.Fired)

	// The money layer alone keeps the payment, not the sale or membership.
	money, err := Continuum(viewScope(t, n, network.ViewOptions{Elements: []network.Element{network.Money}}), "cartel", "cell", ContinuumOptions{})
	require.NoError(t, err)
	require.Equal(t, []string{RuleDirectTransaction}, contNames(money))
	assert.Equal(t, []network.LinkID{ids["pay"]}, money.Fired[0].Links)
}
