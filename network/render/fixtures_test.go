package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/netio"
	"github.com/stretchr/testify/require"
)

// smallNetwork has 12 actors of mixed kinds and sectors (a hybrid, an
// unknown-kind actor, names needing escaping), all five elements, parallel
// links, a self-link and an isolate.
func smallNetwork(t testing.TB) *network.Network {
	t.Helper()
	n := network.New("small")
	actors := []network.Actor{
		{ID: "farc", Name: "FARC", Kind: network.Insurgency, Sectors: []network.Sector{network.Criminal}},
		{ID: "cartel", Name: "Cartel del Golfo", Kind: network.Cartel},
		{ID: "hawala", Name: "Hawaladar & Sons <Dubai>", Kind: network.Hawala},
		{ID: "cell", Name: `Cell "Alpha"`, Kind: network.Cell},
		{ID: "port", Name: "Puerto Cabello", Kind: network.Port},
		{ID: "official", Name: "Customs official", Kind: network.CorruptOfficial},
		{ID: "bank", Name: "Banco Ñandú", Kind: network.FinancialInstitution},
		{ID: "front", Name: "Front Co. Ltd", Kind: network.FrontCompany},
		{ID: "dea", Name: "DEA", Kind: network.Agency},
		{ID: "broker", Name: "Arms broker", Kind: network.ArmsBroker},
		{ID: "x", Kind: network.KindUnknown, Sectors: []network.Sector{network.Terrorist}},
		{ID: "loner", Name: "Isolated gang", Kind: network.Gang},
	}
	for _, a := range actors {
		require.NoError(t, n.AddActor(a))
	}
	links := []network.Link{
		{From: "farc", To: "cartel", Element: network.Materiel, Type: "supplies", Weight: 3},
		{From: "cartel", To: "farc", Element: network.Money, Type: "pays", Weight: 2},
		{From: "farc", To: "cartel", Element: network.Association, Mutual: true, Weight: 1},
		{From: "cartel", To: "hawala", Element: network.Money, Type: "pays", Weight: 1},
		{From: "hawala", To: "cell", Element: network.Money, Type: "funds", Weight: 1},
		{From: "cartel", To: "port", Element: network.Mechanism, Type: "operates_in", Mutual: true, Weight: 1},
		{From: "official", To: "port", Element: network.Manpower, Type: "controls", Weight: 1},
		{From: "cartel", To: "official", Element: network.Money, Type: "bribes", Weight: 0.5},
		{From: "hawala", To: "bank", Element: network.Money, Type: "deposits", Weight: 1},
		{From: "bank", To: "front", Element: network.Money, Type: "transfers", Weight: 1},
		{From: "dea", To: "cartel", Element: network.Association, Type: "targets", Weight: 1},
		{From: "broker", To: "cell", Element: network.Materiel, Type: "supplies", Weight: 1},
		{From: "x", To: "cell", Element: network.Manpower, Type: "member_of", Weight: 1},
		{From: "cartel", To: "cartel", Element: network.Association, Type: "self", Weight: 1},
	}
	for _, l := range links {
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	return n
}

func westernHemisphere(t testing.TB) *network.Network {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "scenarios", "western-hemisphere.json"))
	require.NoError(t, err)
	defer f.Close()
	n, err := network.ReadJSON(f, "western-hemisphere.json", network.Limits{})
	require.NoError(t, err)
	return n
}

func edgeListNetwork(t testing.TB, dir string) *network.Network {
	t.Helper()
	base := filepath.Join("..", "..", "testdata", dir)
	n, err := netio.Load(filepath.Join(base, "edges.csv"), netio.LoadOptions{Nodes: filepath.Join(base, "nodes.csv")})
	require.NoError(t, err)
	return n
}

// randomNetwork is a generated network of n actors in a few communities,
// with some isolates and a few small components.
func randomNetwork(t testing.TB, n int) *network.Network {
	t.Helper()
	g := network.New("generated")
	kinds := network.Kinds()
	for i := 0; i < n; i++ {
		k := kinds[(i*7)%len(kinds)]
		require.NoError(t, g.AddActor(network.Actor{ID: "a" + strconv.Itoa(i), Name: "Actor " + strconv.Itoa(i), Kind: k}))
	}
	elems := network.Elements()
	state := uint64(42)
	next := func() int {
		state = state*6364136223846793005 + 1442695040888963407
		return int(state >> 33)
	}
	main := n * 9 / 10
	for i := 1; i < main; i++ {
		// preferential-ish attachment within community blocks of 50
		block := i / 50 * 50
		j := block + next()%(i-block+1)
		if j == i {
			j = block
		}
		if j == i {
			j = next() % i
		}
		_, err := g.AddLink(network.Link{From: "a" + strconv.Itoa(i), To: "a" + strconv.Itoa(j), Element: elems[next()%len(elems)], Weight: 1})
		require.NoError(t, err)
		if i%50 == 0 {
			_, err := g.AddLink(network.Link{From: "a" + strconv.Itoa(i), To: "a" + strconv.Itoa(next()%i), Element: network.Association, Weight: 1, Mutual: true})
			require.NoError(t, err)
		}
	}
	// small components among the rest
	for i := main; i+2 < n; i += 3 {
		_, err := g.AddLink(network.Link{From: "a" + strconv.Itoa(i), To: "a" + strconv.Itoa(i+1), Element: network.Money, Weight: 1})
		require.NoError(t, err)
	}
	return g
}

// parseXML decodes the whole document, failing on any error.
func parseXML(t testing.TB, b []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		require.NoError(t, err)
	}
}

// writePicture saves an SVG under $RENDER_OUT when that is set, for looking at.
func writePicture(t testing.TB, name string, b []byte) {
	dir := os.Getenv("RENDER_OUT")
	if dir == "" {
		return
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, name), b, 0o644))
}

func fmtSscan(s string, v *float64) (int, error) { return fmt.Sscan(s, v) }
