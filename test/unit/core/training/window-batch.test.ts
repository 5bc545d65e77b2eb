import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A series cut into windows (`window(size + 1, shift=1)`), each window made one tensor by `flat_map(lambda w:
// w.batch(size + 1))`, then batched for training: the windows are the samples and the later batch() is the step's
// (src/core/training/window-batch.ts, src/core/keras/tf-data.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const FIT = `model = tf.keras.models.Sequential([tf.keras.layers.Dense(8, input_shape=[24], activation="relu"), tf.keras.layers.Dense(1)])
model.compile(loss="mse", optimizer="adam")
model.fit(pairs, epochs=40)
`;

describe("tf.data windows of a series", () => {
  it("a helper's windows: 600 − 25 + 1 = 576 samples at the outer batch 16, not the window's 25", async () => {
    const plan = await planOf(`import numpy as np
import tensorflow as tf

def make_pairs(values, width, batch, buffer):
    ds = tf.data.Dataset.from_tensor_slices(values)
    ds = ds.window(width + 1, shift=1, drop_remainder=True)
    ds = ds.flat_map(lambda chunk: chunk.batch(width + 1))
    ds = ds.shuffle(buffer).map(lambda chunk: (chunk[:-1], chunk[-1]))
    return ds.batch(batch).prefetch(1)

levels = np.cos(np.arange(900, dtype="float32") / 7.0)
pairs = make_pairs(levels[:600], 24, 16, 500)
${FIT}`);
    assert.equal(plan.epochs?.value, 40);
    assert.equal(plan.samples?.value, 576);
    assert.equal(plan.batch?.value, 16);
  });

  it("written at the top level, short windows kept: one element a start, 600 of them", async () => {
    const plan = await planOf(`import numpy as np
import tensorflow as tf
levels = np.cos(np.arange(600, dtype="float32"))
windows = tf.data.Dataset.from_tensor_slices(levels).window(25, shift=1)
pairs = windows.flat_map(lambda chunk: chunk.batch(25)).map(lambda chunk: (chunk[:-1], chunk[-1])).batch(64)
${FIT}`);
    assert.equal(plan.samples?.value, 600);
    assert.equal(plan.batch?.value, 64);
  });

  it("a flat_map over a dataset that is not windowed stays unknown", async () => {
    const plan = await planOf(`import numpy as np
import tensorflow as tf
levels = np.cos(np.arange(600, dtype="float32"))
pairs = tf.data.Dataset.from_tensor_slices(levels).flat_map(lambda v: tf.data.Dataset.from_tensors(v).repeat(3)).batch(64)
${FIT}`);
    assert.equal(plan.samples?.value, undefined);
  });
});
