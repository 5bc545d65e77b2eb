import { nativeClass } from "../../interp/classes";
import { NONE, unknown } from "../../interp/construct";
import { Unresolved, type ClassValue, type InstanceValue, type NativeCall, type Value } from "../../interp/values";
import { declareInputs } from "../../interp/declared-inputs";
import { replayGraph, tensorsOf, traceGraph } from "../graph";
import { assumedShapes, selfOf, specOf, type KerasContext } from "./context";

/** keras.Model (subclassed, or functional: Model(inputs, outputs) traces the graph) and keras.Functional. */
export function createModelClasses(ctx: KerasContext, layer: ClassValue): { model: ClassValue; functional: ClassValue } {
  const setUpFunctional = (self: InstanceValue, inputs: Value, outputs: Value): void => {
    const graph = traceGraph(inputs, outputs);
    for (const t of graph.orphans) ctx.interp().recorder.note(`a tensor of shape (${t.shape.join(", ")}) reaches the model's outputs without a Keras layer (a raw op on Keras tensors): its cost is not counted`, ctx.interp().currentLocation);
    ctx.stateOf(self).graph = graph;
    ctx.stateOf(self).assumption = graph.inputTensors.map((t) => assumedShapes.get(t)).find((a) => a !== undefined);
    ctx.stateOf(self).built = true;
    for (const c of graph.calls) if (c.layer) ctx.addNamedChild(self, c.layer);
    declareInputs(self, graph.inputTensors.map(specOf), true);
  };

  const modelMethods: Record<string, (c: NativeCall) => Value> = {
    __init__: (c) => {
      const self = selfOf(c);
      const inputs = c.args[1] ?? c.kwargs.get("inputs");
      const outputs = c.args[2] ?? c.kwargs.get("outputs");
      ctx.baseInit(self, c.kwargs);
      if (inputs && outputs) {
        // keras.Model(inputs, outputs) makes a Functional (Model.__new__ in keras/src/models/model.py).
        if (self.cls === model) self.cls = functional;
        setUpFunctional(self, inputs, outputs);
      }
      return NONE;
    },
    call: (c) => {
      const self = selfOf(c);
      const graph = ctx.stateOf(self).graph;
      if (!graph) throw new Unresolved(`${self.cls.name} has no call() and no functional graph`);
      const given = c.args.slice(1).filter((v) => tensorsOf(v).length > 0);
      return replayGraph(graph, given, (l, args, kwargs) => ctx.call(l, args, kwargs));
    },
    compile: () => NONE,
    fit: () => unknown("training history"),
    evaluate: () => unknown("evaluation metrics"),
    predict: (c) => ctx.call(selfOf(c), c.args.slice(1, 2)),
    save: () => NONE,
    save_weights: () => NONE,
    load_weights: () => NONE,
    to_json: () => unknown("model JSON"),
    get_layer: (c) => {
      const self = selfOf(c);
      const name = c.args[1] ?? c.kwargs.get("name");
      const index = c.args[2] ?? c.kwargs.get("index");
      const layers = ctx.childLayers(self);
      if (name?.kind === "str") return layers.find((l) => ctx.stateOf(l).name === name.value) ?? unknown(`no layer named ${name.value}`);
      if (index?.kind === "int") return layers[index.value] ?? unknown(`no layer at index ${index.value}`);
      return unknown("get_layer of an unknown name");
    },
  };
  const model = nativeClass("keras.Model", [layer], modelMethods);
  for (const [k, v] of [ctx.property("inputs", (self) => ctx.stateOf(self).graph?.inputs ?? unknown("inputs of a subclassed model")), ctx.property("outputs", (self) => ctx.stateOf(self).graph?.outputs ?? unknown("outputs of a subclassed model"))] as [string, Value][]) model.attributes.set(k, v);
  // `pt_model.output`, `base.input`: a layer's one input or output tensor, or the list where it has several (Layer.input
  // and Layer.output, keras/src/layers/layer.py; a pretrained base reused under a new head, `Flatten()(base.output)`).
  const single = (v: Value): Value => ((v.kind === "list" || v.kind === "tuple") && v.items.length === 1 ? v.items[0] : v);
  for (const [k, v] of [ctx.property("input", (self) => { const g = ctx.stateOf(self).graph; return g ? single(g.inputs) : unknown("input of a subclassed model"); }), ctx.property("output", (self) => { const g = ctx.stateOf(self).graph; return g ? single(g.outputs) : unknown("output of a subclassed model"); })] as [string, Value][]) model.attributes.set(k, v);
  const functional = nativeClass("keras.Functional", [model]);

  return { model, functional };
}
