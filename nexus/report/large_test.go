package report_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/nexus/report"
)

// generated builds a typed network of size actors for the report's scale
// test: 5 % places joined by route segments (a ring and random chords,
// with costs and capacities), the rest groups of every sector, each
// located at a place and tied to about two others by links of the four
// elements (materiel carrying one of three commodities, money with amounts,
// channels and dates in 2000–2011), preferring earlier actors so that
// hubs form. Every link is graded and sourced.
func generated(t testing.TB, size int, seed uint64) *network.Network {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 11))
	n := network.New(fmt.Sprintf("generated-%d", size))
	places := max(2, size/20)
	kinds := []network.Kind{network.Cartel, network.Gang, network.TerroristGroup, network.Cell, network.Smuggler, network.Hawala,
		network.CorruptOfficial, network.FrontCompany, network.Charity, network.Business}
	grades := []string{"A1", "B2", "B3", "C3", "C4", "D4", "E5", "F6"}
	commodities := []string{"cocaine", "arms", "people"}
	channels := []string{"bulk_cash", "hawala", "formal_banking", "trade_based"}
	for i := range size {
		a := network.Actor{ID: fmt.Sprintf("a%d", i), Name: fmt.Sprintf("Actor %d", i)}
		if i < places {
			a.Kind = network.Country
		} else {
			a.Kind = kinds[rng.IntN(len(kinds))]
		}
		require.NoError(t, n.AddActor(a))
	}
	link := func(l network.Link) {
		l.Grade = network.MustParseGrade(grades[rng.IntN(len(grades))])
		l.Source = "generated"
		if l.Weight == 0 {
			l.Weight = 1
		}
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	route := func(from, to int) {
		link(network.Link{From: fmt.Sprintf("a%d", from), To: fmt.Sprintf("a%d", to), Element: network.Mechanism, Type: "transports_via",
			Mode: []string{"land", "sea", "air"}[rng.IntN(3)], Weight: float64(10 + rng.IntN(90)),
			Attributes: network.Attributes{"cost": float64(1 + rng.IntN(9)), "capacity": float64(10 + rng.IntN(90))}})
	}
	for p := range places {
		route(p, (p+1)%places)
		route(p, rng.IntN(places))
	}
	for i := places; i < size; i++ {
		id := fmt.Sprintf("a%d", i)
		link(network.Link{From: id, To: fmt.Sprintf("a%d", rng.IntN(places)), Element: network.Mechanism, Type: "located_at"})
		for range 2 {
			// Prefer earlier actors: the square of a uniform draw.
			u := rng.Float64()
			j := places + int(u*u*float64(i-places))
			if j == i {
				continue
			}
			other := fmt.Sprintf("a%d", j)
			year := int16(2000 + rng.IntN(12))
			l := network.Link{From: id, To: other, Start: network.Date{Year: year}, End: network.Date{Year: year + int16(rng.IntN(3))}}
			switch rng.IntN(4) {
			case 0:
				l.Element, l.Type, l.Commodity = network.Materiel, "supplies", commodities[rng.IntN(3)]
				l.Attributes = network.Attributes{"volume": float64(1 + rng.IntN(20))}
			case 1:
				l.Element, l.Type = network.Manpower, "provides_service_to"
			case 2:
				l.Element, l.Type, l.Channel = network.Money, "pays", channels[rng.IntN(len(channels))]
				l.Attributes = network.Attributes{"amount": float64(1 + rng.IntN(100))}
			default:
				l.Element, l.Type, l.Mutual = network.Association, "associates_with", true
			}
			link(l)
		}
	}
	return n
}

// The report on a generated network of 10^4 actors completes; with
// ILLICIT_LARGE=1 it prints each stage's time (figures in the README).
func TestLargeReport(t *testing.T) {
	if testing.Short() {
		t.Skip("the 10^4-actor report")
	}
	size := 2000
	if os.Getenv("ILLICIT_LARGE") != "" {
		size = 10000
	}
	n := generated(t, size, 1)
	s, err := analysis.NewScope(n, analysis.ScopeOptions{})
	require.NoError(t, err)
	opts := report.Options{}
	if testing.Verbose() {
		opts.Progress = os.Stderr
	}
	start := time.Now()
	r, err := report.Build(s, opts)
	require.NoError(t, err)
	require.NoError(t, r.Write(t.TempDir()))
	t.Logf("%d actors, %d links: %v", n.NumActors(), n.NumLinks(), time.Since(start))
	require.NotEmpty(t, r.Convergence)
	require.NotEmpty(t, r.Chains)
}
