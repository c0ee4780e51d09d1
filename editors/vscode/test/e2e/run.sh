#!/usr/bin/env bash
# The VS Code extension in a real VS Code: builds the linux-x64 .vsix with a valohai-ls
# binary bundled, installs it into code-server (VS Code served to a browser) with fresh
# user data, opens fixture/valohai.yaml in headless Chromium and runs driver.mjs.
#
#   editors/vscode/test/e2e/run.sh [/abs/path/to/valohai-ls]   (default: go build of the tree)
#
# Needs the tools from setup.sh (editors/install-deps.sh runs it). Screenshots of each
# state go to $SHOTS (default editors/vscode/out/e2e); README_SHOT=path also writes the
# README's picture there. code-server listens on a free port of 127.0.0.1. Every process
# started here (code-server with its extension host and the server, the driver, the
# browser) is stopped by process group on exit, on failure and on interruption too.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ext=$(cd "$here/../.." && pwd)
# shellcheck source=/dev/null
. "$here/env.sh"

bin=${1:-}
if [[ -n $bin && ( $bin != /* || ! -x $bin ) ]]; then
  echo "usage: run.sh [/abs/path/to/valohai-ls]: $bin is not an absolute path to an executable" >&2
  exit 2
fi
if [[ ! -f $E2E_READY ]]; then
  echo "vscode-e2e: tools missing in $E2E_TOOLS; run editors/vscode/test/e2e/setup.sh (editors/install-deps.sh does)" >&2
  exit 2
fi
if [[ ! -x $E2E_CHROMIUM ]]; then
  echo "vscode-e2e: no browser at $E2E_CHROMIUM; run editors/vscode/test/e2e/setup.sh" >&2
  exit 2
fi
if [[ ! -d $ext/node_modules ]]; then
  echo "vscode-e2e: editors/vscode/node_modules missing; run editors/install-deps.sh" >&2
  exit 2
fi

SHOTS=${SHOTS:-$ext/out/e2e}
mkdir -p "$SHOTS"
SHOTS=$(cd "$SHOTS" && pwd)
# Only what an earlier run wrote there goes.
rm -f "$SHOTS"/*.png "$SHOTS/code-server.log"
run=$(mktemp -d "${TMPDIR:-/tmp}/valohai-ls-e2e.XXXXXX")
groups=()

# shellcheck disable=SC2317  # run by the EXIT trap
stop_all() {
  local status=$? pid pids=()
  trap - EXIT INT TERM
  [[ -s $run/browser.pid ]] && groups+=("$(cat "$run/browser.pid")")
  for pid in "${groups[@]+"${groups[@]}"}"; do
    kill -TERM -- "-$pid" 2>/dev/null && pids+=("$pid")
  done
  for _ in $(seq 50); do
    local alive=0
    for pid in "${pids[@]+"${pids[@]}"}"; do kill -0 -- "-$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.1
  done
  for pid in "${pids[@]+"${pids[@]}"}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  if ((status != 0)) && [[ -f $run/code-server.log ]]; then
    echo "--- code-server log (last 30 lines)"
    tail -n 30 "$run/code-server.log"
  fi
  cp "$run/code-server.log" "$SHOTS/" 2>/dev/null || true
  rm -rf "$run"
  exit "$status"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step() { printf '== %s\n' "$*"; }
started=$SECONDS

step "package the linux-x64 .vsix${bin:+ with $bin}"
vsix=$run/valohai-ls-linux-x64.vsix
(cd "$ext" && VALOHAI_LS_BINARY=$bin VALOHAI_LS_TARGET=linux-x64 \
  npm run --silent package -- --target linux-x64 --out "$vsix" >"$run/package.log" 2>&1) || {
  cat "$run/package.log"
  exit 1
}

# code-server runs under Node 24; its configuration and data stay in this run's folder.
PATH=$(dirname "$E2E_NODE"):$PATH
export PATH
export XDG_CONFIG_HOME=$run/xdg/config XDG_DATA_HOME=$run/xdg/data XDG_CACHE_HOME=$run/xdg/cache
mkdir -p "$run/user/User" "$run/ws"
cp "$here/user-settings.json" "$run/user/User/settings.json"
cp "$here/fixture/valohai.yaml" "$run/ws/valohai.yaml"
cs_args=(--user-data-dir "$run/user" --extensions-dir "$run/extensions")
# Nothing is fetched from an extension marketplace: point code-server's at a closed
# loopback port.
export EXTENSIONS_GALLERY='{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/items"}'

step "install it into code-server $E2E_CODE_SERVER_VERSION"
"$E2E_CODE_SERVER" "${cs_args[@]}" --install-extension "$vsix" >"$run/install.log" 2>&1 || {
  cat "$run/install.log"
  exit 1
}
grep -q "successfully installed" "$run/install.log" || { cat "$run/install.log"; exit 1; }

step "start code-server on 127.0.0.1"
setsid "$E2E_CODE_SERVER" "${cs_args[@]}" --bind-addr 127.0.0.1:0 --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override --ignore-last-opened "$run/ws" \
  >"$run/code-server.log" 2>&1 </dev/null &
groups+=("$!")
url=
for _ in $(seq 300); do
  url=$(sed -n 's|.*HTTP server listening on \(http://127\.0\.0\.1:[0-9]*\)/.*|\1|p' "$run/code-server.log" | head -n 1)
  [[ -n $url ]] && curl -fsS "$url/healthz" >/dev/null 2>&1 && break
  url=
  kill -0 "${groups[0]}" 2>/dev/null || break
  sleep 0.2
done
if [[ -z $url ]]; then
  echo "vscode-e2e: code-server did not start" >&2
  exit 1
fi
echo "   $url"

step "drive VS Code in headless Chromium"
setsid env CS_URL="$url/?folder=$run/ws" WS_FILE="$run/ws/valohai.yaml" SHOTS="$SHOTS" RUN_DIR="$run" \
  BROWSER_PID_FILE="$run/browser.pid" "$E2E_NODE" --test-reporter=spec "$here/driver.mjs" </dev/null &
groups+=("$!")
status=0
wait "${groups[-1]}" || status=$?
echo "vscode-e2e: screenshots in $SHOTS ($((SECONDS - started))s)"
exit "$status"
