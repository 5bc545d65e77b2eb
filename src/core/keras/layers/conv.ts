// keras.layers Conv1D/2D/3D, Conv1D/2D/3DTranspose, DepthwiseConv1D/2D, SeparableConv1D/2D.
// Weights as Keras creates them (keras/src/layers/convolutional/base_conv.py, base_depthwise_conv.py,
// base_separable_conv.py, base_conv_transpose.py); FLOPs by torch/utils/flop_counter.py's conv_flop_count
// (src/core/torch/flops.ts) on the same convolution written in PyTorch's layout, so both frameworks agree.
import { PythonError, type BoundArguments, type OpContext, type TensorValue, type Value } from "../../interp/values";
import { convFlops } from "../../torch/flops";
import { applyActivation } from "../activations";
import { dataFormat, emit, joinChannels, paddingOf, singleTensor, splitChannels, transposedOutputLength, windowOutputLength } from "../shapes";
import type { KerasLayer, KerasLayerSpec } from "../spec";

const ACTIVATION_AND_REGULARISERS = [
  "activation=None", "use_bias=True", "kernel_initializer='glorot_uniform'", "bias_initializer='zeros'", "kernel_regularizer=None",
  "bias_regularizer=None", "activity_regularizer=None", "kernel_constraint=None", "bias_constraint=None",
];

function finish(layer: KerasLayer, out: TensorValue, context: OpContext): Value {
  return applyActivation(layer.config.get("activation"), out, context);
}

/** A convolution's FLOPs in PyTorch's terms: weight [out, in/groups, *kernel], NC* shapes. */
function convolutionFlops(batch: number, inChannels: number, outChannels: number, groups: number, kernel: number[], inSpatial: number[], outSpatial: number[], transposed: boolean): number {
  const weight = transposed ? [inChannels, outChannels / groups, ...kernel] : [outChannels, inChannels / groups, ...kernel];
  return convFlops([batch, inChannels, ...inSpatial], weight, [batch, outChannels, ...outSpatial], transposed);
}

/** The kernel and output spatial size of a strided, dilated, padded window (Conv, DepthwiseConv, SeparableConv). */
function convolutionWindow(c: BoundArguments, nd: number, spatial: number[], name: string): { kernel: number[]; outSpatial: number[] } {
  const kernel = c.ints("kernel_size", nd);
  const strides = c.ints("strides", nd);
  const dilation = c.ints("dilation_rate", nd);
  const padding = paddingOf(c);
  if (padding === "causal" && nd !== 1) throw new PythonError(`${name}: padding='causal' is only supported for Conv1D`);
  return { kernel, outSpatial: spatial.map((n, i) => windowOutputLength(n, kernel[i], strides[i], padding, dilation[i])) };
}

function conv(nd: number): KerasLayerSpec {
  const name = `Conv${nd}D`;
  return {
    name,
    signature: ["filters", "kernel_size", "strides=1", "padding='valid'", "data_format=None", "dilation_rate=1", "groups=1", ...ACTIVATION_AND_REGULARISERS],
    build(layer, inputs, host) {
      const c = layer.config;
      const x = singleTensor(inputs, name);
      const { channels } = splitChannels(x, nd, dataFormat(c), name);
      const groups = c.int("groups");
      const filters = c.int("filters");
      if (channels % groups !== 0) throw new PythonError(`${name}: the number of input channels (${channels}) must be divisible by groups (${groups})`);
      if (filters % groups !== 0) throw new PythonError(`${name}: filters (${filters}) must be divisible by groups (${groups})`);
      host.addWeight("kernel", [...c.ints("kernel_size", nd), channels / groups, filters]);
      if (c.bool("use_bias")) host.addWeight("bias", [filters]);
    },
    call(layer, inputs, _kwargs, context) {
      const c = layer.config;
      const format = dataFormat(c);
      const x = singleTensor(inputs, name);
      const { batch, channels, spatial } = splitChannels(x, nd, format, name);
      const { kernel, outSpatial } = convolutionWindow(c, nd, spatial, name);
      const filters = c.int("filters");
      const flops = convolutionFlops(batch, channels, filters, c.int("groups"), kernel, spatial, outSpatial, false);
      return finish(layer, emit(context, "aten.convolution", flops, joinChannels(batch, filters, outSpatial, format), x.dtype), context);
    },
  };
}

