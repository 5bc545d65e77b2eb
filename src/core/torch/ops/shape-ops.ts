// Shape manipulation: views (no kernel) and copies (one 0-FLOP kernel each), following torch's shape rules.
import { tensor } from "../../interp/construct";
import { PythonError, type OpContext, type TensorValue } from "../../interp/values";
import { promoteTypes } from "../dtypes";
import { broadcastShapes, inferViewShape, normalizeDim, numel } from "../shapes";
import { emit, isNonContiguous, view } from "./define";
import { permuted, sameElements } from "../routing";

/** x.view(*shape): a view; one -1 is inferred. */
export function viewAs(input: TensorValue, target: number[]): TensorValue {
  return sameElements(input, view(input, inferViewShape(target, numel(input.shape), input.shape), true));
}

/** x.reshape(*shape): a view when possible, a copy of a strided (non-contiguous) input. */
export function reshape(input: TensorValue, target: number[], context: OpContext): TensorValue {
  const shape = inferViewShape(target, numel(input.shape), input.shape);
  if (isNonContiguous(input)) return sameElements(input, emit(context, "aten._reshape_copy", 0, shape, input.dtype));
  return sameElements(input, view(input, shape, true));
}

/** x.contiguous(): itself when dense, else a copy. */
export function contiguous(input: TensorValue, context: OpContext): TensorValue {
  if (!isNonContiguous(input)) return input;
  return sameElements(input, emit(context, "aten.clone", 0, input.shape, input.dtype));
}

/** torch.flatten(x, start_dim, end_dim). */
export function flatten(input: TensorValue, startDim: number, endDim: number, context: OpContext): TensorValue {
  if (input.shape.length === 0) return view(input, [1], true);
  const s = normalizeDim(startDim, input.shape.length, "start_dim");
  const e = normalizeDim(endDim, input.shape.length, "end_dim");
  if (s > e) throw new PythonError("flatten() has invalid args: start_dim cannot come after end_dim");
  const shape = [...input.shape.slice(0, s), numel(input.shape.slice(s, e + 1)), ...input.shape.slice(e + 1)];
  return reshape(input, shape, context);
}

/** x.unflatten(dim, sizes). */
export function unflatten(input: TensorValue, dim: number, sizes: number[]): TensorValue {
  const d = normalizeDim(dim, input.shape.length);
  const inner = inferViewShape(sizes, input.shape[d], [input.shape[d]]);
  return view(input, [...input.shape.slice(0, d), ...inner, ...input.shape.slice(d + 1)], true);
}

/** x.squeeze(dim?): drops size-1 dims (all, or the given ones). */
export function squeeze(input: TensorValue, dims: number[] | undefined): TensorValue {
  const drop = dims === undefined ? input.shape.map((_, i) => i) : dims.map((d) => normalizeDim(d, input.shape.length));
  return sameElements(input, view(input, input.shape.filter((d, i) => !(d === 1 && drop.includes(i))), true));
}

/** x.unsqueeze(dim): inserts a size-1 dim; dim ranges over rank+1 positions. */
export function unsqueeze(input: TensorValue, dim: number): TensorValue {
  const d = normalizeDim(dim, input.shape.length + 1);
  return sameElements(input, view(input, [...input.shape.slice(0, d), 1, ...input.shape.slice(d)], true));
}

/** x.transpose(d0, d1). */
export function transpose(input: TensorValue, d0: number, d1: number): TensorValue {
  if (input.shape.length === 0) return input;
  const a = normalizeDim(d0, input.shape.length);
  const b = normalizeDim(d1, input.shape.length);
  const shape = [...input.shape];
  [shape[a], shape[b]] = [shape[b], shape[a]];
  const dims = shape.map((_, i) => (i === a ? b : i === b ? a : i));
  return permuted(input, dims, view(input, shape, a === b));
}

/** x.permute(*dims). */
export function permute(input: TensorValue, dims: number[]): TensorValue {
  if (dims.length !== input.shape.length) throw new PythonError(`permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${input.shape.length} is not equal to len(dims) = ${dims.length}`);
  const norm = dims.map((d) => normalizeDim(d, input.shape.length));
  if (new Set(norm).size !== norm.length) throw new PythonError("permute(): duplicate dims are not allowed");
  return permuted(input, norm, view(input, norm.map((d) => input.shape[d]), norm.every((d, i) => d === i)));
}

/** torch.movedim(x, source, destination). */
export function movedim(input: TensorValue, source: number[], destination: number[]): TensorValue {
  const rank = input.shape.length;
  if (source.length !== destination.length) throw new PythonError("movedim: Invalid source or destination dims");
  const src = source.map((d) => normalizeDim(d, rank));
  const dst = destination.map((d) => normalizeDim(d, rank));
  const order: (number | undefined)[] = Array(rank).fill(undefined);
  dst.forEach((d, i) => (order[d] = src[i]));
  const rest = input.shape.map((_, i) => i).filter((i) => !src.includes(i));
  const perm = order.map((o) => (o === undefined ? (rest.shift() as number) : o));
  return permute(input, perm);
}

