package netio

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
)

// allocated returns how many bytes f allocates in all.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// peakHeap returns how many bytes f allocates in all and the most heap it
// has in use at once (above what was in use before), sampled every 200µs.
func peakHeap(f func()) (total, peak uint64) {
	// Collect often while f runs, so that the heap in use is near what f
	// holds rather than garbage the collector has not yet reached (whose
	// amount depends on the machine's timing).
	defer debug.SetGCPercent(debug.SetGCPercent(10))
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

// requireLimitError checks err is a located *network.ParseError wrapping
// network.ErrTooLarge that says how to raise the limit.
func requireLimitError(t *testing.T, err error, file string, line int, want ...string) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, network.ErrTooLarge)
	var pe *network.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, file, pe.File)
	assert.Equal(t, line, pe.Line, "line of %v", err)
	assert.Contains(t, err.Error(), fmt.Sprintf("%s:%d", file, line))
	assert.Contains(t, err.Error(), "Limits.MaxRecords")
	for _, w := range want {
		assert.Contains(t, err.Error(), w)
	}
}

// txtLimitCases are inputs with the number of records each holds: they
// read with MaxRecords = records and fail at line with one record fewer.
var dlLimitCases = []struct {
	name, input string
	records     int
	line        int
}{
	// 3 actors + 1 matrix + 3 edge lines.
	{"edgelist1 lines", "dl n=3 format=el1\ndata:\n1 2\n2 3\n3 1\n", 7, 5},
	// 2 actors + 1 matrix + 2 rows: the header declares them all.
	{"fullmatrix rows declared", "dl n=2\ndata:\n0 1\n1 0\n", 5, 1},
	// 3 actors + 1 matrix + 3 rows, each of 2 links (one more record a row).
	{"fullmatrix cells", "dl n=3\ndata:\n0 1 1\n1 0 1\n1 1 0\n", 10, 5},
	// 4 actors + 1 matrix + 1 line of 3 links.
	{"nodelist1 alters", "dl n=4 format=nl1\ndata:\n1 2 3 4\n", 8, 3},
	// 2 actors + 2 matrices + 2 lines + "!" + 1 line.
	{"edgelist1 matrices", "dl n=2 nm=2 format=el1\ndata:\n1 2\n2 1\n!\n1 1\n", 8, 6},
	// 2 actors + 1 matrix + 2 rows; the label line is one more.
	{"embedded labels line", "dl n=2 labels embedded\ndata:\na b\na 0 1\nb 0 0\n", 6, 5},
	{"n above the limit", "dl n=50 format=el1\ndata:\n", 50 + 1, 1},
	{"nm above the limit", "dl n=1\nnm=60 format=el1\ndata:\n", 1 + 60, 1},
}

func TestReadDLRecordLimit(t *testing.T) {
	for _, tc := range dlLimitCases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadDL(strings.NewReader(tc.input), "lim.dl", network.Limits{MaxRecords: tc.records})
			require.NoError(t, err, "at the limit")
			n, err := ReadDL(strings.NewReader(tc.input), "lim.dl", network.Limits{MaxRecords: tc.records - 1})
			assert.Nil(t, n)
			requireLimitError(t, err, "lim.dl", tc.line, fmt.Sprintf("%d", tc.records-1))
		})
	}
}

func TestReadDLSizeLimits(t *testing.T) {
	many := strings.Repeat("x ", 100)
	for _, tc := range []struct {
		name, input string
		lim         network.Limits
		line, col   int
		want        []string
	}{
		{"n", "dl\n  n=11 format=el1 data:\n", network.Limits{MaxRecords: 10}, 2, 5, []string{"n too large: 11 actors", "record limit of 10"}},
		{"nr", "dl nr=11 nc=11 format=el1 data:\n", network.Limits{MaxRecords: 10}, 1, 7, []string{"nr too large: 11 rows"}},
		{"nc", "dl nr=3 nc=11 format=el1 data:\n", network.Limits{MaxRecords: 10}, 1, 12, []string{"nc too large: 11 columns"}},
		{"nm", "dl n=2 nm=11 format=el1 data:\n", network.Limits{MaxRecords: 10}, 1, 11, []string{"nm too large: 11 matrices"}},
		{"n overflows without a limit", "dl n=99999999999999999999 data:\n", network.Limits{MaxRecords: -1}, 1, 6, []string{"n too large: 99999999999999999999"}},
		{"fullmatrix rows", "dl n=4 nm=3\ndata:\n", network.Limits{MaxRecords: 18}, 1, 0, []string{"n=4, nm=3: 4 actors and 3 matrices of 12 rows", "record limit of 18"}},
		{"header words", "dl n=2 labels: " + many + "data:\n", network.Limits{MaxRecords: 2}, 1, 0, []string{"more than 76 words in the header"}},
		{"fields on a line", "dl n=3 format=nl1 data:\n1 2 3 1 2 3 1\n", network.Limits{MaxRecords: 4}, 2, 13, []string{"more than 6 fields on one line"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadDL(strings.NewReader(tc.input), "size.dl", tc.lim)
			requireLimitError(t, err, "size.dl", tc.line, tc.want...)
			var pe *network.ParseError
			require.ErrorAs(t, err, &pe)
			if tc.col > 0 {
				assert.Equal(t, tc.col, pe.Column, "column of %v", err)
			}
		})
	}
}

