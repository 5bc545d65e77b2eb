import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// `while agent.n_episodes < N:` around calls of the agent's methods: the passes are N only when a method adds one to
// the counter on every call (src/core/training/counter-advance.ts).
const script = (advance: string) => `import torch
import torch.nn as nn


class Base:
    def __init__(self):
        self.n_episodes = 0
        self.done = False

    def _roll_out(self):
${advance}


class Agent(Base):
    def __init__(self):
        super().__init__()
        self.net = nn.Linear(4, 2)
        self.opt = torch.optim.Adam(self.net.parameters())

    def interact(self):
        super(Agent, self)._roll_out()

    def train(self):
        self.opt.zero_grad()
        self.net(torch.zeros(8, 4)).sum().backward()
        self.opt.step()


agent = Agent()
while agent.n_episodes < 500:
    agent.interact()
    agent.train()
`;

describe("a while loop's counter that a method of its object advances", () => {
  it("counts N passes when the method adds one on every call, and leaves the passes unknown when it adds only when an episode ends", async () => {
    const always = (await analyze(script("        self.n_episodes += 1"))).training;
    assert.equal(always?.steps?.value, 500);
    const onDone = (await analyze(script("        if self.done:\n            self.n_episodes += 1"))).training;
    assert.equal(onDone?.steps?.value, undefined);
  });
});
