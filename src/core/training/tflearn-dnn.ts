// tflearn's DNN model trains with `model.fit(X, Y, n_epoch=50, batch_size=96, ...)`: its epoch count is `n_epoch`
// (the third positional parameter), 10 when left out, and its batch is `batch_size=` alone (positional 6; None takes
// the regression layer's). Library knowledge from tflearn 0.3-0.5 (tflearn/models/dnn.py, DNN.fit(X_inputs,
// Y_targets, n_epoch=10, validation_set=None, show_metric=False, batch_size=None, ...); tflearn.org/models/dnn).
// Read as Keras' fit, its epochs were Keras' default 1 and its third argument a batch size.
import type { Expression, Statement } from "../python/ast";
import { attributeChain, forEachStatement } from "../python/syntax-walk";

/** tflearn DNN.fit's default epoch count (tflearn/models/dnn.py, 0.3-0.5). */
export const TFLEARN_DEFAULT_EPOCHS = 10;

/** The classes of tflearn whose `fit` takes `n_epoch` (`tflearn.DNN`, `tflearn.models.dnn.DNN`, `DNN` imported). */
const TFLEARN_MODEL = /^(tflearn\.(models\.(dnn\.)?)?)?DNN$/;

/** Modules whose import makes a file's fit possibly Keras' Model.fit (`keras`, `tensorflow.keras`, `tf_keras`). */
const KERAS_MODULE = /^(keras|tf_keras|tensorflow\.(python\.)?keras)(\.|$)/;

/**
 * Whether a fit (`model.fit(...)`) is tflearn's: given `n_epoch=` (Keras' fit has no such parameter and raises on it),
 * called on an object `body` binds to a tflearn DNN, or made in a file that imports tflearn and no Keras (the model
 * built in another of the project's files, `model = net.model`).
 */
export function fitsTflearnModel(call: Extract<Expression, { type: "call" }>, body: Statement[]): boolean {
  if (call.func.type !== "attribute") return false;
  if (call.args.some((a) => a.kind === "keyword" && a.name === "n_epoch")) return true;
  const receiver = call.func.object.type === "name" ? call.func.object.id : undefined;
  let tflearn = false;
  let keras = false;
  let bound = false;
  forEachStatement(body, ({ statement: s }) => {
    const modules = s.type === "import" ? s.names.map((n) => n.module) : s.type === "importFrom" && s.level === 0 ? [s.module] : [];
    for (const module of modules) {
      if (module.split(".")[0] === "tflearn") tflearn = true;
      if (KERAS_MODULE.test(module)) keras = true;
    }
    // `from tensorflow import keras`.
    if (s.type === "importFrom" && s.level === 0 && s.module === "tensorflow" && s.names !== "*" && s.names.some((n) => n.name === "keras")) keras = true;
    if (receiver && s.type === "assign" && s.value.type === "call" && TFLEARN_MODEL.test(attributeChain(s.value.func)) && s.targets.some((t) => t.type === "name" && t.id === receiver)) bound = true;
  });
  return tflearn && (bound || !keras);
}

/** Training rows of tflearn's dataset loaders (tflearn/datasets, 0.3-0.5): `mnist.load_data()` returns the TensorFlow
 *  tutorial's training part, 60,000 images less the 5,000 read_data_sets keeps for validation; `cifar10.load_data()`
 *  the five training batches of 10,000. */
const TFLEARN_DATASET_ROWS: Record<string, { rows: number; source: string }> = {
  mnist: { rows: 55000, source: "tflearn/datasets/mnist.py: read_data_sets' training part, 55,000 of MNIST's 60,000 (5,000 kept for validation)" },
  cifar10: { rows: 50000, source: "tflearn/datasets/cifar10.py: data_batch_1-5, 50,000 images" },
};

/** The training rows of `owner.load_data()` where `owner` is a tflearn dataset module the body imports
 *  (`import tflearn.datasets.mnist as mnist`, `from tflearn.datasets import cifar10`); undefined otherwise. */
export function tflearnLoadDataRows(owner: string, body: Statement[]): { rows: number; source: string } | undefined {
  let dataset: string | undefined;
  forEachStatement(body, ({ statement: s }) => {
    if (s.type === "import") for (const n of s.names) {
      const m = /^tflearn\.datasets\.(\w+)$/.exec(n.module);
      if (m && n.alias === owner) dataset = m[1];
    }
    if (s.type === "importFrom" && s.level === 0 && s.module === "tflearn.datasets" && s.names !== "*") for (const n of s.names) if ((n.alias ?? n.name) === owner) dataset = n.name;
  });
  return dataset !== undefined ? TFLEARN_DATASET_ROWS[dataset] : undefined;
}
