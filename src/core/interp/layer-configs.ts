// The bound constructor arguments of catalogue layers, kept apart from the instances so that reading
// `conv.out_channels` (layer-attributes.ts) does not reach into the torch module classes that record them.
import { withArgument } from "./construct";
import type { BoundArguments, InstanceValue, Value } from "./values";

const layerConfigs = new WeakMap<InstanceValue, BoundArguments>();

/** The bound constructor arguments of a catalogue layer (for `conv.out_channels`, `fc.in_features`). */
export function layerConfigOf(layer: InstanceValue): BoundArguments | undefined {
  return layerConfigs.get(layer);
}

/** Records a catalogue layer's bound constructor arguments (at construction, and on deep copies). */
export function setLayerConfig(layer: InstanceValue, config: BoundArguments): void {
  layerConfigs.set(layer, config);
}

/**
 * Arguments a layer's forward reads from its attributes each call (torch.nn's F.conv2d(..., self.stride,
 * self.padding, self.dilation), pooling's self.kernel_size, ...), so code that sets them after construction changes
 * the computation: segmentation backbones turn strides into dilations with `m.dilation, m.padding, m.stride = ...`.
 * Arguments that sized the weights are not among them: assigning those changes no weight in PyTorch either.
 */
const READ_AT_FORWARD = new Set(["stride", "padding", "dilation", "output_padding", "padding_mode", "eps", "momentum", "p", "inplace", "scale_factor", "size", "mode", "align_corners", "ceil_mode", "count_include_pad", "kernel_size", "negative_slope", "dim"]);

/** Records `layer.name = value` where the layer's forward reads `name` (see READ_AT_FORWARD); false when it does not. */
export function assignLayerArgument(layer: InstanceValue, name: string, value: Value, weightsSized: boolean): boolean {
  const config = layerConfigs.get(layer);
  if (!config || !config.has(name) || !READ_AT_FORWARD.has(name) || (name === "kernel_size" && weightsSized)) return false;
  layerConfigs.set(layer, withArgument(config, name, value));
  // the record forward re-binds from (and deep copies carry)
  if (layer.module?.config && name in layer.module.config) layer.module.config[name] = value;
  return true;
}
