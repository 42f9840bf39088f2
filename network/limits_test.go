package network

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLimitsDefaults(t *testing.T) {
	assert.Equal(t, DefaultMaxBytes, Limits{}.Bytes())
	assert.Equal(t, DefaultMaxRecords, Limits{}.Records())
	assert.Equal(t, int64(1<<63-1), Limits{MaxBytes: -1}.Bytes())
	assert.Equal(t, int(^uint(0)>>1), Limits{MaxRecords: -1}.Records())
	assert.Equal(t, int64(7), Limits{MaxBytes: 7}.Bytes())
	assert.Equal(t, 9, Limits{MaxRecords: 9}.Records())
}

func TestLimitsReadAll(t *testing.T) {
	for _, tc := range []struct {
		input string
		max   int64
		ok    bool
	}{
		{"", 4, true},
		{"abcd", 4, true},
		{"abcde", 4, false},
		{strings.Repeat("x", 1000), 999, false},
		{strings.Repeat("x", 1000), -1, true},
	} {
		data, err := Limits{MaxBytes: tc.max}.ReadAll(strings.NewReader(tc.input), "in.json")
		if tc.ok {
			require.NoError(t, err)
			assert.Equal(t, tc.input, string(data))
			continue
		}
		require.Error(t, err)
		assert.True(t, errors.Is(err, ErrTooLarge), "%v", err)
		var pe *ParseError
		require.True(t, errors.As(err, &pe))
		assert.Equal(t, "in.json", pe.File)
		assert.Contains(t, err.Error(), "raise the byte limit")
	}
}

// endless is an input that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '['
	}
	return len(p), nil
}

func TestLimitsEndlessStream(t *testing.T) {
	_, err := io.ReadAll(Limits{MaxBytes: 1 << 16}.Reader(endless{}, "stdin"))
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrTooLarge))
	assert.Contains(t, err.Error(), "stdin: input exceeds the reader's limits: more than 65536 bytes")
}
