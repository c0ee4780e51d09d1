// The pipeline graph: a webview beside the editor that draws a pipeline of
// the document (the server's valohai-ls.graph command), follows its edits
// and opens a node's definition when the node is clicked.

import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";

/** The server's command that draws an open document's pipelines. */
export const GRAPH_SERVER_COMMAND = "valohai-ls.graph";

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

interface GraphJSON {
  pipeline: string;
  nodes: { name: string; range: LspRange }[];
}

interface GraphAnswer {
  version: number;
  content?: string;
  graphs?: GraphJSON[];
}

/** One panel per document and pipeline; showing it again reveals it. */
export class GraphPanels implements vscode.Disposable {
  private readonly panels = new Map<string, GraphPanel>();

  constructor(private readonly client: () => LanguageClient | undefined) {}

  show(uri: vscode.Uri, pipeline: string): void {
    const key = `${uri.toString()}#${pipeline}`;
    const open = this.panels.get(key);
    if (open) {
      open.reveal();
      return;
    }
    const panel = new GraphPanel(this.client, uri, pipeline, () => this.panels.delete(key));
    this.panels.set(key, panel);
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
  }
}

class GraphPanel {
  private readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private nodes = new Map<string, LspRange>();

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly uri: vscode.Uri,
    private readonly pipeline: string,
    onDispose: () => void,
  ) {
    this.panel = vscode.window.createWebviewPanel(
      "valohaiPipelineGraph",
      `Pipeline ${pipeline}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, retainContextWhenHidden: true },
    );
    this.panel.webview.html = page("Drawing…");
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.uri.toString()) this.schedule();
      }),
      this.panel.webview.onDidReceiveMessage((m: { node?: string }) => void this.openNode(m.node)),
      this.panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
    );
    void this.refresh();
  }

  reveal(): void {
    this.panel.reveal(vscode.ViewColumn.Beside, true);
    void this.refresh();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.panel.dispose();
  }

  // Edits come in bursts while the user types: draw once they pause.
  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 250);
  }

  private async refresh(): Promise<void> {
    const c = this.client();
    if (!c) {
      this.panel.webview.postMessage({ error: "The language server is not running." });
      return;
    }
    const uri = c.code2ProtocolConverter.asUri(this.uri);
    try {
      const [svg, json] = await Promise.all([
        c.sendRequest<GraphAnswer>("workspace/executeCommand", {
          command: GRAPH_SERVER_COMMAND,
          arguments: [uri, "svg", this.pipeline],
        }),
        c.sendRequest<GraphAnswer>("workspace/executeCommand", {
          command: GRAPH_SERVER_COMMAND,
          arguments: [uri, "json", this.pipeline],
        }),
      ]);
      this.nodes = new Map((json.graphs?.[0]?.nodes ?? []).map((n) => [n.name, n.range]));
      this.panel.webview.postMessage({ svg: svg.content ?? "" });
    } catch (error) {
      this.panel.webview.postMessage({ error: String((error as Error)?.message ?? error) });
    }
  }

  private async openNode(name: string | undefined): Promise<void> {
    const range = name ? this.nodes.get(name) : undefined;
    const c = this.client();
    if (!range || !c) return;
    const editor = await vscode.window.showTextDocument(this.uri, { viewColumn: vscode.ViewColumn.One });
    const r = c.protocol2CodeConverter.asRange(range);
    editor.selection = new vscode.Selection(r.start, r.start);
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

// page is the webview's document: the SVG drawn inline (so that the
// theme's colours apply to its text and lines), replaced on each message;
// a click on a node asks the extension to open it.
function page(initial: string): string {
  const nonce = Math.random().toString(36).slice(2);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>
  body { padding: 8px; font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
  #graph svg { max-width: 100%; height: auto; }
  #graph .title, #graph .flow { fill: var(--vscode-foreground); }
  #graph .edge { stroke: var(--vscode-descriptionForeground); }
  #graph .flow.broken, #graph .edge.broken { fill: var(--vscode-errorForeground); }
  #graph .edge.broken { fill: none; stroke: var(--vscode-errorForeground); }
  #graph .node { cursor: pointer; }
  #graph .node:hover rect, #graph .node:hover polygon { stroke-width: 3; }
  #error { color: var(--vscode-errorForeground); }
</style></head>
<body><div id="error"></div><div id="graph">${initial}</div>
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  const graph = document.getElementById("graph");
  const error = document.getElementById("error");
  window.addEventListener("message", (e) => {
    if (e.data.error !== undefined) { error.textContent = e.data.error; return; }
    error.textContent = "";
    graph.innerHTML = e.data.svg;
  });
  graph.addEventListener("click", (e) => {
    const node = e.target.closest && e.target.closest("[data-node]");
    if (node) vscode.postMessage({ node: node.getAttribute("data-node") });
  });
</script></body></html>`;
}
