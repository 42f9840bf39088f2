package report

import (
	"fmt"
	"io"
	"time"

	"github.com/illicitnet/illicit/network"
)

// Options configure Build. The zero value gives the defaults.
type Options struct {
	// Title of the report; "" means "Threat assessment: " and the network's
	// name.
	Title string
	// Top is the number of actors listed per ranking and of findings per
	// table in HTML and Markdown (0: 10). JSON holds every finding.
	Top int
	// KeyPlayers is the size of the key-player set (0: 3, fewer if the
	// organisation-level scope is smaller).
	KeyPlayers int
	// DisruptSteps is the number of removals of each disruption curve (0:
	// 20, at most the number of actors).
	DisruptSteps int
	// Commodities are the commodities analysed as supply chains; nil means
	// the MaxCommodities most frequent of the materiel links.
	Commodities []string
	// MaxCommodities bounds the commodities taken by default (0: 6).
	MaxCommodities int
	// Warn chooses the early-warning comparison; nil derives two windows
	// from the links' dates (see WarnInput).
	Warn *WarnInput
	// Seed seeds the randomised steps and the pictures' layout.
	Seed uint64
	// Progress, if not nil, receives one line per stage with its elapsed
	// time.
	Progress io.Writer
	// NoPictures skips the pictures (the report then refers to none).
	NoPictures bool
}

// WarnInput is the early-warning comparison of a report. With Later set,
// the report's network is the earlier snapshot and Later the later one
// (nexus.Warn, both with the report's scope options); otherwise the links
// active in window [From1, To1] are compared with those active in [From2,
// To2] (nexus.WarnWindows; an unset date is an open end).
//
// With Options.Warn nil, the windows are derived from the years the links'
// dates cover: from the first year y0 to the last y1, w = ⌊(y1 − y0 + 1)/2⌋
// years each, the earlier [y0, y0+w−1] and the later [y1−w+1, y1] (a
// middle year of an odd span falls in neither); there is no comparison
// when the dates cover fewer than two years.
type WarnInput struct {
	Later                  *network.Network
	From1, To1, From2, To2 network.Date
}

// Report is a threat assessment: its sections, the evidence they cite and
// the pictures. It marshals to the JSON of WriteJSON.
type Report struct {
	// Title is Options.Title or the default; Description the network's.
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	// Scope says what was analysed: view, direction, sets.
	Scope ScopeInfo `json:"scope"`
	// Network describes the data.
	Network NetworkInfo `json:"network"`
	// Findings are the key findings, one sentence each, drawn from the
	// sections below.
	Findings []Finding `json:"findings"`
	// Rankings are the top actors by each main measure.
	Rankings []Ranking `json:"rankings"`
	// Convergence are the convergence nodes, by decreasing score.
	Convergence []Convergence `json:"convergence"`
	// Brokers are the cross-sector brokers, by decreasing total.
	Brokers []Broker `json:"brokers"`
	// Corruption are the corruption nodes, IronTriangles the iron triangles.
	Corruption    []Corruption    `json:"corruption"`
	IronTriangles []IronTriangle  `json:"iron_triangles"`
	Continuum     []ContinuumPair `json:"continuum"`
	// KeyPlayers are the key players, with KeyPlayerEffect what their
	// removal does.
	KeyPlayers      []KeyPlayer     `json:"key_players"`
	KeyPlayerEffect KeyPlayerEffect `json:"key_player_effect"`
	// Disruption holds one curve per strategy.
	Disruption []Curve `json:"disruption"`
	// Chains holds one supply chain per commodity; Chokepoints gathers
	// their chokepoints.
	Chains      []Chain      `json:"chains"`
	Chokepoints []Chokepoint `json:"chokepoints"`
	// MoneyTrails are the best money trails from A to B; MoneyConvergence
	// their gateways; Laundering the laundering patterns.
	MoneyTrails      []MoneyTrail `json:"money_trails"`
	MoneyConvergence []Gateway    `json:"money_convergence"`
	Laundering       []Pattern    `json:"laundering"`
	// EarlyWarning compares two windows (nil if there was none to compare).
	EarlyWarning *EarlyWarning `json:"early_warning"`
	// Robustness says how much the nexus-betweenness ranking rests on the
	// grades of its links (nil if it was not computed; see Notes).
	Robustness *Robustness `json:"robustness"`
	// Definitions are the "how to read this" entries.
	Definitions []Definition `json:"definitions"`
	// Links are the links cited as evidence, in increasing ID.
	Links []Evidence `json:"links"`
	// Pictures are the pictures, in the order the report shows them.
	Pictures []Picture `json:"pictures"`
	// Notes say what could not be analysed and why.
	Notes []string `json:"notes"`

	top int
}

