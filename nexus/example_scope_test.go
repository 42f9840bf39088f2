package nexus_test

import (
	"fmt"
	"log"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/netio"
	"github.com/illicitnet/illicit/nexus"
)

// The 9/11 hijackers' network (Krebs 2002) typed from its hijacker
// attribute: hijackers are operatives (terrorist sector), the others
// travel facilitators. One scope — facilitators as set A, operatives as
// set B, every tie two-way and counted in hops — serves betweenness, nexus
// betweenness, key players and a disruption run. Every value printed equals
// NetworkX's (betweenness_centrality; twice betweenness_centrality_subset,
// which halves undirected sums; the fragmentation and connected pairs of
// the graph without the removed actors).
func Example_scope() {
	n, err := netio.Load("../testdata/krebs-911/edges.csv", netio.LoadOptions{Nodes: "../testdata/krebs-911/nodes.csv"})
	must(err)
	for _, a := range n.Actors() {
		if a.Kind = network.TravelFacilitator; a.Attributes["hijacker"] == true {
			a.Kind = network.Operative
		}
		must(n.UpdateActor(a))
	}
	s, err := analysis.NewScope(n, analysis.ScopeOptions{A: analysis.BySector(network.Facilitator), B: analysis.BySector(network.Terrorist)})
	must(err)
	nb, err := nexus.Betweenness(s)
	must(err)
	kp, err := nexus.KeyPlayers(s, nexus.KeyPlayerOptions{K: 3})
	must(err)
	steps, err := nexus.Disrupt(s, nexus.DisruptOptions{Strategy: nexus.ByNexusBetweenness, Steps: 3})
	must(err)
	name := func(id string) string { a, _ := n.Actor(id); return a.Label() }
	fmt.Printf("top betweenness: %s %.3f\n", name(analysis.Betweenness(s, true).Top(1)[0].Actor), analysis.Betweenness(s, true).Top(1)[0].Value)
	for _, sc := range nb.Top(3) {
		fmt.Printf("nexus betweenness: %-22s %6.1f\n", name(sc.Actor), sc.Value)
	}
	fmt.Printf("key players: %s, %s, %s (F %.3f → %.3f)\n", name(kp.Actors[0]), name(kp.Actors[1]), name(kp.Actors[2]), kp.Before, kp.After)
	for _, st := range steps {
		fmt.Printf("step %d %-22s facilitator→hijacker pairs connected %d\n", st.Step, name(st.Actor), st.ConnectedPairs)
	}
	// Output:
	// top betweenness: Mohamed Atta 0.487
	// nexus betweenness: Mohamed Atta            511.6
	// nexus betweenness: Essid Sami Ben Khemais  180.0
	// nexus betweenness: Zacarias Moussaoui      175.7
	// key players: Mohamed Atta, Ramzi Bin al-Shibh, Essid Sami Ben Khemais (F 0.167 → 0.628)
	// step 0                        facilitator→hijacker pairs connected 817
	// step 1 Mohamed Atta           facilitator→hijacker pairs connected 738
	// step 2 Essid Sami Ben Khemais facilitator→hijacker pairs connected 666
	// step 3 Zacarias Moussaoui     facilitator→hijacker pairs connected 648
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
