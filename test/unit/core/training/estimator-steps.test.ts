import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// TensorFlow runs whose length a library call sets: an Estimator's train(steps=), a TrainSpec's max_steps, and a
// StopAtStepHook ending a MonitoredTrainingSession loop.
const ESTIMATOR = `import tensorflow as tf

def train_input_fn(features, labels, batch_size):
    dataset = tf.data.Dataset.from_tensor_slices((dict(features), labels))
    return dataset.shuffle(1000).repeat().batch(batch_size)

def main():
    classifier = tf.estimator.DNNClassifier(feature_columns=[], hidden_units=[10, 10], n_classes=3)
    classifier.train(input_fn=lambda: train_input_fn({}, [], 100), steps=2000)

if __name__ == "__main__":
    main()
`;

const MONITORED = `import tensorflow as tf
x = tf.compat.v1.placeholder(tf.float32, [None, 10])
loss = tf.reduce_mean(tf.compat.v1.layers.dense(x, 1))
global_step = tf.compat.v1.train.get_or_create_global_step()
train_op = tf.compat.v1.train.GradientDescentOptimizer(0.1).minimize(loss, global_step=global_step)
hooks = [tf.compat.v1.train.StopAtStepHook(last_step=5000)]
with tf.compat.v1.train.MonitoredTrainingSession(hooks=hooks) as mon_sess:
    while not mon_sess.should_stop():
        mon_sess.run(train_op, feed_dict={x: [[0.0] * 10] * 32})
`;

describe("TensorFlow step counts set by library calls", () => {
  it("reads an Estimator's train(input_fn, steps=N)", async () => {
    const plan = (await analyze(ESTIMATOR)).training ?? {};
    assert.equal(plan.steps?.value, 2000);
    assert.match(plan.steps!.detail, /classifier\.train\(steps=2000\)/);
  });

  it("reads a TrainSpec's max_steps, and leaves a train() given no input_fn alone", async () => {
    const spec = ESTIMATOR.replace("classifier.train(input_fn=lambda: train_input_fn({}, [], 100), steps=2000)", "spec = tf.estimator.TrainSpec(input_fn=lambda: train_input_fn({}, [], 100), max_steps=3000)\n    tf.estimator.train_and_evaluate(classifier, spec, None)");
    assert.equal((await analyze(spec)).training?.steps?.value, 3000);
    const other = ESTIMATOR.replace("classifier.train(input_fn=lambda: train_input_fn({}, [], 100), steps=2000)", "classifier.train(data, steps=2000)");
    assert.equal((await analyze(other)).training?.steps, undefined);
  });

  it("reads the StopAtStepHook that ends a MonitoredTrainingSession loop", async () => {
    const plan = (await analyze(MONITORED)).training ?? {};
    assert.equal(plan.steps?.value, 5000);
  });
});
