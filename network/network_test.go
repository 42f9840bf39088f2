package network

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tbaNetwork builds a small tri-border-area style scenario from open-source
// statements (not intelligence), used across this package's tests.
func tbaNetwork(t testing.TB) *Network {
	t.Helper()
	n := New("tri-border area")
	for _, a := range []Actor{
		{ID: "farc", Name: "FARC", Kind: Insurgency, Sectors: []Sector{Criminal}, Aliases: []string{"Fuerzas Armadas Revolucionarias de Colombia"}},
		{ID: "cartel", Name: "Gulf Cartel", Kind: Cartel},
		{ID: "hawala", Name: "Hawaladar", Kind: Hawala},
		{ID: "cell", Name: "Cell", Kind: Cell},
		{ID: "official", Name: "Customs official", Kind: CorruptOfficial},
		{ID: "front", Name: "Import-export Ltd", Kind: FrontCompany, Attributes: Attributes{"country": "PY", "founded": 2001}},
		{ID: "port", Name: "Ciudad del Este", Kind: City},
	} {
		require.NoError(t, n.AddActor(a))
	}
	for _, l := range []Link{
		{From: "farc", To: "cartel", Element: Materiel, Type: "supplies", Commodity: "cocaine", Weight: 3, Start: Date{Year: 2005}, End: Date{Year: 2008, Month: 6}, Grade: MustParseGrade("B2")},
		{From: "cartel", To: "farc", Element: Money, Type: "pays", Weight: 2, Channel: "bulk_cash", Start: Date{Year: 2006}, Grade: MustParseGrade("C3")},
		{From: "cartel", To: "hawala", Element: Money, Type: "pays", Weight: 1, Channel: "hawala", Start: Date{Year: 2009}},
		{From: "hawala", To: "cell", Element: Money, Type: "funds", Weight: 4, Channel: "hawala", Start: Date{Year: 2009, Month: 3}, End: Date{Year: 2010}, Grade: MustParseGrade("A1")},
		{From: "official", To: "cartel", Element: Manpower, Type: "protects", Weight: 1, Mutual: true, Grade: MustParseGrade("E5")},
		{From: "front", To: "cartel", Element: Money, Type: "launders_for", Weight: 5},
		{From: "front", To: "official", Element: Money, Type: "bribes", Weight: 1},
		{From: "cartel", To: "port", Element: Mechanism, Type: "operates_in", Mode: "land", Weight: 1, Mutual: true},
		{From: "farc", To: "cartel", Element: Materiel, Type: "supplies", Commodity: "cocaine", Weight: 7, Start: Date{Year: 2009}},
		{From: "cell", To: "cell", Element: Association, Type: "meets", Weight: 1},
	} {
		_, err := n.AddLink(l)
		require.NoError(t, err)
	}
	return n
}

func TestNetworkLookups(t *testing.T) {
	n := tbaNetwork(t)
	assert.Equal(t, 7, n.NumActors())
	assert.Equal(t, 10, n.NumLinks())

	farc, ok := n.Actor("farc")
	require.True(t, ok)
	assert.Equal(t, []Sector{Terrorist, Criminal}, farc.AllSectors())
	assert.True(t, farc.Hybrid())
	assert.Equal(t, Terrorist, farc.Sector())
	cartel, _ := n.Actor("cartel")
	assert.False(t, cartel.Hybrid())

	ids := func(as []Actor) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.ID)
		}
		return out
	}
	assert.Equal(t, []string{"farc", "cartel"}, ids(n.ActorsInSector(Criminal)))
	assert.Equal(t, []string{"farc", "cell"}, ids(n.ActorsInSector(Terrorist)))
	assert.Equal(t, []string{"official"}, ids(n.ActorsOfKind(CorruptOfficial)))
	assert.Len(t, n.LinksOfElement(Money), 5)

	assert.Equal(t, []string{"farc", "hawala", "official", "front", "port"}, n.Neighbours("cartel"))
	assert.Equal(t, []string{"farc", "hawala", "official", "port"}, n.Successors("cartel"))
	assert.Equal(t, []string{"farc", "official", "front", "port"}, n.Predecessors("cartel"))
	assert.Equal(t, []string{"hawala", "cell"}, n.Neighbours("cell"))

	between := n.LinksBetween("cartel", "farc")
	require.Len(t, between, 3)
	assert.Equal(t, []LinkID{0, 1, 8}, []LinkID{between[0].ID, between[1].ID, between[2].ID})
	assert.Len(t, n.LinksOf("cell"), 2)
	// The mutual protection link leaves the official; the bribe only enters.
	require.Len(t, n.LinksFrom("official"), 1)
	assert.Equal(t, "protects", n.LinksFrom("official")[0].Type)
	assert.Len(t, n.LinksFrom("cartel"), 4)
}

