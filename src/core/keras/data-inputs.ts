// Inputs a Keras model reads from the keras.datasets a program loads. A subclassed model (`class MyModel(Model)` whose
// first layer is `Conv2D(32, 3)`) declares no input: Keras builds it on its first call, with the batches the training
// loop feeds, so without them its training run had figures but no energy. The samples of a well-known dataset have
// a published shape (keras.io/api/datasets: mnist's x_train is (60000, 28, 28), cifar10's (50000, 32, 32, 3)).
import { DATASET_SIZES } from "../training/dataset-sizes";
import type { ClassValue, InstanceValue } from "../interp/values";
import type { InputSpec } from "../report/model-report";

const KERAS_IMAGES = new Map(DATASET_SIZES.filter((d) => d.framework === "keras" && d.image).map((d) => [d.name, d.image!]));

/**
 * Batches of one sample of each keras.datasets image set the text loads (`keras.datasets.mnist`,
 * `tf.keras.datasets.cifar10.load_data()`, `from keras.datasets import cifar10`), channels last as Keras has them: a grey set as the channel axis the
 * program adds for a convolution (`x[..., tf.newaxis]`, 1x28x28x1) and as loaded (1x28x28, for a Flatten first).
 */
export function kerasDatasetInputs(text: string): InputSpec[][] {
  const out: InputSpec[][] = [];
  const seen = new Set<string>();
  // `keras.datasets.cifar10`, or the names `from keras.datasets import cifar10, mnist` binds
  const names = [...text.matchAll(/\bdatasets\.(\w+)\b/g)].map((m) => m[1]);
  for (const m of text.matchAll(/\bdatasets[ \t]+import[ \t]+\(?([\w \t,]+)/g)) names.push(...m[1].split(",").map((n) => n.trim().split(/\s+/)[0]));
  for (const name of names) {
    const image = KERAS_IMAGES.get(name);
    if (!image || seen.has(name)) continue;
    seen.add(name);
    const [channels, height, width] = image;
    out.push([{ shape: [1, height, width, channels], dtype: "float32" }]);
    if (channels === 1) out.push([{ shape: [1, height, width], dtype: "float32" }]);
  }
  return out;
}

/** True for an object of a Keras model or layer class (keras.Model, keras.layers.Layer, or a subclass of either). */
export function isKerasObject(model: InstanceValue): boolean {
  return model.cls.mro.some((c: ClassValue) => c.qualifiedName?.startsWith("keras.") === true);
}
