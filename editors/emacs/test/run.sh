#!/usr/bin/env bash
# Batch Emacs tests of editors/emacs/valohai-yaml-mode.el against a valohai-ls binary:
#   editors/emacs/test/run.sh /abs/path/to/valohai-ls
# Needs emacs (28+) with eglot, yaml-mode and lsp-mode (Debian: emacs-nox elpa-eglot
# elpa-yaml-mode elpa-lsp-mode).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mode_dir=$(cd "$here/.." && pwd)
bin=${1:?usage: run.sh /abs/path/to/valohai-ls}
[[ -x $bin ]] || { echo "emacs test: $bin is not an executable" >&2; exit 2; }
command -v emacs >/dev/null || { echo "emacs test: emacs not found (editors/install-deps.sh installs it)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/project" "$work/home"
cp "$here/../../testdata/valohai.yaml" "$work/project/valohai.yaml"
export HOME=$work/home VALOHAI_LS_BIN=$bin VALOHAI_TEST_DIR=$work/project
limit=${EMACS_TEST_TIMEOUT:-120}
status=0

# 0. The mode file compiles without warnings, with and without yaml-mode, and
#    passes checkdoc.
cp "$mode_dir/valohai-yaml-mode.el" "$work/"
for flags in -q -Q; do
  if ! emacs $flags --batch --eval '(setq byte-compile-error-on-warn t)' \
      -f batch-byte-compile "$work/valohai-yaml-mode.el" </dev/null >"$work/compile.log" 2>&1; then
    echo "emacs test: byte-compilation ($flags) failed:" >&2; cat "$work/compile.log" >&2; status=1
  fi
done
emacs -Q --batch --eval "(progn (require 'checkdoc) (checkdoc-file \"$work/valohai-yaml-mode.el\"))" \
  </dev/null >"$work/checkdoc.log" 2>&1 || true
if grep -q 'Warning' "$work/checkdoc.log"; then
  echo "emacs test: checkdoc warnings:" >&2; cat "$work/checkdoc.log" >&2; status=1
fi
[[ $status -eq 0 ]] && echo "   passed  byte-compile (-q, -Q) and checkdoc"

# 1. Without any installed package: the prog-mode fallback.
timeout --kill-after=5 "$limit" emacs -Q --batch -L "$mode_dir" \
  -l "$here/fallback-test.el" -f ert-run-tests-batch-and-exit </dev/null >"$work/fallback.log" 2>&1 || s1=$?
grep -E '^ *(passed|FAILED|skipped) |^Ran |^[0-9]+ unexpected' "$work/fallback.log" || true
if [[ ${s1:-0} -ne 0 ]]; then echo "--- fallback test output" >&2; cat "$work/fallback.log" >&2; status=$s1; fi

# 2. With the system's packages (yaml-mode, eglot): the real set-up.
s2=0
timeout --kill-after=5 "$limit" emacs -q --batch -L "$mode_dir" \
  -l "$here/valohai-yaml-mode-test.el" -f ert-run-tests-batch-and-exit </dev/null >"$work/eglot.log" 2>&1 || s2=$?
grep -E '^ *(passed|FAILED|skipped) |^Ran |^[0-9]+ unexpected' "$work/eglot.log" || true
if [[ $s2 -ne 0 ]]; then
  [[ $s2 -eq 124 ]] && echo "emacs test: timed out" >&2
  echo "--- eglot test output" >&2; cat "$work/eglot.log" >&2
  echo "--- server log (last 40 lines)" >&2; tail -n 40 "$work/project/server.log" >&2 2>/dev/null || true
  status=$s2
fi
# 3. The same through lsp-mode.
s3=0
timeout --kill-after=5 "$limit" emacs -q --batch -L "$mode_dir" \
  -l "$here/lsp-mode-test.el" -f ert-run-tests-batch-and-exit </dev/null >"$work/lsp-mode.log" 2>&1 || s3=$?
grep -E '^ *(passed|FAILED|skipped) |^Ran |^[0-9]+ unexpected' "$work/lsp-mode.log" || true
if [[ $s3 -ne 0 ]]; then
  [[ $s3 -eq 124 ]] && echo "emacs test: lsp-mode test timed out" >&2
  echo "--- lsp-mode test output" >&2; cat "$work/lsp-mode.log" >&2
  echo "--- server log (last 40 lines)" >&2; tail -n 40 "$work/project/server-lsp-mode.log" >&2 2>/dev/null || true
  status=$s3
fi
exit "$status"
