package netio

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The peak-memory test reads a large edge list in a child process, so that
// the child's peak resident set (VmHWM) is that of the read alone.
const (
	memTestEnv      = "ILLICIT_MEMTEST"       // "1" runs TestEdgeListPeakMemory
	memTestChildEnv = "ILLICIT_MEMTEST_CHILD" // set in the child: the file to read
	memTestActors   = 100_000
	memTestRows     = 2_400_000
	// memTestMaxRatio is the most peak RSS the read may take, as a multiple
	// of the file size. The links themselves take 7 times the file: a
	// network.Link is 152 bytes, a row "u,v,w" about 21. The read peaks at
	// 10.7 times; reading every record into memory first, as the reader
	// once did, took 58 times.
	memTestMaxRatio = 12.0
)

// writeRandomEdgeList writes rows "u,v,w" of a random graph on actors
// 0…actors-1 with weights in [0, 10) written with six decimals.
func writeRandomEdgeList(w io.Writer, actors, rows int) error {
	rng := rand.New(rand.NewPCG(1, 2))
	bw := bufio.NewWriter(w)
	var line []byte
	for i := 0; i < rows; i++ {
		line = strconv.AppendInt(line[:0], int64(rng.IntN(actors)), 10)
		line = append(line, ',')
		line = strconv.AppendInt(line, int64(rng.IntN(actors)), 10)
		line = append(line, ',')
		line = strconv.AppendFloat(line, float64(rng.IntN(10_000_000))/1e6, 'f', 6, 64)
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// vmHWM returns the peak resident set size of this process in bytes, from
// /proc/self/status (Linux only).
func vmHWM() (int64, error) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/self/status")
}

// TestEdgeListPeakMemory measures the peak resident memory of reading a
// 2.4 million-row edge list (about 50 MB) with ReadEdgeList, as a multiple
// of the file size. It runs only with ILLICIT_MEMTEST=1, on Linux:
//
//	ILLICIT_MEMTEST=1 go test -run TestEdgeListPeakMemory -v ./network/netio
func TestEdgeListPeakMemory(t *testing.T) {
	if path := os.Getenv(memTestChildEnv); path != "" {
		memTestChild(t, path)
		return
	}
	if os.Getenv(memTestEnv) != "1" {
		t.Skipf("set %s=1 to measure the peak memory of reading a large edge list", memTestEnv)
	}
	if runtime.GOOS != "linux" {
		t.Skip("peak RSS is read from /proc/self/status, which only Linux has")
	}
	path := filepath.Join(t.TempDir(), "edges.csv")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, writeRandomEdgeList(f, memTestActors, memTestRows))
	require.NoError(t, f.Close())
	st, err := os.Stat(path)
	require.NoError(t, err)

	cmd := exec.Command(os.Args[0], "-test.run=^TestEdgeListPeakMemory$", "-test.v")
	cmd.Env = append(os.Environ(), memTestChildEnv+"="+path)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "child: %s", out)
	var peak int64
	var links int
	for _, line := range strings.Split(string(out), "\n") {
		if _, err := fmt.Sscanf(strings.TrimSpace(line), "memtest: links=%d vmhwm=%d", &links, &peak); err == nil {
			break
		}
	}
	require.Positive(t, peak, "no measurement in the child's output: %s", out)
	assert.Equal(t, memTestRows, links)
	ratio := float64(peak) / float64(st.Size())
	t.Logf("edge list of %d rows, %d bytes (%.1f MB): peak RSS (VmHWM) %d bytes (%.1f MB), %.2f× the file",
		memTestRows, st.Size(), float64(st.Size())/1e6, peak, float64(peak)/1e6, ratio)
	assert.LessOrEqual(t, ratio, memTestMaxRatio, "peak RSS of reading the edge list, as a multiple of its size")
}

// memTestChild reads the edge list at path and prints the number of links
// and the peak RSS for the parent.
func memTestChild(t *testing.T, path string) {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	n, err := ReadEdgeList(f, path, nil, "", EdgeListOptions{})
	require.NoError(t, err)
	peak, err := vmHWM()
	require.NoError(t, err)
	fmt.Printf("memtest: links=%d vmhwm=%d\n", n.NumLinks(), peak)
	runtime.KeepAlive(n)
}

func BenchmarkReadEdgeList(b *testing.B) {
	for _, rows := range []int{1_000, 10_000, 100_000, 1_000_000} {
		var buf bytes.Buffer
		actors := rows / 24
		if actors < 10 {
			actors = 10
		}
		if err := writeRandomEdgeList(&buf, actors, rows); err != nil {
			b.Fatal(err)
		}
		data := buf.Bytes()
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for i := 0; i < b.N; i++ {
				n, err := ReadEdgeList(bytes.NewReader(data), "edges.csv", nil, "", EdgeListOptions{})
				if err != nil {
					b.Fatal(err)
				}
				if n.NumLinks() != rows {
					b.Fatalf("%d links, want %d", n.NumLinks(), rows)
				}
			}
		})
	}
}
