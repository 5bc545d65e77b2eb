import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A loop whose variable is named `epoch` but which slices chunks of B from its index over range(N // B) is a pass
// over the data, one batch a turn (src/core/training/chunk-loop-named-epoch.ts); the loop that calls it is the
// epochs. A script written for this test: 320 windows of a generated text, batch axis second.
const SCRIPT = `import numpy as np
import torch
import torch.nn as nn

batch_size = 16
text = "abcdefghij" * 100
windows = []
for i in range(0, len(text) - 40, 3):
    windows.append(text[i: i + 40])
X = np.zeros((40, len(windows), 10))
y = np.zeros(len(windows), dtype=np.int64)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 10)

    def forward(self, x):
        return self.fc(x[-1])

model = Net()
optimizer = torch.optim.Adam(model.parameters())

def train():
    for epoch in range(len(windows) // batch_size):
        xb = torch.FloatTensor(X[:, epoch * batch_size: (epoch + 1) * batch_size, :])
        yb = torch.LongTensor(y[epoch * batch_size: (epoch + 1) * batch_size])
        model.zero_grad()
        loss = nn.functional.cross_entropy(model(xb), yb)
        loss.backward()
        optimizer.step()

for epoch in range(3):
    train()
`;

describe("a chunk loop named epoch (chunk-loop-named-epoch.ts)", () => {
  it("counts batches of a pass, and the loop around its call counts the epochs", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.epochs?.value, 3);
    assert.equal(plan.batch?.value, 16);
    assert.equal(plan.samples?.value, 320);
  });
});
