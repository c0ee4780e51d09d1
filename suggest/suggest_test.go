package suggest

import "testing"

func TestClosest(t *testing.T) {
	keys := []string{"name", "image", "command", "inputs", "outputs", "parameters", "environment", "keep-directories"}
	kinds := []string{"step", "pipeline", "endpoint", "task"}
	for _, tc := range []struct {
		s          string
		candidates []string
		want       string
	}{
		{"image", keys, "image"},                       // itself
		{"Image", keys, "image"},                       // case
		{"keep_directories", keys, "keep-directories"}, // separators
		{"imgae", keys, "image"},                       // a swap is one edit
		{"iaeg", keys, "image"},                        // two edits in four letters
		{"swp", kinds, "step"},                         // two edits in three letters
		{"enviroment", keys, "environment"},            // a letter dropped
		{"parametres", keys, "parameters"},             // a swap in a long name
		{"batch-inefrenec", []string{"batch-inference", "train"}, "batch-inference"},
		{"xyz", keys, ""}, // nothing near
		{"input", []string{"inputs", "inpute"}, ""},                // two at one edit: a tie
		{"Train", []string{"train", "TRAIN"}, ""},                  // two in another case
		{"a_b", []string{"a-b", "A_B"}, "A_B"},                     // case before separators
		{"a b", []string{"a-b", "a_b"}, ""},                        // two spellings of the words
		{"x", []string{"y", "xy"}, ""},                             // one letter: no edits allowed
		{"ab", []string{"abc", "xyz"}, "abc"},                      // two letters: one edit
		{"l2", []string{"lr", "epochs"}, ""},                       // two letters, one changed: often another name
		{"rl", []string{"lr", "epochs"}, "lr"},                     // two letters swapped
		{"", []string{"a", "-"}, ""},                               // nothing written
		{"outptus", []string{"outputs", "outputs"}, "outputs"},     // a candidate listed twice is one
		{"commnad", nil, ""},                                       // no candidates
		{"ram", keys, ""},                                          // two edits, another first letter
		{"node", keys, ""},                                         // two edits, two letters not in "name"
		{"img", keys, "image"},                                     // two letters inserted
		{"mi", []string{"im", "mx"}, "im"},                         // of two letters, a swap is a typo, a change is not
		{"mix", []string{"imx", "max"}, ""},                        // a swap and a change tie at one edit
		{"tpyw", []string{"type", "name"}, "type"},                 // a swap and a letter beside
		{"cirtetion", []string{"criterion", "count"}, "criterion"}, // three letters moved
	} {
		if got := Closest(tc.s, tc.candidates); got != tc.want {
			t.Errorf("Closest(%q, %q) = %q, want %q", tc.s, tc.candidates, got, tc.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"image", "image", 0},
		{"Image", "image", 0},
		{"imgae", "image", 1},
		{"iaeg", "image", 2},
		{"aige", "image", 2},
		{"ca", "abc", 2},
		{"swp", "step", 2},
		{"inefrenec", "inference", 2},
		{"", "abc", 3},
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string]string{
		"--Learning_Rate":  "learning-rate",
		"keep-directories": "keep-directories",
		"a  b":             "a-b",
		"__":               "",
	} {
		if got := Words(in); got != want {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLimit(t *testing.T) {
	for n, want := range map[int]int{0: 0, 1: 0, 2: 1, 3: 2, 7: 2, 8: 3, 20: 3} {
		if got := Limit(n); got != want {
			t.Errorf("Limit(%d) = %d, want %d", n, got, want)
		}
	}
}
