import { strict as assert } from "node:assert";
import { analyze } from "../../helpers/analyze";

// Our own pre-v3 sentence-transformers run: three pairs wrapped in a SentencesDataset, batches of 2, two epochs.
const script = (imports: string, wrap: string) => `${imports}
from torch.utils.data import DataLoader

model = SentenceTransformer("some/encoder")
pairs = [InputExample(texts=["a", "b"], label=1.0), InputExample(texts=["c", "d"], label=0.0), InputExample(texts=["e", "f"], label=0.5)]
train_data = ${wrap}
loader = DataLoader(train_data, shuffle=True, batch_size=2)
loss = losses.CosineSimilarityLoss(model)
model.fit(train_objectives=[(loader, loss)], epochs=2, warmup_steps=1)
`;

describe("sentence-transformers' SentencesDataset keeps one sample per example (src/core/training/sentence-transformers-datasets.ts)", () => {
  it("a DataLoader over it draws len(examples) samples an epoch", async () => {
    const plan = (await analyze(script("from sentence_transformers import SentenceTransformer, SentencesDataset, InputExample, losses", "SentencesDataset(pairs, model)"))).training;
    assert.deepEqual([plan?.samples?.value, plan?.batch?.value, plan?.epochs?.value], [3, 2, 2]);
    const nested = (await analyze(script("from sentence_transformers import SentenceTransformer, InputExample, losses\nfrom sentence_transformers.datasets import SentencesDataset", "SentencesDataset(examples=pairs, model=model)"))).training;
    assert.equal(nested?.samples?.value, 3);
  });

  it("a class of that name from elsewhere is not read", async () => {
    const plan = (await analyze(script("from sentence_transformers import SentenceTransformer, InputExample, losses\nfrom mydata import SentencesDataset", "SentencesDataset(pairs, model)"))).training;
    assert.equal(plan?.samples, undefined);
  });
});
