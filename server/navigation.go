package server

import (
	"context"
	"path/filepath"
	"strconv"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/valohai-ls/valohai-ls/document"
	"github.com/valohai-ls/valohai-ls/model"
	"github.com/valohai-ls/valohai-ls/navigation"
	"github.com/valohai-ls/valohai-ls/project"
	"github.com/valohai-ls/valohai-ls/settings"
)

// codeRequestFailed is LSP's error for a request that is valid but cannot
// be carried out (a refused rename).
const codeRequestFailed jsonrpc2.Code = -32803

// ShowReferencesCommand is the command of the step code lenses: its
// arguments are the document URI, the position of the step's name and the
// locations of the nodes that use it. Editors map it to their "show
// references" view.
const ShowReferencesCommand = "valohai-ls.showReferences"

// navOptions tells navigation where the document is on disk.
func navOptions(doc *document.Document) project.Options {
	return project.Options{Dir: docDir(doc)}
}

// docFor returns the served document and its model for a
// feature request, or nil when the feature is off or the document unknown.
func (s *Server) docFor(u uri.URI, f settings.Feature) (*document.Document, *model.Model) {
	if !s.settings().Enabled(f) {
		return nil, nil
	}
	doc := s.docs.get(u)
	if doc == nil {
		return nil, nil
	}
	return doc, model.Of(doc)
}

// symbolKind maps navigation kinds to LSP symbol kinds.
func symbolKind(k model.Kind) protocol.SymbolKind {
	switch k {
	case model.KindStep:
		return protocol.SymbolKindFunction
	case model.KindEndpoint:
		return protocol.SymbolKindInterface
	case model.KindPipeline:
		return protocol.SymbolKindModule
	case model.KindNode:
		return protocol.SymbolKindObject
	case model.KindEdge:
		return protocol.SymbolKindEvent
	case model.KindTask:
		return protocol.SymbolKindClass
	case model.KindDeployment:
		return protocol.SymbolKindPackage
	case model.KindInput, model.KindOutput:
		return protocol.SymbolKindField
	case model.KindFile:
		return protocol.SymbolKindFile
	}
	return protocol.SymbolKindVariable
}

// DocumentSymbol answers textDocument/documentSymbol with the outline.
func (s *Server) DocumentSymbol(ctx context.Context, params *protocol.DocumentSymbolParams) (protocol.DocumentSymbolResult, error) {
	doc, x := s.docFor(params.TextDocument.URI, settings.DocumentSymbols)
	if doc == nil {
		return protocol.DocumentSymbolSlice{}, nil
	}
	enc, m := s.enc(), doc.Mapper()
	if !s.clientCaps().hierarchical {
		var flat protocol.SymbolInformationSlice
		var walk func(syms []*model.Symbol, container string)
		walk = func(syms []*model.Symbol, container string) {
			for _, sym := range syms {
				si := protocol.SymbolInformation{Location: protocol.Location{URI: params.TextDocument.URI, Range: toRange(m, sym.Range.Start, sym.Range.End, enc)}}
				si.Name, si.Kind = sym.Title(), symbolKind(sym.Kind)
				if container != "" {
					c := container
					si.ContainerName = &c
				}
				flat = append(flat, si)
				walk(sym.Children, sym.Title())
			}
		}
		walk(navigation.Outline(x), "")
		return flat, nil
	}
	var conv func(syms []*model.Symbol) []protocol.DocumentSymbol
	conv = func(syms []*model.Symbol) []protocol.DocumentSymbol {
		out := make([]protocol.DocumentSymbol, 0, len(syms))
		for _, sym := range syms {
			a, b := sym.Selection()
			detail := sym.Detail
			out = append(out, protocol.DocumentSymbol{
				Name:           sym.Title(),
				Detail:         &detail,
				Kind:           symbolKind(sym.Kind),
				Range:          toRange(m, sym.Range.Start, sym.Range.End, enc),
				SelectionRange: toRange(m, a, b, enc),
				Children:       conv(sym.Children),
			})
		}
		return out
	}
	return protocol.DocumentSymbolSlice(conv(navigation.Outline(x))), nil
}

