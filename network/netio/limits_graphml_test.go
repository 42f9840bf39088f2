package netio

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
)

// gmlLimitDoc holds 2 keys, 3 nodes, 2 edges and 4 data elements.
const gmlLimitDoc = `<graphml>
<key id="n" for="all" attr.name="name"/>
<key id="y" for="node" yfiles.type="nodegraphics"/>
<graph>
<data key="n">net</data>
<node id="a"><data key="n">A</data></node>
<node id="b"><data key="y"><shape/></data></node>
<node id="c"/>
<edge source="a" target="b"/>
<edge source="b" target="c"><data key="n">x</data></edge>
</graph>
</graphml>
`

func TestReadGraphMLRecordLimit(t *testing.T) {
	n, err := ReadGraphML(strings.NewReader(gmlLimitDoc), "lim.graphml", network.Limits{MaxRecords: 11})
	require.NoError(t, err, "at the limit")
	assert.Equal(t, 3, n.NumActors())
	for _, tc := range []struct {
		records   int
		line, col int
		record    string
	}{
		{10, 10, 29, "edge 2"}, // the last data element
		{9, 10, 1, "edge 2"},   // the last edge
		{6, 7, 14, `node "b"`}, // the data of a yfiles key count too
		{3, 6, 1, `node "a"`},  // the first node
		{1, 3, 1, `key "y"`},   // keys count
	} {
		t.Run(strconv.Itoa(tc.records), func(t *testing.T) {
			n, err := ReadGraphML(strings.NewReader(gmlLimitDoc), "lim.graphml", network.Limits{MaxRecords: tc.records})
			assert.Nil(t, n)
			requireLimitError(t, err, "lim.graphml", tc.line, fmt.Sprintf("more than %d records", tc.records))
			var pe *network.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tc.col, pe.Column)
			assert.Contains(t, pe.Record, tc.record)
		})
	}
}

// gmlEndless is a GraphML document that never ends: a graph of ever more
// nodes, each on its own line.
type gmlEndless struct {
	buf []byte
	k   int
}

func (e *gmlEndless) Read(p []byte) (int, error) {
	if e.k == 0 && len(e.buf) == 0 {
		e.buf = append(e.buf, "<graphml><graph>\n"...)
	}
	for len(e.buf) < len(p) {
		e.k++
		e.buf = append(e.buf, `<node id="n`...)
		e.buf = strconv.AppendInt(e.buf, int64(e.k), 10)
		e.buf = append(e.buf, "\"/>\n"...)
	}
	n := copy(p, e.buf)
	e.buf = e.buf[:copy(e.buf, e.buf[n:])]
	return n, nil
}

