import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A loop that fits plain tensors by hand, before the same fit as a model: no model's run (model-free-loops.ts).
const SCRIPT = `import torch
import torch.nn as nn
import torch.optim as optim

x_train = torch.randn(80, 1)
y_train = 1 + 2 * x_train
b = torch.randn(1, requires_grad=True)
w = torch.randn(1, requires_grad=True)
optimizer = optim.SGD([b, w], lr=0.1)
for epoch in range(1000):
    loss = ((b + w * x_train - y_train) ** 2).mean()
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()


class Line(nn.Module):
    def __init__(self):
        super().__init__()
        self.b = nn.Parameter(torch.randn(1))
        self.w = nn.Parameter(torch.randn(1))

    def forward(self, x):
        return self.b + self.w * x


model = Line()
optimizer = optim.SGD(model.parameters(), lr=0.1)
for epoch in range(500):
    loss = ((model(x_train) - y_train) ** 2).mean()
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
`;

describe("a loop that fits plain tensors before a model's loop", () => {
  it("is not the model's run: the loop that calls the model is", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.steps?.value, 500);
    assert.equal(plan.batch?.value, 80);
  });

  it("stays the run where no loop reaches a model the analysis listed", async () => {
    const plan = (await analyze(SCRIPT.slice(0, SCRIPT.indexOf("optimizer = optim.SGD(model")))).training ?? {};
    assert.equal(plan.steps?.value, 1000);
  });

  it("reaches the model through an optimizer built over its parameters", async () => {
    const text = SCRIPT.replace("loss = ((model(x_train) - y_train) ** 2).mean()", "loss = ((b + w * x_train - y_train) ** 2).mean()").replace("optimizer = optim.SGD([b, w], lr=0.1)\nfor epoch in range(1000):", "opt0 = optim.SGD([b, w], lr=0.1)\nfor epoch in range(1000):").replace("    optimizer.step()\n    optimizer.zero_grad()\n\n\nclass", "    opt0.step()\n    opt0.zero_grad()\n\n\nclass");
    const plan = (await analyze(text)).training ?? {};
    assert.equal(plan.steps?.value, 500, "the second loop steps the model's optimizer");
  });

  it("sets apart a loop whose own function reads only plain tensors (a hand-written forward over w)", async () => {
    const text = `import torch
import torch.nn as nn

X = torch.arange(1, 10, dtype=torch.float32).reshape(9, 1)
y = X * 2
w = torch.tensor(0.0, requires_grad=True)


def forward(x):
    return w * x


n_iters = 100
loss = nn.MSELoss()
optimizer = torch.optim.SGD([w], lr=0.005)
for epoch in range(n_iters):
    l = loss(y, forward(X))
    l.backward()
    optimizer.step()
    optimizer.zero_grad()

model = nn.Linear(1, 1)
n_iters = 2500
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(n_iters):
    l = loss(y, model(X))
    l.backward()
    optimizer.step()
    optimizer.zero_grad()
`;
    const plan = (await analyze(text)).training ?? {};
    assert.equal(plan.epochs?.value, 2500);
    assert.equal(plan.steps?.value, 2500);
    // A function that calls the model keeps its loop the model's.
    const through = text.replace("    return w * x", "    return model(x) * w").replace("model = nn.Linear(1, 1)\n", "").replace("import torch.nn as nn\n", "import torch.nn as nn\nmodel = nn.Linear(1, 1)\n");
    assert.equal(((await analyze(through)).training ?? {}).steps?.value, 100);
  });
});
