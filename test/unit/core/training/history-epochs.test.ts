import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A fine-tuning fit that resumes from the first fit's History (src/core/training/history-epochs.ts).
const SCRIPT = `from tensorflow import keras

(images, labels), _ = keras.datasets.fashion_mnist.load_data()
flat = images.reshape(-1, 784) / 255.0
net = keras.Sequential([keras.layers.Dense(64, activation="relu", input_shape=(784,)), keras.layers.Dense(10)])
net.compile("adam", "sparse_categorical_crossentropy")
first = 4
warm = net.fit(flat, labels, batch_size=600, epochs=first)
net.compile(keras.optimizers.Adam(1e-5), "sparse_categorical_crossentropy")
tuned = net.fit(flat, labels, batch_size=600, epochs=first + 6, initial_epoch=warm.epoch[-1])
`;

describe("a fit that resumes from an earlier fit's History", () => {
  it("starts at that fit's last epoch index: history.epoch[-1] is its epochs - 1", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    // 4 epochs, then epochs 3..9 (7 more).
    assert.equal(plan.epochs?.value, 11);
  });

  it("reads history.epoch[-1] + 1, len(history.epoch) and len(history.history['loss']), and leaves a History of another name unread", async () => {
    const next = (await analyze(SCRIPT.replace("initial_epoch=warm.epoch[-1]", "initial_epoch=warm.epoch[-1] + 1"))).training ?? {};
    assert.equal(next.epochs?.value, 10);
    const counted = (await analyze(SCRIPT.replace("initial_epoch=warm.epoch[-1]", "initial_epoch=len(warm.epoch)"))).training ?? {};
    assert.equal(counted.epochs?.value, 10);
    const metric = (await analyze(SCRIPT.replace("initial_epoch=warm.epoch[-1]", 'initial_epoch=len(warm.history["loss"])'))).training ?? {};
    assert.equal(metric.epochs?.value, 10);
    const other = (await analyze(SCRIPT.replace("initial_epoch=warm.epoch[-1]", "initial_epoch=old.epoch[-1]"))).training ?? {};
    assert.equal(other.epochs?.value, 4);
  });
});
