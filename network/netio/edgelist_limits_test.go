package netio

import (
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
)

// endlessReader is an input that never ends: its pattern, over and over,
// after an optional head.
type endlessReader struct {
	head    string
	pattern string
	off     int // bytes of head+pattern stream already returned
	n       int64
}

func (r *endlessReader) Read(p []byte) (int, error) {
	k := 0
	for k < len(p) {
		if r.off < len(r.head) {
			c := copy(p[k:], r.head[r.off:])
			k += c
			r.off += c
			continue
		}
		i := (r.off - len(r.head)) % len(r.pattern)
		c := copy(p[k:], r.pattern[i:])
		k += c
		r.off += c
		if r.off-len(r.head) >= len(r.pattern) { // keep off small
			r.off = len(r.head) + (r.off-len(r.head))%len(r.pattern)
		}
	}
	r.n += int64(k)
	return k, nil
}

// assertTooLarge checks that err is a located *network.ParseError of file
// that wraps network.ErrTooLarge and says which limit to raise.
func assertTooLarge(t *testing.T, err error, file string, line int, limit string) {
	t.Helper()
	require.Error(t, err)
	assert.True(t, errors.Is(err, network.ErrTooLarge), "not ErrTooLarge: %v", err)
	var pe *network.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, file, pe.File)
	if line > 0 {
		assert.Equal(t, line, pe.Line, "line: %v", err)
	} else {
		assert.Positive(t, pe.Line, "no line: %v", err)
	}
	assert.Contains(t, err.Error(), limit)
}

func TestReadEdgeListLimits(t *testing.T) {
	const rows = "a,b\nb,c\nc,d\n"
	tests := []struct {
		name  string
		edges string
		nodes *string
		lim   network.Limits
		file  string
		line  int
		limit string
	}{
		{"edge rows", "source,target\n" + rows, nil, network.Limits{MaxRecords: 2}, "edges.csv", 4, "more than 2 data rows; raise the record limit (Limits.MaxRecords)"},
		{"positional edge rows", "# c\n" + rows, nil, network.Limits{MaxRecords: 1}, "edges.csv", 3, "more than 1 data rows"},
		{"node rows", "a,b\n", ptr("id\na\nb\nc\n"), network.Limits{MaxRecords: 2}, "nodes.csv", 4, "more than 2 data rows"},
		{"edge bytes", rows + rows, nil, network.Limits{MaxBytes: 14}, "edges.csv", 4, "more than 14 bytes; raise the byte limit (Limits.MaxBytes)"},
		{"node bytes", "a,b\n", ptr("id,label\na,Alpha\nb,Beta\n"), network.Limits{MaxBytes: 12}, "nodes.csv", 2, "more than 12 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := readEdges(t, tt.edges, tt.nodes, EdgeListOptions{Limits: tt.lim})
			assert.Nil(t, n)
			assertTooLarge(t, err, tt.file, tt.line, tt.limit)
		})
	}
	// At the limits exactly, or without them, the same inputs read.
	for _, lim := range []network.Limits{{MaxRecords: 4, MaxBytes: int64(len(rows))}, {MaxRecords: -1, MaxBytes: -1}} {
		n, err := readEdges(t, rows, ptr("id\na\nb\nc\nd\n"), EdgeListOptions{Limits: lim})
		require.NoError(t, err)
		assert.Equal(t, 3, n.NumLinks())
	}
}

