// Readers shared by the catalogue's ops: turn bound Python arguments into tensors, dims and shapes.
import { isIntLike, toInt, toInts } from "../interp/construct";
import { PythonError, Unresolved, type BoundArguments, type TensorValue, type Value, UnknownInput } from "../interp/values";
import { normalizeDim } from "./shapes";

/** The tensor in v, or a clear error: Unresolved for unknowns, PythonError for plainly wrong types. */
export function toTensor(v: Value, what: string): TensorValue {
  if (v.kind === "tensor") return v;
  if (v.kind === "unknown") throw new UnknownInput(v);
  if (v.kind === "instance" || v.kind === "function" || v.kind === "bound" || v.kind === "native" || v.kind === "tuple" || v.kind === "list") {
    throw new Unresolved(`${what} is a ${v.kind === "instance" ? v.cls.name : v.kind}, expected a tensor`);
  }
  throw new PythonError(`${what} must be a Tensor, not ${v.kind}`);
}

/** The named argument as a tensor. */
export function tensorArg(args: BoundArguments, name: string, callee: string): TensorValue {
  return toTensor(args.get(name), `${callee}(${name})`);
}

/** The named argument as a tensor, or undefined when it is None. */
export function optionalTensor(args: BoundArguments, name: string, callee: string): TensorValue | undefined {
  return args.isNone(name) ? undefined : tensorArg(args, name, callee);
}

/** A dim argument, normalised against the rank. */
export function dimArg(args: BoundArguments, name: string, rank: number): number {
  return normalizeDim(args.int(name), rank, name);
}

/** A dim argument that may be None (undefined), an int or a tuple/list of ints; normalised. */
export function dimsArg(args: BoundArguments, name: string, rank: number): number[] | undefined {
  if (args.isNone(name)) return undefined;
  const v = args.get(name);
  if (v.kind === "unknown") throw new UnknownInput(v);
  return toInts(v, name).map((d) => normalizeDim(d, rank, name));
}

/** An int argument that may be None. */
export function optionalInt(args: BoundArguments, name: string): number | undefined {
  return args.isNone(name) ? undefined : args.int(name);
}

/**
 * A shape given either as varargs (x.view(2, 3)) or as one sequence (x.view((2, 3)), torch.zeros([2, 3])).
 * `values` is the *args tuple's items.
 */
export function shapeFromVarargs(values: Value[], what: string): number[] {
  if (values.length === 1 && (values[0].kind === "tuple" || values[0].kind === "list")) return toInts(values[0], what);
  return values.map((v) => {
    if (v.kind === "unknown") throw new UnknownInput(v);
    if (!isIntLike(v) && v.kind !== "float") throw new PythonError(`${what}: expected ints, got ${v.kind}`);
    return toInt(v, what);
  });
}

/** The items of a tuple or list argument (torch.cat's tensors, ...). */
export function sequenceItems(v: Value, what: string): Value[] {
  if (v.kind === "tuple" || v.kind === "list") return v.items;
  if (v.kind === "unknown") throw new UnknownInput(v);
  throw new PythonError(`${what} must be a tuple or list, not ${v.kind}`);
}