// dlLying are headers that declare far more than their data hold: each
// must fail at once, naming the declared size and the size of the data,
// and allocate little.
var dlLying = []struct {
	name, input string
	tooLarge    bool // past the default record limit rather than implausible
	want        []string
}{
	{"edgelist1 header", "dl n=1000000 format=edgelist1\ndata:\n", false,
		[]string{"n=1000000", "the data hold 1 byte,", "at least 1999999 bytes"}},
	{"fullmatrix", "dl n=1000000 format=fullmatrix data:", false,
		[]string{"n=1000000: a fullmatrix of 1000000 rows of 1000000 values", "the data hold 0 bytes"}},
	{"fullmatrix with a few rows", "dl n=1000000\ndata:\n0 1\n1 0\n", false,
		[]string{"n=1000000", "the data hold 9 bytes"}},
	{"nodelist1", "dl n=1000000 format=nl1 data:\n1 2\n", false, []string{"n=1000000", "the data hold 5 bytes"}},
	{"nr and nc", "dl nr=1000000 nc=1000000 format=el1 data:\n1 2\n", false, []string{"n=1000000", "the data hold 5 bytes"}},
	{"nm", "dl n=3 nm=1000000 data:\n0 0 0\n", false,
		[]string{"n=3, nm=1000000: 1000000 fullmatrix matrices of 3 rows of 3 values", "at least 17999999 bytes", "the data hold 7 bytes"}},
	{"embedded labels", "dl n=1000000 labels embedded data:\na b\n", false, []string{"n=1000000", "the data hold 5 bytes"}},
	{"diagonal absent", "dl n=20000 diagonal=absent data:\n0\n", false, []string{"rows of 19999 values", "at least 799959999 bytes"}},
	{"n past the default record limit", "dl n=20000001 format=el1 data:\n", true, []string{"n too large: 20000001 actors"}},
	{"fullmatrix past the default record limit", "dl n=5000 nm=4000 data:\n", true, []string{"5000 actors and 4000 matrices of 20000000 rows"}},
}

func TestReadDLLyingHeader(t *testing.T) {
	for _, tc := range dlLying {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			bytes := allocated(func() { _, err = ReadDL(strings.NewReader(tc.input), "lie.dl", network.Limits{}) })
			t.Logf("%d bytes of input, %d KB allocated: %v", len(tc.input), bytes>>10, err)
			assert.Less(t, bytes, uint64(10<<20), "allocated %d MB", bytes>>20)
			require.Error(t, err)
			var pe *network.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "lie.dl", pe.File)
			assert.Equal(t, 1, pe.Line)
			assert.Equal(t, tc.tooLarge, errors.Is(err, network.ErrTooLarge), "%v", err)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// TestReadDLTrusted checks where the declared-size checks start and that
// they never reject data that hold what the header declares.
func TestReadDLTrusted(t *testing.T) {
	numbers := func(n int) string {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			b.WriteString(strconv.Itoa(i))
			b.WriteByte('\n')
		}
		return b.String()
	}
	for _, tc := range []struct {
		name, input string
		actors      int // 0: an error
	}{
		{"edgelist1 up to the trusted size", fmt.Sprintf("dl n=%d format=el1 data:\n", dlTrusted), dlTrusted},
		{"edgelist1 past the trusted size", fmt.Sprintf("dl n=%d format=el1 data:\n", dlTrusted+1), 0},
		{"edgelist1 past the trusted size, embedded", fmt.Sprintf("dl n=%d format=el1 labels embedded data:\na b\n", dlTrusted+1), 2},
		{"nodelist1 mentioning every actor", fmt.Sprintf("dl n=%d format=nl1 data:\n%s", dlTrusted+1, numbers(dlTrusted+1)), dlTrusted + 1},
		// 5001 all-zero 2×2 matrices: 10002 rows in the smallest data that
		// hold them, starting on the data: line.
		{"fullmatrix of the least size", "dl n=2 nm=5001 data:" + strings.TrimSuffix(strings.Repeat("0 0\n", 2*5001), "\n"), 2},
		{"fullmatrix a row short", "dl n=2 nm=5001 data:" + strings.TrimSuffix(strings.Repeat("0 0\n", 2*5001), "0 0\n0 0\n"), 0},
		{"fullmatrix of the least size with commas", "dl n=2 nm=5001 data:\n" + strings.Repeat("0,0\n", 2*5001), 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := ReadDL(strings.NewReader(tc.input), "t.dl", network.Limits{})
			if tc.actors == 0 {
				require.Error(t, err)
				assert.Contains(t, err.Error(), "t.dl:1: header: n=")
				assert.NotErrorIs(t, err, network.ErrTooLarge)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.actors, n.NumActors())
		})
	}
}

