// A DataLoader batched by its whole dataset (`DataLoader(ds, batch_size=len(ds))`) drawn once a pass by a step loop
// (`xb, yb = next(iter(loader))`): each step trains on all of the data, so the loop's passes are epochs and the batch
// is the dataset's size, unknown where the code does not show it (whole-dataset-loader.ts, read by training-plan.ts).
import { strict as assert } from "node:assert";
import { planOptimizerSteps } from "../../../../src/core/training/plan-steps";
import { analyze } from "../../helpers/analyze";

const WHOLE = (dataset: string) => `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from torchvision import datasets, transforms

points = ${dataset}
everything = DataLoader(points, batch_size=len(points), shuffle=True)
head = nn.Linear(6, 2)
sgd = torch.optim.SGD(head.parameters(), lr=0.1)
ce = nn.CrossEntropyLoss()
for it in range(30):
    xb, yb = next(iter(everything))
    loss = ce(head(xb), yb)
    sgd.zero_grad()
    loss.backward()
    sgd.step()
`;

const figures = async (text: string) => {
  const result = await analyze(text);
  const plan = result.training;
  return { epochs: plan?.epochs?.value, batch: plan?.batch?.value, samples: plan?.samples?.value, steps: plan && planOptimizerSteps(plan)?.value, fromData: plan?.batchFromData?.detail };
};

describe("a step loop drawing a loader's whole dataset each pass", () => {
  it("takes one epoch a step over a dataset of known size", async () => {
    const f = await figures(WHOLE("TensorDataset(torch.rand(240, 6), torch.randint(0, 2, (240,)))"));
    assert.deepEqual([f.epochs, f.batch, f.samples, f.steps], [30, 240, 240, 30]);
  });

  it("says the batch is the dataset's unknown size, not the model input's, where the code does not show it", async () => {
    const f = await figures(WHOLE('datasets.ImageFolder("absent_folder", transforms.ToTensor())'));
    assert.deepEqual([f.epochs, f.batch, f.steps], [30, undefined, 30]);
    assert.match(f.fromData ?? "", /next\(iter\(everything\)\).*whole dataset/);
  });

  it("reads no epochs where the batch is another dataset's length", async () => {
    const other = WHOLE("TensorDataset(torch.rand(240, 6), torch.randint(0, 2, (240,)))").replace("batch_size=len(points)", "batch_size=len(points) // 4");
    assert.equal((await figures(other)).epochs, undefined);
  });
});
