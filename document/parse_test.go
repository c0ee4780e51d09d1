package document

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestParseSyntaxErrors(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		wantLine int
		wantMsg  string
		items    int // items still recovered
	}{
		{"unclosed double quote", "- step:\n    name: \"abc\n    image: x\n- endpoint:\n    name: b\n", 1, "unclosed double quote", 1},
		{"tab indentation", "- step:\n\tname: a\n- endpoint:\n    name: b\n", 1, "tab character", 1},
		{"key at wrong depth", "- step:\n    name: a\n   image: b\n- endpoint:\n    name: b\n", 2, "indentation", 1},
		{"unclosed flow list", "- step:\n    name: [a, b\n    image: c\n", 1, "unclosed '['", 0},
		{"bare word", "- step:\n    name: a\n    im\n- endpoint:\n    name: b\n", 2, "key must be followed by ':'", 1},
		{"value with colon", "- step:\n    name: a\n    image: b: c\n", 2, "unexpected ':'", 0},
		{"unknown alias", "- step:\n    name: *nope\n", 1, "alias *nope", 0},
		{"backslash in double quotes", "- step:\n    name: a\n    image: \"C:\\data\"\n", 2, "unknown escape sequence", 0},
		{"YAML version", "%YAML 1.3\n---\n- step:\n    name: a\n", 0, "YAML version is not supported", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := NewMapper(tc.text)
			p := Parse(tc.text, m)
			if p.Root != nil || len(p.Errors) == 0 {
				t.Fatalf("want a syntax error, got none")
			}
			e := p.Errors[0]
			if line := m.LineOf(e.Start); line != tc.wantLine {
				t.Errorf("error on line %d, want %d (%s)", line, tc.wantLine, e.Message)
			}
			if !strings.Contains(e.Message, tc.wantMsg) {
				t.Errorf("message %q lacks %q", e.Message, tc.wantMsg)
			}
			if len(p.Items) != tc.items {
				t.Errorf("recovered %d items, want %d", len(p.Items), tc.items)
			}
		})
	}
}

func TestParseValid(t *testing.T) {
	text := "- step:\n    name: a\n- endpoint:\n    name: b\n"
	p := Parse(text, NewMapper(text))
	if p.Root == nil || len(p.Errors) != 0 || len(p.Items) != 2 {
		t.Fatalf("root=%v errors=%v items=%d", p.Root != nil, p.Errors, len(p.Items))
	}
	if got := text[p.Items[1].Start:p.Items[1].End]; got != "endpoint:\n    name: b\n" {
		t.Errorf("item 1 text = %q", got)
	}
}

func TestBillionLaughsIsNotExpanded(t *testing.T) {
	var b strings.Builder
	b.WriteString("- step:\n    a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 30; i++ {
		b.WriteString("    a" + itoa(i) + ": &a" + itoa(i) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + itoa(i-1))
		}
		b.WriteString("]\n")
	}
	text := b.String()
	p := Parse(text, NewMapper(text))
	if p.Root == nil {
		t.Fatalf("parse failed: %v", p.Errors[0].Message)
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func TestResolve11(t *testing.T) {
	tests := map[string]ScalarType{
		"yes": Bool, "No": Bool, "on": Bool, "OFF": Bool, "y": String, "n": String,
		"2020-09-02": Timestamp, "2020-09-02T00:00:00Z": Timestamp,
		"010": Int, "0x1F": Int, "1_000": Int, "1:30": Int, "1e3": String, "1.0e+3": Float,
		"~": Null, "null": Null, "": Null, "8000": Int, "8000.5": Float, "abc": String, ".inf": Float,
	}
	for s, want := range tests {
		if got := ResolvePlain11(s); got != want {
			t.Errorf("ResolvePlain11(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestNumber11 reads YAML 1.1 number texts as PyYAML does: ints exactly,
// floats out of range as infinities (Python's float()).
func TestNumber11(t *testing.T) {
	ints := map[string]string{
		"010": "8", "0x1F": "31", "0b1_01": "5", "1_000": "1000", "1:30": "90", "-5": "-5", "+0": "0",
		"190:20:30": "685230", "-1:00": "-60", "123456789012345678901234567890": "123456789012345678901234567890",
		"0x1_0000_0000_0000_0000": "18446744073709551616", "99999999999999999999:00": "5999999999999999999940",
	}
	for s, want := range ints {
		if got, ok := Int11(s); !ok || got.String() != want {
			t.Errorf("Int11(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	for _, s := range []string{"0b", "0x", "1.5", "abc", "1:x"} {
		if got, ok := Int11(s); ok {
			t.Errorf("Int11(%q) = %v, want no number", s, got)
		}
	}
	floats := map[string]float64{
		"2.5": 2.5, "1_0.5": 10.5, ".5": 0.5, "-.inf": math.Inf(-1), ".Inf": math.Inf(1), "1:30.5": 90.5,
		"1.0e+400": math.Inf(1), "-1.0e+400": math.Inf(-1), "1.0e-400": 0, "+1.5e+3": 1500,
	}
	for s, want := range floats {
		if got, ok := Float11(s); !ok || got != want {
			t.Errorf("Float11(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	if got, ok := Float11(".NaN"); !ok || !math.IsNaN(got) {
		t.Errorf("Float11(.NaN) = %v, %v; want NaN", got, ok)
	}
	if got, ok := Float11("1.x"); ok {
		t.Errorf("Float11(1.x) = %v, want no number", got)
	}
}

// TestItemSpansFastPath checks that the spans of a text whose items are
// at column zero are those the line by line scan finds.
func TestItemSpansFastPath(t *testing.T) {
	for _, text := range []string{
		"# c\n- a: 1\n  b: 2\n-\n  c: 3\n---\n- d\n- e: |\n    - x\n-\tf\n-x: 1\n",
		"- a\n", "\n\n- a\n- b", "- a\n# - b\n  - c\n- d\n...\n",
	} {
		m := NewMapper(text)
		got := ItemSpans(m)
		want := slowItemSpans(m)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: spans %v, want %v", text, got, want)
		}
	}
}

// slowItemSpans is ItemSpans without its fast path.
func slowItemSpans(m *Mapper) []Span {
	indent := -1
	var spans []Span
	for line := 0; line < m.LineCount(); line++ {
		s := m.Line(line)
		trimmed := strings.TrimLeft(s, " ")
		if trimmed == "" || trimmed[0] == '#' || strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") {
			continue
		}
		ind := len(s) - len(trimmed)
		if indent < 0 {
			indent = ind
		}
		if ind == indent && isDash(trimmed) {
			if n := len(spans); n > 0 {
				spans[n-1].End = m.LineStart(line)
			}
			spans = append(spans, Span{Start: m.LineStart(line), End: len(m.Text())})
		}
	}
	return spans
}
