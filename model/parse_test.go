package model

import (
	"strings"
	"testing"
)

func TestParseSocket(t *testing.T) {
	tests := []struct {
		in       string
		want     Socket
		wildcard bool
	}{
		{"train", Socket{Node: "train", Parts: 1}, false},
		{"train.output", Socket{Node: "train", Type: "output", Parts: 2, TypeAt: 6}, false},
		{"train.output.model.pkl", Socket{Node: "train", Type: "output", Key: "model.pkl", Parts: 3, TypeAt: 6, KeyAt: 13}, false},
		{"train.output.*.pkl", Socket{Node: "train", Type: "output", Key: "*.pkl", Parts: 3, TypeAt: 6, KeyAt: 13}, true},
		{"é.input.x", Socket{Node: "é", Type: "input", Key: "x", Parts: 3, TypeAt: 3, KeyAt: 9}, false},
		{"..", Socket{Parts: 3, TypeAt: 1, KeyAt: 2}, false},
	}
	for _, tt := range tests {
		got := ParseSocket(tt.in)
		if got != tt.want || got.Wildcard() != tt.wildcard {
			t.Errorf("ParseSocket(%q) = %+v (wildcard %v), want %+v (%v)", tt.in, got, got.Wildcard(), tt.want, tt.wildcard)
		}
		if got.String() != tt.in {
			t.Errorf("ParseSocket(%q).String() = %q", tt.in, got.String())
		}
	}
}

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		in   string
		want []string // prefix:name
	}{
		{"python x.py {parameters}", nil},
		{"python x.py {parameter:lr} --b={parameter-value:batch}", []string{"parameter:lr", "parameter-value:batch"}},
		{"{parameter:}{parameter:a b}", []string{"parameter:a b"}},
		{"{params} {source-path}/x.py {parameter:é}", []string{"parameter:é"}},
	}
	for _, tt := range tests {
		got := Placeholders(tt.in)
		if len(got) != len(tt.want) {
			t.Fatalf("Placeholders(%q) = %+v, want %v", tt.in, got, tt.want)
		}
		for i, p := range got {
			if p.Prefix+":"+p.Name != tt.want[i] || tt.in[p.NameStart:p.NameEnd] != p.Name || tt.in[p.Start:p.End] != p.Text() {
				t.Errorf("Placeholders(%q)[%d] = %+v, want %s", tt.in, i, p, tt.want[i])
			}
		}
	}
}

func TestAllPlaceholders(t *testing.T) {
	tests := []struct {
		in   string
		want []string // as written
	}{
		{"python x.py", nil},
		{"python x.py {parameters} ${HOME} {inputs}", []string{"{parameters}"}},
		{"{params} {source-path}/x.py {parameter:lr}{parameter-value:b}", []string{"{params}", "{source-path}", "{parameter:lr}", "{parameter-value:b}"}},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range AllPlaceholders(tt.in) {
			if tt.in[p.Start:p.End] != p.Text() {
				t.Errorf("AllPlaceholders(%q): %+v is written %q", tt.in, p, tt.in[p.Start:p.End])
			}
			got = append(got, p.Text())
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("AllPlaceholders(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
