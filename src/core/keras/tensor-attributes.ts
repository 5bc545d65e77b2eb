// Attributes Keras itself sets on the tensors its layers return, beyond torch's (src/core/torch/catalogue.ts).
import { int, tuple } from "../interp/construct";
import type { TensorValue, Value } from "../interp/values";

/** A Keras-only attribute of a layer's output tensor, or undefined when `name` is not one. */
export function kerasTensorAttribute(self: TensorValue, name: string): Value | undefined {
  // Keras 2.0-2.2 set `_keras_shape` on every layer output (keras/engine/base_layer.py, `Layer.__call__`): the
  // static shape as a tuple, read by code of that era as `x._keras_shape[channel_axis]`. Like `K.int_shape` here, the
  // batch axis is the analysed batch rather than None.
  if (name === "_keras_shape") return tuple(self.shape.map(int));
  return undefined;
}
