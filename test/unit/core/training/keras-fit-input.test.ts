import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Keras fit takes batch_size=32 by default only for arrays: a dataset, generator or Sequence makes its own batches
// (keras.io/api/models/model_training_apis, Model.fit's batch_size and y).
const HEAD = `import tensorflow as tf
from pipelines import make_dataset

model = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(28, 28)), tf.keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
`;

describe("Keras fit's default batch and the data it is given", () => {
  it("reads no batch of 32 for a lone input that is not an array, and keeps the run's other figures", async () => {
    const plan = (await analyze(`${HEAD}train_ds = make_dataset("train")\nmodel.fit(train_ds, epochs=7, steps_per_epoch=50)\n`)).training ?? {};
    assert.equal(plan.batch, undefined);
    assert.equal(plan.epochs?.value, 7);
    assert.equal(plan.steps?.value, 350);
  });

  it("takes the pipeline's batch() where the dataset is batched in the file", async () => {
    const plan = (await analyze(`${HEAD}train_ds = make_dataset("train").batch(24)\nmodel.fit(train_ds, epochs=7)\n`)).training ?? {};
    assert.equal(plan.batch?.value, 24);
  });

  it("keeps the default 32 for arrays with their targets, and for an array given alone", async () => {
    const arrays = `${HEAD}(x_train, y_train), _ = tf.keras.datasets.mnist.load_data()\n`;
    const withTargets = (await analyze(`${arrays}model.fit(x_train, y_train, epochs=2)\n`)).training ?? {};
    assert.equal(withTargets.batch?.value, 32);
    assert.equal(withTargets.batch?.source, "default");
    const alone = (await analyze(`${arrays}model.fit(x_train, epochs=2)\n`)).training ?? {};
    assert.equal(alone.batch?.value, 32);
  });
});

describe("a plan whose only Keras fit makes its own batches", () => {
  it("stays a plan with its batch unknown and a note saying why", async () => {
    const { hasTrainingFigures } = await import("../../../../src/cli/estimate-options");
    const plan = (await analyze(`from pipelines import make_dataset, build_model\n\nmodel = build_model()\nmodel.fit(make_dataset("train"))\n`)).training;
    assert.equal(plan?.batch, undefined);
    assert.equal(plan?.batchFromData?.line, 4);
    assert.ok(hasTrainingFigures(plan));
    assert.ok(plan?.notes?.some((n) => /^batch: model\.fit\(make_dataset\("train"\)\) trains on data that makes its own batches/.test(n)));
  });
});

describe("Keras fit on a generator of the project's own", () => {
  const GEN = `import numpy as np
import tensorflow as tf

(x_train, y_train), _ = tf.keras.datasets.mnist.load_data()


def batch_generator(x, y, batch_size=16):
    while True:
        idx = np.random.randint(0, len(x), batch_size)
        yield x[idx], y[idx]


model = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(28, 28)), tf.keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
`;

  it("takes the batch size the call binds to the generator's batch parameter, or its default", async () => {
    const keyword = (await analyze(`${GEN}model.fit(batch_generator(x_train, y_train, batch_size=64), steps_per_epoch=500, epochs=3)\n`)).training ?? {};
    assert.equal(keyword.batch?.value, 64);
    assert.match(keyword.batch!.detail, /the generator batch_generator yields batches of its batch_size=64/);
    assert.equal(keyword.steps?.value, 1500);
    const bound = (await analyze(`${GEN}train_gen = batch_generator(x_train, y_train, 48)\nmodel.fit(train_gen, steps_per_epoch=500, epochs=3)\n`)).training ?? {};
    assert.equal(bound.batch?.value, 48);
    const byDefault = (await analyze(`${GEN}model.fit(batch_generator(x_train, y_train), steps_per_epoch=500, epochs=3)\n`)).training ?? {};
    assert.equal(byDefault.batch?.value, 16);
  });

  it("reads no batch from a plain function's parameter: only a generator's items are batches", async () => {
    const plain = GEN.replace("        yield x[idx], y[idx]", "        return x[idx], y[idx]");
    const plan = (await analyze(`${plain}model.fit(batch_generator(x_train, y_train, batch_size=64), steps_per_epoch=500, epochs=3)\n`)).training ?? {};
    assert.notEqual(plan.batch?.value, 64);
  });

  it("a fit() given no data is no Keras run: an object a config library builds trains in its own loop", async () => {
    const plan = (await analyze(`import mlconfig

cfg = mlconfig.load("configs/default.yaml")
trainer = cfg.trainer(cfg)
trainer.fit()
`)).training ?? {};
    assert.equal(plan.epochs, undefined);
    assert.equal(plan.batchFromData, undefined);
  });
});
