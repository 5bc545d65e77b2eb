// scikit-learn's cross-validation splitters (sklearn.model_selection, scikit-learn 1.5): a k-fold loop
// `for fold, (tr, va) in enumerate(KFold(n_splits=5).split(X)):` trains a fresh model on each of the n_splits folds,
// so the folds are a count of the run, and each fold's training indices are a part of the data of known size.
// KFold's test folds take n // k samples, the first n % k one more (sklearn's KFold._iter_test_indices); the
// stratified splitter's folds are about those sizes (exactly so when each class divides evenly), so the same sizes are
// used for it. The repeated splitters run n_splits × n_repeats folds (default n_repeats=10). The group splitters
// (GroupKFold, StratifiedGroupKFold) run n_splits folds too, but their folds follow the groups, whose sizes the code
// does not state, so each fold's index arrays are of unknown size. train_test_split's parts are sized in
// sklearn-splits.ts; other names of the module (GridSearchCV, LeaveOneGroupOut) stay unknown.
import { freshId, int, list, tensor, toInt, tuple, unknown } from "../construct";
import { nativeClass } from "../classes";
import { itemCount } from "../value-figures";
import type { ClassValue, NativeCall, Value } from "../values";
import { namespace, type StandardLibrary } from "./native";
import { trainTestSplitFunction } from "./sklearn-splits";

/** The splitters read: their defaults (n_splits=5 since scikit-learn 0.22, n_repeats=10) and whether they repeat. */
const SPLITTERS: Record<string, { repeats: boolean; grouped?: boolean }> = {
  KFold: { repeats: false },
  StratifiedKFold: { repeats: false },
  RepeatedKFold: { repeats: true },
  RepeatedStratifiedKFold: { repeats: true },
  GroupKFold: { repeats: false, grouped: true },
  StratifiedGroupKFold: { repeats: false, grouped: true },
};

/** The training and test index arrays of each fold over n samples (KFold's sizes), or unknowns of the fold count. */
function folds(splits: number, repeats: number, n: number | undefined): Value[] {
  const out: Value[] = [];
  for (let r = 0; r < repeats; r++) {
    for (let i = 0; i < splits; i++) {
      if (n === undefined) { out.push(tuple([unknown("a fold's training indices"), unknown("a fold's test indices")])); continue; }
      const test = Math.floor(n / splits) + (i < n % splits ? 1 : 0);
      out.push(tuple([tensor([n - test], "int64"), tensor([test], "int64")]));
    }
  }
  return out;
}

/** A splitter class whose instances keep n_splits (and n_repeats) and split data into that many folds. */
function splitterClass(name: string, repeats: boolean, grouped: boolean, objectClass: ClassValue): Value {
  const count = (self: Value, key: string, fallback: number): number => {
    const v = self.kind === "instance" ? self.attributes.get(key) : undefined;
    return v?.kind === "int" ? v.value : fallback;
  };
  const cls = nativeClass(`sklearn.model_selection.${name}`, [objectClass], {
    // split(X, y=None, groups=None): one (train, test) pair of index arrays a fold; a generator in scikit-learn.
    split: ({ args, kwargs }: NativeCall) => {
      const self = args[0];
      const n = grouped ? undefined : itemCount(args[1] ?? kwargs.get("X"));
      return list(folds(count(self, "n_splits", 5), repeats ? count(self, "n_repeats", 10) : 1, n));
    },
    get_n_splits: ({ args }: NativeCall) => int(count(args[0], "n_splits", 5) * (repeats ? count(args[0], "n_repeats", 10) : 1)),
  });
  return {
    kind: "native",
    name: `sklearn.model_selection.${name}`,
    call: ({ args, kwargs }: NativeCall) => {
      const given = kwargs.get("n_splits") ?? args[0];
      const attributes = new Map<string, Value>([["n_splits", given && given.kind === "int" ? int(toInt(given)) : given === undefined ? int(5) : unknown("n_splits")]]);
      if (repeats) {
        const times = kwargs.get("n_repeats") ?? args[1];
        attributes.set("n_repeats", times === undefined ? int(10) : times.kind === "int" ? times : unknown("n_repeats"));
      }
      return { kind: "instance", cls, attributes, id: freshId() };
    },
  };
}

/** sklearn.model_selection's k-fold splitters and train_test_split. */
export function installSklearnModelSelection({ modules, objectClass }: StandardLibrary): void {
  const entries: Record<string, Value> = { train_test_split: trainTestSplitFunction };
  for (const [name, { repeats, grouped }] of Object.entries(SPLITTERS)) entries[name] = splitterClass(name, repeats, grouped ?? false, objectClass);
  modules.set("sklearn.model_selection", namespace("sklearn.model_selection", entries));
}
