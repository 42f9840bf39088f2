package supplychain

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
)

// item and val make actor and value items.
func item(actor string, q float64, links ...int) AuditItem {
	return AuditItem{Actor: actor, Quantity: q, Links: ids(links...)}
}

func val(value string, q float64, links ...int) AuditItem {
	return AuditItem{Value: value, Quantity: q, Links: ids(links...)}
}

// cocaineAnswers are the items of every answer on the cocaine chain
// (testdata/supplychain/README.md, "Audit").
var cocaineAnswers = map[Question][]AuditItem{
	QuestionWhat:        {val("cocaine", 100, 0, 1, 2, 3, 4, 5, 6)},
	QuestionFrom:        {item("colombia", 0, 29), item("growers", 0, 0)},
	QuestionTo:          {item("spain", 0, 31), item("usa", 0, 6), item("distributors", 0, 5)},
	QuestionResources:   {item("airstrip", 0, 34), item("shipping", 0, 36), item("cryptophone", 0, 35)},
	QuestionMovers:      {item("growers", 0, 0), item("cartel", 0, 1, 2), item("smuggler", 0, 3, 33)},
	QuestionControllers: {item("cartel", 0, 10), item("boss", 0, 8)},
	QuestionEnablers:    {item("launderer", 0, 14, 21), item("front", 0, 15), item("shipping", 0, 36), item("cryptophone", 0, 35)},
	QuestionProtectors:  {item("farc", 0, 11, 16), item("ms13", 0, 12), item("customs", 0, 17)},
	QuestionFunders:     {item("financier", 20, 18)},
	QuestionRevenue: {val("bribes via bulk_cash", 0.5, 17), val("funds via formal_banking", 20, 18),
		val("funds via hawala", 3, 23), val("launders_for via trade_based", 30, 21), val("pays via bulk_cash", 98, 19, 20),
		val("taxes via bulk_cash", 5, 16)},
	QuestionDestination: {item("farc", 8, 16, 23), item("cartel", 90, 20), item("smuggler", 8, 19),
		item("customs", 0.5, 17), item("launderer", 30, 21), item("front", 25, 21, 22)},
	QuestionModes: {val("air", 0, 4, 25, 34), val("cyber", 0, 35), val("land", 0, 1, 6, 24, 28),
		val("sea", 0, 3, 5, 26, 27, 33, 36)},
	QuestionTechnology: {val("communicates_with", 0, 35), val("uses_infrastructure", 0, 34)},
	QuestionOrganisation: {val("hierarchy", 0, 8, 10), item("guatemala", 0, 3, 6, 27, 28, 32, 33),
		item("cartel", 0, 0, 1, 2, 8, 9, 10, 13, 14, 15, 18, 19, 20, 21, 23, 30, 34, 35, 36),
		item("smuggler", 0, 2, 3, 10, 12, 17, 19, 33)},
}

var quantities = map[Question]string{QuestionWhat: "volume", QuestionFunders: "amount", QuestionRevenue: "amount",
	QuestionDestination: "amount"}

func TestAuditCocaine(t *testing.T) {
	n := loadCocaine(t)
	s, c := chainOf(t, n, "cocaine")
	r, err := Audit(s, c)
	require.NoError(t, err)
	assert.Equal(t, "cocaine", r.Commodity)
	assert.Equal(t, []string{"cocaine"}, r.Commodities)
	assert.Equal(t, ChainSize{Actors: 20, FlowActors: 8, Materiel: 7, Manpower: 8, Money: 7, Mechanism: 13}, r.Size)
	require.Len(t, r.Answers, len(Questions()))
	for i, q := range Questions() {
		t.Run(q.String(), func(t *testing.T) {
			ans := r.Answers[i]
			assert.Equal(t, q, ans.Question)
			assert.Equal(t, q.Element(), ans.Element)
			assert.Equal(t, q.Text(), ans.Text)
			assert.Equal(t, quantities[q], ans.Quantity)
			assert.False(t, ans.Unknown)
			assert.Equal(t, cocaineAnswers[q], ans.Items)
			assert.Equal(t, ans, r.Answer(q))
		})
	}
	assert.Equal(t, Organisation{Centralisation: 208.0 / 342, Components: 1,
		Brokers: []string{"guatemala", "cartel", "smuggler"}, Controllers: []string{"cartel", "boss"},
		Structure: StructureHierarchy}, r.Organisation)
	assert.Equal(t, "degree centralisation (Freeman 1979) 0.6082 ≥ 0.5 and 2 controllers, so a hierarchy; "+
		"1 component; 3 brokers (articulation points)", r.Answer(QuestionOrganisation).Note)
	assert.Equal(t, AuditAnswer{}, r.Answer(Question(99)))
}

