import { percentFormat } from "./formatting";
import { bool, describeKind, float, freshId, int, keyOf, list, str, toNumber, truthy, tuple, unknown } from "./construct";
import type { ModuleLoader } from "./module-loader";
import type { TorchCatalogue } from "./torch-catalogue";
import { lookupClassAttribute } from "./classes";
import { PythonError, Unresolved, type OpContext, type UnknownValue, type Value } from "./values";

/** What operators need of the interpreter: calling dunder methods, the tensor library, and registry loading. */
export interface OperatorHost {
  call(fn: Value, args: Value[], kwargs: Map<string, Value>): Value;
  readonly context: OpContext;
  readonly torch: TorchCatalogue;
  readonly loader: ModuleLoader;
}

const DUNDER: Record<string, string> = {
  "+": "__add__", "-": "__sub__", "*": "__mul__", "/": "__truediv__", "//": "__floordiv__", "%": "__mod__",
  "**": "__pow__", "@": "__matmul__",
};

/** A Python number, known or not (an unknown value marked as one). */
function someNumber(v: Value): boolean {
  return isNumeric(v) || (v.kind === "unknown" && v.number === true);
}

function isNumeric(v: Value): v is Extract<Value, { kind: "int" | "float" | "bool" }> {
  return v.kind === "int" || v.kind === "float" || v.kind === "bool";
}

/**
 * Augmented assignment (`a += b`) as Python runs it: an object's own in-place method (`__iadd__`: nn.ModuleList's
 * extend) first, else the binary operator.
 */
export function augmentedOperation(op: string, l: Value, r: Value, interp: OperatorHost): Value {
  if (l.kind === "instance" && r.kind !== "unknown" && DUNDER[op]) {
    const m = lookupClassAttribute(l.cls, DUNDER[op].replace("__", "__i"));
    if (m) return interp.call(m, [l, r], new Map());
  }
  return binaryOperation(op, l, r, interp);
}

/** Python's binary operators on abstract values; tensors go to the torch catalogue. */
export function binaryOperation(op: string, l: Value, r: Value, interp: OperatorHost): Value {
  if (l.kind === "unknown" || r.kind === "unknown") {
    const u = l.kind === "unknown" ? l : (r as UnknownValue);
    // Arithmetic on numbers gives a number; with anything else (a tensor, a string) the result may not be one.
    return u.number && !(someNumber(l) && someNumber(r)) ? { ...u, number: undefined } : u;
  }
  if (l.kind === "tensor" || r.kind === "tensor") return interp.torch.binaryOperator(op, l, r, interp.context);
  if (isNumeric(l) && isNumeric(r)) return numeric(op, l, r);
  if (op === "+") {
    if (l.kind === "str" && r.kind === "str") return str(l.value + r.value);
    if (l.kind === "list" && r.kind === "list") return list([...l.items, ...r.items]);
    if (l.kind === "tuple" && r.kind === "tuple") return { ...tuple([...l.items, ...r.items]), isSize: l.isSize };
  }
  if (op === "*") {
    const [seq, n] = isNumeric(r) ? [l, r] : [r, l];
    if (isNumeric(n)) {
      const times = Math.max(0, toNumber(n));
      if (seq.kind === "str") return str(seq.value.repeat(times));
      if (seq.kind === "list" || seq.kind === "tuple") {
        const items: Value[] = [];
        for (let i = 0; i < times; i++) items.push(...seq.items);
        return seq.kind === "list" ? list(items) : tuple(items);
      }
    }
  }
  if (op === "%" && l.kind === "str") return percentFormat(l.value, r);
  if (op === "|" && l.kind === "dict" && r.kind === "dict") {
    const d = { ...l, entries: new Map(l.entries), id: l.id + 0.5 };
    for (const [k, v] of r.entries) d.entries.set(k, v);
    return d;
  }
  if (l.kind === "set" && r.kind === "set" && ["|", "&", "-", "^"].includes(op)) {
    const entries = new Map<string, Value>();
    for (const [k, v] of l.entries) if (op === "|" || op === "^" || (op === "&" ? r.entries.has(k) : !r.entries.has(k))) if (!(op === "^" && r.entries.has(k))) entries.set(k, v);
    if (op === "|" || op === "^") for (const [k, v] of r.entries) if (!(op === "^" && l.entries.has(k))) entries.set(k, v);
    return { kind: "set", entries, id: freshId() };
  }
  if (l.kind === "instance") {
    const m = lookupClassAttribute(l.cls, DUNDER[op] ?? "");
    if (m) return interp.call(m, [l, r], new Map());
  }
  if (r.kind === "instance") {
    const m = lookupClassAttribute(r.cls, (DUNDER[op] ?? "").replace("__", "__r"));
    if (m) return interp.call(m, [r, l], new Map());
  }
  throw new Unresolved(`operator ${op} on ${describeKind(l)} and ${describeKind(r)}`);
}

