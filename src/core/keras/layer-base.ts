// keras.layers.Layer, keras.Model (subclassed and functional), keras.Sequential and keras.Input as native classes.
// Layers derive from the interpreter's torch.nn.Module class so their objects carry a ModuleState: the report
// machinery (layers list, paths, parameters, FLOP attribution) works for Keras models unchanged.
import { isSubclass, lookupClassAttribute, nativeClass } from "../interp/classes";
import { NONE, bindArguments, bool, freshId, int, list, numel, str, tensor, toInts, tuple, unknown } from "../interp/construct";
import type { Interpreter } from "../interp/interpreter";
import {
  PythonError,
  Unresolved,
  type BoundArguments,
  type ClassValue,
  type InstanceValue,
  type NativeCall,
  type TensorDtype,
  type TensorValue,
  type Value,
} from "../interp/values";
import type { InputSpec } from "../report/model-report";
import { namedParameters } from "../torch/module-tree";
import { rememberConstruction } from "./constructor-args";
import { declareInputs, declaredInputs } from "./declared-inputs";
import { freshOutputs, markSymbolicInput, recordCall, replayGraph, tensorsOf, traceGraph, type FunctionalGraph } from "./graph";
import type { KerasLayer, KerasLayerSpec } from "./spec";

/** What the analyzer keeps about one Keras layer object. */
interface LayerState {
  name: string;
  built: boolean;
  building: boolean;
  spec?: KerasLayerSpec;
  config?: BoundArguments;
  /** input_shape= / batch_input_shape= / input_dim= given to the constructor (batch included). */
  inputShape?: number[];
  graph?: FunctionalGraph;
  /** Sequential: the symbolic input and the output of the layers added so far. */
  sequentialInput?: TensorValue;
  sequentialOutput?: Value;
  /** Why the model's declared input shape is partly assumed (None dims), said when forward runs on it. */
  assumption?: string;
}

// Tensors whose shape has assumed sizes for None dims, with the note to give.
const assumedShapes = new WeakMap<TensorValue, string>();
// Weights created non-trainable: `layer.trainable = True` does not make them trainable.
const alwaysFrozen = new WeakSet<object>();

/** The Keras classes of one runtime. */
export interface KerasClasses {
  layer: ClassValue;
  model: ClassValue;
  functional: ClassValue;
  sequential: ClassValue;
  inputLayer: ClassValue;
  /** keras.layers.<Name> for every catalogue layer. */
  layers: Map<string, ClassValue>;
  /** keras.Input(shape=...). */
  input: Value;
}

const INPUT_SIGNATURE = ["shape=None", "batch_size=None", "dtype=None", "sparse=None", "batch_shape=None", "name=None", "tensor=None", "optional=False", "ragged=None", "input_shape=None", "batch_input_shape=None", "input_tensor=None"];

/** keras.src.utils.naming.to_snake_case: Conv2D → conv2d, BatchNormalization → batch_normalization. */
export function toSnakeCase(name: string): string {
  return name.replace(/(.)([A-Z][a-z]+)/g, "$1_$2").replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
}

function dtypeOf(v: Value): TensorDtype {
  if (v.kind !== "str" && v.kind !== "dtype") return "float32";
  const name = v.kind === "str" ? v.value : v.name;
  if (name === "int32" || name === "int64" || name === "uint8" || name === "int8" || name === "bool" || name === "float16" || name === "bfloat16" || name === "float64") return name;
  return "float32";
}

/** The analyzer's input dtype for a tensor (token ids are int64 in the report's terms). */
function specOf(t: TensorValue): InputSpec {
  return { shape: [...t.shape], dtype: t.dtype.startsWith("int") || t.dtype === "uint8" ? "int64" : "float32" };
}