// TestAuditScope: the scope's view changes the answers.
func TestAuditScope(t *testing.T) {
	n := loadCocaine(t)
	for _, tc := range []struct {
		name    string
		view    network.ViewOptions
		changed map[Question][]AuditItem // nil: unknown
		org     Organisation
	}{
		{
			// Without money links the data are silent on funding, revenue
			// and destination.
			name: "no money links",
			view: network.ViewOptions{Elements: []network.Element{network.Materiel, network.Manpower, network.Mechanism}},
			changed: map[Question][]AuditItem{
				QuestionFunders: nil, QuestionRevenue: nil, QuestionDestination: nil,
				QuestionEnablers:   {item("launderer", 0, 14), item("front", 0, 15), item("shipping", 0, 36), item("cryptophone", 0, 35)},
				QuestionProtectors: {item("farc", 0, 11), item("ms13", 0, 12)},
				QuestionOrganisation: {val("hierarchy", 0, 8, 10), item("venezuela", 0, 1, 4, 24, 25),
					item("guatemala", 0, 3, 6, 27, 28, 32, 33), item("bissau", 0, 4, 5, 25, 26),
					item("cartel", 0, 0, 1, 2, 8, 9, 10, 13, 14, 15, 30, 34, 35, 36),
					item("smuggler", 0, 2, 3, 10, 12, 33)},
			},
			// 19 actors (no financier), 23 pairs; the cartel has 11
			// neighbours: Σ(11 − d) = 19·11 − 46 = 163 over 18·17.
			org: Organisation{Centralisation: 163.0 / 306, Components: 1,
				Brokers:     []string{"venezuela", "guatemala", "bissau", "cartel", "smuggler"},
				Controllers: []string{"cartel", "boss"}, Structure: StructureHierarchy},
		},
		{
			// The West Africa branch ends in 2009.
			name: "window 2010-2013",
			view: network.ViewOptions{From: mustDate(t, "2010"), To: mustDate(t, "2013")},
			changed: map[Question][]AuditItem{
				QuestionWhat:    {val("cocaine", 100, 0, 1, 2, 3, 6)},
				QuestionTo:      {item("venezuela", 0, 1), item("usa", 0, 6)},
				QuestionRevenue: {val("bribes via bulk_cash", 0.5, 17), val("funds via formal_banking", 20, 18), val("funds via hawala", 3, 23), val("launders_for via trade_based", 30, 21), val("pays via bulk_cash", 8, 19), val("taxes via bulk_cash", 5, 16)},
				QuestionDestination: {item("farc", 8, 16, 23), item("smuggler", 8, 19), item("customs", 0.5, 17),
					item("launderer", 30, 21), item("front", 25, 21, 22)},
				QuestionModes: {val("air", 0, 34), val("cyber", 0, 35), val("land", 0, 1, 6, 24, 28), val("sea", 0, 3, 27, 33, 36)},
				QuestionOrganisation: {val("hierarchy", 0, 8, 10), item("guatemala", 0, 3, 6, 27, 28, 32, 33),
					item("cartel", 0, 0, 1, 2, 8, 9, 10, 13, 14, 15, 18, 19, 21, 23, 30, 34, 35, 36),
					item("smuggler", 0, 2, 3, 10, 12, 17, 19, 33)},
			},
			// 17 actors, 21 pairs; the cartel has 12 neighbours.
			org: Organisation{Centralisation: float64(17*12-2*21) / (16 * 15), Components: 1,
				Brokers:     []string{"guatemala", "cartel", "smuggler"},
				Controllers: []string{"cartel", "boss"}, Structure: StructureHierarchy},
		},
		{
			// C3 drops the financier's D4 funding and MS-13's C4
			// protection.
			name: "min grade C3",
			view: network.ViewOptions{MinGrade: network.MustParseGrade("C3")},
			changed: map[Question][]AuditItem{
				QuestionFunders:    nil,
				QuestionProtectors: {item("farc", 0, 11, 16), item("customs", 0, 17)},
				QuestionRevenue: {val("bribes via bulk_cash", 0.5, 17), val("funds via hawala", 3, 23),
					val("launders_for via trade_based", 30, 21), val("pays via bulk_cash", 98, 19, 20), val("taxes via bulk_cash", 5, 16)},
				QuestionOrganisation: {val("hierarchy", 0, 8, 10), item("guatemala", 0, 3, 6, 27, 28, 32, 33),
					item("cartel", 0, 0, 1, 2, 8, 9, 10, 13, 14, 15, 19, 20, 21, 23, 30, 34, 35, 36)},
			},
			// 18 actors, 24 pairs; without MS-13 the smuggler is no
			// longer a cut point.
			org: Organisation{Centralisation: float64(18*12-2*24) / (17 * 16), Components: 1,
				Brokers:     []string{"guatemala", "cartel"},
				Controllers: []string{"cartel", "boss"}, Structure: StructureHierarchy},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := scopeOf(t, n, tc.view)
			c, err := NewChain(s, ChainOptions{Commodity: "cocaine"})
			require.NoError(t, err)
			r, err := Audit(s, c)
			require.NoError(t, err)
			for _, q := range Questions() {
				want, changed := tc.changed[q]
				if !changed {
					want = cocaineAnswers[q]
				}
				ans := r.Answer(q)
				assert.Equal(t, want, ans.Items, q.String())
				assert.Equal(t, want == nil, ans.Unknown, q.String())
				if want == nil {
					assert.Equal(t, UnknownText, ans.Note, q.String())
				}
			}
			assert.InDelta(t, tc.org.Centralisation, r.Organisation.Centralisation, 1e-12)
			tc.org.Centralisation = r.Organisation.Centralisation
			assert.Equal(t, tc.org, r.Organisation)
		})
	}
}

