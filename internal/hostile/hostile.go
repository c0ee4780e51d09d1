// Package hostile holds valohai.yaml files of the shapes where the
// official loader (PyYAML) and a YAML library part ways, for the fuzz
// targets' seeds and the stress test: `<<` merges (nested, in lists, of
// a mapping into itself, many times over, of what is not a mapping), a
// second document, escapes in a script's name.
package hostile

import (
	"fmt"
	"strings"
)

// YAML returns the files.
func YAML() []string {
	return []string{
		"- step: &a {name: a, image: python:3.12, command: \"python train.py {parameters}\"}\n" +
			"- step: &b {<<: *a, name: b}\n- step:\n    <<: *b\n    name: c\n    parameters:\n      - name: lr\n        type: float\n",
		"- step:\n    name: d\n    <<: [{image: x}, {command: y, image: z}]\n- step: {<<: 5, name: e, image: x, command: y}\n" +
			"- step: {<<: [{image: x}, 3], name: f, command: y}\n- step: {<<: , name: g}\n- step: {'<<': {image: x}, name: h, command: y}\n",
		"- step: &s {<<: *s, name: s, image: x, command: y}\n- step: {<<: [*s, *s], name: t}\n",
		"- endpoint:\n    <<: [{wsgi: a:b}, {server-command: python serve.py}]\n    name: both\n    image: x\n" +
			"- pipeline:\n    name: p\n    nodes:\n      - &n {name: one, type: execution, step: s}\n      - <<: *n\n        name: two\n    edges: []\n",
		Merges(24),
		"- step: {name: a, image: x, command: y}\n---\n- step: {name: b, image: x, command: y}\n",
		"- step: {name: a, image: x, command: y}\n---\n",
		"- step: {name: a, image: x, command: y}\n...\n- step: {name: b}\n",
		"%YAML 1.1\n---\n- step: {name: a, image: x, command: y}\n...\n%YAML 1.1\n---\n- b\n",
		"---\n---\n- step: {name: a, image: x, command: y}\n",
		"- step:\n    name: a\n    image: x\n    command: \"python tr\\u00e4n.py {parameters}\"\n" +
			"- step:\n    name: b\n    image: x\n    command:\n      - \"python \\x74r\\xe4n.py \\U0001F600 a\\Lb\\_c {parameter:lr}\"\n",
	}
}

// Merges returns a file whose mappings merge the one before them twice,
// levels times over: read naively, the last holds 2^levels copies of the
// first.
func Merges(levels int) string {
	var b strings.Builder
	b.WriteString("- step: &m0 {name: m, image: x, command: y}\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "- step: &m%d {<<: [*m%d, *m%d], name: m%d}\n", i, i-1, i-1, i)
	}
	return b.String()
}
