import * as assert from "assert";
import { analyze } from "../../helpers/analyze";

// Scripts written for these tests: step loops that take their batches without a DataLoader.
const MODEL = ["import torch", "import torch.nn as nn", "class Net(nn.Module):", "    def __init__(self):", "        super().__init__()", "        self.fc = nn.Linear(64, 10)", "    def forward(self, x):", "        return self.fc(x)", "model = Net()", "opt = torch.optim.Adam(model.parameters(), lr=1e-3)", ""];

async function planOf(lines: string[]) {
  const result = await analyze([...MODEL, ...lines].join("\n"));
  return result.training ?? {};
}

const AGENT = `import torch
import torch.nn as nn


class Memory:
    def __init__(self, size):
        self.size = size

    def push(self, *transition):
        pass

    def sample(self, n):
        return torch.randn(n, 4)


class Agent:
    def __init__(self, env, batch_size=48):
        self.env = env
        self.batch_size = batch_size
        self.steps = 0
        self.q = nn.Linear(4, 2)
        self.optimizer = torch.optim.Adam(self.q.parameters(), lr=1e-3)
        self.memory = Memory(10000)

    def learn(self):
        batch = self.memory.sample(self.batch_size)
        self.optimizer.zero_grad()
        self.q(batch).sum().backward()
        self.optimizer.step()

    def update(self):
        self.learn()

    def run(self, max_step):
        done, t = False, 0
        while not (done or t == max_step):
            self.steps += 1
            obs, reward, done, info = self.env.step(0)
            if self.steps > self.batch_size:
                self.update()
            t += 1
        return t, 0.0
`;

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

  it("a buffer's `sample_batch(n)` or `get_batch(n)` (hand-written DDPG buffers) returns n transitions, as `sample(n)` does; another method's count is no batch", async () => {
    const loop = (method: string) => [
      "class Replay:",
      "    def __init__(self, size):",
      "        self.size = size",
      `    def ${method}(self, n):`,
      "        return torch.randn(n, 64)",
      "MINIBATCH_SIZE = 72",
      "replay_buffer = Replay(10000)",
      "for step in range(5000):",
      `    x = replay_buffer.${method}(MINIBATCH_SIZE)`,
      "    opt.zero_grad()",
      "    model(x).sum().backward()",
      "    opt.step()",
    ];
    assert.strictEqual((await planOf(loop("sample_batch"))).batch?.value, 72);
    assert.strictEqual((await planOf(loop("get_batch"))).batch?.value, 72);
    assert.strictEqual((await planOf(loop("sample_minibatch"))).batch?.value, 72);
    assert.strictEqual((await planOf(loop("rollout"))).batch, undefined);
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
    // A count named as the batch itself (`BATCH = 32`, Keras DQN scripts' `random.sample(D, BATCH)`) is one.
    assert.strictEqual((await planOf(loop("random.sample(memory, BATCH)").map((l) => l.replace("args.batch_size = args.size", "BATCH = 32")))).batch?.value, 32);
    assert.strictEqual((await planOf(loop("random.sample(memory, MINI_BATCH)").map((l) => l.replace("args.batch_size = args.size", "MINI_BATCH = 16")))).batch?.value, 16);
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
  it("the batch a method the step loop calls samples (`self.update()` → `self.learn()` → `self.memory.sample(self.batch_size)`) is the loop's, read with the loop's object", async () => {
    const script = (logging: string) => `import argparse
import gym
from torch.utils.tensorboard import SummaryWriter
from agent import Agent

parser = argparse.ArgumentParser()
parser.add_argument('--iterations', type=int, default=500)
args = parser.parse_args()


def main():
    env = gym.make('CartPole-v1')
    agent = Agent(env)
    writer = SummaryWriter()
    for i in range(args.iterations):
        length, ret = agent.run(500)
${logging}

if __name__ == "__main__":
    main()
`;
    // Logging calls come first among the script's statement calls; they never train.
    const logged = "        writer.add_scalar('a', ret, i)\n".repeat(10);
    for (const logging of ["", logged]) {
      const result = await analyze(script(logging), { others: { "/project/agent.py": AGENT } });
      assert.strictEqual(result.training?.batch?.value, 48, logging ? "past ten writer.add_scalar calls" : "no logging");
    }
  });

  it("a count the called function reads from the module (`memory.sample(N_SAMPLE)`) is read where the loop is; its own parameter's (`def learn(n)`) is what the call passes", async () => {
    const loop = (learn: string, call: string) => [
      "class Memory:",
      "    def sample(self, n):",
      "        return torch.randn(n, 64)",
      "memory = Memory()",
      "n = 5",
      "N_SAMPLE = 16",
      learn,
      `    x = memory.sample(${learn.includes("(n)") ? "n" : "N_SAMPLE"})`,
      "    opt.zero_grad()",
      "    model(x).sum().backward()",
      "    opt.step()",
      "for t in range(100):",
      `    ${call}`,
    ];
    assert.strictEqual((await planOf(loop("def learn():", "learn()"))).batch?.value, 16);
    // The parameter is what the call passes (16), not the module's n (5).
    assert.strictEqual((await planOf(loop("def learn(n):", "learn(16)"))).batch?.value, 16);
    assert.strictEqual((await planOf(loop("def learn(n):", "learn(n=12)"))).batch?.value, 12);
    // A method's first parameter is its object: `self.learn(self.bs)` passes bs for `batch_size` (the loop in another file).
    const learner = ["import torch", "import torch.nn as nn", "class Memory:", "    def sample(self, n):", "        return torch.randn(n, 4)", "class Agent:", "    def __init__(self):", "        self.memory = Memory()", "        self.bs = 24", "        self.q = nn.Linear(4, 2)", "        self.opt = torch.optim.Adam(self.q.parameters())", "    def learn(self, batch_size):", "        x = self.memory.sample(batch_size)", "        self.opt.zero_grad()", "        self.q(x).sum().backward()", "        self.opt.step()", "    def run(self):", "        for t in range(100):", "            self.learn(self.bs)", ""].join("\n");
    const method = await analyze("from learner import Agent\n\nagent = Agent()\nif __name__ == '__main__':\n    agent.run()\n", { others: { "/project/learner.py": learner } });
    assert.strictEqual(method.training?.batch?.value, 24);
  });
  it("an episode loop at top level calling a method on the agent it holds (`agent.train()`, `agent.learn()`) reads the count that method samples from its `self` on the agent, and a plain agent's `train()` is its own method, not a mode switch", async () => {
    const script = (method: string) => `import random
import torch
import torch.nn as nn


class Agent:
    def __init__(self):
        self.net = nn.Linear(4, 2)
        self.opt = torch.optim.Adam(self.net.parameters())
        self.memory = []
        self.batch_size = 40

    def ${method}(self):
        batch = random.sample(self.memory, self.batch_size)
        self.opt.zero_grad()
        self.net(torch.zeros(self.batch_size, 4)).sum().backward()
        self.opt.step()


agent = Agent()
for episode in range(300):
    agent.${method}()
`;
    for (const method of ["learn", "train"]) {
      const plan = (await analyze(script(method))).training;
      assert.strictEqual(plan?.batch?.value, 40, method);
      assert.strictEqual(plan?.steps?.value, 300, method);
    }
    // nn.Module's own train() (no argument) is still the mode switch: a module's loop of model.train() takes no step.
    const moduleTrain = await analyze(["import torch", "import torch.nn as nn", "model = nn.Linear(4, 2)", "for e in range(300):", "    model.train()", ""].join("\n"));
    assert.strictEqual(moduleTrain.training?.steps?.value, undefined);
  });
  it("`data.next_batch(n)` draws n examples a step (TensorFlow 1.x's DataSet.next_batch), directly or in a helper the loop calls with the count; a loop that draws nothing says nothing", async () => {
    const script = (body: string[]) => [
      "import torch",
      "import torch.optim as optim",
      "from tensorflow.examples.tutorials.mnist import input_data",
      "mnist = input_data.read_data_sets('MNIST_data', one_hot=True)",
      "mb_size = 48",
      "W = torch.randn(784, 10, requires_grad=True)",
      "solver = optim.Adam([W], lr=1e-3)",
      "def sample_x(size):",
      "    X, _ = mnist.train.next_batch(size)",
      "    return torch.from_numpy(X)",
      "for it in range(2000):",
      ...body,
      "    loss = (X @ W).sum()",
      "    loss.backward()",
      "    solver.step()",
      "",
    ].join("\n");
    const direct = (await analyze(script(["    X, _ = mnist.train.next_batch(mb_size)", "    X = torch.from_numpy(X)"]))).training;
    assert.strictEqual(direct?.batch?.value, 48);
    assert.match(direct?.batch?.detail ?? "", /next_batch\(mb_size\)/);
    assert.strictEqual(direct?.steps?.value, 2000);
    // MNIST's 55,000 training images the loader keeps (5,000 go to validation).
    assert.strictEqual(direct?.samples?.value, 55000);
    assert.strictEqual((await analyze(script(["    X = sample_x(mb_size)"]))).training?.batch?.value, 48);
    assert.strictEqual((await analyze(script(["    X = sample_x(size=20)"]))).training?.batch?.value, 20);
    assert.strictEqual((await analyze(script(["    X = torch.randn(1, 784)"]))).training?.batch, undefined);
  });
  it("`for i in range(len(x) // B)` slicing `x[i * B:(i + 1) * B]` walks x's rows in chunks of B: its rows are the samples, the last partial chunk dropped; a count that does not walk them says nothing", async () => {
    const script = (count: string) => [
      "import numpy as np",
      "X = np.zeros((1000, 64), dtype=np.float32)",
      "bs = 64",
      `n_batches = ${count}`,
      "for epoch in range(3):",
      "    for i in range(n_batches):",
      "        xb = torch.from_numpy(X[i * bs:(i + 1) * bs])",
      "        opt.zero_grad()",
      "        model(xb).sum().backward()",
      "        opt.step()",
    ];
    const floor = await planOf(script("len(X) // bs"));
    assert.strictEqual(floor.samples?.value, 1000);
    assert.strictEqual(floor.batch?.value, 64);
    assert.strictEqual(floor.dropLast, true);
    // 3 epochs of the 15 full chunks of 64 in 1,000 rows.
    assert.strictEqual(floor.steps?.value, 45);
    const ceil = await planOf(script("(len(X) + bs - 1) // bs"));
    assert.strictEqual(ceil.samples?.value, 1000);
    assert.strictEqual(ceil.dropLast, undefined);
    assert.strictEqual((await planOf(script("5"))).samples, undefined);
  });
});
