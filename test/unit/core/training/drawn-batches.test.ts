import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// A data object's method draws the object's batch size (src/core/training/drawn-batches.ts); counts its `__init__` sets
// in a loop over a file the workspace lacks are unknown (interp/loop-bindings.ts); TensorFlow 1.x operations bound on
// `self` are run through the instance (session-steps.ts, stepping-calls.ts).
const planOf = async (text: string, others: Record<string, string>): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

const DATA = `import random

class Data(object):
    def __init__(self, path, batch_size):
        self.batch_size = batch_size
        self.n_train = 0
        self.users = []
        with open(path + "/train.txt") as f:
            for line in f.readlines():
                items = line.split(" ")
                self.users.append(int(items[0]))
                self.n_train += len(items) - 1

    def _draw(self):
        return random.sample(self.users, self.batch_size)

    def sample(self):
        users = self._draw()
        return users, users, users
`;

const TORCH = `import argparse
import torch
from torch import nn
from data import Data

parser = argparse.ArgumentParser()
parser.add_argument("--batch_size", type=int, default=1024)
parser.add_argument("--epoch", type=int, default=400)
args = parser.parse_args()
data_generator = Data("../Data/gowalla", batch_size=args.batch_size)
model = nn.Embedding(1000, 64)
opt = torch.optim.Adam(model.parameters(), lr=0.001)
for epoch in range(args.epoch):
    n_batch = data_generator.n_train // args.batch_size + 1
    for idx in range(n_batch):
        users, pos_items, neg_items = data_generator.sample()
        loss = model(torch.tensor(users)).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

const TF1 = `import argparse
import tensorflow as tf
from data import Data

class Recommender(object):
    def __init__(self, n_users):
        self.users = tf.placeholder(tf.int32, shape=(None,))
        self.embedding = tf.Variable(tf.random_normal([n_users, 64]))
        self.loss = tf.reduce_sum(tf.nn.embedding_lookup(self.embedding, self.users))
        self.opt = tf.train.AdamOptimizer(learning_rate=0.001).minimize(self.loss)

    def train(self, sess, feed_dict):
        return sess.run([self.opt, self.loss], feed_dict)

parser = argparse.ArgumentParser()
parser.add_argument("--batch_size", type=int, default=2048)
args = parser.parse_args()
data_generator = Data("../Data/gowalla", batch_size=args.batch_size)
model = Recommender(1000)
sess = tf.Session()
for epoch in range(300):
    for idx in range(100):
        users, pos_items, neg_items = data_generator.sample()
        STEP
`;

describe("a data object's method that draws its batch size (src/core/training/drawn-batches.ts)", function () {
  this.timeout(20_000);
  it("a step loop calling data_generator.sample() takes the object's batch_size, set in __init__ from the script's option", async () => {
    const plan = await planOf(TORCH, { "/project/data.py": DATA });
    assert.equal(plan.epochs?.value, 400);
    assert.equal(plan.batch?.value, 1024);
    assert.match(plan.batch?.detail ?? "", /data_generator\.sample\(\) draws self\.batch_size/);
  });

  it("a count __init__ adds up over a file the workspace lacks is unknown, so the steps an epoch are (not 0 // 1024 + 1)", async () => {
    const plan = await planOf(TORCH, { "/project/data.py": DATA });
    assert.equal(plan.steps, undefined);
  });

  it("TensorFlow 1.x: sess.run([model.opt, ...]) and a method running its class's self.opt each take a step, with the drawn batch", async () => {
    const direct = await planOf(TF1.replace("STEP", "sess.run([model.opt, model.loss], feed_dict={model.users: users})"), { "/project/data.py": DATA });
    assert.equal(direct.batch?.value, 2048);
    assert.equal(direct.steps?.value, 30000);
    const method = await planOf(TF1.replace("STEP", "_, loss = model.train(sess, feed_dict={model.users: users})"), { "/project/data.py": DATA });
    assert.equal(method.batch?.value, 2048);
    assert.equal(method.steps?.value, 30000);
  });

  it("a method that reads no batch size draws none (the batch is only the option's name then)", async () => {
    const plain = DATA.replace("random.sample(self.users, self.batch_size)", "self.users[:10]");
    const plan = await planOf(TORCH, { "/project/data.py": plain });
    assert.doesNotMatch(plan.batch?.detail ?? "", /draws/);
  });
  it("a loader that keeps its batch as `B` (the B, T, C convention of GPT training code) draws B items a call; a lower-case b does not name a batch", async () => {
    const script = (attribute: string) => [
      "import torch",
      "class TokenLoader:",
      "    def __init__(self, B, T):",
      `        self.${attribute} = B`,
      "        self.T = T",
      "        self.pos = 0",
      "    def next_batch(self):",
      `        B, T = self.${attribute}, self.T`,
      "        x = torch.randint(0, 50257, (B, T))",
      "        self.pos += B * T",
      "        return x, x",
      "model = torch.nn.Embedding(50257, 16)",
      "opt = torch.optim.AdamW(model.parameters())",
      "loader = TokenLoader(B=12, T=64)",
      "for step in range(500):",
      "    x, y = loader.next_batch()",
      "    opt.zero_grad()",
      "    model(x).sum().backward()",
      "    opt.step()",
      "",
    ].join("\n");
    const plan = await planOf(script("B"), {});
    assert.equal(plan.batch?.value, 12);
    assert.match(plan.batch?.detail ?? "", /self\.B/);
    assert.doesNotMatch((await planOf(script("b"), {})).batch?.detail ?? "", /self\.b/);
  });
});
