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

/**
 * scikit-learn 0.17's k-fold splitters (sklearn.cross_validation, deprecated in 0.18 and removed in 0.20; scripts of that
 * era import them): the data's size is given when the splitter is built, `KFold(n, n_folds=3)` and
 * `StratifiedKFold(y, n_folds=3)`, and the object itself is iterated for the (train, test) index pairs, KFold's fold
 * sizes as above (scikit-learn 0.17 sklearn/cross_validation.py `_BaseKFold`). n_splits is kept for cross_val_score's
 * cv= (sklearn-wrapper.ts).
 */
function legacySplitterClass(name: "KFold" | "StratifiedKFold", objectClass: ClassValue): Value {
  const cls = nativeClass(`sklearn.cross_validation.${name}`, [objectClass], {
    __iter__: ({ args }: NativeCall) => {
      const self = args[0];
      const at = (key: string) => (self.kind === "instance" ? self.attributes.get(key) : undefined);
      const k = at("n_splits");
      const n = at("n");
      return list(folds(k?.kind === "int" ? k.value : 3, 1, n?.kind === "int" ? n.value : undefined));
    },
    __len__: ({ args }: NativeCall) => (args[0].kind === "instance" ? args[0].attributes.get("n_splits") ?? unknown("n_folds") : unknown("n_folds")),
  });
  return {
    kind: "native",
    name: `sklearn.cross_validation.${name}`,
    call: ({ args, kwargs }: NativeCall) => {
      // KFold(n, n_folds=3, ...) takes the count; StratifiedKFold(y, n_folds=3, ...) the labels.
      const data = kwargs.get(name === "KFold" ? "n" : "y") ?? args[0];
      const rows = name === "KFold" ? (data?.kind === "int" ? data.value : undefined) : itemCount(data);
      const given = kwargs.get("n_folds") ?? args[1];
      const attributes = new Map<string, Value>([
        ["n_splits", given === undefined ? int(3) : given.kind === "int" ? given : unknown("n_folds")],
        ["n", rows === undefined ? unknown("the rows split") : int(rows)],
      ]);
      return { kind: "instance", cls, attributes, id: freshId() };
    },
  };
}

/** sklearn.model_selection's k-fold splitters and train_test_split, and sklearn.cross_validation's of scikit-learn 0.17. */
export function installSklearnModelSelection({ modules, objectClass }: StandardLibrary): void {
  const entries: Record<string, Value> = { train_test_split: trainTestSplitFunction };
  for (const [name, { repeats, grouped }] of Object.entries(SPLITTERS)) entries[name] = splitterClass(name, repeats, grouped ?? false, objectClass);
  modules.set("sklearn.model_selection", namespace("sklearn.model_selection", entries));
  modules.set("sklearn.cross_validation", namespace("sklearn.cross_validation", {
    train_test_split: trainTestSplitFunction,
    KFold: legacySplitterClass("KFold", objectClass),
    StratifiedKFold: legacySplitterClass("StratifiedKFold", objectClass),
  }));
}
