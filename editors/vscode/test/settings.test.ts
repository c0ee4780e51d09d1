// Unit tests of the pure settings and server-lookup logic (node --test).

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  FILE_GLOB,
  INSTALL_COMMAND,
  type Host,
  bundledServerPath,
  executableName,
  expandPath,
  goBinDirs,
  isValohaiFile,
  needsRestart,
  notFoundMessage,
  pathDirs,
  initializationOptions,
  readSettings,
  resolveServer,
  serverArgs,
  startFailedMessage,
} from "../src/settings";

function settingsFrom(values: Record<string, unknown>) {
  return readSettings((key) => values[key]);
}

function linuxHost(executables: string[], overrides: Partial<Host> = {}): Host {
  const files = new Set(executables);
  return {
    platform: "linux",
    env: { PATH: "/usr/local/bin:/usr/bin" },
    homeDir: "/home/ada",
    extensionPath: "/home/ada/.vscode/extensions/valohai-ls.valohai-ls-0.1.0",
    workspaceFolders: ["/work/project"],
    isExecutableFile: (f) => files.has(f),
    ...overrides,
  };
}

function windowsHost(executables: string[], overrides: Partial<Host> = {}): Host {
  const files = new Set(executables.map((f) => f.toLowerCase()));
  return {
    platform: "win32",
    env: { Path: "C:\\Windows\\system32;\"C:\\Program Files\\Go\\bin\"" },
    homeDir: "C:\\Users\\ada",
    extensionPath: "C:\\Users\\ada\\.vscode\\extensions\\valohai-ls.valohai-ls-0.1.0",
    workspaceFolders: ["D:\\src\\project"],
    isExecutableFile: (f) => files.has(f.toLowerCase()),
    ...overrides,
  };
}

describe("readSettings", () => {
  it("uses the defaults when nothing is set", () => {
    assert.deepEqual(settingsFrom({}), { serverPath: "", logLevel: "info", pullDiagnostics: true });
  });

  it("reads whether diagnostics are pulled, and tells the server at start", () => {
    assert.equal(settingsFrom({ diagnostics: { pull: false } }).pullDiagnostics, false);
    assert.equal(settingsFrom({ diagnostics: { pull: true, rules: {} } }).pullDiagnostics, true);
    assert.equal(settingsFrom({ diagnostics: { pull: "no" } }).pullDiagnostics, true);
    assert.equal(settingsFrom({ diagnostics: null }).pullDiagnostics, true);
    assert.deepEqual(initializationOptions(settingsFrom({ diagnostics: { pull: false } })), { diagnostics: { pull: false } });
  });

  it("reads and trims the server path", () => {
    assert.equal(settingsFrom({ "server.path": "  /opt/valohai-ls  " }).serverPath, "/opt/valohai-ls");
  });

  it("ignores a server path of the wrong type", () => {
    assert.equal(settingsFrom({ "server.path": 42 }).serverPath, "");
    assert.equal(settingsFrom({ "server.path": null }).serverPath, "");
  });

  it("accepts every log level, in any case", () => {
    for (const level of ["debug", "info", "warn", "error"] as const) {
      assert.equal(settingsFrom({ "server.logLevel": level }).logLevel, level);
      assert.equal(settingsFrom({ "server.logLevel": level.toUpperCase() }).logLevel, level);
    }
  });

  it("maps warning to warn and anything unknown to info", () => {
    assert.equal(settingsFrom({ "server.logLevel": "warning" }).logLevel, "warn");
    assert.equal(settingsFrom({ "server.logLevel": "verbose" }).logLevel, "info");
    assert.equal(settingsFrom({ "server.logLevel": 3 }).logLevel, "info");
  });
});

describe("serverArgs", () => {
  it("serves with the chosen log level", () => {
    assert.deepEqual(serverArgs({ serverPath: "", logLevel: "debug", pullDiagnostics: true }), ["serve", "--log-level", "debug"]);
  });
});

describe("needsRestart", () => {
  it("restarts for the server path and log level", () => {
    assert.equal(needsRestart((s) => s === "valohai-ls.server.path"), true);
    assert.equal(needsRestart((s) => s === "valohai-ls.server.logLevel"), true);
  });

  it("does not restart for tracing or other extensions' settings", () => {
    assert.equal(needsRestart((s) => s === "valohai-ls.trace.server"), false);
    assert.equal(needsRestart((s) => s === "yaml.schemas"), false);
  });
});

