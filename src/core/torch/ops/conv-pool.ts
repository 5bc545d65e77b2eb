// Convolutions and pooling: output sizes from the torch.nn docs formulas, FLOPs from flop_counter.py's conv_flop_count.
import { PythonError, type OpContext, type TensorValue } from "../../interp/values";
import { convFlops } from "../flops";
import { convOutputLength, convTransposeOutputLength, numel, poolOutputLength } from "../shapes";
import { emit } from "./define";

/** Splits an input of nd spatial dims into batch/channels/spatial, accepting the unbatched form. */
export function splitSpatial(input: TensorValue, nd: number, op: string): { batched: boolean; batch: number; channels: number; spatial: number[] } {
  const rank = input.shape.length;
  if (rank === nd + 2) return { batched: true, batch: input.shape[0], channels: input.shape[1], spatial: input.shape.slice(2) };
  if (rank === nd + 1) return { batched: false, batch: 1, channels: input.shape[0], spatial: input.shape.slice(1) };
  throw new PythonError(`${op}: expected ${nd + 1}D (unbatched) or ${nd + 2}D (batched) input, but got input of size [${input.shape.join(", ")}]`);
}

/** Convolution padding: per-dim ints, or the strings 'same' and 'valid'. */
export type ConvPadding = number[] | "same" | "valid";

/** F.conv{1,2,3}d: weight [out, in/groups, *k]; one aten.convolution. */
export function convolution(
  input: TensorValue, weight: TensorValue, bias: TensorValue | undefined,
  stride: number[], padding: ConvPadding, dilation: number[], groups: number, nd: number, context: OpContext, op = `conv${nd}d`,
): TensorValue {
  const { batched, batch, channels, spatial } = splitSpatial(input, nd, op);
  if (weight.shape.length !== nd + 2) throw new PythonError(`${op}: weight must be ${nd + 2}-D, got [${weight.shape.join(", ")}]`);
  const [outChannels, inPerGroup, ...kernel] = weight.shape;
  if (groups < 1) throw new PythonError(`${op}: groups must be a positive integer`);
  if (channels !== inPerGroup * groups) {
    throw new PythonError(`${op}: expected input [${input.shape.join(", ")}] to have ${inPerGroup * groups} channels, but got ${channels} channels instead`);
  }
  if (outChannels % groups !== 0) throw new PythonError(`${op}: out_channels ${outChannels} is not divisible by groups ${groups}`);
  if (bias && numel(bias.shape) !== outChannels) throw new PythonError(`${op}: bias has ${numel(bias.shape)} elements, expected ${outChannels}`);
  if (padding === "same" && stride.some((s) => s !== 1)) throw new PythonError("padding='same' is not supported for strided convolutions");
  const outSpatial = spatial.map((length, i) => {
    if (padding === "same") return length;
    const pad = padding === "valid" ? 0 : padding[i];
    return convOutputLength(length, kernel[i], stride[i], pad, dilation[i]);
  });
  const inShape = [batch, channels, ...spatial];
  const outShape = [batch, outChannels, ...outSpatial];
  const flops = convFlops(inShape, weight.shape, outShape, false);
  return emit(context, "aten.convolution", flops, batched ? outShape : outShape.slice(1), input.dtype);
}

/** F.conv_transpose{1,2,3}d: weight [in, out/groups, *k]; one aten.convolution with transposed=True. */
export function convolutionTranspose(
  input: TensorValue, weight: TensorValue, bias: TensorValue | undefined,
  stride: number[], padding: number[], outputPadding: number[], groups: number, dilation: number[], nd: number, context: OpContext,
  op = `conv_transpose${nd}d`,
): TensorValue {
  const { batched, batch, channels, spatial } = splitSpatial(input, nd, op);
  if (weight.shape.length !== nd + 2) throw new PythonError(`${op}: weight must be ${nd + 2}-D, got [${weight.shape.join(", ")}]`);
  const [inChannels, outPerGroup, ...kernel] = weight.shape;
  if (channels !== inChannels) throw new PythonError(`${op}: expected input [${input.shape.join(", ")}] to have ${inChannels} channels, but got ${channels} channels instead`);
  if (inChannels % groups !== 0) throw new PythonError(`${op}: in_channels ${inChannels} is not divisible by groups ${groups}`);
  for (let i = 0; i < nd; i++) {
    if (outputPadding[i] >= stride[i] && outputPadding[i] >= dilation[i]) {
      throw new PythonError(`${op}: output padding must be smaller than either stride or dilation, got output_padding=${outputPadding[i]}`);
    }
  }
  const outChannels = outPerGroup * groups;
  if (bias && numel(bias.shape) !== outChannels) throw new PythonError(`${op}: bias has ${numel(bias.shape)} elements, expected ${outChannels}`);
  const outSpatial = spatial.map((length, i) => convTransposeOutputLength(length, kernel[i], stride[i], padding[i], dilation[i], outputPadding[i]));
  const inShape = [batch, channels, ...spatial];
  const outShape = [batch, outChannels, ...outSpatial];
  const flops = convFlops(inShape, weight.shape, outShape, true);
  return emit(context, "aten.convolution", flops, batched ? outShape : outShape.slice(1), input.dtype);
}

/**
 * The output_padding that makes a transposed conv produce `outputSize` (torch.nn.modules.conv
 * _ConvTransposeNd._output_padding), or an error when the size is out of reach.
 */
