// A Hydra script's run: its `@hydra.main` function receives the config composed from the workspace's YAML files
// (src/core/hydra/compose.ts), so `cfg.trainer.max_epochs` inside it is the file's value, and config keys named as
// a run's figures are (like argparse defaults) what the plain run uses.
import { nativeClass } from "../interp/classes";
import type { ModuleFiles } from "../interp/module-resolver";
import { dirname, relativeTo } from "../interp/paths";
import type { ClassValue, Value } from "../interp/values";
import { configValue } from "../hydra/config-value";
import type { Expression, FunctionDefinition, Statement } from "../python/ast";
import { composeHydraConfig, STORE_PREFIX, type ConfigStoreNodes } from "../hydra/compose";
import { resolveInterpolations } from "../hydra/interpolate";
import type { YamlValue } from "../hydra/yaml";
import { dottedName, keywordArgument, positionalArgument } from "../python/syntax-walk";

/** A numeric config leaf: its dotted key, value and file. */
export interface ConfigLeaf {
  key: string;
  value: number;
  file: string;
}

/** The config a `@hydra.main` function gets, and what was read to compose it. */
export interface HydraRun {
  fn: FunctionDefinition;
  /** The function's config parameter (its first). */
  parameter: string;
  config: Value;
  leaves: ConfigLeaf[];
  /** Files read (workspace-relative where they are under the root) and files the defaults name that are missing. */
  files: string[];
  missing: string[];
}

/** The names under which a file imports dora's `hydra_main`, Hydra's main decorator with the same
 *  config_path/config_name (github.com/facebookresearch/dora, "Hydra support"). */
function doraMains(body: Statement[]): Set<string> {
  const names = new Set<string>(["dora.hydra_main"]);
  for (const s of body) if (s.type === "importFrom" && s.module === "dora" && s.names !== "*") for (const n of s.names) if (n.name === "hydra_main") names.add(n.alias ?? n.name);
  return names;
}

/**
 * The `@hydra.main(config_path=..., config_name=...)` functions of a file whose config exists: YAML files, or the
 * ConfigStore `store` nodes the file registers.
 */
export function hydraRuns(body: Statement[], files: ModuleFiles | undefined, file: string, root: string | undefined, dictClass: ClassValue, store: ConfigStoreNodes = new Map()): HydraRun[] {
  if (!files) return [];
  const dictConfig = nativeClass("omegaconf.DictConfig", [dictClass]);
  const runs: HydraRun[] = [];
  const dora = doraMains(body);
  for (const s of body) {
    if (s.type !== "function" || s.params.length === 0) continue;
    const decorator = s.decorators.find((d): d is Extract<Expression, { type: "call" }> => d.type === "call" && (/(^|\.)hydra\.main$/.test(dottedName(d.func) ?? "") || dora.has(dottedName(d.func) ?? "")));
    if (!decorator) continue;
    const text = (e: Expression | undefined) => (e?.type === "str" && e.value !== null ? e.value : undefined);
    const configPath = text(keywordArgument(decorator, "config_path") ?? positionalArgument(decorator, 0));
    const configName = text(keywordArgument(decorator, "config_name") ?? positionalArgument(decorator, 1));
    const composed = composeHydraConfig(files, dirname(file), configPath, configName, store);
    if (!composed) continue;
    const shown = (p: string) => (p.startsWith(STORE_PREFIX) ? `the ConfigStore node ${p.slice(STORE_PREFIX.length)}` : root ? relativeTo(root, p) : p);
    // The code reads keys after Hydra composed the config, so `${...}` references resolve over the whole of it.
    const config = resolveInterpolations(composed.config);
    const leaves: ConfigLeaf[] = [];
    const walk = (v: YamlValue, key: string) => {
      if (typeof v === "number" && key) leaves.push({ key, value: v, file: shown(composed.origins.get(key) ?? "") });
      else if (v && typeof v === "object" && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) walk(x, key ? `${key}.${k}` : k);
    };
    walk(config, "");
    runs.push({ fn: s, parameter: s.params[0].name, config: configValue(config, dictConfig), leaves, files: composed.files.map(shown), missing: composed.missing.map(shown) });
  }
  return runs;
}