describe("expandPath", () => {
  const host = linuxHost([]);

  it("keeps an absolute path", () => {
    assert.equal(expandPath("/opt/bin/valohai-ls", host), "/opt/bin/valohai-ls");
  });

  it("expands the home directory", () => {
    assert.equal(expandPath("~/go/bin/valohai-ls", host), "/home/ada/go/bin/valohai-ls");
    assert.equal(expandPath("${userHome}/bin/valohai-ls", host), "/home/ada/bin/valohai-ls");
  });

  it("expands the workspace folder and environment variables", () => {
    assert.equal(expandPath("${workspaceFolder}/bin/valohai-ls", host), "/work/project/bin/valohai-ls");
    const withEnv = linuxHost([], { env: { TOOLS: "/tools" } });
    assert.equal(expandPath("${env:TOOLS}/valohai-ls", withEnv), "/tools/valohai-ls");
  });

  it("takes a relative path from the first workspace folder", () => {
    assert.equal(expandPath("bin/valohai-ls", host), "/work/project/bin/valohai-ls");
    assert.equal(expandPath("./bin/../bin/valohai-ls", host), "/work/project/bin/valohai-ls");
  });

  it("takes a relative path from home when no folder is open", () => {
    const noFolder = linuxHost([], { workspaceFolders: [] });
    assert.equal(expandPath("bin/valohai-ls", noFolder), "/home/ada/bin/valohai-ls");
  });

  it("understands Windows paths", () => {
    const win = windowsHost([]);
    assert.equal(expandPath("~\\bin\\valohai-ls.exe", win), "C:\\Users\\ada\\bin\\valohai-ls.exe");
    assert.equal(expandPath("tools\\valohai-ls.exe", win), "D:\\src\\project\\tools\\valohai-ls.exe");
    assert.equal(expandPath("C:\\tools\\valohai-ls.exe", win), "C:\\tools\\valohai-ls.exe");
  });
});

describe("search directories", () => {
  it("splits PATH per platform and drops empty entries and quotes", () => {
    assert.deepEqual(pathDirs(linuxHost([], { env: { PATH: "/a::/b:" } })), ["/a", "/b"]);
    assert.deepEqual(pathDirs(windowsHost([])), ["C:\\Windows\\system32", "C:\\Program Files\\Go\\bin"]);
    assert.deepEqual(pathDirs(linuxHost([], { env: {} })), []);
  });

  it("finds Go's install directory", () => {
    assert.deepEqual(goBinDirs(linuxHost([], { env: { GOBIN: "/gobin" } })), ["/gobin"]);
    assert.deepEqual(goBinDirs(linuxHost([], { env: { GOPATH: "/gp1:/gp2" } })), ["/gp1/bin", "/gp2/bin"]);
    assert.deepEqual(goBinDirs(linuxHost([], { env: {} })), ["/home/ada/go/bin"]);
    assert.deepEqual(goBinDirs(windowsHost([], { env: {} })), ["C:\\Users\\ada\\go\\bin"]);
  });

  it("names the executable per platform", () => {
    assert.equal(executableName("linux"), "valohai-ls");
    assert.equal(executableName("darwin"), "valohai-ls");
    assert.equal(executableName("win32"), "valohai-ls.exe");
  });
});

