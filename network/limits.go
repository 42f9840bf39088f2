package network

import (
	"errors"
	"fmt"
	"io"
)

// The default limits of every reader in this module (see Limits).
const (
	// DefaultMaxBytes is the default byte limit of one input: 512 MiB.
	DefaultMaxBytes int64 = 1 << 29
	// DefaultMaxRecords is the default record limit of one input:
	// 5 million actors, links, matrix rows or other records. A network of
	// 5 million links takes about 1 GB in memory.
	DefaultMaxRecords = 5_000_000
)

// Limits bound what a reader accepts from one input, so that an endless
// stream or a file that declares more than it holds becomes a located
// *ParseError instead of exhausting memory. The zero value means the
// defaults, DefaultMaxBytes and DefaultMaxRecords.
type Limits struct {
	// MaxBytes is the most bytes read from one input; 0 means
	// DefaultMaxBytes and a negative value means no limit.
	MaxBytes int64
	// MaxRecords is the most records (actors, links, rows of a matrix,
	// declared vertices …) that one input may hold or declare; 0 means
	// DefaultMaxRecords and a negative value means no limit.
	MaxRecords int
}

// Bytes returns the byte limit in effect: MaxBytes, DefaultMaxBytes for 0,
// or the largest int64 for no limit.
func (l Limits) Bytes() int64 {
	switch {
	case l.MaxBytes == 0:
		return DefaultMaxBytes
	case l.MaxBytes < 0:
		return 1<<63 - 1
	}
	return l.MaxBytes
}

// Records returns the record limit in effect: MaxRecords,
// DefaultMaxRecords for 0, or the largest int for no limit.
func (l Limits) Records() int {
	switch {
	case l.MaxRecords == 0:
		return DefaultMaxRecords
	case l.MaxRecords < 0:
		return int(^uint(0) >> 1)
	}
	return l.MaxRecords
}

// ErrTooLarge is wrapped by the error a reader returns when an input
// exceeds its Limits.
var ErrTooLarge = errors.New("input exceeds the reader's limits")

// LimitError returns the *ParseError of an input that goes beyond a limit:
// what was exceeded, by how much, and what to change.
func (l Limits) LimitError(file string, line int, what string) error {
	return &ParseError{File: file, Line: line, Err: fmt.Errorf("%w: %s", ErrTooLarge, what)}
}

// Reader returns r limited to Bytes() bytes: reading past the limit
// fails with a *ParseError that wraps ErrTooLarge and says how to raise
// the limit.
func (l Limits) Reader(r io.Reader, file string) io.Reader {
	return &limitedReader{r: r, left: l.Bytes(), file: file, l: l}
}

type limitedReader struct {
	r    io.Reader
	left int64
	file string
	l    Limits
}

// Read implements io.Reader, failing past the byte limit.
func (lr *limitedReader) Read(p []byte) (int, error) {
	if lr.left <= 0 {
		// Probe for more: an input of exactly the limit is fine. The probe
		// takes a few bytes, as some readers return nothing into a
		// one-byte buffer.
		var probe [64]byte
		n, err := lr.r.Read(probe[:])
		if n > 0 {
			return 0, lr.l.LimitError(lr.file, 0, fmt.Sprintf(
				"more than %d bytes; raise the byte limit (Limits.MaxBytes) if the input is meant to be this large", lr.l.Bytes()))
		}
		return 0, err
	}
	if int64(len(p)) > lr.left {
		p = p[:lr.left]
	}
	n, err := lr.r.Read(p)
	lr.left -= int64(n)
	return n, err
}

// ReadAll reads all of r within the byte limit; an input larger than the
// limit is a *ParseError wrapping ErrTooLarge, any other read error a
// *ParseError naming the file.
func (l Limits) ReadAll(r io.Reader, file string) ([]byte, error) {
	data, err := io.ReadAll(l.Reader(r, file))
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) {
			return nil, err
		}
		return nil, &ParseError{File: file, Err: err}
	}
	return data, nil
}
