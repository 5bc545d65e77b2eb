import { valuesOf } from "../torch/known-values";
import {
  PythonError,
  Unresolved,
  type BoundArguments,
  type DictValue,
  type FloatValue,
  type IntValue,
  type ListValue,
  type ModuleNamespaceValue,
  type NoneValue,
  type SourceLocation,
  type StrValue,
  type TensorDtype,
  type TensorValue,
  type TupleValue,
  type UnknownValue,
  type Value,
  type BoolValue, UnknownInput } from "./values";

let nextId = 1;
/** A fresh identity for mutable values (lists, dicts, objects, parameters). */
export function freshId(): number {
  return nextId++;
}

export const NONE: NoneValue = { kind: "none" };
export const TRUE: BoolValue = { kind: "bool", value: true };
export const FALSE: BoolValue = { kind: "bool", value: false };

/** Python int. */
export const int = (value: number): IntValue => ({ kind: "int", value });
/** Python float. */
export const float = (value: number): FloatValue => ({ kind: "float", value });
/** Python str. */
export const str = (value: string): StrValue => ({ kind: "str", value });
/** Python bool. */
export const bool = (value: boolean): BoolValue => (value ? TRUE : FALSE);
/** Python tuple. */
export const tuple = (items: Value[]): TupleValue => ({ kind: "tuple", items });
/** Python list (a fresh object). */
export const list = (items: Value[]): ListValue => ({ kind: "list", items, id: freshId() });
/** torch.Size of these dims. */
export const size = (dims: number[]): TupleValue => ({ kind: "tuple", items: dims.map(int), isSize: true });
/** A tensor of this shape and dtype. */
export const tensor = (shape: number[], dtype: TensorDtype = "float32"): TensorValue => ({ kind: "tensor", shape: [...shape], dtype });
/** An unknown value with its reason. */
export const unknown = (reason: string, location?: SourceLocation): UnknownValue => ({ kind: "unknown", reason, location });

/** A fresh dict from [key, value] pairs. */
export function dict(pairs: [Value, Value][] = []): DictValue {
  const d: DictValue = { kind: "dict", entries: new Map(), id: freshId() };
  for (const [k, v] of pairs) d.entries.set(keyOf(k), { key: k, value: v });
  return d;
}

const identities = new WeakMap<object, number>();

function identityOf(v: object): number {
  let id = identities.get(v);
  if (id === undefined) {
    id = freshId();
    identities.set(v, id);
  }
  return id;
}

/** The lookup key of a hashable value (ints and equal floats share keys, as in Python). */
export function keyOf(v: Value): string {
  switch (v.kind) {
    case "none": return "None";
    case "bool": return v.value ? "i:1" : "i:0";
    case "int": return `i:${v.value}`;
    case "float": return Number.isInteger(v.value) ? `i:${v.value}` : `f:${v.value}`;
    case "str": return `s:${v.value}`;
    case "tuple": return `t:(${v.items.map(keyOf).join(",")})`;
    case "dtype": return `d:${v.name}`;
    case "class": return `c:${v.qualifiedName}`;
    case "instance": return `o:${v.id}`;
    case "tensor": return v.parameter ? `p:${v.parameter.id}` : `T:${v.shape.join("x")}`;
    // functions, partials and modules hash by identity, as in Python (sets of layer factories)
    case "function": case "native": case "partial": case "namespace": case "bound": return `h:${identityOf(v)}`;
    default:
      throw new Unresolved(`unhashable or unknown key (${v.kind})`);
  }
}

/** True when v is an int or a bool (Python's bool is an int). */
export function isIntLike(v: Value): v is IntValue | BoolValue {
  return v.kind === "int" || v.kind === "bool";
}