describe("resolveServer", () => {
  const none = { serverPath: "", logLevel: "info", pullDiagnostics: true } as const;

  it("uses the configured path when it exists", () => {
    const host = linuxHost(["/opt/valohai-ls", "/usr/bin/valohai-ls"]);
    assert.deepEqual(resolveServer({ ...none, serverPath: "/opt/valohai-ls" }, host), {
      ok: true,
      command: "/opt/valohai-ls",
      source: "setting",
    });
  });

  it("expands the configured path", () => {
    const host = linuxHost(["/home/ada/go/bin/valohai-ls"]);
    const found = resolveServer({ ...none, serverPath: "~/go/bin/valohai-ls" }, host);
    assert.ok(found.ok);
    assert.equal(found.command, "/home/ada/go/bin/valohai-ls");
  });

  it("reports a configured path that does not exist instead of falling back", () => {
    const host = linuxHost(["/usr/bin/valohai-ls"]);
    const found = resolveServer({ ...none, serverPath: "/nope/valohai-ls" }, host);
    assert.equal(found.ok, false);
    if (found.ok) return;
    assert.equal(found.reason, "setting-not-found");
    assert.match(found.message, /valohai-ls\.server\.path/);
    assert.match(found.message, /\/nope\/valohai-ls/);
    assert.deepEqual(found.tried, ["/nope/valohai-ls"]);
  });

  it("adds .exe to a configured path on Windows", () => {
    const host = windowsHost(["C:\\tools\\valohai-ls.exe"]);
    const found = resolveServer({ ...none, serverPath: "C:\\tools\\valohai-ls" }, host);
    assert.ok(found.ok);
    assert.equal(found.command, "C:\\tools\\valohai-ls.exe");
  });

  it("prefers the bundled server over PATH", () => {
    const host = linuxHost([]);
    const bundled = bundledServerPath(host);
    assert.equal(bundled, "/home/ada/.vscode/extensions/valohai-ls.valohai-ls-0.1.0/server/valohai-ls");
    const both = linuxHost([bundled, "/usr/bin/valohai-ls"]);
    assert.deepEqual(resolveServer(none, both), { ok: true, command: bundled, source: "bundled" });
  });

  it("uses the bundled .exe on Windows", () => {
    const host = windowsHost(["C:\\Users\\ada\\.vscode\\extensions\\valohai-ls.valohai-ls-0.1.0\\server\\valohai-ls.exe"]);
    const found = resolveServer(none, host);
    assert.ok(found.ok);
    assert.equal(found.source, "bundled");
    assert.match(found.command, /server\\valohai-ls\.exe$/);
  });

  it("searches PATH in order", () => {
    const host = linuxHost(["/usr/bin/valohai-ls", "/usr/local/bin/valohai-ls"]);
    assert.deepEqual(resolveServer(none, host), { ok: true, command: "/usr/local/bin/valohai-ls", source: "path" });
  });

  it("searches PATH on Windows with .exe", () => {
    const host = windowsHost(["C:\\Program Files\\Go\\bin\\valohai-ls.exe"]);
    assert.deepEqual(resolveServer(none, host), {
      ok: true,
      command: "C:\\Program Files\\Go\\bin\\valohai-ls.exe",
      source: "path",
    });
  });

  it("falls back to Go's install directory", () => {
    const host = linuxHost(["/home/ada/go/bin/valohai-ls"], { env: { PATH: "/usr/bin" } });
    assert.deepEqual(resolveServer(none, host), { ok: true, command: "/home/ada/go/bin/valohai-ls", source: "go-bin" });
  });

  it("explains how to install the server when it is nowhere", () => {
    const host = linuxHost([], { env: { PATH: "/usr/bin:/usr/bin", GOBIN: "/usr/bin" } });
    const found = resolveServer(none, host);
    assert.equal(found.ok, false);
    if (found.ok) return;
    assert.equal(found.reason, "not-found");
    assert.equal(found.message, notFoundMessage());
    assert.ok(found.message.includes(INSTALL_COMMAND));
    assert.match(found.message, /valohai-ls\.server\.path/);
    assert.match(found.message, /PATH/);
    // Each place once: the bundled binary, then PATH without duplicates.
    assert.deepEqual(found.tried, [bundledServerPath(host), "/usr/bin/valohai-ls"]);
  });
});

describe("messages and file names", () => {
  it("tells what failed when the server does not start", () => {
    const message = startFailedMessage("/opt/valohai-ls", new Error("spawn EACCES"));
    assert.match(message, /\/opt\/valohai-ls/);
    assert.match(message, /spawn EACCES/);
    assert.match(message, /valohai-ls\.server\.path/);
  });

  it("recognises the Valohai file names only", () => {
    assert.equal(isValohaiFile("/repo/valohai.yaml"), true);
    assert.equal(isValohaiFile("C:\\repo\\valohai.yml"), true);
    assert.equal(isValohaiFile("valohai.yaml"), true);
    assert.equal(isValohaiFile("/repo/other.yaml"), false);
    assert.equal(isValohaiFile("/repo/my-valohai.yaml"), false);
    assert.equal(isValohaiFile("/repo/valohai.yaml.bak"), false);
  });

  it("globs both file names", () => {
    assert.equal(FILE_GLOB, "**/{valohai.yaml,valohai.yml}");
  });
});
