// Neural-network ops without matmul FLOPs (norms, embedding, resizing, padding, losses) and attention.
import { PythonError, Unresolved, type OpContext, type TensorValue } from "../../interp/values";
import { isFloating, promoteTypes } from "../dtypes";
import { sdpaFlops } from "../flops";
import { broadcastShapes, normalizeDim, numel } from "../shapes";
import { emit } from "./define";
import { oneHot as routedOneHot } from "../routing";

/** F.layer_norm: the trailing dims must equal normalized_shape; 0 FLOPs (aten.native_layer_norm). */
export function layerNorm(input: TensorValue, normalizedShape: number[], context: OpContext, op = "aten.native_layer_norm"): TensorValue {
  const tail = input.shape.slice(input.shape.length - normalizedShape.length);
  if (normalizedShape.length > input.shape.length || tail.some((d, i) => d !== normalizedShape[i])) {
    throw new PythonError(`Given normalized_shape=[${normalizedShape.join(", ")}], expected input with shape [*, ${normalizedShape.join(", ")}], but got input of size [${input.shape.join(", ")}]`);
  }
  return emit(context, op, 0, input.shape, input.dtype);
}

/** F.batch_norm / instance_norm: channels are dim 1 (dim 0 for unbatched instance norm); 0 FLOPs. */
export function channelNorm(input: TensorValue, channels: number | undefined, op: string, context: OpContext, channelDim = 1): TensorValue {
  if (input.shape.length <= channelDim) throw new PythonError(`${op}: expected at least ${channelDim + 1}D input, got [${input.shape.join(", ")}]`);
  if (channels !== undefined && input.shape[channelDim] !== channels) {
    throw new PythonError(`${op}: running_mean should contain ${input.shape[channelDim]} elements not ${channels}`);
  }
  return emit(context, `aten.${op}`, 0, input.shape, input.dtype);
}

/** F.group_norm: channels (dim 1) split into groups; 0 FLOPs. */
export function groupNorm(input: TensorValue, groups: number, context: OpContext): TensorValue {
  if (input.shape.length < 2) throw new PythonError(`group_norm: expected at least 2D input, got [${input.shape.join(", ")}]`);
  if (input.shape[1] % groups !== 0) throw new PythonError(`group_norm: expected number of channels ${input.shape[1]} to be divisible by num_groups ${groups}`);
  return emit(context, "aten.native_group_norm", 0, input.shape, input.dtype);
}

/** F.embedding: int indices of any shape → indices.shape + [dim]; 0 FLOPs (a gather). */
export function embedding(indices: TensorValue, weight: TensorValue, context: OpContext, op = "aten.embedding"): TensorValue {
  if (isFloating(indices.dtype) || indices.dtype === "bool") {
    throw new PythonError(`embedding: expected indices of type Long or Int, but got ${indices.dtype}`);
  }
  if (weight.shape.length !== 2) throw new PythonError(`embedding: weight must be 2-D, got [${weight.shape.join(", ")}]`);
  return emit(context, op, 0, [...indices.shape, weight.shape[1]], weight.dtype);
}

/**
 * F.scaled_dot_product_attention: q [..., L, E], k [..., S, E], v [..., S, Ev] → [..., L, Ev]; FLOPs as
 * flop_counter.py sdpa_flop_count with b·h the broadcast leading dims (key/value heads repeated for GQA).
 */
export function scaledDotProductAttention(query: TensorValue, key: TensorValue, value: TensorValue, context: OpContext, enableGqa = false): TensorValue {
  if (query.shape.length < 2 || key.shape.length < 2 || value.shape.length < 2) throw new PythonError("scaled_dot_product_attention: query, key and value must be at least 2-D");
  const [L, E] = query.shape.slice(-2);
  const [S, Ek] = key.shape.slice(-2);
  const [Sv, Ev] = value.shape.slice(-2);
  if (E !== Ek) throw new PythonError(`scaled_dot_product_attention: query's last dim ${E} does not match key's ${Ek}`);
  if (S !== Sv) throw new PythonError(`scaled_dot_product_attention: key length ${S} does not match value length ${Sv}`);
  let keyLead = key.shape.slice(0, -2);
  let valueLead = value.shape.slice(0, -2);
  const queryLead = query.shape.slice(0, -2);
  if (enableGqa && keyLead.length >= 1 && queryLead.length >= 1) {
    // Grouped-query attention repeats each key/value head across its group of query heads.
    const hq = queryLead[queryLead.length - 1];
    const hk = keyLead[keyLead.length - 1];
    if (hq % hk !== 0) throw new PythonError(`scaled_dot_product_attention: query heads ${hq} are not a multiple of key heads ${hk}`);
    keyLead = [...keyLead.slice(0, -1), hq];
    valueLead = [...valueLead.slice(0, -1), hq];
  }
  const lead = broadcastShapes(queryLead, keyLead, valueLead);
  const flops = sdpaFlops(numel(lead), 1, L, S, E, Ev);
  return emit(context, "aten._scaled_dot_product_flash_attention", flops, [...lead, L, Ev], promoteTypes(query.dtype, value.dtype));
}

