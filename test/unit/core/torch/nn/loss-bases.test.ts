import { strict as assert } from "node:assert";
import { analyze, modelNamed } from "../../../helpers/analyze";

// torch.nn.modules.loss's _Loss and _WeightedLoss (src/core/torch/nn/loss-bases.ts): the catalogue's loss modules
// derive from them as in torch, so library code that checks a criterion's class builds, and a user's loss that
// subclasses _Loss is a module with the reduction its constructor sets. Our own fixture: the head's width records
// which checks held, so its parameter count says what the analyzer found.
const SCRIPT = (criterion: string) => `import torch.nn as nn
from torch.nn.modules.loss import _Loss, _WeightedLoss


class Smooth(_Loss):
    def __init__(self):
        super().__init__(reduction="sum")

    def forward(self, a, b):
        return (a - b).abs().sum()


class Head(nn.Module):
    def __init__(self, criterion):
        super().__init__()
        if not issubclass(type(criterion), nn.modules.loss._Loss):
            raise ValueError("criterion has to be a torch loss")
        width = 4
        if isinstance(criterion, _WeightedLoss):
            width += 2
        if isinstance(criterion, nn.Module) and getattr(criterion, "reduction", None) == "sum":
            width += 8
        self.fc = nn.Linear(width, 3)

    def forward(self, x):
        return self.fc(x)


model = Head(${criterion})
`;

/** The head the script builds (the file's own loss class is listed beside it, as any module class of a file is). */
const head = async (criterion: string) => modelNamed(await analyze(SCRIPT(criterion)), "model");

describe("torch.nn.modules.loss._Loss and _WeightedLoss are the loss modules' bases (loss-bases.ts)", () => {
  it("nn.NLLLoss is a _WeightedLoss, so a class check of the criterion passes", async () => {
    const m = await head("nn.NLLLoss()");
    assert.equal(m.params, 6 * 3 + 3);
  });

  it("nn.MSELoss is a _Loss but not a _WeightedLoss", async () => {
    const m = await head("nn.MSELoss()");
    assert.equal(m.params, 4 * 3 + 3);
  });

  it("a user's subclass of _Loss is a module whose reduction its super().__init__ sets", async () => {
    const m = await head("Smooth()");
    assert.equal(m.params, 12 * 3 + 3);
  });

  it("a plain object is not a loss: the class check raises and the head is not built", async () => {
    const m = await head("object()");
    assert.notEqual(m.params, 4 * 3 + 3);
  });
});
