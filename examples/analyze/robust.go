package main

import (
	"io"
	"slices"
	"strings"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/nexus"
	"github.com/illicitnet/illicit/nexus/robust"
)

const robustHelp = `usage: analyze robust -in FILE [-measure M] [-analysis A] [-runs R] [-seed S] [-k K] [-workers W] [flags]

Says how sure a ranking of actors is, given the grades of the links it
rests on (see package nexus/robust). -measure chooses the ranking:
  nexus        nexus betweenness between sets A and B (-a, -b; default)
  betweenness  normalised betweenness (as NetworkX's)
  convergence  convergence score (0 for an actor that is not a
               convergence node)
  keyplayers   membership of the set of -k key players (fragmentation,
               seeded by -seed): 1 in the set, 0 otherwise
The first actors of a ranking are those with the highest score (several
if tied; none if every score is equal); the top k are the actors with
fewer than k actors above them and a score above the lowest (ties at the
k-th place all in). -analysis chooses the analysis:
  sensitivity  the ranking as links below each Admiralty grade level are
               dropped (the 18 confidence levels of A1 … F6, loosest
               first). One row per level: min_grade, grades (the level's
               grades), confidence, links (kept), dropped, first,
               first_names, top (the top k by rank), top_names,
               same_first (first actors as on the full network),
               changes_here (true at the loosest level where they
               change), tau (Kendall's tau-b against the full network)
  montecarlo   -runs networks, each link kept with probability its
               grade's confidence (ungraded: -ungraded, by default 0.25,
               that of F6), seeded by -seed. One row per actor, by
               decreasing p_first, then p_top, then mean (-top N: the
               first N): id, name, full (score on the full network),
               full_rank, mean, sd, se (sd/sqrt(runs)), p05, p95 (5th and
               95th percentiles: a 90 % interval), p_first (share of runs
               in which the actor is first; t actors tied first get 1/t
               each), p_top (share of runs in which it is in the top k),
               then, repeated on every row, runs, tau_mean, tau_p05,
               tau_p95 (Kendall's tau-b between the runs and the full
               network)
  criticality  every link removed alone: the links whose removal changes
               the first actors or drops an actor from the top k, most
               critical first (those changing the first actors, then by
               the number dropped, then by the fall of the first actor's
               score; -top N: the first N): rank, link
               (from>to:element:type), link_id, source, grade,
               changes_first, first, first_names (without the link),
               dropped, entered (actors leaving and entering the top k),
               top_score (the full network's first actor's score without
               the link), drop (its fall)
  all          the three; with -json only
Actor lists are ';'-joined IDs (names in the *_names column, same order).
Numbers have 10 significant digits. With -json: one object with a key per
analysis (sensitivity, montecarlo, criticality) holding its results, actors
as {"id", "name"} and links as {"id", "from", "to", "element", "type"}.
Results depend on -seed only, not on -workers. An ungraded link (all the
links of most published datasets) counts as confidence 0.25: it is kept in
a quarter of the runs and dropped at every level above F6.
`

var robustMeasures = []string{"nexus", "betweenness", "convergence", "keyplayers"}
var robustAnalyses = []string{"sensitivity", "montecarlo", "criticality"}