/** Interpolation kernels by mode (torch.nn.functional.interpolate dispatch). */
function interpolateOp(mode: string, nd: number): string {
  switch (mode) {
    case "nearest": return `aten.upsample_nearest${nd}d`;
    case "nearest-exact": return `aten._upsample_nearest_exact${nd}d`;
    case "linear": return "aten.upsample_linear1d";
    case "bilinear": return "aten.upsample_bilinear2d";
    case "bicubic": return "aten.upsample_bicubic2d";
    case "trilinear": return "aten.upsample_trilinear3d";
    case "area": return `aten._adaptive_avg_pool${nd}d`;
    default: throw new PythonError(`interpolate: unknown mode '${mode}'`);
  }
}

/** F.interpolate: size or scale_factor over the spatial dims (all but N, C); out = floor(L · scale). */
export function interpolate(input: TensorValue, size: number[] | undefined, scale: number[] | undefined, mode: string, context: OpContext): TensorValue {
  const nd = input.shape.length - 2;
  if (nd < 1 || nd > 3) throw new PythonError(`interpolate: expected 3D, 4D or 5D input, got [${input.shape.join(", ")}]`);
  const needs: Record<string, number> = { linear: 1, bilinear: 2, bicubic: 2, trilinear: 3 };
  if (needs[mode] !== undefined && needs[mode] !== nd) throw new PythonError(`interpolate: mode '${mode}' expects ${needs[mode] + 2}D input, got ${input.shape.length}D`);
  if ((size === undefined) === (scale === undefined)) throw new PythonError("interpolate: exactly one of size or scale_factor must be given");
  const expand = (xs: number[]) => (xs.length === 1 ? Array(nd).fill(xs[0]) as number[] : xs);
  let spatial: number[];
  if (size) {
    spatial = expand(size);
    if (spatial.length !== nd) throw new PythonError(`interpolate: size has ${spatial.length} values for ${nd} spatial dims`);
  } else {
    const factors = expand(scale as number[]);
    if (factors.length !== nd) throw new PythonError(`interpolate: scale_factor has ${factors.length} values for ${nd} spatial dims`);
    spatial = input.shape.slice(2).map((d, i) => Math.floor(d * factors[i]));
  }
  return emit(context, interpolateOp(mode, nd), 0, [...input.shape.slice(0, 2), ...spatial], input.dtype);
}

/** F.pad: pairs (left, right) from the last dim backwards; negative pads crop. */
export function pad(input: TensorValue, pads: number[], mode: string, context: OpContext): TensorValue {
  if (pads.length % 2 !== 0) throw new PythonError("pad: padding length must be divisible by 2");
  if (pads.length / 2 > input.shape.length) throw new PythonError(`pad: padding length ${pads.length} is too large for a ${input.shape.length}-D input`);
  const shape = [...input.shape];
  for (let i = 0; i < pads.length / 2; i++) {
    const dim = shape.length - 1 - i;
    shape[dim] += pads[2 * i] + pads[2 * i + 1];
    if (shape[dim] < 0) throw new PythonError(`pad: resulting size of dim ${dim} is negative`);
    if (mode === "reflect" && (pads[2 * i] >= input.shape[dim] || pads[2 * i + 1] >= input.shape[dim])) {
      throw new PythonError(`pad: reflection padding (${pads[2 * i]}, ${pads[2 * i + 1]}) must be smaller than the input dim ${input.shape[dim]}`);
    }
  }
  const nd = pads.length / 2;
  const op = mode === "constant" ? "aten.constant_pad_nd"
    : mode === "reflect" ? `aten.reflection_pad${nd}d`
    : mode === "replicate" ? `aten.replication_pad${nd}d`
    : mode === "circular" ? "aten._pad_circular"
    : undefined;
  if (!op) throw new PythonError(`pad: unknown padding mode '${mode}'`);
  return emit(context, op, 0, shape, input.dtype);
}

/** F.pixel_shuffle: [*, C·r², H, W] → [*, C, H·r, W·r]. */
export function pixelShuffle(input: TensorValue, factor: number, context: OpContext): TensorValue {
  const n = input.shape.length;
  if (n < 3) throw new PythonError(`pixel_shuffle expects input to have at least 3 dimensions, but got input with ${n} dimension(s)`);
  const [c, h, w] = input.shape.slice(-3);
  if (c % (factor * factor) !== 0) throw new PythonError(`pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, but input.size(-3)=${c} is not divisible by ${factor * factor}`);
  return emit(context, "aten.pixel_shuffle", 0, [...input.shape.slice(0, -3), c / (factor * factor), h * factor, w * factor], input.dtype);
}

