import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A count named for steps that caps a counter each episode starts again bounds an episode, not the run
// (src/core/training/per-pass-caps.ts).
const AGENT = (counterStart: string, extra = "") => `import torch
from torch import nn, optim

value_net = nn.Linear(6, 3)
adam = optim.Adam(value_net.parameters(), lr=1e-3)
max_steps = 150
rows = 24

def env_step():
    return torch.rand(()) < 0.02

${counterStart === "run" ? "taken = 0\n" : ""}for episode in range(80):
${counterStart === "episode" ? "    taken = 0\n" : ""}    while True:
        finished = env_step()
        taken += 1
        if taken >= max_steps:
            finished = True
        loss = value_net(torch.randn(rows, 6)).pow(2).mean()
        adam.zero_grad()
        loss.backward()
        adam.step()
        if finished:
            break
${extra}`;

const stepsOf = async (source: string) => (await analyze(source)).training?.steps?.value;

describe("a step count that caps a counter each pass starts again (per-pass-caps.ts)", function () {
  this.timeout(20_000);
  it("an episode's cap on a counter the episode loop resets is no run length: steps stay unknown", async () => {
    assert.equal(await stepsOf(AGENT("episode")), undefined);
  });

  it("a counter set once before the episodes makes the same cap the run's budget", async () => {
    assert.equal(await stepsOf(AGENT("run")), 150);
  });

  it("a cap the code also reads otherwise (a loop's range) keeps its count", async () => {
    const ranged = `import torch
from torch import nn, optim

net = nn.Linear(6, 3)
opt = optim.SGD(net.parameters(), lr=0.1)
max_steps = 40
for episode in range(5):
    count = 0
    while True:
        count += 1
        if count > max_steps:
            break
for step in range(max_steps):
    loss = net(torch.randn(8, 6)).sum()
    opt.zero_grad()
    loss.backward()
    opt.step()
`;
    assert.equal(await stepsOf(ranged), 40);
  });
});
