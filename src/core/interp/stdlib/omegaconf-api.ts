// OmegaConf's API for building configs in code (omegaconf.readthedocs.io, 2.3: "Creating", "Merging configurations",
// "OmegaConf.to_container"): `OmegaConf.create(dict)`, `OmegaConf.merge(base, override, ...)` (later configs win, nested
// configs merged key by key), `OmegaConf.from_cli()` (empty in the plain run, which passes no arguments),
// `OmegaConf.from_dotlist(["a.b=1"])`, `OmegaConf.to_container(cfg)`, `cfg.merge_with(...)`, and
// `OmegaConf.structured(Cls)` ("Structured configs": a dataclass or its instance, fields at their defaults, nested
// dataclasses nested configs), which scripts merge with `from_cli()` and a YAML file as their run's schema. Scripts compose their
// run this way from a YAML file and command-line overrides; each config is a DictConfig instance (config-files.ts).
import { NONE, dict, freshId, list, str, tuple, unknown } from "../construct";
import type { ClassValue, InstanceValue, NativeCall, Value } from "../values";
import { fn } from "./native";

/** Installs OmegaConf's create/merge/from_cli/from_dotlist/to_container on the class, and the DictConfig methods. */
export function installOmegaConfApi(omegaConf: ClassValue, dictConfig: ClassValue, fromYaml: (text: string) => Value): void {
  const isConfig = (v: Value | undefined): v is InstanceValue => v?.kind === "instance" && v.cls === dictConfig;
  const fresh = (): InstanceValue => ({ kind: "instance", cls: dictConfig, attributes: new Map(), id: freshId() });
  /** A config made of a value: DictConfigs copied, dicts converted (their string keys), anything else as it is. */
  const toConfig = (v: Value): Value => {
    if (isConfig(v)) {
      const c = fresh();
      for (const [k, x] of v.attributes) c.attributes.set(k, toConfig(x));
      return c;
    }
    if (v.kind === "dict") {
      const c = fresh();
      for (const { key, value } of v.entries.values()) if (key.kind === "str") c.attributes.set(key.value, toConfig(value));
      return c;
    }
    return v;
  };
  const mergeInto = (target: InstanceValue, source: Value): void => {
    const from = toConfig(source);
    if (!isConfig(from)) return;
    for (const [k, v] of from.attributes) {
      const old = target.attributes.get(k);
      if (isConfig(old) && isConfig(v)) mergeInto(old, v);
      else target.attributes.set(k, v);
    }
  };
  const toContainer = (v: Value): Value => (isConfig(v) ? dict([...v.attributes].map(([k, x]) => [str(k), toContainer(x)] as [Value, Value])) : v.kind === "list" ? list(v.items.map(toContainer)) : v);
  const unknownIn = (values: Value[]) => values.find((v) => v.kind === "unknown");

  const set = (name: string, call: (c: NativeCall) => Value) => omegaConf.attributes.set(name, fn(`OmegaConf.${name}`, call));
  set("create", ({ args, kwargs }) => {
    const v = args[0] ?? kwargs.get("obj");
    return v === undefined || v.kind === "none" ? fresh() : toConfig(v);
  });
  set("merge", ({ args }) => {
    // an unknown part may set any key: the merge is unknown, not the known parts alone
    const missing = unknownIn(args);
    if (missing) return missing;
    const out = fresh();
    for (const a of args) mergeInto(out, a);
    return out;
  });
  set("from_cli", () => fresh());
  /** A dataclass instance as a config: its fields, nested dataclass instances made configs too. */
  const fromDataclass = (v: Value): Value => {
    if (v.kind !== "instance" || !(v.cls.isDataclass || v.cls.mro.some((c) => c.isDataclass))) return v;
    const c = fresh();
    for (const [k, x] of v.attributes) c.attributes.set(k, fromDataclass(x));
    return c;
  };
  set("structured", ({ args, kwargs, context }) => {
    const obj = args[0] ?? kwargs.get("obj");
    if (obj === undefined) return unknown("a structured config");
    if (obj.kind === "class" && (obj.isDataclass || obj.mro.some((c) => c.isDataclass))) return fromDataclass(context.callValue(obj, []));
    return obj.kind === "instance" ? fromDataclass(obj) : toConfig(obj);
  });
  set("from_dotlist", ({ args }) => {
    const out = fresh();
    const items = args[0]?.kind === "list" || args[0]?.kind === "tuple" ? args[0].items : [];
    for (const item of items) {
      if (item.kind !== "str" || !item.value.includes("=")) continue;
      const at = item.value.indexOf("=");
      const keys = item.value.slice(0, at).split(".");
      let node = out;
      for (const k of keys.slice(0, -1)) {
        let next = node.attributes.get(k);
        if (!isConfig(next)) node.attributes.set(k, (next = fresh()));
        node = next;
      }
      node.attributes.set(keys[keys.length - 1], fromYaml(item.value.slice(at + 1)));
    }
    return out;
  });
  set("to_container", ({ args, kwargs }) => toContainer(args[0] ?? kwargs.get("cfg") ?? NONE));
  set("to_yaml", () => unknown("YAML text"));

  dictConfig.attributes.set("merge_with", { kind: "native", name: "DictConfig.merge_with", call: ({ args }) => {
    const [self, ...others] = args;
    if (!isConfig(self)) return unknown("a config");
    for (const o of others) mergeInto(self, o);
    return NONE;
  } });
  dictConfig.attributes.set("items", { kind: "native", name: "DictConfig.items", call: ({ args }) => (isConfig(args[0]) ? list([...args[0].attributes].map(([k, v]) => tuple([str(k), v]))) : unknown("a config's items")) });
}
