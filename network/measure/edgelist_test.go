package measure

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadEdgeList(t *testing.T) {
	// The CSV the comparison scripts write, with a header: the path 0-1-2-3
	// and an isolate 4 (named by a self-loop, which is dropped).
	g, err := ReadEdgeList(strings.NewReader("source,target\n0,1\n1, 2\n\n2,3\n4,4\n"), false)
	require.NoError(t, err)
	assert.Equal(t, 5, g.Len())
	assert.Equal(t, 3, g.NumEdges())
	assert.False(t, g.Directed())
	assert.False(t, g.Weighted())
	adj, w := g.Out(1)
	assert.Equal(t, []int32{0, 2}, adj)
	assert.Equal(t, []float64{1, 1}, w)
	// Pairs through 1: (0,2), (0,3); through 2: (0,3), (1,3).
	assert.Equal(t, []float64{0, 2, 2, 0, 0}, Betweenness(g, false))

	// Whitespace-separated, SNAP-style comments, directed, weighted where a
	// weight is given, a repeated arc keeping its last weight.
	g, err = ReadEdgeList(strings.NewReader("# Directed graph\n# FromNodeId\tToNodeId\n0\t2\t0.5\n2 1\n0  2  3.25\n"), true)
	require.NoError(t, err)
	assert.Equal(t, 3, g.Len())
	assert.Equal(t, 2, g.NumEdges())
	assert.True(t, g.Directed())
	assert.True(t, g.Weighted())
	adj, w = g.Out(0)
	assert.Equal(t, []int32{2}, adj)
	assert.Equal(t, []float64{3.25}, w)
	adj, w = g.In(1)
	assert.Equal(t, []int32{2}, adj)
	assert.Equal(t, []float64{1}, w)

	// An empty input is the empty graph.
	g, err = ReadEdgeList(strings.NewReader("# nothing\n\n"), false)
	require.NoError(t, err)
	assert.Equal(t, 0, g.Len())
}

func TestReadEdgeListErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"one field", "0,1\n2\n", "line 2: 1 field(s)"},
		{"four fields", "0 1 1 x\n", "line 1: 4 field(s)"},
		{"bad node", "0,1\n1,x\n", `line 2: node "x"`},
		{"empty node", "0,1\n,1\n", `line 2: node ""`},
		{"negative", "0,1\n-1,2\n", `line 2: node "-1"`},
		{"huge", "0 99999999999999999999\n", `line 1: node "99999999999999999999"`},
		{"too many nodes", "0 16777216\n", `line 1: node "16777216": want an integer from 0 to 16777215`},
		{"bad weight", "0,1,x\n", `line 1: weight "x"`},
		{"negative weight", "0,1,1\n1,2,-1\n", `line 2: weight "-1"`},
		{"NaN weight", "0,1,NaN\n", `line 1: weight "NaN"`},
		{"infinite weight", "0,1,+Inf\n", `line 1: weight "+Inf"`},
		{"header only once", "u,v\n0,1\nu,v\n", `line 3: node "u"`},
		{"long line", "0,1\n" + strings.Repeat(" ", 5000) + "1,2\n", "line 2: longer than 4096 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := ReadEdgeList(strings.NewReader(tc.in), false)
			assert.Nil(t, g)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}

	// The node and edge bounds, lowered.
	_, err := readEdgeList(strings.NewReader("0 1\n1 2\n2 3\n"), false, 3, 10)
	assert.ErrorContains(t, err, `line 3: node "3": want an integer from 0 to 2`)
	_, err = readEdgeList(strings.NewReader("0 1\n# c\n1 2\n2 3\n"), false, 10, 2)
	assert.ErrorContains(t, err, "line 4: more than 2 edges")
	g, err := readEdgeList(strings.NewReader("0 1\n1 2\n"), false, 3, 2)
	require.NoError(t, err)
	assert.Equal(t, 3, g.Len())

	// A line of 4096 bytes with its end of line is read; one more is not.
	g, err = ReadEdgeList(strings.NewReader("0,1\n"+strings.Repeat(" ", 4092)+"1,2\n"), false)
	require.NoError(t, err)
	assert.Equal(t, 2, g.NumEdges())
	_, err = ReadEdgeList(strings.NewReader("0,1\n"+strings.Repeat(" ", 4093)+"1,2\n"), false)
	assert.ErrorContains(t, err, "line 2: longer than 4096 bytes")

	// A failing reader.
	boom := errors.New("boom")
	_, err = ReadEdgeList(iotest.ErrReader(boom), false)
	assert.ErrorIs(t, err, boom)
}
