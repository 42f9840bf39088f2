package measure

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/netio"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const refDir = "../../testdata/reference"

// generatedGraphs and datasetGraphs name every reference graph (see
// testdata/reference/refcommon.py).
var (
	generatedGraphs = []string{"er_60", "ba_100", "dir_er_50", "weighted_er_40", "weighted_dir_40", "disconnected_70", "dir_ba_200"}
	datasetGraphs   = []string{"krebs-911", "caviar", "caviar-undirected", "florentine", "rhodes-n17"}
)

// loadGenerated reads testdata/reference/graphs/NAME.json.
func loadGenerated(t testing.TB, name string) *Graph {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(refDir, "graphs", name+".json"))
	require.NoError(t, err)
	var spec struct {
		Directed, Weighted bool
		N                  int
		Edges              [][3]float64
	}
	require.NoError(t, json.Unmarshal(data, &spec))
	from, to, w := make([]int, len(spec.Edges)), make([]int, len(spec.Edges)), make([]float64, len(spec.Edges))
	for k, e := range spec.Edges {
		from[k], to[k], w[k] = int(e[0]), int(e[1]), e[2]
	}
	if !spec.Weighted {
		w = nil
	}
	g, err := FromEdges(spec.N, spec.Directed, from, to, w)
	require.NoError(t, err)
	return g
}

// loadDataset builds the unweighted graph of a shipped dataset from a
// network view, the way a user would, and returns it with the actor IDs.
func loadDataset(t testing.TB, name string) (*Graph, []string) {
	t.Helper()
	var n *network.Network
	var err error
	directed := false
	switch name {
	case "krebs-911":
		n, err = netio.Load(refDir+"/../krebs-911/edges.csv", netio.LoadOptions{Nodes: refDir + "/../krebs-911/nodes.csv"})
	case "caviar", "caviar-undirected":
		n, err = netio.Load(refDir+"/../caviar/edges.csv", netio.LoadOptions{Nodes: refDir + "/../caviar/nodes.csv", Directed: true})
		directed = name == "caviar"
	case "rhodes-n17":
		n, err = netio.Load(refDir+"/../rhodes-n17/edges.csv", netio.LoadOptions{Nodes: refDir + "/../rhodes-n17/nodes.csv"})
	case "florentine":
		n, err = netio.Load(refDir+"/../dl/florentine_marriage.dl", netio.LoadOptions{})
	default:
		t.Fatalf("unknown dataset %q", name)
	}
	require.NoError(t, err)
	var g *Graph
	var ids []string
	if directed {
		v, err := n.DirectedView(network.ViewOptions{})
		require.NoError(t, err)
		g, err = New(v, false)
		require.NoError(t, err)
		ids = v.ActorIDs()
	} else {
		v, err := n.UndirectedView(network.ViewOptions{})
		require.NoError(t, err)
		g, err = New(v, false)
		require.NoError(t, err)
		ids = v.ActorIDs()
	}
	return g, ids
}

// loadGraph loads a generated graph or a dataset by name.
func loadGraph(t testing.TB, name string) *Graph {
	t.Helper()
	for _, d := range datasetGraphs {
		if d == name {
			g, _ := loadDataset(t, name)
			return g
		}
	}
	return loadGenerated(t, name)
}

// loadReference reads testdata/reference/FILE.json: graph name → measure
// name → per-node values (or any JSON the caller decodes into v).
func loadReference(t testing.TB, file string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(refDir, file))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, v))
}

// assertClose checks got against want element by element, within tol
// relative to max(1, |want|).
func assertClose(t testing.TB, want, got []float64, tol float64, msg string) {
	t.Helper()
	if !assert.Len(t, got, len(want), msg) {
		return
	}
	bad := 0
	for i := range want {
		if d := math.Abs(want[i] - got[i]); d > tol*math.Max(1, math.Abs(want[i])) || math.IsNaN(got[i]) {
			if bad < 5 {
				t.Errorf("%s: node %d: want %.15g, got %.15g (diff %.3g)", msg, i, want[i], got[i], d)
			}
			bad++
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d nodes differ in all", msg, bad)
	}
}
