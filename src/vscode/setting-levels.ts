// Which settings level a `greenlight.*` value comes from, which levels it overrides, and which levels VS Code ignores
// for it, in plain words. VS Code applies a window-scoped setting from User and Workspace settings only (a folder's
// settings in a multi-root workspace do not count), a machine-scoped one from User or Remote settings only, and a
// resource-scoped one at every level, the folder's last. Pure (no vscode import): the editor passes what
// WorkspaceConfiguration.inspect() returns and the scope package.json declares.

/** A setting's scope as package.json declares it (VS Code's default is "window"). */
export type SettingScope = "application" | "machine" | "machine-overridable" | "window" | "resource" | "language-overridable";

/** The scope each `greenlight.*` setting declares in package.json (VS Code's default, "window", where none is given). */
export function declaredScopes(packageJson: unknown): Record<string, SettingScope> {
  const scopes: Record<string, SettingScope> = {};
  const contributed = (packageJson as { contributes?: { configuration?: unknown } } | undefined)?.contributes?.configuration;
  for (const section of Array.isArray(contributed) ? contributed : contributed ? [contributed] : []) {
    const properties = (section as { properties?: Record<string, { scope?: SettingScope }> }).properties ?? {};
    for (const [name, property] of Object.entries(properties)) scopes[name.replace(/^greenlight\./, "")] = property.scope ?? "window";
  }
  return scopes;
}

/** The part of WorkspaceConfiguration.inspect()'s answer this reads. */
export interface InspectedLevels {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/** Where the setting is read: the window's kind and the folder of the document in view. */
export interface LevelContext {
  scope: SettingScope;
  /** More than one folder open (a .code-workspace): only then do folder settings differ from the workspace's. */
  multiRoot: boolean;
  /** The folder of the document in view, when there is one. */
  folderName?: string;
  /** VS Code's remote name (ssh-remote, codespaces, ...) when the window is remote. */
  remoteName?: string;
}

/** What the user is told about one setting's levels. */
export interface LevelReport {
  /** The level the value in effect comes from, in words ("the Workspace settings", "default"). */
  from: string;
  /** Lower levels set to another value, each with why it does not apply ("your User settings (h100-sxm): ..."). */
  overridden: string[];
  /** Levels VS Code ignores for this setting, each with why and where to set it instead. */
  ignored: string[];
}

const show = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Where a `greenlight.*` value comes from and what it overrides or cannot use, following VS Code's scope rules. */
export function describeLevels(key: string, inspected: InspectedLevels | undefined, context: LevelContext): LevelReport {
  const name = `greenlight.${key}`;
  const folder = context.folderName ? `folder '${context.folderName}'` : "the folder";
  const user = context.remoteName ? `your User or Remote settings` : "your User settings";
  const ignored: string[] = [];
  // Levels VS Code honours for this scope, lowest first.
  const levels: { label: string; value: unknown }[] = [{ label: user, value: inspected?.globalValue }];
  const machineOnly = context.scope === "application" || context.scope === "machine";
  if (machineOnly) {
    if (inspected?.workspaceValue !== undefined)
      ignored.push(`${name} is set in the Workspace settings, but it belongs to the machine, so VS Code reads it from ${user} only`);
  } else {
    levels.push({ label: "the Workspace settings", value: inspected?.workspaceValue });
  }
  const folderLevel = context.scope === "resource" || context.scope === "language-overridable" || context.scope === "machine-overridable";
  if (context.multiRoot && inspected?.workspaceFolderValue !== undefined) {
    if (folderLevel) levels.push({ label: `the settings of ${folder}`, value: inspected.workspaceFolderValue });
    else ignored.push(`${name} is set in the settings of ${folder}, but it applies to the whole window, so VS Code ignores it there: set it in the Workspace or User settings`);
  }
  const set = levels.filter((level) => level.value !== undefined);
  const winner = set[set.length - 1];
  if (!winner) return { from: "default", overridden: [], ignored };
  const overridden = set
    .slice(0, -1)
    .filter((level) => !same(level.value, winner.value))
    .map((level) => `${level.label} (${show(level.value)}): ${winner.label} set ${show(winner.value)}, which wins here`);
  return { from: winner.label, overridden, ignored };
}
