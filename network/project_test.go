package network

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// affiliation builds persons p1..p4 attending events e1..e3:
// e1: p1 p2 p3; e2: p1 p2; e3: p4 (p4 shares nothing).
func affiliation(t *testing.T) *Network {
	t.Helper()
	n := New("meetings")
	for _, id := range []string{"p1", "e1", "p2", "p3", "e2", "p4", "e3"} {
		mode := "person"
		if id[0] == 'e' {
			mode = "event"
		}
		require.NoError(t, n.AddActor(Actor{ID: id, Attributes: Attributes{"type": mode}}))
	}
	for _, l := range [][2]string{{"p1", "e1"}, {"e1", "p2"}, {"p3", "e1"}, {"p1", "e2"}, {"p2", "e2"}, {"p4", "e3"}, {"p1", "e2"}} {
		_, err := n.AddLink(Link{From: l[0], To: l[1], Weight: 1})
		require.NoError(t, err)
	}
	return n
}

func TestProject(t *testing.T) {
	p, err := Project(affiliation(t), "type", "person")
	require.NoError(t, err)
	ids := []string{}
	for _, a := range p.Actors() {
		ids = append(ids, a.ID)
	}
	assert.Equal(t, []string{"p1", "p2", "p3", "p4"}, ids)
	type tie struct {
		from, to string
		w        float64
		shared   string
	}
	var got []tie
	for _, l := range p.Links() {
		assert.True(t, l.Mutual)
		assert.Equal(t, Association, l.Element)
		got = append(got, tie{l.From, l.To, l.Weight, l.Attributes["shared"].(string)})
	}
	// Hand count: p1 and p2 share e1 and e2 (the repeated p1–e2 link counts
	// once); p1–p3 and p2–p3 share e1; p4 is isolated.
	assert.Equal(t, []tie{{"p1", "p2", 2, "e1;e2"}, {"p1", "p3", 1, "e1"}, {"p2", "p3", 1, "e1"}}, got)

	e, err := Project(affiliation(t), "type", "event")
	require.NoError(t, err)
	require.Equal(t, 1, e.NumLinks())
	l := e.Links()[0]
	assert.Equal(t, [3]any{"e1", "e2", 2.0}, [3]any{l.From, l.To, l.Weight})
	assert.Equal(t, "p1;p2", l.Attributes["shared"])
}

func TestProjectErrors(t *testing.T) {
	n := affiliation(t)
	for _, tc := range []struct {
		key, value, want string
	}{
		{"type", "summit", `no actor has attribute "type" equal to "summit" (its values: event, person)`},
		{"mode", "person", `no actor has attribute "mode" (attributes: type)`},
	} {
		_, err := Project(n, tc.key, tc.value)
		assert.ErrorContains(t, err, tc.want)
	}
	_, err := n.AddLink(Link{From: "p1", To: "p2", Weight: 1})
	require.NoError(t, err)
	_, err = Project(n, "type", "person")
	assert.ErrorContains(t, err, `link 7 ("p1" -> "p2") joins two kept actors; the network is not two-mode by "type"`)

	one := New("")
	require.NoError(t, one.AddActor(Actor{ID: "a", Attributes: Attributes{"type": "person"}}))
	_, err = Project(one, "type", "person")
	assert.ErrorContains(t, err, "every actor has it")
}

func TestTwoMode(t *testing.T) {
	key, values, ok := TwoMode(affiliation(t))
	assert.True(t, ok)
	assert.Equal(t, "type", key)
	assert.Equal(t, [2]string{"person", "event"}, values)

	n := affiliation(t)
	_, err := n.AddLink(Link{From: "p1", To: "p3", Weight: 1})
	require.NoError(t, err)
	_, _, ok = TwoMode(n)
	assert.False(t, ok, "a person–person link makes it one-mode")

	_, _, ok = TwoMode(New(""))
	assert.False(t, ok)
}

func TestAttributesText(t *testing.T) {
	a := Attributes{"s": "x", "b": true, "i": int64(-3), "f": 2.0, "g": 0.25}
	for key, want := range map[string]string{"s": "x", "b": "true", "i": "-3", "f": "2.0", "g": "0.25"} {
		got, ok := a.Text(key)
		assert.True(t, ok)
		assert.Equal(t, want, got, key)
	}
	_, ok := a.Text("missing")
	assert.False(t, ok)
}
