// Shape arithmetic of Keras layers (channels-last by default), following keras/src/ops/operation_utils.py and
// keras/src/utils/conv_utils.py.
import { PythonError, Unresolved, type BoundArguments, type OpContext, type TensorValue, type Value, UnknownInput } from "../interp/values";
import { tensor, toInts } from "../interp/construct";

export type DataFormat = "channels_last" | "channels_first";

/** The layer's data_format argument (None means Keras's default, channels_last). */
export function dataFormat(config: BoundArguments): DataFormat {
  if (!config.has("data_format") || config.isNone("data_format")) return "channels_last";
  const f = config.str("data_format");
  if (f !== "channels_last" && f !== "channels_first") throw new PythonError(`The \`data_format\` argument must be one of "channels_first", "channels_last". Received: data_format=${f}`);
  return f;
}

/** Splits an input of rank nd+2 into batch, channels and spatial dims. */
export function splitChannels(x: TensorValue, nd: number, format: DataFormat, layer: string): { batch: number; channels: number; spatial: number[] } {
  if (x.shape.length !== nd + 2) throw new PythonError(`Input 0 of layer "${layer}" is incompatible with the layer: expected ndim=${nd + 2}, found ndim=${x.shape.length}. Full shape received: (${x.shape.join(", ")})`);
  if (format === "channels_last") return { batch: x.shape[0], channels: x.shape[nd + 1], spatial: x.shape.slice(1, nd + 1) };
  return { batch: x.shape[0], channels: x.shape[1], spatial: x.shape.slice(2) };
}

/** Joins batch, channels and spatial dims back in the data format's order. */
export function joinChannels(batch: number, channels: number, spatial: number[], format: DataFormat): number[] {
  return format === "channels_last" ? [batch, ...spatial, channels] : [batch, channels, ...spatial];
}

/** Output length of a convolution or pooling window (conv_utils.conv_output_length): 'same' and 'causal' keep ceil(n/stride). */
export function windowOutputLength(length: number, kernel: number, stride: number, padding: string, dilation = 1): number {
  const effective = (kernel - 1) * dilation + 1;
  let out: number;
  if (padding === "same" || padding === "causal") out = Math.ceil(length / stride);
  else if (padding === "valid") out = Math.floor((length - effective) / stride) + 1;
  else if (padding === "full") out = Math.floor((length + effective - 2) / stride) + 1;
  else throw new PythonError(`Invalid padding '${padding}': expected 'valid' or 'same'`);
  if (out <= 0) throw new PythonError(`Computed output size would be negative: ${out} (input ${length}, kernel ${kernel}, stride ${stride}, padding ${padding})`);
  return out;
}

/** Output length of a transposed convolution (conv_utils.deconv_output_length). */
export function transposedOutputLength(length: number, kernel: number, stride: number, padding: string, dilation: number, outputPadding: number | undefined): number {
  const effective = (kernel - 1) * dilation + 1;
  if (outputPadding === undefined) {
    if (padding === "valid") return length * stride + Math.max(effective - stride, 0);
    if (padding === "same") return length * stride;
    if (padding === "full") return length * stride - (stride + effective - 2);
    throw new PythonError(`Invalid padding '${padding}'`);
  }
  const pad = padding === "same" ? Math.floor(effective / 2) : padding === "valid" ? 0 : effective - 1;
  return (length - 1) * stride + effective - 2 * pad + outputPadding;
}

/** An argument that is an int or a tuple of nd ints (kernel_size=3 or (3, 3)). */
export function intsOf(config: BoundArguments, name: string, nd: number): number[] {
  return config.ints(name, nd);
}

/** The padding string of a conv or pooling layer, lower-cased as Keras does. */
export function paddingOf(config: BoundArguments): string {
  return config.str("padding").toLowerCase();
}

/** The first tensor of a layer's inputs, or an error naming the layer. */
export function singleTensor(inputs: Value, layer: string): TensorValue {
  if (inputs.kind === "tensor") return inputs;
  if ((inputs.kind === "list" || inputs.kind === "tuple") && inputs.items.length === 1 && inputs.items[0].kind === "tensor") return inputs.items[0];
  if (inputs.kind === "unknown") throw new UnknownInput(inputs);
  throw new Unresolved(`${layer} expects a tensor input, got ${inputs.kind}`);
}

/** All tensors of a list input (merge layers). */
export function tensorList(inputs: Value, layer: string): TensorValue[] {
  if (inputs.kind !== "list" && inputs.kind !== "tuple") throw new PythonError(`A merge layer (${layer}) should be called on a list of inputs. Received: ${inputs.kind}`);
  return inputs.items.map((t) => {
    if (t.kind === "tensor") return t;
    if (t.kind === "unknown") throw new UnknownInput(t);
    throw new Unresolved(`${layer} expects tensors, got ${t.kind}`);
  });
}

/** Emits one op and returns its output tensor (the interpreter gives the op the result's shape). */
export function emit(context: OpContext, op: string, flops: number, shape: number[], dtype: TensorValue["dtype"] = "float32"): TensorValue {
  context.addFlops(flops, op);
  return tensor(shape, dtype);
}

/** Broadcast of two shapes (NumPy rules), for element-wise merges. */
export function broadcastShapes(a: number[], b: number[], layer: string): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) throw new PythonError(`${layer}: inputs with shapes (${a.join(", ")}) and (${b.join(", ")}) cannot be broadcast`);
    out.push(x === 1 ? y : x);
  }
  return out;
}

/** Normalises a possibly negative axis for a rank. */
export function axisOf(axis: number, rank: number, layer: string): number {
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank) throw new PythonError(`${layer}: axis ${axis} is out of bounds for rank ${rank}`);
  return a;
}

/** A tuple/list of ints or None entries (None stays undefined). */
export function optionalInts(v: Value): (number | undefined)[] {
  if (v.kind === "tuple" || v.kind === "list") return v.items.map((x) => (x.kind === "none" ? undefined : toInts(x)[0]));
  return [toInts(v)[0]];
}
