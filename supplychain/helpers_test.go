package supplychain

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// cocainePath is the hand-built chain of testdata/supplychain; its README
// lists the answers the tests expect.
var cocainePath = filepath.Join("..", "testdata", "supplychain", "cocaine-chain.json")

// loadCocaine reads the cocaine chain.
func loadCocaine(t *testing.T) *network.Network {
	t.Helper()
	f, err := os.Open(cocainePath)
	require.NoError(t, err)
	defer f.Close()
	n, err := network.ReadJSON(f, cocainePath, network.Limits{})
	require.NoError(t, err)
	return n
}

// scopeOf builds a scope with the given view options.
func scopeOf(t *testing.T, n *network.Network, v network.ViewOptions) *analysis.Scope {
	t.Helper()
	s, err := analysis.NewScope(n, analysis.ScopeOptions{View: v})
	require.NoError(t, err)
	return s
}

// chainOf builds the chain of a commodity over the whole network.
func chainOf(t *testing.T, n *network.Network, commodity string) (*analysis.Scope, *Chain) {
	t.Helper()
	s := scopeOf(t, n, network.ViewOptions{})
	c, err := NewChain(s, ChainOptions{Commodity: commodity})
	require.NoError(t, err)
	return s, c
}

// act is an actor of a test network.
func act(id string, k network.Kind, sectors ...network.Sector) network.Actor {
	return network.Actor{ID: id, Kind: k, Sectors: sectors}
}

// lk is a link of a test network with weight 1.
func lk(from, to string, e network.Element, typ string) network.Link {
	return network.Link{From: from, To: to, Element: e, Type: typ, Weight: 1}
}

// mat is a materiel link carrying commodity.
func mat(from, to, commodity string) network.Link {
	l := lk(from, to, network.Materiel, "traffics")
	l.Commodity = commodity
	return l
}

// money is a money link with an amount.
func money(from, to, typ string, amount float64) network.Link {
	l := lk(from, to, network.Money, typ)
	l.Attributes = network.Attributes{"amount": amount}
	return l
}

// mutual marks a link Mutual.
func mutual(l network.Link) network.Link { l.Mutual = true; return l }

// build makes a network of actors and links (link IDs follow the order
// given, from 0).
func build(t *testing.T, actors []network.Actor, links []network.Link) *network.Network {
	t.Helper()
	n := network.New("test")
	for _, a := range actors {
		require.NoError(t, n.AddActor(a))
	}
	for _, l := range links {
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	return n
}

// ids makes a list of link IDs.
func ids(xs ...int) []network.LinkID {
	out := make([]network.LinkID, len(xs))
	for i, x := range xs {
		out[i] = network.LinkID(x)
	}
	return out
}

// roles makes the roles of a chain actor: role, links, role, links, ….
func roles(args ...any) []ActorRole {
	var out []ActorRole
	for i := 0; i < len(args); i += 2 {
		out = append(out, ActorRole{Role: args[i].(Role), Links: args[i+1].([]network.LinkID)})
	}
	return out
}
