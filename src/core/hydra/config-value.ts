// A composed Hydra config as the analyzed code holds it: OmegaConf DictConfigs over plain values, shared by the
// `@hydra.main` reading (training/hydra-config.ts) and the compose API (compose-api.ts).
import { NONE, bool, dict, float, freshId, int, keyOf, list, str, unknown } from "../interp/construct";
import { attributesOverDict } from "../interp/dict-subclass";
import type { ClassValue, Value } from "../interp/values";
import type { YamlValue } from "./yaml";

/**
 * A config value as the code reads it: a mapping is OmegaConf's DictConfig, whose keys read as attributes
 * (`cfg.trainer.max_epochs`) and as items, and which is a mapping to `dict(cfg.model)`, `**cfg.model`, `in`, `.get`
 * and `.items()` (omegaconf.readthedocs.io, "Access and manipulation"). Here it derives from dict, so
 * `isinstance(cfg, dict)` holds where OmegaConf's does not.
 */
export function configValue(v: YamlValue, dictConfig: ClassValue): Value {
  if (v === null) return NONE;
  if (typeof v === "boolean") return bool(v);
  if (typeof v === "number") return Number.isInteger(v) ? int(v) : float(v);
  if (typeof v === "string") return v.includes("${") ? unknown(`the config interpolation ${v} is not resolved`) : str(v);
  if (Array.isArray(v)) return list(v.map((x) => configValue(x, dictConfig)));
  const items = dict();
  for (const [k, x] of Object.entries(v)) items.entries.set(keyOf(str(k)), { key: str(k), value: configValue(x, dictConfig) });
  return { kind: "instance", cls: dictConfig, attributes: attributesOverDict(items), id: freshId() };
}
