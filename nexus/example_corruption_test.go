package nexus_test

import (
	"fmt"
	"log"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/nexus"
)

// An iron triangle (US State Department 2008): a customs official, a
// shipping firm and a cartel, all three pairwise linked. The port
// authority is tied to the cartel but not to the firm, so it closes no
// triangle; it is still a corruption node.
func ExampleIronTriangles() {
	n := network.New("iron triangle")
	for _, a := range []network.Actor{
		{ID: "customs", Kind: network.CorruptOfficial},
		{ID: "port_authority", Kind: network.CorruptOfficial},
		{ID: "shipping", Kind: network.FrontCompany},
		{ID: "cartel", Kind: network.Cartel},
	} {
		if err := n.AddActor(a); err != nil {
			log.Fatal(err)
		}
	}
	for _, l := range []network.Link{
		{From: "cartel", To: "customs", Element: network.Money, Type: "bribes", Weight: 1},
		{From: "shipping", To: "customs", Element: network.Mechanism, Type: "clears_cargo", Weight: 1},
		{From: "cartel", To: "shipping", Element: network.Materiel, Type: "ships_through", Commodity: "cocaine", Weight: 1},
		{From: "cartel", To: "port_authority", Element: network.Money, Type: "bribes", Weight: 1},
	} {
		if _, err := n.AddLink(l); err != nil {
			log.Fatal(err)
		}
	}
	s, err := analysis.NewScope(n, analysis.ScopeOptions{})
	if err != nil {
		log.Fatal(err)
	}
	triangles, err := nexus.IronTriangles(s)
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range triangles {
		fmt.Printf("state=%s licit=%s criminal=%s links=%v %v %v\n",
			t.State, t.Licit, t.Criminal, t.StateLicit, t.StateCriminal, t.LicitCriminal)
	}
	// The default set A is the criminal sector.
	nodes, err := nexus.CorruptionNodes(s)
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range nodes {
		fmt.Printf("corruption node %s: criminal=%v links=%v\n", c.Actor, c.A, c.Links)
	}
	// Output:
	// state=customs licit=shipping criminal=cartel links=[1] [0] [2]
	// corruption node customs: criminal=[cartel] links=[0]
	// corruption node port_authority: criminal=[cartel] links=[3]
}

// A cartel and a terrorist group share a member, and the cartel pays a
// customs official: the pair has converged and the convergent group
// reaches the state — Makarenko's (2004) "black hole".
func ExampleContinuum() {
	n := network.New("continuum")
	for _, a := range []network.Actor{
		{ID: "cartel", Kind: network.Cartel},
		{ID: "group", Kind: network.TerroristGroup},
		{ID: "broker", Kind: network.IndividualCriminal},
		{ID: "customs", Kind: network.CorruptOfficial},
	} {
		if err := n.AddActor(a); err != nil {
			log.Fatal(err)
		}
	}
	for _, l := range []network.Link{
		{From: "broker", To: "cartel", Element: network.Manpower, Type: "member_of"},
		{From: "broker", To: "group", Element: network.Manpower, Type: "member_of"},
		{From: "cartel", To: "customs", Element: network.Money, Type: "bribes"},
		{From: "cartel", To: "group", Element: network.Materiel, Type: "supplies", Commodity: "arms"},
	} {
		if _, err := n.AddLink(l); err != nil {
			log.Fatal(err)
		}
	}
	s, err := analysis.NewScope(n, analysis.ScopeOptions{})
	if err != nil {
		log.Fatal(err)
	}
	r, err := nexus.Continuum(s, "cartel", "group", nexus.ContinuumOptions{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("stage:", r.Stage, "by", r.Rule)
	for _, f := range r.Fired {
		fmt.Printf("%s (%s): actors=%v links=%v\n", f.Name, f.Stage, f.Actors, f.Links)
	}
	// Output:
	// stage: black_hole by state_corruption
	// state_corruption (black_hole): actors=[customs] links=[2]
	// shared_member (convergence): actors=[broker] links=[0 1]
	// direct_transaction (alliance): actors=[] links=[3]
}
