#!/usr/bin/env bash
# Headless Neovim test of editors/neovim against a valohai-ls binary:
#   editors/neovim/test/run.sh /abs/path/to/valohai-ls
# Needs nvim 0.7 or newer. Prints TAP-style lines; exits non-zero on failure.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${1:?usage: run.sh /abs/path/to/valohai-ls}
[[ -x $bin ]] || { echo "neovim test: $bin is not an executable" >&2; exit 2; }
command -v nvim >/dev/null || { echo "neovim test: nvim not found (editors/install-deps.sh installs it)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/project/sub" "$work/project/deep/er" "$work/home"
cp "$here/../../testdata/valohai.yaml" "$work/project/valohai.yaml"
printf -- '- step:\n    name: other\n    image: alpine\n    command: echo hi\n' >"$work/project/sub/valohai.yml"
printf 'key: value\n' >"$work/project/other.yaml"

export VALOHAI_LS_BIN=$bin
export VALOHAI_TEST_DIR=$work/project
VALOHAI_NVIM_PLUGIN=$(cd "$here/.." && pwd)
export VALOHAI_NVIM_PLUGIN
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export XDG_STATE_HOME=$work/home/.local/state XDG_CACHE_HOME=$work/home/.cache

status=0
timeout --kill-after=5 "${NVIM_TEST_TIMEOUT:-90}" \
  nvim --headless -n -i NONE -u "$here/init.lua" -c "luafile $here/lsp_spec.lua" \
  </dev/null 2>"$work/nvim.stderr" || status=$?
if [[ $status -ne 0 ]]; then
  [[ $status -eq 124 ]] && echo "neovim test: timed out" >&2
  echo "--- nvim stderr" >&2; cat "$work/nvim.stderr" >&2 || true
  echo "--- server log (last 40 lines)" >&2; tail -n 40 "$work/project/server.log" >&2 2>/dev/null || true
fi
exit "$status"
