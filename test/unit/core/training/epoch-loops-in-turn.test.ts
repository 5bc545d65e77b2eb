import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// Epoch loops one after another run in turn (src/core/training/epoch-loops-in-turn.ts). A generator pre-trained on
// reconstruction, then trained against a discriminator over the same data (a script written for this test).
const script = (pretrain: string, main: string) => `import argparse
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

parser = argparse.ArgumentParser()
parser.add_argument("--pre_train_epoch", type=int, default=10)
parser.add_argument("--train_epoch", type=int, default=100)
parser.add_argument("--resume", default="")
args = parser.parse_args()

class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 3, 3, padding=1))
    def forward(self, x):
        return self.net(x)

class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3, 8, 3, stride=2), nn.ReLU(), nn.Flatten(), nn.LazyLinear(1))
    def forward(self, x):
        return self.net(x)

G = Generator()
D = Discriminator()
G_optimizer = torch.optim.Adam(G.parameters(), lr=2e-4)
D_optimizer = torch.optim.Adam(D.parameters(), lr=2e-4)
photos = DataLoader(TensorDataset(torch.randn(640, 3, 32, 32)), batch_size=8, drop_last=True)
other = DataLoader(TensorDataset(torch.randn(320, 3, 32, 32)), batch_size=8)

${pretrain}

${main}
`;

const PRETRAIN = `if args.resume == "":
    for epoch in range(args.pre_train_epoch):
        for (x,) in photos:
            G_optimizer.zero_grad()
            (G(x) - x).abs().mean().backward()
            G_optimizer.step()`;

const MAIN = (data: string) => `for epoch in range(args.train_epoch):
    for (x,) in ${data}:
        D_optimizer.zero_grad()
        D(G(x).detach()).mean().backward()
        D_optimizer.step()
        G_optimizer.zero_grad()
        (-D(G(x)).mean()).backward()
        G_optimizer.step()`;

const plans = async (text: string) => {
  const result = await analyze(text);
  const of = (name: string) => trainingPlanOf(result, result.models.find((m) => m.name === name)!);
  return { G: of("Generator"), D: of("Discriminator") };
};

describe("epoch loops that run in turn", () => {
  it("adds the pre-training epochs to the main loop's for the model both step, over the same data", async () => {
    const { G, D } = await plans(script(PRETRAIN, MAIN("photos")));
    assert.equal(G?.epochs?.value, 110);
    assert.match(G?.epochs?.detail ?? "", /range\(args\.pre_train_epoch\) \(line 34\) \+ .*range\(args\.train_epoch\) \(line 40\): epoch loops run in turn/);
    assert.equal(planOptimizerSteps(G ?? {})?.value, 110 * 80);
    // The discriminator is stepped only in the main loop.
    assert.equal(D?.epochs?.value, 100);
  });

  it("does not add loops over different data, whose epochs are not alike", async () => {
    const { G } = await plans(script(PRETRAIN, MAIN("other")));
    assert.equal(G?.epochs?.value, 10);
    // ...and says that the later stage is left out, rather than nothing.
    const notes = (await analyze(script(PRETRAIN, MAIN("other")))).training?.notes ?? [];
    assert.ok(notes.some((n) => /range\(args\.train_epoch\) \(line \d+\) runs after .*over other data; only the first stage is counted/.test(n)), JSON.stringify(notes));
  });

  it("does not add loops in the two branches of one test, of which one runs", async () => {
    const branches = `if args.resume == "":\n${MAIN("photos").replace(/^/gm, "    ")}\nelse:\n${PRETRAIN.split("\n").slice(1).join("\n")}`;
    const { G } = await plans(script("", branches));
    assert.notEqual(G?.epochs?.value, 110);
  });
});
