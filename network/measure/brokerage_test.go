package measure

import (
	"fmt"
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// brokerageRef is one case of testdata/reference/brokerage.json (R sna
// 2.7-1, see brokerage.R); numbers are strings with 17 significant digits.
type brokerageRef struct {
	Graph    string
	Directed bool
	N        int
	Groups   []string
	RawNLI   [][]string `json:"raw_nli"`
	ExpNLI   [][]string `json:"exp_nli"`
	SDNLI    [][]string `json:"sd_nli"`
	ZNLI     [][]string `json:"z_nli"`
	RawGLI   []string   `json:"raw_gli"`
	ExpGLI   []string   `json:"exp_gli"`
	SDGLI    []string   `json:"sd_gli"`
	ZGLI     []string   `json:"z_gli"`
}

// loadRhodesN17 builds the undirected graph of testdata/rhodes-n17 in
// nodes.csv row order.
func loadRhodesN17(t testing.TB) *Graph {
	t.Helper()
	g, ids := loadDataset(t, "rhodes-n17")
	require.Equal(t, 22, g.Len())
	require.Equal(t, 66, g.NumEdges())
	require.Equal(t, "1", ids[0])
	require.Equal(t, "22", ids[21])
	return g
}

func parseFloats(t testing.TB, s []string) []float64 {
	t.Helper()
	out := make([]float64, len(s))
	for i, x := range s {
		v, err := strconv.ParseFloat(x, 64)
		require.NoError(t, err)
		out[i] = v
	}
	return out
}

// assertCloseNaN is assertClose that also accepts NaN and ±Inf where want
// has them.
func assertCloseNaN(t testing.TB, want, got []float64, tol float64, msg string) {
	t.Helper()
	require.Len(t, got, len(want), msg)
	var w, g []float64
	for i := range want {
		if math.IsNaN(want[i]) || math.IsInf(want[i], 0) {
			assert.True(t, math.IsNaN(want[i]) && math.IsNaN(got[i]) || want[i] == got[i],
				"%s [%d]: want %v, got %v", msg, i, want[i], got[i])
			continue
		}
		w, g = append(w, want[i]), append(g, got[i])
	}
	assertClose(t, w, g, tol, msg)
}

// TestBrokerageReference compares Brokerage with R sna::brokerage on the
// cases of brokerage.json: counts exactly, expectations, standard
// deviations and z-scores to 1e-9 relative.
func TestBrokerageReference(t *testing.T) {
	var ref map[string]brokerageRef
	loadReference(t, "brokerage.json", &ref)
	require.GreaterOrEqual(t, len(ref), 3)
	for name, c := range ref {
		t.Run(name, func(t *testing.T) {
			var g *Graph
			if c.Graph == "rhodes-n17" {
				g = loadRhodesN17(t)
			} else {
				g = loadGraph(t, c.Graph)
			}
			require.Equal(t, c.N, g.Len())
			require.Equal(t, c.Directed, g.Directed())
			r, err := Brokerage(g, c.Groups)
			require.NoError(t, err)
			for v := 0; v < c.N; v++ {
				raw := parseFloats(t, c.RawNLI[v])
				for j := range raw {
					assert.Equal(t, raw[j], float64(r.Raw[v][j]), "node %d %v", v, BrokerageRole(j))
				}
				msg := fmt.Sprintf("node %d", v)
				assertCloseNaN(t, parseFloats(t, c.ExpNLI[v]), r.Expected[v][:], 1e-9, msg+" expected")
				assertCloseNaN(t, parseFloats(t, c.SDNLI[v]), r.SD[v][:], 1e-9, msg+" sd")
				assertCloseNaN(t, parseFloats(t, c.ZNLI[v]), r.Z[v][:], 1e-9, msg+" z")
			}
			raw := parseFloats(t, c.RawGLI)
			for j := range raw {
				assert.Equal(t, raw[j], float64(r.GlobalRaw[j]), "global %v", BrokerageRole(j))
			}
			assertCloseNaN(t, parseFloats(t, c.ExpGLI), r.GlobalExpected[:], 1e-9, "global expected")
			assertCloseNaN(t, parseFloats(t, c.SDGLI), r.GlobalSD[:], 1e-9, "global sd")
			assertCloseNaN(t, parseFloats(t, c.ZGLI), r.GlobalZ[:], 1e-9, "global z")

			// The closed form of the liaison variance term agrees with
			// sna's triple loop.
			sizes := make([]float64, len(r.GroupSize))
			for i, s := range r.GroupSize {
				sizes[i] = float64(s)
			}
			d := r.Density
			d3, d4, d5 := d*d*d*math.Pow(1-d, 3), math.Pow(d, 4)*(1-d)*(1-d), math.Pow(d, 5)*(1-d)
			N := float64(g.Len())
			loop := brokerageLiaisonVarianceTerm(sizes, N, d3, d4, d5)
			saved := brokerageTripleLoopMax
			brokerageTripleLoopMax = -1
			closed := brokerageLiaisonVarianceTerm(sizes, N, d3, d4, d5)
			brokerageTripleLoopMax = saved
			assert.InDelta(t, loop, closed, 1e-9*math.Max(1, math.Abs(loop)))
		})
	}
}

func TestBrokerageSmall(t *testing.T) {
	// 0→1→2 with every grouping of the three nodes (broker 1).
	g, err := FromEdges(3, true, []int{0, 1}, []int{1, 2}, nil)
	require.NoError(t, err)
	for _, c := range []struct {
		groups []string
		role   BrokerageRole
	}{
		{[]string{"a", "a", "a"}, Coordinator},
		{[]string{"a", "b", "a"}, Itinerant},
		{[]string{"a", "a", "b"}, Representative},
		{[]string{"b", "a", "a"}, Gatekeeper},
		{[]string{"a", "b", "c"}, Liaison},
	} {
		r, err := Brokerage(g, c.groups)
		require.NoError(t, err)
		var want [NumBrokerageRoles]int
		want[c.role], want[TotalBrokerage] = 1, 1
		assert.Equal(t, want, r.Raw[1], c.role.String())
		assert.Equal(t, want, r.GlobalRaw)
	}
	// A closing arc 0→2 removes the path; the reverse arc 2→0 does not.
	closed, _ := FromEdges(3, true, []int{0, 1, 0}, []int{1, 2, 2}, nil)
	r, err := Brokerage(closed, []int{1, 1, 1})
	require.NoError(t, err)
	assert.Equal(t, 0, r.GlobalRaw[TotalBrokerage])
	cycle, _ := FromEdges(3, true, []int{0, 1, 2}, []int{1, 2, 0}, nil)
	r, err = Brokerage(cycle, []int{1, 1, 1})
	require.NoError(t, err)
	assert.Equal(t, 3, r.GlobalRaw[Coordinator])

	// Undirected: each edge is two arcs.
	u, _ := FromEdges(3, false, []int{0, 1}, []int{1, 2}, nil)
	r, err = Brokerage(u, []int{7, 7, 9})
	require.NoError(t, err)
	assert.Equal(t, [NumBrokerageRoles]int{0, 0, 1, 1, 0, 2}, r.Raw[1])
	assert.Equal(t, []int{0, 0, 1}, r.Group)
	assert.Equal(t, []int{2, 1}, r.GroupSize)

	_, err = Brokerage(u, []int{1})
	assert.Error(t, err)
	assert.Equal(t, "gatekeeper", Gatekeeper.String())
}

// ExampleBrokerage counts the roles of node 2, which passes contacts
// between two groups.
func ExampleBrokerage() {
	// 0 and 1 are in group "x", 2, 3 and 4 in group "y".
	g, _ := FromEdges(5, true,
		[]int{0, 1, 2, 2, 3},
		[]int{2, 2, 3, 4, 2}, nil)
	r, _ := Brokerage(g, []string{"x", "x", "y", "y", "y"})
	for role := Coordinator; role <= TotalBrokerage; role++ {
		fmt.Printf("%-14s %d\n", role, r.Raw[2][role])
	}
	// Output:
	// coordinator    1
	// itinerant      0
	// representative 0
	// gatekeeper     4
	// liaison        0
	// total          5
}
