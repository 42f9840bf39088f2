package fuse

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/illicitnet/illicit/network"
)

// Source is one network to fuse, with the name that identifies it in
// records, links and reports ("fbi", "dataset 2008").
type Source struct {
	Name    string
	Network *network.Network
}

// The default thresholds, in bits of Fellegi–Sunter weight.
const (
	DefaultMergeAt  = 6.0
	DefaultReviewAt = 2.0
	DefaultCannotAt = -6.0
	DefaultMaxBlock = 500
)

// Options tune Fuse. The zero value uses the defaults.
type Options struct {
	// MergeAt and ReviewAt are the thresholds on a pair's weight: a pair
	// weighing at least MergeAt is merged, at least ReviewAt listed for
	// review, else distinct. MergeAt ≥ ReviewAt.
	MergeAt, ReviewAt float64
	// CannotAt is the weight below which a pair is a strong non-match:
	// no merge may put such a pair into one fused actor (see the
	// package documentation). It must lie below ReviewAt; -Inf switches
	// the check off.
	//
	// The three thresholds are used as given, zeros included, unless all
	// three are zero (no valid setting, since CannotAt < ReviewAt): then
	// they are DefaultMergeAt, DefaultReviewAt and DefaultCannotAt. Set
	// all three or none.
	CannotAt float64
	// Overrides are must-link and cannot-link pairs, obeyed absolutely.
	Overrides []Override
	// Model holds the m and u probabilities; nil means DefaultModel().
	// The relational evidence (shared contacts, see the package
	// documentation) is on with DefaultModel; a Model whose Neighbours
	// is the zero NeighbourLevels switches it off:
	//
	//	m := fuse.DefaultModel()
	//	m.Neighbours = fuse.NeighbourLevels{}
	//	opts.Model = &m
	Model *Model
	// WithinSource also compares the records of one source, to find
	// duplicates within it; by default records of one source are
	// distinct actors and a fused actor holds at most one record of each
	// source (overrides aside).
	WithinSource bool
	// MaxBlock is the largest block (records sharing a blocking key)
	// compared; larger blocks are skipped (see the package
	// documentation). Zero means DefaultMaxBlock, negative no limit.
	MaxBlock int
	// Workers is the number of goroutines that score pairs; zero means
	// GOMAXPROCS. The result does not depend on it.
	Workers int
}

// Outcome is what became of a compared pair.
type Outcome uint8

// The outcomes. Merge, Review and Distinct follow from the weight and
// the thresholds; MustLinked and CannotLinked from an override.
const (
	Distinct Outcome = iota
	Review
	Merge
	MustLinked
	CannotLinked
)

// String returns "distinct", "review", "merge", "must-link" or
// "cannot-link".
func (o Outcome) String() string {
	switch o {
	case Distinct:
		return "distinct"
	case Review:
		return "review"
	case Merge:
		return "merge"
	case MustLinked:
		return "must-link"
	case CannotLinked:
		return "cannot-link"
	}
	return fmt.Sprintf("Outcome(%d)", uint8(o))
}

// MarshalText implements encoding.TextMarshaler.
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// Decision is the comparison of one pair of records: the records (A
// from the earlier source), the weight (the sum of the fields'
// weights), the outcome, the name comparison and every field that added
// to the weight. Note says why a pair whose weight reached MergeAt was
// not merged (its outcome is then Review).
type Decision struct {
	A       Record    `json:"a"`
	B       Record    `json:"b"`
	Weight  float64   `json:"weight"`
	Outcome Outcome   `json:"outcome"`
	Name    NameMatch `json:"name"`
	Fields  []Field   `json:"fields"`
	Note    string    `json:"note,omitempty"`
}

// Cluster is one fused actor and the source records it was made of, in
// source order.
type Cluster struct {
	ID      string   `json:"id"`
	Records []Record `json:"records"`
}

// Stats count the work of a fusion.
type Stats struct {
	// Records is the number of input actors.
	Records int `json:"records"`
	// AllPairs is the number of pairs an all-against-all comparison
	// would score (pairs of records of different sources, or of any two
	// records with WithinSource).
	AllPairs int64 `json:"all_pairs"`
	// Compared is the number of pairs scored: the pairs sharing a
	// blocking key, and the override pairs.
	Compared int `json:"compared"`
	// Keys is the number of distinct blocking keys, SkippedKeys the
	// number whose blocks were larger than MaxBlock.
	Keys        int `json:"keys"`
	SkippedKeys int `json:"skipped_keys"`
	// Refused is the number of merge decisions that the transitive check
	// refused (in the final clustering).
	Refused int `json:"refused"`
	// Rounds is the number of relational rounds run: re-clusterings with
	// the neighbour evidence of the clusters before (0 when it is off or
	// nothing was compared), at most RelationalRounds.
	Rounds int `json:"rounds"`
	// Relational is the number of pairs to which the neighbour evidence
	// added a weight in the final clustering.
	Relational int `json:"relational"`
}

