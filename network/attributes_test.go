package network

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReservedKeysAreCopies(t *testing.T) {
	for _, tt := range []struct {
		name string
		get  func() []string
		want []string
	}{
		{"actor", ReservedActorKeys, []string{"id", "name", "kind", "sectors", "aliases", "attributes"}},
		{"link", ReservedLinkKeys, []string{"from", "to", "element", "type", "mutual", "weight",
			"commodity", "mode", "channel", "start", "end", "source", "grade", "attributes"}},
		{"network", ReservedNetworkKeys, []string{"name", "description", "actors", "links", "attributes"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			keys := tt.get()
			assert.Equal(t, tt.want, keys)
			for i := range keys {
				keys[i] = "changed"
			}
			assert.Equal(t, tt.want, tt.get(), "changing a returned slice must not change the reserved keys")
		})
	}

	// Changing a returned slice does not let a reserved key through.
	keys := ReservedActorKeys()
	keys[0] = "not-id"
	n := New("")
	assert.ErrorContains(t, n.AddActor(Actor{ID: "a", Attributes: Attributes{"id": "x"}}), "field name")
	require.NoError(t, n.AddActor(Actor{ID: "b"}))
	_, err := n.AddLink(Link{From: "b", To: "b", Attributes: Attributes{"weight": 2}})
	assert.ErrorContains(t, err, "field name")
	assert.ErrorContains(t, n.SetInfo("", "", Attributes{"links": 1}), "field name")
}

func TestNormalizeValue(t *testing.T) {
	v, err := NormalizeValue(uint16(3))
	require.NoError(t, err)
	assert.Equal(t, int64(3), v)
	v, err = NormalizeValue(float32(0.25))
	require.NoError(t, err)
	assert.Equal(t, 0.25, v)
	_, err = NormalizeValue(struct{}{})
	assert.ErrorContains(t, err, "unsupported value type")
}
