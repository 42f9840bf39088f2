// Command bench times one measure of package measure on an edge list, for
// comparisons with other tools (see compare_paths.py next to it).
//
// Usage:
//
//	go run ./examples/bench -graph FILE -measure betweenness|closeness|harmonic|edge-betweenness [-workers N] [-repeat 3] [-directed]
//
// FILE is a CSV edge list, one "source,target" pair per line (further
// columns and a non-numeric header line are ignored). Node labels that are
// all integers are used as node indices 0 … max; other labels are numbered
// in order of appearance. The graph is loaded once, the measure is run
// -repeat times in-process, and the median wall-clock time in seconds is
// printed with the node and edge counts:
//
//	measure=betweenness n=10000 m=49975 workers=1 median_s=2.345678
package main

import (
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"time"

	"github.com/illicitnet/illicit/network/measure"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	file := fs.String("graph", "", "CSV edge list (source,target per line)")
	which := fs.String("measure", "betweenness", "betweenness, edge-betweenness, closeness or harmonic")
	workers := fs.Int("workers", 0, "goroutines (0: GOMAXPROCS)")
	repeat := fs.Int("repeat", 3, "runs; the median time is printed")
	directed := fs.Bool("directed", false, "read arcs, not undirected edges")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *file == "" {
		return errors.New("-graph is required")
	}
	g, err := load(*file, *directed)
	if err != nil {
		return err
	}
	opt := measure.Options{Workers: *workers}
	var f func()
	switch *which {
	case "betweenness":
		f = func() { measure.Betweenness(g, true, opt) }
	case "edge-betweenness":
		f = func() { measure.EdgeBetweenness(g, true, opt) }
	case "closeness":
		f = func() { measure.Closeness(g, true, opt) }
	case "harmonic":
		f = func() { measure.Harmonic(g, opt) }
	default:
		return fmt.Errorf("unknown measure %q", *which)
	}
	times := make([]float64, 0, *repeat)
	for range max(1, *repeat) {
		t := time.Now()
		f()
		times = append(times, time.Since(t).Seconds())
	}
	slices.Sort(times)
	fmt.Fprintf(out, "measure=%s n=%d m=%d workers=%d median_s=%.6f\n",
		*which, g.Len(), g.NumEdges(), *workers, times[len(times)/2])
	return nil
}

// load reads a CSV edge list.
func load(path string, directed bool) (*measure.Graph, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	r := csv.NewReader(fh)
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	var src, dst []string
	for line := 1; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(rec) < 2 {
			return nil, fmt.Errorf("%s:%d: want source,target", path, line)
		}
		src, dst = append(src, rec[0]), append(dst, rec[1])
	}
	// A non-numeric first line among numeric ones is a header.
	if len(src) > 1 && !isInt(src[0]) && isInt(src[1]) {
		src, dst = src[1:], dst[1:]
	}
	from, to := make([]int, len(src)), make([]int, len(src))
	n := 0
	if allInt(src) && allInt(dst) {
		for k := range src {
			from[k], _ = strconv.Atoi(src[k])
			to[k], _ = strconv.Atoi(dst[k])
			if from[k] < 0 || to[k] < 0 {
				return nil, fmt.Errorf("%s: negative node label", path)
			}
			n = max(n, from[k]+1, to[k]+1)
		}
	} else {
		index := map[string]int{}
		id := func(s string) int {
			i, ok := index[s]
			if !ok {
				i = len(index)
				index[s] = i
			}
			return i
		}
		for k := range src {
			from[k], to[k] = id(src[k]), id(dst[k])
		}
		n = len(index)
	}
	return measure.FromEdges(n, directed, from, to, nil)
}

func isInt(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

func allInt(s []string) bool {
	for _, x := range s {
		if !isInt(x) {
			return false
		}
	}
	return true
}