func TestReadCSVLimits(t *testing.T) {
	tests := []struct {
		name          string
		actors, links string
		lim           network.Limits
		file          string
		line          int
		limit         string
	}{
		{"actor rows", "id\na\nb\nc\n", "from,to\n", network.Limits{MaxRecords: 2}, "actors.csv", 4, "more than 2 data rows"},
		{"link rows", okActors, "from,to\na,b\nb,a\na,a\n", network.Limits{MaxRecords: 2}, "links.csv", 4, "more than 2 data rows"},
		{"actor bytes", "id,name\na,\"A\nA\"\nb,B\n", "from,to\n", network.Limits{MaxBytes: 16}, "actors.csv", 4, "more than 16 bytes"},
		{"actor bytes in a quoted field", "id,name\na,\"A\nA\"\nb,B\n", "from,to\n", network.Limits{MaxBytes: 12}, "actors.csv", 2, "more than 12 bytes"},
		{"link bytes", "id\na\nb\n", "from,to\na,b\nb,a\n", network.Limits{MaxBytes: 14}, "links.csv", 3, "more than 14 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := ReadCSV(strings.NewReader(tt.actors), "actors.csv", strings.NewReader(tt.links), "links.csv", tt.lim)
			assert.Nil(t, n)
			assertTooLarge(t, err, tt.file, tt.line, tt.limit)
		})
	}
}

// TestEndlessInputs feeds inputs that never end to the tabular readers:
// each must stop at its limit, soon and without holding more than the
// limit allows, rather than read on.
func TestEndlessInputs(t *testing.T) {
	const maxBytes = 64 << 10
	lim := network.Limits{MaxBytes: maxBytes}
	tests := []struct {
		name string
		read func(r io.Reader) (*network.Network, error)
		in   *endlessReader
		lim  string
	}{
		{"edge list rows", func(r io.Reader) (*network.Network, error) {
			return ReadEdgeList(r, "stdin", nil, "", EdgeListOptions{Limits: lim})
		}, &endlessReader{pattern: "a,b,1\n"}, "more than 65536 bytes"},
		{"edge list without a line end", func(r io.Reader) (*network.Network, error) {
			return ReadEdgeList(r, "stdin", nil, "", EdgeListOptions{Limits: lim})
		}, &endlessReader{head: "a,", pattern: "b"}, "more than 65536 bytes"},
		{"edge list comments", func(r io.Reader) (*network.Network, error) {
			return ReadEdgeList(r, "stdin", nil, "", EdgeListOptions{Limits: lim})
		}, &endlessReader{pattern: "# nothing yet\n"}, "more than 65536 bytes"},
		{"node table", func(r io.Reader) (*network.Network, error) {
			return ReadEdgeList(strings.NewReader("a,b\n"), "edges.csv", r, "stdin", EdgeListOptions{Limits: lim})
		}, &endlessReader{head: "id,label\n", pattern: "x"}, "more than 65536 bytes"},
		{"edge rows with no byte limit", func(r io.Reader) (*network.Network, error) {
			return ReadEdgeList(r, "stdin", nil, "", EdgeListOptions{Limits: network.Limits{MaxBytes: -1, MaxRecords: 10_000}})
		}, &endlessReader{head: "from,to\n", pattern: "a,b\n"}, "more than 10000 data rows"},
		{"native actors", func(r io.Reader) (*network.Network, error) {
			return ReadCSV(r, "stdin", nil, "", lim)
		}, &endlessReader{pattern: "id"}, "more than 65536 bytes"},
		{"native links", func(r io.Reader) (*network.Network, error) {
			return ReadCSV(strings.NewReader(okActors), "actors.csv", r, "stdin", lim)
		}, &endlessReader{head: "from,to,weight\n", pattern: "a,b,2\n"}, "more than 65536 bytes"},
		{"blank lines", func(r io.Reader) (*network.Network, error) {
			return ReadCSV(r, "stdin", nil, "", lim)
		}, &endlessReader{pattern: " \n"}, "more than 65536 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			n, err := tt.read(tt.in)
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			assert.Nil(t, n)
			assertTooLarge(t, err, "stdin", 0, tt.lim)
			assert.Less(t, elapsed, 10*time.Second)
			if tt.in.n > 2*maxBytes && !strings.Contains(tt.lim, "data rows") {
				t.Errorf("read %d bytes of an input limited to %d", tt.in.n, maxBytes)
			}
			allocated := after.TotalAlloc - before.TotalAlloc
			t.Logf("read %d bytes, allocated %d KiB: %v", tt.in.n, allocated>>10, err)
			assert.Less(t, allocated, uint64(32<<20), "allocated while reading an endless input")
		})
	}
}
