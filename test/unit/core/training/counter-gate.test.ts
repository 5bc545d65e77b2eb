import * as assert from "assert";
import { analyze } from "../../helpers/analyze";

// Scripts written for these tests: agents that store a transition each environment step and learn only once their
// memory holds enough, across episodes of fixed length.
function agentScript(gate: string, options: { store?: string; reset?: string; counterInit?: string; tail?: string; initTail?: string } = {}) {
  return `import torch
import torch.nn as nn

EPISODES = 100
STEPS = 300
CAPACITY = 2000
BATCH_SIZE = 32


class Agent:
    def __init__(self):
        self.net = nn.Linear(4, 2)
        self.opt = torch.optim.Adam(self.net.parameters(), lr=1e-3)
        self.memory = []
        self.pointer = ${options.counterInit ?? "0"}
${options.initTail ?? ""}
    def store_transition(self, s, a, r, s_):
        self.memory.append((s, a, r, s_))
        self.pointer += 1

    def learn(self):
        batch = torch.randn(BATCH_SIZE, 4)
        self.opt.zero_grad()
        self.net(batch).sum().backward()
        self.opt.step()


agent = Agent()
buffer = []
for episode in range(EPISODES):
${options.reset ?? ""}    for t in range(STEPS):
        ${options.store ?? "agent.store_transition(0, 0, 0, 0)"}
        if ${gate}:
            agent.learn()
${options.tail ?? ""}`;
}

describe("learning that starts on a run-wide counter (src/core/training/counter-gate.ts)", () => {
  it("`if agent.pointer > CAPACITY:` after a method that adds one to it: the passes after the first CAPACITY of the whole run", async () => {
    const result = await analyze(agentScript("agent.pointer > CAPACITY"));
    assert.strictEqual(result.training?.steps?.value, 100 * 300 - 2000);
    assert.match(result.training?.steps?.detail ?? "", /agent\.pointer > CAPACITY/);
  });

  it("an episode that breaks at its own last index (`if t == STEPS - 1: break`) is counted the same", async () => {
    const result = await analyze(agentScript("agent.pointer > CAPACITY", { tail: "        if t == STEPS - 1:\n            break\n" }));
    assert.strictEqual(result.training?.steps?.value, 100 * 300 - 2000);
  });

  it("an agent whose constructor the analysis cannot run is read from the class its binding call makes", async () => {
    const result = await analyze(agentScript("agent.pointer > CAPACITY", { initTail: "        self.broken = [1, 2][5]\n" }));
    assert.strictEqual(result.training?.steps?.value, 100 * 300 - 2000);
  });

  it("`>=` lets the pass that reaches the bound through; a counter that starts elsewhere starts the count there", async () => {
    assert.strictEqual((await analyze(agentScript("agent.pointer >= CAPACITY"))).training?.steps?.value, 100 * 300 - 1999);
    assert.strictEqual((await analyze(agentScript("agent.pointer > CAPACITY", { counterInit: "500" }))).training?.steps?.value, 100 * 300 - 1500);
  });

  it("a buffer's size (`len(agent.memory)`, `len(buffer)` after `buffer.append(...)`) counts the transitions stored", async () => {
    assert.strictEqual((await analyze(agentScript("len(agent.memory) > BATCH_SIZE"))).training?.steps?.value, 100 * 300 - 32);
    assert.strictEqual((await analyze(agentScript("len(buffer) > CAPACITY", { store: "buffer.append(0)" }))).training?.steps?.value, 100 * 300 - 2000);
  });

  it("a counter reset at each episode, or one the loop never moves, leaves the loop's passes as they were", async () => {
    assert.strictEqual((await analyze(agentScript("agent.pointer > 10", { reset: "    agent.pointer = 0\n" }))).training?.steps?.value, 100 * 300);
    assert.strictEqual((await analyze(agentScript("len(buffer) > CAPACITY"))).training?.steps?.value, 100 * 300);
  });
});
