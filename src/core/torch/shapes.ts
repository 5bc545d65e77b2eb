import { PythonError } from "../interp/values";

/** Element count of a shape (1 for a scalar). */
export function numel(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Wraps a possibly negative dim into [0, rank), as torch does; rank 0 accepts -1 and 0. */
export function normalizeDim(dim: number, rank: number, what = "dim"): number {
  const r = Math.max(rank, 1);
  if (dim < -r || dim >= r) throw new PythonError(`${what} ${dim} is out of range for a tensor of ${rank} dimensions`);
  return dim < 0 ? dim + r : dim;
}

/** The broadcast shape of several shapes (NumPy / PyTorch broadcasting semantics). */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    let size = 1;
    for (const s of shapes) {
      const d = s[s.length - rank + i];
      if (d === undefined || d === 1) continue;
      if (size !== 1 && size !== d) {
        throw new PythonError(`shapes [${shapes.map((x) => x.join(", ")).join("] and [")}] cannot be broadcast together (dim ${i}: ${size} vs ${d})`);
      }
      size = d;
    }
    out.push(size);
  }
  return out;
}

/**
 * Output length of a convolution along one dim (torch.nn.Conv*d docs):
 * floor((L + 2p - d*(k-1) - 1) / s + 1).
 */
export function convOutputLength(length: number, kernel: number, stride: number, padding: number, dilation: number): number {
  const out = Math.floor((length + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1);
  if (out <= 0) throw new PythonError(`convolution output size is ${out} (input ${length}, kernel ${kernel}, stride ${stride}, padding ${padding}, dilation ${dilation}): input is too small`);
  return out;
}

/**
 * Output length of a transposed convolution along one dim (torch.nn.ConvTranspose*d docs):
 * (L - 1)*s - 2p + d*(k-1) + output_padding + 1.
 */
export function convTransposeOutputLength(length: number, kernel: number, stride: number, padding: number, dilation: number, outputPadding: number): number {
  const out = (length - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1;
  if (out <= 0) throw new PythonError(`transposed convolution output size is ${out}: input is too small`);
  return out;
}

/**
 * Output length of max/avg pooling along one dim (ATen pooling_output_shape): with ceil_mode the last window
 * may hang over the end but must start inside the input or left padding.
 */
export function poolOutputLength(length: number, kernel: number, stride: number, padding: number, dilation: number, ceilMode: boolean): number {
  if (padding * 2 > kernel) throw new PythonError(`pad should be at most half of effective kernel size, but got pad=${padding} and kernel_size=${kernel}`);
  const span = length + 2 * padding - dilation * (kernel - 1) - 1;
  let out = (ceilMode ? Math.ceil(span / stride) : Math.floor(span / stride)) + 1;
  if (ceilMode && (out - 1) * stride >= length + padding) out--;
  if (out <= 0) throw new PythonError(`pooling output size is ${out} (input ${length}, kernel ${kernel}, stride ${stride}): input is too small`);
  return out;
}

/** Shape after reducing `dims` (all dims when undefined), keeping them as 1 when keepdim. */
export function reducedShape(shape: readonly number[], dims: number[] | undefined, keepdim: boolean): number[] {
  if (dims === undefined) return keepdim ? shape.map(() => 1) : [];
  const set = new Set(dims.map((d) => normalizeDim(d, shape.length)));
  const out: number[] = [];
  shape.forEach((d, i) => {
    if (!set.has(i)) out.push(d);
    else if (keepdim) out.push(1);
  });
  return out;
}

/** Resolves a view/reshape target that may hold one -1 against the element count. */
export function inferViewShape(target: number[], total: number, from: readonly number[]): number[] {
  const unknownAt = target.indexOf(-1);
  if (target.some((d, i) => d < -1 || (d === -1 && i !== unknownAt))) throw new PythonError(`invalid shape [${target.join(", ")}]: only one dimension can be inferred`);
  const known = numel(target.filter((d) => d !== -1));
  if (unknownAt >= 0) {
    if (known === 0 || total % known !== 0) throw new PythonError(`shape '[${target.join(", ")}]' is invalid for input of size ${total} (shape [${from.join(", ")}])`);
    const out = [...target];
    out[unknownAt] = total / known;
    return out;
  }
  if (known !== total) throw new PythonError(`shape '[${target.join(", ")}]' is invalid for input of size ${total} (shape [${from.join(", ")}])`);
  return [...target];
}

/** Python's slice semantics on a length: the number of selected items. */
export function sliceLength(length: number, start: number | undefined, stop: number | undefined, step: number): number {
  if (step === 0) throw new PythonError("slice step cannot be zero");
  if (step < 0) {
    // torch rejects negative steps; Python sequences allow them, counted the same way.
    const s = start === undefined ? length - 1 : start < 0 ? Math.max(start + length, -1) : Math.min(start, length - 1);
    const e = stop === undefined ? -1 : stop < 0 ? Math.max(stop + length, -1) : Math.min(stop, length - 1);
    return s > e ? Math.ceil((s - e) / -step) : 0;
  }
  const s = start === undefined ? 0 : start < 0 ? Math.max(start + length, 0) : Math.min(start, length);
  const e = stop === undefined ? length : stop < 0 ? Math.max(stop + length, 0) : Math.min(stop, length);
  return e > s ? Math.ceil((e - s) / step) : 0;
}
