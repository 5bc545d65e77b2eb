import assert from "node:assert/strict";
import { findingsOf, ofRule } from "./helpers";

const script = (layers: string) => `import torch
from torch import nn

model = nn.Sequential(${layers})
x = torch.randn(8, 16)
with torch.no_grad():
    y = model(x)
`;

describe("GL005 is true of the model: eval() must change something", () => {
  it("a model of Linear and ReLU computes the same in both modes: no finding", async () => {
    assert.equal(ofRule(await findingsOf(script("nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 4)")), "GL005").length, 0);
  });

  it("Dropout and BatchNorm are named, each only when the model has it", async () => {
    const [dropout] = ofRule(await findingsOf(script("nn.Linear(16, 32), nn.Dropout(0.2), nn.Linear(32, 4)")), "GL005");
    assert.match(dropout.message, /Dropout stays active\.$/);
    const [norm] = ofRule(await findingsOf(script("nn.Linear(16, 32), nn.BatchNorm1d(32), nn.Linear(32, 4)")), "GL005");
    assert.match(norm.message, /: BatchNorm1d keeps updating its running statistics\.$/);
    assert.ok(norm.fixes.some((f) => f.kind === "add-eval"), "the fix is still offered");
  });

  it("dropout in forward (F.dropout) counts as well", async () => {
    const text = `import torch
import torch.nn.functional as F
from torch import nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 4)

    def forward(self, x):
        return self.fc(F.dropout(x, p=0.1, training=self.training))

model = Net()
with torch.no_grad():
    y = model(torch.randn(2, 16))
`;
    const [finding] = ofRule(await findingsOf(text), "GL005");
    assert.ok(finding, "a finding");
    assert.match(finding.message, /Dropout stays active/);
  });
});
