// Package expr checks the conditions of valohai.yaml (stop conditions,
// node-action conditions) the way the platform's restricted evaluator
// reads them.
package expr

import (
	"fmt"
	"strings"
)

// Stop conditions and node-action conditions are Python expressions that
// the platform evaluates with a restricted evaluator. Check
// accepts what that evaluator accepts: names and dotted names, numbers,
// strings, True/False/None, tuple and set literals, calls of plain names
// with positional arguments, `+ - * / //`, unary `+ - not`, `and`/`or`,
// and single comparisons (`== != < <= > >= in not in is is not`). Python
// keywords other than those the grammar needs are read as plain names.

// maxExprDepth is how deeply the evaluator lets an expression nest,
// counting the expression itself as the first level.
const maxExprDepth = 8

// maxExprLen is the longest expression the evaluator accepts.
const maxExprLen = 100000

// Error is a problem in an expression, at a byte offset of it.
type Error struct {
	Pos int
	Msg string
}

func (e *Error) Error() string { return e.Msg }

// Check returns nil when the evaluator would accept expr, and
// otherwise what is wrong with it.
func Check(expr string) *Error {
	if len(expr) > maxExprLen {
		return &Error{0, fmt.Sprintf("the expression is longer than %d characters", maxExprLen)}
	}
	toks, err := tokenizeExpr(expr)
	if err != nil {
		return err
	}
	p := &exprParser{toks: toks}
	root, err := p.parse()
	if err != nil {
		return err
	}
	return verifyExpr(root, 1)
}

// exprNode is a node of the expression's syntax tree, named after
// Python's own node types.
type exprNode struct {
	kind string // Name, Constant, Attribute, BinOp, UnaryOp, BoolOp, Compare, Call, Tuple, Set, ...
	op   string // operator of BinOp/UnaryOp/Compare
	pos  int
	kids []*exprNode
	// Constant: "str", "int", "float", "bool", "None", "bytes", "complex", "Ellipsis".
	// Call: "kw" when keyword arguments are given. Compare: "chain" for a chain.
	note string
	// Attribute: whether the chain starts at a plain name.
	nameBase bool
}

// verifyExpr walks n at nesting level depth the way the evaluator does.
func verifyExpr(n *exprNode, depth int) *Error {
	if depth >= maxExprDepth {
		return &Error{n.pos, fmt.Sprintf("the expression nests too deeply (at most %d levels)", maxExprDepth-1)}
	}
	switch n.kind {
	case "Name":
		return nil
	case "Attribute":
		if !n.nameBase {
			return &Error{n.pos, "a dotted name must start with a plain name, as in `metadata.loss`"}
		}
		return nil
	case "Constant":
		return verifyConstant(n)
	case "Compare":
		if n.note == "chain" {
			return &Error{n.pos, "chained comparisons such as `a < b < c` are not supported; write `a < b and b < c`"}
		}
	case "Call":
		if n.note == "func" {
			return &Error{n.pos, "only a plain function name can be called, as in `max(a, b)`"}
		}
		if n.note == "kw" {
			return &Error{n.pos, "keyword arguments (`name=value`) are not allowed in calls"}
		}
	case "BinOp", "UnaryOp", "BoolOp", "Tuple", "Set":
	default:
		return &Error{n.pos, notAllowed(n.kind)}
	}
	for _, k := range n.kids {
		if err := verifyExpr(k, depth+1); err != nil {
			return err
		}
	}
	switch {
	case n.kind == "BinOp" && !strings.Contains(" + - * / // ", " "+n.op+" "):
		return &Error{n.pos, fmt.Sprintf("operator %s is not allowed; only + - * / and // are", n.op)}
	case n.kind == "UnaryOp" && n.op == "~":
		return &Error{n.pos, "operator ~ is not allowed"}
	}
	return nil
}

func verifyConstant(n *exprNode) *Error {
	switch n.note {
	case "bytes":
		return &Error{n.pos, "bytes literals (b'...') are not allowed"}
	case "complex":
		return &Error{n.pos, "imaginary numbers are not allowed"}
	case "Ellipsis":
		return &Error{n.pos, "`...` is not allowed"}
	}
	return nil
}

// notAllowed says which construct the evaluator refuses.
func notAllowed(kind string) string {
	msg := map[string]string{
		"List":         "list literals ([...]) are not allowed; use a tuple (a, b)",
		"Dict":         "dict literals ({key: value}) are not allowed",
		"Subscript":    "indexing (x[...]) is not allowed",
		"Slice":        "slices (a:b) are not allowed",
		"Starred":      "unpacking (*x) is not allowed",
		"JoinedStr":    "f-strings are not allowed",
		"GeneratorExp": "generator expressions are not allowed",
		"ListComp":     "comprehensions are not allowed",
		"SetComp":      "comprehensions are not allowed",
		"DictComp":     "comprehensions are not allowed",
		"NamedExpr":    "assignment expressions (:=) are not allowed",
	}[kind]
	if msg == "" {
		msg = "this kind of expression is not allowed"
	}
	return msg
}
