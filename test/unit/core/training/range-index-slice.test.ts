import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A step loop that indexes its tensor by a range of B indexes from i * B (range-index-slice.ts) walks the tensor's
// rows in chunks of B, as a slice x[i * B:(i + 1) * B] does: the tensor's rows (a part of MNIST here) are the samples.
const SCRIPT = (pick: string, define = "") => `import torch
from torch import nn
from torchvision.datasets import MNIST

train_set = MNIST("./data", train=True, download=True)
x_train = train_set.data[:600].view(-1, 784).float()
y_train = train_set.targets[:600]
batch_size = 50
num_batches = x_train.shape[0] // batch_size
${define}
net = nn.Linear(784, 10)
opt = torch.optim.SGD(net.parameters(), lr=0.01)
for epoch in range(3):
    for i in range(num_batches):
        ${pick}
        opt.zero_grad()
        loss = nn.functional.cross_entropy(net(x_train[idx]), y_train[idx])
        loss.backward()
        opt.step()
`;

describe("a step loop indexing its data by a range of indexes from its counter", () => {
  it("a module-level lambda's range: 600 samples, batch 50, 36 steps", async () => {
    const plan = (await analyze(SCRIPT("idx = get_slice(i, batch_size)", "get_slice = lambda i, size: range(i * size, (i + 1) * size)"))).training ?? {};
    assert.deepEqual([plan.samples?.value, plan.batch?.value, plan.steps?.value], [600, 50, 36]);
  });

  it("a range written in the loop, and a one-line function's: likewise", async () => {
    const written = (await analyze(SCRIPT("idx = range(i * batch_size, (i + 1) * batch_size)"))).training ?? {};
    assert.deepEqual([written.samples?.value, written.batch?.value], [600, 50]);
    const defined = (await analyze(SCRIPT("idx = rows_of(i, batch_size)", "def rows_of(k, n):\n    return slice(k * n, k * n + n)"))).training ?? {};
    assert.deepEqual([defined.samples?.value, defined.batch?.value], [600, 50]);
  });

  it("indexes drawn at random are not a chunk: MNIST's samples stay the table's", async () => {
    const plan = (await analyze(SCRIPT("idx = torch.randint(0, 600, (batch_size,))"))).training ?? {};
    assert.notEqual(plan.samples?.value, 600);
  });
});
