import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// TensorFlow's checkpoint restore loads weights, as load_weights does (inference-only.ts INFERENCE_WORDS): a file that
// restores a model and walks a batched test set, training nothing, states no run.
const SCRIPT = `import sys
import numpy as np
import tensorflow as tf

def build():
    return tf.keras.Sequential([tf.keras.layers.Dense(4, input_shape=(6,))])

def evaluate(ckpt_dir):
    net = build()
    ckpt = tf.train.Checkpoint(net=net)
    ckpt.restore(tf.train.latest_checkpoint(ckpt_dir))
    rows = tf.data.Dataset.from_tensor_slices(np.random.rand(64, 6).astype("float32")).batch(8)
    total = 0.0
    for x in rows:
        total += float(tf.reduce_mean(net(x)))
    print(total)

if __name__ == "__main__":
    evaluate(sys.argv[1] if len(sys.argv) > 1 else "ckpt")
`;

describe("a TensorFlow checkpoint restored for evaluation", () => {
  it("states no run for the batches an evaluation walks after a restore", async () => {
    const plan = (await analyze(SCRIPT)).training;
    assert.equal(plan?.batch, undefined);
  });

  it("keeps the run of a file that restores and trains", async () => {
    const trained = SCRIPT.replace("        total += float(tf.reduce_mean(net(x)))\n", "        with tf.GradientTape() as tape:\n            loss = tf.reduce_mean(net(x))\n        opt.apply_gradients(zip(tape.gradient(loss, net.trainable_variables), net.trainable_variables))\n").replace("    total = 0.0\n", "    total = 0.0\n    opt = tf.keras.optimizers.Adam()\n");
    const plan = (await analyze(trained)).training ?? {};
    assert.equal(plan.batch?.value, 8);
  });
});
