// Put a valohai-ls binary into server/ and the repository's LICENSE beside
// package.json, so that `vsce package` bundles them.
//
// By default the server is built from this repository with `go build`, its
// version (`valohai-ls version`) from `git describe`. Set
// VALOHAI_LS_BINARY to an existing binary to copy that one instead, and
// VALOHAI_LS_TARGET to a VS Code target (linux-x64, darwin-arm64, win32-x64,
// ...) to cross-compile for a platform-specific package
// (`vsce package --target <target>`).
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const extensionDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(extensionDir, "..", "..");
const serverDir = join(extensionDir, "server");

const goTargets = {
  "linux-x64": ["linux", "amd64"],
  "linux-arm64": ["linux", "arm64"],
  "linux-armhf": ["linux", "arm"],
  "alpine-x64": ["linux", "amd64"],
  "alpine-arm64": ["linux", "arm64"],
  "darwin-x64": ["darwin", "amd64"],
  "darwin-arm64": ["darwin", "arm64"],
  "win32-x64": ["windows", "amd64"],
  "win32-arm64": ["windows", "arm64"],
};

const target = process.env.VALOHAI_LS_TARGET ?? "";
if (target !== "" && !(target in goTargets)) {
  console.error(`build-server: unknown VALOHAI_LS_TARGET ${target}; one of ${Object.keys(goTargets).join(", ")}`);
  process.exit(2);
}
const windows = target === "" ? process.platform === "win32" : target.startsWith("win32");
const out = join(serverDir, windows ? "valohai-ls.exe" : "valohai-ls");

rmSync(serverDir, { recursive: true, force: true });
mkdirSync(serverDir, { recursive: true });

copyFileSync(join(repoRoot, "LICENSE"), join(extensionDir, "LICENSE"));

const given = process.env.VALOHAI_LS_BINARY ?? "";
if (given !== "") {
  copyFileSync(resolve(given), out);
  console.log(`build-server: copied ${given} to ${out}`);
} else {
  const env = { ...process.env, CGO_ENABLED: "0" };
  if (target !== "") [env.GOOS, env.GOARCH] = goTargets[target];
  const ldflags = `-s -w -X main.version=${version()}`;
  execFileSync("go", ["build", "-trimpath", "-ldflags", ldflags, "-o", out, "./cmd/valohai-ls"], {
    cwd: repoRoot,
    env,
    stdio: "inherit",
  });
  console.log(`build-server: built ${out}${target ? ` for ${target}` : ""}`);
}
if (!windows) chmodSync(out, 0o755);

// The version stamped into the server: what `make build` stamps.
function version() {
  try {
    return execFileSync("git", ["describe", "--tags", "--always", "--dirty"], { cwd: repoRoot, encoding: "utf8" }).trim() || "dev";
  } catch {
    return "dev";
  }
}
