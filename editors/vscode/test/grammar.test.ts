// Tokenises valohai.yaml snippets with the TextMate engine VS Code uses
// (vscode-textmate on the Oniguruma regex library) and checks the scopes.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { before, describe, it } from "node:test";

import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";

const root = resolve(__dirname, "..", "..");
const grammarPath = join(root, "syntaxes", "valohai-yaml.tmLanguage.json");

let grammar: textmate.IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== "source.valohai-yaml") return null;
      return textmate.parseRawGrammar(readFileSync(grammarPath, "utf8"), grammarPath);
    },
  });
  const loaded = await registry.loadGrammar("source.valohai-yaml");
  assert.ok(loaded, "grammar loads");
  grammar = loaded;
});

interface Token {
  text: string;
  scopes: string[];
}

function tokenize(source: string): Token[][] {
  let state = textmate.INITIAL;
  return source.split("\n").map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** Scopes of the token that holds `needle` on line `lineNo` (0-based). */
function scopesOf(lines: Token[][], lineNo: number, needle: string): string {
  const line = lines[lineNo];
  const text = line.map((t) => t.text).join("");
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not on line ${lineNo}: ${text}`);
  let offset = 0;
  for (const t of line) {
    if (at < offset + t.text.length) return t.scopes.join(" ");
    offset += t.text.length;
  }
  throw new Error("unreachable");
}

const sample = `# Training and serving
- step:
    name: train
    image: python:3.12
    command:
      - pip install -r requirements.txt
      - python train.py {parameters} --data {input:dataset}
    parameters:
      - name: epochs
        type: integer
        default: 10
        optional: false
        description: "How many passes over the data"
    environment-variables:
      - name: MODE
        default: 'fast'  # quoted
- endpoint:
    name: predict
    image: python:3.12
    server-command: |
      python -m server \\
        --port 8000
    description: >-
      Serves the model
      over HTTP
    port: 8000
    files: [ {name: model, path: model.pkl} ]
- pipeline:
    name: &pipe train-and-deploy
    nodes: *nodes
    edges:
      - [train.output.model*, deploy.file.predict.model]
- task:
    step: train
    parameters:
      - name: lr
        style: logspace
    command:
      - |
        echo {parameter:lr}
        echo done
      - echo after
---`;

describe("valohai-yaml grammar", () => {
  let lines: Token[][];
  before(() => {
    lines = tokenize(sample);
  });

  it("scopes comments", () => {
    assert.match(scopesOf(lines, 0, "# Training"), /comment\.line\.number-sign/);
    assert.match(scopesOf(lines, 15, "# quoted"), /comment\.line\.number-sign/);
  });

  it("marks the top-level item kinds", () => {
    for (const [line, kind] of [[1, "step"], [16, "endpoint"], [27, "pipeline"], [32, "task"]] as const) {
      assert.match(scopesOf(lines, line, kind), /storage\.type\.valohai/, kind);
      assert.match(scopesOf(lines, line, "-"), /punctuation\.definition\.block\.sequence\.item/);
    }
  });

  it("scopes keys, including dashed names and keys after a dash", () => {
    assert.match(scopesOf(lines, 2, "name"), /entity\.name\.tag/);
    assert.match(scopesOf(lines, 2, ":"), /punctuation\.separator\.key-value/);
    assert.match(scopesOf(lines, 13, "environment-variables"), /entity\.name\.tag/);
    assert.match(scopesOf(lines, 8, "name"), /entity\.name\.tag/);
    assert.match(scopesOf(lines, 8, "epochs"), /string\.unquoted\.plain/);
  });

  it("keeps colons inside plain values", () => {
    assert.match(scopesOf(lines, 3, "python:3.12"), /string\.unquoted\.plain/);
    assert.doesNotMatch(scopesOf(lines, 3, "python:3.12"), /entity\.name\.tag/);
  });

  it("scopes numbers, booleans and quoted strings", () => {
    assert.match(scopesOf(lines, 10, "10"), /constant\.numeric/);
    assert.match(scopesOf(lines, 11, "false"), /constant\.language/);
    assert.match(scopesOf(lines, 12, "How many"), /string\.quoted\.double/);
    assert.match(scopesOf(lines, 15, "fast"), /string\.quoted\.single/);
  });

  it("highlights command placeholders", () => {
    assert.match(scopesOf(lines, 6, "parameters}"), /keyword\.other\.placeholder\.valohai/);
    assert.match(scopesOf(lines, 6, "dataset"), /variable\.parameter\.placeholder\.valohai/);
    assert.match(scopesOf(lines, 6, "python train.py"), /string\.unquoted\.plain/);
    assert.match(scopesOf(lines, 39, "lr}"), /variable\.parameter\.placeholder\.valohai/);
  });

  it("keeps block scalars as text until the indentation drops", () => {
    assert.match(scopesOf(lines, 19, "|"), /keyword\.control\.flow\.block-scalar/);
    assert.match(scopesOf(lines, 20, "python -m server"), /string\.unquoted\.block/);
    assert.match(scopesOf(lines, 21, "--port"), /string\.unquoted\.block/);
    assert.match(scopesOf(lines, 22, "description"), /entity\.name\.tag/);
    assert.match(scopesOf(lines, 23, "Serves"), /string\.unquoted\.block/);
    assert.match(scopesOf(lines, 24, "over HTTP"), /string\.unquoted\.block/);
    assert.match(scopesOf(lines, 25, "port"), /entity\.name\.tag/);
    assert.doesNotMatch(scopesOf(lines, 25, "port"), /string\.unquoted\.block/);
  });

  it("ends a block scalar sequence item at the next item", () => {
    assert.match(scopesOf(lines, 38, "|"), /keyword\.control\.flow\.block-scalar/);
    assert.match(scopesOf(lines, 40, "echo done"), /string\.unquoted\.block/);
    assert.doesNotMatch(scopesOf(lines, 41, "-"), /string\.unquoted\.block/);
    assert.match(scopesOf(lines, 41, "echo after"), /string\.unquoted\.plain/);
  });

  it("scopes flow collections, anchors and aliases", () => {
    assert.match(scopesOf(lines, 26, "["), /punctuation\.definition\.sequence\.begin/);
    assert.match(scopesOf(lines, 26, "{"), /punctuation\.definition\.mapping\.begin/);
    assert.match(scopesOf(lines, 26, "path"), /entity\.name\.tag/);
    assert.match(scopesOf(lines, 26, "model.pkl"), /string\.unquoted\.plain/);
    assert.match(scopesOf(lines, 28, "pipe"), /variable\.other\.anchor/);
    assert.match(scopesOf(lines, 28, "train-and-deploy"), /string\.unquoted\.plain/);
    assert.match(scopesOf(lines, 29, "nodes"), /entity\.name\.tag/);
    assert.match(scopesOf(lines, 29, "*nodes"), /variable\.other\.alias/);
    assert.match(scopesOf(lines, 31, "deploy.file"), /meta\.flow-sequence/);
  });

  it("recovers after a block scalar key inside a sequence item", () => {
    const item = tokenize(["- step:", "    command:", "      - run: |", "          echo hi", "        image: x", "- endpoint:"].join("\n"));
    assert.match(scopesOf(item, 3, "echo hi"), /string\.unquoted\.block/);
    assert.match(scopesOf(item, 4, "image"), /entity\.name\.tag/);
    assert.match(scopesOf(item, 5, "endpoint"), /storage\.type\.valohai/);
  });

  it("scopes document markers", () => {
    assert.match(scopesOf(lines, lines.length - 1, "---"), /entity\.other\.document/);
  });
});
