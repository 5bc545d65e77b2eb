// Hydra's ConfigStore (hydra.cc/docs/tutorials/structured_config/config_store): a script registers dataclasses as
// configs, `cs.store(name="config", node=TrainConfig)` or `cs.store(group="optim", name="adam", node=AdamConfig)`,
// and `@hydra.main(config_name="config")` composes them as it would YAML files. The node's field defaults are the
// config: the dataclass is built by the interpreter (its module's code, never the user's run) and read as data.
import type { Value } from "../interp/values";
import type { ConfigStoreNodes } from "../hydra/compose";
import type { YamlValue } from "../hydra/yaml";
import type { CodeSite } from "./code-sites";
import { keywordArgument, positionalArgument } from "../python/syntax-walk";
import type { Expression } from "../python/ast";

type CallSite = Extract<CodeSite, { kind: "call" }>;

/** Deepest nesting of a node read (a dataclass holding itself must end). */
const MAX_DEPTH = 12;

/**
 * The nodes a file's `ConfigStore.store(...)` calls register, by `group/name`: `evaluate` gives the node's value at
 * its call; a dataclass given as a class is built with its defaults (`Node()`, evaluated the same way).
 */
export function configStoreNodes(sites: CodeSite[], evaluate: (site: CallSite, e: Expression) => Value | undefined): ConfigStoreNodes {
  const nodes: ConfigStoreNodes = new Map();
  for (const site of sites) {
    if (site.kind !== "call" || !/(^|\.)store$/.test(site.callee) || site.call.func.type !== "attribute") continue;
    const text = (e: Expression | undefined) => (e ? evaluate(site, e) : undefined);
    const name = text(keywordArgument(site.call, "name"));
    const group = text(keywordArgument(site.call, "group"));
    const nodeExpression = keywordArgument(site.call, "node") ?? positionalArgument(site.call, 0);
    if (name?.kind !== "str" || !nodeExpression || (group !== undefined && group.kind !== "str" && group.kind !== "none")) continue;
    let node = evaluate(site, nodeExpression);
    if (node?.kind === "class") node = evaluate(site, { type: "call", func: nodeExpression, args: [], pos: nodeExpression.pos });
    const data = node ? asData(node, 0) : undefined;
    if (!data || typeof data !== "object" || Array.isArray(data)) continue;
    nodes.set(group?.kind === "str" ? `${group.value}/${name.value}` : name.value, data);
  }
  return nodes;
}

/** A config value as plain data: a dataclass instance's fields, dicts with string keys, lists, scalars. */
function asData(v: Value, depth: number): YamlValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (v.kind) {
    case "none":
      return null;
    case "bool":
      return v.value;
    case "int":
      return Number(v.value);
    case "float":
      return v.value;
    case "str":
      return v.value;
    case "list":
    case "tuple":
      return v.items.map((x) => asData(x, depth + 1) ?? null);
    case "dict": {
      const out: { [key: string]: YamlValue } = {};
      for (const { key, value } of v.entries.values()) if (key.kind === "str") out[key.value] = asData(value, depth + 1) ?? null;
      return out;
    }
    case "instance": {
      const out: { [key: string]: YamlValue } = {};
      for (const [k, x] of v.attributes) if (!k.startsWith("__")) {
        const data = asData(x, depth + 1);
        if (data !== undefined) out[k] = data;
      }
      return out;
    }
    default:
      return undefined;
  }
}
