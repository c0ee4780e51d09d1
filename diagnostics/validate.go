package diagnostics

import (
	"fmt"
	"math"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/schema"
	"github.com/valohai-ls/valohai-ls/suggest"
)

// place says where a value sits, for messages and for reporting problems
// of a mapping that has no better position.
type place struct {
	owner  string        // the construct that holds the value, e.g. `endpoint "predict"`
	key    string        // the key whose value this is, "" for list items
	anchor document.Span // where to report a mapping's missing keys
	// beside are the keys written beside an item's kind key instead of
	// under it (reported as stray, with the fix that indents them): a
	// required one among them is not reported missing as well.
	beside map[string]bool
}

func (p place) what() string {
	if p.key != "" {
		return p.key
	}
	return "item"
}

// root checks the document node of a whole file, reporting whether it is
// the list of items it should be (the items are checked by the caller).
// others reports other documents after it (a syntax error of its own).
func (c *checker) root(doc *yaml.Node, others bool) bool {
	if len(doc.Content) == 0 {
		if !others { // an empty first document is not an empty file
			c.at(document.Span{}, Error, CodeWrongType, "the file is empty: valohai.yaml must be a list of items such as `- step:`")
		}
		return false
	}
	top := doc.Content[0]
	c.foreignTag(top) // the items' tags are checked with the items
	switch {
	case top.Kind == yaml.SequenceNode:
		return true
	case top.Kind == yaml.ScalarNode && document.Resolve11(top) == document.Null:
		c.at(c.m.NodeSpan(top), Error, CodeWrongType, "the file is empty: valohai.yaml must be a list of items such as `- step:`")
	default:
		c.at(c.m.NodeSpan(top), Error, CodeWrongType,
			"valohai.yaml must be a list of items, each starting with `- ` (for example `- step:`), not "+describeNode(top))
	}
	return false
}

// item checks one top-level item.
func (c *checker) item(n *yaml.Node) {
	c.foreignTags(n)
	n = document.Deref(n)
	if n.Kind != yaml.MappingNode {
		c.at(c.m.NodeSpan(n), Error, CodeWrongType, "a top-level item must be a mapping such as `step:`, not "+describeNode(n))
		return
	}
	kind, kindKey := model.ItemKind(n)
	if kind == nil {
		c.unknownKind(n)
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k != kindKey && schema.KindNamed(k.Value) != nil {
			c.at(c.m.NodeSpan(k), Information, CodeExtraKind,
				fmt.Sprintf("this item is already a %s; the %s here is ignored — start a new item with `- %s:`", kind.Name, k.Value, k.Value))
		}
	}
	beside := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if document.IsMerge(k) {
			c.merge(n.Content[i+1])
			continue
		}
		if schema.KindNamed(k.Value) == nil {
			beside[k.Value] = true
			c.fixed(c.m.NodeSpan(k), Information, CodeStrayKey,
				fmt.Sprintf("%q is beside %s: instead of under it, so it is ignored; indent it if it belongs to the %s", k.Value, kind.Name, kind.Name),
				c.strayFix(document.ValueOf(n, kindKey.Value), k, n.Content[i+1]))
		}
	}
	val := document.ValueOf(n, kindKey.Value)
	span := c.m.NodeSpan(kindKey)
	if kind.Deprecated != "" {
		c.at(span, Hint, "deprecated", fmt.Sprintf("%s is deprecated: %s", kind.Name, kind.Deprecated))
	}
	if isNull(val) {
		c.at(span, Error, CodeEmptyItem,
			fmt.Sprintf("%s is empty: its keys must be indented under `%s:`", kind.Name, kind.Name))
		return
	}
	if kind.Type.Object == schema.Item || document.OwnKeyOf(n, kindKey.Value) == nil {
		return // an item merged in whole is checked where it is written
	}
	c.value(val, kind.Type, place{owner: kind.Name, key: kind.Name, anchor: span, beside: beside})
}

