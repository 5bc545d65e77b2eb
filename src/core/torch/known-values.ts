// Contents of small 1-D tensors built from known numbers (torch.linspace / torch.arange), kept beside the tensor by
// identity so the Value model stays shapes-only. Model code reads them back at build time: timm's per-block
// drop-path rates `[x.item() for x in torch.linspace(0, rate, depth)]` decide between DropPath and Identity.
import type { TensorValue } from "../interp/values";

const known = new WeakMap<TensorValue, number[]>();

/** Most elements whose values are kept. */
const LIMIT = 4096;

/** Row `i` (along the first dim) of a tensor of known contents, as a tensor of its known values; else undefined. */
export function knownRow(t: TensorValue, i: number): TensorValue | undefined {
  const values = known.get(t);
  const rows = t.shape[0];
  if (!values || rows === undefined || i < -rows || i >= rows) return undefined;
  const size = values.length / rows;
  const at = (i < 0 ? i + rows : i) * size;
  return withValues({ kind: "tensor", shape: t.shape.slice(1), dtype: t.dtype }, values.slice(at, at + size));
}

/** Records a tensor's values (row-major); returns the tensor. */
export function withValues(t: TensorValue, values: number[]): TensorValue {
  const n = t.shape.reduce((a, b) => a * b, 1);
  if (values.length === n && n <= LIMIT && values.every(Number.isFinite)) known.set(t, values);
  return t;
}

/** Row-major values of a tensor of `shape` reversed along `dims` (torch.flip). */
export function flipped(values: number[], shape: number[], dims: number[]): number[] {
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  return values.map((_, at) => {
    let from = 0;
    for (let d = 0; d < shape.length; d++) {
      const i = Math.floor(at / strides[d]) % shape[d];
      from += (dims.includes(d) ? shape[d] - 1 - i : i) * strides[d];
    }
    return values[from];
  });
}

/** A tensor's values when they are known. */
export function valuesOf(t: TensorValue): number[] | undefined {
  return known.get(t);
}

const BINARY: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  true_divide: (a, b) => a / b,
  divide: (a, b) => a / b,
  floor_divide: (a, b) => Math.floor(a / b),
  remainder: (a, b) => a - Math.floor(a / b) * b,
  pow: (a, b) => a ** b,
  maximum: (a, b) => Math.max(a, b),
  minimum: (a, b) => Math.min(a, b),
  // comparisons and logic give 0/1, which the bool result's cast keeps
  eq: (a, b) => Number(a === b), ne: (a, b) => Number(a !== b),
  lt: (a, b) => Number(a < b), le: (a, b) => Number(a <= b), gt: (a, b) => Number(a > b), ge: (a, b) => Number(a >= b),
  less: (a, b) => Number(a < b), greater: (a, b) => Number(a > b),
  logical_and: (a, b) => Number(a !== 0 && b !== 0), logical_or: (a, b) => Number(a !== 0 || b !== 0), logical_xor: (a, b) => Number((a !== 0) !== (b !== 0)),
};

const UNARY: Record<string, (a: number) => number> = {
  neg: (a) => -a, negative: (a) => -a, abs: Math.abs, exp: Math.exp, log: Math.log, log2: Math.log2, log10: Math.log10,
  sqrt: Math.sqrt, floor: Math.floor, ceil: Math.ceil, trunc: Math.trunc,
  // torch.round rounds half to even
  round: (a) => (Math.abs(a % 1) === 0.5 ? 2 * Math.round(a / 2) : Math.round(a)),
  logical_not: (a) => Number(a === 0),
};

/** A full reduction of known contents (no dim): what torch.sum / all / any / amax ... give, as one number. */
const FULL_REDUCTIONS: Record<string, (xs: number[]) => number> = {
  sum: (xs) => xs.reduce((a, b) => a + b, 0),
  prod: (xs) => xs.reduce((a, b) => a * b, 1),
  mean: (xs) => xs.reduce((a, b) => a + b, 0) / xs.length,
  all: (xs) => Number(xs.every((x) => x !== 0)),
  any: (xs) => Number(xs.some((x) => x !== 0)),
  count_nonzero: (xs) => xs.filter((x) => x !== 0).length,
  amax: (xs) => Math.max(...xs), max: (xs) => Math.max(...xs),
  amin: (xs) => Math.min(...xs), min: (xs) => Math.min(...xs),
};

/** The result of reducing a tensor of known contents over every dimension, with its value (others: unchanged). */
export function reducedValues(op: string, input: TensorValue, out: TensorValue): TensorValue {
  const values = valuesOf(input);
  const fn = FULL_REDUCTIONS[op];
  if (!values || !fn || values.length === 0 || out.shape.reduce((a, b) => a * b, 1) !== 1) return out;
  return withValues(out, cast([fn(values)], out.dtype));
}

/** A tensor every element of which is `fill` (torch.zeros / ones / full and their _like forms). */
export function filled(out: TensorValue, fill: number | undefined): TensorValue {
  const n = out.shape.reduce((a, b) => a * b, 1);
  return fill === undefined || n > LIMIT ? out : withValues(out, cast(new Array<number>(n).fill(fill), out.dtype));
}

const isInteger = (dtype: TensorValue["dtype"]) => dtype === "int64" || dtype === "int32" || dtype === "int8" || dtype === "uint8";

/** Values after a dtype conversion: integers truncate toward zero, as torch's casts do. */
function cast(values: number[], dtype: TensorValue["dtype"]): number[] {
  return isInteger(dtype) ? values.map(Math.trunc) : dtype === "bool" ? values.map((x) => (x !== 0 ? 1 : 0)) : values;
}

/**
 * Carries known contents through an element-wise op (small tensors built from known numbers: RegNet's block widths
 * `torch.round(w_0 * torch.pow(w_m, torch.arange(d)))...tolist()` decide the layers). Operands are tensors with known
 * values of the output's shape or 0-d, or Python numbers; anything else leaves the output's contents unknown.
 */
export function propagateValues(op: string, operands: ({ kind: string; value?: unknown } | TensorValue)[], out: TensorValue): TensorValue {
  const fn = operands.length === 2 ? BINARY[op] : operands.length === 1 ? UNARY[op] : undefined;
  if (!fn) return out;
  const n = out.shape.reduce((a, b) => a * b, 1);
  const columns: ((i: number) => number)[] = [];
  for (const v of operands) {
    if (v.kind === "tensor") {
      const values = valuesOf(v as TensorValue);
      if (!values) return out;
      if (values.length === 1) columns.push(() => values[0]);
      else if (values.length === n && (v as TensorValue).shape.length === out.shape.length) columns.push((i) => values[i]);
      else return out;
    } else if ((v.kind === "int" || v.kind === "float" || v.kind === "bool") && typeof v.value !== "undefined") {
      const x = Number(v.value);
      columns.push(() => x);
    } else return out;
  }
  const values = Array.from({ length: n }, (_, i) => (columns.length === 2 ? (fn as (a: number, b: number) => number)(columns[0](i), columns[1](i)) : (fn as (a: number) => number)(columns[0](i))));
  // integer division of integer tensors in torch: div is true division; the others keep integers.
  return withValues(out, op === "div" || op === "true_divide" || op === "divide" ? values : cast(values, out.dtype));
}

/** The same contents after a dtype conversion (x.int(), x.to(torch.long)). */
export function convertedValues(source: TensorValue, out: TensorValue): TensorValue {
  const values = valuesOf(source);
  return values && out !== source ? withValues(out, cast(values, out.dtype)) : out;
}
