// Command analyze is the command-line front end of the illicit library for
// people who do not write Go. It reads a network in any supported format
// and prints results to standard output: CSV tables (or JSON with -json)
// in which every actor is given by its id and its name.
//
// Usage:
//
//	go run ./examples/analyze COMMAND -in FILE [flags]
//
// Commands: report, summary, measures, communities, brokerage, ei, nexus,
// corruption, triangles, continuum, chain, audit, profile, trails,
// routes, interdict, displace, counter, keyplayers, disrupt, warn, convert,
// fuse, robust.
// Every analysing command takes the same input flags (how to read and
// type the data), the same scope flags (what to analyse) and the same
// output flags (-top, -json); "analyze COMMAND -h" lists them in that
// order, then the command's own flags.
//
// For instance, the 9/11 network of Krebs (2002) typed from its hijacker
// attribute, as a terrorist cell with facilitators:
//
//	go run ./examples/analyze nexus -in testdata/krebs-911/edges.csv -nodes testdata/krebs-911/nodes.csv \
//	    -kind-map 'hijacker:true=operative,hijacker:false=facilitator' -a facilitator -b terrorist
//
// Formats are chosen by file extension unless -format is given: .json
// (native), .graphml, .dl (UCINET DL), .net (Pajek), .csv or .tsv (an edge
// list, with an optional node table given by -nodes), and a directory
// holding actors.csv and links.csv (native CSV). -in - reads standard
// input in the format -format names.
//
// Exit status: 0 on success, also when some measure could not be computed
// (its column is empty and a warning on standard error says why and what
// to do); 1 when the input cannot be read or the analysis fails; 2 for a
// usage error (unknown command or flag, missing or invalid flag value).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/network/netio"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// stdin is what -in - reads; tests replace it.
var stdin io.Reader = os.Stdin

const usage = `analyze: analyse illicit networks

Commands:
  report       the main job: a threat assessment (HTML, Markdown, JSON and
               pictures) of a network, by default the bundled Western
               Hemisphere scenario: "analyze report" writes report/
  summary      what a network holds: actors by sector and kind, links by
               element, grading and time coverage, components, top actors
  measures     centralities and structural-hole measures per actor (equal
               to NetworkX's)
  communities  Louvain communities, also multiplex over elements or types
  brokerage    Gould–Fernandez brokerage roles for groups given by an
               attribute, with expected values and z-scores as R's sna
  ei           Krackhardt–Stern E–I index of groups, with a permutation test
  nexus        convergence nodes between two sectors (criminal and
               terrorist by default), or every actor's nexus betweenness
  corruption   corruption nodes: state actors tied to sets A or B
  triangles    iron triangles of state, licit and criminal actors
  continuum    pairs of groups placed on the crime–terror continuum
  chain        the supply chain of a commodity, with every actor's roles
  audit        the four critical elements' questions answered for a chain
  profile      the four elements each actor's links carry, in and out
  trails       money trails from set A to set B, gateways, laundering patterns
  routes       the k cheapest routes from sources to markets, chokepoints
  interdict    maximum flow and minimum cut; the best links or places to cut
  displace     route supply to demand at least cost, interdict, re-route
  counter      the counter-network: ratings on the five critical elements,
               coverage, the critical points no body covers, duplication
  keyplayers   a set of k key players (Borgatti 2006)
  disrupt      removal of actors one at a time and the damage at each step
  warn         early-warning signs between two snapshots or time windows
  convert      convert a network between formats (writes json, csv
               directory, graphml, gexf, dot, cyjs)
  fuse         fuse networks from several sources into one: actors matched
               by name, aliases and attributes, every record and report kept
  robust       how much a ranking rests on poorly graded links: by grade
               threshold, by Monte Carlo over the grades, link by link

Run "analyze COMMAND -h" for a command's flags.
`

type command struct {
	name string
	run  func(args []string, stdout, stderr io.Writer) error
}

