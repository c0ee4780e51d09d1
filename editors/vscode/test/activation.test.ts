// Runs the bundled extension (out/extension.js, as shipped in the .vsix)
// against a stand-in for the `vscode` module, to check activation without
// VS Code: the errors shown when no server is found, and a real language
// client handshake with the server given in SERVER_BINARY.
//
// SERVER_BINARY=/abs/valohai-ls node --test out/test/activation.test.js
// (needs out/extension.js: npm run bundle)

import assert from "node:assert/strict";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import Module from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, describe, it } from "node:test";

const root = resolve(__dirname, "..", "..");
const bundle = join(root, "out", "extension.js");
const serverBinary = process.env.SERVER_BINARY ?? "";

interface Recorder {
  settings: Record<string, unknown>;
  workspaceFolders: { uri: { scheme: string; fsPath: string } }[];
  output: string[];
  errors: { message: string; actions: string[] }[];
  commands: string[];
}

const recorder: Recorder = { settings: {}, workspaceFolders: [], output: [], errors: [], commands: [] };

function reset(settings: Record<string, unknown>): void {
  recorder.settings = settings;
  recorder.output = [];
  recorder.errors = [];
  recorder.commands = [];
}

type Loose = Record<string | symbol, unknown>;

// Any API the extension or the language client touches but this file does not
// model: a callable, constructible object whose members are more of the same.
function anything(): Loose {
  const target = function () {
    /* no-op */
  } as unknown as Loose;
  return new Proxy(target, {
    get(t, p) {
      if (p === "then") return undefined;
      if (p === Symbol.iterator) return function* () {
        /* empty */
      };
      if (p === "prototype" || p === "length" || p === "name") return t[p];
      if (!(p in t)) t[p] = anything();
      return t[p];
    },
    apply: () => anything(),
    construct: () => anything(),
  });
}

function withFallback(known: Loose): Loose {
  const rest = anything();
  return new Proxy(known, { get: (t, p) => (p in t ? t[p] : rest[p]) });
}

const disposable = { dispose: () => undefined };
const event = () => disposable;

const fakeVscode = withFallback({
  version: "1.82.0",
  window: withFallback({
    createOutputChannel: (name: string) => ({
      name,
      append: (text: string) => recorder.output.push(...text.split("\n").filter((l) => l !== "")),
      appendLine: (line: string) => recorder.output.push(line),
      show: () => undefined,
      hide: () => undefined,
      clear: () => undefined,
      replace: () => undefined,
      dispose: () => undefined,
    }),
    showErrorMessage: (message: string, ...actions: string[]) => {
      recorder.errors.push({ message, actions });
      return Promise.resolve(undefined);
    },
    showInformationMessage: () => Promise.resolve(undefined),
    showWarningMessage: () => Promise.resolve(undefined),
    visibleTextEditors: [],
    onDidChangeVisibleTextEditors: event,
    onDidChangeActiveTextEditor: event,
  }),
  workspace: withFallback({
    get workspaceFolders() {
      return recorder.workspaceFolders;
    },
    textDocuments: [],
    notebookDocuments: [],
    getConfiguration: (section?: string) => ({
      get: (key: string, fallback?: unknown) => (section === "valohai-ls" ? recorder.settings[key] ?? fallback : fallback),
      has: () => false,
      inspect: () => undefined,
      update: () => Promise.resolve(),
    }),
    onDidChangeConfiguration: event,
    onDidOpenTextDocument: event,
    onDidCloseTextDocument: event,
    onDidChangeTextDocument: event,
    onDidSaveTextDocument: event,
    onWillSaveTextDocument: event,
    onDidChangeWorkspaceFolders: event,
    onDidOpenNotebookDocument: event,
    onDidCloseNotebookDocument: event,
    onDidChangeNotebookDocument: event,
    onDidSaveNotebookDocument: event,
  }),
  commands: {
    registerCommand: (name: string) => {
      recorder.commands.push(name);
      return disposable;
    },
    executeCommand: () => Promise.resolve(),
  },
  env: { appName: "stand-in", language: "en", clipboard: { writeText: () => Promise.resolve() } },
});

