// keras.datasets' image sets as the arrays load_data() returns, shapes only (keras.io/api/datasets: mnist's
// x_train is a uint8 array of shape (60000, 28, 28) and y_train (60000,); cifar10's x_train (50000, 32, 32, 3) and
// y_train (50000, 1)). Scripts size their first layer from them (`Conv2D(..., input_shape=x_train.shape[1:])`), so
// without them that layer, and the model, was never built.
import { tensor, tuple, unknown } from "../interp/construct";
import type { NativeCall, Value } from "../interp/values";
import { DATASET_SIZES } from "../training/dataset-sizes";
import { kerasSplitTables } from "./split-datasets";
import { kerasTextDatasetLoaders } from "./text-datasets";

/** Test-set sizes and label shapes as keras.io/api/datasets documents them (each set's page). */
const SPLITS: Record<string, { test: number; labels: "flat" | "column" }> = {
  mnist: { test: 10_000, labels: "flat" },
  fashion_mnist: { test: 10_000, labels: "flat" },
  cifar10: { test: 10_000, labels: "column" },
  cifar100: { test: 10_000, labels: "column" },
};

/** Each keras.datasets image set with a published shape: its name and its load_data(). */
export function kerasDatasetLoaders(): [string, (call: NativeCall) => Value][] {
  const out: [string, (call: NativeCall) => Value][] = [];
  for (const d of DATASET_SIZES) {
    const split = SPLITS[d.name];
    if (d.framework !== "keras" || !d.image || !split || d.trainSamples === undefined) continue;
    const [channels, height, width] = d.image;
    // load_data() returns NumPy arrays ("Tuple of NumPy arrays", keras.io/api/datasets): numpy's reductions apply,
    // `x.mean(axis=0)` over uint8 images included, which torch's would refuse.
    const part = (n: number) => tuple([
      { ...tensor(channels === 1 ? [n, height, width] : [n, height, width, channels], "uint8"), numpy: true },
      { ...tensor(split.labels === "column" ? [n, 1] : [n], "uint8"), numpy: true },
    ]);
    const train = d.trainSamples;
    out.push([d.name, () => tuple([part(train), part(split.test)])]);
  }
  // A table split by test_split (boston_housing): float64 x of (rows, columns) and y of (rows,) for each part, the
  // training part `int(len(x) * (1 - test_split))` rows (keras/datasets/boston_housing.py), so a first layer sized
  // from it (`input_shape=[len(x_train[0])]`) is built.
  for (const t of kerasSplitTables()) {
    const part = (n: number) => tuple([{ ...tensor([n, t.columns], "float64"), numpy: true }, { ...tensor([n], "float64"), numpy: true }]);
    out.push([t.name, (call) => {
      const given = call.kwargs.get("test_split") ?? call.args[t.testSplitPosition];
      const fraction = given === undefined ? 0.2 : given.kind === "float" || given.kind === "int" ? Number(given.value) : undefined;
      if (fraction === undefined || !(fraction >= 0 && fraction < 1)) return unknown(`${t.name}.load_data(test_split=...) the analyzer cannot read`);
      const train = Math.floor(t.rows * (1 - fraction));
      return tuple([part(train), part(t.rows - train)]);
    }]);
  }
  // The text sets (imdb, reuters): lists of sequences whose count is known (text-datasets.ts).
  out.push(...kerasTextDatasetLoaders());
  return out;
}
