package model

import "testing"

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
