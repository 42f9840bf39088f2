package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/fuse"
	"github.com/illicitnet/illicit/network/netio"
)

const fuseHelp = `usage: analyze fuse -out FUSED.json [-report MERGES.csv|.json|.md] [-overrides FILE]
                    [-merge-at X] [-review-at Y] [flags] NAME=FILE ...

Fuses several networks into one: actors are matched by name and aliases
(normalised: case, diacritics, punctuation, "Surname, Given" order,
transliteration variants such as Mohamed/Muhammad, Abu/Abou, al-/el-),
ID, kind, sector and attributes (date of birth, nationality, country …),
scored by a Fellegi–Sunter weight in bits. Pairs weighing at least
-merge-at are merged, at least -review-at listed for review, the others
kept distinct; no merge joins two records of one input, a cannot-link
pair, or a pair weighing less than -cannot-at. Every link of every input
is kept, with its source and grade; each fused actor keeps its source
records in the attribute fuse.records (source:id:name|…).

Each input is NAME=FILE, NAME naming the source in records, links and the
report; an edge list with a node table is NAME=EDGES.csv:NODES.csv
(-nodes is not used: each input has its own). The input flags (-format,
-one-way, -weight-column, -kind-map, -project, -max-bytes,
-max-records) apply to every input; -in NAME=FILE gives one input more,
read first.

-overrides names a CSV file of analyst decisions, obeyed absolutely:
  kind,source1,id1,source2,id2
  must,fbi,atta-1,cia,M.ATTA
  cannot,fbi,jarrah,mi6,p18

Writes the fused network to -out (native JSON, or a CSV directory or
GraphML by extension), the merge report to -report (every compared pair
with its weight, outcome and the fields that drove it; - for CSV on
standard output) and a summary on standard error.
`

// fuseInput is one NAME=FILE[:NODES] argument.
type fuseInput struct {
	name, path, nodes string
}

