package measure

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// The bounds of ReadEdgeList.
const (
	edgeListMaxLine  = 4096    // bytes in one line, end of line included
	edgeListMaxNodes = 1 << 24 // node indices are below this
	edgeListMaxEdges = 1 << 28 // data lines
)

// ReadEdgeList reads a Graph from an edge list of integer node indices, the
// form benchmark and comparison graphs are written in (NetworkX's
// write_edgelist(data=False), a CSV "u,v" per line, SNAP's text files).
//
// Each line is "u v" or "u v w": two node indices and an optional edge
// weight, separated by one comma (each field trimmed of surrounding space)
// or, on a line without a comma, by spaces and tabs. Node indices are
// decimal integers from 0; the graph has nodes 0 … max index, so indices
// that appear in no line are isolates. Blank lines and lines starting with
// '#' are skipped, and so is the first other line if its first field is not
// an integer (a header such as "source,target"). The edges are arcs u→v if
// directed, undirected edges otherwise; self-loops are dropped and repeated
// edges merged, keeping the last weight, as in FromEdges.
//
// The graph is weighted if any line has a weight; lines without one weigh
// 1. A weight is a finite, non-negative number (a length, for the path
// measures).
//
// Input is bounded: a line, its end of line included, may hold at most
// 4096 bytes, node indices must be below 2²⁴ (16,777,216) and there may be
// at most 2²⁸ edge lines; memory otherwise grows with the input (wrap r in
// an io.LimitReader to bound it further). Beyond a bound, and on any line
// that does not parse, ReadEdgeList returns an error naming the line
// (counted from 1); it never panics on bad input. Errors from r are
// returned wrapped.
func ReadEdgeList(r io.Reader, directed bool) (*Graph, error) {
	return readEdgeList(r, directed, edgeListMaxNodes, edgeListMaxEdges)
}

func readEdgeList(r io.Reader, directed bool, maxNodes, maxEdges int) (*Graph, error) {
	fail := func(line int, format string, args ...any) error {
		return fmt.Errorf("measure: edge list line %d: %s", line, fmt.Sprintf(format, args...))
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, edgeListMaxLine), edgeListMaxLine)
	var from, to []int
	var w []float64
	n, weighted, first, line := 0, false, true, 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || text[0] == '#' {
			continue
		}
		var fields []string
		if strings.Contains(text, ",") {
			fields = strings.Split(text, ",")
			for i := range fields {
				fields[i] = strings.TrimSpace(fields[i])
			}
		} else {
			fields = strings.Fields(text)
		}
		if first {
			first = false
			if _, err := strconv.Atoi(fields[0]); err != nil {
				continue // a header
			}
		}
		if len(fields) < 2 || len(fields) > 3 {
			return nil, fail(line, "%d field(s): want u v or u v w", len(fields))
		}
		if len(from) == maxEdges {
			return nil, fail(line, "more than %d edges", maxEdges)
		}
		var ends [2]int
		for k := range ends {
			x, err := strconv.Atoi(fields[k])
			if err != nil || x < 0 || x >= maxNodes {
				return nil, fail(line, "node %q: want an integer from 0 to %d", fields[k], maxNodes-1)
			}
			ends[k] = x
		}
		x := 1.0
		if len(fields) == 3 {
			var err error
			x, err = strconv.ParseFloat(fields[2], 64)
			if err != nil || math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
				return nil, fail(line, "weight %q: want a finite non-negative number", fields[2])
			}
			weighted = true
		}
		from, to, w = append(from, ends[0]), append(to, ends[1]), append(w, x)
		n = max(n, ends[0]+1, ends[1]+1)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fail(line+1, "longer than %d bytes", edgeListMaxLine)
		}
		return nil, fmt.Errorf("measure: edge list: %w", err)
	}
	if !weighted {
		w = nil
	}
	return FromEdges(n, directed, from, to, w)
}
