package diagnostics

import (
	"fmt"

	"github.com/valohai-ls/valohai-ls/schema"
)

// looseTargetType is the message about a pipeline parameter's target whose
// socket type only starts with parameter (`parameters`, the plural). Valohai
// reads no more than that start, so the target works (Valohai's own example
// projects write the plural), but the format's form is the singular, the
// only one an edge accepts: a hint, with the fix.
func looseTargetType(target, typ string) string {
	return fmt.Sprintf("socket type %q of target %q passes because valohai-yaml reads only its start; the format writes %q, the only form an edge accepts",
		typ, target, schema.SocketParameter)
}
