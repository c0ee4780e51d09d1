package cursor

// isWordByte reports the bytes of a key or simple value word.
func isWordByte(c byte) bool {
	return c == '-' || c == '_' || c == '.' || c == '/' || c == '*' ||
		(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80
}

// wordAround returns the span [start, end) of the word around col in s.
func wordAround(s string, col int, stop func(byte) bool) (int, int) {
	start, end := col, col
	for start > 0 && !stop(s[start-1]) {
		start--
	}
	for end < len(s) && !stop(s[end]) {
		end++
	}
	return start, end
}

func notWord(c byte) bool { return !isWordByte(c) }

// valueStop ends a value word: flow punctuation, quotes and spaces.
func valueStop(c byte) bool {
	return c == ' ' || c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '"' || c == '\''
}
