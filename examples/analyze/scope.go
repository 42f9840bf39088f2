package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// scopeFlags are the flags that say what to analyse, shared by every
// analysing subcommand and turned into one analysis.Scope.
type scopeFlags struct {
	elements, types    string
	from, to, at       string
	minGrade           string
	aggregate, weights string
	weighted           bool
	a, b               string
	sets               bool // -a and -b registered
}

const scopeFlagsHelp = `What to analyse (every analysing command):
  -directed             follow link directions (an edge list's rows are one-way links)
  -elements, -types     keep links of these elements / types (a dataset's layers or phases)
  -from, -to, -at       keep links active in a window or on a day (YYYY[-MM[-DD]])
  -min-grade            keep links graded at least this (e.g. B2, B2/3, 1AP)
  -aggregate            merge parallel links: count, sum, max, discounted_sum
  -weights, -weighted   unweighted (hops), strength (paths use 1/w) or length (as given)
  -a, -b                sets A and B: sectors, kinds or id:ID (default: criminal, terrorist)
`

// register adds the scope flags to fs; sets adds -a and -b.
func (f *scopeFlags) register(fs *flag.FlagSet, sets bool) {
	f.sets = sets
	fs.StringVar(&f.elements, "elements", "", "comma-separated `list` of elements (layers) to keep: materiel, manpower, money, mechanism, association (default: all)")
	fs.StringVar(&f.types, "types", "", "comma-separated `list` of link types to keep, e.g. a dataset's layers or phases (default: all)")
	fs.StringVar(&f.from, "from", "", "keep links active on or after this `date` YYYY[-MM[-DD]]")
	fs.StringVar(&f.to, "to", "", "keep links active on or before this `date`")
	fs.StringVar(&f.at, "at", "", "keep links active on this `day` YYYY-MM-DD (not with -from/-to)")
	fs.StringVar(&f.minGrade, "min-grade", "", "keep links whose grade confidence is at least that of this `grade` (B2, B2/3, 1AP)")
	fs.StringVar(&f.aggregate, "aggregate", "", "how parallel links merge into one weight: count, sum, max, discounted_sum (default: sum if weighted, else count)")
	fs.StringVar(&f.weights, "weights", "", "what a weight means: unweighted (paths in hops), strength (paths use length 1/w) or length (as given) (default: unweighted)")
	fs.BoolVar(&f.weighted, "weighted", false, "shorthand for -weights strength")
	if sets {
		fs.StringVar(&f.a, "a", "", "set `A`: comma-separated sectors, kinds or id:ID (default: the criminal sector)")
		fs.StringVar(&f.b, "b", "", "set `B`, as -a (default: the terrorist sector)")
	}
}

// options builds the scope options, or an error naming the bad flag.
func (f *scopeFlags) options(directed bool) (analysis.ScopeOptions, error) {
	o := analysis.ScopeOptions{Directed: directed}
	var err error
	if o.View.Elements, err = parseElements(f.elements); err != nil {
		return o, err
	}
	o.View.Types = splitList(f.types)
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
	opts, err := f.options(in.directed)
	if err != nil {
		return nil, err
	}
	n, err := in.load()
	if err != nil {
		return nil, err
	}
	return analysis.NewScope(n, opts)
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
