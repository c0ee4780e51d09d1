package diagnostics

import (
	"fmt"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/schema"
)

// deploymentRules warns about a deployment that cannot be created
// automatically because it has no target.
func deploymentRules(c *checker, m *model) {
	for _, e := range m.kept(schema.DeploymentKind.Name) {
		defaults := document.ValueOf(e.body, schema.XDefaults)
		if truthy(document.ValueOf(defaults, schema.XTarget)) {
			continue
		}
		span := c.m.NodeSpan(e.kindKey)
		if k := document.KeyOf(e.body, schema.XDefaults); k != nil {
			span = c.m.NodeSpan(k)
		}
		c.at(span, Warning, CodeNoTarget,
			fmt.Sprintf("deployment %q has no defaults.target, so it cannot be created automatically; add defaults: {target: <target>}", e.name))
	}
}
