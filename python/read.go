package python

import "fmt"

// keywords are Python's hard keywords: a name among them never names a
// called function.
var keywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true,
	"def": true, "del": true, "elif": true, "else": true, "except": true,
	"finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true,
	"not": true, "or": true, "pass": true, "raise": true, "return": true,
	"try": true, "while": true, "with": true, "yield": true,
}

// compound are the keywords that open a compound statement's header.
var compound = map[string]bool{
	"if": true, "elif": true, "else": true, "while": true, "for": true, "with": true,
	"try": true, "except": true, "finally": true, "def": true, "class": true,
}

// Unreadable is a keyword of a `valohai.prepare(...)` call that
// valohai-utils' parser cannot read (it raises an error on it).
type Unreadable struct {
	Keyword string
	Pos     Pos
}

// Read reads a Python script. It never fails: on text that is not valid
// Python it reads what it can.
func Read(src []byte) *Script {
	toks, deep := tokenize(src)
	if deep > 0 {
		return &Script{Refused: fmt.Sprintf("its brackets are nested more than %d deep at line %d, which Python refuses", MaxNesting, deep)}
	}
	r := &reader{src: src, toks: toks, assigned: map[string]Value{}, script: &Script{}}
	r.matchBrackets()
	r.statements()
	r.scanCalls()
	return r.script
}

type reader struct {
	src      []byte
	toks     []Token
	match    []int // for an open bracket, the index of its closer (-1 if none)
	opener   []int // for a closing bracket, the index of its opener (-1 if none)
	script   *Script
	assigned map[string]Value // NAME = literal, as valohai-utils records them
	aliases  map[string]bool  // names the module valohai is imported as
	calls    []Pos            // every prepare call read, for tests
	fdepth   int              // f-string nesting of these tokens
}

// maxFDepth bounds how deep f-strings within f-string fields are read,
// so that each byte is scanned a bounded number of times.
const maxFDepth = 8

func (r *reader) text(i int) string { return r.toks[i].Text(r.src) }

func (r *reader) is(i int, kind TokKind, text string) bool {
	if i < 0 || i >= len(r.toks) {
		return false
	}
	t := r.toks[i]
	return t.Kind == kind && string(r.src[t.Start:t.End]) == text
}

func (r *reader) isOp(i int, text string) bool { return r.is(i, TOp, text) }

func (r *reader) pos(i int) Pos {
	if i >= len(r.toks) {
		return Pos{Offset: len(r.src), Line: lineOf(r.src, len(r.src))}
	}
	return Pos{Offset: r.toks[i].Start, Line: r.toks[i].Line}
}

// lineOf counts lines as the tokenizer does: \n, \r\n and a lone \r
// each end one.
func lineOf(src []byte, off int) int {
	line := 1
	for i := 0; i < off; i++ {
		if src[i] == '\n' || src[i] == '\r' && (i+1 >= len(src) || src[i+1] != '\n') {
			line++
		}
	}
	return line
}

func (r *reader) matchBrackets() {
	r.match = make([]int, len(r.toks))
	r.opener = make([]int, len(r.toks))
	var stack []int
	for i, t := range r.toks {
		r.match[i], r.opener[i] = -1, -1
		if t.Kind == TNewline {
			stack = stack[:0]
			continue
		}
		if t.Kind != TOp || t.End-t.Start != 1 {
			continue
		}
		switch c := r.src[t.Start]; c {
		case '(', '[', '{':
			stack = append(stack, i)
		case ')', ']', '}':
			open := byte('(')
			if c == ']' {
				open = '['
			} else if c == '}' {
				open = '{'
			}
			if n := len(stack); n > 0 && r.src[r.toks[stack[n-1]].Start] == open {
				r.match[stack[n-1]] = i
				r.opener[i] = stack[n-1]
				stack = stack[:n-1]
			}
		}
	}
}

// skip returns the index after the token at i, jumping over a bracketed
// group when i opens one.
func (r *reader) skip(i, end int) int {
	if m := r.match[i]; m >= 0 && m < end {
		return m + 1
	}
	return i + 1
}

// statements walks the logical lines, split at `;` and after compound
// statement headers, to find assignments, imports and prepare calls.
func (r *reader) statements() {
	start := 0
	for i, t := range r.toks {
		if t.Kind == TNewline {
			r.line(start, i)
			start = i + 1
		}
	}
	if start < len(r.toks) {
		r.line(start, len(r.toks))
	}
}

