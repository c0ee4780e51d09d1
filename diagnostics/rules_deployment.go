package diagnostics

import (
	"fmt"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// deploymentRule warns about a deployment that cannot be created
// automatically because it has no target.
func deploymentRule(c *checker, _ *model.Model, e *model.Symbol) {
	defaults := document.ValueOf(e.Body, schema.XDefaults)
	if truthy(document.ValueOf(defaults, schema.XTarget)) {
		return
	}
	span := c.m.NodeSpan(e.KeyNode)
	if k := document.KeyOf(e.Body, schema.XDefaults); k != nil {
		span = c.m.NodeSpan(k)
	}
	c.at(span, Warning, CodeNoTarget,
		fmt.Sprintf("deployment %q has no defaults.target, so it cannot be created automatically; add defaults: {target: <target>}", e.Name))
}
