import * as vscode from "vscode";
import type { Settings } from "../core/config";
import { environmentHolding, environmentWatchTargets, locateEditorEnvironment, type EnvironmentReader, type InstallActions, type PythonEnvironment } from "../core/environment/python-environment";
import type { ModuleFiles } from "../core/interp/module-resolver";
import { dirname } from "../core/interp/paths";

/** How the desktop host reads an environment (files on disk, never run); the web host has none. */
export interface EnvironmentHost {
  reader: EnvironmentReader;
  files: ModuleFiles;
  /** The extension host's environment variables (VIRTUAL_ENV, CONDA_PREFIX). */
  variables: Record<string, string | undefined>;
  /** torch.hub's cache folders. */
  torchHubDirs: string[];
  /** Hugging Face hub cache folders, first first (HF_HUB_CACHE, HF_HOME/hub, ~/.cache/huggingface/hub). */
  huggingFaceCaches: string[];
}

/** What the editor tells a user whose package is not installed. */
export const EDITOR_INSTALL_ACTIONS: InstallActions = {
  installed: "install it there, or select the interpreter that has it (Python: Select Interpreter)",
  noEnvironment: "select an interpreter (Python: Select Interpreter) or set greenlight.pythonEnvironment",
};

/** The part of the Python extension's public API (ms-python.python, `environments`) read here. */
interface PythonExtensionApi {
  environments?: {
    getActiveEnvironmentPath(resource?: vscode.Uri): { path: string } | undefined;
    onDidChangeActiveEnvironmentPath?: vscode.Event<unknown>;
  };
}

/** Quiet time after the last change in an environment's packages before files are analyzed again: pip writes many. */
/** How often a folder with no environment is looked at again (see PythonEnvironments.lookAgainLater). */
const MISSING_ENVIRONMENT_POLL_MS = 3_000;
/** When a new environment watch looks at its package folders again, in case files came before its events did. */
const WATCH_START_CHECKS_MS = [1_000, 4_000, 15_000];
const PACKAGES_SETTLE_MS = 1000;

/**
 * The environment each document's code runs in, found without running Python (locateEditorEnvironment's order: the
 * environment whose folder holds the file, the Python extension's interpreter, greenlight.pythonEnvironment, the
 * folder's .venv/venv/.conda/env, VIRTUAL_ENV/CONDA_PREFIX). Found once per folder (per environment folder for files
 * inside one) and kept until one of those changes; each environment found is watched, so installing or removing a
 * package there analyzes the open files again.
 */
export class PythonEnvironments implements vscode.Disposable {
  private readonly found = new Map<string, PythonEnvironment | undefined>();
  /** The environment whose folder holds a document's folder (null: none), by folder. */
  private readonly enclosing = new Map<string, PythonEnvironment | null>();
  private readonly watched = new Map<string, vscode.Disposable[]>();
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Folders with no environment found, looked at again until one appears (see lookAgainLater). */
  private readonly missing = new Map<string, { what: string; locate: () => PythonEnvironment | undefined }>();
  private missingTimer: ReturnType<typeof setInterval> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the environment of some folder may have changed (open documents should be analyzed again). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private python: PythonExtensionApi | undefined;

  constructor(
    private readonly host: EnvironmentHost | undefined,
    /** The settings of a workspace folder (greenlight.pythonEnvironment may differ per folder: machine-overridable). */
    private readonly settings: (folder?: vscode.Uri) => Settings,
    private readonly log: vscode.LogOutputChannel,
  ) {
    if (!host) return;
    // An environment created or removed in the workspace (python -m venv .venv, conda create -p ./env).
    const watcher = vscode.workspace.createFileSystemWatcher("**/{pyvenv.cfg,conda-meta}", false, true, false);
    this.disposables.push(watcher, watcher.onDidCreate(() => this.refresh("an environment was created")), watcher.onDidDelete(() => this.refresh("an environment was removed")));
    void this.connectPythonExtension();
  }

  /** The files analyses read the environment's packages with. */
  get files(): ModuleFiles | undefined {
    return this.host?.files;
  }

  get torchHubDirs(): string[] | undefined {
    return this.host?.torchHubDirs;
  }

  /** Where `from_pretrained("org/name")` reads config.json from. */
  get huggingFaceCaches(): string[] | undefined {
    return this.host?.huggingFaceCaches;
  }