func (r *reader) line(a, b int) {
	for a < b {
		// One simple statement, or a compound statement's header.
		if r.toks[a].Kind == TOp && r.text(a) == "@" {
			r.findPrepare(a+1, b)
			return
		}
		if r.headerKeyword(a, b) {
			colon := r.depth0(a, b, ":")
			if colon < 0 {
				colon = b
			}
			first := a
			if r.is(first, TName, "async") {
				first++
			}
			if r.is(first, TName, "def") || r.is(first, TName, "class") {
				// The parentheses after the name hold parameters (whose
				// defaults are visited) or bases, not a call's arguments.
				r.findPrepare(first+2, colon)
			} else {
				r.findPrepare(first+1, colon)
			}
			a = colon + 1
			continue
		}
		semi := r.depth0(a, b, ";")
		if semi < 0 {
			semi = b
		}
		r.simple(a, semi)
		a = semi + 1
	}
}

// headerKeyword reports whether the statement at a opens a compound
// statement, soft keywords `match` and `case` included.
func (r *reader) headerKeyword(a, b int) bool {
	t := r.toks[a]
	if t.Kind != TName {
		return false
	}
	w := r.text(a)
	if compound[w] {
		return true
	}
	if w == "async" {
		return r.is(a+1, TName, "def") || r.is(a+1, TName, "for") || r.is(a+1, TName, "with")
	}
	if w != "match" && w != "case" || a+1 >= b {
		return false
	}
	// `match x:` / `case [a, b]:` — not `match = 1`, `match.group(1)`,
	// `match(x)` or `match[0] = y`.
	next := r.toks[a+1]
	colon := r.depth0(a, b, ":")
	if colon < 0 || r.depth0(a, b, "=") >= 0 {
		return false
	}
	if next.Kind == TOp {
		switch r.text(a + 1) {
		case "(", "[", "{", "-", "*", "~":
			// `match (x):` and `match(x):` read the same; a call has no
			// colon after it at depth 0 in a simple statement.
			return true
		}
		return false
	}
	return true
}

// depth0 returns the index of the first op `op` outside brackets in [a, b).
func (r *reader) depth0(a, b int, op string) int {
	for i := a; i < b; {
		if r.isOp(i, op) {
			return i
		}
		i = r.skip(i, b)
	}
	return -1
}

// simple reads one simple statement in [a, b).
func (r *reader) simple(a, b int) {
	if a >= b {
		return
	}
	if r.is(a, TName, "import") {
		r.imports(a+1, b)
		return
	}
	if r.is(a, TName, "lambda") {
		r.findPrepare(a, b)
		return
	}
	// Assignments: the statement's `=` outside brackets; an annotation's
	// `:` before it.
	var eqs []int
	colon := -1
	for i := a; i < b; {
		if r.isOp(i, "=") {
			eqs = append(eqs, i)
		} else if r.isOp(i, ":") && colon < 0 && len(eqs) == 0 {
			colon = i
		} else if r.is(i, TName, "lambda") {
			break
		}
		i = r.skip(i, b)
	}
	if colon >= 0 {
		// NAME: annotation [= value]
		if colon == a+1 && r.toks[a].Kind == TName && len(eqs) > 0 {
			r.assign(r.text(a), eqs[0]+1, b)
		}
		return
	}
	if len(eqs) > 0 {
		if len(eqs) == 1 && eqs[0] == a+1 && r.toks[a].Kind == TName && !keywords[r.text(a)] {
			r.assign(r.text(a), eqs[0]+1, b)
		}
		return
	}
	r.findPrepare(a, b)
}

// assign records NAME = value when the value is a literal, as
// valohai-utils does (a value that is not one leaves the name as it was).
func (r *reader) assign(name string, a, b int) {
	v, ok := r.literalTuple(a, b)
	if ok {
		r.assigned[name] = v
	}
}

func (r *reader) imports(a, b int) {
	// import valohai [as vh], other [as o]
	for i := a; i < b; {
		j := i
		for j < b && !r.isOp(j, ",") {
			j++
		}
		if j-i == 1 && r.is(i, TName, "valohai") {
			r.alias("valohai")
		}
		if j-i == 3 && r.is(i, TName, "valohai") && r.is(i+1, TName, "as") && r.toks[i+2].Kind == TName {
			r.alias(r.text(i + 2))
		}
		i = j + 1
	}
}

func (r *reader) alias(name string) {
	if r.aliases == nil {
		r.aliases = map[string]bool{}
	}
	r.aliases[name] = true
}