func TestNetworkMutation(t *testing.T) {
	n := tbaNetwork(t)
	require.NoError(t, n.RemoveActor("official"))
	assert.Equal(t, 6, n.NumActors())
	assert.Equal(t, 8, n.NumLinks())
	_, ok := n.Actor("official")
	assert.False(t, ok)
	idx, _ := n.Index("front")
	assert.Equal(t, 4, idx)
	// Link IDs survive removal of other links.
	l, ok := n.Link(8)
	require.True(t, ok)
	assert.Equal(t, 7.0, l.Weight)

	l.Weight = 9
	require.NoError(t, n.UpdateLink(8, l))
	l, _ = n.Link(8)
	assert.Equal(t, 9.0, l.Weight)
	require.NoError(t, n.RemoveLink(0))
	_, ok = n.Link(0)
	assert.False(t, ok)
	assert.Equal(t, LinkID(1), n.Links()[0].ID)
	id, err := n.AddLink(Link{From: "farc", To: "cell", Weight: 1})
	require.NoError(t, err)
	assert.Equal(t, LinkID(10), id)

	a, _ := n.Actor("cell")
	a.Name = "Hamburg cell"
	require.NoError(t, n.UpdateActor(a))
	a, _ = n.Actor("cell")
	assert.Equal(t, "Hamburg cell", a.Name)
	assert.Equal(t, []string{"farc", "hawala", "cell"}, n.Neighbours("cell"))
}

func TestNetworkErrors(t *testing.T) {
	tests := []struct {
		name string
		do   func(n *Network) error
		want string
	}{
		{"duplicate actor", func(n *Network) error { return n.AddActor(Actor{ID: "farc"}) }, `duplicate actor id "farc"`},
		{"empty id", func(n *Network) error { return n.AddActor(Actor{}) }, "actor id: empty"},
		{"spaced id", func(n *Network) error { return n.AddActor(Actor{ID: " x"}) }, "leading or trailing space"},
		{"bad kind", func(n *Network) error { return n.AddActor(Actor{ID: "x", Kind: 200}) }, "invalid kind"},
		{"bad sector", func(n *Network) error { return n.AddActor(Actor{ID: "x", Sectors: []Sector{NoSector}}) }, "invalid sector"},
		{"repeated sector", func(n *Network) error {
			return n.AddActor(Actor{ID: "x", Sectors: []Sector{State, State}})
		}, "sector state given twice"},
		{"invalid utf8 name", func(n *Network) error { return n.AddActor(Actor{ID: "x", Name: "\xff"}) }, "UTF-8"},
		{"reserved attribute", func(n *Network) error {
			return n.AddActor(Actor{ID: "x", Attributes: Attributes{"kind": "cartel"}})
		}, `attribute key "kind" is a field name`},
		{"bad attribute type", func(n *Network) error {
			return n.AddActor(Actor{ID: "x", Attributes: Attributes{"list": []int{1}}})
		}, "unsupported value type"},
		{"nan attribute", func(n *Network) error {
			return n.AddActor(Actor{ID: "x", Attributes: Attributes{"size": nan()}})
		}, "not a finite number"},
		{"dangling link", func(n *Network) error { _, err := n.AddLink(Link{From: "farc", To: "nobody"}); return err }, `dangling: no actor with id "nobody"`},
		{"nan weight", func(n *Network) error { _, err := n.AddLink(Link{From: "farc", To: "cell", Weight: nan()}); return err }, "weight is NaN"},
		{"negative weight", func(n *Network) error { _, err := n.AddLink(Link{From: "farc", To: "cell", Weight: -1}); return err }, "weight -1 is negative"},
		{"bad element", func(n *Network) error { _, err := n.AddLink(Link{From: "farc", To: "cell", Element: 9}); return err }, "invalid element"},
		{"bad grade", func(n *Network) error {
			_, err := n.AddLink(Link{From: "farc", To: "cell", Grade: Grade{System: Admiralty, Source: 'Z', Information: '1'}})
			return err
		}, "invalid grade"},
		{"end before start", func(n *Network) error {
			_, err := n.AddLink(Link{From: "farc", To: "cell", Start: Date{Year: 2009, Month: 3}, End: Date{Year: 2009, Month: 2}})
			return err
		}, "end 2009-02 is before start 2009-03"},
		{"bad date", func(n *Network) error {
			_, err := n.AddLink(Link{From: "farc", To: "cell", Start: Date{Year: 2009, Month: 2, Day: 30}})
			return err
		}, "day 30 out of range"},
		{"update missing actor", func(n *Network) error { return n.UpdateActor(Actor{ID: "nobody"}) }, `no actor with id "nobody"`},
		{"remove missing actor", func(n *Network) error { return n.RemoveActor("nobody") }, `no actor with id "nobody"`},
		{"update missing link", func(n *Network) error { return n.UpdateLink(99, Link{From: "farc", To: "cell"}) }, "no link with id 99"},
		{"remove missing link", func(n *Network) error { return n.RemoveLink(99) }, "no link with id 99"},
		{"update link dangling", func(n *Network) error { return n.UpdateLink(0, Link{From: "farc", To: "x"}) }, "dangling"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := tbaNetwork(t)
			before := n.Links()
			err := tt.do(n)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Equal(t, 7, n.NumActors(), "a failed call must not change the network")
			assert.Equal(t, before, n.Links())
		})
	}
}

