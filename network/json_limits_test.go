package network

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsonPeakHeap returns how many bytes f allocates in all and the most heap
// it has in use at once (above what was in use before), sampled every
// 200µs.
func jsonPeakHeap(f func()) (total, peak uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	done := make(chan struct{})
	peaks := make(chan uint64)
	go func() {
		var max uint64
		var m runtime.MemStats
		tick := time.NewTicker(200 * time.Microsecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > before.HeapAlloc && m.HeapAlloc-before.HeapAlloc > max {
				max = m.HeapAlloc - before.HeapAlloc
			}
			select {
			case <-done:
				peaks <- max
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(done)
	peak = <-peaks
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, peak
}

// jsonEndless repeats unit forever after start.
type jsonEndless struct {
	start, unit string
	off         int
}

func (e *jsonEndless) Read(p []byte) (int, error) {
	for i := range p {
		if e.off < len(e.start) {
			p[i] = e.start[e.off]
		} else {
			p[i] = e.unit[(e.off-len(e.start))%len(e.unit)]
		}
		e.off++
	}
	return len(p), nil
}

func TestReadJSONEndless(t *testing.T) {
	const max = 1 << 20
	for _, tc := range []struct {
		name      string
		r         io.Reader
		line, col int // where the limit is passed
	}{
		{"brackets", &jsonEndless{unit: "["}, 1, max + 1},
		{"actors", &jsonEndless{start: `{"actors":[`, unit: `{"id":"x"},`}, 1, max + 1},
		{"lines", &jsonEndless{start: `{"actors":[`, unit: " \n"}, (max-11)/2 + 1, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var n *Network
			var err error
			total, peak := jsonPeakHeap(func() { n, err = ReadJSON(tc.r, "stdin", Limits{MaxBytes: max}) })
			t.Logf("%d KB allocated, heap peak %d KB: %v", total>>10, peak>>10, err)
			assert.Nil(t, n)
			require.ErrorIs(t, err, ErrTooLarge)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "stdin", pe.File)
			assert.Equal(t, tc.line, pe.Line)
			assert.Equal(t, tc.col, pe.Column)
			assert.Contains(t, err.Error(), "more than 1048576 bytes; raise the byte limit (Limits.MaxBytes)")
			assert.Less(t, total, uint64(8*max), "allocated in all")
			assert.Less(t, peak, uint64(6*max), "heap in use")
		})
	}
}

func TestReadJSONRecordLimit(t *testing.T) {
	const doc = `{
  "name": "n",
  "actors": [
    {"id": "a"},
    {"id": "b"}, {"id": "c"}
  ],
  "links": [
    {"from": "a", "to": "b"},
    {"from": "b", "to": "c"}
  ]
}`
	n, err := ReadJSON(strings.NewReader(doc), "r.json", Limits{MaxRecords: 5})
	require.NoError(t, err, "at the limit")
	assert.Equal(t, 3, n.NumActors())
	assert.Equal(t, 2, n.NumLinks())
	for _, tc := range []struct {
		records   int
		line, col int
		record    string
	}{
		{4, 9, 5, "links[1]"},
		{3, 8, 5, "links[0]"},
		{2, 5, 18, "actors[2]"},
		{1, 5, 5, "actors[1]"},
	} {
		t.Run(fmt.Sprint(tc.records), func(t *testing.T) {
			n, err := ReadJSON(strings.NewReader(doc), "r.json", Limits{MaxRecords: tc.records})
			assert.Nil(t, n)
			require.ErrorIs(t, err, ErrTooLarge)
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "r.json", pe.File)
			assert.Equal(t, tc.line, pe.Line)
			assert.Equal(t, tc.col, pe.Column)
			assert.Equal(t, tc.record, pe.Record)
			assert.Contains(t, err.Error(), fmt.Sprintf("r.json:%d:%d: %s: input exceeds the reader's limits: more than %d records (actors and links)",
				tc.line, tc.col, tc.record, tc.records))
			assert.Contains(t, err.Error(), "Limits.MaxRecords")
		})
	}
	// Without a limit, and with the default one, the same reads.
	for _, lim := range []Limits{{MaxRecords: -1}, {}} {
		_, err := ReadJSON(strings.NewReader(doc), "r.json", lim)
		require.NoError(t, err)
	}
}

func TestReadJSONByteLimit(t *testing.T) {
	const doc = `{"actors": [{"id": "a"}]}`
	_, err := ReadJSON(strings.NewReader(doc), "b.json", Limits{MaxBytes: int64(len(doc))})
	require.NoError(t, err)
	_, err = ReadJSON(strings.NewReader(doc), "b.json", Limits{MaxBytes: int64(len(doc) - 1)})
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), fmt.Sprintf("b.json:1:%d: input exceeds the reader's limits: more than %d bytes", len(doc), len(doc)-1))
}
