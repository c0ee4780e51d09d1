package pyvalue

import (
	"strings"

	"github.com/valohai-ls/valohai-ls/pytext"
)

// Str is Python's str(v). ok is false for a value this package does not
// print: a mapping (its keys are not kept), or a list holding one.
func (v Value) Str() (s string, ok bool) {
	switch v.Kind {
	case Str:
		return v.Text, true
	case Date:
		return v.date, !v.unread
	}
	return v.Repr()
}

// Repr is Python's repr(v). ok is false for a value this package does not
// print: a mapping, a date (datetime.date(…)), or a list holding one.
func (v Value) Repr() (s string, ok bool) {
	if v.unread {
		return "", false
	}
	switch v.Kind {
	case None:
		return "None", true
	case Bool:
		if v.Bool {
			return "True", true
		}
		return "False", true
	case Int:
		return v.Int.String(), true
	case Float:
		return pytext.Float(v.Float), true
	case Str:
		return pytext.Str(v.Text), true
	case List:
		var b strings.Builder
		b.WriteByte('[')
		for i, it := range v.Items {
			if i > 0 {
				b.WriteString(", ")
			}
			s, ok := it.Repr()
			if !ok {
				return "", false
			}
			b.WriteString(s)
		}
		b.WriteByte(']')
		return b.String(), true
	}
	return "", false
}

// DescribeRepr says what v is as Python prints it, for messages about
// values Python handles (a command's parameter values): its repr, a
// date's str(), or what it is ("a mapping", "the number 0x").
func (v Value) DescribeRepr() string {
	if s, ok := v.Repr(); ok {
		return s
	}
	switch {
	case v.Kind == Date && !v.unread:
		return v.date
	case v.Kind == Date:
		return "the date " + v.Text
	case v.Kind == Int || v.Kind == Float:
		return "the number " + v.Text
	case v.Kind == Dict:
		return "a mapping"
	}
	return "a list holding a mapping or a date"
}

// DescribeWritten says what v is in the words of the YAML it is read from,
// for messages about what is written: "empty", "the boolean yes", "the
// number 0x1F", "the date 2020-09-02", "a list", "a mapping", or a
// string's text in double quotes.
func (v Value) DescribeWritten() string {
	switch v.Kind {
	case None:
		return "empty"
	case Bool:
		return "the boolean " + v.Text
	case Int, Float:
		return "the number " + v.Text
	case Date:
		return "the date " + v.Text
	case List:
		return "a list"
	case Dict:
		return "a mapping"
	}
	return `"` + v.Text + `"`
}