interface Extension {
  activate(context: { subscriptions: unknown[]; extensionPath: string }): Promise<void>;
  deactivate(): Promise<void>;
}

function loadExtension(): Extension {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === "vscode" ? fakeVscode : original.call(this, request, ...rest);
  };
  try {
    return Module.createRequire(__filename)(bundle) as Extension;
  } finally {
    loader._load = original;
  }
}

describe("bundled extension activation", { skip: existsSync(bundle) ? false : "run npm run bundle first" }, () => {
  const ext = existsSync(bundle) ? loadExtension() : undefined;
  const tmp = mkdtempSync(join(tmpdir(), "valohai-activate-"));
  const emptyExtension = join(tmp, "empty-extension");
  mkdirSync(emptyExtension);
  after(() => rmSync(tmp, { recursive: true, force: true }));

  async function activate(extensionPath: string, settings: Record<string, unknown>, env: Record<string, string> = {}) {
    assert.ok(ext);
    reset(settings);
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
      await ext.activate({ subscriptions: [], extensionPath });
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) Reflect.deleteProperty(process.env, k);
        else process.env[k] = v;
      }
    }
  }

  it("says how to install the server when none is found", async () => {
    assert.ok(ext);
    await activate(emptyExtension, {}, { PATH: tmp, GOBIN: tmp });
    assert.equal(recorder.errors.length, 1);
    const shown = recorder.errors[0];
    assert.match(shown.message, /go install github\.com\/valohai-ls\/valohai-ls\/cmd\/valohai-ls@latest/);
    assert.match(shown.message, /valohai-ls\.server\.path/);
    assert.deepEqual(shown.actions, ["Copy Install Command", "Open Settings"]);
    assert.ok(recorder.output.some((l) => l.includes(join(emptyExtension, "server", "valohai-ls"))), "output lists where it looked");
    assert.deepEqual(recorder.commands.sort(), [
      "valohai-ls.restartServer",
      "valohai-ls.showGraph",
      "valohai-ls.showOutput",
      "valohai-ls.showPipelineGraph",
      "valohai-ls.showReferences",
    ]);
    await ext.deactivate();
  });

  it("names a configured path that does not exist", async () => {
    assert.ok(ext);
    await activate(emptyExtension, { "server.path": join(tmp, "nope", "valohai-ls") });
    assert.equal(recorder.errors.length, 1);
    assert.match(recorder.errors[0].message, /nope/);
    assert.deepEqual(recorder.errors[0].actions, ["Open Settings"]);
    await ext.deactivate();
  });

  it("starts the configured server and completes the LSP handshake", { skip: serverBinary === "" ? "set SERVER_BINARY" : false }, async () => {
    assert.ok(ext);
    await activate(emptyExtension, { "server.path": serverBinary, "server.logLevel": "debug" });
    // activate() waits for the client's start, which settles after the initialize
    // handshake; a failure would have shown an error message.
    assert.deepEqual(recorder.errors, []);
    assert.ok(recorder.output.includes(`Starting ${serverBinary} (setting), log level debug`), recorder.output.join("\n"));
    await ext.deactivate();
  });

  it("starts the bundled server, restoring its executable bit", { skip: serverBinary === "" ? "set SERVER_BINARY" : false }, async () => {
    assert.ok(ext);
    const extension = join(tmp, "bundled-extension");
    const bundled = join(extension, "server", "valohai-ls");
    mkdirSync(join(extension, "server"), { recursive: true });
    copyFileSync(serverBinary, bundled);
    chmodSync(bundled, 0o644);
    await activate(extension, {}, { PATH: tmp, GOBIN: tmp });
    assert.deepEqual(recorder.errors, []);
    assert.ok(recorder.output.includes(`Starting ${bundled} (bundled), log level info`), recorder.output.join("\n"));
    assert.ok((statSync(bundled).mode & 0o111) !== 0, "executable bit restored");
    await ext.deactivate();
  });
});
