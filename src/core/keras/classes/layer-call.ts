// Layer.__call__ (build on the first call, run call() recorded under this layer, add the graph node) and
// Layer.__setattr__ (Keras's auto-tracking of layers and weights).
import { lookupClassAttribute } from "../../interp/classes";
import { NONE, bool, int, list, numel, tuple } from "../../interp/construct";
import type { InstanceValue, NativeCall, Value } from "../../interp/values";
import { namedParameters } from "../../torch/module-tree";
import { declareInputs, declaredInputs } from "../../interp/declared-inputs";
import { freshOutputs, recordCall, tensorsOf } from "../graph";
import type { KerasLayerSpec } from "../spec";
import { alwaysFrozen, selfOf, specOf, type KerasContext } from "./context";

/** The shape argument Keras passes to build(): batch as None, one tuple per input. */
function buildShape(inputs: Value): Value {
  if (inputs.kind === "tensor") return tuple([NONE, ...inputs.shape.slice(1).map(int)]);
  if (inputs.kind === "list" || inputs.kind === "tuple") return list(inputs.items.map(buildShape));
  return NONE;
}

/** Positional call arguments after the inputs, as keywords for specs that name them. */
export function callKeywords(spec: KerasLayerSpec | undefined, rest: Value[], kwargs: Map<string, Value>): Map<string, Value> {
  const out = new Map(kwargs);
  if (spec?.callArguments) rest.forEach((v, i) => {
    const n = spec.callArguments![i];
    if (n && !out.has(n)) out.set(n, v);
  });
  return out;
}

/** Builds a layer on its first call, as Layer.__call__ does before call(). */
export function buildLayer(ctx: KerasContext, self: InstanceValue, inputs: Value, rest: Value[], kwargs: Map<string, Value>): void {
  const s = ctx.stateOf(self);
  s.built = true;
  s.building = true;
  try {
    const spec = ctx.specFor(self.cls);
    const userBuild = lookupClassAttribute(self.cls, "build");
    if (userBuild?.kind === "function") ctx.call(userBuild, [self, buildShape(inputs)]);
    else if (spec?.build) {
      spec.build(ctx.layerView(self), inputs, {
        addWeight: (name, shape, trainable = true) => ctx.addWeight(self, name, shape, trainable),
        addChild: (name, child) => self.module!.children.set(name, child),
        call: (fn, args, kw) => ctx.call(fn, args, kw),
      }, ctx.interp().context, callKeywords(spec, rest, kwargs));
    }
  } finally {
    s.building = false;
  }
  self.attributes.set("built", bool(true));
}

/** Layer.__call__: build on first call, run call() with this layer on the recorder's stack, record the graph node. */
export function callLayer(ctx: KerasContext, c: NativeCall): Value {
  const self = selfOf(c);
  const kwargs = new Map(c.kwargs);
  let inputs = c.args[1];
  if (inputs === undefined) {
    inputs = kwargs.get("inputs") ?? kwargs.get("x") ?? NONE;
    kwargs.delete(kwargs.has("inputs") ? "inputs" : "x");
  }
  const rest = c.args.slice(2);
  const s = ctx.stateOf(self);
  const interpreter = ctx.interp();
  if (!s.built) buildLayer(ctx, self, inputs, rest, kwargs);
  if (s.assumption && interpreter.recorder.recording) {
    const declared = declaredInputs(self)?.[0]?.shape.join("x");
    if (declared !== undefined && tensorsOf(inputs)[0]?.shape.join("x") === declared) interpreter.recorder.note(s.assumption, interpreter.currentLocation ?? self.module!.constructedAt);
  }
  // A layer's first call on data is its input too: a layer the program runs alone (`dense(np.zeros((2, 3)))`) is
  // reported with what it read, not another model's example. A call of several tensors (a critic's
  // `call(state, action)`) declares each of the leading ones, so the model is run again with all of them.
  if (!s.graph && inputs.kind === "tensor") {
    const more = rest.findIndex((r) => r.kind !== "tensor");
    declareInputs(self, [inputs, ...rest.slice(0, more < 0 ? rest.length : more)].map((t) => specOf(t as typeof inputs)));
  }
  const recorder = interpreter.recorder;
  recorder.moduleStack.push(self);
  const before = recorder.ops.length;
  let result: Value;
  try {
    result = ctx.call(interpreter.getAttribute(self, "call"), [inputs, ...rest], kwargs);
  } finally {
    recorder.moduleStack.pop();
  }
  result = freshOutputs(result);
  if (recorder.recording) {
    const tally = recorder.tally(self.id);
    tally.calls++;
    tally.output = tensorsOf(result)[0]?.shape ?? null;
    // A catalogue layer reads its own weights once per call: charge them to its first op.
    if (s.spec && recorder.ops.length > before) {
      let weights = 0;
      for (const p of self.module!.parameters.values()) if (p.kind === "tensor") weights += numel(p.shape);
      recorder.ops[before].weightElements += weights;
    }
  }
  recordCall({ layer: self, args: [inputs, ...rest], kwargs, output: result });
  return result;
}

/** Tracks layers, weights and lists of layers assigned to attributes (Keras's auto-tracking). */
export function setAttribute(ctx: KerasContext, c: NativeCall): Value {
  const [target, nameValue, value] = c.args;
  if (target.kind !== "instance" || nameValue.kind !== "str") return NONE;
  const name = nameValue.value;
  const m = target.module;
  if (!m) {
    target.attributes.set(name, value);
    return NONE;
  }
  for (const key of [...m.children.keys()]) if (key === name || key.startsWith(`${name}.`)) m.children.delete(key);
  m.parameters.delete(name);
  target.attributes.delete(name);
  if (value.kind === "instance" && value.module) m.children.set(name, value);
  else if (value.kind === "tensor" && value.parameter) {
    // add_weight registered it under its own name: keep one entry, under the attribute's name.
    for (const [k, p] of m.parameters) if (p.kind === "tensor" && p.parameter?.id === value.parameter.id) m.parameters.delete(k);
    m.parameters.set(name, value);
  } else {
    target.attributes.set(name, value);
    if (value.kind === "list" || value.kind === "tuple") {
      // Keras tracks the layers of a list attribute whatever else it holds (a ResidualUnit's
      // [Conv2D, BatchNormalization, activation function, ...]): their weights are the layer's.
      value.items.forEach((item, i) => {
        if (ctx.isLayer(item)) m.children.set(`${name}.${i}`, item as InstanceValue);
      });
    }
    if (name === "trainable" && value.kind === "bool") {
      // layer.trainable = False freezes every weight under it (transfer learning).
      // Weights made non-trainable (BatchNormalization's moving statistics) stay so when it is set back to True.
      for (const [, p] of namedParameters(target)) if (p.parameter && !alwaysFrozen.has(p.parameter)) p.parameter.requiresGrad = value.value;
    }
  }
  return NONE;
}

