package expr

import "fmt"

// exprParser is a recursive-descent parser of Python's expression grammar
// (the parts that can appear in one expression).
type exprParser struct {
	toks  []exprToken
	i     int
	depth int // unary operators and powers being read, one inside the other
}

// maxBrackets is the deepest bracket nesting Python's parser accepts.
const maxBrackets = 200

// maxUnary bounds how deeply factors nest while parsing: one level per
// unary operator, power and bracket. Brackets give at most maxBrackets of
// them, so an expression past it has hundreds of nested operators, far
// more than the evaluator's levels: it is reported as nesting too deeply.
const maxUnary = 1000

// enter counts one more nested unary operator or power, and refuses one
// past maxUnary.
func (p *exprParser) enter() *Error {
	p.depth++
	if p.depth > maxUnary {
		return &Error{p.peek().pos, fmt.Sprintf("the expression nests too deeply (at most %d levels)", maxExprDepth-1)}
	}
	return nil
}

func (p *exprParser) peek() exprToken { return p.toks[p.i] }

func (p *exprParser) next() exprToken {
	t := p.toks[p.i]
	if t.kind != "end" {
		p.i++
	}
	return t
}

// is reports whether the next token is the operator or keyword s.
func (p *exprParser) is(s string) bool {
	t := p.peek()
	return (t.kind == "op" || t.kind == "kw") && t.text == s
}

func (p *exprParser) accept(s string) bool {
	if p.is(s) {
		p.i++
		return true
	}
	return false
}

func (p *exprParser) expect(s string) *Error {
	if !p.accept(s) {
		return p.unexpected()
	}
	return nil
}

func (p *exprParser) unexpected() *Error {
	t := p.peek()
	if t.kind == "end" {
		return &Error{t.pos, "the expression ends too early"}
	}
	return &Error{t.pos, fmt.Sprintf("unexpected %q (invalid syntax)", t.text)}
}

// parse reads the whole expression: one expression or a tuple.
func (p *exprParser) parse() (*exprNode, *Error) {
	n, err := p.tuple(p.expr, false)
	if err != nil {
		return nil, err
	}
	if p.peek().kind != "end" {
		return nil, p.unexpected()
	}
	return n, nil
}

// tuple reads item (',' item)* [','], a tuple when there is a comma.
// With brackets, the closing bracket may follow a comma.
func (p *exprParser) tuple(item func() (*exprNode, *Error), starOK bool) (*exprNode, *Error) {
	pos := p.peek().pos
	first, err := p.element(item, starOK)
	if err != nil {
		return nil, err
	}
	if !p.is(",") {
		return first, nil
	}
	t := &exprNode{kind: "Tuple", pos: pos, kids: []*exprNode{first}}
	for p.accept(",") {
		if p.endsGroup() {
			break
		}
		n, err := p.element(item, starOK)
		if err != nil {
			return nil, err
		}
		t.kids = append(t.kids, n)
	}
	return t, nil
}

func (p *exprParser) endsGroup() bool {
	return p.peek().kind == "end" || p.is(")") || p.is("]") || p.is("}") || p.is("for")
}

// element reads an item, or `*x` where unpacking is allowed by the grammar.
func (p *exprParser) element(item func() (*exprNode, *Error), starOK bool) (*exprNode, *Error) {
	if starOK && p.is("*") {
		pos := p.next().pos
		n, err := p.orExpr()
		if err != nil {
			return nil, err
		}
		return &exprNode{kind: "Starred", pos: pos, kids: []*exprNode{n}}, nil
	}
	return item()
}

// expr is Python's `expression` (conditional expressions and lambdas
// cannot occur: their keywords are read as names).
func (p *exprParser) expr() (*exprNode, *Error) { return p.boolOp("or", p.and) }

func (p *exprParser) and() (*exprNode, *Error) { return p.boolOp("and", p.not) }

func (p *exprParser) boolOp(kw string, sub func() (*exprNode, *Error)) (*exprNode, *Error) {
	pos := p.peek().pos
	n, err := sub()
	if err != nil {
		return nil, err
	}
	if !p.is(kw) {
		return n, nil
	}
	b := &exprNode{kind: "BoolOp", op: kw, pos: pos, kids: []*exprNode{n}}
	for p.accept(kw) {
		m, err := sub()
		if err != nil {
			return nil, err
		}
		b.kids = append(b.kids, m)
	}
	return b, nil
}

func (p *exprParser) not() (*exprNode, *Error) {
	if p.is("not") {
		pos := p.next().pos
		if err := p.enter(); err != nil {
			return nil, err
		}
		defer func() { p.depth-- }()
		n, err := p.not()
		if err != nil {
			return nil, err
		}
		return &exprNode{kind: "UnaryOp", op: "not", pos: pos, kids: []*exprNode{n}}, nil
	}
	return p.comparison()
}

func (p *exprParser) comparison() (*exprNode, *Error) {
	pos := p.peek().pos
	n, err := p.orExpr()
	if err != nil {
		return nil, err
	}
	var ops []string
	kids := []*exprNode{n}
	for {
		op := p.compareOp()
		if op == "" {
			break
		}
		m, err := p.orExpr()
		if err != nil {
			return nil, err
		}
		ops = append(ops, op)
		kids = append(kids, m)
	}
	if len(ops) == 0 {
		return n, nil
	}
	c := &exprNode{kind: "Compare", op: ops[0], pos: pos, kids: kids}
	if len(ops) > 1 {
		c.note = "chain"
	}
	return c, nil
}

// compareOp consumes a comparison operator, returning it or "".
func (p *exprParser) compareOp() string {
	for _, op := range []string{"==", "!=", "<=", "<", ">=", ">"} {
		if p.accept(op) {
			return op
		}
	}
	switch {
	case p.accept("in"):
		return "in"
	case p.is("not") && p.toks[p.i+1].kind == "kw" && p.toks[p.i+1].text == "in":
		p.i += 2
		return "not in"
	case p.accept("is"):
		if p.accept("not") {
			return "is not"
		}
		return "is"
	}
	return ""
}

// Binary operator levels, loosest first.
var binaryLevels = [][]string{{"|"}, {"^"}, {"&"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "//", "%", "@"}}

func (p *exprParser) orExpr() (*exprNode, *Error) { return p.binary(0) }

func (p *exprParser) binary(level int) (*exprNode, *Error) {
	if level == len(binaryLevels) {
		return p.factor()
	}
	n, err := p.binary(level + 1)
	if err != nil {
		return nil, err
	}
	for {
		op := ""
		for _, o := range binaryLevels[level] {
			if p.is(o) {
				op = o
				break
			}
		}
		if op == "" {
			return n, nil
		}
		pos := p.next().pos
		m, err := p.binary(level + 1)
		if err != nil {
			return nil, err
		}
		n = &exprNode{kind: "BinOp", op: op, pos: pos, kids: []*exprNode{n, m}}
	}
}

func (p *exprParser) factor() (*exprNode, *Error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	for _, op := range []string{"+", "-", "~"} {
		if p.is(op) {
			pos := p.next().pos
			n, err := p.factor()
			if err != nil {
				return nil, err
			}
			return &exprNode{kind: "UnaryOp", op: op, pos: pos, kids: []*exprNode{n}}, nil
		}
	}
	n, err := p.primary()
	if err != nil {
		return nil, err
	}
	if p.is("**") {
		pos := p.next().pos
		m, err := p.factor()
		if err != nil {
			return nil, err
		}
		return &exprNode{kind: "BinOp", op: "**", pos: pos, kids: []*exprNode{n, m}}, nil
	}
	return n, nil
}
