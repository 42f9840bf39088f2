package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/illicitnet/illicit/network"
	"github.com/illicitnet/illicit/network/analysis"
	"github.com/illicitnet/illicit/supplychain"
)

// runFlow times a supply-chain route analysis on a route file: lines
// "from,to,capacity,cost" of integer node indices (a header line is
// skipped), the sources the nodes 0 … s-1 and the markets the last s
// nodes. The route network is built once; the analysis runs repeat times.
func runFlow(path, which string, sources, k, repeat int, out io.Writer) error {
	rn, n, err := loadRoutes(path)
	if err != nil {
		return err
	}
	if 2*sources > n {
		return fmt.Errorf("%d sources and markets need at least %d nodes", sources, 2*sources)
	}
	var src, mkt []string
	supply, demand := map[string]float64{}, map[string]float64{}
	for i := range sources {
		src = append(src, strconv.Itoa(i))
		mkt = append(mkt, strconv.Itoa(n-1-i))
		supply[src[i]], demand[mkt[i]] = 100, 100
	}
	var f func() (float64, error)
	switch which {
	case "maxflow":
		f = func() (float64, error) {
			c, err := rn.MaxFlow(src, mkt, supplychain.FlowOptions{})
			return c.Value, err
		}
	case "kcheapest":
		f = func() (float64, error) {
			r, err := rn.Routes(src[:1], mkt[:1], k)
			if err != nil || len(r) == 0 {
				return 0, err
			}
			return r[len(r)-1].Cost, nil
		}
	case "mincost":
		f = func() (float64, error) {
			r, err := rn.Displace(supplychain.DisplaceOptions{Supply: supply, Demand: demand})
			return r.Before.Cost, err
		}
	default:
		return fmt.Errorf("unknown flow analysis %q (want maxflow, kcheapest or mincost)", which)
	}
	var value float64
	times := make([]float64, 0, repeat)
	for range max(1, repeat) {
		t := time.Now()
		v, err := f()
		if err != nil {
			return err
		}
		times = append(times, time.Since(t).Seconds())
		value = v
	}
	slices.Sort(times)
	fmt.Fprintf(out, "analysis=%s n=%d arcs=%d value=%g median_s=%.6f\n", which, n, rn.NumRoutes(), value, times[len(times)/2])
	return nil
}

// loadRoutes reads a route file into a route network.
func loadRoutes(path string) (*supplychain.RouteNetwork, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	type arc struct {
		u, v      int
		cap, cost float64
	}
	var arcs []arc
	n := 0
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		parts := strings.Split(strings.TrimSpace(sc.Text()), ",")
		if len(parts) != 4 {
			return nil, 0, fmt.Errorf("%s:%d: want from,to,capacity,cost", path, line)
		}
		u, err1 := strconv.Atoi(parts[0])
		v, err2 := strconv.Atoi(parts[1])
		c, err3 := strconv.ParseFloat(parts[2], 64)
		w, err4 := strconv.ParseFloat(parts[3], 64)
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			if line == 1 {
				continue // header
			}
			return nil, 0, fmt.Errorf("%s:%d: bad number", path, line)
		}
		arcs = append(arcs, arc{u, v, c, w})
		n = max(n, u+1, v+1)
	}
	if err := sc.Err(); err != nil {
		return nil, 0, err
	}
	net := network.New("routes")
	for i := range n {
		if err := net.AddActor(network.Actor{ID: strconv.Itoa(i), Kind: network.City}); err != nil {
			return nil, 0, err
		}
	}
	for _, a := range arcs {
		if _, err := net.AddLink(network.Link{From: strconv.Itoa(a.u), To: strconv.Itoa(a.v), Element: network.Mechanism,
			Weight: a.cap, Attributes: network.Attributes{"cost": a.cost}}); err != nil {
			return nil, 0, err
		}
	}
	s, err := analysis.NewScope(net, analysis.ScopeOptions{})
	if err != nil {
		return nil, 0, err
	}
	rn, err := supplychain.NewRouteNetwork(s, supplychain.RouteOptions{})
	return rn, n, err
}
