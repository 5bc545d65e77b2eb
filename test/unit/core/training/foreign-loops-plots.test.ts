import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A notebook's setup (pandas display options, a grid of sample images drawn with matplotlib) comes before the call of
// the project's trainer that runs the training: those calls never train, so they do not use up the candidates the
// plan tries for another file's training (foreign-loops.ts NEVER_TRAINS and the library aliases).
const TRAINER = `import torch


class Runner:
    def __init__(self, net, opt, rounds=1):
        self.net = net
        self.opt = opt
        self.rounds = rounds

    def run(self, loader):
        for epoch in range(self.rounds):
            for x, y in loader:
                self.opt.zero_grad()
                torch.nn.functional.mse_loss(self.net(x), y).backward()
                self.opt.step()
`;

const NOTEBOOK = `import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
import torch
from torch.utils.data import DataLoader, TensorDataset
from runner import Runner

pd.set_option("display.width", 150)
pd.set_option("display.max_rows", 100)
pd.set_option("display.max_columns", None)
sns.set_theme()
features = torch.randn(640, 5)
targets = torch.randn(640, 1)
loader = DataLoader(TensorDataset(features, targets), batch_size=32, shuffle=True)
fig, axes = plt.subplots(2, 3)
for ax in axes.flatten():
    ax.imshow(features[:5])
    ax.set_title("rows")
    ax.set_xlabel("feature")
    ax.axis("off")
plt.show()
net = torch.nn.Linear(5, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
runner = Runner(net, opt, rounds=12)
runner.run(loader)
`;

describe("another file's training after a notebook's plots (foreign-loops.ts)", function () {
  this.timeout(60_000);

  it("reaches the trainer's call past pandas options and an image grid", async () => {
    const plan = (await analyze(NOTEBOOK, { others: { "/project/runner.py": TRAINER } })).training;
    assert.deepEqual([plan?.epochs?.value, plan?.batch?.value, plan?.samples?.value], [12, 32, 640]);
  });
});
