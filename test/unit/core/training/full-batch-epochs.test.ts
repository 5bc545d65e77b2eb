import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// An epoch loop that steps once per pass, with no loop over batches, trains on the whole data at once: one optimizer
// step per epoch (src/core/training/full-batch-epochs.ts).
describe("full-batch epoch loops", () => {
  it("an epoch loop whose body runs backward and the step has one optimizer step per epoch", async () => {
    const plan = (await analyze(`import torch

features = torch.randn(300, 16)
labels = torch.randint(0, 4, (300,))
net = torch.nn.Linear(16, 4)
opt = torch.optim.Adam(net.parameters(), lr=0.01)
for epoch in range(1200):
    opt.zero_grad()
    loss = torch.nn.functional.cross_entropy(net(features), labels)
    loss.backward()
    opt.step()
`)).training ?? {};
    assert.equal(plan.epochs?.value, 1200);
    assert.equal(plan.steps?.value, 1200);
  });

  it("a function the epoch loop calls that steps outside any loop is one step per epoch", async () => {
    const plan = (await analyze(`import torch

adjacency = torch.eye(50)
x = torch.randn(50, 8)
gcn = torch.nn.Linear(8, 3)
optim = torch.optim.SGD(gcn.parameters(), lr=0.1)


def fit_once():
    optim.zero_grad()
    (adjacency @ gcn(x)).pow(2).mean().backward()
    optim.step()


def evaluate():
    total = 0
    for row in range(3):
        total += row
    return total


for epoch in range(1, 301):
    fit_once()
    evaluate()
`)).training ?? {};
    assert.equal(plan.epochs?.value, 300);
    assert.equal(plan.steps?.value, 300);
  });

  it("an epoch loop over a loader's batches keeps its steps per batch", async () => {
    const plan = (await analyze(`import torch

data = torch.utils.data.TensorDataset(torch.zeros(640, 8))
loader = torch.utils.data.DataLoader(data, batch_size=64, shuffle=True)
net = torch.nn.Linear(8, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for epoch in range(5):
    for (x,) in loader:
        opt.zero_grad()
        net(x).sum().backward()
        opt.step()
`)).training ?? {};
    assert.equal(plan.epochs?.value, 5);
    // 640 / 64 batches in each of 5 epochs, not one step per epoch.
    assert.notEqual(plan.steps?.value, 5);
  });

  it("a function that steps once, called for each batch of a loop inside the epoch loop, is not one step per epoch", async () => {
    const plan = (await analyze(`import torch

net = torch.nn.Linear(8, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)


def train_step(x):
    opt.zero_grad()
    net(x).sum().backward()
    opt.step()


for epoch in range(9):
    for x in [torch.zeros(4, 8), torch.zeros(4, 8), torch.zeros(4, 8)]:
        train_step(x)
`)).training ?? {};
    assert.equal(plan.epochs?.value, 9);
    assert.notEqual(plan.steps?.value, 9);
  });

  it("an epoch loop that only evaluates takes no step per epoch", async () => {
    const plan = (await analyze(`import torch

net = torch.nn.Linear(8, 2)
for epoch in range(40):
    with torch.no_grad():
        net(torch.zeros(4, 8))
`)).training ?? {};
    assert.equal(plan.steps, undefined);
  });

  it("a counted loop stepping on a whole tensor each pass has that tensor's rows as its batch and samples", async () => {
    const plan = (await analyze(`import torch
import torch.nn.functional as F

x = torch.unsqueeze(torch.linspace(-1, 1, 100), dim=1)
y = x.pow(2) + 0.2 * torch.rand(x.size())
net = torch.nn.Sequential(torch.nn.Linear(1, 10), torch.nn.ReLU(), torch.nn.Linear(10, 1))
optimizer = torch.optim.SGD(net.parameters(), lr=0.2)
for t in range(200):
    prediction = net(x)
    loss = F.mse_loss(prediction, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
`)).training ?? {};
    assert.deepEqual([plan.steps?.value, plan.samples?.value, plan.batch?.value], [200, 100, 100]);
    assert.match(plan.samples?.detail ?? "", /net\(x\) on all of x/);
  });

  it("a loop that draws a slice of the data each pass does not read the whole tensor as its batch", async () => {
    const plan = (await analyze(`import torch

data = torch.randn(1000, 4)
net = torch.nn.Linear(4, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
for t in range(300):
    idx = torch.randint(0, 1000, (32,))
    xb = data[idx]
    opt.zero_grad()
    net(xb).sum().backward()
    opt.step()
`)).training ?? {};
    assert.equal(plan.steps?.value, 300);
    assert.equal(plan.samples, undefined);
    assert.notEqual(plan.batch?.value, 1000);
  });
});