func TestAuditQuantities(t *testing.T) {
	// Volume: the "volume" attribute, else "amount", else the weight, of
	// the links the sources send; m → t is a transit link and not counted.
	x, y, z := mat("s1", "m", "x"), mat("s2", "m", "y"), mat("s3", "m", "z")
	x.Attributes = network.Attributes{"volume": int64(5), "amount": 9.0}
	y.Attributes = network.Attributes{"amount": 7.0, "volume": "seven"}
	z.Weight = 3
	on := mat("m", "t", "x")
	on.Attributes = network.Attributes{"volume": 100.0}
	n := build(t, []network.Actor{act("s1", network.Gang), act("s2", network.Gang), act("s3", network.Gang),
		act("m", network.Cartel), act("t", network.Gang)}, []network.Link{x, y, z, on})
	s, c := chainOf(t, n, "")
	r, err := Audit(s, c)
	require.NoError(t, err)
	assert.Equal(t, []AuditItem{val("x", 5, 0, 3), val("y", 7, 1), val("z", 3, 2)}, r.Answer(QuestionWhat).Items)
	assert.Equal(t, []AuditItem{item("s1", 0, 0), item("s2", 0, 1), item("s3", 0, 2), item("m", 0, 3)}, r.Answer(QuestionMovers).Items)
	assert.True(t, r.Answer(QuestionFunders).Unknown)
}

