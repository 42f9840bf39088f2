package supplychain_test

import (
	"fmt"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/supplychain"
)

// routeNetwork is a source s, a market m and two routes: through a (cost
// 2, capacity 5) and through b (cost 4, capacity 3).
func routeNetwork() *supplychain.RouteNetwork {
	n := network.New("routes")
	for _, id := range []string{"s", "a", "b", "m"} {
		n.AddActor(network.Actor{ID: id, Kind: network.City})
	}
	for _, r := range []struct {
		from, to  string
		cost, cap float64
	}{{"s", "a", 1, 5}, {"a", "m", 1, 5}, {"s", "b", 2, 3}, {"b", "m", 2, 3}} {
		n.AddLink(network.Link{From: r.from, To: r.to, Element: network.Mechanism, Type: "transports_via", Mode: "land",
			Weight: r.cap, Attributes: network.Attributes{"cost": r.cost}})
	}
	s, _ := analysis.NewScope(n, analysis.ScopeOptions{})
	rn, _ := supplychain.NewRouteNetwork(s, supplychain.RouteOptions{})
	return rn
}

// Where to cut the routes from s to m: the trade-off curve of the
// remaining flow against the number of links removed.
func ExampleRouteNetwork_Interdict() {
	rn := routeNetwork()
	cut, _ := rn.MaxFlow([]string{"s"}, []string{"m"}, supplychain.FlowOptions{})
	fmt.Println("max flow", cut.Value, "min cut", cut.Links)
	curve, _ := rn.Interdict([]string{"s"}, []string{"m"}, supplychain.InterdictOptions{K: 2})
	for _, st := range curve {
		fmt.Println(st.K, st.Links, st.Value, st.Method)
	}
	// Output:
	// max flow 8 min cut [0 2]
	// 0 [] 8 exact
	// 1 [0] 3 exact
	// 2 [0 2] 0 exact
}

// Close the cheap route through a: the traffic moves to b, the dearer
// one, and what b cannot carry is not delivered.
func ExampleRouteNetwork_Displace() {
	res, _ := routeNetwork().Displace(supplychain.DisplaceOptions{
		Supply: map[string]float64{"s": 4}, Demand: map[string]float64{"m": 4}, Remove: []string{"a"},
	})
	fmt.Printf("before: delivered %v at cost %v\n", res.Before.Delivered, res.Before.Cost)
	fmt.Printf("after:  delivered %v at cost %v, %v undelivered\n", res.After.Delivered, res.After.Cost, res.After.Undelivered)
	for _, a := range res.Actors {
		fmt.Println(a.Actor, a.Before, "→", a.After)
	}
	// Output:
	// before: delivered 4 at cost 8
	// after:  delivered 3 at cost 12, 1 undelivered
	// s 4 → 3
	// a 4 → 0
	// b 0 → 3
	// m 4 → 3
}

// Follow the money from a cartel to a terrorist group through a charity.
func ExampleTrails() {
	n := network.New("money")
	for _, a := range []network.Actor{{ID: "cartel", Kind: network.Cartel}, {ID: "charity", Kind: network.Charity},
		{ID: "group", Kind: network.TerroristGroup}} {
		n.AddActor(a)
	}
	n.AddLink(network.Link{From: "cartel", To: "charity", Element: network.Money, Type: "donates_to", Weight: 1,
		Channel: "formal_banking", Attributes: network.Attributes{"amount": int64(50)}})
	n.AddLink(network.Link{From: "charity", To: "group", Element: network.Money, Type: "funds", Weight: 1,
		Channel: "hawala", Attributes: network.Attributes{"amount": int64(30)}})
	s, _ := analysis.NewScope(n, analysis.ScopeOptions{})
	res, _ := supplychain.Trails(s, supplychain.TrailOptions{})
	for _, t := range res.Trails {
		fmt.Println(t.Actors, t.Channels, "bottleneck", t.Bottleneck, "fronts", t.Fronts)
	}
	for _, g := range res.Gateways {
		fmt.Println("gateway", g.Actor, "pays", g.Targets)
	}
	// Output:
	// [cartel charity group] [formal_banking hawala] bottleneck 30 fronts [charity]
	// gateway charity pays [group]
}
