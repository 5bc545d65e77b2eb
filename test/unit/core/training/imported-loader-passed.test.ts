import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainingPlanOf } from "../../../../src/core/analysis-result";

// A loader another file builds at its top level, imported by the script and passed to a training function of a third
// file whose step loop walks that parameter (src/core/training/imported-loader.ts namesPassedToWalk). Files written for
// this test.
const data = `import torch
from torch.utils.data import DataLoader, TensorDataset
ds = TensorDataset(torch.randn(500, 10), torch.randint(0, 2, (500,)))
train_dataloader = DataLoader(ds, batch_size=4, shuffle=False)
`;
const helpers = `def train(dataloader, model, loss_fn, opt):
    for X, y in dataloader:
        loss = loss_fn(model(X), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
`;
const script = (passed: string) => `import torch
import torch.nn as nn
from data import train_dataloader
from helpers import train
model = nn.Linear(10, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(2):
    train(${passed}, model, nn.CrossEntropyLoss(), opt)
`;

const planOf = async (text: string, helperText = helpers) => {
  const result = await analyze(text, { others: { "/project/data.py": data, "/project/helpers.py": helperText } });
  return trainingPlanOf(result, result.models[0]!);
};

describe("an imported loader passed to another file's training function", () => {
  it("gives the batch and samples of the loader the function's step loop walks", async () => {
    const plan = await planOf(script("train_dataloader"));
    assert.equal(plan?.epochs?.value, 2);
    assert.equal(plan?.batch?.value, 4);
    assert.match(plan?.batch?.detail ?? "", /train_dataloader, imported from data\.py/);
    assert.equal(plan?.samples?.value, 500);
  });

  it("passed by keyword, the same", async () => {
    const plan = await planOf(script("dataloader=train_dataloader"));
    assert.equal(plan?.batch?.value, 4);
  });

  it("an imported name the function does not walk gives nothing", async () => {
    const own = `import torch\n${helpers.replace("for X, y in dataloader:", "for X, y in [(torch.randn(8, 10), torch.zeros(8).long())]:")}`;
    const plan = await planOf(script("train_dataloader"), own);
    assert.notEqual(plan?.batch?.value, 4);
  });
});
