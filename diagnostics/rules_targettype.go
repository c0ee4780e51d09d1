package diagnostics

import (
	"fmt"

	"github.com/valohai-ls/valohai-ls/schema"
)

// looseTargetType is the message about a pipeline parameter's target whose
// socket type only starts with parameter (`parameters`, the plural). Valohai
// reads no more than that start, so the target works (Valohai's own example
// projects write the plural), but every edge and the documentation write
// the singular, and an edge with the plural is refused: a hint, with the
// fix.
func looseTargetType(target, typ string) string {
	return fmt.Sprintf("socket type %q of target %q passes because valohai-yaml reads only its start; edges and the documentation write %q",
		typ, target, schema.SocketParameter)
}
