// Settings and server-binary lookup for the Valohai YAML extension.
//
// Nothing in this module touches the `vscode` API or the file system directly:
// the extension hands in a Host describing the machine, which keeps every rule
// here testable with plain `node --test`.

import * as path from "node:path";

/** Configuration section that owns every setting of the extension. */
export const SECTION = "valohai-ls";

/** Language id contributed for valohai.yaml files. */
export const LANGUAGE_ID = "valohai-yaml";

/** File names the extension (and the server) treats as Valohai configuration. */
export const FILE_NAMES: readonly string[] = ["valohai.yaml", "valohai.yml"];

/** Base name of the server executable. */
export const SERVER_NAME = "valohai-ls";

/** How a user installs the server from source. */
export const INSTALL_COMMAND = "go install github.com/valohai-ls/valohai-ls/cmd/valohai-ls@latest";

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const DEFAULT_LOG_LEVEL: LogLevel = "info";

/** Setting keys relative to SECTION. */
export const KEYS = {
  serverPath: "server.path",
  logLevel: "server.logLevel",
  trace: "trace.server",
} as const;

/**
 * Settings the server itself reads (it asks for the whole section with
 * workspace/configuration); the extension only declares them.
 */
export const SERVER_KEYS = {
  diagnostics: "diagnostics",
  completion: "completion",
  hover: "hover",
  definition: "definition",
  references: "references",
  documentHighlights: "documentHighlights",
  documentSymbols: "documentSymbols",
  rename: "rename",
  codeActions: "codeActions",
  codeLens: "codeLens",
  documentLinks: "documentLinks",
  selectionRanges: "selectionRanges",
  formatting: "formatting",
  formatIndent: "format.indent",
  formatSequences: "format.sequences",
  semanticTokens: "semanticTokens",
  scriptChecks: "scriptChecks",
} as const;

/** The command of the server's code lenses: show the locations it passes. */
export const SHOW_REFERENCES_COMMAND = "valohai-ls.showReferences";

/** The command of the server's pipeline code lenses: show the pipeline's graph. */
export const SHOW_GRAPH_COMMAND = "valohai-ls.showGraph";

/** The palette's command: show a graph of a pipeline of the active file. */
export const SHOW_PIPELINE_GRAPH_COMMAND = "valohai-ls.showPipelineGraph";

/** Settings changes that only take effect when the server is started again. */
export const RESTART_KEYS: readonly string[] = [KEYS.serverPath, KEYS.logLevel];

export interface Settings {
  /** The user's `valohai-ls.server.path`, trimmed; empty when unset. */
  serverPath: string;
  logLevel: LogLevel;
  /** `valohai-ls.diagnostics.pull`: VS Code pulls diagnostics (true) or the server pushes them. */
  pullDiagnostics: boolean;
}

/**
 * Read the extension's settings through `get`, which returns the raw value of
 * a key relative to SECTION (as `WorkspaceConfiguration.get` does). Values of
 * the wrong type or out of range fall back to their defaults.
 */
export function readSettings(get: (key: string) => unknown): Settings {
  const rawPath = get(KEYS.serverPath);
  const rawLevel = get(KEYS.logLevel);
  const level = typeof rawLevel === "string" ? rawLevel.trim().toLowerCase() : "";
  const diagnostics = get(SERVER_KEYS.diagnostics);
  const pull = typeof diagnostics === "object" && diagnostics !== null ? (diagnostics as { pull?: unknown }).pull : undefined;
  return {
    serverPath: typeof rawPath === "string" ? rawPath.trim() : "",
    logLevel: isLogLevel(level) ? level : level === "warning" ? "warn" : DEFAULT_LOG_LEVEL,
    pullDiagnostics: pull !== false,
  };
}

/**
 * What the server is told at start that it cannot learn later: whether
 * diagnostics are pulled (capabilities are fixed once initialized).
 */
export function initializationOptions(settings: Settings): { diagnostics: { pull: boolean } } {
  return { diagnostics: { pull: settings.pullDiagnostics } };
}

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/**
 * Arguments for the server. The language client appends `--stdio` itself,
 * which `valohai-ls serve` accepts.
 */
export function serverArgs(settings: Settings): string[] {
  return ["serve", "--log-level", settings.logLevel];
}

/** Whether a configuration change needs the server restarted. */
export function needsRestart(affects: (section: string) => boolean): boolean {
  return RESTART_KEYS.some((key) => affects(`${SECTION}.${key}`));
}

/** What the extension knows about the machine it runs on. */
export interface Host {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  homeDir: string;
  /** Root of the installed extension (where `server/` lives). */
  extensionPath: string;
  /** File-system paths of the open workspace folders, first one first. */
  workspaceFolders: readonly string[];
  /** True when `file` exists, is a regular file and may be executed. */
  isExecutableFile(file: string): boolean;
}

export type ServerSource = "setting" | "bundled" | "path" | "go-bin";

export type Resolution =
  | { ok: true; command: string; source: ServerSource }
  | { ok: false; reason: "setting-not-found" | "not-found"; message: string; tried: string[] };

/** File name of the server executable on `platform`. */
export function executableName(platform: NodeJS.Platform): string {
  return platform === "win32" ? `${SERVER_NAME}.exe` : SERVER_NAME;
}