// Finding is a key finding: a sentence and the links it rests on.
type Finding struct {
	Topic    string           `json:"topic"`
	Text     string           `json:"text"`
	Evidence []network.LinkID `json:"evidence"`
}

// ActorRef names an actor.
type ActorRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// ScopeInfo describes the scope of a report.
type ScopeInfo struct {
	Directed bool     `json:"directed"`
	Weights  string   `json:"weights"`
	Elements []string `json:"elements,omitempty"`
	Types    []string `json:"types,omitempty"`
	Window   string   `json:"window,omitempty"`
	MinGrade string   `json:"min_grade,omitempty"`
	// Actors and Links count what the scope keeps; Organisation counts the
	// actors of the organisation-level scope (places left out).
	Actors       int    `json:"actors"`
	Links        int    `json:"links"`
	Organisation int    `json:"organisation_actors"`
	A            string `json:"a"`
	B            string `json:"b"`
	SizeA        int    `json:"size_a"`
	SizeB        int    `json:"size_b"`
}

// Count is a labelled count.
type Count struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// NetworkInfo describes the data of a report.
type NetworkInfo struct {
	Name        string     `json:"name"`
	Actors      int        `json:"actors"`
	Links       int        `json:"links"`
	Sectors     []Count    `json:"sectors"`
	Kinds       []Count    `json:"kinds"`
	Elements    []Count    `json:"elements"`
	Grades      []Count    `json:"grades"`
	Ungraded    int        `json:"ungraded"`
	Hybrids     []ActorRef `json:"hybrids"`
	Commodities []Count    `json:"commodities"`
	Sources     []Count    `json:"sources"`
	// First and Last are the earliest and latest dates of the links ("" if
	// none is dated); Dated counts the dated links.
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
	Dated int    `json:"dated"`
	// Components is the number of connected components of the scope,
	// Largest the size of the largest.
	Components int `json:"components"`
	Largest    int `json:"largest"`
}

// Ranked is an actor's value in a ranking.
type Ranked struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Value float64 `json:"value"`
}

// Ranking is one measure's ranking: Top holds every actor with a
// non-zero value, highest first (ties in actor order); the HTML and
// Markdown tables show the first Options.Top.
type Ranking struct {
	Measure    string   `json:"measure"`
	Definition string   `json:"definition"`
	Top        []Ranked `json:"top"`
}

// Convergence is a convergence node (nexus.ConvergenceNode) with names and
// evidence: the links to its neighbours in A and B.
type Convergence struct {
	ID               string           `json:"id"`
	Name             string           `json:"name"`
	Sectors          []string         `json:"sectors"`
	Score            float64          `json:"score"`
	NexusBetweenness float64          `json:"nexus_betweenness"`
	Betweenness      float64          `json:"betweenness_norm"`
	Blau             float64          `json:"blau"`
	Multiplexity     float64          `json:"multiplexity"`
	Elements         []string         `json:"elements"`
	Hybrid           bool             `json:"hybrid"`
	NeighboursA      []ActorRef       `json:"neighbours_a"`
	NeighboursB      []ActorRef       `json:"neighbours_b"`
	Evidence         []network.LinkID `json:"evidence"`
}

