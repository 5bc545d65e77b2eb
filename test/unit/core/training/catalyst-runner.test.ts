import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Catalyst's Runner.train owns the loop: its num_epochs are the run's (catalyst-runner.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const script = (epochs: string) => `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset
from catalyst import dl

EPOCHS = 12
net = nn.Linear(6, 3)
data = TensorDataset(torch.randn(320, 6), torch.randint(0, 3, (320,)))
loaders = {"train": DataLoader(data, batch_size=40, shuffle=True), "valid": DataLoader(data, batch_size=40)}
runner = dl.SupervisedRunner()
runner.train(model=net, criterion=nn.CrossEntropyLoss(), optimizer=torch.optim.Adam(net.parameters()), loaders=loaders${epochs})
`;

describe("Catalyst's Runner.train (src/core/training/catalyst-runner.ts)", () => {
  it("runs num_epochs epochs of the train loader", async () => {
    const plan = await planOf(script(", num_epochs=EPOCHS, verbose=True"));
    assert.equal(plan.epochs?.value, 12);
    assert.match(plan.epochs!.detail, /Catalyst's Runner\.train/);
    assert.equal(plan.batch?.value, 40);
  });

  it("runs one epoch when given no num_epochs", async () => {
    const plan = await planOf(script("").replace("EPOCHS = 12\n", ""));
    assert.equal(plan.epochs?.value, 1);
    assert.equal(plan.epochs?.source, "default");
  });
});
