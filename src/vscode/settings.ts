import * as vscode from "vscode";
import { defaultSettings, readSettings, type Settings, type SettingKey } from "../core/config";
import { knownHardware, knownHosts } from "./energy-bridge";
import { describeLevels, type LevelReport, type SettingScope } from "./setting-levels";

/** The document a setting is read for: a notebook cell's settings are its notebook's (the cell URI names no folder). */
function settingsScope(uri: vscode.Uri | undefined): vscode.Uri | undefined {
  if (!uri || uri.scheme !== "vscode-notebook-cell") return uri;
  return vscode.workspace.notebookDocuments.find((notebook) => notebook.uri.path === uri.path)?.uri ?? uri;
}

/**
 * The validated `greenlight.*` settings, re-read when they change; a bad value is reported once. Resource-scoped
 * settings (hardware, precision, batch, rules...) are read for the document's folder, so each folder of a
 * multi-root workspace can set its own; a value set where VS Code ignores it, or a change that another level
 * overrides, is told to the user in plain words.
 */
export class SettingsStore implements vscode.Disposable {
  private current: Settings;
  /** The settings of each workspace folder, by folder URI, read when first asked for and dropped on any change. */
  private readonly byFolder = new Map<string, Settings>();
  /** The levels of each setting as last read (window scope), to tell a change that another level overrides. */
  private inspected = new Map<string, string>();
  /** What the user was told about settings levels, newest last (the integration tests read it). */
  readonly notices: string[] = [];
  private readonly reported = new Set<string>();
  private readonly changed = new vscode.EventEmitter<Settings>();
  private readonly subscription: vscode.Disposable;
  /** Fires after any `greenlight.*` setting changed, with the new values. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly scopes: Record<string, SettingScope> = {},
  ) {
    this.current = this.read();
    this.inspected = this.levelsSnapshot();
    this.tellLevels(undefined);
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration("greenlight")) return;
      this.byFolder.clear();
      this.current = this.read();
      this.tellOverriddenChanges();
      this.tellLevels(undefined);
      this.changed.fire(this.current);
    });
  }

  /** The window's settings (no folder): for what applies to the whole window (analysis budget, workspace index). */
  get values(): Settings {
    return this.current;
  }

  /** The settings that apply to a document: its workspace folder's, where a folder sets resource-scoped keys. */
  valuesFor(uri: vscode.Uri | undefined): Settings {
    const folder = uri && vscode.workspace.getWorkspaceFolder(settingsScope(uri)!);
    if (!folder) return this.current;
    const key = folder.uri.toString();
    let settings = this.byFolder.get(key);
    if (!settings) {
      settings = this.read(folder.uri);
      this.byFolder.set(key, settings);
      this.tellLevels(folder);
    }
    return settings;
  }

  /** Where a setting's value for this document comes from and what it overrides or cannot use. */
  levelsOf(key: SettingKey, uri?: vscode.Uri): LevelReport {
    const folder = uri && vscode.workspace.getWorkspaceFolder(settingsScope(uri)!);
    return describeLevels(key, vscode.workspace.getConfiguration("greenlight", folder?.uri).inspect(key), this.levelContext(key, folder));
  }

  private levelContext(key: string, folder: vscode.WorkspaceFolder | undefined) {
    return {
      scope: this.scopes[key] ?? "window",
      multiRoot: (vscode.workspace.workspaceFolders?.length ?? 0) > 1,
      folderName: folder?.name,
      remoteName: vscode.env.remoteName,
    };
  }

  /** Values VS Code ignores where they are set (a window setting in a folder's settings): the user is told once. */
  private tellLevels(folder: vscode.WorkspaceFolder | undefined): void {
    const configuration = vscode.workspace.getConfiguration("greenlight", folder?.uri);
    for (const key of Object.keys(defaultSettings)) {
      for (const notice of describeLevels(key, configuration.inspect(key), this.levelContext(key, folder)).ignored) this.tell(notice);
    }
  }

  /** The User/Workspace values of every key now (window scope), to compare across a change. */
  private levelsSnapshot(): Map<string, string> {
    const configuration = vscode.workspace.getConfiguration("greenlight");
    const snapshot = new Map<string, string>();
    for (const key of Object.keys(defaultSettings)) {
      const inspected = configuration.inspect(key);
      snapshot.set(key, JSON.stringify([inspected?.globalValue, inspected?.workspaceValue]));
    }
    return snapshot;
  }

  /** A User value changed while the Workspace sets the key: the change has no effect here, and the user is told why. */
  private tellOverriddenChanges(): void {
    const before = this.inspected;
    this.inspected = this.levelsSnapshot();
    const configuration = vscode.workspace.getConfiguration("greenlight");
    for (const [key, now] of this.inspected) {
      const [globalBefore] = JSON.parse(before.get(key) ?? "[]") as unknown[];
      const [globalNow, workspaceNow] = JSON.parse(now) as unknown[];
      if (JSON.stringify(globalBefore) === JSON.stringify(globalNow) || globalNow === undefined || workspaceNow === undefined) continue;
      const report = describeLevels(key, configuration.inspect(key), this.levelContext(key, undefined));
      for (const line of report.overridden) this.tell(`greenlight.${key} in ${line}; your change does not apply in this workspace`);
    }
  }

