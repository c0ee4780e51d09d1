// Package benchdata holds the inputs of the benchmarks: a generated
// 5,000-line valohai.yaml with steps, endpoints and a large pipeline.
package benchdata

import _ "embed"

// Big is a deterministic 5,000-line valohai.yaml (valid: no diagnostics
// at error severity are expected in it).
//
//go:embed valohai.yaml
var Big string