/** x.expand(*sizes): -1 keeps a dim; new leading dims may be added. A view. */
export function expand(input: TensorValue, sizes: number[]): TensorValue {
  if (sizes.length < input.shape.length) throw new PythonError(`expand: the number of sizes provided (${sizes.length}) must be greater or equal to the number of dimensions in the tensor (${input.shape.length})`);
  const offset = sizes.length - input.shape.length;
  const shape = sizes.map((s, i) => {
    const own = i >= offset ? input.shape[i - offset] : undefined;
    if (s === -1) {
      if (own === undefined) throw new PythonError("expand: -1 is not allowed in a leading, non-existing dimension");
      return own;
    }
    if (own !== undefined && own !== 1 && own !== s) throw new PythonError(`The expanded size of the tensor (${s}) must match the existing size (${own}) at non-singleton dimension ${i}. Target sizes: [${sizes.join(", ")}]. Tensor sizes: [${input.shape.join(", ")}]`);
    return s;
  });
  return view(input, shape, numel(shape) === numel(input.shape));
}

/** x.repeat(*sizes): tiles (a copy). */
export function repeat(input: TensorValue, sizes: number[], context: OpContext): TensorValue {
  if (sizes.length < input.shape.length) throw new PythonError("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
  const padded = [...Array(sizes.length - input.shape.length).fill(1), ...input.shape] as number[];
  return emit(context, "aten.repeat", 0, padded.map((d, i) => d * sizes[i]), input.dtype);
}

/** torch.tile: like repeat but pads the reps with leading 1s when shorter. */
export function tile(input: TensorValue, reps: number[], context: OpContext): TensorValue {
  const full = reps.length < input.shape.length ? [...Array(input.shape.length - reps.length).fill(1), ...reps] as number[] : reps;
  return repeat(input, full, context);
}

/** torch.cat(tensors, dim): all dims but `dim` must match (legacy 1-D empty tensors are skipped). */
export function cat(tensors: TensorValue[], dim: number, context: OpContext): TensorValue {
  const parts = tensors.filter((t) => !(t.shape.length === 1 && t.shape[0] === 0));
  if (tensors.length === 0) throw new PythonError("torch.cat(): expected a non-empty list of Tensors");
  if (parts.length === 0) return emit(context, "aten.cat", 0, [0], tensors[0].dtype);
  const rank = parts[0].shape.length;
  if (rank === 0) throw new PythonError("zero-dimensional tensor cannot be concatenated");
  const d = normalizeDim(dim, rank);
  const shape = [...parts[0].shape];
  for (const t of parts.slice(1)) {
    if (t.shape.length !== rank) throw new PythonError(`Tensors must have same number of dimensions: got ${rank} and ${t.shape.length}`);
    t.shape.forEach((s, i) => {
      if (i !== d && s !== shape[i]) throw new PythonError(`Sizes of tensors must match except in dimension ${d}. Expected size ${shape[i]} but got size ${s} for a tensor in the list (dim ${i})`);
    });
    shape[d] += t.shape[d];
  }
  return emit(context, "aten.cat", 0, shape, parts.map((t) => t.dtype).reduce(promoteTypes));
}

/** torch.stack(tensors, dim): equal shapes, a new dim. */
export function stack(tensors: TensorValue[], dim: number, context: OpContext): TensorValue {
  if (tensors.length === 0) throw new PythonError("stack expects a non-empty TensorList");
  const first = tensors[0].shape;
  for (const t of tensors) {
    if (t.shape.length !== first.length || t.shape.some((s, i) => s !== first[i])) throw new PythonError(`stack expects each tensor to be equal size, but got [${first.join(", ")}] and [${t.shape.join(", ")}]`);
  }
  const d = normalizeDim(dim, first.length + 1);
  return emit(context, "aten.stack", 0, [...first.slice(0, d), tensors.length, ...first.slice(d)], tensors.map((t) => t.dtype).reduce(promoteTypes));
}

/** x.split(size or sections, dim): views. */
export function split(input: TensorValue, sizeOrSections: number | number[], dim: number): TensorValue[] {
  const d = normalizeDim(dim, input.shape.length);
  const length = input.shape[d];
  let sizes: number[];
  if (typeof sizeOrSections === "number") {
    if (sizeOrSections <= 0) throw new PythonError("split expects split_size be non-negative");
    sizes = [];
    for (let at = 0; at < length; at += sizeOrSections) sizes.push(Math.min(sizeOrSections, length - at));
    if (sizes.length === 0) sizes = [0];
  } else {
    sizes = sizeOrSections;
    const total = sizes.reduce((a, b) => a + b, 0);
    if (total !== length) throw new PythonError(`split_with_sizes expects split_sizes to sum exactly to ${length} (input tensor's size at dimension ${d}), but got split_sizes=[${sizes.join(", ")}]`);
  }
  return sizes.map((s) => view(input, input.shape.map((x, i) => (i === d ? s : x)), d === 0));
}

/** x.chunk(chunks, dim): ceil-sized pieces, possibly fewer than asked. */
export function chunk(input: TensorValue, chunks: number, dim: number): TensorValue[] {
  if (chunks <= 0) throw new PythonError("chunk expects `chunks` to be greater than 0");
  const d = normalizeDim(dim, input.shape.length);
  const size = Math.ceil(input.shape[d] / chunks);
  return split(input, Math.max(size, 1), d);
}

/** torch.tensor_split(x, sections, dim): sections pieces, the first ones one longer. */
export function tensorSplit(input: TensorValue, sections: number, dim: number): TensorValue[] {
  const d = normalizeDim(dim, input.shape.length);
  const n = input.shape[d];
  const base = Math.floor(n / sections);
  const extra = n % sections;
  return Array.from({ length: sections }, (_, i) => view(input, input.shape.map((x, j) => (j === d ? base + (i < extra ? 1 : 0) : x)), d === 0));
}

/** x.unbind(dim): views without that dim. */
export function unbind(input: TensorValue, dim: number): TensorValue[] {
  const d = normalizeDim(dim, input.shape.length);
  const shape = input.shape.filter((_, i) => i !== d);
  return Array.from({ length: input.shape[d] }, () => view(input, shape, d === 0));
}

/** x.narrow(dim, start, length): a view. */
export function narrow(input: TensorValue, dim: number, start: number, length: number): TensorValue {
  const d = normalizeDim(dim, input.shape.length);
  const s = start < 0 ? start + input.shape[d] : start;
  if (s < 0 || s + length > input.shape[d] || length < 0) throw new PythonError(`start (${start}) + length (${length}) exceeds dimension size (${input.shape[d]}).`);
  return view(input, input.shape.map((x, i) => (i === d ? length : x)), d === 0);
}

/** x.select(dim, index): a view without that dim. */
export function select(input: TensorValue, dim: number, index: number): TensorValue {
  const d = normalizeDim(dim, input.shape.length);
  if (index < -input.shape[d] || index >= input.shape[d]) throw new PythonError(`select(): index ${index} out of range for tensor of size [${input.shape.join(", ")}] at dimension ${d}`);
  return view(input, input.shape.filter((_, i) => i !== d), d === 0);
}

/** torch.gather(x, dim, index): the index's shape. */
export function gather(input: TensorValue, dim: number, index: TensorValue, context: OpContext): TensorValue {
  normalizeDim(dim, input.shape.length);
  if (index.shape.length !== input.shape.length && !(input.shape.length === 0 || index.shape.length === 0)) throw new PythonError("Index tensor must have the same number of dimensions as input tensor");
  return emit(context, "aten.gather", 0, index.shape, input.dtype);
}

/** torch.index_select(x, dim, index): dim becomes index's length. */
export function indexSelect(input: TensorValue, dim: number, index: TensorValue, context: OpContext): TensorValue {
  const d = normalizeDim(dim, input.shape.length);
  if (index.shape.length > 1) throw new PythonError("index_select(): Index is supposed to be a vector");
  return emit(context, "aten.index_select", 0, input.shape.map((x, i) => (i === d ? numel(index.shape) : x)), input.dtype);
}

/** torch.repeat_interleave(x, repeats: int, dim): dim grows by repeats (flattened when dim is None). */
export function repeatInterleave(input: TensorValue, repeats: number, dim: number | undefined, context: OpContext): TensorValue {
  if (dim === undefined) return emit(context, "aten.repeat_interleave", 0, [numel(input.shape) * repeats], input.dtype);
  const d = normalizeDim(dim, input.shape.length);
  return emit(context, "aten.repeat_interleave", 0, input.shape.map((x, i) => (i === d ? x * repeats : x)), input.dtype);
}

/** torch.diagonal(x, offset, dim1, dim2): a view; the diagonal goes last. */
export function diagonal(input: TensorValue, offset: number, dim1: number, dim2: number): TensorValue {
  const a = normalizeDim(dim1, input.shape.length);
  const b = normalizeDim(dim2, input.shape.length);
  if (a === b) throw new PythonError("diagonal dimensions cannot be identical");
  const length = Math.max(0, offset >= 0 ? Math.min(input.shape[a], input.shape[b] - offset) : Math.min(input.shape[a] + offset, input.shape[b]));
  return view(input, [...input.shape.filter((_, i) => i !== a && i !== b), length], false);
}

/** torch.broadcast_to / expand_as helper. */
export function broadcastTo(input: TensorValue, shape: number[]): TensorValue {
  const target = broadcastShapes(input.shape, shape);
  if (target.length !== shape.length || target.some((d, i) => d !== shape[i])) throw new PythonError(`The expanded size of the tensor must match the existing size: cannot broadcast [${input.shape.join(", ")}] to [${shape.join(", ")}]`);
  return expand(input, shape);
}

/** A fresh tensor of the same shape and dtype produced by one 0-FLOP kernel (copies, fills, sorts). */
export function sameShape(op: string, input: TensorValue, context: OpContext, dtype = input.dtype): TensorValue {
  const out = emit(context, `aten.${op}`, 0, input.shape, dtype);
  return op === "clone" ? sameElements(input, out) : out;
}

/** The shape-only copy of a tensor, with no kernel (for ops modelled as aliases). */
export function alias(input: TensorValue): TensorValue {
  return tensor(input.shape, input.dtype);
}
