import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A Keras fit on the arrays a method of the project's own returns, rows drawn at random from a loaded dataset
// (own-call-fit-rows.ts): the rows drawn are the samples, not the dataset's published count. The draw goes through
// tf.image's resizing (keras/tf-image.ts) and Tensor.numpy() (torch/tensor-methods.ts), which keep the rows.
const SCRIPT = (draw: string) => `import numpy as np
import tensorflow as tf


class Feeder():
    def __init__(self):
        (self.xs, self.ys), _ = tf.keras.datasets.mnist.load_data()
        self.xs = np.expand_dims(self.xs.astype(np.float32) / 255.0, axis=-1)
        self.count = self.xs.shape[0]

    def draw(self, size):
        index = np.random.randint(0, self.count, size)
${draw}


feeder = Feeder()
net = tf.keras.Sequential([tf.keras.layers.Flatten(), tf.keras.layers.Dense(10)])
net.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
xb, yb = feeder.draw(96)
net.fit(xb, yb)
`;

const samplesOf = async (text: string) => (await analyze(text)).training?.samples?.value;

describe("a Keras fit on arrays a method of the project's own returns", function () {
  this.timeout(20_000);
  it("trains on the rows the method draws, not the loaded dataset's 60,000", async () => {
    assert.equal(await samplesOf(SCRIPT("        return self.xs[index], self.ys[index]")), 96);
  });

  it("keeps the rows through tf.image.resize_with_pad and .numpy()", async () => {
    assert.equal(await samplesOf(SCRIPT("        images = tf.image.resize_with_pad(self.xs[index], 56, 56)\n        return images.numpy(), self.ys[index]")), 96);
  });

  it("keeps them through tf.image.resize with a [height, width] size", async () => {
    assert.equal(await samplesOf(SCRIPT("        images = tf.image.resize(self.xs[index], [40, 40])\n        return images.numpy(), self.ys[index]")), 96);
  });
});