var commands = []command{
	{"report", reportCmd},
	{"summary", summaryCmd},
	{"measures", measuresCmd},
	{"communities", communitiesCmd},
	{"brokerage", brokerageCmd},
	{"ei", eiCmd},
	{"nexus", nexusCmd},
	{"corruption", corruptionCmd},
	{"triangles", trianglesCmd},
	{"continuum", continuumCmd},
	{"chain", chainCmd},
	{"audit", auditCmd},
	{"profile", profileCmd},
	{"trails", trailsCmd},
	{"routes", routesCmd},
	{"interdict", interdictCmd},
	{"displace", displaceCmd},
	{"counter", counterCmd},
	{"keyplayers", keyplayersCmd},
	{"disrupt", disruptCmd},
	{"warn", warnCmd},
	{"convert", convertCmd},
	{"fuse", fuseCmd},
	{"robust", robustCmd},
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "help" {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	i := slices.IndexFunc(commands, func(c command) bool { return c.name == args[0] })
	if i < 0 {
		fmt.Fprintf(stderr, "analyze: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	err := commands[i].run(args[1:], stdout, stderr)
	var ue *usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		if ue.msg != "" {
			fmt.Fprintf(stderr, "analyze %s: %s\nRun \"analyze %s -h\" for its flags.\n", args[0], plain(ue.msg), args[0])
		}
		return 2
	}
	msg := plain(err.Error())
	if errors.Is(err, analysis.ErrEmptySet) {
		msg += "; on the command line: -kind-map attribute:value=kind types actors from an attribute, and -a, -b choose the sets"
	}
	fmt.Fprintf(stderr, "analyze %s: %s\n", args[0], msg)
	return 1
}

// cliWords replaces, in the library's messages, the names of Go fields and
// functions by the flags that set them, and drops package prefixes, which
// say nothing to a command-line user.
var cliWords = strings.NewReplacer(
	"Limits.MaxRecords", "-max-records", "Limits.MaxBytes", "-max-bytes",
	"(WeightColumn)", "(-weight-column)",
	"Actor.Kind and Actor.Sectors; a node table's kind and sectors columns", "a node table's kind and sectors columns",
	`label the actors with NewGroups (a label such as "none" for the missing values makes them a group of their own)`, "give -missing LABEL to put them in a group of their own",
	"view window: ", "-from, -to: ", "view: At cannot be combined with From or To", "-at cannot be combined with -from or -to",
	"give it explicitly", "give it with -format",
)

func plain(msg string) string {
	return cliWords.Replace(packagePrefix.ReplaceAllString(msg, "$1"))
}

// packagePrefix matches a package's prefix ("nexus: ") at the start of a
// message or of a wrapped part of it, not within a word such as
// "-analysis: ".
var packagePrefix = regexp.MustCompile(`(^|: |\()(?:nexus|measure|analysis|assess|supplychain|robust|fuse|report|netio): `)

// usageError is a usage error: a bad or missing flag. Its message (if any)
// is printed with a pointer to -h; the exit status is 2.
type usageError struct{ msg string }

// Error implements error.
func (e *usageError) Error() string { return e.msg }

// usagef returns a usageError.
func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// warnf prints a warning of command cmd on stderr.
func warnf(stderr io.Writer, cmd, format string, args ...any) {
	fmt.Fprintf(stderr, "analyze %s: warning: %s\n", cmd, fmt.Sprintf(format, args...))
}

// The flags shared by every command that reads a network, in the order
// -h lists them.
var (
	inputFlagNames  = []string{"in", "nodes", "format", "one-way", "weight-column", "kind-map", "project", "max-bytes", "max-records"}
	scopeFlagNames  = []string{"directed", "elements", "types", "sectors", "from", "to", "at", "min-grade", "drop-isolates", "aggregate", "weights", "weighted", "a", "b"}
	outputFlagNames = []string{"top", "json"}
)

// input holds the flags that say how to read and type a network.
type input struct {
	cmd                  string
	in, nodes, format    string
	oneWay               bool
	weightColumn         string
	kindMap, project     string
	maxBytes, maxRecords int64
	stderr               io.Writer
	help                 bool // -h was asked for
}

func (in *input) register(fs *flag.FlagSet) {
	fs.StringVar(&in.in, "in", "", "input `file` (a directory for native CSV; - for standard input, with -format)")
	fs.StringVar(&in.nodes, "nodes", "", "node table `file` of an edge list: id, label or name, kind, sectors and attribute columns")
	fs.StringVar(&in.format, "format", "", "input `format`: json, csv, edgelist, graphml, dl, pajek (default: by extension)")
	fs.BoolVar(&in.oneWay, "one-way", false, "read an edge list's rows as one-way links, source to target (default: two-way ties)")
	fs.StringVar(&in.weightColumn, "weight-column", "", "`column` of an edge list holding the link weight (default: weight)")
	fs.StringVar(&in.kindMap, "kind-map", "", "give actors kinds from an attribute: `rules` attribute:value=kind, comma-separated (e.g. hijacker:true=operative,hijacker:false=facilitator), or @FILE with one rule per line")
	fs.StringVar(&in.project, "project", "", "analyse the one-mode projection of a two-mode network: keep the actors whose attribute has this value, `key=value`, tied by the number of neighbours they share")
	fs.Int64Var(&in.maxBytes, "max-bytes", 0, fmt.Sprintf("most `bytes` read from one input (0: %d; negative: no limit)", network.DefaultMaxBytes))
	fs.Int64Var(&in.maxRecords, "max-records", 0, fmt.Sprintf("most `records` (actors, links, rows) in one input (0: %d; negative: no limit)", network.DefaultMaxRecords))
}

func (in *input) loadOptions() netio.LoadOptions {
	records := in.maxRecords
	if records > int64(int(^uint(0)>>1)) {
		records = -1
	}
	return netio.LoadOptions{
		Format: netio.Format(in.format), Nodes: in.nodes, Directed: in.oneWay, WeightColumn: in.weightColumn,
		Limits: network.Limits{MaxBytes: in.maxBytes, MaxRecords: int(records)}, Stdin: stdin,
	}
}

// check validates the input flags that can be checked before reading.
func (in *input) check() error {
	if in.in == "" {
		return usagef("-in is required: the network file to read")
	}
	if in.format != "" && !slices.Contains(netio.Formats(), netio.Format(in.format)) {
		return usagef("-format: unknown format %q (want one of json, csv, edgelist, graphml, dl, pajek)", in.format)
	}
	if in.in == "-" && in.format == "" {
		return usagef("-in - reads standard input: give its format with -format (an edge list: -format edgelist)")
	}
	if in.project != "" {
		key, value, ok := strings.Cut(in.project, "=")
		if !ok || strings.TrimSpace(key) == "" || strings.TrimSpace(value) == "" {
			return usagef("-project: want key=value, e.g. type=person, got %q", in.project)
		}
	}
	return nil
}

// load reads the network of -in with the node table of -nodes.
func (in *input) load(view network.ViewOptions) (*network.Network, error) {
	return in.loadFile(in.in, in.nodes, view)
}

// loadFile reads a network and applies -kind-map and -project (see
// prepare).
func (in *input) loadFile(path, nodes string, view network.ViewOptions) (*network.Network, error) {
	rules, err := in.kindRules()
	if err != nil {
		return nil, err
	}
	opts := in.loadOptions()
	opts.Nodes = nodes
	f := opts.Format
	if f == "" && path != "-" {
		f, _ = netio.FormatOf(path)
	}
	if f != netio.EdgeList && in.stderr != nil {
		for _, flag := range []struct {
			name string
			set  bool
		}{{"-one-way", in.oneWay}, {"-weight-column", in.weightColumn != ""}} {
			if flag.set {
				warnf(in.stderr, in.cmd, "%s applies to edge lists only; a %s file says itself which links are one-way and what the weights are", flag.name, f)
			}
		}
	}
	n, err := netio.Load(path, opts)
	if err != nil {
		return nil, err
	}
	return in.prepare(n, rules, view)
}

// kindRules reads the rules of -kind-map (nil without it).
func (in *input) kindRules() ([]network.KindRule, error) {
	if in.kindMap == "" {
		return nil, nil
	}
	text := in.kindMap
	if file, ok := strings.CutPrefix(text, "@"); ok {
		f, err := os.Open(file)
		if err != nil {
			return nil, fmt.Errorf("-kind-map: %v", err)
		}
		b, err := network.Limits{MaxBytes: 1 << 20}.ReadAll(f, file)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("-kind-map: %v", err)
		}
		text = string(b)
	}
	rules, err := network.ParseKindMap(text)
	if err != nil {
		return nil, usagef("-kind-map: %v", strings.TrimPrefix(err.Error(), "kind map "))
	}
	return rules, nil
}

// prepare applies the kind rules and -project to a network read. A
// projection ties the actors through the links that view keeps (its
// elements, types, window and grade), since the projected ties have none
// of these; the caller then analyses the projection without them.
func (in *input) prepare(n *network.Network, rules []network.KindRule, view network.ViewOptions) (*network.Network, error) {
	if rules != nil {
		if _, err := network.MapKinds(n, rules); err != nil {
			return nil, fmt.Errorf("-kind-map: %v", strings.TrimPrefix(err.Error(), "kind map: "))
		}
	}
	if in.project != "" {
		key, value, _ := strings.Cut(in.project, "=")
		kept, err := n.Subnetwork(nil, view.KeepsLink)
		if err != nil {
			return nil, err
		}
		if n, err = network.Project(kept, strings.TrimSpace(key), strings.TrimSpace(value)); err != nil {
			return nil, fmt.Errorf("-project: %v", err)
		}
	} else if key, values, ok := network.TwoMode(n); ok && in.stderr != nil {
		warnf(in.stderr, in.cmd, "every link joins an actor with %s=%s to one with %s=%s: this looks like a two-mode network analysed as one-mode; analyse its projection with -project %s=%s (or %s=%s)",
			key, values[0], key, values[1], key, values[0], key, values[1])
	}
	return n, nil
}

// parse parses the flags; errors are usage errors.
func parse(fs *flag.FlagSet, in *input, args []string) error {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" || a == "--h" {
			in.help = true
		}
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{} // the flag package printed the message and the usage
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q (flags go before it, as -name value)", fs.Arg(0))
	}
	return nil
}

