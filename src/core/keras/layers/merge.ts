// keras.layers merge layers: Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate, Dot.
// Element-wise merges cost 0 FLOPs under the project's convention (flop_counter counts no element-wise ops).
import { PythonError } from "../../interp/values";
import { tensor } from "../../interp/construct";
import { mmFlops } from "../../torch/flops";
import { axisOf, broadcastShapes, emit, tensorList } from "../shapes";
import type { KerasLayerSpec } from "../spec";

function elementwise(name: string, op: string): KerasLayerSpec {
  return {
    name,
    signature: [],
    call(_layer, inputs, _kwargs, context) {
      const xs = tensorList(inputs, name);
      if (xs.length < 1 || (name === "Subtract" && xs.length !== 2)) throw new PythonError(`A \`${name}\` layer should be called on ${name === "Subtract" ? "exactly 2" : "at least 1"} input(s). Received: ${xs.length}`);
      const shape = xs.slice(1).reduce((s, x) => broadcastShapes(s, x.shape, name), xs[0].shape);
      for (let i = 1; i < xs.length; i++) context.addFlops(0, op);
      return tensor(shape, xs[0].dtype);
    },
  };
}

const Concatenate: KerasLayerSpec = {
  name: "Concatenate",
  signature: ["axis=-1"],
  call(layer, inputs, _kwargs, context) {
    const xs = tensorList(inputs, "Concatenate");
    if (xs.length < 1) throw new PythonError("A `Concatenate` layer should be called on a list of at least 1 input.");
    const rank = xs[0].shape.length;
    const axis = axisOf(layer.config.int("axis"), rank, "Concatenate");
    const shape = [...xs[0].shape];
    for (const x of xs.slice(1)) {
      if (x.shape.length !== rank || x.shape.some((d, i) => i !== axis && d !== shape[i])) {
        throw new PythonError(`A \`Concatenate\` layer requires inputs with matching shapes except for the concatenation axis. Received: input_shape=[(${xs.map((t) => t.shape.join(", ")).join("), (")})]`);
      }
      shape[axis] += x.shape[axis];
    }
    return emit(context, "aten.cat", 0, shape, xs[0].dtype);
  },
};

/** keras.layers.Dot over the given axes of two [batch, ...] inputs: a batched matmul. */
const Dot: KerasLayerSpec = {
  name: "Dot",
  signature: ["axes", "normalize=False"],
  call(layer, inputs, _kwargs, context) {
    const [a, b] = tensorList(inputs, "Dot");
    if (!b || a.shape.length !== 3 || b.shape.length !== 3) throw new PythonError("Dot: the analyzer supports two 3D inputs");
    const axesValue = layer.config.get("axes");
    const axesList = axesValue.kind === "int" ? [axesValue.value, axesValue.value] : axesValue.kind === "tuple" || axesValue.kind === "list" ? axesValue.items.map((x) => (x.kind === "int" ? x.value : 0)) : [2, 2];
    const [ia, ib] = [axisOf(axesList[0], 3, "Dot"), axisOf(axesList[1], 3, "Dot")];
    if (a.shape[ia] !== b.shape[ib]) throw new PythonError(`Dot: incompatible dimensions ${a.shape[ia]} != ${b.shape[ib]}`);
    const m = a.shape[3 - ia];
    const n = b.shape[3 - ib];
    return emit(context, "aten.bmm", a.shape[0] * mmFlops(m, a.shape[ia], n), [a.shape[0], m, n], a.dtype);
  },
};

export const MERGE_LAYERS: KerasLayerSpec[] = [
  elementwise("Add", "aten.add"), elementwise("Subtract", "aten.sub"), elementwise("Multiply", "aten.mul"), elementwise("Average", "aten.add"),
  elementwise("Maximum", "aten.maximum"), elementwise("Minimum", "aten.minimum"), Concatenate, Dot,
];

/** Functional forms (layers.add(inputs), layers.concatenate(inputs, axis=-1)) and the layer class each builds. */
export const MERGE_FUNCTIONS: Record<string, string> = {
  add: "Add", subtract: "Subtract", multiply: "Multiply", average: "Average", maximum: "Maximum", minimum: "Minimum", concatenate: "Concatenate", dot: "Dot",
};