/** The number in an int, bool or float, or throws Unresolved. */
export function toNumber(v: Value, what = "value"): number {
  if (v.kind === "int" || v.kind === "float") return v.value;
  if (v.kind === "bool") return v.value ? 1 : 0;
  if (v.kind === "unknown") throw new UnknownInput(v);
  // a one-element tensor of known contents converts as Python's int()/float()/__index__ convert it
  const known = v.kind === "tensor" && v.shape.every((d) => d === 1) ? valuesOf(v) : undefined;
  if (known?.length === 1) return known[0];
  throw new Unresolved(`${what} is a ${describeKind(v)}, not a number`);
}

/** The integer in an int or bool (or an integral float), or throws Unresolved. */
export function toInt(v: Value, what = "value"): number {
  const n = toNumber(v, what);
  if (!Number.isInteger(n)) throw new Unresolved(`${what} is ${n}, not an integer`);
  return n;
}

/** A list of ints from an int, a tuple/list of ints or a torch.Size. */
export function toInts(v: Value, what = "value"): number[] {
  if (v.kind === "tuple" || v.kind === "list") return v.items.map((x) => toInt(x, what));
  return [toInt(v, what)];
}

/** Python truthiness where it is knowable; throws Unresolved otherwise. */
export function truthy(v: Value): boolean {
  switch (v.kind) {
    case "none": return false;
    case "bool": case "int": case "float": return v.value !== 0 && v.value !== (false as unknown);
    case "str": return v.value.length > 0;
    case "tuple": case "list": return v.items.length > 0;
    case "dict": return v.entries.size > 0;
    case "set": return v.entries.size > 0;
    case "range": return rangeLength(v.start, v.stop, v.step) > 0;
    case "unknown": throw new UnknownInput(v);
    case "tensor":
      if (v.shape.reduce((a, b) => a * b, 1) === 1) throw new Unresolved("truth value of a tensor's contents");
      throw new PythonError("truth value of a tensor with more than one element is ambiguous");
    case "instance":
      if (v.module && v.cls.name !== "Sequential" && v.cls.name !== "ModuleList" && v.cls.name !== "ModuleDict") return true;
      if (v.module) return v.module.children.size > 0;
      return true;
    default: return true;
  }
}

/** Number of items in range(start, stop, step). */
export function rangeLength(start: number, stop: number, step: number): number {
  if (step > 0) return Math.max(0, Math.ceil((stop - start) / step));
  return Math.max(0, Math.ceil((start - stop) / -step));
}

/** A short name of a value's type for messages. */
export function describeKind(v: Value): string {
  switch (v.kind) {
    case "instance": return v.cls.name;
    case "class": return `class ${v.name}`;
    case "native": return `function ${v.name}`;
    case "function": return `function ${v.name}`;
    case "tensor": return `tensor[${v.shape.join(", ")}]`;
    default: return v.kind;
  }
}

interface ParsedParameter {
  name: string;
  defaultText?: string;
  star?: "*" | "**";
}

function parseSignature(signature: string[]): ParsedParameter[] {
  return signature.map((p) => {
    if (p.startsWith("**")) return { name: p.slice(2), star: "**" as const };
    if (p.startsWith("*")) return { name: p.slice(1), star: "*" as const };
    const eq = p.indexOf("=");
    return eq < 0 ? { name: p } : { name: p.slice(0, eq), defaultText: p.slice(eq + 1) };
  });
}