// newCommand returns the flag set of a subcommand that reads a network,
// with the input flags registered and -h printing the help text, then
// the flags in groups: the shared ones in one order, then the command's.
func newCommand(name, help string, stderr io.Writer) (*flag.FlagSet, *input) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := &input{cmd: name, stderr: stderr}
	in.register(fs)
	fs.Usage = func() {
		if !in.help {
			// A bad flag: the flag package said which; point to -h.
			fmt.Fprintf(stderr, "Run \"analyze %s -h\" for its flags.\n", name)
			return
		}
		fmt.Fprint(stderr, help)
		printFlagGroups(stderr, fs)
	}
	return fs, in
}

// printFlagGroups prints the flags of fs: input, scope and output flags in
// their fixed order, then the command's own flags by name.
func printFlagGroups(w io.Writer, fs *flag.FlagSet) {
	shared := slices.Concat(inputFlagNames, scopeFlagNames, outputFlagNames)
	groups := []struct {
		title string
		names []string
	}{
		{"Input (how to read and type the data):", inputFlagNames},
		{"Scope (what to analyse):", scopeFlagNames},
		{"Output:", outputFlagNames},
	}
	var own []string
	fs.VisitAll(func(f *flag.Flag) {
		if !slices.Contains(shared, f.Name) {
			own = append(own, f.Name)
		}
	})
	groups = append(groups, struct {
		title string
		names []string
	}{"Command flags:", own})
	for _, g := range groups {
		printed := false
		for _, name := range g.names {
			f := fs.Lookup(name)
			if f == nil {
				continue
			}
			if !printed {
				fmt.Fprintf(w, "\n%s\n", g.title)
				printed = true
			}
			printFlag(w, f)
		}
	}
}