  private tell(message: string): void {
    this.notices.push(message);
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.log.info(message);
    void vscode.window.showInformationMessage(`Greenlight: ${message}.`);
  }

  /** Writes one setting (user settings, or the workspace when asked). */
  async update<K extends SettingKey>(key: K, value: Settings[K], target = vscode.ConfigurationTarget.Global): Promise<void> {
    await vscode.workspace.getConfiguration("greenlight").update(key, value, target);
    // The change event arrives asynchronously; read now so the caller sees the value at once.
    this.byFolder.clear();
    this.current = this.read();
  }

  /**
   * Writes a choice the user made (Select Hardware, Select Precision) where it takes effect: the Workspace settings
   * when they set the key (they override User settings, so a User write would change nothing), else the User
   * settings. Returns where it went, for the message that says so.
   */
  async choose<K extends SettingKey>(key: K, value: Settings[K], uri?: vscode.Uri): Promise<"folder" | "workspace" | "user"> {
    const folder = uri && vscode.workspace.getWorkspaceFolder(settingsScope(uri)!);
    const configuration = vscode.workspace.getConfiguration("greenlight", folder?.uri);
    const inspected = configuration.inspect(key);
    // A folder's own value wins over the workspace's for a resource setting (multi-root only: else they are one file).
    const folderLevel = folder && (vscode.workspace.workspaceFolders?.length ?? 0) > 1 && this.scopes[key] === "resource" && inspected?.workspaceFolderValue !== undefined;
    const where = folderLevel ? "folder" : inspected?.workspaceValue !== undefined ? "workspace" : "user";
    const target = where === "folder" ? vscode.ConfigurationTarget.WorkspaceFolder : where === "workspace" ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await configuration.update(key, value, target);
    this.byFolder.clear();
    this.current = this.read();
    return where;
  }

  private read(scope?: vscode.Uri): Settings {
    const configuration = vscode.workspace.getConfiguration("greenlight", scope);
    // The grid surfaces read the grid.* keys themselves, with the workspace-trust rules for endpoints (grid-settings.ts).
    const { settings, problems } = readSettings((key) => (key.startsWith("grid.") ? undefined : configuration.get(key)));
    // The hardware must be a profile the energy model has; the schema alone cannot know the list.
    const profiles = knownHardware().map((profile) => profile.id);
    if (!profiles.includes(settings.hardware.toLowerCase())) {
      problems.push({
        key: "hardware",
        message: `greenlight.hardware: "${settings.hardware}" is not a known hardware profile (${profiles.join(", ")}); using "${defaultSettings.hardware}"`,
      });
      settings.hardware = defaultSettings.hardware;
    } else {
      settings.hardware = settings.hardware.toLowerCase();
    }
    // The host likewise: "auto" or a host class of the energy model.
    const hosts = ["auto", ...knownHosts().map((host) => host.id)];
    if (!hosts.includes(settings.host.toLowerCase())) {
      problems.push({ key: "host", message: `greenlight.host: "${settings.host}" is not a known host class (${hosts.join(", ")}); using "${defaultSettings.host}"` });
      settings.host = defaultSettings.host;
    } else {
      settings.host = settings.host.toLowerCase();
    }
    // Unset, the precision is the one each model's code sets (dtype=, .half()), as the CLI without --dtype.
    const precision = configuration.inspect("precision");
    settings.precisionChosen = [precision?.globalValue, precision?.workspaceValue, precision?.workspaceFolderValue].some((value) => value !== undefined) && !problems.some((p) => p.key === "precision");
    for (const problem of problems) {
      if (this.reported.has(problem.message)) continue;
      this.reported.add(problem.message);
      this.log.warn(problem.message);
      void vscode.window.showWarningMessage(`Greenlight: ${problem.message}`);
    }
    return settings;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Tells the user a choice went into the Workspace settings (a shared file) rather than their User settings, and why. */
export function announceWorkspaceChoice(key: SettingKey, value: unknown, where: "folder" | "workspace" | "user"): void {
  if (where === "user") return;
  const place = where === "folder" ? "this folder's settings, because they set it and override the workspace's and your User settings" : "this workspace's settings, because they set it and override your User settings";
  void vscode.window.showInformationMessage(`Greenlight: ${key} set to ${String(value)} in ${place}.`);
}

/** Lines for the status bar's target tooltip: where the hardware, precision and batch come from, and what they override. */
export function targetLevels(store: SettingsStore, uri: vscode.Uri | undefined): string[] {
  const lines: string[] = [];
  for (const key of ["hardware", "precision", "batchSize"] as const) {
    const report = store.levelsOf(key, uri);
    if (report.from === "default") continue;
    lines.push(`${key}: from ${report.from}${report.overridden.length ? ` (overrides ${report.overridden.join("; ")})` : ""}`);
  }
  return lines;
}
