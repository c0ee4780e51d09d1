package python

// ArgUses returns the attributes read from the parsed arguments of
// argparse: for `args = parser.parse_args()` (or `args, rest =
// parser.parse_known_args()`), every `args.NAME`, as a Use of NAME (the
// option's dest) at the attribute's place.
func ArgUses(src []byte) []Use {
	toks := Tokenize(src)
	names := map[string]bool{}
	for i := 0; i < len(toks); i++ {
		if toks[i].Indent < 0 || toks[i].Kind != TName {
			continue
		}
		// A logical line `a[, b] = ... .parse_args(` binds its first name.
		end := i
		for end < len(toks) && toks[end].Kind != TNewline {
			end++
		}
		assign, parses := -1, false
		for j := i; j < end; j++ {
			t := toks[j]
			switch {
			case t.Kind == TOp && t.Text(src) == "=" && assign < 0:
				assign = j
			case assign >= 0 && t.Kind == TName && (t.Text(src) == "parse_args" || t.Text(src) == "parse_known_args") &&
				j > 0 && toks[j-1].Text(src) == ".":
				parses = true
			}
		}
		if assign > i && parses {
			names[toks[i].Text(src)] = true
		}
		i = end
	}
	var out []Use
	for i := 0; i+2 < len(toks); i++ {
		t := toks[i]
		if t.Kind != TName || !names[t.Text(src)] || toks[i+1].Text(src) != "." || toks[i+2].Kind != TName {
			continue
		}
		if i > 0 && toks[i-1].Text(src) == "." {
			continue // x.args.lr is not ours
		}
		a := toks[i+2]
		out = append(out, Use{Name: a.Text(src), Pos: Pos{Offset: a.Start, Line: a.Line}})
	}
	return out
}
