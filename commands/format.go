package commands

import (
	"strings"

	"github.com/valohai-ls/valohai-ls/pyvalue"
)

// env is what a pass-as template's fields name.
type env func(name string) (pyvalue.Value, bool)

// format fills a template as Python's str.format_map does with the
// fields of e: {{ and }} are braces, {NAME}, {NAME!CONV} and {NAME:} take
// a field. A malformed template is a *formatError (Python's ValueError), a
// field e does not have an Unbuildable *Error (KeyError), what this
// package does not repeat (attributes, indexes, format specs) an
// Unsupported one.
func format(tmpl, param string, e env) (string, error) {
	var b strings.Builder
	for i := 0; i < len(tmpl); {
		c := tmpl[i]
		switch {
		case c == '{' && i+1 < len(tmpl) && tmpl[i+1] == '{':
			b.WriteByte('{')
			i += 2
		case c == '}' && i+1 < len(tmpl) && tmpl[i+1] == '}':
			b.WriteByte('}')
			i += 2
		case c == '}':
			return "", &formatError{"Single '}' encountered in format string"}
		case c == '{':
			end := fieldEnd(tmpl, i+1)
			if end < 0 {
				if i+1 == len(tmpl) {
					return "", &formatError{"Single '{' encountered in format string"}
				}
				return "", &formatError{"expected '}' before end of string"}
			}
			s, err := field(tmpl[i+1:end], param, e)
			if err != nil {
				return "", err
			}
			b.WriteString(s)
			i = end + 1
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), nil
}

// fieldEnd returns the index of the brace that closes the field starting
// at from, nested braces counted, or -1.
func fieldEnd(s string, from int) int {
	depth := 1
	for j := from; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return j
			}
		}
	}
	return -1
}

// field formats one replacement field (without its braces).
func field(f, param string, e env) (string, error) {
	if strings.ContainsAny(f, "[{}") {
		return "", unsupported(param, "the pass-as template field {%s} is not previewed", f)
	}
	name, rest := f, ""
	if i := strings.IndexAny(f, "!:"); i >= 0 {
		name, rest = f[:i], f[i:]
	}
	var conv byte
	spec := ""
	switch {
	case strings.HasPrefix(rest, "!"):
		if len(rest) < 2 {
			return "", &formatError{"unmatched '{' in format spec"}
		}
		conv = rest[1]
		if tail := rest[2:]; tail != "" {
			if tail[0] != ':' {
				return "", &formatError{"expected ':' after conversion specifier"}
			}
			spec = tail[1:]
		}
	case strings.HasPrefix(rest, ":"):
		spec = rest[1:]
	}
	key, attr, hasAttr := strings.Cut(name, ".")
	if key == "" || allDigits(key) {
		return "", &formatError{"Format string contains positional fields"}
	}
	v, ok := e(key)
	if !ok {
		e := unbuildable(ReasonUnknownField, param,
			"the pass-as template of parameter %q names {%s}: only {name}, {value} and {v} are filled in", param, key)
		e.Field = key
		return "", e
	}
	if hasAttr {
		return "", unsupported(param, "the pass-as template field {%s.%s} is not previewed", key, attr)
	}
	var s string
	switch conv {
	case 0, 's':
		s, ok = v.Str()
	case 'r':
		s, ok = v.Repr()
	case 'a':
		s, ok = v.Repr()
		ok = ok && isASCII(s)
	default:
		return "", &formatError{"Unknown conversion specifier " + string(conv)}
	}
	if !ok {
		return "", unsupported(param, "the value of parameter %q (%s) is not previewed", param, v.DescribeRepr())
	}
	if spec != "" {
		return "", unsupported(param, "the format spec :%s in the pass-as template of parameter %q is not previewed", spec, param)
	}
	return s, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
