package diagnostics

import (
	"fmt"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
)

// deploymentRules warns about a deployment that cannot be created
// automatically because it has no target.
func deploymentRules(c *checker, m *model.Model) {
	for _, e := range m.Kept(model.KindDeployment) {
		defaults := document.ValueOf(e.Body, schema.XDefaults)
		if truthy(document.ValueOf(defaults, schema.XTarget)) {
			continue
		}
		span := c.m.NodeSpan(e.KeyNode)
		if k := document.KeyOf(e.Body, schema.XDefaults); k != nil {
			span = c.m.NodeSpan(k)
		}
		c.at(span, Warning, CodeNoTarget,
			fmt.Sprintf("deployment %q has no defaults.target, so it cannot be created automatically; add defaults: {target: <target>}", e.Name))
	}
}
