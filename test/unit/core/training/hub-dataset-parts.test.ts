import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import { trainSplitSlice } from "../../../../src/core/training/split-slicing";

// A small fine-tuning loop over a Hugging Face dataset; LOAD is replaced by each case's way of taking part of it.
const SCRIPT = `import torch
import torch.nn as nn
from torch.utils.data import DataLoader
from datasets import load_dataset

LOAD
loader = DataLoader(train_ds, batch_size=10, shuffle=True)
head = nn.Linear(16, 4)
opt = torch.optim.AdamW(head.parameters())
for epoch in range(3):
    for batch in loader:
        loss = head(batch["x"]).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
`;

const samplesOf = async (load: string) => (await analyze(SCRIPT.replace("LOAD", load))).training?.samples?.value;

describe("parts of Hugging Face datasets", () => {
  it("reads split slices as the datasets library rounds them", async () => {
    assert.equal(await samplesOf(`train_ds = load_dataset("ag_news", split="train[:10%]")`), 12_000);
    assert.equal(await samplesOf(`train_ds = load_dataset("ag_news", split="train[:3000]")`), 3000);
    assert.equal(await samplesOf(`train_ds = load_dataset("ag_news", split="train[-25%:]")`), 30_000);
    assert.equal(await samplesOf(`train_ds = load_dataset("ag_news", split="test[:10%]")`), undefined, "a slice of another split is not the training split's");
    assert.equal(trainSplitSlice(3668, "train[:33%]"), 1210, "round(3668 × 0.33) = 1210");
  });

  it("follows select, shard and train_test_split along a chain and through names", async () => {
    assert.equal(await samplesOf(`train_ds = load_dataset("ag_news")["train"].shuffle(seed=1).select(range(2000))`), 2000);
    assert.equal(await samplesOf(`raw = load_dataset("ag_news", split="train")\ntrain_ds = raw.shard(num_shards=7, index=2)`), 17_143, "120,000 = 7 × 17,142 + 6: the first six shards hold one more");
    assert.equal(await samplesOf(`raw = load_dataset("ag_news", split="train")\ntrain_ds = raw.train_test_split(test_size=0.15, seed=0)["train"]`), 102_000);
    assert.equal(await samplesOf(`raw = load_dataset("ag_news", split="train")\nsmall = raw.select(range(500))\ntrain_ds = small.map(lambda r: r, batched=True)`), 500, "map keeps the rows");
  });

  it("knows the training splits of more hub sets, image sets and configurations included", async () => {
    assert.equal(await samplesOf(`train_ds = load_dataset("ylecun/mnist", split="train")`), 60_000);
    assert.equal(await samplesOf(`train_ds = load_dataset("cifar10")["train"]`), 50_000);
    assert.equal(await samplesOf(`train_ds = load_dataset("cnn_dailymail", "3.0.0", split="train[:1%]")`), 2_871);
    assert.equal(await samplesOf(`train_ds = load_dataset("cnn_dailymail", split="train")`), undefined, "its configuration is required");
    assert.equal(await samplesOf(`train_ds = load_dataset("wikitext", "wikitext-2-raw-v1", split="train")`), undefined, "regrouped into blocks: rows are not samples");
  });

  it("leaves a filtered dataset's size unknown rather than the whole split's", async () => {
    assert.equal(await samplesOf(`train_ds = load_dataset("ag_news", split="train").filter(lambda r: r["label"] == 1)`), undefined);
    assert.equal(await samplesOf(`raw = load_dataset("ag_news", split="train")\ntrain_ds = raw.filter(lambda r: len(r["text"]) < 200)`), undefined);
  });
});