// Broker is a cross-sector broker (nexus.Broker).
type Broker struct {
	ID             string `json:"id"`
	Name           string `json:"name"`
	Sector         string `json:"sector"`
	Liaison        int    `json:"liaison"`
	Representative int    `json:"representative"`
	Gatekeeper     int    `json:"gatekeeper"`
	Hybrid         int    `json:"hybrid"`
	Total          int    `json:"total"`
}

// Corruption is a corruption node (nexus.CorruptionNode).
type Corruption struct {
	ID       string           `json:"id"`
	Name     string           `json:"name"`
	A        []ActorRef       `json:"a"`
	B        []ActorRef       `json:"b"`
	Evidence []network.LinkID `json:"evidence"`
}

// IronTriangle is an iron triangle (nexus.IronTriangle).
type IronTriangle struct {
	State    ActorRef         `json:"state"`
	Licit    ActorRef         `json:"licit"`
	Criminal ActorRef         `json:"criminal"`
	Evidence []network.LinkID `json:"evidence"`
}

// ContinuumPair is a pair of groups placed on the continuum
// (nexus.ContinuumResult).
type ContinuumPair struct {
	A        ActorRef         `json:"a"`
	B        ActorRef         `json:"b"`
	Stage    string           `json:"stage"`
	Rule     string           `json:"rule"`
	Rules    []string         `json:"rules"`
	Evidence []network.LinkID `json:"evidence"`
}

// KeyPlayer is a member of the key-player set.
type KeyPlayer struct {
	ID           string  `json:"id"`
	Name         string  `json:"name"`
	Contribution float64 `json:"contribution"`
}

// KeyPlayerEffect is what removing the key players does.
type KeyPlayerEffect struct {
	Objective string `json:"objective"`
	// FragmentationBefore and After are Borgatti's F of the intact network
	// and without the key players.
	FragmentationBefore float64 `json:"fragmentation_before"`
	FragmentationAfter  float64 `json:"fragmentation_after"`
	// PairsBefore and PairsAfter count the ordered A–B pairs joined by a
	// path before and after (0 without sets).
	PairsBefore int `json:"ab_pairs_before"`
	PairsAfter  int `json:"ab_pairs_after"`
	// EfficiencyBefore and After are the global efficiencies.
	EfficiencyBefore float64 `json:"efficiency_before"`
	EfficiencyAfter  float64 `json:"efficiency_after"`
}

// Curve is the disruption curve of one strategy.
type Curve struct {
	Strategy string `json:"strategy"`
	// Measure names what Connected is: "A–B pairs connected" or "actors
	// in the largest component", as a share of step 0.
	Measure string      `json:"measure"`
	Steps   []CurveStep `json:"steps"`
}

// CurveStep is one removal of a disruption curve.
type CurveStep struct {
	Step       int     `json:"step"`
	ID         string  `json:"id"`
	Name       string  `json:"name"`
	Connected  float64 `json:"connected"`
	Efficiency float64 `json:"efficiency"`
	Largest    int     `json:"largest"`
	Components int     `json:"components"`
}

// Chain is the supply chain of one commodity.
type Chain struct {
	Commodity string `json:"commodity"`
	// Roles lists the chain's actors by role.
	Roles []Role `json:"roles"`
	// Audit answers the fourteen questions of Realuyo (2013).
	Audit []Answer `json:"audit"`
	// Sources and Markets are the places the routes run between.
	Sources []ActorRef `json:"sources"`
	Markets []ActorRef `json:"markets"`
	// Routes are the cheapest routes.
	Routes []Route `json:"routes"`
	// ChokepointActors and ChokepointLinks are the articulation points and
	// bridges of the source–market routes.
	ChokepointActors []ActorRef       `json:"chokepoint_actors"`
	ChokepointLinks  []network.LinkID `json:"chokepoint_links"`
	MaxFlow          *Flow            `json:"max_flow"`
	Interdiction     []InterdictStep  `json:"interdiction"`
	Evidence         []network.LinkID `json:"evidence"`
	Note             string           `json:"note,omitempty"`

	// slug names the chain's section and picture, unique in the report.
	slug string
}

