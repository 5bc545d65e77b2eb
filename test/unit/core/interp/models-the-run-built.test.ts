import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";

// A script whose `__main__` block hands its settings to another file's function, which builds the network and trains
// it (src/core/analyze.ts, modelsTheRunBuilt): nothing at top level binds the model (scripts written for this test).
const TRAINER = `import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(width, 32), nn.ReLU(), nn.Linear(32, 4))

    def forward(self, x):
        return self.body(x)


def initiate(hp):
    model = Net(hp.width)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(hp.epochs):
        for step in range(50):
            loss = model(torch.randn(16, hp.width)).sum()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return loss.item()
`;

const script = (guarded: string) => `import argparse
import engine

parser = argparse.ArgumentParser()
parser.add_argument("--width", type=int, default=24)
parser.add_argument("--epochs", type=int, default=7)
args = parser.parse_args()

if __name__ == "__main__":
${guarded}
`;

// A data object that draws batches forever: its __iter__ returns itself (an iterator, docs.python.org/3/library/
// stdtypes.html#iterator-types), and a Keras-style layer the network wires up without holding it.
const FOREVER = `import torch
import torch.nn as nn
from engine import Net


class Batches:
    def __iter__(self):
        return self

    def __next__(self):
        return torch.randn(16, 24)


def run():
    loose = nn.Linear(3, 3)
    model = Net(24)
    for x in Batches():
        model(x).sum().backward()
`;

describe("models the script's __main__ block builds in another file", () => {
  it("lists the network built inside the called function, at the script's call, with the run that function trains", async () => {
    const result = await analyze(script("    test_loss = engine.initiate(args)\n    print(test_loss)"), { others: { "/project/engine.py": TRAINER } });
    assert.deepEqual(result.models.map((m) => [m.name, m.params, m.line]), [["Net", 24 * 32 + 32 + 32 * 4 + 4, 10]]);
    const plan = trainingPlanOf(result, result.models[0]);
    assert.equal(plan?.epochs?.value, 7);
    assert.equal(planOptimizerSteps(plan ?? {})?.value, 7 * 50);
  });

  it("stops at an iterator whose __iter__ returns itself, and prefers a network to a lone catalogue layer", async () => {
    const result = await analyze(script("    loop.run()").replace("import engine", "import engine\nimport loop"), { others: { "/project/engine.py": TRAINER, "/project/loop.py": FOREVER } });
    assert.deepEqual(result.models.map((m) => m.name), ["Net"]);
  });

  it("iterating an iterator whose __iter__ returns itself fails that statement only, as an unknown, not the analysis", async () => {
    const text = `${FOREVER.replace("from engine import Net", "")}\nfirst = [x for x in Batches()]\nmodel = nn.Linear(24, 2)\n`;
    const result = await analyze(text);
    assert.deepEqual(result.models.map((m) => [m.name, m.params]), [["model", 50]]);
  });

  it("lists nothing when the block builds no network, and a network the block binds by name is listed by that name", async () => {
    const none = await analyze(script("    width = 99\n    print(width)"), { others: { "/project/engine.py": TRAINER } });
    assert.deepEqual(none.models, []);
    const bound = await analyze(script("    hidden = engine.Net(args.width)"), { others: { "/project/engine.py": TRAINER } });
    assert.deepEqual(bound.models.map((m) => m.name), ["hidden"]);
  });
});