func TestAuditDestination(t *testing.T) {
	// Proceeds go to a hawala (by kind) and to a launderer (by a
	// launders_for link); each is followed one hop, over links outside the
	// chain, and no further.
	n := build(t, []network.Actor{act("a", network.Cartel), act("b", network.Gang), act("h", network.Hawala),
		act("t", network.TerroristGroup), act("u", network.Cell), act("v", network.IndividualCriminal),
		act("l", network.IndividualCriminal), act("f", network.FrontCompany)},
		[]network.Link{
			mat("a", "b", "cocaine"),              // 0
			money("a", "h", "pays", 10),           // 1
			money("h", "t", "funds", 4),           // 2
			money("t", "u", "pays", 2),            // 3: a second hop, not followed
			mutual(money("h", "v", "pays", 1)),    // 4
			money("b", "l", "launders_for", 6),    // 5
			money("l", "f", "invests_in", 5),      // 6
			lk("l", "f", network.Manpower, "kin"), // 7: not money
		})
	s, c := chainOf(t, n, "cocaine")
	r, err := Audit(s, c)
	require.NoError(t, err)
	assert.Equal(t, []AuditItem{item("h", 10, 1), item("t", 4, 1, 2), item("v", 1, 1, 4), item("l", 6, 5), item("f", 5, 5, 6)},
		r.Answer(QuestionDestination).Items)
	assert.Equal(t, []AuditItem{val("launders_for", 6, 5), val("pays", 10, 1)}, r.Answer(QuestionRevenue).Items)

	// A scope that drops the onward link stops the trail at the launderer.
	s2 := scopeOf(t, n, network.ViewOptions{Types: []string{"traffics", "pays", "launders_for"}})
	c2, err := NewChain(s2, ChainOptions{Commodity: "cocaine"})
	require.NoError(t, err)
	r2, err := Audit(s2, c2)
	require.NoError(t, err)
	assert.Equal(t, []AuditItem{item("h", 10, 1), item("v", 1, 1, 4), item("l", 6, 5)}, r2.Answer(QuestionDestination).Items)
}

func TestAuditTechnologyAndModes(t *testing.T) {
	d := mat("a", "b", "data")
	d.Mode = " Cyber"
	pay := money("b", "a", "pays", 1)
	pay.Channel = "crypto"
	infra := lk("a", "srv", network.Mechanism, "uses_infrastructure")
	n := build(t, []network.Actor{act("a", network.Gang), act("b", network.CyberProvider), act("srv", network.Business)},
		[]network.Link{d, pay, infra})
	s, c := chainOf(t, n, "data")
	r, err := Audit(s, c)
	require.NoError(t, err)
	assert.Equal(t, []AuditItem{val("pays via crypto", 0, 1), val("traffics", 0, 0), val("uses_infrastructure", 0, 2)},
		r.Answer(QuestionTechnology).Items)
	assert.Equal(t, []AuditItem{val("cyber", 0, 0)}, r.Answer(QuestionModes).Items)
	assert.Equal(t, []AuditItem{item("srv", 0, 2)}, r.Answer(QuestionResources).Items)
	// b pays a, so a pays nobody: the data are silent on a's funders but
	// not on where the money goes.
	assert.Equal(t, []AuditItem{item("a", 1, 1)}, r.Answer(QuestionDestination).Items)
}

