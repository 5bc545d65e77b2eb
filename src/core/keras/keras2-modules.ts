// keras.preprocessing.sequence.pad_sequences as programs written for Keras 2 import it: the data a text model is fit
// on, whose length its Embedding did not declare.
import { bindArguments, unknown } from "../interp/construct";
import { numpyArray } from "../interp/numpy-arrays";
import type { NativeCall, Value } from "../interp/values";

/**
 * keras.preprocessing.sequence.pad_sequences (keras 2.x keras_preprocessing/sequence.py; keras.utils.pad_sequences in
 * Keras 3): a numpy array of (number of sequences, maxlen), int32 unless dtype says otherwise. The number of
 * sequences is 1 when the analyzer cannot count them (loaded data); the length is what models are built and fit on.
 */
export function padSequences(call: NativeCall): Value {
  const a = bindArguments(["sequences", "maxlen=None", "dtype='int32'", "padding='pre'", "truncating='pre'", "value=0.0"], call.args, call.kwargs, "pad_sequences");
  const maxlen = a.get("maxlen");
  if (maxlen.kind !== "int") return unknown("pad_sequences without maxlen: the longest sequence of the data");
  const seqs = a.get("sequences");
  const count = seqs.kind === "list" || seqs.kind === "tuple" ? seqs.items.length : seqs.kind === "tensor" && seqs.shape.length > 0 ? seqs.shape[0] : 1;
  const dtype = a.get("dtype");
  return numpyArray([count, maxlen.value], dtype.kind === "str" && /float/.test(dtype.value) ? "float32" : dtype.kind === "str" && dtype.value === "int64" ? "int64" : "int32");
}

