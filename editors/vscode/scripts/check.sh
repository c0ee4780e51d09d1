#!/usr/bin/env bash
# Every VS Code extension check that needs no VS Code, against a valohai-ls binary:
#   editors/vscode/scripts/check.sh /abs/path/to/valohai-ls
# type-check, lint, unit tests (settings, manifest, grammar), then a .vsix built
# with that binary bundled, and checks of the package's contents.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${1:?usage: check.sh /abs/path/to/valohai-ls}
cd "$here"
if [[ ! -d node_modules ]]; then
  echo "vscode check: node_modules missing; run editors/install-deps.sh (or npm ci in editors/vscode)" >&2
  exit 2
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

step() { printf '== %s\n' "$*"; }
step "tsc --noEmit (strict)"
npx --no-install tsc -p . --noEmit
step "eslint"
npx --no-install eslint src test scripts
step "compile (already type-checked)"
npx --no-install tsc -p . --noCheck
step "unit tests"
node --test out/test/settings.test.js out/test/manifest.test.js out/test/grammar.test.js
step "package .vsix with $bin"
VALOHAI_LS_BINARY=$bin npm run --silent package -- --out "$out/valohai-ls.vsix"
step "check the .vsix"
VSIX=$out/valohai-ls.vsix SERVER_BINARY=$bin node --test out/test/vsix.test.js
step "activate the bundled extension against a stand-in vscode module"
SERVER_BINARY=$bin node --test out/test/activation.test.js