func TestAuditOrganisation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		links []network.Link
		org   Organisation
		note  string
	}{
		{
			name:  "a star without controller is a network",
			links: []network.Link{mat("a", "b", "c"), mat("a", "d", "c"), mat("a", "e", "c")},
			org:   Organisation{Centralisation: 1, Components: 1, Brokers: []string{"a"}, Structure: StructureNetwork},
			note:  "degree centralisation (Freeman 1979) 1.0000 ≥ 0.5 but no controller, so a network; 1 component; 1 broker (articulation points)",
		},
		{
			name:  "a star with a controller is a hierarchy",
			links: []network.Link{mat("a", "b", "c"), mat("a", "d", "c"), lk("a", "e", network.Manpower, "leads")},
			org:   Organisation{Centralisation: 1, Components: 1, Brokers: []string{"a"}, Controllers: []string{"a"}, Structure: StructureHierarchy},
			note:  "degree centralisation (Freeman 1979) 1.0000 ≥ 0.5 and 1 controller, so a hierarchy; 1 component; 1 broker (articulation points)",
		},
		{
			// Degrees 1, 2, 2, 1: Σ(2 − d) = 2 over 3·2.
			name:  "a path is a network",
			links: []network.Link{mat("a", "b", "c"), mat("b", "d", "c"), mat("d", "e", "c"), lk("e", "a", network.Manpower, "employs")},
			org:   Organisation{Centralisation: 0, Components: 1, Controllers: []string{"e"}, Structure: StructureNetwork},
			note:  "degree centralisation (Freeman 1979) 0.0000 < 0.5, so a network; 1 component; 0 brokers (articulation points)",
		},
		{
			name:  "two pairs: two components",
			links: []network.Link{mat("a", "b", "c"), mat("d", "e", "c")},
			org:   Organisation{Centralisation: 0, Components: 2, Structure: StructureNetwork},
			note:  "degree centralisation (Freeman 1979) 0.0000 < 0.5, so a network; 2 components; 0 brokers (articulation points)",
		},
		{
			name:  "two actors: no centralisation",
			links: []network.Link{mat("a", "b", "c"), lk("a", "b", network.Manpower, "leads")},
			org:   Organisation{Components: 1, Controllers: []string{"a"}, Structure: StructureNetwork},
			note:  "degree centralisation (Freeman 1979) 0.0000 < 0.5, so a network; 1 component; 0 brokers (articulation points)",
		},
		{
			// a–b–d–e and d–a: degrees a 2, b 2, d 3, e 1; Σ(3 − d) = 4 over 3·2.
			name:  "a triangle with a tail",
			links: []network.Link{mat("a", "b", "c"), mat("b", "d", "c"), mat("d", "e", "c"), lk("d", "a", network.Manpower, "leads")},
			org:   Organisation{Centralisation: 4.0 / 6, Components: 1, Brokers: []string{"d"}, Controllers: []string{"d"}, Structure: StructureHierarchy},
			note:  "degree centralisation (Freeman 1979) 0.6667 ≥ 0.5 and 1 controller, so a hierarchy; 1 component; 1 broker (articulation points)",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := build(t, []network.Actor{act("a", network.Cartel), act("b", network.Gang), act("d", network.Gang),
				act("e", network.Gang)}, tc.links)
			s, c := chainOf(t, n, "c")
			r, err := Audit(s, c)
			require.NoError(t, err)
			assert.InDelta(t, tc.org.Centralisation, r.Organisation.Centralisation, 1e-12)
			tc.org.Centralisation = r.Organisation.Centralisation
			assert.Equal(t, tc.org, r.Organisation)
			ans := r.Answer(QuestionOrganisation)
			assert.Equal(t, tc.note, ans.Note)
			assert.False(t, ans.Unknown)
			assert.Equal(t, tc.org.Structure, ans.Items[0].Value)
			assert.Len(t, ans.Items, 1+len(tc.org.Brokers))
		})
	}
}

func TestAuditErrors(t *testing.T) {
	n := loadCocaine(t)
	s, c := chainOf(t, n, "cocaine")
	_, err := Audit(nil, c)
	assert.EqualError(t, err, "supplychain: audit needs a scope and a chain")
	_, err = Audit(s, nil)
	assert.EqualError(t, err, "supplychain: audit needs a scope and a chain")
	other := scopeOf(t, loadCocaine(t), network.ViewOptions{})
	_, err = Audit(other, c)
	assert.EqualError(t, err, "supplychain: the chain was built on another network than the scope's")

	r, err := Audit(s, c)
	require.NoError(t, err)
	var b bytes.Buffer
	assert.EqualError(t, r.Markdown(&b, nil), "supplychain: Markdown needs the audited network")
	small := build(t, []network.Actor{act("growers", network.Gang), act("cartel", network.Cartel)},
		[]network.Link{mat("growers", "cartel", "cocaine")})
	assert.EqualError(t, r.Markdown(&b, small), "supplychain: the network has no link 1: render the audit with the network it was made on")
}

