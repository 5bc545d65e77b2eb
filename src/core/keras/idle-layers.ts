// A Keras layer object that nothing builds (`lstm = layers.LSTM(20)` at the top of a notebook, never called or put in
// a model) is not a model: Keras creates its weights on the first call or build() (keras.io/guides/making_new_layers_
// and_models_via_subclassing, "Best practice: deferring weight creation"), so it has no input, no weights and no
// figures. Listing it would show 0 parameters for a layer that will have many. A layer class written in the code
// stays listed: it is what the user is writing, and its report says how to give it an input.
import type { InstanceValue } from "../interp/values";
import { namedParameters } from "../torch/module-tree";
import { declaredInputs } from "../interp/declared-inputs";

/** Whether an object is one of Keras's own layers (not a Model) that has not been built: no weights, no declared input. */
export function isIdleKerasLayer(instance: InstanceValue): boolean {
  if (instance.cls.location !== undefined) return false;
  const names = instance.cls.mro.map((c) => c.qualifiedName);
  if (!names.includes("keras.layers.Layer") || names.includes("keras.Model")) return false;
  return namedParameters(instance).length === 0 && declaredInputs(instance) === undefined;
}
