package netio_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/netio"
)

// FuzzReadGraphML checks that ReadGraphML never panics, that every error is
// a *network.ParseError with a file and a line, and that whatever it reads
// is written by WriteGraphML into a document that reads back equal (and
// that writing is deterministic). Within small limits it must allocate
// little, fail only with located limit errors or the error it gives
// without them, and read what it reads the same as without them.
func FuzzReadGraphML(f *testing.F) {
	files, err := filepath.Glob(filepath.Join(gmlTestdata, "*.graphml"))
	require.NoError(f, err)
	require.NotEmpty(f, files)
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(data)
	}
	for _, c := range gmlErrorCases {
		f.Add([]byte(c.doc))
	}
	for _, s := range gmlFuzzSeeds {
		f.Add([]byte(s))
	}
	for _, n := range []*network.Network{gmlFullNetwork(f), gmlAllMutual(f, gmlFullNetwork(f))} {
		var b bytes.Buffer
		require.NoError(f, netio.WriteGraphML(&b, n))
		f.Add(b.Bytes())
	}

	f.Add([]byte(`<graphml><graph>` + strings.Repeat(`<node id="x"/>`, 20)))
	f.Add([]byte(`<graphml><graph>` + strings.Repeat(`<x>`, 40)))
	f.Add([]byte(`<graphml><graph><node id="x"` + strings.Repeat(` a=""`, 40) + `/></graph></graphml>`))

	f.Fuzz(func(t *testing.T, data []byte) {
		// Within small limits: no panic, little memory, errors located,
		// and what reads reads the same without them.
		var small *network.Network
		var smallErr error
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		small, smallErr = netio.ReadGraphML(bytes.NewReader(data), "fuzz.graphml", gmlFuzzLimits)
		runtime.ReadMemStats(&after)
		if d := after.TotalAlloc - before.TotalAlloc; d > 256<<20 {
			t.Fatalf("allocated %d MB for one input", d>>20)
		}

		n, err := netio.ReadGraphML(bytes.NewReader(data), "fuzz.graphml", network.Limits{})
		switch {
		case smallErr == nil:
			require.NoError(t, err, "reads within small limits")
			gmlRequireEqual(t, small, n)
			require.LessOrEqual(t, small.NumActors()+small.NumLinks(), gmlFuzzLimits.MaxRecords)
		case errors.Is(smallErr, network.ErrTooLarge):
			if !strings.Contains(smallErr.Error(), "Limits.Max") && !strings.Contains(smallErr.Error(), "a fixed limit") {
				t.Fatalf("limit error does not say which limit: %v", smallErr)
			}
			var pe *network.ParseError
			if !errors.As(smallErr, &pe) || pe.File != "fuzz.graphml" || pe.Line < 1 {
				t.Fatalf("limit error without file or line: %v", smallErr)
			}
		default:
			require.Error(t, err)
			require.Equal(t, smallErr.Error(), err.Error(), "limits only add errors")
		}
		if err != nil {
			var pe *network.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not a *network.ParseError: %v", err, err)
			}
			if pe.File != "fuzz.graphml" || pe.Line < 1 {
				t.Fatalf("error without file or line: %#v", pe)
			}
			return
		}
		var b bytes.Buffer
		require.NoError(t, netio.WriteGraphML(&b, n))
		written := b.String()
		back, err := netio.ReadGraphML(&b, "again.graphml", network.Limits{})
		require.NoError(t, err, "reading back:\n%s", written)
		gmlRequireEqual(t, n, back)
		var b2 bytes.Buffer
		require.NoError(t, netio.WriteGraphML(&b2, back))
		require.Equal(t, written, b2.String())
	})
}

// gmlFuzzLimits are the small limits of FuzzReadGraphML.
var gmlFuzzLimits = network.Limits{MaxBytes: 1 << 16, MaxRecords: 30}

// gmlFuzzSeeds are small valid documents that reach the less common paths.
var gmlFuzzSeeds = []string{
	`<graphml><key id="a" attr.name="name"><default>dflt</default></key><graph><data key="a">net</data><node id="x"/><edge source="x" target="x"><data key="a">e</data></edge></graph></graphml>`,
	`<graphml><key id="m" for="edge" attr.name="mutual" attr.type="boolean"/><key id="w" for="edge" attr.name="weight" attr.type="long"/><graph edgedefault="undirected"><edge source="b" target="a" directed="true"><data key="w">4</data></edge><node id="a"/><node id="b"/><edge source="a" target="b"><data key="m">false</data></edge></graph></graphml>`,
	`<graphml><key id="s" for="node" attr.name="sectors"/><key id="al" for="node" attr.name="aliases"/><graph><node id="n"><data key="s">criminal;state</data><data key="al">["a;b","\u0001",""]</data></node></graph></graphml>`,
	`<graphml><key id="g" for="edge" attr.name="grade"/><key id="st" for="edge" attr.name="start"/><key id="en" for="edge" attr.name="end"/><graph><node id="a"/><edge source="a" target="a"><data key="g">e5/5</data><data key="st">2001-02</data><data key="en">2001-02-28</data></edge></graph></graphml>`,
	`<graphml><key id="y" for="node" yfiles.type="nodegraphics"/><key id="p" for="port" attr.name="p"/><graph><node id="a"><data key="y"><y:ShapeNode xmlns:y="urn:y"/></data><port name="p"><data key="p">1</data></port></node></graph></graphml>`,
	"\ufeff<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<!DOCTYPE graphml>\r\n<graphml><graph><node id=\"&#xD;&#9;x\"/></graph></graphml>\r\n",
}
