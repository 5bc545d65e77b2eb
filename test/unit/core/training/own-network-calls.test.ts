import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A training function that builds the network it trains on each call (own-network-calls.ts): its calls in turn are
// runs of other networks, so the plan is the first call's, not their sum (calls-in-turn.ts).
const TORCH = (build: string) => `import torch
from torch.utils.data import DataLoader, TensorDataset

loader = DataLoader(TensorDataset(torch.randn(320, 8), torch.randn(320, 1)), batch_size=40)
shared = torch.nn.Linear(8, 1)


def train_model(width):
${build}
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(10):
        for x, y in loader:
            opt.zero_grad()
            torch.nn.functional.mse_loss(model(x), y).backward()
            opt.step()


train_model(4)
train_model(8)
train_model(16)
`;

const TAPE = `import tensorflow as tf

xs = tf.random.normal((20, 5))
ys = tf.random.normal((20, 1))
data = tf.data.Dataset.from_tensor_slices((xs, ys)).batch(1)
opt = tf.keras.optimizers.SGD()
num_epochs = 100


def init_params():
    return [tf.Variable(tf.random.normal((5, 1))), tf.Variable(tf.zeros((1,)))]


def fit_and_plot(lambd):
    w, b = init_params()
    for _ in range(num_epochs):
        for x, y in data:
            with tf.GradientTape() as tape:
                l = tf.reduce_sum((tf.matmul(x, w) + b - y) ** 2) + lambd * tf.reduce_sum(w ** 2)
            grads = tape.gradient(l, [w, b])
            opt.apply_gradients(zip(grads, [w, b]))


fit_and_plot(0)
fit_and_plot(3)
`;

describe("training functions that build their own network on each call", function () {
  this.timeout(20_000);
  it("counts the first call's epochs where the function binds the network it trains", async () => {
    const plan = (await analyze(TORCH("    model = torch.nn.Sequential(torch.nn.Linear(8, width), torch.nn.Linear(width, 1))"))).training ?? {};
    assert.equal(plan.epochs?.value, 10);
    assert.ok((plan.notes ?? []).some((n) => /train_model builds the network it trains \(model\) on each call/.test(n)));
  });

  it("still adds up calls that train one network of the module", async () => {
    const plan = (await analyze(TORCH("    model = shared"))).training ?? {};
    assert.equal(plan.epochs?.value, 30);
  });

  it("reads variables a tape's gradient is taken for, bound from a call in the function, as its own network", async () => {
    const plan = (await analyze(TAPE)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value], [100, 20]);
  });
});
