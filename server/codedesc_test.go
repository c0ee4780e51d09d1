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

// TestDuplicateNameLinksToTheFirst checks that a duplicate name's finding
// points at the first definition.
func TestDuplicateNameLinksToTheFirst(t *testing.T) {
	c := start(t, Options{})
	initialize(t, c)
	open(t, c, testURI, "- step:\n    name: a\n    image: x\n    command: y\n- step:\n    name: a\n    image: x\n    command: z\n")
	d, err := c.WaitDiagnostics(testURI, 1)
	if err != nil {
		t.Fatalf("diagnostics: %v", err)
	}
	found := false
	for _, x := range d.Diagnostics {
		if x.Code != "duplicate-name" {
			continue
		}
		found = true
		if len(x.RelatedInformation) != 1 || x.RelatedInformation[0].Location.URI != testURI ||
			x.RelatedInformation[0].Location.Range.Start.Line != 1 || x.RelatedInformation[0].Location.Range.Start.Character != 10 {
			t.Errorf("related information: %+v", x.RelatedInformation)
		}
	}
	if !found {
		t.Errorf("no duplicate-name finding: %+v", d.Diagnostics)
	}
}
