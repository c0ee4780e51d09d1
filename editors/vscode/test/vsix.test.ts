// Checks a packaged .vsix: its manifest, that only run-time files went in,
// and that the bundled server is the expected, working binary.
//
// VSIX=path/to/file.vsix [SERVER_BINARY=path/to/valohai-ls] node --test out/test/vsix.test.js

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

import { FILE_NAMES, LANGUAGE_ID } from "../src/settings";
import { type ZipEntry, readZip } from "./zip";

const vsixPath = process.env.VSIX ?? "";
const expectedServer = process.env.SERVER_BINARY ?? "";

describe("packaged extension", { skip: vsixPath === "" ? "set VSIX to a .vsix file to check" : false }, () => {
  const entries = vsixPath === "" ? new Map<string, ZipEntry>() : readZip(readFileSync(vsixPath));
  const names = [...entries.keys()];
  const tmp = mkdtempSync(join(tmpdir(), "valohai-vsix-"));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  function entry(name: string): ZipEntry {
    const e = entries.get(name);
    assert.ok(e, `${name} is in the package; it has: ${names.join(", ")}`);
    return e;
  }

  const manifest = () =>
    JSON.parse(entry("extension/package.json").read().toString("utf8")) as {
      main: string;
      activationEvents: string[];
      contributes: {
        languages: { id: string; filenames: string[]; configuration: string }[];
        grammars: { language: string; path: string }[];
      };
    };

  it("has the VSIX metadata", () => {
    entry("extension.vsixmanifest");
    entry("[Content_Types].xml");
    const xml = entry("extension.vsixmanifest").read().toString("utf8");
    assert.match(xml, /Id="valohai-ls"/);
    assert.match(xml, /Publisher="valohai-ls"/);
  });

  it("activates on the valohai-yaml language and on workspaces with the files", () => {
    const m = manifest();
    assert.ok(m.activationEvents.includes(`onLanguage:${LANGUAGE_ID}`));
    assert.ok(m.activationEvents.some((e) => e.startsWith("workspaceContains:") && e.endsWith("valohai.yaml")));
  });

  it("contributes the language, its configuration and grammar", () => {
    const m = manifest();
    const lang = m.contributes.languages.find((l) => l.id === LANGUAGE_ID);
    assert.ok(lang);
    assert.deepEqual(lang.filenames, [...FILE_NAMES]);
    JSON.parse(entry(join("extension", lang.configuration)).read().toString("utf8"));
    const grammar = m.contributes.grammars.find((g) => g.language === LANGUAGE_ID);
    assert.ok(grammar);
    JSON.parse(entry(join("extension", grammar.path)).read().toString("utf8"));
  });

  it("holds the bundled extension code with the language client inside", () => {
    const main = join("extension", manifest().main);
    const code = entry(main).read().toString("utf8");
    assert.ok(code.length > 10_000, "bundle is not empty");
    assert.match(code, /require\("vscode"\)/, "vscode stays external");
    assert.match(code, /onDidChangeConfiguration/);
    assert.match(code, /textDocument\/publishDiagnostics/, "vscode-languageclient is bundled in");
  });

  it("leaves out sources, tests, dependencies and build files", () => {
    const unwanted = names.filter((n) =>
      /(^|\/)(node_modules|src|test|scripts)\/|\.ts$|\.map$|tsconfig\.json$|eslint\.config|package-lock\.json$|Makefile$/.test(n),
    );
    assert.deepEqual(unwanted, []);
  });

  it("bundles an executable valohai-ls that runs", () => {
    const server = entry("extension/server/valohai-ls");
    assert.ok(server.size > 1_000_000, "a real binary");
    if (server.mode !== undefined) assert.ok((server.mode & 0o111) !== 0, `executable bit kept (mode ${server.mode.toString(8)})`);
    const bytes = server.read();
    if (expectedServer !== "") {
      const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
      assert.equal(sha(bytes), sha(readFileSync(expectedServer)), "the bundled binary is the one given");
    }
    const file = join(tmp, "valohai-ls");
    writeFileSync(file, bytes, { mode: 0o755 });
    const version = execFileSync(file, ["version"], { encoding: "utf8", timeout: 10_000 });
    assert.notEqual(version.trim(), "", "valohai-ls version prints something");
  });
});