// printFlag prints one flag as flag.PrintDefaults does.
func printFlag(w io.Writer, f *flag.Flag) {
	name, text := flag.UnquoteUsage(f)
	line := "  -" + f.Name
	if name != "" {
		line += " " + name
	}
	line += "\n    \t" + strings.ReplaceAll(text, "\n", "\n    \t")
	switch fmt.Sprintf("%T", f.Value) {
	case "*flag.boolValue":
		if f.DefValue != "false" {
			line += " (default " + f.DefValue + ")"
		}
	case "*flag.stringValue":
		if f.DefValue != "" {
			line += fmt.Sprintf(" (default %q)", f.DefValue)
		}
	default:
		if f.DefValue != "0" {
			line += " (default " + f.DefValue + ")"
		}
	}
	fmt.Fprintln(w, line)
}

const convertHelp = `usage: analyze convert -in FILE -out FILE [flags]

Converts a network between formats. Without loss: native JSON (.json), a
native CSV directory (a path without extension) and GraphML (.graphml,
names written as label, which Gephi and yEd show). For other tools
(export only): GEXF for Gephi (.gexf: attributes, link dates as GEXF
dynamics, and with -measures the chosen measures as node attributes),
Graphviz DOT (.dot, .gv) and Cytoscape.js JSON (.cyjs). Every format the
other commands read can be read. -kind-map and -project apply before
writing.
`