func robustCmd(args []string, stdout, stderr io.Writer) error {
	fs, in, sf, out := newAnalysis("robust", robustHelp, stderr, true, 0, "rows of montecarlo and criticality")
	measureName := fs.String("measure", "nexus", "`ranking`: "+strings.Join(robustMeasures, ", "))
	which := fs.String("analysis", "montecarlo", "`analysis`: "+strings.Join(robustAnalyses, ", ")+", or all (with -json)")
	runs := fs.Int("runs", 1000, "`number` of Monte Carlo runs (at least 1)")
	seed := fs.Uint64("seed", 1, "`seed` of the Monte Carlo sampling (and of -measure keyplayers)")
	k := fs.Int("k", 3, "`size` of the top group (and of the key player set; at least 1)")
	workers := fs.Int("workers", 0, "`number` of goroutines (0: one per core); results do not depend on it")
	ungraded := fs.Float64("ungraded", network.UngradedConfidence, "`probability` that an ungraded link is kept in a Monte Carlo run")
	if err := parseAnalysis(fs, args, in, out); err != nil {
		return err
	}
	var analyses []string
	switch {
	case *which == "all":
		analyses = robustAnalyses
	case slices.Contains(robustAnalyses, *which):
		analyses = []string{*which}
	default:
		return usagef("-analysis %q is unknown (want %s, or all)", *which, strings.Join(robustAnalyses, ", "))
	}
	if len(analyses) > 1 && !out.json {
		return usagef("-analysis all: CSV prints one analysis; give one, or -json for all")
	}
	if !slices.Contains(robustMeasures, *measureName) {
		return usagef("-measure %q is unknown (want %s)", *measureName, strings.Join(robustMeasures, ", "))
	}
	if *runs < 1 {
		return usagef("-runs must be at least 1, got %d", *runs)
	}
	if *k < 1 {
		return usagef("-k must be at least 1, got %d", *k)
	}
	if *workers < 0 {
		return usagef("-workers must not be negative, got %d", *workers)
	}
	if !(*ungraded >= 0 && *ungraded <= 1) {
		return usagef("-ungraded must be a probability in [0, 1], got %v", *ungraded)
	}
	s, err := sf.scope(in)
	if err != nil {
		return err
	}
	var m robust.Measure
	switch *measureName {
	case "nexus":
		m = robust.NexusBetweenness()
	case "betweenness":
		m = robust.Betweenness()
	case "convergence":
		m = robust.Convergence(nexus.ConvergenceOptions{})
	case "keyplayers":
		m = robust.KeyPlayers(nexus.KeyPlayerOptions{K: *k, Seed: *seed})
	}
	graded, evidence := 0, 0
	for l := range s.Network().LinksSeq() {
		if l.From != l.To && s.Keeps(l) {
			evidence++
			if !l.Grade.IsZero() {
				graded++
			}
		}
	}
	if evidence > 0 && graded == 0 {
		warnf(stderr, "robust", "no link is graded: each counts as confidence %g (F6), kept in that share of the Monte Carlo runs (-ungraded sets another) and dropped at every sensitivity level above F6", network.UngradedConfidence)
	}
	r := robustRun{s: s, nm: names{s.Network()}, out: out}
	js := map[string]any{}
	for _, a := range analyses {
		var t *table
		var j any
		switch a {
		case "sensitivity":
			res, err := robust.Sensitivity(s, m, robust.SensitivityOptions{K: *k, Workers: *workers})
			if err != nil {
				return err
			}
			t, j = r.sensitivity(res)
		case "montecarlo":
			opts := robust.MonteCarloOptions{Runs: *runs, Seed: *seed, K: *k, Workers: *workers}
			if p := *ungraded; p != network.UngradedConfidence {
				opts.Keep = func(l network.Link) float64 {
					if l.Grade.IsZero() {
						return p
					}
					return l.Grade.Confidence()
				}
			}
			res, err := robust.MonteCarlo(s, m, opts)
			if err != nil {
				return err
			}
			t, j = r.monteCarlo(res)
		case "criticality":
			res, err := robust.Criticality(s, m, robust.CriticalityOptions{K: *k, Workers: *workers})
			if err != nil {
				return err
			}
			if len(res.Links) == 0 {
				warnf(stderr, "robust", "no single link's removal changes the first actors %v or the top %d", res.FullFirst, *k)
			}
			t, j = r.criticality(res)
		}
		if !out.json {
			return t.write(stdout, false)
		}
		js[a] = j
	}
	return encodeJSON(stdout, js)
}

// robustRun formats the results of the robust command.
type robustRun struct {
	s   *analysis.Scope
	nm  names
	out *outputFlags
}

type robustActor struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type robustScore struct {
	ID    string     `json:"id"`
	Name  string     `json:"name"`
	Value jsonNumber `json:"value"`
}

func (r robustRun) actors(ids []string) []robustActor {
	out := make([]robustActor, len(ids))
	for i, id := range ids {
		out[i] = robustActor{ID: id, Name: r.nm.of(id)}
	}
	return out
}

