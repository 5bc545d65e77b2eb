import { nativeClass } from "../../interp/classes";
import { NONE, bindArguments } from "../../interp/construct";
import { PythonError, type ClassValue, type Value } from "../../interp/values";
import { markSymbolicInput } from "../graph";
import { dtypeOf, selfOf, type KerasContext } from "./context";

const INPUT_SIGNATURE = ["shape=None", "batch_size=None", "dtype=None", "sparse=None", "batch_shape=None", "name=None", "tensor=None", "optional=False", "ragged=None", "input_shape=None", "batch_input_shape=None", "input_tensor=None"];

/** keras.layers.InputLayer: a layer that only declares the input shape (and dtype) of a Sequential. */
export function createInputLayerClass(ctx: KerasContext, layer: ClassValue): ClassValue {
  const inputLayer = nativeClass("keras.layers.InputLayer", [layer], {
    __init__: (c) => {
      const self = selfOf(c);
      const b = bindArguments(INPUT_SIGNATURE, c.args.slice(1), c.kwargs, "InputLayer");
      ctx.baseInit(self, c.kwargs);
      const shape = !b.isNone("batch_shape") ? ctx.shapeFrom(b.get("batch_shape"), true, "InputLayer(batch_shape)")
        : !b.isNone("batch_input_shape") ? ctx.shapeFrom(b.get("batch_input_shape"), true, "InputLayer(batch_input_shape)")
        : !b.isNone("shape") ? ctx.shapeFrom(b.get("shape"), false, "InputLayer(shape)")
        : !b.isNone("input_shape") ? ctx.shapeFrom(b.get("input_shape"), false, "InputLayer(input_shape)") : undefined;
      if (shape) ctx.stateOf(self).inputShape = shape;
      ctx.lastAssumption = undefined;
      if (!b.isNone("dtype")) self.attributes.set("dtype", b.get("dtype"));
      return NONE;
    },
  });
  return inputLayer;
}

/** keras.Input(shape=...): a symbolic tensor a functional model starts from. */
export function createInput(ctx: KerasContext): Value {
  const input: Value = {
    kind: "native",
    name: "keras.Input",
    call: (c) => {
      const b = bindArguments(INPUT_SIGNATURE, c.args, c.kwargs, "Input");
      if (!b.isNone("tensor")) return b.get("tensor");
      let shape: number[];
      if (!b.isNone("batch_shape")) shape = ctx.shapeFrom(b.get("batch_shape"), true, "Input(batch_shape)");
      else if (!b.isNone("shape")) shape = ctx.shapeFrom(b.get("shape"), false, "Input(shape)");
      else throw new PythonError("You must pass a `shape` argument.");
      if (!b.isNone("batch_size")) shape[0] = b.int("batch_size");
      return markSymbolicInput(ctx.symbolicTensor(shape, dtypeOf(b.get("dtype"))));
    },
  };
  return input;
}
