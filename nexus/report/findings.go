package report

import (
	"fmt"
	"strings"

	"github.com/illicitnet/illicit/network"
)

// findings writes the key findings from the sections: each sentence is
// made of computed values and cites the links of the finding it sums up.
func (b *builder) findings() {
	r := b.r
	add := func(topic string, ev []network.LinkID, format string, args ...any) {
		r.Findings = append(r.Findings, Finding{Topic: topic, Text: fmt.Sprintf(format, args...), Evidence: nonNil(ev)})
	}
	if len(r.Convergence) > 0 {
		c := r.Convergence[0]
		var hybrids []string
		for _, x := range r.Convergence {
			if x.Hybrid {
				hybrids = append(hybrids, x.Name)
			}
		}
		text := fmt.Sprintf("%d actors tie set A (%s) to set B (%s). The strongest convergence node is %s (score %s, nexus betweenness %s), tied to %s in A and %s in B",
			len(r.Convergence), r.Scope.A, r.Scope.B, c.Name, num(c.Score), num(c.NexusBetweenness), orNone(names(c.NeighboursA)), orNone(names(c.NeighboursB)))
		if len(r.Convergence) > 1 {
			text += fmt.Sprintf("; then %s", names(firstRefs(r.Convergence[1:], 4)))
		}
		if len(hybrids) > 0 {
			text += fmt.Sprintf(". Hybrids, in both sectors at once: %s", strings.Join(hybrids, ", "))
		}
		add("convergence", c.Evidence, "%s.", text)
	}
	if len(r.Brokers) > 0 {
		x := r.Brokers[0]
		add("brokers", nil, "The main cross-sector broker is %s (%s): %d two-paths from A to B pass through it (liaison %d, representative %d, gatekeeper %d, hybrid %d).",
			x.Name, x.Sector, x.Total, x.Liaison, x.Representative, x.Gatekeeper, x.Hybrid)
	}
	if len(r.Corruption) > 0 || len(r.IronTriangles) > 0 {
		var ev []network.LinkID
		var officials []string
		for _, c := range r.Corruption {
			officials = append(officials, c.Name)
		}
		if len(r.IronTriangles) > 0 {
			ev = r.IronTriangles[0].Evidence
		} else {
			ev = r.Corruption[0].Evidence
		}
		text := fmt.Sprintf("%d state bodies are tied to set A or B (%s)", len(r.Corruption), orNone(strings.Join(officials, ", ")))
		if len(r.IronTriangles) > 0 {
			t := r.IronTriangles[0]
			text += fmt.Sprintf("; %d iron triangles of officials, business and crime, the first %s – %s – %s", len(r.IronTriangles), t.State.Name, t.Licit.Name, t.Criminal.Name)
		}
		add("corruption", ev, "%s.", text)
	}
	if len(r.Continuum) > 0 {
		c := r.Continuum[0]
		add("continuum", c.Evidence, "%d pairs of groups stand on the crime–terror continuum; the furthest along is %s and %s, at the %s stage (%s).",
			len(r.Continuum), c.A.Name, c.B.Name, c.Stage, strings.Join(c.Rules, ", "))
	}
	if len(r.KeyPlayers) > 0 {
		e := r.KeyPlayerEffect
		text := fmt.Sprintf("Removing the %d key players (%s) leaves %s of the pairs of actors unable to reach each other (fragmentation F, from %s)",
			len(r.KeyPlayers), names(keyRefs(r.KeyPlayers)), num(e.FragmentationAfter), num(e.FragmentationBefore))
		if e.PairsBefore > 0 {
			text += fmt.Sprintf("; the A–B pairs joined by a path fall from %d to %d", e.PairsBefore, e.PairsAfter)
		}
		add("key players", nil, "%s.", text)
	}
	for _, ch := range r.Chains {
		if ch.MaxFlow == nil {
			continue
		}
		text := fmt.Sprintf("The %s routes from %s to %s carry at most %s (maximum flow)", ch.Commodity, names(ch.Sources), names(ch.Markets), num(ch.MaxFlow.Value))
		ev := ch.MaxFlow.Cut
		for _, st := range ch.Interdiction {
			if st.K > 0 && st.Flow == 0 {
				text += fmt.Sprintf("; removing %s stops it", plural(st.K, "route link"))
				ev = st.Links
				break
			}
		}
		if last := ch.Interdiction[len(ch.Interdiction)-1]; last.Flow > 0 && last.K > 0 {
			text += fmt.Sprintf("; removing the best %s leaves %s", plural(last.K, "route link"), num(last.Flow))
			ev = last.Links
		}
		if len(ch.ChokepointActors) > 0 {
			text += fmt.Sprintf("; chokepoints: %s", names(ch.ChokepointActors))
		}
		add("supply chain", ev, "%s.", text)
	}
	if len(r.MoneyConvergence) > 0 {
		var ev []network.LinkID
		var parts []string
		for _, g := range r.MoneyConvergence {
			parts = append(parts, fmt.Sprintf("%s (pays %s)", g.Name, names(g.Targets)))
			ev = append(ev, g.Evidence...)
		}
		add("money", dedup(ev), "Criminal money reaches terrorists at %d points: %s.", len(r.MoneyConvergence), strings.Join(parts, "; "))
	}
	if w := r.EarlyWarning; w != nil && (len(w.NewLinks) > 0 || len(w.NewBrokers) > 0 || len(w.Rises) > 0) {
		var parts []string
		var ev []network.LinkID
		if len(w.NewLinks) > 0 {
			var pairs []string
			for _, l := range w.NewLinks {
				pairs = append(pairs, l.Actors[0].Name+" – "+l.Actors[1].Name)
				if !w.LaterLinks {
					ev = append(ev, l.Evidence...)
				}
			}
			parts = append(parts, fmt.Sprintf("%d new cross-sector ties (%s)", len(w.NewLinks), strings.Join(pairs, "; ")))
		}
		if len(w.NewBrokers) > 0 {
			var nb []string
			for _, x := range w.NewBrokers {
				nb = append(nb, x.Name)
			}
			parts = append(parts, "new brokers: "+strings.Join(nb, ", "))
		}
		if len(w.Rises) > 0 {
			x := w.Rises[0]
			parts = append(parts, fmt.Sprintf("the largest rise in nexus betweenness: %s, %s → %s", x.Name, num(x.Before), num(x.After)))
		}
		add("early warning", dedup(ev), "From %s to %s: %s.", w.Earlier, w.Later, strings.Join(parts, "; "))
	}
	if rb := r.Robustness; rb != nil && len(rb.Actors) > 0 {
		var first *RobustActor
		for i := range rb.Actors {
			if rb.Actors[i].FullRank == 1 {
				first = &rb.Actors[i]
			}
		}
		if first != nil {
			text := fmt.Sprintf("How sure: %s is first by nexus betweenness in %s of %d samples of the links by their grades (90 %% interval %s – %s)",
				first.Name, pct(first.PFirst), rb.Runs, num(first.Low), num(first.High))
			var ev []network.LinkID
			if len(rb.Critical) > 0 {
				changes := 0
				for _, c := range rb.Critical {
					if c.ChangesFirst {
						changes++
					}
					ev = append(ev, c.Link)
				}
				first := "none of them the first actor"
				if changes > 0 {
					first = fmt.Sprintf("%d of them the first actor", changes)
				}
				verb := "change"
				if len(rb.Critical) == 1 {
					verb = "changes"
				}
				text += fmt.Sprintf("; %s alone %s the top %d, %s", plural(len(rb.Critical), "link"), verb, rb.K, first)
			} else if rb.Critical != nil {
				text += fmt.Sprintf("; no single link changes the top %d", rb.K)
			}
			add("robustness", ev, "%s.", text)
		}
	}
	if len(r.Findings) == 0 {
		for _, rk := range r.Rankings {
			if rk.Measure == "betweenness" && len(rk.Top) > 0 {
				add("brokers", nil, "No crime–terror analysis applies to these data (see the notes); the actor most between the others is %s (betweenness %s).", rk.Top[0].Name, num(rk.Top[0].Value))
			}
		}
	}
	r.Findings = nonNil(r.Findings)
}

// plural writes a count and a noun: "1 route link", "2 route links".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func firstRefs(cs []Convergence, k int) []ActorRef {
	var out []ActorRef
	for _, c := range cs[:min(k, len(cs))] {
		out = append(out, ActorRef{ID: c.ID, Name: c.Name})
	}
	return out
}

func keyRefs(ks []KeyPlayer) []ActorRef {
	out := make([]ActorRef, len(ks))
	for i, k := range ks {
		out[i] = ActorRef{ID: k.ID, Name: k.Name}
	}
	return out
}
