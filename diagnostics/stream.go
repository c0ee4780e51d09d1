package diagnostics

import (
	"context"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"gopkg.in/yaml.v3"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
)

// DiagnoseItems returns what Diagnose returns for doc, reading the file
// item by item and dropping each item's tree once its findings are made:
// the item is parsed again from the text when a rule that reads other
// items (on pipelines, tasks) runs on it or needs all of it; the names of
// its children are kept (model.Hollow), for the references to them. A huge file is so checked in memory that grows with its
// largest items, not with it; the items are first read on every
// processor.
// The model it assembles becomes the document's (model.Of).
// ok is false, and nothing is returned, for a file that this cannot read
// the way a whole parse does (a syntax error, anchors, several documents,
// text before the items): Diagnose it instead.
func DiagnoseItems(ctx context.Context, doc *document.Document) (diags []Diagnostic, ok bool) {
	m := doc.Mapper()
	if !itemsOnly(m) {
		return nil, false
	}
	spans := doc.ItemSpans()
	found := make([]itemFindings, len(spans))
	syms := make([]*model.Symbol, len(spans))
	// The largest items first: the tree of one of them is then parsed
	// while few items' findings are kept.
	order := make([]int, len(spans))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return spans[order[a]].End-spans[order[a]].Start > spans[order[b]].End-spans[order[b]].Start
	})
	read := func(i int) bool {
		sp := spans[i]
		node, ok := itemNode(m, sp)
		if !ok {
			return false
		}
		sub := &checker{m: m, ctx: ctx}
		sub.item(node)
		found[i].schema = sub.out
		sym := model.Summarize(m, node)
		if sym == nil {
			return true
		}
		// The item's rules that look no other item up run now; the others
		// run once every item is known.
		(&checker{m: m, ctx: ctx}).runRules(model.Assemble(doc, []*model.Symbol{sym}), alone{&found[i]})
		// The tree is dropped: a hollow symbol stands for the item, read
		// again from the text when a rule needs all of it.
		syms[i] = model.Hollow(sym, func() *model.Symbol {
			if node, ok := itemNode(m, sp); ok {
				return model.Summarize(m, node)
			}
			return nil
		})
		return true
	}
	if !inParallel(ctx, order, read) {
		return nil, false
	}
	x := model.Assemble(doc, syms)
	mode := streamed{found: found, index: make(map[*model.Symbol]int, len(syms))}
	c := &checker{m: m, ctx: ctx}
	for i, s := range syms {
		if s != nil {
			mode.index[s] = i
		}
		c.out = append(c.out, found[i].schema...)
	}
	c.runRules(x, mode)
	if ctx.Err() != nil {
		return nil, false
	}
	sort.SliceStable(c.out, func(i, j int) bool { return c.out[i].Start < c.out[j].Start })
	x.Unload() // the items the rules loaded: what reads the model next loads its own
	model.Provide(doc, x)
	return c.out, true
}

// itemFindings are the findings of one item read on its own: its schema
// findings, and those of each item rule (by index in rules) that looked no
// other item up.
type itemFindings struct {
	schema []Diagnostic
	rules  map[int][]Diagnostic
}

// alone is the mode of the rules run on one item as soon as it is read:
// the findings of a rule that looked nothing up are kept in f.
type alone struct{ f *itemFindings }

func (alone) alone() bool                             { return true }
func (alone) reuse(*checker, int, *model.Symbol) bool { return false }
func (alone) keeps(int, *model.Symbol) bool           { return true }
func (a alone) keep(_ *checker, r int, _ *model.Symbol, f *ruleFindings) {
	if !f.deps.Empty() {
		return
	}
	if a.f.rules == nil {
		a.f.rules = map[int][]Diagnostic{}
	}
	a.f.rules[r] = f.diags
}

// streamed is the mode of the rules run over every item read on its own:
// the findings the alone mode kept are reused; the other rules run on the
// items loaded again.
type streamed struct {
	found []itemFindings
	index map[*model.Symbol]int // of each item in found
}

func (streamed) alone() bool                                      { return false }
func (streamed) keeps(int, *model.Symbol) bool                    { return false }
func (streamed) keep(*checker, int, *model.Symbol, *ruleFindings) {}
func (s streamed) reuse(c *checker, r int, e *model.Symbol) bool {
	f, ok := s.found[s.index[e]].rules[r]
	if ok {
		c.out = append(c.out, f...)
	}
	return ok
}

// inParallel calls read with each index of order, on as many goroutines
// as there are processors, taking the indexes in order; it reports
// whether every call returned true (it stops at the first false, or when
// ctx is done).
func inParallel(ctx context.Context, order []int, read func(int) bool) bool {
	next := make(chan int)
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(order)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if !failed.Load() && !read(i) {
					failed.Store(true)
				}
			}
		}()
	}
	for _, i := range order {
		if failed.Load() || ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return !failed.Load() && ctx.Err() == nil
}

// itemsOnly reports whether the text is items and nothing else: the first
// line that is not blank or a comment starts an item, and no line starts
// a new document.
func itemsOnly(m *document.Mapper) bool {
	first := true
	for l := 0; l < m.LineCount(); l++ {
		s := m.Line(l)
		if strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") || strings.HasPrefix(s, "%") {
			return false
		}
		if first {
			t := strings.TrimSpace(s)
			if t == "" || t[0] == '#' {
				continue
			}
			if s != "-" && !strings.HasPrefix(s, "- ") {
				return false
			}
			first = false
		}
	}
	return !first
}

// itemNode parses the item written in span on its own, as a whole parse
// would read it.
func itemNode(m *document.Mapper, span document.Span) (*yaml.Node, bool) {
	doc, err := document.ParseSpan(m, span)
	if err != nil || len(doc.Content) != 1 {
		return nil, false
	}
	seq := doc.Content[0]
	if seq.Kind != yaml.SequenceNode || len(seq.Content) != 1 || anchored(seq) {
		return nil, false
	}
	return seq.Content[0], true
}

// anchored reports whether a tree defines anchors or uses aliases.
func anchored(n *yaml.Node) bool {
	if n.Anchor != "" || n.Kind == yaml.AliasNode {
		return true
	}
	for _, c := range n.Content {
		if anchored(c) {
			return true
		}
	}
	return false
}
