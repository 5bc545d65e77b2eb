// A compact way to declare catalogue layers: constructor and forward signatures, build and forward bodies.
import { bindArguments } from "../../interp/construct";
import { PythonError, type BoundArguments, type LayerBuild, type LayerInstance, type LayerSpec, type OpContext, type TensorValue, type Value } from "../../interp/values";
import { tensorArg } from "../args";

/** What a layer file declares; `forward` gets its arguments bound to `forwardSignature`. */
export interface LayerDefinition {
  name: string;
  signature: string[];
  forwardSignature?: string[];
  build(args: BoundArguments, context: OpContext): LayerBuild;
  forward(layer: LayerInstance, args: BoundArguments, context: OpContext): Value;
  /** Other methods with their signatures (without self), bound the same way as forward. */
  methods?: Record<string, { signature: string[]; call(layer: LayerInstance, args: BoundArguments, context: OpContext): Value }>;
}

/** Turns a definition into the LayerSpec the interpreter calls. */
export function defineLayer(def: LayerDefinition): LayerSpec {
  const forwardSignature = def.forwardSignature ?? ["input"];
  return {
    name: def.name,
    signature: def.signature,
    build: def.build,
    forward: (layer, args, kwargs, context) => def.forward(layer, bindArguments(forwardSignature, args, kwargs, `${def.name}.forward`), context),
    methods: def.methods && Object.fromEntries(Object.entries(def.methods).map(([name, m]) => [
      name,
      (layer: LayerInstance, args: Value[], kwargs: Map<string, Value>, context: OpContext) => m.call(layer, bindArguments(m.signature, args, kwargs, `${def.name}.${name}`), context),
    ])),
  };
}

/** A layer's parameter (its current tensor: the analyzed code may have replaced or cast it), or undefined when None. */
export function parameter(layer: LayerInstance, name: string): TensorValue | undefined {
  // weight_norm and spectral_norm leave the weight a plain tensor attribute, recomputed from their parameters
  const p = layer.state.parameters.get(name) ?? layer.state.buffers.get(name) ?? layer.self.attributes.get(name);
  return p && p.kind === "tensor" ? p : undefined;
}

/** A parameter the forward cannot do without; set to None (`conv.weight = None`) it fails as PyTorch's kernel does. */
export function requiredParameter(layer: LayerInstance, name: string): TensorValue {
  const p = parameter(layer, name);
  if (!p) throw new PythonError(`${layer.state.typeName}.forward: its ${name} is None, not a tensor`);
  return p;
}

/** The forward input named `input` (or another name) as a tensor. */
export function input(args: BoundArguments, layerName: string, name = "input"): TensorValue {
  return tensorArg(args, name, `${layerName}.forward`);
}

/** A layer's child module, or undefined for an empty slot. */
export function child(layer: LayerInstance, name: string): Value | undefined {
  const c = layer.state.children.get(name);
  return c && c.kind === "instance" ? c : undefined;
}

/** Common trailing constructor arguments of torch.nn layers. */
export const DEVICE_DTYPE = ["device=None", "dtype=None"];

/** Registers a set of specs by class name. */
export function byName(specs: LayerSpec[]): Map<string, LayerSpec> {
  return new Map(specs.map((s) => [s.name, s]));
}
