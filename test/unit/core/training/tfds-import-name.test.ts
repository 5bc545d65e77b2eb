import { strict as assert } from "node:assert";
import { analyze, testParser } from "../../helpers/analyze";
import { importedModuleName } from "../../../../src/core/python/import-origin";
import { lowerModule } from "../../../../src/core/python/lower";

// The name TensorFlow Datasets is imported as is read from the import statement, so a course notebook's comment after
// it (`import tensorflow_datasets as tfds # to load training data`) no longer hides every tfds.load from the plan.
const SCRIPT = (importLine: string) => `import tensorflow as tf
${importLine}

splits = tfds.load("fashion_mnist", shuffle_files=True)
train_ds = splits["train"].shuffle(1024).batch(50)
net = tf.keras.Sequential([tf.keras.layers.Flatten(), tf.keras.layers.Dense(10)])
opt = tf.keras.optimizers.Adam()
for epoch in range(2):
    for batch in train_ds:
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(net(tf.cast(batch["image"], tf.float32)))
        grads = tape.gradient(loss, net.trainable_variables)
        opt.apply_gradients(zip(grads, net.trainable_variables))
`;

describe("the name tensorflow_datasets is imported as (python/import-origin.ts importedModuleName)", function () {
  this.timeout(60_000);

  it("is the alias, the module's own name, or none, with comments and a try block around it", async () => {
    const parser = await testParser();
    const body = (text: string) => lowerModule(parser.parse(text)).body;
    assert.equal(importedModuleName("tensorflow_datasets", body("import tensorflow_datasets as tfds  # data\n")), "tfds");
    assert.equal(importedModuleName("tensorflow_datasets", body("try:\n    import numpy, tensorflow_datasets\nexcept ImportError:\n    pass\n")), "tensorflow_datasets");
    assert.equal(importedModuleName("tensorflow_datasets", body("import tensorflow as tf\n# import tensorflow_datasets as tfds\n")), undefined);
  });

  it("reads tfds.load's training split behind an import line with a comment", async () => {
    const result = await analyze(SCRIPT("import tensorflow_datasets as tfds # to load training data"));
    assert.deepEqual([result.training?.samples?.value, result.training?.batch?.value, result.training?.epochs?.value], [60000, 50, 2]);
  });
});