// A header may declare many matrices for list data: nothing is made for
// them, so reading costs what the data cost.
func TestReadDLManyMatricesCheap(t *testing.T) {
	var n *network.Network
	var err error
	bytes := allocated(func() {
		n, err = ReadDL(strings.NewReader("dl n=2 nm=4000000 format=el1 data:\n1 2\n"), "m.dl", network.Limits{})
	})
	require.NoError(t, err)
	assert.Equal(t, 1, n.NumLinks())
	assert.Equal(t, "1", n.Links()[0].Type)
	assert.Less(t, bytes, uint64(1<<20))
}

var pajekLimitCases = []struct {
	name, input string
	records     int
	line        int
}{
	{"arcs", "*Vertices 3\n*Arcs\n1 2\n2 3\n3 1\n", 6, 5},
	{"edges", "*Vertices 2\n*Edges\n1 2\n", 3, 3},
	{"arcslist", "*Vertices 3\n*Arcslist\n1 2 3\n", 5, 3},
	{"edgeslist", "*Vertices 3\n*Edgeslist\n1 2\n2 3 1\n", 6, 4},
	{"matrix cells", "*Vertices 2\n*Matrix\n0 1\n1 0\n", 4, 4},
	{"vertex lines are no more records", "*Vertices 2\n1 a\n2 b\n*Arcs\n1 2\n", 3, 5},
	{"vertices", "% c\n*Vertices 30\n", 30, 2},
}

func TestReadPajekRecordLimit(t *testing.T) {
	for _, tc := range pajekLimitCases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadPajek(strings.NewReader(tc.input), "lim.net", network.Limits{MaxRecords: tc.records})
			require.NoError(t, err, "at the limit")
			n, err := ReadPajek(strings.NewReader(tc.input), "lim.net", network.Limits{MaxRecords: tc.records - 1})
			assert.Nil(t, n)
			requireLimitError(t, err, "lim.net", tc.line, fmt.Sprintf("%d", tc.records-1))
		})
	}
}

func TestReadPajekSizeLimits(t *testing.T) {
	for _, tc := range []struct {
		name, input string
		lim         network.Limits
		line, col   int
		want        []string
	}{
		{"vertices", "*Vertices  11\n", network.Limits{MaxRecords: 10}, 1, 12, []string{"too many vertices: 11", "record limit of 10"}},
		{"vertices past the default", "*Vertices 20000001\n", network.Limits{}, 1, 11, []string{"too many vertices: 20000001", "record limit of 5000000"}},
		{"vertex count overflows without a limit", "*Vertices 99999999999999999999\n", network.Limits{MaxRecords: -1}, 1, 11, []string{"too many vertices: 99999999999999999999"}},
		{"fields on a line", "*Vertices 2\n1 a 1 2 3 4 5\n", network.Limits{MaxRecords: 4}, 2, 13, []string{"more than 6 fields on one line"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			bytes := allocated(func() { _, err = ReadPajek(strings.NewReader(tc.input), "size.net", tc.lim) })
			assert.Less(t, bytes, uint64(1<<20))
			requireLimitError(t, err, "size.net", tc.line, tc.want...)
			var pe *network.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tc.col, pe.Column, "column of %v", err)
		})
	}
}

