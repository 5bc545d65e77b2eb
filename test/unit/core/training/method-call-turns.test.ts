import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A training method called again on each turn of a loop around its call: a method of the file's own class on an
// object the file builds (loops-around-call.ts onlyCallOf), a counter's break bounding a loop over data of unstated
// length, and another file's method of steps without epochs (training-plan.ts turnsAround).
const FITTER = `import torch
from torch import nn

class Fitter:
    def __init__(self, model):
        self.model = model
        self.opt = torch.optim.SGD(model.parameters(), lr=0.1)

    def train_on(self, data, repeats):
        for it in range(repeats):
            loss = self.model(data).pow(2).mean()
            loss.backward()
            self.opt.step()
            self.opt.zero_grad()
`;
const STREAM = `
def windows(n):
    for i in range(n):
        yield torch.randn(4, 16)
`;

describe("a training method called in a loop", () => {
  it("counts a counted loop's turns around a method of the file's own class", async () => {
    const script = `${FITTER}\nnet = nn.Linear(16, 1)\nfitter = Fitter(net)\nfor k in range(30):\n    fitter.train_on(torch.randn(4, 16), 2)\n`;
    const plan = (await analyze(script)).training ?? {};
    assert.equal(plan.steps?.value, 60);
    assert.match(plan.steps?.detail ?? "", /for k in range\(30\) around fitter\.train_on/);
  });

  it("leaves a method of the same name on another object apart", async () => {
    const script = `${FITTER}\nnet = nn.Linear(16, 1)\nfitter = Fitter(net)\nfitter.train_on(torch.randn(4, 16), 2)\nfor k in range(30):\n    other.train_on(torch.randn(4, 16), 2)\n`;
    const plan = (await analyze(script)).training ?? {};
    assert.equal(plan.steps?.value, 2);
  });

  it("counts the passes a counter's break lets through a loop over a generator", async () => {
    const loop = (check: string) => `${FITTER}${STREAM}\nnet = nn.Linear(16, 1)\nfitter = Fitter(net)\ncount = 0\nfor x in windows(10**9):\n${check}`;
    const before = (await analyze(loop("    count += 1\n    if count >= 30:\n        break\n    fitter.train_on(x, 2)\n"))).training ?? {};
    assert.equal(before.steps?.value, 58, "the 30th pass breaks before its call");
    const after = (await analyze(loop("    fitter.train_on(x, 2)\n    count += 1\n    if count >= 30:\n        break\n"))).training ?? {};
    assert.equal(after.steps?.value, 60);
    assert.match(after.steps?.detail ?? "", /until 30/);
  });

  it("takes another file's method of steps again on each pass that reaches its call", async () => {
    const script = `import torch\nfrom torch import nn\nfrom fitter import Fitter\n${STREAM}\nnet = nn.Linear(16, 1)\nfitter = Fitter(net)\nn = 0\nfor batch in windows(10**9):\n    fitter.train_on(batch, 1)\n    n += 1\n    if n >= 50:\n        break\n`;
    const plan = (await analyze(script, { others: { "/project/fitter.py": FITTER } })).training ?? {};
    assert.equal(plan.steps?.value, 50);
  });
});
