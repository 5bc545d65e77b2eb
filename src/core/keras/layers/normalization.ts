// keras.layers BatchNormalization, LayerNormalization, GroupNormalization, UnitNormalization.
// BatchNormalization keeps moving_mean and moving_variance as NON-trainable weights (Keras counts them in
// count_params(); PyTorch keeps them as buffers). Norms cost 0 FLOPs under the project's convention.
import { PythonError } from "../../interp/values";
import { tensor, toInts } from "../../interp/construct";
import { axisOf, emit, singleTensor } from "../shapes";
import type { KerasLayerSpec } from "../spec";

const BatchNormalization: KerasLayerSpec = {
  name: "BatchNormalization",
  signature: [
    "axis=-1", "momentum=0.99", "epsilon=0.001", "center=True", "scale=True", "beta_initializer='zeros'", "gamma_initializer='ones'",
    "moving_mean_initializer='zeros'", "moving_variance_initializer='ones'", "beta_regularizer=None", "gamma_regularizer=None",
    "beta_constraint=None", "gamma_constraint=None", "synchronized=False",
  ],
  build(layer, inputs, host) {
    const x = singleTensor(inputs, "BatchNormalization");
    const channels = x.shape[axisOf(layer.config.int("axis"), x.shape.length, "BatchNormalization")];
    if (layer.config.bool("scale")) host.addWeight("gamma", [channels]);
    if (layer.config.bool("center")) host.addWeight("beta", [channels]);
    host.addWeight("moving_mean", [channels], false);
    host.addWeight("moving_variance", [channels], false);
  },
  call: (_layer, inputs, _kwargs, context) => {
    const x = singleTensor(inputs, "BatchNormalization");
    return emit(context, "aten._native_batch_norm_legit_no_training", 0, x.shape, x.dtype);
  },
};

/** The normalised axes of LayerNormalization (an int or a list). */
function axes(value: import("../../interp/values").Value, rank: number, layer: string): number[] {
  return toInts(value).map((a) => axisOf(a, rank, layer));
}

const LayerNormalization: KerasLayerSpec = {
  name: "LayerNormalization",
  signature: ["axis=-1", "epsilon=0.001", "center=True", "scale=True", "rms_scaling=False", "beta_initializer='zeros'", "gamma_initializer='ones'", "beta_regularizer=None", "gamma_regularizer=None", "beta_constraint=None", "gamma_constraint=None"],
  build(layer, inputs, host) {
    const x = singleTensor(inputs, "LayerNormalization");
    const shape = axes(layer.config.get("axis"), x.shape.length, "LayerNormalization").map((a) => x.shape[a]);
    if (layer.config.bool("scale")) host.addWeight("gamma", shape);
    if (layer.config.bool("center") && !layer.config.bool("rms_scaling")) host.addWeight("beta", shape);
  },
  call: (_layer, inputs, _kwargs, context) => {
    const x = singleTensor(inputs, "LayerNormalization");
    return emit(context, "aten.native_layer_norm", 0, x.shape, x.dtype);
  },
};

const GroupNormalization: KerasLayerSpec = {
  name: "GroupNormalization",
  signature: ["groups=32", "axis=-1", "epsilon=0.001", "center=True", "scale=True", "beta_initializer='zeros'", "gamma_initializer='ones'", "beta_regularizer=None", "gamma_regularizer=None", "beta_constraint=None", "gamma_constraint=None"],
  build(layer, inputs, host) {
    const x = singleTensor(inputs, "GroupNormalization");
    const channels = x.shape[axisOf(layer.config.int("axis"), x.shape.length, "GroupNormalization")];
    if (channels % layer.config.int("groups") !== 0) throw new PythonError(`Number of groups (${layer.config.int("groups")}) must be a multiple of the number of channels (${channels}).`);
    if (layer.config.bool("scale")) host.addWeight("gamma", [channels]);
    if (layer.config.bool("center")) host.addWeight("beta", [channels]);
  },
  call: (_layer, inputs, _kwargs, context) => {
    const x = singleTensor(inputs, "GroupNormalization");
    return emit(context, "aten.native_group_norm", 0, x.shape, x.dtype);
  },
};

const UnitNormalization: KerasLayerSpec = {
  name: "UnitNormalization",
  signature: ["axis=-1"],
  call: (_layer, inputs) => {
    const x = singleTensor(inputs, "UnitNormalization");
    return tensor(x.shape, x.dtype);
  },
};

export const NORMALIZATION_LAYERS: KerasLayerSpec[] = [BatchNormalization, LayerNormalization, GroupNormalization, UnitNormalization];
