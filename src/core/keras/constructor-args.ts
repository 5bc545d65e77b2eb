// The arguments each Keras layer was constructed with, so wrappers (Bidirectional) can build a twin layer
// as Keras does from get_config().
import type { InstanceValue, Value } from "../interp/values";

const constructorArguments = new WeakMap<InstanceValue, { args: Value[]; kwargs: Map<string, Value> }>();

/** Remembers how a layer was constructed. */
export function rememberConstruction(layer: InstanceValue, args: Value[], kwargs: Map<string, Value>): void {
  constructorArguments.set(layer, { args: [...args], kwargs: new Map(kwargs) });
}

/** How a layer was constructed, when it was a Keras layer. */
export function constructionOf(layer: InstanceValue): { args: Value[]; kwargs: Map<string, Value> } | undefined {
  return constructorArguments.get(layer);
}
