import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// An Estimator trained over TensorFlow 1.x's numpy_input_fn (src/core/keras/numpy-input-fn.ts): the function's
// batch_size, num_epochs and the rows of its arrays make the run, with its defaults 128 and 1 where not given.
const SCRIPT = (inputFn: string, train = "net.train(input_fn=feed)") => `import numpy as np
import tensorflow as tf

def model_fn(features, labels, mode, params):
    logits = tf.layers.dense(features["pixels"], units=10)
    loss = tf.losses.softmax_cross_entropy(onehot_labels=labels, logits=logits)
    op = tf.train.AdamOptimizer(1e-3).minimize(loss=loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode=mode, loss=loss, train_op=op)

pixels = np.zeros((900, 64), dtype=np.float32)
onehot = np.zeros((900, 10), dtype=np.float32)
net = tf.estimator.Estimator(model_fn=model_fn)
feed = ${inputFn}
${train}
`;

const planOf = async (text: string) => (await analyze(text)).training ?? {};
// The plan's steps are those the code states; the run's are worked out from the rest (resolve-run.ts).
const figures = (plan: Awaited<ReturnType<typeof planOf>>) => [plan.epochs?.value, plan.batch?.value, plan.samples?.value, plan.steps?.value];

describe("an Estimator trained over numpy_input_fn (src/core/keras/numpy-input-fn.ts)", () => {
  it("reads the passes, batch and rows the input function is given", async () => {
    const plan = await planOf(SCRIPT(`tf.estimator.inputs.numpy_input_fn(x={"pixels": pixels}, y=onehot, batch_size=50, num_epochs=3, shuffle=True)`));
    assert.deepEqual(figures(plan), [3, 50, 900, undefined]);
  });

  it("takes the library's defaults, batch 128 and one pass, and the features' rows without labels", async () => {
    const plan = await planOf(SCRIPT(`tf.compat.v1.estimator.inputs.numpy_input_fn({"pixels": pixels}, shuffle=False)`));
    assert.deepEqual(figures(plan), [1, 128, 900, undefined]);
  });

  it("leaves the passes to train's own steps", async () => {
    const plan = await planOf(SCRIPT(`tf.estimator.inputs.numpy_input_fn(x={"pixels": pixels}, y=onehot, batch_size=50, num_epochs=None)`, "net.train(input_fn=feed, steps=20)"));
    assert.deepEqual(figures(plan), [undefined, 50, 900, 20]);
  });

  it("reads no run from an input function no train is given", async () => {
    const plan = await planOf(SCRIPT(`tf.estimator.inputs.numpy_input_fn(x={"pixels": pixels}, y=onehot, batch_size=50, num_epochs=3)`, "print(feed)"));
    assert.deepEqual(figures(plan), [undefined, undefined, undefined, undefined]);
  });
});
