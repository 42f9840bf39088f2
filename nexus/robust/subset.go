package robust

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
)

// evidence is a scope's links that an analysis may drop: every link the
// scope keeps between two distinct actors (self-links are left out of
// views, so dropping one changes nothing), in link order.
type evidence struct {
	s     *analysis.Scope
	links []network.Link
	opts  analysis.ScopeOptions
}

func newEvidence(s *analysis.Scope) (*evidence, error) {
	if s == nil {
		return nil, errorf("nil scope")
	}
	if s.Len() == 0 {
		return nil, errorf("the scope has no actor: there is nothing to rank")
	}
	e := &evidence{s: s, opts: s.Options()}
	// Each sub-scope is measured on one goroutine: the analyses run many
	// of them in parallel. Measures give the same result for any worker
	// count.
	e.opts.Workers = 1
	for l := range s.Network().LinksSeq() {
		if l.From != l.To && s.Keeps(l) {
			e.links = append(e.links, l)
		}
	}
	return e, nil
}

// scope returns the scope of the same options on a copy of the network
// that holds every actor (in order, so that the scope's actors and sets are
// unchanged) and, of the evidence, the links keep accepts (by their index
// in e.links), in link order. Links the scope does not keep are left out of
// the copy: they would be left out of the view anyway.
func (e *evidence) scope(keep func(i int) bool) (*analysis.Scope, error) {
	n := e.s.Network()
	out := network.New(n.Name)
	if err := out.SetInfo(n.Name, n.Description, n.Attributes); err != nil {
		return nil, err
	}
	out.Grow(n.NumActors(), len(e.links))
	for _, a := range n.Actors() {
		if err := out.AddActor(a); err != nil {
			return nil, err
		}
	}
	for i, l := range e.links {
		if keep(i) {
			if _, err := out.AddLink(l); err != nil {
				return nil, err
			}
		}
	}
	return analysis.NewScope(out, e.opts)
}

// parallel calls f(i) for i = 0 … n-1 on workers goroutines (0 or less:
// GOMAXPROCS) and returns the error of the lowest i that failed, so that
// the outcome does not depend on scheduling. After a failure, the indices
// above it not yet started are skipped.
func parallel(n, workers int, f func(i int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	errs := make([]error, n)
	var next atomic.Int64
	var lowest atomic.Int64 // the lowest index that failed so far; n if none
	lowest.Store(int64(n))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				// Indices above a failure are skipped; those below it
				// still run, so the lowest failure is always found.
				if i >= n || int64(i) > lowest.Load() {
					return
				}
				if err := f(i); err != nil {
					errs[i] = err
					for {
						low := lowest.Load()
						if int64(i) >= low || lowest.CompareAndSwap(low, int64(i)) {
							break
						}
					}
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