// parseFuseInput splits NAME=FILE or NAME=EDGES:NODES. The node table
// is split off only when FILE reads as an edge list (by -format or
// extension), at the last ':', so that other paths may hold colons.
func parseFuseInput(spec, format string) (fuseInput, error) {
	name, path, ok := strings.Cut(spec, "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" || path == "" {
		return fuseInput{}, usagef("input %q: want NAME=FILE, e.g. fbi=fbi.json (NAME names the source)", spec)
	}
	in := fuseInput{name: name, path: path}
	if i := strings.LastIndex(path, ":"); i > 1 {
		edges, nodes := path[:i], path[i+1:]
		f := netio.Format(format)
		if f == "" {
			f, _ = netio.FormatOf(edges)
		}
		if f == netio.EdgeList && nodes != "" {
			in.path, in.nodes = edges, nodes
		}
	}
	return in, nil
}

func fuseCmd(args []string, stdout, stderr io.Writer) error {
	fs, in := newCommand("fuse", fuseHelp, stderr)
	var specs []string
	fs.Lookup("in").Usage = "one more input `NAME=FILE`, read before the positional ones"
	fs.Lookup("nodes").Usage = "not used by fuse: give each input's node table as NAME=EDGES.csv:NODES.csv"
	out := fs.String("out", "", "output `file` of the fused network: .json (native JSON), .graphml, or a directory for native CSV")
	report := fs.String("report", "", "merge report `file`: .csv, .json or .md (- for CSV on standard output)")
	overrides := fs.String("overrides", "", "CSV `file` of must-link and cannot-link overrides: kind,source1,id1,source2,id2")
	mergeAt := fs.Float64("merge-at", fuse.DefaultMergeAt, "merge pairs whose weight (in bits) is at least this `weight`")
	reviewAt := fs.Float64("review-at", fuse.DefaultReviewAt, "list for review the pairs below -merge-at whose weight is at least this `weight`")
	cannotAt := fs.Float64("cannot-at", fuse.DefaultCannotAt, "no merge may join a pair whose weight is below this `weight` (a strong non-match)")
	within := fs.Bool("within-source", false, "also match the actors of one input with each other (by default they are distinct actors)")

	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" || a == "--h" {
			in.help = true
		}
	}
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return &usageError{}
		}
		if fs.NArg() == 0 {
			break
		}
		specs = append(specs, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if in.in != "" {
		specs = append([]string{in.in}, specs...)
	}
	if *out == "" {
		return usagef("-out is required: the file to write the fused network to")
	}
	outFormat, err := netio.FormatOf(*out)
	if err != nil && !strings.Contains(filepath.Base(*out), ".") {
		outFormat, err = netio.CSV, nil
	}
	if err != nil || !slices.Contains([]netio.Format{netio.JSON, netio.CSV, netio.GraphML}, outFormat) {
		return usagef("-out %q: fuse writes native JSON (.json), a native CSV directory (a path without extension) or GraphML (.graphml)", *out)
	}
	reportExt := strings.ToLower(filepath.Ext(*report))
	if *report != "" && *report != "-" && !slices.Contains([]string{".csv", ".json", ".md"}, reportExt) {
		return usagef("-report %q: want a .csv, .json or .md file (or - for CSV on standard output)", *report)
	}
	if *reviewAt > *mergeAt || *cannotAt >= *reviewAt {
		return usagef("thresholds out of order: want -merge-at (%g) ≥ -review-at (%g) > -cannot-at (%g)", *mergeAt, *reviewAt, *cannotAt)
	}
	if in.nodes != "" {
		return usagef("-nodes is not used by fuse: give each input's node table as NAME=EDGES.csv:NODES.csv")
	}
	if in.format != "" && !slices.Contains(netio.Formats(), netio.Format(in.format)) {
		return usagef("-format: unknown format %q (want one of json, csv, edgelist, graphml, dl, pajek)", in.format)
	}
	if in.project != "" {
		if key, value, ok := strings.Cut(in.project, "="); !ok || strings.TrimSpace(key) == "" || strings.TrimSpace(value) == "" {
			return usagef("-project: want key=value, e.g. type=person, got %q", in.project)
		}
	}
	if len(specs) == 0 {
		return usagef("no inputs: give each network as NAME=FILE, e.g. fbi=fbi.json cia=cia.graphml")
	}
	var inputs []fuseInput
	for _, s := range specs {
		fi, err := parseFuseInput(s, in.format)
		if err != nil {
			return err
		}
		if slices.ContainsFunc(inputs, func(x fuseInput) bool { return x.name == fi.name }) {
			return usagef("two inputs are named %q: each source needs its own name", fi.name)
		}
		if fi.path == "-" && in.format == "" {
			return usagef("input %s=- reads standard input: give its format with -format", fi.name)
		}
		inputs = append(inputs, fi)
	}
	opts := fuse.Options{MergeAt: *mergeAt, ReviewAt: *reviewAt, CannotAt: *cannotAt, WithinSource: *within}
	if *overrides != "" {
		f, err := os.Open(*overrides)
		if err != nil {
			return fmt.Errorf("-overrides: %v", err)
		}
		opts.Overrides, err = fuse.ReadOverrides(f, *overrides)
		f.Close()
		if err != nil {
			return fmt.Errorf("-overrides: %v", err)
		}
	}
	var sources []fuse.Source
	for _, fi := range inputs {
		n, err := in.loadFile(fi.path, fi.nodes, network.ViewOptions{})
		if err != nil {
			return fmt.Errorf("input %s: %w", fi.name, err)
		}
		sources = append(sources, fuse.Source{Name: fi.name, Network: n})
	}
	res, err := fuse.Fuse(sources, opts)
	if err != nil {
		return err
	}
	if err := netio.Save(res.Network, *out, outFormat); err != nil {
		return err
	}
	if *report != "" {
		if err := writeFuseReport(*report, reportExt, res.Decisions, stdout); err != nil {
			return err
		}
	}
	var counts [fuse.CannotLinked + 1]int
	for _, d := range res.Decisions {
		counts[d.Outcome]++
	}
	fmt.Fprintf(stderr, "analyze fuse: %d sources, %d actors in, %d actors out (%d merged into others); %d pairs compared of %d: %d merge, %d review (%d merges refused by the transitive check), %d distinct, %d must-link, %d cannot-link; %d contradictions; %d links\n",
		len(sources), res.Stats.Records, res.Network.NumActors(), res.Stats.Records-res.Network.NumActors(),
		res.Stats.Compared, res.Stats.AllPairs, counts[fuse.Merge], counts[fuse.Review], res.Stats.Refused, counts[fuse.Distinct],
		counts[fuse.MustLinked], counts[fuse.CannotLinked], len(res.Contradictions), res.Network.NumLinks())
	return nil
}

// writeFuseReport writes the decisions in the format of the extension.
func writeFuseReport(path, ext string, ds []fuse.Decision, stdout io.Writer) error {
	if path == "-" {
		return fuse.WriteCSV(stdout, ds)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	switch ext {
	case ".json":
		err = fuse.WriteJSON(f, ds)
	case ".md":
		err = fuse.WriteMarkdown(f, ds)
	default:
		err = fuse.WriteCSV(f, ds)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
