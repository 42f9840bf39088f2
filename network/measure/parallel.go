package measure

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Options tunes how the heavy measures (betweenness, closeness, harmonic)
// run. The zero value, or no Options at all, is the default. Options never
// change results: every measure splits its sources into the same fixed
// chunks and sums the chunks' partial results in the same order whatever
// the number of workers, so outputs are bitwise identical.
type Options struct {
	// Workers is the number of goroutines to use; 0 or less means
	// runtime.GOMAXPROCS(0).
	Workers int
}

// workersOf returns the worker count of the first of opts (callers pass at
// most one), defaulting to GOMAXPROCS.
func workersOf(opts []Options) int {
	if len(opts) > 0 && opts[0].Workers > 0 {
		return opts[0].Workers
	}
	return runtime.GOMAXPROCS(0)
}

// maxChunks is the number of contiguous chunks the sources 0 … n-1 are cut
// into (fewer when n is smaller). It is a constant, independent of the
// number of workers, so the order of floating-point sums is fixed.
const maxChunks = 128

// numChunks returns the number of chunks for n sources.
func numChunks(n int) int { return min(n, maxChunks) }

// chunkBounds returns the bounds of chunk k of chunks: sources lo … hi-1.
func chunkBounds(n, chunks, k int) (lo, hi int) {
	return k * n / chunks, (k + 1) * n / chunks
}

// runChunks is the parallel-for under the helpers below. It cuts 0 … n-1
// into numChunks(n) chunks and starts min(workers, chunks) goroutines that
// pull chunks in increasing order. Each goroutine first calls newWorker
// once, to set up its scratch space, and then calls the function it returns
// for every chunk it pulls (chunk index k, sources lo … hi-1). With one
// worker everything runs on the calling goroutine.
func runChunks(n, workers int, newWorker func() func(k, lo, hi int)) {
	chunks := numChunks(n)
	if chunks == 0 {
		return
	}
	workers = max(1, min(workers, chunks))
	if workers == 1 {
		run := newWorker()
		for k := range chunks {
			lo, hi := chunkBounds(n, chunks, k)
			run(k, lo, hi)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	wg.Add(workers)
	for range workers {
		go func() {
			defer wg.Done()
			run := newWorker()
			for {
				k := int(next.Add(1) - 1)
				if k >= chunks {
					return
				}
				lo, hi := chunkBounds(n, chunks, k)
				run(k, lo, hi)
			}
		}()
	}
	wg.Wait()
}

// forEachSource calls body(scratch, s) for every source s in 0 … n-1 in
// parallel, with one scratch value per worker made by newScratch. It suits
// measures whose result for s depends on s alone (closeness), which body
// writes to its own slot of an output slice.
func forEachSource[S any](n, workers int, newScratch func() S, body func(sc S, s int)) {
	runChunks(n, workers, func() func(k, lo, hi int) {
		sc := newScratch()
		return func(_, lo, hi int) {
			for s := lo; s < hi; s++ {
				body(sc, s)
			}
		}
	})
}

// sumOverSources returns Σ_s v_s for vectors v_s of length size, where
// body(scratch, acc, s) adds v_s into acc, for every source s in 0 … n-1.
// Each chunk of sources accumulates into its own zeroed buffer, and chunk
// buffers are added to the total strictly in chunk order (total = ((c₀ +
// c₁) + c₂) + …), as soon as all earlier chunks are done; buffers are then
// recycled. The result is therefore bitwise the same for any number of
// workers, while only about as many buffers as workers are alive at once.
func sumOverSources[S any](n, size, workers int, newScratch func() S, body func(sc S, acc []float64, s int)) []float64 {
	total := make([]float64, size)
	chunks := numChunks(n)
	if chunks == 0 {
		return total
	}
	if max(1, min(workers, chunks)) == 1 {
		// Same arithmetic as the parallel path, without the bookkeeping.
		sc := newScratch()
		buf := make([]float64, size)
		for k := range chunks {
			lo, hi := chunkBounds(n, chunks, k)
			for s := lo; s < hi; s++ {
				body(sc, buf, s)
			}
			addInto(total, buf, k == 0)
			clear(buf)
		}
		return total
	}
	var (
		mu      sync.Mutex
		pending = make([][]float64, chunks) // finished, not yet merged
		merged  int                         // chunks 0 … merged-1 are in total
		free    [][]float64
	)
	runChunks(n, workers, func() func(k, lo, hi int) {
		sc := newScratch()
		return func(k, lo, hi int) {
			mu.Lock()
			var buf []float64
			if len(free) > 0 {
				buf, free = free[len(free)-1], free[:len(free)-1]
			}
			mu.Unlock()
			if buf == nil {
				buf = make([]float64, size)
			}
			for s := lo; s < hi; s++ {
				body(sc, buf, s)
			}
			mu.Lock()
			defer mu.Unlock()
			pending[k] = buf
			for merged < chunks && pending[merged] != nil {
				b := pending[merged]
				addInto(total, b, merged == 0)
				clear(b)
				pending[merged] = nil
				free = append(free, b)
				merged++
			}
		}
	})
	return total
}

// addInto adds src to dst (copies it if first, so that the first chunk's
// values are not perturbed by adding them to zeros — which is exact anyway
// except for -0).
func addInto(dst, src []float64, first bool) {
	if first {
		copy(dst, src)
		return
	}
	for i, x := range src {
		dst[i] += x
	}
}
