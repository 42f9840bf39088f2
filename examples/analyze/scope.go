package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// scopeFlags are the flags that say what to analyse, shared by every
// analysing subcommand and turned into one analysis.Scope.
type scopeFlags struct {
	elements, types    string
	sectors            string
	from, to, at       string
	minGrade           string
	aggregate, weights string
	weighted, directed bool
	dropIsolates       bool
	a, b               string
	sets               bool // -a and -b registered
}

// register adds the scope flags to fs; sets adds -a and -b.
func (f *scopeFlags) register(fs *flag.FlagSet, sets bool) {
	f.sets = sets
	fs.BoolVar(&f.directed, "directed", false, "analyse along link directions (one-way links count one way; two-way ties both ways); default: every link an undirected tie")
	fs.StringVar(&f.elements, "elements", "", "comma-separated `list` of elements (layers) to keep: materiel, manpower, money, mechanism, association (default: all)")
	fs.StringVar(&f.types, "types", "", "comma-separated `list` of link types to keep, e.g. a dataset's layers or phases (default: all)")
	fs.StringVar(&f.sectors, "sectors", "", "comma-separated `list` of sectors whose actors are kept: criminal, terrorist, facilitator, state, licit, counter, place (default: all), e.g. every sector but place for the organisation level")
	fs.StringVar(&f.from, "from", "", "keep links active on or after this `date` YYYY[-MM[-DD]]")
	fs.StringVar(&f.to, "to", "", "keep links active on or before this `date`")
	fs.StringVar(&f.at, "at", "", "keep links active on this `day` YYYY-MM-DD (not with -from/-to)")
	fs.StringVar(&f.minGrade, "min-grade", "", "keep links whose grade confidence is at least that of this `grade` (B2, B2/3, 1AP)")
	fs.BoolVar(&f.dropIsolates, "drop-isolates", false, "leave out the actors that no kept link touches (e.g. the actors absent from one phase)")
	fs.StringVar(&f.aggregate, "aggregate", "", "`how` parallel links merge into one weight: count, sum, max, discounted_sum (default: sum if weighted, else count)")
	fs.StringVar(&f.weights, "weights", "", "`meaning` of a weight: unweighted (paths in hops), strength (paths use length 1/w) or length (as given) (default: unweighted)")
	fs.BoolVar(&f.weighted, "weighted", false, "shorthand for -weights strength")
	if sets {
		fs.StringVar(&f.a, "a", "", "set `A`: comma-separated sectors, kinds or id:ID (default: the criminal sector)")
		fs.StringVar(&f.b, "b", "", "set `B`, as -a (default: the terrorist sector)")
	}
}

// options builds the scope options, or a usage error naming the bad flag.
func (f *scopeFlags) options() (analysis.ScopeOptions, error) {
	o, err := f.parseOptions()
	if err != nil {
		return o, &usageError{msg: err.Error()}
	}
	return o, nil
}

func (f *scopeFlags) parseOptions() (analysis.ScopeOptions, error) {
	o := analysis.ScopeOptions{Directed: f.directed}
	var err error
	if o.View.Elements, err = parseElements(f.elements); err != nil {
		return o, err
	}
	o.View.Types = splitList(f.types)
	for _, name := range splitList(f.sectors) {
		sec, err := network.ParseSector(name)
		if err != nil || sec == network.NoSector {
			return o, fmt.Errorf("-sectors: unknown sector %q (want criminal, terrorist, facilitator, state, licit, counter or place)", name)
		}
		o.View.Sectors = append(o.View.Sectors, sec)
	}
	if o.View.From, err = parseDateFlag("-from", f.from); err != nil {
		return o, err
	}
	if o.View.To, err = parseDateFlag("-to", f.to); err != nil {
		return o, err
	}
	if f.at != "" {
		if o.View.At, err = time.Parse(time.DateOnly, f.at); err != nil {
			return o, fmt.Errorf("-at: want a day YYYY-MM-DD, got %q", f.at)
		}
	}
	if f.minGrade != "" {
		if o.View.MinGrade, err = network.ParseGrade(f.minGrade); err != nil {
			return o, fmt.Errorf("-min-grade: %v", err)
		}
	}
	switch {
	case f.weights != "":
		if o.Weights, err = analysis.ParseWeighting(f.weights); err != nil {
			return o, fmt.Errorf("-weights: %v", err)
		}
		if f.weighted && o.Weights != analysis.StrengthWeights {
			return o, fmt.Errorf("-weighted means -weights strength; it cannot be combined with -weights %s", f.weights)
		}
	case f.weighted:
		o.Weights = analysis.StrengthWeights
	}
	if f.aggregate != "" {
		if o.View.Aggregation, err = network.ParseAggregation(f.aggregate); err != nil {
			return o, fmt.Errorf("-aggregate: %v", err)
		}
	} else if o.Weights != analysis.Unweighted {
		o.View.Aggregation = network.Sum
	}
	if o.A, err = parseSelectorFlag("-a", f.a); err != nil {
		return o, err
	}
	if o.B, err = parseSelectorFlag("-b", f.b); err != nil {
		return o, err
	}
	return o, o.View.Validate()
}

// scope loads the network of in and builds the scope of the flags.
func (f *scopeFlags) scope(in *input) (*analysis.Scope, error) {
	opts, err := f.options()
	if err != nil {
		return nil, err
	}
	n, err := in.load(opts.View)
	if err != nil {
		return nil, err
	}
	return f.build(in, n, opts)
}