// Role lists the actors of one supply-chain role.
type Role struct {
	Role   string     `json:"role"`
	Actors []ActorRef `json:"actors"`
}

// Answer is one audit answer.
type Answer struct {
	Element  string       `json:"element"`
	Question string       `json:"question"`
	Unknown  bool         `json:"unknown"`
	Items    []AnswerItem `json:"items"`
	Note     string       `json:"note,omitempty"`
}

// AnswerItem is a part of an audit answer: an actor or a value.
type AnswerItem struct {
	ID       string           `json:"id,omitempty"`
	Name     string           `json:"name,omitempty"`
	Value    string           `json:"value,omitempty"`
	Quantity float64          `json:"quantity,omitempty"`
	Evidence []network.LinkID `json:"evidence"`
}

// Route is a route from a source place to a market place.
type Route struct {
	Actors []ActorRef       `json:"actors"`
	Modes  []string         `json:"modes"`
	Cost   float64          `json:"cost"`
	Links  []network.LinkID `json:"evidence"`
}

// Flow is the maximum flow and a minimum cut.
type Flow struct {
	Value float64          `json:"value"`
	Cut   []network.LinkID `json:"cut"`
}

// InterdictStep is a point of the interdiction trade-off curve.
type InterdictStep struct {
	K      int              `json:"k"`
	Flow   float64          `json:"remaining_flow"`
	Links  []network.LinkID `json:"removed"`
	Exact  bool             `json:"exact"`
	Method string           `json:"method"`
}

// Chokepoint is a chokepoint of a commodity's routes: a place every route
// of some source–market pair passes (an articulation point), or a route
// link that is a bridge or in the minimum cut.
type Chokepoint struct {
	// ID is the place's actor ID, or for a link from>to:element:type (as
	// the command line writes links), with Link its ID.
	ID   string          `json:"id"`
	Name string          `json:"name"`
	Link *network.LinkID `json:"link,omitempty"`
	// Kind is "place", "bridge", "cut" or "bridge, cut".
	Kind      string           `json:"kind"`
	Commodity string           `json:"commodity"`
	Evidence  []network.LinkID `json:"evidence"`
}

// MoneyTrail is a money trail from A to B.
type MoneyTrail struct {
	Actors     []ActorRef       `json:"actors"`
	Channels   []string         `json:"channels"`
	Fronts     []ActorRef       `json:"fronts"`
	Bottleneck float64          `json:"bottleneck"`
	Confidence float64          `json:"confidence"`
	Evidence   []network.LinkID `json:"evidence"`
}

// Gateway is a money-convergence point: an actor where money trails from
// A reach B.
type Gateway struct {
	ID       string           `json:"id"`
	Name     string           `json:"name"`
	Sources  []ActorRef       `json:"sources"`
	Targets  []ActorRef       `json:"targets"`
	Trails   int              `json:"trails"`
	Evidence []network.LinkID `json:"evidence"`
}

// Pattern is a laundering pattern.
type Pattern struct {
	Kind     string           `json:"kind"`
	Central  []ActorRef       `json:"central"`
	Actors   int              `json:"actors"`
	Amount   float64          `json:"amount"`
	Evidence []network.LinkID `json:"evidence"`
}

// EarlyWarning compares two windows.
type EarlyWarning struct {
	// Earlier and Later describe the two windows or snapshots.
	Earlier string `json:"earlier"`
	Later   string `json:"later"`
	// LaterLinks reports that the evidence IDs of NewLinks are links of
	// the later snapshot, not of the report's network.
	LaterLinks bool      `json:"later_links,omitempty"`
	NewLinks   []NewLink `json:"new_links"`
	NewBrokers []Ranked  `json:"new_brokers"`
	Rises      []Rise    `json:"rises"`
}

