package render

import (
	"bytes"
	"math"
	"testing"

	"github.com/illicitnet/illicit/network"
	"github.com/stretchr/testify/require"
)

// TestPictures draws the pictures looked at while tuning; they are written
// to $RENDER_OUT when set.
func TestPictures(t *testing.T) {
	wh := westernHemisphere(t)
	var b bytes.Buffer
	require.NoError(t, Network(&b, wh, NetworkOptions{Title: wh.Name, Subtitle: "whole network, size by degree"}))
	parseXML(t, b.Bytes())
	writePicture(t, "western-hemisphere.svg", b.Bytes())

	b.Reset()
	money := idsOf(wh.LinksOfElement(network.Money))
	require.NoError(t, Network(&b, wh, NetworkOptions{Title: "Money trail", Subtitle: "money links only", Links: money,
		Highlights: []Highlight{{Name: "convergence node", Actors: []string{"farc", "hizballah"}}, {Name: "money trail", Links: money[:4]}}}))
	parseXML(t, b.Bytes())
	writePicture(t, "western-hemisphere-money.svg", b.Bytes())

	b.Reset()
	require.NoError(t, Network(&b, smallNetwork(t), NetworkOptions{Title: "Small test network", Subtitle: "12 actors",
		Highlights: []Highlight{{Name: "convergence node", Actors: []string{"farc"}}, {Name: "money trail", Links: moneyLinks(t)}}}))
	parseXML(t, b.Bytes())
	writePicture(t, "small.svg", b.Bytes())

	b.Reset()
	g := randomNetwork(t, 400)
	require.NoError(t, Network(&b, g, NetworkOptions{Title: "Generated network", Subtitle: "400 actors"}))
	parseXML(t, b.Bytes())
	writePicture(t, "generated-300.svg", b.Bytes())

	b.Reset()
	m := edgeListNetwork(t, "mafia-infinito")
	require.NoError(t, Network(&b, m, NetworkOptions{Title: "Mafia Infinito", MaxActors: 150}))
	parseXML(t, b.Bytes())
	writePicture(t, "mafia-infinito.svg", b.Bytes())

	b.Reset()
	k := edgeListNetwork(t, "krebs-911")
	require.NoError(t, Network(&b, k, NetworkOptions{Title: "Krebs 9/11 hijackers network"}))
	parseXML(t, b.Bytes())
	writePicture(t, "krebs-911.svg", b.Bytes())
}

func moneyLinks(t *testing.T) []network.LinkID {
	n := smallNetwork(t)
	var ids []network.LinkID
	for _, l := range n.LinksOfElement(network.Money) {
		ids = append(ids, l.ID)
	}
	return ids
}

func TestChartPictures(t *testing.T) {
	var b bytes.Buffer
	years := []float64{2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012}
	require.NoError(t, Lines(&b, LineChart{Title: "Disruption scenarios", Subtitle: "largest component after removals",
		XLabel: "year", YLabel: "actors reached", Series: []Series{
			{Name: "no action", X: years, Y: []float64{40, 44, 47, 52, 55, 57, 58, 59}},
			{Name: "remove top betweenness", X: years[2:], Y: []float64{30, 22, 18, 15, 12, 11}},
			{Name: "remove money brokers & <launderers>", X: years, Y: []float64{40, 41, 35, math.NaN(), 28, 26, 25, 25}},
		}}))
	parseXML(t, b.Bytes())
	writePicture(t, "lines.svg", b.Bytes())

	b.Reset()
	var bars []Bar
	for i, name := range []string{"FARC", "Cartel del Golfo", "Los Zetas", "Hizbollah financiers in the Tri-Border Area (Ciudad del Este)", "MS-13",
		"Trade-based money launderers", "Hawala network", "Customs officials", "Bank (Spain)", "ELN", "AUC", "Sendero Luminoso", "Venezuela", "Guinea-Bissau", "Spain"} {
		bars = append(bars, Bar{Label: name, Value: float64(15-i) * 0.037 * float64(15-i), Highlight: i == 3 || i == 6})
	}
	bars[14].Value = 0
	require.NoError(t, Bars(&b, BarChart{Title: "Nexus betweenness", Subtitle: "top 15 actors", XLabel: "betweenness", Bars: bars}))
	parseXML(t, b.Bytes())
	writePicture(t, "bars.svg", b.Bytes())

	b.Reset()
	require.NoError(t, Bars(&b, BarChart{Title: "Change in reach", XLabel: "Δ actors", Bars: []Bar{
		{Label: "remove FARC", Value: -12.5}, {Label: "remove port", Value: 3}, {Label: "remove bank", Value: -2, Highlight: true}, {Label: "nothing", Value: 0}, {Label: "bad", Value: math.Inf(1)}}}))
	parseXML(t, b.Bytes())
	writePicture(t, "bars-negative.svg", b.Bytes())
}