type sensitivityJSON struct {
	Measure    string          `json:"measure"`
	K          int             `json:"k"`
	Links      int             `json:"links"`
	FullFirst  []robustActor   `json:"full_first"`
	FullTop    []robustActor   `json:"full_top"`
	ChangesAt  *string         `json:"changes_at"`
	Thresholds []thresholdJSON `json:"thresholds"`
}

type thresholdJSON struct {
	MinGrade   string        `json:"min_grade"`
	Grades     []string      `json:"grades"`
	Confidence jsonNumber    `json:"confidence"`
	Links      int           `json:"links"`
	Dropped    int           `json:"dropped"`
	First      []robustActor `json:"first"`
	Top        []robustScore `json:"top"`
	SameFirst  bool          `json:"same_first"`
	Tau        jsonNumber    `json:"tau"`
}

func (r robustRun) sensitivity(res robust.SensitivityResult) (*table, any) {
	t := newTable("min_grade", "grades", "confidence", "links", "dropped", "first", "first_names", "top", "top_names", "same_first", "changes_here", "tau")
	js := sensitivityJSON{Measure: res.Measure, K: res.K, Links: res.Links, FullFirst: r.actors(res.FullFirst),
		FullTop: r.actors(res.FullTop), Thresholds: []thresholdJSON{}}
	for i, th := range res.Thresholds {
		grades := make([]string, len(th.Grades))
		for j, g := range th.Grades {
			grades[j] = g.String()
		}
		var top []string
		tj := thresholdJSON{MinGrade: th.MinGrade.String(), Grades: grades, Confidence: jsonNumber(th.Confidence),
			Links: th.Links, Dropped: th.Dropped, First: r.actors(th.First), Top: []robustScore{}, SameFirst: th.SameFirst, Tau: jsonNumber(th.Tau)}
		for _, sc := range th.TopRanked {
			top = append(top, sc.Actor)
			tj.Top = append(tj.Top, robustScore{ID: sc.Actor, Name: r.nm.of(sc.Actor), Value: jsonNumber(sc.Value)})
		}
		t.add(th.MinGrade.String(), grades, th.Confidence, th.Links, th.Dropped, th.First, r.nm.list(th.First),
			top, r.nm.list(top), th.SameFirst, i == res.ChangesAt, th.Tau)
		js.Thresholds = append(js.Thresholds, tj)
	}
	if res.ChangesAt >= 0 {
		g := res.Thresholds[res.ChangesAt].MinGrade.String()
		js.ChangesAt = &g
	}
	return t, js
}

type monteCarloJSON struct {
	Measure       string        `json:"measure"`
	Runs          int           `json:"runs"`
	Seed          uint64        `json:"seed"`
	K             int           `json:"k"`
	Links         int           `json:"links"`
	ExpectedLinks jsonNumber    `json:"expected_links"`
	FullFirst     []robustActor `json:"full_first"`
	FullTop       []robustActor `json:"full_top"`
	PFullFirst    jsonNumber    `json:"p_full_first"`
	Tau           tauJSON       `json:"tau"`
	Actors        []mcActorJSON `json:"actors"`
}

type tauJSON struct {
	Mean      jsonNumber `json:"mean"`
	SD        jsonNumber `json:"sd"`
	P05       jsonNumber `json:"p05"`
	P95       jsonNumber `json:"p95"`
	Undefined int        `json:"undefined"`
}

type mcActorJSON struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Full     jsonNumber `json:"full"`
	FullRank int        `json:"full_rank"`
	Mean     jsonNumber `json:"mean"`
	SD       jsonNumber `json:"sd"`
	SE       jsonNumber `json:"se"`
	P05      jsonNumber `json:"p05"`
	P95      jsonNumber `json:"p95"`
	PFirst   jsonNumber `json:"p_first"`
	PTop     jsonNumber `json:"p_top"`
}

