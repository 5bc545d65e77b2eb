import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// PyTorch-Ignite's Engine.run(data, max_epochs, epoch_length) on a training engine sets the run's epochs (1 when none
// is given) and, with epoch_length, its iterations (src/core/training/ignite-engine.ts); evaluators' runs do not.
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SUPERVISED = (run: string, imports = "from ignite.engine import create_supervised_trainer") => `import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision.datasets import MNIST
from torchvision.transforms import ToTensor
${imports}

model = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
train_loader = DataLoader(MNIST(".", train=True, download=True, transform=ToTensor()), batch_size=128, shuffle=True)
trainer = create_supervised_trainer(model, optimizer, nn.CrossEntropyLoss())
${run}
`;

describe("Ignite engines", () => {
  it("reads max_epochs of a supervised trainer's run, and Ignite's default of 1", async () => {
    const plan = await planOf(SUPERVISED("trainer.run(train_loader, max_epochs=7)"));
    assert.equal(plan.epochs?.value, 7);
    assert.match(plan.epochs?.detail ?? "", /Engine\.run/);
    assert.equal(plan.samples?.value, 60000);
    assert.equal(plan.batch?.value, 128);
    const once = await planOf(SUPERVISED("trainer.run(train_loader)"));
    assert.equal(once.epochs?.value, 1);
    assert.equal(once.epochs?.source, "default");
  });

  it("an Engine whose step runs backward trains, epoch_length iterations per epoch; an evaluator's run is not the run's", async () => {
    const plan = await planOf(`import torch
from torch import nn
from ignite.engine import Engine

model = nn.Linear(10, 2)
optimizer = torch.optim.Adam(model.parameters())
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.randn(1000, 10)), batch_size=10, shuffle=True)


def train_step(engine, batch):
    optimizer.zero_grad()
    loss = model(batch[0]).sum()
    loss.backward()
    optimizer.step()
    return loss.item()


def eval_step(engine, batch):
    with torch.no_grad():
        return model(batch[0])


evaluator = Engine(eval_step)
trainer = Engine(train_step)
evaluator.run(loader, max_epochs=9)
trainer.run(loader, 3, epoch_length=50)
`);
    assert.equal(plan.epochs?.value, 3);
    assert.equal(plan.steps?.value, 150);
  });

  it("reads nothing of Ignite's in a file that does not import it", async () => {
    const plan = await planOf(SUPERVISED("trainer.run(train_loader, max_epochs=7)", "from mylib import create_supervised_trainer"));
    assert.notEqual(plan.epochs?.value, 7);
  });
});
