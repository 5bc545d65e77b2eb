import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A full-batch loop in a method of the model that calls `self.forward(x)` (src/core/training/full-batch-epochs.ts):
// forward called directly is the training forward, so the data it is given is the batch and the samples.
const SCRIPT = `import torch
from torch import nn

class Probe(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.head = nn.Linear(width, 1)

    def forward(self, x):
        return torch.sigmoid(self.head(x))

    def learn(self, x, y, epochs=40):
        opt = torch.optim.SGD(self.parameters(), lr=0.1)
        for epoch in range(epochs):
            out = self.forward(x)
            loss = nn.functional.binary_cross_entropy(out, y)
            loss.backward()
            opt.step()
            opt.zero_grad()

feats = torch.zeros(321, 6)
marks = torch.zeros(321, 1)
probe = Probe(feats.shape[1])
probe.learn(feats, marks)
`;

describe("a full-batch loop calling self.forward", () => {
  it("takes the data forward is given as the batch and the samples", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.epochs?.value, plan.batch?.value, plan.samples?.value], [40, 321, 321]);
  });

  it("reads no data from another method of the model", async () => {
    const plan = (await analyze(SCRIPT.replace("out = self.forward(x)", "out = self.score(x)").replace("    def learn", "    def score(self, x):\n        return self.forward(x)\n\n    def learn"))).training ?? {};
    assert.equal(plan.samples, undefined);
  });
});
