import { computeMro, lookupClassAttribute, nativeClass } from "../classes";
import { NONE, bool, dict, float, freshId, int, keyOf, list, str, toInt, toNumber, tuple, unknown } from "../construct";
import { dictStorage, dictSubclassMethods } from "../dict-subclass";
import { PythonError, Unresolved, type ClassValue, type DictValue, type NativeCall, type Value } from "../values";
import { builtin, type BuiltinScope, type Native } from "./builtin";
import { toStr } from "./strings";

/** Methods of dict that change the object they are called on. */
const DICT_MUTATORS = new Set(["__init__", "__setitem__", "__delitem__", "update", "setdefault", "pop"]);

/** The builtin types called as constructors: int, float, bool, str, list, tuple, set, dict, type and slice. */
export function installTypes({ names, interp, object, iterate, call }: BuiltinScope): void {
  const typeConstructor = (qualifiedName: string, construct: Native, base: ClassValue = object): ClassValue => {
    const cls = nativeClass(qualifiedName, [base]);
    cls.construct = (c) => construct(c);
    return cls;
  };

  names.set("int", typeConstructor("builtins.int", ({ args }) => {
    if (args.length === 0) return int(0);
    const v = args[0];
    if (v.kind === "str") {
      const n = parseIntLiteral(v.value, args[1] === undefined ? 10 : toInt(args[1]));
      if (n === undefined) throw new PythonError(`ValueError: invalid literal for int() with base ${args[1] === undefined ? 10 : toInt(args[1])}: '${v.value}'`);
      return int(n);
    }
    if (v.kind === "tensor") throw new Unresolved("int() of a tensor's contents");
    return int(Math.trunc(toNumber(v)));
  }));
  names.set("float", typeConstructor("builtins.float", ({ args }) => {
    if (args.length === 0) return float(0);
    const v = args[0];
    if (v.kind === "str") {
      const t = v.value.trim().toLowerCase();
      return float(t === "inf" ? Infinity : t === "-inf" ? -Infinity : Number(t));
    }
    return float(toNumber(v));
  }));
  // bool subclasses int (issubclass(bool, int) is True).
  names.set("bool", typeConstructor("builtins.bool", ({ args }) => bool(args.length > 0 && interp().truth(args[0])), names.get("int") as ClassValue));
  names.set("str", typeConstructor("builtins.str", ({ args }) => {
    if (args.length === 0) return str("");
    const v = args[0];
    // an object's own __str__ (else __repr__), as Python's str() calls it: str(torch.device) is 'cpu'
    const own = v.kind === "instance" && !v.module ? lookupClassAttribute(v.cls, "__str__") ?? lookupClassAttribute(v.cls, "__repr__") : undefined;
    return own ? call(own, [v]) : toStr(v);
  }));
  names.set("list", typeConstructor("builtins.list", ({ args }) => list(args.length ? iterate(args[0]) : [])));
  names.set("tuple", typeConstructor("builtins.tuple", ({ args }) => tuple(args.length ? iterate(args[0]) : [])));
  names.set("set", typeConstructor("builtins.set", ({ args }) => {
    const entries = new Map<string, Value>();
    for (const v of args.length ? iterate(args[0]) : []) entries.set(keyOf(v), v);
    return { kind: "set", entries, id: freshId() };
  }));
  names.set("frozenset", names.get("set")!);
  const dictClass = typeConstructor("builtins.dict", (call) => constructDict(call, iterate));
  // Subclasses of dict written in analyzed code keep their items through these (plain dicts are values).
  for (const [name, method] of Object.entries(dictSubclassMethods(iterate))) {
    const changes = DICT_MUTATORS.has(name);
    dictClass.attributes.set(name, { kind: "native", name: `dict.${name}`, call: changes ? (c) => (interp().noteWrite(c.args[0]), method(c)) : method });
  }
  dictClass.attributes.set("fromkeys", builtin("dict.fromkeys", ({ args }) => {
    const d = dict();
    for (const k of iterate(args[0])) d.entries.set(keyOf(k), { key: k, value: args[1] ?? NONE });
    return d;
  }));
  names.set("dict", dictClass);
  const typeClass = typeConstructor("builtins.type", ({ args }) => {
    if (args.length === 3) return newClass(args[0], args[1], args[2]);
    const v = args[0];
    if (v.kind === "instance") return v.cls;
    const tensorClasses = interp().tensorClasses;
    if (v.kind === "tensor" && tensorClasses) return v.parameter ? tensorClasses.parameter : tensorClasses.tensor;
    const builtinName: Record<string, string> = { int: "int", float: "float", str: "str", list: "list", tuple: "tuple", dict: "dict", bool: "bool", none: "object", set: "set" };
    const n = builtinName[v.kind];
    return n ? names.get(n)! : unknown(`type of a ${v.kind}`);
  });
  names.set("type", typeClass);
  // type(name, bases, namespace) makes a class as a class statement would (configs built inline: type('Cfg', (),
  // {'num_class': 40})), its functions methods of it.
  const newClass = (name: Value, bases: Value, namespace: Value): ClassValue => {
    if (name.kind !== "str") throw new PythonError("TypeError: type.__new__() argument 1 must be str");
    if (namespace.kind !== "dict") throw new PythonError("TypeError: type.__new__() argument 3 must be dict");
    const parents = iterate(bases).map((b) => {
      if (b.kind !== "class") throw new PythonError("TypeError: type() bases must be classes");
      return b;
    });
    const cls: ClassValue = { kind: "class", name: name.value, qualifiedName: name.value, bases: parents.length ? parents : [object], attributes: new Map(), mro: [] };
    cls.mro = computeMro(cls);
    cls.isModule = cls.mro.some((c) => c.isModule);
    for (const e of namespace.entries.values()) {
      if (e.key.kind !== "str") continue;
      cls.attributes.set(e.key.value, e.value);
      if (e.value.kind === "function") e.value.definingClass ??= cls;
    }
    return cls;
  };
  // slice(stop) / slice(start, stop[, step]): the object `x[a:b:c]` builds (Swin's window masks build them in loops)
  const sliceType = builtin("slice", ({ args }) => {
    if (args.length === 0 || args.length > 3) throw new PythonError(`slice expected 1 to 3 arguments, got ${args.length}`);
    const [start, stop, step] = args.length === 1 ? [NONE, args[0], NONE] : [args[0], args[1], args[2] ?? NONE];
    return { kind: "slice", start, stop, step };
  });
  // isinstance(x, slice) is True for exactly the slice objects (a native type with an instance check, as types.* are).
  if (sliceType.kind === "native") sliceType.instanceCheck = (v) => v.kind === "slice";
  names.set("slice", sliceType);
}

