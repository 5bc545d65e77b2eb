import * as assert from "assert";
import { analyze } from "../../helpers/analyze";

// Scripts written for these tests: the loop shapes of reinforcement-learning and segment-wise training loops.
const MODEL = ["import gym", "env = gym.make('CartPole-v1')", "import torch", "import torch.nn as nn", "class Net(nn.Module):", "    def __init__(self):", "        super().__init__()", "        self.fc = nn.Linear(64, 10)", "    def forward(self, x):", "        return self.fc(x)", "model = Net()", "opt = torch.optim.Adam(model.parameters(), lr=1e-3)", ""];

async function planOf(lines: string[]) {
  const result = await analyze([...MODEL, ...lines].join("\n"));
  return result.training ?? {};
}

describe("nested and gated step loops: optimizer steps the loops multiply out", () => {
  it("minibatches sliced from a flat tensor, in update epochs, in iterations: iterations × epochs × minibatches", async () => {
    const plan = await planOf([
      "total, rollout = 8192, 256",
      "minibatch = 64",
      "iterations = total // rollout",
      "update_epochs = 3",
      "for iteration in range(1, iterations + 1):",
      "    inds = torch.randperm(rollout)",
      "    for epoch in range(update_epochs):",
      "        for start in range(0, rollout, minibatch):",
      "            mb = inds[start:start + minibatch]",
      "            opt.zero_grad()",
      "            model(torch.randn(64, 64)).sum().backward()",
      "            opt.step()",
    ]);
    assert.strictEqual(plan.steps?.value, 32 * 3 * 4);
  });

  it("a step gated by `if step > start:` and `if step % every == 0:` counts the multiples of `every` after `start`", async () => {
    const loop = (gate: string) => [
      "learning_starts = 1000",
      "train_frequency = 4",
      "for global_step in range(20000):",
      // An environment's step (gym: a tuple to unpack) is not an optimizer's.
      "    obs, reward, done, info = env.step(0)",
      "    x = torch.randn(32, 64)",
      `    if global_step ${gate} learning_starts:`,
      "        if global_step % train_frequency == 0:",
      "            opt.zero_grad()",
      "            model(x).sum().backward()",
      "            opt.step()",
    ];
    // 1004, 1008, ..., 19996: (19996 - 1004) / 4 + 1.
    assert.strictEqual((await planOf(loop(">"))).steps?.value, 4749);
    // From 1000 itself: one more.
    assert.strictEqual((await planOf(loop(">="))).steps?.value, 4750);
  });

  it("one `if step > start and step % every == 0:` gates as the two nested ifs do; its else branch is no periodic step", async () => {
    const loop = (test: string, branch = "") => [
      "learning_starts = 1000",
      "train_freq = 4",
      "for timestep in range(20000):",
      "    obs, reward, done, info = env.step(0)",
      `    if ${test}:`,
      ...(branch ? ["        pass", `    ${branch}:`] : []),
      "        opt.zero_grad()",
      "        model(torch.randn(32, 64)).sum().backward()",
      "        opt.step()",
    ];
    // 1004, 1008, ..., 19996, as with the nested gates above; either order of the parts.
    assert.strictEqual((await planOf(loop("timestep > learning_starts and timestep % train_freq == 0"))).steps?.value, 4749);
    assert.strictEqual((await planOf(loop("timestep % train_freq == 0 and timestep >= learning_starts"))).steps?.value, 4750);
    // The else of an `and` runs when either part fails: not once every 4 steps, so the loop is not read as periodic.
    assert.notStrictEqual((await planOf(loop("timestep > learning_starts and timestep % train_freq == 0", "else"))).steps?.value, 4749);
  });

  it("backward and step under `if is_last:` of a loop over segments steps once per pass of that loop", async () => {
    const plan = await planOf([
      "def segments(x, n=4):",
      "    for i in range(n):",
      "        yield model(x).sum(), i == n - 1",
      "for i in range(5000):",
      "    for loss, is_last in segments(torch.randn(8, 64)):",
      "        loss.backward()",
      "        if is_last:",
      "            opt.step()",
      "            opt.zero_grad()",
    ]);
    assert.strictEqual(plan.steps?.value, 5000);
  });
  it("a step loop inside `for epoch in itertools.count():` counts each pass, so the run's steps are unknown, not one pass's", async () => {
    const loop = (outer: string) => [
      "from itertools import count",
      `for epoch in ${outer}:`,
      "    for t in range(200):",
      "        opt.zero_grad()",
      "        model(torch.randn(16, 64)).sum().backward()",
      "        opt.step()",
    ];
    const unbounded = await planOf(loop("count()"));
    assert.strictEqual(unbounded.steps, undefined);
    assert.ok(unbounded.notes?.some((n) => n.includes("for epoch in count()")), "the note names the loop of unstated length");
    assert.strictEqual((await planOf(loop("range(5)"))).steps?.value, 1000, "five stated epochs of 200");
  });
});
