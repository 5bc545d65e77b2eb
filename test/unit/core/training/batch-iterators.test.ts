import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A TensorFlow 2 custom loop, as YOLO ports write it: a Dataset class of the project's own that batches its data
// itself (__iter__/__next__/__len__), and a step function defined in main with GradientTape and apply_gradients.
const DATASET = `import numpy as np


class Dataset(object):
    def __init__(self, is_training):
        self.batch_size = 6 if is_training else 1
        with open("data/train.txt", "r") as f:
            self.annotations = [line.strip() for line in f.readlines() if len(line.strip().split()[1:]) != 0]
        self.num_samples = len(self.annotations)
        self.num_batchs = int(np.ceil(self.num_samples / self.batch_size))
        self.batch_count = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.batch_count < self.num_batchs:
            self.batch_count += 1
            return self.annotations[:self.batch_size], None
        self.batch_count = 0
        raise StopIteration

    def __len__(self):
        return self.num_batchs
`;

const TRAIN = `import tensorflow as tf
from dataset import Dataset


def main():
    trainset = Dataset(is_training=True)
    model = tf.keras.Sequential([tf.keras.layers.Dense(4)])
    optimizer = tf.keras.optimizers.Adam()

    def train_step(image_data, target):
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(model(image_data))
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))

    for epoch in range(5):
        for image_data, target in trainset:
            train_step(image_data, target)


if __name__ == "__main__":
    main()
`;

const LINES = Array.from({ length: 20 }, (_, i) => `img${i}.jpg 1,2,3,4,0`).join("\n") + "\nempty.jpg\n";

describe("batch iterators and TensorFlow custom loops", () => {
  it("a loop calling a step function that applies gradients is a step loop, over len() batches of the iterator's batch_size", async () => {
    const plan = (await analyze(TRAIN, { others: { "/project/dataset.py": DATASET, "/project/data/train.txt": LINES } })).training ?? {};
    assert.equal(plan.epochs?.value, 5);
    assert.equal(plan.batch?.value, 6);
    assert.match(plan.batch!.detail, /trainset\.batch_size/);
    assert.equal(plan.steps?.value, 5 * 4, "5 epochs × ⌈20 / 6⌉ batches");
    assert.equal(plan.samples?.value, 20, "its num_samples: the lines with boxes");
  });

  it("model.train_on_batch is a Keras step too", async () => {
    const plan = (await analyze(TRAIN.replace(/    def train_step[\s\S]*?apply_gradients\(zip\(gradients, model.trainable_variables\)\)\n/, "    model.compile(optimizer='adam', loss='mse')\n").replace("train_step(image_data, target)", "model.train_on_batch(image_data, target)"), { others: { "/project/dataset.py": DATASET, "/project/data/train.txt": LINES } })).training ?? {};
    assert.equal(plan.steps?.value, 20);
  });

  it("without the list file the batch stays and the step count is unknown", async () => {
    const plan = (await analyze(TRAIN, { others: { "/project/dataset.py": DATASET } })).training ?? {};
    assert.equal(plan.steps, undefined);
    assert.equal(plan.epochs?.value, 5);
  });
});