// callParen reports whether the `(` at i (within a statement starting at
// a) calls what precedes it.
func (r *reader) callParen(a, i int) bool {
	if i <= a {
		return false
	}
	p := r.toks[i-1]
	switch p.Kind {
	case TName:
		return !keywords[r.text(i-1)]
	case TString:
		return true
	case TOp:
		t := r.text(i - 1)
		return t == ")" || t == "]"
	}
	return false
}

// findPrepare finds, in the expression tokens [a, b), the
// `valohai.prepare(...)` calls valohai-utils' visitor reaches: those not
// inside another call's parentheses, nor inside what is called
// (`valohai.prepare(...).x()`, `d[valohai.prepare()].get()`), f-string
// fields included.
func (r *reader) findPrepare(a, b int) {
	var stack []int // open brackets
	inCall := 0
	for i := a; i < b; i++ {
		t := r.toks[i]
		if t.Kind == TOp && t.End-t.Start == 1 {
			switch r.src[t.Start] {
			case '(', '[', '{':
				if r.src[t.Start] == '(' && r.callParen(a, i) {
					inCall++
				}
				stack = append(stack, i)
				continue
			case ')', ']', '}':
				if n := len(stack); n > 0 {
					if o := stack[n-1]; r.isOp(o, "(") && r.callParen(a, o) {
						inCall--
					}
					stack = stack[:n-1]
				}
				continue
			}
		}
		if inCall > 0 {
			continue
		}
		if t.Kind == TString {
			if fields := Fields(r.src, t); len(fields) > 0 && r.fdepth < maxFDepth && !r.insideCallee(stack, b) {
				for _, f := range fields {
					line := t.Line + lineOf(r.src[t.Start:f[0]], f[0]-t.Start) - 1
					sub := &reader{src: r.src, toks: tokenizeRange(r.src, f[0], f[1], line),
						script: r.script, assigned: r.assigned, aliases: r.aliases, fdepth: r.fdepth + 1}
					sub.matchBrackets()
					sub.findPrepare(0, len(sub.toks))
					r.calls = append(r.calls, sub.calls...)
				}
			}
			continue
		}
		if t.Kind != TName || r.text(i) != "valohai" || r.isOp(i-1, ".") && i-1 >= a {
			continue
		}
		if !r.isOp(i+1, ".") || !r.is(i+2, TName, "prepare") || !r.isOp(i+3, "(") || i+3 >= b {
			continue
		}
		close := r.match[i+3]
		if close < 0 || close >= b {
			close = b
		}
		if r.calledAfter(close+1, b) || r.insideCallee(stack, b) {
			continue
		}
		r.prepare(i, i+3, close)
	}
}

// insideCallee reports whether one of the open brackets is part of an
// expression that is then called (`x[...].f()`, `(...)()`), whose parts
// the visitor does not enter.
func (r *reader) insideCallee(stack []int, b int) bool {
	for _, o := range stack {
		if c := r.match[o]; c >= 0 && c < b && r.calledAfter(c+1, b) {
			return true
		}
	}
	return false
}

// calledAfter reports whether the trailers from j on (`.x`, `[...]`)
// lead to a call, which makes the expression before j a callee's part.
func (r *reader) calledAfter(j, b int) bool {
	for j < b {
		switch {
		case r.isOp(j, "(") && j < b:
			return true
		case r.isOp(j, ".") && j+1 < b && r.toks[j+1].Kind == TName:
			j += 2
		case r.isOp(j, "["):
			j = r.skip(j, b)
		default:
			return false
		}
	}
	return false
}

// args splits a call's parentheses (open at o, closing at c) into its
// arguments: positional ones with name "", keywords with their name,
// `*x` and `**x` with name "*" and "**".
type arg struct {
	name       string
	namePos    int // the keyword's token
	start, end int // the value's tokens
}

func (r *reader) args(o, c int) []arg {
	var out []arg
	i := o + 1
	for i < c {
		j := r.argEnd(i, c)
		if j > i {
			a := arg{start: i, end: j, namePos: i}
			switch {
			case r.toks[i].Kind == TName && r.isOp(i+1, "=") && i+1 < j:
				a.name, a.start = r.text(i), i+2
			case r.isOp(i, "*") || r.isOp(i, "**"):
				a.name, a.start = r.text(i), i+1
			}
			out = append(out, a)
		}
		i = j + 1
	}
	return out
}