/** Creates the Keras classes bound to an interpreter; `module` is the interpreter's torch.nn.Module class. */
export function createKerasClasses(interp: () => Interpreter, module: ClassValue, specs: KerasLayerSpec[]): KerasClasses {
  const states = new WeakMap<InstanceValue, LayerState>();
  const specByClass = new Map<ClassValue, KerasLayerSpec>();
  const call = (fn: Value, args: Value[], kwargs = new Map<string, Value>()) => interp().call(fn, args, kwargs);

  const stateOf = (self: InstanceValue): LayerState => {
    let s = states.get(self);
    if (!s) {
      s = { name: toSnakeCase(self.cls.name), built: false, building: false };
      states.set(self, s);
    }
    return s;
  };
  const selfOf = (c: NativeCall): InstanceValue => {
    const s = c.args[0];
    if (s?.kind !== "instance" || !s.module) throw new Unresolved("Keras layer method called on a non-layer");
    return s;
  };
  const specFor = (cls: ClassValue): KerasLayerSpec | undefined => {
    for (const c of cls.mro) {
      const s = specByClass.get(c);
      if (s) return s;
    }
    return undefined;
  };
  const isLayer = (v: Value): v is InstanceValue => v.kind === "instance" && !!v.module && isSubclass(v.cls, layer);
  const isModel = (v: InstanceValue) => isSubclass(v.cls, model);

  /** Runs fn with the recorder off: building weights from symbolic shapes is not a cost of the model. */
  const symbolically = <T>(fn: () => T): T => {
    const recorder = interp().recorder;
    const was = recorder.recording;
    recorder.recording = false;
    try {
      return fn();
    } finally {
      recorder.recording = was;
    }
  };

  let lastAssumption: string | undefined;
  /** A symbolic tensor of a declared shape, remembering whether None dims were assumed. */
  const symbolicTensor = (shape: number[], dtype: TensorDtype = "float32"): TensorValue => {
    const t = tensor(shape, dtype);
    if (lastAssumption) assumedShapes.set(t, lastAssumption);
    lastAssumption = undefined;
    return t;
  };
  /** A shape given as (None, 28, 28) or [28, 28] (without batch, when withBatch is false); None → assumed size. */
  const shapeFrom = (v: Value, withBatch: boolean, what: string): number[] => {
    if (v.kind !== "tuple" && v.kind !== "list") return withBatch ? [1, ...toInts(v, what)] : [1, ...toInts(v, what)];
    const dims = v.items.map((d, i) => {
      if (d.kind === "none") {
        if (withBatch && i === 0) return 1;
        return undefined;
      }
      return toInts(d, what)[0];
    });
    const full = withBatch ? dims : [1, ...dims];
    if (full.some((d) => d === undefined)) {
      const unknownCount = full.filter((d) => d === undefined).length;
      // None spatial or time dims: assume ImageNet's 224 for images, 128 steps for sequences, and say so.
      const assumed = unknownCount >= 2 ? 224 : 128;
      lastAssumption = `${what} has unknown (None) dims; assumed ${assumed} (set '# greenlight: input=...' for the real size)`;
      return full.map((d) => d ?? assumed);
    }
    return full as number[];
  };

  const baseInit = (self: InstanceValue, kwargs: Map<string, Value>): void => {
    const s = stateOf(self);
    const name = kwargs.get("name");
    if (name?.kind === "str") s.name = name.value;
    const batchInput = kwargs.get("batch_input_shape") ?? kwargs.get("batch_shape");
    const inputShape = kwargs.get("input_shape");
    const inputDim = kwargs.get("input_dim");
    if (batchInput && batchInput.kind !== "none") s.inputShape = shapeFrom(batchInput, true, "batch_input_shape");
    else if (inputShape && inputShape.kind !== "none") s.inputShape = shapeFrom(inputShape, false, "input_shape");
    else if (inputDim && inputDim.kind !== "none") s.inputShape = [1, toInts(inputDim)[0]];
    // Keras 2's Embedding(input_length=n) fixes the sequence length of a Sequential's input.
    const inputLength = kwargs.get("input_length");
    if (!s.inputShape && inputLength?.kind === "int") s.inputShape = [1, inputLength.value];
    s.assumption = lastAssumption;
    lastAssumption = undefined;
    self.attributes.set("name", str(s.name));
    const trainable = kwargs.get("trainable");
    if (trainable?.kind === "bool") self.attributes.set("trainable", trainable);
  };

  const addWeight = (self: InstanceValue, name: string, shape: number[], trainable: boolean): TensorValue => {
    const p = interp().context.parameter(shape, trainable);
    if (!trainable) alwaysFrozen.add(p.parameter!);
    let key = name;
    for (let i = 1; self.module!.parameters.has(key); i++) key = `${name}_${i}`;
    self.module!.parameters.set(key, p);
    return p;
  };

  const layerView = (self: InstanceValue): KerasLayer => {
    const s = stateOf(self);
    if (!s.config) throw new Unresolved(`${self.cls.name} was not constructed`);
    return {
      self,
      config: s.config,
      weight: (name) => {
        const w = self.module!.parameters.get(name);
        return w && w.kind === "tensor" ? w : undefined;
      },
    };
  };

  /** The shape argument Keras passes to build(): batch as None, one tuple per input. */
  const buildShape = (inputs: Value): Value => {
    if (inputs.kind === "tensor") return tuple([NONE, ...inputs.shape.slice(1).map(int)]);
    if (inputs.kind === "list" || inputs.kind === "tuple") return list(inputs.items.map(buildShape));
    return NONE;
  };

  /** Positional call arguments after the inputs, as keywords for specs that name them. */
  const callKeywords = (spec: KerasLayerSpec | undefined, rest: Value[], kwargs: Map<string, Value>): Map<string, Value> => {
    const out = new Map(kwargs);
    if (spec?.callArguments) rest.forEach((v, i) => {
      const n = spec.callArguments![i];
      if (n && !out.has(n)) out.set(n, v);
    });
    return out;
  };

  /** Builds a layer on its first call, as Layer.__call__ does before call(). */
  const buildLayer = (self: InstanceValue, inputs: Value, rest: Value[], kwargs: Map<string, Value>): void => {
    const s = stateOf(self);
    s.built = true;
    s.building = true;
    try {
      const spec = specFor(self.cls);
      const userBuild = lookupClassAttribute(self.cls, "build");
      if (userBuild?.kind === "function") call(userBuild, [self, buildShape(inputs)]);
      else if (spec?.build) {
        spec.build(layerView(self), inputs, {
          addWeight: (name, shape, trainable = true) => addWeight(self, name, shape, trainable),
          addChild: (name, child) => self.module!.children.set(name, child),
          call: (fn, args, kw) => call(fn, args, kw),
        }, interp().context, callKeywords(spec, rest, kwargs));
      }
    } finally {
      s.building = false;
    }
    self.attributes.set("built", bool(true));
  };

  /** Layer.__call__: build on first call, run call() with this layer on the recorder's stack, record the graph node. */
  const callLayer = (c: NativeCall): Value => {
    const self = selfOf(c);
    const kwargs = new Map(c.kwargs);
    let inputs = c.args[1];
    if (inputs === undefined) {
      inputs = kwargs.get("inputs") ?? kwargs.get("x") ?? NONE;
      kwargs.delete(kwargs.has("inputs") ? "inputs" : "x");
    }
    const rest = c.args.slice(2);
    const s = stateOf(self);
    const interpreter = interp();
    if (!s.built) buildLayer(self, inputs, rest, kwargs);
    if (s.assumption && interpreter.recorder.recording) {
      const declared = declaredInputs(self)?.[0]?.shape.join("x");
      if (declared !== undefined && tensorsOf(inputs)[0]?.shape.join("x") === declared) interpreter.recorder.note(s.assumption, interpreter.currentLocation ?? self.module!.constructedAt);
    }
    if (isModel(self) && !s.graph && inputs.kind === "tensor") declareInputs(self, [specOf(inputs)]);
    const recorder = interpreter.recorder;
    recorder.moduleStack.push(self);
    const before = recorder.ops.length;
    let result: Value;
    try {
      result = call(interpreter.getAttribute(self, "call"), [inputs, ...rest], kwargs);
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
  };

  /** Tracks layers, weights and lists of layers assigned to attributes (Keras's auto-tracking). */
  const setAttribute = (c: NativeCall): Value => {
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
      if ((value.kind === "list" || value.kind === "tuple") && value.items.length > 0 && value.items.every(isLayer)) {
        value.items.forEach((item, i) => m.children.set(`${name}.${i}`, item as InstanceValue));
      }
      if (name === "trainable" && value.kind === "bool") {
        // layer.trainable = False freezes every weight under it (transfer learning).
        // Weights made non-trainable (BatchNormalization's moving statistics) stay so when it is set back to True.
        for (const [, p] of namedParameters(target)) if (p.parameter && !alwaysFrozen.has(p.parameter)) p.parameter.requiresGrad = value.value;
      }
    }
    return NONE;
  };

  const property = (name: string, getter: (self: InstanceValue) => Value): [string, Value] => [name, { kind: "property", getter: { kind: "native", name, call: (c) => getter(selfOf(c)) } }];
  const childLayers = (self: InstanceValue): InstanceValue[] => [...self.module!.children.values()].filter((x): x is InstanceValue => x.kind === "instance");

  const layer = nativeClass("keras.layers.Layer", [module], {
    __init__: (c) => {
      baseInit(selfOf(c), c.kwargs);
      return NONE;
    },
    __call__: callLayer,
    __setattr__: setAttribute,
    forward: (c) => call(interp().getAttribute(selfOf(c), "call"), c.args.slice(1), c.kwargs),
    call: (c) => c.args[1] ?? NONE,
    build: (c) => {
      const self = selfOf(c);
      const s = stateOf(self);
      const shapeArg = c.args[1] ?? c.kwargs.get("input_shape");
      if (s.building || !shapeArg || shapeArg.kind === "none") {
        s.built = true;
        self.attributes.set("built", bool(true));
        return NONE;
      }
      const shape = shapeFrom(shapeArg, true, "build() input shape");
      if (isModel(self)) {
        declareInputs(self, [{ shape, dtype: "float32" }], true);
        if (s.sequentialInput === undefined && isSubclass(self.cls, sequential)) {
          buildSequential(self, symbolicTensor(shape));
          return NONE;
        }
        // Model.build runs call() on a symbolic input, which builds every layer.
        symbolically(() => call(self, [tensor(shape)]));
        return NONE;
      }
      if (!s.built) buildLayer(self, tensor(shape), [], new Map());
      return NONE;
    },
    add_weight: (c) => {
      const self = selfOf(c);
      const b = bindArguments(["shape=None", "initializer=None", "dtype=None", "trainable=True", "autocast=True", "regularizer=None", "constraint=None", "aggregation='none'", "overwrite_with_gradient=False", "name=None", "**kwargs"], c.args.slice(1).filter((v) => v.kind !== "str"), new Map([...c.kwargs, ...c.args.slice(1).filter((v) => v.kind === "str").slice(0, 1).map((v) => ["name", v] as [string, Value])]), "add_weight");
      const shape = b.isNone("shape") ? [] : toInts(b.get("shape"), "add_weight(shape)");
      const name = b.isNone("name") ? `variable` : b.str("name");
      return addWeight(self, name, shape, b.bool("trainable"));
    },
    count_params: (c) => int(namedParameters(selfOf(c)).reduce((n, [, p]) => n + numel(p.shape), 0)),
    get_config: (c) => ({ kind: "dict", entries: new Map([["s:name", { key: str("name"), value: str(stateOf(selfOf(c)).name) }]]), id: freshId() }),
    compute_output_shape: () => unknown("compute_output_shape"),
    get_weights: () => unknown("weight values"),
    set_weights: () => NONE,
    summary: () => NONE,
  });
  layer.attributes.set("add_variable", layer.attributes.get("add_weight")!);
  for (const [k, v] of [
    property("weights", (self) => list(namedParameters(self).map(([, p]) => p))),
    property("variables", (self) => list(namedParameters(self).map(([, p]) => p))),
    property("trainable_weights", (self) => list(namedParameters(self).filter(([, p]) => p.parameter?.requiresGrad !== false).map(([, p]) => p))),
    property("trainable_variables", (self) => list(namedParameters(self).filter(([, p]) => p.parameter?.requiresGrad !== false).map(([, p]) => p))),
    property("non_trainable_weights", (self) => list(namedParameters(self).filter(([, p]) => p.parameter?.requiresGrad === false).map(([, p]) => p))),
    property("layers", (self) => list(childLayers(self))),
    property("built", (self) => bool(stateOf(self).built)),
    property("input_shape", (self) => {
      const d = declaredInputs(self)?.[0] ?? (stateOf(self).inputShape ? { shape: stateOf(self).inputShape! } : undefined);
      return d ? tuple([NONE, ...d.shape.slice(1).map(int)]) : unknown("input_shape of an unbuilt layer");
    }),
  ] as [string, Value][]) layer.attributes.set(k, v);
  layer.attributes.set("trainable", bool(true));
  layer.attributes.set("dtype", str("float32"));

  /** Registers a layer as a child under its Keras name (made unique within the model). */
  const addNamedChild = (self: InstanceValue, child: InstanceValue): void => {
    const m = self.module!;
    for (const existing of m.children.values()) if (existing === child) return;
    // Keras names may hold dots (mobilenetv2_1.00_224); report paths use dots as separators.
    const base = stateOf(child).name.replace(/\./g, "_");
    let name = base;
    for (let i = 1; m.children.has(name); i++) name = `${base}_${i}`;
    m.children.set(name, child);
  };

  const setUpFunctional = (self: InstanceValue, inputs: Value, outputs: Value): void => {
    const graph = traceGraph(inputs, outputs);
    for (const t of graph.orphans) interp().recorder.note(`a tensor of shape (${t.shape.join(", ")}) reaches the model's outputs without a Keras layer (a raw op on Keras tensors): its cost is not counted`, interp().currentLocation);
    stateOf(self).graph = graph;
    stateOf(self).assumption = graph.inputTensors.map((t) => assumedShapes.get(t)).find((a) => a !== undefined);
    stateOf(self).built = true;
    for (const c of graph.calls) if (c.layer) addNamedChild(self, c.layer);
    declareInputs(self, graph.inputTensors.map(specOf), true);
  };

  const modelMethods: Record<string, (c: NativeCall) => Value> = {
    __init__: (c) => {
      const self = selfOf(c);
      const inputs = c.args[1] ?? c.kwargs.get("inputs");
      const outputs = c.args[2] ?? c.kwargs.get("outputs");
      baseInit(self, c.kwargs);
      if (inputs && outputs) {
        // keras.Model(inputs, outputs) makes a Functional (Model.__new__ in keras/src/models/model.py).
        if (self.cls === model) self.cls = functional;
        setUpFunctional(self, inputs, outputs);
      }
      return NONE;
    },
    call: (c) => {
      const self = selfOf(c);
      const graph = stateOf(self).graph;
      if (!graph) throw new Unresolved(`${self.cls.name} has no call() and no functional graph`);
      const given = c.args.slice(1).filter((v) => tensorsOf(v).length > 0);
      return replayGraph(graph, given, (l, args, kwargs) => call(l, args, kwargs));
    },
    compile: () => NONE,
    fit: () => unknown("training history"),
    evaluate: () => unknown("evaluation metrics"),
    predict: (c) => call(selfOf(c), c.args.slice(1, 2)),
    save: () => NONE,
    save_weights: () => NONE,
    load_weights: () => NONE,
    to_json: () => unknown("model JSON"),
    get_layer: (c) => {
      const self = selfOf(c);
      const name = c.args[1] ?? c.kwargs.get("name");
      const index = c.args[2] ?? c.kwargs.get("index");
      const layers = childLayers(self);
      if (name?.kind === "str") return layers.find((l) => stateOf(l).name === name.value) ?? unknown(`no layer named ${name.value}`);
      if (index?.kind === "int") return layers[index.value] ?? unknown(`no layer at index ${index.value}`);
      return unknown("get_layer of an unknown name");
    },
  };
  const model = nativeClass("keras.Model", [layer], modelMethods);
  for (const [k, v] of [property("inputs", (self) => stateOf(self).graph?.inputs ?? unknown("inputs of a subclassed model")), property("outputs", (self) => stateOf(self).graph?.outputs ?? unknown("outputs of a subclassed model"))] as [string, Value][]) model.attributes.set(k, v);
  const functional = nativeClass("keras.Functional", [model]);

  /** Runs the layers added so far on the Sequential's symbolic input (building them). */
  const buildSequential = (self: InstanceValue, input: TensorValue): void => {
    const s = stateOf(self);
    s.sequentialInput = input;
    s.assumption = assumedShapes.get(input);
    s.built = true;
    declareInputs(self, [specOf(input)], true);
    let x: Value = input;
    symbolically(() => {
      for (const l of childLayers(self)) x = call(l, [x]);
    });
    s.sequentialOutput = x;
  };

  const sequentialAdd = (self: InstanceValue, item: Value): void => {
    const s = stateOf(self);
    if (item.kind === "tensor") {
      // Sequential([keras.Input(shape=...), ...]) starts from that input.
      if (childLayers(self).length === 0) buildSequential(self, item);
      return;
    }
    if (!isLayer(item)) throw new PythonError(`Only instances of \`keras.Layer\` can be added to a Sequential model. Received: ${item.kind}`);
    if (isSubclass(item.cls, inputLayer)) {
      const shape = stateOf(item).inputShape;
      if (shape && childLayers(self).length === 0) buildSequential(self, tensor(shape, dtypeOf(item.attributes.get("dtype") ?? NONE)));
      return;
    }
    addNamedChild(self, item);
    if (s.sequentialOutput !== undefined) {
      const x = s.sequentialOutput;
      s.sequentialOutput = symbolically(() => call(item, [x]));
    } else if (childLayers(self).length === 1) {
      // The first layer's input_shape=, or the inputs of a model used as the first layer (transfer learning).
      const shape = stateOf(item).inputShape ?? (isModel(item) ? declaredInputs(item)?.[0]?.shape : undefined);
      if (shape) {
        // Token ids feed an Embedding first layer.
        buildSequential(self, tensor(shape, specFor(item.cls)?.name === "Embedding" ? "int32" : "float32"));
        s.assumption = stateOf(item).assumption;
      }
    }
  };

  const sequential = nativeClass("keras.Sequential", [model], {
    __init__: (c) => {
      const self = selfOf(c);
      const b = bindArguments(["layers=None", "trainable=True", "name=None", "**kwargs"], c.args.slice(1), c.kwargs, "Sequential");
      baseInit(self, c.kwargs);
      stateOf(self).built = true;
      const layers = b.get("layers");
      if (layers.kind !== "none") for (const item of interp().iterate(layers)) sequentialAdd(self, item);
      return NONE;
    },
    add: (c) => {
      sequentialAdd(selfOf(c), c.args[1] ?? c.kwargs.get("layer") ?? NONE);
      return NONE;
    },
    pop: (c) => {
      const self = selfOf(c);
      const keys = [...self.module!.children.keys()];
      const last = keys[keys.length - 1];
      if (last === undefined) throw new PythonError("There are no layers in the model.");
      const removed = self.module!.children.get(last)!;
      self.module!.children.delete(last);
      const input = stateOf(self).sequentialInput;
      if (input) buildSequential(self, input);
      return removed;
    },
    call: (c) => {
      let x = c.args[1] ?? c.kwargs.get("inputs") ?? NONE;
      for (const l of childLayers(selfOf(c))) x = call(l, [x]);
      return x;
    },
  });

  const inputLayer = nativeClass("keras.layers.InputLayer", [layer], {
    __init__: (c) => {
      const self = selfOf(c);
      const b = bindArguments(INPUT_SIGNATURE, c.args.slice(1), c.kwargs, "InputLayer");
      baseInit(self, c.kwargs);
      const shape = !b.isNone("batch_shape") ? shapeFrom(b.get("batch_shape"), true, "InputLayer(batch_shape)")
        : !b.isNone("batch_input_shape") ? shapeFrom(b.get("batch_input_shape"), true, "InputLayer(batch_input_shape)")
        : !b.isNone("shape") ? shapeFrom(b.get("shape"), false, "InputLayer(shape)")
        : !b.isNone("input_shape") ? shapeFrom(b.get("input_shape"), false, "InputLayer(input_shape)") : undefined;
      if (shape) stateOf(self).inputShape = shape;
      lastAssumption = undefined;
      if (!b.isNone("dtype")) self.attributes.set("dtype", b.get("dtype"));
      return NONE;
    },
  });

  const input: Value = {
    kind: "native",
    name: "keras.Input",
    call: (c) => {
      const b = bindArguments(INPUT_SIGNATURE, c.args, c.kwargs, "Input");
      if (!b.isNone("tensor")) return b.get("tensor");
      let shape: number[];
      if (!b.isNone("batch_shape")) shape = shapeFrom(b.get("batch_shape"), true, "Input(batch_shape)");
      else if (!b.isNone("shape")) shape = shapeFrom(b.get("shape"), false, "Input(shape)");
      else throw new PythonError("You must pass a `shape` argument.");
      if (!b.isNone("batch_size")) shape[0] = b.int("batch_size");
      return markSymbolicInput(symbolicTensor(shape, dtypeOf(b.get("dtype"))));
    },
  };

  const layers = new Map<string, ClassValue>();
  for (const spec of specs) {
    const cls = nativeClass(`keras.layers.${spec.name}`, [layer], {
      __init__: (c) => {
        const self = selfOf(c);
        const config = bindArguments([...spec.signature, "**kwargs"], c.args.slice(1), c.kwargs, spec.name);
        const s = stateOf(self);
        s.spec = spec;
        s.config = config;
        baseInit(self, c.kwargs);
        rememberConstruction(self, c.args.slice(1), c.kwargs);
        return NONE;
      },
      call: (c) => {
        const self = selfOf(c);
        const own = specFor(self.cls) ?? spec;
        const kwargs = callKeywords(own, c.args.slice(2), c.kwargs);
        return own.call(layerView(self), c.args[1] ?? kwargs.get("inputs") ?? NONE, kwargs, c.context);
      },
    });
    specByClass.set(cls, spec);
    layers.set(spec.name, cls);
  }
  return { layer, model, functional, sequential, inputLayer, layers, input };
}