func TestReadGraphMLEndless(t *testing.T) {
	for _, tc := range []struct {
		name     string
		lim      network.Limits
		line     int // 0: any line past the start
		want     string
		maxAlloc uint64 // allocated in all
		maxPeak  uint64 // heap in use at most, above what it was
	}{
		{"byte limit", network.Limits{MaxBytes: 1 << 20}, 0, "more than 1048576 bytes; raise the byte limit (Limits.MaxBytes)", 64 << 20, 16 << 20},
		{"record limit", network.Limits{MaxRecords: 1000}, 1002, "more than 1000 records", 8 << 20, 4 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			bytes, peak := peakHeap(func() { _, err = ReadGraphML(&gmlEndless{}, "stdin", tc.lim) })
			t.Logf("%d KB allocated, heap peak %d KB: %v", bytes>>10, peak>>10, err)
			assert.Less(t, bytes, tc.maxAlloc)
			assert.Less(t, peak, tc.maxPeak)
			require.ErrorIs(t, err, network.ErrTooLarge)
			var pe *network.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "stdin", pe.File)
			if tc.line > 0 {
				assert.Equal(t, tc.line, pe.Line)
			} else {
				assert.Greater(t, pe.Line, 1000, "located where the limit was passed")
			}
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// gmlNested is an endless nesting of foreign elements inside a graph.
type gmlNested struct{ off int }

func (e *gmlNested) Read(p []byte) (int, error) {
	const start = "<graphml><graph>"
	for i := range p {
		if e.off < len(start) {
			p[i] = start[e.off]
		} else {
			p[i] = "<x>"[(e.off-len(start))%3]
		}
		e.off++
	}
	return len(p), nil
}

func TestReadGraphMLNesting(t *testing.T) {
	deep := func(depth int) string {
		return "<graphml><graph>" + strings.Repeat("<x>", depth-2) + strings.Repeat("</x>", depth-2) + "</graph></graphml>"
	}
	_, err := ReadGraphML(strings.NewReader(deep(gmlMaxDepth)), "deep.graphml", network.Limits{})
	require.NoError(t, err)
	_, err = ReadGraphML(strings.NewReader(deep(gmlMaxDepth+1)), "deep.graphml", network.Limits{})
	require.ErrorIs(t, err, network.ErrTooLarge)
	assert.Contains(t, err.Error(), "deep.graphml:1:")
	assert.Contains(t, err.Error(), "elements nested more than 10000 deep")

	var bytes uint64
	bytes = allocated(func() { _, err = ReadGraphML(&gmlNested{}, "stdin", network.Limits{}) })
	t.Logf("endless nesting: %d KB allocated: %v", bytes>>10, err)
	require.ErrorIs(t, err, network.ErrTooLarge)
	assert.Contains(t, err.Error(), "nested more than")
	assert.Less(t, bytes, uint64(16<<20))
}

func TestReadGraphMLByteLimit(t *testing.T) {
	doc := gmlLimitDoc
	_, err := ReadGraphML(strings.NewReader(doc), "b.graphml", network.Limits{MaxBytes: int64(len(doc))})
	require.NoError(t, err, "at the limit")
	_, err = ReadGraphML(strings.NewReader(doc), "b.graphml", network.Limits{MaxBytes: int64(len(doc) - 1)})
	require.ErrorIs(t, err, network.ErrTooLarge)
	var pe *network.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "b.graphml", pe.File)
	assert.Positive(t, pe.Line)
	assert.Contains(t, err.Error(), fmt.Sprintf("more than %d bytes", len(doc)-1))

	// A read error other than the limit keeps its cause.
	boom := errors.New("disk on fire")
	_, err = ReadGraphML(io.MultiReader(strings.NewReader("<graphml>"), &errReader{boom}), "r.graphml", network.Limits{})
	require.ErrorIs(t, err, boom)
	assert.NotErrorIs(t, err, network.ErrTooLarge)
}

type errReader struct{ err error }

func (r *errReader) Read([]byte) (int, error) { return 0, r.err }

// gmlAttrs is a start tag that never ends: ever more attributes.
type gmlAttrs struct{ off int }

func (e *gmlAttrs) Read(p []byte) (int, error) {
	const start, attr = `<graphml><graph><node id="x"`, ` a=""`
	for i := range p {
		if e.off < len(start) {
			p[i] = start[e.off]
		} else {
			p[i] = attr[(e.off-len(start))%len(attr)]
		}
		e.off++
	}
	return len(p), nil
}

func TestReadGraphMLAttributes(t *testing.T) {
	tag := func(attrs int) string {
		var b strings.Builder
		b.WriteString(`<graphml><!-- a=b c=d --><?pi x="1"?><graph><node id="x"`)
		for i := 1; i < attrs; i++ { // id is one
			fmt.Fprintf(&b, ` a%d='=>"%d'`, i, i)
		}
		b.WriteString("/></graph></graphml>")
		return b.String()
	}
	n, err := ReadGraphML(strings.NewReader(tag(gmlMaxAttrs)), "a.graphml", network.Limits{})
	require.NoError(t, err)
	assert.True(t, n.HasActor("x"))
	_, err = ReadGraphML(strings.NewReader(tag(gmlMaxAttrs+1)), "a.graphml", network.Limits{})
	require.ErrorIs(t, err, network.ErrTooLarge)
	assert.Contains(t, err.Error(), "more than 10000 attributes in one tag")
	assert.Contains(t, err.Error(), "a.graphml:1:")

	bytes, peak := peakHeap(func() { _, err = ReadGraphML(&gmlAttrs{}, "stdin", network.Limits{}) })
	t.Logf("endless attributes: %d KB allocated, heap peak %d KB: %v", bytes>>10, peak>>10, err)
	require.ErrorIs(t, err, network.ErrTooLarge)
	assert.Contains(t, err.Error(), "stdin:1:")
	assert.Less(t, bytes, uint64(16<<20))
}
