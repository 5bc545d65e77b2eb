import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A TensorFlow 1.x trainer kept in a class: the run's epochs come from the object's attributes, its __init__ reads a
// data list the analysis does not have, and a fresh run restores no checkpoint.
const CONFIG = `class _C(object):
    pass

cfg = _C()
cfg.FIRST_STAGE_EPOCHS = 20
cfg.SECOND_STAGE_EPOCHS = 30
`;

const SCRIPT = `import tensorflow as tf
from config import cfg


class Trainer(object):
    def __init__(self):
        self.first_stage_epochs = cfg.FIRST_STAGE_EPOCHS
        self.second_stage_epochs = cfg.SECOND_STAGE_EPOCHS
        self.lines = open("data/train_annotations.txt").readlines()
        self.steps_per_period = len(self.lines)
        self.loss = tf.reduce_mean(tf.Variable(1.0))
        self.train_op = tf.train.AdamOptimizer(1e-3).minimize(self.loss)
        self.sess = tf.Session()
        self.saver = tf.train.Saver()

    def train(self):
        try:
            self.saver.restore(self.sess, "./checkpoint/pretrained.ckpt")
        except:
            self.first_stage_epochs = 0
        for epoch in range(1, 1 + self.first_stage_epochs + self.second_stage_epochs):
            for i in range(25):
                self.sess.run([self.train_op, self.loss])


if __name__ == '__main__':
    Trainer().train()
`;

describe("methods bound from the calls on their objects", () => {
  it("reads attributes of the object a method is called on, from __init__ even where it cannot be built whole", async () => {
    const plan = (await analyze(SCRIPT.replace(/        try:\n[^]*?= 0\n/, ""), { others: { "/project/config.py": CONFIG } })).training ?? {};
    assert.equal(plan.epochs?.value, 50);
    assert.equal(plan.steps?.value, 50 * 25);
  });

  it("takes the except branch of a try that restores a checkpoint, as a fresh run does", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/config.py": CONFIG } })).training ?? {};
    assert.equal(plan.epochs?.value, 30);
  });

  it("binds a method's arguments and object from `obj = Cls(); obj.m(n_epochs=...)`", async () => {
    const script = `import tensorflow as tf


class ConvNet(object):
    def __init__(self):
        self.batch_size = 64
        self.n_batches = 12

    def train(self, n_epochs):
        opt = tf.train.AdamOptimizer(1e-3).minimize(tf.reduce_mean(tf.Variable(1.0)))
        sess = tf.Session()
        for epoch in range(n_epochs):
            for i in range(self.n_batches):
                sess.run(opt)


if __name__ == '__main__':
    model = ConvNet()
    model.train(n_epochs=7)
`;
    const plan = (await analyze(script)).training ?? {};
    assert.equal(plan.epochs?.value, 7);
    assert.equal(plan.steps?.value, 7 * 12);
  });
});