// unknownKind reports an item with no known kind key.
func (c *checker) unknownKind(n *yaml.Node) {
	if len(n.Content) == 0 {
		// An empty mapping passes the official schema and is then
		// ignored with a warning, like an item of an unknown kind.
		c.at(c.m.NodeSpan(n), Warning, CodeEmptyItem, "empty item: it needs a kind such as `step:`; it is ignored as written")
		return
	}
	k := n.Content[0]
	names := make([]string, 0, len(schema.Kinds()))
	for _, kk := range schema.Kinds() {
		if kk.Deprecated == "" {
			names = append(names, kk.Name)
		}
	}
	msg := fmt.Sprintf("unknown item kind %q: it is ignored (known kinds: %s)", k.Value, strings.Join(names, ", "))
	var sugg []string
	if s := suggest.Closest(k.Value, kindsFitting(n.Content[1], names)); s != "" {
		msg = fmt.Sprintf("unknown item kind %q: did you mean %q? It is ignored as written", k.Value, s)
		sugg = []string{s}
	}
	c.at(c.m.NodeSpan(k), Warning, CodeUnknownKind, msg, sugg...)
}

// kindsFitting returns the kinds of names whose mapping has every key of
// body, the kinds an item of that body can be; all of names when body is
// no mapping or none fits.
func kindsFitting(body *yaml.Node, names []string) []string {
	body = document.Deref(body)
	if body == nil || body.Kind != yaml.MappingNode || len(body.Content) == 0 {
		return names
	}
	var out []string
	for _, name := range names {
		k := schema.KindNamed(name)
		if k == nil || k.Type == nil || k.Type.Object == nil {
			continue
		}
		if o := k.Type.Object; hasKeys(o, body) || o.Discriminator != "" && hasKeys(o.Merged(), body) {
			out = append(out, name)
		}
	}
	if len(out) == 0 {
		return names
	}
	return out
}

// hasKeys reports whether o has every key of mapping n.
func hasKeys(o *schema.Obj, n *yaml.Node) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i].Value; k != "<<" && o.Key(k) == nil {
			return false
		}
	}
	return true
}

// value checks n against t.
func (c *checker) value(n *yaml.Node, t *schema.Type, p place) {
	if t == nil || t.Kind == schema.Any {
		return
	}
	if n.Kind == yaml.AliasNode {
		// Aliases are checked by their shape only: the anchored value is
		// checked where it is written, and never expanded here.
		if !shapeFits(document.Deref(n), t) {
			c.wrongType(n, t, p)
		}
		return
	}
	switch t.Kind {
	case schema.OneOf:
		c.oneOf(n, t, p)
	case schema.Object:
		if n.Kind != yaml.MappingNode {
			c.wrongType(n, t, p)
			return
		}
		c.object(n, t.Object, p)
	case schema.List:
		if n.Kind != yaml.SequenceNode {
			c.wrongType(n, t, p)
			return
		}
		c.list(n, t, p)
	default:
		c.scalar(n, t, p)
	}
}

// oneOf checks n against the option whose shape it has.
func (c *checker) oneOf(n *yaml.Node, t *schema.Type, p place) {
	for _, o := range t.Options {
		if shapeFits(n, o) {
			c.value(n, o, p)
			return
		}
	}
	c.wrongType(n, t, p)
}

// list checks each element of a sequence.
func (c *checker) list(n *yaml.Node, t *schema.Type, p place) {
	if t.MaxItems > 0 && len(n.Content) > t.MaxItems {
		c.at(c.m.NodeSpan(n.Content[t.MaxItems]), Error, CodeWrongType,
			fmt.Sprintf("%s takes at most %d items", p.what(), t.MaxItems))
	}
	for _, e := range n.Content {
		ep := place{owner: p.owner, key: "", anchor: c.itemAnchor(e)}
		if p.key != "" {
			ep.key = "item of " + p.key
		}
		c.value(e, t.Items, ep)
	}
}

