// Forward arguments a Linear reads only concatenated (an actor-critic's forward(state, action)) get each their own
// width (src/core/interp/concatenated-arguments.ts, summed-widths.ts). Truth: PyTorch 1.13 through
// tools/measure/count.py on the same classes: Critic(17, 6) at 1x17 and 1x6, 72,193 parameters, 143,360 FLOPs;
// Late(24, 4) at 1x24 and 1x4, 2,017 parameters, 3,904 FLOPs; Stack((10, 3)) at 1x10, 1x3 and 1x2, 273 parameters,
// 512 FLOPs; Through(5 + 2) at 1x5 and 1x2, 577 parameters, 1,024 FLOPs.
import assert from "node:assert/strict";
import { modelNamed, analyze } from "../../helpers/analyze";

const CRITICS = `
import torch
from torch import nn
import torch.nn.functional as F

class Critic(nn.Module):
    def __init__(self, state_dim, action_dim):
        super().__init__()
        self.l1 = nn.Linear(state_dim + action_dim, 256)
        self.l2 = nn.Linear(256, 256)
        self.l3 = nn.Linear(256, 1)

    def forward(self, state, action):
        sa = torch.cat([state, action], 1)
        return self.l3(F.relu(self.l2(F.relu(self.l1(sa)))))

class Late(nn.Module):
    def __init__(self, obs, act, hidden=32):
        super().__init__()
        self.fcs1 = nn.Linear(obs, hidden)
        self.fc2 = nn.Linear(hidden + act, hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, state, action):
        xs = F.relu(self.fcs1(state))
        x = torch.cat((xs, action), dim=1)
        return self.out(F.relu(self.fc2(x)))

class Stack(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(sizes[0] + sizes[1] + 2, 16), nn.ReLU(), nn.Linear(16, 1))

    def forward(self, x, a, t):
        x = torch.cat([x, a, t], -1)
        return self.net(x)

class Through(nn.Module):
    def __init__(self, in_dim, hidden=64):
        super().__init__()
        self.hidden1 = nn.Linear(in_dim, hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, state, action):
        x = torch.cat((state, action), dim=-1)
        return self.out(F.relu(self.hidden1(x)))

obs_dim, action_dim = 5, 2
critic = Critic(17, 6)
late = Late(24, 4)
stack = Stack((10, 3))
through = Through(obs_dim + action_dim)
`;

describe("arguments concatenated before a Linear (src/core/interp/concatenated-arguments.ts)", () => {
  it("splits a Linear's width written as a sum among the arguments cat joins, in order", async () => {
    const critic = modelNamed(await analyze(CRITICS), "critic");
    assert.deepEqual(critic.inputs.map((i) => i.shape), [[1, 17], [1, 6]]);
    assert.equal(critic.complete, true, JSON.stringify(critic.unresolved));
    assert.equal(critic.params, 72_193);
    assert.equal(critic.flops, 143_360);
  });

  it("gives a lone argument joined to a layer's output the rest of the next Linear's width", async () => {
    const late = modelNamed(await analyze(CRITICS), "late");
    assert.deepEqual(late.inputs.map((i) => i.shape), [[1, 24], [1, 4]]);
    assert.equal(late.complete, true, JSON.stringify(late.unresolved));
    assert.equal(late.params, 2_017);
    assert.equal(late.flops, 3_904);
  });

  it("reads a sum of three parts (a literal among them) through a Sequential, the cat rebinding its own argument", async () => {
    const stack = modelNamed(await analyze(CRITICS), "stack");
    assert.deepEqual(stack.inputs.map((i) => i.shape), [[1, 10], [1, 3], [1, 2]]);
    assert.equal(stack.complete, true, JSON.stringify(stack.unresolved));
    assert.equal(stack.params, 273);
    assert.equal(stack.flops, 512);
  });

  it("follows a sum given to the model's constructor into the Linear its __init__ builds from that parameter", async () => {
    const through = modelNamed(await analyze(CRITICS), "through");
    assert.deepEqual(through.inputs.map((i) => i.shape), [[1, 5], [1, 2]]);
    assert.equal(through.complete, true, JSON.stringify(through.unresolved));
    assert.equal(through.params, 577);
    assert.equal(through.flops, 1_024);
  });

  it("evaluates each part of a summed argument once, as Python does", async () => {
    const result = await analyze(`${CRITICS}
widths = iter([5, 9])
once = Through(next(widths) + 2)
probe = nn.Linear(next(widths), 1)
`);
    // Read twice, next(widths) would have taken the 9 for the sum and left the Linear nothing.
    assert.deepEqual(modelNamed(result, "once").inputs.map((i) => i.shape), [[1, 5], [1, 2]]);
    assert.equal(modelNamed(result, "probe").params, 10);
  });

  it("leaves arguments joined along another dimension, or a width not written as a sum, to the other defaults", async () => {
    const result = await analyze(`
import torch
from torch import nn

class Rows(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 1)

    def forward(self, a, b):
        return self.fc(torch.cat([a, b], 0))

class Plain(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(9, 1)

    def forward(self, a, b):
        return self.fc(torch.cat([a, b], 1))

rows = Rows()
plain = Plain()
`);
    // Rows stacks samples: each argument keeps the whole width.
    assert.deepEqual(modelNamed(result, "Rows").inputs.map((i) => i.shape), [[1, 8], [1, 8]]);
    // Plain's 9 could be any split: none is invented, each argument keeps the first layer's width as before.
    assert.deepEqual(modelNamed(result, "Plain").inputs.map((i) => i.shape), [[1, 9], [1, 9]]);
  });
});
