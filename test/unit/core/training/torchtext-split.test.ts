import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";
import type { TrainingPlan } from "../../../../src/core/training/training-plan";

// torchtext's legacy Dataset.split keeps int(round(ratio × N)) examples for training, 0.7 by default
// (src/core/training/torchtext-split.ts).
const planOf = async (text: string): Promise<TrainingPlan> => (await analyze(text)).training ?? {};

const SCRIPT = (split: string) => `import torch
from torch import nn
from torchtext import data, datasets

words = data.Field(batch_first=True, fix_length=50)
tags = data.LabelField(dtype=torch.float)
reviews, held = datasets.IMDB.splits(words, tags)
${split}
words.build_vocab(reviews, max_size=2000)
tags.build_vocab(reviews)
train_it, valid_it = data.BucketIterator.splits((reviews, held), batch_size=100)

net = nn.Sequential(nn.Embedding(2002, 16), nn.Flatten(), nn.Linear(800, 1))
opt = torch.optim.Adam(net.parameters())
for epoch in range(2):
    for batch in train_it:
        opt.zero_grad()
        nn.functional.binary_cross_entropy_with_logits(net(batch.text).squeeze(1), batch.label).backward()
        opt.step()
`;

describe("torchtext legacy Dataset.split", () => {
  it("keeps 70% of the examples for training by default, or the ratio given", async () => {
    assert.equal((await planOf(SCRIPT("reviews, checks = reviews.split()"))).samples?.value, 17500);
    assert.equal((await planOf(SCRIPT("reviews, checks = reviews.split(split_ratio=0.8)"))).samples?.value, 20000);
    assert.equal((await planOf(SCRIPT("reviews, checks, spare = reviews.split([6, 2, 2])"))).samples?.value, 15000);
  });

  it("leaves the whole split where there is none, and a stratified split unread", async () => {
    assert.equal((await planOf(SCRIPT(""))).samples?.value, 25000);
    assert.notEqual((await planOf(SCRIPT("reviews, checks = reviews.split(stratified=True)"))).samples?.value, 17500);
  });
});
