package network

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseKindMap(t *testing.T) {
	rules, err := ParseKindMap(" hijacker:true = operative ,hijacker:false=facilitator\n# comment\nrole:=gang\n")
	require.NoError(t, err)
	assert.Equal(t, []KindRule{
		{Key: "hijacker", Value: "true", Kind: Operative},
		{Key: "hijacker", Value: "false", Sector: Facilitator},
		{Key: "role", Value: "", Kind: Gang},
	}, rules)
	assert.Equal(t, "hijacker:true=operative", rules[0].String())

	for _, tc := range []struct{ in, want string }{
		{"", "kind map is empty"},
		{"hijacker=operative", `"hijacker=operative": want attribute:value=kind`},
		{"hijacker:true", "want attribute:value=kind"},
		{"hijacker:true=pilot", `kind map line 1: "hijacker:true=pilot": "pilot" is neither a kind (unknown, cartel,`},
		{"a:b=gang\nc:d=wizard", "kind map line 2"},
	} {
		_, err := ParseKindMap(tc.in)
		assert.ErrorContains(t, err, tc.want, tc.in)
	}
}

func TestMapKinds(t *testing.T) {
	build := func() *Network {
		n := New("")
		for i, h := range []any{true, false, true, nil} {
			a := Actor{ID: string(rune('a' + i)), Kind: Cartel}
			if h != nil {
				a.Attributes = Attributes{"hijacker": h}
			}
			require.NoError(t, n.AddActor(a))
		}
		return n
	}
	n := build()
	counts, err := MapKinds(n, []KindRule{{Key: "hijacker", Value: "true", Kind: Operative}, {Key: "hijacker", Value: "false", Sector: Facilitator}})
	require.NoError(t, err)
	assert.Equal(t, []int{2, 1}, counts)
	var kinds []Kind
	var sectors [][]Sector
	for _, a := range n.Actors() {
		kinds = append(kinds, a.Kind)
		sectors = append(sectors, a.AllSectors())
	}
	assert.Equal(t, []Kind{Operative, Cartel, Operative, Cartel}, kinds, "a sector rule and no rule keep the kind")
	assert.Equal(t, [][]Sector{{Terrorist}, {Criminal, Facilitator}, {Terrorist}, {Criminal}}, sectors)

	_, err = MapKinds(build(), []KindRule{{Key: "hijacker", Value: "yes", Kind: Operative}})
	assert.ErrorContains(t, err, "rule hijacker:yes=operative matches no actor (its values: false, true)")
	_, err = MapKinds(build(), []KindRule{{Key: "hijacker", Value: "true", Kind: Operative}, {Key: "hijacker", Value: "true", Kind: Gang}})
	assert.ErrorContains(t, err, `actor "a" matches both hijacker:true=operative and hijacker:true=gang`)
}
