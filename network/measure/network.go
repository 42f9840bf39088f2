package measure

import "github.com/illicitnet/illicit/network"

// FromNetwork builds the Graph of a view of a network — directed or
// undirected, with the view's aggregated link weights if weighted — and
// returns it with the actor IDs of its nodes: node i is actor ids[i], in
// the network's actor order.
func FromNetwork(n *network.Network, opts network.ViewOptions, directed, weighted bool) (*Graph, []string, error) {
	var v *network.View
	var g *Graph
	var err error
	if directed {
		var dv network.DirectedView
		if dv, err = n.DirectedView(opts); err == nil {
			v = dv.View
			g, err = New(dv, weighted)
		}
	} else {
		var uv network.UndirectedView
		if uv, err = n.UndirectedView(opts); err == nil {
			v = uv.View
			g, err = New(uv, weighted)
		}
	}
	if err != nil {
		return nil, nil, err
	}
	return g, v.ActorIDs(), nil
}
