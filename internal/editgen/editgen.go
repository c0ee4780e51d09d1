// Package editgen makes the edits of the differential tests: edits that
// keep a valohai.yaml valid (inside a value, an inserted line, a whole
// item added or removed), edits that break it and the edits that repair
// it, and small random ones. Each edit says how many top-level items it
// leaves untouched, so that a test can tell how many per-item results an
// incremental analysis must reuse.
package editgen

import (
	"fmt"
	"math/rand"
	"regexp"
	"strings"
)

// Kind is what an edit does.
type Kind int

// Edit kinds.
const (
	Value  Kind = iota // a scalar value inside an item changed
	Line               // a line inserted inside an item
	Add                // a whole item added
	Remove             // a whole item removed
	Break              // the text made not to parse
	Repair             // a broken text put back as it was
	Random             // a small random edit
)

func (k Kind) String() string {
	return [...]string{"value", "line", "add", "remove", "break", "repair", "random"}[k]
}

// Edit is one edit and the text it gives.
type Edit struct {
	Kind Kind
	Text string
	// Untouched is how many items of the text before the edit it does not
	// touch (-1 when not known: a break, a repair or a random edit).
	Untouched int
}

// Gen makes edits from a base text whose top-level items start at column
// zero with "- ".
type Gen struct {
	// Parses, when set, tells whether a text parses: a text that does
	// not is put back to the last one that did, one time in three.
	Parses func(text string) bool

	rng       *rand.Rand
	base      string
	n         int
	broken    string // the text before a Break, to repair to
	lastValid string
}

// New returns a generator of edits of base.
func New(seed int64, base string) *Gen { return &Gen{rng: rand.New(rand.NewSource(seed)), base: base} }

var (
	keyValue = regexp.MustCompile(`^(\s*(?:- )?)([\w-]+): ([\w.-]+)$`)
	items    = []string{
		"- endpoint:\n    name: ep-%d\n    image: python:3.12\n    wsgi: app:app\n",
		"- step:\n    name: extra-%d\n    image: python:3.12\n    command: python run.py {parameter:rate}\n    parameters:\n      - name: rate\n        type: float\n",
		"- task:\n    name: task-%d\n    step: train\n    type: grid_search\n",
	}
	breakers = []string{": :", "\"unterminated", "\t- x", "[oops", "key: [a, b"}
	randoms  = []string{"", "x", " #e", "\n", "\n    image: z", "é😀", ":", "\n- "}
)

// Next returns the edit that follows text (the last text Next returned,
// or the base).
func (g *Gen) Next(text string) Edit {
	g.n++
	if g.broken != "" {
		e := Edit{Kind: Repair, Text: g.broken, Untouched: -1}
		g.broken = ""
		return e
	}
	if g.Parses != nil {
		if g.Parses(text) {
			g.lastValid = text
		} else if g.lastValid != "" && g.rng.Intn(3) == 0 {
			return Edit{Kind: Repair, Text: g.lastValid, Untouched: -1}
		}
	}
	if len(text) > 4*len(g.base) || itemCount(text) == 0 || !itemsFirst(text) {
		return Edit{Kind: Random, Text: g.base, Untouched: -1}
	}
	switch r := g.rng.Intn(20); {
	case r < 5:
		if e, ok := g.value(text); ok {
			return e
		}
	case r < 9:
		if e, ok := g.line(text); ok {
			return e
		}
	case r < 12:
		return g.add(text)
	case r < 15:
		if e, ok := g.remove(text); ok {
			return e
		}
	case r < 18:
		return g.breakText(text)
	}
	return g.random(text)
}

// lines splits text into lines with their ends, and tells for each line
// the index of the item it is in (-1 before the first).
func lines(text string) (ls []string, item []int) {
	ls = strings.SplitAfter(text, "\n")
	cur := -1
	for _, l := range ls {
		if strings.HasPrefix(l, "- ") || l == "-\n" {
			cur++
		}
		item = append(item, cur)
	}
	return ls, item
}

// itemsFirst reports whether the first line that is not blank or a
// comment starts an item (random edits may have broken that).
func itemsFirst(text string) bool {
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		return strings.HasPrefix(l, "- ")
	}
	return false
}

