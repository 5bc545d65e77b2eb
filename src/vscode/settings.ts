import * as vscode from "vscode";
import { defaultSettings, readSettings, type Settings, type SettingKey } from "../core/config";
import { knownHardware, knownHosts } from "./energy-bridge";

/** The validated `greenlight.*` settings, re-read when they change; a bad value is reported once. */
export class SettingsStore implements vscode.Disposable {
  private current: Settings;
  private readonly reported = new Set<string>();
  private readonly changed = new vscode.EventEmitter<Settings>();
  private readonly subscription: vscode.Disposable;
  /** Fires after any `greenlight.*` setting changed, with the new values. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.current = this.read();
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration("greenlight")) return;
      this.current = this.read();
      this.changed.fire(this.current);
    });
  }

  get values(): Settings {
    return this.current;
  }

  /** Writes one setting (user settings, or the workspace when asked). */
  async update<K extends SettingKey>(key: K, value: Settings[K], target = vscode.ConfigurationTarget.Global): Promise<void> {
    await vscode.workspace.getConfiguration("greenlight").update(key, value, target);
    // The change event arrives asynchronously; read now so the caller sees the value at once.
    this.current = this.read();
  }

  /**
   * Writes a choice the user made (Select Hardware, Select Precision) where it takes effect: the Workspace settings
   * when they set the key (they override User settings, so a User write would change nothing), else the User
   * settings. Returns where it went, for the message that says so.
   */
  async choose<K extends SettingKey>(key: K, value: Settings[K]): Promise<"workspace" | "user"> {
    const inspected = vscode.workspace.getConfiguration("greenlight").inspect(key);
    const where = inspected?.workspaceValue !== undefined ? "workspace" : "user";
    await this.update(key, value, where === "workspace" ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
    return where;
  }

  private read(): Settings {
    const configuration = vscode.workspace.getConfiguration("greenlight");
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
export function announceWorkspaceChoice(key: SettingKey, value: unknown, where: "workspace" | "user"): void {
  if (where !== "workspace") return;
  void vscode.window.showInformationMessage(
    `Greenlight: ${key} set to ${String(value)} in this workspace's settings, because they set it and override your User settings.`,
  );
}
