import { lookupClassAttribute, nativeClass } from "../classes";
import { NONE, dict, freshId, str, tuple, unknown } from "../construct";
import type { Value } from "../values";
import { fn, namespace, type StandardLibrary } from "./native";

/** dataclasses: @dataclass records the annotated fields; fields(), field(), asdict() and replace() read them. */
export function installDataclasses({ modules, objectClass }: StandardLibrary): void {
  const field = nativeClass("dataclasses.Field", [objectClass]);
  const missing: Value = { kind: "instance", cls: nativeClass("dataclasses._MISSING_TYPE", [objectClass]), attributes: new Map(), id: freshId() };
  // dataclass(cls) as a call (`cls = dataclass(cls, kw_only=True)` in __init_subclass__), as @dataclass does it.
  const makeDataclass = (cls: Value): Value => {
    if (cls.kind === "class" && cls.location) {
      cls.isDataclass = true;
      cls.fields = cls.annotated ?? [];
    }
    return cls;
  };
  modules.set("dataclasses", namespace("dataclasses", {
    dataclass: fn("dataclass", ({ args }) => (args[0]?.kind === "class" ? makeDataclass(args[0]) : fn("dataclass", ({ args: a }) => makeDataclass(a[0])))),
    MISSING: missing,
    // fields(cls or instance): every field of the class and its dataclass bases, with its default or MISSING.
    fields: fn("dataclasses.fields", ({ args }) => {
      const cls = args[0]?.kind === "instance" ? args[0].cls : args[0];
      if (cls?.kind !== "class") return unknown("fields() of a non-dataclass");
      const names: string[] = [];
      for (const c of [...cls.mro].reverse()) for (const f of c.fields ?? []) if (!names.includes(f)) names.push(f);
      return tuple(names.map((name): Value => {
        const declared = lookupClassAttribute(cls, name);
        const isField = declared?.kind === "instance" && declared.cls === field;
        const attributes = new Map<string, Value>([["name", str(name)]]);
        attributes.set("default", isField ? (declared.attributes.get("default") ?? missing) : (declared ?? missing));
        const factory = isField ? declared.attributes.get("default_factory") : undefined;
        attributes.set("default_factory", factory && factory.kind !== "none" ? factory : missing);
        return { kind: "instance", cls: field, attributes, id: freshId() };
      }));
    }),
    field: fn("dataclasses.field", ({ kwargs }) => ({
      kind: "instance",
      cls: field,
      attributes: new Map([["default", kwargs.get("default") ?? missing], ["default_factory", kwargs.get("default_factory") ?? NONE]]),
      id: -1,
    })),
    asdict: fn("asdict", ({ args }) => (args[0].kind === "instance" ? dict([...args[0].attributes].map(([k, v]) => [str(k), v] as [Value, Value])) : unknown("asdict"))),
    replace: fn("dataclasses.replace", ({ args, kwargs }) => {
      const o = args[0];
      if (o.kind !== "instance") return unknown("replace");
      const copy = { ...o, attributes: new Map(o.attributes) };
      for (const [k, v] of kwargs) copy.attributes.set(k, v);
      return copy;
    }),
  }));
}
