package netio

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/illicitnet/illicit/network"
)

// fuzzMaxNodes keeps declared networks small while fuzzing: a header such as
// "dl n=999999 format=el1" is valid and builds that many actors, which is
// slow but not a bug, and slow inputs make the fuzzer's minimization crawl.
const fuzzMaxNodes = 300

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
		if lines := len(txtLines(data)); pe.Line < 1 || pe.Line > lines {
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
	saved := txtMaxNodes
	txtMaxNodes = fuzzMaxNodes
	f.Cleanup(func() { txtMaxNodes = saved })
	var inputs []string
	for _, tc := range dlGood {
		inputs = append(inputs, tc.input)
	}
	for _, tc := range dlBad {
		inputs = append(inputs, tc.input)
	}
	addTxtSeeds(f, "dl", "*.dl", inputs)
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := ReadDL(bytes.NewReader(data), "fuzz", network.Limits{})
		checkTxtResult(t, data, n, err)
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
	saved := txtMaxNodes
	txtMaxNodes = fuzzMaxNodes
	f.Cleanup(func() { txtMaxNodes = saved })
	var inputs []string
	for _, tc := range pajekGood {
		inputs = append(inputs, tc.input)
	}
	for _, tc := range pajekBad {
		inputs = append(inputs, tc.input)
	}
	addTxtSeeds(f, "pajek", "*.net", inputs)
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := ReadPajek(bytes.NewReader(data), "fuzz", network.Limits{})
		checkTxtResult(t, data, n, err)
		if err == nil {
			for i, a := range n.Actors() {
				if a.ID != strconv.Itoa(i+1) {
					t.Fatalf("Pajek actor %d has ID %q", i+1, a.ID)
				}
			}
		}
	})
}
