import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

const samplesOf = async (text: string): Promise<number | undefined> => (await analyze(text)).training?.samples?.value;

// A Keras fit over a TensorFlow Datasets load NAME; GLUE's tasks are configurations of one catalog entry, each its own data.
const script = (name: string) => `import tensorflow as tf
import tensorflow_datasets as tfds

data = tfds.load("${name}")
train = data["train"].shuffle(100).batch(32)
net = tf.keras.Sequential([tf.keras.layers.Dense(2)])
net.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
net.fit(train, epochs=2)
`;

describe("TensorFlow Datasets configurations with sizes of their own", () => {
  it("glue/mrpc trains on MRPC's 3,668 pairs, glue/cola on CoLA's 8,551 sentences", async () => {
    assert.equal(await samplesOf(script("glue/mrpc")), 3_668);
    assert.equal(await samplesOf(script("glue/cola:2.0.0")), 8_551);
  });

  it("a GLUE task the table lacks, or glue with no configuration, is not sized", async () => {
    assert.equal(await samplesOf(script("glue/ax")), undefined);
    assert.equal(await samplesOf(script("glue")), undefined);
  });
});
