import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A keras.utils.Sequence's batch is what its __getitem__ returns (src/core/keras/sequence-item-rows.ts), not an
// attribute it keeps: fit takes each item as a whole batch.
const SCRIPT = (item: string, base = "tf.keras.utils.Sequence") => `import numpy as np
import tensorflow as tf

class Feed(${base}):
    def __init__(self, rows, batch_size=256):
        self.rows = rows
        self.batch_size = batch_size

    def __len__(self):
        return 9

    def __getitem__(self, i):
        ${item}

net = tf.keras.Sequential([tf.keras.layers.Dense(3, input_shape=(5,))])
net.compile("adam", "mse")
net.fit(Feed(np.zeros((900, 5))), epochs=4)
`;

const planOf = async (text: string) => (await analyze(text)).training ?? {};

describe("the rows a Sequence's __getitem__ returns (src/core/keras/sequence-item-rows.ts)", () => {
  it("takes the rows of the arrays it returns over its batch_size attribute, and len() of them an epoch", async () => {
    const plan = await planOf(SCRIPT("return np.random.random((12, 5)), np.ones((12, 3))"));
    assert.deepEqual([plan.batch?.value, plan.samples?.value, plan.steps?.value], [12, 9 * 12, 4 * 9]);
  });

  it("takes its batch_size where __getitem__ slices the data by it", async () => {
    const plan = await planOf(SCRIPT("part = self.rows[i * self.batch_size:(i + 1) * self.batch_size]\n        return part, part[:, :3]"));
    assert.equal(plan.batch?.value, 256);
  });

  it("reads Keras 3's PyDataset the same way", async () => {
    const plan = await planOf(SCRIPT("return [np.ones((6, 5))], np.ones((6, 3))", "tf.keras.utils.PyDataset").replace("import tensorflow as tf", "import tensorflow as tf\nimport keras"));
    assert.equal(plan.batch?.value, 6);
  });

  it("keeps the batch_size attribute where the item's rows are not known", async () => {
    const plan = await planOf(SCRIPT("return np.load(str(i)), None"));
    assert.equal(plan.batch?.value, 256);
  });

  it("takes the rows of a generator's first item, the generator run to it by the interpreter", async () => {
    const text = `import numpy as np
import tensorflow as tf

def endless(width):
    while True:
        yield np.ones([14, width], np.float32), np.zeros([14, 1], np.float32)

net = tf.keras.Sequential([tf.keras.layers.Dense(1, input_shape=(6,))])
net.compile("adam", "mae")
net.fit(endless(6), steps_per_epoch=30, epochs=2)
`;
    const plan = await planOf(text);
    assert.deepEqual([plan.batch?.value, plan.steps?.value], [14, 60]);
  });

  it("leaves the batch unknown where the generator's items have no rows the code states", async () => {
    const text = `import numpy as np
import tensorflow as tf

def endless(paths):
    while True:
        for p in paths:
            yield np.load(p)

net = tf.keras.Sequential([tf.keras.layers.Dense(1, input_shape=(6,))])
net.compile("adam", "mae")
net.fit(endless(open("list.txt").read().split()), steps_per_epoch=30, epochs=2)
`;
    assert.equal((await planOf(text)).batch, undefined);
  });
});