// argEnd returns the index of the comma (or c) that ends the argument
// starting at i; a lambda's parameters have commas of their own
// (`key=lambda a, b: a`).
func (r *reader) argEnd(i, c int) int {
	lambdas := 0
	for i < c {
		switch {
		case r.is(i, TName, "lambda"):
			lambdas++
		case lambdas > 0 && r.isOp(i, ":"):
			lambdas--
		case lambdas == 0 && r.isOp(i, ","):
			return i
		}
		i = r.skip(i, c)
	}
	return c
}

// prepare reads one `valohai.prepare(...)` call: v is the `valohai`
// token, o and c its parentheses.
func (r *reader) prepare(v, o, c int) {
	p := r.script.Prepare
	if p == nil {
		p = &Prepare{}
		r.script.Prepare = p
	}
	p.Pos = r.pos(v)
	r.calls = append(r.calls, p.Pos)
	// Each call sets the step anew ("default" unless it names one); the
	// other keywords keep what an earlier call gave them.
	p.Step = Str{}
	for _, a := range r.args(o, c) {
		switch a.name {
		case "step":
			p.Step = r.str(a, &p.Unreadable)
		case "image":
			p.Image = r.str(a, &p.Unreadable)
		case "environment":
			p.Environment = r.str(a, &p.Unreadable)
		case "upload_store":
			p.UploadStore = r.str(a, &p.Unreadable)
		case "multifile":
			v, ok := r.literalTuple(a.start, a.end)
			if ok {
				p.Multifile = &v
			} else {
				p.Multifile = nil
				p.Unreadable = append(p.Unreadable, Unreadable{a.name, r.pos(a.start)})
			}
		case "default_parameters":
			p.DefaultParameters = r.dict(a, &p.Unreadable)
		case "default_inputs":
			p.DefaultInputs = r.dict(a, &p.Unreadable)
		case "parameters":
			p.Parameters = r.dict(a, new([]Unreadable))
		case "inputs":
			p.Inputs = r.dict(a, new([]Unreadable))
		}
	}
}

// str reads a keyword that valohai-utils reads with ast.literal_eval and
// expects to be a string.
func (r *reader) str(a arg, bad *[]Unreadable) Str {
	s := Str{Set: true, Pos: r.pos(a.start)}
	v, ok := r.literalTuple(a.start, a.end)
	if !ok {
		*bad = append(*bad, Unreadable{a.name, s.Pos})
		return s
	}
	if v.Kind == String {
		s.Value, s.Literal = v.Text, true
	}
	return s
}

// dict reads default_parameters / default_inputs: a dict literal, or a
// name assigned a literal earlier.
func (r *reader) dict(a arg, bad *[]Unreadable) *Dict {
	d := &Dict{Pos: r.pos(a.start)}
	var v Value
	ok := false
	switch {
	case a.end-a.start == 1 && r.toks[a.start].Kind == TName:
		v, ok = r.assigned[r.text(a.start)]
	case r.isOp(a.start, "{") && r.match[a.start] == a.end-1:
		v, ok = r.literalTuple(a.start, a.end)
	}
	if !ok {
		*bad = append(*bad, Unreadable{a.name, d.Pos})
		return d
	}
	if v.Kind != DictV {
		return d
	}
	at := map[string]int{} // key → its entry
	for k := 0; k+1 < len(v.Items); k += 2 {
		key := v.Items[k]
		if key.Kind != String {
			d.Entries = nil
			return d
		}
		e := Entry{Key: key.Text, Value: v.Items[k+1], Pos: key.Pos}
		if n, dup := at[e.Key]; dup {
			d.Entries[n].Value = e.Value
			continue
		}
		at[e.Key] = len(d.Entries)
		d.Entries = append(d.Entries, e)
	}
	d.Literal = true
	return d
}

// scanCalls finds the calls read anywhere in the file: add_argument,
// parse_args, parse_known_args, and valohai.parameters / inputs.
func (r *reader) scanCalls() {
	for i := 0; i < len(r.toks); i++ {
		if r.toks[i].Kind == TString {
			r.scanFields(i)
			continue
		}
		if i+2 >= len(r.toks) || !r.isOp(i, ".") || r.toks[i+1].Kind != TName || !r.isOp(i+2, "(") {
			continue
		}
		switch name := r.text(i + 1); name {
		case "add_argument":
			if c := r.match[i+2]; c >= 0 {
				r.argument(i+1, i+2, c)
			}
		case "parse_args":
			r.script.ParseArgs++
		case "parse_known_args":
			r.script.ParseKnownArgs++
		case "parameters", "inputs":
			if i == 0 || r.toks[i-1].Kind != TName || r.isOp(i-2, ".") {
				continue
			}
			if m := r.text(i - 1); m != "valohai" && !r.aliases[m] {
				continue
			}
			c := r.match[i+2]
			if c < 0 {
				continue
			}
			as := r.args(i+2, c)
			if len(as) == 0 || as[0].name != "" {
				continue
			}
			v, ok := r.literalTuple(as[0].start, as[0].end)
			if !ok || v.Kind != String {
				continue
			}
			u := Use{Name: v.Text, Pos: r.pos(as[0].start)}
			if name == "parameters" {
				r.script.Parameters = append(r.script.Parameters, u)
			} else {
				r.script.Inputs = append(r.script.Inputs, u)
			}
		}
	}
}

