import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A take(n) of a tf.data stream drawn from a generator that loops forever keeps n elements
// (src/core/training/endless-generator-source.ts).
const SCRIPT = (body: string) => `import random
import tensorflow as tf

def draws():
${body}

stream = tf.data.Dataset.from_generator(
    draws,
    output_signature=(tf.TensorSpec((6,), tf.float32), tf.TensorSpec((), tf.float32)),
).take(50 * 16).batch(16)

net = tf.keras.Sequential([tf.keras.layers.Dense(8, activation="relu", input_shape=(6,)), tf.keras.layers.Dense(1)])
net.compile(optimizer="sgd", loss="mse")
net.fit(stream, epochs=12)
`;

const ENDLESS = `    while True:
        v = [random.random() for _ in range(6)]
        yield v, sum(v)`;

describe("a take() of a generator that never stops", function () {
  this.timeout(20_000);
  it("keeps the elements the take asks for: the samples of each epoch", async () => {
    const plan = (await analyze(SCRIPT(ENDLESS))).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [12, 16, 800]);
  });

  it("reads no samples from a generator that stops, whose count only running it tells", async () => {
    const stops = `    for _ in range(random.randint(1, 5000)):
        v = [random.random() for _ in range(6)]
        yield v, sum(v)`;
    const plan = (await analyze(SCRIPT(stops))).training ?? {};
    assert.equal(plan.samples, undefined);
  });

  it("reads none from a loop that can break", async () => {
    const plan = (await analyze(SCRIPT(ENDLESS.replace("yield v, sum(v)", "if v[0] > 0.999:\n            break\n        yield v, sum(v)")))).training ?? {};
    assert.equal(plan.samples, undefined);
  });
});
