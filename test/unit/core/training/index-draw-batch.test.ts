import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Random-window batches drawn in a helper the step loop calls (src/core/training/index-draw-batch.ts).
const METHOD = `import torch
from torch import nn

class Settings:
    def __init__(self):
        self.rows_per_draw = 24
        self.iters = 500
        self.span = 10

class Runner:
    def __init__(self, settings):
        self.settings = settings
        self.tokens = torch.randint(0, 40, (9000,))
        self.net = nn.Embedding(40, 40)
        self.opt = torch.optim.SGD(self.net.parameters(), lr=0.1)

    def windows(self, source):
        starts = torch.randint(0, len(source) - self.settings.span, (self.settings.rows_per_draw,))
        x = torch.stack([source[s:s + self.settings.span] for s in starts])
        y = torch.stack([source[s + 1:s + self.settings.span + 1] for s in starts])
        return x, y

    def run(self):
        for i in range(self.settings.iters):
            x, y = self.windows(self.tokens)
            loss = nn.functional.cross_entropy(self.net(x).view(-1, 40), y.view(-1))
            self.opt.zero_grad()
            loss.backward()
            self.opt.step()

Runner(Settings()).run()
`;

const FUNCTION = `import numpy as np
import torch
from torch import nn

table = np.zeros((5000, 6), dtype="float32")
net = nn.Linear(6, 1)
opt = torch.optim.Adam(net.parameters())

def draw(source, how_many=8):
    picks = np.random.randint(0, len(source), size=how_many)
    return torch.from_numpy(source[picks])

for it in range(300):
    xb = draw(table, how_many=36)
    loss = net(xb).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
`;

describe("random-window batches drawn in a helper", () => {
  it("reads a method's draw of self.<config> indices on the loop's own object", async () => {
    const plan = (await analyze(METHOD)).training ?? {};
    assert.deepEqual([plan.batch?.value, plan.steps?.value, plan.samples], [24, 500, undefined]);
  });

  it("reads a function's draw through the argument the loop passes, else the parameter's default", async () => {
    assert.equal((await analyze(FUNCTION)).training?.batch?.value, 36);
    assert.equal((await analyze(FUNCTION.replace("draw(table, how_many=36)", "draw(table)"))).training?.batch?.value, 8);
  });

  it("takes no batch from a draw the helper does not index with", async () => {
    const unused = FUNCTION.replace("return torch.from_numpy(source[picks])", "return torch.from_numpy(source[:4]) + float(picks.sum())");
    assert.equal((await analyze(unused)).training?.batch?.value, undefined);
  });
});