function convTranspose(nd: number): KerasLayerSpec {
  const name = `Conv${nd}DTranspose`;
  return {
    name,
    signature: ["filters", "kernel_size", "strides=1", "padding='valid'", "output_padding=None", "data_format=None", "dilation_rate=1", ...ACTIVATION_AND_REGULARISERS],
    build(layer, inputs, host) {
      const c = layer.config;
      const { channels } = splitChannels(singleTensor(inputs, name), nd, dataFormat(c), name);
      host.addWeight("kernel", [...c.ints("kernel_size", nd), c.int("filters"), channels]);
      if (c.bool("use_bias")) host.addWeight("bias", [c.int("filters")]);
    },
    call(layer, inputs, _kwargs, context) {
      const c = layer.config;
      const format = dataFormat(c);
      const x = singleTensor(inputs, name);
      const { batch, channels, spatial } = splitChannels(x, nd, format, name);
      const kernel = c.ints("kernel_size", nd);
      const strides = c.ints("strides", nd);
      const dilation = c.ints("dilation_rate", nd);
      const outputPadding = c.isNone("output_padding") ? undefined : c.ints("output_padding", nd);
      const outSpatial = spatial.map((n, i) => transposedOutputLength(n, kernel[i], strides[i], paddingOf(c), dilation[i], outputPadding?.[i]));
      const filters = c.int("filters");
      const flops = convolutionFlops(batch, channels, filters, 1, kernel, spatial, outSpatial, true);
      return finish(layer, emit(context, "aten.convolution", flops, joinChannels(batch, filters, outSpatial, format), x.dtype), context);
    },
  };
}

function depthwise(nd: number): KerasLayerSpec {
  const name = `DepthwiseConv${nd}D`;
  return {
    name,
    signature: [
      "kernel_size", "strides=1", "padding='valid'", "depth_multiplier=1", "data_format=None", "dilation_rate=1", "activation=None", "use_bias=True",
      "depthwise_initializer='glorot_uniform'", "bias_initializer='zeros'", "depthwise_regularizer=None", "bias_regularizer=None",
      "activity_regularizer=None", "depthwise_constraint=None", "bias_constraint=None",
    ],
    build(layer, inputs, host) {
      const c = layer.config;
      const { channels } = splitChannels(singleTensor(inputs, name), nd, dataFormat(c), name);
      const multiplier = c.int("depth_multiplier");
      host.addWeight("kernel", [...c.ints("kernel_size", nd), channels, multiplier]);
      if (c.bool("use_bias")) host.addWeight("bias", [channels * multiplier]);
    },
    call(layer, inputs, _kwargs, context) {
      const c = layer.config;
      const format = dataFormat(c);
      const x = singleTensor(inputs, name);
      const { batch, channels, spatial } = splitChannels(x, nd, format, name);
      const { kernel, outSpatial } = convolutionWindow(c, nd, spatial, name);
      const out = channels * c.int("depth_multiplier");
      // A depthwise convolution is a grouped one with groups = channels (PyTorch's Conv2d(C, C*m, groups=C)).
      const flops = convolutionFlops(batch, channels, out, channels, kernel, spatial, outSpatial, false);
      return finish(layer, emit(context, "aten.convolution", flops, joinChannels(batch, out, outSpatial, format), x.dtype), context);
    },
  };
}

function separable(nd: number): KerasLayerSpec {
  const name = `SeparableConv${nd}D`;
  return {
    name,
    signature: [
      "filters", "kernel_size", "strides=1", "padding='valid'", "data_format=None", "dilation_rate=1", "depth_multiplier=1", "activation=None",
      "use_bias=True", "depthwise_initializer='glorot_uniform'", "pointwise_initializer='glorot_uniform'", "bias_initializer='zeros'",
      "depthwise_regularizer=None", "pointwise_regularizer=None", "bias_regularizer=None", "activity_regularizer=None",
      "depthwise_constraint=None", "pointwise_constraint=None", "bias_constraint=None",
    ],
    build(layer, inputs, host) {
      const c = layer.config;
      const { channels } = splitChannels(singleTensor(inputs, name), nd, dataFormat(c), name);
      const multiplier = c.int("depth_multiplier");
      const filters = c.int("filters");
      // base_separable_conv.py: depthwise k·C·m, pointwise 1·C·m·F, bias F.
      host.addWeight("depthwise_kernel", [...c.ints("kernel_size", nd), channels, multiplier]);
      host.addWeight("pointwise_kernel", [...Array(nd).fill(1), channels * multiplier, filters]);
      if (c.bool("use_bias")) host.addWeight("bias", [filters]);
    },
    call(layer, inputs, _kwargs, context) {
      const c = layer.config;
      const format = dataFormat(c);
      const x = singleTensor(inputs, name);
      const { batch, channels, spatial } = splitChannels(x, nd, format, name);
      const { kernel, outSpatial } = convolutionWindow(c, nd, spatial, name);
      const middle = channels * c.int("depth_multiplier");
      const filters = c.int("filters");
      emit(context, "aten.convolution", convolutionFlops(batch, channels, middle, channels, kernel, spatial, outSpatial, false), joinChannels(batch, middle, outSpatial, format), x.dtype);
      const pointwise = convolutionFlops(batch, middle, filters, 1, Array(nd).fill(1), outSpatial, outSpatial, false);
      return finish(layer, emit(context, "aten.convolution", pointwise, joinChannels(batch, filters, outSpatial, format), x.dtype), context);
    },
  };
}

export const CONV_LAYERS: KerasLayerSpec[] = [
  conv(1), conv(2), conv(3), convTranspose(1), convTranspose(2), convTranspose(3), depthwise(1), depthwise(2), separable(1), separable(2),
];
