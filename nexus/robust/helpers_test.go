package robust

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// generated builds a typed network of size actors with about 3 links per
// actor: criminal, terrorist and facilitator actors (cartels, gangs,
// cells, terrorist groups, smugglers, hawalas, corrupt officials), each
// tied to three earlier actors (preferring the first ones, so that hubs
// form) by links of the four elements, graded at random with the
// Admiralty grades A1 … F6 and 1 in 10 ungraded.
func generated(t testing.TB, size int, seed uint64) *network.Network {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 7))
	n := network.New(fmt.Sprintf("generated-%d", size))
	kinds := []network.Kind{network.Cartel, network.Gang, network.CriminalGroup, network.TerroristGroup, network.Cell,
		network.Operative, network.Smuggler, network.Hawala, network.CorruptOfficial}
	elements := []network.Element{network.Materiel, network.Manpower, network.Money, network.Mechanism}
	for i := range size {
		require.NoError(t, n.AddActor(network.Actor{ID: fmt.Sprintf("a%d", i), Name: fmt.Sprintf("Actor %d", i),
			Kind: kinds[rng.IntN(len(kinds))]}))
	}
	for i := 1; i < size; i++ {
		for range 3 {
			u := rng.Float64()
			j := int(u * u * float64(i))
			l := network.Link{From: fmt.Sprintf("a%d", i), To: fmt.Sprintf("a%d", j), Element: elements[rng.IntN(4)],
				Type: "tie", Weight: 1, Source: fmt.Sprintf("report-%d", rng.IntN(50))}
			if rng.IntN(10) > 0 {
				l.Grade = network.MustParseGrade(string(rune('A'+rng.IntN(6))) + string(rune('1'+rng.IntN(6))))
			}
			_, err := n.AddLink(l)
			require.NoError(t, err)
		}
	}
	return n
}

func scopeOf(t testing.TB, n *network.Network, opts analysis.ScopeOptions) *analysis.Scope {
	t.Helper()
	s, err := analysis.NewScope(n, opts)
	require.NoError(t, err)
	return s
}
