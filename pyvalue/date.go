package pyvalue

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var timestampRe = regexp.MustCompile(`^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?$`)

// timestamp returns Python's str() of the date or datetime PyYAML
// makes of a YAML 1.1 timestamp: 2020-09-02, or 2020-09-02 10:00:00,
// with .ffffff when it has microseconds and ±HH:MM when it has a zone.
func timestamp(s string) (string, bool) {
	m := timestampRe.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	n := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
	y, mo, d := n(1), n(2), n(3)
	if t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC); t.Month() != time.Month(mo) || t.Day() != d {
		return "", false // not a date: PyYAML fails
	}
	out := fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
	if m[4] == "" {
		return out, true
	}
	h, mi, se := n(4), n(5), n(6)
	if h > 23 || mi > 59 || se > 59 {
		return "", false
	}
	out += fmt.Sprintf(" %02d:%02d:%02d", h, mi, se)
	if frac := m[7]; frac != "" {
		frac = (frac + "000000")[:6]
		if strings.Trim(frac, "0") != "" {
			out += "." + frac
		}
	}
	switch {
	case m[9] != "":
		th, tm := n(10), 0
		if m[11] != "" {
			tm = n(11)
		}
		if th > 23 || tm > 59 {
			return "", false
		}
		sign := m[9]
		if th == 0 && tm == 0 {
			sign = "+"
		}
		out += fmt.Sprintf("%s%02d:%02d", sign, th, tm)
	case m[8] == "Z":
		out += "+00:00"
	}
	return out, true
}
