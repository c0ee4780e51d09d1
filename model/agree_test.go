package model_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/valohai-ls/valohai-ls/completion"
	"github.com/valohai-ls/valohai-ls/diagnostics"
	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/hover"
	"github.com/valohai-ls/valohai-ls/internal/fixture"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/navigation"
	"github.com/valohai-ls/valohai-ls/project"
)

// verdicts is what each feature says of a reference in each state of the
// model: resolved to a definition, unknown (the file should define it and
// does not), unsure (what would define it cannot be read, such as a
// name that YAML does not read as text), or loose (not defined, which is
// allowed there: a task may pass a parameter its step does not declare).
var verdicts = map[string]map[string]string{
	"resolved": {"hover": "resolved", "definition": "found", "references": "with definition", "rename": "allowed", "completion": "offered", "diagnostics": "quiet", "stream": "quiet"},
	"unknown":  {"hover": "unknown", "definition": "none", "references": "no definition", "rename": "refused", "completion": "not offered", "diagnostics": "unknown-*", "stream": "unknown-*"},
	"unsure":   {"hover": "unsure", "definition": "none", "references": "no definition", "rename": "refused", "completion": "not offered", "diagnostics": "quiet", "stream": "quiet"},
	"loose":    {"hover": "allowed", "definition": "none", "references": "no definition", "rename": "refused", "completion": "not offered", "diagnostics": "quiet", "stream": "quiet"},
}

// TestFeaturesAgreeOnNames drives hover, definition, references, rename,
// completion and diagnostics (both rule runners) over one reference per
// case: all must say what the model says of it.
func TestFeaturesAgreeOnNames(t *testing.T) {
	fixture.Run(t, "testdata/agree.txt", func(t *testing.T, tc fixture.Case) {
		want := tc.List("state")
		if len(want) != 1 || verdicts[want[0]] == nil {
			t.Fatalf("case needs `# state: resolved|unknown|unsure|loose`, has %v", want)
		}
		doc := document.New("file:///w/valohai.yaml", 1, tc.Text)
		x := model.Of(doc)
		_, ref := x.At(tc.Offset)
		if ref == nil {
			t.Fatalf("no reference at the marker")
		}
		if got := modelState(ref); got != want[0] {
			t.Errorf("model: %s, want %s", got, want[0])
		}
		got := featureVerdicts(t, doc, x, ref, tc.Offset)
		for feature, v := range verdicts[want[0]] {
			if got[feature] != v {
				t.Errorf("%s says %q of %s %q, want %q", feature, got[feature], ref.Kind, ref.Name, v)
			}
		}
		if ref.Untextual && !hasCode(diagnostics.Diagnose(context.Background(), doc), ref.Span, "wrong-type") {
			t.Errorf("the reference that is not text (%q) has no error of its own", ref.Name)
		}
		if ref.Doubt != nil && !hasCode(diagnostics.Diagnose(context.Background(), doc), ref.Doubt.NameSpan, "wrong-type") {
			t.Errorf("the name that is not text (%q) has no error of its own", ref.Doubt.Name)
		}
	})
}

func modelState(r *model.Ref) string {
	switch {
	case r.Target != nil:
		return "resolved"
	case r.Unresolved():
		return "unknown"
	case r.Untextual:
		return "unsure"
	case r.Loose:
		return "loose"
	}
	return "unsure"
}

// featureVerdicts asks every feature about the reference r at off.
func featureVerdicts(t *testing.T, doc *document.Document, x *model.Model, r *model.Ref, off int) map[string]string {
	t.Helper()
	got := map[string]string{}
	got["hover"] = hoverVerdict(hover.At(doc, off))
	got["definition"] = "none"
	for _, d := range navigation.Definition(x, off, project.Options{}) {
		if d.Symbol != nil {
			got["definition"] = "found"
		}
	}
	got["references"] = "no definition"
	for _, o := range navigation.Occurrences(x, off) {
		if o.Def {
			got["references"] = "with definition"
		}
	}
	got["rename"] = "refused"
	if _, _, ok, err := navigation.PrepareRename(x, off); ok && err == nil {
		got["rename"] = "allowed"
	}
	got["completion"] = completionVerdict(doc, r)
	got["diagnostics"] = diagVerdict(diagnostics.Diagnose(context.Background(), doc), r.Span)
	stream, ok := diagnostics.DiagnoseItems(context.Background(), doc)
	if !ok {
		stream = diagnostics.Diagnose(context.Background(), doc)
	}
	got["stream"] = diagVerdict(stream, r.Span)
	return got
}

func hoverVerdict(h *hover.Result) string {
	switch {
	case h == nil:
		return "nothing"
	case strings.Contains(h.Markdown, "defined on line"):
		return "resolved"
	case strings.Contains(h.Markdown, "**not defined**"), strings.Contains(h.Markdown, "matches **none**"):
		return "unknown"
	case strings.Contains(h.Markdown, "not known"):
		return "unsure"
	case strings.Contains(h.Markdown, "allowed here"), strings.Contains(h.Markdown, "a task may pass"),
		strings.Contains(h.Markdown, "taking the files the step writes"):
		return "allowed"
	}
	return "other: " + h.Markdown
}

// completionVerdict completes where the reference's name is erased and
// says whether its name is offered back. A name that is not text is never
// offered.
func completionVerdict(doc *document.Document, r *model.Ref) string {
	text := doc.Text
	erased := text[:r.Span.Start] + text[r.Span.End:]
	items := completion.Complete(context.Background(), document.New(doc.URI, 2, erased), r.Span.Start, completion.Options{})
	labels := make([]string, 0, len(items))
	for _, it := range items {
		labels = append(labels, it.Label)
	}
	if r.Doubt != nil && slices.Contains(labels, r.Doubt.Name) {
		return "offers the name that is not text"
	}
	if slices.Contains(labels, r.Name) || !r.Whole && slices.Contains(labels, r.Node.Value) {
		return "offered" // a socket's part is offered as the whole socket
	}
	return "not offered"
}

func diagVerdict(diags []diagnostics.Diagnostic, sp document.Span) string {
	for _, d := range diags {
		if strings.HasPrefix(d.Code, "unknown-") && d.Start <= sp.Start && sp.End <= d.End {
			return "unknown-*"
		}
	}
	return "quiet"
}

func hasCode(diags []diagnostics.Diagnostic, sp document.Span, code string) bool {
	for _, d := range diags {
		if d.Code == code && d.Start <= sp.End && sp.Start <= d.End {
			return true
		}
	}
	return false
}
