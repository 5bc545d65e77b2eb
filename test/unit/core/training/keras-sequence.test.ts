import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Keras fit on a keras.utils.Sequence of the script: each item is a whole batch, and an epoch is len() of them.
const SCRIPT = `import math
import tensorflow as tf


class Batches(tf.keras.utils.Sequence):
    def __init__(self, x, y, batch_size):
        self.x, self.y = x, y
        self.batch_size = batch_size

    def __len__(self):
        return math.ceil(len(self.x) / self.batch_size)

    def __getitem__(self, idx):
        s = slice(idx * self.batch_size, (idx + 1) * self.batch_size)
        return self.x[s], self.y[s]


(x_train, y_train), _ = tf.keras.datasets.cifar10.load_data()
model = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(32, 32, 3)), tf.keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
train_seq = Batches(x_train, y_train, 50)
model.fit(train_seq, epochs=4)
`;

describe("Keras fit on a Sequence", () => {
  it("takes the Sequence's batch_size and len() batches an epoch, not fit's default batch of 32", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.batch?.value, 50);
    assert.match(plan.batch!.detail, /Batches yields batches of 50/);
    // 50,000 CIFAR-10 images in batches of 50: 1,000 an epoch.
    assert.equal(plan.steps?.value, 4 * 1000);
    assert.equal(plan.epochs?.value, 4);
  });

  it("leaves the epoch's length to steps_per_epoch where the fit gives one", async () => {
    const plan = (await analyze(SCRIPT.replace("model.fit(train_seq, epochs=4)", "model.fit(train_seq, epochs=4, steps_per_epoch=120)"))).training ?? {};
    assert.equal(plan.steps?.value, 4 * 120);
    assert.equal(plan.batch?.value, 50);
  });
});

// A Sequence that makes its batches (a captcha generator): len() batches of batch_size are an epoch's samples.
const MADE = `import numpy as np
import tensorflow as tf


class Made(tf.keras.utils.Sequence):
    def __init__(self, batch_size, steps):
        self.batch_size = batch_size
        self.steps = steps

    def __len__(self):
        return self.steps

    def __getitem__(self, idx):
        return np.zeros((self.batch_size, 8)), np.zeros((self.batch_size, 1))


model = tf.keras.Sequential([tf.keras.layers.Dense(1, input_shape=(8,))])
model.compile(optimizer="adam", loss="mse")
train_data = Made(batch_size=64, steps=300)
model.fit(train_data, epochs=5)
model.compile(optimizer=tf.keras.optimizers.Adam(1e-4), loss="mse")
model.fit(train_data, epochs=3)
`;

describe("Keras fits in turn on a Sequence", () => {
  it("adds the fits' steps as their epochs add, and reads an epoch's samples as len() batches of batch_size", async () => {
    const plan = (await analyze(MADE)).training ?? {};
    assert.equal(plan.epochs?.value, 8);
    assert.equal(plan.steps?.value, (5 + 3) * 300);
    assert.equal(plan.samples?.value, 300 * 64);
    assert.equal(plan.batch?.value, 64);
  });
});
