#!/usr/bin/env bash
# Run every editor integration test against a valohai-ls binary:
#   editors/test.sh /abs/path/to/valohai-ls        (make test-editors does this)
# Suites: vscode (type-check, lint, unit tests, .vsix build and contents, activation),
# neovim (headless Neovim), emacs (batch Emacs with Eglot), configs (JetBrains,
# Helix and Zed files, each command line run through an LSP session; shellcheck),
# vscode-e2e (the extension's linux-x64 .vsix in a real VS Code: code-server driven by
# headless Chromium, editors/vscode/test/e2e/run.sh; screenshots in editors/vscode/out/e2e).
# Prints one PASS/FAIL line per suite, the failing suite's output, and a
# closing "N passed, N failed" line. Exits non-zero when any suite fails.
# VERBOSE=1 prints every suite's output; SUITES="neovim emacs" runs a subset.
# Tools come from editors/install-deps.sh.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

bin=${1:-}
if [[ -z $bin || $bin != /* ]]; then
  echo "usage: editors/test.sh /abs/path/to/valohai-ls" >&2
  exit 2
fi
if [[ ! -x $bin ]]; then
  echo "editors/test.sh: $bin is not an executable file (run make build first)" >&2
  exit 2
fi

export bin here
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

need() {
  local tool
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "$tool not found: run editors/install-deps.sh"
      return 1
    fi
  done
}

suite_vscode()  { need node npm && "$here/vscode/scripts/check.sh" "$bin"; }
suite_neovim()  { need nvim && NVIM_TEST_TIMEOUT=100 "$here/neovim/test/run.sh" "$bin"; }
suite_emacs()   { need emacs && EMACS_TEST_TIMEOUT=100 "$here/emacs/test/run.sh" "$bin"; }
suite_configs() { need python3 && VALOHAI_LS_BIN=$bin python3 -m unittest -v "$here/tests/test_configs.py"; }
suite_vscode-e2e() { need npm && "$here/vscode/test/e2e/run.sh" "$bin"; }

declare -A limit=([vscode]=400 [neovim]=120 [emacs]=240 [configs]=120 [vscode-e2e]=480)
suites=${SUITES:-vscode neovim emacs configs vscode-e2e}
passed=0 failed=0 failed_names=()
for name in $suites; do
  if [[ -z ${limit[$name]:-} ]]; then echo "editors/test.sh: unknown suite $name" >&2; exit 2; fi
  log=$logs/$name.log
  start=$SECONDS
  # Each suite runs in its own process group under a hard time limit, so a hung
  # editor cannot stall the run.
  timeout --kill-after=10 "${limit[$name]}" bash -c "$(declare -f need "suite_$name"); suite_$name" >"$log" 2>&1
  status=$?
  took=$((SECONDS - start))
  if [[ ${VERBOSE:-0} == 1 ]]; then sed "s/^/  [$name] /" "$log"; fi
  if [[ $status -eq 0 ]]; then
    passed=$((passed + 1))
    echo "PASS $name (${took}s)"
  else
    failed=$((failed + 1))
    failed_names+=("$name")
    [[ $status -eq 124 ]] && echo "  $name: timed out after ${limit[$name]}s"
    echo "FAIL $name (${took}s, exit $status)"
    if [[ ${VERBOSE:-0} != 1 ]]; then tail -n 80 "$log" | sed "s/^/  [$name] /"; fi
  fi
done
echo "editors: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