  /** The environment for a document, or undefined when none is found (or the host cannot read one). */
  for(uri: vscode.Uri): PythonEnvironment | undefined {
    if (!this.host || uri.scheme !== "file") return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const root = folder?.uri.fsPath ?? dirname(uri.fsPath);
    const fileDir = dirname(uri.fsPath);
    let inside = this.enclosing.get(fileDir);
    if (inside === undefined) {
      inside = environmentHolding(this.host.reader, fileDir, root) ?? null;
      this.enclosing.set(fileDir, inside);
      if (inside) this.noted(inside, `files in ${inside.label}`);
    }
    if (inside) return this.watch(inside);
    const key = folder?.uri.toString() ?? "";
    if (!this.found.has(key)) {
      const host = this.host;
      const locate = (warn: (path: string) => void) =>
        locateEditorEnvironment(host.reader, {
          root,
          selected: this.python?.environments?.getActiveEnvironmentPath(folder?.uri ?? uri)?.path,
          setting: this.settings(folder?.uri).pythonEnvironment,
          variables: host.variables,
        }, warn);
      const environment = locate((path) => this.log.warn(`greenlight.pythonEnvironment: no Python environment at ${path} (neither pyvenv.cfg nor conda-meta/)`));
      this.found.set(key, environment);
      if (environment) this.noted(environment, folder?.name ?? "loose files");
      else {
        this.log.info(`no Python environment found for ${folder?.name ?? "loose files"}: installed packages will not resolve`);
        this.lookAgainLater(key, folder?.name ?? "loose files", () => locate(() => undefined));
      }
    }
    const environment = this.found.get(key);
    return environment && this.watch(environment);
  }

  /**
   * Where no environment was found, looks again every few seconds (a few file checks) until one is: the watcher's
   * event for a new environment's pyvenv.cfg can be lost (a folder made and filled at once, a busy machine), and the
   * folder's files would stay analyzed without their packages until a reload.
   */
  private lookAgainLater(key: string, what: string, locate: () => PythonEnvironment | undefined): void {
    this.missing.set(key, { what, locate });
    this.missingTimer ??= setInterval(() => {
      for (const { what: where, locate: again } of this.missing.values()) {
        if (again()) return this.refresh(`an environment appeared for ${where}`);
      }
    }, MISSING_ENVIRONMENT_POLL_MS);
  }

  /** Forgets what was found (a setting, the selected interpreter or the installed packages changed) and tells the surfaces. */
  refresh(why: string): void {
    this.missing.clear();
    if (this.missingTimer !== undefined) clearInterval(this.missingTimer);
    this.missingTimer = undefined;
    this.found.clear();
    this.enclosing.clear();
    // Watched again when next found: an environment folder made anew (rm -rf .venv; python -m venv .venv) needs new watchers.
    for (const list of this.watched.values()) for (const d of list) d.dispose();
    this.watched.clear();
    this.log.info(`Python environment: looking again (${why})`);
    this.changed.fire();
  }

  private noted(environment: PythonEnvironment, what: string): PythonEnvironment {
    this.log.info(`Python environment for ${what}: ${environment.prefix} (${environment.source}; ${environment.sitePackages.length} import folder(s))`);
    return environment;
  }

  /** Watches an environment's packages once: a change there (pip install) analyzes the open files again, once it settles. */
  private watch(environment: PythonEnvironment): PythonEnvironment {
    if (this.watched.has(environment.prefix)) return environment;
    const disposables: vscode.Disposable[] = [];
    const changed = () => {
      if (this.settleTimer !== undefined) clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(() => {
        this.settleTimer = undefined;
        this.refresh(`packages changed in ${environment.label}`);
      }, PACKAGES_SETTLE_MS);
    };
    const targets = environmentWatchTargets(environment);
    for (const target of targets) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(target.folder), target.pattern));
      disposables.push(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed));
    }
    // Packages written before the watchers' OS watch began (an environment made and filled at once, a busy machine)
    // send no events: the package folders are listed again a few times while the watch starts.
    const reader = this.host?.reader;
    const listing = () => (reader ? targets.map((target) => (target.pattern === "*" ? reader.list(target.folder).sort().join("/") : "")).join("\n") : "");
    const seen = listing();
    for (const delay of WATCH_START_CHECKS_MS) {
      const check = setTimeout(() => {
        if (this.watched.get(environment.prefix) === disposables && listing() !== seen) changed();
      }, delay);
      disposables.push({ dispose: () => clearTimeout(check) });
    }
    this.watched.set(environment.prefix, disposables);
    return environment;
  }

  private async connectPythonExtension(): Promise<void> {
    const extension = vscode.extensions.getExtension<PythonExtensionApi>("ms-python.python");
    if (!extension) return;
    try {
      this.python = extension.isActive ? extension.exports : await extension.activate();
      const onChange = this.python?.environments?.onDidChangeActiveEnvironmentPath;
      if (onChange) this.disposables.push(onChange(() => this.refresh("the selected interpreter changed")));
      this.refresh("the Python extension is ready");
    } catch (error) {
      this.log.warn(`the Python extension's API is not available: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    if (this.settleTimer !== undefined) clearTimeout(this.settleTimer);
    if (this.missingTimer !== undefined) clearInterval(this.missingTimer);
    for (const list of this.watched.values()) for (const d of list) d.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