// itemAnchor is where a list item's missing keys are reported: its first key.
func (c *checker) itemAnchor(e *yaml.Node) document.Span {
	if e.Kind == yaml.MappingNode && len(e.Content) > 0 {
		return c.m.NodeSpan(e.Content[0])
	}
	return c.m.NodeSpan(e)
}

// object checks a mapping against o.
func (c *checker) object(n *yaml.Node, o *schema.Obj, p place) {
	if o.Discriminator != "" {
		if o = c.choose(n, o, p); o == nil {
			return
		}
	}
	owner := c.ownerName(n, o, p)
	seen := map[string]*yaml.Node{} // the keys present, merged in or written here
	written := map[string]bool{}
	meant := map[string]bool{} // the keys that unknown keys are misspellings of
	for k := range p.beside {
		meant[k] = true // written beside the item: reported there, with the fix that indents it
	}
	if document.HasMerge(n) {
		for _, mp := range document.Pairs(n) {
			if mp.Merged {
				seen[mp.Key.Value] = mp.Key // merged keys are checked where they are written
			}
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if document.IsMerge(k) {
			c.merge(v)
			continue
		}
		if written[k.Value] {
			c.at(c.m.NodeSpan(k), Warning, CodeDuplicateKey,
				fmt.Sprintf("%s appears twice in %s; only this last one counts", k.Value, owner))
		}
		seen[k.Value], written[k.Value] = k, true
		key := o.Key(k.Value)
		if key == nil {
			if !o.Open {
				meant[c.unknownKey(n, k, o, owner)] = true
			} else if o.Values != nil {
				c.value(v, o.Values, place{owner: owner, key: k.Value, anchor: c.m.NodeSpan(k)})
			}
			continue
		}
		if key.Deprecated != "" {
			c.at(c.m.NodeSpan(k), Hint, "deprecated", fmt.Sprintf("%s is deprecated: %s", key.Name, key.Deprecated))
		}
		c.value(v, key.Type, place{owner: owner, key: key.Name, anchor: c.m.NodeSpan(k)})
	}
	fix := c.mappingFix(n)
	for _, key := range o.Keys {
		// A required key written misspelt is reported once, at the
		// misspelling, whose fix adds it; so is one written beside the
		// item, whose fix indents it.
		if _, ok := seen[key.Name]; key.Required && !ok && !meant[key.Name] {
			fix.Add = append(fix.Add, key)
		}
	}
	anyOfMissing := len(o.AnyOf) > 0
	for _, k := range o.AnyOf {
		if _, ok := seen[k]; ok || meant[k] {
			anyOfMissing = false
		}
	}
	if anyOfMissing && len(fix.Add) == 0 {
		for _, name := range o.AnyOf {
			if k := o.Key(name); k != nil {
				fix.Choices = append(fix.Choices, k)
			}
		}
	}
	for _, key := range fix.Add {
		if msg, ok := c.misplaced(n, owner, key.Name); ok {
			c.at(p.anchor, Error, CodeMissingKey, msg) // adding the key would hide the misplaced one
			continue
		}
		c.fixed(p.anchor, Error, CodeMissingKey, missingKeyMessage(owner, key), fix)
	}
	c.variants(n, o, owner, seen, meant, p)
	c.requirements(n, o, owner, seen)
	if anyOfMissing {
		c.fixed(p.anchor, Error, CodeMissingKey, fmt.Sprintf("%s needs %s", owner, orList(o.AnyOf)), fix)
	}
}

// variants checks that exactly one variant of o is present. None
// present, where an unknown key is a misspelling of a variant's key, is
// reported once, at the misspelling, whose fix writes the key.
func (c *checker) variants(n *yaml.Node, o *schema.Obj, owner string, seen map[string]*yaml.Node, meant map[string]bool, p place) {
	if len(o.Variants) == 0 {
		return
	}
	var present []*yaml.Node
	var names []string
	misspelt := false
	for _, v := range o.Variants {
		names = append(names, v.Name)
		for _, k := range v.Keys {
			misspelt = misspelt || meant[k]
			if kn, ok := seen[k]; ok {
				present = append(present, kn)
				break
			}
		}
	}
	switch {
	case len(present) == 0 && misspelt:
	case len(present) == 0:
		fix := c.mappingFix(n)
		for _, v := range o.Variants {
			if k := o.Key(v.Keys[0]); k != nil {
				fix.Choices = append(fix.Choices, k)
			}
		}
		c.fixed(p.anchor, Error, CodeMissingVariant, fmt.Sprintf("%s needs %s", owner, orList(names)), fix)
	case len(present) > 1:
		var got []string
		for _, kn := range present {
			got = append(got, kn.Value)
		}
		msg := fmt.Sprintf("%s has both %s; keep only one", owner, strings.Join(got, " and "))
		// One problem, reported once: on the key written last.
		last := present[0]
		for _, kn := range present[1:] {
			if kn != nil && (last == nil || kn.Line > last.Line || kn.Line == last.Line && kn.Column > last.Column) {
				last = kn
			}
		}
		sp := p.anchor
		if last != nil {
			sp = c.m.NodeSpan(last)
		}
		c.fixed(sp, Error, CodeMixedVariant, msg, c.variantFix(n, o))
	}
}

// choose picks the object selected by o's discriminator, reporting a
// missing or unknown discriminator value.
func (c *checker) choose(n *yaml.Node, o *schema.Obj, p place) *schema.Obj {
	var consts []string
	for _, ch := range o.Choices {
		consts = append(consts, ch.Const)
	}
	dv := document.ValueOf(n, o.Discriminator)
	if dv == nil {
		if k := misspeltDiscriminator(n, o); k != nil {
			c.at(c.m.NodeSpan(k), Error, CodeUnknownKey,
				fmt.Sprintf("unknown key %q in %s; did you mean %q?", k.Value, c.ownerName(n, o, p), o.Discriminator), o.Discriminator)
			return nil
		}
		fix := c.mappingFix(n)
		fix.Add = []*schema.Key{o.DiscriminatorKey()}
		c.fixed(p.anchor, Error, CodeMissingKey,
			fmt.Sprintf("%s needs a %s: one of %s", c.ownerName(n, o, p), o.Discriminator, strings.Join(consts, ", ")), fix)
		return nil
	}
	ch := o.Choice(dv.Value)
	if ch == nil {
		msg := fmt.Sprintf("%q is not a valid %s %s; expected one of %s", dv.Value, o.Name, o.Discriminator, strings.Join(consts, ", "))
		var typ *schema.Type
		if k := o.Key(o.Discriminator); k != nil {
			typ = k.Type
		}
		sugg := meant(dv.Value, typ, consts)
		if len(sugg) > 0 {
			msg = fmt.Sprintf("%q is not a valid %s %s; %s", dv.Value, o.Name, o.Discriminator, didYouMean(sugg))
		}
		c.at(c.m.NodeSpan(dv), Error, CodeInvalidValue, msg, sugg...)
		return nil
	}
	return ch
}

// misspeltDiscriminator returns the key of mapping n, which lacks o's
// discriminator, that is a misspelling of it: a key none of o's choices
// has, for which the discriminator is the one close key not written.
func misspeltDiscriminator(n *yaml.Node, o *schema.Obj) *yaml.Node {
	merged := o.Merged()
	var free []string
	for _, k := range merged.Keys {
		if document.ValueOf(n, k.Name) == nil {
			free = append(free, k.Name)
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if merged.Key(k.Value) == nil && suggest.Closest(k.Value, free) == o.Discriminator {
			return k
		}
	}
	return nil
}

// ownerName names a mapping for messages: its construct name and its label.
func (c *checker) ownerName(n *yaml.Node, o *schema.Obj, p place) string {
	name := o.Name
	if name == "" {
		name = p.owner
	}
	if o.Label != "" {
		if v := document.ValueOf(n, o.Label); v != nil && v.Kind == yaml.ScalarNode && v.Value != "" {
			return fmt.Sprintf("%s %q", name, v.Value)
		}
	}
	return name
}

// unknownKey reports a key of mapping n that o does not have, with the
// close key of o as its fix, which it returns ("" when none is). A close
// key that n has already is named without a fix, which would write it
// twice.
func (c *checker) unknownKey(n, k *yaml.Node, o *schema.Obj, owner string) string {
	msg := fmt.Sprintf("unknown key %q in %s", k.Value, owner)
	s, written := meantKey(n, k, o)
	var sugg []string
	switch {
	case written:
		msg += fmt.Sprintf("; did you mean %q? It is written too", s)
	case s != "":
		msg += fmt.Sprintf("; did you mean %q?", s)
		sugg = []string{s}
	}
	c.at(c.m.NodeSpan(k), Error, CodeUnknownKey, msg, sugg...)
	if len(sugg) == 0 {
		return ""
	}
	return sugg[0]
}

// meantKey returns the key of o that k, a key of mapping n that o does
// not have, is a misspelling of, and whether n has that key already;
// of two keys as close, the one n lacks.
func meantKey(n, k *yaml.Node, o *schema.Obj) (string, bool) {
	var free, all []string
	for _, key := range o.Keys {
		all = append(all, key.Name)
		if document.ValueOf(n, key.Name) == nil {
			free = append(free, key.Name)
		}
	}
	if s := suggest.Closest(k.Value, all); s != "" {
		return s, document.ValueOf(n, s) != nil
	}
	return suggest.Closest(k.Value, free), false
}

// misspelt reports whether mapping n, of o, lacks key name but has a key
// o does not know that is a misspelling of it.
func misspelt(n *yaml.Node, o *schema.Obj, name string) bool {
	if n == nil || n.Kind != yaml.MappingNode || document.ValueOf(n, name) != nil {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; o.Key(k.Value) == nil {
			if s, written := meantKey(n, k, o); s == name && !written {
				return true
			}
		}
	}
	return false
}

// scalar checks a scalar value against a scalar type.
func (c *checker) scalar(n *yaml.Node, t *schema.Type, p place) {
	if n.Kind != yaml.ScalarNode {
		c.wrongType(n, t, p)
		return
	}
	st := document.Resolve11(n)
	span := c.m.NodeSpan(n)
	switch t.Kind {
	case schema.String:
		if st != document.String {
			if len(t.Enum) > 0 && t.EnumAlsoBool && st == document.Bool {
				return
			}
			c.wrongType(n, t, p)
			return
		}
		c.stringValue(n, t, p, span)
	case schema.Boolean:
		if st != document.Bool {
			c.wrongType(n, t, p, booleansFor(n)...)
		}
	case schema.Number, schema.Integer:
		if st != document.Int && st != document.Float {
			c.wrongType(n, t, p)
			return
		}
		v, ok := number11(n)
		if !ok {
			return
		}
		if t.Kind == schema.Integer && v != math.Trunc(v) {
			c.at(span, Error, CodeWrongType, fmt.Sprintf("%s must be a whole number, not %s", p.what(), n.Value))
			return
		}
		c.numberRange(v, n.Value, t, p, span)
	}
}

func (c *checker) stringValue(n *yaml.Node, t *schema.Type, p place, span document.Span) {
	if len(t.Enum) > 0 && !t.EnumOpen && t.EnumValue(n.Value) == nil {
		var names []string
		for _, e := range t.Enum {
			names = append(names, e.Name)
		}
		msg := fmt.Sprintf("%q is not a valid %s; expected one of %s", n.Value, p.what(), strings.Join(names, ", "))
		sugg := meant(n.Value, t, names)
		if len(sugg) > 0 {
			msg = fmt.Sprintf("%q is not a valid %s; %s", n.Value, p.what(), didYouMean(sugg))
		}
		c.at(span, Error, CodeInvalidValue, msg, sugg...)
	}
	if t.MaxLength > 0 && len([]rune(n.Value)) > t.MaxLength {
		c.at(span, Error, CodeTooLong, fmt.Sprintf("%s %q is %d characters long; at most %d are allowed", p.what(), n.Value, len([]rune(n.Value)), t.MaxLength))
	}
	if t.Pattern != nil && !t.Pattern.MatchString(n.Value) {
		c.fixed(span, Error, CodePattern, fmt.Sprintf("%s %q is not valid: it must be %s", t.Describe(), n.Value, t.PatternHelp), &Fix{Type: t, Value: n.Value})
	}
}

// meant returns the values of t that v stands for: those it is another
// word for, else the one value of names it is a misspelling of.
func meant(v string, t *schema.Type, names []string) []string {
	if a := t.Alias(v); len(a) > 0 {
		return a
	}
	if s := suggest.Closest(v, names); s != "" {
		return []string{s}
	}
	return nil
}

// didYouMean asks whether one of values was meant.
func didYouMean(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = fmt.Sprintf("%q", v)
	}
	if len(q) == 1 {
		return "did you mean " + q[0] + "?"
	}
	return "did you mean " + strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1] + "?"
}

