// sklearn.utils.shuffle (scikit-learn 0.24-1.5, sklearn/utils/_indexing.py via sklearn.utils): scripts shuffle their
// arrays together before slicing a subset off (`X, y = shuffle(X, y, random_state=0)`, then `X[:num_samples]`), so
// the shuffle keeps every array's rows and the slice after it is what counts. `shuffle(*arrays, random_state=None,
// n_samples=None)` returns the arrays in a list (one array alone where one is given), each of n_samples rows where
// that is given (at most the rows there are: "n_samples ... cannot be greater than the number of samples"), else of
// their own.
import { list, tensor, unknown } from "../construct";
import type { Value } from "../values";
import { fn, namespace, type StandardLibrary } from "./native";

/** One array shuffled: its own shape, or n_samples rows of it. */
function shuffled(array: Value, rows: Value | undefined): Value {
  if (!rows || rows.kind === "none") return array;
  if (rows.kind !== "int" || array.kind !== "tensor" || array.shape.length === 0) return unknown("shuffle(n_samples=...) of arrays the analyzer cannot size");
  const kept = tensor([Math.min(rows.value, array.shape[0]), ...array.shape.slice(1)], array.dtype);
  return array.numpy ? { ...kept, numpy: true } : kept;
}

/** sklearn.utils: shuffle. */
export function installSklearnUtils({ modules }: StandardLibrary): void {
  const shuffle = fn("sklearn.utils.shuffle", ({ args, kwargs }) => {
    const rows = kwargs.get("n_samples");
    const out = args.map((a) => shuffled(a, rows));
    return out.length === 1 ? out[0] : list(out);
  });
  modules.set("sklearn.utils", namespace("sklearn.utils", { shuffle }));
}