// TestReadPajekDeclaredVertices checks that vertices need no lines up to
// pajekTrusted, that more need input to back them, and that nothing is
// allocated for declared vertices before the network is built.
func TestReadPajekDeclaredVertices(t *testing.T) {
	saved := pajekTrusted
	pajekTrusted = 1000
	t.Cleanup(func() { pajekTrusted = saved })
	for _, tc := range []struct {
		name, input string
		actors      int // 0: an error
		want        string
	}{
		{"trusted count without lines", "*Vertices 1000\n", 1000, ""},
		{"trusted count with one line", "*Vertices 1000\n1000 \"last\"\n", 1000, ""},
		{"count past the trusted, no input", "*Vertices 1001\n", 0, "*Vertices 1001, but the rest of the input holds only 0 bytes"},
		{"count past the trusted, little input", "*Vertices 1001\n*Arcs\n1 1001\n", 0, "holds only 13 bytes"},
		{"count past the trusted, backed", "*Vertices 1001\n*Edges\n" + strings.Repeat("1 2\n", 250), 1001, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := ReadPajek(strings.NewReader(tc.input), "v.net", network.Limits{})
			if tc.actors == 0 {
				require.Error(t, err)
				assert.NotErrorIs(t, err, network.ErrTooLarge)
				assert.Contains(t, err.Error(), "v.net:1:11: *Vertices: too many vertices")
				assert.Contains(t, err.Error(), tc.want)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.actors, n.NumActors())
		})
	}
}

// TestReadPajekLyingHeader measures what a lying *Vertices costs: the
// default trusted count of vertices is legal Pajek (and costs what the
// network of so many actors costs); more fail at once.
func TestReadPajekLyingHeader(t *testing.T) {
	for _, tc := range []struct {
		name, input string
		tooLarge    bool
	}{
		{"five million", "*Vertices 5000000\n*Arcs\n1 2\n", false},
		{"past the record limit", "*Vertices 1000000000\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			bytes := allocated(func() { _, err = ReadPajek(strings.NewReader(tc.input), "lie.net", network.Limits{}) })
			t.Logf("%d bytes of input, %d KB allocated: %v", len(tc.input), bytes>>10, err)
			assert.Less(t, bytes, uint64(10<<20))
			require.Error(t, err)
			assert.Contains(t, err.Error(), "lie.net:1:11: *Vertices: ")
			assert.Contains(t, err.Error(), "too many vertices")
			assert.Equal(t, tc.tooLarge, errors.Is(err, network.ErrTooLarge))
		})
	}
}

// txtEndless repeats unit forever after start.
type txtEndless struct {
	start, unit string
	off         int
}

func (e *txtEndless) Read(p []byte) (int, error) {
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

func TestReadTxtByteLimit(t *testing.T) {
	const max = 1 << 20
	for _, tc := range []struct {
		name      string
		read      func(lim network.Limits) error
		line, col int
	}{
		{"DL file", func(lim network.Limits) error {
			lim.MaxBytes = 20
			_, err := ReadDL(strings.NewReader("dl n=2\ndata:\n0 1\n1 0\n"), "stdin", lim)
			return err
		}, 4, 4},
		{"Pajek file", func(lim network.Limits) error {
			lim.MaxBytes = 20
			_, err := ReadPajek(strings.NewReader("*Vertices 2\r*Arcs\r\n1 2\n"), "stdin", lim)
			return err
		}, 3, 2},
		{"endless DL", func(lim network.Limits) error {
			_, err := ReadDL(&txtEndless{start: "dl n=2 format=el1 data:\n", unit: "1 2\n"}, "stdin", lim)
			return err
		}, (max-24)/4 + 2, 1},
		{"endless Pajek", func(lim network.Limits) error {
			_, err := ReadPajek(&txtEndless{start: "*Vertices 2\n*Arcs\n", unit: "1 2\n"}, "stdin", lim)
			return err
		}, (max-18)/4 + 3, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			total, peak := peakHeap(func() { err = tc.read(network.Limits{MaxBytes: max}) })
			t.Logf("%d KB allocated, heap peak %d KB: %v", total>>10, peak>>10, err)
			require.ErrorIs(t, err, network.ErrTooLarge)
			var pe *network.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "stdin", pe.File)
			assert.Equal(t, tc.line, pe.Line)
			assert.Equal(t, tc.col, pe.Column)
			assert.Contains(t, err.Error(), "Limits.MaxBytes")
			assert.Less(t, total, uint64(8*max))
		})
	}
}
