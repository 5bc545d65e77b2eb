import { lookupClassAttribute, nativeClass } from "./classes";
import { createImportlibModules } from "./importlib";
import { createRegexModule } from "./regex";
import { einopsFunctions } from "./einops";
import { numpyArrayFunctions, numpyRandomFunctions, numpyScalarTypes, numpyTableFunctions } from "./numpy-arrays";
import { valuesEqual } from "./operators";
import { pythonText } from "./formatting";
import { NONE, bool, dict, float, freshId, int, keyOf, list, str, toInt, toNumber, tuple, unknown } from "./construct";
import type { Interpreter } from "./interpreter";
import { withPublishedSignature } from "../signatures/published";
import { constructDict } from "./builtins";
import { dictSubclassMethods } from "./dict-subclass";
import { deepCopy } from "../torch/module-base";
import { createInspectModule, wraps } from "./inspect-signature";
import { PythonError, type ClassValue, type ModuleNamespaceValue, type NativeCall, type Value } from "./values";

type Native = (call: NativeCall) => Value;

function namespace(name: string, entries: Record<string, Value>): ModuleNamespaceValue {
  return { kind: "namespace", name, scope: { names: new Map(Object.entries(entries)) } };
}

/** A standard-library function; keywords bind as typeshed's signature of `name` says, where it has one. */
function fn(name: string, call: Native): Value {
  return { kind: "native", name, call: (c) => call(withPublishedSignature(name, c)) };
}

const num = (v: Value) => toNumber(v);