function numeric(op: string, l: Value, r: Value): Value {
  const a = toNumber(l);
  const b = toNumber(r);
  const ints = l.kind !== "float" && r.kind !== "float";
  switch (op) {
    case "+": return ints ? int(a + b) : float(a + b);
    case "-": return ints ? int(a - b) : float(a - b);
    case "*": return ints ? int(a * b) : float(a * b);
    case "/":
      if (b === 0) throw new PythonError("division by zero");
      return float(a / b);
    case "//":
      if (b === 0) throw new PythonError("integer division by zero");
      return ints ? int(Math.floor(a / b)) : float(Math.floor(a / b));
    case "%": {
      if (b === 0) throw new PythonError("modulo by zero");
      const m = a - b * Math.floor(a / b);
      return ints ? int(m) : float(m);
    }
    case "**": return ints && b >= 0 ? int(a ** b) : float(a ** b);
    case "<<": return int(a * 2 ** b);
    case ">>": return int(Math.floor(a / 2 ** b));
    case "&": return l.kind === "bool" && r.kind === "bool" ? bool(!!(a & b)) : int(a & b);
    case "|": return l.kind === "bool" && r.kind === "bool" ? bool(!!(a | b)) : int(a | b);
    case "^": return l.kind === "bool" && r.kind === "bool" ? bool(!!(a ^ b)) : int(a ^ b);
    default: throw new Unresolved(`operator ${op}`);
  }
}

/** Unary minus, plus and bitwise not. */
export function unaryOperation(op: string, v: Value, interp: OperatorHost): Value {
  if (v.kind === "unknown") return v;
  if (v.kind === "tensor") return interp.torch.unaryOperator(op as "-" | "+" | "~", v, interp.context);
  if (op === "-") return v.kind === "float" ? float(-v.value) : int(-toNumber(v));
  if (op === "+") return v.kind === "float" ? v : int(toNumber(v));
  if (op === "~") return int(~toNumber(v));
  throw new Unresolved(`unary ${op}`);
}

/** Python equality of abstract values where it is knowable. */
export function valuesEqual(a: Value, b: Value): boolean | undefined {
  if (a.kind === "unknown" || b.kind === "unknown") return undefined;
  if (isNumeric(a) && isNumeric(b)) return toNumber(a) === toNumber(b);
  if (a.kind === "str" && b.kind === "str") return a.value === b.value;
  if (a.kind === "none" || b.kind === "none") return a.kind === b.kind;
  if ((a.kind === "tuple" || a.kind === "list") && (b.kind === "tuple" || b.kind === "list")) {
    if (a.kind !== b.kind && !((a as { isSize?: boolean }).isSize || (b as { isSize?: boolean }).isSize)) return false;
    if (a.items.length !== b.items.length) return false;
    for (let i = 0; i < a.items.length; i++) {
      const e = valuesEqual(a.items[i], b.items[i]);
      if (e !== true) return e;
    }
    return true;
  }
  if (a.kind === "dtype" && b.kind === "dtype") return a.name === b.name;
  if (a.kind === "class" && b.kind === "class") return a === b;
  if (a.kind === "instance" && b.kind === "instance") return a.id === b.id;
  if (a.kind === "tensor" || b.kind === "tensor") return undefined;
  if (a.kind !== b.kind) return false;
  return a === b;
}

function contains(container: Value, item: Value): boolean | undefined {
  switch (container.kind) {
    case "list": case "tuple": {
      let unsure = false;
      for (const x of container.items) {
        const e = valuesEqual(x, item);
        if (e === true) return true;
        if (e === undefined) unsure = true;
      }
      return unsure ? undefined : false;
    }
    case "dict": try { return container.entries.has(keyOf(item)); } catch { return undefined; }
    case "set": try { return container.entries.has(keyOf(item)); } catch { return undefined; }
    case "str": return item.kind === "str" ? container.value.includes(item.value) : undefined;
    case "range": {
      if (item.kind !== "int") return false;
      const v = item.value;
      const { start, stop, step } = container;
      return step > 0 ? v >= start && v < stop && (v - start) % step === 0 : v <= start && v > stop && (start - v) % -step === 0;
    }
    case "instance":
      if (container.module) return container.module.children.has(item.kind === "str" ? item.value : "");
      return undefined;
    default: return undefined;
  }
}

/** The method a comparison tries on its left operand, then the reflected one on its right (`a < b`: b.__gt__(a)). */
const RICH_COMPARISON: Record<string, [string, string]> = {
  "<": ["__lt__", "__gt__"], "<=": ["__le__", "__ge__"], ">": ["__gt__", "__lt__"], ">=": ["__ge__", "__le__"],
  "==": ["__eq__", "__eq__"], "!=": ["__ne__", "__ne__"],
};

