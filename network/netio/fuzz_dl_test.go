package netio

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/illicitnet/illicit/network"
)

// fuzzLimits keep inputs small while fuzzing: a header such as
// "dl n=999999 format=el1" may be valid and build that many actors, which
// is slow but not a bug, and slow inputs make the fuzzer's minimization
// crawl. With at most fuzzMaxNodes records no network can have more actors.
const fuzzMaxNodes = 300

var fuzzLimits = network.Limits{MaxBytes: 1 << 16, MaxRecords: fuzzMaxNodes}

// fuzzLimitsLarger are larger limits: whatever reads within fuzzLimits
// must read the same within them, and an error within fuzzLimits that is
// not a limit error must be the same error (limits only ever add errors).
var fuzzLimitsLarger = network.Limits{MaxBytes: 1 << 20, MaxRecords: 20 * fuzzMaxNodes}

// checkLimitsMonotone checks a read within fuzzLimits (n, err) against the
// same read within fuzzLimitsLarger (big, bigErr).
func checkLimitsMonotone(t *testing.T, n *network.Network, err error, big *network.Network, bigErr error) {
	t.Helper()
	switch {
	case err == nil:
		if bigErr != nil {
			t.Fatalf("reads within the smaller limits, fails within the larger: %v", bigErr)
		}
		if n.Name != big.Name || !reflect.DeepEqual(n.Actors(), big.Actors()) || !reflect.DeepEqual(n.Links(), big.Links()) {
			t.Fatal("different networks within different limits")
		}
	case !errors.Is(err, network.ErrTooLarge):
		if bigErr == nil || bigErr.Error() != err.Error() {
			t.Fatalf("error %v within the smaller limits, %v within the larger", err, bigErr)
		}
	}
}

// fuzzMaxAlloc is the most a reader may allocate for one fuzz input within
// fuzzLimits: a generous multiple of the byte limit, far below what a
// declared size taken at its word would cost.
const fuzzMaxAlloc = 256 << 20

// checkAlloc runs read and fails if it allocates more than fuzzMaxAlloc.
func checkAlloc(t *testing.T, read func()) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	read()
	runtime.ReadMemStats(&after)
	if d := after.TotalAlloc - before.TotalAlloc; d > fuzzMaxAlloc {
		t.Fatalf("allocated %d MB for one input", d>>20)
	}
}

func addTxtSeeds(f *testing.F, dir, pattern string, inputs []string) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", dir, pattern))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, in := range inputs {
		f.Add([]byte(in))
	}
}

// checkTxtResult checks the properties every DL or Pajek read must have:
// either a *network.ParseError naming the file and a line of the input, or
// a consistent network.
func checkTxtResult(t *testing.T, data []byte, n *network.Network, err error) {
	if err != nil {
		if n != nil {
			t.Fatalf("error %v with a non-nil network", err)
		}
		var pe *network.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %T is not a *network.ParseError: %v", err, err)
		}
		if pe.File != "fuzz" {
			t.Fatalf("error does not name the file: %v", err)
		}
		if errors.Is(err, network.ErrTooLarge) && !strings.Contains(err.Error(), "Limits.Max") {
			t.Fatalf("limit error does not say how to raise the limit: %v", err)
		}
		if len(data) > int(fuzzLimits.MaxBytes) {
			if !errors.Is(err, network.ErrTooLarge) {
				t.Fatalf("input of %d bytes, more than the limit, read with error %v", len(data), err)
			}
			return
		}
		if lines := strings.Count(txtNormalize(data), "\n") + 1; pe.Line < 1 || pe.Line > lines {
			t.Fatalf("error line %d outside 1..%d: %v", pe.Line, lines, err)
		}
		return
	}
	if n == nil {
		t.Fatal("nil network without an error")
	}
	seen := map[string]bool{}
	for _, a := range n.Actors() {
		if a.ID == "" || seen[a.ID] {
			t.Fatalf("empty or repeated actor ID %q", a.ID)
		}
		seen[a.ID] = true
		if a.Kind != network.KindUnknown {
			t.Fatalf("actor %q has kind %v", a.ID, a.Kind)
		}
	}
	if len(seen) > fuzzMaxNodes {
		t.Fatalf("%d actors, more than the cap %d", len(seen), fuzzMaxNodes)
	}
	for _, l := range n.Links() {
		if !seen[l.From] || !seen[l.To] {
			t.Fatalf("link %q -> %q has an end that is not an actor", l.From, l.To)
		}
		if l.Element != network.Association {
			t.Fatalf("link element %v", l.Element)
		}
		if math.IsNaN(l.Weight) || math.IsInf(l.Weight, 0) || l.Weight < 0 {
			t.Fatalf("link weight %v", l.Weight)
		}
	}
}

func FuzzReadDL(f *testing.F) {
	var inputs []string
	for _, tc := range dlGood {
		inputs = append(inputs, tc.input)
	}
	for _, tc := range dlBad {
		inputs = append(inputs, tc.input)
	}
	for _, tc := range dlLying {
		inputs = append(inputs, tc.input)
	}
	for _, tc := range dlLimitCases {
		inputs = append(inputs, tc.input)
	}
	addTxtSeeds(f, "dl", "*.dl", inputs)
	f.Fuzz(func(t *testing.T, data []byte) {
		var n *network.Network
		var err error
		checkAlloc(t, func() { n, err = ReadDL(bytes.NewReader(data), "fuzz", fuzzLimits) })
		checkTxtResult(t, data, n, err)
		big, bigErr := ReadDL(bytes.NewReader(data), "fuzz", fuzzLimitsLarger)
		checkLimitsMonotone(t, n, err, big, bigErr)
		if err == nil {
			for _, a := range n.Actors() {
				if a.Name != "" {
					t.Fatalf("DL actor %q has a name", a.ID)
				}
			}
		}
	})
}

func FuzzReadPajek(f *testing.F) {
	var inputs []string
	for _, tc := range pajekGood {
		inputs = append(inputs, tc.input)
	}
	for _, tc := range pajekBad {
		inputs = append(inputs, tc.input)
	}
	for _, tc := range pajekLimitCases {
		inputs = append(inputs, tc.input)
	}
	inputs = append(inputs, "*Vertices 5000000\n*Arcs\n1 2\n", "*Vertices 301\n*Edges\n1 2\n")
	addTxtSeeds(f, "pajek", "*.net", inputs)
	f.Fuzz(func(t *testing.T, data []byte) {
		var n *network.Network
		var err error
		checkAlloc(t, func() { n, err = ReadPajek(bytes.NewReader(data), "fuzz", fuzzLimits) })
		checkTxtResult(t, data, n, err)
		big, bigErr := ReadPajek(bytes.NewReader(data), "fuzz", fuzzLimitsLarger)
		checkLimitsMonotone(t, n, err, big, bigErr)
		if err == nil {
			for i, a := range n.Actors() {
				if a.ID != strconv.Itoa(i+1) {
					t.Fatalf("Pajek actor %d has ID %q", i+1, a.ID)
				}
			}
		}
	})
}
