import { isSubclass, nativeClass } from "../../interp/classes";
import { NONE, bindArguments, tensor } from "../../interp/construct";
import { PythonError, type ClassValue, type InstanceValue, type TensorValue, type Value } from "../../interp/values";
import { declareInputs, declaredInputs } from "../declared-inputs";
import { assumedShapes, dtypeOf, selfOf, specOf, type KerasContext } from "./context";

/** Runs the layers added so far on the Sequential's symbolic input (building them). */
export function buildSequential(ctx: KerasContext, self: InstanceValue, input: TensorValue): void {
  const s = ctx.stateOf(self);
  s.sequentialInput = input;
  s.assumption = assumedShapes.get(input);
  s.built = true;
  declareInputs(self, [specOf(input)], true);
  let x: Value = input;
  ctx.symbolically(() => {
    for (const l of ctx.childLayers(self)) x = ctx.call(l, [x]);
  });
  s.sequentialOutput = x;
}

function sequentialAdd(ctx: KerasContext, self: InstanceValue, item: Value): void {
  const s = ctx.stateOf(self);
  if (item.kind === "tensor") {
    // Sequential([keras.Input(shape=...), ...]) starts from that input.
    if (ctx.childLayers(self).length === 0) buildSequential(ctx, self, item);
    return;
  }
  if (!ctx.isLayer(item)) throw new PythonError(`Only instances of \`keras.Layer\` can be added to a Sequential model. Received: ${item.kind}`);
  if (isSubclass(item.cls, ctx.classes.inputLayer)) {
    const shape = ctx.stateOf(item).inputShape;
    if (shape && ctx.childLayers(self).length === 0) buildSequential(ctx, self, tensor(shape, dtypeOf(item.attributes.get("dtype") ?? NONE)));
    return;
  }
  ctx.addNamedChild(self, item);
  if (s.sequentialOutput !== undefined) {
    const x = s.sequentialOutput;
    s.sequentialOutput = ctx.symbolically(() => ctx.call(item, [x]));
  } else if (ctx.childLayers(self).length === 1) {
    // The first layer's input_shape=, or the inputs of a model used as the first layer (transfer learning).
    const shape = ctx.stateOf(item).inputShape ?? (ctx.isModel(item) ? declaredInputs(item)?.[0]?.shape : undefined);
    if (shape) {
      // Token ids feed an Embedding first layer.
      buildSequential(ctx, self, tensor(shape, ctx.specFor(item.cls)?.name === "Embedding" ? "int32" : "float32"));
      s.assumption = ctx.stateOf(item).assumption;
    }
  }
}

/** keras.Sequential: layers added in order, built on the first input shape it learns. */
export function createSequentialClass(ctx: KerasContext, model: ClassValue): ClassValue {
  const sequential = nativeClass("keras.Sequential", [model], {
    __init__: (c) => {
      const self = selfOf(c);
      const b = bindArguments(["layers=None", "trainable=True", "name=None", "**kwargs"], c.args.slice(1), c.kwargs, "Sequential");
      ctx.baseInit(self, c.kwargs);
      ctx.stateOf(self).built = true;
      const layers = b.get("layers");
      if (layers.kind !== "none") for (const item of ctx.interp().iterate(layers)) sequentialAdd(ctx, self, item);
      return NONE;
    },
    add: (c) => {
      sequentialAdd(ctx, selfOf(c), c.args[1] ?? c.kwargs.get("layer") ?? NONE);
      return NONE;
    },
    pop: (c) => {
      const self = selfOf(c);
      const keys = [...self.module!.children.keys()];
      const last = keys[keys.length - 1];
      if (last === undefined) throw new PythonError("There are no layers in the model.");
      const removed = self.module!.children.get(last)!;
      self.module!.children.delete(last);
      const input = ctx.stateOf(self).sequentialInput;
      if (input) buildSequential(ctx, self, input);
      return removed;
    },
    call: (c) => {
      let x = c.args[1] ?? c.kwargs.get("inputs") ?? NONE;
      for (const l of ctx.childLayers(selfOf(c))) x = ctx.call(l, [x]);
      return x;
    },
  });
  return sequential;
}
