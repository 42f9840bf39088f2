// Command analyze is the command-line front end of the illicit library for
// people who do not write Go. It reads a network in any supported format
// and prints results to standard output.
//
// Usage:
//
//	go run ./examples/analyze summary -in FILE [-nodes NODES.csv] [-format F] [-directed]
//	go run ./examples/analyze measures -in FILE [-directed] [-weighted] [-measures LIST] [-normalized=true|false] [-json]
//	go run ./examples/analyze nexus -in FILE [-a SECTOR] [-b SECTOR] [-directed] [-weighted] [-elements LIST] [-betweenness] [-json]
//	go run ./examples/analyze keyplayers -in FILE [-k 3] [-objective fragment|dfragment|reach|dreach] [-m 1] [-seed 1] [-restarts 0] [-candidates IDS] [-elements LIST] [-json]
//	go run ./examples/analyze disrupt -in FILE [-strategy degree|betweenness|nexus|keyplayer|random] [-sequential] [-steps N] [-seed S] [-recovery P] [-a SECTOR] [-b SECTOR] [-elements LIST] [-json]
//	go run ./examples/analyze warn -in FILE (-from1 D -to1 D -from2 D -to2 D | -in2 FILE2) [-top N] [-a SECTOR] [-b SECTOR] [-json]
//	go run ./examples/analyze convert -in FILE -out FILE [-nodes NODES.csv] [-format F] [-to F] [-directed]
//
// Formats are chosen by file extension unless -format (input) or -to
// (output) is given: .json (native), .graphml, .dl (UCINET DL), .net
// (Pajek), .csv (edge list, with an optional node table given by -nodes),
// and a directory holding actors.csv and links.csv (native CSV).
// Run "analyze COMMAND -h" for each command's flags.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/measure"
	"github.com/illicitnet/illicit/network/netio"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `analyze: analyse illicit networks

Commands:
  summary   print what a network holds: actors by sector and kind, links by
            element, grading and time coverage, components, top actors by degree
  measures  print centralities and structural-hole measures per actor as
            CSV (or JSON), equal to NetworkX's
  nexus     print the convergence nodes between two sectors (criminal and
            terrorist by default) with nexus betweenness and their
            convergence score, or (-betweenness) every actor's nexus
            betweenness
  keyplayers
            find a set of k key players (Borgatti 2006): whose removal
            fragments the network most, or who reach it best
  disrupt   simulate the removal of actors one at a time (by degree,
            betweenness, nexus betweenness, key player or at random,
            optionally with recovery) and print the damage at each step
  warn      compare two snapshots (two files or two time windows) for
            early-warning signs: new cross-sector links, new brokers and
            rises of nexus betweenness
  convert   convert a network between formats (json, csv directory, graphml;
            reads also edge lists, UCINET DL and Pajek)

Run "analyze COMMAND -h" for a command's flags.
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "help" {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	var err error
	switch args[0] {
	case "summary":
		err = summaryCmd(args[1:], stdout, stderr)
	case "measures":
		err = measuresCmd(args[1:], stdout, stderr)
	case "nexus":
		err = nexusCmd(args[1:], stdout, stderr)
	case "keyplayers":
		err = keyplayersCmd(args[1:], stdout, stderr)
	case "disrupt":
		err = disruptCmd(args[1:], stdout, stderr)
	case "warn":
		err = warnCmd(args[1:], stdout, stderr)
	case "convert":
		err = convertCmd(args[1:], stderr)
	default:
		fmt.Fprintf(stderr, "analyze: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case err != nil:
		fmt.Fprintln(stderr, "analyze:", err)
		return 1
	}
	return 0
}

var errUsage = errors.New("usage")

// input holds the flags every command uses to read a network.
type input struct {
	in, nodes, format string
	directed          bool
}

func (in *input) register(fs *flag.FlagSet) {
	fs.StringVar(&in.in, "in", "", "input `file` (or directory for native CSV)")
	fs.StringVar(&in.nodes, "nodes", "", "node table `file` for an edge-list input (id,label,... columns)")
	fs.StringVar(&in.format, "format", "", "input `format`: json, csv, edgelist, graphml, dl, pajek (default: by extension)")
	fs.BoolVar(&in.directed, "directed", false, "links have a direction: an edge list's rows are one-way links, and analyses follow link directions (default: every link a two-way tie)")
}

func (in *input) load() (*network.Network, error) {
	if in.in == "" {
		return nil, fmt.Errorf("-in is required")
	}
	return netio.Load(in.in, netio.LoadOptions{Format: netio.Format(in.format), Nodes: in.nodes, Directed: in.directed})
}

func parse(fs *flag.FlagSet, args []string, stderr io.Writer) error {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "analyze %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	return nil
}

const summaryHelp = `usage: analyze summary -in FILE [flags]

Prints what the network holds: counts over the whole network, then the
graph of the links the scope flags keep, read as undirected.
`

const convertHelp = `usage: analyze convert -in FILE -out FILE [flags]