/** dict(...) and OrderedDict(...): from a mapping or (key, value) pairs, then keyword arguments. */
export function constructDict({ args, kwargs }: NativeCall, iterate: (v: Value) => Value[]): DictValue {
  const d = dict();
  if (args.length) {
    const src = args[0];
    // a dict subclass's object (an EasyDict) is a mapping: its items, not its iteration's keys taken as pairs
    const items = dictStorage(src);
    if (items) for (const [k, v] of items.entries) d.entries.set(k, v);
    else for (const pair of iterate(src)) {
      const [k, v] = iterate(pair);
      d.entries.set(keyOf(k), { key: k, value: v });
    }
  }
  for (const [k, v] of kwargs) d.entries.set(keyOf(str(k)), { key: str(k), value: v });
  return d;
}

/**
 * int(text, base) as Python reads it: surrounding whitespace and underscores between digits allowed, a sign, and for
 * base 0 (or the matching base) the 0x/0o/0b prefix; undefined where Python raises ValueError.
 */
function parseIntLiteral(text: string, base: number): number | undefined {
  let s = text.trim().replace(/(?<=[0-9a-zA-Z])_(?=[0-9a-zA-Z])/g, "");
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("+")) {
    if (s.startsWith("-")) sign = -1;
    s = s.slice(1);
  }
  const prefixes: Record<string, number> = { "0x": 16, "0o": 8, "0b": 2 };
  const prefix = prefixes[s.slice(0, 2).toLowerCase()];
  if (prefix !== undefined && (base === 0 || base === prefix)) {
    s = s.slice(2);
    base = prefix;
  } else if (base === 0) {
    base = 10;
    if (/^0+[1-9]/.test(s)) return undefined;
  }
  if (base < 2 || base > 36 || s === "") return undefined;
  const digits = "0123456789abcdefghijklmnopqrstuvwxyz".slice(0, base);
  let n = 0;
  for (const ch of s.toLowerCase()) {
    const d = digits.indexOf(ch);
    if (d < 0) return undefined;
    n = n * base + d;
  }
  return sign * n;
}