func itemCount(text string) int {
	_, item := lines(text)
	if len(item) == 0 {
		return 0
	}
	return item[len(item)-1] + 1
}

// value appends to a plain scalar value inside an item.
func (g *Gen) value(text string) (Edit, bool) {
	ls, item := lines(text)
	var cands []int
	for i, l := range ls {
		if item[i] >= 0 && keyValue.MatchString(strings.TrimRight(l, "\n")) {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 {
		return Edit{}, false
	}
	i := cands[g.rng.Intn(len(cands))]
	ls[i] = strings.TrimRight(ls[i], "\n") + string(rune('a'+g.rng.Intn(26))) + "\n"
	return Edit{Kind: Value, Text: strings.Join(ls, ""), Untouched: itemCount(text) - 1}, true
}

// line inserts a key, or a comment, after a `key: value` line of an item,
// at the key's indentation.
func (g *Gen) line(text string) (Edit, bool) {
	ls, item := lines(text)
	var cands []int
	for i, l := range ls {
		if item[i] >= 0 && strings.HasSuffix(l, "\n") && keyValue.MatchString(strings.TrimRight(l, "\n")) {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 {
		return Edit{}, false
	}
	i := cands[g.rng.Intn(len(cands))]
	m := keyValue.FindStringSubmatch(strings.TrimRight(ls[i], "\n"))
	indent := strings.Repeat(" ", len(m[1]))
	add := fmt.Sprintf("%sx-note-%d: n\n", indent, g.n)
	if g.rng.Intn(3) == 0 {
		add = indent + "# a note\n"
	}
	ls[i] += add
	return Edit{Kind: Line, Text: strings.Join(ls, ""), Untouched: itemCount(text) - 1}, true
}

// add inserts a whole item before an item, or at the end.
func (g *Gen) add(text string) Edit {
	ls, item := lines(text)
	it := fmt.Sprintf(items[g.rng.Intn(len(items))], g.n)
	var starts []int
	for i, l := range ls {
		if strings.HasPrefix(l, "- ") {
			starts = append(starts, i)
		}
	}
	n := itemCount(text)
	if k := g.rng.Intn(len(starts) + 1); k < len(starts) {
		ls[starts[k]] = it + ls[starts[k]]
	} else {
		if !strings.HasSuffix(text, "\n") {
			ls[len(ls)-1] += "\n"
		}
		ls = append(ls, it)
	}
	_ = item
	return Edit{Kind: Add, Text: strings.Join(ls, ""), Untouched: n}
}

// remove deletes a whole item (never the last one left).
func (g *Gen) remove(text string) (Edit, bool) {
	ls, item := lines(text)
	n := itemCount(text)
	if n < 3 {
		return Edit{}, false
	}
	k := g.rng.Intn(n)
	var b strings.Builder
	for i, l := range ls {
		if item[i] != k {
			b.WriteString(l)
		}
	}
	return Edit{Kind: Remove, Text: b.String(), Untouched: n - 1}, true
}

// breakText writes something that does not parse inside an item; the next
// edit puts the text back.
func (g *Gen) breakText(text string) Edit {
	ls, item := lines(text)
	var cands []int
	for i := range ls {
		if item[i] >= 0 && strings.HasSuffix(ls[i], "\n") {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 {
		return g.random(text)
	}
	i := cands[g.rng.Intn(len(cands))]
	ls[i] = strings.TrimRight(ls[i], "\n") + " " + breakers[g.rng.Intn(len(breakers))] + "\n"
	g.broken = text
	return Edit{Kind: Break, Text: strings.Join(ls, ""), Untouched: -1}
}

// random replaces up to three bytes with a small piece of text; half the
// time the next edit puts the text back.
func (g *Gen) random(text string) Edit {
	if g.rng.Intn(2) == 0 {
		g.broken = text
	}
	a := g.rng.Intn(len(text) + 1)
	b := min(len(text), a+g.rng.Intn(4))
	return Edit{Kind: Random, Text: text[:a] + randoms[g.rng.Intn(len(randoms))] + text[b:], Untouched: -1}
}
