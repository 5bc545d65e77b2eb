import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";
import { randomSplitLengths, trainTestSplitSizes } from "../../../../src/core/training/split-sizes";

// Scripts written for these tests: the part of a dataset a loader is fed (random_split by fractions, a
// train_test_split of indices or arrays, ConcatDataset of parts, a Subset of indices that cannot be worked out).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const script = (data: string, fed: string) => `import numpy as np
import torch
from torch.utils.data import DataLoader, Subset, TensorDataset, ConcatDataset, random_split
from sklearn.model_selection import train_test_split
from torchvision import datasets

full = datasets.MNIST("./d", train=True)
${data}
loader = DataLoader(${fed}, batch_size=100)
model = torch.nn.Linear(4, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(2):
    for x, y in loader:
        opt.zero_grad()
        model(x).sum().backward()
        opt.step()
`;

describe("the sizes of a split's parts (split sizes)", () => {
  it("random_split by fractions: floor of each, the remainder dealt round-robin from the first", () => {
    assert.deepEqual(randomSplitLengths(50000, [0.9, 0.1]), [45000, 5000]);
    assert.deepEqual(randomSplitLengths(10, [0.33, 0.33, 0.34]), [4, 3, 3]);
    assert.equal(randomSplitLengths(10, [0.5, 0.4]), undefined);
  });

  it("train_test_split: test_size rounds up, train_size down, the other is the rest, 0.25 by default", () => {
    assert.deepEqual(trainTestSplitSizes(60000, 0.25, undefined), [45000, 15000]);
    assert.deepEqual(trainTestSplitSizes(10, 0.33, undefined), [6, 4]);
    assert.deepEqual(trainTestSplitSizes(10, undefined, 0.33), [3, 7]);
    assert.deepEqual(trainTestSplitSizes(100, undefined, undefined), [75, 25]);
    assert.deepEqual(trainTestSplitSizes(100, 30, undefined), [70, 30]);
    assert.equal(trainTestSplitSizes(100, 0.8, 0.5), undefined);
  });
});

describe("the part of a dataset a loader is fed (split parts)", () => {
  it("random_split by fractions of a table dataset: the first part", async () => {
    const plan = await planOf(script("train_ds, val_ds = random_split(full, [0.8, 0.2])", "train_ds"));
    assert.equal(plan.samples?.value, 48000);
  });

  it("a Subset of train_test_split's training indices", async () => {
    const plan = await planOf(script("tr, va = train_test_split(np.arange(len(full)), test_size=0.1)\ntrain_ds = Subset(full, tr)", "train_ds"));
    assert.equal(plan.samples?.value, 54000);
  });

  it("a Subset of the first N of a random permutation (numpy's or torch's): N samples", async () => {
    const numpy = await planOf(script("train_ds = Subset(full, np.random.permutation(len(full))[:5000])", "train_ds"));
    assert.equal(numpy.samples?.value, 5000);
    const rest = await planOf(script("perm = np.random.permutation(range(len(full)))\ntrain_ds = Subset(full, perm[1000:])", "train_ds"));
    assert.equal(rest.samples?.value, 59000);
    const torchPerm = await planOf(script("train_ds = Subset(full, torch.randperm(len(full))[:8000])", "train_ds"));
    assert.equal(torchPerm.samples?.value, 8000);
  });

  it("a Subset of numpy.random.choice's draws: as many samples as it draws", async () => {
    const drawn = await planOf(script("train_ds = Subset(full, np.random.choice(len(full), 4000, replace=False))", "train_ds"));
    assert.equal(drawn.samples?.value, 4000);
    const keyword = await planOf(script("picked = np.random.choice(np.arange(len(full)), size=1200)\ntrain_ds = Subset(full, picked)", "train_ds"));
    assert.equal(keyword.samples?.value, 1200);
  });

  it("a TensorDataset of train_test_split's training arrays", async () => {
    const plan = await planOf(script("X = np.zeros((1000, 4))\nyy = np.zeros(1000)\nX_tr, X_te, y_tr, y_te = train_test_split(X, yy, train_size=0.7)\ntrain_ds = TensorDataset(torch.tensor(X_tr), torch.tensor(y_tr))", "train_ds"));
    assert.equal(plan.samples?.value, 700);
  });

  it("ConcatDataset of parts whose sizes are known: their sum", async () => {
    const plan = await planOf(script("extra = datasets.FashionMNIST('./d', train=True)\nboth = ConcatDataset([full, extra])", "both"));
    assert.equal(plan.samples?.value, 120000);
  });

  it("a sampler drawing num_samples an epoch (WeightedRandomSampler, RandomSampler with replacement)", async () => {
    const weighted = await planOf(script("w = torch.ones(len(full))\ndraw = WeightedRandomSampler(w, 20000)", "full, sampler=draw").replace("import numpy as np", "import numpy as np\nfrom torch.utils.data import WeightedRandomSampler"));
    assert.equal(weighted.samples?.value, 20000);
    const random = await planOf(script("draw = torch.utils.data.RandomSampler(full, replacement=True, num_samples=5000)", "full, sampler=draw"));
    assert.equal(random.samples?.value, 5000);
    const plain = await planOf(script("draw = torch.utils.data.RandomSampler(full)", "full, sampler=draw"));
    assert.equal(plain.samples?.value, 60000);
  });

  it("a Subset or ConcatDataset whose size is not known: not the whole dataset's samples", async () => {
    const subset = await planOf(script("picked = some_indices()\ntrain_ds = Subset(full, picked)", "train_ds"));
    assert.equal(subset.samples, undefined);
    const concat = await planOf(script("both = ConcatDataset([full, other_dataset()])", "both"));
    assert.equal(concat.samples, undefined);
  });

  it("indices a comprehension keeps by a test on labels the analysis does not have: unknown, not every index", async () => {
    const labels = await planOf(script("keep = [i for i, t in enumerate(full.targets) if t < 5]\ntrain_ds = Subset(full, keep)", "train_ds"));
    assert.equal(labels.samples, undefined);
    const known = await planOf(script("keep = [i for i in range(len(full)) if i % 4 != 0]\ntrain_ds = Subset(full, keep)", "train_ds"));
    assert.equal(known.samples?.value, 45000);
  });
});
