#!/usr/bin/env bash
# Build a release into dist/ and check it (`make dist` runs this):
#   dist/bin/<os>-<arch>/valohai-ls[.exe]   the six binaries
#   dist/valohai-ls_<os>_<arch>.tar.gz      linux and darwin archives
#   dist/valohai-ls_windows_<arch>.zip      windows archives
#   dist/valohai-ls-<target>.vsix           one VS Code extension per platform (VS Code's
#                                           target names), each bundling the matching binary
#   dist/SHA256SUMS                         of the archives and extensions
# An archive holds the binary, LICENSE, README.md and CHANGELOG.md, at its top.
# File names carry no version, so that .../releases/latest/download/<name> always
# works; the version is $VERSION (make passes `git describe --tags --always
# --dirty`), stamped into every binary: `valohai-ls version` prints it.
# Needs Go, Node.js with editors/vscode/node_modules, tar, zip, unzip, file and
# sha256sum (make setup installs them).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
GO=${GO:-go}
VERSION=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}
dist=$root/dist

log() { printf 'dist: %s\n' "$*"; }
fail() { printf 'dist: FAIL: %s\n' "$*" >&2; exit 1; }

for tool in tar zip unzip file sha256sum npm; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool not found (run make setup)"
done
[[ -d editors/vscode/node_modules ]] || fail "editors/vscode/node_modules missing (run make setup)"

# os arch vscode-target
targets=(
  "linux amd64 linux-x64"
  "linux arm64 linux-arm64"
  "darwin amd64 darwin-x64"
  "darwin arm64 darwin-arm64"
  "windows amd64 win32-x64"
  "windows arm64 win32-arm64"
)

rm -rf "$dist"
mkdir -p "$dist/bin"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

exe() { [[ $1 == windows ]] && echo valohai-ls.exe || echo valohai-ls; }

# --- binaries -----------------------------------------------------------------
for t in "${targets[@]}"; do
  read -r os arch _ <<<"$t"
  out=$dist/bin/$os-$arch/$(exe "$os")
  log "build $os/$arch"
  CGO_ENABLED=0 GOOS=$os GOARCH=$arch "$GO" build -trimpath \
    -ldflags "-s -w -X main.version=$VERSION" -o "$out" ./cmd/valohai-ls
done

# --- archives -----------------------------------------------------------------
for t in "${targets[@]}"; do
  read -r os arch _ <<<"$t"
  name=valohai-ls_${os}_${arch}
  dir=$stage/$name
  mkdir -p "$dir"
  cp "$dist/bin/$os-$arch/$(exe "$os")" LICENSE README.md CHANGELOG.md "$dir/"
  if [[ $os == windows ]]; then
    (cd "$dir" && zip -q -X "$dist/$name.zip" -- *)
  else
    tar -C "$dir" --owner=0 --group=0 --numeric-owner -czf "$dist/$name.tar.gz" "$(exe "$os")" LICENSE README.md CHANGELOG.md
  fi
  log "archive $name"
done

# --- VS Code extensions -------------------------------------------------------
for t in "${targets[@]}"; do
  read -r os arch target <<<"$t"
  vsix=$dist/valohai-ls-$target.vsix
  (cd editors/vscode &&
    VALOHAI_LS_BINARY=$dist/bin/$os-$arch/$(exe "$os") VALOHAI_LS_TARGET=$target \
      npm run --silent package -- --target "$target" --out "$vsix" >"$stage/vsce-$target.log" 2>&1) ||
    { cat "$stage/vsce-$target.log" >&2; fail "vsce package --target $target"; }
  log "extension $target"
done
rm -rf editors/vscode/server

(cd "$dist" && sha256sum -- *.tar.gz *.zip *.vsix >SHA256SUMS)

# --- checks -------------------------------------------------------------------
log "check"
want=()
for t in "${targets[@]}"; do
  read -r os arch target <<<"$t"
  want+=("bin/$os-$arch/$(exe "$os")")
  [[ $os == windows ]] && want+=("valohai-ls_${os}_${arch}.zip") || want+=("valohai-ls_${os}_${arch}.tar.gz")
  want+=("valohai-ls-$target.vsix")
