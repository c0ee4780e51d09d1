// VS Code entry point: starts valohai-ls over stdio for valohai.yaml files.

import * as fs from "node:fs";
import * as os from "node:os";
import * as vscode from "vscode";
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

import {
  FILE_GLOB,
  INSTALL_COMMAND,
  KEYS,
  LANGUAGE_ID,
  type Host,
  type Resolution,
  SECTION,
  SHOW_GRAPH_COMMAND,
  SHOW_PIPELINE_GRAPH_COMMAND,
  SHOW_REFERENCES_COMMAND,
  bundledServerPath,
  needsRestart,
  initializationOptions,
  readSettings,
  resolveServer,
  serverArgs,
  startFailedMessage,
} from "./settings";
import { GRAPH_SERVER_COMMAND, GraphPanels } from "./graph";

const CLIENT_NAME = "Valohai YAML";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
// Serialises start/stop so quick settings changes cannot start two servers.
let pending: Promise<void> = Promise.resolve();

export function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel(CLIENT_NAME);
  const graphs = new GraphPanels(() => client);
  context.subscriptions.push(
    output,
    graphs,
    vscode.commands.registerCommand(SHOW_GRAPH_COMMAND, (uri: string, pipeline: string) => {
      const conv = client?.protocol2CodeConverter;
      if (conv && typeof uri === "string" && typeof pipeline === "string") graphs.show(conv.asUri(uri), pipeline);
    }),
    vscode.commands.registerCommand(SHOW_PIPELINE_GRAPH_COMMAND, () => pickPipeline(graphs)),
    vscode.commands.registerCommand(`${SECTION}.restartServer`, () => queue(() => restart(context))),
    vscode.commands.registerCommand(`${SECTION}.showOutput`, () => output?.show(true)),
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, showReferences),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (needsRestart((section) => event.affectsConfiguration(section))) {
        void queue(() => restart(context));
      }
    }),
  );
  return queue(() => start(context));
}

export function deactivate(): Promise<void> {
  return queue(stop);
}

function queue(task: () => Promise<void>): Promise<void> {
  pending = pending.then(task, task);
  return pending;
}

function host(context: vscode.ExtensionContext): Host {
  return {
    platform: process.platform,
    env: process.env,
    homeDir: os.homedir(),
    extensionPath: context.extensionPath,
    workspaceFolders: (vscode.workspace.workspaceFolders ?? [])
      .filter((f) => f.uri.scheme === "file")
      .map((f) => f.uri.fsPath),
    isExecutableFile,
  };
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== "win32") fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// An archive tool may drop the executable bit of the bundled binary; put it back.
function repairBundledPermissions(h: Host): void {
  if (h.platform === "win32") return;
  const file = bundledServerPath(h);
  try {
    const st = fs.statSync(file);
    if (st.isFile() && (st.mode & 0o111) === 0) fs.chmodSync(file, st.mode | 0o755);
  } catch {
    // Not bundled: PATH is searched instead.
  }
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const settings = readSettings((key) => vscode.workspace.getConfiguration(SECTION).get(key));
  const h = host(context);
  repairBundledPermissions(h);
  const found = resolveServer(settings, h);
  if (!found.ok) {
    reportMissing(found);
    return;
  }
  output?.appendLine(`Starting ${found.command} (${found.source}), log level ${settings.logLevel}`);

  const serverOptions: ServerOptions = {
    command: found.command,
    args: serverArgs(settings),
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID },
      // Also serve the files when a user maps them to another language (e.g. yaml).
      { scheme: "file", pattern: FILE_GLOB },
    ],
    outputChannel: output,
    traceOutputChannel: output,
    initializationOptions: initializationOptions(settings),
  };

  const next = new LanguageClient(SECTION, CLIENT_NAME, serverOptions, clientOptions);
  try {
    await next.start();
    client = next;
  } catch (error) {
    const message = startFailedMessage(found.command, error);
    output?.appendLine(message);
    void vscode.window.showErrorMessage(message, "Open Settings", "Show Output").then((choice) => {
      if (choice === "Open Settings") openSetting();
      else if (choice === "Show Output") output?.show(true);
    });
    await next.dispose().catch(() => undefined);
  }
}

async function stop(): Promise<void> {
  const current = client;
  client = undefined;
  if (current) await current.stop().catch(() => undefined);
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stop();
  await start(context);
}

interface LspPosition {
  line: number;
  character: number;
}

interface LspLocation {
  uri: string;
  range: { start: LspPosition; end: LspPosition };
}

// The step code lenses pass the document, the step name's position and the
// nodes' locations; VS Code's own command shows them in the peek view.
async function showReferences(uri: string, position: LspPosition, locations: LspLocation[]): Promise<void> {
  const conv = client?.protocol2CodeConverter;
  if (!conv || !uri || !position || !Array.isArray(locations)) return;
  await vscode.commands.executeCommand(
    "editor.action.showReferences",
    conv.asUri(uri),
    conv.asPosition(position),
    locations.map((l) => conv.asLocation(l)),
  );
}

// The palette's command: the pipelines of the active file, one picked when
// there are several.
async function pickPipeline(graphs: GraphPanels): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const c = client;
  if (!editor || !c) {
    void vscode.window.showInformationMessage("Open a valohai.yaml to show its pipeline graph.");
    return;
  }
  const uri = c.code2ProtocolConverter.asUri(editor.document.uri);
  const answer = await c
    .sendRequest<{ graphs?: { pipeline: string }[] }>("workspace/executeCommand", {
      command: GRAPH_SERVER_COMMAND,
      arguments: [uri, "json"],
    })
    .catch((error: Error) => {
      void vscode.window.showErrorMessage(`No pipeline graph: ${error.message}`);
      return undefined;
    });
  const names = (answer?.graphs ?? []).map((g) => g.pipeline);
  if (answer && names.length === 0) {
    void vscode.window.showInformationMessage("This file has no pipeline.");
    return;
  }
  const name = names.length === 1 ? names[0] : await vscode.window.showQuickPick(names, { placeHolder: "Pipeline" });
  if (name) graphs.show(editor.document.uri, name);
}

function openSetting(): void {
  void vscode.commands.executeCommand("workbench.action.openSettings", `${SECTION}.${KEYS.serverPath}`);
}

function reportMissing(found: Extract<Resolution, { ok: false }>): void {
  output?.appendLine(found.message);
  output?.appendLine(`Looked for the server at:\n  ${found.tried.join("\n  ")}`);
  const actions = found.reason === "not-found" ? ["Copy Install Command", "Open Settings"] : ["Open Settings"];
  void vscode.window.showErrorMessage(found.message, ...actions).then(async (choice) => {
    if (choice === "Open Settings") openSetting();
    else if (choice === "Copy Install Command") {
      await vscode.env.clipboard.writeText(INSTALL_COMMAND);
      void vscode.window.showInformationMessage(`Copied: ${INSTALL_COMMAND}. Run it in a terminal, then reload the window.`);
    }
  });
}
