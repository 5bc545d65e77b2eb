// The Keras layer catalogue: every keras.layers class the analyzer knows, by name.
import type { KerasLayerSpec } from "../spec";
import { ATTENTION_LAYERS } from "./attention";
import { CONV_LAYERS } from "./conv";
import { CORE_LAYERS } from "./core";
import { MERGE_LAYERS } from "./merge";
import { NORMALIZATION_LAYERS } from "./normalization";
import { POOLING_LAYERS } from "./pooling";
import { RECURRENT_LAYERS } from "./recurrent";

/** All catalogue layers. */
export const KERAS_LAYERS: KerasLayerSpec[] = [...CORE_LAYERS, ...CONV_LAYERS, ...POOLING_LAYERS, ...NORMALIZATION_LAYERS, ...MERGE_LAYERS, ...RECURRENT_LAYERS, ...ATTENTION_LAYERS];

/** Keras's other spellings of the same layers (keras/src/layers/__init__.py aliases). */
export const LAYER_ALIASES: Record<string, string> = {
  Convolution1D: "Conv1D", Convolution2D: "Conv2D", Convolution3D: "Conv3D", Convolution2DTranspose: "Conv2DTranspose",
  Deconvolution2D: "Conv2DTranspose", SeparableConvolution2D: "SeparableConv2D", MaxPool1D: "MaxPooling1D", MaxPool2D: "MaxPooling2D",
  MaxPool3D: "MaxPooling3D", AvgPool1D: "AveragePooling1D", AvgPool2D: "AveragePooling2D", AvgPool3D: "AveragePooling3D",
  GlobalAvgPool1D: "GlobalAveragePooling1D", GlobalAvgPool2D: "GlobalAveragePooling2D", GlobalAvgPool3D: "GlobalAveragePooling3D",
  GlobalMaxPool1D: "GlobalMaxPooling1D", GlobalMaxPool2D: "GlobalMaxPooling2D", GlobalMaxPool3D: "GlobalMaxPooling3D",
};
