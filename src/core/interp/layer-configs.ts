// The bound constructor arguments of catalogue layers, kept apart from the instances so that reading
// `conv.out_channels` (layer-attributes.ts) does not reach into the torch module classes that record them.
import type { BoundArguments, InstanceValue } from "./values";

const layerConfigs = new WeakMap<InstanceValue, BoundArguments>();

/** The bound constructor arguments of a catalogue layer (for `conv.out_channels`, `fc.in_features`). */
export function layerConfigOf(layer: InstanceValue): BoundArguments | undefined {
  return layerConfigs.get(layer);
}

/** Records a catalogue layer's bound constructor arguments (at construction, and on deep copies). */
export function setLayerConfig(layer: InstanceValue, config: BoundArguments): void {
  layerConfigs.set(layer, config);
}
