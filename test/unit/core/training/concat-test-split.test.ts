import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// Scripts written for these tests: a ConcatDataset of a table dataset's training and test splits, trained on as one
// (training-plan.ts's ConcatDataset reading, dataset-calls.ts testSplitSamples).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const script = (parts: string, data = "both") => `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, ConcatDataset
from torchvision import datasets

${parts}
loader = DataLoader(${data}, batch_size=100, shuffle=True)
model = nn.Linear(784, 10)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(2):
    for x, y in loader:
        opt.zero_grad()
        model(x.view(-1, 784)).sum().backward()
        opt.step()
`;

describe("a ConcatDataset of a dataset's training and test splits (dataset-calls.ts testSplitSamples)", () => {
  it("sums the training split and the test split that train=False selects", async () => {
    const plan = await planOf(script("train_set = datasets.FashionMNIST('./d', train=True)\ntest_set = datasets.FashionMNIST('./d', train=False)\nboth = ConcatDataset([train_set, test_set])"));
    assert.equal(plan.samples?.value, 70_000);
    assert.match(plan.samples?.detail ?? "", /test_set 10000/);
  });

  it("reads the splits where a test on a default option picks the dataset", async () => {
    const plan = await planOf(script("name = 'mnist'\nif name == 'mnist':\n    tr = datasets.MNIST('./d', train=True)\n    te = datasets.MNIST('./d', train=False)\nboth = ConcatDataset([tr, te])"));
    assert.equal(plan.samples?.value, 70_000);
  });

  it("takes a split='test' part by its table size (SVHN)", async () => {
    const plan = await planOf(script("tr = datasets.SVHN('./d', split='train')\nte = datasets.SVHN('./d', split='test')\nboth = ConcatDataset([tr, te])"));
    assert.equal(plan.samples?.value, 73_257 + 26_032);
  });

  it("never takes a test split alone as the run's data", async () => {
    const plan = await planOf(script("te = datasets.MNIST('./d', train=False)", "te"));
    assert.equal(plan.samples, undefined);
  });
});
