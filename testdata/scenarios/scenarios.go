// Package scenarios embeds the scenario files of this directory so that
// programs can analyse them without the source tree (see README.md).
package scenarios

import "embed"

// Files holds the scenario files: western-hemisphere.json,
// western-hemisphere-years.json and displacement.json.
//
//go:embed *.json
var Files embed.FS
