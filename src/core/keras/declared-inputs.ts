// The input shapes a Keras model declares itself (Input(shape=...), input_shape= on its first layer,
// build((None, ...)), or the first call), which the analyzer uses when no CLI shape or pragma is given.
import type { InstanceValue } from "../interp/values";
import type { InputSpec } from "../report/model-report";

const declared = new WeakMap<InstanceValue, InputSpec[]>();

/** Records the inputs a model declares (the first declaration wins unless replace is set). */
export function declareInputs(model: InstanceValue, inputs: InputSpec[], replace = false): void {
  if (replace || !declared.has(model)) declared.set(model, inputs);
}

/** The inputs a model declared, if any (Keras models; PyTorch modules declare none). */
export function declaredInputs(model: InstanceValue): InputSpec[] | undefined {
  return declared.get(model);
}
