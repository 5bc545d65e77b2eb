import * as assert from "assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

const planOf = async (text: string, others: Record<string, string> = {}): Promise<TrainingPlan> => (await analyze(text, { others })).training ?? {};

// A training loop over whatever `loader` the setup lines bind.
const LOOP = `
model = nn.Linear(100, 2)
opt = torch.optim.Adam(model.parameters())
for epoch in range(3):
    for batch in train_iter:
        opt.zero_grad()
        model(batch.text).sum().backward()
        opt.step()
`;

const script = (imports: string, setup: string) => `import torch\nimport torch.nn as nn\n${imports}\n${setup}\n${LOOP}`;

describe("text datasets: torchtext and Hugging Face training splits", () => {
  it("torchtext's legacy IMDB.splits gives the training part first; BucketIterator.splits batches it", async () => {
    const plan = await planOf(script("from torchtext import data, datasets", "TEXT = data.Field()\nLABEL = data.LabelField()\ntrain, test = datasets.IMDB.splits(TEXT, LABEL)\ntrain_iter, test_iter = data.BucketIterator.splits((train, test), batch_size=64)"));
    assert.strictEqual(plan.samples?.value, 25_000);
    assert.strictEqual(plan.batch?.value, 64);
    assert.match(plan.samples?.detail ?? "", /Maas et al\. 2011/);
  });

  it("a file's own IMDB class is not torchtext's: no table samples, the iterator's batch still read", async () => {
    const own = await planOf(script("from torchtext import data", "class IMDB:\n    @staticmethod\n    def splits(a, b):\n        return [], []\ntrain, test = IMDB.splits(None, None)\ntrain_iter = data.BucketIterator(train, batch_size=32)"));
    assert.strictEqual(own.samples, undefined);
    assert.strictEqual(own.batch?.value, 32);
  });

  it("torchtext's datasets API: AG_NEWS(split='train') and the default ('train', 'test') pair, but not split='test'", async () => {
    const named = await planOf(script("from torchtext.datasets import AG_NEWS\nfrom torch.utils.data import DataLoader", "train_data = AG_NEWS(split='train')\ntrain_iter = DataLoader(train_data, batch_size=16)"));
    assert.strictEqual(named.samples?.value, 120_000);
    assert.strictEqual(named.batch?.value, 16);
    const pair = await planOf(script("from torchtext.datasets import AG_NEWS\nfrom torch.utils.data import DataLoader", "train_data, test_data = AG_NEWS()\ntrain_iter = DataLoader(train_data, batch_size=16)"));
    assert.strictEqual(pair.samples?.value, 120_000);
    const test = await planOf(script("from torchtext.datasets import AG_NEWS\nfrom torch.utils.data import DataLoader", "test_data = AG_NEWS(split='test')\ntrain_iter = DataLoader(test_data, batch_size=16)"));
    assert.strictEqual(test.samples, undefined);
  });

  it("Hugging Face load_dataset: a named train split, a config's card, and nothing for another split or an unknown set", async () => {
    const hub = (call: string) => planOf(script("from datasets import load_dataset\nfrom torch.utils.data import DataLoader", `ds = ${call}\ntrain_iter = DataLoader(ds, batch_size=32, shuffle=True)`));
    assert.strictEqual((await hub('load_dataset("imdb", split="train")')).samples?.value, 25_000);
    assert.strictEqual((await hub('load_dataset("glue", "sst2", split="train")')).samples?.value, 67_349);
    assert.strictEqual((await hub('load_dataset("stanfordnlp/imdb", split="train")')).samples?.value, 25_000);
    assert.strictEqual((await hub('load_dataset("imdb", split="test")')).samples, undefined);
    assert.strictEqual((await hub('load_dataset("glue", "boolq", split="train")')).samples, undefined);
    // Without the datasets package imported, load_dataset is someone else's function.
    const own = await planOf(script("from torch.utils.data import DataLoader\nfrom utils import load_dataset", 'ds = load_dataset("imdb", split="train")\ntrain_iter = DataLoader(ds, batch_size=32)'));
    assert.strictEqual(own.samples, undefined);
  });

  it("an iterator that a function of another file builds: its batch and its training split's samples", async () => {
    const helper = `from torchtext.data import Field, BucketIterator\nfrom torchtext.datasets import Multi30k\n\ndef load(batch_size):\n    SRC = Field()\n    TRG = Field()\n    train, val, test = Multi30k.splits(exts=('.de', '.en'), fields=(SRC, TRG))\n    train_iter, val_iter, test_iter = BucketIterator.splits((train, val, test), batch_size=batch_size)\n    return train_iter, val_iter, test_iter\n`;
    const main = `import torch\nimport torch.nn as nn\nfrom helper import load\n\ntrain, val, test = load(32)\nmodel = nn.Linear(100, 2)\nopt = torch.optim.Adam(model.parameters())\nfor epoch in range(2):\n    for j, b in enumerate(iter(train)):\n        opt.zero_grad()\n        model(b.src).sum().backward()\n        opt.step()\n`;
    const plan = await planOf(main, { "/project/helper.py": helper });
    assert.strictEqual(plan.batch?.value, 32);
    assert.strictEqual(plan.samples?.value, 29_000);
    assert.strictEqual(plan.epochs?.value, 2);
  });
});
