// OmegaConf's node interpolation (omegaconf.readthedocs.io 2.3, "Variable interpolation"): a value `${a.b}` is the
// config's node at `a.b` (its type kept), `${.x}` a sibling and `${..x}` a key of the parent; inside a longer string
// each `${...}` is replaced by the node's text. Hydra resolves them when the code reads the key, after the config is
// composed, so a key may point into a group file the defaults list chose (`batch_size: ${agent.batch_size}`).
// Resolvers (`${now:...}`, `${oc.env:...}`, custom ones) and keys that are missing stay as written: unknown to the
// code that reads them.
import type { YamlValue } from "./yaml";

type YamlMap = { [key: string]: YamlValue };

/** How many references one value may follow (a chain of `${...}`), so a cycle ends. */
const MAX_DEPTH = 20;

const isMap = (v: YamlValue | undefined): v is YamlMap => v !== null && typeof v === "object" && !Array.isArray(v);

/** A copy of the config with every interpolation that names a node of it resolved; the rest left as written. */
export function resolveInterpolations(config: YamlMap): YamlMap {
  const lookup = (path: string[]): YamlValue | undefined => {
    let at: YamlValue | undefined = config;
    for (const part of path) {
      if (isMap(at)) at = at[part];
      else if (Array.isArray(at) && /^\d+$/.test(part)) at = at[Number(part)];
      else return undefined;
    }
    return at;
  };
  /** The node a reference names, from the key path of the node that holds the string. */
  const target = (reference: string, holder: string[], depth: number): YamlValue | undefined => {
    if (!/^\.*[\w-]+(\.[\w-]+)*$/.test(reference)) return undefined;
    const dots = /^\.*/.exec(reference)![0].length;
    const keys = reference.slice(dots).split(".");
    const base = dots === 0 ? [] : holder.slice(0, Math.max(0, holder.length - (dots - 1)));
    if (dots > holder.length + 1) return undefined;
    const path = [...base, ...keys];
    const found = lookup(path);
    return found === undefined ? undefined : resolve(found, path.slice(0, -1), depth + 1);
  };
  const resolve = (v: YamlValue, holder: string[], depth: number): YamlValue | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    if (typeof v !== "string" || !v.includes("${")) return v;
    const whole = /^\$\{([^${}:]+)\}$/.exec(v);
    if (whole) return target(whole[1], holder, depth);
    let unresolved = false;
    const text = v.replace(/\$\{([^${}]+)\}/g, (all, reference: string) => {
      const found = target(reference, holder, depth);
      if (found === undefined || (found !== null && typeof found === "object")) {
        unresolved = true;
        return all;
      }
      return String(found);
    });
    return unresolved ? undefined : text;
  };
  const copy = (v: YamlValue, path: string[]): YamlValue => {
    if (Array.isArray(v)) return v.map((x, i) => copy(x, [...path, String(i)]));
    if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x, [...path, k])]));
    const resolved = resolve(v, path.slice(0, -1), 0);
    return resolved === undefined ? v : resolved;
  };
  return copy(config, []) as YamlMap;
}