// scanFields reads the calls inside the replacement fields of the
// f-string token i (`f"{valohai.inputs('x').path()}"`).
func (r *reader) scanFields(i int) {
	if r.fdepth >= maxFDepth {
		return
	}
	for _, f := range Fields(r.src, r.toks[i]) {
		line := r.toks[i].Line + lineOf(r.src[r.toks[i].Start:f[0]], f[0]-r.toks[i].Start) - 1
		sub := &reader{src: r.src, toks: tokenizeRange(r.src, f[0], f[1], line),
			script: r.script, assigned: r.assigned, aliases: r.aliases, fdepth: r.fdepth + 1}
		sub.matchBrackets()
		sub.scanCalls()
	}
}

// argument reads an add_argument call: n is `add_argument`, o and c its
// parentheses.
func (r *reader) argument(n, o, c int) {
	arg := Argument{Pos: r.pos(n), Line: r.callLine(n)}
	positional := true
	for _, a := range r.args(o, c) {
		if a.name == "" {
			if !positional {
				continue
			}
			v, ok := r.literalTuple(a.start, a.end)
			if ok && v.Kind == String && r.toks[a.start].Kind == TString {
				arg.Options = append(arg.Options, v.Text)
				arg.OptionsPos = append(arg.OptionsPos, r.pos(a.start))
				continue
			}
			positional = false
			continue
		}
		positional = false
		switch a.name {
		case "dest":
			arg.Dest = Str{Set: true, Pos: r.pos(a.start)}
			if v, ok := r.literalTuple(a.start, a.end); ok && v.Kind == String {
				arg.Dest.Value, arg.Dest.Literal = v.Text, true
			}
		case "type":
			arg.Type = r.typeText(a.start, a.end)
		case "default":
			arg.HasDefault = true
			arg.Default = r.value(a.start, a.end)
		case "action":
			if v, ok := r.literalTuple(a.start, a.end); ok && v.Kind == String {
				arg.Action = v.Text
			} else {
				arg.ActionExpr = r.unparse(a.start, a.end)
			}
		case "required":
			v := r.value(a.start, a.end)
			arg.RequiredValue = &v
			arg.Required = v.Kind == Bool && v.Bool
		case "choices":
			v := r.value(a.start, a.end)
			arg.Choices = &v
		case "nargs":
			v := r.value(a.start, a.end)
			arg.Nargs = &v
		}
	}
	r.script.Arguments = append(r.script.Arguments, arg)
}

// callLine returns the line where the call's callee starts (`parser` in
// `parser.add_argument(`), as Python's ast reports a call's line.
func (r *reader) callLine(n int) int {
	i := n - 1 // the `.`
	for i > 0 {
		p := i - 1
		switch {
		case r.toks[p].Kind == TName && !keywords[r.text(p)]:
			i = p
			if r.isOp(i-1, ".") {
				i--
				continue
			}
			return r.toks[i].Line
		case r.isOp(p, ")") || r.isOp(p, "]"):
			open := r.opener[p]
			if open < 0 {
				return r.toks[i].Line
			}
			i = open
		default:
			return r.toks[i].Line
		}
	}
	return r.toks[i].Line
}

// typeText renders a `type=` value: a name, a dotted name, `<lambda>`, or
// the expression's text.
func (r *reader) typeText(a, b int) string {
	if a < b && r.is(a, TName, "lambda") {
		return "<lambda>"
	}
	return r.unparse(a, b)
}

// value reads the tokens [a, b) as a literal, or as an expression.
func (r *reader) value(a, b int) Value {
	if v, ok := r.literalTuple(a, b); ok {
		return v
	}
	return Value{Kind: Expr, Text: r.unparse(a, b), Pos: r.pos(a)}
}
