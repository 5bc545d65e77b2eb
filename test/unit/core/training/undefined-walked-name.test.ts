import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A fragment stepping over a loader it never defines takes no batch from the model input
// (src/core/training/undefined-walked-name.ts). A script written for this test.
const SCRIPT = (defined: string) => `import torch
import torch.nn as nn
${defined}
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(784, 10)

    def forward(self, x):
        return self.fc(x.view(x.size(0), -1))

model = Net()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(10):
    for images, labels in train_loader:
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(model(images), labels)
        loss.backward()
        optimizer.step()
`;

describe("a step loop over a name the file never defines (undefined-walked-name.ts)", () => {
  it("leaves the batch unknown, with a note that says why", async () => {
    const report = await analyze(SCRIPT(""));
    const plan = report.training ?? {};
    assert.equal(plan.epochs?.value, 10);
    assert.equal(plan.batch, undefined);
    assert.ok(plan.batchFromData?.detail.includes("train_loader"));
  });

  it("keeps a loader a star import may bind", async () => {
    const plan = (await analyze(SCRIPT("from data import *\n"))).training ?? {};
    assert.equal(plan.batchFromData, undefined);
  });
});