export function outputPaddingFor(spatial: number[], outputSize: number[], kernel: number[], stride: number[], padding: number[], dilation: number[]): number[] {
  const target = outputSize.slice(-spatial.length);
  if (target.length !== spatial.length) throw new PythonError(`output_size must have ${spatial.length} or ${spatial.length + 2} elements`);
  return spatial.map((length, i) => {
    const minSize = (length - 1) * stride[i] - 2 * padding[i] + dilation[i] * (kernel[i] - 1) + 1;
    const extra = target[i] - minSize;
    if (extra < 0 || extra >= Math.max(stride[i], dilation[i])) {
      throw new PythonError(`requested an output size of ${target[i]}, but valid sizes range from ${minSize} to ${minSize + Math.max(stride[i], dilation[i]) - 1}`);
    }
    return extra;
  });
}

/** F.max_pool{n}d / avg_pool{n}d: window pooling, 0 FLOPs (flop_counter.py counts none). */
export function pool(
  kind: "max" | "avg", input: TensorValue, kernel: number[], stride: number[], padding: number[], dilation: number[], ceilMode: boolean,
  nd: number, context: OpContext,
): TensorValue {
  const op = `${kind}_pool${nd}d`;
  const { batched, batch, channels, spatial } = splitSpatial(input, nd, op);
  const outSpatial = spatial.map((length, i) => poolOutputLength(length, kernel[i], stride[i], padding[i], dilation[i], ceilMode));
  const outShape = batched ? [batch, channels, ...outSpatial] : [channels, ...outSpatial];
  return emit(context, kind === "max" ? `aten.max_pool${nd}d_with_indices` : `aten.avg_pool${nd}d`, 0, outShape, input.dtype);
}

/**
 * F.max_unpool{n}d: each spatial dim (in - 1) * stride - 2 * padding + kernel, unless output_size names it (its
 * last n entries; torch's _unpool_output_size). Scatters values by index: 0 FLOPs.
 */
export function maxUnpool(
  input: TensorValue, kernel: number[], stride: number[], padding: number[], outputSize: number[] | undefined, nd: number, context: OpContext,
): TensorValue {
  const op = `max_unpool${nd}d`;
  const { batched, batch, channels, spatial } = splitSpatial(input, nd, op);
  const defaults = spatial.map((length, i) => (length - 1) * stride[i] - 2 * padding[i] + kernel[i]);
  let outSpatial = defaults;
  if (outputSize) {
    const given = outputSize.length === nd + 2 || outputSize.length === nd + 1 ? outputSize.slice(-nd) : outputSize;
    if (given.length !== nd) throw new PythonError(`${op}: output_size must have ${nd} or ${nd + 2} elements, got ${outputSize.length}`);
    given.forEach((size, i) => {
      if (size < defaults[i] - stride[i] || size > defaults[i] + stride[i]) throw new PythonError(`${op}: invalid output_size ${size} (between ${defaults[i] - stride[i]} and ${defaults[i] + stride[i]})`);
    });
    outSpatial = given;
  }
  return emit(context, `aten.max_unpool${nd}d`, 0, batched ? [batch, channels, ...outSpatial] : [channels, ...outSpatial], input.dtype);
}

/** F.adaptive_{avg,max}_pool{n}d: output size per dim, None keeping the input's. */
export function adaptivePool(kind: "max" | "avg", input: TensorValue, outputSize: (number | undefined)[], nd: number, context: OpContext): TensorValue {
  const op = `adaptive_${kind}_pool${nd}d`;
  const { spatial } = splitSpatial(input, nd, op);
  if (outputSize.length !== nd) throw new PythonError(`${op}: output_size must have ${nd} elements`);
  const lead = input.shape.slice(0, input.shape.length - nd);
  const outSpatial = spatial.map((length, i) => {
    const o = outputSize[i];
    if (o === undefined) return length;
    if (o < 0) throw new PythonError(`${op}: output_size must be non-negative`);
    return o;
  });
  return emit(context, kind === "avg" ? `aten._adaptive_avg_pool${nd}d` : `aten.adaptive_max_pool${nd}d`, 0, [...lead, ...outSpatial], input.dtype);
}

/** F.unfold (im2col): [N, C, *spatial] → [N, C·∏k, L], 0 FLOPs. */
export function unfold(input: TensorValue, kernel: number[], dilation: number[], padding: number[], stride: number[], context: OpContext): TensorValue {
  const { batched, batch, channels, spatial } = splitSpatial(input, kernel.length, "unfold");
  const blocks = spatial.map((length, i) => convOutputLength(length, kernel[i], stride[i], padding[i], dilation[i]));
  const shape = [batch, channels * numel(kernel), numel(blocks)];
  return emit(context, "aten.im2col", 0, batched ? shape : shape.slice(1), input.dtype);
}

/** F.fold (col2im): [N, C·∏k, L] → [N, C, *output_size], 0 FLOPs. */
export function fold(input: TensorValue, outputSize: number[], kernel: number[], dilation: number[], padding: number[], stride: number[], context: OpContext): TensorValue {
  const batched = input.shape.length === 3;
  if (!batched && input.shape.length !== 2) throw new PythonError(`fold: expected 2D or 3D input, got [${input.shape.join(", ")}]`);
  const [batch, columns, length] = batched ? input.shape : [1, ...input.shape];
  const k = numel(kernel);
  if (columns % k !== 0) throw new PythonError(`fold: expected size of input's dimension 1 to be divisible by the product of kernel_size, but got ${columns}`);
  const blocks = outputSize.map((o, i) => convOutputLength(o, kernel[i], stride[i], padding[i], dilation[i]));
  if (numel(blocks) !== length) throw new PythonError(`fold: expected input's dimension 2 to match the calculated number of sliding blocks ${numel(blocks)}, but got ${length}`);
  const shape = [batch, columns / k, ...outputSize];
  return emit(context, "aten.col2im", 0, batched ? shape : shape.slice(1), input.dtype);
}
