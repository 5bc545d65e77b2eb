import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Our own DeepSpeed fine-tune, started with `python FILE` and no `--deepspeed_config`: the engine's loader batches its
// training_data as a config the plain run never names says. AFTER is what the script does once training is over.
const script = (after: string) => `import argparse
import deepspeed
import torch
from torch.utils.data import DataLoader, TensorDataset

parser = argparse.ArgumentParser()
parser.add_argument("--local_rank", type=int, default=-1)
parser = deepspeed.add_config_arguments(parser)
args = parser.parse_args()

net = torch.nn.Linear(16, 2)
train_set = TensorDataset(torch.randn(640, 16), torch.randint(0, 2, (640,)))
engine, optimizer, trainloader, _ = deepspeed.initialize(args=args, model=net, model_parameters=net.parameters(), training_data=train_set)

for epoch in range(2):
    for x, y in trainloader:
        loss = torch.nn.functional.cross_entropy(engine(x), y)
        engine.backward(loss)
        engine.step()

${after}
`;

const planOf = async (text: string) => (await analyze(text)).training;

describe("a DeepSpeed engine's training loader whose config the plain run does not name", () => {
  it("is the run's loader, its batch unknown (with a note), not an evaluation loader made after training", async () => {
    const plan = await planOf(script(`eval_set = TensorDataset(torch.randn(64, 16))
eval_loader = DataLoader(eval_set, batch_size=4)
for (x,) in eval_loader:
    print(net(x))`));
    assert.equal(plan?.batch, undefined);
    assert.equal(plan?.samples?.value, 640);
    assert.ok(plan?.notes?.some((n) => /deepspeed_config is None/.test(n)));
  });

  it("a batch_size constant set after the last backward pass, in its scope, is no figure of the run", async () => {
    const plan = await planOf(script(`batch_size = 1
eval_loader = DataLoader(TensorDataset(torch.randn(64, 16)), batch_size=batch_size)
for (x,) in eval_loader:
    print(net(x))`));
    assert.equal(plan?.batch, undefined);
  });

  it("a batch_size constant set before the loop, or inside the loop that backpropagates, still counts", async () => {
    const before = await planOf(script("").replace("net = torch.nn.Linear", "batch_size = 32\nnet = torch.nn.Linear"));
    assert.equal(before?.batch?.value, 32);
    const inLoop = await planOf(script("").replace("        engine.step()\n", "        engine.step()\n    batch_size = 8\n"));
    assert.equal(inLoop?.batch?.value, 8);
  });
});

describe("a batch_size constant after a TensorFlow 1.x optimizer op is defined (after-training.ts)", () => {
  it("still counts: minimize() only defines the op a later sess.run steps", async () => {
    const plan = (await analyze(`import tensorflow as tf
X = tf.placeholder("float", [None, 4])
train_op = tf.train.GradientDescentOptimizer(0.1).minimize(tf.reduce_mean(X))
batch_size = 16
with tf.Session() as sess:
    for i in range(10):
        sess.run(train_op, feed_dict={X: data[:batch_size]})
`)).training;
    assert.equal(plan?.batch?.value, 16);
  });
});