func TestAuditDeterministic(t *testing.T) {
	n := loadCocaine(t)
	var first string
	for i := range 20 {
		s, c := chainOf(t, n, "")
		r, err := Audit(s, c)
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, r.Markdown(&b, n))
		if i == 0 {
			first = b.String()
			continue
		}
		require.Equal(t, first, b.String())
	}
}

func TestAuditMarkdownUnknown(t *testing.T) {
	n := loadCocaine(t)
	s := scopeOf(t, n, network.ViewOptions{Elements: []network.Element{network.Materiel, network.Manpower, network.Mechanism}})
	c, err := NewChain(s, ChainOptions{Commodity: "cocaine"})
	require.NoError(t, err)
	r, err := Audit(s, c)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, r.Markdown(&b, n))
	md := b.String()
	for _, want := range []string{
		"The chain has 19 actors (8 in the commodity flow) and 28 links: 7 materiel, 8 manpower, 0 money, 13 mechanism.\n",
		"## Money\n\n### Who is funding the supply chain?\n\nunknown — no links of this kind\n\n" +
			"### How is revenue generated?\n\nunknown — no links of this kind\n\n" +
			"### Where is the money going?\n\nunknown — no links of this kind\n\n## Mechanisms\n",
		"### Who protects it?\n\n- FARC (farc)\n  - link 11: farc → growers (manpower:protects)\n" +
			"- MS-13 (ms13)\n  - link 12: ms13 → smuggler (manpower:protects)\n\n## Money\n",
		"Degree centralisation (Freeman 1979) 0.5327 ≥ 0.5 and 2 controllers, so a hierarchy; 1 component; 5 brokers (articulation points)\n",
	} {
		assert.Contains(t, md, want)
	}
	assert.Equal(t, 3, strings.Count(md, UnknownText))
}

func TestQuestionText(t *testing.T) {
	names := []string{"what", "from", "to", "resources", "movers", "controllers", "enablers", "protectors",
		"funders", "revenue", "destination", "modes", "technology", "organisation"}
	elements := []network.Element{network.Materiel, network.Materiel, network.Materiel, network.Materiel,
		network.Manpower, network.Manpower, network.Manpower, network.Manpower,
		network.Money, network.Money, network.Money, network.Mechanism, network.Mechanism, network.Mechanism}
	require.Len(t, Questions(), len(names))
	for i, name := range names {
		q := Question(i)
		assert.Equal(t, q, Questions()[i])
		assert.Equal(t, name, q.String())
		assert.Equal(t, elements[i], q.Element(), name)
		assert.True(t, strings.HasSuffix(q.Text(), "?"), name)
		got, err := ParseQuestion(strings.ToUpper(name) + " ")
		require.NoError(t, err)
		assert.Equal(t, q, got)
		b, err := q.MarshalText()
		require.NoError(t, err)
		var back Question
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, q, back)
	}
	assert.Equal(t, "What is being moved through the supply chain (people, goods, commodities, services, data)?", QuestionWhat.Text())
	assert.Equal(t, "How is the supply chain organised?", QuestionOrganisation.Text())
	assert.Equal(t, "Question(14)", Question(14).String())
	assert.Equal(t, "", Question(14).Text())
	assert.Equal(t, network.Association, Question(14).Element())
	_, err := Question(14).MarshalText()
	assert.EqualError(t, err, "invalid audit question 14")
	_, err = ParseQuestion("why")
	assert.ErrorContains(t, err, `unknown audit question "why" (want what, from, to,`)
	var q Question
	assert.Error(t, q.UnmarshalText([]byte("why")))
}

