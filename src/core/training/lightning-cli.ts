// Lightning's LightningCLI (lightning.ai/docs/pytorch/stable/cli/lightning_cli.html, 2.x; pytorch_lightning.cli in
// 1.8+): the script builds a Trainer from the command line and config files, over `trainer_defaults={...}` ("Set to
// override Trainer defaults", api/lightning.pytorch.cli.LightningCLI.html). With no config given, the run is those
// defaults over the Trainer's own. `cli.trainer.fit(...)` (with `run=False`) is that Trainer's fit, not Keras'.
import { bool, float, int, keyOf, str } from "../interp/construct";
import type { Value } from "../interp/values";
import type { ClassDefinition, Statement } from "../python/ast";
import { importedPath } from "../python/import-origin";
import { dottedName } from "../python/syntax-walk";
import { dictEntry } from "../interp/value-figures";
import { parseYaml, type YamlValue } from "../hydra/yaml";

const CLI_CALLEE = /(^|\.)LightningCLI$/;
const CLI_IMPORT = /^\s*from\s+(lightning\.pytorch|pytorch_lightning)(\.utilities)?\.cli\s+import\s+[^\n]*\bLightningCLI\b|^\s*import\s+(lightning|pytorch_lightning)\b/m;

/** Whether a call builds Lightning's LightningCLI (the file imports it from Lightning). */
export function isLightningCli(callee: string, text: string): boolean {
  return CLI_CALLEE.test(callee) && CLI_IMPORT.test(text);
}

/** What `trainer_defaults` sets of the run: each only where it is a known value. */
export interface CliTrainerDefaults {
  maxEpochs?: Value;
  maxSteps?: Value;
  precision?: Value;
  accumulateGradBatches?: Value;
  limitTrainBatches?: Value;
}

/** The Trainer's argument names by the field that holds them. */
export const TRAINER_KEYS: Record<string, keyof CliTrainerDefaults> = {
  max_epochs: "maxEpochs", max_steps: "maxSteps", precision: "precision", accumulate_grad_batches: "accumulateGradBatches", limit_train_batches: "limitTrainBatches",
};

/** The run's keys of a LightningCLI's `trainer_defaults` dict (nothing when it is not a known dict). */
export function cliTrainerDefaults(defaults: Value | undefined): CliTrainerDefaults {
  if (defaults?.kind !== "dict") return {};
  const get = (key: string) => defaults.entries.get(keyOf(str(key)))?.value;
  return { maxEpochs: get("max_epochs"), maxSteps: get("max_steps"), precision: get("precision"), accumulateGradBatches: get("accumulate_grad_batches"), limitTrainBatches: get("limit_train_batches") };
}

/** The config files a LightningCLI reads when the command line names none: `parser_kwargs={"default_config_files":
 *  [...]}`, or the fit subcommand's (`{"fit": {"default_config_files": [...]}}`), paths as written. jsonargparse
 *  reads them in order, each over the one before, and all over `trainer_defaults` (lightning.ai/docs/pytorch/stable/
 *  cli/lightning_cli_advanced_2.html, "Set default config files"). */
export function cliDefaultConfigFiles(parserKwargs: Value | undefined): string[] {
  const files = dictEntry(parserKwargs, "default_config_files") ?? dictEntry(dictEntry(parserKwargs, "fit"), "default_config_files");
  if (files?.kind !== "list" && files?.kind !== "tuple") return [];
  return files.items.flatMap((f) => (f.kind === "str" ? [f.value] : []));
}

/** The `trainer:` section of a LightningCLI config file's YAML text, as the run's keys (numbers and strings only). */
export function cliConfigTrainer(text: string): CliTrainerDefaults {
  const parsed = parseYaml(text);
  const trainer = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed.trainer : undefined;
  if (!trainer || typeof trainer !== "object" || Array.isArray(trainer)) return {};
  const get = (key: string) => scalar(trainer[key]);
  return { maxEpochs: get("max_epochs"), maxSteps: get("max_steps"), precision: get("precision"), accumulateGradBatches: get("accumulate_grad_batches"), limitTrainBatches: get("limit_train_batches") };
}

/** The default config files the CLI finds, each opened from the script's folder, then the workspace's (where
 *  `python tools/train.py` runs), with its text; files found nowhere are left out. */
export function readCliConfigFiles(paths: string[], folders: string[], read: (path: string) => string | undefined): { path: string; text: string }[] {
  return paths.flatMap((path) => {
    for (const folder of folders) {
      const text = read(path.startsWith("/") ? path : `${folder.replace(/\/$/, "")}/${path}`);
      if (text !== undefined) return [{ path, text }];
    }
    return [];
  });
}

/** The data module's init arguments a config file's `data:` section sets (its `init_args:` under a `class_path:`),
 *  numbers, strings and booleans only: the CLI builds the data module class with them. */
