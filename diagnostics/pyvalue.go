package diagnostics

import (
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
)

// pyKind is the Python type the official parser reads a YAML value as.
type pyKind int

const (
	pyNone pyKind = iota
	pyBool
	pyInt
	pyFloat
	pyStr
	pyDate
	pyList
	pyDict
)

// pyValue is a YAML value as Python sees it, enough to repeat the
// official validator's comparisons and conversions.
type pyValue struct {
	kind  pyKind
	num   float64 // bool (0 or 1), int and float
	str   string  // the text of a string, or of a scalar as written
	items []pyValue
}

// pyOf reads n with YAML 1.1 typing.
func pyOf(n *yaml.Node) pyValue {
	n = document.Deref(n)
	switch n.Kind {
	case yaml.SequenceNode:
		v := pyValue{kind: pyList}
		for _, e := range n.Content {
			v.items = append(v.items, pyOf(e))
		}
		return v
	case yaml.MappingNode:
		return pyValue{kind: pyDict, num: float64(len(n.Content) / 2)}
	}
	v := pyValue{str: n.Value}
	switch document.Resolve11(n) {
	case document.Null:
		v.kind = pyNone
	case document.Bool:
		v.kind = pyBool
		if document.Bool11(n.Value) {
			v.num = 1
		}
	case document.Int:
		v.kind = pyInt
		v.num, _ = document.Number11(n.Value)
	case document.Float:
		v.kind = pyFloat
		v.num, _ = document.Number11(n.Value)
	case document.Timestamp:
		v.kind = pyDate
	default:
		v.kind = pyStr
	}
	return v
}

func (v pyValue) truthy() bool {
	switch v.kind {
	case pyNone:
		return false
	case pyBool, pyInt, pyFloat, pyDict:
		return v.num != 0
	case pyStr:
		return v.str != ""
	case pyList:
		return len(v.items) > 0
	}
	return true
}

// numeric reports whether Python compares v as a number.
func (v pyValue) numeric() bool { return v.kind == pyBool || v.kind == pyInt || v.kind == pyFloat }

// describe says what v is, for messages.
func (v pyValue) describe() string {
	switch v.kind {
	case pyNone:
		return "empty"
	case pyBool:
		return "the boolean " + v.str
	case pyInt, pyFloat:
		return "the number " + v.str
	case pyDate:
		return "the date " + v.str
	case pyList:
		return "a list"
	case pyDict:
		return "a mapping"
	}
	return `"` + v.str + `"`
}

var (
	pyIntText   = regexp.MustCompile(`^[+-]?[0-9](?:_?[0-9])*$`)
	pyFloatText = regexp.MustCompile(`^[+-]?(?:(?:[0-9](?:_?[0-9])*)?\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\.?)(?:[eE][+-]?[0-9](?:_?[0-9])*)?$`)
	pyFloatWord = regexp.MustCompile(`(?i)^[+-]?(?:inf|infinity|nan)$`)
)

// intOK reports whether Python's int(str(v)) succeeds.
func (v pyValue) intOK() bool {
	switch v.kind {
	case pyInt:
		return true
	case pyStr:
		return pyIntText.MatchString(strings.TrimSpace(v.str))
	}
	return false
}

// floatOK reports whether Python's float(str(v)) succeeds.
func (v pyValue) floatOK() bool {
	switch v.kind {
	case pyInt, pyFloat:
		return true
	case pyStr:
		s := strings.TrimSpace(v.str)
		return pyFloatText.MatchString(s) || pyFloatWord.MatchString(s)
	}
	return false
}

// pyEqual is Python's == between two values read from YAML.
func pyEqual(a, b pyValue) bool {
	switch {
	case a.numeric() && b.numeric():
		return a.num == b.num
	case a.kind != b.kind:
		return false
	case a.kind == pyNone:
		return true
	case a.kind == pyStr, a.kind == pyDate:
		return a.str == b.str
	case a.kind == pyList:
		if len(a.items) != len(b.items) {
			return false
		}
		for i := range a.items {
			if !pyEqual(a.items[i], b.items[i]) {
				return false
			}
		}
		return true
	}
	return false
}
