import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

// Our own loop over one split of a hub DatasetDict, taken where load_dataset is called.
const loop = (part: string) => `import torch
from datasets import load_dataset
from torch.utils.data import DataLoader

net = torch.nn.Linear(4, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
rows = load_dataset("imdb")[${part}]
loader = DataLoader(rows, batch_size=10)
for epoch in range(2):
    for b in loader:
        net(b["x"]).sum().backward()
        opt.step()
`;

describe("a DatasetDict subscripted where load_dataset is called", () => {
  it('load_dataset(...)["test"] holds none of the training split\'s rows: samples unknown, not 25,000', async () => {
    const plan = await planOf(loop(`"test"`));
    assert.equal(plan.samples, undefined);
    assert.equal(plan.epochs?.value, 2);
  });

  it('load_dataset(...)["train"] keeps the training split', async () => {
    const plan = await planOf(loop(`"train"`));
    assert.equal(plan.samples?.value, 25000);
  });
});
