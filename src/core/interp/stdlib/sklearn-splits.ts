// scikit-learn's train_test_split and its shape-keeping scalers, over arrays of known shape and pandas tables (scikit-learn 1.2,
// sklearn/model_selection/_split.py and sklearn/preprocessing/_data.py): tutorials split a toy dataset, scale it and
// train on the training part whole (`X_train = sc.fit_transform(X_train)`; `model(torch.from_numpy(X_train))`), so
// that part's rows are a full-batch run's batch and samples. Only shapes are known, as numpy arrays are here.
import { nativeClass } from "../classes";
import { NONE, list, tensor, unknown } from "../construct";
import type { NativeCall, Value } from "../values";
import { trainTestSplitSizes } from "../../training/split-sizes";
import { pandasTableOfRows } from "../pandas-tables";
import { isPandasTable, pandasTableRows } from "../value-figures";
import { fn, namespace, type StandardLibrary } from "./native";

/** A size argument as train_test_split takes it: absent or None, an int count, or a float fraction. */
function sizeArgument(v: Value | undefined): number | undefined | null {
  if (v === undefined || v.kind === "none") return undefined;
  if (v.kind === "int" || v.kind === "float") return v.value;
  return null;
}

/** train_test_split(*arrays, test_size=None, train_size=None, ...): each array's training part, then its test part. */
function trainTestSplit({ args, kwargs }: NativeCall): Value {
  const [test, train] = [sizeArgument(kwargs.get("test_size")), sizeArgument(kwargs.get("train_size"))];
  // A pandas DataFrame or Series is split by its rows too, each part a table of the same columns (pandas-tables.ts).
  const rows = args.map((a) => (a.kind === "tensor" && a.shape.length > 0 ? a.shape[0] : pandasTableRows(a)));
  // Every array shares its first dimension (sklearn's check_consistent_length raises otherwise), so one array of known
  // rows sizes every part; an array whose shape is not known (`y = to_categorical(y)`) gives parts of unknown shape.
  const known = rows.filter((r): r is number => r !== undefined);
  const n = known[0];
  if (args.length === 0 || n === undefined || test === null || train === null || known.some((r) => r !== n)) return unknown("the parts train_test_split makes of arrays of unknown size");
  const sizes = trainTestSplitSizes(n, test, train);
  if (!sizes) return unknown(`train_test_split sizes that scikit-learn rejects for ${n} rows`);
  const part = (a: Value, size: number): Value => (a.kind === "tensor" && a.shape.length > 0 ? tensor([size, ...a.shape.slice(1)], a.dtype) : isPandasTable(a) ? pandasTableOfRows(a, size) : unknown("a part train_test_split makes of an array of unknown shape"));
  return list(args.flatMap((a) => [part(a, sizes[0]), part(a, sizes[1])]));
}

/** The scalers whose fit_transform and transform keep their input's shape (a per-feature or per-row rescaling). */
const SCALERS = ["StandardScaler", "MinMaxScaler", "MaxAbsScaler", "RobustScaler", "Normalizer"];

/** sklearn.model_selection.train_test_split, for the module's installer (sklearn-model-selection.ts). */
export const trainTestSplitFunction: Value = fn("sklearn.model_selection.train_test_split", trainTestSplit);

/** Installs sklearn.preprocessing's shape-keeping scalers. */
export function installSklearnPreprocessing({ modules, objectClass }: StandardLibrary): void {
  const same = ({ args }: NativeCall): Value => (args[1]?.kind === "tensor" ? tensor(args[1].shape, args[1].dtype) : unknown("a scaled array of unknown shape"));
  const scalers: Record<string, Value> = {};
  for (const name of SCALERS) {
    scalers[name] = nativeClass(`sklearn.preprocessing.${name}`, [objectClass], {
      __init__: () => NONE,
      fit: ({ args }) => args[0],
      fit_transform: same,
      transform: same,
      inverse_transform: same,
    });
  }
  modules.set("sklearn.preprocessing", namespace("sklearn.preprocessing", scalers));
}