func TestAttributesNormalised(t *testing.T) {
	n := New("")
	require.NoError(t, n.AddActor(Actor{ID: "x", Attributes: Attributes{"a": 3, "b": float32(1.5), "c": uint8(7), "d": "s", "e": true}}))
	a, _ := n.Actor("x")
	assert.Equal(t, Attributes{"a": int64(3), "b": 1.5, "c": int64(7), "d": "s", "e": true}, a.Attributes)
}

func TestKindSectorElementNames(t *testing.T) {
	for _, k := range Kinds() {
		back, err := ParseKind(k.String())
		require.NoError(t, err)
		assert.Equal(t, k, back)
	}
	for _, s := range Sectors() {
		back, err := ParseSector(s.String())
		require.NoError(t, err)
		assert.Equal(t, s, back)
	}
	for _, e := range Elements() {
		back, err := ParseElement(e.String())
		require.NoError(t, err)
		assert.Equal(t, e, back)
	}
	assert.Len(t, Kinds(), 34)
	assert.Equal(t, Criminal, IndividualCriminal.Sector())
	assert.Equal(t, Facilitator, Hawala.Sector())
	assert.Equal(t, Counter, TaskForce.Sector())
	assert.Equal(t, Place, BorderCrossing.Sector())
	assert.Equal(t, NoSector, KindUnknown.Sector())
	_, err := ParseKind("narco")
	assert.ErrorContains(t, err, `unknown kind "narco"`)
	_, err = ParseSector("mafia")
	assert.ErrorContains(t, err, `unknown sector "mafia"`)
	_, err = ParseElement("weapons")
	assert.ErrorContains(t, err, `unknown element "weapons"`)
}

func TestDates(t *testing.T) {
	for _, s := range []string{"2001", "2001-09", "2001-09-11", "2000-02-29"} {
		d, err := ParseDate(s)
		require.NoError(t, err)
		assert.Equal(t, s, d.String())
	}
	for _, s := range []string{"01", "2001-9", "2001-13", "2001-02-29", "2001/09", "2001-09-11-01", "x"} {
		_, err := ParseDate(s)
		assert.Error(t, err, s)
	}
	d, _ := ParseDate("2001-02")
	assert.Equal(t, "2001-02-28", d.Last().Format("2006-01-02"))
	assert.Equal(t, "2001-02-01", d.First().Format("2006-01-02"))
	iv := Interval{Start: Date{Year: 2005}, End: Date{Year: 2008, Month: 6}}
	assert.True(t, iv.Overlaps(Date{Year: 2008, Month: 6, Day: 30}, Date{}))
	assert.False(t, iv.Overlaps(Date{Year: 2008, Month: 7}, Date{}))
	assert.True(t, iv.Overlaps(Date{}, Date{Year: 2005}))
	assert.False(t, iv.Overlaps(Date{}, Date{Year: 2004, Month: 12}))
}

