// torch.nn.utils.rnn on shapes. A PackedSequence is modelled as its padded data, time-major [T, B, *], flagged
// `packed` so recurrent layers read it whatever their batch_first. Lengths are tensor contents the analysis never
// knows, so every sequence counts at full length: the recurrent FLOPs are those of the padded batch, an upper bound
// that is exact when the sequences fill it.
import { tensor, tuple, unknown } from "../interp/construct";
import { PythonError, type NativeCall, type TensorValue, type Value } from "../interp/values";

const swapFirstTwo = (shape: number[]): number[] => [shape[1], shape[0], ...shape.slice(2)];

function arg(call: NativeCall, index: number, name: string): Value | undefined {
  return call.kwargs.get(name) ?? call.args[index];
}

function flag(call: NativeCall, index: number, name: string, fallback: boolean): boolean {
  const v = arg(call, index, name);
  return v === undefined || v.kind === "none" ? fallback : v.kind === "bool" ? v.value : fallback;
}

function sequences(v: Value | undefined, what: string): TensorValue[] | undefined {
  if (v?.kind !== "list" && v?.kind !== "tuple") return undefined;
  if (!v.items.every((t): t is TensorValue => t.kind === "tensor")) return undefined;
  if (v.items.length === 0) throw new PythonError(`${what}: received an empty list of sequences`);
  return v.items;
}

/** Stacks sequences of lengths L_i and equal trailing dims into [max L, N, *]. */
function padTimeMajor(items: TensorValue[], what: string): TensorValue {
  const tail = items[0].shape.slice(1);
  for (const t of items) {
    if (t.shape.length !== tail.length + 1 || t.shape.slice(1).some((d, i) => d !== tail[i])) throw new PythonError(`${what}: sequences must share their trailing dimensions`);
  }
  return tensor([Math.max(...items.map((t) => t.shape[0])), items.length, ...tail], items[0].dtype);
}

/** pack_padded_sequence, pad_packed_sequence, pad_sequence, pack_sequence. */
export function rnnUtilityFunctions(): Record<string, (call: NativeCall) => Value> {
  return {
    pack_padded_sequence: (call) => {
      const input = arg(call, 0, "input");
      if (input?.kind !== "tensor") return input?.kind === "unknown" ? input : unknown("pack_padded_sequence of a non-tensor");
      if (input.shape.length < 2) throw new PythonError("pack_padded_sequence: input must have at least 2 dimensions");
      const batchFirst = flag(call, 2, "batch_first", false);
      return { ...tensor(batchFirst ? swapFirstTwo(input.shape) : input.shape, input.dtype), packed: true };
    },
    pad_packed_sequence: (call) => {
      const seq = arg(call, 0, "sequence");
      if (seq?.kind !== "tensor") return seq?.kind === "unknown" ? seq : unknown("pad_packed_sequence of a non-sequence");
      const batchFirst = flag(call, 1, "batch_first", false);
      const total = arg(call, 3, "total_length");
      const timeMajor = total && total.kind === "int" ? [total.value, ...seq.shape.slice(1)] : seq.shape;
      const padded = tensor(batchFirst ? swapFirstTwo(timeMajor) : timeMajor, seq.dtype);
      return tuple([padded, tensor([seq.shape[1]], "int64")]);
    },
    pad_sequence: (call) => {
      const items = sequences(arg(call, 0, "sequences"), "pad_sequence");
      if (!items) return unknown("pad_sequence of unknown sequences");
      const padded = padTimeMajor(items, "pad_sequence");
      return flag(call, 1, "batch_first", false) ? tensor(swapFirstTwo(padded.shape), padded.dtype) : padded;
    },
    pack_sequence: (call) => {
      const items = sequences(arg(call, 0, "sequences"), "pack_sequence");
      if (!items) return unknown("pack_sequence of unknown sequences");
      return { ...padTimeMajor(items, "pack_sequence"), packed: true };
    },
  };
}
