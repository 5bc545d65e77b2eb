import { nativeClass } from "../classes";
import { constructDict } from "../builtins/types";
import { NONE, bool, dict, int, keyOf, list, str, tuple } from "../construct";
import { dictSubclassMethods } from "../dict-subclass";
import { valuesEqual } from "../operators";
import type { NativeCall, Value } from "../values";
import { noPosition } from "../../python/ast";
import { fn, namespace, type StandardLibrary } from "./native";

/** collections, collections.abc and numbers; returns the abstract base classes, which typing's aliases are. */
export function installCollections({ modules, interp, objectClass, call, iterate }: StandardLibrary): Record<string, Value> {
  const orderedDict = nativeClass("collections.OrderedDict", [objectClass], dictSubclassMethods(iterate));
  orderedDict.construct = (c) => ({ ...constructDict(c, iterate), ordered: true });
  // defaultdict(factory, ...dict arguments): a dict whose missing keys get factory() (timm's generate_default_cfgs).
  const defaultDict = nativeClass("collections.defaultdict", [objectClass]);
  defaultDict.construct = (c) => {
    const [factory, ...rest] = c.args;
    const d = constructDict({ ...c, args: rest }, iterate);
    return factory && factory.kind !== "none" ? { ...d, missing: { factory, store: true } } : d;
  };
  // Counter(iterable or mapping): counts; a missing key reads 0 without being added.
  const countZero = fn("Counter.__missing__", () => int(0));
  const counter = nativeClass("collections.Counter", [objectClass]);
  counter.construct = ({ args, kwargs }) => {
    const d = dict();
    const source = args[0];
    const add = (key: Value, n: Value) => {
      const k = keyOf(key);
      const before = d.entries.get(k)?.value;
      d.entries.set(k, { key, value: before ? interp().binary("+", before, n, noPosition) : n });
    };
    if (source?.kind === "dict") for (const { key, value } of source.entries.values()) add(key, value);
    else if (source && source.kind !== "none") for (const item of iterate(source)) add(item, int(1));
    for (const [k, v] of kwargs) add(str(k), v);
    return { ...d, missing: { factory: countZero, store: false } };
  };
  // deque(iterable, maxlen): a list that also takes appendleft/popleft/extendleft/rotate (builtin-methods.ts).
  const deque = fn("collections.deque", ({ args, kwargs }) => {
    const source = args[0] ?? kwargs.get("iterable");
    const bound = args[1] ?? kwargs.get("maxlen");
    const maxlen = bound && bound.kind === "int" ? bound.value : undefined;
    const items = source && source.kind !== "none" ? iterate(source) : [];
    return { ...list(maxlen === undefined ? items : items.slice(Math.max(0, items.length - maxlen))), deque: { maxlen } };
  });
  const namedtuple = fn("collections.namedtuple", ({ args }) => {
    const fieldsValue = args[1];
    const fields = fieldsValue.kind === "str" ? fieldsValue.value.replace(/,/g, " ").split(/\s+/).filter(Boolean) : iterate(fieldsValue).map((f) => (f.kind === "str" ? f.value : "?"));
    const cls = nativeClass(args[0].kind === "str" ? args[0].value : "namedtuple", [objectClass]);
    cls.fields = fields;
    return cls;
  });
  modules.set("collections", namespace("collections", { OrderedDict: orderedDict, defaultdict: defaultDict, namedtuple, Counter: counter, deque }));
  // Abstract base classes: isinstance decides them by the value's kind (see builtins' isInstance).
  const abc = (name: string) => nativeClass(`collections.abc.${name}`, [objectClass]);
  const numberClass = (name: string) => nativeClass(`numbers.${name}`, [objectClass]);
  modules.set("numbers", namespace("numbers", { Number: numberClass("Number"), Complex: numberClass("Complex"), Real: numberClass("Real"), Rational: numberClass("Rational"), Integral: numberClass("Integral") }));
  // Mapping's mixin methods, over the subclass's own __getitem__ / __iter__ / __setitem__ (collections.abc docs,
  // "Collections Abstract Base Classes" table): registries such as transformers' attention interface subclass it.
  const method = (self: Value, name: string): Value => interp().getAttribute(self, name);
  const keysOf = (self: Value): Value[] => iterate(call(method(self, "__iter__"), []));
  const itemOf = (self: Value, key: Value): Value => call(method(self, "__getitem__"), [key]);
  const hasKey = (self: Value, key: Value): boolean => keysOf(self).some((k) => valuesEqual(k, key) === true);
  const mappingMixins: Record<string, (c: NativeCall) => Value> = {
    keys: ({ args }) => list(keysOf(args[0])),
    values: ({ args }) => list(keysOf(args[0]).map((k) => itemOf(args[0], k))),
    items: ({ args }) => list(keysOf(args[0]).map((k) => tuple([k, itemOf(args[0], k)]))),
    get: ({ args }) => (hasKey(args[0], args[1]) ? itemOf(args[0], args[1]) : (args[2] ?? NONE)),
    __contains__: ({ args }) => bool(hasKey(args[0], args[1])),
  };
  const mapping = nativeClass("collections.abc.Mapping", [objectClass], mappingMixins);
  const mutableMapping = nativeClass("collections.abc.MutableMapping", [mapping], {
    update: ({ args, kwargs }) => {
      const source = args[1];
      const pairs: [Value, Value][] = source?.kind === "dict" ? [...source.entries.values()].map((e) => [e.key, e.value]) : [];
      for (const [k, v] of kwargs) pairs.push([str(k), v]);
      for (const [k, v] of pairs) call(method(args[0], "__setitem__"), [k, v]);
      return NONE;
    },
  });
  const abcClasses: Record<string, Value> = { Iterable: abc("Iterable"), Sequence: abc("Sequence"), Mapping: mapping, MutableMapping: mutableMapping, Callable: abc("Callable"), Collection: abc("Collection"), Iterator: abc("Iterator") };
  modules.set("collections.abc", namespace("collections.abc", abcClasses));
  return abcClasses;
}
