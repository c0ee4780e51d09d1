package mutation

import "strings"

// neighbours are the keys beside each letter on a QWERTY keyboard, for
// a slip of the finger.
var neighbours = map[byte]string{
	'a': "qs", 'b': "vn", 'c': "xv", 'd': "sf", 'e': "wr", 'f': "dg", 'g': "fh", 'h': "gj", 'i': "uo",
	'j': "hk", 'k': "jl", 'l': "k", 'm': "n", 'n': "bm", 'o': "ip", 'p': "o", 'q': "w", 'r': "et",
	's': "ad", 't': "ry", 'u': "yi", 'v': "cb", 'w': "qe", 'x': "zc", 'y': "tu", 'z': "x",
}

// typo returns s misspelt by one slip (a swap, a letter dropped,
// doubled or hit beside), or by two one time in four, that avoid does not
// refuse; "" when none is found.
func (g *gen) typo(s string, avoid func(string) bool) string {
	if len(s) < 3 {
		return ""
	}
	for try := 0; try < 12; try++ {
		t := g.slip(s)
		if g.rng.Intn(4) == 0 {
			t = g.slip(t)
		}
		if t != "" && t != s && !strings.HasPrefix(t, "-") && (avoid == nil || !avoid(t)) {
			return t
		}
	}
	return ""
}

// slip makes one slip in s, past its first letter.
func (g *gen) slip(s string) string {
	if len(s) < 3 {
		return s
	}
	i := 1 + g.rng.Intn(len(s)-1)
	switch g.rng.Intn(4) {
	case 0: // swap with the letter before
		if s[i] == s[i-1] || i < 2 && len(s) < 4 {
			return s
		}
		b := []byte(s)
		b[i-1], b[i] = b[i], b[i-1]
		return string(b)
	case 1: // dropped
		return s[:i] + s[i+1:]
	case 2: // doubled
		return s[:i] + s[i:i+1] + s[i:]
	default: // the key beside
		nb := neighbours[s[i]]
		if nb == "" {
			return s
		}
		return s[:i] + string(nb[g.rng.Intn(len(nb))]) + s[i+1:]
	}
}

// among returns a function that refuses the names listed.
func among(names ...string) func(string) bool {
	set := map[string]bool{}
	for _, n := range names {
		set[n] = true
	}
	return func(s string) bool { return set[s] }
}
