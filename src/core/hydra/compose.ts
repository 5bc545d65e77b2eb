// The configuration Hydra gives a `@hydra.main(config_path=..., config_name=...)` function when the script runs
// with no overrides, composed from the YAML files in the workspace as Hydra 1.x documents it
// (hydra.cc/docs/advanced/defaults_list): the primary config, then each entry of its `defaults:` list in order
// (`group: option` loads group/option.yaml under the key `group`, or at the top with `# @package _global_`;
// `_self_` places the file's own keys, last when unlisted; `null` and a missing `optional` entry add nothing).
// Interpolations (`${...}`) stay unread. Only files that exist are read; what was read is reported.
import type { ModuleFiles } from "../interp/module-resolver";
import { dirname, joinPath } from "../interp/paths";
import { parseYaml, type YamlValue } from "./yaml";

type YamlMap = { [key: string]: YamlValue };

/** The composed config, each leaf's file (by dotted key), and the files read or missing. */
export interface ComposedConfig {
  config: YamlMap;
  origins: Map<string, string>;
  files: string[];
  missing: string[];
}

/** Config files read per composition: a defaults list that includes itself must end. */
const MAX_FILES = 60;

/**
 * Composes the config of a `@hydra.main` whose decorator names `configPath` (relative to the script's folder; in
 * Hydra 0.x the path of the file itself) and `configName`; undefined when the primary file is not there.
 */
export function composeHydraConfig(files: ModuleFiles, scriptDir: string, configPath: string | undefined, configName: string | undefined): ComposedConfig | undefined {
  if (configPath !== undefined && (/^[a-z]+:\/\//.test(configPath) || configPath.startsWith("/"))) return undefined;
  const relative = configPath === undefined || configPath === "." ? "" : configPath.replace(/^\.\//, "");
  let configDir = relative === "" ? scriptDir : joinPath(scriptDir, relative);
  let primary: string;
  if (/\.ya?ml$/.test(relative)) {
    primary = configDir;
    configDir = dirname(configDir);
  } else if (configName) primary = joinPath(configDir, /\.ya?ml$/.test(configName) ? configName : `${configName}.yaml`);
  else return undefined;
  const composed: ComposedConfig = { config: {}, origins: new Map(), files: [], missing: [] };
  if (!files.exists(primary)) {
    composed.missing.push(primary);
    return undefined;
  }
  load(files, composed, primary, configDir, configDir, [], 0);
  return composed;
}

/** Loads a config file into the composition at `packagePath`, its defaults first (around `_self_`). */
function load(files: ModuleFiles, composed: ComposedConfig, file: string, configDir: string, groupDir: string, packagePath: string[], depth: number): void {
  if (depth > 10 || composed.files.length >= MAX_FILES) return;
  const text = files.read(file);
  if (text === undefined) {
    composed.missing.push(file);
    return;
  }
  composed.files.push(file);
  const parsed = parseYaml(text);
  const content: YamlMap = isMap(parsed) ? parsed : {};
  // `# @package _global_` puts a group file's keys at the top of the config.
  const header = /^\s*#\s*@package\s+(\S+)/m.exec(text)?.[1];
  const target = header === "_global_" ? [] : header && header !== "_group_" && header !== "_here_" ? header.split(".") : packagePath;
  const defaults = Array.isArray(content.defaults) ? content.defaults : [];
  const own: YamlMap = { ...content };
  delete own.defaults;
  let selfPlaced = false;
  for (const entry of defaults) {
    if (entry === "_self_") {
      merge(composed, target, own, file);
      selfPlaced = true;
      continue;
    }
    if (typeof entry === "string") {
      // A config of the same folder, by name (`- model_checkpoint` in callbacks/default.yaml).
      const path = entry.startsWith("/") ? joinPath(configDir, entry.slice(1)) : joinPath(groupDir, entry);
      load(files, composed, withYaml(path), configDir, dirname(withYaml(path)), target, depth + 1);
      continue;
    }
    if (!isMap(entry)) continue;
    for (const [rawKey, option] of Object.entries(entry)) {
      if (typeof option !== "string") continue; // null (nothing chosen) or a list of options, which is a sweep's
      const optional = /^optional\s+/.test(rawKey);
      const key = rawKey.replace(/^(override|optional)\s+/, "");
      const [group, pkg] = key.split("@");
      const absolute = group.startsWith("/");
      const groupPath = absolute ? group.slice(1) : group;
      const dir = joinPath(absolute ? configDir : groupDir, groupPath);
      const path = withYaml(joinPath(dir, option));
      if (!files.exists(path)) {
        if (!optional) composed.missing.push(path);
        continue;
      }
      const where = pkg === "_global_" ? [] : pkg ? pkg.split(".") : [...(absolute ? [] : target), ...groupPath.split("/")];
      load(files, composed, path, configDir, dir, where, depth + 1);
    }
  }
  if (!selfPlaced) merge(composed, target, own, file);
}

function withYaml(path: string): string {
  return /\.ya?ml$/.test(path) ? path : `${path}.yaml`;
}

function isMap(v: YamlValue | undefined): v is YamlMap {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Merges `values` into the config at `path`, later keys over earlier ones, recording each leaf's file. */
function merge(composed: ComposedConfig, path: string[], values: YamlMap, file: string): void {
  let node = composed.config;
  for (const part of path) {
    if (!isMap(node[part])) node[part] = {};
    node = node[part] as YamlMap;
  }
  const into = (target: YamlMap, source: YamlMap, prefix: string) => {
    for (const [k, v] of Object.entries(source)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (isMap(v) && isMap(target[k])) into(target[k] as YamlMap, v, key);
      else {
        target[k] = isMap(v) ? structuredCloneMap(v) : v;
        composed.origins.set(key, file);
        if (isMap(v)) for (const leaf of leaves(v, key)) composed.origins.set(leaf, file);
      }
    }
  };
  into(node, values, path.join("."));
}

function structuredCloneMap(v: YamlMap): YamlMap {
  return JSON.parse(JSON.stringify(v)) as YamlMap;
}

function leaves(v: YamlMap, prefix: string): string[] {
  return Object.entries(v).flatMap(([k, x]) => (isMap(x) ? leaves(x, `${prefix}.${k}`) : [`${prefix}.${k}`]));
}