// cocaineMarkdown is the report of the cocaine chain.
const cocaineMarkdown = `# Supply-chain audit: cocaine

Commodities: cocaine. The chain has 20 actors (8 in the commodity flow) and 35 links: 7 materiel, 8 manpower, 7 money, 13 mechanism.

## Materiel

### What is being moved through the supply chain (people, goods, commodities, services, data)?

- cocaine, volume 100
  - link 0: growers → cartel (materiel:supplies)
  - link 1: cartel → venezuela (materiel:traffics)
  - link 2: cartel → smuggler (materiel:supplies)
  - link 3: smuggler → guatemala (materiel:traffics)
  - link 4: venezuela → bissau (materiel:traffics)
  - link 5: bissau → distributors (materiel:traffics)
  - link 6: guatemala → usa (materiel:traffics)

### Where are those materials coming from?

- Colombia (colombia)
  - link 29: growers → colombia (mechanism:located_at)
- Coca growers (growers)
  - link 0: growers → cartel (materiel:supplies)

### Where are they destined for?

- Spain (spain)
  - link 31: distributors → spain (mechanism:located_at)
- United States (usa)
  - link 6: guatemala → usa (materiel:traffics)
- European wholesale distributors (distributors)
  - link 5: bissau → distributors (materiel:traffics)

### What resources are accessed?

- Clandestine airstrip (airstrip)
  - link 34: cartel → airstrip (mechanism:uses_infrastructure)
- Shipping company (shipping)
  - link 36: cartel → shipping (mechanism:transports_via)
- Encrypted-phone provider (cryptophone)
  - link 35: cartel → cryptophone (mechanism:communicates_with)

## Manpower

### Who is moving it?

- Coca growers (growers)
  - link 0: growers → cartel (materiel:supplies)
- Colombian cartel (cartel)
  - link 1: cartel → venezuela (materiel:traffics)
  - link 2: cartel → smuggler (materiel:supplies)
- Maritime smuggler (smuggler)
  - link 3: smuggler → guatemala (materiel:traffics)
  - link 33: smuggler → guatemala (mechanism:operates_route)

### Who controls and staffs the supply chain?

- Colombian cartel (cartel)
  - link 10: cartel → smuggler (manpower:employs)
- Cartel leader (boss)
  - link 8: boss → cartel (manpower:leads)

### Who are the key enablers of the supply chain?

- Money launderer (launderer)
  - link 14: launderer → cartel (manpower:provides_service_to)
  - link 21: cartel → launderer (money:launders_for)
- Import-export front company (front)
  - link 15: front → cartel (manpower:provides_service_to)
- Shipping company (shipping)
  - link 36: cartel → shipping (mechanism:transports_via)
- Encrypted-phone provider (cryptophone)
  - link 35: cartel → cryptophone (mechanism:communicates_with)

### Who protects it?

- FARC (farc)
  - link 11: farc → growers (manpower:protects)
  - link 16: growers → farc (money:taxes)
- MS-13 (ms13)
  - link 12: ms13 → smuggler (manpower:protects)
- Corrupt customs official (customs)
  - link 17: smuggler → customs (money:bribes)

## Money

### Who is funding the supply chain?

- Financier (financier), amount 20
  - link 18: financier → cartel (money:funds)

### How is revenue generated?

- bribes via bulk_cash, amount 0.5
  - link 17: smuggler → customs (money:bribes)
- funds via formal_banking, amount 20
  - link 18: financier → cartel (money:funds)
- funds via hawala, amount 3
  - link 23: cartel → farc (money:funds)
- launders_for via trade_based, amount 30
  - link 21: cartel → launderer (money:launders_for)
- pays via bulk_cash, amount 98
  - link 19: cartel → smuggler (money:pays)
  - link 20: distributors → cartel (money:pays)
- taxes via bulk_cash, amount 5
  - link 16: growers → farc (money:taxes)

### Where is the money going?

- FARC (farc), amount 8
  - link 16: growers → farc (money:taxes)
  - link 23: cartel → farc (money:funds)
- Colombian cartel (cartel), amount 90
  - link 20: distributors → cartel (money:pays)
- Maritime smuggler (smuggler), amount 8
  - link 19: cartel → smuggler (money:pays)
- Corrupt customs official (customs), amount 0.5
  - link 17: smuggler → customs (money:bribes)
- Money launderer (launderer), amount 30
  - link 21: cartel → launderer (money:launders_for)
- Import-export front company (front), amount 25
  - link 21: cartel → launderer (money:launders_for)
  - link 22: launderer → front (money:invests_in)

## Mechanisms

### What modes of conveyance are used (land, air, sea, cyberspace)?

- air
  - link 4: venezuela → bissau (materiel:traffics)
  - link 25: venezuela → bissau (mechanism:transports_via)
  - link 34: cartel → airstrip (mechanism:uses_infrastructure)
- cyber
  - link 35: cartel → cryptophone (mechanism:communicates_with)
- land
  - link 1: cartel → venezuela (materiel:traffics)
  - link 6: guatemala → usa (materiel:traffics)
  - link 24: colombia → venezuela (mechanism:transports_via)
  - link 28: guatemala → usa (mechanism:transports_via)
- sea
  - link 3: smuggler → guatemala (materiel:traffics)
  - link 5: bissau → distributors (materiel:traffics)
  - link 26: bissau → spain (mechanism:transports_via)
  - link 27: colombia → guatemala (mechanism:transports_via)
  - link 33: smuggler → guatemala (mechanism:operates_route)
  - link 36: cartel → shipping (mechanism:transports_via)

### How is technology used?

- communicates_with
  - link 35: cartel → cryptophone (mechanism:communicates_with)
- uses_infrastructure
  - link 34: cartel → airstrip (mechanism:uses_infrastructure)

### How is the supply chain organised?

Degree centralisation (Freeman 1979) 0.6082 ≥ 0.5 and 2 controllers, so a hierarchy; 1 component; 3 brokers (articulation points)

- hierarchy
  - link 8: boss → cartel (manpower:leads)
  - link 10: cartel → smuggler (manpower:employs)
- broker: Guatemala (guatemala)
  - link 3: smuggler → guatemala (materiel:traffics)
  - link 6: guatemala → usa (materiel:traffics)
  - link 27: colombia → guatemala (mechanism:transports_via)
  - link 28: guatemala → usa (mechanism:transports_via)
  - link 32: customs → guatemala (mechanism:located_at)
  - link 33: smuggler → guatemala (mechanism:operates_route)
- broker: Colombian cartel (cartel)
  - link 0: growers → cartel (materiel:supplies)
  - link 1: cartel → venezuela (materiel:traffics)
  - link 2: cartel → smuggler (materiel:supplies)
  - link 8: boss → cartel (manpower:leads)
  - link 9: boss → cartel (manpower:member_of)
  - link 10: cartel → smuggler (manpower:employs)
  - link 13: cartel ↔ farc (manpower:allied_with)
  - link 14: launderer → cartel (manpower:provides_service_to)
  - link 15: front → cartel (manpower:provides_service_to)
  - link 18: financier → cartel (money:funds)
  - link 19: cartel → smuggler (money:pays)
  - link 20: distributors → cartel (money:pays)
  - link 21: cartel → launderer (money:launders_for)
  - link 23: cartel → farc (money:funds)
  - link 30: cartel → colombia (mechanism:located_at)
  - link 34: cartel → airstrip (mechanism:uses_infrastructure)
  - link 35: cartel → cryptophone (mechanism:communicates_with)
  - link 36: cartel → shipping (mechanism:transports_via)
- broker: Maritime smuggler (smuggler)
  - link 2: cartel → smuggler (materiel:supplies)
  - link 3: smuggler → guatemala (materiel:traffics)
  - link 10: cartel → smuggler (manpower:employs)
  - link 12: ms13 → smuggler (manpower:protects)
  - link 17: smuggler → customs (money:bribes)
  - link 19: cartel → smuggler (money:pays)
  - link 33: smuggler → guatemala (mechanism:operates_route)
`

func TestAuditMarkdown(t *testing.T) {
	n := loadCocaine(t)
	s, c := chainOf(t, n, "cocaine")
	r, err := Audit(s, c)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, r.Markdown(&b, n))
	assert.Equal(t, cocaineMarkdown, b.String())
}
