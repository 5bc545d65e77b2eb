// Constructor arguments of a catalogue layer, bound as torch.nn binds them: against the layer's published __init__
// signature first (nn.Conv2d(in_channels=3, out_channels=8, kernel_size=3)), then read by the catalogue's names.
import { bindArguments } from "../interp/construct";
import type { BoundArguments, LayerSpec, Value } from "../interp/values";
import { bindPublished } from "../signatures/published";
import { checkSizeArguments } from "./size-arguments";

/** Binds a layer's constructor call and checks its sizes as PyTorch's allocation does. */
export function bindLayerConstructor(spec: LayerSpec, args: Value[], kwargs: Map<string, Value>): BoundArguments {
  const call = bindPublished(`torch.nn.${spec.name}`, spec.signature, args, kwargs);
  const bound = bindArguments(spec.signature, call.args, call.kwargs, spec.name);
  checkSizeArguments(spec.name, bound);
  return bound;
}
