import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A training function of another file whose batch loop calls a helper its module imports from a third file, the
// helper running backward and stepping: Python runs the helper on each call, so the function's loops are the run's
// (src/core/training/imported-step-calls.ts, a gate in foreign-loops.ts). Files written for this test.
const engine = (helper: string) => `import torch
from torch.utils.data import DataLoader, TensorDataset
from steps import ${helper}


def run(epochs):
    net = torch.nn.Linear(5, 1)
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    rows = TensorDataset(torch.randn(320, 5), torch.randn(320, 1))
    loader = DataLoader(rows, batch_size=32)
    for epoch in range(epochs):
        for x, y in loader:
            ${helper}(net, opt, x, y)
`;
const steps = `def update(net, opt, x, y):
    opt.zero_grad()
    loss = ((net(x) - y) ** 2).mean()
    loss.backward()
    opt.step()
    return loss


def score(net, opt, x, y):
    return ((net(x) - y) ** 2).mean().item()
`;
const script = `from engine import run


def main():
    run(3)


if __name__ == "__main__":
    main()
`;
const planOf = async (helper: string) => (await analyze(script, { others: { "/project/engine.py": engine(helper), "/project/steps.py": steps } })).training;

describe("a function of another file that trains through a helper imported from a third", () => {
  it("runs its loops as the run's", async () => {
    const training = await planOf("update");
    assert.equal(training?.epochs?.value, 3);
    assert.equal(training?.batch?.value, 32);
    assert.equal(training?.samples?.value, 320);
  });

  it("is no training when the helper runs no backward pass", async () => {
    const training = await planOf("score");
    assert.equal(training?.samples?.value, undefined);
  });
});