func (r robustRun) monteCarlo(res robust.MonteCarloResult) (*table, any) {
	t := newTable("id", "name", "full", "full_rank", "mean", "sd", "se", "p05", "p95", "p_first", "p_top", "runs", "tau_mean", "tau_p05", "tau_p95")
	js := monteCarloJSON{Measure: res.Measure, Runs: res.Runs, Seed: res.Seed, K: res.K, Links: res.Links,
		ExpectedLinks: jsonNumber(res.ExpectedLinks), FullFirst: r.actors(res.FullFirst), FullTop: r.actors(res.FullTop),
		PFullFirst: jsonNumber(res.PFullFirst), Actors: []mcActorJSON{},
		Tau: tauJSON{Mean: jsonNumber(res.Tau.Mean), SD: jsonNumber(res.Tau.SD), P05: jsonNumber(res.Tau.Low),
			P95: jsonNumber(res.Tau.High), Undefined: res.Tau.Undefined}}
	ranked := res.Ranked()
	for _, a := range ranked[:r.out.limit(len(ranked))] {
		name := r.nm.of(a.Actor)
		t.add(a.Actor, name, a.Full, a.FullRank, a.Mean, a.SD, a.SE, a.Low, a.High, a.PFirst, a.PTop,
			res.Runs, res.Tau.Mean, res.Tau.Low, res.Tau.High)
		js.Actors = append(js.Actors, mcActorJSON{ID: a.Actor, Name: name, Full: jsonNumber(a.Full), FullRank: a.FullRank,
			Mean: jsonNumber(a.Mean), SD: jsonNumber(a.SD), SE: jsonNumber(a.SE), P05: jsonNumber(a.Low), P95: jsonNumber(a.High),
			PFirst: jsonNumber(a.PFirst), PTop: jsonNumber(a.PTop)})
	}
	return t, js
}

type criticalityJSON struct {
	Measure   string             `json:"measure"`
	K         int                `json:"k"`
	Tested    int                `json:"tested"`
	FullFirst []robustActor      `json:"full_first"`
	FullTop   []robustActor      `json:"full_top"`
	FullScore jsonNumber         `json:"full_score"`
	Links     []criticalLinkJSON `json:"links"`
}

type criticalLinkJSON struct {
	Rank         int           `json:"rank"`
	Link         linkJSON      `json:"link"`
	Source       string        `json:"source"`
	Grade        string        `json:"grade"`
	ChangesFirst bool          `json:"changes_first"`
	First        []robustActor `json:"first"`
	Dropped      []robustActor `json:"dropped"`
	Entered      []robustActor `json:"entered"`
	TopScore     jsonNumber    `json:"top_score"`
	Drop         jsonNumber    `json:"drop"`
}

func (r robustRun) criticality(res robust.CriticalityResult) (*table, any) {
	t := newTable("rank", "link", "link_id", "source", "grade", "changes_first", "first", "first_names", "dropped", "entered", "top_score", "drop")
	js := criticalityJSON{Measure: res.Measure, K: res.K, Tested: res.Tested, FullFirst: r.actors(res.FullFirst),
		FullTop: r.actors(res.FullTop), FullScore: jsonNumber(res.FullScore), Links: []criticalLinkJSON{}}
	n := r.s.Network()
	for i, c := range res.Links[:r.out.limit(len(res.Links))] {
		l := c.Link
		ref := linkRefs{n: n, ids: []network.LinkID{l.ID}}
		t.add(i+1, ref, int(l.ID), l.Source, l.Grade.String(), c.ChangesFirst, c.First, r.nm.list(c.First),
			c.Dropped, c.Entered, c.TopScore, c.Drop)
		js.Links = append(js.Links, criticalLinkJSON{Rank: i + 1,
			Link:   linkJSON{ID: int(l.ID), From: l.From, To: l.To, Element: l.Element.String(), Type: l.Type},
			Source: l.Source, Grade: l.Grade.String(), ChangesFirst: c.ChangesFirst, First: r.actors(c.First),
			Dropped: r.actors(c.Dropped), Entered: r.actors(c.Entered), TopScore: jsonNumber(c.TopScore), Drop: jsonNumber(c.Drop)})
	}
	return t, js
}