func nan() float64 { return math.NaN() }

// TestNetworkLinkIndex follows the link indexes through every change that
// can move links: IDs stay the lookup key whether or not they still equal
// positions, and LinksOf, LinksBetween and Neighbours follow every change.
func TestNetworkLinkIndex(t *testing.T) {
	ids := func(ls []Link) []LinkID {
		out := []LinkID{}
		for _, l := range ls {
			out = append(out, l.ID)
		}
		return out
	}
	n := New("")
	n.Grow(3, 5)
	for _, id := range []string{"a", "b", "c"} {
		require.NoError(t, n.AddActor(Actor{ID: id}))
	}
	for _, e := range [][2]string{{"a", "b"}, {"b", "c"}, {"c", "a"}, {"a", "b"}} {
		_, err := n.AddLink(Link{From: e[0], To: e[1], Weight: 1})
		require.NoError(t, err)
	}
	for id := LinkID(0); id < 4; id++ {
		l, ok := n.Link(id)
		require.True(t, ok)
		assert.Equal(t, id, l.ID)
	}
	for _, id := range []LinkID{-1, 4, 99} {
		_, ok := n.Link(id)
		assert.False(t, ok, "link %d", id)
	}

	// Same ends: changed in place. Other ends: the adjacency follows.
	require.NoError(t, n.UpdateLink(1, Link{From: "b", To: "c", Type: "kin", Weight: 2}))
	l, _ := n.Link(1)
	assert.Equal(t, Link{ID: 1, From: "b", To: "c", Type: "kin", Weight: 2}, l)
	assert.Equal(t, []LinkID{1, 2}, ids(n.LinksOf("c")))
	require.NoError(t, n.UpdateLink(2, Link{From: "c", To: "b", Weight: 1}))
	assert.Equal(t, []LinkID{1, 2}, ids(n.LinksBetween("b", "c")))
	assert.Equal(t, []string{"b"}, n.Neighbours("c"))

	// Removing the last link: IDs no longer run up to the next one.
	require.NoError(t, n.RemoveLink(3))
	_, ok := n.Link(3)
	assert.False(t, ok)
	id, err := n.AddLink(Link{From: "a", To: "c", Weight: 1})
	require.NoError(t, err)
	assert.Equal(t, LinkID(4), id)
	l, ok = n.Link(4)
	require.True(t, ok)
	assert.Equal(t, "c", l.To)
	_, ok = n.Link(3)
	assert.False(t, ok)

	// Removing the first link: positions and IDs part.
	require.NoError(t, n.RemoveLink(0))
	assert.Equal(t, []LinkID{1, 2, 4}, ids(n.Links()))
	for _, id := range []LinkID{1, 2, 4} {
		l, ok := n.Link(id)
		require.True(t, ok)
		assert.Equal(t, id, l.ID)
	}
	_, ok = n.Link(0)
	assert.False(t, ok)
	require.NoError(t, n.UpdateLink(4, Link{From: "a", To: "c", Weight: 3}))
	l, _ = n.Link(4)
	assert.Equal(t, 3.0, l.Weight)
	assert.Equal(t, []LinkID{4}, ids(n.LinksOf("a")))
	assert.Error(t, n.RemoveLink(0))

	// A zero Network works too, and Grow keeps what is there.
	var z Network
	z.Grow(0, 0)
	require.NoError(t, z.AddActor(Actor{ID: "x"}))
	z.Grow(10, 10)
	_, err = z.AddLink(Link{From: "x", To: "x", Weight: 1})
	require.NoError(t, err)
	assert.Equal(t, 1, z.NumActors())
	assert.Equal(t, []LinkID{0}, ids(z.LinksOf("x")))
}