function pathApi(platform: NodeJS.Platform): path.PlatformPath {
  return platform === "win32" ? path.win32 : path.posix;
}

/**
 * Expand `~`, `${userHome}`, `${workspaceFolder}` and `${env:NAME}` in a
 * user-given path, then make it absolute: a relative path is taken from the
 * first workspace folder (or the home directory when no folder is open).
 */
export function expandPath(input: string, host: Host): string {
  const p = pathApi(host.platform);
  const folder = host.workspaceFolders[0];
  let out = input.replace(/\$\{(userHome|workspaceFolder|env:([A-Za-z_][A-Za-z0-9_]*))\}/g, (whole, name: string, envName?: string) => {
    if (name === "userHome") return host.homeDir;
    if (name === "workspaceFolder") return folder ?? whole;
    return host.env[envName ?? ""] ?? "";
  });
  if (out === "~") out = host.homeDir;
  else if (out.startsWith("~/") || (host.platform === "win32" && out.startsWith("~\\"))) {
    out = p.join(host.homeDir, out.slice(2));
  }
  if (!p.isAbsolute(out)) out = p.join(folder ?? host.homeDir, out);
  return p.normalize(out);
}

/** Directories listed in PATH, in order, without empty entries. */
export function pathDirs(host: Host): string[] {
  const value = host.env.PATH ?? host.env.Path ?? "";
  const sep = host.platform === "win32" ? ";" : ":";
  return value
    .split(sep)
    .map((d) => d.trim().replace(/^"(.*)"$/, "$1"))
    .filter((d) => d !== "");
}

/**
 * Where `go install` puts binaries: $GOBIN, else bin/ under each $GOPATH
 * entry, else ~/go/bin. Editors started from a desktop launcher often lack
 * these on PATH, so they are searched after PATH.
 */
export function goBinDirs(host: Host): string[] {
  const p = pathApi(host.platform);
  const gobin = host.env.GOBIN?.trim();
  if (gobin) return [gobin];
  const sep = host.platform === "win32" ? ";" : ":";
  const gopath = (host.env.GOPATH ?? "").split(sep).filter((d) => d.trim() !== "");
  if (gopath.length > 0) return gopath.map((d) => p.join(d.trim(), "bin"));
  return [p.join(host.homeDir, "go", "bin")];
}

/** Path of the server binary shipped inside the extension. */
export function bundledServerPath(host: Host): string {
  return pathApi(host.platform).join(host.extensionPath, "server", executableName(host.platform));
}

/**
 * Decide which server executable to start:
 * 1. `valohai-ls.server.path` when set (and nothing else: a wrong setting is an
 *    error, not a reason to quietly start some other binary);
 * 2. the binary bundled in the extension's `server/` directory;
 * 3. `valohai-ls` on PATH;
 * 4. `valohai-ls` in Go's install directory.
 */
export function resolveServer(settings: Settings, host: Host): Resolution {
  const p = pathApi(host.platform);
  if (settings.serverPath !== "") {
    const file = expandPath(settings.serverPath, host);
    const candidates = [file];
    if (host.platform === "win32" && !file.toLowerCase().endsWith(".exe")) candidates.push(`${file}.exe`);
    for (const c of candidates) {
      if (host.isExecutableFile(c)) return { ok: true, command: c, source: "setting" };
    }
    return {
      ok: false,
      reason: "setting-not-found",
      tried: candidates,
      message:
        `The setting ${SECTION}.${KEYS.serverPath} is "${settings.serverPath}", but no executable file is at ${file}. ` +
        `Correct the path, or clear the setting to use the bundled server or ${SERVER_NAME} from PATH.`,
    };
  }

  const tried: string[] = [];
  const name = executableName(host.platform);
  const bundled = bundledServerPath(host);
  tried.push(bundled);
  if (host.isExecutableFile(bundled)) return { ok: true, command: bundled, source: "bundled" };

  const searches: [ServerSource, string[]][] = [
    ["path", pathDirs(host)],
    ["go-bin", goBinDirs(host)],
  ];
  for (const [source, dirs] of searches) {
    for (const dir of dirs) {
      const file = p.join(dir, name);
      if (tried.includes(file)) continue;
      tried.push(file);
      if (host.isExecutableFile(file)) return { ok: true, command: file, source };
    }
  }
  return { ok: false, reason: "not-found", tried, message: notFoundMessage() };
}

/** The error shown when no server binary can be found anywhere. */
export function notFoundMessage(): string {
  return (
    `The Valohai YAML language server (${SERVER_NAME}) was not found. ` +
    `Install it with \`${INSTALL_COMMAND}\` and make sure it is on PATH, ` +
    `or set ${SECTION}.${KEYS.serverPath} to the binary's location.`
  );
}

/** The error shown when the server was found but could not be started. */
export function startFailedMessage(command: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return (
    `The Valohai YAML language server at ${command} could not be started: ${detail}. ` +
    `Check that it is a valohai-ls binary built for this machine, or set ${SECTION}.${KEYS.serverPath}.`
  );
}

/** True when `fileName` (a path or a base name) names a Valohai configuration file. */
export function isValohaiFile(fileName: string): boolean {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  return FILE_NAMES.includes(base);
}

/** Glob matching the Valohai configuration files anywhere in a workspace. */
export const FILE_GLOB = `**/{${FILE_NAMES.join(",")}}`;
