package codec

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNormalizeValue(t *testing.T) {
	for _, tt := range []struct {
		in, want any
	}{
		{"x", "x"}, {true, true}, {int(-3), int64(-3)}, {int8(4), int64(4)}, {int16(5), int64(5)},
		{int32(6), int64(6)}, {int64(7), int64(7)}, {uint(8), int64(8)}, {uint8(9), int64(9)},
		{uint16(10), int64(10)}, {uint32(11), int64(11)}, {uint64(12), int64(12)},
		{float32(0.5), 0.5}, {1.25, 1.25},
	} {
		got, err := NormalizeValue(tt.in)
		require.NoError(t, err, "%T", tt.in)
		assert.Equal(t, tt.want, got, "%T", tt.in)
	}
	for _, bad := range []any{"\xff", uint64(math.MaxInt64) + 1, math.NaN(), math.Inf(1), float32(math.Inf(-1)), nil, []int{1}} {
		_, err := NormalizeValue(bad)
		assert.Error(t, err, "%#v", bad)
	}
}

func TestParseNumber(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want any
	}{
		{"0", int64(0)}, {"-12", int64(-12)}, {"3.0", 3.0}, {"1e3", 1000.0}, {"1E-2", 0.01},
		{"9223372036854775807", int64(math.MaxInt64)}, {"9223372036854775808", 9223372036854775808.0},
	} {
		got, err := ParseNumber(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	for _, bad := range []string{"", "x", "NaN", "Inf", "-infinity", "1e999", "0x10"} {
		_, err := ParseNumber(bad)
		assert.Error(t, err, bad)
	}
}

func TestFormatFloat(t *testing.T) {
	for f, want := range map[float64]string{3: "3.0", -0.5: "-0.5", 1e21: "1e+21", 1e-7: "1e-07", 123456789.125: "1.23456789125e+08", 1e6: "1e+06", 100: "100.0"} {
		s := FormatFloat(f)
		assert.Equal(t, want, s)
		back, err := ParseNumber(s)
		require.NoError(t, err)
		assert.Equal(t, f, back)
	}
}

func TestMarshalAttributes(t *testing.T) {
	b, err := MarshalAttributes(map[string]any{"z": "<a&b>", "size": 3.0, "n": int64(2), "ok": false, "u": uint8(7), "h": float32(0.5)})
	require.NoError(t, err)
	assert.Equal(t, `{"h":0.5,"n":2,"ok":false,"size":3.0,"u":7,"z":"\u003ca\u0026b\u003e"}`, string(b))

	b, err = MarshalAttributes(nil)
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(b))

	_, err = MarshalAttributes(map[string]any{"x": math.Inf(1)})
	assert.ErrorContains(t, err, `attribute "x"`)
	_, err = MarshalAttributes(map[string]any{"x": []string{"a"}})
	assert.ErrorContains(t, err, `attribute "x": unsupported value type`)
}

func TestUnmarshalAttributes(t *testing.T) {
	a, err := UnmarshalAttributes([]byte(`{"f": 3.0, "i": 3, "e": 1e3, "s": "x", "b": true, "big": 100000000000000000000}`))
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"f": 3.0, "i": int64(3), "e": 1000.0, "s": "x", "b": true, "big": 1e20}, a)

	a, err = UnmarshalAttributes([]byte(`null`))
	require.NoError(t, err)
	assert.Nil(t, a)

	for in, want := range map[string]string{
		`{"x": null}`:  `attribute "x": value must be a string, number or boolean, not null`,
		`{"x": [1]}`:   `attribute "x": value must be a string, number or boolean, not an array`,
		`{"x": {}}`:    `attribute "x": value must be a string, number or boolean, not an object`,
		`{"x": 1e999}`: `attribute "x": bad number "1e999"`,
		`[1]`:          `attributes: `,
		`{"x": 1`:      `attributes: `,
	} {
		_, err := UnmarshalAttributes([]byte(in))
		assert.ErrorContains(t, err, want, in)
	}
}

func TestLineCol(t *testing.T) {
	data := []byte("ab\ncd\n\nx")
	for _, tt := range []struct {
		off       int64
		line, col int
	}{{-5, 1, 1}, {0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 3}, {6, 3, 1}, {7, 4, 1}, {8, 4, 2}, {100, 4, 2}} {
		line, col := LineCol(data, tt.off)
		assert.Equal(t, [2]int{tt.line, tt.col}, [2]int{line, col}, "offset %d", tt.off)
	}
}

// FuzzAttributesRoundTrip checks that whatever UnmarshalAttributes accepts,
// MarshalAttributes writes so that it reads back equal, with every float
// still a float.
func FuzzAttributesRoundTrip(f *testing.F) {
	f.Add(`{"a": 1, "b": 1.0, "c": "x", "d": false}`)
	f.Add(`{"big": 100000000000000000000, "small": -0, "e": 1e-300}`)
	f.Add(`{"\u003c": "\u2028"}`)
	f.Fuzz(func(t *testing.T, s string) {
		a, err := UnmarshalAttributes([]byte(s))
		if err != nil || a == nil {
			return
		}
		b, err := MarshalAttributes(a)
		require.NoError(t, err)
		back, err := UnmarshalAttributes(b)
		require.NoError(t, err)
		assert.Equal(t, a, back)
		b2, err := MarshalAttributes(back)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(b2))
	})
}