done
want+=(SHA256SUMS)
got=$(cd "$dist" && find . -type f | sed 's|^\./||' | sort)
expected=$(printf '%s\n' "${want[@]}" | sort)
[[ $got == "$expected" ]] || fail "dist/ holds"$'\n'"$got"$'\n'"expected"$'\n'"$expected"

# The format `file` sees in each binary, by os-arch.
declare -A format=(
  [linux-amd64]='ELF 64-bit LSB executable, x86-64'
  [linux-arm64]='ELF 64-bit LSB executable, ARM aarch64'
  [darwin-amd64]='Mach-O 64-bit x86_64 executable'
  [darwin-arm64]='Mach-O 64-bit arm64 executable'
  [windows-amd64]='PE32+ executable (console) x86-64'
  [windows-arm64]='PE32+ executable (console) Aarch64'
)
for t in "${targets[@]}"; do
  read -r os arch target <<<"$t"
  bin=$dist/bin/$os-$arch/$(exe "$os")
  kind=$(file -b "$bin")
  [[ $kind == "${format[$os-$arch]}"* ]] || fail "$bin is '$kind', expected '${format[$os-$arch]}'"
  grep -aqF -- "$VERSION" "$bin" || fail "$bin does not hold its version $VERSION"

  name=valohai-ls_${os}_${arch}
  if [[ $os == windows ]]; then
    archive=$dist/$name.zip
    [[ $(file -b "$archive") == Zip\ archive* ]] || fail "$archive is not a zip archive"
    list=$(unzip -Z1 "$archive" | sort)
    inside() { unzip -p "$archive" "$1"; }
  else
    archive=$dist/$name.tar.gz
    [[ $(file -b "$archive") == gzip\ compressed* ]] || fail "$archive is not gzip-compressed"
    list=$(tar -tzf "$archive" | sort)
    inside() { tar -xzOf "$archive" "$1"; }
  fi
  wantlist=$(printf '%s\n' "$(exe "$os")" LICENSE README.md CHANGELOG.md | sort)
  [[ $list == "$wantlist" ]] || fail "$archive holds"$'\n'"$list"
  inside "$(exe "$os")" | cmp -s - "$bin" || fail "$archive holds another binary than $bin"

  vsix=$dist/valohai-ls-$target.vsix
  [[ $(file -b "$vsix") == Zip\ archive* ]] || fail "$vsix is not a zip archive"
  manifest=$(unzip -p "$vsix" extension.vsixmanifest)
  grep -qF "TargetPlatform=\"$target\"" <<<"$manifest" || fail "$vsix is not for $target"
  entries=$(unzip -Z1 "$vsix")
  grep -qx 'extension/LICENSE.txt\|extension/LICENSE' <<<"$entries" || fail "$vsix has no LICENSE"
  unzip -p "$vsix" "extension/server/$(exe "$os")" | cmp -s - "$bin" || fail "$vsix does not bundle $bin"
  others=$(grep '^extension/server/' <<<"$entries" | grep -vx "extension/server/$(exe "$os")" || true)
  [[ -z $others ]] || fail "$vsix bundles more than one server: $others"
done
(cd "$dist" && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS does not match"

# The binary for this machine runs and prints its version.
host="$("$GO" env GOHOSTOS)-$("$GO" env GOHOSTARCH)"
if [[ -x $dist/bin/$host/valohai-ls ]]; then
  printed=$("$dist/bin/$host/valohai-ls" version)
  [[ $printed == "valohai-ls $VERSION" ]] || fail "dist/bin/$host/valohai-ls version printed '$printed', expected 'valohai-ls $VERSION'"
  log "dist/bin/$host/valohai-ls version: $printed"
fi
log "ok: $(wc -l <"$dist/SHA256SUMS") files in SHA256SUMS, version $VERSION"
