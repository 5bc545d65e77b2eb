import assert from "node:assert/strict";
import { analyze, modelNamed } from "../../helpers/analyze";

// A model trained through a method of its own (`net.fit(x, y)`, the method calling `self(inputs)` on what it is
// given) reads the data the call passes: its shape is the model's example input (src/core/interp/fed-inputs.ts).
const SCRIPT = `import numpy as np
import torch
from torch import nn, optim

class Net(nn.Module):
    def __init__(self, nin=2, nhidden=3):
        super().__init__()
        self.w = nn.Parameter(torch.rand(nin + 1, nhidden))
        self.out = nn.Linear(nhidden, 3)

    def forward(self, x):
        x = torch.cat((x, -torch.ones((x.shape[0], 1))), axis=1)
        return torch.sigmoid(self.out(torch.sigmoid(x @ self.w)))

    def fit(self, x_data, y_data, nepochs=100):
        opt = optim.SGD(self.parameters(), lr=0.5)
        for epoch in range(nepochs):
            inputs, labels = x_data, y_data
            opt.zero_grad()
            loss = nn.functional.mse_loss(self(inputs), labels)
            loss.backward()
            opt.step()
        return self

net = Net()
table = np.zeros((150, 5))
x = torch.tensor(table[:, :2], dtype=torch.float)
y = torch.tensor(table[:, 2:], dtype=torch.float)
net.fit(x, y)
`;

describe("a model trained through a method of its own", () => {
  it("takes the tensor the call passes as its example input, not a default guessed from its parameters", async () => {
    const m = modelNamed(await analyze(SCRIPT), "Net");
    assert.deepEqual(m.inputs.map((i) => i.shape), [[150, 2]]);
    assert.ok(m.flops > 0, "the forward ran");
  });

  it("reads a keyword argument too", async () => {
    const m = modelNamed(await analyze(SCRIPT.replace("net.fit(x, y)", "net.fit(y_data=y, x_data=x)")), "Net");
    assert.deepEqual(m.inputs.map((i) => i.shape), [[150, 2]]);
  });

  it("takes nothing from a method that does not run the forward on its arguments", async () => {
    const other = SCRIPT.replace("loss = nn.functional.mse_loss(self(inputs), labels)", "loss = nn.functional.mse_loss(self(inputs[:4]), labels[:4])");
    const m = modelNamed(await analyze(other), "Net");
    assert.notDeepEqual(m.inputs.map((i) => i.shape), [[150, 2]]);
  });
});
