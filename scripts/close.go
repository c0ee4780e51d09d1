package scripts

import (
	"strings"

	"github.com/valohai-ls/valohai-ls/python"
	"github.com/valohai-ls/valohai-ls/suggest"
)

// CloseOption returns the `--` option of the script that opt, which the
// script does not have, most likely stands for by suggest.Closest: the
// same words with `-` for `_` or another case (`--learning-rate`,
// `--learning_rate`), or a small typo (`--epoch`, `--epochs`); "" when
// none is, or when two are equally close.
func CloseOption(sc *python.Script, opt string) string {
	if sc == nil || !strings.HasPrefix(opt, "--") {
		return ""
	}
	byName := map[string]string{}
	var names []string
	for _, a := range sc.Arguments {
		for _, o := range a.Options {
			n, ok := strings.CutPrefix(o, "--")
			if !ok || o == opt || byName[n] != "" {
				continue
			}
			byName[n] = o
			names = append(names, n)
		}
	}
	return byName[suggest.Closest(strings.TrimPrefix(opt, "--"), names)]
}
