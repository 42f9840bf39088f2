package netio

import (
	"os"
	"testing"
)

func TestDbgGen(t *testing.T) {
	p := os.Getenv("DBG_GEN")
	if p == "" {
		t.Skip()
	}
	f, _ := os.Create(p)
	writeRandomEdgeList(f, memTestActors, memTestRows)
	f.Close()
}