func convertCmd(args []string, _, stderr io.Writer) error {
	fs, in := newCommand("convert", convertHelp, stderr)
	out := fs.String("out", "", "output `file` (a directory for native CSV)")
	to := fs.String("out-format", "", "output `format`: json, csv, graphml, gexf, dot or cyjs (default: by extension)")
	list := fs.String("measures", "", "comma-separated `list` of measures (as the measures command's, on the undirected unweighted graph) written as GEXF node attributes")
	if err := parse(fs, in, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("-out is required: the file to write")
	}
	f := netio.Format(*to)
	if f == "" {
		if g, err := netio.FormatOf(*out); err == nil {
			f = g
		} else if g, err := netio.ExportFormatOf(*out); err == nil {
			f = g
		} else if !strings.Contains(filepath.Base(*out), ".") {
			f = netio.CSV
		}
	}
	export := slices.Contains(netio.ExportFormats(), f)
	switch {
	case export:
	case f == netio.JSON, f == netio.CSV, f == netio.GraphML:
	default:
		return usagef("cannot write %q: convert writes json (.json), csv (a directory), graphml (.graphml), gexf (.gexf), dot (.dot, .gv) or cyjs (.cyjs)", *out)
	}
	names := splitList(*list)
	for _, m := range names {
		if !slices.Contains(measureNames, m) {
			return usagef("-measures: unknown measure %q (want some of %s)", m, strings.Join(measureNames, ","))
		}
	}
	if len(names) > 0 && f != netio.GEXF {
		return usagef("-measures goes with a GEXF output only")
	}
	if err := in.check(); err != nil {
		return err
	}
	n, err := in.load(network.ViewOptions{})
	if err != nil {
		return err
	}
	if !export {
		return netio.Save(n, *out, f)
	}
	opts := netio.ExportOptions{}
	if len(names) > 0 {
		s, err := analysis.NewScope(n, analysis.ScopeOptions{})
		if err != nil {
			return err
		}
		opts.Measures = map[string]map[string]float64{}
		it := iterative{katzAlpha: 0.1, katzBeta: 1, damping: 0.85, tol: 1e-6}
		for _, m := range names {
			sc, err := compute(s, m, true, it)
			if err != nil {
				warnf(stderr, "convert", "%s", remedy(s, m, err, it))
				continue
			}
			values := map[string]float64{}
			for _, x := range sc.All() {
				if !math.IsNaN(x.Value) {
					values[x.Actor] = x.Value
				}
			}
			opts.Measures[m] = values
		}
	}
	return netio.Export(n, *out, f, opts)
}