export function cliConfigData(text: string): Map<string, number | string | boolean> {
  const parsed = parseYaml(text);
  let data = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed.data : undefined;
  if (data && typeof data === "object" && !Array.isArray(data) && data.init_args && typeof data.init_args === "object" && !Array.isArray(data.init_args)) data = data.init_args;
  const found = new Map<string, number | string | boolean>();
  if (!data || typeof data !== "object" || Array.isArray(data)) return found;
  for (const [k, v] of Object.entries(data)) if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") found.set(k, v);
  return found;
}

/** Later settings over earlier ones, key by key. */
export function overTrainerDefaults(under: CliTrainerDefaults, over: CliTrainerDefaults): CliTrainerDefaults {
  const merged: CliTrainerDefaults = { ...under };
  for (const [k, v] of Object.entries(over) as [keyof CliTrainerDefaults, Value | undefined][]) if (v !== undefined) merged[k] = v;
  return merged;
}

function scalar(v: YamlValue | undefined): Value | undefined {
  if (typeof v === "number") return Number.isInteger(v) ? int(v) : float(v);
  if (typeof v === "string") return str(v);
  if (typeof v === "boolean") return bool(v);
  return undefined;
}

/** `cli.trainer.fit(...)`: a fit whose receiver is the trainer of a LightningCLI the file built (by its names). */
export function isCliTrainerFit(receiver: string, clis: Set<string>): boolean {
  const match = /^(\w+)\.trainer$/.exec(receiver);
  return !!match && clis.has(match[1]);
}

/** LightningCLI's own class by the module path an import gives it (`from lightning.pytorch.cli import LightningCLI`). */
const CLI_PATH = /^(lightning\.pytorch|pytorch_lightning)(\.utilities)?\.cli\.LightningCLI$/;

/** Whether a value is a class of the workspace deriving from LightningCLI (`class RichCLI(LightningCLI)` in a module
 *  the script imports, perhaps through another subclass): Lightning is seldom installed where a script is read, so
 *  the base is unknown to the interpreter and is read from the class statement and its file's imports. */
export function derivesFromLightningCli(v: Value | undefined, bodyOf: (file: string) => Statement[] | undefined): boolean {
  if (v?.kind !== "class") return false;
  return v.mro.some((cls) => {
    const file = cls.location?.file;
    const body = file ? bodyOf(file) : undefined;
    const definition = body?.find((s): s is ClassDefinition => s.type === "class" && s.name === cls.name && s.defLine === cls.location?.line);
    return !!definition && definition.bases.some((b) => {
      const name = b.kind === "positional" ? dottedName(b.value) : undefined;
      return !!name && CLI_PATH.test(importedPath(name, body!) ?? "");
    });
  });
}

/** Files of the workspace read when looking for a LightningCLI config: a repository holds a few, and a workspace of
 *  generated YAML must not slow the editor. */
const MAX_CONFIG_CANDIDATES = 40;

/** Whether YAML text has a LightningCLI config's shape: a `trainer:` mapping beside a `model:` or `data:` mapping that
 *  names its class with jsonargparse's `class_path:` (lightning.ai/docs/pytorch/stable/cli/lightning_cli_advanced_3.html),
 *  which Hydra's `_target_` configs and plain settings files do not. */
export function isCliConfigShape(text: string): boolean {
  const parsed = parseYaml(text);
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return false;
  const mapping = (v: YamlValue | undefined): v is Record<string, YamlValue> => !!v && typeof v === "object" && !Array.isArray(v);
  return mapping(parsed.trainer) && [parsed.model, parsed.data].some((part) => mapping(part) && typeof part.class_path === "string");
}

/** The config file a LightningCLI run is started with when the code names none (`python src/main.py fit -c FILE`):
 *  the workspace's one YAML file of a LightningCLI config's shape, in the script's folder, the folder above it (where
 *  a `src/` script is started from), the workspace's root, or a folder directly inside one of them. None where there
 *  are several (the command line picks one) or none. */
export function soleCliConfigFile(scriptFolder: string, root: string | undefined, files: { read(path: string): string | undefined; listFiles?(dir: string): string[]; listFolders?(dir: string): string[] }): { path: string; text: string } | undefined {
  if (!files.listFiles) return undefined;
  const above = scriptFolder.replace(/\/[^/]*$/, "");
  const places = new Set<string>();
  for (const folder of [scriptFolder, ...(above && above !== scriptFolder ? [above] : []), ...(root ? [root] : [])]) {
    places.add(folder);
    for (const inner of files.listFolders?.(folder) ?? []) places.add(inner);
  }
  const found = new Map<string, string>();
  let read = 0;
  for (const folder of places) {
    for (const path of files.listFiles(folder)) {
      if (!/\.ya?ml$/i.test(path) || found.has(path) || read >= MAX_CONFIG_CANDIDATES) continue;
      read++;
      const text = files.read(path);
      if (text !== undefined && isCliConfigShape(text)) found.set(path, text);
    }
  }
  return found.size === 1 ? [...found].map(([path, text]) => ({ path, text }))[0] : undefined;
}
