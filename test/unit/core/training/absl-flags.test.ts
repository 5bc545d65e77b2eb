import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A Keras script configured by absl flags, as TF 2 examples are (`app.run(main)` with `FLAGS.*` read inside main).
const SCRIPT = `from absl import app, flags
from absl.flags import FLAGS
import tensorflow as tf

flags.DEFINE_string('dataset', '', 'path to dataset')
flags.DEFINE_integer('epochs', 7, 'number of epochs')
flags.DEFINE_integer('batch_size', 12, 'batch size')
flags.DEFINE_float('learning_rate', 1e-3, 'learning rate')


def main(_argv):
    model = tf.keras.Sequential([tf.keras.layers.Dense(10)])
    model.compile(optimizer='adam', loss='mse')
    train_dataset = tf.data.TFRecordDataset(FLAGS.dataset)
    train_dataset = train_dataset.batch(FLAGS.batch_size)
    model.fit(train_dataset, epochs=FLAGS.epochs)


if __name__ == '__main__':
    app.run(main)
`;

describe("absl flags in training plans", () => {
  it("reads a run's epochs and batch from flags.DEFINE_integer defaults", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.epochs?.value, 7);
    // Read through the built-in absl package (FLAGS.epochs is the default), or from the DEFINE call's text.
    assert.match(plan.epochs!.detail, /FLAGS\.epochs|absl flag --epochs default=7/);
    assert.equal(plan.batch?.value, 12);
  });

  it("reads the default given by keyword, and leaves flags that name no run figure alone", async () => {
    const plan = (await analyze(SCRIPT.replace("flags.DEFINE_integer('epochs', 7, 'number of epochs')", "flags.DEFINE_integer(name='epochs', default=9, help='n')").replace("flags.DEFINE_integer('batch_size', 12, 'batch size')", "flags.DEFINE_integer('size', 12, 'image size')"))).training ?? {};
    assert.equal(plan.epochs?.value, 9);
    assert.notEqual(plan.batch?.value, 12, "a flag named size is not the batch");
  });
});
