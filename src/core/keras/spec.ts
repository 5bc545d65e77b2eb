// How a Keras catalogue layer is declared: constructor signature, weights from the input shape, and call.
import type { BoundArguments, InstanceValue, OpContext, TensorValue, Value } from "../interp/values";

/** One weight a layer creates in build(): Keras counts trainable and non-trainable ones alike in count_params(). */
export interface KerasWeight {
  name: string;
  shape: number[];
  trainable: boolean;
}

/** A constructed Keras layer as its build and call see it. */
export interface KerasLayer {
  self: InstanceValue;
  config: BoundArguments;
  /** The weight of this name, once built. */
  weight(name: string): TensorValue | undefined;
}

/** What build() may do besides creating weights: sub-layers (Bidirectional's two directions). */
export interface KerasBuildHost {
  addWeight(name: string, shape: number[], trainable?: boolean): TensorValue;
  addChild(name: string, layer: InstanceValue): void;
  /** Calls a value through the interpreter (constructing a layer class, calling a layer). */
  call(fn: Value, args: Value[], kwargs?: Map<string, Value>): Value;
}

/** A layer of the Keras catalogue (keras.layers.<name>). */
export interface KerasLayerSpec {
  name: string;
  /** Constructor arguments (Keras's base kwargs such as name= and input_shape= are accepted on top). */
  signature: string[];
  /** Creates weights from the shape(s) of the first call's inputs (batch included). */
  build?(layer: KerasLayer, inputs: Value, host: KerasBuildHost, context: OpContext, kwargs: Map<string, Value>): void;
  /** Names of call() arguments after the inputs, so positional ones reach call as keywords (MultiHeadAttention's value). */
  callArguments?: string[];
  /** Runs the layer on abstract tensors; reports FLOPs through context.addFlops. */
  call(layer: KerasLayer, inputs: Value, kwargs: Map<string, Value>, context: OpContext): Value;
}
