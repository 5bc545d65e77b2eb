import { braceFormat } from "./formatting";
import { isSubclass, lookupClassAttribute, nativeClass } from "./classes";
import { dictSubclassMethods } from "./dict-subclass";
import {
  NONE,
  bool,
  describeKind,
  dict,
  float,
  freshId,
  int,
  keyOf,
  list,
  namespaceDict,
  rangeLength,
  str,
  toInt,
  toNumber,
  tuple,
  unknown,
} from "./construct";
import type { Interpreter } from "./interpreter";
import { withPublishedSignature } from "../signatures/published";
import { compareValues } from "./operators";
import { PythonError, Unresolved, type ClassValue, type DictValue, type NativeCall, type Scope, type Value } from "./values";

type Native = (call: NativeCall) => Value;

/** The classes every program shares: object, type, exceptions, and builtin value types. */
export interface BuiltinClasses {
  object: ClassValue;
  exception: ClassValue;
}

/** A builtin; keyword arguments reach it as typeshed's signature of the builtin binds them (see withPublishedSignature). */
function native(name: string, call: Native): Value {
  const published = `builtins.${name}`;
  return { kind: "native", name, call: (c) => call(withPublishedSignature(published, c)) };
}

/** Builds the builtins scope (range, len, zip, isinstance, ...) bound to an interpreter. */
export function createBuiltins(interp: () => Interpreter): { scope: Scope; classes: BuiltinClasses } {
  const names = new Map<string, Value>();
  const object = nativeClass("builtins.object", [], {
    __init__: () => NONE,
    __init_subclass__: () => NONE,
    // What a class's own __getattribute__ ends in (`super().__getattribute__(key)`): the lookup without it.
    __getattribute__: ({ args }) => (args[1]?.kind === "str" ? interp().plainAttribute(args[0], args[1].value) : unknown("__getattribute__ of a non-string")),
    // What a class's own __setattr__ ends in (`super().__setattr__(key, value)`, transformers' attribute_map).
    __setattr__: ({ args }) => {
      const [self, name, value] = args;
      if (self?.kind === "instance" && name?.kind === "str" && value) interp().storeAttribute(self, name.value, value);
      return NONE;
    },
  });
  object.mro = [object];
  const exception = nativeClass("builtins.Exception", [object], {
    __init__: ({ args }) => {
      const self = args[0];
      if (self.kind === "instance") self.attributes.set("args", tuple(args.slice(1)));
      return NONE;
    },
  });
  names.set("object", object);
  names.set("Exception", exception);
  names.set("BaseException", exception);
  for (const e of ["ValueError", "TypeError", "KeyError", "IndexError", "AttributeError", "NotImplementedError", "RuntimeError", "ImportError", "ModuleNotFoundError", "AssertionError", "StopIteration", "ZeroDivisionError", "OSError", "FileNotFoundError", "Warning", "UserWarning", "DeprecationWarning"]) {
    names.set(e, nativeClass(`builtins.${e}`, [exception]));
  }
  names.set("NotImplemented", NONE);
  names.set("Ellipsis", { kind: "ellipsis" });

  const iterate = (v: Value) => interp().iterate(v);
  const call = (fn: Value, args: Value[]) => interp().call(fn, args, new Map());

  const typeConstructor = (qualifiedName: string, construct: Native): ClassValue => {
    const cls = nativeClass(qualifiedName, [object]);
    cls.construct = (c) => construct(c);
    return cls;
  };

  names.set("int", typeConstructor("builtins.int", ({ args }) => {
    if (args.length === 0) return int(0);
    const v = args[0];
    if (v.kind === "str") {
      const n = Number(v.value.trim());
      if (!Number.isFinite(n)) throw new PythonError(`invalid literal for int(): '${v.value}'`);
      return int(Math.trunc(n));
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
  names.set("bool", typeConstructor("builtins.bool", ({ args }) => bool(args.length > 0 && interp().truth(args[0]))));
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
  for (const [name, method] of Object.entries(dictSubclassMethods(iterate))) dictClass.attributes.set(name, { kind: "native", name: `dict.${name}`, call: method });
  dictClass.attributes.set("fromkeys", native("dict.fromkeys", ({ args }) => {
    const d = dict();
    for (const k of iterate(args[0])) d.entries.set(keyOf(k), { key: k, value: args[1] ?? NONE });
    return d;
  }));
  names.set("dict", dictClass);
  const typeClass = typeConstructor("builtins.type", ({ args }) => {
    const v = args[0];
    if (v.kind === "instance") return v.cls;
    const tensorClasses = interp().tensorClasses;
    if (v.kind === "tensor" && tensorClasses) return v.parameter ? tensorClasses.parameter : tensorClasses.tensor;
    const builtinName: Record<string, string> = { int: "int", float: "float", str: "str", list: "list", tuple: "tuple", dict: "dict", bool: "bool", none: "object", set: "set" };
    const n = builtinName[v.kind];
    return n ? names.get(n)! : unknown(`type of a ${v.kind}`);
  });
  names.set("type", typeClass);

  names.set("range", native("range", ({ args }) => {
    const n = args.map((a) => toInt(a, "range()"));
    const [start, stop, step] = n.length === 1 ? [0, n[0], 1] : [n[0], n[1], n[2] ?? 1];
    if (step === 0) throw new PythonError("range() arg 3 must not be zero");
    return { kind: "range", start, stop, step };
  }));
  names.set("len", native("len", ({ args }) => {
    const v = args[0];
    switch (v.kind) {
      case "list": case "tuple": return int(v.items.length);
      case "str": return int(v.value.length);
      case "dict": return int(v.entries.size);
      case "set": return int(v.entries.size);
      case "range": return int(rangeLength(v.start, v.stop, v.step));
      case "tensor":
        if (v.shape.length === 0) throw new PythonError("len() of a 0-d tensor");
        return int(v.shape[0]);
      case "instance": {
        if (v.module && !lookupClassAttribute(v.cls, "__len__")) return int(v.module.children.size);
        const m = lookupClassAttribute(v.cls, "__len__");
        if (m) return call(m, [v]);
        throw new Unresolved(`len() of a ${v.cls.name}`);
      }
      case "unknown": return v;
      default: throw new Unresolved(`len() of a ${describeKind(v)}`);
    }
  }));
  names.set("zip", native("zip", ({ args }) => {
    const lists = args.map(iterate);
    const n = lists.length ? Math.min(...lists.map((l) => l.length)) : 0;
    const out: Value[] = [];
    for (let i = 0; i < n; i++) out.push(tuple(lists.map((l) => l[i])));
    return { kind: "iterator", items: out, index: 0 };
  }));
  names.set("enumerate", native("enumerate", ({ args, kwargs }) => {
    const start = toInt(args[1] ?? kwargs.get("start") ?? int(0));
    return { kind: "iterator", items: iterate(args[0]).map((v, i) => tuple([int(start + i), v])), index: 0 };
  }));
  names.set("reversed", native("reversed", ({ args }) => ({ kind: "iterator", items: iterate(args[0]).reverse(), index: 0 })));
  names.set("iter", native("iter", ({ args }) => ({ kind: "iterator", items: iterate(args[0]), index: 0 })));
  names.set("next", native("next", ({ args }) => {
    const it = args[0];
    if (it.kind === "iterator") {
      if (it.index >= it.items.length) {
        if (args.length > 1) return args[1];
        throw new PythonError("StopIteration");
      }
      return it.items[it.index++];
    }
    const items = iterate(it);
    if (items.length === 0) {
      if (args.length > 1) return args[1];
      throw new PythonError("StopIteration");
    }
    return items[0];
  }));
  const extreme = (which: "min" | "max"): Native => ({ args, kwargs }) => {
    const items = args.length === 1 ? iterate(args[0]) : args;
    if (items.length === 0) {
      const d = kwargs.get("default");
      if (d) return d;
      throw new PythonError(`${which}() of an empty sequence`);
    }
    const keyFn = kwargs.get("key");
    const keyOfItem = (v: Value) => (keyFn && keyFn.kind !== "none" ? call(keyFn, [v]) : v);
    let best = items[0];
    let bestKey = keyOfItem(best);
    for (const v of items.slice(1)) {
      const k = keyOfItem(v);
      const better = compareValues(which === "min" ? "<" : ">", k, bestKey, interp());
      if (better.kind === "unknown") return better;
      if (better.kind === "bool" && better.value) {
        best = v;
        bestKey = k;
      }
    }
    return best;
  };
  names.set("min", native("min", extreme("min")));
  names.set("max", native("max", extreme("max")));
  names.set("sum", native("sum", ({ args }) => {
    let total: Value = args[1] ?? int(0);
    for (const v of iterate(args[0])) total = interp().binary("+", total, v, { line: 0, column: 0, endLine: 0, endColumn: 0, startIndex: 0, endIndex: 0 });
    return total;
  }));
  names.set("abs", native("abs", ({ args }) => (args[0].kind === "float" ? float(Math.abs(args[0].value)) : int(Math.abs(toNumber(args[0]))))));
  names.set("round", native("round", ({ args }) => {
    const x = toNumber(args[0]);
    if (args.length > 1 && args[1].kind !== "none") {
      const d = toInt(args[1]);
      return float(Number(x.toFixed(d)));
    }
    // Python rounds half to even
    const r = Math.round(x);
    return int(Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r);
  }));
  names.set("divmod", native("divmod", ({ args }) => {
    const a = toNumber(args[0]);
    const b = toNumber(args[1]);
    return tuple([int(Math.floor(a / b)), int(a - b * Math.floor(a / b))]);
  }));
  names.set("pow", native("pow", ({ args }) => interp().binary("**", args[0], args[1], { line: 0, column: 0, endLine: 0, endColumn: 0, startIndex: 0, endIndex: 0 })));
  names.set("sorted", native("sorted", ({ args, kwargs }) => {
    const items = iterate(args[0]);
    const keyFn = kwargs.get("key");
    const keyed = items.map((v) => ({ v, k: keyFn && keyFn.kind !== "none" ? call(keyFn, [v]) : v }));
    keyed.sort((a, b) => {
      const lt = compareValues("<", a.k, b.k, interp());
      const gt = compareValues(">", a.k, b.k, interp());
      return lt.kind === "bool" && lt.value ? -1 : gt.kind === "bool" && gt.value ? 1 : 0;
    });
    const out = keyed.map((x) => x.v);
    const rev = kwargs.get("reverse");
    if (rev && interp().truth(rev)) out.reverse();
    return list(out);
  }));
  names.set("any", native("any", ({ args }) => {
    for (const v of iterate(args[0])) if (interp().truth(v)) return bool(true);
    return bool(false);
  }));
  names.set("all", native("all", ({ args }) => {
    for (const v of iterate(args[0])) if (!interp().truth(v)) return bool(false);
    return bool(true);
  }));
  names.set("map", native("map", ({ args }) => {
    const lists = args.slice(1).map(iterate);
    const n = Math.min(...lists.map((l) => l.length));
    const out: Value[] = [];
    for (let i = 0; i < n; i++) out.push(call(args[0], lists.map((l) => l[i])));
    return { kind: "iterator", items: out, index: 0 };
  }));
  names.set("filter", native("filter", ({ args }) => ({
    kind: "iterator",
    items: iterate(args[1]).filter((v) => interp().truth(args[0].kind === "none" ? v : call(args[0], [v]))),
    index: 0,
  })));
  const callableTypeKinds: Record<string, Value["kind"][]> = {
    "functools.partial": ["partial"],
    "types.FunctionType": ["function"],
    "types.LambdaType": ["function"],
    "types.MethodType": ["bound"],
    "types.BuiltinFunctionType": ["native"],
  };
  const abstractKinds: Record<string, Value["kind"][]> = {
    "collections.abc.Iterable": ["list", "tuple", "dict", "set", "str", "range", "iterator", "tensor"],
    "collections.abc.Collection": ["list", "tuple", "dict", "set", "str", "range", "tensor"],
    "collections.abc.Iterator": ["iterator"],
    "collections.abc.Sequence": ["list", "tuple", "str", "range"],
    "collections.abc.Mapping": ["dict"],
    "collections.abc.Callable": ["function", "native", "class", "bound", "partial"],
    "numbers.Number": ["int", "float", "bool"],
    "numbers.Complex": ["int", "float", "bool"],
    "numbers.Real": ["int", "float", "bool"],
    "numbers.Rational": ["int", "bool"],
    "numbers.Integral": ["int", "bool"],
  };
  const isInstance = (v: Value, spec: Value): boolean | undefined => {
    if (spec.kind === "tuple") {
      let unsure = false;
      for (const s of spec.items) {
        const r = isInstance(v, s);
        if (r) return true;
        if (r === undefined) unsure = true;
      }
      return unsure ? undefined : false;
    }
    // Type objects that are functions here: functools.partial, types.FunctionType...
    if (spec.kind === "native" && spec.name in callableTypeKinds) return v.kind === "unknown" ? undefined : callableTypeKinds[spec.name].includes(v.kind);
    // None is an instance of NoneType and object only: no class from code the analyzer cannot see is either.
    if (spec.kind === "unknown" && v.kind === "none") return false;
    if (spec.kind !== "class" || v.kind === "unknown") return undefined;
    const abstract = abstractKinds[spec.qualifiedName];
    if (abstract) {
      if (v.kind === "instance") return isSubclass(v.cls, spec) || (spec.name === "Callable" && !!lookupClassAttribute(v.cls, "__call__")) || ((spec.name === "Iterable" || spec.name === "Collection") && !!lookupClassAttribute(v.cls, "__iter__"));
      return abstract.includes(v.kind);
    }
    if (v.kind === "instance") return isSubclass(v.cls, spec);
    if (spec.qualifiedName === "builtins.type") return v.kind === "class";
    const builtin: Record<string, string[]> = { int: ["int", "bool"], float: ["float"], str: ["str"], list: ["list"], tuple: ["tuple"], dict: ["dict"], bool: ["bool"], set: ["set"] };
    const kinds = builtin[spec.name];
    if (kinds && spec.qualifiedName.startsWith("builtins.")) return kinds.includes(v.kind);
    if (spec.qualifiedName === "torch.Tensor" || spec.qualifiedName === "torch.nn.Parameter") return v.kind === "tensor" && (spec.name === "Tensor" || !!v.parameter);
    if (spec.qualifiedName === "builtins.object") return true;
    return false;
  };
  names.set("isinstance", native("isinstance", ({ args }) => {
    const r = isInstance(args[0], args[1]);
    return r === undefined ? unknown("isinstance of an unknown value") : bool(r);
  }));
  names.set("issubclass", native("issubclass", ({ args }) => {
    const [c, spec] = args;
    if (c.kind !== "class") return unknown("issubclass of a non-class");
    const bases = spec.kind === "tuple" ? spec.items : [spec];
    return bool(bases.some((b) => b.kind === "class" && isSubclass(c, b)));
  }));
  names.set("callable", native("callable", ({ args }) => bool(["function", "native", "class", "bound", "partial"].includes(args[0].kind) || (args[0].kind === "instance" && !!lookupClassAttribute(args[0].cls, "__call__")))));
  names.set("getattr", native("getattr", ({ args }) => {
    const name = args[1];
    if (name.kind !== "str") return unknown("getattr with an unknown name");
    const v = interp().getAttribute(args[0], name.value);
    if (v.kind === "unknown" && args.length > 2 && args[0].kind !== "unknown") return args[2];
    return v;
  }));
  names.set("hasattr", native("hasattr", ({ args }) => {
    const name = args[1];
    if (name.kind !== "str" || args[0].kind === "unknown") return unknown("hasattr of an unknown value");
    return bool(interp().getAttribute(args[0], name.value).kind !== "unknown");
  }));
  names.set("setattr", native("setattr", ({ args }) => {
    if (args[1].kind === "str") interp().setAttribute(args[0], args[1].value, args[2]);
    return NONE;
  }));
  names.set("delattr", native("delattr", () => NONE));
  names.set("print", native("print", () => NONE));
  names.set("repr", native("repr", ({ args }) => toStr(args[0])));
  names.set("format", native("format", ({ args }) => braceFormat(`{0:${args[1]?.kind === "str" ? args[1].value : ""}}`, args.slice(0, 1), new Map())));
  names.set("hash", native("hash", ({ args }) => int(keyOf(args[0]).length)));
  names.set("id", native("id", ({ args }) => int(args[0].kind === "instance" ? args[0].id : 0)));
  names.set("ord", native("ord", ({ args }) => int(args[0].kind === "str" ? args[0].value.charCodeAt(0) : 0)));
  names.set("chr", native("chr", ({ args }) => str(String.fromCharCode(toInt(args[0])))));
  names.set("open", native("open", () => unknown("file contents are not read by the analyzer")));
  names.set("input", native("input", () => unknown("user input")));
  names.set("vars", native("vars", ({ args }) => {
    const v = args[0];
    if (v && v.kind === "instance") return dict([...v.attributes].map(([k, x]) => [str(k), x] as [Value, Value]));
    if (v && v.kind === "namespace") return namespaceDict(v);
    return unknown("vars()");
  }));
  // slice(stop) / slice(start, stop[, step]): the object `x[a:b:c]` builds (Swin's window masks build them in loops)
  names.set("slice", native("slice", ({ args }) => {
    if (args.length === 0 || args.length > 3) throw new PythonError(`slice expected 1 to 3 arguments, got ${args.length}`);
    const [start, stop, step] = args.length === 1 ? [NONE, args[0], NONE] : [args[0], args[1], args[2] ?? NONE];
    return { kind: "slice", start, stop, step };
  }));
  names.set("globals", native("globals", () => unknown("globals()")));
  // A function's own names at the call, as a new dict (CvT-style `kwargs = dict(locals())` in __init__).
  names.set("locals", native("locals", () => {
    const scope = interp().frame?.scope;
    if (!scope) return unknown("locals() outside a function");
    return dict([...scope.names].filter(([k]) => !k.startsWith("__greenlight")).map(([k, x]) => [str(k), x] as [Value, Value]));
  }));
  // __import__(name, globals, locals, fromlist, level), as the import statement uses it: the top-level package, or
  // the named module itself when fromlist names something (`__import__("argparse").Namespace(...)`).
  names.set("__import__", native("__import__", ({ args }) => {
    const [name, , , fromlist, level] = args;
    if (name?.kind !== "str") return unknown("__import__ of a name whose text is unknown");
    const i = interp();
    const file = i.frame?.file ?? "";
    const depth = level?.kind === "int" ? level.value : 0;
    const full = i.loader.importModule(name.value, depth, file);
    const wantsModule = depth > 0 || (fromlist !== undefined && fromlist.kind !== "none" && i.iterate(fromlist).length > 0);
    const ns = wantsModule ? full : i.loader.importModule(name.value.split(".")[0], 0, file);
    if (!ns) throw new PythonError(`No module named '${name.value}'`);
    return ns;
  }));
  names.set("exit", native("exit", () => { throw new PythonError("exit() called"); }));
  names.set("quit", names.get("exit")!);
  names.set("super", native("super", ({ args }) => {
    const [cls, self] = args;
    if (cls?.kind !== "class" || !self) return unknown("super() with unknown arguments");
    return { kind: "super", cls, self };
  }));
  // Decorators by name are handled in the interpreter; as values they wrap nothing.
  names.set("staticmethod", native("staticmethod", ({ args }) => args[0]));
  names.set("classmethod", native("classmethod", ({ args }) => args[0]));
  names.set("property", native("property", ({ args }) => ({ kind: "property", getter: args[0], setter: args[1] && args[1].kind !== "none" ? args[1] : undefined })));
  names.set("__name__", str("__greenlight__"));
  names.set("__file__", unknown("__file__"));

  return { scope: { names }, classes: { object, exception } };
}

/** dict(...) and OrderedDict(...): from a mapping or (key, value) pairs, then keyword arguments. */
export function constructDict({ args, kwargs }: NativeCall, iterate: (v: Value) => Value[]): DictValue {
  const d = dict();
  if (args.length) {
    const src = args[0];
    if (src.kind === "dict") for (const [k, v] of src.entries) d.entries.set(k, v);
    else for (const pair of iterate(src)) {
      const [k, v] = iterate(pair);
      d.entries.set(keyOf(k), { key: k, value: v });
    }
  }
  for (const [k, v] of kwargs) d.entries.set(keyOf(str(k)), { key: str(k), value: v });
  return d;
}

/** Python str() of a value where it is knowable. */
export function toStr(v: Value): Value {
  switch (v.kind) {
    case "str": return v;
    case "int": return str(String(v.value));
    case "float": return str(Number.isInteger(v.value) ? `${v.value}.0` : String(v.value));
    case "bool": return str(v.value ? "True" : "False");
    case "none": return str("None");
    case "class": return str(`<class '${v.qualifiedName.replace(/^builtins\./, "")}'>`);
    default: return unknown(`str() of a ${describeKind(v)}`);
  }
}
