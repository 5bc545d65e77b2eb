import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// Scripts written for these tests: a script's function gets its loader from a function of another file and hands
// it to a training function of a third file (src/core/training/code-sites.ts: a function binding a loader by name is
// read; foreign-loops.ts: a body whose Ignite trainer runs the backward passes trains).
const DATA = `from torch.utils import data
from torchvision.datasets import FashionMNIST


def make_loader(batch, train=True):
    return data.DataLoader(FashionMNIST("data", train=train, download=True), batch_size=batch, shuffle=train)
`;

const LOOP_ENGINE = `def fit(model, loader, optimizer, loss_fn, rounds):
    for epoch in range(rounds):
        for x, y in loader:
            optimizer.zero_grad()
            loss_fn(model(x), y).backward()
            optimizer.step()
`;

const IGNITE_ENGINE = `from ignite.engine import create_supervised_trainer


def fit(model, loader, optimizer, loss_fn, rounds):
    trainer = create_supervised_trainer(model, optimizer, loss_fn, device="cuda")
    trainer.run(loader, max_epochs=rounds)
`;

const SCRIPT = `import torch
from torch import nn
import torch.nn.functional as F
from data import make_loader
from engine import fit


def main():
    model = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    train_loader = make_loader(32)
    fit(model, train_loader, optimizer, F.cross_entropy, 6)


if __name__ == "__main__":
    main()
`;

describe("a loader a script's function gets from another file, trained by a third file's function", () => {
  it("reads the loader bound in a function that names no training word, for a plain loop of another file", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/data.py": DATA, "/project/engine.py": LOOP_ENGINE } })).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value, planOptimizerSteps(plan)?.value], [6, 60000, 32, 6 * 1875]);
  });

  it("takes a body whose Ignite trainer runs the backward passes as the training body", async () => {
    const plan = (await analyze(SCRIPT, { others: { "/project/data.py": DATA, "/project/engine.py": IGNITE_ENGINE } })).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.samples?.value, plan.batch?.value, planOptimizerSteps(plan)?.value], [6, 60000, 32, 6 * 1875]);
    assert.match(plan.epochs?.detail ?? "", /Engine\.run max_epochs=rounds/);
  });

  it("reads no run from a body that only evaluates", async () => {
    const evaluator = IGNITE_ENGINE.replaceAll("create_supervised_trainer", "create_supervised_evaluator");
    const plan = (await analyze(SCRIPT, { others: { "/project/data.py": DATA, "/project/engine.py": evaluator } })).training ?? {};
    assert.equal(plan.epochs, undefined);
  });
});
