import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// torchbearer's Trial owns the loop: `trial.with_generators(trainloader, ...)` hands it the training loader and
// `trial.run(epochs=N)` trains N passes over it (torchbearer-trial.ts). A gradient ascent on an input image after it
// (backward passes, no optimizer step of the run) is none of the run's steps.
const SCRIPT = `import torch
import torch.nn as nn
from torch import optim
from torch.utils.data import DataLoader, TensorDataset
from torchbearer import Trial

trainset = TensorDataset(torch.randn(6000, 10), torch.randint(0, 2, (6000,)))
testset = TensorDataset(torch.randn(1000, 10), torch.randint(0, 2, (1000,)))
trainloader = DataLoader(trainset, batch_size=128, shuffle=True)
testloader = DataLoader(testset, batch_size=128)

model = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 2))
optimiser = optim.Adam(model.parameters())
trial = Trial(model, optimiser, nn.CrossEntropyLoss(), metrics=["loss", "accuracy"]).to("cpu")
trial.with_generators(trainloader, test_generator=testloader)
trial.run(epochs=5)


def ascend(model, num=10):
    for selected in range(num):
        x = torch.randn(1, 10, requires_grad=True)
        for i in range(30):
            loss = model(x)[0, 0]
            loss.backward()
            x.data = x + 0.1 * x.grad


ascend(model)
`;

describe("torchbearer's Trial", () => {
  it("trains run(epochs=N) passes over the loader with_generators hands it", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.equal(plan.epochs?.value, 5);
    assert.equal(plan.batch?.value, 128);
    assert.equal(plan.samples?.value, 6000);
    assert.equal(plan.steps, undefined, "the input's gradient ascent is no step of the run");
  });

  it("trains one epoch when run is given none", async () => {
    const plan = (await analyze(SCRIPT.replace("trial.run(epochs=5)", "trial.run()"))).training ?? {};
    assert.equal(plan.epochs?.value, 1);
  });

  it("trains on the binding the loader's name holds where with_generators is called", async () => {
    const text = SCRIPT.replace("trainloader = DataLoader(trainset, batch_size=128, shuffle=True)\n", "trainloader = DataLoader(trainset, batch_size=4, shuffle=True)\nimages, labels = next(iter(trainloader))\ntrainloader = DataLoader(trainset, batch_size=128, shuffle=True)\n");
    const plan = (await analyze(text)).training ?? {};
    assert.equal(plan.batch?.value, 128);
  });
});
