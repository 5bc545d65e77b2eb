import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// `TensorDataset(*data_arrays)` over tensors a helper builds (d2l's load_array): the first tensor's rows are the
// samples (src/core/training/training-plan.ts, TensorDataset).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (make: string, arrays: string) => `import numpy as np
import torch
from torch import nn
from torch.utils import data

def synthetic_data(w, b, num_examples):
${make}
    y = torch.matmul(X, w) + b
    return X, y.reshape((-1, 1))

true_w = torch.tensor([2.0, -3.4])
features, labels = synthetic_data(true_w, 4.2, 1000)

def load_array(data_arrays, batch_size, is_train=True):
    dataset = data.TensorDataset(*data_arrays)
    return data.DataLoader(dataset, batch_size, shuffle=is_train)

data_iter = load_array(${arrays}, 10)
net = nn.Sequential(nn.Linear(2, 1))
trainer = torch.optim.SGD(net.parameters(), lr=0.03)
for epoch in range(3):
    for X, y in data_iter:
        l = nn.functional.mse_loss(net(X), y)
        trainer.zero_grad()
        l.backward()
        trainer.step()
`;

describe("TensorDataset(*arrays) of tensors a helper builds", function () {
  this.timeout(20_000);
  it("torch.normal(0, 1, (num_examples, 2)) through load_array((features, labels), 10): 1,000 samples, 300 steps", async () => {
    const plan = await planOf(SCRIPT("    X = torch.normal(0, 1, (num_examples, len(w)))", "(features, labels)"));
    assert.equal(plan.batch?.value, 10);
    assert.equal(plan.samples?.value, 1000);
    assert.equal(plan.epochs?.value, 3);
    assert.match(plan.samples?.detail ?? "", /first tensor's first dimension/);
  });

  it("arrays of unknown rows leave the samples unknown", async () => {
    const plan = await planOf(SCRIPT("    X = torch.from_numpy(np.load('features.npy'))", "(features, labels)"));
    assert.equal(plan.samples, undefined);
  });
});
