// TensorFlow 1.x's MNIST tutorial loader, `from tensorflow.examples.tutorials.mnist import input_data` and
// `mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)`, as TF1-era training scripts use it (TensorFlow 1.15,
// tensorflow/contrib/learn/python/learn/datasets/mnist.py: read_data_sets(train_dir, fake_data=False, one_hot=False,
// dtype=float32, reshape=True, validation_size=5000, seed=None, source_url=...) keeps the first `validation_size` of
// MNIST's 60,000 training images apart as `validation`, so `train` holds 55,000 by default; `test` the 10,000 test
// images). Each part is a DataSet with `num_examples`, `images` (rows of 784 floats, or 28x28x1 without `reshape`),
// `labels` (10 columns with `one_hot`) and `next_batch(batch_size)`. Shapes only; no file is read.
import { bindArguments, int, tensor, tuple, unknown } from "../interp/construct";
import type { ModuleNamespaceValue, NativeCall, Value } from "../interp/values";

/** MNIST's training and test images (LeCun, Cortes, Burges, yann.lecun.com/exdb/mnist). */
const MNIST_TRAIN = 60_000;
const MNIST_TEST = 10_000;
/** read_data_sets' default `validation_size`. */
export const TF1_MNIST_VALIDATION = 5_000;

/** The module path scripts import the loader from. */
export const TF1_MNIST_MODULE = "tensorflow.examples.tutorials.mnist";

/** The same loader where it is defined, and under TensorFlow 1.x's public `tf.contrib.learn.datasets.mnist`
 *  (tensorflow/contrib/learn/python/learn/datasets/__init__.py imports that module as `mnist`, TensorFlow 1.15). */
const TF1_MNIST_CONTRIB = /\bcontrib\.learn\.(python\.learn\.)?datasets\.mnist\b/;

/** Whether a file's text reaches TensorFlow 1.x's MNIST loader: the tutorials' import, or the contrib module by path. */
export function readsTf1Mnist(text: string): boolean {
  return text.includes(TF1_MNIST_MODULE) || TF1_MNIST_CONTRIB.test(text);
}

const namespace = (name: string, entries: [string, Value][]): ModuleNamespaceValue => ({ kind: "namespace", name, scope: { names: new Map(entries) } });

function dataSet(count: number, oneHot: boolean, reshape: boolean): ModuleNamespaceValue {
  const images = tensor(reshape ? [count, 784] : [count, 28, 28, 1], "float32");
  const labels = tensor(oneHot ? [count, 10] : [count], oneHot ? "float32" : "uint8");
  const nextBatch = ({ args, kwargs }: NativeCall): Value => {
    const bound = bindArguments(["batch_size", "fake_data=False", "shuffle=True"], args, kwargs, "next_batch");
    const batch = bound.get("batch_size");
    if (batch.kind !== "int") return unknown("next_batch: batch_size is not known");
    return tuple([tensor([batch.value, ...images.shape.slice(1)], "float32"), tensor([batch.value, ...labels.shape.slice(1)], labels.dtype)]);
  };
  return namespace("DataSet", [
    ["num_examples", int(count)],
    ["images", images],
    ["labels", labels],
    ["next_batch", { kind: "native", name: "DataSet.next_batch", call: nextBatch }],
  ]);
}

function readDataSets({ args, kwargs }: NativeCall): Value {
  const bound = bindArguments(["train_dir", "fake_data=False", "one_hot=False", "dtype=None", "reshape=True", "validation_size=5000", "seed=None", "source_url=None"], args, kwargs, "read_data_sets");
  const oneHot = bound.get("one_hot");
  const reshape = bound.get("reshape");
  const validation = bound.get("validation_size");
  if (oneHot.kind !== "bool" || reshape.kind !== "bool" || validation.kind !== "int" || validation.value < 0 || validation.value > MNIST_TRAIN) return unknown("read_data_sets: its arguments are not known");
  return namespace("Datasets", [
    ["train", dataSet(MNIST_TRAIN - validation.value, oneHot.value, reshape.value)],
    ["validation", dataSet(validation.value, oneHot.value, reshape.value)],
    ["test", dataSet(MNIST_TEST, oneHot.value, reshape.value)],
  ]);
}

/** The module and its package, by import path. */
export function tf1MnistModules(): [string, ModuleNamespaceValue][] {
  const inputData = namespace(`${TF1_MNIST_MODULE}.input_data`, [["read_data_sets", { kind: "native", name: "read_data_sets", call: readDataSets }]]);
  const contrib = "tensorflow.contrib.learn.python.learn.datasets.mnist";
  return [
    [contrib, namespace(contrib, [["read_data_sets", { kind: "native", name: "read_data_sets", call: readDataSets }]])],
    [`${TF1_MNIST_MODULE}.input_data`, inputData],
    [TF1_MNIST_MODULE, namespace(TF1_MNIST_MODULE, [["input_data", inputData]])],
  ];
}

/** Training images `read_data_sets(..., validation_size=V)` leaves in `train`: 60,000 less V. */
export function tf1MnistTrainSamples(validationSize: number): number | undefined {
  return validationSize >= 0 && validationSize < MNIST_TRAIN ? MNIST_TRAIN - validationSize : undefined;
}