// Definition answers textDocument/definition.
func (s *Server) Definition(ctx context.Context, params *protocol.DefinitionParams) (protocol.DefinitionResult, error) {
	doc, x := s.docFor(params.TextDocument.URI, settings.Definition)
	if doc == nil {
		return protocol.LocationSlice{}, nil
	}
	enc, m := s.enc(), doc.Mapper()
	off := offsetOf(m, params.Position, enc)
	targets := navigation.Definition(x, off, navOptions(doc))
	links := s.clientCaps().links
	var locs protocol.LocationSlice
	var dl protocol.DefinitionLinkSlice
	if len(targets) == 0 {
		// On a step's parameter or input: where its scripts declare it.
		if sym, places := s.scriptPlaces(doc, x, off); sym != nil && sym.Named {
			origin := toRange(m, sym.NameSpan.Start, sym.NameSpan.End, enc)
			for _, p := range places {
				if !p.Declares {
					continue
				}
				loc := placeLocation(p, enc)
				locs = append(locs, loc)
				dl = append(dl, protocol.DefinitionLink{OriginSelectionRange: &origin, TargetURI: loc.URI, TargetRange: loc.Range, TargetSelectionRange: loc.Range})
			}
		}
	}
	for _, t := range targets {
		origin := toRange(m, t.Origin.Start, t.Origin.End, enc)
		var target uri.URI
		var full, sel protocol.Range
		if t.Symbol != nil {
			a, b := t.Symbol.Selection()
			target, full, sel = params.TextDocument.URI, toRange(m, t.Symbol.Range.Start, t.Symbol.Range.End, enc), toRange(m, a, b, enc)
		} else {
			p := protocol.Position{Line: uint32(t.Line)}
			target, full, sel = uri.File(t.Path), protocol.Range{Start: p, End: p}, protocol.Range{Start: p, End: p}
		}
		locs = append(locs, protocol.Location{URI: target, Range: sel})
		dl = append(dl, protocol.DefinitionLink{OriginSelectionRange: &origin, TargetURI: target, TargetRange: full, TargetSelectionRange: sel})
	}
	if links && len(dl) > 0 {
		return dl, nil
	}
	if locs == nil {
		locs = protocol.LocationSlice{}
	}
	return locs, nil
}

// References answers textDocument/references.
func (s *Server) References(ctx context.Context, params *protocol.ReferenceParams) ([]protocol.Location, error) {
	doc, x := s.docFor(params.TextDocument.URI, settings.References)
	if doc == nil {
		return []protocol.Location{}, nil
	}
	enc, m := s.enc(), doc.Mapper()
	out := []protocol.Location{}
	off := offsetOf(m, params.Position, enc)
	for _, sp := range navigation.References(x, off, params.Context.IncludeDeclaration) {
		out = append(out, protocol.Location{URI: params.TextDocument.URI, Range: toRange(m, sp.Start, sp.End, enc)})
	}
	// A step's parameter or input is also declared and read in its scripts.
	_, places := s.scriptPlaces(doc, x, off)
	for _, p := range places {
		out = append(out, placeLocation(p, enc))
	}
	return out, nil
}

// DocumentHighlight answers textDocument/documentHighlight: the
// definition is written, the references read.
func (s *Server) DocumentHighlight(ctx context.Context, params *protocol.DocumentHighlightParams) ([]protocol.DocumentHighlight, error) {
	doc, x := s.docFor(params.TextDocument.URI, settings.DocumentHighlights)
	if doc == nil {
		return []protocol.DocumentHighlight{}, nil
	}
	enc, m := s.enc(), doc.Mapper()
	out := []protocol.DocumentHighlight{}
	for _, o := range navigation.Occurrences(x, offsetOf(m, params.Position, enc)) {
		kind := protocol.DocumentHighlightKindRead
		if o.Def {
			kind = protocol.DocumentHighlightKindWrite
		}
		out = append(out, protocol.DocumentHighlight{Range: toRange(m, o.Span.Start, o.Span.End, enc), Kind: kind})
	}
	return out, nil
}

// PrepareRename answers textDocument/prepareRename: the name's range and
// text, null where nothing can be renamed, an error saying why a name
// cannot be.
func (s *Server) PrepareRename(ctx context.Context, params *protocol.PrepareRenameParams) (protocol.PrepareRenameResult, error) {
	doc, x := s.docFor(params.TextDocument.URI, settings.Rename)
	if doc == nil {
		return nil, nil
	}
	enc, m := s.enc(), doc.Mapper()
	sp, name, ok, err := navigation.PrepareRename(x, offsetOf(m, params.Position, enc))
	if err != nil {
		return nil, jsonrpc2.NewError(codeRequestFailed, err.Error())
	}
	if !ok {
		return nil, nil
	}
	return &protocol.PrepareRenamePlaceholder{Range: toRange(m, sp.Start, sp.End, enc), Placeholder: name}, nil
}

