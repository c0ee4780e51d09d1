#!/usr/bin/env bash
# The set-up of `make test` (and `make dist`) on a Debian 12 machine that has Go and
# Node.js: Neovim, Emacs with eglot, lsp-mode and yaml-mode, shellcheck and Python 3
# for the editor suites (editors/test.sh), gcc for `go test -race` (cgo), zip and
# file for `make dist`, the VS Code extension's npm packages, and a real VS Code for its end-to-end suite
# (vscode/test/e2e/setup.sh). `make setup` runs
# it. Safe to run again: whatever is already present is skipped, so a second run
# takes about a second.
# Root runs apt-get itself; others need sudo.
# A new suite adds its Debian packages to `debs` and its other tools in a section
# of its own below, each one checking first whether it is already there.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

log() { printf 'install-deps: %s\n' "$*"; }

# --- Debian packages -------------------------------------------------------
debs=(neovim emacs-nox elpa-eglot elpa-yaml-mode elpa-lsp-mode shellcheck python3 zip unzip file gcc libc6-dev)
missing=()
for pkg in "${debs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed'; then
    missing+=("$pkg")
  fi
done
# python3 may come from elsewhere (pyenv); only ask apt for it when none is on PATH.
if command -v python3 >/dev/null 2>&1; then
  kept=()
  for pkg in "${missing[@]}"; do [[ $pkg == python3 ]] || kept+=("$pkg"); done
  missing=("${kept[@]+"${kept[@]}"}")
fi

if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null 2>&1; then
    log "apt-get not found; install these by hand: ${missing[*]}" >&2
    exit 1
  fi
  sudo=()
  if [[ $(id -u) != 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
      log "not root and no sudo; install these by hand: ${missing[*]}" >&2
      exit 1
    fi
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages present: ${debs[*]}"
fi

# --- VS Code extension's npm packages ---------------------------------------
vscode=$here/vscode
if [[ -f $vscode/package-lock.json ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    log "npm not found (Node.js 20 or newer is needed for the VS Code extension)" >&2
    exit 1
  fi
  stamp=$vscode/node_modules/.install-deps-stamp
  want=$(sha256sum "$vscode/package-lock.json" | cut -d' ' -f1)
  if [[ -f $stamp && $(cat "$stamp") == "$want" ]]; then
    log "editors/vscode/node_modules is up to date"
  else
    log "npm ci in editors/vscode"
    (cd "$vscode" && npm ci --no-audit --no-fund --loglevel=error)
    printf '%s\n' "$want" >"$stamp"
  fi
fi
# --- A real VS Code for the extension's end-to-end suite -----------------------
# code-server, Chromium and puppeteer-core, installed once into a cache outside the
# repository (seven to ten minutes and about 1.2 GB the first time); see the script.
"$here/vscode/test/e2e/setup.sh"
log "done"
