// Shared helpers for the torch catalogue tests: build a layer, run it, call functions and methods.
import { float, int, str, tensor, tuple } from "../../../../src/core/interp/construct";
import type { InstanceValue, TensorDtype, TensorValue, Value } from "../../../../src/core/interp/values";
import { createTorchCatalogue } from "../../../../src/core/torch/catalogue";
import { constructChild } from "../../../../src/core/torch/layer-instance";
import { createTestContext, parameterCount, type TestContext } from "./op-context";

export const catalogue = createTorchCatalogue();

/** Python values from plain JS (integers as int, other numbers as float, arrays as tuples). */
export function py(v: unknown): Value {
  if (typeof v === "number") return Number.isInteger(v) ? int(v) : float(v);
  if (typeof v === "string") return str(v);
  if (typeof v === "boolean") return { kind: "bool", value: v };
  if (v === null) return { kind: "none" };
  if (Array.isArray(v)) return tuple(v.map(py));
  if (typeof v === "object" && v && "kind" in v) return v as Value;
  throw new Error(`no Python value for ${String(v)}`);
}

/** A float32 (or given dtype) tensor. */
export function t(shape: number[], dtype: TensorDtype = "float32"): TensorValue {
  return tensor(shape, dtype);
}

/** Builds torch.nn.<name>(*args, **kwargs) and returns it with its parameter count. */
export function layer(name: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}, context: TestContext = createTestContext()): { module: InstanceValue; params: number; context: TestContext } {
  const module = constructChild(catalogue.layers, name, args.map(py), new Map(Object.entries(kwargs).map(([k, v]) => [k, py(v)])), context);
  return { module, params: parameterCount(module), context };
}

/** Runs a module's forward; returns the output and the FLOPs of that call. */
export function run(module: InstanceValue, inputs: Value[], kwargs: Record<string, unknown> = {}, context: TestContext = createTestContext()): { output: Value; flops: number; context: TestContext } {
  const output = context.callValue(module, inputs, new Map(Object.entries(kwargs).map(([k, v]) => [k, py(v)])));
  return { output, flops: context.totalFlops(), context };
}

/** Calls a catalogue function by its full name. */
export function call(name: string, args: unknown[], kwargs: Record<string, unknown> = {}, context: TestContext = createTestContext()): { output: Value; flops: number; context: TestContext } {
  const fn = catalogue.functions.get(name);
  if (!fn) throw new Error(`${name} is not in the catalogue`);
  const output = fn({ args: args.map(py), kwargs: new Map(Object.entries(kwargs).map(([k, v]) => [k, py(v)])), context });
  return { output, flops: context.totalFlops(), context };
}

/** Calls a tensor method. */
export function method(self: TensorValue, name: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}, context: TestContext = createTestContext()): { output: Value; flops: number; context: TestContext } {
  const m = catalogue.tensorMethods.get(name);
  if (!m) throw new Error(`Tensor.${name} is not in the catalogue`);
  const output = m(self, { args: args.map(py), kwargs: new Map(Object.entries(kwargs).map(([k, v]) => [k, py(v)])), context });
  return { output, flops: context.totalFlops(), context };
}

/** The shape of a tensor value (fails for anything else). */
export function shapeOf(v: Value): number[] {
  if (v.kind !== "tensor") throw new Error(`expected a tensor, got ${v.kind}`);
  return v.shape;
}

/** Shapes of a tuple of tensors. */
export function shapesOf(v: Value): number[][] {
  if (v.kind === "tensor") return [v.shape];
  if (v.kind === "tuple" || v.kind === "list") return v.items.flatMap(shapesOf);
  return [];
}
