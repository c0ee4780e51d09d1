package expr

import "strings"

// primary reads an atom followed by attribute, call and index trailers.
func (p *exprParser) primary() (*exprNode, *Error) {
	n, err := p.atom()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		switch {
		case p.accept("."):
			if p.peek().kind != "name" {
				return nil, p.unexpected()
			}
			p.next()
			base := n.kind == "Name" || (n.kind == "Attribute" && n.nameBase)
			n = &exprNode{kind: "Attribute", pos: n.pos, nameBase: base}
		case p.accept("("):
			if n, err = p.call(n, t.pos); err != nil {
				return nil, err
			}
		case p.accept("["):
			if _, err := p.tuple(p.slice, true); err != nil {
				return nil, err
			}
			if err := p.expect("]"); err != nil {
				return nil, err
			}
			n = &exprNode{kind: "Subscript", pos: t.pos}
		default:
			return n, nil
		}
	}
}

// call reads the arguments of a call of fn, after its '('.
func (p *exprParser) call(fn *exprNode, pos int) (*exprNode, *Error) {
	c := &exprNode{kind: "Call", pos: fn.pos}
	if fn.kind != "Name" {
		c.note = "func"
	}
	for !p.is(")") {
		switch {
		case p.accept("**"):
			c.note = nonEmpty(c.note, "kw")
			if _, err := p.expr(); err != nil {
				return nil, err
			}
		case p.peek().kind == "name" && p.toks[p.i+1].text == "=" && p.toks[p.i+1].kind == "op":
			p.i += 2
			c.note = nonEmpty(c.note, "kw")
			if _, err := p.expr(); err != nil {
				return nil, err
			}
		default:
			arg, err := p.element(p.namedExpr, true)
			if err != nil {
				return nil, err
			}
			if p.is("for") {
				if arg, err = p.comprehension("GeneratorExp", arg); err != nil {
					return nil, err
				}
			}
			c.kids = append(c.kids, arg)
		}
		if !p.accept(",") {
			break
		}
	}
	if err := p.expect(")"); err != nil {
		return nil, err
	}
	return c, nil
}

func nonEmpty(s, alt string) string {
	if s != "" {
		return s
	}
	return alt
}

// slice reads one index of a subscript, which may be a slice a:b:c.
func (p *exprParser) slice() (*exprNode, *Error) {
	pos := p.peek().pos
	var n *exprNode
	if !p.is(":") {
		var err *Error
		if n, err = p.namedExpr(); err != nil {
			return nil, err
		}
	}
	if !p.is(":") {
		return n, nil
	}
	for i := 0; i < 2 && p.accept(":"); i++ {
		if !p.is(":") && !p.is(",") && !p.is("]") {
			if _, err := p.expr(); err != nil {
				return nil, err
			}
		}
	}
	return &exprNode{kind: "Slice", pos: pos}, nil
}

// namedExpr reads an expression, or `name := value`.
func (p *exprParser) namedExpr() (*exprNode, *Error) {
	n, err := p.expr()
	if err != nil || !p.is(":=") {
		return n, err
	}
	if n.kind != "Name" {
		return nil, p.unexpected()
	}
	p.next()
	if _, err := p.expr(); err != nil {
		return nil, err
	}
	return &exprNode{kind: "NamedExpr", pos: n.pos}, nil
}

// comprehension reads the `for ... in ...` clauses after elt.
func (p *exprParser) comprehension(kind string, elt *exprNode) (*exprNode, *Error) {
	for p.accept("for") {
		if _, err := p.tuple(p.orExpr, true); err != nil {
			return nil, err
		}
		if err := p.expect("in"); err != nil {
			return nil, err
		}
		if _, err := p.expr(); err != nil {
			return nil, err
		}
	}
	return &exprNode{kind: kind, pos: elt.pos}, nil
}

func (p *exprParser) atom() (*exprNode, *Error) {
	t := p.peek()
	switch {
	case t.kind == "name":
		p.next()
		return &exprNode{kind: "Name", pos: t.pos}, nil
	case t.kind == "kw" && (t.text == "True" || t.text == "False"):
		p.next()
		return &exprNode{kind: "Constant", note: "bool", pos: t.pos}, nil
	case t.kind == "kw" && t.text == "None":
		p.next()
		return &exprNode{kind: "Constant", note: "None", pos: t.pos}, nil
	case t.kind == "number":
		p.next()
		return &exprNode{kind: "Constant", note: t.note, pos: t.pos}, nil
	case t.kind == "string":
		return p.strings()
	case p.accept("..."):
		return &exprNode{kind: "Constant", note: "Ellipsis", pos: t.pos}, nil
	case p.accept("("):
		return p.paren(t.pos)
	case p.accept("["):
		return p.list(t.pos)
	case p.accept("{"):
		return p.brace(t.pos)
	}
	return nil, p.unexpected()
}

