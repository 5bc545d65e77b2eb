import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// numpy.ndarray's repeat, transpose and dot follow numpy, and arithmetic on an array keeps it an array
// (src/core/interp/numpy-array-methods.ts, torch/catalogue.ts): a dataset whose length comes through them is read.
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (build: string) => `import numpy as np
import torch
from torch import nn
from torch.utils.data import Dataset, DataLoader

def make(count):
    grey = np.zeros((count, 1, 16, 16))
${build}
    return images

class Shapes(Dataset):
    def __init__(self, count):
        self.images = make(count)
    def __len__(self):
        return len(self.images)
    def __getitem__(self, i):
        return self.images[i]

loader = DataLoader(Shapes(300), batch_size=20)
model = nn.Conv2d(3, 4, 3, padding=1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(2):
    for x in loader:
        opt.zero_grad()
        model(x.float().permute(0, 3, 1, 2)).mean().backward()
        opt.step()
`;

describe("numpy array methods that differ from torch's (numpy-array-methods.ts)", function () {
  this.timeout(20_000);
  it("array * 255, .repeat(3, axis=1) and .transpose([0, 2, 3, 1]) keep the 300 rows", async () => {
    const plan = await planOf(SCRIPT("    images = (grey * 255).repeat(3, axis=1).transpose([0, 2, 3, 1]).astype(np.uint8)"));
    assert.equal(plan.samples?.value, 300);
    assert.equal(plan.steps?.value ?? (plan.epochs!.value * Math.ceil(plan.samples!.value / plan.batch!.value)), 30);
  });

  it("np.repeat with one count per row, and transpose with spread axes", async () => {
    const plan = await planOf(SCRIPT("    images = np.repeat(grey, [2] * 300, axis=0).transpose(0, 2, 3, 1)"));
    assert.equal(plan.samples?.value, 600);
  });

  it("repeat with no axis flattens: the rows are no longer the count", async () => {
    const plan = await planOf(SCRIPT("    images = grey.repeat(3)"));
    assert.equal(plan.samples?.value, 300 * 16 * 16 * 3);
  });
  it("np.dot and .dot are matrix products that keep the left array's rows, on arrays from any numpy builder", async () => {
    const fit = (target: string) => `import numpy as np
import tensorflow as tf

feats = np.random.rand(420, 6)
coef = np.random.rand(6, 2)
${target}
reg = tf.keras.Sequential([tf.keras.layers.Dense(2, input_shape=(2,))])
reg.compile(optimizer="sgd", loss="mse")
reg.fit(target, target, epochs=3, batch_size=20)
`;
    assert.equal((await planOf(fit("target = feats.dot(coef) + 0.5"))).samples?.value, 420);
    assert.equal((await planOf(fit("target = np.dot(feats, coef)"))).samples?.value, 420);
    // (6, 420) · (420, 6) · (6, 2): six rows, not 420.
    assert.equal((await planOf(fit("target = feats.T.dot(feats).dot(coef)"))).samples?.value, 6);
    // Inner sizes that differ give no array.
    assert.equal((await planOf(fit("target = feats.dot(feats)"))).samples?.value, undefined);
  });
});

describe("numpy.sum of known numbers (numpy-arrays.ts)", function () {
  this.timeout(20_000);
  it("adds a list of step counts into the loop's bound; an axis keeps it unknown", async () => {
    const script = (total: string) => `import numpy as np
import torch
from torch import nn

phases = [1500, 500]
model = nn.Linear(4, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for step in range(1, ${total} + 1):
    opt.zero_grad()
    model(torch.randn(16, 4)).sum().backward()
    opt.step()
`;
    assert.equal((await planOf(script("np.sum(phases)"))).steps?.value, 2000);
    assert.equal((await planOf(script("np.sum(np.array(phases))"))).steps?.value, 2000);
    assert.notEqual((await planOf(script("int(np.sum(np.zeros((3, 4)), axis=0)[0])"))).steps?.value, 2000);
  });
});
