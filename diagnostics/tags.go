package diagnostics

import (
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
)

// CodeForeignTag is a YAML tag the official parser's loader refuses.
const CodeForeignTag = "yaml-tag"

// foreignTags reports, at the tag, every node of n's tree written with a
// tag that the official parser's YAML loader cannot build a value for
// (`image: !Ref x`): it refuses the whole file. An alias is reported where
// its anchor is written.
func (c *checker) foreignTags(n *yaml.Node) {
	if n == nil || n.Kind == yaml.AliasNode {
		return
	}
	c.foreignTag(n)
	for _, k := range n.Content {
		c.foreignTags(k)
	}
}

// foreignTag reports n's own tag when the official loader refuses it.
func (c *checker) foreignTag(n *yaml.Node) {
	if t := document.ForeignTag(n); t != "" {
		c.at(c.m.TagSpan(n), Error, CodeForeignTag,
			fmt.Sprintf("tag %s is not one Valohai's YAML loader knows (it builds only the standard ones, such as !!str), so Valohai cannot read the file; remove the tag and write the value itself", t))
	}
}
