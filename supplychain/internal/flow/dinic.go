package flow

import "math"

// network is the residual network of the maximum-flow algorithms (Dinic's,
// here, and push–relabel, in pushrelabel.go). Residual edges come
// in pairs: edge e (even) is the forward copy of an arc, e^1 its reverse.
// The tail of e is to[e^1]. Out-edges of a node are scanned in increasing
// edge order, so every run is deterministic.
type network struct {
	n      int
	to     []int32
	cap    []float64 // capacity of each residual edge (reverse edges 0)
	res    []float64 // residual capacity
	head   []int32   // out-edges of v are adj[head[v]:head[v+1]]
	adj    []int32
	level  []int32
	iter   []int32
	queue  []int32
	path   []int32
	prev   []int32 // BFS tree edge, for infinitePath
	hasInf bool    // some forward edge has infinite capacity
}

// edgeList collects the edges of a network before it is built.
type edgeList struct {
	to  []int32
	cap []float64
}

// add appends the edge u→v of capacity c and its reverse; it returns the
// index of the forward edge.
func (l *edgeList) add(u, v int, c float64) int {
	e := len(l.to)
	l.to = append(l.to, int32(v), int32(u))
	l.cap = append(l.cap, c, 0)
	return e
}

// build returns the network on n nodes with the edges of l.
func (l *edgeList) build(n int) *network {
	m := len(l.to)
	nw := &network{
		n:     n,
		to:    l.to,
		cap:   l.cap,
		res:   make([]float64, m),
		head:  make([]int32, n+1),
		adj:   make([]int32, m),
		level: make([]int32, n),
		iter:  make([]int32, n),
		queue: make([]int32, 0, n),
		prev:  make([]int32, n),
	}
	for e := 0; e < m; e++ {
		nw.head[l.to[e^1]+1]++
		if e&1 == 0 && math.IsInf(l.cap[e], 1) {
			nw.hasInf = true
		}
	}
	for v := 0; v < n; v++ {
		nw.head[v+1] += nw.head[v]
	}
	fill := make([]int32, n)
	copy(fill, nw.head[:n])
	for e := 0; e < m; e++ {
		u := l.to[e^1]
		nw.adj[fill[u]] = int32(e)
		fill[u]++
	}
	return nw
}

// tail returns the tail of residual edge e.
func (nw *network) tail(e int32) int32 { return nw.to[e^1] }

// infinitePath returns the forward edges of a path from s to t made only
// of edges of infinite capacity (breadth-first, so a fewest-edge one, ties
// by edge order), or nil if there is none.
func (nw *network) infinitePath(s, t int) []int32 {
	if !nw.hasInf {
		return nil
	}
	for v := range nw.prev {
		nw.prev[v] = -1
	}
	q := append(nw.queue[:0], int32(s))
	nw.prev[s] = -2
	for i := 0; i < len(q); i++ {
		u := q[i]
		for _, e := range nw.adj[nw.head[u]:nw.head[u+1]] {
			v := nw.to[e]
			if e&1 != 0 || nw.prev[v] != -1 || !math.IsInf(nw.cap[e], 1) {
				continue
			}
			nw.prev[v] = e
			if int(v) == t {
				var p []int32
				for w := int32(t); w != int32(s); w = nw.tail(nw.prev[w]) {
					p = append(p, nw.prev[w])
				}
				for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
					p[i], p[j] = p[j], p[i]
				}
				return p
			}
			q = append(q, v)
		}
	}
	nw.queue = q
	return nil
}

// maxFlow runs Dinic's algorithm from s to t from a zero flow and returns
// the flow value; the flow on forward edge e is res[e^1] afterwards. The
// caller must first make sure infinitePath(s, t) is nil.
func (nw *network) maxFlow(s, t int) float64 {
	copy(nw.res, nw.cap)
	total := 0.0
	for nw.bfs(s, t) {
		copy(nw.iter, nw.head[:nw.n])
		total += nw.blockingFlow(int32(s), int32(t))
	}
	return total
}

// bfs labels every node with its residual distance from s (−1 if
// unreachable) and reports whether t is reachable.
func (nw *network) bfs(s, t int) bool {
	for v := range nw.level {
		nw.level[v] = -1
	}
	q := append(nw.queue[:0], int32(s))
	nw.level[s] = 0
	for i := 0; i < len(q); i++ {
		u := q[i]
		if int(u) == t {
			break // nodes no nearer than t are useless in this phase
		}
		for _, e := range nw.adj[nw.head[u]:nw.head[u+1]] {
			v := nw.to[e]
			if nw.res[e] > 0 && nw.level[v] < 0 {
				nw.level[v] = nw.level[u] + 1
				q = append(q, v)
			}
		}
	}
	nw.queue = q
	return nw.level[t] >= 0
}

// blockingFlow saturates the level graph by repeated depth-first searches
// with current-edge pointers (iterative, so long paths do not grow the
// stack) and returns the flow added.
func (nw *network) blockingFlow(s, t int32) float64 {
	total := 0.0
	path := nw.path[:0]
	u := s
	lt := nw.level[t]
	for {
		if u == t {
			f := math.Inf(1)
			for _, e := range path {
				f = math.Min(f, nw.res[e])
			}
			first := -1
			for i, e := range path {
				nw.res[e] -= f
				nw.res[e^1] += f
				if first < 0 && nw.res[e] <= 0 {
					first = i
				}
			}
			total += f
			path = path[:first]
			u = s
			if first > 0 {
				u = nw.to[path[first-1]]
			}
			continue
		}
		advanced := false
		if nw.level[u] < lt {
			for end := nw.head[u+1]; nw.iter[u] < end; nw.iter[u]++ {
				e := nw.adj[nw.iter[u]]
				v := nw.to[e]
				if nw.res[e] > 0 && nw.level[v] == nw.level[u]+1 {
					path = append(path, e)
					u = v
					advanced = true
					break
				}
			}
		}
		if advanced {
			continue
		}
		if u == s {
			break
		}
		nw.level[u] = -1 // dead end for the rest of the phase
		e := path[len(path)-1]
		path = path[:len(path)-1]
		u = nw.tail(e)
		nw.iter[u]++
	}
	nw.path = path
	return total
}

// reachable marks the nodes reachable from s in the residual network.
func (nw *network) reachable(s int, mark []bool) {
	for v := range mark {
		mark[v] = false
	}
	q := append(nw.queue[:0], int32(s))
	mark[s] = true
	for i := 0; i < len(q); i++ {
		u := q[i]
		for _, e := range nw.adj[nw.head[u]:nw.head[u+1]] {
			if v := nw.to[e]; nw.res[e] > 0 && !mark[v] {
				mark[v] = true
				q = append(q, v)
			}
		}
	}
	nw.queue = q
}

// reaching marks the nodes from which t is reachable in the residual
// network.
func (nw *network) reaching(t int, mark []bool) {
	for v := range mark {
		mark[v] = false
	}
	q := append(nw.queue[:0], int32(t))
	mark[t] = true
	for i := 0; i < len(q); i++ {
		v := q[i]
		// e leaves v, so e^1 enters v from to[e].
		for _, e := range nw.adj[nw.head[v]:nw.head[v+1]] {
			if u := nw.to[e]; nw.res[e^1] > 0 && !mark[u] {
				mark[u] = true
				q = append(q, u)
			}
		}
	}
	nw.queue = q
}