// strings reads adjacent string literals, which Python joins into one.
func (p *exprParser) strings() (*exprNode, *Error) {
	pos := p.peek().pos
	kinds := map[string]bool{}
	for p.peek().kind == "string" {
		kinds[p.next().note] = true
	}
	switch {
	case kinds["bytes"] && (kinds["str"] || kinds["fstring"]):
		return nil, &Error{pos, "bytes and text strings cannot be joined"}
	case kinds["fstring"]:
		return &exprNode{kind: "JoinedStr", pos: pos}, nil
	case kinds["bytes"]:
		return &exprNode{kind: "Constant", note: "bytes", pos: pos}, nil
	}
	return &exprNode{kind: "Constant", note: "str", pos: pos}, nil
}

// paren reads what follows '(': a group, a tuple or a generator.
func (p *exprParser) paren(pos int) (*exprNode, *Error) {
	if p.accept(")") {
		return &exprNode{kind: "Tuple", pos: pos}, nil
	}
	first, err := p.element(p.namedExpr, true)
	if err != nil {
		return nil, err
	}
	n := first
	switch {
	case p.is("for"):
		n, err = p.comprehension("GeneratorExp", first)
	case p.is(","):
		n, err = p.rest(&exprNode{kind: "Tuple", pos: pos, kids: []*exprNode{first}})
	case first.kind == "Starred":
		return nil, &Error{first.pos, "unpacking (*x) is not allowed here"}
	}
	if err != nil {
		return nil, err
	}
	return n, p.expect(")")
}

// rest reads the remaining `, item` elements of a display into n.
func (p *exprParser) rest(n *exprNode) (*exprNode, *Error) {
	for p.accept(",") {
		if p.endsGroup() {
			break
		}
		e, err := p.element(p.namedExpr, true)
		if err != nil {
			return nil, err
		}
		n.kids = append(n.kids, e)
	}
	return n, nil
}

// list reads what follows '[': a list display or comprehension.
func (p *exprParser) list(pos int) (*exprNode, *Error) {
	n := &exprNode{kind: "List", pos: pos}
	if p.accept("]") {
		return n, nil
	}
	first, err := p.element(p.namedExpr, true)
	if err != nil {
		return nil, err
	}
	if p.is("for") {
		n, err = p.comprehension("ListComp", first)
	} else {
		n.kids = append(n.kids, first)
		n, err = p.rest(n)
	}
	if err != nil {
		return nil, err
	}
	return n, p.expect("]")
}

// brace reads what follows '{': a set or dict display or comprehension.
func (p *exprParser) brace(pos int) (*exprNode, *Error) {
	if p.accept("}") {
		return &exprNode{kind: "Dict", pos: pos}, nil
	}
	if p.is("**") {
		if err := p.skipUntilClose(); err != nil {
			return nil, err
		}
		return &exprNode{kind: "Dict", pos: pos}, nil
	}
	first, err := p.element(p.namedExpr, true)
	if err != nil {
		return nil, err
	}
	var n *exprNode
	switch {
	case p.is(":"):
		if err := p.skipUntilClose(); err != nil {
			return nil, err
		}
		return &exprNode{kind: "Dict", pos: pos}, nil
	case p.is("for"):
		n, err = p.comprehension("SetComp", first)
	default:
		n, err = p.rest(&exprNode{kind: "Set", pos: pos, kids: []*exprNode{first}})
	}
	if err != nil {
		return nil, err
	}
	return n, p.expect("}")
}

// skipUntilClose skips a dict body up to and including its closing brace;
// dicts are refused whatever they hold.
func (p *exprParser) skipUntilClose() *Error {
	depth := 1
	for {
		t := p.next()
		switch {
		case t.kind == "end":
			return &Error{t.pos, "the expression ends too early"}
		case t.kind == "op" && strings.Contains("([{", t.text):
			depth++
		case t.kind == "op" && strings.Contains(")]}", t.text):
			depth--
			if depth == 0 {
				return nil
			}
		}
	}
}