Converts between formats without loss (json, csv, graphml). Flags:
`

// newCommand returns the flag set of a subcommand that reads a network:
// the input flags (-in, -nodes, -format, -directed) registered, and -h
// printing help followed by every flag.
func newCommand(name, help string, stderr io.Writer) (*flag.FlagSet, *input) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	in := &input{}
	in.register(fs)
	fs.Usage = func() {
		fmt.Fprint(stderr, help)
		fs.PrintDefaults()
	}
	return fs, in
}

// newAnalysis returns the flag set of an analysing subcommand: the input
// flags and the scope flags (with -a and -b if sets), -h printing help,
// the scope flags' summary and every flag.
func newAnalysis(name, help string, stderr io.Writer, sets bool) (*flag.FlagSet, *input, *scopeFlags) {
	fs, in := newCommand(name, help, stderr)
	sf := &scopeFlags{}
	sf.register(fs, sets)
	fs.Usage = func() {
		fmt.Fprint(stderr, help)
		fmt.Fprint(stderr, scopeFlagsHelp)
		fmt.Fprintln(stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	return fs, in, sf
}

// jsonFlag registers -json.
func jsonFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("json", false, "print JSON instead of CSV")
}

func summaryCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf := newAnalysis("summary", summaryHelp, stderr, false)
	top := fs.Int("top", 5, "number of top actors by degree to list")
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if *top < 0 {
		return fmt.Errorf("-top must not be negative, got %d", *top)
	}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	return summarize(stdout, s, *top)
}

func convertCmd(args []string, stderr io.Writer) error {
	fs, in := newCommand("convert", convertHelp, stderr)
	out := fs.String("out", "", "output `file` (or directory for native CSV)")
	to := fs.String("to", "", "output `format`: json, csv, graphml (default: by extension)")
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("-out is required")
	}
	n, err := in.load()
	if err != nil {
		return err
	}
	return netio.Save(n, *out, netio.Format(*to))
}

// summarize prints a plain-text overview of the network of the scope and of
// the scope's graph.
func summarize(w io.Writer, s *analysis.Scope, top int) error {
	n := s.Network()
	name := n.Name
	if name == "" {
		name = "(unnamed)"
	}
	fmt.Fprintf(w, "network      %s\n", name)
	if n.Description != "" {
		fmt.Fprintf(w, "description  %s\n", n.Description)
	}
	actors, links := n.Actors(), n.Links()
	fmt.Fprintf(w, "actors       %d\n", len(actors))
	fmt.Fprintf(w, "links        %d\n", len(links))

	sectorCount := map[string]int{}
	kindCount := map[string]int{}
	hybrids := 0
	for _, a := range actors {
		secs := a.AllSectors()
		if len(secs) == 0 {
			sectorCount["(none)"]++
		}
		for _, s := range secs {
			sectorCount[s.String()]++
		}
		kindCount[a.Kind.String()]++
		if a.Hybrid() {
			hybrids++
		}
	}
	printCounts(w, "by sector", sectorCount)
	printCounts(w, "by kind", kindCount)
	fmt.Fprintf(w, "hybrid actors  %d\n", hybrids)

	elemCount := map[string]int{}
	typeCount := map[string]int{}
	mutual, graded, timed, self := 0, 0, 0, 0
	for _, l := range links {
		elemCount[l.Element.String()]++
		if l.Type != "" {
			typeCount[l.Type]++
		}
		if l.Mutual {
			mutual++
		}
		if !l.Grade.IsZero() {
			graded++
		}
		if !l.Start.IsZero() || !l.End.IsZero() {
			timed++
		}
		if l.From == l.To {
			self++
		}
	}
	printCounts(w, "links by element", elemCount)
	if len(typeCount) > 0 {
		printCounts(w, "links by type", typeCount)
	}
	fmt.Fprintf(w, "mutual links   %d\n", mutual)
	fmt.Fprintf(w, "graded links   %d\n", graded)
	fmt.Fprintf(w, "dated links    %d\n", timed)
	fmt.Fprintf(w, "self-links     %d\n", self)

	g := s.StrengthGraph().Undirected()
	nn := g.Len()
	density := 0.0
	if nn > 1 {
		density = 2 * float64(g.NumEdges()) / float64(nn*(nn-1))
	}
	cc := measure.Components(g)
	sizes := make([]int, len(cc))
	for i, c := range cc {
		sizes[i] = len(c)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(sizes)))
	what := "all links"
	if nn < n.NumActors() || s.View().NumLinks() < len(links) {
		what = fmt.Sprintf("%d actors and %d links kept by the scope", nn, s.View().NumLinks())
	}
	fmt.Fprintf(w, "\nundirected simple graph (%s, self-links dropped)\n", what)
	fmt.Fprintf(w, "  edges        %d\n", g.NumEdges())
	fmt.Fprintf(w, "  density      %.4f\n", density)
	fmt.Fprintf(w, "  components   %d %v\n", len(cc), sizes)

	top = min(top, nn)
	if top > 0 {
		degree := make([]float64, nn)
		for i := range degree {
			degree[i] = float64(g.OutDegree(i))
		}
		fmt.Fprintf(w, "  top %d by degree\n", top)
		for _, d := range s.Scores(degree).Top(top) {
			a, _ := n.Actor(d.Actor)
			fmt.Fprintf(w, "    %-30s %d\n", a.Label(), int(d.Value))
		}
	}
	return nil
}

func printCounts(w io.Writer, title string, counts map[string]int) {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, counts[k])
	}
	fmt.Fprintf(w, "%-14s %s\n", title, strings.Join(parts, ", "))
}
