import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// TensorFlow 1.x training operations made by tf.contrib.layers.optimize_loss, and fetch lists filled with append()
// before Session.run (src/core/training/session-steps.ts).
const SCRIPT = (build: string, fill: string) => `import tensorflow as tf

class Trainer(object):
    def __init__(self, batch_size):
        self.batch_size = batch_size
        self.x = tf.placeholder(tf.float32, [batch_size, 32])
        w = tf.Variable(tf.zeros([32, 1]))
        self.loss = tf.reduce_mean(tf.matmul(self.x, w))
        self.step = tf.train.get_or_create_global_step()
${build}
        self.session = tf.Session()

    def run_once(self, s, size):
        fetch = [self.step, self.loss]
${fill}
        return self.session.run(fetch, feed_dict={self.x: None})

    def train(self):
        for s in range(25000):
            self.run_once(s, self.batch_size)

Trainer(48).train()
`;

const OPTIMIZE_LOSS = `        self.optimizer = tf.contrib.layers.optimize_loss(loss=self.loss, global_step=self.step, learning_rate=1e-3, optimizer=tf.train.AdamOptimizer())`;

describe("TensorFlow 1.x fetch lists and optimize_loss (session-steps.ts)", function () {
  this.timeout(20_000);
  it("a fetch list that append() gave an optimize_loss op makes each run a step", async () => {
    const plan = (await analyze(SCRIPT(OPTIMIZE_LOSS, "        fetch.append(self.optimizer)"))).training ?? {};
    assert.equal(plan.steps?.value, 25000);
  });

  it("extend() and += fill it too", async () => {
    for (const fill of ["        fetch.extend([self.optimizer])", "        fetch += [self.optimizer]"]) {
      const plan = (await analyze(SCRIPT(OPTIMIZE_LOSS, fill))).training ?? {};
      assert.equal(plan.steps?.value, 25000, fill);
    }
  });

  it("a list that only fetches the loss takes no step", async () => {
    const plan = (await analyze(SCRIPT(OPTIMIZE_LOSS, "        fetch.append(self.loss)"))).training ?? {};
    assert.equal(plan.steps, undefined);
  });
});
