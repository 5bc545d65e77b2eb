// Configs a script reads from a file as data, with ordinary Python (the interpreter's stdlib/config-files.ts reads
// the file): `cfg = yaml.safe_load(open(args.config))`, `json.load(f)`, `OmegaConf.load(path)`. Their keys named as
// a run's figures count as Hydra's composed keys do, below the code that uses them (a DataLoader's `batch_size=`).
import type { Value } from "../interp/values";

/** PyYAML's, json's and OmegaConf's readers of a config document. */
export const CONFIG_READER = /(^|\.)(safe_load|full_load|unsafe_load|yaml\.load|json\.loads?|OmegaConf\.load)$/;

/** A number in a config read from a file, by its dotted key. */
export interface ConfigValueLeaf {
  key: string;
  value: number;
}

/** Deepest nesting read (a config holding itself must end). */
const MAX_DEPTH = 8;

/** The numeric leaves of a config value (dicts with string keys, OmegaConf's DictConfig), by dotted key. */
export function numericLeaves(v: Value | undefined, prefix = "", depth = 0): ConfigValueLeaf[] {
  if (!v || depth > MAX_DEPTH) return [];
  if ((v.kind === "int" || v.kind === "float") && prefix) return [{ key: prefix, value: Number(v.value) }];
  const join = (k: string) => (prefix ? `${prefix}.${k}` : k);
  if (v.kind === "dict") return [...v.entries.values()].flatMap(({ key, value }) => (key.kind === "str" ? numericLeaves(value, join(key.value), depth + 1) : []));
  if (v.kind === "instance" && v.cls.qualifiedName === "omegaconf.DictConfig") return [...v.attributes].flatMap(([k, x]) => numericLeaves(x, join(k), depth + 1));
  return [];
}
