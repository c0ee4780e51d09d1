package server

import "testing"

func TestDiagnosticCodeLinksToRulesReference(t *testing.T) {
	c := start(t, Options{})
	initialize(t, c)
	open(t, c, testURI, "- endpoint:\n    name: X\n")
	d, err := c.WaitDiagnostics(testURI, 1)
	if err != nil || len(d.Diagnostics) == 0 {
		t.Fatalf("diagnostics: %v", err)
	}
	for _, x := range d.Diagnostics {
		want := "https://github.com/valohai-ls/valohai-ls/blob/main/docs/rules.md#" + x.Code
		if x.CodeDescription == nil || x.CodeDescription.Href != want {
			t.Errorf("%s: codeDescription %+v, want href %s", x.Code, x.CodeDescription, want)
		}
	}
}