/** A comparison method the analyzed code defines on an object's class; undefined when absent or NotImplemented. */
function richComparison(self: Value, other: Value, name: string, interp: OperatorHost): Value | undefined {
  if (self.kind !== "instance" || self.module) return undefined;
  const method = lookupClassAttribute(self.cls, name);
  if (method?.kind !== "function") return undefined;
  const answer = interp.call(method, [self, other], new Map());
  // NotImplemented is None to the interpreter: the other operand (or the default) decides
  return answer.kind === "none" ? undefined : answer;
}

/** One comparison of a chain (`a < b`, `x is not None`, `k in d`). */
export function compareValues(op: string, l: Value, r: Value, interp: OperatorHost): Value {
  if (op === "is" || op === "is not") {
    let same: boolean | undefined;
    if (l.kind === "none" || r.kind === "none") same = l.kind === r.kind ? true : l.kind === "unknown" || r.kind === "unknown" ? undefined : false;
    else if (l.kind === "unknown" || r.kind === "unknown") same = undefined;
    else if (l.kind === "bool" && r.kind === "bool") same = l.value === r.value;
    // CPython's shared objects: identifier-like strings are interned (`block_type is 'proj'` holds when the caller
    // passed the literal 'proj'), ints -5..256 are cached, and Ellipsis is a singleton.
    else if (l.kind === "str" && r.kind === "str" && l.value === r.value && /^[A-Za-z_][A-Za-z0-9_]*$/.test(l.value)) same = true;
    else if (l.kind === "int" && r.kind === "int" && l.value === r.value && l.value >= -5 && l.value <= 256) same = true;
    else if (l.kind === "ellipsis" && r.kind === "ellipsis") same = true;
    else same = l === r || valuesEqual(l, r) === true && (l.kind === "class" || l.kind === "dtype" || l.kind === "instance");
    if (same === undefined) return unknown("identity of an unknown value");
    return bool(op === "is" ? same : !same);
  }
  if (op === "in" || op === "not in") {
    if (r.kind === "unknown") return r;
    // An object's own __contains__ (a Mapping's, whose mixin reads __getitem__ / __iter__).
    const own = r.kind === "instance" && !r.module ? lookupClassAttribute(r.cls, "__contains__") : undefined;
    if (own && r.kind === "instance") {
      const answer = interp.call(own, [r, l], new Map());
      return answer.kind === "unknown" ? answer : bool((op === "in") === truthy(answer));
    }
    let c = contains(r, l);
    // A registry filled by decorators: the module that registers this name may not have been loaded yet.
    if (c === false && r.kind === "dict" && l.kind === "str" && interp.loader.loadRegistering?.(l.value)) c = contains(r, l);
    if (c === undefined) return unknown(`membership in a ${describeKind(r)}`);
    return bool(op === "in" ? c : !c);
  }
  const rich = RICH_COMPARISON[op];
  if (rich) {
    const answer = richComparison(l, r, rich[0], interp) ?? richComparison(r, l, rich[1], interp);
    if (answer) return answer;
    if (op === "!=") {
      // Python's default __ne__ is the inverse of __eq__
      const equal = richComparison(l, r, "__eq__", interp) ?? richComparison(r, l, "__eq__", interp);
      if (equal) return equal.kind === "unknown" ? equal : bool(!truthy(equal));
    }
  }
  if (l.kind === "unknown") return l;
  if (r.kind === "unknown") return r;
  if (l.kind === "tensor" || r.kind === "tensor") return interp.torch.binaryOperator(op, l, r, interp.context);
  if (op === "==" || op === "!=") {
    const e = valuesEqual(l, r);
    if (e === undefined) return unknown("equality of unknown values");
    return bool(op === "==" ? e : !e);
  }
  let cmp: number;
  if (isNumeric(l) && isNumeric(r)) cmp = toNumber(l) - toNumber(r);
  else if (l.kind === "str" && r.kind === "str") cmp = l.value < r.value ? -1 : l.value > r.value ? 1 : 0;
  else if ((l.kind === "tuple" || l.kind === "list") && (r.kind === "tuple" || r.kind === "list")) {
    cmp = 0;
    for (let i = 0; i < Math.min(l.items.length, r.items.length) && cmp === 0; i++) {
      const c = compareValues("<", l.items[i], r.items[i], interp);
      const d = compareValues(">", l.items[i], r.items[i], interp);
      if (c.kind !== "bool" || d.kind !== "bool") return unknown("comparison of unknown values");
      cmp = c.value ? -1 : d.value ? 1 : 0;
    }
    if (cmp === 0) cmp = l.items.length - r.items.length;
  } else throw new Unresolved(`comparison ${op} of ${describeKind(l)} and ${describeKind(r)}`);
  switch (op) {
    case "<": return bool(cmp < 0);
    case "<=": return bool(cmp <= 0);
    case ">": return bool(cmp > 0);
    case ">=": return bool(cmp >= 0);
    default: throw new Unresolved(`comparison ${op}`);
  }
}
