import assert from "node:assert/strict";
import { analyze, modelNamed, onlyModel } from "../../helpers/analyze";

// Linear(10, 5): params 10*5 + 5 = 55; FLOPs on 1x10: 2*10*5 = 100.
const linearBody = `
    def __init__(self):
        super().__init__()
        self.fc = LINEAR(10, 5)

    def forward(self, x):
        return self.fc(x)
`;

describe("model discovery", () => {
  const aliases: [string, string, string][] = [
    ["from torch import nn", "nn.Module", "nn.Linear"],
    ["import torch.nn as nn", "nn.Module", "nn.Linear"],
    ["import torch", "torch.nn.Module", "torch.nn.Linear"],
    ["from torch.nn import Module, Linear", "Module", "Linear"],
    ["import torch.nn as tnn", "tnn.Module", "tnn.Linear"],
  ];
  for (const [imports, base, linear] of aliases) {
    it(`finds a subclass of ${base} imported as '${imports}'`, async () => {
      const m = await onlyModel(`${imports}\n\nclass Net(${base}):${linearBody.replace("LINEAR", linear)}`);
      assert.equal(m.name, "Net");
      assert.equal(m.params, 55);
      assert.equal(m.flops, 100);
      assert.equal(m.macs, 50);
      assert.deepEqual(m.output, [[1, 5]]);
      assert.equal(m.complete, true);
      assert.equal(m.inputSource, "default");
    });
  }

  it("finds subclasses of other model classes, which call super().__init__ and add layers", async () => {
    const result = await analyze(`
import torch.nn as nn

class Base(nn.Module):
    def __init__(self, width=8):
        super().__init__()
        self.fc = nn.Linear(4, width)

    def forward(self, x):
        return self.fc(x)

class Bigger(Base):
    def __init__(self):
        super().__init__(width=16)
        self.head = nn.Linear(16, 2)

    def forward(self, x):
        return self.head(super().forward(x))
`);
    const big = modelNamed(result, "Bigger");
    // fc: 4*16+16 = 80, head: 16*2+2 = 34
    assert.equal(big.params, 114);
    // 2*4*16 + 2*16*2 = 128 + 64
    assert.equal(big.flops, 192);
    assert.equal(modelNamed(result, "Base").params, 4 * 8 + 8);
  });

  it("finds nn.Sequential values and factory functions, and skips components that need arguments", async () => {
    const result = await analyze(`
import torch.nn as nn

class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.fc = nn.Linear(dim, dim)
    def forward(self, x):
        return self.fc(x)

def make_model(depth=2):
    return nn.Sequential(*[Block(6) for _ in range(depth)])

classifier = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
`);
    assert.deepEqual(result.models.map((m) => m.name).sort(), ["classifier", "make_model"]);
    assert.equal(modelNamed(result, "make_model").params, 2 * (6 * 6 + 6));
    assert.equal(modelNamed(result, "classifier").params, 3 * 4 + 4 + 4 + 1);
    assert.equal(modelNamed(result, "classifier").flops, 2 * 3 * 4 + 2 * 4 * 1);
  });

  it("builds a model whose only argument is a dataclass config from the same file", async () => {
    const m = await onlyModel(`
from dataclasses import dataclass, field
import torch.nn as nn

@dataclass
class Config:
    width: int = 32
    depth: int = 3
    extra: list = field(default_factory=lambda: [1, 2])

class Model(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(config.width, config.width) for _ in range(config.depth + len(config.extra))])
    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x
`);
    assert.equal(m.entry, "Model(Config())");
    assert.equal(m.params, 5 * (32 * 32 + 32));
    assert.equal(m.flops, 5 * 2 * 32 * 32);
  });
});

describe("model discovery: repeats", () => {
  it("reports a class and an identical module-level instance of it once, and keeps instances built differently", async () => {
    const result = await analyze(`
import torch.nn as nn

class Net(nn.Module):
    def __init__(self, width=4):
        super().__init__()
        self.fc = nn.Linear(2, width)
    def forward(self, x):
        return self.fc(x)

model = Net()
wide = Net(width=8)
`);
    assert.deepEqual(result.models.map((m) => m.name), ["Net", "wide"]);
  });
});

describe("what a notebook binds at top level besides its models", () => {
  it("a loss criterion (loss_fn = nn.CrossEntropyLoss()) is not listed as a model; the model is", async () => {
    const r = await analyze("import torch.nn as nn\nmodel = nn.Linear(10, 5)\nloss_fn = nn.CrossEntropyLoss()\ncriterion = nn.MSELoss()\n");
    assert.deepEqual(r.models.map((m) => m.name), ["model"]);
  });

  it("a project's own criterion class with no parameters is not a model, in main() or at top level; one with parameters stays listed", async () => {
    const losses = `import torch
import torch.nn as nn

class FocalLoss(nn.Module):
    def __init__(self, gamma=2.0):
        super().__init__()
        self.gamma = gamma
        self.ce = nn.CrossEntropyLoss(reduction="none")

    def forward(self, logits, target):
        ce = self.ce(logits, target)
        return ((1 - torch.exp(-ce)) ** self.gamma * ce).mean()

class CenterLoss(nn.Module):
    def __init__(self, classes, dim):
        super().__init__()
        self.centers = nn.Parameter(torch.randn(classes, dim))

    def forward(self, x, labels):
        return ((x - self.centers[labels]) ** 2).sum()
`;
    const r = await analyze(`import torch.nn as nn
from losses import FocalLoss, CenterLoss

def main():
    focal = FocalLoss(gamma=1.5)
    focal.train()

if __name__ == "__main__":
    main()
    criterion = FocalLoss()
    centers = CenterLoss(5, 10)
`, { others: { "/project/losses.py": losses } });
    assert.deepEqual(r.models.map((m) => m.name), ["centers"]);
    assert.equal(modelNamed(r, "centers").params, 50, "a criterion with parameters (learned centers) is still shown");
  });

  it("a Sequential with a layer that could not be built (a width from data on disk) is partial, never complete", async () => {
    const r = await analyze(`
import torch.nn as nn
from torchvision import datasets
train_data = datasets.ImageFolder("data/train")
model = nn.Sequential(nn.Flatten(), nn.Linear(12, 8), nn.ReLU(), nn.Linear(8, len(train_data.classes)))
`);
    const m = modelNamed(r, "model");
    assert.equal(m.complete, false);
    assert.equal(m.params, 12 * 8 + 8, "the layers that were built");
    assert.ok(m.unresolved.some((u) => /not built/.test(u.reason)), m.unresolved.map((u) => u.reason).join("; "));
  });
});
