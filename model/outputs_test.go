package model

import (
	"slices"
	"testing"

	"github.com/valohai-ls/valohai-ls/document"
)

func TestOutputMatches(t *testing.T) {
	tests := []struct {
		key, name string
		want      bool
	}{
		{"model.pkl", "model.pkl", true},
		{"model*", "model.pkl", true},
		{"model*", "model", true},
		{"*.pkl", "model.pkl", true},
		{"*", "model.pkl", true},
		{"*.pkl", "models/best.pkl", true}, // * crosses / as in fnmatch
		{"model?.pkl", "model1.pkl", true},
		{"[!x]odel.pkl", "model.pkl", true},
		{"models/best.pt", "models", true}, // a file under a declared folder
		{"models/best.pt", "models/", true},
		{"model.pkl", "*.pkl", true}, // the declared name is a glob
		{"model.jolib", "model.joblib", false},
		{"model", "model.pkl", false},
		{"*.csv", "model.pkl", false},
		{"Model.pkl", "model.pkl", false},
		{"[", "model.pkl", false},
		{"metrics", "metrics/", true}, // the folder, without its slash
		{"metrics/", "metrics", true},
		{"*.csv", "results", true}, // results/a.csv, were results a folder
		{"results/*.csv", "results/", true},
		{"res*/a.csv", "results", true},
		{"[r]esults/?.csv", "results", true},
		{"[!r]esults/*.csv", "results", false},
		{"logs/*.txt", "results", false},
		{"model?.pt", "weights", false},
	}
	for _, tt := range tests {
		if got := OutputMatches(tt.key, tt.name); got != tt.want {
			t.Errorf("OutputMatches(%q, %q) = %v, want %v", tt.key, tt.name, got, tt.want)
		}
	}
}

// TestHollowKeepsDeclaredOutputs: a hollow step answers DeclaredOutputs
// as the whole one does, without being loaded again (the edges of every
// pipeline ask it for each output end of a huge file checked item by item).
func TestHollowKeepsDeclaredOutputs(t *testing.T) {
	texts := []string{
		"- step:\n    name: train\n    image: x\n    command: c\n    outputs:\n      - name: model.pkl\n      - name: metrics/\n",
		"- step:\n    name: train\n    image: x\n    command: c\n",
		"- step:\n    name: train\n    image: x\n    command: c\n    outputs:\n      - name: 5\n",
	}
	for _, text := range texts {
		x := Of(document.New("file:///w/valohai.yaml", 1, text))
		whole := x.Lookup(KindStep, "train")
		loads := 0
		h := Hollow(whole, func() *Symbol { loads++; return whole })
		wantNames, wantOK := DeclaredOutputs(whole)
		names, ok := DeclaredOutputs(h)
		if !slices.Equal(names, wantNames) || ok != wantOK || loads != 0 {
			t.Errorf("%q: hollow %v %v (loaded %d times), whole %v %v", text, names, ok, loads, wantNames, wantOK)
		}
	}
}
