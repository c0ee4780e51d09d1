package format

// SeqStyle says whether a list that is a key's value is indented under the
// key.
type SeqStyle int

// Sequence styles.
const (
	// SeqAuto follows what the file mostly does (indented when it does
	// not say).
	SeqAuto SeqStyle = iota
	// SeqIndented writes "key:\n  - item".
	SeqIndented
	// SeqFlush writes "key:\n- item".
	SeqFlush
)

// SeqStyleNamed returns the style of a name: "auto", "indented" or
// "flush" ("" is auto).
func SeqStyleNamed(name string) (SeqStyle, bool) {
	switch name {
	case "auto", "":
		return SeqAuto, true
	case "indented":
		return SeqIndented, true
	case "flush":
		return SeqFlush, true
	}
	return SeqAuto, false
}

// Options are the layout choices. The zero value follows the file.
type Options struct {
	// Indent is the number of spaces of one level; 0 follows the file (2
	// when it does not say).
	Indent int
	// Sequences says how a key's list is indented.
	Sequences SeqStyle
}

// MaxIndent is the largest indent accepted.
const MaxIndent = 8

// resolve fills the choices the options leave to the file.
func (o Options) resolve(s samples) Options {
	if o.Indent <= 0 || o.Indent > MaxIndent {
		o.Indent = s.indent()
	}
	if o.Sequences == SeqAuto {
		o.Sequences = SeqIndented
		if s.flush > s.indented {
			o.Sequences = SeqFlush
		}
	}
	return o
}

// samples count what the file does.
type samples struct {
	widths   map[int]int // indent widths seen between a key and its block value
	indented int         // lists indented under their key
	flush    int         // lists level with their key
}

func (s *samples) width(w int) {
	if w <= 0 || w > MaxIndent {
		return
	}
	if s.widths == nil {
		s.widths = map[int]int{}
	}
	s.widths[w]++
}

// indent is the most common width, the smaller on a tie, 2 when none.
func (s samples) indent() int {
	best, n := 2, 0
	for w := 1; w <= MaxIndent; w++ {
		if c := s.widths[w]; c > n {
			best, n = w, c
		}
	}
	return best
}
