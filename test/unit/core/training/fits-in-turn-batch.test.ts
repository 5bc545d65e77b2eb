import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Keras fits of one model in turn at different batch sizes (src/core/training/training-plan.ts, fitBatchesNote).
const SCRIPT = `from tensorflow import keras

(images, labels), _ = keras.datasets.fashion_mnist.load_data()
flat = images.reshape(-1, 784) / 255.0
net = keras.Sequential([keras.layers.Dense(64, activation="relu", input_shape=(784,)), keras.layers.Dense(10)])
net.compile("adam", "sparse_categorical_crossentropy")
first = 4
warm = net.fit(flat, labels, batch_size=600, epochs=first)
net.compile(keras.optimizers.Adam(1e-5), "sparse_categorical_crossentropy")
tuned = net.fit(flat, labels, batch_size=600, epochs=first + 6, initial_epoch=4)
`;

describe("fits of one model in turn at different batch sizes", () => {
  it("keep the first fit's batch and say that a later one differs", async () => {
    const plan = (await analyze(SCRIPT.replace("tuned = net.fit(flat, labels, batch_size=600", "tuned = net.fit(flat, labels, batch_size=200"))).training ?? {};
    assert.equal(plan.batch?.value, 600);
    assert.ok((plan.notes ?? []).some((n) => /batch 600 \(line 8\), then 200 \(line 10\)/.test(n)), (plan.notes ?? []).join("; "));
    const same = (await analyze(SCRIPT)).training ?? {};
    assert.ok(!(same.notes ?? []).some((n) => /fits of net in turn train at batch/.test(n)));
  });
});
