package semantic

import (
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/internal/fixture"
)

// TestTokens checks each fixture case's tokens, in order: the text each
// covers, its type and its modifiers ("# token: lr parameter.declaration").
func TestTokens(t *testing.T) {
	cases, err := fixture.Read("testdata/tokens.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			doc := document.New("file:///valohai.yaml", 1, c.Text)
			var got []string
			for _, tok := range Of(doc) {
				got = append(got, describe(c.Text, tok))
			}
			want := c.Expect["token"]
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("tokens:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// describe writes a token as the fixtures do.
func describe(text string, tok Token) string {
	s := text[tok.Span.Start:tok.Span.End] + " " + Types[tok.Type]
	for i, m := range Modifiers {
		if tok.Mods&(1<<i) != 0 {
			s += "." + m
		}
	}
	return s
}
