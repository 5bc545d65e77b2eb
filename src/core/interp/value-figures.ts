// Plain numbers read out of interpreter values (a count, a length, a dict's entry): the one home for these small
// readers, which the training plan and the parallel setup both use.
import { keyOf, rangeLength, str } from "./construct";
import { modelledRoot } from "./runtime";
import type { Value } from "./values";

const PANDAS_STAND_IN = `${modelledRoot}/pandas/__init__.py`;

/** A whole count above zero: an int, or a whole float (`default=1e6` stays a float in argparse). */
export function positiveInteger(v: Value | undefined): number | undefined {
  if (!v) return undefined;
  if (v.kind === "int" && Number.isSafeInteger(v.value) && v.value > 0) return v.value;
  if (v.kind === "float" && Number.isInteger(v.value) && v.value > 0 && v.value <= Number.MAX_SAFE_INTEGER) return v.value;
  return undefined;
}

/** A count of zero or more: an int, or a whole float (argparse converts only string defaults by `type=`, so
 *  `default=25e3, type=int` stays the float 25000.0, which Python compares as 25000). */
export function positiveOrZero(v: Value | undefined): number | undefined {
  if (v?.kind === "int" && Number.isSafeInteger(v.value) && v.value >= 0) return v.value;
  return v?.kind === "float" && Number.isSafeInteger(v.value) && v.value >= 0 ? v.value : undefined;
}

/** How many items a range, list, tuple or 1-D tensor holds, when there are some. */
export function lengthOf(v: Value | undefined): number | undefined {
  if (!v) return undefined;
  if (v.kind === "range") return v.step === 0 ? undefined : rangeLength(v.start, v.stop, v.step) || undefined;
  if ((v.kind === "list" || v.kind === "tuple") && v.items.length > 0) return v.items.length;
  if (v.kind === "tensor" && v.shape.length === 1 && v.shape[0] > 0) return v.shape[0];
  return undefined;
}

/** A tensor's first dimension (its rows: samples of a dataset held as one tensor); none where that dimension is a
 *  stand-in for rows the analyzer cannot count (`rowsUnknown`: pad_sequences over loaded data). */
export function leadingDimension(v: Value | undefined): number | undefined {
  return v?.kind === "tensor" && !v.rowsUnknown && v.shape.length > 0 && Number.isInteger(v.shape[0]) && v.shape[0] > 0 ? v.shape[0] : undefined;
}

/** A tensor's or array's length along an axis past the first (`X.shape[1]` of features-by-samples data). */
export function axisLength(v: Value | undefined, axis: number): number | undefined {
  const n = v?.kind === "tensor" ? v.shape[axis] : undefined;
  return typeof n === "number" && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Whether a value is a table of the analyzer's pandas stand-in (pandas-package.ts): a DataFrame or a Series. */
export function isPandasTable(v: Value | undefined): boolean {
  return v?.kind === "instance" && v.cls.module?.file === PANDAS_STAND_IN && (v.cls.name === "DataFrame" || v.cls.name === "Series");
}

/** The rows a pandas DataFrame or Series holds (its stand-in keeps them as `_rows`), where they are counted. */
export function pandasTableRows(v: Value | undefined): number | undefined {
  return v?.kind === "instance" && isPandasTable(v) ? positiveInteger(v.attributes.get("_rows")) : undefined;
}

/** The items a dataset-like value holds: a tensor's or array's rows, else a list's, tuple's or range's length. */
export function itemCount(v: Value | undefined): number | undefined {
  return leadingDimension(v) ?? lengthOf(v);
}

/** The value a mapping holds under a string key: a dict's entry, or an OmegaConf DictConfig's key (a mapping that
 *  `**cfg.trainer` spreads into a call as a dict would). */
export function dictEntry(v: Value | undefined, key: string): Value | undefined {
  if (v?.kind === "instance" && v.cls.qualifiedName === "omegaconf.DictConfig") return v.attributes.get(key);
  return v?.kind === "dict" ? v.entries.get(keyOf(str(key)))?.value : undefined;
}

/** The rows of what a Keras fit is given as x: an array's first dimension, or the shared first dimension of the
 *  arrays of a multi-input model's list or dict (keras.io/api/models/model_training_apis: "a list of arrays (in case
 *  the model has multiple inputs)" or "a dict mapping input names to the corresponding array"); a pandas table's
 *  rows, which fit takes as an array's. */
export function inputRows(v: Value | undefined): number | undefined {
  // Keras takes a pandas DataFrame or Series as it takes an array (keras.io/api/models/model_training_apis, Keras 3.x
  // and tf.keras 2.x data adapters): one row a sample.
  const rowsOf = (x: Value): number | undefined => leadingDimension(x) ?? pandasTableRows(x);
  const own = v === undefined ? undefined : rowsOf(v);
  if (own !== undefined || v === undefined) return own;
  // A list of numbers is one input of that many rows (tf.keras' ListsOfScalarsDataAdapter), not a list of inputs.
  if (v.kind === "list" && v.items.length > 0 && v.items.every((x) => x.kind === "int" || x.kind === "float" || (x.kind === "unknown" && x.number))) return v.items.length;
  const parts = v.kind === "list" || v.kind === "tuple" ? v.items : v.kind === "dict" ? [...v.entries.values()].map((e) => e.value) : [];
  // Keras refuses inputs whose first dimensions differ ("Data cardinality is ambiguous", keras 2.x data_adapter and
  // 3.x array_data_adapter), as tf.data's from_tensor_slices does: one input of known rows (`np.zeros((m, n_s))` for
  // an initial state) gives them all, where the others' are unknown; inputs whose known rows disagree give none.
  const rows = parts.map(rowsOf).filter((r): r is number => r !== undefined);
  return rows.length > 0 && rows.every((r) => r === rows[0]) ? rows[0] : undefined;
}