func (c *checker) numberRange(v float64, text string, t *schema.Type, p place, span document.Span) {
	lo, hi := t.Min, t.Max
	switch {
	case lo != nil && hi != nil && (v < *lo || v > *hi):
		c.at(span, Error, CodeRange, fmt.Sprintf("%s %s is out of range: it must be from %s to %s", p.what(), text, fnum(*lo), fnum(*hi)))
	case lo != nil && hi == nil && v < *lo:
		c.at(span, Error, CodeRange, fmt.Sprintf("%s %s is too small: it must be at least %s", p.what(), text, fnum(*lo)))
	case hi != nil && lo == nil && v > *hi:
		c.at(span, Error, CodeRange, fmt.Sprintf("%s %s is too large: it must be at most %s", p.what(), text, fnum(*hi)))
	}
}

// wrongType reports a value of the wrong shape or scalar type.
func (c *checker) wrongType(n *yaml.Node, t *schema.Type, p place, sugg ...string) {
	span := c.m.NodeSpan(n)
	written := n.Kind == yaml.ScalarNode && n.Value != ""
	tagged := n.Kind == yaml.ScalarNode && n.Style&yaml.TaggedStyle != 0
	if isNull(n) && !written {
		span = p.anchor
	}
	msg := fmt.Sprintf("%s must be %s %s, not %s", p.what(), article(t.Describe()), t.Describe(), describeNode(n))
	switch {
	case describeNode(n) == "empty" && !written:
		msg = fmt.Sprintf("%s is empty; it must be %s %s", p.what(), article(t.Describe()), t.Describe())
	case describeNode(n) == "empty" && tagged:
		msg = fmt.Sprintf("%s is null (tagged %s); it must be %s %s", p.what(), n.Tag, article(t.Describe()), t.Describe())
	case describeNode(n) == "empty":
		msg = fmt.Sprintf("%s is null (YAML reads %s as no value); it must be %s %s", p.what(), n.Value, article(t.Describe()), t.Describe())
	}
	if n.Kind == yaml.ScalarNode && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 && acceptsString(t) {
		switch document.Resolve11(n) {
		case document.Bool, document.Timestamp, document.Int, document.Float, document.Null:
			switch {
			case tagged:
				msg += fmt.Sprintf("; write \"%s\" in quotes without the tag %s to keep it as text", n.Value, n.Tag)
			case n.Value != "" && n.Value != "~":
				msg += fmt.Sprintf("; write \"%s\" in quotes to keep it as text", n.Value)
			}
		}
	}
	c.at(span, Error, CodeWrongType, msg, sugg...)
}