// RelationalRounds is the largest number of relational rounds (see the
// package documentation).
const RelationalRounds = 3

// Result is the outcome of Fuse.
type Result struct {
	// Network is the fused network.
	Network *network.Network
	// Decisions are every compared pair, ordered by their records
	// (source order, then actor order within a source).
	Decisions []Decision
	// Review are the decisions listed for review, in the same order.
	Review []Decision
	// Clusters are the fused actors' source records, in fused actor order.
	Clusters []Cluster
	// Contradictions are the fields on which a fused actor's records
	// disagree, in fused actor order.
	Contradictions []Contradiction
	// Stats count the work done.
	Stats Stats
}

type pairKey = uint64

func mkPair(i, j int) pairKey {
	if i > j {
		i, j = j, i
	}
	return uint64(i)<<32 | uint64(uint32(j))
}

func unPair(p pairKey) (int, int) { return int(p >> 32), int(uint32(p)) }

// Fuse matches the actors of the sources and builds one network of them
// (see the package documentation for the model and the rules).
func Fuse(sources []Source, opts Options) (Result, error) {
	var res Result
	if len(sources) == 0 {
		return res, errors.New("fuse: no sources")
	}
	seen := map[string]int{}
	for i, s := range sources {
		if strings.TrimSpace(s.Name) == "" {
			return res, fmt.Errorf("fuse: source %d has no name", i+1)
		}
		if s.Network == nil {
			return res, fmt.Errorf("fuse: source %q has no network", s.Name)
		}
		if j, ok := seen[s.Name]; ok {
			return res, fmt.Errorf("fuse: sources %d and %d have the same name %q", j+1, i+1, s.Name)
		}
		seen[s.Name] = i
	}
	if err := opts.defaults(); err != nil {
		return res, err
	}
	model := opts.Model
	f := &fusion{sources: sources, opts: opts, model: model, weights: map[pairKey]float64{}}
	if err := f.prepare(); err != nil {
		return res, err
	}
	ovr, err := f.resolve()
	if err != nil {
		return res, err
	}
	pairs := f.block()
	for p := range ovr {
		pairs = append(pairs, p)
	}
	slices.Sort(pairs)
	pairs = slices.Compact(pairs)
	f.score(pairs, ovr)
	if err := f.cluster(ovr); err != nil {
		return res, err
	}
	if err := f.relational(ovr); err != nil {
		return res, err
	}
	if err := f.build(); err != nil {
		return res, err
	}
	res = Result{Network: f.out, Decisions: f.decisions, Clusters: f.clusters, Contradictions: f.contra, Stats: f.stats}
	for _, d := range f.decisions {
		if d.Outcome == Review {
			res.Review = append(res.Review, d)
		}
	}
	return res, nil
}