// Rename answers textDocument/rename with one workspace edit that changes
// the definition and every reference.
func (s *Server) Rename(ctx context.Context, params *protocol.RenameParams) (*protocol.WorkspaceEdit, error) {
	doc, x := s.docFor(params.TextDocument.URI, settings.Rename)
	if doc == nil {
		return nil, jsonrpc2.NewError(codeRequestFailed, "renaming is turned off or the document is not open")
	}
	enc, m := s.enc(), doc.Mapper()
	edits, err := navigation.Rename(x, offsetOf(m, params.Position, enc), params.NewName)
	if err != nil {
		return nil, jsonrpc2.NewError(codeRequestFailed, err.Error())
	}
	out := make([]protocol.TextEdit, 0, len(edits))
	for _, e := range edits {
		out = append(out, protocol.TextEdit{Range: toRange(m, e.Start, e.End, enc), NewText: e.Text})
	}
	return &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{params.TextDocument.URI: out}}, nil
}

// DocumentLink answers textDocument/documentLink: WSGI modules and command
// scripts that exist in the file's directory tree.
func (s *Server) DocumentLink(ctx context.Context, params *protocol.DocumentLinkParams) ([]protocol.DocumentLink, error) {
	doc, x := s.docFor(params.TextDocument.URI, settings.DocumentLinks)
	if doc == nil {
		return []protocol.DocumentLink{}, nil
	}
	enc, m := s.enc(), doc.Mapper()
	out := []protocol.DocumentLink{}
	for _, l := range navigation.Links(x, navOptions(doc)) {
		target := uri.File(l.Path)
		if l.Callable {
			target = uri.URI(string(target) + "#L" + strconv.Itoa(l.Line+1))
		}
		tip := "Open " + filepath.Base(l.Path)
		out = append(out, protocol.DocumentLink{Range: toRange(m, l.Span.Start, l.Span.End, enc), Target: &target, Tooltip: &tip})
	}
	return out, nil
}

// FoldingRanges answers textDocument/foldingRange: items and multi-line
// values.
func (s *Server) FoldingRanges(ctx context.Context, params *protocol.FoldingRangeParams) ([]protocol.FoldingRange, error) {
	doc := s.docs.get(params.TextDocument.URI)
	if doc == nil {
		return []protocol.FoldingRange{}, nil
	}
	out := []protocol.FoldingRange{}
	for _, f := range navigation.Folds(doc) {
		out = append(out, protocol.FoldingRange{StartLine: uint32(f.StartLine), EndLine: uint32(f.EndLine)})
	}
	return out, nil
}

// CodeLens answers textDocument/codeLens with the lenses of navigation:
// a step's shows the pipeline nodes that run it, a pipeline's opens its
// graph, a task's runs nothing.
func (s *Server) CodeLens(ctx context.Context, params *protocol.CodeLensParams) ([]protocol.CodeLens, error) {
	doc, x := s.docFor(params.TextDocument.URI, settings.CodeLens)
	if doc == nil {
		return []protocol.CodeLens{}, nil
	}
	enc, m := s.enc(), doc.Mapper()
	out := []protocol.CodeLens{}
	for _, l := range navigation.Lenses(x) {
		rng := toRange(m, l.Span.Start, l.Span.End, enc)
		cmd := protocol.Command{Title: l.Title}
		var err error
		switch l.Action {
		case navigation.LensReferences:
			locs := make([]protocol.Location, 0, len(l.Nodes))
			for _, r := range l.Nodes {
				locs = append(locs, protocol.Location{URI: params.TextDocument.URI, Range: toRange(m, r.Span.Start, r.Span.End, enc)})
			}
			cmd.Command = ShowReferencesCommand
			cmd.Arguments, err = lspArgs(params.TextDocument.URI, rng.Start, locs)
		case navigation.LensGraph:
			cmd.Command = ShowGraphCommand
			cmd.Arguments, err = lspArgs(params.TextDocument.URI, l.Item.Name)
		}
		if err != nil {
			return nil, err
		}
		out = append(out, protocol.CodeLens{Range: rng, Command: cmd})
	}
	return out, nil
}

// lspArgs encodes command arguments.
func lspArgs(args ...any) ([]protocol.LSPAny, error) {
	out := make([]protocol.LSPAny, 0, len(args))
	for _, a := range args {
		b, err := protocol.Marshal(a)
		if err != nil {
			return nil, err
		}
		out = append(out, protocol.LSPAny(b))
	}
	return out, nil
}