// booleansFor returns the booleans a scalar written where one belongs may
// stand for: the one it spells in quotes (`"true"`), else both, for the
// writer to choose.
func booleansFor(n *yaml.Node) []string {
	if n.Kind != yaml.ScalarNode || n.Value == "" {
		return nil
	}
	switch strings.ToLower(n.Value) {
	case "true":
		return []string{"true"}
	case "false":
		return []string{"false"}
	}
	return []string{"true", "false"}
}

func acceptsString(t *schema.Type) bool {
	if t.Kind == schema.String {
		return true
	}
	for _, o := range t.Options {
		if o.Kind == schema.String {
			return true
		}
	}
	return false
}

func fnum(f float64) string { return fmt.Sprintf("%g", f) }

// misplaced says where a key that mapping n lacks is written one level
// too deep, inside an item of one of n's lists (as `edges` indented under
// a pipeline's last node): "pipeline "p" needs edges: `edges` is inside
// node "x"; move it two spaces left".
func (c *checker) misplaced(n *yaml.Node, owner, name string) (string, bool) {
	if n.Kind != yaml.MappingNode || len(n.Content) == 0 {
		return "", false
	}
	col := n.Content[0].Column
	for i := 1; i < len(n.Content); i += 2 {
		list := n.Content[i]
		if list.Kind != yaml.SequenceNode {
			continue
		}
		for _, it := range list.Content {
			if it.Kind != yaml.MappingNode {
				continue
			}
			var found *yaml.Node
			itemName := ""
			for j := 0; j+1 < len(it.Content); j += 2 {
				switch it.Content[j].Value {
				case name:
					found = it.Content[j]
				case schema.XName:
					itemName = it.Content[j+1].Value
				}
			}
			if found == nil || found.Column <= col {
				continue
			}
			where := fmt.Sprintf("an item of %s", n.Content[i-1].Value)
			if itemName != "" {
				where = fmt.Sprintf("%s %q", singular(n.Content[i-1].Value), itemName)
			}
			return fmt.Sprintf("%s needs %s: `%s` is inside %s; move it %s left", owner, name, name, where, spaces(found.Column-col)), true
		}
	}
	return "", false
}

