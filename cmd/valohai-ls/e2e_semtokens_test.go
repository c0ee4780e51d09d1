package main

import (
	"os"
	"reflect"
	"slices"
	"testing"
)

// semText has a placeholder after characters that UTF-16 counts apart
// from bytes and runes (é: 2 bytes, 1 unit; 😀: 4 bytes, 2 units).
const semText = `- step:
    name: train
    image: python:3.12
    command: echo "é😀" {parameter:lr} {parameters} {parameter:nope}
    parameters:
      - name: lr
        type: float
- pipeline:
    name: flow
    nodes:
      - name: t
        type: execution
        step: train
    edges: []
`

// semToken is one decoded token: absolute line and UTF-16 column.
type semToken struct {
	Line, Char, Len int
	Type            string
	Mods            []string
}

func decodeTokens(t *testing.T, data []int, types, mods []string) []semToken {
	t.Helper()
	if len(data)%5 != 0 {
		t.Fatalf("%d numbers, not five a token", len(data))
	}
	var out []semToken
	line, char := 0, 0
	for i := 0; i < len(data); i += 5 {
		if data[i] > 0 {
			line, char = line+data[i], data[i+1]
		} else {
			char += data[i+1]
		}
		tok := semToken{Line: line, Char: char, Len: data[i+2], Type: types[data[i+3]]}
		for b, m := range mods {
			if data[i+4]&(1<<b) != 0 {
				tok.Mods = append(tok.Mods, m)
			}
		}
		out = append(out, tok)
	}
	return out
}

// TestEndToEndSemanticTokens asks a client that declares semantic tokens
// for the whole file's and a range's, decoded with the legend the
// server offered, positions in UTF-16.
func TestEndToEndSemanticTokens(t *testing.T) {
	_, uri := project(t, semText)

	plain := startBinary(t)
	if caps := plain.initializeFull(t, nil, false); caps["semanticTokensProvider"] != nil {
		t.Errorf("semantic tokens offered to a client that does not ask for them: %v", caps["semanticTokensProvider"])
	}

	s := startBinary(t)
	var res struct {
		Capabilities struct {
			Provider *struct {
				Legend struct {
					TokenTypes     []string `json:"tokenTypes"`
					TokenModifiers []string `json:"tokenModifiers"`
				} `json:"legend"`
				Full  bool `json:"full"`
				Range bool `json:"range"`
			} `json:"semanticTokensProvider"`
		} `json:"capabilities"`
	}
	params := map[string]any{"processId": os.Getpid(), "rootUri": nil, "capabilities": map[string]any{
		"textDocument": map[string]any{"semanticTokens": map[string]any{
			"requests": map[string]any{"full": true, "range": true}, "formats": []string{"relative"},
			"tokenTypes": []string{"parameter"}, "tokenModifiers": []string{"declaration"}}}}}
	if err := s.Call("initialize", params, &res); err != nil {
		t.Fatal(err)
	}
	_ = s.Notify("initialized", map[string]any{})
	p := res.Capabilities.Provider
	if p == nil || !p.Full || !p.Range {
		t.Fatalf("semanticTokensProvider = %+v, want full and range", p)
	}
	types, mods := p.Legend.TokenTypes, p.Legend.TokenModifiers
	s.open(t, uri, semText)

	var full struct {
		Data []int `json:"data"`
	}
	if err := s.Call("textDocument/semanticTokens/full", map[string]any{"textDocument": map[string]any{"uri": uri}}, &full); err != nil {
		t.Fatal(err)
	}
	got := decodeTokens(t, full.Data, types, mods)
	decl := []string{"declaration"}
	want := []semToken{
		{1, 10, 5, "step", decl},
		{3, 24, 11, "placeholder", nil}, // after `    command: echo "é😀" `: 24 UTF-16 units (27 bytes, 23 runes)
		{3, 35, 2, "parameter", nil},
		{3, 37, 1, "placeholder", nil},
		{3, 39, 12, "placeholder", nil},
		{3, 52, 11, "placeholder", nil},
		{3, 63, 4, "parameter", []string{"unresolved"}},
		{3, 67, 1, "placeholder", nil},
		{5, 14, 2, "parameter", decl},
		{8, 10, 4, "pipeline", decl},
		{10, 14, 1, "node", decl},
		{12, 14, 5, "step", nil},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("full:\n got %v\nwant %v", got, want)
	}

	var part struct {
		Data []int `json:"data"`
	}
	rng := map[string]any{"start": map[string]any{"line": 3, "character": 0}, "end": map[string]any{"line": 6, "character": 0}}
	if err := s.Call("textDocument/semanticTokens/range", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": rng}, &part); err != nil {
		t.Fatal(err)
	}
	if got := decodeTokens(t, part.Data, types, mods); !reflect.DeepEqual(got, want[1:9]) {
		t.Errorf("range of lines 3 to 5:\n got %v\nwant %v", got, want[1:9])
	}
	if !slices.Contains(types, "placeholder") || !slices.Contains(mods, "unresolved") {
		t.Errorf("legend %v %v", types, mods)
	}
}
