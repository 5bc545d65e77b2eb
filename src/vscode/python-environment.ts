import * as vscode from "vscode";
import type { Settings } from "../core/config";
import { findWorkspaceEnvironment, readEnvironment, type EnvironmentReader, type InstallActions, type PythonEnvironment } from "../core/environment/python-environment";
import type { ModuleFiles } from "../core/interp/module-resolver";
import { dirname, joinPath } from "../core/interp/paths";

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

/**
 * The environment each workspace folder's code runs in, found without running Python: the interpreter the Python
 * extension has selected (its public API), else the greenlight.pythonEnvironment setting, else .venv/venv/.conda/env
 * in the folder, else VIRTUAL_ENV/CONDA_PREFIX. Found once per folder and kept until one of those changes.
 */
export class PythonEnvironments implements vscode.Disposable {
  private readonly found = new Map<string, PythonEnvironment | undefined>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the environment of some folder may have changed (open documents should be analyzed again). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private python: PythonExtensionApi | undefined;

  constructor(
    private readonly host: EnvironmentHost | undefined,
    private readonly settings: () => Settings,
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
    const key = folder?.uri.toString() ?? "";
    if (!this.found.has(key)) {
      const environment = this.locate(folder, uri);
      this.found.set(key, environment);
      this.log.info(environment ? `Python environment for ${folder?.name ?? "loose files"}: ${environment.prefix} (${environment.source}; ${environment.sitePackages.length} import folder(s))` : `no Python environment found for ${folder?.name ?? "loose files"}: installed packages will not resolve`);
    }
    return this.found.get(key);
  }

  /** Forgets what was found (a setting or the selected interpreter changed) and tells the surfaces. */
  refresh(why: string): void {
    this.found.clear();
    this.log.info(`Python environment: looking again (${why})`);
    this.changed.fire();
  }

  private locate(folder: vscode.WorkspaceFolder | undefined, uri: vscode.Uri): PythonEnvironment | undefined {
    const host = this.host!;
    const root = folder?.uri.fsPath ?? dirname(uri.fsPath);
    const selected = this.python?.environments?.getActiveEnvironmentPath(folder?.uri ?? uri)?.path;
    if (selected) {
      const env = this.fromInterpreterPath(selected, "the Python extension's interpreter", root);
      if (env) return env;
    }
    const setting = this.settings().pythonEnvironment.trim();
    if (setting) {
      const path = setting.startsWith("/") || /^[A-Za-z]:[\\/]/.test(setting) ? setting : joinPath(root, setting);
      const env = this.fromInterpreterPath(path, "greenlight.pythonEnvironment", root);
      if (env) return env;
      this.log.warn(`greenlight.pythonEnvironment: no Python environment at ${path} (neither pyvenv.cfg nor conda-meta/)`);
    }
    const inWorkspace = findWorkspaceEnvironment(host.reader, root, root);
    if (inWorkspace) return inWorkspace;
    for (const variable of ["VIRTUAL_ENV", "CONDA_PREFIX"]) {
      const prefix = host.variables[variable];
      const env = prefix ? readEnvironment(host.reader, prefix, variable, labelOf(prefix, root)) : undefined;
      if (env) return env;
    }
    return undefined;
  }

  /** An environment from an interpreter path (…/bin/python, …\\Scripts\\python.exe, a conda python.exe) or its folder. */
  private fromInterpreterPath(path: string, source: string, root: string): PythonEnvironment | undefined {
    const normal = path.replace(/\\/g, "/");
    for (const prefix of [normal, dirname(normal), dirname(dirname(normal))]) {
      const env = readEnvironment(this.host!.reader, prefix, source, labelOf(prefix, root));
      if (env) return env;
    }
    return undefined;
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
    for (const d of this.disposables) d.dispose();
  }
}

/** The environment's folder relative to the workspace ("`.venv`"), or its full path outside it. */
function labelOf(prefix: string, root: string): string {
  const normal = prefix.replace(/\\/g, "/");
  const base = root.replace(/\\/g, "/");
  return normal.startsWith(`${base}/`) ? normal.slice(base.length + 1) : normal;
}
