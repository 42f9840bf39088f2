package netio

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
)

const (
	krebsEdges = "../../testdata/krebs-911/edges.csv"
	krebsNodes = "../../testdata/krebs-911/nodes.csv"
)

func TestLoadStdin(t *testing.T) {
	var js bytes.Buffer
	require.NoError(t, fullNetwork(t).WriteJSON(&js))
	tests := []struct {
		name          string
		path          string
		opts          LoadOptions
		actors, links int
		netName       string
	}{
		{"edge list", "-", LoadOptions{Format: EdgeList, Stdin: strings.NewReader("source,target,weight\na,b,2\nb,c,1\n")}, 3, 2, ""},
		{"edge list with a node table file", "-", LoadOptions{Format: EdgeList, Nodes: krebsNodes,
			Stdin: strings.NewReader("source,target\n1,2\n14,1\n")}, 68, 2, ""},
		{"node table from stdin", krebsEdges, LoadOptions{Nodes: "-",
			Stdin: strings.NewReader(readTestdata(t, "krebs-911", "nodes.csv"))}, 68, 191, "krebs-911"},
		{"JSON", "-", LoadOptions{Format: JSON, Stdin: bytes.NewReader(js.Bytes())}, 7, 6, "Tri-border area"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Load(tt.path, tt.opts)
			require.NoError(t, err)
			assert.Equal(t, tt.actors, n.NumActors())
			assert.Equal(t, tt.links, n.NumLinks())
			assert.Equal(t, tt.netName, n.Name)
		})
	}

	n, err := Load("-", LoadOptions{Format: EdgeList, Directed: true, WeightColumn: "strength",
		Stdin: strings.NewReader("source,target,strength\n1,2,5\n")})
	require.NoError(t, err)
	assert.Equal(t, []network.Link{{ID: 0, From: "1", To: "2", Weight: 5}}, n.Links())
}

func TestLoadStdinErrors(t *testing.T) {
	tests := []struct {
		name    string
		path    string
		opts    LoadOptions
		file    string // the file a *network.ParseError must name; "" for a plain error
		keyword string
	}{
		{"no format", "-", LoadOptions{Stdin: strings.NewReader("a,b\n")}, "", "standard input (-) needs a format"},
		{"native CSV", "-", LoadOptions{Format: CSV, Stdin: strings.NewReader("id\n")}, "", "cannot be read from standard input"},
		{"edges and nodes both", "-", LoadOptions{Format: EdgeList, Nodes: "-", Stdin: strings.NewReader("a,b\n")}, "",
			"cannot both be read from standard input"},
		{"bad edge list", "-", LoadOptions{Format: EdgeList, Stdin: strings.NewReader("a,b\nc\n")}, "stdin", "wrong number of fields"},
		{"bad node table", krebsEdges, LoadOptions{Nodes: "-", Stdin: strings.NewReader("label\nx\n")}, "stdin", `missing required column "id"`},
		{"byte limit", "-", LoadOptions{Format: EdgeList, Limits: network.Limits{MaxBytes: 3}, Stdin: strings.NewReader("a,b\n")},
			"stdin", "more than 3 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Load(tt.path, tt.opts)
			require.Error(t, err)
			assert.Nil(t, n)
			assert.Contains(t, err.Error(), tt.keyword)
			var pe *network.ParseError
			if tt.file == "" {
				assert.False(t, errors.As(err, &pe), "%v", err)
				return
			}
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tt.file, pe.File)
		})
	}
}

func TestLoadOptionsReachTheReaders(t *testing.T) {
	n, err := Load(krebsEdges, LoadOptions{Nodes: krebsNodes, WeightColumn: "strength"})
	require.NoError(t, err)
	l, ok := n.Link(0)
	require.True(t, ok)
	assert.Equal(t, 5.0, l.Weight)
	assert.Equal(t, network.Attributes{"level": int64(1)}, l.Attributes)

	tests := []struct {
		name  string
		path  string
		opts  LoadOptions
		file  string
		limit string
	}{
		{"edge list bytes", krebsEdges, LoadOptions{Limits: network.Limits{MaxBytes: 100}}, krebsEdges, "more than 100 bytes"},
		{"edge list rows", krebsEdges, LoadOptions{Limits: network.Limits{MaxRecords: 190}}, krebsEdges, "more than 190 data rows"},
		{"node table rows", krebsEdges, LoadOptions{Nodes: krebsNodes, Limits: network.Limits{MaxRecords: 67}}, krebsNodes, "more than 67 data rows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Load(tt.path, tt.opts)
			assert.Nil(t, n)
			assertTooLarge(t, err, tt.file, 0, tt.limit)
		})
	}

	dir := t.TempDir()
	require.NoError(t, WriteCSVDir(fullNetwork(t), dir))
	_, err = Load(dir, LoadOptions{Limits: network.Limits{MaxRecords: 5}})
	// The sixth actor starts on line 8: the fifth has a two-line name.
	assertTooLarge(t, err, filepath.Join(dir, "actors.csv"), 8, "more than 5 data rows")
	n, err = Load(dir, LoadOptions{Limits: network.Limits{MaxRecords: 7}})
	require.NoError(t, err)
	assert.Equal(t, 7, n.NumActors())
}
