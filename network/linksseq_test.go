package network

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLinksSeq(t *testing.T) {
	n := New("")
	for _, id := range []string{"a", "b", "c"} {
		require.NoError(t, n.AddActor(Actor{ID: id}))
	}
	for _, l := range [][2]string{{"a", "b"}, {"b", "c"}, {"c", "a"}} {
		_, err := n.AddLink(Link{From: l[0], To: l[1], Weight: 1})
		require.NoError(t, err)
	}
	var got []Link
	for l := range n.LinksSeq() {
		got = append(got, l)
	}
	assert.Equal(t, n.Links(), got)
	var first []string
	for l := range n.LinksSeq() {
		first = append(first, l.From)
		break
	}
	assert.Equal(t, []string{"a"}, first, "stops when the loop breaks")
}