/** Reads a default written in a native signature ("True", "1e-5", "None", "'zeros'", "(1, 1)"). */
export function literalDefault(text: string): Value {
  const t = text.trim();
  if (t === "None") return NONE;
  if (t === "True") return TRUE;
  if (t === "False") return FALSE;
  if (/^-?\d+$/.test(t)) return int(Number(t));
  if (/^-?[\d.]+(e-?\d+)?$/i.test(t)) return float(Number(t));
  if (/^(['"]).*\1$/.test(t)) return str(t.slice(1, -1));
  if (t.startsWith("(") && t.endsWith(")")) {
    const inner = t.slice(1, -1).split(",").map((s) => s.trim()).filter((s) => s.length > 0);
    return tuple(inner.map(literalDefault));
  }
  throw new Error(`unsupported default in native signature: ${text}`);
}

/** Binds positional and keyword arguments to a native signature, like Python's call binding. */
export function bindArguments(signature: string[], args: Value[], kwargs: Map<string, Value>, callee = "call"): BoundArguments {
  const params = parseSignature(signature);
  const bound = new Map<string, Value>();
  let i = 0;
  for (const p of params) {
    if (p.star === "*") {
      bound.set(p.name, tuple(args.slice(i)));
      i = args.length;
    } else if (p.star === "**") {
      const rest = dict();
      for (const [k, v] of kwargs) if (!bound.has(k) && !params.some((q) => q.name === k && !q.star)) rest.entries.set(keyOf(str(k)), { key: str(k), value: v });
      bound.set(p.name, rest);
    } else if (i < args.length) {
      bound.set(p.name, args[i++]);
    }
  }
  if (i < args.length) throw new PythonError(`${callee}() takes ${i} positional arguments but ${args.length} were given`);
  const hasVarKw = params.some((p) => p.star === "**");
  for (const [k, v] of kwargs) {
    const p = params.find((q) => q.name === k && !q.star);
    if (!p) {
      if (hasVarKw) continue;
      throw new PythonError(`${callee}() got an unexpected keyword argument '${k}'`);
    }
    if (bound.has(k) && !p.star) throw new PythonError(`${callee}() got multiple values for argument '${k}'`);
    bound.set(k, v);
  }
  for (const p of params) {
    if (bound.has(p.name) || p.star) continue;
    if (p.defaultText === undefined) throw new PythonError(`${callee}() missing required argument '${p.name}'`);
    bound.set(p.name, literalDefault(p.defaultText));
  }
  return boundReader(bound, callee);
}

function boundReader(bound: Map<string, Value>, callee: string): BoundArguments {
  const get = (name: string): Value => {
    const v = bound.get(name);
    if (v === undefined) throw new Error(`${callee}: no parameter ${name}`);
    if (v.kind === "unknown") throw new UnknownInput(v);
    return v;
  };
  return {
    get: (name) => bound.get(name) ?? NONE,
    has: (name) => bound.has(name),
    int: (name) => toInt(get(name), `${callee}(${name})`),
    float: (name) => toNumber(get(name), `${callee}(${name})`),
    bool: (name) => truthy(get(name)),
    str: (name) => {
      const v = get(name);
      if (v.kind !== "str") throw new Unresolved(`${callee}(${name}) is not a string`);
      return v.value;
    },
    ints: (name, n) => {
      const v = get(name);
      const xs = toInts(v, `${callee}(${name})`);
      if (xs.length === 1 && n > 1) return Array(n).fill(xs[0]);
      if (xs.length !== n) throw new PythonError(`${callee}(${name}) has ${xs.length} values, expected ${n}`);
      return xs;
    },
    isNone: (name) => (bound.get(name) ?? NONE).kind === "none",
  };
}

/** Bound arguments with one of them replaced (a layer attribute assigned after construction). */
export function withArgument(config: BoundArguments, name: string, value: Value): BoundArguments {
  const one = boundReader(new Map([[name, value]]), name);
  const pick = (n: string) => (n === name ? one : config);
  return {
    get: (n) => pick(n).get(n),
    has: (n) => n === name || config.has(n),
    int: (n) => pick(n).int(n),
    float: (n) => pick(n).float(n),
    bool: (n) => pick(n).bool(n),
    str: (n) => pick(n).str(n),
    ints: (n, k) => pick(n).ints(n, k),
    isNone: (n) => pick(n).isNone(n),
  };
}

/** The element count of a shape. */
export function numel(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** A module's `__dict__` / `vars(module)`: its names as a dict (`resnet.__dict__[name](...)` picks a factory by name). */
export function namespaceDict(o: ModuleNamespaceValue): DictValue {
  return dict([...o.scope.names].filter(([k]) => k !== "__fallback__" && !k.startsWith("__greenlight")).map(([k, v]) => [str(k), v] as [Value, Value]));
}