// build checks the flags against the network, warns where they keep
// nothing or cannot matter, applies -drop-isolates and builds the scope.
func (f *scopeFlags) build(in *input, n *network.Network, opts analysis.ScopeOptions) (*analysis.Scope, error) {
	if in.project != "" {
		// The projection used the link filters; its ties have no elements,
		// types, dates or grades of their own.
		v := &opts.View
		v.Elements, v.Types, v.From, v.To, v.At, v.MinGrade = nil, nil, network.Date{}, network.Date{}, time.Time{}, network.Grade{}
	}
	types := map[string]bool{}
	elements := map[network.Element]bool{}
	dated, mutual := false, n.NumLinks() > 0
	for l := range n.LinksSeq() {
		types[l.Type] = true
		elements[l.Element] = true
		dated = dated || !l.Start.IsZero() || !l.End.IsZero()
		mutual = mutual && l.Mutual
	}
	for _, t := range opts.View.Types {
		if !types[t] {
			var have []string
			for name := range types {
				have = append(have, fmt.Sprintf("%q", name))
			}
			slices.Sort(have)
			return nil, usagef("-types: no link has type %q; the links' types are %s", t, strings.Join(have, ", "))
		}
	}
	if in.stderr != nil {
		for _, e := range opts.View.Elements {
			if !elements[e] {
				warnf(in.stderr, in.cmd, "-elements: no link carries %s", e)
			}
		}
		if !dated && (f.from != "" || f.to != "" || f.at != "") {
			warnf(in.stderr, in.cmd, "-from, -to and -at select nothing: no link has dates (start and end columns), so every link is kept")
		}
		if f.directed && mutual {
			warnf(in.stderr, in.cmd, "-directed: every link is a two-way tie, so directed results equal undirected ones; an edge list whose rows are one-way links needs -one-way")
		}
	}
	if f.dropIsolates {
		var err error
		if n, err = n.Touched(opts.View); err != nil {
			return nil, err
		}
	}
	s, err := analysis.NewScope(n, opts)
	if err != nil {
		return nil, err
	}
	if s.View().NumLinks() == 0 && n.NumLinks() > 0 && in.stderr != nil {
		warnf(in.stderr, in.cmd, "the scope keeps none of the %d links: every result is that of isolated actors", n.NumLinks())
	}
	return s, nil
}

// ignored warns that the command does not use the flags given, which are
// scope flag names without the dash.
func (f *scopeFlags) ignored(stderr io.Writer, cmd, why string, names ...string) {
	for _, name := range names {
		set := map[string]bool{"directed": f.directed, "weights": f.weights != "", "weighted": f.weighted, "aggregate": f.aggregate != ""}[name]
		if set {
			warnf(stderr, cmd, "-%s is ignored: %s", name, why)
		}
	}
}

// outputFlags are -top and -json.
type outputFlags struct {
	top  int
	json bool
}

// register adds -top (with its default and meaning) and -json.
func (o *outputFlags) register(fs *flag.FlagSet, top int, topHelp string) {
	fs.IntVar(&o.top, "top", top, "`number` of "+topHelp+" (0: all)")
	fs.BoolVar(&o.json, "json", false, "print JSON instead of CSV")
}

// check rejects a negative -top.
func (o *outputFlags) check() error {
	if o.top < 0 {
		return usagef("-top must not be negative, got %d", o.top)
	}
	return nil
}

// order returns the rows of a per-actor table: every actor in input
// order or, with -top N and values (one per actor of s) given, the N
// actors ranked first by them (ties in input order, NaN last).
func (o *outputFlags) order(s *analysis.Scope, values []float64) []int {
	order := make([]int, s.Len())
	for i := range order {
		order[i] = i
	}
	if o.top > 0 && values != nil {
		for i, r := range s.Scores(values).Ranked() {
			order[i], _ = s.Index(r.Actor)
		}
	}
	return order[:o.limit(len(order))]
}

// limit returns how many of n rows -top keeps.
func (o *outputFlags) limit(n int) int {
	if o.top > 0 && o.top < n {
		return o.top
	}
	return n
}

// newAnalysis returns the flag set of an analysing subcommand: the input,
// scope (with -a and -b if sets) and output flags, -h printing help and
// the flags in groups. top and topHelp give -top's default and what it
// counts.
func newAnalysis(name, help string, stderr io.Writer, sets bool, top int, topHelp string) (*flag.FlagSet, *input, *scopeFlags, *outputFlags) {
	fs, in := newCommand(name, help, stderr)
	sf := &scopeFlags{}
	sf.register(fs, sets)
	out := &outputFlags{}
	out.register(fs, top, topHelp)
	return fs, in, sf, out
}

// parseAnalysis parses the flags of an analysing command and checks the
// shared ones.
func parseAnalysis(fs *flag.FlagSet, args []string, in *input, out *outputFlags) error {
	if err := parse(fs, in, args); err != nil {
		return err
	}
	if err := in.check(); err != nil {
		return err
	}
	return out.check()
}

func parseDateFlag(name, value string) (network.Date, error) {
	d, err := network.ParseDate(value)
	if err != nil {
		return d, fmt.Errorf("%s: %v", name, err)
	}
	return d, nil
}

func parseSelectorFlag(name, value string) (analysis.Selector, error) {
	s, err := analysis.ParseSelector(value)
	if err != nil {
		return s, fmt.Errorf("%s: %v", name, err)
	}
	return s, nil
}

// parseElements parses a comma-separated element list; "" means all (nil).
func parseElements(list string) ([]network.Element, error) {
	var out []network.Element
	for _, name := range splitList(list) {
		e, err := network.ParseElement(name)
		if err != nil {
			return nil, fmt.Errorf("-elements: %v (a dataset's layer names are link types: use -types)", err)
		}
		out = append(out, e)
	}
	return out, nil
}

// splitList splits a comma-separated list, dropping empty entries.
func splitList(list string) []string {
	var out []string
	for _, s := range strings.Split(list, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
