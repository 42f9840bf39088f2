package netio

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFormatOf(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		path string
		want Format
	}{
		{"a.json", JSON}, {"a.JSON", JSON}, {"edges.csv", EdgeList}, {"a.tsv", EdgeList},
		{"a.graphml", GraphML}, {"a.xml", GraphML}, {"a.dl", DL}, {"a.net", Pajek}, {"a.paj", Pajek},
		{dir, CSV},
	}
	for _, tt := range tests {
		got, err := FormatOf(tt.path)
		require.NoError(t, err, tt.path)
		assert.Equal(t, tt.want, got, tt.path)
	}
	_, err := FormatOf("a.xls")
	assert.ErrorContains(t, err, "a.xls: cannot tell the format")
}

func TestLoadEveryFormat(t *testing.T) {
	tests := []struct {
		path          string
		opts          LoadOptions
		actors, links int
		name          string
	}{
		{"../../testdata/krebs-911/edges.csv", LoadOptions{Nodes: "../../testdata/krebs-911/nodes.csv"}, 68, 191, "krebs-911"}, // named after the folder of edges.csv,
		{"../../testdata/caviar/edges.csv", LoadOptions{Nodes: "../../testdata/caviar/nodes.csv", Directed: true}, 110, 650, "caviar"},
		{"../../testdata/dl/florentine_marriage.dl", LoadOptions{}, 16, 20, "florentine_marriage"},
		{"../../testdata/pajek/harbour.net", LoadOptions{Format: Pajek}, -1, -1, ""},
		{"../../testdata/graphml/networkx_fixture.graphml", LoadOptions{}, -1, -1, ""},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			n, err := Load(tt.path, tt.opts)
			require.NoError(t, err)
			if tt.actors >= 0 {
				assert.Equal(t, tt.actors, n.NumActors())
				assert.Equal(t, tt.links, n.NumLinks())
			} else {
				assert.Positive(t, n.NumActors())
			}
			if tt.name != "" {
				assert.Equal(t, tt.name, n.Name)
			}
		})
	}
}

func TestSaveLoadLossless(t *testing.T) {
	orig, err := Load("../../testdata/caviar/edges.csv", LoadOptions{Nodes: "../../testdata/caviar/nodes.csv", Directed: true})
	require.NoError(t, err)
	dir := t.TempDir()
	for _, p := range []string{"c.json", "c.graphml", "c-dir"} {
		path := filepath.Join(dir, p)
		require.NoError(t, Save(orig, path, ""))
		back, err := Load(path, LoadOptions{})
		require.NoError(t, err)
		assert.Equal(t, orig.Name, back.Name, p)
		assert.Equal(t, orig.Actors(), back.Actors(), p)
		assert.Equal(t, orig.Links(), back.Links(), p)
	}
}

func TestLoadSaveErrors(t *testing.T) {
	dir := t.TempDir()
	n, err := Load("../../testdata/dl/florentine_marriage.dl", LoadOptions{})
	require.NoError(t, err)
	_, err = Load(filepath.Join(dir, "none.json"), LoadOptions{})
	assert.ErrorIs(t, err, os.ErrNotExist)
	_, err = Load("x.json", LoadOptions{Format: "xls"})
	assert.ErrorContains(t, err, `unknown format "xls"`)
	_, err = Load("../../testdata/dl/florentine_marriage.dl", LoadOptions{Nodes: "n.csv"})
	assert.ErrorContains(t, err, "node table (n.csv) goes only with an edge list")
	_, err = Load("../../testdata/krebs-911/edges.csv", LoadOptions{Nodes: filepath.Join(dir, "missing.csv")})
	assert.ErrorIs(t, err, os.ErrNotExist)
	assert.ErrorContains(t, Save(n, filepath.Join(dir, "x.dl"), ""), "cannot write dl")
	assert.ErrorContains(t, Save(n, filepath.Join(dir, "x.bin"), ""), "cannot tell the format")
	assert.ErrorContains(t, Save(n, filepath.Join(dir, "x"), "yaml"), `unknown format "yaml"`)
}

func TestNameOf(t *testing.T) {
	for path, want := range map[string]string{
		"testdata/caviar/edges.csv": "caviar",
		"caviar/links.csv":          "caviar",
		"edges.csv":                 "edges",
		"/data/krebs.json":          "krebs",
		"x/Network.graphml":         "x",
	} {
		assert.Equal(t, want, nameOf(path), path)
	}
}