func (o *Options) defaults() error {
	for _, t := range []float64{o.MergeAt, o.ReviewAt} {
		if math.IsNaN(t) || math.IsInf(t, 0) {
			return fmt.Errorf("fuse: thresholds must be finite numbers, got merge-at %g, review-at %g", o.MergeAt, o.ReviewAt)
		}
	}
	if math.IsNaN(o.CannotAt) || math.IsInf(o.CannotAt, 1) {
		return fmt.Errorf("fuse: cannot-at must be a number or -Inf, got %g", o.CannotAt)
	}
	if o.MergeAt == 0 && o.ReviewAt == 0 && o.CannotAt == 0 {
		o.MergeAt, o.ReviewAt, o.CannotAt = DefaultMergeAt, DefaultReviewAt, DefaultCannotAt
	}
	if o.ReviewAt > o.MergeAt {
		return fmt.Errorf("fuse: thresholds out of order: review-at %g is above merge-at %g (want merge-at ≥ review-at > cannot-at)", o.ReviewAt, o.MergeAt)
	}
	if o.CannotAt >= o.ReviewAt {
		return fmt.Errorf("fuse: thresholds out of order: cannot-at %g is not below review-at %g (want merge-at ≥ review-at > cannot-at)", o.CannotAt, o.ReviewAt)
	}
	if o.MaxBlock == 0 {
		o.MaxBlock = DefaultMaxBlock
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Model == nil {
		m := DefaultModel()
		o.Model = &m
	}
	return o.Model.Validate()
}

// fusion is the state of one Fuse call.
type fusion struct {
	sources []Source
	opts    Options
	model   *Model
	recs    []rec
	start   []int // index of each source's first record
	byRef   map[Ref]int

	weights   map[pairKey]float64 // scored pairs
	pairs     []pairKey           // the compared pairs, sorted
	decisions []Decision          // one per pair
	nbrs      [][]int32           // each record's neighbours in its own source

	parent   []int
	members  [][]int
	clusters []Cluster
	contra   []Contradiction
	out      *network.Network
	ids      []string // fused ID of each record
	stats    Stats
}

func (f *fusion) prepare() error {
	f.byRef = map[Ref]int{}
	keyField := map[string]int{}
	for i, af := range f.model.Attributes {
		for _, k := range af.Keys {
			keyField[strings.ToLower(k)] = i
		}
	}
	for si, s := range f.sources {
		f.start = append(f.start, len(f.recs))
		for _, a := range s.Network.Actors() {
			r := rec{src: si, actor: a, idKey: strings.ToLower(a.ID), sectors: a.AllSectors(),
				fields: make([]string, len(f.model.Attributes)), attrs: map[string]string{}}
			if a.Name != "" {
				r.names = append(r.names, newName(a.Name, false))
			}
			for _, al := range a.Aliases {
				r.names = append(r.names, newName(al, true))
			}
			if len(r.names) == 0 {
				r.names = append(r.names, newName(a.ID, false))
			}
			for _, k := range a.Attributes.Keys() {
				if k == RecordsKey || k == ContradictionsKey {
					continue
				}
				text, _ := a.Attributes.Text(k)
				v := normValue(text)
				if v == "" {
					continue
				}
				lk := strings.ToLower(k)
				if fi, ok := keyField[lk]; ok {
					if r.fields[fi] == "" {
						r.fields[fi] = v
					}
					continue
				}
				r.attrs[lk] = v
			}
			prov, err := Records(a)
			if err != nil {
				return fmt.Errorf("fuse: source %q: %w", s.Name, err)
			}
			if prov == nil {
				prov = []Record{{Source: s.Name, ID: a.ID, Name: a.Name}}
			}
			r.prov = prov
			if r.contra, err = ActorContradictions(a); err != nil {
				return fmt.Errorf("fuse: source %q: %w", s.Name, err)
			}
			f.byRef[Ref{s.Name, a.ID}] = len(f.recs)
			f.recs = append(f.recs, r)
		}
	}
	f.start = append(f.start, len(f.recs))
	n := int64(len(f.recs))
	f.stats.Records = len(f.recs)
	f.stats.AllPairs = n * (n - 1) / 2
	if !f.opts.WithinSource {
		for si := range f.sources {
			k := int64(f.start[si+1] - f.start[si])
			f.stats.AllPairs -= k * (k - 1) / 2
		}
	}
	return nil
}

// resolve maps the overrides to record pairs.
func (f *fusion) resolve() (map[pairKey]Override, error) {
	out := map[pairKey]Override{}
	for _, o := range f.opts.Overrides {
		where := o.Origin
		if where == "" {
			where = "override"
		}
		if o.Kind != MustLink && o.Kind != CannotLink {
			return nil, fmt.Errorf("fuse: %s: unknown override kind %d", where, o.Kind)
		}
		var idx [2]int
		for k, ref := range []Ref{o.A, o.B} {
			i, ok := f.byRef[ref]
			if !ok {
				if _, known := f.seenSource(ref.Source); !known {
					return nil, fmt.Errorf("fuse: %s: %s-link names source %q, which is not among the sources (%s)", where, o.Kind, ref.Source, f.sourceList())
				}
				return nil, fmt.Errorf("fuse: %s: %s-link names no actor: source %q has no actor %q", where, o.Kind, ref.Source, ref.ID)
			}
			idx[k] = i
		}
		if idx[0] == idx[1] {
			return nil, fmt.Errorf("fuse: %s: %s is paired with itself", where, o.A)
		}
		p := mkPair(idx[0], idx[1])
		if prev, ok := out[p]; ok && prev.Kind != o.Kind {
			return nil, fmt.Errorf("fuse: overrides contradict: %s and %s both pair %s and %s", prev.Origin, where, o.A, o.B)
		}
		if o.Origin == "" {
			o.Origin = where
		}
		out[p] = o
	}
	return out, nil
}

func (f *fusion) seenSource(name string) (int, bool) {
	i := slices.IndexFunc(f.sources, func(s Source) bool { return s.Name == name })
	return i, i >= 0
}

func (f *fusion) sourceList() string {
	names := make([]string, len(f.sources))
	for i, s := range f.sources {
		names[i] = s.Name
	}
	return strings.Join(names, ", ")
}

// blockingKeys returns the blocking keys of a record: "i" + the
// lower-case ID; for every token of every name, "p" + its first three
// letters and, for tokens of five letters or more, "x" + its last
// three; for a one-token name, "q" + its first two letters ("w" + the
// token if shorter); and "b" + the date of birth when it is a full date
// (the first Date field of the model).
func blockingKeys(r *rec, m *Model) []string {
	keys := []string{"i" + r.idKey}
	for i, f := range m.Attributes {
		if f.Date {
			if v := r.fields[i]; len(v) >= 10 {
				keys = append(keys, "b"+v)
			}
			break
		}
	}
	for _, n := range r.names {
		if len(n.toks) == 1 && len(n.toks[0]) >= 2 {
			keys = append(keys, "q"+string(n.toks[0][:2]))
		}
		for _, t := range n.toks {
			switch {
			case len(t) >= 3:
				keys = append(keys, "p"+string(t[:3]))
				if len(t) >= 5 {
					keys = append(keys, "x"+string(t[len(t)-3:]))
				}
			case len(n.toks) == 1:
				keys = append(keys, "w"+string(t))
			}
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// block returns the candidate pairs: records of different sources (any
// records with WithinSource) sharing a blocking key whose block is not
// larger than MaxBlock. A record all of whose keys have larger blocks
// keeps its smallest one.
func (f *fusion) block() []pairKey {
	keys := make([][]string, len(f.recs))
	blocks := map[string][]int32{}
	for i := range f.recs {
		keys[i] = blockingKeys(&f.recs[i], f.model)
		for _, k := range keys[i] {
			blocks[k] = append(blocks[k], int32(i))
		}
	}
	f.stats.Keys = len(blocks)
	limit := f.opts.MaxBlock
	big := func(k string) bool { return limit > 0 && len(blocks[k]) > limit }
	for _, b := range blocks {
		if limit > 0 && len(b) > limit {
			f.stats.SkippedKeys++
		}
	}
	var pairs []pairKey
	stamp := make([]int32, len(f.recs))
	for i := range stamp {
		stamp[i] = -1
	}
	for r := range f.recs {
		use := make([]string, 0, len(keys[r]))
		for _, k := range keys[r] {
			if !big(k) {
				use = append(use, k)
			}
		}
		rescued := false
		if len(use) == 0 && len(keys[r]) > 0 {
			best := slices.MinFunc(keys[r], func(a, b string) int { return cmp.Compare(len(blocks[a]), len(blocks[b])) })
			use, rescued = []string{best}, true
		}
		src := f.recs[r].src
		for _, k := range use {
			for _, s32 := range blocks[k] {
				s := int(s32)
				if s == r || (!rescued && s < r) || stamp[s] == int32(r) {
					continue
				}
				if !f.opts.WithinSource && f.recs[s].src == src {
					continue
				}
				stamp[s] = int32(r)
				pairs = append(pairs, mkPair(r, s))
			}
		}
	}
	return pairs
}

// score compares every pair, in parallel, into f.decisions.
func (f *fusion) score(pairs []pairKey, ovr map[pairKey]Override) {
	f.pairs = pairs
	f.decisions = make([]Decision, len(pairs))
	f.parallel(len(pairs), func(k int) {
		i, j := unPair(pairs[k])
		f.decisions[k] = f.decide(i, j)
	})
	for k, p := range pairs {
		f.weights[p] = f.decisions[k].Weight
	}
	f.stats.Compared = len(pairs)
}

// parallel runs fn(k) for k in [0, n) on the workers, in chunks; fn
// writes into fixed positions, so the result does not depend on them.
func (f *fusion) parallel(n int, fn func(k int)) {
	var wg sync.WaitGroup
	workers := min(f.opts.Workers, max(1, n/256))
	chunk := (n + workers - 1) / max(workers, 1)
	for w := 0; w < workers; w++ {
		lo, hi := w*chunk, min(n, (w+1)*chunk)
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := lo; k < hi; k++ {
				fn(k)
			}
		}()
	}
	wg.Wait()
}

// classify sets every decision's outcome from its weight and the
// thresholds, or from its override, and clears the notes of refusals.
func (f *fusion) classify(ovr map[pairKey]Override) {
	for k := range f.decisions {
		d := &f.decisions[k]
		d.Note = ""
		switch w := d.Weight; {
		case w >= f.opts.MergeAt:
			d.Outcome = Merge
		case w >= f.opts.ReviewAt:
			d.Outcome = Review
		default:
			d.Outcome = Distinct
		}
		if o, ok := ovr[f.pairs[k]]; ok {
			if o.Kind == MustLink {
				d.Outcome = MustLinked
			} else {
				d.Outcome = CannotLinked
			}
			d.Note = "override " + o.Origin
		}
	}
}

func (f *fusion) record(i int) Record {
	r := &f.recs[i]
	return Record{Source: f.sources[r.src].Name, ID: r.actor.ID, Name: r.actor.Name}
}

// decide scores the pair i < j (its outcome is set by classify).
func (f *fusion) decide(i, j int) Decision {
	w, nm, fields := f.model.compare(&f.recs[i], &f.recs[j])
	return Decision{A: f.record(i), B: f.record(j), Weight: w, Name: nm, Fields: fields}
}

// weight returns the weight of a pair, scoring it if it was not.
func (f *fusion) weight(i, j int) float64 {
	p := mkPair(i, j)
	if w, ok := f.weights[p]; ok {
		return w
	}
	w, _, _ := f.model.compare(&f.recs[min(i, j)], &f.recs[max(i, j)])
	f.weights[p] = w
	return w
}

func (f *fusion) find(i int) int {
	for f.parent[i] != i {
		f.parent[i] = f.parent[f.parent[i]]
		i = f.parent[i]
	}
	return i
}

func (f *fusion) union(a, b int) {
	a, b = f.find(a), f.find(b)
	if a == b {
		return
	}
	if a > b {
		a, b = b, a
	}
	f.parent[b] = a
	f.members[a] = append(f.members[a], f.members[b]...)
	f.members[b] = nil
}

// cluster classifies the decisions, then, from singletons, applies the
// must-links, then the merge decisions in decreasing order of weight
// (ties by record order), refusing a merge that would put into one
// cluster two records of one source (without WithinSource), a
// cannot-link pair or a pair weighing less than CannotAt.
func (f *fusion) cluster(ovr map[pairKey]Override) error {
	f.classify(ovr)
	f.stats.Refused = 0
	n := len(f.recs)
	f.parent = make([]int, n)
	f.members = make([][]int, n)
	for i := range n {
		f.parent[i] = i
		f.members[i] = []int{i}
	}
	cannot := map[pairKey]Override{}
	ovKeys := make([]pairKey, 0, len(ovr))
	for p := range ovr {
		ovKeys = append(ovKeys, p)
	}
	slices.Sort(ovKeys)
	for _, p := range ovKeys {
		if o := ovr[p]; o.Kind == MustLink {
			i, j := unPair(p)
			f.union(i, j)
		} else {
			cannot[p] = o
		}
	}
	for _, p := range ovKeys {
		i, j := unPair(p)
		if o := ovr[p]; o.Kind == CannotLink && f.find(i) == f.find(j) {
			return fmt.Errorf("fuse: overrides contradict: %s cannot-links %s and %s, but must-links join them", o.Origin, o.A, o.B)
		}
	}
	var merges []int
	for k, d := range f.decisions {
		if d.Outcome == Merge {
			merges = append(merges, k)
		}
	}
	slices.SortStableFunc(merges, func(a, b int) int { return cmp.Compare(f.decisions[b].Weight, f.decisions[a].Weight) })
	for _, k := range merges {
		d := &f.decisions[k]
		i, j := unPair(f.pairs[k])
		a, b := f.find(i), f.find(j)
		if a == b {
			continue
		}
		if why := f.refuse(a, b, cannot); why != "" {
			d.Outcome = Review
			d.Note = "merge refused: " + why
			f.stats.Refused++
			continue
		}
		f.union(a, b)
	}
	return nil
}

// refuse says why clusters a and b may not be joined, or "".
func (f *fusion) refuse(a, b int, cannot map[pairKey]Override) string {
	for _, x := range f.members[a] {
		for _, y := range f.members[b] {
			if o, ok := cannot[mkPair(x, y)]; ok {
				return fmt.Sprintf("it would join %s and %s, cannot-linked by %s", f.record(x), f.record(y), o.Origin)
			}
			if !f.opts.WithinSource && f.recs[x].src == f.recs[y].src {
				return fmt.Sprintf("it would join %s and %s, two actors of one source", f.record(x), f.record(y))
			}
			if w := f.weight(x, y); w < f.opts.CannotAt {
				return fmt.Sprintf("it would join %s and %s, whose weight %.2f is below cannot-at %g", f.record(x), f.record(y), w, f.opts.CannotAt)
			}
		}
	}
	return ""
}
