// Package replay proves completion on real files: it types each file into
// a running language server the way an editor sends it, and at every line
// where a key is written asks for completion just where the key is about
// to be typed. A hit is the key being among the labels offered.
//
// Three modes are measured:
//
//   - Start: the file typed top-down, the cursor right after the line's
//     indentation (and "- ");
//   - MidKey: the same, with the key's first two letters typed, so that the
//     line is a bare word, which no longer parses;
//   - InPlace: the whole file present, one key line at a time cut back to
//     its indentation and the key's first two letters, then restored.
//
// After each line is restored, hover is asked on its key too.
package replay

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Mode is a way of replaying a file.
type Mode int

// Replay modes.
const (
	Start Mode = iota
	MidKey
	InPlace
	numModes
)

// Modes lists every mode.
var Modes = []Mode{Start, MidKey, InPlace}

func (m Mode) String() string {
	switch m {
	case Start:
		return "start"
	case MidKey:
		return "mid-key"
	}
	return "in place"
}

// Miss is a key that completion did not offer.
type Miss struct {
	File   string
	Line   int // one-based
	Key    string
	Mode   Mode
	Info   keyInfo
	Labels []string
}

func (m Miss) String() string {
	shown := m.Labels
	if len(shown) > 8 {
		shown = append(slices.Clone(shown[:8]), "…")
	}
	return fmt.Sprintf("%s:%d: %s: %q not offered [%s] (got %d: %s)",
		m.File, m.Line, m.Mode, m.Key, m.Info, len(m.Labels), strings.Join(shown, ", "))
}

// Result is the outcome of a replay.
type Result struct {
	// Asked and Hits count every key line; KnownAsked and KnownHits only
	// the keys that the format has where they are written.
	Asked, Hits           [numModes]int
	KnownAsked, KnownHits [numModes]int
	Misses                []Miss
	// HoverAsked and HoverHits count hovers on the keys of the format,
	// with the whole file present; a hit documents the key.
	HoverAsked, HoverHits int
	HoverMisses           []string
	// Errors are error answers (or failed requests) from the server.
	Errors []string
}

// Rate returns the hit rate of mode m over all keys, in percent.
func (r *Result) Rate(m Mode) float64 { return percent(r.Hits[m], r.Asked[m]) }

// KnownRate returns the hit rate of mode m over the keys of the format.
func (r *Result) KnownRate(m Mode) float64 { return percent(r.KnownHits[m], r.KnownAsked[m]) }

func percent(n, of int) float64 {
	if of == 0 {
		return 100
	}
	return 100 * float64(n) / float64(of)
}

// Summary returns one line with each mode's figures.
func (r *Result) Summary() string {
	var parts []string
	for _, m := range Modes {
		parts = append(parts, fmt.Sprintf("%s: %d/%d keys of the format (%.2f%%), %d/%d in all (%.2f%%)",
			m, r.KnownHits[m], r.KnownAsked[m], r.KnownRate(m), r.Hits[m], r.Asked[m], r.Rate(m)))
	}
	parts = append(parts, fmt.Sprintf("hover: %d/%d (%.2f%%)", r.HoverHits, r.HoverAsked, percent(r.HoverHits, r.HoverAsked)))
	return strings.Join(parts, "; ")
}

// File replays one file in every mode through c, opening it as uri.
func (c *Client) File(ctx context.Context, name, uri, text string, r *Result) error {
	d, err := c.Open(ctx, uri, "")
	if err != nil {
		return err
	}
	keys := KeyLines(text)
	f := &file{name: name, classes: classify(text), r: r}
	if err := d.typeDown(ctx, f, text, keys); err != nil {
		return err
	}
	if d.Text() != text {
		return fmt.Errorf("%s: typed text differs from the file", name)
	}
	if err := d.inPlace(ctx, f, keys); err != nil {
		return err
	}
	return d.Close(ctx)
}

// file is a file being replayed.
type file struct {
	name    string
	classes map[int]keyInfo // by one-based line
	r       *Result
}

// info returns the class of key line k.
func (f *file) info(k KeyLine) keyInfo {
	if i, ok := f.classes[k.Line+1]; ok {
		return i
	}
	return keyInfo{class: Unparsed}
}

// typeDown types text from the top, asking for completion at each key line
// after its indentation (Start) and after the key's first letters (MidKey),
// typed one at a time. The letters are those of the file, so typing goes on
// from there.
func (d *Doc) typeDown(ctx context.Context, f *file, text string, keys []KeyLine) error {
	for _, k := range keys {
		if err := d.Append(ctx, text[len(d.Text()):k.Start+len(k.Indent)]); err != nil {
			return err
		}
		d.ask(ctx, f, k, Start, len(d.Text()))
		for _, ch := range k.Typed() {
			if err := d.Append(ctx, string(ch)); err != nil {
				return err
			}
		}
		d.ask(ctx, f, k, MidKey, len(d.Text()))
	}
	return d.Append(ctx, text[len(d.Text()):])
}

// inPlace cuts each key line of the full text back to its indentation and
// first letters, asks for completion, and restores the line.
func (d *Doc) inPlace(ctx context.Context, f *file, keys []KeyLine) error {
	for _, k := range keys {
		line := d.Text()[k.Start:k.End]
		cut := k.Indent + k.Typed()
		if err := d.Replace(ctx, k.Start, k.End, cut); err != nil {
			return err
		}
		d.ask(ctx, f, k, InPlace, k.Start+len(cut))
		if err := d.Replace(ctx, k.Start, k.Start+len(cut), line); err != nil {
			return err
		}
		d.hover(ctx, f, k)
	}
	return nil
}

// hover asks for hover in the middle of the key of line k and records
// whether it documents the key.
func (d *Doc) hover(ctx context.Context, f *file, k KeyLine) {
	if f.info(k).class != Known {
		return
	}
	md, err := d.Hover(ctx, k.Start+len(k.Indent)+len(k.Key)/2)
	f.r.HoverAsked++
	switch {
	case err != nil:
		f.r.Errors = append(f.r.Errors, fmt.Sprintf("%s:%d: hover: %v", f.name, k.Line+1, err))
	case strings.HasPrefix(md, "**"+k.Key+"**"):
		f.r.HoverHits++
	default:
		f.r.HoverMisses = append(f.r.HoverMisses, fmt.Sprintf("%s:%d: hover on %q: %.60q", f.name, k.Line+1, k.Key, md))
	}
}

// ask requests completion at off and records a hit or a miss.
func (d *Doc) ask(ctx context.Context, f *file, k KeyLine, m Mode, off int) {
	labels, err := d.Complete(ctx, off)
	r, info := f.r, f.info(k)
	r.Asked[m]++
	if info.class == Known {
		r.KnownAsked[m]++
	}
	if err != nil {
		r.Errors = append(r.Errors, fmt.Sprintf("%s:%d: %s: %v", f.name, k.Line+1, m, err))
		return
	}
	if slices.Contains(labels, k.Key) {
		r.Hits[m]++
		if info.class == Known {
			r.KnownHits[m]++
		}
		return
	}
	r.Misses = append(r.Misses, Miss{File: f.name, Line: k.Line + 1, Key: k.Key, Mode: m, Info: info, Labels: labels})
}
