import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A Keras fit in a function whose only call is commented out, beside a fit the module makes (unreached-fits.ts,
// uncalled-functions.ts reading code without comments): the run is the module's fit, not the function's loop.
const SCRIPT = (tail: string) => `import numpy as np
import tensorflow as tf

batch_size = 96
xs = np.zeros((600, 8))
ys = np.zeros((600,))
net = tf.keras.Sequential([tf.keras.layers.Dense(4, input_shape=(8,)), tf.keras.layers.Dense(1)])
net.compile(optimizer="sgd", loss="mse")


def long_run():
    epoch = 7
    for e in range(epoch):
        for n in range(600 // batch_size):
            net.fit(xs[n * batch_size:(n + 1) * batch_size], ys[n * batch_size:(n + 1) * batch_size])


net.fit(xs[:batch_size], ys[:batch_size])
${tail}`;

const planOf = async (text: string) => (await analyze(text)).training ?? {};

describe("a Keras fit in a function the file never calls, beside one it does", function () {
  this.timeout(20_000);
  it("takes the module's fit: Keras' default epochs and batch, not the function's count or the batch_size constant", async () => {
    const plan = await planOf(SCRIPT("# long_run()\n"));
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [1, 32, 96]);
  });

  it("reads the function's loop where the module calls it", async () => {
    const plan = await planOf(SCRIPT("long_run()\n"));
    assert.notEqual(plan.epochs?.value, 1);
  });
});
