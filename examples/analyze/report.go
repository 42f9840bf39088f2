package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/nexus/report"
	"github.com/illicitnet/illicit/testdata/scenarios"
)

// defaultScenario is the bundled network the report analyses without -in.
const defaultScenario = "western-hemisphere.json"

const reportHelp = `usage: analyze report [-in FILE] [-out DIR] [flags]

The main job: a threat assessment of a network, written to -out (default
"report") as index.html (one self-contained file, readable offline and
printable), report.md, report.json and the pictures as SVG files.

Without -in it analyses the bundled Western Hemisphere scenario
(testdata/scenarios/western-hemisphere.json, built into the program): an
illustration of published open-source statements, not intelligence.

Sections: the network; the top actors; convergence nodes; cross-sector
brokers; corruption nodes and iron triangles; continuum stages; key
players and what their removal does; disruption curves; per commodity the
supply-chain audit, routes, chokepoints, minimum cut and interdiction;
money trails, money-convergence points and laundering patterns;
early-warning changes between two time windows (-from1 … -to2, by
default the two halves of the links' years) or against a later snapshot
(-in2); and how to read it. Every finding cites its evidence links.
See package nexus/report.

Progress goes to standard error, a line per stage with its time (-q for
none). With -json the report's JSON is printed on standard output too.
`

func reportCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("report", reportHelp, stderr, true, 10, "rows per table in HTML and Markdown (report.json holds all)")
	dir := fs.String("out", "report", "`directory` to write the report into (created if needed)")
	quiet := fs.Bool("q", false, "print no progress")
	seed := fs.Uint64("seed", 1, "`seed` of the randomised steps (key-player restarts, random disruption order) and of the pictures' layout")
	title := fs.String("title", "", "`title` of the report (default: Threat assessment: and the network's name)")
	commodities := fs.String("commodities", "", "commodities analysed as supply chains, comma-separated `list` (default: the six most frequent)")
	keyPlayers := fs.Int("key-players", 3, "`size` of the key-player set")
	steps := fs.Int("steps", 20, "`number` of removals of each disruption curve")
	in2 := fs.String("in2", "", "`file` of a later snapshot for the early warning (read like -in); default: two time windows of -in")
	nodes2 := fs.String("nodes2", "", "node table `file` of an edge-list -in2")
	var dates [4]string
	for i, name := range []string{"from1", "to1", "from2", "to2"} {
		fs.StringVar(&dates[i], name, "", "`date` YYYY[-MM[-DD]] bounding the "+[]string{"earlier", "earlier", "later", "later"}[i]+" early-warning window (default: from the links' years)")
	}
	if err := parse(fs, in, args); err != nil {
		return err
	}
	if in.in != "" {
		if err := in.check(); err != nil {
			return err
		}
	} else if in.nodes != "" || in.format != "" {
		return usagef("-nodes and -format describe -in, which is not given (without -in the bundled scenario is analysed)")
	}
	if err := out.check(); err != nil {
		return err
	}
	switch {
	case *keyPlayers < 1:
		return usagef("-key-players must be at least 1, got %d", *keyPlayers)
	case *steps < 1:
		return usagef("-steps must be at least 1, got %d", *steps)
	case *dir == "":
		return usagef("-out must name a directory")
	}
	var warn *report.WarnInput
	windows := dates[0] != "" || dates[1] != "" || dates[2] != "" || dates[3] != ""
	if windows {
		if *in2 != "" {
			return usagef("-in2 cannot be combined with -from1, -to1, -from2 or -to2")
		}
		warn = &report.WarnInput{}
		for i, d := range []*network.Date{&warn.From1, &warn.To1, &warn.From2, &warn.To2} {
			x, err := parseDateFlag("-"+[]string{"from1", "to1", "from2", "to2"}[i], dates[i])
			if err != nil {
				return usagef("%v", err)
			}
			*d = x
		}
	}
	opts, err := sf.options()
	if err != nil {
		return err
	}
	var n *network.Network
	if in.in == "" {
		if n, err = bundledScenario(in, opts.View); err != nil {
			return err
		}
	} else if n, err = in.load(opts.View); err != nil {
		return err
	}
	s, err := sf.build(in, n, opts)
	if err != nil {
		return err
	}
	if *in2 != "" {
		later, err := in.loadFile(*in2, *nodes2, opts.View)
		if err != nil {
			return err
		}
		warn = &report.WarnInput{Later: later}
	}
	ropts := report.Options{Title: *title, Top: out.top, KeyPlayers: *keyPlayers, DisruptSteps: *steps,
		Commodities: splitList(*commodities), Warn: warn, Seed: *seed}
	if out.top == 0 {
		ropts.Top = math.MaxInt32
	}
	if !*quiet {
		ropts.Progress = stderr
		fmt.Fprintf(stderr, "report: %s: %d actors, %d links\n", n.Name, n.NumActors(), n.NumLinks())
	}
	r, err := report.Build(s, ropts)
	if err != nil {
		return err
	}
	for _, note := range r.Notes {
		warnf(stderr, "report", "%s", note)
	}
	if err := r.Write(*dir); err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintf(stderr, "report: wrote %s, %s, %s and %s\n", filepath.Join(*dir, "index.html"), filepath.Join(*dir, "report.md"),
			filepath.Join(*dir, "report.json"), pictureCount(len(r.Pictures)))
	}
	if out.json {
		return r.WriteJSON(stdout)
	}
	return nil
}

func pictureCount(n int) string {
	if n == 1 {
		return "1 picture"
	}
	return strconv.Itoa(n) + " pictures"
}

// bundledScenario reads the scenario built into the program and applies
// -kind-map and -project, as for a file.
func bundledScenario(in *input, view network.ViewOptions) (*network.Network, error) {
	rules, err := in.kindRules()
	if err != nil {
		return nil, err
	}
	b, err := scenarios.Files.ReadFile(defaultScenario)
	if err != nil {
		return nil, err
	}
	n, err := network.ReadJSON(bytes.NewReader(b), defaultScenario, in.loadOptions().Limits)
	if err != nil {
		return nil, err
	}
	return in.prepare(n, rules, view)
}
