import * as assert from "assert";
import { analyze } from "../../helpers/analyze";

// Scripts written for these tests: step loops that take their batches without a DataLoader.
const MODEL = ["import torch", "import torch.nn as nn", "class Net(nn.Module):", "    def __init__(self):", "        super().__init__()", "        self.fc = nn.Linear(64, 10)", "    def forward(self, x):", "        return self.fc(x)", "model = Net()", "opt = torch.optim.Adam(model.parameters(), lr=1e-3)", ""];

async function planOf(lines: string[]) {
  const result = await analyze([...MODEL, ...lines].join("\n"));
  return result.training ?? {};
}

describe("step loop batches: minibatches sliced by a range's step, transitions sampled from a replay buffer", () => {
  it("`for start in range(0, n, mb)` slicing `x[start:end]` takes mb items a step", async () => {
    const plan = await planOf([
      "rollout = 512",
      "minibatch_size = rollout // 4",
      "data = torch.randn(rollout, 64)",
      "for start in range(0, rollout, minibatch_size):",
      "    end = start + minibatch_size",
      "    x = data[start:end]",
      "    opt.zero_grad()",
      "    model(x).sum().backward()",
      "    opt.step()",
    ]);
    assert.strictEqual(plan.batch?.value, 128);
    assert.strictEqual(plan.steps?.value, 4);
  });

  it("a stride not named as a batch (a sequence's) gives way to a batch the code names", async () => {
    const loop = (named: string) => [
      named,
      "bptt = 35",
      "data = torch.randn(10000, 20, 64)",
      "for i in range(0, data.size(0) - 1, bptt):",
      "    x = data[i:i + bptt]",
      "    opt.zero_grad()",
      "    model(x).sum().backward()",
      "    opt.step()",
    ];
    assert.strictEqual((await planOf(loop("batch_size = 20"))).batch?.value, 20);
    // Nothing else names one: the stride is the best the code says.
    assert.strictEqual((await planOf(loop("width = 20"))).batch?.value, 35);
  });

  it("a range's step is no batch when the body slices nothing from the loop's index", async () => {
    const plan = await planOf([
      "for i in range(0, 1000, 10):",
      "    opt.zero_grad()",
      "    model(torch.randn(32, 64)).sum().backward()",
      "    opt.step()",
    ]);
    assert.strictEqual(plan.batch, undefined);
    assert.strictEqual(plan.steps?.value, 100);
  });

  it("`rb.sample(batch)` from a name bound to a ReplayBuffer(...) is the batch, whatever the count is named", async () => {
    const plan = await planOf([
      "class ReplayBuffer:",
      "    def __init__(self, size):",
      "        self.size = size",
      "    def sample(self, n):",
      "        return torch.randn(n, 64)",
      "n_sample = 96",
      "rb = ReplayBuffer(10000)",
      "for step in range(5000):",
      "    x = rb.sample(n_sample)",
      "    opt.zero_grad()",
      "    model(x).sum().backward()",
      "    opt.step()",
    ]);
    assert.strictEqual(plan.batch?.value, 96);
  });

  it("`.sample(args.batch_size)` names its count a batch size; a count not named so, from an object not bound to a buffer, is no batch", async () => {
    const loop = (call: string) => [
      "import argparse",
      "parser = argparse.ArgumentParser()",
      "parser.add_argument('--size', type=int, default=48)",
      "args = parser.parse_args()",
      "args.batch_size = args.size",
      "memory = {}",
      "dist = torch.distributions.Normal(0.0, 1.0)",
      "for step in range(5000):",
      `    x = ${call}`,
      "    opt.zero_grad()",
      "    model(torch.randn(8, 64)).sum().backward()",
      "    opt.step()",
    ];
    assert.strictEqual((await planOf(loop("memory.sample(args.batch_size)"))).batch?.value, 48);
    assert.strictEqual((await planOf(loop("dist.sample(args.size)"))).batch, undefined);
  });

  it("`random.sample(memory, batch_size)` draws its second argument's count from a buffer kept as a deque; its first is the population", async () => {
    const loop = (call: string) => [
      "import random",
      "import argparse",
      "from collections import deque",
      "parser = argparse.ArgumentParser()",
      "parser.add_argument('--size', type=int, default=64)",
      "args = parser.parse_args()",
      "args.batch_size = args.size",
      "memory = deque(maxlen=2000)",
      "for step in range(5000):",
      "    memory.append(step)",
      `    picked = ${call}`,
      "    opt.zero_grad()",
      "    model(torch.randn(8, 64)).sum().backward()",
      "    opt.step()",
    ];
    assert.strictEqual((await planOf(loop("random.sample(memory, args.batch_size)"))).batch?.value, 64);
    assert.strictEqual((await planOf(loop("random.sample(memory, k=args.batch_size)"))).batch?.value, 64);
    // A count not named a batch size, drawn from a deque that is no replay-buffer class: no batch read.
    assert.strictEqual((await planOf(loop("random.sample(memory, args.size)"))).batch, undefined);
  });

  it("`x[i * B:i * B + B]` from the loop's index takes B items a step; a slice not from the index says nothing", async () => {
    const script = (slice: string) => [
      "data = torch.randn(6000, 64)",
      "def run_epoch():",
      "    B = 100",
      "    nsteps = 6000 // B",
      "    for step in range(nsteps):",
      `        xb = ${slice}`,
      "        opt.zero_grad()",
      "        model(xb).sum().backward()",
      "        opt.step()",
      "for epoch in range(3):",
      "    run_epoch()",
    ];
    const chunked = await planOf(script("data[step * B:step * B + B]"));
    assert.strictEqual(chunked.batch?.value, 100);
    assert.strictEqual(chunked.steps?.value, 180);
    assert.strictEqual((await planOf(script("data[B:2 * B]"))).batch, undefined);
  });
});
