package network

import (
	"fmt"
	"github.com/illicitnet/illicit/network/internal/codec"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date known to the year, the month or the day, as
// published sources give them ("2001", "2001-09", "2001-09-11"). The zero
// value is an unknown (open) date. A Date keeps its precision, so it is
// written back exactly as it was read. It takes four bytes, since every
// link carries two.
type Date struct {
	Year  int16 // 1–9999; 0 means the date is unset
	Month int8  // 1–12, or 0 if only the year is known
	Day   int8  // 1–31, or 0 if only the year and month are known
}

// ParseDate parses "YYYY", "YYYY-MM" or "YYYY-MM-DD". The empty string is the
// zero (unset) Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	parts := strings.Split(s, "-")
	widths := []int{4, 2, 2}
	if len(parts) > 3 {
		return Date{}, fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var v [3]int
	for i, p := range parts {
		if len(p) != widths[i] {
			return Date{}, fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		for _, c := range p {
			if c < '0' || c > '9' {
				return Date{}, fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
			}
		}
		v[i], _ = strconv.Atoi(p)
	}
	d := Date{Year: int16(v[0]), Month: int8(v[1]), Day: int8(v[2])} // 4 and 2 digits fit
	if err := d.validate(); err != nil {
		return Date{}, fmt.Errorf("bad date %q: %v", s, err)
	}
	return d, nil
}

func (d Date) validate() error {
	switch {
	case d == Date{}:
		return nil
	case d.Year < 1 || d.Year > 9999:
		return fmt.Errorf("year %d out of range 1-9999", d.Year)
	case d.Month < 0 || d.Month > 12:
		return fmt.Errorf("month %d out of range 1-12", d.Month)
	case d.Month == 0 && d.Day != 0:
		return fmt.Errorf("day given without month")
	case d.Day < 0 || int(d.Day) > daysIn(d.Year, d.Month):
		return fmt.Errorf("day %d out of range for %04d-%02d", d.Day, d.Year, d.Month)
	}
	return nil
}

func daysIn(year int16, month int8) int {
	if month == 0 {
		return 0
	}
	return time.Date(int(year), time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Valid reports whether d is unset or a real calendar date.
func (d Date) Valid() bool { return d.validate() == nil }

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// String writes the date at its own precision: "2001", "2001-09" or
// "2001-09-11"; "" if unset.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// First returns the first day the date covers: 2001 → 2001-01-01,
// 2001-09 → 2001-09-01.
func (d Date) First() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(int(d.Year), time.Month(m), int(day), 0, 0, 0, 0, time.UTC)
}

// Last returns the last day the date covers: 2001 → 2001-12-31,
// 2001-02 → 2001-02-28.
func (d Date) Last() time.Time {
	switch {
	case d.Month == 0:
		return time.Date(int(d.Year), 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(int(d.Year), time.Month(d.Month), daysIn(d.Year, d.Month), 0, 0, 0, 0, time.UTC)
	}
	return d.First()
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) {
	if err := d.validate(); err != nil {
		return nil, err
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error { return codec.UnmarshalText(d, b, ParseDate) }

// Interval is the time a link is active: from the first day of Start to the
// last day of End, both inclusive. An unset Start means "since always", an
// unset End "still active".
type Interval struct {
	Start, End Date
}

// Validate returns an error if a date is invalid or End ends before
// Start begins.
func (iv Interval) Validate() error {
	if err := iv.Start.validate(); err != nil {
		return fmt.Errorf("start: %v", err)
	}
	if err := iv.End.validate(); err != nil {
		return fmt.Errorf("end: %v", err)
	}
	if !iv.Start.IsZero() && !iv.End.IsZero() && iv.End.Last().Before(iv.Start.First()) {
		return fmt.Errorf("end %s is before start %s", iv.End, iv.Start)
	}
	return nil
}

// Overlaps reports whether the interval shares at least one day with the
// window [from, to]; an unset from or to leaves that side of the window open.
func (iv Interval) Overlaps(from, to Date) bool {
	if !to.IsZero() && !iv.Start.IsZero() && iv.Start.First().After(to.Last()) {
		return false
	}
	if !from.IsZero() && !iv.End.IsZero() && iv.End.Last().Before(from.First()) {
		return false
	}
	return true
}

// Contains reports whether the interval is active on the day t (the time of
// day is ignored).
func (iv Interval) Contains(t time.Time) bool {
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if !iv.Start.IsZero() && day.Before(iv.Start.First()) {
		return false
	}
	if !iv.End.IsZero() && day.After(iv.End.Last()) {
		return false
	}
	return true
}
