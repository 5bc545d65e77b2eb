import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// A file that batches a loaded dataset and draws a few batches to look at, training nothing, states no run
// (src/core/training/data-only-script.ts).
const SCRIPT = `import tensorflow as tf

(pictures, digits), _ = tf.keras.datasets.mnist.load_data()
pipeline = tf.data.Dataset.from_tensor_slices((pictures, digits)).shuffle(500).batch(25)
iterator = tf.compat.v1.data.make_one_shot_iterator(pipeline)
next_batch = iterator.get_next()
session = tf.compat.v1.Session()
for look in range(3):
    images, labels = session.run(next_batch)
    print(images.shape, labels[:5])
session.close()
`;

describe("a data script that trains nothing", () => {
  it("states no run for its batch and its dataset's samples", async () => {
    const plan = (await analyze(SCRIPT)).training ?? {};
    assert.deepEqual([plan.batch, plan.samples, plan.epochs, plan.steps], [undefined, undefined, undefined, undefined]);
  });

  it("keeps the run where the file names an optimizer that trains on the batches", async () => {
    const trained = SCRIPT.replace("for look in range(3):", `opt = tf.compat.v1.train.AdamOptimizer(0.001)
for look in range(3):`);
    const plan = (await analyze(trained)).training ?? {};
    assert.equal(plan.batch?.value, 25);
  });

  it("keeps the plan of a file that only builds its pipeline, drawing nothing (a data module)", async () => {
    const defined = SCRIPT.replace(/iterator = [\s\S]*$/, "");
    const plan = (await analyze(defined)).training ?? {};
    assert.equal(plan.batch?.value, 25);
  });

  it("states no run for a batch over data of unknown size that the file draws a batch from to look at", async () => {
    const plan = (await analyze(`import tensorflow as tf

train_ds = tf.keras.utils.image_dataset_from_directory("photos", validation_split=0.2, subset="training", seed=1, batch_size=16)
print(train_ds.class_names)
for images, labels in train_ds.take(1):
    print(images.shape)
`)).training ?? {};
    assert.deepEqual([plan.batch, plan.samples, plan.epochs, plan.steps], [undefined, undefined, undefined, undefined]);
  });

  // A Lightning data module file whose main block walks its first few training batches to print their shapes: its
  // `train_dataloader` hook is data, not training, a comment naming training is no code, and the counted loop draws to look.
  const MODULE = `import torch
from torch.utils.data import DataLoader, TensorDataset
import lightning as L

class PairsModule(L.LightningDataModule):
    def __init__(self, batch_size=24):
        super().__init__()
        self.batch_size = batch_size

    def setup(self, stage=None):
        self.pairs = TensorDataset(torch.randn(900, 3), torch.randn(900, 1))

    def train_dataloader(self):
        return DataLoader(self.pairs, batch_size=self.batch_size, shuffle=True)

if __name__ == "__main__":
    module = PairsModule()
    module.setup()
    # a look at the first training (shuffled) batches
    for k, (x, y) in enumerate(module.train_dataloader()):
        if k == 4:
            break
        print(k, x.shape, y.shape)
`;

  it("states no run for a data module file whose main block walks its first few batches to look at them", async () => {
    const plan = (await analyze(MODULE)).training ?? {};
    assert.deepEqual([plan.batch, plan.samples, plan.epochs, plan.steps], [undefined, undefined, undefined, undefined]);
  });

  it("keeps the batch where the walk trains on what it draws", async () => {
    const trained = MODULE.replace("        print(k, x.shape, y.shape)", `        net = torch.nn.Linear(3, 1)
        opt = torch.optim.SGD(net.parameters(), lr=0.1)
        loss = ((net(x) - y) ** 2).mean()
        loss.backward()
        opt.step()`);
    const plan = (await analyze(trained)).training ?? {};
    assert.equal(plan.batch?.value, 24);
  });

  it("states no run for a loader whose iterator is bound to a name and drawn from to look at a batch", async () => {
    const LOOK = `import torch
from torch.utils.data import DataLoader, TensorDataset

pictures = TensorDataset(torch.rand(900, 1, 28, 28), torch.randint(0, 10, (900,)))
viewer = DataLoader(pictures, batch_size=36, shuffle=True)
batches = iter(viewer)
DRAW
print(images.shape, labels[:8])
`;
    for (const draw of ["images, labels = next(batches)", "images, labels = batches.next()"]) {
      const plan = (await analyze(LOOK.replace("DRAW", draw))).training ?? {};
      assert.deepEqual([plan.batch, plan.samples], [undefined, undefined], draw);
    }
    // An iterator drawn nowhere is the loader of a data module, which keeps its plan.
    const kept = (await analyze(LOOK.replace("DRAW", "").replace("batches = iter(viewer)", "images, labels = 0, []"))).training ?? {};
    assert.equal(kept.batch?.value, 36);
  });
  it("states no run for a loop over a loader that breaks after its first batch, training nothing", async () => {
    const LOOK = `import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

tokens = TensorDataset(torch.randint(0, 500, (300, 12)), torch.randint(0, 2, (300,)))
feed = DataLoader(tokens, batch_size=6, shuffle=True)
embed = nn.Embedding(500, 16)
for ids, labels in feed:
    vectors = embed(ids)
    print(vectors.shape)
    BREAK
`;
    const looked = (await analyze(LOOK.replace("BREAK", "break"))).training ?? {};
    assert.deepEqual([looked.batch, looked.samples], [undefined, undefined]);
    // A break under a branch may come after many batches: the walk is kept.
    const walked = (await analyze(LOOK.replace("BREAK", "if vectors.sum() > 1e9:\n        break"))).training ?? {};
    assert.equal(walked.batch?.value, 6);
  });

  it("reads every draw's 'names no training' in code only, with names of training data as data", async () => {
    // A look at one batch of a loader a helper builds: the helper's name holds "train", and a comment names training.
    const LOOK = `import torch
from torch.utils.data import DataLoader, TensorDataset

def get_train_loader(n):
    return DataLoader(TensorDataset(torch.rand(n, 3), torch.rand(n, 1)), batch_size=12)

# the training script imports get_train_loader()
loader = get_train_loader(240)
x, y = next(iter(loader))
print(x.shape, y.shape)
`;
    const looked = (await analyze(LOOK)).training ?? {};
    assert.deepEqual([looked.batch, looked.samples], [undefined, undefined]);
    // A call that trains is still training: the batch stays.
    const trained = (await analyze(LOOK.replace("print(x.shape, y.shape)", "train_step(x, y)"))).training ?? {};
    assert.equal(trained.batch?.value, 12);
  });
});
