import assert from "node:assert/strict";
import { analyze } from "../../helpers/analyze";

describe("Keras modules (src/core/keras/modules.ts)", () => {
  it("keras.random's samplers make data of the shape asked for: a fit on it counts its rows as the samples", async () => {
    const text = [
      "import keras",
      "net = keras.Sequential([keras.Input(shape=(12,)), keras.layers.Dense(2, activation='softmax')])",
      "net.compile(optimizer='adam', loss='sparse_categorical_crossentropy')",
      "inputs = keras.random.uniform(shape=(900, 12))",
      "labels = keras.random.randint((900,), 0, 2)",
      "net.fit(inputs, labels, batch_size=30, epochs=2)",
    ].join("\n");
    const { training } = await analyze(text, { readTraining: true });
    assert.deepEqual([training?.epochs?.value, training?.samples?.value, training?.batch?.value], [2, 900, 30]);
    const tfKeras = await analyze(text.replace("import keras", "from tensorflow import keras").replace("keras.random.uniform(shape=(900, 12))", "keras.random.normal((700, 12))"), { readTraining: true });
    assert.equal(tfKeras.training?.samples?.value, 700, "tf.keras's keras.random too");
  });
});
