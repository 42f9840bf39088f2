package netio

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
)

func TestDbgMem(t *testing.T) {
	path := os.Getenv("DBG_FILE")
	if path == "" {
		t.Skip()
	}
	f, _ := os.Open(path)
	n, err := ReadEdgeList(f, path, nil, "", EdgeListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	peak, _ := vmHWM()
	fmt.Printf("links %d heapAlloc %d MB heapSys %d MB heapInuse %d MB released %d MB total %d MB numGC %d hwm %d MB\n", n.NumLinks(), ms.HeapAlloc>>20, ms.HeapSys>>20, ms.HeapInuse>>20, ms.HeapReleased>>20, ms.TotalAlloc>>20, ms.NumGC, peak>>20)
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Printf("after GC heapAlloc %d MB\n", ms.HeapAlloc>>20)
	if p := os.Getenv("DBG_PROF"); p != "" {
		pf, _ := os.Create(p)
		pprof.WriteHeapProfile(pf)
		pf.Close()
	}
	runtime.KeepAlive(n)
}