/** F.pixel_unshuffle: [*, C, H·r, W·r] → [*, C·r², H, W]. */
export function pixelUnshuffle(input: TensorValue, factor: number, context: OpContext): TensorValue {
  const n = input.shape.length;
  if (n < 3) throw new PythonError(`pixel_unshuffle expects input to have at least 3 dimensions, but got input with ${n} dimension(s)`);
  const [c, h, w] = input.shape.slice(-3);
  if (h % factor !== 0 || w % factor !== 0) throw new PythonError(`pixel_unshuffle expects height and width to be divisible by downscale_factor ${factor}, got [${h}, ${w}]`);
  return emit(context, "aten.pixel_unshuffle", 0, [...input.shape.slice(0, -3), c * factor * factor, h / factor, w / factor], input.dtype);
}

/** F.cosine_similarity: broadcast, then reduce `dim`. */
export function cosineSimilarity(x1: TensorValue, x2: TensorValue, dim: number, context: OpContext): TensorValue {
  const shape = broadcastShapes(x1.shape, x2.shape);
  const d = normalizeDim(dim, shape.length);
  return emit(context, "aten.cosine_similarity", 0, shape.filter((_, i) => i !== d), promoteTypes(x1.dtype, x2.dtype));
}

/** F.pairwise_distance: broadcast, then reduce the last dim (kept with keepdim). */
export function pairwiseDistance(x1: TensorValue, x2: TensorValue, keepdim: boolean, context: OpContext): TensorValue {
  const shape = broadcastShapes(x1.shape, x2.shape);
  const out = shape.length === 0 ? [] : keepdim ? [...shape.slice(0, -1), 1] : shape.slice(0, -1);
  return emit(context, "aten.pairwise_distance", 0, out, promoteTypes(x1.dtype, x2.dtype));
}

/** Loss reduction: 'mean'/'sum' give a scalar, 'none' the unreduced shape. */
export function reduceLoss(op: string, unreduced: number[], reduction: string, dtype: TensorValue["dtype"], context: OpContext): TensorValue {
  if (reduction !== "mean" && reduction !== "sum" && reduction !== "none" && reduction !== "batchmean") throw new PythonError(`${op}: ${reduction} is not a valid value for reduction`);
  return emit(context, `aten.${op}`, 0, reduction === "none" ? unreduced : [], dtype);
}

/** F.cross_entropy / nll_loss: input [N, C, d...] or [C], target [N, d...] (class indices) or same shape (probabilities). */
export function classificationLoss(op: string, input: TensorValue, target: TensorValue, reduction: string, context: OpContext): TensorValue {
  const rank = input.shape.length;
  if (rank === 0) throw new PythonError(`${op}: input must have at least one dimension`);
  const probabilities = isFloating(target.dtype);
  if (probabilities) {
    if (target.shape.length !== rank || target.shape.some((d, i) => d !== input.shape[i])) {
      throw new PythonError(`${op}: class-probability target [${target.shape.join(", ")}] must match input [${input.shape.join(", ")}]`);
    }
  } else {
    const expected = rank === 1 ? [] : [input.shape[0], ...input.shape.slice(2)];
    if (target.shape.length !== expected.length || target.shape.some((d, i) => d !== expected[i])) {
      throw new PythonError(`${op}: expected target of size [${expected.join(", ")}], got [${target.shape.join(", ")}]`);
    }
  }
  const unreduced = rank === 1 ? [] : [input.shape[0], ...input.shape.slice(2)];
  return reduceLoss(op, unreduced, reduction, input.dtype, context);
}

/** Element-wise losses (mse, l1, smooth_l1, huber, bce...): broadcast input and target. */
export function elementwiseLoss(op: string, input: TensorValue, target: TensorValue, reduction: string, context: OpContext): TensorValue {
  return reduceLoss(op, broadcastShapes(input.shape, target.shape), reduction, promoteTypes(input.dtype, target.dtype), context);
}

/** F.one_hot: needs num_classes, since the largest index is data. */
export function oneHot(input: TensorValue, numClasses: number, context: OpContext): TensorValue {
  if (numClasses < 0) throw new Unresolved("one_hot without num_classes depends on the tensor's contents");
  if (isFloating(input.dtype)) throw new PythonError("one_hot is only applicable to index tensor");
  return routedOneHot(input, numClasses, emit(context, "aten.one_hot", 0, [...input.shape, numClasses], "int64"));
}
