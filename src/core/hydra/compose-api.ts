// Hydra's compose API (hydra.cc/docs/advanced/compose_api, Hydra 1.1-1.3): `with initialize(config_path="conf"):
// cfg = compose(config_name="config", overrides=["training.epochs=5"])` gives the script the same config a
// `@hydra.main(config_path="conf", config_name="config")` function gets, composed from the workspace's YAML
// (compose.ts). `initialize`'s config_path is relative to the file that calls it; `initialize_config_dir` takes an
// absolute folder. Overrides of a key the config holds (`a.b=3`, `+a.b=3`, `++a.b=3`) set it; any other override (a
// config group's option, a deletion) leaves the whole config unknown rather than a wrong one. The older
// `hydra.experimental` module has the same two functions. Everything else of Hydra is unknown by name, as it was
// while Hydra was not modelled (`@hydra.main` is read from the code's text: training/hydra-config.ts).
import { NONE, freshId, unknown } from "../interp/construct";
import { nativeClass } from "../interp/classes";
import type { ModuleFiles } from "../interp/module-resolver";
import { dirname, joinPath } from "../interp/paths";
import type { NativeModuleProvider } from "../interp/runtime";
import type { ModuleNamespaceValue, NativeCall, Value } from "../interp/values";
import { composeHydraConfig } from "./compose";
import { configValue } from "./config-value";
import { resolveInterpolations } from "./interpolate";
import { parseYaml, type YamlValue } from "./yaml";

type YamlMap = { [key: string]: YamlValue };

/** Hydra's compose API as native modules `hydra` and `hydra.experimental`. */
export const hydraComposeApi: NativeModuleProvider = function hydraComposeApi(runtime) {
  const interp = () => runtime.interpreter;
  const objectClass = runtime.moduleClasses.module.bases[0];
  // The folder the latest initialize() named, by the file that called it: compose() reads from it. Kept per analysis
  // (its module loader), as the runtime outlives one: a later analysis never reads an earlier one's initialize().
  const perAnalysis = new WeakMap<object, Map<string, string>>();
  const dirs = (): Map<string, string> => {
    const loader = interp().loader;
    let found = perAnalysis.get(loader);
    if (!found) perAnalysis.set(loader, (found = new Map()));
    return found;
  };
  const callerFile = (): string => interp().frame?.file ?? "";
  const text = (v: Value | undefined): string | undefined => (v?.kind === "str" ? v.value : undefined);
  // initialize() is a context manager, and also works called on its own (it sets Hydra's global state).
  const context = nativeClass("hydra.initialize", [objectClass], { __enter__: () => NONE, __exit__: () => NONE });
  const started = (): Value => ({ kind: "instance", cls: context, attributes: new Map(), id: freshId() });
  const initialize = native("hydra.initialize", ({ args, kwargs }) => {
    const path = text(kwargs.get("config_path") ?? args[0]);
    const file = callerFile();
    // No config_path: only ConfigStore nodes are searched, which compose() does not read here.
    if (path === undefined || /^[a-z]+:\/\//.test(path) || path.startsWith("/")) dirs().delete(file);
    else dirs().set(file, path === "." ? dirname(file) : joinPath(dirname(file), path.replace(/^\.\//, "")));
    return started();
  });
  const initializeConfigDir = native("hydra.initialize_config_dir", ({ args, kwargs }) => {
    const dir = text(kwargs.get("config_dir") ?? args[0]);
    if (dir?.startsWith("/")) dirs().set(callerFile(), joinPath(dir));
    else dirs().delete(callerFile());
    return started();
  });
  const compose = native("hydra.compose", ({ args, kwargs }) => {
    const dir = dirs().get(callerFile());
    const name = text(kwargs.get("config_name") ?? args[0]);
    if (!dir || !name) return unknown("hydra.compose(): the config folder or name is not known (initialize() with a config_path of the workspace)");
    const loader = interp().loader;
    const files: ModuleFiles = { read: (p) => loader.sourceText?.(p), exists: (p) => loader.sourceText?.(p) !== undefined, listPython: () => [] };
    const composed = composeHydraConfig(files, dir, undefined, name);
    if (!composed) return unknown(`hydra.compose(config_name="${name}"): the config file is not in the workspace`);
    for (const f of composed.files) loader.noteFileRead?.(f, true);
    const overrides = kwargs.get("overrides") ?? args[1];
    const given = overrides === undefined || overrides.kind === "none" ? [] : overrides.kind === "list" || overrides.kind === "tuple" ? overrides.items : undefined;
    if (!given) return unknown("hydra.compose(): overrides the analyzer cannot read");
    for (const o of given) {
      if (o.kind !== "str" || !applyOverride(composed.config, o.value)) return unknown(`hydra.compose(): the override ${o.kind === "str" ? o.value : "?"} is not one the analyzer applies`);
    }
    const dictClass = interp().builtins.names.get("dict");
    return configValue(resolveInterpolations(composed.config), nativeClass("omegaconf.DictConfig", [dictClass?.kind === "class" ? dictClass : objectClass]));
  });
  const fallback = (module: string) => native(`${module}.__fallback__`, ({ args }) => unknown(`${module}.${text(args[0]) ?? "?"} is not modelled by the analyzer (only the compose API is)`));
  const experimental: ModuleNamespaceValue = { kind: "namespace", name: "hydra.experimental", scope: { names: new Map<string, Value>([["initialize", initialize], ["initialize_config_dir", initializeConfigDir], ["compose", compose], ["__fallback__", fallback("hydra.experimental")]]) } };
  const hydra: ModuleNamespaceValue = { kind: "namespace", name: "hydra", scope: { names: new Map<string, Value>([["initialize", initialize], ["initialize_config_dir", initializeConfigDir], ["compose", compose], ["experimental", experimental], ["__fallback__", fallback("hydra")]]) } };
  return { modules: new Map([["hydra", hydra], ["hydra.experimental", experimental]]) };
};

function native(name: string, call: (c: NativeCall) => Value): Value {
  return { kind: "native", name, call };
}

/**
 * Applies one command-line override to a composed config (hydra.cc/docs/advanced/override_grammar/basic): `key=value`
 * and `++key=value` set a key, `+key=value` adds one; the value is read as YAML, as Hydra reads it. False for an
 * override it does not apply: a deletion (`~key`), a key that names a config group's section (an option's choice).
 */
export function applyOverride(config: YamlMap, override: string): boolean {
  const match = /^(\+\+|\+)?([A-Za-z_][\w.]*)=(.*)$/.exec(override.trim());
  if (!match) return false;
  const [, prefix, key, raw] = match;
  const value = parseYaml(raw);
  if (value !== null && typeof value === "object") return false;
  const parts = key.split(".");
  let node: YamlMap = config;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === undefined && prefix) node = node[part] = {};
    else if (next !== null && typeof next === "object" && !Array.isArray(next)) node = next;
    else return false;
  }
  const last = parts[parts.length - 1];
  const current = node[last];
  // A section (`trainer=gpu`) is a group's option: which file to load, not a value.
  if (current !== null && typeof current === "object") return false;
  if (current === undefined && !prefix) return false;
  node[last] = value;
  return true;
}
