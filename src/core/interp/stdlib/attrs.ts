// attrs (www.attrs.org, 23.x API: `attr.s`/`attr.ib`, `attrs.define`/`attrs.field`): a class decorator that writes
// the class's __init__ from its attributes, as dataclasses does. Run configs are written with it (`@attr.s class
// Config: epochs = attr.ib(default=90)`, `@define class Args: batch_size: int = 32`): an instance built with no
// arguments holds each attribute's default, which is what the plain run trains with.
import { nativeClass } from "../classes";
import { freshId } from "../construct";
import type { Value } from "../values";
import { fn, namespace, type StandardLibrary } from "./native";

/** The decorators that make an attrs class, by the name each module gives them. */
const CLASS_DECORATORS = ["s", "attrs", "define", "frozen", "mutable", "dataclass"];
/** The functions that declare one attribute (`attr.ib`, `attr.attrib`, `attrs.field`). */
const ATTRIBUTE_FUNCTIONS = ["ib", "attrib", "attr", "field"];

/** Installs `attr` and `attrs`; their attributes are dataclasses' Field objects, so construction reads them alike. */
export function installAttrs({ modules, objectClass, call }: StandardLibrary): void {
  const dataclasses = modules.get("dataclasses");
  const field = dataclasses?.scope.names.get("field");
  const missing = dataclasses?.scope.names.get("MISSING");
  if (!field || !missing) return;
  // Factory(f): a default made by calling f for each instance (attr.Factory, attrs.Factory).
  const factoryClass = nativeClass("attr.Factory", [objectClass]);
  const factory = fn("attr.Factory", ({ args }): Value => ({ kind: "instance", cls: factoryClass, attributes: new Map(args[0] ? [["factory", args[0]]] : []), id: freshId() }));
  const made = (v: Value | undefined): Value | undefined => (v?.kind === "instance" && v.cls === factoryClass ? v.attributes.get("factory") : undefined);
  const attribute = fn("attr.ib", ({ args, kwargs }) => {
    const given = kwargs.get("default") ?? args[0];
    const producer = kwargs.get("factory") ?? made(given);
    const passed = new Map<string, Value>();
    if (producer) passed.set("default_factory", producer);
    else if (given) passed.set("default", given);
    return call(field, [], passed);
  });
  // The class's fields: its annotated names (auto_attribs, define's default), then the attributes declared with
  // attr.ib()/field() that carry no annotation, in the order the class body assigns them.
  const makeClass = (cls: Value): Value => {
    if (cls.kind !== "class") return cls;
    const fields = [...(cls.annotated ?? [])];
    for (const [name, v] of cls.attributes) if (!fields.includes(name) && isAttribute(v)) fields.push(name);
    cls.isDataclass = true;
    cls.fields = fields;
    return cls;
  };
  const decorator = fn("attr.s", ({ args }) => (args[0]?.kind === "class" ? makeClass(args[0]) : fn("attr.s", ({ args: a }) => makeClass(a[0]))));
  for (const name of ["attr", "attrs"]) {
    const members: Record<string, Value> = { Factory: factory, NOTHING: missing };
    for (const d of CLASS_DECORATORS) members[d] = decorator;
    for (const a of ATTRIBUTE_FUNCTIONS) members[a] = attribute;
    modules.set(name, namespace(name, members));
  }
}

/** Whether a class attribute is one that attr.ib()/field() declared (a dataclasses Field). */
function isAttribute(v: Value): boolean {
  return v.kind === "instance" && v.cls.qualifiedName === "dataclasses.Field";
}
