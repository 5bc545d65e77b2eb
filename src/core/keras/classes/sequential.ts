import { isSubclass, nativeClass } from "../../interp/classes";
import { NONE, bindArguments, tensor, unknown } from "../../interp/construct";
import { PythonError, type ClassValue, type InstanceValue, type TensorValue, type Value } from "../../interp/values";
import { declareInputs, declaredInputs } from "../../interp/declared-inputs";
import { assumedShapes, dtypeOf, selfOf, specOf, type KerasContext } from "./context";

/** Runs the layers added so far on the Sequential's symbolic input (building them). */
export function buildSequential(ctx: KerasContext, self: InstanceValue, input: TensorValue): void {
  const s = ctx.stateOf(self);
  s.sequentialInput = input;
  s.assumption = assumedShapes.get(input);
  s.built = true;
  declareInputs(self, [specOf(input)], true);
  s.sequentialOutput = ctx.symbolically(() => runLayers(ctx, self, input));
}

/** The layers in order on x; a step that is not a known layer leaves the rest of the pass unknown, and says so. */
function runLayers(ctx: KerasContext, self: InstanceValue, x: Value): Value {
  const unbuilt = ctx.stateOf(self).unbuiltStep;
  const layers = ctx.childLayers(self);
  for (let i = 0; i < layers.length; i++) {
    if (unbuilt && i === unbuilt.at) break;
    x = ctx.call(layers[i], [x]);
  }
  if (!unbuilt) return x;
  const recorder = ctx.interp().recorder;
  if (recorder.recording) recorder.note(`a layer of this Sequential was not built: ${unbuilt.reason}`, unbuilt.where);
  return unknown(`output of a layer that was not built (${unbuilt.reason})`);
}

function sequentialAdd(ctx: KerasContext, self: InstanceValue, item: Value): void {
  const s = ctx.stateOf(self);
  if (item.kind === "tensor") {
    // Sequential([keras.Input(shape=...), ...]) starts from that input.
    if (ctx.childLayers(self).length === 0) buildSequential(ctx, self, item);
    return;
  }
  if (item.kind === "unknown") {
    // model.add(Bidirectional(...)) with Bidirectional from a module the analyzer does not know: a gap, not a skip.
    s.unbuiltStep ??= { at: ctx.childLayers(self).length, reason: item.reason, where: ctx.interp().currentLocation };
    return;
  }
  if (!ctx.isLayer(item)) throw new PythonError(`Only instances of \`keras.Layer\` can be added to a Sequential model. Received: ${item.kind}`);
  if (isSubclass(item.cls, ctx.classes.inputLayer)) {
    const shape = ctx.stateOf(item).inputShape;
    if (shape && ctx.childLayers(self).length === 0) buildSequential(ctx, self, tensor(shape, dtypeOf(item.attributes.get("dtype") ?? NONE)));
    return;
  }
  ctx.addNamedChild(self, item);
  if (s.unbuiltStep) return;
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
    fit: (c) => {
      // The data a model is fit on gives the dims its input had assumed (an Embedding with no input_length fit on
      // pad_sequences(maxlen=500)): the batch aside, the same rank, every dim known.
      const self = selfOf(c);
      const s = ctx.stateOf(self);
      const x = c.args[1] ?? c.kwargs.get("x");
      if (s.assumption && s.sequentialInput && x?.kind === "tensor" && x.shape.length === s.sequentialInput.shape.length) {
        buildSequential(ctx, self, tensor([1, ...x.shape.slice(1)], s.sequentialInput.dtype));
      }
      return unknown("training history");
    },
    call: (c) => {
      return runLayers(ctx, selfOf(c), c.args[1] ?? c.kwargs.get("inputs") ?? NONE);
    },
  });
  return sequential;
}
