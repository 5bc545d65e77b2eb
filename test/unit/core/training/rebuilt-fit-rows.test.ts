import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A fit's array rebuilt from a loaded dataset's arrays has the rows the interpreter works out (rebuilt-fit-rows.ts).
const SCRIPT = `import numpy as np
import tensorflow as tf

(train_images, train_labels), (test_images, test_labels) = tf.keras.datasets.fashion_mnist.load_data()
pooled = np.concatenate([train_images, test_images], axis=0)
images = pooled.reshape(-1, 784) / 255.0
labels = np.concatenate([train_labels, test_labels])
net = tf.keras.Sequential([tf.keras.layers.Dense(32, activation="relu", input_shape=(784,)), tf.keras.layers.Dense(10)])
net.compile("adam", tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
net.fit(images, labels, epochs=3, batch_size=100, validation_split=0.2)
`;

describe("a fit's array rebuilt from a loaded dataset", () => {
  it("takes the rebuilt array's rows over the table's training split, less the validation split", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.samples?.value, 56000);
  });

  it("keeps the table's figure for the loaded array itself", async () => {
    const plain = SCRIPT.replace("net.fit(images, labels,", "net.fit(train_images.reshape(-1, 784), train_labels,");
    const plan = (await analyze(plain)).training ?? {};
    assert.equal(plan.samples?.value, 48000);
  });

  it("reads the array rebuilt in the function that fits it, from the names that function binds", async () => {
    // A held-out fold cut out of the training split in the function that trains (Keras' boston_housing: 404 rows).
    const inFunction = `import numpy as np
import tensorflow as tf

def run():
    (rows, prices), _ = tf.keras.datasets.boston_housing.load_data()
    kept = np.concatenate([rows[:101], rows[202:]], axis=0)
    kept_prices = np.concatenate([prices[:101], prices[202:]], axis=0)
    net = tf.keras.Sequential([tf.keras.layers.Dense(16, activation="relu", input_shape=(13,)), tf.keras.layers.Dense(1)])
    net.compile("rmsprop", "mse")
    net.fit(kept, kept_prices, epochs=30, batch_size=8)

run()
`;
    const plan = (await analyze(inFunction)).training ?? {};
    assert.equal(plan.samples?.value, 303);
  });
});
