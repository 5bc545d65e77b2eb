import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A TF2 custom loop over a tf.data dataset repeated a stated number of times, with no epoch loop around it.
const SCRIPT = `import tensorflow as tf
from tensorflow.keras import datasets, layers, optimizers, Sequential
(x_all, y_all), _ = datasets.mnist.load_data()
BS = 100
train_db = tf.data.Dataset.from_tensor_slices((x_all, y_all))
train_db = train_db.shuffle(500).batch(BS)
train_db = train_db.repeat(7)
net = Sequential([layers.Flatten(), layers.Dense(32), layers.Dense(10)])
net.build(input_shape=(None, 28, 28))
sgd = optimizers.SGD(0.05)

def run():
    for i, (x, y) in enumerate(train_db):
        with tf.GradientTape() as tape:
            out = net(x)
            loss = tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(y, out, from_logits=True))
        grads = tape.gradient(loss, net.trainable_variables)
        sgd.apply_gradients(zip(grads, net.trainable_variables))

if __name__ == "__main__":
    run()
`;

const plan = async (text: string) => (await analyze(text)).training ?? {};

describe("tf.data repeat(k) walked by a step loop", () => {
  it("makes k epochs of the data's batches, in a function with no training word but its GradientTape", async () => {
    const p = await plan(SCRIPT);
    assert.equal(p.epochs?.value, 7);
    assert.equal(p.batch?.value, 100);
    assert.equal(p.samples?.value, 60000);
    assert.match(p.epochs?.detail ?? "", /repeat\(7\)/);
  });

  it("reads the repeat on the chain the loop walks, and multiplies repeats along it", async () => {
    const inline = SCRIPT.replace("train_db = train_db.repeat(7)\n", "").replace("enumerate(train_db)", "enumerate(train_db.repeat(2).repeat(3))");
    assert.equal((await plan(inline)).epochs?.value, 6);
  });

  it("takes no epochs from a repeat without a count, or one a take() cuts", async () => {
    for (const chain of ["train_db.repeat()", "train_db.repeat(7).take(40)", "train_db.repeat(-1)"]) {
      const p = await plan(SCRIPT.replace("train_db = train_db.repeat(7)", `train_db = ${chain}`));
      assert.notEqual(p.epochs?.value, 7, chain);
      assert.notEqual(p.epochs?.value, 40, chain);
    }
  });

  it("leaves the epochs to an epoch loop around the walk", async () => {
    const body = SCRIPT.slice(SCRIPT.indexOf("    for i, (x, y)"), SCRIPT.indexOf("\nif __name__"));
    const looped = SCRIPT.replace(body, `    for epoch in range(4):\n${body.replace(/^/gm, "    ")}`);
    assert.match(looped, /for epoch in range\(4\):\n {8}for i, \(x, y\)/);
    assert.equal((await plan(looped)).epochs?.value, 4);
  });

  it("counts ⌊samples / batch⌋ steps an epoch when batch() drops the remainder", async () => {
    const fit = `import tensorflow as tf
(x_train, y_train), _ = tf.keras.datasets.imdb.load_data(num_words=10000)
db = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(1000).batch(512, drop_remainder=True)
model = tf.keras.Sequential([tf.keras.layers.Embedding(10000, 16, input_length=80), tf.keras.layers.GlobalAveragePooling1D(), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(db, epochs=3)
`;
    const p = await plan(fit);
    assert.equal(p.batch?.value, 512);
    assert.equal(p.dropLast, true);
    const kept = await plan(fit.replace(", drop_remainder=True", ""));
    assert.notEqual(kept.dropLast, true);
  });
});
