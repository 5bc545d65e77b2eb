// What the Keras classes of one runtime share: each layer object's state, the catalogue spec of each layer class,
// the classes themselves (Layer's build() makes a Sequential; Sequential.add() checks for an InputLayer), and the
// helpers every class uses (shapes from input_shape=, weights, symbolic runs).
import { isSubclass } from "../../interp/classes";
import { NONE, str, tensor, toInts, tuple } from "../../interp/construct";
import type { Interpreter } from "../../interp/interpreter";
import { Unresolved, type BoundArguments, type ClassValue, type SourceLocation, type InstanceValue, type NativeCall, type TensorDtype, type TensorValue, type Value } from "../../interp/values";
import type { InputSpec } from "../../report/model-report";
import type { FunctionalGraph } from "../graph";
import type { KerasLayer, KerasLayerSpec } from "../spec";

/** What the analyzer keeps about one Keras layer object. */
export interface LayerState {
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
  /** Sequential: the first step added that is not a layer the analyzer knows (an unresolved import), and where. */
  unbuiltStep?: { at: number; reason: string; where: SourceLocation | undefined };
  /** Why the model's declared input shape is partly assumed (None dims), said when forward runs on it. */
  assumption?: string;
}

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

// Tensors whose shape has assumed sizes for None dims, with the note to give.
export const assumedShapes = new WeakMap<TensorValue, string>();
// Weights created non-trainable: `layer.trainable = True` does not make them trainable.
export const alwaysFrozen = new WeakSet<object>();

/** keras.src.utils.naming.to_snake_case: Conv2D → conv2d, BatchNormalization → batch_normalization. */
export function toSnakeCase(name: string): string {
  return name.replace(/(.)([A-Z][a-z]+)/g, "$1_$2").replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
}

/** A dtype argument (a string or a dtype object) as a tensor dtype; float32 when it names none the analyzer keeps. */
export function dtypeOf(v: Value): TensorDtype {
  if (v.kind !== "str" && v.kind !== "dtype") return "float32";
  const name = v.kind === "str" ? v.value : v.name;
  if (name === "int32" || name === "int64" || name === "uint8" || name === "int8" || name === "bool" || name === "float16" || name === "bfloat16" || name === "float64") return name;
  return "float32";
}

/** The analyzer's input dtype for a tensor (token ids are int64 in the report's terms). */
export function specOf(t: TensorValue): InputSpec {
  return { shape: [...t.shape], dtype: t.dtype.startsWith("int") || t.dtype === "uint8" ? "int64" : "float32" };
}

/** The layer a Keras method is called on; Unresolved when it is not one. */
export function selfOf(c: NativeCall): InstanceValue {
  const s = c.args[0];
  if (s?.kind !== "instance" || !s.module) throw new Unresolved("Keras layer method called on a non-layer");
  return s;
}

/** The state and helpers the Keras classes of one runtime share; the classes are filled in as they are made. */
export class KerasContext {
  readonly specByClass = new Map<ClassValue, KerasLayerSpec>();
  /** Why the shape shapeFrom() last read is partly assumed, until a tensor or layer takes the note. */
  lastAssumption: string | undefined;
  classes = {} as Omit<KerasClasses, "layers" | "input">;
  private readonly states = new WeakMap<InstanceValue, LayerState>();

  constructor(readonly interp: () => Interpreter) {}

  call(fn: Value, args: Value[], kwargs = new Map<string, Value>()): Value {
    return this.interp().call(fn, args, kwargs);
  }

  stateOf(self: InstanceValue): LayerState {
    let s = this.states.get(self);
    if (!s) {
      s = { name: toSnakeCase(self.cls.name), built: false, building: false };
      this.states.set(self, s);
    }
    return s;
  }

  /** The catalogue spec of a layer class or of its nearest catalogue base. */
  specFor(cls: ClassValue): KerasLayerSpec | undefined {
    for (const c of cls.mro) {
      const s = this.specByClass.get(c);
      if (s) return s;
    }
    return undefined;
  }

  isLayer(v: Value): v is InstanceValue {
    return v.kind === "instance" && !!v.module && isSubclass(v.cls, this.classes.layer);
  }

  isModel(v: InstanceValue): boolean {
    return isSubclass(v.cls, this.classes.model);
  }

  /** Runs fn with the recorder off: building weights from symbolic shapes is not a cost of the model. */
  symbolically<T>(fn: () => T): T {
    const recorder = this.interp().recorder;
    const was = recorder.recording;
    recorder.recording = false;
    try {
      return fn();
    } finally {
      recorder.recording = was;
    }
  }