// singular is the name of one item of the list called key ("nodes":
// "node").
func singular(key string) string { return strings.TrimSuffix(key, "s") }

// spaces words a number of columns: "two spaces".
func spaces(n int) string {
	words := []string{"", "one space", "two spaces", "three spaces", "four spaces"}
	if n < len(words) {
		return words[n]
	}
	return fmt.Sprintf("%d spaces", n)
}

// missingKeyMessage says that owner lacks key: "needs an image", "needs
// edges (write `edges: []` when there are none)".
func missingKeyMessage(owner string, key *schema.Key) string {
	if !strings.HasSuffix(key.Name, "s") || strings.HasSuffix(key.Name, "ss") {
		return fmt.Sprintf("%s needs %s %s", owner, article(key.Name), key.Name)
	}
	msg := fmt.Sprintf("%s needs %s", owner, key.Name)
	if key.Type != nil && key.Type.Kind == schema.List {
		msg += fmt.Sprintf(" (write `%s: []` when there are none)", key.Name)
	}
	return msg
}

// merge checks the value of a `<<` key: the official loader refuses a
// file that merges anything but a mapping or a list of mappings.
func (c *checker) merge(v *yaml.Node) {
	if _, ok := document.MergeSources(v); ok {
		return
	}
	what := describeNode(v)
	if d := document.Deref(v); d != nil && d.Kind == yaml.SequenceNode {
		what = "a list with an item that is not a mapping"
	}
	c.at(c.m.NodeSpan(v), Error, CodeWrongType, "a `<<` merge takes a mapping or a list of mappings, not "+what+"; the official loader refuses the file")
}
