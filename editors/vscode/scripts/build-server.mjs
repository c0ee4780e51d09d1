// Put a valohai-ls binary into server/ so that `vsce package` bundles it.
//
// By default the server is built from this repository with `go build`. Set
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

const given = process.env.VALOHAI_LS_BINARY ?? "";
if (given !== "") {
  copyFileSync(resolve(given), out);
  console.log(`build-server: copied ${given} to ${out}`);
} else {
  const env = { ...process.env, CGO_ENABLED: "0" };
  if (target !== "") [env.GOOS, env.GOARCH] = goTargets[target];
  execFileSync("go", ["build", "-trimpath", "-ldflags", "-s -w", "-o", out, "./cmd/valohai-ls"], {
    cwd: repoRoot,
    env,
    stdio: "inherit",
  });
  console.log(`build-server: built ${out}${target ? ` for ${target}` : ""}`);
}
if (!windows) chmodSync(out, 0o755);
