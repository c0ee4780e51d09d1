// Checks that package.json, the language configuration and the code agree.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, it } from "node:test";

import { FILE_NAMES, KEYS, LANGUAGE_ID, LOG_LEVELS, SECTION, SERVER_KEYS, SHOW_PIPELINE_GRAPH_COMMAND } from "../src/settings";

// Compiled tests live in out/test/; the extension root is two levels up.
const root = resolve(__dirname, "..", "..");

interface Manifest {
  name: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
  contributes: {
    languages: { id: string; filenames?: string[]; extensions?: string[]; configuration?: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    configuration: { properties: Record<string, { type: string; default: unknown; enum?: string[] }> };
    commands: { command: string }[];
  };
}

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(join(root, ...parts), "utf8")) as T;
}

const manifest = readJson<Manifest>("package.json");

function minVersion(range: string): number[] {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(range);
  assert.ok(m, `no version in ${range}`);
  return m.slice(1).map(Number);
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

describe("package.json", () => {
  it("contributes the valohai-yaml language for both file names", () => {
    const lang = manifest.contributes.languages.find((l) => l.id === LANGUAGE_ID);
    assert.ok(lang, "language valohai-yaml is contributed");
    assert.deepEqual(lang.filenames, [...FILE_NAMES]);
    assert.equal(lang.extensions, undefined, "no extension mapping: other .yaml files stay plain YAML");
    assert.ok(lang.configuration && existsSync(join(root, lang.configuration)));
  });

  it("activates for the language and for workspaces that contain the files", () => {
    assert.ok(manifest.activationEvents.includes(`onLanguage:${LANGUAGE_ID}`));
    for (const name of FILE_NAMES) {
      assert.ok(manifest.activationEvents.includes(`workspaceContains:**/${name}`), name);
    }
  });

  it("has a grammar file for the language", () => {
    const grammar = manifest.contributes.grammars.find((g) => g.language === LANGUAGE_ID);
    assert.ok(grammar);
    const data = readJson<{ scopeName: string }>(grammar.path);
    assert.equal(data.scopeName, grammar.scopeName);
  });

  it("declares exactly the settings the extension reads", () => {
    const props = manifest.contributes.configuration.properties;
    assert.deepEqual(
      Object.keys(props).sort(),
      [...Object.values(KEYS), ...Object.values(SERVER_KEYS)]
        .map((k) => `${SECTION}.${k}`)
        .sort(),
    );
    assert.equal(props[`${SECTION}.${SERVER_KEYS.codeLens}`].type, "boolean");
    assert.equal(props[`${SECTION}.${SERVER_KEYS.diagnostics}`].type, "object");
    assert.equal(props[`${SECTION}.${KEYS.serverPath}`].default, "");
    assert.deepEqual(props[`${SECTION}.${KEYS.logLevel}`].enum, [...LOG_LEVELS]);
    assert.equal(props[`${SECTION}.${KEYS.logLevel}`].default, "info");
    assert.deepEqual(props[`${SECTION}.${KEYS.trace}`].enum, ["off", "messages", "verbose"]);
  });

  it("contributes the commands the extension registers", () => {
    const commands = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(commands, [`${SECTION}.restartServer`, `${SECTION}.showOutput`, SHOW_PIPELINE_GRAPH_COMMAND]);
    const source = readFileSync(join(root, "src", "extension.ts"), "utf8");
    for (const c of ["restartServer", "showOutput"]) assert.ok(source.includes(`\${SECTION}.${c}`), c);
    // The code lenses' command is registered, not listed in the palette.
    assert.ok(source.includes("registerCommand(SHOW_REFERENCES_COMMAND"));
    assert.ok(source.includes("registerCommand(SHOW_GRAPH_COMMAND"));
    assert.ok(source.includes("registerCommand(SHOW_PIPELINE_GRAPH_COMMAND"));
  });

  it("uses the client id that matches the trace setting", () => {
    // vscode-languageclient reads `<id>.trace.server`; the id is SECTION.
    assert.match(readFileSync(join(root, "src", "extension.ts"), "utf8"), /new LanguageClient\(SECTION,/);
  });

  it("pins versions that work together", () => {
    assert.match(manifest.dependencies["vscode-languageclient"], /^\^9\./);
    assert.match(manifest.devDependencies["@vscode/vsce"], /^[~^]?3\./, "vsce 4 needs Node 22");
    // vsce refuses @types/vscode newer than engines.vscode.
    assert.ok(compare(minVersion(manifest.devDependencies["@types/vscode"]), minVersion(manifest.engines.vscode)) <= 0);
    // vscode-languageclient 9 needs VS Code 1.82.
    assert.ok(compare(minVersion(manifest.engines.vscode), [1, 82, 0]) >= 0);
    assert.equal(manifest.main, "./out/extension.js");
    assert.match(manifest.scripts.package, /build:server/);
  });

  it("is locked", () => {
    const lock = readJson<{ packages: Record<string, { version?: string }> }>("package-lock.json");
    assert.match(lock.packages["node_modules/vscode-languageclient"]?.version ?? "", /^9\./);
    assert.match(lock.packages["node_modules/@vscode/vsce"]?.version ?? "", /^3\./);
  });
});

describe("language-configuration.json", () => {
  const config = readJson<{
    comments: { lineComment: string };
    brackets: string[][];
    folding: { offSide: boolean };
    indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
    wordPattern: string;
  }>("language-configuration.json");

  it("uses # comments, brackets and indentation folding", () => {
    assert.equal(config.comments.lineComment, "#");
    assert.deepEqual(config.brackets, [
      ["{", "}"],
      ["[", "]"],
    ]);
    assert.equal(config.folding.offSide, true);
  });

  it("indents after a key that opens a block", () => {
    const inc = new RegExp(config.indentationRules.increaseIndentPattern);
    for (const line of ["- step:", "  parameters:", "    - name: x", "  command: |", "  command: >-  # folded", "  -", "  inputs:  # what goes in"]) {
      if (line === "    - name: x") assert.ok(!inc.test(line), line);
      else assert.ok(inc.test(line), line);
    }
    for (const line of ["  image: python:3.12", "  # note:", "  port: 8000"]) assert.ok(!inc.test(line), line);
  });

  it("treats dashed key names as one word", () => {
    const word = new RegExp(`^(?:${config.wordPattern})$`);
    for (const w of ["server-command", "environment-variables", "wsgi"]) assert.ok(word.test(w), w);
    assert.ok(!word.test("image:"));
  });
});
