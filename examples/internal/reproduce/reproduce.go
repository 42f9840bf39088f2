// Package reproduce holds what the reproduction programs under examples/
// share: a figure to reproduce (published, matching within its printed
// rounding, or a full-precision reference value of another tool), the
// table that prints ours beside it with the verdict, and the location of
// the bundled data.
package reproduce

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Figure is a value to reproduce: a published figure as printed in its
// source (text), or a reference value computed by another tool.
type Figure struct {
	Actor, Measure string
	// Text is the figure as the source prints it, such as "0.361"; Value
	// is its value.
	Text  string
	Value float64
	// Tol is the largest |ours - value| that still matches: for a
	// published figure half a unit of its last printed digit (its
	// rounding), unless set explicitly.
	Tol    float64
	Source string
}

// Published returns the figure printed as text in source, matching to
// within its rounding.
func Published(actor, measure, text, source string) Figure {
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		panic(fmt.Sprintf("bad published figure %q: %v", text, err))
	}
	decimals := 0
	if _, frac, ok := strings.Cut(text, "."); ok {
		decimals = len(frac)
	}
	return Figure{Actor: actor, Measure: measure, Text: text, Value: v, Tol: RoundingTol(decimals), Source: source}
}

// RoundingTol is half a unit of the last of decimals printed digits,
// widened by a relative 1e-9 so that a value exactly on the rounding
// boundary (2.475 printed 2.47) matches despite floating-point error.
func RoundingTol(decimals int) float64 { return 0.5 * math.Pow(10, -float64(decimals)) * (1 + 1e-9) }

// ReferenceTol is the tolerance against full-precision reference values
// (floating-point summation order only).
const ReferenceTol = 1e-9

// Reference returns a full-precision value computed by another tool.
func Reference(actor, measure string, value float64, source string) Figure {
	return Figure{Actor: actor, Measure: measure, Text: strconv.FormatFloat(value, 'f', 6, 64), Value: value, Tol: ReferenceTol, Source: source}
}

// Comparison is one row of the table: a figure and our value.
type Comparison struct {
	Figure
	Ours float64
}

// formatOurs prints our value with 6 decimals, or as an integer when the
// figure is a count (printed without decimals) and our value is one.
func (c Comparison) formatOurs() string {
	if !strings.Contains(c.Text, ".") && c.Ours == math.Trunc(c.Ours) {
		return strconv.FormatFloat(c.Ours, 'f', 0, 64)
	}
	return strconv.FormatFloat(c.Ours, 'f', 6, 64)
}

// Diff is |ours − figure|.
func (c Comparison) Diff() float64 { return math.Abs(c.Ours - c.Value) }

// OK reports whether our value matches the figure (NaN never does).
func (c Comparison) OK() bool { d := c.Diff(); return d <= c.Tol && !math.IsNaN(d) }

// Table collects the comparisons of a program.
type Table struct{ Rows []Comparison }

// Add adds a row: a figure and our value.
func (t *Table) Add(f Figure, ours float64) { t.Rows = append(t.Rows, Comparison{f, ours}) }

// Mismatches counts the rows that do not match.
func (t *Table) Mismatches() int {
	k := 0
	for _, r := range t.Rows {
		if !r.OK() {
			k++
		}
	}
	return k
}

// Write prints the aligned table and the final verdict line and returns
// the number of mismatches.
func (t *Table) Write(w io.Writer) int {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "actor\tmeasure\tours\tpublished\t|diff|\tok\tsource")
	for _, r := range t.Rows {
		ok := "ok"
		if !r.OK() {
			ok = "MISMATCH"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%.1e\t%s\t%s\n", r.Actor, r.Measure, r.formatOurs(), r.Text, r.Diff(), ok, r.Source)
	}
	tw.Flush()
	k := t.Mismatches()
	if k == 0 {
		fmt.Fprintf(w, "all %d values match\n", len(t.Rows))
	} else {
		fmt.Fprintf(w, "MISMATCH: %d of %d\n", k, len(t.Rows))
	}
	return k
}

// DataDir returns dir, or if empty the testdata folder of the module that
// holds the working directory (found by walking up to go.mod), so that
// the program runs from the repository root and its tests from the
// package folder.
func DataDir(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(d, "testdata"), nil
		}
		if filepath.Dir(d) == d {
			return "", errors.New("no go.mod above the working directory; give the testdata folder with -data")
		}
	}
}

// ReadJSON decodes the JSON file at path into v.
func ReadJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return nil
}

// Run is the main function of a reproduction program called name: it
// reads the -data flag (dataHelp says what the folder must hold), runs
// compare and writes its table to stdout, and returns the exit status:
// 0 if every value matches, 1 on a mismatch, 2 if the flags or the data
// cannot be read (the error on stderr).
func Run(name, dataHelp string, stdout, stderr io.Writer, args []string, compare func(w io.Writer, data string) (*Table, error)) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", dataHelp)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	t, err := compare(stdout, *data)
	if err != nil {
		fmt.Fprintln(stderr, name+":", err)
		return 2
	}
	if t.Write(stdout) > 0 {
		return 1
	}
	return 0
}
