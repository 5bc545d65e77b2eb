import { strict as assert } from "node:assert";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { analyze } from "../../helpers/analyze";

// Epoch loops written as `while` loops over a counter (src/core/training/while-epochs.ts), and training loops in a
// method of the script's own class, read with the object bound (src/core/training/foreign-loops.ts).
const loader = `import torch
from torch.utils.data import DataLoader, TensorDataset

data = TensorDataset(torch.zeros(1000, 8), torch.zeros(1000, dtype=torch.long))
`;

// A `while` over 7 epochs whose counter steps as `increment` says.
const whileLoop = (increment: string) => `${loader}
net = torch.nn.Linear(8, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
batches = DataLoader(data, batch_size=100)
epoch = 0
while epoch < 7:
    for x, y in batches:
        loss = torch.nn.functional.cross_entropy(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
${increment}
`;

describe("while-loop epochs", () => {
  it("`while epoch < N:` with `epoch += 1` around a loop over batches runs N epochs", async () => {
    const plan = (await analyze(whileLoop("    epoch += 1"))).training ?? {};
    assert.equal(plan.epochs?.value, 7);
    assert.equal(planOptimizerSteps(plan)?.value, 70);
  });

  it("counts from the counter's start and includes the bound for `<=`, around a called training function", async () => {
    const plan = (await analyze(`${loader}
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=20)
parser.add_argument("--start-epoch", type=int, default=5)
args = parser.parse_args()
net = torch.nn.Linear(8, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
batches = DataLoader(data, batch_size=250)


def train_one(epoch):
    for x, y in batches:
        opt.zero_grad()
        torch.nn.functional.cross_entropy(net(x), y).backward()
        opt.step()


def main():
    epoch = args.start_epoch
    while epoch <= args.epochs:
        train_one(epoch)
        epoch = epoch + 1


main()
`)).training ?? {};
    assert.equal(plan.epochs?.value, 16);
    assert.equal(planOptimizerSteps(plan)?.value, 64);
  });

  it("a counter increased only under a condition gives no epoch count", async () => {
    const plan = (await analyze(whileLoop("    if loss.item() < 0.5:\n        epoch += 1"))).training ?? {};
    assert.equal(plan.epochs, undefined);
  });
});

describe("training loops in a method of the script's own class", () => {
  const trainer = (loop: string) => `${loader}

class Trainer:
    def __init__(self, max_epochs=9):
        self.net = torch.nn.Linear(8, 2)
        self.opt = torch.optim.SGD(self.net.parameters(), lr=0.1)
        self.batches = DataLoader(data, batch_size=50)
        self.max_epochs = max_epochs
        self.epoch = 0

    def fit(self):
${loop}
            for x, y in self.batches:
                self.opt.zero_grad()
                torch.nn.functional.cross_entropy(self.net(x), y).backward()
                self.opt.step()
`;

  it("`trainer.fit()` reads the method's epoch loop with the object's attributes", async () => {
    const plan = (await analyze(`${trainer("        for epoch in range(self.max_epochs):")}

trainer = Trainer(max_epochs=4)
trainer.fit()
`)).training ?? {};
    assert.equal(plan.epochs?.value, 4);
    assert.equal(planOptimizerSteps(plan)?.value, 80);
  });

  it("a `while self.epoch < self.max_epochs` loop starts where the object's __init__ sets the counter", async () => {
    const plan = (await analyze(`${trainer("        while self.epoch < self.max_epochs:\n            self.epoch += 1")}

trainer = Trainer()
trainer.fit()
`)).training ?? {};
    assert.equal(plan.epochs?.value, 9);
    assert.equal(planOptimizerSteps(plan)?.value, 180);
  });

  it("a project's own `fit` method is not Keras' fit: no default of one epoch", async () => {
    const plan = (await analyze(`${trainer("        for epoch in range(self.max_epochs):")}

Trainer(max_epochs=None).fit()
`)).training ?? {};
    assert.notEqual(plan.epochs?.source, "default");
    assert.equal(plan.epochs, undefined);
  });
});