// NewLink is a new cross-sector tie.
type NewLink struct {
	Actors   [2]ActorRef      `json:"actors"`
	Evidence []network.LinkID `json:"evidence"`
}

// Rise is a rise of nexus betweenness.
type Rise struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	Before float64 `json:"before"`
	After  float64 `json:"after"`
}

// Robustness is the grade-aware robustness of the nexus-betweenness
// ranking at organisation level (package nexus/robust): a Monte Carlo over
// the links, each kept with its grade's confidence, and the links whose
// single removal changes the top of the ranking.
type Robustness struct {
	Measure string `json:"measure"`
	Runs    int    `json:"runs"`
	Seed    uint64 `json:"seed"`
	K       int    `json:"k"`
	// Actors are the actors ranked first in some run or in the full
	// ranking's top k, by decreasing P(first).
	Actors []RobustActor `json:"actors"`
	// PFullFirst is the share of runs whose first actor is the full
	// ranking's; TauMean the mean Kendall τ-b between a run's ranking and
	// the full one, nil (null) when τ-b is undefined in every run (every
	// score equal).
	PFullFirst float64  `json:"p_full_first"`
	TauMean    *float64 `json:"tau_mean"`
	// Critical are the links whose single removal changes the first actor
	// or the top k, most critical first (empty when none does, nil when
	// not computed).
	Critical []CriticalLink `json:"critical"`
}

// RobustActor is an actor's distribution over the Monte Carlo runs.
type RobustActor struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Full     float64 `json:"full"`
	FullRank int     `json:"full_rank"`
	Mean     float64 `json:"mean"`
	Low      float64 `json:"p05"`
	High     float64 `json:"p95"`
	PFirst   float64 `json:"p_first"`
	PTop     float64 `json:"p_top"`
}

// CriticalLink is a link whose removal alone changes the top of the
// ranking (robust.CriticalLink).
type CriticalLink struct {
	Link         network.LinkID `json:"link"`
	ChangesFirst bool           `json:"changes_first"`
	First        []ActorRef     `json:"first"`
	Dropped      []ActorRef     `json:"dropped"`
	Entered      []ActorRef     `json:"entered"`
}

// Definition is an entry of "how to read this".
type Definition struct {
	Term       string `json:"term"`
	Definition string `json:"definition"`
	Reference  string `json:"reference"`
}

// Evidence is a link cited by a finding.
type Evidence struct {
	ID         network.LinkID `json:"id"`
	From       ActorRef       `json:"from"`
	To         ActorRef       `json:"to"`
	Mutual     bool           `json:"mutual"`
	Element    string         `json:"element"`
	Type       string         `json:"type"`
	Commodity  string         `json:"commodity,omitempty"`
	Mode       string         `json:"mode,omitempty"`
	Channel    string         `json:"channel,omitempty"`
	Start      string         `json:"start,omitempty"`
	End        string         `json:"end,omitempty"`
	Source     string         `json:"source"`
	Grade      string         `json:"grade"`
	Confidence float64        `json:"confidence"`
	Statement  string         `json:"statement,omitempty"`
}

// Picture is a picture of the report: its file name (relative to the
// report's directory), title and caption. Its SVG is written by Write and
// inlined by WriteHTML.
type Picture struct {
	File    string `json:"file"`
	Title   string `json:"title"`
	Caption string `json:"caption"`
	svg     []byte
}

// SVG returns the picture's SVG document.
func (p Picture) SVG() []byte { return p.svg }

// progress reports the stages of Build.
type progress struct {
	w     io.Writer
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer) *progress {
	now := time.Now()
	return &progress{w: w, start: now, last: now}
}

// done reports that stage took the time since the last call.
func (p *progress) done(stage string) {
	if p.w == nil {
		return
	}
	now := time.Now()
	fmt.Fprintf(p.w, "report: %-28s %7.2fs (total %.2fs)\n", stage, now.Sub(p.last).Seconds(), now.Sub(p.start).Seconds())
	p.last = now
}
