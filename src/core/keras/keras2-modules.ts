// keras.preprocessing.sequence.pad_sequences as programs written for Keras 2 import it: the data a text model is fit
// on, whose length its Embedding did not declare.
import { bindArguments, unknown } from "../interp/construct";
import { numpyArray } from "../interp/numpy-arrays";
import type { NativeCall, Value } from "../interp/values";

/**
 * keras.preprocessing.sequence.pad_sequences (keras 2.x keras_preprocessing/sequence.py; keras.utils.pad_sequences in
 * Keras 3): a numpy array of (number of sequences, maxlen), int32 unless dtype says otherwise. The number of
 * sequences is a stand-in 1 when the analyzer cannot count them (loaded data), whose len() stays unknown; the length
 * is what models are built and fit on.
 */
export function padSequences(call: NativeCall): Value {
  const a = bindArguments(["sequences", "maxlen=None", "dtype='int32'", "padding='pre'", "truncating='pre'", "value=0.0"], call.args, call.kwargs, "pad_sequences");
  const maxlen = a.get("maxlen");
  if (maxlen.kind !== "int") return unknown("pad_sequences without maxlen: the longest sequence of the data");
  const seqs = a.get("sequences");
  const counted = seqs.kind === "list" || seqs.kind === "tuple" ? seqs.items.length : seqs.kind === "tensor" && seqs.shape.length > 0 && !seqs.rowsUnknown ? seqs.shape[0] : undefined;
  const dtype = a.get("dtype");
  const padded = numpyArray([counted ?? 1, maxlen.value], dtype.kind === "str" && /float/.test(dtype.value) ? "float32" : dtype.kind === "str" && dtype.value === "int64" ? "int64" : "int32");
  // The stand-in row is for shapes only: a loop over range(0, len(x), b) must not read one batch an epoch.
  return counted === undefined ? { ...padded, rowsUnknown: "pad_sequences over sequences the analyzer cannot count" } : padded;
}

