package flow

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// flowReference is testdata/reference/flow_reference.json (NetworkX; see
// flow_reference.py).
type flowReference struct {
	NetworkX  string `json:"networkx"`
	Instances []struct {
		Seed        int          `json:"seed"`
		N           int          `json:"n"`
		Arcs        [][4]float64 `json:"arcs"`
		Sources     []int        `json:"sources"`
		Sinks       []int        `json:"sinks"`
		NodeCap     []float64    `json:"node_cap"`
		MaxFlow     float64      `json:"max_flow"`
		MinCut      float64      `json:"min_cut"`
		SourceSide  []any        `json:"source_side"`
		NodeMaxFlow float64      `json:"node_max_flow"`
		Cheapest    *float64     `json:"cheapest"`
		KCheapest   *struct {
			S, T  int
			Costs []float64
		} `json:"k_cheapest"`
		WalkNodes          []int    `json:"walk_nodes"`
		ArticulationPoints []int    `json:"articulation_points"`
		Bridges            [][2]int `json:"bridges"`
	} `json:"instances"`
}

func TestNetworkXReference(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "reference", "flow_reference.json"))
	require.NoError(t, err)
	var ref flowReference
	require.NoError(t, json.Unmarshal(data, &ref))
	require.Len(t, ref.Instances, 20)
	kspCompared := 0
	for _, in := range ref.Instances {
		t.Run(fmt.Sprintf("seed%d", in.Seed), func(t *testing.T) {
			g := Graph{N: in.N}
			for _, a := range in.Arcs {
				g.Arcs = append(g.Arcs, Arc{From: int(a[0]), To: int(a[1]), Capacity: a[2], Cost: a[3]})
			}
			r, err := MaxFlow(g, in.Sources, in.Sinks)
			require.NoError(t, err)
			assert.Equal(t, in.MaxFlow, r.Value)
			assert.Equal(t, in.MinCut, r.CutCapacity)
			var side []int
			for _, v := range in.SourceSide {
				side = append(side, int(v.(float64))) // "S" is left out by the script
			}
			assert.Equal(t, side, r.SourceSide)

			rn, err := MaxFlowNodes(g, in.NodeCap, in.Sources, in.Sinks)
			require.NoError(t, err)
			assert.Equal(t, in.NodeMaxFlow, rn.Value)
			assert.Equal(t, in.NodeMaxFlow, rn.CutCapacity)

			p, err := CheapestPath(g, in.Sources, in.Sinks)
			require.NoError(t, err)
			if in.Cheapest == nil {
				assert.Nil(t, p.Arcs)
			} else {
				assert.Equal(t, *in.Cheapest, p.Cost)
			}

			if in.KCheapest != nil {
				paths, err := KCheapest(g, in.KCheapest.S, in.KCheapest.T, 12)
				require.NoError(t, err)
				var costs []float64
				for _, p := range paths {
					costs = append(costs, p.Cost)
				}
				if len(in.KCheapest.Costs) == 0 {
					assert.Empty(t, costs)
				} else {
					assert.Equal(t, in.KCheapest.Costs, costs)
					kspCompared++
				}
			}

			ar, err := Articulation(g, in.Sources, in.Sinks)
			require.NoError(t, err)
			if len(in.WalkNodes) == 0 {
				assert.Empty(t, ar.Nodes)
			} else {
				assert.Equal(t, in.WalkNodes, ar.Nodes)
			}
			if len(in.ArticulationPoints) == 0 {
				assert.Empty(t, ar.Points)
			} else {
				assert.Equal(t, in.ArticulationPoints, ar.Points)
			}
			var bridges [][2]int
			for _, i := range ar.Bridges {
				u, v := g.Arcs[i].From, g.Arcs[i].To
				bridges = append(bridges, [2]int{min(u, v), max(u, v)})
			}
			if len(in.Bridges) == 0 {
				assert.Empty(t, bridges)
			} else {
				assert.ElementsMatch(t, in.Bridges, bridges)
			}
		})
	}
	assert.GreaterOrEqual(t, kspCompared, 5)
}
