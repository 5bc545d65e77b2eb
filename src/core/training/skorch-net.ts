// skorch's nets own their training loop: `NeuralNetClassifier(Module, max_epochs=20, batch_size=64).fit(X, y)` runs
// max_epochs passes over the part of X its train_split keeps, in batches of batch_size. Library knowledge, from
// skorch 0.9-1.1 (skorch/net.py, skorch/classifier.py, skorch/regressor.py, skorch/dataset.py; skorch.readthedocs.io):
// NeuralNet's defaults are max_epochs=10, batch_size=128 and train_split=ValidSplit(5) (named CVSplit before 0.10),
// which keeps the training part of a 5-fold split's first fold; `iterator_train__batch_size` sets the training
// loader's batch over batch_size; `train_split=None` or `False` trains on all rows; `predefined_split(ds)` validates
// on ds and trains on all of X. ValidSplit(k) with an int keeps n less the first of k folds (scikit-learn's KFold:
// the first fold holds ⌊n / k⌋ rows, one more when k does not divide n; NeuralNetClassifier's stratified folds are
// the same size to a row or so); ValidSplit(f) with a float holds out ⌈f × n⌉ rows (ShuffleSplit's test_size).
import type { Expression, Statement } from "../python/ast";
import { forEachStatement, keywordArgument, positionalArgument } from "../python/syntax-walk";
import type { Value } from "../interp/values";

/** The import paths of skorch's net classes (`skorch.NeuralNetClassifier`, `skorch.classifier.NeuralNetClassifier`). */
export const SKORCH_NET = /^skorch(\.(net|classifier|regressor|probabilistic))?\.NeuralNet(Classifier|BinaryClassifier|Regressor)?$/;
/** skorch NeuralNet's defaults (skorch/net.py, 0.9-1.1). */
export const SKORCH_DEFAULTS = { maxEpochs: 10, batchSize: 128, validFolds: 5 } as const;
const VALID_SPLIT = /(^|\.)(ValidSplit|CVSplit)$/;
const PREDEFINED_SPLIT = /(^|\.)predefined_split$/;

/** How many of a fit's n rows a skorch net trains on, by its `train_split=` (absent: ValidSplit(5)), with why;
 *  undefined where the split cannot be read. */
export function skorchTrainRows(split: Expression | undefined, n: number, evaluate: (e: Expression) => Value | undefined, code: (e: Expression) => string): { value: number; detail: string } | undefined {
  if (!split) return { value: n - firstFold(n, SKORCH_DEFAULTS.validFolds), detail: `skorch's default train_split=ValidSplit(5): ${n} rows less a fifth held out` };
  if (split.type === "constant" && (split.value === "None" || split.value === "False")) return { value: n, detail: `train_split=${split.value}: all ${n} rows` };
  if (split.type !== "call") return undefined;
  const callee = code(split.func);
  if (PREDEFINED_SPLIT.test(callee)) return { value: n, detail: `train_split=${callee}(...): validation on its own data, all ${n} rows trained on` };
  if (!VALID_SPLIT.test(callee)) return undefined;
  const cv = positionalArgument(split, 0) ?? keywordArgument(split, "cv");
  const v = cv ? evaluate(cv) : { kind: "int", value: SKORCH_DEFAULTS.validFolds } as Value;
  if (v?.kind === "int" && v.value > 1) return { value: n - firstFold(n, v.value), detail: `train_split=${code(split)}: ${n} rows less the first of ${v.value} folds` };
  if (v?.kind === "float" && v.value > 0 && v.value < 1) return { value: n - Math.ceil(v.value * n), detail: `train_split=${code(split)}: ${n} rows less ⌈${v.value} × ${n}⌉ held out` };
  return undefined;
}

/** The rows of the first of k folds of n (scikit-learn's KFold gives the first n % k folds one extra row). */
function firstFold(n: number, k: number): number {
  return Math.floor(n / k) + (n % k > 0 ? 1 : 0);
}

/** Keras' fit needs Keras: the root modules that bring it. */
const KERAS_ROOTS = new Set(["keras", "tensorflow", "tf_keras"]);

/** Whether the file imports skorch and neither Keras nor TensorFlow: its `.fit(X, y)` calls are skorch's or
 *  scikit-learn's, never Keras' Model.fit with its defaults of one epoch in batches of 32. */
export function importsSkorchWithoutKeras(body: Statement[]): boolean {
  let skorch = false;
  let keras = false;
  forEachStatement(body, ({ statement: s }) => {
    const roots = s.type === "import" ? s.names.map((n) => n.module.split(".")[0]) : s.type === "importFrom" && s.level === 0 ? [s.module.split(".")[0]] : [];
    for (const root of roots) {
      if (root === "skorch") skorch = true;
      if (KERAS_ROOTS.has(root)) keras = true;
    }
  });
  return skorch && !keras;
}
