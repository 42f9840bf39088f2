package supplychain_test

import (
	"fmt"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/supplychain"
)

// A tiny cocaine chain: growers supply a cartel, which ships through a
// port to a market and bribes a customs official. The chain names each
// actor's roles and the audit answers the Figure-2 questions, with the
// links that justify each answer.
func ExampleAudit() {
	n := network.New("tiny chain")
	for _, a := range []network.Actor{
		{ID: "growers", Name: "Coca growers", Kind: network.CriminalGroup},
		{ID: "cartel", Name: "Cartel", Kind: network.Cartel},
		{ID: "port", Name: "Port", Kind: network.Port},
		{ID: "market", Name: "Market", Kind: network.Country},
		{ID: "official", Name: "Customs official", Kind: network.CorruptOfficial},
	} {
		if err := n.AddActor(a); err != nil {
			panic(err)
		}
	}
	for _, l := range []network.Link{
		{From: "growers", To: "cartel", Element: network.Materiel, Type: "supplies", Commodity: "cocaine", Weight: 1,
			Attributes: network.Attributes{"volume": 10.0}},
		{From: "cartel", To: "port", Element: network.Materiel, Type: "traffics", Commodity: "cocaine", Mode: "sea", Weight: 1},
		{From: "port", To: "market", Element: network.Materiel, Type: "traffics", Commodity: "cocaine", Mode: "sea", Weight: 1},
		{From: "cartel", To: "official", Element: network.Money, Type: "bribes", Channel: "bulk_cash", Weight: 1,
			Attributes: network.Attributes{"amount": 1.0}},
	} {
		if _, err := n.AddLink(l); err != nil {
			panic(err)
		}
	}
	s, err := analysis.NewScope(n, analysis.ScopeOptions{})
	if err != nil {
		panic(err)
	}
	c, err := supplychain.NewChain(s, supplychain.ChainOptions{Commodity: "cocaine"})
	if err != nil {
		panic(err)
	}
	for _, a := range c.Actors {
		var rs []string
		for _, r := range a.Roles {
			rs = append(rs, fmt.Sprintf("%s %v", r.Role, r.Links))
		}
		fmt.Printf("%s: %s\n", a.ID, strings.Join(rs, ", "))
	}
	r, err := supplychain.Audit(s, c)
	if err != nil {
		panic(err)
	}
	for _, q := range []supplychain.Question{supplychain.QuestionWhat, supplychain.QuestionFrom, supplychain.QuestionTo,
		supplychain.QuestionProtectors, supplychain.QuestionFunders, supplychain.QuestionModes, supplychain.QuestionOrganisation} {
		ans := r.Answer(q)
		if ans.Unknown {
			fmt.Printf("%s: %s\n", q, ans.Note)
			continue
		}
		var items []string
		for _, it := range ans.Items {
			name := it.Actor + it.Value
			if ans.Quantity != "" {
				name += fmt.Sprintf(" (%s %g)", ans.Quantity, it.Quantity)
			}
			items = append(items, fmt.Sprintf("%s %v", name, it.Links))
		}
		fmt.Printf("%s: %s\n", q, strings.Join(items, "; "))
	}
	fmt.Println(r.Answer(supplychain.QuestionOrganisation).Note)
	// Output:
	// growers: source [0]
	// cartel: transit [0 1]
	// port: transit [1 2]
	// market: market [2]
	// official: protector [3]
	// what: cocaine (volume 10) [0 1 2]
	// from: growers [0]
	// to: market [2]
	// protectors: official [3]
	// funders: unknown — no links of this kind
	// modes: sea [1 2]
	// organisation: network []; cartel [0 1 3]; port [1 2]
	// degree centralisation (Freeman 1979) 0.5833 ≥ 0.5 but no controller, so a network; 1 component; 2 brokers (articulation points)
}