  /** A symbolic tensor of a declared shape, remembering whether None dims were assumed. */
  symbolicTensor(shape: number[], dtype: TensorDtype = "float32"): TensorValue {
    const t = tensor(shape, dtype);
    if (this.lastAssumption) assumedShapes.set(t, this.lastAssumption);
    this.lastAssumption = undefined;
    return t;
  }

  /** A shape given as (None, 28, 28) or [28, 28] (without batch, when withBatch is false); None → assumed size. */
  shapeFrom(v: Value, withBatch: boolean, what: string): number[] {
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
      this.lastAssumption = `${what} has unknown (None) dims; assumed ${assumed} (set '# greenlight: input=...' for the real size)`;
      return full.map((d) => d ?? assumed);
    }
    return full as number[];
  }

  /** Layer.__init__'s own keywords: name, input_shape= and its spellings, trainable. */
  baseInit(self: InstanceValue, kwargs: Map<string, Value>): void {
    const s = this.stateOf(self);
    const name = kwargs.get("name");
    if (name?.kind === "str") s.name = name.value;
    const batchInput = kwargs.get("batch_input_shape") ?? kwargs.get("batch_shape");
    const inputShape = kwargs.get("input_shape");
    const inputDim = kwargs.get("input_dim");
    if (batchInput && batchInput.kind !== "none") s.inputShape = this.shapeFrom(batchInput, true, "batch_input_shape");
    else if (inputShape && inputShape.kind !== "none") s.inputShape = this.shapeFrom(inputShape, false, "input_shape");
    else if (inputDim && inputDim.kind !== "none") s.inputShape = [1, toInts(inputDim)[0]];
    // Keras 2's Embedding(input_length=n) fixes the sequence length of a Sequential's input.
    const inputLength = kwargs.get("input_length");
    if (!s.inputShape && inputLength?.kind === "int") s.inputShape = [1, inputLength.value];
    // Without one, Keras 2's Embedding declared input_shape=(None,) (tf.keras 2.x keras/layers/embeddings.py
    // Embedding.__init__): its parameters do not depend on the length, assumed until the data says it.
    if (!s.inputShape && this.specFor(self.cls)?.name === "Embedding") s.inputShape = this.shapeFrom(tuple([NONE]), false, "an Embedding's sequence length (no input_length)");
    s.assumption = this.lastAssumption;
    this.lastAssumption = undefined;
    self.attributes.set("name", str(s.name));
    const trainable = kwargs.get("trainable");
    if (trainable?.kind === "bool") self.attributes.set("trainable", trainable);
  }

  /** A new weight under `name` (made unique within the layer). */
  addWeight(self: InstanceValue, name: string, shape: number[], trainable: boolean): TensorValue {
    const p = this.interp().context.parameter(shape, trainable);
    if (!trainable) alwaysFrozen.add(p.parameter!);
    let key = name;
    for (let i = 1; self.module!.parameters.has(key); i++) key = `${name}_${i}`;
    self.module!.parameters.set(key, p);
    return p;
  }

  /** What a catalogue spec sees of a constructed layer: its bound arguments and its weights by name. */
  layerView(self: InstanceValue): KerasLayer {
    const s = this.stateOf(self);
    if (!s.config) throw new Unresolved(`${self.cls.name} was not constructed`);
    return {
      self,
      config: s.config,
      weight: (name) => {
        const w = self.module!.parameters.get(name);
        return w && w.kind === "tensor" ? w : undefined;
      },
    };
  }

  /** A read-only attribute computed from the layer (weights, layers, built, ...). */
  property(name: string, getter: (self: InstanceValue) => Value): [string, Value] {
    return [name, { kind: "property", getter: { kind: "native", name, call: (c) => getter(selfOf(c)) } }];
  }

  childLayers(self: InstanceValue): InstanceValue[] {
    return [...self.module!.children.values()].filter((x): x is InstanceValue => x.kind === "instance");
  }

  /** Registers a layer as a child under its Keras name (made unique within the model). */
  addNamedChild(self: InstanceValue, child: InstanceValue): void {
    const m = self.module!;
    for (const existing of m.children.values()) if (existing === child) return;
    // Keras names may hold dots (mobilenetv2_1.00_224); report paths use dots as separators.
    const base = this.stateOf(child).name.replace(/\./g, "_");
    let name = base;
    for (let i = 1; m.children.has(name); i++) name = `${base}_${i}`;
    m.children.set(name, child);
  }
}
