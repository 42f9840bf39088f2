// Command bench times one measure of package measure on an edge list, for
// comparisons with other tools (see compare_paths.py next to it).
//
// Usage:
//
//	go run ./examples/bench -graph FILE -measure betweenness|closeness|harmonic|edge-betweenness [-workers N] [-repeat 3] [-directed]
//	go run ./examples/bench -routes FILE -flow maxflow|kcheapest|mincost [-sources 10] [-k 10] [-repeat 3]
//
// The second form times the supply-chain route analyses of package
// supplychain on a route file of "from,to,capacity,cost" lines (see
// compare_flow.py, which writes it and times python-igraph and NetworkX
// on the same file).
//
// FILE is an edge list of integer node indices 0 … max, one "source,target"
// pair per line (or "source target", and an optional third column, an edge
// length), with an optional header line, as read by measure.ReadEdgeList;
// the comparison scripts write it with NetworkX. The graph is loaded once,
// the measure is run -repeat times in-process, and the median wall-clock
// time in seconds is printed with the node and edge counts:
//
//	measure=betweenness n=10000 m=49975 workers=1 median_s=2.345678
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
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
	file := fs.String("graph", "", "edge list (source,target per line)")
	which := fs.String("measure", "betweenness", "betweenness, edge-betweenness, closeness or harmonic")
	workers := fs.Int("workers", 0, "goroutines (0: GOMAXPROCS)")
	repeat := fs.Int("repeat", 3, "runs; the median time is printed")
	directed := fs.Bool("directed", false, "read arcs, not undirected edges")
	routes := fs.String("routes", "", "route file (from,to,capacity,cost per line) for -flow")
	flowKind := fs.String("flow", "maxflow", "route analysis: maxflow, kcheapest or mincost")
	sources := fs.Int("sources", 10, "sources (the first nodes) and markets (the last nodes) of -flow")
	k := fs.Int("k", 10, "routes of -flow kcheapest")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *routes != "" {
		return runFlow(*routes, *flowKind, *sources, *k, *repeat, out)
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

// load reads the edge list at path.
func load(path string, directed bool) (*measure.Graph, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g, err := measure.ReadEdgeList(f, directed)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}
