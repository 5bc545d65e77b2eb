import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// tf.distribute strategies on the analysis's one-GPU target (src/core/keras/tf-distribute.ts).
const SCRIPT = `import tensorflow as tf

strategy = tf.distribute.MirroredStrategy()
PER_REPLICA = 125
GLOBAL_BATCH = PER_REPLICA * strategy.num_replicas_in_sync

(train_x, train_y), _ = tf.keras.datasets.cifar10.load_data()
pipeline = tf.data.Dataset.from_tensor_slices((train_x / 255.0, train_y)).shuffle(5000).batch(GLOBAL_BATCH)

with strategy.scope():
    classifier = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(32, 32, 3)), tf.keras.layers.Dense(10)])
    classifier.compile("adam", tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))

classifier.fit(pipeline, epochs=3)
`;

describe("tf.distribute strategies", () => {
  it("run one replica on the target's GPU, so the global batch is the per-replica batch, and the model still builds in scope()", async () => {
    const result = await analyze(SCRIPT);
    const plan = result.training ?? {};
    assert.deepEqual([plan.batch?.value, plan.samples?.value, plan.epochs?.value], [125, 50000, 3]);
    assert.ok(result.models.some((m) => m.params > 0));
  });

  it("count the devices a strategy is given, and leave a list of unknown length unread", async () => {
    const two = (await analyze(SCRIPT.replace("MirroredStrategy()", 'MirroredStrategy(devices=["/gpu:0", "/gpu:1"])'))).training ?? {};
    assert.equal(two.batch?.value, 250);
    const single = (await analyze(SCRIPT.replace("MirroredStrategy()", 'OneDeviceStrategy("/gpu:0")'))).training ?? {};
    assert.equal(single.batch?.value, 125);
    const unknownDevices = (await analyze(SCRIPT.replace("MirroredStrategy()", "MirroredStrategy(devices=tf.config.list_logical_devices('GPU'))"))).training ?? {};
    assert.notEqual(unknownDevices.batch?.value, 125);
  });
});
