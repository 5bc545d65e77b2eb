// The configuration Hydra gives a `@hydra.main(config_path=..., config_name=...)` function when the script runs
// with no overrides, composed from the YAML files in the workspace as Hydra 1.x documents it
// (hydra.cc/docs/advanced/defaults_list): the primary config, then each entry of its `defaults:` list in order
// (`group: option` loads group/option.yaml under the key `group`, or at the top with `# @package _global_`;
// `_self_` places the file's own keys, last when unlisted; `null` and a missing `optional` entry add nothing).
// Interpolations (`${...}`) are resolved after composition (interpolate.ts), where the code reads them. Only files that exist are read; what was read is reported. A config that is
// no file may be a node of Hydra's ConfigStore (hydra.cc/docs/tutorials/structured_config/config_store): the
// script's `cs.store(group=..., name=..., node=Dataclass)`, looked up by `group/name` as Hydra's search path does.
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

/** ConfigStore nodes by `group/name` (`name` alone at the top), as plain values. */
export type ConfigStoreNodes = Map<string, YamlMap>;

/** The prefix `files` and `missing` give a stored node (Hydra's own name for the store's search-path entry). */
export const STORE_PREFIX = "structured://";

/** Config files read per composition: a defaults list that includes itself must end. */
const MAX_FILES = 60;

/**
 * Composes the config of a `@hydra.main` whose decorator names `configPath` (relative to the script's folder; in
 * Hydra 0.x the path of the file itself) and `configName`; undefined when the primary file is not there.
 */
export function composeHydraConfig(files: ModuleFiles, scriptDir: string, configPath: string | undefined, configName: string | undefined, store: ConfigStoreNodes = new Map()): ComposedConfig | undefined {
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
  const sources: Sources = { files, store, configDir };
  if (!exists(sources, primary)) {
    composed.missing.push(primary);
    return undefined;
  }
  load(sources, composed, primary, configDir, [], 0);
  return composed;
}

interface Sources {
  files: ModuleFiles;
  store: ConfigStoreNodes;
  configDir: string;
}

/** The ConfigStore key of a config path under the config folder (`optim/adam` for DIR/optim/adam.yaml). */
function storeKey(sources: Sources, path: string): string | undefined {
  const prefix = sources.configDir === "" ? "" : `${sources.configDir}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length).replace(/\.ya?ml$/, "") : undefined;
}

function stored(sources: Sources, path: string): YamlMap | undefined {
  const key = storeKey(sources, path);
  return key === undefined ? undefined : sources.store.get(key);
}

function exists(sources: Sources, path: string): boolean {
  return sources.files.exists(path) || stored(sources, path) !== undefined;
}

/** Loads a config file (or stored node) into the composition at `packagePath`, its defaults first (around `_self_`). */
function load(sources: Sources, composed: ComposedConfig, file: string, groupDir: string, packagePath: string[], depth: number): void {
  if (depth > 10 || composed.files.length >= MAX_FILES) return;
  const { files, configDir } = sources;
  // A file on disk wins over a stored node of the same name, as the primary search path comes first in Hydra.
  const text = files.read(file);
  const node = text === undefined ? stored(sources, file) : undefined;
  if (text === undefined && !node) {
    composed.missing.push(file);
    return;
  }
  const origin = node ? `${STORE_PREFIX}${storeKey(sources, file)}` : file;
  composed.files.push(origin);
  const parsed = node ?? parseYaml(text ?? "");
  const content: YamlMap = isMap(parsed) ? parsed : {};
  // `# @package _global_` puts a group file's keys at the top of the config.
  const header = text === undefined ? undefined : /^\s*#\s*@package\s+(\S+)/m.exec(text)?.[1];
  const target = header === "_global_" ? [] : header && header !== "_group_" && header !== "_here_" ? header.split(".") : packagePath;
  const defaults = Array.isArray(content.defaults) ? content.defaults : [];
  const own: YamlMap = { ...content };
  delete own.defaults;
  let selfPlaced = false;
  for (const entry of defaults) {
    if (entry === "_self_") {
      merge(composed, target, own, origin);
      selfPlaced = true;
      continue;
    }
    if (typeof entry === "string") {
      // A config of the same folder, by name (`- model_checkpoint` in callbacks/default.yaml).
      const path = entry.startsWith("/") ? joinPath(configDir, entry.slice(1)) : joinPath(groupDir, entry);
      load(sources, composed, withYaml(path), dirname(withYaml(path)), target, depth + 1);
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
      // The `hydra` group is Hydra's own (logging, launcher, sweeper: hydra.cc/docs/configure_hydra/intro), shipped
      // with Hydra and its plugins, not the workspace's, and sets nothing of the run.
      if (groupPath === "hydra" || groupPath.startsWith("hydra/")) continue;
      const dir = joinPath(absolute ? configDir : groupDir, groupPath);
      const path = withYaml(joinPath(dir, option));
      if (!exists(sources, path)) {
        if (!optional) composed.missing.push(path);
        continue;
      }
      const where = pkg === "_global_" ? [] : pkg ? pkg.split(".") : [...(absolute ? [] : target), ...groupPath.split("/")];
      load(sources, composed, path, dir, where, depth + 1);
    }
  }
  if (!selfPlaced) merge(composed, target, own, origin);
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
      // OmegaConf's merge keeps a value where the later config has MISSING ("???"): a structured config's
      // `optim: Any = MISSING` does not undo the group its defaults list chose.
      if (v === "???" && k in target) continue;
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