/** Python standard-library modules the analyzer models (math, functools, collections, dataclasses, ...). */
export function createStandardLibrary(interp: () => Interpreter, objectClass: ClassValue): Map<string, ModuleNamespaceValue> {
  const modules = new Map<string, ModuleNamespaceValue>();
  const call = (f: Value, args: Value[], kwargs = new Map<string, Value>()) => interp().call(f, args, kwargs);
  const iterate = (v: Value) => interp().iterate(v);

  const mathFunctions: Record<string, (...xs: number[]) => number> = {
    sqrt: Math.sqrt, exp: Math.exp, log2: Math.log2, log10: Math.log10, sin: Math.sin, cos: Math.cos, tan: Math.tan,
    atan: Math.atan, tanh: Math.tanh, fabs: Math.abs, pow: Math.pow, atan2: Math.atan2, hypot: Math.hypot,
    erf, erfc: (x: number) => 1 - erf(x), asin: Math.asin, acos: Math.acos, sinh: Math.sinh, cosh: Math.cosh,
  };
  const math: Record<string, Value> = {
    pi: float(Math.PI), e: float(Math.E), inf: float(Infinity), tau: float(2 * Math.PI), nan: float(NaN),
    ceil: fn("math.ceil", ({ args }) => int(Math.ceil(num(args[0])))),
    floor: fn("math.floor", ({ args }) => int(Math.floor(num(args[0])))),
    trunc: fn("math.trunc", ({ args }) => int(Math.trunc(num(args[0])))),
    log: fn("math.log", ({ args }) => float(args.length > 1 ? Math.log(num(args[0])) / Math.log(num(args[1])) : Math.log(num(args[0])))),
    // binomial coefficients and factorials (blur-pool filters are rows of Pascal's triangle)
    comb: fn("math.comb", ({ args }) => {
      const [n, k] = [toInt(args[0]), toInt(args[1])];
      if (k < 0 || k > n) return int(0);
      let r = 1;
      for (let i = 1; i <= Math.min(k, n - k); i++) r = (r * (n - Math.min(k, n - k) + i)) / i;
      return int(Math.round(r));
    }),
    perm: fn("math.perm", ({ args }) => {
      const n = toInt(args[0]);
      const k = args.length > 1 && args[1].kind !== "none" ? toInt(args[1]) : n;
      let r = 1;
      for (let i = 0; i < k; i++) r *= n - i;
      return int(k > n ? 0 : r);
    }),
    factorial: fn("math.factorial", ({ args }) => {
      let r = 1;
      for (let i = 2; i <= toInt(args[0]); i++) r *= i;
      return int(r);
    }),
    gcd: fn("math.gcd", ({ args }) => {
      let [a, b] = [Math.abs(toInt(args[0])), Math.abs(toInt(args[1]))];
      while (b) [a, b] = [b, a % b];
      return int(a);
    }),
    prod: fn("math.prod", ({ args }) => iterate(args[0]).reduce<Value>((acc, v) => interp().binary("*", acc, v, zero), int(1))),
    isqrt: fn("math.isqrt", ({ args }) => int(Math.floor(Math.sqrt(num(args[0]))))),
    isclose: fn("math.isclose", ({ args }) => bool(Math.abs(num(args[0]) - num(args[1])) <= 1e-9 * Math.max(Math.abs(num(args[0])), Math.abs(num(args[1]))))),
    isfinite: fn("math.isfinite", ({ args }) => bool(Number.isFinite(num(args[0])))),
  };
  for (const [k, f] of Object.entries(mathFunctions)) math[k] = fn(`math.${k}`, ({ args }) => float(f(...args.map(num))));
  modules.set("math", namespace("math", math));

  // partial of a partial flattens into one (as CPython's functools.partial does): .func is the innermost callable
  const partial = fn("functools.partial", ({ args, kwargs }) => {
    const inner = args[0];
    if (inner?.kind === "partial") return { kind: "partial", fn: inner.fn, args: [...inner.args, ...args.slice(1)], kwargs: new Map([...inner.kwargs, ...kwargs]) };
    return { kind: "partial", fn: inner, args: args.slice(1), kwargs: new Map(kwargs) };
  });
  const identityDecorator = fn("decorator", ({ args }) => (args.length === 1 && ["function", "native", "class"].includes(args[0].kind) ? args[0] : fn("decorator", ({ args: inner }) => inner[0])));
  modules.set("functools", namespace("functools", {
    partial,
    partialmethod: fn("functools.partialmethod", ({ args, kwargs }) => ({ kind: "partial", fn: args[0] ?? NONE, args: args.slice(1), kwargs: new Map(kwargs), method: true })),
    reduce: fn("functools.reduce", ({ args }) => {
      const items = iterate(args[1]);
      let acc = args.length > 2 ? args[2] : items.shift()!;
      for (const v of items) acc = call(args[0], [acc, v]);
      return acc;
    }),
    wraps: fn("functools.wraps", ({ args }) => wraps(args[0] ?? NONE)),
    lru_cache: identityDecorator,
    cache: identityDecorator,
    cached_property: fn("cached_property", ({ args }) => ({ kind: "property", getter: args[0] })),
  }));

  const orderedDict = nativeClass("collections.OrderedDict", [objectClass], dictSubclassMethods(iterate));
  orderedDict.construct = (c) => ({ ...constructDict(c, iterate), ordered: true });
  const defaultDict = nativeClass("collections.defaultdict", [objectClass]);
  defaultDict.construct = () => dict();
  const namedtuple = fn("collections.namedtuple", ({ args }) => {
    const fieldsValue = args[1];
    const fields = fieldsValue.kind === "str" ? fieldsValue.value.replace(/,/g, " ").split(/\s+/).filter(Boolean) : iterate(fieldsValue).map((f) => (f.kind === "str" ? f.value : "?"));
    const cls = nativeClass(args[0].kind === "str" ? args[0].value : "namedtuple", [objectClass]);
    cls.fields = fields;
    return cls;
  });
  modules.set("collections", namespace("collections", { OrderedDict: orderedDict, defaultdict: defaultDict, namedtuple, Counter: defaultDict, deque: fn("deque", ({ args }) => list(args.length ? iterate(args[0]) : [])) }));
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

  // typing: every name is a harmless class-like value that can be subscripted (List[int]) and ignored.
  const typingNames = ["Any", "Callable", "Dict", "List", "Optional", "Tuple", "Union", "Type", "Sequence", "Iterable", "Mapping", "Set", "Literal", "ClassVar", "Final", "TypeVar", "Generic", "Protocol", "Iterator", "cast", "overload", "TYPE_CHECKING", "Annotated", "NamedTuple"];
  const typing: Record<string, Value> = {};
  // typing's generic aliases of the collections.abc classes are those classes to isinstance (isinstance(x, Sequence)
  // with `from typing import Sequence`: torchvision checks its block settings so).
  for (const n of typingNames) typing[n] = abcClasses[n] ?? nativeClass(`typing.${n}`, [objectClass]);
  typing.TYPE_CHECKING = bool(false);
  typing.cast = fn("typing.cast", ({ args }) => args[1]);
  typing.overload = identityDecorator;
  typing.TypeVar = fn("TypeVar", () => NONE);
  modules.set("typing", namespace("typing", typing));
  // contextlib: `with` blocks run their body whatever the manager, so managers stand for themselves.
  const exitStack = nativeClass("contextlib.ExitStack", [objectClass], { enter_context: ({ args }) => args[1] ?? NONE, callback: () => NONE, close: () => NONE, __init__: () => NONE });
  // contextvars.ContextVar: one analysis is one context, so a variable holds what was last set (or its default).
  const contextVar = nativeClass("contextvars.ContextVar", [objectClass], {
    __init__: ({ args, kwargs }) => {
      const self = args[0];
      const initial = kwargs.get("default");
      if (self.kind === "instance" && initial) self.attributes.set("__value__", initial);
      return NONE;
    },
    get: ({ args }) => (args[0].kind === "instance" ? (args[0].attributes.get("__value__") ?? args[1] ?? unknown("a context variable never set")) : NONE),
    set: ({ args }) => {
      if (args[0].kind === "instance" && args[1]) args[0].attributes.set("__value__", args[1]);
      return NONE;
    },
    reset: () => NONE,
  });
  modules.set("contextvars", namespace("contextvars", { ContextVar: contextVar }));
  modules.set("contextlib", namespace("contextlib", {
    nullcontext: fn("nullcontext", ({ args }) => args[0] ?? NONE),
    contextmanager: identityDecorator,
    suppress: fn("suppress", () => NONE),
    ExitStack: exitStack,
  }));
  modules.set("typing_extensions", namespace("typing_extensions", typing));

  modules.set("itertools", namespace("itertools", {
    product: fn("itertools.product", ({ args, kwargs }) => {
      const repeat = kwargs.has("repeat") ? toInt(kwargs.get("repeat")!) : 1;
      let pools = args.map(iterate);
      if (repeat > 1) pools = Array.from({ length: repeat }, () => pools).flat();
      let result: Value[][] = [[]];
      for (const p of pools) result = result.flatMap((r) => p.map((x) => [...r, x]));
      return list(result.map((r) => tuple(r)));
    }),
    chain: fn("itertools.chain", ({ args }) => list(args.flatMap(iterate))),
    repeat: fn("itertools.repeat", ({ args }) => list(Array.from({ length: args[1] ? toInt(args[1]) : 1 }, () => args[0]))),
    accumulate: fn("itertools.accumulate", ({ args, kwargs }) => {
      // accumulate(iterable, func=None, *, initial=None): a given initial value comes first
      const initial = kwargs.get("initial");
      const func = args[1]?.kind === "none" ? undefined : args[1];
      const out: Value[] = initial && initial.kind !== "none" ? [initial] : [];
      let acc: Value | undefined = out[0];
      for (const v of iterate(args[0])) {
        acc = acc === undefined ? v : func ? call(func, [acc, v]) : interp().binary("+", acc, v, zero);
        out.push(acc);
      }
      return list(out);
    }),
    islice: fn("itertools.islice", ({ args }) => list(iterate(args[0]).slice(0, toInt(args[args.length - 1])))),
    // version parsing (packaging's trailing-zero strip) and prefix scans; an unknown predicate leaves the result unknown
    dropwhile: fn("itertools.dropwhile", ({ args }) => {
      const items = iterate(args[1]);
      for (let i = 0; i < items.length; i++) {
        const keep = call(args[0], [items[i]]);
        if (keep.kind === "unknown") return keep;
        if (!interp().truth(keep)) return list(items.slice(i));
      }
      return list([]);
    }),
    takewhile: fn("itertools.takewhile", ({ args }) => {
      const items = iterate(args[1]);
      for (let i = 0; i < items.length; i++) {
        const keep = call(args[0], [items[i]]);
        if (keep.kind === "unknown") return keep;
        if (!interp().truth(keep)) return list(items.slice(0, i));
      }
      return list(items);
    }),
  }));
  modules.set("operator", namespace("operator", {
    mul: fn("operator.mul", ({ args }) => interp().binary("*", args[0], args[1], zero)),
    add: fn("operator.add", ({ args }) => interp().binary("+", args[0], args[1], zero)),
  }));
  modules.set("copy", namespace("copy", {
    deepcopy: fn("copy.deepcopy", ({ args }) => deepCopy(args[0])),
    copy: fn("copy.copy", ({ args }) => args[0]),
  }));

  // argparse: a script's arguments resolve to their defaults.
  const argumentParser = nativeClass("argparse.ArgumentParser", [objectClass], {
    __init__: ({ args }) => {
      const self = args[0];
      if (self.kind === "instance") self.attributes.set("__defaults__", dict());
      return NONE;
    },
    add_argument: ({ args, kwargs }) => {
      const self = args[0];
      if (self.kind !== "instance") return NONE;
      const names = args.slice(1).filter((a): a is Extract<Value, { kind: "str" }> => a.kind === "str").map((a) => a.value);
      const long = names.find((n) => n.startsWith("--")) ?? names[0];
      if (!long) return NONE;
      const dest = kwargs.get("dest")?.kind === "str" ? (kwargs.get("dest") as { value: string }).value : long.replace(/^-+/, "").replace(/-/g, "_");
      const action = kwargs.get("action");
      let value = kwargs.get("default");
      if (value === undefined) value = action?.kind === "str" && action.value === "store_true" ? bool(false) : action?.kind === "str" && action.value === "store_false" ? bool(true) : NONE;
      const defaults = self.attributes.get("__defaults__");
      if (defaults?.kind === "dict") defaults.entries.set(keyOf(str(dest)), { key: str(dest), value });
      return NONE;
    },
    parse_args: ({ args }) => argparseNamespace(args[0]),
    parse_known_args: ({ args }) => tuple([argparseNamespace(args[0]), list([])]),
    add_argument_group: ({ args }) => args[0],
    add_mutually_exclusive_group: ({ args }) => args[0],
    // set_defaults(name=value): parser-level defaults override the arguments' own (argparse docs), whatever the order
    set_defaults: ({ args, kwargs }) => {
      const self = args[0];
      if (self?.kind !== "instance") return NONE;
      const own = self.attributes.get("__parser_defaults__");
      const merged = own?.kind === "dict" ? own : dict();
      for (const [k, v] of kwargs) merged.entries.set(keyOf(str(k)), { key: str(k), value: v });
      self.attributes.set("__parser_defaults__", merged);
      return NONE;
    },
  });
  // argparse.Namespace(**values): configs built by hand (`Net(argparse.Namespace(d_in=4, ...))`)
  const argparseNamespaceClass = nativeClass("argparse.Namespace", [objectClass], {
    __init__: ({ args, kwargs }) => {
      const self = args[0];
      if (self?.kind === "instance") for (const [k, v] of kwargs) self.attributes.set(k, v);
      return NONE;
    },
  });
  const argparseNamespace = (parser: Value): Value => {
    const instance: Value = { kind: "instance", cls: argparseNamespaceClass, attributes: new Map(), id: -2 };
    for (const name of ["__defaults__", "__parser_defaults__"]) {
      const defaults = parser.kind === "instance" ? parser.attributes.get(name) : undefined;
      if (defaults?.kind === "dict") for (const { key, value } of defaults.entries.values()) if (key.kind === "str") instance.attributes.set(key.value, value);
    }
    return instance;
  };
  modules.set("argparse", namespace("argparse", { ArgumentParser: argumentParser, Namespace: argparseNamespaceClass }));

  const quiet = (name: string) => fn(name, () => NONE);
  // Logging only has effects outside the model: any method of a logger (libraries add their own, warning_once) does nothing.
  const logger = nativeClass("logging.Logger", [objectClass], { info: () => NONE, warning: () => NONE, debug: () => NONE, error: () => NONE, warn: () => NONE, setLevel: () => NONE, __getattr__: () => fn("log", () => NONE) });
  const loggerInstance: Value = { kind: "instance", cls: logger, attributes: new Map(), id: -3 };
  modules.set("logging", namespace("logging", { getLogger: fn("getLogger", () => loggerInstance), basicConfig: quiet("basicConfig"), INFO: int(20), WARNING: int(30), DEBUG: int(10) }));
  modules.set("warnings", namespace("warnings", { warn: quiet("warn"), filterwarnings: quiet("filterwarnings"), simplefilter: quiet("simplefilter") }));
  modules.set("os", namespace("os", {
    environ: dict(),
    getenv: fn("os.getenv", ({ args }) => args[1] ?? NONE),
    path: namespace("os.path", {
      join: fn("os.path.join", () => unknown("a file path")),
      exists: fn("os.path.exists", () => bool(false)),
      isfile: fn("os.path.isfile", () => bool(false)),
      dirname: fn("os.path.dirname", () => unknown("a file path")),
      basename: fn("os.path.basename", () => unknown("a file path")),
      abspath: fn("os.path.abspath", () => unknown("a file path")),
    }),
    makedirs: quiet("makedirs"),
    cpu_count: fn("os.cpu_count", () => int(1)),
  }));
  modules.set("sys", namespace("sys", { argv: list([str("script.py")]), version_info: tuple([int(3), int(11)]), exit: fn("sys.exit", () => { throw new PythonError("sys.exit()"); }), stdout: unknown("stdout"), platform: str("linux"), path: list([]) }));
  modules.set("time", namespace("time", { time: fn("time.time", () => float(0)), perf_counter: fn("perf_counter", () => float(0)), sleep: quiet("sleep") }));
  modules.set("random", namespace("random", { seed: quiet("seed"), random: fn("random", () => unknown("a random number")), randint: fn("randint", () => unknown("a random number")), choice: fn("choice", () => unknown("a random choice")), shuffle: quiet("shuffle") }));
  modules.set("abc", namespace("abc", { ABC: nativeClass("abc.ABC", [objectClass]), abstractmethod: fn("abstractmethod", ({ args }) => args[0]), ABCMeta: nativeClass("abc.ABCMeta", [objectClass]) }));
  // Enum members are their plain values here (Format.NCHW is 'NCHW'), so Format('NCHW') looks the value up.
  const enumMethods = {
    __new__: ({ args }: NativeCall): Value => {
      const [cls, value] = args;
      if (cls?.kind !== "class" || value === undefined) return unknown("an enum member");
      for (const c of cls.mro) for (const [k, v] of c.attributes) if (!k.startsWith("_") && valuesEqual(v, value)) return v;
      throw new PythonError(`ValueError: ${describeValue(value)} is not a valid ${cls.name}`);
    },
  };
  modules.set("enum", namespace("enum", { Enum: nativeClass("enum.Enum", [objectClass], enumMethods), IntEnum: nativeClass("enum.IntEnum", [objectClass], enumMethods), auto: fn("auto", () => unknown("enum value")) }));
  modules.set("inspect", createInspectModule(objectClass));
  const numpy = namespace("numpy", {
    ...numpyArrayFunctions(fn),
    prod: math.prod,
    sqrt: fn("np.sqrt", ({ args }) => float(Math.sqrt(num(args[0])))),
    log2: fn("np.log2", ({ args }) => float(Math.log2(num(args[0])))),
    log: fn("np.log", ({ args }) => float(Math.log(num(args[0])))),
    ceil: fn("np.ceil", ({ args }) => float(Math.ceil(num(args[0])))),
    floor: fn("np.floor", ({ args }) => float(Math.floor(num(args[0])))),
    pi: float(Math.PI),
    ...numpyTableFunctions(fn),
    ...numpyScalarTypes(objectClass),
    random: namespace("numpy.random", { ...numpyRandomFunctions(fn), seed: quiet("seed") }),
  });
  modules.set("numpy", numpy);
  modules.set("re", createRegexModule(objectClass, namespace, fn));
  const einops: Record<string, Value> = {};
  for (const [k, f] of Object.entries(einopsFunctions())) einops[k] = fn(`einops.${k}`, f);
  modules.set("_greenlight_einops", namespace("_greenlight_einops", einops));
  // Type objects of functions, for isinstance checks in factories (isinstance(norm_layer, types.FunctionType)).
  modules.set("types", namespace("types", {
    FunctionType: fn("types.FunctionType", () => unknown("a new function")),
    LambdaType: fn("types.LambdaType", () => unknown("a new function")),
    MethodType: fn("types.MethodType", ({ args }) => ({ kind: "bound", self: args[1] ?? NONE, fn: args[0] ?? NONE })),
    BuiltinFunctionType: fn("types.BuiltinFunctionType", () => unknown("a new function")),
    SimpleNamespace: fn("types.SimpleNamespace", ({ kwargs }) => ({ kind: "instance", cls: objectClass, attributes: new Map(kwargs), id: freshId() })),
  }));
  for (const [name, module] of createImportlibModules(interp, objectClass)) modules.set(name, module);
  return modules;
}

const zero = { line: 0, column: 0, endLine: 0, endColumn: 0, startIndex: 0, endIndex: 0 };

/** The error function by Abramowitz & Stegun 7.1.26 (absolute error under 1.5e-7): init code (trunc_normal_) uses it. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

function describeValue(v: Value): string {
  return pythonText(v, true) ?? v.kind;
}
